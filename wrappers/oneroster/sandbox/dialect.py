"""The sandbox playing a provider's dialect: what it refuses, what it ignores, how it answers.

A :class:`~oneroster.dialects.Dialect` describes a kind of provider; this module is where the
sandbox turns one into behaviour, so :mod:`oneroster.sandbox.app` only asks small questions
("is this route there?", "which envelope key?", "what does a refusal look like?"):

- **filters** it cannot take are refused by :func:`oneroster.sandbox.query.parse_filter` with a
  400, in the provider's error form (:func:`error_body`); without ``quote_escape`` a doubled
  quote stays doubled and silently matches nothing, as on a regex-based provider;
- **extra filter fields** (``Dialect.filter_fields``) become paths the store knows
  (:func:`filter_aliases`: ``role`` on users means any of ``roles[].role`` or a 1.1 ``role``);
- **nested listings** the dialect lacks (:func:`route_absent`) answer the plain 404 such a
  server sends for any unknown route (:func:`unknown_route`), never an imsx ``unknownobject``:
  the client has to tell "no such route" from "no such record" by checking the parent;
- ``fields`` on single GETs and ``search`` are **ignored** (not refused: that is what makes
  such a provider dangerous), totals and ``Link`` left out;
- **answer habits**: singular single envelopes (:func:`single_key`), an extra key in list
  envelopes (:data:`EXTRA_ENVELOPE`), ``null`` references (:func:`null_references`), short
  pages (:func:`short_page`).

``null_references`` is deterministic: a class's ``course`` is ``null`` when the CRC-32 of its
sourcedId is divisible by 4, its ``school`` when that CRC-32 divided by 4 is (about a quarter
of the classes each, a sixteenth both), the two references the TimeBack document allows to be
null on every class listing. The store keeps them; only answers lose them, so which records
a query selects never changes.

:func:`dialect_from_flags` and :func:`updated_dialect` build dialects from the command line's
quirk flags and from the JSON of ``POST /_sandbox/dialect``.

Example:
    ```python
    from oneroster.dialects import EDFI
    from oneroster.sandbox.dialect import route_absent, single_key

    route_absent(EDFI, "getStudentsForClass")     # True
    single_key(EDFI, "getDemographics", "demographics")   # 'demographic'
    ```

"""

from __future__ import annotations

import dataclasses
import json
import zlib
from collections.abc import Mapping, Sequence
from typing import Any, Final

from starlette.responses import JSONResponse, PlainTextResponse, Response

from oneroster.dialects import DIALECTS, FULL, Dialect, resolve_dialect
from oneroster.operation_index import OPERATIONS

__all__ = [
    "EXTRA_ENVELOPE",
    "NESTED_LISTINGS",
    "QUIRK_FLAGS",
    "dialect_from_flags",
    "error_body",
    "filter_aliases",
    "null_references",
    "route_absent",
    "short_page",
    "single_key",
    "unknown_route",
    "updated_dialect",
]

# Listings below a record (``/classes/{id}/students``): the routes a dialect may lack. Writes
# below a record (``POST /classes/{id}/lineItems``) are not listings and stay.
NESTED_LISTINGS: Final = frozenset(
    op_id for op_id, op in OPERATIONS.items() if op.method == "GET" and op.answer[2] and "{" in op.path
)

# The envelope keys of singular habits, by the collection a single GET reads.
_SINGULAR: Final = {"demographics": "demographic", "terms": "term", "gradingPeriods": "gradingPeriod"}

# What providers with flat error bodies (Ed-Fi) put in ``imsx_codeMinor``; a code not listed
# (404, 429, 500...) gets no codeMinor at all, as Ed-Fi's own 404 and 500 bodies have none.
_FLAT_CODES: Final = {
    "invalid_filter_field": "invalid_data",
    "invalid_selection_field": "invalid_data",
    "invaliddata": "invalid_data",
    "forbidden": "forbidden",
    "unauthorisedrequest": "unauthorized",
}

# Filter fields beyond the schema that the store can answer, by (record schema, field): the
# paths that field stands for (a record matches when any of them does).
_ALIASES: Final[dict[tuple[str, str], tuple[tuple[str, ...], ...]]] = {
    ("User", "role"): (("roles", "role"), ("role",)),
}

EXTRA_ENVELOPE: Final = "meta"
"""The extra key a list envelope carries with ``extra_envelope_keys``: ``{"meta": {"dialect": name}}``."""


def route_absent(dialect: Dialect, op_id: str) -> bool:
    """Whether ``op_id`` is a nested listing that ``dialect`` does not have.

    Example:
        ```python
        route_absent(FULL, "getStudentsForClass")    # False
        ```

    """
    return op_id in NESTED_LISTINGS and not dialect.has_route(op_id)


