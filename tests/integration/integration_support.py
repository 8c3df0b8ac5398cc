"""Providers for the cassette tests: replay placeholders, a fresh sandbox per test, or a real provider.

A test asks for a profile (``timeback`` or ``ims``) and gets a ``Provider`` whose ``client()``
is pointed at the right place for the run's mode:

- ``replay`` (``--record-mode=none``, the default and CI): nothing is started; clients talk to
  ``http://oneroster.invalid`` and every answer comes from the cassette;
- ``sandbox`` (recording, no ``ONEROSTER_*`` settings): a fresh sandbox on loopback with a fixed
  seed, size and clock, so two recordings differ only in ids the server allocates;
- ``provider`` (recording with ``ONEROSTER_BASE_URL``, ``_CLIENT_ID``, ``_CLIENT_SECRET`` and
  ``_TOKEN_URL`` set): the real provider; sandbox-only tests skip.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

import pytest
from cassette_kit import PLACEHOLDER_BASE, PLACEHOLDER_TOKEN_URL, Scrubber
from oneroster import OneRoster, RetryPolicy
from oneroster.profiles import SCOPE_PREFIX

if TYPE_CHECKING:
    from oneroster.dialects import Dialect
    from oneroster.sandbox import RunningSandbox

SEED = 1
USERS = 300
FIXED_NOW = dt.datetime(2026, 1, 15, 12, 0, 0, tzinfo=dt.UTC)
REPLAY_CLIENT_ID = "cassette-client"
REPLAY_SECRET = "cassette-replay-credential"
WRONG_SECRET = "cassette-wrong-credential"
READ_ONLY_SCOPES = (SCOPE_PREFIX + "roster.readonly",)
PROVIDER_ENV = ("ONEROSTER_BASE_URL", "ONEROSTER_CLIENT_ID", "ONEROSTER_CLIENT_SECRET", "ONEROSTER_TOKEN_URL")


def run_mode(record_mode: str, environ: Mapping[str, str] | None = None) -> str:
    """``replay``, ``sandbox`` or ``provider`` for pytest-recording's record mode and the environment."""
    env = os.environ if environ is None else environ
    if record_mode == "none":
        return "replay"
    return "provider" if all(env.get(name) for name in PROVIDER_ENV) else "sandbox"


class FakeSleep:
    """Records the delays the retry policy asks for instead of sleeping."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


@dataclass
class Provider:
    """One profile's provider for one test; ``client()`` builds clients that record or replay."""

    mode: str
    profile: str
    scrubber: Scrubber
    stack: contextlib.ExitStack
    sleeps: FakeSleep = field(default_factory=FakeSleep)
    sandbox: RunningSandbox | None = None
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def recording(self) -> bool:
        """True while cassettes are being written."""
        return self.mode != "replay"

    def client(self, **overrides: Any) -> OneRoster:
        """A client for this provider (closed after the test); ``overrides`` go to ``OneRoster``."""
        kwargs: dict[str, Any] = {
            **self.settings,
            "retry_policy": RetryPolicy(sleep=self.sleeps, random=lambda: 0.0),
        }
        kwargs.update(overrides)
        return self.stack.enter_context(OneRoster(**kwargs))

    def require_sandbox(self, why: str) -> None:
        """Skip when recording against a real provider: ``why`` needs the sandbox's controls."""
        if self.mode == "provider":
            pytest.skip(f"needs the sandbox ({why}); not available when recording against a real provider")

    def inject_faults(self, **settings: Any) -> None:
        """Set the sandbox's fault injection (in-process, so nothing extra is recorded); no-op on replay."""
        self.require_sandbox("fault injection")
        if self.sandbox is not None:
            self.sandbox.set_faults(**settings)

    def expire_tokens(self) -> None:
        """Make every issued token expired (sandbox); no-op on replay, where the cassette holds the 401."""
        self.require_sandbox("token expiry")
        if self.sandbox is not None:
            self.sandbox.expire_tokens()


