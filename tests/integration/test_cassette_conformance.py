"""Conformance over the cassettes: what the client sent and what it was answered, against the documents.

- every recorded request of an OFFICIAL operation (``ims`` in its profiles) is valid against the
  1EdTech OpenAPI documents in ``../shared/reference/official`` (server pinned to
  ``https://www.imsglobal.org/ims/oneroster/<service>/v1p2``), whichever 1.2 root it was sent to
  (the TimeBack platform's ``/rostering/1.0`` included);
- every recorded request of a TimeBack extension is valid against
  ``../shared/reference/timeback/timeback-package_oneroster-api.json``, the platform's requests of
  operations that document has too (its upserts and deletes, ``getAgents``) included;
- every recorded response is valid against our ``openapi/oneroster-1.2.yaml``;
- every recorded answer of an official read in the dialect cassettes (``test_api_dialects``: what
  a narrower provider answers) is valid against the 1EdTech documents, ``format: uri`` included,
  except the dialects' deliberate habits (singular envelopes, null references), excused below;
- the cassettes exercise every operation the sandbox serves and models.

No reference document covers the platform's own operations (``NO_REFERENCE``: upsertStudent, the
agent links, linked users, the nested enrollments) or OneRoster 1.1 (the ``v1p1`` cassettes: the
1.1 documents are not stored, and the 1.2 ones forbid the 1.1 record fields); their requests are
not validated, their answers are (against our spec).

Recorded paths are mapped to operations through ``oneroster.operation_index.OPERATIONS``. Where a
document disagrees with a request that is correct, the case is listed in ``EXCEPTIONS`` with the
reason instead of being skipped silently. Skips (with the reason) when the reference documents
are absent; ``ONEROSTER_REFERENCE_DIR`` points elsewhere.
"""

from __future__ import annotations

import copy
import functools
import json
import os
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
import yaml
from cassette_kit import PLACEHOLDER_TOKEN_URL, cassette_files, load_cassette
from oneroster.operation_index import OPERATIONS
from oneroster.sandbox.catalog import NOT_MODELLED
from spec_names import unknown_field

openapi_core = pytest.importorskip("openapi_core")
from openapi_core import Config, OpenAPI  # noqa: E402
from openapi_core.testing import MockRequest, MockResponse  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "openapi" / "oneroster-1.2.yaml"
REFERENCE = Path(os.environ.get("ONEROSTER_REFERENCE_DIR", REPO.parent / "shared" / "reference"))
OFFICIAL_FILES = {
    "rostering": "onerosterv1p2rostersservice_openapi3_v1p0.json",
    "gradebook": "onerosterv1p2gradebookservice_openapi3_v1p0.json",
    "resources": "onerosterv1p2resourcesservice_openapi3_v1p0.json",
}
TIMEBACK_FILE = Path("timeback") / "timeback-package_oneroster-api.json"
OFFICIAL_HOST = "https://www.imsglobal.org"
TIMEBACK_HOST = "https://api.alpha-1edtech.com"
OUR_HOST = "https://localhost"
# Operations the cassettes must exercise: every one the sandbox serves (all its profiles) and
# models, derived from the spec, so a new operation is counted without a test edit.
SANDBOX_PROFILES = frozenset({"ims", "timeback", "timeback-platform"})
# The platform's operations that neither the 1EdTech nor the TimeBack document has: their requests
# cannot be validated against a reference.
NO_REFERENCE = frozenset(
    {"upsertStudent", "upsertStudentAgent", "deleteStudentAgent", "getLinkedUsers",
     "getEnrollmentsForUser", "getEnrollmentsForClass"}
)  # fmt: skip


@dataclass(frozen=True)
class Excused:
    """A known disagreement between a document and a correct request or answer, with the reason.

    It covers validation errors of ``check`` ("official-request", "timeback-request",
    "our-response" or "official-response") for the listed operations whose text contains
    ``error``, optionally only in the cassettes whose name starts with ``cassette``. Every entry
    must still be needed (``test_every_exception_is_still_needed``).
    """

    check: str
    op_ids: frozenset[str]
    error: str
    reason: str
    cassette: str | None = None

    def covers(self, call: Call, check: str, error: str) -> bool:
        return (
            check == self.check
            and call.op_id in self.op_ids
            and self.error in error
            and (self.cassette is None or call.cassette.startswith(self.cassette))
        )


