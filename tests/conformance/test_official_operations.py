"""Our operations against every operation of the 1EdTech OneRoster 1.2 documents.

For each official (method, path): our spec has it under the same x-oneroster-service with the same
operationId, path and query parameters (ours may add only ones marked
x-oneroster-extension, such as TimeBack's `search`), security, request body
and official answers (schemas mapped through x-oneroster-official); it lists `ims` in
x-oneroster-profiles and carries no x-oneroster-extension. Other differences must be named in
test_deviations.DEVIATIONS.
"""

from __future__ import annotations

import copy
from collections import Counter
from typing import Any

import conformance_support
import pytest
from conformance_support import (
    SERVICES,
    Operation,
    compare_operation,
    content_schema_name,
    extension_of,
    load_official,
    load_spec,
    official_index,
    official_operations,
    path_parameter_names,
    require_reference,
    spec_operations,
    spec_parameters,
)
from spec_names import unknown_field
from test_deviations import DEVIATIONS, unexplained

require_reference()

pytestmark = pytest.mark.conformance

OFFICIAL = [operation for service in SERVICES for operation in official_operations(service)]
EXPECTED_COUNTS = {"rostering": 41, "gradebook": 35, "resources": 5}


def _ours(official: Operation) -> Operation:
    matches = [o for o in spec_operations() if (o.method, o.path) == (official.method, official.path)]
    assert matches, f"official {official} is not in our spec (same method and path)"
    return matches[0]


def test_official_operation_counts() -> None:
    assert Counter(operation.service for operation in OFFICIAL) == EXPECTED_COUNTS
    assert len(OFFICIAL) == 81
    assert len({operation.operation_id for operation in OFFICIAL}) == 81


def test_ims_profile_is_exactly_the_official_operations() -> None:
    official = {(o.method, o.path) for o in OFFICIAL}
    ims = {(o.method, o.path) for o in spec_operations() if "ims" in o.profiles}
    assert sorted(ims - official) == [], "operations listing ims that are not in the 1EdTech documents"
    assert sorted(official - ims) == [], "official operations not listing ims"


def test_marked_additions_are_a_deviation() -> None:
    assert "marked extensions" in DEVIATIONS


@pytest.mark.parametrize("official", OFFICIAL, ids=[f"{o.service}:{o.operation_id}" for o in OFFICIAL])
def test_official_operation(official: Operation) -> None:
    ours = _ours(official)
    assert ours.operation_id == official.operation_id
    assert ours.service == official.service, (
        f"x-oneroster-service {ours.service}, expected {official.service}"
    )
    assert ours.extension is None, f"official operation carries x-oneroster-extension: {ours.extension}"
    assert "ims" in ours.profiles

    assert path_parameter_names(ours.path) == path_parameter_names(official.path)
    official_query = {p["name"] for p in official.op.get("parameters", []) if p["in"] == "query"}
    our_query = {p["name"] for p, _ in spec_parameters(ours) if p["in"] == "query"}
    assert official_query <= our_query, (
        f"official query parameters missing: {sorted(official_query - our_query)}"
    )
    unmarked = sorted(
        p["name"]
        for p, _ in spec_parameters(ours)
        if p["in"] == "query" and p["name"] not in official_query and extension_of(p) is None
    )
    assert not unmarked, (
        f"query parameters not in the official operation: {unmarked}; if deliberate, mark each "
        "x-oneroster-extension: <whose addition> in the spec"
    )

    official_success = {code for code in official.op["responses"] if code.startswith("2")}
    our_success = {code for code in ours.op["responses"] if code.startswith("2")}
    # official gradebook PUT answers 201; ours documents 200 and 201, which includes it
    assert official_success <= our_success, (
        f"official success answers {sorted(official_success)} not all documented"
    )

    for code in official_success:
        official_schema = content_schema_name(load_official(official.service), official.op["responses"][code])
        our_schema = content_schema_name(load_spec(), ours.op["responses"][code])
        expected = official_index().get(official_schema) if official_schema else None
        assert our_schema == expected, (
            f"{code} answers {our_schema}, official {official_schema} -> {expected}"
        )
    if "requestBody" in official.op:
        official_body = content_schema_name(load_official(official.service), official.op["requestBody"])
        our_body = content_schema_name(load_spec(), ours.op.get("requestBody", {}))
        assert our_body == official_index().get(str(official_body)), (
            f"request body {our_body}, official {official_body}"
        )

    problems = unexplained(compare_operation(official))
    assert not problems, "differences no DEVIATIONS entry covers:\n" + "\n".join(problems)


@pytest.mark.parametrize("marked", [False, True], ids=["unmarked", "marked"])
def test_an_added_query_parameter_is_accepted_only_when_marked(
    marked: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = unknown_field("school")
    parameter: dict[str, Any] = {"name": name, "in": "query", "required": False, "schema": {"type": "string"}}
    if marked:
        parameter["x-oneroster-extension"] = "district"
    spec = copy.deepcopy(load_spec())
    spec["paths"]["/users"]["get"]["parameters"].append(parameter)
    monkeypatch.setattr(conformance_support, "load_spec", lambda: spec)
    official = next(o for o in OFFICIAL if o.operation_id == "getAllUsers")
    problems = unexplained(compare_operation(official))
    if marked:
        assert problems == []
    else:
        assert problems == [
            f"getAllUsers (GET /users) parameter {name}: parameter not in the official operation: "
            "if deliberate, mark it x-oneroster-extension: <whose addition> in the spec"
        ]
