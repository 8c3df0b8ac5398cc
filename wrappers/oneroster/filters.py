"""Build OneRoster ``filter`` query strings safely.

The OneRoster 1.2 REST grammar is ``field<op>'value'`` clauses joined by `` AND `` or
`` OR `` (upper case, single spaces). The operators are ``=``, ``!=``, ``>``, ``>=``,
``<``, ``<=`` and ``~`` (contains). Values are always single-quoted, numbers, booleans
and dates included, and an embedded quote is doubled SQL-style (``'O''Brien'``).
Fields may be dotted paths such as ``course.sourcedId`` or ``metadata.ext:grade``.

Nothing here ever widens a filter: empty groups (``in_([])``, ``where({})``,
``contains("")``), ``None`` values, naive datetimes and unsupported types raise
:class:`~oneroster.errors.ValidationError` instead of silently matching everything.
Python's ``and``/``or``/``not`` cannot be overloaded, so a condition refuses to be used
as a bool and ``~cond`` raises ``TypeError``: use ``&`` and ``|``.

Example:
    ```python
    from oneroster.filters import F, build_filter, where

    cond = (F("role") == "student") & (F("status") == "active")
    str(cond)                                   # "role='student' AND status='active'"
    where({"role": "student", "status": "active"}).to_filter()   # the same string
    build_filter(where={"role": ["student", "teacher"]})
    # "role='student' OR role='teacher'"
    ```

Grouping:
    A chain of one operator is emitted flat (``a='1' AND b='2' AND c='3'``). When AND
    and OR are mixed, the inner group is wrapped in parentheses so the meaning is kept:
    ``(F("a") == "1") & ((F("b") == "2") | (F("c") == "3"))`` gives
    ``a='1' AND (b='2' OR c='3')``. Parentheses are only emitted when the meaning needs
    them.

Server limits:
    The baseline of the specification only requires servers to accept at most two
    clauses and no parentheses; many servers accept more, some reject it with a 400.
    Pass ``max_clauses=2`` to :func:`build_filter` to fail early, before any request
    is sent, when talking to such a server.

"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import math
import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import ClassVar, Final, Literal, NoReturn

from oneroster.errors import ValidationError

__all__ = [
    "Clause",
    "Condition",
    "F",
    "Field",
    "Group",
    "Operator",
    "build_filter",
    "check_field_name",
    "format_value",
    "where",
]

Operator = Literal["=", "!=", ">", ">=", "<", "<=", "~"]
"""A OneRoster filter comparison operator."""

_OPERATORS: Final[frozenset[str]] = frozenset({"=", "!=", ">", ">=", "<", "<=", "~"})
_CONNECTORS: Final[frozenset[str]] = frozenset({"AND", "OR"})

# One dot-separated segment; the optional ``ns:`` prefix allows extension fields such
# as ``metadata.ext:grade``.
_SEGMENT_RE: Final = re.compile(r"(?:[A-Za-z0-9_]+:)?[A-Za-z_][A-Za-z0-9_\-]*")
_CONTROL_RE: Final = re.compile(r"[\x00-\x1f]")
_LITERAL_RE: Final = re.compile(r"'(?:[^']|'')*'")


def check_field_name(name: object) -> str:
    """Return ``name`` if it is a valid (dotted) OneRoster field name, else raise ``ValidationError``.

    Example:
        ```python
        check_field_name("course.sourcedId")   # "course.sourcedId"
        check_field_name("a b")                # raises ValidationError
        ```

    """
    if not isinstance(name, str):
        raise ValidationError(f"filter field names must be str, got {type(name).__name__}", field=repr(name))
    for segment in name.split("."):
        if not _SEGMENT_RE.fullmatch(segment):
            raise ValidationError(
                f"invalid filter field name {name!r}: each dot-separated part must look like "
                "'sourcedId' or 'ext:grade' (letters, digits, '_' and '-', no spaces, quotes "
                "or operators, no empty parts)",
                field=name,
            )
    return name


def _quote(text: str, field: str | None) -> str:
    if _CONTROL_RE.search(text):
        raise ValidationError(f"filter values cannot contain control characters, got {text!r}", field=field)
    return "'" + text.replace("'", "''") + "'"


def _format_datetime(value: dt.datetime, field: str | None) -> str:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError(
            f"naive datetime {value.isoformat()} has an ambiguous timezone; pass an aware "
            "datetime, for example datetime(..., tzinfo=datetime.timezone.utc)",
            field=field,
        )
    utc = value.astimezone(dt.UTC)
    text = f"{utc.year:04d}-{utc.month:02d}-{utc.day:02d}T{utc.hour:02d}:{utc.minute:02d}:{utc.second:02d}"
    # OneRoster timestamps carry millisecond precision at most; sub-millisecond digits
    # are truncated, and a zero fraction is left out to match what servers emit.
    millis = utc.microsecond // 1000
    if millis:
        text += f".{millis:03d}"
    return text + "Z"


def _format_decimal(value: decimal.Decimal, field: str | None) -> str:
    if not value.is_finite():
        raise ValidationError(f"filter values must be finite numbers, got {value}", field=field)
    # Fixed-point notation: servers compare these as text or parse them as plain numbers,
    # and neither copes with ``1E+16``.
    return format(value, "f")


def _unquoted(value: object, field: str | None) -> str:
    # Enum first: IntEnum/StrEnum members are also ints/strs, and the member's value is
    # what the server knows.
    if isinstance(value, enum.Enum):
        return _unquoted(value.value, field)
    if isinstance(value, str):
        return value
    if value is None:
        raise ValidationError(
            "OneRoster cannot filter on null: None is not a valid filter value", field=field
        )
    # bool before int: bool is an int subclass and would otherwise become '1'/'0'.
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValidationError(f"filter values must be finite numbers, got {value}", field=field)
        return _format_decimal(decimal.Decimal(repr(value)), field)
    if isinstance(value, decimal.Decimal):
        return _format_decimal(value, field)
    # datetime before date: datetime is a date subclass.
    if isinstance(value, dt.datetime):
        return _format_datetime(value, field)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, Field):
        raise ValidationError(
            f"cannot compare field {field!r} with another field {value.name!r}: OneRoster "
            "filters only compare a field with a literal value",
            field=field,
        )
    if isinstance(value, Condition):
        raise ValidationError(
            "a condition cannot be used as a filter value; combine conditions with & and |",
            field=field,
        )
    raise ValidationError(
        f"unsupported filter value type {type(value).__name__}: use str, bool, int, float, "
        "Decimal, date, aware datetime, Enum or UUID",
        field=field,
    )


def format_value(value: object, *, field: str | None = None) -> str:
    """Format one value as a quoted OneRoster filter literal.

    ``str`` is kept as is (quotes doubled), ``bool`` becomes ``true``/``false``, numbers
    are written in fixed-point notation, aware datetimes become UTC ISO-8601 with a ``Z``
    (milliseconds only when non-zero), dates ``YYYY-MM-DD``, enums their ``.value`` and
    UUIDs their canonical text. ``None``, NaN/infinity, naive datetimes, strings with
    control characters and any other type raise ``ValidationError``; ``field`` is only
    used to name the culprit in that error.

    Example:
        ```python
        format_value("O'Brien")                     # "'O''Brien'"
        format_value(True)                          # "'true'"
        format_value(datetime(2024, 1, 1, tzinfo=timezone.utc))  # "'2024-01-01T00:00:00Z'"
        ```

    """
    return _quote(_unquoted(value, field), field)


def _refuse_bool() -> NoReturn:
    raise TypeError(
        "a filter condition has no truth value: combine conditions with & and | "
        "(Python's 'and', 'or', 'not' and chained comparisons such as 1 < F('x') < 5 "
        "cannot be overloaded)"
    )


class Condition:
    """A filter expression: a :class:`Clause` or an AND/OR :class:`Group` of them.

    Combine conditions with ``&`` (AND) and ``|`` (OR); ``str(cond)`` or
    ``cond.to_filter()`` gives the filter string. Conditions are immutable. ``~cond`` is
    refused because OneRoster has no NOT; negate the operator instead (``!=``, ``<``...).

    Example:
        ```python
        cond = (F("role") == "teacher") | (F("role") == "aide")
        cond.to_filter()     # "role='teacher' OR role='aide'"
        cond.clause_count()  # 2
        ```

    """

    __slots__ = ()

    def to_filter(self) -> str:
        """Return the OneRoster filter string for this condition.

        Example:
            ```python
            (F("status") == "active").to_filter()   # "status='active'"
            ```

        """
        raise NotImplementedError

    def clause_count(self) -> int:
        """Return how many ``field<op>'value'`` clauses the filter string contains.

        Example:
            ```python
            where({"a": 1, "b": [2, 3]}).clause_count()   # 3
            ```

        """
        raise NotImplementedError

    def __and__(self, other: object) -> Condition:
        if not isinstance(other, Condition):
            return NotImplemented
        return _combine("AND", self, other)

    def __or__(self, other: object) -> Condition:
        if not isinstance(other, Condition):
            return NotImplemented
        return _combine("OR", self, other)

    def __invert__(self) -> NoReturn:
        raise TypeError(
            "OneRoster filters have no NOT operator; express the negation with != or the "
            "opposite comparison (for example F('x') < 5 instead of ~(F('x') >= 5))"
        )

    def __bool__(self) -> NoReturn:
        _refuse_bool()

    def __str__(self) -> str:
        return self.to_filter()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.to_filter()!r})"


@dataclass(frozen=True, slots=True, repr=False)
class Clause(Condition):
    """One ``field<op>'value'`` comparison; usually made through :func:`F`.

    ``literal`` is the already quoted value, as returned by :func:`format_value`.

    Example:
        ```python
        Clause("familyName", "~", format_value("O'B")).to_filter()   # "familyName~'O''B'"
        ```

    """

    field: str
    op: Operator
    literal: str

    def __post_init__(self) -> None:
        check_field_name(self.field)
        if self.op not in _OPERATORS:
            raise ValidationError(f"unknown filter operator {self.op!r}", field=self.field)
        if not isinstance(self.literal, str) or not _LITERAL_RE.fullmatch(self.literal):
            raise ValidationError(
                f"clause literal {self.literal!r} is not a quoted value; build it with format_value()",
                field=self.field,
            )

    def to_filter(self) -> str:
        """Return ``field<op>'value'``.

        Example:
            ```python
            (F("a") >= 3).to_filter()   # "a>='3'"
            ```

        """
        return f"{self.field}{self.op}{self.literal}"

    def clause_count(self) -> int:
        """Return 1.

        Example:
            ```python
            (F("a") == 1).clause_count()   # 1
            ```

        """
        return 1


@dataclass(frozen=True, slots=True, repr=False)
class Group(Condition):
    """Two or more conditions joined by one connector, ``"AND"`` or ``"OR"``.

    Normally built with ``&``/``|``, which keep same-connector chains flat.

    Example:
        ```python
        Group("OR", (F("a") == 1, F("b") == 2)).to_filter()   # "a='1' OR b='2'"
        ```

    """

    op: Literal["AND", "OR"]
    parts: tuple[Condition, ...]

    def __post_init__(self) -> None:
        if self.op not in _CONNECTORS:
            raise ValidationError(f"unknown filter connector {self.op!r}; use 'AND' or 'OR'")
        if not isinstance(self.parts, tuple):
            object.__setattr__(self, "parts", tuple(self.parts))
        # A group of one or zero would either be redundant or "match everything".
        if len(self.parts) < 2:
            raise ValidationError(f"an {self.op} group needs at least two conditions")
        for part in self.parts:
            if not isinstance(part, Condition):
                raise ValidationError(f"group parts must be conditions, got {type(part).__name__}")

    def to_filter(self) -> str:
        """Return the parts joined by `` AND ``/`` OR ``, parenthesising mixed inner groups.

        Example:
            ```python
            ((F("a") == 1) & ((F("b") == 2) | (F("c") == 3))).to_filter()
            # "a='1' AND (b='2' OR c='3')"
            ```

        """
        rendered = []
        for part in self.parts:
            text = part.to_filter()
            # Same connector is associative, so only a different one needs parentheses.
            if isinstance(part, Group) and part.op != self.op:
                text = f"({text})"
            rendered.append(text)
        return f" {self.op} ".join(rendered)

    def clause_count(self) -> int:
        """Return the number of clauses in all parts.

        Example:
            ```python
            ((F("a") == 1) | (F("b") == 2)).clause_count()   # 2
            ```

        """
        return sum(part.clause_count() for part in self.parts)


def _combine(op: Literal["AND", "OR"], left: Condition, right: Condition) -> Group:
    parts: list[Condition] = []
    for side in (left, right):
        if isinstance(side, Group) and side.op == op:
            parts.extend(side.parts)
        else:
            parts.append(side)
    return Group(op, tuple(parts))


def _any_of(conditions: list[Condition], *, field: str, what: str) -> Condition:
    if not conditions:
        raise ValidationError(
            f"{what} got no values; an empty group would match everything or nothing", field=field
        )
    if len(conditions) == 1:
        return conditions[0]
    return Group("OR", tuple(conditions))


def _value_list(values: object, *, field: str) -> list[object]:
    if isinstance(values, str | bytes | bytearray | Mapping) or not isinstance(values, Iterable):
        raise ValidationError(
            f"in_() takes a list, tuple or set of values, got {type(values).__name__}", field=field
        )
    if isinstance(values, set | frozenset):
        try:
            return sorted(values)
        except TypeError:
            # Mixed types do not order; the formatted literal always does.
            return sorted(values, key=lambda v: format_value(v, field=field))
    return list(values)


class Field:
    """A filter field; compare it with a value to get a :class:`Condition`.

    Supports ``==``, ``!=``, ``>``, ``>=``, ``<``, ``<=`` and the same as named methods
    (``eq``, ``ne``, ``gt``, ``ge``, ``lt``, ``le``), plus ``contains`` (``~``) and
    ``in_`` (an OR of ``=`` clauses). Because ``==`` builds a condition, fields are not
    hashable. Wrap each comparison in parentheses when combining: ``&`` binds tighter
    than ``==`` in Python.

    Example:
        ```python
        (F("course.sourcedId") == "c-1") & F("familyName").contains("O'B")
        # "course.sourcedId='c-1' AND familyName~'O''B'"
        ```

    """

    __slots__ = ("name",)
    # __eq__ returns a Condition, so value-based hashing would be meaningless.
    __hash__: ClassVar[None] = None  # type: ignore[assignment]

    name: str

    def __init__(self, name: str) -> None:
        self.name = check_field_name(name)

    def __repr__(self) -> str:
        return f"F({self.name!r})"

    def _clause(self, op: Operator, value: object) -> Clause:
        return Clause(self.name, op, format_value(value, field=self.name))

    def eq(self, value: object) -> Clause:
        """Return ``field='value'``.

        Example:
            ```python
            F("status").eq("active").to_filter()   # "status='active'"
            ```

        """
        return self._clause("=", value)

    def ne(self, value: object) -> Clause:
        """Return ``field!='value'``.

        Example:
            ```python
            F("status").ne("tobedeleted").to_filter()   # "status!='tobedeleted'"
            ```

        """
        return self._clause("!=", value)

    def gt(self, value: object) -> Clause:
        """Return ``field>'value'``.

        Example:
            ```python
            F("score").gt(90).to_filter()   # "score>'90'"
            ```

        """
        return self._clause(">", value)

    def ge(self, value: object) -> Clause:
        """Return ``field>='value'``.

        Example:
            ```python
            F("dateLastModified").ge(since).to_filter()   # "dateLastModified>='2024-...Z'"
            ```

        """
        return self._clause(">=", value)

    def lt(self, value: object) -> Clause:
        """Return ``field<'value'``.

        Example:
            ```python
            F("score").lt(50).to_filter()   # "score<'50'"
            ```

        """
        return self._clause("<", value)

    def le(self, value: object) -> Clause:
        """Return ``field<='value'``.

        Example:
            ```python
            F("birthDate").le(date(2010, 1, 1)).to_filter()   # "birthDate<='2010-01-01'"
            ```

        """
        return self._clause("<=", value)

    def contains(self, value: object) -> Clause:
        """Return ``field~'value'`` (substring match); an empty value is refused.

        Example:
            ```python
            F("familyName").contains("smi").to_filter()   # "familyName~'smi'"
            ```

        """
        literal = format_value(value, field=self.name)
        if literal == "''":
            raise ValidationError(
                "contains('') would match every record; pass a non-empty value", field=self.name
            )
        return Clause(self.name, "~", literal)

    def in_(self, values: Iterable[object]) -> Condition:
        """Return an OR of ``field='value'`` clauses, one per value (duplicates dropped).

        One value gives a single clause; no values raise ``ValidationError``. Sets are
        sorted so the string is deterministic.

        Example:
            ```python
            F("role").in_(["student", "aide"]).to_filter()   # "role='student' OR role='aide'"
            ```

        """
        seen: set[str] = set()
        clauses: list[Condition] = []
        for value in _value_list(values, field=self.name):
            clause = self.eq(value)
            # A repeated value adds a clause (and may cross a server's limit) for nothing.
            if clause.literal not in seen:
                seen.add(clause.literal)
                clauses.append(clause)
        return _any_of(clauses, field=self.name, what="in_()")

    def __eq__(self, value: object) -> Clause:  # type: ignore[override]
        return self.eq(value)

    def __ne__(self, value: object) -> Clause:  # type: ignore[override]
        return self.ne(value)

    def __gt__(self, value: object) -> Clause:
        return self.gt(value)

    def __ge__(self, value: object) -> Clause:
        return self.ge(value)

    def __lt__(self, value: object) -> Clause:
        return self.lt(value)

    def __le__(self, value: object) -> Clause:
        return self.le(value)

    def __bool__(self) -> NoReturn:
        _refuse_bool()


def F(field: str) -> Field:
    """Return a :class:`Field` for ``field``, a name or dotted path.

    Example:
        ```python
        (F("roles.org.sourcedId") == "org-1").to_filter()   # "roles.org.sourcedId='org-1'"
        ```

    """
    return Field(field)


def _from_mapping(mapping: Mapping[str, object]) -> Condition:
    if not isinstance(mapping, Mapping):
        raise ValidationError(
            f"where() takes a mapping of field to value, got {type(mapping).__name__}", field="where"
        )
    if not mapping:
        raise ValidationError(
            "where({}) has no conditions; an empty filter would match everything; "
            "pass where=None to list without a filter",
            field="where",
        )
    parts: list[Condition] = []
    for name, value in mapping.items():
        field = F(name)
        if isinstance(value, Condition):
            raise ValidationError(
                f"where() values must be plain values, not conditions; combine conditions "
                f"with & and | instead (key {name!r})",
                field=name,
            )
        if isinstance(value, list | tuple | set | frozenset):
            parts.append(field.in_(value))
        else:
            parts.append(field.eq(value))
    result = parts[0]
    for part in parts[1:]:
        result = result & part
    return result


def where(mapping: Mapping[str, object]) -> Condition:
    """Return the AND of ``field='value'`` clauses, in the mapping's order.

    A list, tuple, set or frozenset value becomes ``F(key).in_(value)`` (an OR group).
    An empty mapping raises ``ValidationError`` rather than matching everything.

    Example:
        ```python
        where({"role": "student", "status": "active"}).to_filter()
        # "role='student' AND status='active'"
        where({"role": ["student", "aide"], "status": "active"}).to_filter()
        # "(role='student' OR role='aide') AND status='active'"
        ```

    """
    return _from_mapping(mapping)


def build_filter(
    *,
    where: Mapping[str, object] | Condition | None = None,
    filter: str | None = None,
    max_clauses: int | None = None,
) -> str | None:
    """Return the ``filter`` query parameter for a request, or ``None`` for no filter.

    ``where`` is a mapping (see :func:`where`) or a :class:`Condition`. ``filter`` is a raw
    filter string passed through untouched, for expressions this module cannot build; it
    must not be blank. Giving both is ambiguous and raises ``ValidationError``, as does a
    built expression with more than ``max_clauses`` clauses (``max_clauses`` does not
    apply to raw strings, which are never parsed).

    Example:
        ```python
        build_filter(where={"status": "active"})               # "status='active'"
        build_filter(where=F("familyName").contains("smi"))   # "familyName~'smi'"
        build_filter(filter="givenName~'ann'")                # "givenName~'ann'"
        build_filter()                                        # None
        ```

    """
    if where is not None and filter is not None:
        raise ValidationError(
            "pass either where= or filter=, not both: it is unclear how they should combine",
            field="filter",
        )
    if max_clauses is not None and (
        isinstance(max_clauses, bool) or not isinstance(max_clauses, int) or max_clauses < 1
    ):
        raise ValidationError(f"max_clauses must be a positive int, got {max_clauses!r}", field="max_clauses")
    if filter is not None:
        if not isinstance(filter, str):
            raise ValidationError(f"filter= must be a str, got {type(filter).__name__}", field="filter")
        if not filter.strip():
            raise ValidationError(
                "filter= is empty; pass None for no filter instead of a blank string", field="filter"
            )
        return filter
    if where is None:
        return None
    if isinstance(where, Condition):
        condition = where
    elif isinstance(where, Mapping):
        condition = _from_mapping(where)
    else:
        raise ValidationError(
            f"where= takes a mapping or a Condition, got {type(where).__name__}; "
            "pass raw filter strings as filter=",
            field="where",
        )
    count = condition.clause_count()
    if max_clauses is not None and count > max_clauses:
        raise ValidationError(
            f"the filter has {count} clauses but max_clauses is {max_clauses}: {condition.to_filter()}",
            field="where",
        )
    return condition.to_filter()