_ACADEMIC_SESSION_WRITES = frozenset(
    {"postAcademicSession", "putAcademicSession", "createGradingPeriod", "updateGradingPeriod",
     "createGradingPeriodForTerm"}
)  # fmt: skip

# The deliberate habits of the dialect cassettes that the documents do not describe.
_HABITS = "test_api_dialects/test_document_habits"
_SINGULAR = (
    'a singular single envelope ({"demographic": ...}, {"term": ...}), a habit of the edfi dialect and of '
    "the TimeBack document; neither the official documents nor our spec describe it"
)
_NULLS = (
    "a null Class.course/school (dialect habit null_references), which the TimeBack document and our spec "
    "allow and the official documents do not"
)

EXCEPTIONS: tuple[Excused, ...] = (
    Excused(
        "timeback-request",
        frozenset({"createClass"}),
        "'org' is a required property",
        "TimeBack's document requires class.org; the 1EdTech Class (and our spec, and the sandbox, which "
        "refuses unknown fields) has no org, only school",
    ),
    Excused(
        "timeback-request",
        _ACADEMIC_SESSION_WRITES,
        "'org' is a required property",
        "TimeBack's document requires academicSession.org; the 1EdTech AcademicSession (and our spec) has no "
        "such field",
    ),
    Excused(
        "timeback-request",
        frozenset({"createGradingPeriodForTerm"}),
        "'tenantId' is a required property",
        "TimeBack's document requires its internal tenantId on this one create; not a OneRoster field",
    ),
    Excused(
        "timeback-request",
        frozenset({"createGradingPeriodForTerm"}),
        "'clientAppId' is a required property",
        "TimeBack's document requires its internal clientAppId on this one create; not a OneRoster field",
    ),
    Excused(
        "timeback-request",
        frozenset({"createResult", "createAssessmentResult"}),
        "is not a 'date-time'",
        "TimeBack's document types scoreDate as date-time; the 1EdTech model (and our spec) as a date, "
        "which is what the client sends (the official PUTs of the same records validate)",
    ),
    Excused(
        "timeback-request",
        frozenset({"createResource", "updateResource"}),
        "is not one of ['primary', 'secondary']",
        "TimeBack's document gives Resource.roles the values of importance (primary/secondary); in the "
        "1EdTech model roles are the user roles a resource is meant for (student, teacher...)",
    ),
    Excused(
        "our-response",
        frozenset({"getAllOrgs"}),
        "Unknown response http status: 503",
        "an injected 503 (retried by the client); neither our spec nor the official documents declare 503",
    ),
    Excused(
        "our-response",
        frozenset({"deleteCourse"}),
        "' is a required property",  # imsx_codeMajor and imsx_severity
        "the TimeBack platform refuses to delete a course with active enrollments with its own body "
        '{"error": "Cannot delete course with active enrollments"} (seed 003), not an imsx one',
        cassette="test_api_platform/test_course_class_enrollment_and_the_cascade.yaml",
    ),
    Excused(
        "our-response",
        frozenset({"getAllOrgs"}),
        "Failed to deserialize value",
        "a body cut in half on purpose (fault 'truncate'): the test expects ResponseParseError",
        cassette="test_api_errors/test_truncated_body_is_a_parse_error.yaml",
    ),
    Excused(
        "our-response",
        frozenset({"getDemographics", "getTerm"}),
        "is a required property",
        _SINGULAR,
        cassette="test_api_dialects/",
    ),
    *(
        Excused(
            "official-response",
            frozenset({"getDemographics", "getTerm"}),
            error,
            _SINGULAR,
            cassette="test_api_dialects/",
        )
        for error in ("was unexpected", "is a required property")
    ),
    Excused(
        "our-response",
        frozenset({"getAgents"}),
        "'sourcedId' is a required property",
        "the TimeBack platform lists a user's agents as links {user, relationshipType} with no sourcedId "
        "of their own (seed 004); our Agent is the agent, and the client gives each link its agent's "
        "sourcedId before it becomes a record (scopes._agent_link)",
        cassette="test_api_platform/",
    ),
    *(
        Excused(
            "official-response", frozenset({"getAllClasses", "getClass"}), error, _NULLS, cassette=_HABITS
        )
        for error in ("None for not nullable", "None is not of type 'object'")
    ),
    Excused(
        "official-response",
        frozenset({"getAllClasses", "getAllTerms"}),
        "('meta' was unexpected)",
        "an extra key beside the records in a list envelope (dialect habit extra_envelope_keys), which the "
        "official envelopes (additionalProperties: false) do not allow",
        cassette=_HABITS,
    ),
)


