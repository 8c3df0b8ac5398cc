"""Our component schemas against every component schema of the 1EdTech OneRoster 1.2 documents.

Each official schema is found through the x-oneroster-official list of one of ours. Both are turned into
comparable shapes (conformance_support.official_shape / our_shape); every official property must exist
in ours with the same shape, required lists must be equal, enum components must hold every official
value, and any other difference must be one DEVIATIONS (test_deviations) names.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import conformance_support
import pytest
from conformance_support import (
    SERVICES,
    compare_operation,
    compare_schema,
    load_official,
    load_spec,
    official_index,
    official_operations,
    require_reference,
)
from spec_names import unknown_field
from test_deviations import DEVIATIONS, explain, unexplained

require_reference()

pytestmark = pytest.mark.conformance

OFFICIAL_SCHEMAS = [
    (service, name) for service in SERVICES for name in load_official(service)["components"]["schemas"]
]

GUIDREF_TYPES = {
    "AcadSessionGUIDRefDType",
    "ClassGUIDRefDType",
    "CourseGUIDRefDType",
    "OrgGUIDRefDType",
    "ResourceGUIDRefDType",
    "UserGUIDRefDType",
    "AssessmentLineItemGUIDRefDType",
    "CategoryGUIDRefDType",
    "LineItemGUIDRefDType",
    "ScoreScaleGUIDRefDType",
}


def test_official_schema_counts() -> None:
    counts = {service: len(load_official(service)["components"]["schemas"]) for service in SERVICES}
    assert counts == {"rostering": 35, "gradebook": 37, "resources": 7}
    assert len({name for _, name in OFFICIAL_SCHEMAS}) == 66


def test_every_official_schema_has_a_mirror() -> None:
    index = official_index()
    unmirrored = sorted({name for _, name in OFFICIAL_SCHEMAS} - set(index))
    assert not unmirrored, f"no schema of ours names {unmirrored} in x-oneroster-official"


def test_x_oneroster_official_names_exist() -> None:
    official = {name for _, name in OFFICIAL_SCHEMAS}
    unknown = sorted(set(official_index()) - official)
    assert not unknown, f"x-oneroster-official names schemas the 1EdTech documents do not have: {unknown}"


def test_guidref_mirrors_the_ten_typed_refs() -> None:
    index = official_index()
    assert {name for name, ours in index.items() if ours == "GUIDRef"} == GUIDREF_TYPES
    assert {name for _, name in OFFICIAL_SCHEMAS if name.endswith("GUIDRefDType")} == GUIDREF_TYPES


def test_renamed_mirrors() -> None:
    index = official_index()
    assert index["CategoriesSetDType"] == "CategorySet"
    assert index["imsx_StatusInfoDType"] == "ImsxStatusInfo"
    assert index["UserDType"] == "User"


@pytest.mark.parametrize(
    ("service", "official_name"), OFFICIAL_SCHEMAS, ids=[f"{s}:{n}" for s, n in OFFICIAL_SCHEMAS]
)
def test_official_schema(service: str, official_name: str) -> None:
    problems = unexplained(compare_schema(service, official_name))
    assert not problems, "differences no DEVIATIONS entry covers:\n" + "\n".join(problems)


def test_every_deviation_is_used() -> None:
    """A DEVIATIONS place that explains nothing any more is stale: drop it."""
    used = set()
    for service in SERVICES:
        for name in load_official(service)["components"]["schemas"]:
            used.update(explain(difference) for difference in compare_schema(service, name))
        for operation in official_operations(service):
            used.update(explain(difference) for difference in compare_operation(operation))
    assert not set(DEVIATIONS) - used, (
        f"DEVIATIONS places that justify no difference: {sorted(set(DEVIATIONS) - used)}"
    )


def test_enum_components_hold_every_official_value() -> None:
    """Spelled out on its own: an enum component of ours never lacks a value an official schema allows."""
    spec_schemas = load_spec()["components"]["schemas"]
    missing = []
    for service, name in OFFICIAL_SCHEMAS:
        official = load_official(service)["components"]["schemas"][name]
        ours = spec_schemas[official_index()[name]]
        for prop, schema in official.get("properties", {}).items():
            values = set(schema.get("enum", []))
            for branch in schema.get("anyOf", []):
                values |= set(branch.get("enum", []))
            if not values or prop not in ours.get("properties", {}):
                continue
            ours_values = _enum_values_of(ours["properties"][prop], spec_schemas)
            if not values <= ours_values:
                missing.append(f"{service}:{name}.{prop}: {sorted(values - ours_values)}")
    assert not missing, "enum values missing: " + "; ".join(missing)


def _enum_values_of(schema: dict[str, object], schemas: dict[str, dict[str, object]]) -> set[str]:
    values: set[str] = set()
    stack: list[object] = [schema]
    while stack:
        node = stack.pop()
        if not isinstance(node, dict):
            continue
        if "$ref" in node:
            stack.append(schemas[str(node["$ref"]).rsplit("/", 1)[1]])
        values |= {str(value) for value in node.get("enum", [])}
        stack.extend(node.get("anyOf", []))
    return values


# ---------------------------------------------------------------------------------------------------
# The spec alone says what is a deliberate addition: x-oneroster-extension (docs/changing-the-spec.md)
# ---------------------------------------------------------------------------------------------------


def _with(monkeypatch: pytest.MonkeyPatch, edit: Callable[[dict[str, Any]], None]) -> None:
    spec = copy.deepcopy(load_spec())
    edit(spec)
    monkeypatch.setattr(conformance_support, "load_spec", lambda: spec)


@pytest.mark.parametrize("marked", [False, True], ids=["unmarked", "marked"])
def test_an_added_property_is_accepted_only_when_marked(
    marked: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = unknown_field("houseName")
    prop: dict[str, Any] = {"type": "string", **({"x-oneroster-extension": "district"} if marked else {})}
    _with(monkeypatch, lambda spec: spec["components"]["schemas"]["User"]["properties"].update({name: prop}))
    problems = unexplained(compare_schema("rostering", "UserDType"))
    if marked:
        assert problems == []
    else:
        assert problems == [
            f"User (official rostering:UserDType).{name}: adds property {name!r}: "
            "if deliberate, mark it x-oneroster-extension: <whose addition> in the spec"
        ]


@pytest.mark.parametrize("marked", [False, True], ids=["unmarked", "marked"])
def test_an_added_enum_value_is_accepted_only_when_marked(
    marked: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    value = "ext-" + unknown_field("houseCaptain")  # no 1EdTech document has it

    def edit(spec: dict[str, Any]) -> None:
        enum = spec["components"]["schemas"]["UserRole"]
        enum["enum"].append(value)
        if marked:
            enum["x-oneroster-extension"] = {**enum.get("x-oneroster-extension", {}), value: "district"}

    _with(monkeypatch, edit)
    problems = unexplained(compare_schema("rostering", "RoleDType"))
    if marked:
        assert problems == []
    else:
        assert len(problems) == 1 and f"enum adds [{value!r}]" in problems[0]
        assert "x-oneroster-extension (value: whose addition it is)" in problems[0]
