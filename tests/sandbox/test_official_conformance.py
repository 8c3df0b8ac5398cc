"""Every official read endpoint of the sandbox (ims profile) answers what the 1EdTech documents allow.

Responses are validated with openapi-core against the official OpenAPI documents in
``../shared/reference/official/`` (skipped with a reason when they are absent), ``format: uri``
included (a reference's ``href`` must be an absolute URL; ``rfc3986-validator`` makes
jsonschema check the format, which it otherwise silently skips).

Every dialect preset is checked too. Its answers stay document-valid except for its deliberate
habits: a nested listing the dialect lacks is a 404 (``edfi``), and singular single envelopes
(``{"demographic": ...}``, ``{"term": ...}``, ``{"gradingPeriod": ...}``, ``edfi``) are not what
the documents define; ``null_references`` (no preset) is not either (GUIDRefs are objects).
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

import httpx
import pytest
from oneroster.dialects import DIALECTS, FULL
from oneroster.operation_index import OPERATIONS
from oneroster.sandbox import RunningSandbox
from oneroster.sandbox.dialect import route_absent
from spec_names import unknown_field

openapi_core = pytest.importorskip("openapi_core")
from openapi_core import OpenAPI  # noqa: E402
from openapi_core.testing import MockRequest, MockResponse  # noqa: E402

pytestmark = pytest.mark.sandbox

REFERENCE = Path(
    os.environ.get(
        "ONEROSTER_REFERENCE_DIR", Path(__file__).resolve().parents[2].parent / "shared" / "reference"
    )
)
DOCUMENTS = {
    "rostering": "onerosterv1p2rostersservice_openapi3_v1p0.json",
    "gradebook": "onerosterv1p2gradebookservice_openapi3_v1p0.json",
    "resources": "onerosterv1p2resourcesservice_openapi3_v1p0.json",
}
HOST = "https://www.imsglobal.org"
OFFICIAL_READS = sorted(
    op_id for op_id, op in OPERATIONS.items() if "ims" in op.profiles and op.method == "GET"
)


@cache
def official(service: str) -> OpenAPI:
    path = REFERENCE / "official" / DOCUMENTS[service]
    if not path.is_file():
        pytest.skip(f"official 1EdTech documents not found at {path.parent} (set ONEROSTER_REFERENCE_DIR)")
    document = json.loads(path.read_text())
    # The documents template the server as https://{hostName}{basePath}; pin it to one concrete URL
    # (openapi-core does not match a templated base path) without touching paths or schemas.
    document["servers"] = [{"url": f"{HOST}/ims/oneroster/{service}/v1p2"}]
    return OpenAPI.from_dict(document)


def _records(sandbox: RunningSandbox, kind: str) -> list[dict[str, Any]]:
    return list(sandbox.app_state.store.iter_kind(kind))


@pytest.fixture(scope="module")
def path_ids(ims_sandbox: RunningSandbox) -> dict[str, str]:
    """Ids that make nested listings non-empty: one result and everything around it."""
    result = _records(ims_sandbox, "results")[0]
    line_item = ims_sandbox.app_state.store.get("lineItems", result["lineItem"]["sourcedId"])
    assert line_item is not None
    klass = ims_sandbox.app_state.store.get("classes", line_item["class"]["sourcedId"])
    assert klass is not None
    teacher = next(
        e["user"]["sourcedId"]
        for e in _records(ims_sandbox, "enrollments")
        if e["class"]["sourcedId"] == klass["sourcedId"] and e["role"] == "teacher"
    )
    student = result["student"]["sourcedId"]
    resource_holder = next((c for c in _records(ims_sandbox, "classes") if c.get("resources")), klass)
    return {
        "classSourcedId": klass["sourcedId"],
        "schoolSourcedId": klass["school"]["sourcedId"],
        "termSourcedId": klass["terms"][0]["sourcedId"],
        "courseSourcedId": klass["course"]["sourcedId"],
        "studentSourcedId": student,
        "teacherSourcedId": teacher,
        "userSourcedId": student,
        "lineItemSourcedId": line_item["sourcedId"],
        "resourceClassSourcedId": resource_holder["sourcedId"],
    }


def _single_id(sandbox: RunningSandbox, path: str, ids: dict[str, str]) -> str:
    collection = path.split("/")[1]
    special = {
        "users": ids["studentSourcedId"],
        "students": ids["studentSourcedId"],
        "teachers": ids["teacherSourcedId"],
        "classes": ids["classSourcedId"],
        "schools": ids["schoolSourcedId"],
        "orgs": ids["schoolSourcedId"],
        "terms": ids["termSourcedId"],
        "academicSessions": ids["termSourcedId"],
        "courses": ids["courseSourcedId"],
        "lineItems": ids["lineItemSourcedId"],
    }
    if collection in special:
        return special[collection]
    kind = "academicSessions" if collection == "gradingPeriods" else collection
    records = _records(sandbox, kind)
    if collection == "gradingPeriods":
        records = [r for r in records if r["type"] == "gradingPeriod"]
    assert records, f"the seeded district has no {collection}"
    return str(records[0]["sourcedId"])


_TOKENS: dict[str, str] = {}


def _token(sandbox: RunningSandbox) -> str:
    """One token per sandbox for the whole module (hundreds of reads)."""
    if sandbox.base_url not in _TOKENS:
        answer = httpx.post(
            sandbox.token_url,
            data={"grant_type": "client_credentials"},
            auth=(sandbox.client_id, sandbox.client_secret),
        )
        answer.raise_for_status()
        _TOKENS[sandbox.base_url] = str(answer.json()["access_token"])
    return _TOKENS[sandbox.base_url]


def test_every_official_read_is_served() -> None:
    # 81 official operations, of which these are the reads; none may be missing from the ims profile.
    assert len(OFFICIAL_READS) >= 50


def _read(
    op_id: str, sandbox: RunningSandbox, path_ids: dict[str, str]
) -> tuple[str, dict[str, str], httpx.Response]:
    """Call the official read ``op_id`` on ``sandbox``: (path below the host, query, answer)."""
    op = OPERATIONS[op_id]
    path = op.path
    for name in [seg[1:-1] for seg in path.split("/") if seg.startswith("{")]:
        if name == "sourcedId":
            value = _single_id(sandbox, path, path_ids)
        elif name in ("classSourcedId", "courseSourcedId", "userSourcedId") and op_id.startswith(
            "getResourcesFor"
        ):
            value = path_ids["resourceClassSourcedId"] if name == "classSourcedId" else path_ids[name]
        else:
            value = path_ids[name]
        path = path.replace("{" + name + "}", value)
    root = f"/ims/oneroster/{op.service}/v1p2"
    query = {"limit": "5"} if op.paged else {}
    response = httpx.get(
        sandbox.base_url + root + path,
        params=query,
        headers={"Authorization": f"Bearer {_token(sandbox)}"},
    )
    return root + path, query, response


def _validate(op_id: str, path: str, query: dict[str, str], response: httpx.Response) -> None:
    official(OPERATIONS[op_id].service).validate_response(
        MockRequest(HOST, "get", path, args=query),
        MockResponse(
            data=response.content,
            status_code=response.status_code,
            content_type="application/json",
            headers={k: v for k, v in response.headers.items() if k.lower() == "x-total-count"},
        ),
    )


@pytest.mark.parametrize("op_id", OFFICIAL_READS)
def test_answer_validates_against_official_document(
    op_id: str, ims_sandbox: RunningSandbox, path_ids: dict[str, str]
) -> None:
    op = OPERATIONS[op_id]
    official(op.service)
    path, query, response = _read(op_id, ims_sandbox, path_ids)
    assert response.status_code == 200, response.text
    body = response.json()
    key = op.answer[0]
    assert key in body
    if not op.paged:
        assert body[key]["sourcedId"]
    _validate(op_id, path, query, response)


# The single GETs whose envelope a singular-envelope dialect renames (not document-valid).
SINGULAR = {"getDemographics", "getTerm", "getGradingPeriod"}


# What a dialect changes in an answer (the rest, its filter grammar, only decides what is refused).
ANSWER_HABITS = (
    "nested_routes", "fields_on_get", "totals", "links", "singular_envelopes", "extra_envelope_keys",
    "null_references", "short_pages", "flat_errors",
)  # fmt: skip
# Presets whose answers to these reads differ from the full dialect's; the others answer the
# same bytes, which test_answer_validates_against_official_document validates.
ANSWERING_PRESETS = sorted(
    name for name, d in DIALECTS.items() if any(getattr(d, h) != getattr(FULL, h) for h in ANSWER_HABITS)
)


def test_presets_that_answer_like_full() -> None:
    assert ANSWERING_PRESETS == ["edfi", "timeback-platform"]


@pytest.mark.parametrize("preset", ANSWERING_PRESETS)
def test_dialect_answers_validate_against_official_document(
    preset: str, ims_sandbox: RunningSandbox, path_ids: dict[str, str]
) -> None:
    dialect = DIALECTS[preset]
    validated: list[str] = []
    ims_sandbox.set_dialect(preset)
    try:
        for op_id in OFFICIAL_READS:
            official(OPERATIONS[op_id].service)
            path, query, response = _read(op_id, ims_sandbox, path_ids)
            if route_absent(dialect, op_id):
                assert response.status_code == 404, (op_id, response.text)
                continue
            assert response.status_code == 200, (op_id, response.text)
            if dialect.singular_envelopes and op_id in SINGULAR:
                # A deliberate habit, outside the documents: the check must notice it.
                with pytest.raises(Exception, match=r"(?i)invalid|validation"):
                    _validate(op_id, path, query, response)
                continue
            _validate(op_id, path, query, response)
            validated.append(op_id)
    finally:
        ims_sandbox.set_dialect("full")
    expected = [op for op in OFFICIAL_READS if not route_absent(dialect, op)]
    if dialect.singular_envelopes:
        expected = [op for op in expected if op not in SINGULAR]
    assert validated == expected and len(validated) >= 20


def test_error_answer_validates_against_official_document(ims_sandbox: RunningSandbox) -> None:
    root = "/ims/oneroster/rostering/v1p2"
    response = httpx.get(
        ims_sandbox.base_url + root + "/users/no-such-user",
        headers={"Authorization": f"Bearer {_token(ims_sandbox)}"},
    )
    assert response.status_code == 404
    official("rostering").validate_response(
        MockRequest(HOST, "get", root + "/users/no-such-user"),
        MockResponse(data=response.content, status_code=404, content_type="application/json"),
    )


def test_the_check_has_teeth(ims_sandbox: RunningSandbox) -> None:
    """A record the documents forbid (an unknown field, additionalProperties: false) is rejected."""
    root = "/ims/oneroster/rostering/v1p2"
    response = httpx.get(
        ims_sandbox.base_url + root + "/users",
        params={"limit": "1"},
        headers={"Authorization": f"Bearer {_token(ims_sandbox)}"},
    )
    body = response.json()
    body["users"][0][unknown_field("shoeSize")] = "42"
    with pytest.raises(Exception, match=r"(?i)invalid|validation"):
        official("rostering").validate_response(
            MockRequest(HOST, "get", root + "/users", args={"limit": "1"}),
            MockResponse(data=json.dumps(body).encode(), status_code=200, content_type="application/json"),
        )


def test_format_uri_is_enforced(ims_sandbox: RunningSandbox, path_ids: dict[str, str]) -> None:
    """A relative href (what the seeded references once were) fails the documents' ``format: uri``."""
    path, query, response = _read("getClass", ims_sandbox, path_ids)
    body = response.json()
    assert body["class"]["course"]["href"].startswith(ims_sandbox.base_url + "/ims/oneroster/rostering/v1p2/")
    body["class"]["course"]["href"] = "/courses/" + body["class"]["course"]["sourcedId"]
    relative = httpx.Response(200, content=json.dumps(body).encode(), headers=response.headers)
    with pytest.raises(Exception, match=r"(?i)invalid|validation"):
        _validate("getClass", path, query, relative)