def _missing_reference() -> str | None:
    needed = [REFERENCE / "official" / name for name in OFFICIAL_FILES.values()] + [REFERENCE / TIMEBACK_FILE]
    missing = [str(path) for path in needed if not path.is_file()]
    if missing:
        return (
            f"reference documents not found ({', '.join(missing)}); put shared/reference beside the "
            "checkout or set ONEROSTER_REFERENCE_DIR"
        )
    return None


# ---------------------------------------------------------------------------------------------
# Recorded calls, mapped to operations
# ---------------------------------------------------------------------------------------------

# Each profile's roots: the 1.2 roots (ims, timeback), the TimeBack platform's, OneRoster 1.1's.
_V1P2 = re.compile(r"^/ims/oneroster/(rostering|gradebook|resources)/v1p2(/.*)$")
_PLATFORM = re.compile(r"^/rostering/1\.0(/.*)$")
_V1P1 = re.compile(r"^/ims/oneroster/v1p1(/.*)$")


@dataclass(frozen=True)
class Call:
    """One recorded API interaction and the operation it belongs to."""

    cassette: str
    index: int
    op_id: str
    service: str
    root: str  # "v1p2", "timeback-platform" or "v1p1"
    method: str
    path: str  # as sent, trailing slash included
    rest: str  # below the service root, without TimeBack's trailing slash
    query: dict[str, str]
    request_body: bytes
    request_type: str
    status: int
    response_body: bytes
    response_type: str
    response_headers: dict[str, str]

    @property
    def where(self) -> str:
        return f"{self.cassette}#{self.index} {self.method} {self.path} ({self.op_id}, {self.status})"


def _template_regex(path: str) -> re.Pattern[str]:
    return re.compile("^" + re.sub(r"\\\{\w+\\\}", "[^/]+", re.escape(path)) + "$")


@functools.cache
def _routes() -> list[tuple[str, str, str, re.Pattern[str]]]:
    # Literal segments win over parameters (/courses/components before /courses/{sourcedId}).
    rows = [(op_id, op.service, op.method, _template_regex(op.path)) for op_id, op in OPERATIONS.items()]
    rank = {
        op_id: tuple(seg.startswith("{") for seg in OPERATIONS[op_id].path.split("/")) for op_id in OPERATIONS
    }
    return sorted(rows, key=lambda row: rank[row[0]])


def operation_of(method: str, path: str) -> tuple[str, str, str, str] | None:
    """Return (operationId, service, root, path below the root without a trailing slash) of a request.

    ``root`` is ``v1p2`` (the 1.2 roots of ims and timeback), ``timeback-platform`` or ``v1p1``;
    below the platform's and 1.1's single root, the operations of that profile are looked for.
    """
    if (found := _V1P2.match(path)) is not None:
        service, rest = found.groups()
        root, wanted = "v1p2", None
    elif (found := _PLATFORM.match(path)) is not None:
        service, rest, root, wanted = "rostering", found.group(1), "timeback-platform", "timeback-platform"
    elif (found := _V1P1.match(path)) is not None:
        service, rest, root, wanted = None, found.group(1), "v1p1", "ims"
    else:
        return None
    if len(rest) > 1 and rest.endswith("/"):
        rest = rest[:-1]
    for op_id, op_service, op_method, pattern in _routes():
        if op_method != method or not pattern.match(rest):
            continue
        if wanted is not None and wanted not in OPERATIONS[op_id].profiles:
            continue
        if service is None or op_service == service:
            return op_id, op_service, root, rest
    return None


def _body_bytes(body: Any) -> bytes:
    if body is None or body == "":
        return b""
    if isinstance(body, dict) and set(body) == {"json"}:
        return json.dumps(body["json"]).encode()
    return body.encode() if isinstance(body, str) else bytes(body)


