"""Turn OneRoster query parameters into SQLite: ``filter``, ``sort``/``orderBy``, ``fields``, ``search``.

The sandbox keeps every record as JSON text in one column, so each parameter becomes a SQL
fragment over that column built from SQLite's JSON1 functions. Every value and every JSON
path is a bound ``?`` parameter; the only text spliced into the SQL is the ``column``
expression chosen by the caller (never by the user) and fixed keywords of this module.

Filter semantics (``field<op>'value'`` clauses joined by ``AND``/``OR``, BINDING.md §2.4):

* The first segment of a field must be a property of the schema; deeper segments are free
  (objects such as ``metadata`` are open). A scalar property has no sub-fields.
* A field whose first segment is an array matches if **any** element matches
  (``roles.org.sourcedId='s1'``, ``grades='09'``).
* ``!=`` is exactly the negation of ``=``: a missing or null value satisfies it, and on an
  array it means "no element is equal". ``=``, ``<``, ``<=``, ``>``, ``>=`` and ``~`` are
  false on a missing or null value.
* A stored JSON number is compared numerically when the literal is a number; everything
  else is compared as text, binary (code-point order, so ISO dates order correctly).
  JSON ``true``/``false`` compare as the words ``'true'``/``'false'``.
* ``~`` is a substring test, case-insensitive for ASCII letters (SQLite's ``lower()`` folds
  ASCII only); ``%`` and ``_`` are literal. It is false on objects and arrays.
* Comparing an object-valued field itself (``school='x'``) compares its JSON text, which
  never equals a plain id: real servers silently return nothing there too.

Example:
    ```python
    from oneroster.operation_index import SCHEMA_FIELDS
    from oneroster.sandbox.query import filter_sql, order_sql, parse_filter

    users = SCHEMA_FIELDS["User"]
    where, params = filter_sql(parse_filter("roles.role='student' AND givenName~'ann'"), schema_fields=users)
    terms, order_params = order_sql(sort="familyName", order_by="desc", schema_fields=users)
    rows = db.execute(
        f"SELECT data FROM records WHERE kind = ? AND {where} ORDER BY {terms}, seq",
        ["User", *params, *order_params],
    ).fetchall()
    ```

"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Final, Literal, TypeAlias

from oneroster import filter_grammar as grammar
from oneroster.dialects import FULL, Dialect
from oneroster.filter_grammar import FilterError, unquote
from oneroster.filters import Clause, Condition, Group

__all__ = [
    "Comparison",
    "Logical",
    "Node",
    "QueryError",
    "filter_sql",
    "order_sql",
    "parse_fields",
    "parse_filter",
    "project",
    "search_sql",
]


class QueryError(Exception):
    """A bad query parameter; the server answers 400 with this ``code_minor``.

    ``code_minor`` is ``"invalid_filter_field"``, ``"invalid_selection_field"`` or
    ``"invaliddata"``; ``parameter`` names the query parameter at fault (``"filter"``,
    ``"fields"``, ``"sort"``, ``"orderBy"`` or ``"search"``).

    Example:
        ```python
        try:
            parse_filter("givenName='x")
        except QueryError as exc:
            print(exc.code_minor, exc.parameter, exc.message)
        ```

    """

    def __init__(self, message: str, *, code_minor: str, parameter: str) -> None:
        super().__init__(message)
        self.message = message
        self.code_minor = code_minor
        self.parameter = parameter


@dataclass(frozen=True)
class Comparison:
    """One ``field<op>'value'`` clause; ``field`` holds the dot-separated segments.

    Example:
        ```python
        parse_filter("roles.org.sourcedId='s1'")
        # Comparison(field=("roles", "org", "sourcedId"), op="=", value="s1")
        ```

    """

    field: tuple[str, ...]
    op: str
    value: str


@dataclass(frozen=True)
class Logical:
    """Two or more nodes joined by one connector, ``"AND"`` or ``"OR"``.

    Example:
        ```python
        parse_filter("a='1' AND (b='2' OR c='3')")
        # Logical("AND", (Comparison(("a",), "=", "1"),
        #                 Logical("OR", (Comparison(("b",), "=", "2"), Comparison(("c",), "=", "3")))))
        ```

    """

    op: Literal["AND", "OR"]
    parts: tuple[Node, ...]


Node: TypeAlias = Comparison | Logical
"""A parsed filter: one clause or a group of them."""

_FILTER: Final = "filter"
_INVALID_FILTER: Final = "invalid_filter_field"
_INVALID_SELECTION: Final = "invalid_selection_field"
_INVALID_DATA: Final = "invaliddata"

_MAX_ECHO: Final = 200

_SEGMENT_RE: Final = re.compile(r"(?:[A-Za-z0-9_]+:)?[A-Za-z_][A-Za-z0-9_\-]*")
_OPERATORS: Final = frozenset({"=", "!=", ">", ">=", "<", "<=", "~"})
# A JSON path label that needs no quoting; anything else (``ext:grade``, ``a-b``) is quoted.
_PLAIN_LABEL_RE: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_NUMBER_RE: Final = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_INT_RE: Final = re.compile(r"[+-]?\d+")
_INT64_MIN: Final = -(2**63)
_INT64_MAX: Final = 2**63 - 1


def _echo(text: str) -> str:
    # Long user input is cut so error messages stay readable (and bounded) in a 400 body.
    return repr(text if len(text) <= _MAX_ECHO else text[:_MAX_ECHO] + "...")


def _node(condition: Condition) -> Node:
    if isinstance(condition, Clause):
        return Comparison(tuple(condition.field.split(".")), condition.op, unquote(condition.literal))
    assert isinstance(condition, Group)
    return Logical(condition.op, tuple(_node(part) for part in condition.parts))


def parse_filter(text: str, *, dialect: Dialect = FULL) -> Node:
    """Parse a OneRoster ``filter`` value (syntax only; fields are checked by :func:`filter_sql`).

    The grammar is the client's own (:mod:`oneroster.filter_grammar`): clauses are
    ``field<op>'value'`` joined by upper-case ``AND``/``OR``; parentheses group, and mixing
    AND with OR at one level without them is refused as ambiguous. A quote inside a value is
    written ``''``. A stricter ``dialect`` refuses what such a provider refuses. Raises
    :class:`QueryError` (``invalid_filter_field``) on an empty filter, an unquoted or
    unterminated value, an unknown operator, trailing text, empty parentheses or more than
    20 clauses.

    Example:
        ```python
        parse_filter("familyName='O''Brien'")
        # Comparison(field=("familyName",), op="=", value="O'Brien")
        parse_filter("a='1' AND b='2' OR c='3'")   # raises QueryError: ambiguous
        ```

    """
    try:
        return _node(grammar.parse_filter(text, dialect=dialect))
    except FilterError as exc:
        raise QueryError(str(exc), code_minor=_INVALID_FILTER, parameter=_FILTER) from None


def _filter_error(message: str) -> QueryError:
    return QueryError(message, code_minor=_INVALID_FILTER, parameter=_FILTER)


def _json_path(segments: Sequence[str]) -> str:
    return "$" + "".join(
        f".{segment}" if _PLAIN_LABEL_RE.fullmatch(segment) else f'."{segment}"' for segment in segments
    )


def _as_number(literal: str) -> int | float | None:
    """Return the literal as a number to bind, or None if it must be compared as text."""
    if not _NUMBER_RE.fullmatch(literal):
        return None
    if _INT_RE.fullmatch(literal):
        whole = int(literal)
        # Binding an int outside int64 overflows; such a value can only be stored as a real.
        if _INT64_MIN <= whole <= _INT64_MAX:
            return whole
    number = float(literal)
    return number if math.isfinite(number) else None


def _positive(op: str, literal: str, *, kind: str, value: str) -> tuple[str, list[object]]:
    """Return SQL that is 1 when a JSON value satisfies ``op`` (never ``!=``), else 0 or NULL.

    ``kind`` and ``value`` are column names holding the value's ``json_type`` and its
    ``json_extract`` result; a missing or null value matches no branch and gives NULL.
    """
    if op == "~":
        # json_type already spells booleans 'true'/'false', in lower case.
        sql = (
            f"CASE WHEN {kind} IN ('true','false') THEN instr({kind}, lower(?)) > 0"
            f" WHEN {kind} IN ('text','integer','real')"
            f" THEN instr(lower(CAST({value} AS TEXT)), lower(?)) > 0"
            " END"
        )
        return sql, [literal, literal]
    params: list[object] = []
    branches: list[str] = []
    number = _as_number(literal)
    if number is not None:
        branches.append(f"WHEN {kind} IN ('integer','real') THEN {value} {op} ?")
        params.append(number)
    branches.append(f"WHEN {kind} IN ('true','false') THEN {kind} {op} ?")
    # Objects and arrays come out of json_extract as their JSON text, so they compare as text too.
    branches.append(
        f"WHEN {kind} IN ('text','integer','real','object','array') THEN CAST({value} AS TEXT) {op} ?"
    )
    params.extend([literal, literal])
    return "CASE " + " ".join(branches) + " END", params


def _comparison_sql(
    node: Comparison, *, schema_fields: Mapping[str, str], column: str, aliases: Iterator[int]
) -> tuple[str, list[object]]:
    if node.op not in _OPERATORS:
        raise _filter_error(f"unknown filter operator {node.op!r}")
    if not node.field or not all(_SEGMENT_RE.fullmatch(segment) for segment in node.field):
        raise _filter_error(f"invalid filter field {'.'.join(node.field)!r}")
    first = node.field[0]
    shape = schema_fields.get(first)
    dotted = ".".join(node.field)
    if shape is None:
        known = ", ".join(sorted(schema_fields))
        raise _filter_error(f"unknown filter field {dotted!r}; this collection has: {known}")
    if shape == "scalar" and len(node.field) > 1:
        raise _filter_error(f"filter field {dotted!r}: {first!r} is a single value and has no sub-fields")
    # Each clause gets its own aliases so nested subqueries never capture a caller's names.
    number = next(aliases)
    alias, element = f"q{number}", f"je{number}"
    positive, params = _positive(
        "=" if node.op == "!=" else node.op, node.value, kind=f"{alias}.t", value=f"{alias}.v"
    )
    if shape != "array":
        path = _json_path(node.field)
        # The derived table parses the document twice per clause instead of once per branch.
        # COALESCE turns "unknown" (missing/null) into false, so that NOT below makes it true.
        sql = (
            f"COALESCE((SELECT {positive} FROM (SELECT json_type({column}, ?) AS t, "
            f"json_extract({column}, ?) AS v) AS {alias}), 0)"
        )
        params = [*params, path, path]
    elif len(node.field) == 1:
        # An array of scalars: compare each element itself (json_each spells its type ``type``).
        sql = (
            f"EXISTS (SELECT 1 FROM (SELECT {element}.type AS t, {element}.value AS v "
            f"FROM json_each({column}, ?) AS {element}) "
            f"AS {alias} WHERE {positive})"
        )
        params = [_json_path(node.field), *params]
    else:
        rest = _json_path(node.field[1:])
        # A scalar element is raw text in json_each, not JSON: extracting from it would raise
        # "malformed JSON", so only objects and arrays are looked into (CASE is evaluated lazily).
        guard = f"CASE WHEN {element}.type IN ('object','array') THEN"
        sql = (
            f"EXISTS (SELECT 1 FROM (SELECT {guard} json_type({element}.value, ?) END AS t, "
            f"{guard} json_extract({element}.value, ?) END AS v FROM json_each({column}, ?) AS {element}) "
            f"AS {alias} WHERE {positive})"
        )
        params = [rest, rest, _json_path(node.field[:1]), *params]
    if node.op == "!=":
        return f"NOT {sql}", params
    return sql, params


def _alias_sql(
    node: Comparison,
    targets: Sequence[tuple[str, ...]],
    *,
    schema_fields: Mapping[str, str],
    column: str,
    aliases: Iterator[int],
) -> tuple[str, list[object]]:
    """Return SQL for a field standing for several paths: true when any path satisfies the clause.

    ``!=`` is the negation of ``=`` over all the paths together (no path equal), as for arrays.
    """
    op = "=" if node.op == "!=" else node.op
    pieces: list[str] = []
    params: list[object] = []
    for path in targets:
        # Alias targets are trusted code; a first segment outside the schema is a scalar
        # (the 1.1 ``role`` of a user, say).
        shapes = {path[0]: "scalar", **schema_fields}
        sql, part = _comparison_sql(
            Comparison(path, op, node.value), schema_fields=shapes, column=column, aliases=aliases
        )
        pieces.append(sql)
        params.extend(part)
    sql = "(" + " OR ".join(pieces) + ")"
    return (f"NOT {sql}" if node.op == "!=" else sql), params


def _node_sql(
    node: Node,
    *,
    schema_fields: Mapping[str, str],
    column: str,
    aliases: Iterator[int],
    field_aliases: Mapping[str, Sequence[tuple[str, ...]]],
) -> tuple[str, list[object]]:
    if isinstance(node, Comparison):
        targets = field_aliases.get(node.field[0]) if len(node.field) == 1 else None
        if targets and node.field[0] not in schema_fields:
            return _alias_sql(node, targets, schema_fields=schema_fields, column=column, aliases=aliases)
        return _comparison_sql(node, schema_fields=schema_fields, column=column, aliases=aliases)
    if node.op not in ("AND", "OR") or not node.parts:
        raise _filter_error(f"invalid filter group {node.op!r} with {len(node.parts)} parts")
    pieces: list[str] = []
    params: list[object] = []
    for part in node.parts:
        sql, part_params = _node_sql(
            part, schema_fields=schema_fields, column=column, aliases=aliases, field_aliases=field_aliases
        )
        pieces.append(sql)
        params.extend(part_params)
    return "(" + f" {node.op} ".join(pieces) + ")", params


def filter_sql(
    node: Node,
    *,
    schema_fields: Mapping[str, str],
    column: str = "data",
    field_aliases: Mapping[str, Sequence[tuple[str, ...]]] | None = None,
) -> tuple[str, list[object]]:
    """Return a SQL condition and its parameters that keep the records matching ``node``.

    ``schema_fields`` maps the collection's property names to ``"scalar"``, ``"array"`` or
    ``"object"`` (one entry of ``oneroster.operation_index.SCHEMA_FIELDS``).
    ``field_aliases`` names filter fields beyond the schema and the paths each stands for
    (``{"role": (("roles", "role"), ("role",))}``: a user matches when any path does). ``column`` is a
    trusted SQL expression holding the record's JSON text, such as ``"r.data"``; it is the
    only thing put into the SQL as text. The condition is never NULL, so it can be negated
    or combined freely. Raises :class:`QueryError` (``invalid_filter_field``) when a field's
    first segment is not in ``schema_fields`` or a scalar field is given sub-fields.

    Example:
        ```python
        sql, params = filter_sql(parse_filter("grades='09'"), schema_fields=SCHEMA_FIELDS["User"])
        db.execute(f"SELECT sourced_id FROM records WHERE {sql}", params)
        ```

    """
    return _node_sql(
        node,
        schema_fields=schema_fields,
        column=column,
        aliases=itertools.count(),
        field_aliases=field_aliases or {},
    )


def parse_fields(text: str, *, schema_fields: Mapping[str, str]) -> tuple[str, ...]:
    """Parse a ``fields`` value: comma-separated top-level names, duplicates dropped, order kept.

    Raises :class:`QueryError` (``invalid_selection_field``, parameter ``fields``) on an empty
    value, an empty item or a name that is not in ``schema_fields``.

    Example:
        ```python
        parse_fields(" sourcedId, givenName,sourcedId", schema_fields=SCHEMA_FIELDS["User"])
        # ("sourcedId", "givenName")
        ```

    """
    names: dict[str, None] = {}
    for item in text.split(","):
        name = item.strip()
        if not name:
            raise QueryError(
                f"fields={_echo(text)} has an empty name; list property names separated by commas",
                code_minor=_INVALID_SELECTION,
                parameter="fields",
            )
        if name not in schema_fields:
            raise QueryError(
                f"unknown field {name!r} in fields; this collection has: {', '.join(sorted(schema_fields))}",
                code_minor=_INVALID_SELECTION,
                parameter="fields",
            )
        names[name] = None
    return tuple(names)


def project(record: Mapping[str, object], fields: Sequence[str]) -> dict[str, object]:
    """Return a new dict with only the requested keys, in the requested order.

    Keys absent from the record are left out rather than added as null.

    Example:
        ```python
        project({"sourcedId": "u1", "givenName": "Ann", "email": "a@x"}, ["givenName", "sourcedId"])
        # {"givenName": "Ann", "sourcedId": "u1"}
        ```

    """
    return {name: record[name] for name in fields if name in record}


def order_sql(
    *, sort: str | None, order_by: str | None, schema_fields: Mapping[str, str], column: str = "data"
) -> tuple[str, list[object]]:
    """Return the sort terms for ``sort``/``orderBy``, WITHOUT the words ``ORDER BY``.

    The result is ``("", [])`` when no sort is requested; otherwise the caller writes
    ``ORDER BY {terms}, seq`` (``seq`` is the caller's tie-breaker). Numbers sort
    numerically, text by code point (``COLLATE BINARY``), booleans as the words
    ``'false'``/``'true'``; records missing the value (or holding null) come last in both
    directions. ``orderBy`` is ``"asc"`` (the default) or ``"desc"``. Raises
    :class:`QueryError` (``invaliddata``) for a ``sort`` that is not a property of the
    collection (deliberately stricter than servers that ignore it), an unknown ``orderBy``
    or ``orderBy`` without ``sort``.

    Example:
        ```python
        terms, params = order_sql(sort="familyName", order_by="desc", schema_fields=SCHEMA_FIELDS["User"])
        sql = f"SELECT data FROM records ORDER BY {terms + ', ' if terms else ''}seq"
        ```

    """
    if order_by is not None and order_by not in ("asc", "desc"):
        raise QueryError(
            f"orderBy must be 'asc' or 'desc', got {_echo(order_by)}",
            code_minor=_INVALID_DATA,
            parameter="orderBy",
        )
    if sort is None:
        if order_by is not None:
            raise QueryError(
                "orderBy needs sort: name the field to sort by, for example sort=familyName&orderBy=desc",
                code_minor=_INVALID_DATA,
                parameter="orderBy",
            )
        return "", []
    if sort not in schema_fields:
        raise QueryError(
            f"cannot sort by {_echo(sort)}: sort takes one property of this collection "
            f"({', '.join(sorted(schema_fields))})",
            code_minor=_INVALID_DATA,
            parameter="sort",
        )
    path = _json_path((sort,))
    direction = "DESC" if order_by == "desc" else "ASC"
    # The first term is always ascending (0 before 1), which puts missing values last in both
    # directions; the CASE keeps booleans out of the numbers (json_extract gives them as 1/0).
    terms = (
        f"json_extract({column}, ?) IS NULL, "
        f"(CASE json_type({column}, ?) WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' "
        f"ELSE json_extract({column}, ?) END) COLLATE BINARY {direction}"
    )
    return terms, [path, path, path]


def search_sql(
    text: str, *, schema_fields: Mapping[str, str], column: str = "data"
) -> tuple[str, list[object]]:
    """Return a SQL condition for TimeBack's free-text ``search``.

    A record matches when any of its scalar properties (shape ``"scalar"`` in
    ``schema_fields``) holds a string containing ``text``, case-insensitively for ASCII
    letters; ``%`` and ``_`` are literal. Raises :class:`QueryError` (``invaliddata``,
    parameter ``search``) for an empty or blank search.

    Example:
        ```python
        sql, params = search_sql("o'brien", schema_fields=SCHEMA_FIELDS["User"])
        db.execute(f"SELECT data FROM records WHERE {sql}", params)
        ```

    """
    if not text.strip():
        raise QueryError(
            "search is empty; leave the parameter out to list everything",
            code_minor=_INVALID_DATA,
            parameter="search",
        )
    names = [name for name, shape in schema_fields.items() if shape == "scalar"]
    if not names:
        return "0", []
    # One pass over the top-level members instead of one json_extract per property.
    placeholders = ", ".join("?" for _ in names)
    sql = (
        f"EXISTS (SELECT 1 FROM json_each({column}) AS js WHERE js.type = 'text' "
        f"AND js.key IN ({placeholders}) AND instr(lower(js.value), lower(?)) > 0)"
    )
    return sql, [*names, text]
