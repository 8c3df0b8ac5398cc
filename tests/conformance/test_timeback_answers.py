"""Every answer the TimeBack document allows is read by the client.

For each read operation of the TimeBack OpenAPI document (a document we did not write), random
answers valid against its 200 schema are generated (hypothesis-jsonschema) and served to the
wrapper call that sends that operation. The call must return records, never raise: nulls where
the document allows them, other envelope keys, extra properties, open enums. The one refusal
is a record without a ``sourcedId`` (the document does not require it everywhere; the client
returns none without one), which must be a ``ResponseParseError`` saying so.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache
from typing import Any

import httpx
import pytest
from conformance_support import reference_dir
from hypothesis import HealthCheck, given, settings
from oneroster import OneRoster, ResponseParseError, RetryPolicy
from oneroster.operation_index import OPERATIONS
from oneroster.resources import RESOURCES
from oneroster.scopes import ROUTES
from schema_answers import answers

pytestmark = pytest.mark.conformance


@cache
def _document() -> dict[str, Any]:
    path = reference_dir() / "timeback" / "timeback-package_oneroster-api.json"
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _json_schema(node: Any) -> Any:
    """OpenAPI 3.0's ``nullable`` as JSON Schema, without the examples."""
    if isinstance(node, list):
        return [_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _json_schema(value) for key, value in node.items() if key not in ("example", "examples")}
    if out.pop("nullable", False):
        kind = out.get("type")
        if isinstance(kind, str):
            out["type"] = [kind, "null"]
        elif "$ref" in out or "anyOf" in out or "allOf" in out:
            out = {"anyOf": [out, {"type": "null"}]}
    return out


def _normal(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "{}", path.rstrip("/"))


@cache
def _ours() -> dict[tuple[str, str], str]:
    roots = (
        "/ims/oneroster/rostering/v1p2",
        "/ims/oneroster/gradebook/v1p2",
        "/ims/oneroster/resources/v1p2",
    )
    by_path: dict[tuple[str, str], str] = {}
    for op_id, op in OPERATIONS.items():
        if "timeback" in op.profiles and op.method == "GET":
            root = next(r for r in roots if op.service in r)
            by_path[(root, _normal(op.path))] = op_id
    return by_path


def _cases() -> list[tuple[str, str]]:
    try:
        document = _document()
    except Exception:
        return []
    cases = []
    for path, item in document["paths"].items():
        operation = item.get("get")
        if operation is None:
            continue
        root = next((r for r, _ in _ours() if path.startswith(r + "/")), None)
        if root is None:
            continue
        op_id = _ours().get((root, _normal(path[len(root) :])))
        if op_id is not None:
            cases.append((op_id, path))
    return sorted(cases)


# Read operations sent by a scope method rather than a listing.
_SCOPE_CALLS: dict[str, Callable[[OneRoster], Any]] = {
    "getUserWithDemographics": lambda client: [client.users("p-1").with_demographics()],
}


def _call(op_id: str) -> Callable[[OneRoster], Any] | None:
    """The public call that sends ``op_id`` under the timeback profile."""
    if op_id in _SCOPE_CALLS:
        return _SCOPE_CALLS[op_id]
    for spec in RESOURCES:
        if op_id in spec.list_ops:
            return lambda client: getattr(client, spec.name).list().data
        if op_id in spec.get_ops:
            return lambda client: [getattr(client, spec.name).get("x-1")]
    for route, info in ROUTES.items():
        if op_id in info.op_ids:
            head, *rest = route.split(".")

            def call(client: OneRoster, head: str = head, rest: list[str] = rest) -> Any:
                scope = getattr(client, head)("p-1")
                if len(rest) == 2:
                    scope = getattr(scope, rest[0])("p-2")
                return getattr(scope, rest[-1]).list().data

            return call
    return None


CASES = _cases()


def test_the_document_maps_onto_our_operations() -> None:
    if not CASES:
        pytest.skip("the TimeBack document is not beside the checkout (../shared/reference/timeback)")
    assert len(CASES) >= 60


@pytest.mark.parametrize(("op_id", "path"), CASES, ids=[case[0] for case in CASES])
def test_every_answer_the_document_allows_is_read(op_id: str, path: str) -> None:
    call = _call(op_id)
    if call is None:
        pytest.skip(f"{op_id} is sent by no public call of the wrapper (only through oneroster_client)")
    document = _document()
    schema = _json_schema(document["paths"][path]["get"]["responses"]["200"]["content"]["application/json"])
    root = {"components": {"schemas": _json_schema(document["components"]["schemas"])}}
    bodies = answers(schema["schema"], root)

    @settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(body=bodies)
    def check(body: Any) -> None:
        def answer(request: httpx.Request) -> httpx.Response:
            # A parent's GET (the planner checks parents on some routes) gets the same kind of answer.
            return httpx.Response(200, json=body)

        with OneRoster(
            base_url="https://timeback.example",
            token="t",
            profile="timeback",
            http_client=httpx.Client(transport=httpx.MockTransport(answer)),
            retry_policy=RetryPolicy(max_retries=0, sleep=lambda s: None),
        ) as client:
            try:
                records = call(client)
            except ResponseParseError as exc:
                # The document lets some records come without a sourcedId; the client refuses those
                # by design (every record it returns has one), and says so.
                assert "'sourcedId' is missing" in str(exc), exc
                return
        assert isinstance(records, list)

    check()