def _readable(body: Any) -> Any:
    """A response body as the serializer keeps it: {"json": value} as is, else the text."""
    body = body or {}
    return body if "json" in body else body.get("string")


def _first(headers: dict[str, Any], name: str) -> str:
    values = headers.get(name) or []
    return str(values[0]) if values else ""


@functools.cache
def recorded_calls() -> tuple[list[Call], list[str]]:
    """Every API interaction of every cassette, and the ones that map to no operation."""
    calls: list[Call] = []
    unmapped: list[str] = []
    for path in cassette_files():
        name = path.relative_to(path.parents[1]).as_posix()
        for index, interaction in enumerate(load_cassette(path)):
            request, response = interaction["request"], interaction["response"]
            parts = urlsplit(request["uri"])
            if request["uri"].startswith(PLACEHOLDER_TOKEN_URL):
                continue
            located = operation_of(request["method"], parts.path)
            if located is None:
                unmapped.append(f"{name}#{index} {request['method']} {parts.path}")
                continue
            op_id, service, root, rest = located
            headers = {k.lower(): v for k, v in (response.get("headers") or {}).items()}
            calls.append(
                Call(
                    cassette=name,
                    index=index,
                    op_id=op_id,
                    service=service,
                    root=root,
                    method=request["method"],
                    path=parts.path,
                    rest=rest,
                    query=dict(parse_qsl(parts.query, keep_blank_values=True)),
                    request_body=_body_bytes(request.get("body")),
                    request_type=_first(request.get("headers") or {}, "content-type") or "application/json",
                    status=int(response["status"]["code"]),
                    response_body=_body_bytes(_readable(response.get("body"))),
                    response_type=_first(headers, "content-type") or "application/json",
                    response_headers={
                        k: _first(headers, k)
                        for k in ("x-total-count", "link", "retry-after")
                        if k in headers
                    },
                )
            )
    return calls, unmapped


# ---------------------------------------------------------------------------------------------
# Documents
# ---------------------------------------------------------------------------------------------


# Documents are loaded without openapi-spec-validator's check of the document itself: ours is
# checked by `make validate-spec`, the reference documents are not ours to fix (the TimeBack one
# repeats tag names, which the checker refuses), and the check costs seconds per document.
UNCHECKED = Config(spec_validator_cls=None)


@functools.cache
def official(service: str) -> OpenAPI:
    document = json.loads((REFERENCE / "official" / OFFICIAL_FILES[service]).read_text(encoding="utf-8"))
    # The documents template the server as https://{hostName}{basePath}; openapi-core needs one
    # concrete URL (as tests/sandbox/test_official_conformance.py does). Paths and schemas untouched.
    document["servers"] = [{"url": f"{OFFICIAL_HOST}/ims/oneroster/{service}/v1p2"}]
    return OpenAPI.from_dict(document, config=UNCHECKED)


@functools.cache
def timeback() -> OpenAPI:
    document = json.loads((REFERENCE / TIMEBACK_FILE).read_text(encoding="utf-8"))
    return OpenAPI.from_dict(document, config=UNCHECKED)


@functools.cache
def _our_document() -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    document: dict[str, Any] = yaml.load(SPEC.read_text(encoding="utf-8"), Loader=loader)
    return document


@functools.cache
def ours(service: str) -> OpenAPI:
    document = copy.deepcopy(_our_document())
    document["servers"] = [{"url": f"{OUR_HOST}/ims/oneroster/{service}/v1p2"}]
    return OpenAPI.from_dict(document, config=UNCHECKED)


def _request(call: Call, host: str, path: str) -> MockRequest:
    return MockRequest(
        host,
        call.method.lower(),
        path,
        args=call.query,
        # Scrubbed from the cassette; the documents' OAuth2 scheme is not checked by openapi-core.
        headers={"Authorization": "Bearer cassette-access-token"},
        data=call.request_body or None,
        content_type=call.request_type,
    )


def _errors(exc: Exception) -> list[str]:
    """The individual validation errors inside an openapi-core exception (or its text)."""
    current: BaseException | None = exc
    while current is not None:
        found = getattr(current, "schema_errors", None)
        if found:
            return [str(getattr(e, "message", e)) for e in found]
        current = current.__cause__
    return [f"{type(exc).__name__}: {exc}"]


