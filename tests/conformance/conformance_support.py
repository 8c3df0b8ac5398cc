"""Shared helpers for tests/conformance: loading the documents and normalising schemas for comparison.

Our spec lives in the repo; the 1EdTech and TimeBack documents do not. They are looked up in
$ONEROSTER_REFERENCE_DIR, else in <repo root>/../shared/reference (seeds in its sibling ../seeds);
the reference-dependent modules skip when they are absent.

The normaliser turns an official schema and one of ours into comparable shapes and reports every
difference it finds as a `Difference`. A difference is justified by a house rule (`place`, a key of
test_deviations.DEVIATIONS) or by an x-oneroster-deviation marker in our spec (`pointer`); one with
neither is a defect. Which places exist is decided by test_deviations, not here.
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = REPO_ROOT / "openapi" / "oneroster-1.2.yaml"

SERVICES = ("rostering", "gradebook", "resources")
OFFICIAL_FILES = {
    "rostering": "onerosterv1p2rostersservice_openapi3_v1p0.json",
    "gradebook": "onerosterv1p2gradebookservice_openapi3_v1p0.json",
    "resources": "onerosterv1p2resourcesservice_openapi3_v1p0.json",
}
HTTP_METHODS = ("get", "put", "post", "delete", "patch")
WRITE_METHODS = frozenset({"put", "post", "delete", "patch"})
SCHEMAS = "#/components/schemas/"
PARAMETERS = "#/components/parameters/"
PAGING_FIELDS = frozenset({"totalCount", "pageCount", "pageNumber", "offset", "limit", "total"})
ERROR_CODES = ("400", "401", "403", "404", "422", "429", "500")
COLLECTION_PARAMETERS = ("limit", "offset", "sort", "orderBy", "filter", "fields", "search")

# Response headers ours add, and the house rule (a DEVIATIONS place) each falls under.
EXTRA_HEADER_PLACES = {"Link": "responses: Link header", "Retry-After": "responses: Retry-After header"}

# Formats the official documents carry that change nothing in a JSON/Python client (float, int32) or
# that the generator ignores (uri). date and date-time are compared.
DROPPABLE_FORMATS = frozenset({"float", "int32", "uri"})

_PARAM = re.compile(r"\{[^{}/]+\}")


# ---------------------------------------------------------------------------------------------------
# Locations and loading
# ---------------------------------------------------------------------------------------------------


def reference_dir() -> Path:
    default = REPO_ROOT.parent / "shared" / "reference"
    return Path(os.environ.get("ONEROSTER_REFERENCE_DIR", default))


def seeds_dir() -> Path:
    return reference_dir().parent / "seeds"


def official_path(service: str) -> Path:
    return reference_dir() / "official" / OFFICIAL_FILES[service]


def endpoints_path() -> Path:
    return reference_dir() / "timeback" / "ENDPOINTS.md"


def missing_reference() -> str | None:
    """Return why the reference documents cannot be used, or None when they are all there."""
    needed = [official_path(service) for service in SERVICES] + [endpoints_path()]
    missing = [path.relative_to(reference_dir()).as_posix() for path in needed if not path.is_file()]
    if not missing:
        return None
    return (
        f"OneRoster reference documents not found in {reference_dir()} (missing {', '.join(missing)}); "
        "put shared/reference beside the checkout or set ONEROSTER_REFERENCE_DIR"
    )


def require_reference() -> None:
    """Skip the calling test module (at import time) when the reference documents are absent."""
    reason = missing_reference()
    if reason is not None:
        pytest.skip(reason, allow_module_level=True)


def seed_files() -> list[Path]:
    """The TimeBack platform documents (seeds 003 and 004), or [] when one of them is absent."""
    found = [sorted(seeds_dir().glob(f"{prefix}_*.txt")) for prefix in ("003", "004")]
    if not all(found):
        return []
    return [paths[0] for paths in found]


@functools.cache
def load_spec() -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return spec


@functools.cache
def load_official(service: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(official_path(service).read_text(encoding="utf-8"))
    return document


def template(path: str) -> str:
    """`/classes/{classSourcedId}/lineItems` -> `/classes/{}/lineItems`."""
    return _PARAM.sub("{}", path)


def path_parameter_names(path: str) -> list[str]:
    return [match[1:-1] for match in _PARAM.findall(path)]


def ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[1]


def resolve(document: dict[str, Any], node: Any) -> Any:
    """Follow local `$ref`s (`#/components/...`) until a node without one is reached."""
    seen: set[str] = set()
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        if not isinstance(ref, str) or not ref.startswith("#/") or ref in seen:
            raise KeyError(f"cannot resolve {ref!r}")
        seen.add(ref)
        target: Any = document
        for part in ref[2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


# ---------------------------------------------------------------------------------------------------
# Operations
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Operation:
    service: str
    method: str
    path: str
    op: dict[str, Any] = field(compare=False, repr=False)

    @property
    def operation_id(self) -> str:
        return str(self.op["operationId"])

    @property
    def template(self) -> str:
        return template(self.path)

    @property
    def key(self) -> tuple[str, str]:
        return (self.method, self.template)

    @property
    def profiles(self) -> list[str]:
        return list(self.op.get("x-oneroster-profiles", []))

    @property
    def extension(self) -> str | None:
        return self.op.get("x-oneroster-extension")

    def __str__(self) -> str:
        return f"{self.method.upper()} {self.path} ({self.operation_id})"


def spec_operations() -> list[Operation]:
    spec = load_spec()
    return [
        Operation(str(item.get("x-oneroster-service")), method, path, item[method])
        for path, item in spec["paths"].items()
        for method in HTTP_METHODS
        if method in item
    ]


def official_operations(service: str) -> list[Operation]:
    document = load_official(service)
    return [
        Operation(service, method, path, item[method])
        for path, item in document["paths"].items()
        for method in HTTP_METHODS
        if method in item
    ]


def spec_operation_index() -> dict[tuple[str, str], Operation]:
    """Our operations by (method, path template)."""
    return {operation.key: operation for operation in spec_operations()}


def spec_parameters(operation: Operation) -> list[tuple[dict[str, Any], str | None]]:
    """The operation's parameters, resolved, each with its component pointer (None when inline)."""
    spec = load_spec()
    result = []
    for parameter in operation.op.get("parameters", []):
        pointer = parameter.get("$ref")
        result.append((resolve(spec, parameter), pointer))
    return result


