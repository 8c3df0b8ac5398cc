"""The query planner: the same question gets the same records from every provider.

Resources ask for records ("the students of class c-1 whose status is active, sorted by
family name"); the planner decides the requests the provider's
:class:`~oneroster.dialects.Dialect` can take, and what the client finishes itself:

1. **Direct.** The whole question fits one request (the nested route exists, the filter
   fits the grammar): server pages are the pages, nothing happens client-side.
2. **Split.** A filter the provider cannot take in one piece is put in disjunctive normal
   form; each term becomes one request carrying the clauses the provider can take (at most
   ``max_clauses``, joined by one operator), the rest is checked by the client. An OR of
   values is one request per value (paired up where the grammar allows ``a OR b``), merged
   and de-duplicated by ``sourcedId``. A ``role`` condition on users is sent as ``role``,
   ``roles.role``, as the ``/students``/``/teachers`` collection or checked by the client.
3. **Fallback.** A nested listing the provider lacks (no such operation in the profile,
   or a 404 for the route while the parent exists, remembered per client) is answered from
   top-level collections by what it means: ``classes(c).enrollments`` is the enrollments
   whose ``class.sourcedId`` is ``c``; ``classes(c).students`` the students with a student
   enrollment in ``c`` (their ids, then the students in batches of ids).
4. **Refusal.** What no plan can answer correctly (``search=`` on a provider without it)
   raises :class:`UnsupportedQuery` before anything is sent; a plan that must read a whole
   collection to answer a narrower question logs a WARNING, or is refused when the client
   was built with ``full_scans="refuse"``.

``limit``/``offset`` of a planned query count records of the *merged* answer: ``list(limit=20,
offset=40)`` returns its records 40 to 59, and the page's ``next_offset`` is 60, whatever
requests it took. Without ``sort=``, a merged answer keeps the order in which records
arrived; pass ``sort=`` for a defined order (the client then sorts like the server would).

Example:
    ```python
    plan = client.classes("c-1").students.explain(where={"status": "active"})
    print(plan)            # the requests, what the client filters, and whether it scans
    plan.requests_sent     # None until run; the number of requests after a run
    ```

"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Final, Literal

from oneroster.dialects import Dialect
from oneroster.errors import NotFound, ValidationError
from oneroster.filter_grammar import clauses, unquote, violation
from oneroster.filters import Clause, Condition, F, Group
from oneroster.legacy import legacy_to_v1p2
from oneroster.matching import field_roots, matches, project, sort_records, values_at
from oneroster.operation_index import OPERATIONS
from oneroster.paging import Page, iterate

__all__ = [
    "MAX_REQUESTS",
    "MEANINGS",
    "Ask",
    "Meaning",
    "Plan",
    "UnsupportedQuery",
    "View",
    "normalise",
    "split",
]

logger = logging.getLogger("oneroster.planner")

# Most requests one query may fan out to before the planner prefers one wider request
# filtered by the client: an OR of 64 values is 64 requests at most (32 where ``a OR b`` fits).
MAX_REQUESTS: Final = 64
# Ids sent in one request when the grammar has no clause limit (URLs stay short).
ID_BATCH: Final = 20
# OneRoster 1.1 role names and the 1.2 roles that replaced them.
LEGACY_ROLES: Final[Mapping[str, tuple[str, ...]]] = {
    "administrator": ("districtAdministrator", "siteAdministrator"),
}
_ROLE: Final = "roles.role"


class UnsupportedQuery(ValidationError):
    """No plan answers this query correctly on this provider; nothing was sent.

    ``capability`` names the :class:`~oneroster.dialects.Dialect` capability that is missing.

    Example:
        ```python
        try:
            client.users.list(search="ann")        # on a provider without search
        except UnsupportedQuery as exc:
            print(exc.capability)                  # 'search'
        ```

    """

    def __init__(self, message: str, *, capability: str) -> None:
        super().__init__(message, field=capability)
        self.capability = capability


@dataclass(frozen=True)
class View:
    """A top-level collection the planner can read: its list and get operations and record schema."""

    name: str
    list_ops: tuple[str, ...]
    get_ops: tuple[str, ...]
    key: str
    schema: str
    single_key: str


@dataclass(frozen=True)
class Ask:
    """What the caller asked for, validated: condition, sort, selection, search and page size."""

    condition: Condition | None = None
    sort: str | None = None
    order_by: str | None = None
    fields: tuple[str, ...] | None = None
    search: str | None = None
    limit: int | None = None


# -- what nested listings mean ------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    """Ids taken from the records of ``view`` matching ``where`` (values ``$n`` are path ids)."""

    view: str
    where: tuple[tuple[str, str], ...]
    pick: str


@dataclass(frozen=True)
class Listed:
    """Ids listed in the record of parent ``index`` (e.g. a class's ``resources``)."""

    index: int
    pick: str


@dataclass(frozen=True)
class Meaning:
    """What a nested listing returns, in terms of top-level collections.

    ``view`` is the collection returned; ``parents`` the views each path id must exist in;
    ``where`` fixed equality conditions (``$0`` is the first path id); ``ids`` restricts
    ``id_field`` (``sourcedId`` by default) to ids found by a :class:`Link` or
    :class:`Listed`; ``guard`` (parent index, field, path index) returns nothing when a
    parent's field does not name that path id (a class of another school).
    """

    view: str
    parents: tuple[str, ...]
    where: tuple[tuple[str, str], ...] = ()
    ids: Link | Listed | None = None
    id_field: str = "sourcedId"
    guard: tuple[int, str, int] | None = None


def _enrolled(by: str, role: str | None, pick: str) -> Link:
    where = ((f"{by}.sourcedId", "$0"),) + ((("role", role),) if role else ())
    return Link("enrollments", where, pick)


_LINE_ITEMS_OF_CLASS: Final = Link("line_items", (("class.sourcedId", "$0"),), "sourcedId")

MEANINGS: dict[str, Meaning] = {
    "users.classes": Meaning("classes", ("users",), ids=_enrolled("user", None, "class.sourcedId")),
    "users.resources": Meaning("resources", ("users",), ids=Listed(0, "resources.sourcedId")),
    "users.agents": Meaning("users", ("users",), ids=Listed(0, "agents.sourcedId")),
    "users.agent_for": Meaning("users", ("users",), where=(("agents.sourcedId", "$0"),)),
    "users.enrollments": Meaning("enrollments", ("users",), where=(("user.sourcedId", "$0"),)),
    "students.classes": Meaning(
        "classes", ("students",), ids=_enrolled("user", "student", "class.sourcedId")
    ),
    "teachers.classes": Meaning(
        "classes", ("teachers",), ids=_enrolled("user", "teacher", "class.sourcedId")
    ),
    "classes.students": Meaning(
        "students", ("classes",), ids=_enrolled("class", "student", "user.sourcedId")
    ),
    "classes.teachers": Meaning(
        "teachers", ("classes",), ids=_enrolled("class", "teacher", "user.sourcedId")
    ),
    "classes.enrollments": Meaning("enrollments", ("classes",), where=(("class.sourcedId", "$0"),)),
    "classes.line_items": Meaning("line_items", ("classes",), where=(("class.sourcedId", "$0"),)),
    "classes.results": Meaning(
        "results", ("classes",), ids=_LINE_ITEMS_OF_CLASS, id_field="lineItem.sourcedId"
    ),
    "classes.categories": Meaning(
        "categories", ("classes",), ids=Link("line_items", (("class.sourcedId", "$0"),), "category.sourcedId")
    ),
    "classes.score_scales": Meaning("score_scales", ("classes",), where=(("class.sourcedId", "$0"),)),
    "classes.resources": Meaning("resources", ("classes",), ids=Listed(0, "resources.sourcedId")),
    "classes.line_item.results": Meaning(
        "results",
        ("classes", "line_items"),
        where=(("lineItem.sourcedId", "$1"),),
        guard=(1, "class.sourcedId", 0),
    ),
    "classes.student.results": Meaning(
        "results",
        ("classes", "students"),
        where=(("student.sourcedId", "$1"),),
        ids=_LINE_ITEMS_OF_CLASS,
        id_field="lineItem.sourcedId",
    ),
    "schools.classes": Meaning("classes", ("schools",), where=(("school.sourcedId", "$0"),)),
    "schools.courses": Meaning("courses", ("schools",), where=(("org.sourcedId", "$0"),)),
    "schools.terms": Meaning(
        "terms", ("schools",), ids=Link("classes", (("school.sourcedId", "$0"),), "terms.sourcedId")
    ),
    "schools.teachers": Meaning("teachers", ("schools",), where=(("roles.org.sourcedId", "$0"),)),
    "schools.students": Meaning("students", ("schools",), where=(("roles.org.sourcedId", "$0"),)),
    "schools.enrollments": Meaning("enrollments", ("schools",), where=(("school.sourcedId", "$0"),)),
    "schools.score_scales": Meaning(
        "score_scales",
        ("schools",),
        ids=Link("classes", (("school.sourcedId", "$0"),), "sourcedId"),
        id_field="class.sourcedId",
    ),
    "schools.line_items": Meaning("line_items", ("schools",), where=(("school.sourcedId", "$0"),)),
    "schools.class_.students": Meaning(
        "students",
        ("schools", "classes"),
        ids=Link("enrollments", (("class.sourcedId", "$1"), ("role", "student")), "user.sourcedId"),
        guard=(1, "school.sourcedId", 0),
    ),
    "schools.class_.teachers": Meaning(
        "teachers",
        ("schools", "classes"),
        ids=Link("enrollments", (("class.sourcedId", "$1"), ("role", "teacher")), "user.sourcedId"),
        guard=(1, "school.sourcedId", 0),
    ),
    "schools.class_.enrollments": Meaning(
        "enrollments", ("schools", "classes"), where=(("school.sourcedId", "$0"), ("class.sourcedId", "$1"))
    ),
    "terms.classes": Meaning("classes", ("terms",), where=(("terms.sourcedId", "$0"),)),
    "terms.grading_periods": Meaning("grading_periods", ("terms",), where=(("parent.sourcedId", "$0"),)),
    "courses.classes": Meaning("classes", ("courses",), where=(("course.sourcedId", "$0"),)),
    "courses.resources": Meaning("resources", ("courses",), ids=Listed(0, "resources.sourcedId")),
    "courses.components": Meaning("course_components", ("courses",), where=(("course.sourcedId", "$0"),)),
    "line_items.results": Meaning("results", ("line_items",), where=(("lineItem.sourcedId", "$0"),)),
}

# A top-level collection that is another one narrowed by a role (the facet views).
_ROLE_VIEWS: Final[Mapping[str, str]] = {"student": "students", "teacher": "teachers"}


# -- conditions ---------------------------------------------------------------------------


def _join(connector: Literal["AND", "OR"], parts: Sequence[Condition]) -> Condition | None:
    """Join conditions with one connector (flat, as & and | build them); nothing gives None."""
    if not parts:
        return None
    result = parts[0]
    for part in parts[1:]:
        result = (result & part) if connector == "AND" else (result | part)
    return result


def _and(parts: Sequence[Condition]) -> Condition | None:
    return _join("AND", parts)


def _or(parts: Sequence[Condition]) -> Condition | None:
    return _join("OR", parts)


def _eq(field_name: str, value: str) -> Clause:
    return F(field_name) == value


def normalise(condition: Condition | None, *, schema: str, dialect: Dialect) -> Condition | None:
    """Rewrite the caller's condition into canonical fields.

    On user records ``role`` means "any of the user's roles" and becomes ``roles.role``;
    a OneRoster 1.1 role name (``administrator``) becomes the 1.2 roles that replaced it,
    unless the provider's data uses 1.1 names.

    Example:
        ```python
        normalise(F("role") == "administrator", schema="User", dialect=BASELINE).to_filter()
        # "roles.role='districtAdministrator' OR roles.role='siteAdministrator'"
        ```

    """
    if condition is None or schema != "User":
        return condition
    if isinstance(condition, Group):
        parts = [normalise(part, schema=schema, dialect=dialect) for part in condition.parts]
        combine = _and if condition.op == "AND" else _or
        return combine([part for part in parts if part is not None])
    assert isinstance(condition, Clause)
    if condition.field not in ("role", _ROLE):
        return condition
    clause = Clause(_ROLE, condition.op, condition.literal)
    value = clause.literal[1:-1].replace("''", "'")
    legacy = LEGACY_ROLES.get(value)
    if legacy is None or dialect.legacy_roles or clause.op not in ("=", "!="):
        return clause
    mapped = [F(_ROLE) == role if clause.op == "=" else F(_ROLE) != role for role in legacy]
    return _or(mapped) if clause.op == "=" else _and(mapped)


def wire(clause: Clause, *, schema: str, dialect: Dialect) -> Clause | None:
    """Return the clause as this provider takes it (``roles.role`` may become ``role``), or ``None``.

    Example:
        ```python
        wire(F("roles.role") == "student", schema="User", dialect=TIMEBACK).to_filter()   # "role='student'"
        ```

    """
    if clause.op == "~" and not dialect.contains:
        return None
    if "''" in clause.literal[1:-1] and not dialect.quote_escape:
        return None
    if schema == "User" and clause.field == _ROLE:
        # A 1.1 provider's users have the one role field that 1.2's roles replaced.
        if "role" in dialect.extra_fields(schema) or dialect.legacy_records:
            return Clause("role", clause.op, clause.literal)
        return clause if dialect.allows_dotted(_ROLE) else None
    if "." in clause.field and not dialect.allows_dotted(clause.field):
        return None
    return clause


def _dnf(condition: Condition, cap: int) -> list[list[Clause]] | None:
    """Return the condition as an OR of ANDs of clauses, or ``None`` beyond ``cap`` terms."""
    if isinstance(condition, Clause):
        return [[condition]]
    assert isinstance(condition, Group)
    if condition.op == "OR":
        terms: list[list[Clause]] = []
        for part in condition.parts:
            sub = _dnf(part, cap)
            if sub is None:
                return None
            terms.extend(sub)
            if len(terms) > cap:
                return None
        return terms
    product: list[list[Clause]] = [[]]
    for part in condition.parts:
        sub = _dnf(part, cap)
        if sub is None or len(product) * len(sub) > cap:
            return None
        product = [left + right for left in product for right in sub]
    return product


def _rank(clause: Clause) -> int:
    # The clauses most likely to narrow the answer go to the server first.
    if clause.op == "=":
        return 0 if clause.field.endswith("sourcedId") else 1
    return 3 if clause.op == "!=" else 2


@dataclass(frozen=True)
class Branch:
    """One request of a split query: the view it reads, the wire filter, and what the client checks."""

    view: str
    server: Condition | None
    residual: Condition | None


def _sendable(condition: Condition, *, schema: str, dialect: Dialect) -> Condition | None:
    """Return the condition as the provider takes it in one filter, or ``None``."""
    wired = []
    for clause in clauses(condition):
        w = wire(clause, schema=schema, dialect=dialect)
        if w is None:
            return None
        wired.append(w)
    tree = _rewire(condition, iter(wired))
    return tree if violation(tree, dialect, schema=schema) is None else None


def _rewire(condition: Condition, wired: Iterator[Clause]) -> Condition:
    if isinstance(condition, Clause):
        return next(wired)
    assert isinstance(condition, Group)
    return Group(condition.op, tuple(_rewire(part, wired) for part in condition.parts))


def split(
    condition: Condition | None, *, view: str, schema: str, dialect: Dialect, narrowable: bool
) -> list[Branch]:
    """Split a normalised condition into requests the provider can take.

    The union of the branches' answers (each filtered by the server, then by its residual
    on the client) is exactly the records matching ``condition``. ``narrowable`` lets a
    ``roles.role='student'``/``'teacher'`` clause the provider cannot filter on be answered
    by the ``/students``/``/teachers`` collection (top-level users only).

    Example:
        ```python
        split(where({"status": "active", "familyName": ["Garcia", "Smith"]}), view="users",
              schema="User", dialect=BASELINE, narrowable=True)
        # two branches: status AND familyName='Garcia', status AND familyName='Smith'
        ```

    """
    if condition is None:
        return [Branch(view, None, None)]
    whole = _sendable(condition, schema=schema, dialect=dialect)
    if whole is not None:
        return [Branch(view, whole, None)]
    terms = _dnf(condition, MAX_REQUESTS)
    if terms is None:
        return [_widest(condition, view=view, schema=schema, dialect=dialect)]
    branches: list[Branch] = []
    for term in terms:
        term_view = view
        atoms = list(dict.fromkeys(term))
        if narrowable and view == "users":
            for atom in atoms:
                role = unquote(atom.literal)
                unsendable = wire(atom, schema=schema, dialect=dialect) is None
                if atom.field == _ROLE and atom.op == "=" and role in _ROLE_VIEWS and unsendable:
                    term_view = _ROLE_VIEWS[role]
                    atoms.remove(atom)
                    break
        sendable = sorted(
            (a for a in atoms if wire(a, schema=schema, dialect=dialect) is not None), key=_rank
        )
        chosen = sendable if dialect.max_clauses is None else sendable[: dialect.max_clauses]
        rest = [atom for atom in atoms if atom not in chosen]
        wired = [w for atom in chosen if (w := wire(atom, schema=schema, dialect=dialect)) is not None]
        branches.append(Branch(term_view, _and(wired), _and(rest)))
    # A branch reading the whole view answers every other branch too: one scan is cheaper.
    if any(b.server is None and b.view == view for b in branches):
        return [Branch(view, None, condition)]
    return _merge(branches, dialect)


def _widest(condition: Condition, *, view: str, schema: str, dialect: Dialect) -> Branch:
    """One request with the conjuncts the provider can take; the client checks the whole condition."""
    conjuncts = (
        list(condition.parts) if isinstance(condition, Group) and condition.op == "AND" else [condition]
    )
    chosen: list[Condition] = []
    for part in conjuncts:
        trial = _and([*chosen, part])
        if trial is not None and _sendable(trial, schema=schema, dialect=dialect) is not None:
            chosen.append(part)
    server = _sendable(_and(chosen), schema=schema, dialect=dialect) if chosen else None  # type: ignore[arg-type]
    return Branch(view, server, condition)


def _merge(branches: list[Branch], dialect: Dialect) -> list[Branch]:
    """Fold branches asking the same request together, and pair lone clauses as ``a OR b``."""
    by_request: dict[tuple[str, str], list[Branch]] = {}
    for branch in branches:
        text = branch.server.to_filter() if branch.server is not None else ""
        by_request.setdefault((branch.view, text), []).append(branch)
    merged: list[Branch] = []
    for group in by_request.values():
        residuals = [b.residual for b in group]
        residual = None if any(r is None for r in residuals) else _or([r for r in residuals if r is not None])
        merged.append(Branch(group[0].view, group[0].server, residual))
    width = dialect.max_clauses if dialect.max_clauses is not None else ID_BATCH
    lone = [b for b in merged if isinstance(b.server, Clause) and b.residual is None]
    if width < 2 or len(lone) < 2:
        return merged
    others = [b for b in merged if b not in lone]
    paired: list[Branch] = []
    for view, same_view in itertools.groupby(sorted(lone, key=lambda b: b.view), key=lambda b: b.view):
        found = [b.server for b in same_view if b.server is not None]
        for start in range(0, len(found), width):
            paired.append(Branch(view, _or(found[start : start + width]), None))
    return paired + others


# -- reading answers ------------------------------------------------------------------------


def as_v1p2(dialect: Dialect, record: dict[str, Any]) -> dict[str, Any]:
    """Return a provider's record in the 1.2 shape the client works with (1.1 users get ``roles``).

    Example:
        ```python
        as_v1p2(PROFILES["v1p1"].dialect, {"sourcedId": "u1", "role": "teacher", "orgs": []})
        ```

    """
    return legacy_to_v1p2(record) if dialect.legacy_records else record


def single_fields(dialect: Dialect, fields: tuple[str, ...] | None) -> str | None:
    """Return the ``fields=`` value to send on a single GET, or ``None`` when the provider ignores it.

    ``sourcedId`` is always asked for; the client projects the record itself either way.

    Example:
        ```python
        single_fields(FULL, ("givenName",))   # 'sourcedId,givenName'
        ```

    """
    if fields is None or not dialect.fields_on_get:
        return None
    return ",".join(dict.fromkeys(("sourcedId", *fields)))


# -- plans ----------------------------------------------------------------------------------


@dataclass
class Request:
    """One listing request of a plan: the operation, its path ids and query, and what the client checks."""

    op_id: str
    path: Mapping[str, str]
    filter: Condition | None
    residual: Condition | None
    sort: str | None
    order_by: str | None
    fields: tuple[str, ...] | None
    search: str | None
    limit: int | None

    def describe(self) -> str:
        """One line: the request and the client-side check."""
        op = OPERATIONS[self.op_id]
        path = op.path
        for name, value in self.path.items():
            path = path.replace("{" + _camel(name) + "}", value)
        query = []
        if self.filter is not None:
            query.append(f"filter={self.filter.to_filter()}")
        if self.sort:
            query.append(f"sort={self.sort}&orderBy={self.order_by or 'asc'}")
        if self.fields:
            query.append("fields=" + ",".join(self.fields))
        if self.search:
            query.append(f"search={self.search}")
        text = f"GET {path}" + ("?" + "&".join(query) if query else "")
        if self.residual is not None:
            text += f"; the client keeps {self.residual.to_filter()}"
        return text


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


@dataclass
class Plan:
    """How one query is answered: the steps, the requests known in advance, and what runs client-side.

    ``str(plan)`` is a readable account; ``direct`` says the provider answers it in one
    request per page; ``full_scan`` that a whole collection is read for a narrower question;
    ``requests_sent`` counts the requests of the last run (``None`` before).

    Example:
        ```python
        plan = client.users.explain(where={"role": "student", "familyName": ["Lee", "Kim"]})
        assert not plan.full_scan
        print(plan)
        ```

    """

    what: str
    dialect: str
    steps: list[str] = field(default_factory=list)
    requests: list[Request] = field(default_factory=list)
    direct: bool = False
    full_scan: bool = False
    fallback: bool = False
    requests_sent: int | None = None

    def __str__(self) -> str:
        lines = [f"{self.what} on a {self.dialect!r} provider:"]
        lines += [f"  {n}. {step}" for n, step in enumerate(self.steps, 1)]
        if self.full_scan:
            lines.append("  reads a whole collection to answer a narrower question")
        return "\n".join(lines)


class Planner:
    """Plans and runs the queries of one listing (a collection or a nested one) on one client.

    Built by :class:`~oneroster.resources.Listing`. ``fetch_page(request, offset)`` returns
    one raw :class:`~oneroster.paging.Page` of one request; ``get_record(view, id, fields)``
    returns one raw record or ``None`` when it does not exist.
    """

    def __init__(
        self,
        *,
        engine: Any,
        what: str,
        route: str | None,
        op_ids: tuple[str, ...],
        path: Mapping[str, str],
        schema: str,
        views: Mapping[str, View],
        fetch_page: Callable[[Request, int], Page[dict[str, Any]]],
        get_record: Callable[[View, str, tuple[str, ...] | None], dict[str, Any] | None],
    ) -> None:
        self.engine = engine
        self.what = what
        self.route = route
        self.op_ids = op_ids
        self.path = dict(path)
        self.schema = schema
        self.views = views
        self.fetch_page = fetch_page
        self.get_record = get_record
        self.view_name = next(
            (name for name, info in views.items() if route is None and set(op_ids) & set(info.list_ops)),
            "_native",
        )

    @property
    def dialect(self) -> Dialect:
        """The dialect of the client's profile."""
        dialect: Dialect = self.engine.profile.dialect
        return dialect

    # -- planning ---------------------------------------------------------------------------

    def native_op(self) -> str | None:
        """Return the operation that answers this listing directly, if the provider has a usable one."""
        for op_id in self.op_ids:
            if not self.engine.available(op_id):
                continue
            if self.route is not None and (
                not self.dialect.has_route(op_id) or op_id in self.engine.missing_routes
            ):
                continue
            return op_id
        return None

    def plan(self, ask: Ask) -> Plan:
        """Decide how to answer ``ask``; nothing is sent.

        Raises :class:`UnsupportedQuery` when no plan is correct on this provider, and
        ``UnsupportedOperation`` when the profile has neither the operation nor a way around it.

        Example:
            ```python
            print(client.classes("c-1").students.explain(sort="familyName"))
            ```

        """
        if ask.search is not None and not self.dialect.search:
            raise UnsupportedQuery(
                f"{self.what}: the {self.engine.profile.name!r} profile's provider does not support "
                "search= (dialect capability 'search'); filter with where=F(...).contains(...) instead",
                capability="search",
            )
        ask = replace(ask, condition=normalise(ask.condition, schema=self.schema, dialect=self.dialect))
        native = self.native_op()
        if native is not None:
            return self._plan_native(native, ask)
        if self.route is None or self.route not in MEANINGS:
            # Raises UnsupportedOperation naming the operations that could have served it.
            self.engine.first_available(self.op_ids, what=self.what)
        assert self.route is not None
        return self._plan_fallback(MEANINGS[self.route], ask)

    def _wire_fields(self, ask: Ask, residual: Condition | None, client_sort: bool) -> tuple[str, ...] | None:
        if ask.fields is None:
            return None
        extra = sorted(field_roots(residual))
        if client_sort and ask.sort:
            extra.append(ask.sort)
        if self.dialect.legacy_records and "roles" in extra:
            # The client builds a 1.1 record's roles from its role and orgs (oneroster.legacy).
            extra = [*(name for name in extra if name != "roles"), "role", "orgs"]
        return tuple(dict.fromkeys(("sourcedId", *ask.fields, *extra)))

    def _requests(self, branches: list[Branch], ask: Ask, op_of: Callable[[str], str]) -> list[Request]:
        one = len(branches) == 1
        return [
            Request(
                op_id=op_of(branch.view),
                path=self.path if branch.view == "_native" else {},
                filter=branch.server,
                residual=branch.residual,
                sort=ask.sort if one else None,
                order_by=ask.order_by if one and ask.sort else None,
                fields=self._wire_fields(ask, branch.residual, not one),
                search=ask.search,
                limit=ask.limit,
            )
            for branch in branches
        ]

    def _list_op(self, view: str) -> str:
        return str(self.engine.first_available(self.views[view].list_ops, what=f"{view}.list"))

    def _plan_native(self, op_id: str, ask: Ask) -> Plan:
        plan = Plan(what=self.what, dialect=self.dialect.name)
        if not OPERATIONS[op_id].paged:
            # The provider answers everything at once and takes no query: the rest is client-side.
            request = Request(op_id, self.path, None, ask.condition, None, None, None, None, None)
            plan.requests = [request]
            plan.steps.append(request.describe())
        else:
            branches = split(
                ask.condition,
                view=self.view_name,
                schema=self.schema,
                dialect=self.dialect,
                narrowable=self.view_name == "users",
            )
            plan.requests = self._requests(
                branches, ask, lambda view: op_id if view == self.view_name else self._list_op(view)
            )
            plan.steps += [request.describe() for request in plan.requests]
            plan.direct = len(plan.requests) == 1 and plan.requests[0].residual is None
            # A whole top-level collection read for a filtered question (a nested listing is narrow).
            plan.full_scan = self.route is None and any(
                r.filter is None and r.residual is not None for r in plan.requests
            )
        if len(plan.requests) > 1:
            plan.steps.append("the client merges the answers, dropping repeated sourcedIds")
        if ask.sort and not plan.requests[0].sort:
            plan.steps.append(f"the client sorts by {ask.sort} {ask.order_by or 'asc'}")
        return plan

    def _plan_fallback(self, meaning: Meaning, ask: Ask) -> Plan:
        # Every operation the fallback needs must exist before anything is sent.
        for parent in meaning.parents:
            self.engine.first_available(
                self.views[parent].get_ops, what=f"{self.what} (reading its {parent})"
            )
        if isinstance(meaning.ids, Link):
            self.engine.first_available(self.views[meaning.ids.view].list_ops, what=f"{self.what}")
        self.engine.first_available(self.views[meaning.view].list_ops, what=self.what)
        plan = Plan(what=self.what, dialect=self.dialect.name, fallback=True)
        ids = tuple(self.path.values())
        for index, parent in enumerate(meaning.parents):
            plan.steps.append(f"read {parent} {ids[index]!r} (a 404 if it does not exist)")
        view = self.views[meaning.view]
        fixed = [_eq(name, _value(value, ids)) for name, value in meaning.where]
        condition = normalise(
            _and([*fixed, *([ask.condition] if ask.condition is not None else [])]),
            schema=view.schema,
            dialect=self.dialect,
        )
        # The scope (the path ids) must reach the server, or a whole collection is read for it.
        scoped = [(name, value) for name, value in meaning.where if value.startswith("$")]
        plan.full_scan = not self._sendable_clauses(scoped, ids, view.schema)
        if meaning.ids is None:
            branches = split(
                condition, view=meaning.view, schema=view.schema, dialect=self.dialect, narrowable=False
            )
            plan.requests = self._requests(branches, ask, self._list_op)
            plan.steps += [request.describe() for request in plan.requests]
        else:
            link_steps, link_scans = self._describe_ids(meaning.ids, ids)
            plan.steps += link_steps
            id_sendable = (
                wire(_eq(meaning.id_field, "x"), schema=view.schema, dialect=self.dialect) is not None
            )
            text = f"list {meaning.view} whose {meaning.id_field} is one of those ids"
            if condition is not None:
                text += f", keeping {condition.to_filter()}"
            text += (
                f" ({self.dialect.max_clauses or ID_BATCH} ids a request, up to {MAX_REQUESTS} requests, "
                "else one read of the whole collection)"
                if id_sendable
                else f" (the provider cannot filter on {meaning.id_field}: the whole collection is read)"
            )
            plan.steps.append(text)
            plan.full_scan = plan.full_scan or link_scans or not id_sendable
        if len(plan.requests) > 1 or meaning.ids is not None:
            plan.steps.append("the client merges the answers, dropping repeated sourcedIds")
        if ask.sort:
            plan.steps.append(f"the client sorts by {ask.sort} {ask.order_by or 'asc'}")
        return plan

    def _sendable_clauses(self, pairs: list[tuple[str, str]], ids: tuple[str, ...], schema: str) -> bool:
        clauses_ = [_eq(name, _value(value, ids)) for name, value in pairs]
        return all(wire(clause, schema=schema, dialect=self.dialect) is not None for clause in clauses_)

    def _describe_ids(self, source: Link | Listed, ids: tuple[str, ...]) -> tuple[list[str], bool]:
        if isinstance(source, Listed):
            return [f"take the ids in {source.pick} of that record"], False
        view = self.views[source.view]
        condition = _and([_eq(name, _value(value, ids)) for name, value in source.where])
        branches = split(
            condition, view=source.view, schema=view.schema, dialect=self.dialect, narrowable=False
        )
        requests = self._requests(branches, Ask(), self._list_op)
        steps = [request.describe() for request in requests]
        steps[-1] += f"; take their {source.pick}"
        scoped = [(name, value) for name, value in source.where if value.startswith("$")]
        return steps, not self._sendable_clauses(scoped, ids, view.schema)

    # -- running ----------------------------------------------------------------------------

    def check(self, plan: Plan) -> None:
        """Refuse a plan the client's settings forbid, and log what a planned query does."""
        if plan.full_scan and getattr(self.engine, "full_scans", "warn") == "refuse":
            raise UnsupportedQuery(
                f"{self.what}: the {self.engine.profile.name!r} profile's provider cannot answer this "
                "without reading a whole collection, and this client refuses full scans "
                "(full_scans='refuse')",
                capability="full_scans",
            )
        if plan.direct:
            return
        level = logging.WARNING if plan.full_scan else logging.INFO
        if logger.isEnabledFor(level):
            logger.log(level, "%s", plan)

    def route_missing(self, plan: Plan) -> bool:
        """After a 404 from a nested route: whether the route (not a parent) is what is missing.

        Checks every parent with a GET; when they all exist the route is remembered as
        missing for this client, so the next plan is the fallback straight away.
        """
        if self.route not in MEANINGS or plan.fallback or not plan.requests:
            return False
        ids = tuple(self.path.values())
        for index, parent in enumerate(MEANINGS[self.route].parents):
            if self.get_record(self.views[parent], ids[index], ("sourcedId",)) is None:
                return False
        op_id = plan.requests[0].op_id
        self.engine.missing_routes.add(op_id)
        logger.info(
            "%s: the provider has no %s route; answering from top-level collections", self.what, op_id
        )
        return True

    def records(self, ask: Ask, plan: Plan | None = None) -> Iterator[dict[str, Any]]:
        """Yield the raw records answering ``ask``, in the order the plan defines.

        A nested route that answers 404 while its parents exist is remembered as missing,
        and the fallback answers instead. ``plan.requests_sent`` counts the requests.
        """
        plan = plan or self.plan(ask)
        self.check(plan)
        counter = _Counter()
        started = False
        try:
            runner = (
                self._run_fallback(ask, counter) if plan.fallback else self._run_native(plan, ask, counter)
            )
            for record in runner:
                started = True
                yield record
        except NotFound:
            if started or not self.route_missing(plan):
                raise
            fallback = self.plan(ask)
            self.check(fallback)
            yield from self._run_fallback(ask, counter)
        finally:
            plan.requests_sent = counter.count

    def _run_native(self, plan: Plan, ask: Ask, counter: _Counter) -> Iterator[dict[str, Any]]:
        merged = _merge_records([self._iterate(r, counter) for r in plan.requests], project_to=ask.fields)
        client_sort = not plan.requests[0].sort
        return self._sorted(merged, ask) if client_sort else merged

    def _sorted(self, records: Iterator[dict[str, Any]], ask: Ask) -> Iterator[dict[str, Any]]:
        if not ask.sort:
            return records
        return iter(sort_records(list(records), field=ask.sort, descending=ask.order_by == "desc"))

    def _iterate(self, request: Request, counter: _Counter) -> Iterator[dict[str, Any]]:
        def fetch(offset: int) -> Page[dict[str, Any]]:
            counter.count += 1
            return self.fetch_page(request, offset)

        pages: Iterator[dict[str, Any]] = iterate(
            fetch, key=_sourced_id, read_ahead=True, max_pages=self.engine.max_pages
        )
        for record in pages:
            if request.residual is None or matches(record, request.residual):
                yield record

    def _run_fallback(self, ask: Ask, counter: _Counter) -> Iterator[dict[str, Any]]:
        assert self.route is not None
        meaning = MEANINGS[self.route]
        ids = tuple(self.path.values())
        parents: list[dict[str, Any]] = []
        for index, parent in enumerate(meaning.parents):
            counter.count += 1
            record = self.get_record(self.views[parent], ids[index], None)
            if record is None:
                raise NotFound(
                    f"{parent} {ids[index]!r} does not exist",
                    status_code=404,
                    method="GET",
                    url=f"{parent}/{ids[index]}",
                    code_minor="unknownobject",
                )
            parents.append(record)
        if meaning.guard is not None:
            parent_index, guard_field, id_index = meaning.guard
            if ids[id_index] not in values_at(parents[parent_index], guard_field.split(".")):
                return
        view = self.views[meaning.view]
        fixed: list[Condition] = [_eq(name, _value(value, ids)) for name, value in meaning.where]
        if ask.condition is not None:
            fixed.append(ask.condition)
        if meaning.ids is None:
            yield from self._select(view, _and(fixed), ask, counter)
            return
        found = self._ids(meaning.ids, ids, parents, counter)
        if found:
            yield from self._select_ids(view, meaning.id_field, found, _and(fixed), ask, counter)

    def _ids(
        self, source: Link | Listed, ids: tuple[str, ...], parents: list[dict[str, Any]], counter: _Counter
    ) -> list[str]:
        path = source.pick.split(".")
        if isinstance(source, Listed):
            values = values_at(parents[source.index], path)
        else:
            condition = _and([_eq(name, _value(value, ids)) for name, value in source.where])
            values = []
            for record in self._select(self.views[source.view], condition, Ask(), counter):
                values.extend(values_at(record, path))
        return list(dict.fromkeys(v for v in values if isinstance(v, str)))

    def _select(
        self, view: View, condition: Condition | None, ask: Ask, counter: _Counter
    ) -> Iterator[dict[str, Any]]:
        condition = normalise(condition, schema=view.schema, dialect=self.dialect)
        branches = split(
            condition, view=view.name, schema=view.schema, dialect=self.dialect, narrowable=False
        )
        requests = self._requests(branches, replace(ask, sort=None), self._list_op)
        merged = _merge_records([self._iterate(r, counter) for r in requests], project_to=ask.fields)
        return self._sorted(merged, ask)

    def _select_ids(
        self,
        view: View,
        id_field: str,
        found: list[str],
        rest: Condition | None,
        ask: Ask,
        counter: _Counter,
    ) -> Iterator[dict[str, Any]]:
        rest = normalise(rest, schema=view.schema, dialect=self.dialect)
        width = self.dialect.max_clauses or ID_BATCH
        batches = [found[start : start + width] for start in range(0, len(found), width)]
        sendable = wire(_eq(id_field, found[0]), schema=view.schema, dialect=self.dialect) is not None
        if not sendable or len(batches) > MAX_REQUESTS:
            # The provider cannot be asked for these ids: read the view and keep them.
            wanted = _or([_eq(id_field, value) for value in found])
            yield from self._select(view, _and([c for c in (wanted, rest) if c is not None]), ask, counter)
            return
        op_id = self._list_op(view.name)
        requests = [
            Request(
                op_id=op_id,
                path={},
                filter=_or([_eq(id_field, value) for value in batch]),
                residual=rest,
                sort=None,
                order_by=None,
                fields=self._wire_fields(ask, rest, True),
                search=ask.search,
                limit=ask.limit,
            )
            for batch in batches
        ]
        merged = _merge_records([self._iterate(r, counter) for r in requests], project_to=ask.fields)
        yield from self._sorted(merged, ask)


@dataclass
class _Counter:
    count: int = 0


def _value(value: str, ids: tuple[str, ...]) -> str:
    return ids[int(value[1:])] if value.startswith("$") else value


def _sourced_id(record: Mapping[str, Any]) -> object:
    value = record.get("sourcedId")
    return value if isinstance(value, str) else None


def _merge_records(
    sources: list[Iterator[dict[str, Any]]], *, project_to: tuple[str, ...] | None
) -> Iterator[dict[str, Any]]:
    """Chain the answers of several requests, dropping repeated sourcedIds, projecting ``fields``."""
    seen: set[str] = set()
    keep = tuple(dict.fromkeys(("sourcedId", *project_to))) if project_to is not None else None
    several = len(sources) > 1
    for source in sources:
        for record in source:
            if several:
                sourced_id = record.get("sourcedId")
                if isinstance(sourced_id, str):
                    if sourced_id in seen:
                        continue
                    seen.add(sourced_id)
            yield project(record, keep) if keep is not None else record