USED: set[Excused] = set()


def _check(calls: list[Call], check: str, validate: Any) -> list[str]:
    """Validate every call; return the failures no ``EXCEPTIONS`` entry covers."""
    failures: list[str] = []
    with warnings.catch_warnings():
        # openapi-core warns that it does not check OAuth2 schemes, and about allowEmptyValue.
        warnings.simplefilter("ignore", UserWarning)
        warnings.simplefilter("ignore", DeprecationWarning)
        for call in calls:
            try:
                validate(call)
            except Exception as exc:
                left = []
                for error in _errors(exc):
                    excuse = next((e for e in EXCEPTIONS if e.covers(call, check, error)), None)
                    if excuse is None:
                        left.append(error)
                    else:
                        USED.add(excuse)
                if left:
                    failures.append(f"{call.where}: {'; '.join(left)[:500]}")
    return failures


def _report(failures: list[str]) -> str:
    shown = "\n".join(failures[:25])
    more = f"\n... and {len(failures) - 25} more" if len(failures) > 25 else ""
    return f"{len(failures)} failure(s):\n{shown}{more}"


@pytest.fixture(scope="module")
def calls() -> list[Call]:
    found, _ = recorded_calls()
    if not found:
        pytest.skip("no cassettes recorded yet (run `make record`)")
    return found


@pytest.fixture(scope="module")
def reference() -> None:
    reason = _missing_reference()
    if reason is not None:
        pytest.skip(reason)


# ---------------------------------------------------------------------------------------------
# Tests
# ---------------------------------------------------------------------------------------------


def test_every_recorded_call_maps_to_an_operation(calls: list[Call]) -> None:
    _, unmapped = recorded_calls()
    assert unmapped == []


def test_operation_coverage(calls: list[Call]) -> None:
    covered = {call.op_id for call in calls}
    served = {op_id for op_id, op in OPERATIONS.items() if op.profiles & SANDBOX_PROFILES} - set(NOT_MODELLED)
    assert len(served) >= 144
    missing = sorted(served - covered)
    print(f"\ncassettes cover {len(covered)} of {len(OPERATIONS)} operations")
    assert not missing, f"operations the sandbox serves that no cassette exercises: {missing}"


def test_every_profile_is_recorded_and_what_no_reference_covers_is_known(calls: list[Call]) -> None:
    assert {call.root for call in calls} == {"v1p2", "timeback-platform", "v1p1"}
    unchecked = {c.op_id for c in calls if c.root != "v1p1" and not _has_reference(c)}
    print(
        f"\nrequests not validated for want of a reference document: the platform's {sorted(unchecked)} "
        f"and the {sum(c.root == 'v1p1' for c in calls)} OneRoster 1.1 calls"
    )
    assert unchecked == NO_REFERENCE
    platform_ops = {op_id for op_id, op in OPERATIONS.items() if "timeback-platform" in op.profiles}
    assert {
        op_id for op_id in platform_ops if OPERATIONS[op_id].profiles == {"timeback-platform"}
    } == NO_REFERENCE


def test_error_statuses_are_all_recorded(calls: list[Call]) -> None:
    statuses = {call.status for call in calls}
    assert {400, 401, 403, 404, 409, 422, 429, 500}.issubset(statuses)


def _validate_official(call: Call) -> None:
    # TimeBack's trailing slash on collections is a provider quirk the official paths lack.
    path = f"/ims/oneroster/{call.service}/v1p2{call.rest}"
    official(call.service).validate_request(_request(call, OFFICIAL_HOST, path))


def _validate_timeback(call: Call) -> None:
    # A platform request of an operation TimeBack has too is checked at TimeBack's path for it.
    path = call.path if call.root == "v1p2" else f"/ims/oneroster/{call.service}/v1p2{call.rest}"
    timeback().validate_request(_request(call, TIMEBACK_HOST, path))


def _validate_response(call: Call) -> None:
    request = _request(call, OUR_HOST, f"/ims/oneroster/{call.service}/v1p2{call.rest}")
    response = MockResponse(
        data=call.response_body,
        status_code=call.status,
        headers=call.response_headers,
        content_type=call.response_type,
    )
    ours(call.service).validate_response(request, response)