def takes_limit(operation: Operation) -> bool:
    return any(parameter["name"] == "limit" for parameter, _ in spec_parameters(operation))


def content_schema_name(document: dict[str, Any], holder: dict[str, Any]) -> str | None:
    """Name of the component schema a (possibly $ref) response or request body carries as JSON, if any."""
    holder = resolve(document, holder)
    schema = holder.get("content", {}).get("application/json", {}).get("schema")
    if schema is None:
        return None
    return ref_name(schema["$ref"]) if "$ref" in schema else "<inline>"


def collection_envelopes() -> set[str]:
    """Schemas that are the 200 answer of a collection GET (one taking limit)."""
    spec = load_spec()
    names = set()
    for operation in spec_operations():
        if operation.method == "get" and takes_limit(operation):
            name = content_schema_name(spec, operation.op["responses"]["200"])
            if name:
                names.add(name)
    return names


def deviation_markers(node: Any = None, pointer: str = "#") -> Iterator[tuple[str, Any]]:
    """Every x-oneroster-deviation in our spec, as (JSON pointer of the holder, reason)."""
    if node is None:
        node = load_spec()
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "x-oneroster-deviation":
                yield pointer, value
            else:
                escaped = str(key).replace("~", "~0").replace("/", "~1")
                yield from deviation_markers(value, f"{pointer}/{escaped}")
    elif isinstance(node, list):
        for position, value in enumerate(node):
            yield from deviation_markers(value, f"{pointer}/{position}")


def node_at(pointer: str) -> Any:
    """The spec node at a JSON pointer, without following a $ref it holds."""
    node: Any = load_spec()
    for part in pointer.removeprefix("#/").split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def marked(pointer: str | None) -> bool:
    """Does the spec node at this pointer carry an x-oneroster-deviation?"""
    if pointer is None:
        return False
    try:
        node = node_at(pointer)
    except (KeyError, IndexError, TypeError):
        return False
    return isinstance(node, dict) and "x-oneroster-deviation" in node