def open_provider(
    *,
    mode: str,
    profile: str,
    scrubber: Scrubber,
    stack: contextlib.ExitStack,
    dialect: str | Dialect | None = None,
) -> Provider:
    """Build the provider of ``profile`` for ``mode`` (starting a sandbox when recording).

    ``dialect`` is the provider dialect a recording sandbox plays (a preset name or a
    ``Dialect``). Against a real provider a dialect test records only when ``ONEROSTER_DIALECT``
    names that dialect (the provider is one of that kind).
    """
    if mode == "replay":
        settings = {
            "base_url": PLACEHOLDER_BASE,
            "client_id": REPLAY_CLIENT_ID,
            "client_secret": REPLAY_SECRET,
            "token_url": PLACEHOLDER_TOKEN_URL,
            "profile": profile,
        }
        return Provider(mode, profile, scrubber, stack, settings=settings)
    if mode == "provider":
        actual = os.environ.get("ONEROSTER_PROFILE") or "ims"
        if actual != profile:
            pytest.skip(f"needs a {profile!r} provider; ONEROSTER_PROFILE is {actual!r}")
        wanted = dialect if isinstance(dialect, str) or dialect is None else dialect.name
        if wanted is not None and os.environ.get("ONEROSTER_DIALECT") != wanted:
            pytest.skip(f"needs a provider of the {wanted!r} dialect (set ONEROSTER_DIALECT={wanted})")
        settings = {
            "base_url": os.environ["ONEROSTER_BASE_URL"],
            "client_id": os.environ["ONEROSTER_CLIENT_ID"],
            "client_secret": os.environ["ONEROSTER_CLIENT_SECRET"],
            "token_url": os.environ["ONEROSTER_TOKEN_URL"],
            "profile": profile,
        }
        scrubber.add_target(
            base_url=settings["base_url"],
            token_url=settings["token_url"],
            secrets=[settings["client_secret"], WRONG_SECRET],
        )
        _HREF_BASE[0] = settings["base_url"].rstrip("/")
        return Provider(mode, profile, scrubber, stack, settings=settings)
    # Imported here: a replay never needs the sandbox (nor starlette and uvicorn).
    from oneroster.sandbox import SandboxConfig, serve

    config = SandboxConfig(profile=profile, now=lambda: FIXED_NOW, dialect=dialect or "full")
    running = stack.enter_context(serve(seed=SEED, users=USERS, config=config))
    scrubber.add_target(
        base_url=running.base_url, token_url=running.token_url, secrets=[running.client_secret, WRONG_SECRET]
    )
    _HREF_BASE[0] = running.base_url
    stack.callback(_HREF_BASE.__setitem__, 0, PLACEHOLDER_BASE)
    return Provider(mode, profile, scrubber, stack, sandbox=running, settings=running.client_kwargs())


class ProviderFactory(Protocol):
    """Returns the provider of a profile (and dialect) for the current test."""

    def __call__(self, profile: str, dialect: str | Dialect | None = None) -> Provider: ...


# ---------------------------------------------------------------------------------------------
# Ids, found through the API (so they are recorded, and hold on any provider)
# ---------------------------------------------------------------------------------------------


class District:
    """Ids of existing records, each looked up through the API on first use (one small call each).

    Everything hangs off one recorded result so the ids agree: its line item, that line item's
    class, school, course, term and category, the result's student and the class's first teacher.
    """

    def __init__(self, client: OneRoster) -> None:
        self._client = client
        self._found: dict[str, Any] = {}

    def _once(self, name: str, fetch: Callable[[], Any]) -> Any:
        if name not in self._found:
            self._found[name] = fetch()
        return self._found[name]

    def _result(self) -> Any:
        return self._once("result", lambda: self._client.results.list(limit=1).data[0])

    def _line_item(self) -> Any:
        return self._once(
            "line_item", lambda: self._client.line_items.get(self._result().line_item.sourced_id)
        )

    def _class(self) -> Any:
        return self._once("class", lambda: self._client.classes.get(self._line_item().class_.sourced_id))

    @property
    def line_item(self) -> str:
        """A line item that has results."""
        return str(self._line_item().sourced_id)

    @property
    def student(self) -> str:
        """The student of that result."""
        return str(self._result().student.sourced_id)

    @property
    def class_(self) -> str:
        """The line item's class."""
        return str(self._class().sourced_id)

    @property
    def school(self) -> str:
        """The class's school."""
        return str(self._class().school.sourced_id)

    @property
    def course(self) -> str:
        """The class's course."""
        return str(self._class().course.sourced_id)

    @property
    def term(self) -> str:
        """The class's first term."""
        return str(self._class().terms[0].sourced_id)

    @property
    def category(self) -> str:
        """The line item's category."""
        return str(self._line_item().category.sourced_id)

    @property
    def teacher(self) -> str:
        """The class's first teacher."""
        return str(
            self._once(
                "teacher", lambda: self._client.classes(self.class_).teachers.list(limit=1).data[0].sourced_id
            )
        )

    def first_id(self, collection: str) -> str:
        """The sourcedId of the first record of a top-level collection (``"resources"``...)."""
        return str(
            self._once(
                f"first:{collection}",
                lambda: getattr(self._client, collection).list(limit=1).data[0].sourced_id,
            )
        )