def _has_reference(call: Call) -> bool:
    return call.root != "v1p1" and call.op_id not in NO_REFERENCE


def _validate_official_response(call: Call) -> None:
    path = f"/ims/oneroster/{call.service}/v1p2{call.rest}"
    response = MockResponse(
        data=call.response_body,
        status_code=call.status,
        headers={k: v for k, v in call.response_headers.items() if k == "x-total-count"},
        content_type=call.response_type,
    )
    official(call.service).validate_response(_request(call, OFFICIAL_HOST, path), response)


# The cassettes of narrower providers, whose answers are checked against the official documents too.
DIALECT_CASSETTES = "test_api_dialects/"

CHECKS: dict[str, tuple[Any, Any]] = {
    "official-request": (lambda call, op: _has_reference(call) and "ims" in op.profiles, _validate_official),
    "timeback-request": (
        lambda call, op: _has_reference(call) and "ims" not in op.profiles,
        _validate_timeback,
    ),
    "our-response": (lambda call, op: True, _validate_response),
    "official-response": (
        # The documents make every field required, which a fields= selection contradicts by design.
        lambda call, op: (
            call.cassette.startswith(DIALECT_CASSETTES)
            and "fields" not in call.query
            and "ims" in op.profiles
            and op.method == "GET"
            and call.status == 200
        ),
        _validate_official_response,
    ),
}


@functools.cache
def outcome(check: str) -> tuple[int, tuple[str, ...]]:
    """Run one check over every recorded call it applies to: (calls checked, unexcused failures)."""
    calls, _ = recorded_calls()
    applies, validate = CHECKS[check]
    chosen = [c for c in calls if applies(c, OPERATIONS[c.op_id])]
    return len(chosen), tuple(_check(chosen, check, validate))


def test_official_requests_validate_against_the_1edtech_documents(calls: list[Call], reference: None) -> None:
    checked, failures = outcome("official-request")
    assert checked and not failures, _report(list(failures))


def test_timeback_requests_validate_against_the_timeback_document(calls: list[Call], reference: None) -> None:
    checked, failures = outcome("timeback-request")
    assert checked and not failures, _report(list(failures))


def test_responses_validate_against_our_spec(calls: list[Call]) -> None:
    checked, failures = outcome("our-response")
    assert checked == len(calls) and not failures, _report(list(failures))


def test_dialect_answers_validate_against_the_1edtech_documents(calls: list[Call], reference: None) -> None:
    # Absolute hrefs (format: uri), whatever the dialect; the habits outside the documents are excused.
    checked, failures = outcome("official-response")
    assert checked >= 15 and not failures, _report(list(failures))


def test_every_exception_is_still_needed(calls: list[Call], reference: None) -> None:
    for check in CHECKS:
        outcome(check)
    stale = [f"{e.check}: {e.reason[:70]}" for e in EXCEPTIONS if e not in USED]
    assert not stale, f"exceptions no recorded call needs any more: {stale}"


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_the_checks_have_teeth(calls: list[Call], reference: None) -> None:
    """A request with a field the documents forbid, and an answer missing a required field, fail."""
    put = next(c for c in calls if c.op_id == "putLineItem" and c.request_body)
    body = json.loads(put.request_body)
    body["lineItem"][unknown_field("shoeSize")] = "42"
    bad_request = _request(
        Call(**{**put.__dict__, "request_body": json.dumps(body).encode()}),
        OFFICIAL_HOST,
        f"/ims/oneroster/gradebook/v1p2{put.rest}",
    )
    with pytest.raises(Exception, match=r"(?i)invalid|validat"):
        official("gradebook").validate_request(bad_request)
    get = next(c for c in calls if c.op_id == "getUser" and c.status == 200 and not c.query)
    answer = json.loads(get.response_body)
    answer["user"]["roles"] = (
        "student"  # our spec types fields strictly (requiredness is x-oneroster-required)
    )
    with pytest.raises(Exception, match=r"(?i)invalid|validat"):
        ours("rostering").validate_response(
            _request(get, OUR_HOST, f"/ims/oneroster/rostering/v1p2{get.rest}"),
            MockResponse(json.dumps(answer).encode(), status_code=200, content_type="application/json"),
        )