# ---------------------------------------------------------------------------------------------------
# Normaliser
# ---------------------------------------------------------------------------------------------------
#
# Shapes (tuples, so they compare and print well):
#   ("prim", type, format, minimum)        string/number/integer/boolean/object
#   ("array", item shape, minItems)
#   ("ref", our component name)           official refs are mapped through x-oneroster-official
#   ("guidref",)                          our GUIDRef, or any official *GUIDRefDType
#   ("enum", frozenset(values), open)     official inline enums; our enum components (+ string if open)
#   ("status", frozenset(values))         our Status (StatusEnum values)
#   ("truefalse", frozenset(values))      our TrueFalse (TrueFalseEnum values)
#   ("date",)                             our DateValue
#   ("union", (shape, ...))               our anyOf with several non-null branches
# Nullability (our anyOf [..., {type: 'null'}]) is returned beside the shape.

Shape = tuple[Any, ...]
NULL = {"type": "null"}


@dataclass(frozen=True)
class Difference:
    """One way our spec differs from the official document."""

    where: str
    detail: str
    place: str | None = None  # a house rule, named in test_deviations.DEVIATIONS
    pointer: str | None = None  # a spec location whose x-oneroster-deviation justifies the difference

    def __str__(self) -> str:
        because = self.place or self.pointer or "UNJUSTIFIED"
        return f"{self.where}: {self.detail} [{because}]"


@functools.cache
def official_index() -> dict[str, str]:
    """Official schema name -> our component name, from x-oneroster-official."""
    index: dict[str, str] = {}
    for name, schema in load_spec()["components"]["schemas"].items():
        for official in schema.get("x-oneroster-official", []):
            if official in index:
                raise AssertionError(f"{official} is claimed by both {index[official]} and {name}")
            index[official] = name
    return index


def _enum_values(name: str) -> frozenset[str]:
    schema = load_spec()["components"]["schemas"][name]
    return frozenset(schema["enum"])


EXTENSION = "x-oneroster-extension"
# What an unmarked addition's message asks for (docs/changing-the-spec.md explains the marker).
MARK_IT = f"if deliberate, mark it {EXTENSION}: <whose addition> in the spec"


def extension_of(node: Any) -> str | None:
    """Whose deliberate addition a spec node is (its x-oneroster-extension), or None when unmarked."""
    mark = node.get(EXTENSION) if isinstance(node, dict) else None
    return mark.strip() if isinstance(mark, str) and mark.strip() else None


def _enum_extensions(schema: dict[str, Any]) -> frozenset[str]:
    """The values an enum schema marks as extensions (x-oneroster-extension: {value: whose})."""
    marks = schema.get(EXTENSION)
    if not isinstance(marks, dict):
        return frozenset()
    return frozenset(str(value) for value, whose in marks.items() if isinstance(whose, str) and whose.strip())


@functools.cache
def official_enum_values() -> frozenset[str]:
    """Every enumeration value any of the three 1EdTech documents names, anywhere."""
    found: set[str] = set()
    stack: list[Any] = [load_official(service) for service in SERVICES]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("enum"), list):
                found.update(str(value) for value in node["enum"])
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return frozenset(found)


def _is_enum_component(name: str) -> bool:
    return "enum" in load_spec()["components"]["schemas"].get(name, {})


def official_shape(schema: dict[str, Any]) -> Shape:
    """Normalise a schema from a 1EdTech document."""
    if "$ref" in schema:
        name = ref_name(schema["$ref"])
        if name.endswith("GUIDRefDType"):
            return ("guidref",)
        return ("ref", official_index().get(name, f"<unmapped {name}>"))
    if "anyOf" in schema:
        # the open enumerations: [{enum: [...]}, {type: string, pattern: '(ext:)...'}], either order
        branches = schema["anyOf"]
        enums = [branch for branch in branches if "enum" in branch]
        strings = [branch for branch in branches if "enum" not in branch and branch.get("type") == "string"]
        if len(enums) == 1 and len(strings) == len(branches) - 1:
            return ("enum", frozenset(enums[0]["enum"]), True)
        return ("unknown", json.dumps(schema, sort_keys=True))
    if "enum" in schema:
        return ("enum", frozenset(schema["enum"]), False)
    kind = schema.get("type")
    if kind == "array":
        return ("array", official_shape(schema["items"]), schema.get("minItems", 0))
    return ("prim", kind, schema.get("format"), schema.get("minimum"))


