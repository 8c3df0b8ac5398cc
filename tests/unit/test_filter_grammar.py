"""The filter grammar reads back everything the builder writes, and names what a dialect lacks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from oneroster.dialects import BASELINE, EDFI, FULL, PLATFORM, TIMEBACK, Dialect, resolve_dialect
from oneroster.errors import ValidationError
from oneroster.filter_grammar import FilterError, clauses, parse_filter, unquote, violation
from oneroster.filters import F, where
from test_filters import Spec, build, spec_trees


@settings(max_examples=300)
@given(spec_trees)
def test_property_parse_is_the_inverse_of_the_builder(spec: Spec) -> None:
    cond = build(spec)
    if cond.clause_count() > 20:
        return
    parsed = parse_filter(cond.to_filter())
    assert parsed.to_filter() == cond.to_filter()
    assert parsed == cond


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "a='1' AND b='2' OR c='3'",
        "a='1",
        "a=1",
        "(a='1'",
        "a='1')",
        "a='1' and b='2'",
        "a='1'AND b='2'",
        "()",
        "a ? '1'",
        " OR ".join(f"a='{n}'" for n in range(21)),
    ],
)
def test_malformed_filters_are_refused_as_syntax(text: str) -> None:
    with pytest.raises(FilterError) as info:
        parse_filter(text)
    assert info.value.capability is None


@pytest.mark.parametrize(
    ("text", "dialect", "capability"),
    [
        ("a='1' AND (b='2' OR c='3')", BASELINE, "parentheses"),
        ("(a='1') AND b='2'", BASELINE, "parentheses"),
        ("a='1' AND b='2' AND c='3'", BASELINE, "max_clauses"),
        ("roles.role='student'", BASELINE, "dotted_fields"),
        ("roles.role='student'", PLATFORM, "dotted_fields"),
        ("a~'x'", Dialect(contains=False), "contains"),
        ("a='1' AND (b='2' OR c='3')", Dialect(parentheses=True, mixed_connectors=False), "mixed_connectors"),
    ],
)
def test_a_dialect_refuses_what_its_provider_refuses(text: str, dialect: Dialect, capability: str) -> None:
    parse_filter(text)  # fine in the canonical grammar
    with pytest.raises(FilterError) as info:
        parse_filter(text, dialect=dialect)
    assert info.value.capability == capability
    # As a tree, redundant parentheses are gone; anything else is still out of reach.
    tree_violation = violation(parse_filter(text), dialect)
    assert (tree_violation is None) == (text == "(a='1') AND b='2'")


def test_without_an_escape_a_doubled_quote_stays_doubled() -> None:
    # What a regex-based provider does with 'O''Neill': it looks for a name with two quotes.
    parsed = parse_filter("familyName='O''Neill' OR givenName='Ann'", dialect=EDFI)
    values = [unquote(clause.literal) for clause in clauses(parsed)]
    assert values == ["O''Neill", "Ann"]
    assert [unquote(c.literal) for c in clauses(parse_filter("familyName='O''Neill'"))] == ["O'Neill"]


def test_violation_names_the_quote_escape_and_accepts_extra_fields() -> None:
    assert violation(F("familyName") == "O'Neill", BASELINE) == "quote_escape"
    assert violation(F("familyName") == "O'Neill", FULL) is None
    assert violation(F("course.sourcedId") == "c", PLATFORM) is None
    assert violation(where({"role": "student", "status": "active"}), TIMEBACK, schema="User") is None
    assert (
        violation(where({"role": ["a", "b"], "status": "active"}), TIMEBACK, schema="User") == "max_clauses"
    )


def test_dialects_round_trip_through_json_and_refuse_nonsense() -> None:
    for dialect in (FULL, BASELINE, TIMEBACK, PLATFORM, EDFI):
        assert Dialect.from_dict(dialect.to_dict()) == dialect
        assert resolve_dialect(dialect.name) == dialect
    with pytest.raises(ValidationError):
        Dialect(max_clauses=0)
    with pytest.raises(ValidationError):
        Dialect(parentheses=False, mixed_connectors=True)
    with pytest.raises(ValidationError):
        Dialect.from_dict({"name": "x", "nested": True})
    with pytest.raises(ValidationError):
        resolve_dialect("lenient")