# ---------------------------------------------------------------------------------------------
# Records for writes
# ---------------------------------------------------------------------------------------------

WHEN = dt.datetime(2026, 1, 20, 15, 30, tzinfo=dt.UTC)

# GUIDRef type -> the collection its href points into.
_HREF_COLLECTIONS = {
    "org": "orgs",
    "user": "users",
    "class": "classes",
    "course": "courses",
    "academicSession": "academicSessions",
    "category": "categories",
    "lineItem": "lineItems",
    "assessmentLineItem": "assessmentLineItems",
    "resource": "resources",
    "courseComponent": "courses/components",
    "scoreScale": "scoreScales",
}


# Where the provider of the current test lives; references point there (the last provider opened:
# two sandboxes of one recording both become PLACEHOLDER_BASE in the cassette).
_HREF_BASE = [PLACEHOLDER_BASE]
# The service each referenced collection belongs to (the rest are rostering).
_GRADEBOOK = frozenset({"categories", "lineItems", "assessmentLineItems", "scoreScales"})


def ref(type_: str, sourced_id: str) -> dict[str, str]:
    """A complete GUIDRef: the official documents require href (an absolute URL), sourcedId and type.

    The href points at the provider the test talks to (the sandbox while recording, the
    placeholder host on replay: the same text once scrubbed). The wrapper completes a bare id
    the same way; see test_api_writes.test_bare_id_references_are_complete.
    """
    collection = _HREF_COLLECTIONS[type_]
    service = (
        "gradebook" if collection in _GRADEBOOK else "resources" if collection == "resources" else "rostering"
    )
    href = f"{_HREF_BASE[0]}/ims/oneroster/{service}/v1p2/{collection}/{sourced_id}"
    return {"href": href, "sourcedId": sourced_id, "type": type_}


# TimeBack's document requires a client-chosen sourcedId on these creates.
CHOSEN_ID_ON_CREATE = {
    "demographics": "cassette-demographics-1",
    "component_resources": "cassette-cr-1",
    "academic_sessions": "cassette-session-1",
    "grading_periods": "cassette-gp-1",
}


def new_record(name: str, district: District, *, label: str) -> dict[str, Any]:
    """A valid new record of collection ``name`` referring to existing records of ``district``."""
    d = district
    makers: dict[str, Callable[[], dict[str, Any]]] = {
        "users": lambda: {
            "givenName": label,
            "familyName": "Cassette",
            "email": f"{label.lower()}.cassette@example.org",
            "enabledUser": True,
            "roles": [{"roleType": "primary", "role": "student", "org": ref("org", d.school)}],
        },
        "orgs": lambda: {"name": label, "type": "department", "identifier": "CAS-ORG"},
        "schools": lambda: {"name": label, "type": "school", "identifier": "CAS-SCH"},
        "courses": lambda: {"title": label, "courseCode": "CAS-101", "org": ref("org", d.school)},
        "classes": lambda: {
            "title": label,
            "classType": "scheduled",
            "course": ref("course", d.course),
            "school": ref("org", d.school),
            "terms": [ref("academicSession", d.term)],
        },
        "enrollments": lambda: {
            "user": ref("user", d.student),
            "class": ref("class", d.class_),
            "school": ref("org", d.school),
            "role": "student",
            "beginDate": "2026-01-05",
            "endDate": label,
        },
        "academic_sessions": lambda: {
            "title": label,
            "startDate": "2026-08-17",
            "endDate": "2027-06-04",
            "type": "schoolYear",
            "schoolYear": "2027",
        },
        "grading_periods": lambda: {
            "title": label,
            "startDate": "2026-01-05",
            "endDate": "2026-03-20",
            "type": "gradingPeriod",
            "schoolYear": "2026",
            "parent": ref("academicSession", d.term),
        },
        "demographics": lambda: {"birthDate": "2015-03-04", "sex": label},
        "categories": lambda: {"title": label, "weight": 0.25},
        "line_items": lambda: {
            "title": label,
            "assignDate": WHEN,
            "dueDate": WHEN + dt.timedelta(days=7),
            "class": ref("class", d.class_),
            "school": ref("org", d.school),
            "category": ref("category", d.category),
        },
        "results": lambda: {
            "lineItem": ref("lineItem", d.line_item),
            "student": ref("user", d.student),
            "scoreStatus": "fully graded",
            "score": float(label),
            "scoreDate": "2026-01-21",
        },
        "score_scales": lambda: {
            "title": label,
            "type": "pass-fail",
            "class": ref("class", d.class_),
            "scoreScaleValue": [
                {"itemValueLHS": "Pass", "itemValueRHS": "50-100"},
                {"itemValueLHS": "Fail", "itemValueRHS": "0-49"},
            ],
        },
        "assessment_line_items": lambda: {"title": label, "resultValueMin": 0.0, "resultValueMax": 100.0},
        "assessment_results": lambda: {
            "assessmentLineItem": ref("assessmentLineItem", d.first_id("assessment_line_items")),
            "student": ref("user", d.student),
            "scoreDate": "2026-01-21",
            "scoreStatus": "fully graded",
            "score": float(label),
        },
        "resources": lambda: {
            "title": label,
            "vendorResourceId": "CAS-RES-1",
            "roles": ["student"],
            "importance": "secondary",
        },
        "course_components": lambda: {"course": ref("course", d.course), "title": label, "sortOrder": 1},
        "component_resources": lambda: {
            "courseComponent": ref("courseComponent", d.first_id("course_components")),
            "resource": ref("resource", d.first_id("resources")),
            "title": label,
            "sortOrder": 2,
        },
    }
    return makers[name]()