def our_shape(schema: dict[str, Any]) -> tuple[Shape, bool]:
    """Normalise a schema from our spec; returns (shape, nullable)."""
    if "anyOf" in schema:
        branches = schema["anyOf"]
        nullable = NULL in branches
        rest = [branch for branch in branches if branch != NULL]
        enum_refs = [b for b in rest if "$ref" in b and _is_enum_component(ref_name(b["$ref"]))]
        if len(enum_refs) == 1 and {"type": "string"} in rest and len(rest) == 2:
            name = ref_name(enum_refs[0]["$ref"])
            marked = _enum_extensions(load_spec()["components"]["schemas"][name])
            return ("enum", _enum_values(name), True, marked), nullable
        shapes = [our_shape(branch)[0] for branch in rest]
        if len(shapes) == 1:
            return shapes[0], nullable
        return ("union", tuple(shapes)), nullable
    if "$ref" in schema:
        name = ref_name(schema["$ref"])
        if name == "Status":
            return ("status", _enum_values("StatusEnum")), False
        if name == "TrueFalse":
            return ("truefalse", _enum_values("TrueFalseEnum")), False
        if name == "DateValue":
            return ("date",), False
        if name == "GUIDRef":
            return ("guidref",), False
        if _is_enum_component(name):
            marked = _enum_extensions(load_spec()["components"]["schemas"][name])
            return ("enum", _enum_values(name), False, marked), False
        return ("ref", name), False
    if "enum" in schema:
        return ("enum", frozenset(schema["enum"]), False, _enum_extensions(schema)), False
    kind = schema.get("type")
    if kind == "array":
        return ("array", our_shape(schema["items"])[0], schema.get("minItems", 0)), False
    return ("prim", kind, schema.get("format"), schema.get("minimum")), False


def show(shape: Shape) -> str:
    kind = shape[0]
    if kind == "enum":
        return f"{'open' if shape[2] else 'closed'} enum {sorted(shape[1])}"
    if kind in ("status", "truefalse"):
        return f"{kind} {sorted(shape[1])}"
    if kind == "array":
        return f"array(minItems={shape[2]}) of {show(shape[1])}"
    if kind == "union":
        return "anyOf(" + " | ".join(show(branch) for branch in shape[1]) + ")"
    if kind == "prim":
        extras = "".join(
            f" {label}={value}"
            for label, value in (("format", shape[2]), ("minimum", shape[3]))
            if value is not None
        )
        return f"{shape[1]}{extras}"
    return ":".join(str(part) for part in shape)