def unknown_route(dialect: Dialect, description: str) -> Response | None:
    """Return the answer to a path no route serves, or ``None`` for the sandbox's own imsx 404.

    A dialect lacking nested routes answers every unknown route the way such a server does
    (Ed-Fi's catch-all JSON, else a web framework's plain ``Not Found``), so a missing nested
    route looks exactly like any other unknown path.

    Example:
        ```python
        unknown_route(EDFI, "no operation at /x").status_code    # 404
        ```

    """
    if dialect.nested_routes is True:
        return None
    if dialect.flat_errors:
        body = {
            "imsx_codeMajor": "failure",
            "imsx_severity": "error",
            "imsx_description": "The specified resource was not found",
        }
        return JSONResponse(body, status_code=404)
    return PlainTextResponse("Not Found", status_code=404)


def error_body(dialect: Dialect, *, code_minor: str, description: str, major: str) -> dict[str, Any] | None:
    """Return the flat error body of a dialect with ``flat_errors``, or ``None`` for the structured one.

    Example:
        ```python
        error_body(EDFI, code_minor="invalid_filter_field", description="x", major="failure")
        # {'imsx_codeMajor': 'failure', 'imsx_severity': 'error', 'imsx_description': 'x',
        #  'imsx_codeMinor': 'invalid_data'}
        ```

    """
    if not dialect.flat_errors:
        return None
    body: dict[str, Any] = {
        "imsx_codeMajor": major,
        "imsx_severity": "error",
        "imsx_description": description,
    }
    flat = _FLAT_CODES.get(code_minor)
    if flat is not None:
        body["imsx_codeMinor"] = flat
    return body


