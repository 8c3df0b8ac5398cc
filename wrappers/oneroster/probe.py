"""Find out what a provider is: where its services live and what its query language can express.

``client.probe()`` (or ``oneroster probe``) sends read-only requests and returns a
:class:`ProbeReport`: the :class:`~oneroster.profiles.Profile` found (roots, trailing slash,
operation set, :class:`~oneroster.dialects.Dialect`) and the findings behind it. A capability
counts only when the provider both accepts the request **and** answers it correctly (an
anchor record comes back and every record returned matches the filter): a provider that
silently ignores a filter, or reads ``''`` as two quotes, is marked as lacking it.

What is probed, in order:

1. roots: the OneRoster 1.2 roots (without, then with TimeBack's trailing slash), the TimeBack
   platform's ``/rostering/1.0``, the 1.1 root; TimeBack's extra operations;
2. paging signals: ``X-Total-Count``, ``Link``, a body total;
3. the filter grammar on ``/users``, anchored on a real user: clause counts (3, 20, 21),
   parentheses, AND/OR mixing, dotted fields (``roles.role``, ``class.sourcedId``,
   ``user.sourcedId``), a ``role`` field, ``~``, the ``''`` escape (when a name with a quote
   is found in the first pages);
4. ``search=`` (ignored or honoured), ``fields=`` on a single GET, a nested route.

Example:
    ```python
    from oneroster import OneRoster, Profile

    with OneRoster.from_env() as client:
        report = client.probe()
    print(report)
    report.profile.save("provider.json")
    same = Profile.load("provider.json")
    ```

"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from oneroster.dialects import FULL, Dialect
from oneroster.errors import APIError, OneRosterError, ValidationError
from oneroster.filter_grammar import parse_filter
from oneroster.filters import format_value
from oneroster.matching import matches
from oneroster.paging import next_link_offset
from oneroster.planner import normalise
from oneroster.profiles import PROFILES, Profile

if TYPE_CHECKING:
    from oneroster.client import OneRoster
    from oneroster.engine import Engine

__all__ = ["ProbeReport", "probe_provider"]

# Root candidates, most specific first; each is probed with the probe's own FULL dialect so
# that filters go out exactly as written.
_CANDIDATES = ("ims", "timeback", "timeback-platform", "v1p1")
_NOWHERE = "zq9xv8-no-such-value"


@dataclass
class ProbeReport:
    """What a probe found: the profile to use, and one line per finding.

    Example:
        ```python
        report = client.probe()
        report.profile.dialect.max_clauses
        ```

    """

    profile: Profile
    findings: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        dialect = self.profile.dialect
        lines = [
            f"profile: {self.profile.name} (operations {self.profile.operations!r}, "
            f"trailing slash {'yes' if self.profile.trailing_slash else 'no'})",
            *(f"  root {service}: {root}" for service, root in sorted(self.profile.roots.items())),
            "dialect:",
            *(f"  {name}: {value}" for name, value in dialect.to_dict().items() if name != "name"),
            "findings:",
            *(f"  - {finding}" for finding in self.findings),
        ]
        return "\n".join(lines)


class _Prober:
    def __init__(self, client: OneRoster) -> None:
        self.client = client
        self.findings: list[str] = []

    def note(self, text: str) -> None:
        self.findings.append(text)

    # -- roots --------------------------------------------------------------------------------

    def _reachable(self, engine: Engine, op_id: str) -> bool | None:
        """Return True when it answered, False on 404/405 (not there), None otherwise (cannot tell)."""
        try:
            engine.send(op_id, limit=1)
        except APIError as exc:
            if exc.status_code in (404, 405):
                return False
            if exc.status_code in (401, 403):
                return True
            return None
        return True

    def roots(self) -> Profile:
        for name in _CANDIDATES:
            candidate = dataclasses.replace(PROFILES[name], dialect=FULL)
            engine = self.client._engine_for(candidate)
            found = self._reachable(engine, "getAllOrgs")
            if found:
                profile = PROFILES[name]
                if name == "ims":
                    timeback = dataclasses.replace(PROFILES["timeback"], trailing_slash=False, dialect=FULL)
                    if self._reachable(self.client._engine_for(timeback), "getAllCourseComponents"):
                        profile = dataclasses.replace(PROFILES["timeback"], trailing_slash=False)
                        self.note(
                            "the 1.2 roots answer without a trailing slash; TimeBack's extra operations exist"
                        )
                    else:
                        self.note("the 1.2 roots answer; TimeBack's extra operations do not")
                else:
                    self.note(f"the {name} roots answer ({', '.join(sorted(set(profile.roots.values())))})")
                return profile
        raise ValidationError(
            f"no OneRoster root answered at {self.client.base_url} "
            "(tried the 1.2 roots with and without a trailing slash, /rostering/1.0 and the 1.1 root)",
            field="base_url",
        )

    # -- the grammar --------------------------------------------------------------------------

    def users(self, engine: Engine, **query: Any) -> list[dict[str, Any]] | None:
        """Send a users listing as written; ``None`` when the provider refuses it (4xx)."""
        from oneroster.resources import _raw_records

        try:
            outcome = engine.send("getAllUsers", limit=query.pop("limit", 100), **query)
        except APIError as exc:
            if exc.status_code is not None and 400 <= exc.status_code < 500:
                return None
            raise
        return _raw_records(outcome, key="users")[0]

    def honoured(
        self,
        engine: Engine,
        text: str,
        anchor: dict[str, Any],
        *,
        op: str = "getAllUsers",
        key: str = "users",
    ) -> bool:
        """Whether the provider takes ``text`` and answers it correctly (anchor in, nothing wrong)."""
        from oneroster.resources import _raw_records

        try:
            outcome = engine.send(op, limit=100, filter_=text)
        except APIError as exc:
            if exc.status_code is not None and 400 <= exc.status_code < 500:
                return False
            raise
        records = _raw_records(outcome, key=key)[0]
        condition = normalise(parse_filter(text), schema="User" if key == "users" else "", dialect=FULL)
        found = any(r.get("sourcedId") == anchor.get("sourcedId") for r in records)
        return found and all(matches(record, condition) for record in records)

    def dialect(self, profile: Profile) -> Dialect:
        engine = self.client._engine_for(dataclasses.replace(profile, dialect=FULL))
        first = self.users(engine, limit=100) or []
        anchor = next((u for u in first if isinstance(u.get("sourcedId"), str) and u.get("roles")), None)
        if anchor is None:
            self.note("no user with roles to anchor the filter probes on: the profile's own dialect is kept")
            return profile.dialect
        anchor_id = format_value(anchor["sourcedId"])
        status = format_value(anchor.get("status", "active"))
        role = next(
            (
                r.get("role")
                for r in anchor["roles"]
                if isinstance(r, dict) and isinstance(r.get("role"), str)
            ),
            None,
        )

        def chain(n: int) -> str:
            return " AND ".join(
                [f"sourcedId={anchor_id}", *(f"sourcedId!='{_NOWHERE}-{i}'" for i in range(n - 1))]
            )

        checks: dict[str, Callable[[], bool]] = {
            "two": lambda: self.honoured(engine, f"sourcedId={anchor_id} AND status={status}", anchor),
            "three": lambda: self.honoured(engine, chain(3), anchor),
            "twenty": lambda: self.honoured(engine, chain(20), anchor),
            "more": lambda: self.honoured(engine, chain(21), anchor),
            "parentheses": lambda: self.honoured(
                engine, f"(sourcedId={anchor_id}) OR (sourcedId='{_NOWHERE}')", anchor
            ),
            "mixed": lambda: self.honoured(
                engine, f"sourcedId={anchor_id} AND (status={status} OR status='{_NOWHERE}')", anchor
            ),
            "roles.role": lambda: (
                role is not None and self.honoured(engine, f"roles.role={format_value(role)}", anchor)
            ),
            "role": lambda: role is not None and self.honoured(engine, f"role={format_value(role)}", anchor),
            "contains": lambda: self.honoured(
                engine, f"sourcedId~{format_value(str(anchor['sourcedId'])[1:])}", anchor
            ),
        }
        found: dict[str, bool] = {}
        for name, check in checks.items():
            try:
                found[name] = bool(check())
            except OneRosterError as exc:
                found[name] = False
                self.note(f"{name}: the probe failed ({type(exc).__name__}: {exc}); assumed unsupported")
        max_clauses: int | None
        if found["more"]:
            max_clauses = None
        elif found["twenty"]:
            max_clauses = 20
        elif found["three"]:
            max_clauses = 3
        else:
            max_clauses = 2 if found["two"] else 1
        self.note(f"filters of up to {max_clauses or 'any number of'} clauses are answered correctly")
        dotted = self.dotted(engine, found["roles.role"])
        quote_escape = self.quote_escape(engine, first)
        dialect = dataclasses.replace(
            profile.dialect,
            name=f"probed:{profile.name}",
            max_clauses=max_clauses,
            parentheses=found["parentheses"] or found["mixed"],
            mixed_connectors=found["mixed"],
            dotted_fields=dotted,
            quote_escape=quote_escape,
            contains=found["contains"],
            filter_fields={"User": ("role",)} if found["role"] else {},
            search=self.search(engine),
            nested_routes=self.nested(profile),
            fields_on_get=self.fields_on_get(engine, anchor["sourcedId"]),
            **self.paging(engine),
        )
        return dialect

    def dotted(self, engine: Engine, roles_role: bool) -> bool | frozenset[str]:
        working = {"roles.role"} if roles_role else set()
        enrollment = None
        try:
            from oneroster.resources import _raw_records

            enrollments = _raw_records(engine.send("getAllEnrollments", limit=1), key="enrollments")[0]
            enrollment = enrollments[0] if enrollments else None
        except OneRosterError:
            enrollment = None
        if enrollment is not None:
            for name in ("class.sourcedId", "user.sourcedId"):
                value = enrollment.get(name.split(".")[0], {})
                if isinstance(value, dict) and isinstance(value.get("sourcedId"), str):
                    text = f"{name}={format_value(value['sourcedId'])}"
                    if self.honoured(engine, text, enrollment, op="getAllEnrollments", key="enrollments"):
                        working.add(name)
        self.note(f"dotted filter fields answered correctly: {sorted(working) or 'none'}")
        if working == {"roles.role", "class.sourcedId", "user.sourcedId"}:
            return True
        return frozenset(working) if working else False

    def quote_escape(self, engine: Engine, first: list[dict[str, Any]]) -> bool:
        quoted = next(
            (u for u in first if isinstance(u.get("familyName"), str) and "'" in u["familyName"]), None
        )
        if quoted is None:
            self.note("no name with a quote in the first page: '' is assumed not to be an escape")
            return False
        text = f"familyName={format_value(quoted['familyName'])}"
        works = self.honoured(engine, text, quoted)
        self.note(f"'' inside a value {'is' if works else 'is not'} read as one quote")
        return works

    def search(self, engine: Engine) -> bool:
        answer = self.users(engine, limit=5, search=_NOWHERE)
        if answer is None:
            self.note("search= is refused")
            return False
        if answer:
            self.note("search= is ignored (a search for nothing returned records)")
            return False
        self.note("search= is honoured")
        return True

    def fields_on_get(self, engine: Engine, sourced_id: str) -> bool:
        from oneroster.resources import raw_single

        try:
            record = raw_single(engine.send("getUser", sourced_id=sourced_id, fields="sourcedId"), key="user")
        except OneRosterError:
            self.note("fields= on a single GET could not be checked")
            return False
        honoured = set(record) <= {"sourcedId"}
        self.note(f"fields= on a single GET is {'honoured' if honoured else 'ignored'}")
        return honoured

    def nested(self, profile: Profile) -> bool:
        engine = self.client._engine_for(dataclasses.replace(profile, dialect=FULL))
        nested = [op for op in ("getStudentsForClass", "getEnrollmentsForClass") if engine.available(op)]
        if not nested:
            return profile.dialect.nested_routes is True
        from oneroster.resources import _raw_records

        try:
            classes = _raw_records(engine.send("getAllClasses", limit=1), key="classes")[0]
        except OneRosterError:
            classes = []
        if not classes:
            self.note("no class to probe a nested route with: assumed present")
            return True
        try:
            engine.send(nested[0], class_sourced_id=classes[0]["sourcedId"], limit=1)
        except APIError as exc:
            if exc.status_code == 404:
                self.note(f"nested routes are missing ({nested[0]} answers 404 for an existing class)")
                return False
            raise
        self.note("nested routes exist")
        return True

    def paging(self, engine: Engine) -> dict[str, bool]:
        outcome = engine.send("getAllUsers", limit=1)
        headers = outcome.response.headers
        body = outcome.json()
        totals = "x-total-count" in headers or (
            isinstance(body, dict) and any(k in body for k in ("totalCount", "total"))
        )
        links = next_link_offset(headers.get("link")) is not None
        self.note(f"paging: totals {'yes' if totals else 'no'}, Link {'yes' if links else 'no'}")
        return {"totals": totals, "links": links}


def probe_provider(client: OneRoster) -> ProbeReport:
    """Probe the provider behind ``client`` (read-only) and return what was found.

    Example:
        ```python
        report = probe_provider(client)
        ```

    """
    prober = _Prober(client)
    profile = prober.roots()
    dialect = prober.dialect(profile)
    found = dataclasses.replace(profile, name=f"probed-{profile.name}", dialect=dialect)
    return ProbeReport(profile=found, findings=prober.findings)