def compare_shapes(
    official: Shape, ours: Shape, where: str, component: str | None = None
) -> list[Difference]:
    """Differences between an official shape and ours; `component` is the pointer of our enclosing schema."""
    fail = [Difference(where, f"official {show(official)}, ours {show(ours)}")]
    kind_o, kind_u = official[0], ours[0]

    if kind_u == "union":
        for branch in ours[1]:
            found = compare_shapes(official, branch, where, component)
            if all(d.place or d.pointer for d in found):
                widened = Difference(
                    where, f"official {show(official)} widened to {show(ours)}", pointer=component
                )
                return [*found, widened]
        return fail

    if kind_o == "enum" and kind_u == "enum":
        found = []
        missing = official[1] - ours[1]
        if missing:
            found.append(Difference(where, f"enum lacks official values {sorted(missing)}"))
        extra = ours[1] - official[1]
        marked = ours[3] if len(ours) > 3 else frozenset()
        elsewhere = extra & official_enum_values()
        if elsewhere:
            found.append(Difference(where, f"enum adds {sorted(elsewhere)}", place="enum extra values"))
        if extra & marked - elsewhere:
            found.append(
                Difference(
                    where, f"enum adds {sorted(extra & marked - elsewhere)}", place="marked extensions"
                )
            )
        unmarked = extra - elsewhere - marked
        if unmarked:
            found.append(
                Difference(
                    where,
                    f"enum adds {sorted(unmarked)}, which no 1EdTech document has: if deliberate, list "
                    f"each in the enum schema's {EXTENSION} (value: whose addition it is)",
                )
            )
        if ours[2] and not official[2]:
            found.append(
                Difference(where, "official closed enum is open (anyOf [enum, string])", place="open enums")
            )
        if official[2] and not ours[2]:
            found.append(Difference(where, "official open enum is closed"))
        return found

    specials = {"status": "Status", "truefalse": "TrueFalse"}
    if kind_o == "enum" and kind_u in specials:
        if not official[1] <= ours[1] or official[2]:
            return fail
        pointer = SCHEMAS + specials[kind_u]
        return [
            Difference(
                where,
                f"official closed enum {sorted(official[1])} read through {specials[kind_u]}",
                pointer=pointer,
            )
        ]

    if kind_o == "prim" and kind_u == "date":
        if official[1:3] != ("string", "date"):
            return fail
        return [
            Difference(where, "official format date read through DateValue", pointer=SCHEMAS + "DateValue")
        ]

    if kind_o != kind_u:
        return fail

    if kind_o == "prim":
        found = []
        if official[1] != ours[1] or official[3] != ours[3]:
            return fail
        if official[2] != ours[2]:
            if official[2] in DROPPABLE_FORMATS and ours[2] is None:
                found.append(Difference(where, f"format {official[2]} dropped", place="formats"))
            else:
                return fail
        return found

    if kind_o == "array":
        found = compare_shapes(official[1], ours[1], f"{where}[]", component)
        if official[2] != ours[2]:
            if ours[2] == 0:
                found.append(Difference(where, f"minItems {official[2]} dropped", place="minItems"))
            else:
                found.extend(fail)
        return found

    return [] if official == ours else fail


def compare_value(
    official: dict[str, Any],
    ours: dict[str, Any],
    where: str,
    *,
    required: bool,
    component: str | None = None,
    default_pointer: str | None = None,
) -> list[Difference]:
    """Compare one property (or parameter) schema: shape, nullability and default."""
    our_norm, nullable = our_shape(ours)
    found = compare_shapes(official_shape(official), our_norm, where, component)
    if nullable:
        reference = our_norm == ("guidref",) or (our_norm[0] == "array" and our_norm[1] == ("guidref",))
        if required and reference:
            found.append(Difference(where, "required reference accepts null", place="nullable references"))
        elif required:
            found.append(Difference(where, "officially required but accepts null"))
        else:
            found.append(Difference(where, "optional and accepts null", place="nullable optionals"))
    if "default" in official and official["default"] != ours.get("default"):
        detail = f"official default {official['default']!r} not kept"
        if default_pointer is not None:
            found.append(Difference(where, detail, pointer=default_pointer))
        else:
            found.append(Difference(where, detail, place="property defaults"))
    elif "default" in ours and official.get("default") != ours["default"]:
        found.append(Difference(where, f"default {ours['default']!r} is not official"))
    return found


