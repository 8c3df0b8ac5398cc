"""Structural rules over our whole spec. Needs no reference document, so it always runs."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from conformance_support import (
    COLLECTION_PARAMETERS,
    ERROR_CODES,
    SERVICES,
    Operation,
    content_schema_name,
    load_spec,
    resolve,
    spec_operations,
    spec_parameters,
    takes_limit,
)
from oneroster.profiles import PROFILES as CLIENT_PROFILES
from openapi_spec_validator import validate

OPERATIONS = spec_operations()
# The operation sets the client's profiles serve: a name in x-oneroster-profiles must be one of them.
KNOWN_PROFILES = frozenset(profile.operations for profile in CLIENT_PROFILES.values())
IDS = [operation.operation_id for operation in OPERATIONS]
COLLECTION_GETS = [o for o in OPERATIONS if o.method == "get" and takes_limit(o)]


def _refs(node: Any, pointer: str = "#") -> list[tuple[str, str]]:
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                found.append((pointer, value))
            else:
                found.extend(_refs(value, f"{pointer}/{key}"))
    elif isinstance(node, list):
        for position, value in enumerate(node):
            found.extend(_refs(value, f"{pointer}/{position}"))
    return found


def test_spec_validates() -> None:
    validate(load_spec())


def test_operation_ids_are_unique() -> None:
    duplicates = sorted(name for name, count in Counter(IDS).items() if count > 1)
    assert not duplicates


def test_operation_templates_are_unique() -> None:
    """No two paths differ only in parameter names (TimeBack/platform paths are matched by template)."""
    duplicates = sorted(key for key, count in Counter(o.key for o in OPERATIONS).items() if count > 1)
    assert not duplicates


def test_every_ref_resolves() -> None:
    spec = load_spec()
    broken = []
    for holder, ref in _refs(spec):
        try:
            resolve(spec, {"$ref": ref})
        except (KeyError, TypeError, IndexError):
            broken.append(f"{holder}: {ref}")
    assert not broken, broken


def test_every_path_names_its_service() -> None:
    spec = load_spec()
    wrong = {path: item.get("x-oneroster-service") for path, item in spec["paths"].items()}
    wrong = {path: service for path, service in wrong.items() if service not in SERVICES}
    assert not wrong, wrong


def test_fields_is_a_string() -> None:
    for operation in OPERATIONS:
        for parameter, _ in spec_parameters(operation):
            if parameter["name"] == "fields":
                assert parameter["schema"] == {"type": "string"}, operation


@pytest.mark.parametrize("operation", OPERATIONS, ids=IDS)
def test_profiles_and_extension(operation: Operation) -> None:
    profiles = operation.profiles
    assert profiles, f"{operation} has no x-oneroster-profiles"
    assert set(profiles) <= KNOWN_PROFILES, (
        f"{operation} lists {sorted(set(profiles) - KNOWN_PROFILES)}: no oneroster.profiles.PROFILES has them"
    )
    assert len(profiles) == len(set(profiles))
    if operation.extension is None:
        assert "ims" in profiles, f"{operation}: no x-oneroster-extension, so it must be an ims operation"
    else:
        assert "ims" not in profiles, f"{operation}: an extension is not an ims operation"
        assert operation.extension in profiles, (
            f"{operation}: x-oneroster-extension names whose addition it is, a profile that serves it"
        )


@pytest.mark.parametrize("operation", OPERATIONS, ids=IDS)
def test_error_answers(operation: Operation) -> None:
    spec = load_spec()
    responses = operation.op["responses"]
    missing = [code for code in ERROR_CODES if code not in responses]
    assert not missing, f"{operation} lacks {missing}"
    for code in ERROR_CODES:
        assert content_schema_name(spec, responses[code]) == "ImsxStatusInfo", f"{operation} {code}"
    for code, response in responses.items():
        if code.startswith(("4", "5")):
            assert content_schema_name(spec, response) == "ImsxStatusInfo", f"{operation} {code}"


def test_collection_gets_exist() -> None:
    assert len(COLLECTION_GETS) > 50


@pytest.mark.parametrize("operation", COLLECTION_GETS, ids=[o.operation_id for o in COLLECTION_GETS])
def test_collection_get(operation: Operation) -> None:
    spec = load_spec()
    names = [parameter["name"] for parameter, _ in spec_parameters(operation) if parameter["in"] == "query"]
    missing = [name for name in COLLECTION_PARAMETERS if name not in names]
    assert not missing, f"{operation} lacks {missing}"
    ok = resolve(spec, operation.op["responses"]["200"])
    assert {"X-Total-Count", "Link"} <= set(ok.get("headers", {})), f"{operation} 200 headers"
    assert content_schema_name(spec, ok) is not None


def _record_schemas() -> dict[str, str]:
    """Schemas an envelope (``{users: [User]}``, ``{user: User}``) carries that have a sourcedId."""
    schemas = load_spec()["components"]["schemas"]
    found: dict[str, str] = {}
    for name, schema in schemas.items():
        if schema.get("x-oneroster-kind") != "envelope":
            continue
        for value in schema.get("properties", {}).values():
            for branch in value.get("anyOf", [value]):
                ref = branch.get("$ref") or branch.get("items", {}).get("$ref")
                if ref and "sourcedId" in schemas[ref.rsplit("/", 1)[1]].get("properties", {}):
                    found[ref.rsplit("/", 1)[1]] = name
    return found


def test_every_record_requires_its_sourced_id() -> None:
    """Every record an envelope carries requires sourcedId and nothing else: the models type it `str`."""
    schemas = load_spec()["components"]["schemas"]
    records = _record_schemas()
    assert {"User", "Class", "LineItem", "CourseComponent"} <= set(records)
    wrong = {
        name: schemas[name].get("required")
        for name in records
        if schemas[name].get("required") != ["sourcedId"]
    }
    assert not wrong, f"records whose `required` is not [sourcedId] (envelope: {records}): {wrong}"


def _marks(node: Any, pointer: str = "#") -> list[tuple[str, dict[str, Any], Any]]:
    """Every x-oneroster-extension in the spec: (pointer of the holder, holder, value)."""
    found = []
    if isinstance(node, dict):
        if "x-oneroster-extension" in node:
            found.append((pointer, node, node["x-oneroster-extension"]))
        for key, value in node.items():
            found.extend(_marks(value, f"{pointer}/{key}"))
    elif isinstance(node, list):
        for position, value in enumerate(node):
            found.extend(_marks(value, f"{pointer}/{position}"))
    return found


def test_extension_markers_say_whose_addition() -> None:
    """A marker is a non-empty name; on an enum schema it maps each added value of that enum to a name."""
    marks = _marks(load_spec())
    assert len(marks) > 60
    wrong = []
    for pointer, holder, value in marks:
        if "enum" in holder:
            ok = (
                isinstance(value, dict)
                and value
                and all(
                    key in holder["enum"] and isinstance(whose, str) and whose.strip()
                    for key, whose in value.items()
                )
            )
        else:
            ok = isinstance(value, str) and bool(value.strip())
        if not ok:
            wrong.append(f"{pointer}: {value!r}")
    assert not wrong, "x-oneroster-extension must name whose addition it is: " + "; ".join(wrong)
