"""Evaluate filters, sorts and field selections on raw records, as a OneRoster server would.

When a provider cannot express part of a query, the planner asks it for a wider set and
finishes the work here. The meaning is the one our sandbox implements in SQL
(:mod:`oneroster.sandbox.query`), so a query answered partly by the client returns exactly
what a provider answering all of it returns:

* A field whose first segment holds an array matches when **any** element matches
  (``roles.role='student'``, ``grades='09'``); ``!=`` is the exact negation of ``=``
  (a missing value satisfies it; on an array it means "no element is equal"). Every other
  operator is false on a missing or null value.
* A JSON number is compared numerically when the literal is a number; everything else as
  text in code-point order (ISO dates order correctly); JSON booleans as ``true``/``false``.
* ``~`` is a substring test, case-insensitive for ASCII letters.
* Sorting puts missing values last in both directions, numbers before text ascending.

Example:
    ```python
    from oneroster.filters import F
    from oneroster.matching import matches

    matches({"roles": [{"role": "student"}]}, F("roles.role") == "student")   # True
    ```

"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

from oneroster.filter_grammar import unquote
from oneroster.filters import Clause, Condition, Group

__all__ = ["field_roots", "matches", "project", "sort_records", "value_at"]

_NUMBER_RE: Final = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_ASCII_LOWER: Final = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_MISSING: Final = object()


def _lower(text: str) -> str:
    # ASCII only, like SQL lower() in the sandbox and many servers: 'É' and 'é' differ.
    return text.translate(_ASCII_LOWER)


def _number(literal: str) -> float | int | None:
    if not _NUMBER_RE.fullmatch(literal):
        return None
    try:
        whole = int(literal)
    except ValueError:
        number = float(literal)
        return number if math.isfinite(number) else None
    return whole


def _text(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict | list):
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return repr(value) if isinstance(value, float) else str(value)


def _compare(left: Any, op: str, right: Any) -> bool:
    if op == "=":
        return bool(left == right)
    if op == ">":
        return bool(left > right)
    if op == ">=":
        return bool(left >= right)
    if op == "<":
        return bool(left < right)
    return bool(left <= right)


def _positive(value: object, op: str, literal: str) -> bool:
    """Whether one JSON value satisfies ``op`` (never ``!=``); missing or null never does."""
    if value is None or value is _MISSING:
        return False
    if op == "~":
        if isinstance(value, bool):
            return _lower(literal) in ("true" if value else "false")
        if isinstance(value, str | int | float):
            return _lower(literal) in _lower(_text(value))
        return False
    if isinstance(value, bool):
        return _compare("true" if value else "false", op, literal)
    if isinstance(value, int | float):
        number = _number(literal)
        if number is not None:
            return _compare(value, op, number)
    return _compare(_text(value), op, literal)


def value_at(record: Mapping[str, Any], path: Sequence[str]) -> object:
    """Return the value at a dotted path of objects, or a sentinel for "missing".

    Example:
        ```python
        value_at({"class": {"sourcedId": "c1"}}, ["class", "sourcedId"])   # 'c1'
        ```

    """
    current: object = record
    for segment in path:
        if not isinstance(current, Mapping):
            return _MISSING
        current = current.get(segment, _MISSING)
    return current


def values_at(record: Mapping[str, Any], path: Sequence[str]) -> list[object]:
    """Return every value a dotted path reaches, looking into arrays (``terms.sourcedId``).

    Example:
        ```python
        values_at({"terms": [{"sourcedId": "t1"}, {"sourcedId": "t2"}]}, ["terms", "sourcedId"])
        # ['t1', 't2']
        ```

    """
    first = record.get(path[0], _MISSING) if isinstance(record, Mapping) else _MISSING
    if isinstance(first, list):
        if len(path) == 1:
            return [item for item in first if item is not None]
        found = [value_at(item, path[1:]) for item in first if isinstance(item, Mapping)]
    else:
        found = [value_at(record, path)]
    return [value for value in found if value is not None and value is not _MISSING]


def _clause_matches(record: Mapping[str, Any], clause: Clause) -> bool:
    path = clause.field.split(".")
    op = "=" if clause.op == "!=" else clause.op
    literal = unquote(clause.literal)
    first = record.get(path[0], _MISSING)
    if isinstance(first, list):
        if len(path) == 1:
            hit = any(_positive(item, op, literal) for item in first)
        else:
            hit = any(
                _positive(value_at(item, path[1:]), op, literal)
                for item in first
                if isinstance(item, Mapping)
            )
    else:
        hit = _positive(value_at(record, path), op, literal)
    return not hit if clause.op == "!=" else hit


def matches(record: Mapping[str, Any], condition: Condition | None) -> bool:
    """Whether ``record`` (a provider's JSON object) satisfies ``condition``.

    Example:
        ```python
        matches({"familyName": "O'Neill"}, F("familyName").contains("o'n"))   # True
        ```

    """
    if condition is None:
        return True
    if isinstance(condition, Clause):
        return _clause_matches(record, condition)
    assert isinstance(condition, Group)
    if condition.op == "AND":
        return all(matches(record, part) for part in condition.parts)
    return any(matches(record, part) for part in condition.parts)


def field_roots(condition: Condition | None) -> set[str]:
    """Return the top-level property names a condition reads (what ``fields=`` must keep).

    Example:
        ```python
        field_roots((F("class.sourcedId") == "c") & (F("role") == "student"))   # {'class', 'role'}
        ```

    """
    if condition is None:
        return set()
    if isinstance(condition, Clause):
        return {condition.field.split(".", 1)[0]}
    assert isinstance(condition, Group)
    return set().union(*(field_roots(part) for part in condition.parts))


def sort_records(records: list[dict[str, Any]], *, field: str, descending: bool) -> list[dict[str, Any]]:
    """Sort records by one top-level property the way the sandbox's ``ORDER BY`` does.

    Missing or null values come last in both directions; numbers sort numerically and
    before text (ascending); text by code point; booleans as the words. The sort is
    stable, so ties keep their order.

    Example:
        ```python
        sort_records([{"n": "b"}, {}, {"n": "a"}], field="n", descending=False)
        # [{'n': 'a'}, {'n': 'b'}, {}]
        ```

    """

    def key(record: Mapping[str, Any]) -> tuple[int, Any]:
        value = record.get(field)
        if isinstance(value, bool):
            return (1, "true" if value else "false")
        if isinstance(value, int | float):
            return (0, value)
        return (1, _text(value))

    present = [record for record in records if record.get(field) is not None]
    missing = [record for record in records if record.get(field) is None]
    present.sort(key=key, reverse=descending)
    return present + missing


def project(record: Mapping[str, Any], fields: Iterable[str]) -> dict[str, Any]:
    """Return a new dict with only the requested top-level keys, in the requested order.

    Example:
        ```python
        project({"sourcedId": "u1", "givenName": "Ann", "email": "a@x"}, ["sourcedId", "givenName"])
        ```

    """
    return {name: record[name] for name in fields if name in record}