def compare_schema(service: str, official_name: str) -> list[Difference]:
    """Compare an official component schema with the one of ours that names it in x-oneroster-official."""
    official = load_official(service)["components"]["schemas"][official_name]
    our_name = official_index().get(official_name)
    where = f"{service}:{official_name}"
    if our_name is None:
        return [Difference(where, "no schema of ours names it in x-oneroster-official")]
    ours = load_spec()["components"]["schemas"][our_name]
    pointer = SCHEMAS + our_name
    where = f"{our_name} (official {service}:{official_name})"
    found: list[Difference] = []

    mirrors = ours.get("x-oneroster-official", [])
    if len(mirrors) > 1:
        found.append(
            Difference(where, f"one schema mirrors {len(mirrors)} official schemas", pointer=pointer)
        )

    if official.get("type") != ours.get("type"):
        found.append(Difference(where, f"type {ours.get('type')!r}, official {official.get('type')!r}"))

    official_props: dict[str, Any] = official.get("properties", {})
    our_props: dict[str, Any] = ours.get("properties", {})
    official_required = set(official.get("required", []))
    for name, schema in official_props.items():
        if name not in our_props:
            found.append(Difference(f"{where}.{name}", "official property missing"))
            continue
        found.extend(
            compare_value(
                schema,
                our_props[name],
                f"{where}.{name}",
                required=name in official_required,
                component=pointer,
            )
        )
    extra = set(our_props) - set(official_props)
    paging = extra & PAGING_FIELDS
    if paging:
        found.append(Difference(where, f"adds paging fields {sorted(paging)}", pointer=pointer))
    for name in sorted(extra - paging):
        whose = extension_of(our_props[name])
        if whose is not None:
            found.append(Difference(f"{where}.{name}", f"adds property ({whose})", place="marked extensions"))
        else:
            found.append(
                Difference(
                    f"{where}.{name}",
                    f"adds property {name!r}: {MARK_IT}",
                )
            )

    # A record's `required` names only its sourcedId (every record the client returns carries one);
    # the official list is in x-oneroster-required. Anything else required beside it is a defect.
    if (
        "required" in ours
        and "x-oneroster-required" in ours
        and (ours["required"] != ["sourcedId"] or "sourcedId" not in official_required)
    ):
        detail = f"required {ours['required']} beside x-oneroster-required: a record requires only sourcedId"
        found.append(Difference(where, detail))
    our_required = set(ours.get("x-oneroster-required", ours.get("required", [])))
    if our_required != official_required:
        found.append(
            Difference(where, f"required {sorted(our_required)}, official {sorted(official_required)}")
        )
    elif "x-oneroster-required" in ours:
        found.append(
            Difference(where, "required list kept in x-oneroster-required", place="entity required lists")
        )

    official_extra = official.get("additionalProperties", True)
    our_extra = ours.get("additionalProperties", True)
    if official_extra != our_extra:
        if official_extra is False and our_extra is True:
            found.append(
                Difference(where, "additionalProperties false not kept", place="additionalProperties")
            )
        else:
            found.append(
                Difference(where, f"additionalProperties {our_extra!r}, official {official_extra!r}")
            )
    return found


# ---------------------------------------------------------------------------------------------------
# Operation comparison
# ---------------------------------------------------------------------------------------------------


def _default_style(location: str) -> str:
    return "simple" if location in ("path", "header") else "form"


def _content_shape(document: dict[str, Any], holder: dict[str, Any] | None, *, ours: bool) -> Shape | None:
    """Shape of the JSON schema a request body or response carries, or None without content."""
    if not holder:
        return None
    holder = resolve(document, holder)
    schema = holder.get("content", {}).get("application/json", {}).get("schema")
    if schema is None:
        return None
    return our_shape(schema)[0] if ours else official_shape(schema)