def filter_aliases(dialect: Dialect, schema: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Return the dialect's extra filter fields on ``schema`` records, as the paths they stand for.

    Example:
        ```python
        filter_aliases(FULL, "User")    # {'role': (('roles', 'role'), ('role',))}
        ```

    """
    return {
        name: _ALIASES[(schema, name)] for name in dialect.extra_fields(schema) if (schema, name) in _ALIASES
    }


def single_key(dialect: Dialect, op_id: str, key: str) -> str:
    """Return the envelope key of the single GET ``op_id`` (``key`` unless the dialect is singular).

    Example:
        ```python
        single_key(EDFI, "getTerm", "academicSession")    # 'term'
        ```

    """
    if not dialect.singular_envelopes:
        return key
    collection = OPERATIONS[op_id].path.strip("/").split("/")[0]
    return _SINGULAR.get(collection, key)


def _nulled(sourced_id: object) -> tuple[bool, bool]:
    digest = zlib.crc32(str(sourced_id).encode("utf-8"))
    return digest % 4 == 0, (digest // 4) % 4 == 0


def null_references(schema: str, record: dict[str, Any]) -> dict[str, Any]:
    """Return ``record`` with the references a ``null_references`` provider leaves empty.

    Only classes lose references (``course`` and/or ``school``, chosen by the CRC-32 of the
    sourcedId); ``record`` itself is not modified.

    Example:
        ```python
        null_references("Class", {"sourcedId": "cls-0001", "course": {...}, "school": {...}})
        ```

    """
    if schema != "Class":
        return record
    no_course, no_school = _nulled(record.get("sourcedId"))
    if not (no_course or no_school):
        return record
    shaped = dict(record)
    if no_course and "course" in shaped:
        shaped["course"] = None
    if no_school and "school" in shaped:
        shaped["school"] = None
    return shaped


def null_reference_texts(schema: str, texts: Sequence[str]) -> list[str]:
    """Apply :func:`null_references` to records kept as JSON text (a page from the store)."""
    if schema != "Class":
        return list(texts)
    return [json.dumps(null_references(schema, json.loads(text))) for text in texts]


def short_page(texts: list[str], *, more: bool) -> list[str]:
    """Return the page a ``short_pages`` provider sends: half of it, when more records follow.

    Example:
        ```python
        short_page(["a", "b", "c", "d"], more=True)    # ['a', 'b']
        ```

    """
    if not more or len(texts) < 2:
        return texts
    return texts[: max(1, len(texts) // 2)]


# -- building dialects: command-line flags and JSON -------------------------------------------

# Command-line quirk flags: flag -> (the changes it makes, help). ``--no-parentheses`` takes
# mixing AND with OR away too (it needs parentheses to be unambiguous).
QUIRK_FLAGS: Final[dict[str, tuple[dict[str, object], str]]] = {
    "--no-mixed-connectors": ({"mixed_connectors": False}, "refuse a filter mixing AND with OR"),
    "--no-parentheses": (
        {"parentheses": False, "mixed_connectors": False},
        "refuse parentheses in a filter (and so AND/OR mixing)",
    ),
    "--no-dotted-fields": ({"dotted_fields": False}, "refuse dotted filter fields (roles.role...)"),
    "--no-quote-escape": ({"quote_escape": False}, "'' is not an escape: a doubled quote matches nothing"),
    "--no-contains": ({"contains": False}, "refuse the ~ (contains) filter operator"),
    "--no-role-filter": ({"filter_fields": {}}, "refuse role='...' as a users filter field"),
    "--no-nested-routes": ({"nested_routes": False}, "nested listings (/classes/ID/students): plain 404"),
    "--ignore-fields-on-get": ({"fields_on_get": False}, "ignore fields= on single-record GETs"),
    "--ignore-search": ({"search": False}, "ignore search= (answer as if it were absent)"),
    "--no-totals": ({"totals": False}, "send no X-Total-Count and no body totals"),
    "--no-link": ({"links": False}, "send no Link header"),
    "--singular-envelopes": (
        {"singular_envelopes": True},
        'single GETs of demographics/terms/gradingPeriods answer {"demographic": ...} etc.',
    ),
    "--extra-envelope-keys": ({"extra_envelope_keys": True}, 'list envelopes carry an extra "meta" key'),
    "--null-references": ({"null_references": True}, "some classes answer course/school as null"),
    "--short-pages": ({"short_pages": True}, "pages before the last one are cut in half"),
    "--flat-errors": ({"flat_errors": True}, "errors in Ed-Fi's flat form (imsx_codeMinor: invalid_data)"),
}


def _fixed(changes: dict[str, Any]) -> dict[str, Any]:
    # Taking parentheses away takes mixing away too unless mixing is asked for explicitly
    # (which Dialect then refuses with a clear message).
    if changes.get("parentheses") is False and "mixed_connectors" not in changes:
        return {**changes, "mixed_connectors": False}
    return changes


def dialect_from_flags(
    preset: str | Dialect = FULL, *, flags: Sequence[str] = (), max_clauses: int | None = None
) -> Dialect:
    """Return ``preset`` with the quirks of the command-line ``flags`` (keys of :data:`QUIRK_FLAGS`).

    The name becomes ``preset+quirks`` when a flag changes anything. Raises ValueError.

    Example:
        ```python
        dialect_from_flags("full", flags=["--no-nested-routes"], max_clauses=4).max_clauses    # 4
        ```

    """
    base = resolve_dialect(preset)
    changes: dict[str, Any] = {}
    for flag in flags:
        if flag not in QUIRK_FLAGS:
            raise ValueError(f"unknown dialect flag {flag}")
        changes.update(QUIRK_FLAGS[flag][0])
    if max_clauses is not None:
        changes["max_clauses"] = max_clauses
    if not changes:
        return base
    changed = base.replace(**_fixed(changes))
    return changed if changed == base else changed.replace(name=f"{base.name}+quirks")


def _check_json(name: str, value: object, default: object) -> object:
    """Refuse a JSON value of the wrong type for capability ``name`` (whose default is ``default``)."""
    if isinstance(default, bool) and name not in ("dotted_fields", "nested_routes"):
        if not isinstance(value, bool):
            raise ValueError(f"{name} must be true or false")
        return value
    if name == "max_clauses":
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise ValueError("max_clauses must be a positive integer or null")
        return value
    if name in ("dotted_fields", "nested_routes"):
        if isinstance(value, bool):
            return value
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return frozenset(value)
        raise ValueError(f"{name} must be true, false or a list of names")
    if name == "filter_fields":
        if isinstance(value, dict) and all(
            isinstance(names, list) and all(isinstance(n, str) for n in names) for names in value.values()
        ):
            return {str(schema): tuple(names) for schema, names in value.items()}
        raise ValueError('filter_fields maps a record schema to a list of fields, e.g. {"User": ["role"]}')
    if name == "name":
        if not isinstance(value, str) or not value:
            raise ValueError("name must be a non-empty string")
        return value
    raise ValueError(f"{name} cannot be set")  # pragma: no cover - every field is listed above


def updated_dialect(current: Dialect, changes: Mapping[str, Any]) -> Dialect:
    """Return the dialect a JSON object of changes asks for (``POST /_sandbox/dialect``).

    ``{"preset": "edfi"}`` starts from a preset; other keys are capabilities of
    :class:`~oneroster.dialects.Dialect` changed on top of it (or of ``current`` without a
    preset). Raises ValueError on an unknown preset or capability, or a value of the wrong type.

    Example:
        ```python
        updated_dialect(FULL, {"preset": "baseline", "search": True}).search    # True
        ```

    """
    if not isinstance(changes, Mapping):
        raise ValueError("send a JSON object of dialect settings")
    base = current
    if "preset" in changes:
        preset = changes["preset"]
        if not isinstance(preset, str) or preset not in DIALECTS:
            raise ValueError(f"unknown preset {preset!r}; use one of {', '.join(sorted(DIALECTS))}")
        base = DIALECTS[preset]
    defaults = {item.name: getattr(FULL, item.name) for item in dataclasses.fields(Dialect)}
    unknown = sorted(set(changes) - set(defaults) - {"preset"})
    if unknown:
        known = ", ".join(sorted(defaults))
        raise ValueError(f"unknown dialect setting(s): {', '.join(unknown)}; known: preset, {known}")
    values = {
        name: _check_json(name, value, defaults[name]) for name, value in changes.items() if name != "preset"
    }
    try:
        return base.replace(**_fixed(values)) if values else base
    except (TypeError, ValueError) as exc:
        raise ValueError(str(exc)) from None
