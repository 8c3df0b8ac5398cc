"""Random JSON documents valid against a JSON Schema (as OpenAPI documents write them), for hypothesis.

A small generator of our own (the packaged one does not run on the hypothesis this project
pins): ``$ref`` into the document, ``anyOf``/``oneOf``/``allOf``, type lists, ``enum``,
``const``, objects (required keys always, optional keys sometimes, an unknown extra key where
``additionalProperties`` allows it), arrays, strings with ``date``/``date-time``/``uri``/
``email`` formats or a ``pattern``, numbers and booleans. Every document drawn is checked
with ``jsonschema`` before it is used, so the generator cannot drift from the schema.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import assume
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker

__all__ = ["answers"]

_TEXT = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABC0123456789 '-_é", min_size=1, max_size=10)
_DATES = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2035, 12, 31))
_INSTANTS = st.datetimes(
    min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2035, 12, 31), timezones=st.just(dt.UTC)
).map(lambda moment: moment.isoformat(timespec="milliseconds").replace("+00:00", "Z"))


def _resolve(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        node: Any = root
        for part in schema["$ref"].removeprefix("#/").split("/"):
            node = node[part]
        schema = {**node, **{k: v for k, v in schema.items() if k != "$ref"}}
    return schema


def _string(schema: dict[str, Any]) -> st.SearchStrategy[str]:
    form = schema.get("format")
    if form == "date-time":
        return _INSTANTS
    if form == "date":
        return _DATES.map(dt.date.isoformat)
    if form == "uri":
        return _TEXT.map(lambda text: "https://provider.example/" + "".join(c for c in text if c.isalnum()))
    if form == "email":
        return _TEXT.map(lambda text: "".join(c for c in text if c.isalnum()) + "x@school.example")
    if "pattern" in schema:
        return st.from_regex(schema["pattern"], fullmatch=True).filter(lambda text: len(text) < 40)
    return _TEXT


def _object(schema: dict[str, Any], root: dict[str, Any], depth: int) -> st.SearchStrategy[dict[str, Any]]:
    properties: dict[str, Any] = schema.get("properties", {})
    required = set(schema.get("required", []))
    parts: dict[str, st.SearchStrategy[Any]] = {
        name: _strategy(sub, root, depth + 1) for name, sub in properties.items()
    }
    extra = schema.get("additionalProperties", True) is not False and depth > 0

    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, part in parts.items():
            if name in required or draw(st.booleans()):
                out[name] = draw(part)
        if extra and draw(st.integers(0, 4)) == 0:
            out["vendorExtra"] = draw(_TEXT)
        return out

    return build()


def _strategy(schema: Any, root: dict[str, Any], depth: int = 0) -> st.SearchStrategy[Any]:
    if schema is True or schema == {}:
        return _TEXT
    schema = _resolve(schema, root)
    if depth > 8:
        return st.none() if _allows_null(schema) else _TEXT
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return st.one_of([_strategy(branch, root, depth) for branch in schema[key]])
    if "allOf" in schema:
        merged: dict[str, Any] = {"type": "object", "properties": {}, "required": []}
        for branch in schema["allOf"]:
            branch = _resolve(branch, root)
            merged["properties"].update(branch.get("properties", {}))
            merged["required"] += branch.get("required", [])
        return _object(merged, root, depth)
    kind = schema.get("type")
    if isinstance(kind, list):
        return st.one_of([_strategy({**schema, "type": k}, root, depth) for k in kind])
    if kind == "null":
        return st.none()
    if kind == "boolean":
        return st.booleans()
    if kind == "integer":
        return st.integers(min_value=schema.get("minimum", 0), max_value=schema.get("maximum", 10_000))
    if kind == "number":
        return st.floats(min_value=schema.get("minimum", 0), max_value=1000, allow_nan=False)
    if kind == "string":
        return _string(schema)
    if kind == "array":
        items = _strategy(schema.get("items", {}), root, depth + 1)
        return st.lists(items, min_size=schema.get("minItems", 0), max_size=max(schema.get("minItems", 0), 3))
    if kind == "object" or "properties" in schema:
        return _object(schema, root, depth)
    return _TEXT


def _allows_null(schema: dict[str, Any]) -> bool:
    kind = schema.get("type")
    return kind == "null" or (isinstance(kind, list) and "null" in kind)


def answers(schema: dict[str, Any], root: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Return documents valid against ``schema``, whose ``$ref`` point into ``root``.

    Example:
        ```python
        @given(body=answers({"$ref": "#/components/schemas/User"}, document))
        def test(body): ...
        ```

    """
    validator = Draft202012Validator(
        {**schema, "components": root.get("components", {})}, format_checker=FormatChecker()
    )

    def valid(document: Any) -> Any:
        errors = list(validator.iter_errors(document))
        assume(not errors)
        return document

    return _strategy(schema, root).map(valid)
