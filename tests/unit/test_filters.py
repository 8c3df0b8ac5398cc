"""Tests for oneroster.filters: example tests per rule plus Hypothesis round-trip properties."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import operator
import uuid
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from oneroster.errors import ValidationError
from oneroster.filters import (
    Clause,
    Condition,
    F,
    Field,
    Group,
    build_filter,
    format_value,
    where,
)

# ---------------------------------------------------------------------------
# where()
# ---------------------------------------------------------------------------


def test_where_dict_is_and_of_equalities() -> None:
    assert where({"role": "student", "status": "active"}).to_filter() == "role='student' AND status='active'"


def test_where_keeps_mapping_order() -> None:
    assert str(where({"status": "active", "role": "student"})) == "status='active' AND role='student'"


def test_where_single_key_is_a_single_clause() -> None:
    cond = where({"role": "student"})
    assert isinstance(cond, Clause)
    assert cond.to_filter() == "role='student'"


def test_where_three_keys_is_flat() -> None:
    assert str(where({"a": 1, "b": 2, "c": 3})) == "a='1' AND b='2' AND c='3'"


@pytest.mark.parametrize("values", [["student", "aide"], ("student", "aide")])
def test_where_list_or_tuple_becomes_in(values: Any) -> None:
    assert (
        str(where({"role": values, "status": "active"}))
        == "(role='student' OR role='aide') AND status='active'"
    )


@pytest.mark.parametrize(
    "values", [{"teacher", "aide", "student"}, frozenset({"teacher", "aide", "student"})]
)
def test_where_sets_are_sorted(values: Any) -> None:
    assert str(where({"role": values})) == "role='aide' OR role='student' OR role='teacher'"


def test_where_set_of_mixed_types_is_still_deterministic() -> None:
    assert str(where({"x": {1, "a"}})) == "x='1' OR x='a'"


def test_where_single_element_list_is_one_clause() -> None:
    assert str(where({"role": ["student"], "status": "active"})) == "role='student' AND status='active'"


def test_where_empty_mapping_is_an_error() -> None:
    with pytest.raises(ValidationError):
        where({})


def test_where_empty_list_value_is_an_error() -> None:
    with pytest.raises(ValidationError) as info:
        where({"role": []})
    assert info.value.field == "role"


def test_where_rejects_condition_values() -> None:
    with pytest.raises(ValidationError) as info:
        where({"role": F("role") == "student"})
    assert info.value.field == "role"


def test_where_rejects_bad_keys() -> None:
    with pytest.raises(ValidationError) as info:
        where({"role OR 1": "x"})
    assert info.value.field == "role OR 1"


def test_where_rejects_non_mapping() -> None:
    with pytest.raises(ValidationError):
        where("role='x'")  # type: ignore[arg-type]


# ---------------------------------------------------------------------------
# Field operators
# ---------------------------------------------------------------------------

OPERATORS: list[tuple[Callable[[Field, object], Condition], str]] = [
    (operator.eq, "="),
    (operator.ne, "!="),
    (operator.gt, ">"),
    (operator.ge, ">="),
    (operator.lt, "<"),
    (operator.le, "<="),
    (Field.eq, "="),
    (Field.ne, "!="),
    (Field.gt, ">"),
    (Field.ge, ">="),
    (Field.lt, "<"),
    (Field.le, "<="),
    (Field.contains, "~"),
]


@pytest.mark.parametrize(("build", "op"), OPERATORS)
def test_every_operator(build: Callable[[Field, object], Condition], op: str) -> None:
    cond = build(F("score"), 90)
    assert isinstance(cond, Clause)
    assert cond.to_filter() == f"score{op}'90'"


def test_reflected_comparisons_keep_the_field_on_the_left() -> None:
    assert str("x" == F("a")) == "a='x'"  # type: ignore[comparison-overlap]  # noqa: SIM300
    assert str(5 < F("a")) == "a>'5'"  # noqa: SIM300
    assert str(5 >= F("a")) == "a<='5'"  # noqa: SIM300


def test_contains() -> None:
    assert str(F("familyName").contains("smi")) == "familyName~'smi'"


def test_contains_formats_non_strings_like_everywhere() -> None:
    assert str(F("grades").contains(9)) == "grades~'9'"
    assert str(F("x").contains(True)) == "x~'true'"


def test_contains_escapes_quotes() -> None:
    assert str(F("familyName").contains("O'B")) == "familyName~'O''B'"


def test_contains_empty_is_an_error() -> None:
    with pytest.raises(ValidationError) as info:
        F("familyName").contains("")
    assert info.value.field == "familyName"


def test_contains_whitespace_is_allowed() -> None:
    assert str(F("name").contains(" ")) == "name~' '"


# ---------------------------------------------------------------------------
# Escaping and field names
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "literal"),
    [
        ("O'Brien", "'O''Brien'"),
        ("'", "''''"),
        ("''", "''''''"),
        ("it's Bob's", "'it''s Bob''s'"),
        ("", "''"),
        ("x' OR a='b", "'x'' OR a=''b'"),
    ],
)
def test_quote_escaping(value: str, literal: str) -> None:
    assert format_value(value) == literal


def test_injection_stays_inside_the_literal() -> None:
    assert str(F("familyName") == "x' OR '1'='1") == "familyName='x'' OR ''1''=''1'"


@pytest.mark.parametrize(
    "name", ["sourcedId", "course.sourcedId", "roles.org.sourcedId", "metadata.ext:grade", "_x", "a-b.c_d"]
)
def test_valid_field_names(name: str) -> None:
    assert str(F(name) == "v") == f"{name}='v'"


@pytest.mark.parametrize(
    "name",
    ["", ".a", "a.", "a..b", "a b", "a'b", "a=b", "a~b", "a>b", "a(b)", "1abc", "ext:", ":a", "a\nb", "a.1b"],
)
def test_invalid_field_names(name: str) -> None:
    with pytest.raises(ValidationError) as info:
        F(name)
    assert info.value.field == name


def test_field_name_must_be_str() -> None:
    with pytest.raises(ValidationError):
        F(3)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------
# Grouping
# ---------------------------------------------------------------------------

a, b, c, d = (F("a") == "1"), (F("b") == "2"), (F("c") == "3"), (F("d") == "4")


def test_flat_and_chain() -> None:
    assert str(a & b & c) == "a='1' AND b='2' AND c='3'"


def test_flat_or_chain() -> None:
    assert str(a | b | c) == "a='1' OR b='2' OR c='3'"


def test_same_operator_groups_flatten() -> None:
    assert str((a & b) & (c & d)) == "a='1' AND b='2' AND c='3' AND d='4'"
    assert str(a | (b | c)) == "a='1' OR b='2' OR c='3'"
    assert (a & (b & c)).clause_count() == 3
    assert isinstance(a & (b & c), Group)
    assert len((a & (b & c)).parts) == 3  # type: ignore[attr-defined]


def test_and_of_or_gets_parentheses() -> None:
    assert str(a & (b | c)) == "a='1' AND (b='2' OR c='3')"
    assert str((b | c) & a) == "(b='2' OR c='3') AND a='1'"


def test_or_of_and_gets_parentheses() -> None:
    assert str(a | (b & c)) == "a='1' OR (b='2' AND c='3')"


def test_two_or_groups_under_and() -> None:
    assert str((a | b) & (c | d)) == "(a='1' OR b='2') AND (c='3' OR d='4')"


def test_deep_nesting() -> None:
    assert str(a & (b | (c & d))) == "a='1' AND (b='2' OR (c='3' AND d='4'))"


def test_not_is_refused() -> None:
    with pytest.raises(TypeError, match="NOT"):
        _ = ~a


def test_conditions_have_no_truth_value() -> None:
    with pytest.raises(TypeError, match="&"):
        bool(a)
    with pytest.raises(TypeError):
        a and b  # noqa: B018


def test_chained_comparison_is_refused() -> None:
    with pytest.raises(TypeError):
        1 < F("x") < 5  # noqa: B015


def test_combining_with_non_condition_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        a & "b='2'"  # type: ignore[operator]


def test_conditions_are_immutable() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.literal = "'x'"  # type: ignore[misc]
    group = a & b
    with pytest.raises(dataclasses.FrozenInstanceError):
        group.op = "OR"  # type: ignore[attr-defined]


def test_readable_repr() -> None:
    assert repr(a) == "Clause(\"a='1'\")"
    assert repr(a | b) == "Group(\"a='1' OR b='2'\")"
    assert repr(F("course.sourcedId")) == "F('course.sourcedId')"


def test_condition_equality_is_structural_and_boolean() -> None:
    same = (F("a") == "1") & (F("b") == "2")
    result = (a & b) == same
    assert result is True
    assert ((a & b) == (a | b)) is False
    assert hash(a & b) == hash(same)


def test_fields_are_not_hashable() -> None:
    with pytest.raises(TypeError):
        hash(F("a"))


def test_field_compared_with_field_is_an_error() -> None:
    with pytest.raises(ValidationError) as info:
        F("a") == F("b")  # noqa: B015
    assert info.value.field == "a"


def test_clause_constructor_validates() -> None:
    with pytest.raises(ValidationError):
        Clause("a", "==", "'x'")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        Clause("a", "=", "x")
    with pytest.raises(ValidationError):
        Clause("a", "=", "'x' OR b='y'")
    with pytest.raises(ValidationError):
        Clause("a b", "=", "'x'")


def test_group_constructor_validates() -> None:
    with pytest.raises(ValidationError):
        Group("AND", (a,))
    with pytest.raises(ValidationError):
        Group("XOR", (a, b))  # type: ignore[arg-type]
    assert str(Group("OR", (a, b))) == "a='1' OR b='2'"


# ---------------------------------------------------------------------------
# Value formatting
# ---------------------------------------------------------------------------


def test_aware_utc_datetime() -> None:
    assert format_value(dt.datetime(2024, 1, 1, tzinfo=dt.UTC)) == "'2024-01-01T00:00:00Z'"


def test_aware_non_utc_datetime_is_converted() -> None:
    tz = dt.timezone(dt.timedelta(hours=5, minutes=30))
    assert format_value(dt.datetime(2024, 1, 1, 3, 0, tzinfo=tz)) == "'2023-12-31T21:30:00Z'"


def test_naive_datetime_is_rejected() -> None:
    with pytest.raises(ValidationError, match="aware") as info:
        F("dateLastModified") >= dt.datetime(2024, 1, 1)  # noqa: B015
    assert info.value.field == "dateLastModified"


@pytest.mark.parametrize(
    ("micro", "text"),
    [(0, "00:00:00Z"), (123000, "00:00:00.123Z"), (123999, "00:00:00.123Z"), (1000, "00:00:00.001Z")],
)
def test_datetime_milliseconds_only_when_non_zero(micro: int, text: str) -> None:
    value = dt.datetime(2024, 1, 1, microsecond=micro, tzinfo=dt.UTC)
    assert format_value(value) == f"'2024-01-01T{text}'"


def test_date() -> None:
    assert format_value(dt.date(2024, 2, 9)) == "'2024-02-09'"
    assert str(F("birthDate") <= dt.date(2010, 1, 1)) == "birthDate<='2010-01-01'"


def test_bool_is_checked_before_int() -> None:
    assert format_value(True) == "'true'"
    assert format_value(False) == "'false'"
    assert str(F("enabledUser") == True) == "enabledUser='true'"  # noqa: E712


@pytest.mark.parametrize(
    ("value", "literal"),
    [
        (0, "'0'"),
        (-42, "'-42'"),
        (2.5, "'2.5'"),
        (1e16, "'10000000000000000'"),
        (1.5e-7, "'0.00000015'"),
        (Decimal("3.10"), "'3.10'"),
        (Decimal("1E+3"), "'1000'"),
    ],
)
def test_numbers(value: object, literal: str) -> None:
    assert format_value(value) == literal


@pytest.mark.parametrize(
    "value", [float("nan"), float("inf"), float("-inf"), Decimal("NaN"), Decimal("Infinity"), Decimal("sNaN")]
)
def test_non_finite_numbers_are_rejected(value: object) -> None:
    with pytest.raises(ValidationError):
        format_value(value)


class Role(enum.Enum):
    STUDENT = "student"
    TEACHER = "teacher"


class Grade(enum.IntEnum):
    NINTH = 9


class Status(enum.StrEnum):
    ACTIVE = "active"


class Bad(enum.Enum):
    PAIR = (1, 2)


def test_enums_use_their_value() -> None:
    assert format_value(Role.STUDENT) == "'student'"
    assert format_value(Grade.NINTH) == "'9'"
    assert format_value(Status.ACTIVE) == "'active'"
    assert str(where({"role": [Role.TEACHER, Role.STUDENT]})) == "role='teacher' OR role='student'"


def test_enum_with_unsupported_value_is_rejected() -> None:
    with pytest.raises(ValidationError):
        format_value(Bad.PAIR)


def test_uuid() -> None:
    value = uuid.UUID("12345678-1234-5678-1234-567812345678")
    assert format_value(value) == "'12345678-1234-5678-1234-567812345678'"


def test_none_is_rejected() -> None:
    with pytest.raises(ValidationError, match="null") as info:
        F("email") == None  # noqa: B015, E711
    assert info.value.field == "email"


@pytest.mark.parametrize("value", [{"a": 1}, [1], (1,), b"x", object(), dt.time(12, 0), {1}])
def test_unsupported_leaf_values_are_rejected(value: object) -> None:
    with pytest.raises(ValidationError):
        F("x") == value  # noqa: B015


def test_format_value_names_the_field_in_errors() -> None:
    with pytest.raises(ValidationError) as info:
        format_value(None, field="email")
    assert info.value.field == "email"


@pytest.mark.parametrize("value", ["a\x00b", "\n", "tab\there", "\x1f"])
def test_control_characters_are_rejected(value: str) -> None:
    with pytest.raises(ValidationError):
        format_value(value)


def test_non_control_unicode_is_kept() -> None:
    assert format_value("Zoë 😀 \x7f") == "'Zoë 😀 \x7f'"


# ---------------------------------------------------------------------------
# in_()
# ---------------------------------------------------------------------------


def test_in_with_one_value_is_a_clause() -> None:
    cond = F("role").in_(["student"])
    assert isinstance(cond, Clause)
    assert str(cond) == "role='student'"


def test_in_with_many_values() -> None:
    assert str(F("role").in_(["student", "aide", "teacher"])) == (
        "role='student' OR role='aide' OR role='teacher'"
    )


def test_in_empty_is_an_error() -> None:
    with pytest.raises(ValidationError) as info:
        F("role").in_([])
    assert info.value.field == "role"


def test_in_rejects_a_bare_string() -> None:
    with pytest.raises(ValidationError):
        F("role").in_("student")


def test_in_drops_duplicates_and_accepts_iterables() -> None:
    assert str(F("x").in_(v for v in ["a", "b", "a"])) == "x='a' OR x='b'"


def test_in_sorts_sets() -> None:
    assert str(F("x").in_({3, 1, 2})) == "x='1' OR x='2' OR x='3'"


def test_in_inside_and_gets_parentheses() -> None:
    assert str((F("status") == "active") & F("role").in_(["a", "b"])) == (
        "status='active' AND (role='a' OR role='b')"
    )


def test_in_inside_or_stays_flat() -> None:
    assert str((F("role") == "x") | F("role").in_(["a", "b"])) == "role='x' OR role='a' OR role='b'"


# ---------------------------------------------------------------------------
# build_filter()
# ---------------------------------------------------------------------------


def test_build_filter_neither_is_none() -> None:
    assert build_filter() is None


def test_build_filter_from_mapping() -> None:
    assert build_filter(where={"role": "student", "status": "active"}) == "role='student' AND status='active'"


def test_build_filter_from_condition() -> None:
    assert build_filter(where=F("familyName").contains("smi")) == "familyName~'smi'"


@pytest.mark.parametrize("raw", ["familyName~'x' OR a='b'", "  a='b'  ", "weird ( unbalanced", "a=b"])
def test_raw_filter_passes_through_untouched(raw: str) -> None:
    assert build_filter(filter=raw) is raw


@pytest.mark.parametrize("raw", ["", "   ", "\t\n"])
def test_blank_raw_filter_is_an_error(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        build_filter(filter=raw)
    assert info.value.field == "filter"


def test_both_where_and_filter_is_an_error() -> None:
    with pytest.raises(ValidationError):
        build_filter(where={"a": 1}, filter="b='2'")


def test_build_filter_rejects_strings_as_where() -> None:
    with pytest.raises(ValidationError, match="filter="):
        build_filter(where="a='1'")  # type: ignore[arg-type]


def test_build_filter_empty_where_mapping_is_an_error() -> None:
    with pytest.raises(ValidationError):
        build_filter(where={})


def test_max_clauses_exceeded() -> None:
    with pytest.raises(ValidationError, match="3 clauses") as info:
        build_filter(where={"a": 1, "b": [2, 3]}, max_clauses=2)
    assert "max_clauses is 2" in str(info.value)


def test_max_clauses_at_the_limit_is_fine() -> None:
    assert build_filter(where=a & b, max_clauses=2) == "a='1' AND b='2'"
    assert build_filter(where=a, max_clauses=1) == "a='1'"


@pytest.mark.parametrize("bad", [0, -1, True])
def test_max_clauses_must_be_positive_int(bad: int) -> None:
    with pytest.raises(ValidationError) as info:
        build_filter(where=a, max_clauses=bad)
    assert info.value.field == "max_clauses"


def test_max_clauses_does_not_parse_raw_filters() -> None:
    raw = "a='1' AND b='2' AND c='3'"
    assert build_filter(filter=raw, max_clauses=2) == raw


# ---------------------------------------------------------------------------
# Reference parser for the grammar, used by the round-trip properties
# ---------------------------------------------------------------------------


class ParseError(Exception):
    pass


Node = tuple[Any, ...]
_OPS = ("!=", ">=", "<=", "=", ">", "<", "~")
_FIELD_CHARS = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-:.")


def parse_filter(text: str) -> Node:
    """Parse a filter into ("clause", field, op, value) / (connector, children) nodes.

    Strict on purpose: AND and OR may only mix through parentheses, and parentheses are
    rejected where they are not needed (around one clause, the whole expression, or a
    group with the same connector as its parent).
    """
    node, pos = _parse_expr(text, 0)
    if pos != len(text):
        raise ParseError(f"trailing text at {pos}: {text[pos:]!r}")
    if node[0] == "paren":
        raise ParseError("redundant parentheses around the whole expression")
    return node


def _parse_expr(text: str, pos: int) -> tuple[Node, int]:
    node, pos = _parse_term(text, pos)
    nodes = [node]
    connectors: set[str] = set()
    while True:
        for conn in ("AND", "OR"):
            token = f" {conn} "
            if text.startswith(token, pos):
                connectors.add(conn)
                node, pos = _parse_term(text, pos + len(token))
                nodes.append(node)
                break
        else:
            break
    if len(connectors) > 1:
        raise ParseError("AND and OR mixed without parentheses")
    if len(nodes) == 1:
        return nodes[0], pos
    (conn,) = connectors
    children = []
    for child in nodes:
        if child[0] == "paren":
            inner = child[1]
            if inner[0] == conn:
                raise ParseError("redundant parentheses around a same-connector group")
            child = inner
        children.append(child)
    return (conn, tuple(children)), pos


def _parse_term(text: str, pos: int) -> tuple[Node, int]:
    if text.startswith("(", pos):
        inner, pos = _parse_expr(text, pos + 1)
        if not text.startswith(")", pos):
            raise ParseError(f"expected ')' at {pos}")
        if inner[0] == "clause":
            raise ParseError("redundant parentheses around a clause")
        return ("paren", inner), pos + 1
    start = pos
    while pos < len(text) and text[pos] in _FIELD_CHARS:
        pos += 1
    field = text[start:pos]
    if not field:
        raise ParseError(f"expected a field at {start}")
    op = next((o for o in _OPS if text.startswith(o, pos)), None)
    if op is None:
        raise ParseError(f"expected an operator at {pos}")
    pos += len(op)
    if not text.startswith("'", pos):
        raise ParseError(f"expected a quote at {pos}")
    pos += 1
    value: list[str] = []
    while True:
        end = text.find("'", pos)
        if end < 0:
            raise ParseError("unterminated literal")
        value.append(text[pos:end])
        if text.startswith("''", end):
            value.append("'")
            pos = end + 2
            continue
        pos = end + 1
        break
    return ("clause", field, op, "".join(value)), pos


def test_reference_parser_is_strict() -> None:
    assert parse_filter("a='x' AND b='y'") == ("AND", (("clause", "a", "=", "x"), ("clause", "b", "=", "y")))
    for bad in [
        "a='1' AND b='2' OR c='3'",
        "(a='1')",
        "a='1' AND (b='2' AND c='3')",
        "(a='1' OR b='2')",
        "a='it's'",
        "a=1",
        "a='1'  AND b='2'",
    ]:
        with pytest.raises(ParseError):
            parse_filter(bad)


# ---------------------------------------------------------------------------
# Hypothesis properties
# ---------------------------------------------------------------------------

CONTROL = [chr(i) for i in range(0x20)]
safe_text = st.text(alphabet=st.characters(exclude_characters="".join(CONTROL)), max_size=30)
# Pieces of the grammar itself, to try to break out of the literal.
quote_heavy_text = st.lists(
    st.sampled_from(["'", "''", "a", " ", "(", ")", "=", " AND ", " OR ", "é"]), max_size=12
).map("".join)
values_text = st.one_of(safe_text, quote_heavy_text)
segment = st.from_regex(r"(?:[A-Za-z0-9_]+:)?[A-Za-z_][A-Za-z0-9_\-]*", fullmatch=True)
field_names = st.lists(segment, min_size=1, max_size=3).map(".".join)
control_text = st.tuples(safe_text, st.sampled_from(CONTROL), safe_text).map("".join)


@given(values_text)
def test_property_literal_round_trips(value: str) -> None:
    literal = format_value(value)
    assert literal.startswith("'")
    assert literal.endswith("'")
    assert len(literal) >= 2
    inner = literal[1:-1]
    assert "'" not in inner.replace("''", "")
    assert inner.replace("''", "'") == value


@given(control_text)
def test_property_control_characters_always_raise(value: str) -> None:
    with pytest.raises(ValidationError):
        format_value(value)
    with pytest.raises(ValidationError):
        F("x") == value  # noqa: B015
    with pytest.raises(ValidationError):
        F("x").contains(value)
    with pytest.raises(ValidationError):
        where({"x": [value]})


@given(field_names)
def test_property_generated_field_names_are_accepted(name: str) -> None:
    assert F(name).name == name


Spec = tuple[Any, ...]
COMPARE = ["=", "!=", ">", ">=", "<", "<="]
_PY_OPS: dict[str, Callable[[Field, object], Condition]] = {
    "=": operator.eq,
    "!=": operator.ne,
    ">": operator.gt,
    ">=": operator.ge,
    "<": operator.lt,
    "<=": operator.le,
}

leaf_value = st.one_of(values_text, st.integers(-(10**6), 10**6))
compare_leaf = st.tuples(st.just("clause"), field_names, st.sampled_from(COMPARE), leaf_value)
contains_leaf = st.tuples(st.just("clause"), field_names, st.just("~"), values_text.filter(bool))
in_leaf = st.tuples(st.just("in"), field_names, st.lists(values_text, min_size=1, max_size=4, unique=True))
spec_trees = st.recursive(
    st.one_of(compare_leaf, contains_leaf, in_leaf),
    lambda children: st.tuples(st.sampled_from(["AND", "OR"]), st.lists(children, min_size=2, max_size=4)),
    max_leaves=14,
)


def build(spec: Spec) -> Condition:
    kind = spec[0]
    if kind == "clause":
        _, field, op, value = spec
        if op == "~":
            return F(field).contains(value)
        return _PY_OPS[op](F(field), value)
    if kind == "in":
        return F(spec[1]).in_(spec[2])
    parts = [build(child) for child in spec[1]]
    result = parts[0]
    for part in parts[1:]:
        result = (result & part) if kind == "AND" else (result | part)
    return result


def expected(spec: Spec) -> Node:
    """The meaning of a spec, normalised: same-connector groups flattened."""
    kind = spec[0]
    if kind == "clause":
        _, field, op, value = spec
        return ("clause", field, op, str(value))
    if kind == "in":
        clauses = tuple(("clause", spec[1], "=", v) for v in spec[2])
        return clauses[0] if len(clauses) == 1 else ("OR", clauses)
    children: list[Node] = []
    for child in spec[1]:
        node = expected(child)
        if node[0] == kind:
            children.extend(node[1])
        else:
            children.append(node)
    return (kind, tuple(children))


def count_clauses(node: Node) -> int:
    return 1 if node[0] == "clause" else sum(count_clauses(child) for child in node[1])


@settings(max_examples=300)
@given(spec_trees)
def test_property_filter_round_trips_through_reference_parser(spec: Spec) -> None:
    cond = build(spec)
    text = cond.to_filter()
    want = expected(spec)
    assert parse_filter(text) == want
    assert str(cond) == text
    assert cond.clause_count() == count_clauses(want)
    assert build_filter(where=cond) == text


@given(
    st.dictionaries(
        field_names, st.one_of(leaf_value, st.lists(values_text, min_size=1, max_size=3)), min_size=1
    )
)
def test_property_where_round_trips(mapping: dict[str, Any]) -> None:
    parsed = parse_filter(where(mapping).to_filter())
    parts: list[Node] = []
    for name, value in mapping.items():
        if isinstance(value, list):
            unique = list(dict.fromkeys(value))
            clauses = tuple(("clause", name, "=", v) for v in unique)
            parts.append(clauses[0] if len(clauses) == 1 else ("OR", clauses))
        else:
            parts.append(("clause", name, "=", str(value)))
    assert parsed == (parts[0] if len(parts) == 1 else ("AND", tuple(parts)))