# The field each write test changes, with its first and second value (the record maker's ``label``).
LABELS: dict[str, tuple[str, str, str]] = {
    "users": ("givenName", "Casey", "Cassidy"),
    "orgs": ("name", "Cassette Department", "Cassette Office"),
    "schools": ("name", "Cassette School", "Cassette Academy"),
    "courses": ("title", "Cassette Course", "Cassette Course II"),
    "classes": ("title", "Cassette Class", "Cassette Class II"),
    "enrollments": ("endDate", "2026-06-05", "2026-06-12"),
    "academic_sessions": ("title", "2026-2027 School Year", "2026-2027 Year"),
    "grading_periods": ("title", "Winter Quarter", "Winter Quarter (revised)"),
    "demographics": ("sex", "female", "male"),
    "categories": ("title", "Projects", "Group projects"),
    "line_items": ("title", "Cassette quiz", "Cassette quiz (retake)"),
    "results": ("score", "91", "93"),
    "score_scales": ("title", "Pass/Fail", "Pass/Fail (revised)"),
    "assessment_line_items": ("title", "Cassette benchmark", "Cassette benchmark II"),
    "assessment_results": ("score", "77", "79"),
    "resources": ("title", "Cassette reader", "Cassette reader II"),
    "course_components": ("title", "Unit 0: Cassettes", "Unit 0: Tapes"),
    "component_resources": ("title", "Cassette reading", "Cassette reading II"),
}


def field_value(record: Any, key: str) -> Any:
    """The JSON value of ``key`` in a generated model (dates as text, numbers as numbers)."""
    value = record.to_dict().get(key)
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else value


def generated_client(provider: Provider, service: str, *, scopes: tuple[str, ...] | None = None) -> Any:
    """The generated low-level client of one service, authenticated with the wrapper's OAuth2 flow.

    For the operations the wrapper leaves to the generated layer (bulk gradebook POSTs...).
    """
    import httpx
    from oneroster.auth import OAuth2ClientCredentials
    from oneroster.profiles import PROFILES

    from oneroster_client import AuthenticatedClient

    settings = provider.settings
    root = f"/ims/oneroster/{service}/v1p2"
    token_client = provider.stack.enter_context(httpx.Client())
    auth = OAuth2ClientCredentials(
        token_url=settings["token_url"],
        client_id=settings["client_id"],
        client_secret=settings["client_secret"],
        scopes=scopes if scopes is not None else PROFILES[provider.profile].default_scopes,
        token_client=token_client,
    )
    base = settings["base_url"].rstrip("/") + root
    hooks = [_collection_slash(httpx.URL(base).path)] if PROFILES[provider.profile].trailing_slash else []
    http = provider.stack.enter_context(
        httpx.Client(
            base_url=base, auth=auth, headers={"Accept": "application/json"}, event_hooks={"request": hooks}
        )
    )
    client = AuthenticatedClient(base_url=settings["base_url"] + root, token="")
    client.set_httpx_client(http)
    return client


def _collection_slash(root: str) -> Callable[[Any], None]:
    """Request hook: TimeBack wants ``/users/`` for a top-level collection (as the wrapper sends it)."""

    def hook(request: Any) -> None:
        path = request.url.path
        rest = path[len(root) + 1 :] if path.startswith(root + "/") else ""
        if rest and "/" not in rest:
            request.url = request.url.copy_with(path=path + "/")

    return hook