def compare_operation(official: Operation) -> list[Difference]:
    """Compare an official operation with ours at the same (method, path)."""
    spec = load_spec()
    document = load_official(official.service)
    where = f"{official.method.upper()} {official.path}"
    ours_by_path = {(o.method, o.path): o for o in spec_operations()}
    ours = ours_by_path.get((official.method, official.path))
    if ours is None:
        return [
            Difference(where, f"official operation {official.operation_id} missing (same method and path)")
        ]
    found: list[Difference] = []
    where = f"{ours.operation_id} ({ours.method.upper()} {ours.path})"

    if ours.operation_id != official.operation_id:
        found.append(Difference(where, f"operationId differs from official {official.operation_id}"))
    if ours.service != official.service:
        found.append(Difference(where, f"x-oneroster-service {ours.service}, official {official.service}"))
    if ours.extension is not None:
        found.append(Difference(where, f"official operation marked x-oneroster-extension: {ours.extension}"))
    if "ims" not in ours.profiles:
        found.append(Difference(where, f"x-oneroster-profiles {ours.profiles} lacks ims"))
    if ours.op.get("security") != official.op.get("security"):
        found.append(
            Difference(where, f"security {ours.op.get('security')}, official {official.op.get('security')}")
        )

    # parameters
    our_params = {(p["name"], p["in"]): (p, pointer) for p, pointer in spec_parameters(ours)}
    official_params = {(p["name"], p["in"]): p for p in official.op.get("parameters", [])}
    if path_parameter_names(ours.path) != path_parameter_names(official.path):
        found.append(Difference(where, "path parameter names differ"))
    for key, parameter in official_params.items():
        label = f"{where} parameter {key[0]}"
        if key not in our_params:
            found.append(Difference(label, f"official {key[1]} parameter missing"))
            continue
        mine, pointer = our_params[key]
        if bool(mine.get("required", False)) != bool(parameter.get("required", False)):
            found.append(Difference(label, "required differs"))
        location = key[1]
        if mine.get("style", _default_style(location)) != parameter.get("style", _default_style(location)):
            found.append(Difference(label, "style differs"))
        if mine.get("explode") != parameter.get("explode") or mine.get(
            "allowEmptyValue", False
        ) != parameter.get("allowEmptyValue", False):
            found.append(Difference(label, "explode/allowEmptyValue differ"))
        differences = compare_value(
            parameter["schema"], mine["schema"], label, required=True, default_pointer=pointer
        )
        # a parameter that carries its own x-oneroster-deviation justifies its schema differences
        if marked(pointer):
            differences = [
                d if d.place or d.pointer else Difference(d.where, d.detail, pointer=pointer)
                for d in differences
            ]
        found.extend(differences)
    for key, (mine, _) in our_params.items():
        if key in official_params:
            continue
        label = f"{where} parameter {key[0]}"
        whose = extension_of(mine)
        if whose is not None:
            found.append(Difference(label, f"adds parameter ({whose})", place="marked extensions"))
        else:
            found.append(
                Difference(
                    label,
                    f"parameter not in the official operation: {MARK_IT}",
                )
            )

    # request body
    official_body = _content_shape(document, official.op.get("requestBody"), ours=False)
    our_body = _content_shape(spec, ours.op.get("requestBody"), ours=True)
    if official_body is None:
        if "requestBody" in ours.op:
            found.append(Difference(where, "request body not in the official operation"))
    elif our_body is None:
        found.append(Difference(where, "official request body missing"))
    else:
        found.extend(compare_shapes(official_body, our_body, f"{where} request body"))
        if bool(resolve(spec, ours.op["requestBody"]).get("required")) != bool(
            official.op["requestBody"].get("required")
        ):
            found.append(Difference(where, "requestBody.required differs"))

    # responses
    official_responses: dict[str, Any] = official.op["responses"]
    our_responses: dict[str, Any] = ours.op["responses"]
    for code, response in official_responses.items():
        label = f"{where} response {code}"
        if code not in our_responses:
            if code == "default":
                found.append(Difference(label, "no default response", place="responses: no default response"))
            else:
                found.append(Difference(label, "official response missing"))
            continue
        mine = resolve(spec, our_responses[code])
        official_content = _content_shape(document, response, ours=False)
        our_content = _content_shape(spec, mine, ours=True)
        if official_content is None and our_content is not None:
            found.append(Difference(label, "declares content the official response does not"))
        elif official_content is not None and our_content is None:
            found.append(Difference(label, "official content missing"))
        elif official_content is not None and our_content is not None:
            found.extend(compare_shapes(official_content, our_content, label))
        official_headers = set(response.get("headers", {}))
        our_headers = set(mine.get("headers", {}))
        if official_headers - our_headers:
            found.append(
                Difference(label, f"official headers missing {sorted(official_headers - our_headers)}")
            )
        for header in sorted(our_headers - official_headers):
            place = EXTRA_HEADER_PLACES.get(header)
            found.append(Difference(label, f"adds header {header}", place=place))
        if response.get("links") and not mine.get("links"):
            found.append(Difference(label, "official links not kept", place="responses: Link header"))
    for code in our_responses.keys() - official_responses.keys():
        label = f"{where} response {code}"
        mine = resolve(spec, our_responses[code])
        if code.startswith("2") and ours.method in WRITE_METHODS and "content" not in mine:
            found.append(
                Difference(
                    label, "extra success answer without content", place="write answers declare no content"
                )
            )
        elif code == "409" and ours.method in WRITE_METHODS:
            found.append(Difference(label, "409 Conflict added", place="responses: 409 on writes"))
        elif code in ERROR_CODES:
            found.append(Difference(label, "error answer added", place="responses: uniform error set"))
        else:
            found.append(Difference(label, "response not in the official operation"))
    return found
