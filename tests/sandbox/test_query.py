"""Tests for oneroster.sandbox.query: filter/sort/fields/search turned into SQLite and run for real.

Example tests pin each rule on a small fixed data set; Hypothesis compares the SQL with a small
pure-Python reference evaluator and round-trips filters built by the client's ``oneroster.filters``.
"""

from __future__ import annotations

import functools
import json
import math
import operator
import re
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from oneroster.filters import Condition, F
from oneroster.operation_index import SCHEMA_FIELDS
from oneroster.sandbox.query import (
    Comparison,
    Logical,
    Node,
    QueryError,
    filter_sql,
    order_sql,
    parse_fields,
    parse_filter,
    project,
    search_sql,
)
from spec_names import unknown_field

# A field name the spec does not have (and never will: see tests/spec_names.py).
UNKNOWN = unknown_field()

USER_FIELDS: dict[str, str] = {**SCHEMA_FIELDS["User"], "score": "scalar"}
ENROLLMENT_FIELDS = SCHEMA_FIELDS["Enrollment"]

USERS: list[dict[str, Any]] = [
    {
        "sourcedId": "u1",
        "status": "active",
        "dateLastModified": "2024-01-05T10:00:00Z",
        "givenName": "Ann",
        "familyName": "O'Brien",
        "username": "ann_obrien",
        "enabledUser": True,
        "score": 95,
        "grades": ["09", "10"],
        "roles": [{"roleType": "primary", "role": "student", "org": {"sourcedId": "s1", "type": "org"}}],
        "metadata": {"ext:grade": "09", "district": {"code": "D7"}},
        "primaryOrg": {"sourcedId": "s1", "type": "org"},
    },
    {
        "sourcedId": "u2",
        "status": "active",
        "dateLastModified": "2023-12-31T23:59:59Z",
        "givenName": "Bob",
        "familyName": "Smith",
        "username": "bobsmith",
        "enabledUser": False,
        "score": 87.5,
        "grades": ["11"],
        "roles": [
            {"roleType": "primary", "role": "teacher", "org": {"sourcedId": "s2"}},
            {"roleType": "secondary", "role": "aide", "org": {"sourcedId": "s1"}},
        ],
        "metadata": {"ext:grade": "11"},
    },
    {
        "sourcedId": "u3",
        "status": "active",
        "dateLastModified": "2024-03-01T00:00:00Z",
        "givenName": "Zoë",
        "familyName": "Ünal",
        "middleName": "100% sure",
        "score": "100",
        "grades": [],
        "roles": [],
    },
    {
        "sourcedId": "u4",
        "status": "tobedeleted",
        "dateLastModified": "2024-02-10T08:00:00Z",
        "givenName": "Émile",
        "familyName": None,
        "username": "emile",
        "score": 100,
        "grades": ["09"],
        "roles": [{"roleType": "primary", "role": "student", "org": {"sourcedId": "s2"}}],
    },
    # The sparse record: no grades, roles, score, dates or metadata at all.
    {"sourcedId": "u5", "status": "active", "givenName": "ann", "familyName": "smith"},
]

ENROLLMENTS: list[dict[str, Any]] = [
    {
        "sourcedId": "e1",
        "status": "active",
        "role": "student",
        "primary": False,
        "user": {"href": "/users/u1", "sourcedId": "u1", "type": "user"},
        "class": {"sourcedId": "c1", "type": "class"},
        "school": {"sourcedId": "s1", "type": "org"},
        "beginDate": "2024-09-01",
    },
    {
        "sourcedId": "e2",
        "status": "active",
        "role": "teacher",
        "primary": True,
        "user": {"sourcedId": "u2", "type": "user"},
        "class": {"sourcedId": "c1", "type": "class"},
        "school": {"sourcedId": "s2", "type": "org"},
    },
]

ALL_USERS = ["u1", "u2", "u3", "u4", "u5"]


def make_db(records: Mapping[str, Sequence[Mapping[str, Any]]]) -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE TABLE records (seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, "
        "sourced_id TEXT NOT NULL, data TEXT NOT NULL)"
    )
    for kind, rows in records.items():
        db.executemany(
            "INSERT INTO records (kind, sourced_id, data) VALUES (?, ?, ?)",
            [(kind, row["sourcedId"], json.dumps(row)) for row in rows],
        )
    return db


@pytest.fixture(scope="module")
def db() -> Iterator[sqlite3.Connection]:
    connection = make_db({"User": USERS, "Enrollment": ENROLLMENTS})
    yield connection
    connection.close()


def run_filter(
    db: sqlite3.Connection, text: str, *, kind: str = "User", fields: Mapping[str, str] = USER_FIELDS
) -> list[str]:
    sql, params = filter_sql(parse_filter(text), schema_fields=fields)
    rows = db.execute(
        f"SELECT sourced_id FROM records WHERE kind = ? AND {sql} ORDER BY seq", [kind, *params]
    ).fetchall()
    return [row[0] for row in rows]


def filter_error(text: str, fields: Mapping[str, str] = USER_FIELDS) -> QueryError:
    with pytest.raises(QueryError) as caught:
        filter_sql(parse_filter(text), schema_fields=fields)
    return caught.value


# ---------------------------------------------------------------------------
# parse_filter: structure
# ---------------------------------------------------------------------------


def test_parse_single_clause() -> None:
    assert parse_filter("givenName='Ann'") == Comparison(("givenName",), "=", "Ann")


def test_parse_escaped_quotes() -> None:
    assert parse_filter("familyName='O''Brien'") == Comparison(("familyName",), "=", "O'Brien")
    assert parse_filter("x=''''") == Comparison(("x",), "=", "'")
    assert parse_filter("x=''") == Comparison(("x",), "=", "")


def test_parse_value_may_hold_operators_connectors_and_parentheses() -> None:
    node = parse_filter("givenName='a AND b=''c'' OR (d)>=~'")
    assert node == Comparison(("givenName",), "=", "a AND b='c' OR (d)>=~")


@pytest.mark.parametrize(
    ("text", "op"),
    [("a!='1'", "!="), ("a>='1'", ">="), ("a<='1'", "<="), ("a>'1'", ">"), ("a<'1'", "<"), ("a~'1'", "~")],
)
def test_parse_reads_the_longest_operator(text: str, op: str) -> None:
    assert parse_filter(text) == Comparison(("a",), op, "1")


def test_parse_dotted_and_namespaced_fields() -> None:
    assert parse_filter("metadata.ext:grade='09'") == Comparison(("metadata", "ext:grade"), "=", "09")
    assert parse_filter("roles.org.sourcedId='s1'") == Comparison(("roles", "org", "sourcedId"), "=", "s1")


def test_parse_and_or_chains_are_flat() -> None:
    node = parse_filter("a='1' AND b='2' AND c='3'")
    assert isinstance(node, Logical)
    assert node.op == "AND"
    assert node.parts == tuple(Comparison((name,), "=", str(i)) for i, name in enumerate("abc", start=1))


def test_parse_parentheses_group() -> None:
    node = parse_filter("a='1' AND (b='2' OR c='3')")
    assert node == Logical(
        "AND",
        (
            Comparison(("a",), "=", "1"),
            Logical("OR", (Comparison(("b",), "=", "2"), Comparison(("c",), "=", "3"))),
        ),
    )


def test_parse_same_operator_group_is_flattened_and_single_group_unwrapped() -> None:
    assert parse_filter("a='1' AND (b='2' AND c='3')") == parse_filter("a='1' AND b='2' AND c='3'")
    assert parse_filter("((a='1'))") == Comparison(("a",), "=", "1")


@pytest.mark.parametrize(
    "text",
    [
        "givenName = 'Ann'",
        "  givenName='Ann'  ",
        "givenName ='Ann'",
    ],
)
def test_parse_tolerates_spaces_around_operator_and_edges(text: str) -> None:
    assert parse_filter(text) == Comparison(("givenName",), "=", "Ann")


@pytest.mark.parametrize(
    "text",
    [
        "a='1'   AND    b='2'",
        "a='1' AND\tb='2'",
        "(a='1')AND b='2'",
        "a='1' AND(b='2')",
        "( a='1' ) AND b='2'",
    ],
)
def test_parse_is_lenient_with_extra_spaces_between_clauses(text: str) -> None:
    assert parse_filter(text) == Logical("AND", (Comparison(("a",), "=", "1"), Comparison(("b",), "=", "2")))


def test_parse_accepts_twenty_clauses() -> None:
    node = parse_filter(" OR ".join(f"a='{i}'" for i in range(20)))
    assert isinstance(node, Logical)
    assert len(node.parts) == 20


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("givenName='Ann", "unterminated"),
        ("givenName='Ann''", "unterminated"),
        ("givenName=Ann", "single-quoted"),
        ("score=5", "single-quoted"),
        ("givenName=='Ann'", "single-quoted"),
        ("givenName<>'Ann'", "single-quoted"),
        ("givenName?'Ann'", "operator"),
        ("givenName 'Ann'", "operator"),
        ("givenName", "operator"),
        ("='Ann'", "field name"),
        ("a.='1'", "operator"),
        ("givenName='Ann' extra", "expected AND or OR"),
        ("givenName='Ann' and familyName='B'", "expected AND or OR"),
        ("givenName='Ann' or familyName='B'", "expected AND or OR"),
        ("a='1' AND b='2' OR c='3'", "ambiguous"),
        ("a='1' OR b='2' AND c='3'", "ambiguous"),
        ("a='1'AND b='2'", "space before"),
        ("a='1' ANDb='2'", "expected AND or OR"),
        ("a='1' AND", "expected a clause"),
        ("a='1' AND ", "expected a clause"),
        ("AND a='1'", "operator"),
        ("()", "empty parentheses"),
        ("a='1' AND ()", "empty parentheses"),
        ("(a='1'", "missing ')'"),
        ("a='1')", "unbalanced"),
        ("a='1' AND (b='2' OR c='3'", "missing ')'"),
        (" AND ".join(f"a='{i}'" for i in range(21)), "more than 20 clauses"),
        ("(" * 21 + "a='1'" + ")" * 21, "nested deeper"),
    ],
)
def test_parse_errors(text: str, why: str) -> None:
    with pytest.raises(QueryError) as caught:
        parse_filter(text)
    assert caught.value.code_minor == "invalid_filter_field"
    assert caught.value.parameter == "filter"
    assert why in caught.value.message
    assert str(caught.value) == caught.value.message


def test_query_error_carries_its_fields() -> None:
    error = QueryError("bad", code_minor="invaliddata", parameter="sort")
    assert (error.message, error.code_minor, error.parameter, str(error)) == (
        "bad",
        "invaliddata",
        "sort",
        "bad",
    )


# ---------------------------------------------------------------------------
# filter_sql: matching on real SQLite
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # = and != are exact, case-sensitive, and != includes missing/null values.
        ("givenName='Ann'", ["u1"]),
        ("givenName!='Ann'", ["u2", "u3", "u4", "u5"]),
        ("familyName='O''Brien'", ["u1"]),
        ("familyName='smith'", ["u5"]),
        ("familyName!='Smith'", ["u1", "u3", "u4", "u5"]),
        ("familyName='null'", []),
        ("familyName!='null'", ALL_USERS),
        ("middleName!='x'", ALL_USERS),
        ("username!='emile'", ["u1", "u2", "u3", "u5"]),
        # Ordering comparisons are binary text (upper case before lower, Latin-1 after ASCII).
        ("familyName>'S'", ["u2", "u3", "u5"]),
        ("familyName<'S'", ["u1"]),
        ("familyName>='Smith'", ["u2", "u3", "u5"]),
        ("familyName<='O''Brien'", ["u1"]),
        ("givenName>'Z'", ["u3", "u4", "u5"]),
        # ISO dates order as text; the missing date of u5 never matches.
        ("dateLastModified>='2024-01-01'", ["u1", "u3", "u4"]),
        ("dateLastModified<'2024'", ["u2"]),
        ("dateLastModified>'2024-01-05T10:00:00Z'", ["u3", "u4"]),
        ("dateLastModified<='2024-01-05T10:00:00Z'", ["u1", "u2"]),
        # ~ is a case-insensitive substring test.
        ("givenName~'ann'", ["u1", "u5"]),
        ("familyName~'SMITH'", ["u2", "u5"]),
        ("familyName~'''b'", ["u1"]),
        ("givenName~'zo'", ["u3"]),
    ],
)
def test_text_operators(db: sqlite3.Connection, text: str, expected: list[str]) -> None:
    assert run_filter(db, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # JSON numbers compare numerically; u3's score is the *string* "100" and compares as text.
        ("score>'90'", ["u1", "u4"]),
        ("score>='87.5'", ["u1", "u2", "u4"]),
        ("score<'90'", ["u2", "u3"]),
        ("score<='95'", ["u1", "u2", "u3"]),
        ("score='100'", ["u3", "u4"]),
        ("score='1e2'", ["u4"]),
        ("score='87.50'", ["u2"]),
        ("score!='100'", ["u1", "u2", "u5"]),
        ("score<'1000'", ["u1", "u2", "u3", "u4"]),
        # A non-numeric literal compares a number as its text.
        ("score<'abc'", ["u1", "u2", "u3", "u4"]),
        ("score~'7.5'", ["u2"]),
        ("score~'10'", ["u3", "u4"]),
        # Booleans are the words true/false, never 1/0.
        ("enabledUser='true'", ["u1"]),
        ("enabledUser='false'", ["u2"]),
        ("enabledUser!='true'", ["u2", "u3", "u4", "u5"]),
        ("enabledUser='1'", []),
        ("enabledUser~'RU'", ["u1"]),
        ("enabledUser>'m'", ["u1"]),
    ],
)
def test_numbers_and_booleans(db: sqlite3.Connection, text: str, expected: list[str]) -> None:
    assert run_filter(db, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Arrays of scalars: any element matches; != means no element is equal.
        ("grades='09'", ["u1", "u4"]),
        ("grades!='09'", ["u2", "u3", "u5"]),
        ("grades='9'", []),
        ("grades>'09'", ["u1", "u2"]),
        ("grades~'1'", ["u1", "u2"]),
        # Arrays of objects: a dotted path looks into every element.
        ("roles.role='student'", ["u1", "u4"]),
        ("roles.org.sourcedId='s1'", ["u1", "u2"]),
        ("roles.org.sourcedId!='s1'", ["u3", "u4", "u5"]),
        ("roles.roleType='secondary'", ["u2"]),
        ("roles.roleType='secondary' AND roles.org.sourcedId='s2'", ["u2"]),
        ("roles.missing='x'", []),
        ("grades.deeper='x'", []),
        # An object element compared whole is its JSON text: never a plain id.
        ("roles='student'", []),
        ("roles~'student'", []),
        # Objects: dotted paths, namespaced keys, open sub-fields.
        ("metadata.ext:grade='09'", ["u1"]),
        ("metadata.ext:grade!='09'", ["u2", "u3", "u4", "u5"]),
        ("metadata.district.code='D7'", ["u1"]),
        ("metadata.anything='x'", []),
        ("primaryOrg.sourcedId='s1'", ["u1"]),
        ("primaryOrg='s1'", []),
        ("primaryOrg~'s1'", []),
    ],
)
def test_arrays_and_dotted_paths(db: sqlite3.Connection, text: str, expected: list[str]) -> None:
    assert run_filter(db, text) == expected


def test_tilde_treats_percent_and_underscore_literally(db: sqlite3.Connection) -> None:
    # With LIKE, '_o' would match "bobsmith" and '%' every non-null name.
    assert run_filter(db, "username~'_o'") == ["u1"]
    assert run_filter(db, "middleName~'%'") == ["u3"]
    assert run_filter(db, "middleName~'0% S'") == ["u3"]
    assert run_filter(db, "givenName~'%'") == []
    assert run_filter(db, "givenName~'_'") == []


def test_unicode_values(db: sqlite3.Connection) -> None:
    assert run_filter(db, "givenName='Zoë'") == ["u3"]
    assert run_filter(db, "familyName='Ünal'") == ["u3"]
    # SQLite's lower() folds ASCII only: É stays É on both sides, é never meets É.
    assert run_filter(db, "givenName~'ÉMILE'") == ["u4"]
    assert run_filter(db, "givenName~'émile'") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("roles.role='student' AND status='active'", ["u1"]),
        ("givenName='Bob' OR familyName='smith'", ["u2", "u5"]),
        ("givenName='Ann' OR givenName='Bob' OR givenName='Zoë'", ["u1", "u2", "u3"]),
        ("status='active' AND (grades='09' OR roles.role='teacher')", ["u1", "u2"]),
        ("(givenName='Ann' OR givenName='Bob') AND score>'90'", ["u1"]),
        ("(status='tobedeleted' AND score='100') OR (givenName~'a' AND familyName!='smith')", ["u1", "u4"]),
        ("score!='95' AND score!='87.5'", ["u3", "u4", "u5"]),
    ],
)
def test_and_or_parentheses(db: sqlite3.Connection, text: str, expected: list[str]) -> None:
    assert run_filter(db, text) == expected


def test_enrollment_object_references(db: sqlite3.Connection) -> None:
    def run(text: str) -> list[str]:
        return run_filter(db, text, kind="Enrollment", fields=ENROLLMENT_FIELDS)

    assert run("user.sourcedId='u1'") == ["e1"]
    assert run("school.sourcedId='s2' OR class.sourcedId='c9'") == ["e2"]
    # Comparing the reference itself with an id finds nothing, as on real servers.
    assert run("school='s1'") == []
    assert run("primary='true'") == ["e2"]
    assert run("beginDate>='2024-01-01'") == ["e1"]
    assert run("beginDate!='2024-09-01'") == ["e2"]


def test_values_are_bound_never_spliced(db: sqlite3.Connection) -> None:
    hostile = "x'); DROP TABLE records; --"
    text = (
        "familyName='" + hostile.replace("'", "''") + "' OR roles.role~'" + hostile.replace("'", "''") + "'"
    )
    sql, params = filter_sql(parse_filter(text), schema_fields=USER_FIELDS)
    assert "DROP" not in sql
    assert hostile in params
    assert run_filter(db, text) == []
    assert db.execute("SELECT count(*) FROM records").fetchone()[0] == len(USERS) + len(ENROLLMENTS)


def test_column_expression_for_an_aliased_table(db: sqlite3.Connection) -> None:
    sql, params = filter_sql(
        parse_filter("roles.org.sourcedId='s2' AND grades!='11'"), schema_fields=USER_FIELDS, column="r.data"
    )
    rows = db.execute(
        f"SELECT r.sourced_id FROM records AS r WHERE r.kind = 'User' AND {sql} ORDER BY r.seq", params
    ).fetchall()
    assert [row[0] for row in rows] == ["u4"]


def test_filter_condition_is_never_null(db: sqlite3.Connection) -> None:
    # NOT (condition) must select exactly the complement, which fails if any row yields NULL.
    for text in ["familyName='smith'", "score>'90'", "grades='09'", "metadata.ext:grade~'1'"]:
        sql, params = filter_sql(parse_filter(text), schema_fields=USER_FIELDS)
        rows = db.execute(
            f"SELECT sourced_id FROM records WHERE kind = 'User' AND NOT ({sql}) ORDER BY seq", params
        ).fetchall()
        assert sorted(run_filter(db, text) + [row[0] for row in rows]) == ALL_USERS


def test_manually_built_nodes_are_accepted(db: sqlite3.Connection) -> None:
    node = Logical(
        "OR",
        (
            Logical("OR", (Comparison(("givenName",), "=", "Bob"), Comparison(("givenName",), "=", "ann"))),
            Comparison(("grades",), "=", "10"),
        ),
    )
    sql, params = filter_sql(node, schema_fields=USER_FIELDS)
    rows = db.execute(f"SELECT sourced_id FROM records WHERE kind = 'User' AND {sql} ORDER BY seq", params)
    assert [row[0] for row in rows] == ["u1", "u2", "u5"]


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (f"{UNKNOWN}='x'", "unknown filter field"),
        ("GivenName='x'", "unknown filter field"),
        ("givenName='a' AND teacher.sourcedId='x'", "unknown filter field"),
        ("ext:grade='09'", "unknown filter field"),
        ("givenName.first='x'", "no sub-fields"),
        ("score.value>'1'", "no sub-fields"),
    ],
)
def test_filter_field_errors(text: str, why: str) -> None:
    error = filter_error(text)
    assert (error.code_minor, error.parameter) == ("invalid_filter_field", "filter")
    assert why in error.message


@pytest.mark.parametrize(
    "node",
    [
        Comparison(("givenName",), "==", "x"),
        Comparison(("given name",), "=", "x"),
        Comparison((), "=", "x"),
        Logical("AND", ()),
    ],
)
def test_filter_sql_rejects_malformed_nodes(node: Node) -> None:
    with pytest.raises(QueryError) as caught:
        filter_sql(node, schema_fields=USER_FIELDS)
    assert caught.value.code_minor == "invalid_filter_field"


# ---------------------------------------------------------------------------
# fields / project
# ---------------------------------------------------------------------------


def test_parse_fields_strips_and_deduplicates_in_order() -> None:
    assert parse_fields(" givenName , sourcedId,givenName", schema_fields=USER_FIELDS) == (
        "givenName",
        "sourcedId",
    )
    assert parse_fields("roles", schema_fields=USER_FIELDS) == ("roles",)


@pytest.mark.parametrize(
    "text", ["", " ", "givenName,", ",givenName", "givenName,,sourcedId", UNKNOWN, "roles.role"]
)
def test_parse_fields_errors(text: str) -> None:
    with pytest.raises(QueryError) as caught:
        parse_fields(text, schema_fields=USER_FIELDS)
    assert (caught.value.code_minor, caught.value.parameter) == ("invalid_selection_field", "fields")


def test_project_keeps_requested_order_and_skips_absent_keys() -> None:
    record = USERS[0]
    projected = project(record, ["givenName", "sourcedId", "middleName"])
    assert projected == {"givenName": "Ann", "sourcedId": "u1"}
    assert list(projected) == ["givenName", "sourcedId"]
    projected["givenName"] = "changed"
    assert record["givenName"] == "Ann"
    assert project(USERS[3], ["familyName"]) == {"familyName": None}


# ---------------------------------------------------------------------------
# sort / orderBy
# ---------------------------------------------------------------------------


def run_order(db: sqlite3.Connection, sort: str | None, order_by: str | None) -> list[str]:
    terms, params = order_sql(sort=sort, order_by=order_by, schema_fields=USER_FIELDS)
    order = f"{terms}, seq" if terms else "seq"
    rows = db.execute(f"SELECT sourced_id FROM records WHERE kind = 'User' ORDER BY {order}", params)
    return [row[0] for row in rows]


@pytest.mark.parametrize(
    ("sort", "order_by", "expected"),
    [
        (None, None, ALL_USERS),
        # Binary text order: "O'Brien" < "Smith" < "smith" < "Ünal"; u4's null goes last.
        ("familyName", None, ["u1", "u2", "u5", "u3", "u4"]),
        ("familyName", "asc", ["u1", "u2", "u5", "u3", "u4"]),
        ("familyName", "desc", ["u3", "u5", "u2", "u1", "u4"]),
        ("givenName", "asc", ["u1", "u2", "u3", "u5", "u4"]),
        # Numbers numerically (87.5 < 95 < 100), before text ("100" of u3); missing last both ways.
        ("score", "asc", ["u2", "u1", "u4", "u3", "u5"]),
        ("score", "desc", ["u3", "u4", "u1", "u2", "u5"]),
        ("dateLastModified", "asc", ["u2", "u1", "u4", "u3", "u5"]),
        ("dateLastModified", "desc", ["u3", "u4", "u1", "u2", "u5"]),
        # Booleans as words: 'false' < 'true'.
        ("enabledUser", "asc", ["u2", "u1", "u3", "u4", "u5"]),
        ("enabledUser", "desc", ["u1", "u2", "u3", "u4", "u5"]),
    ],
)
def test_order(db: sqlite3.Connection, sort: str | None, order_by: str | None, expected: list[str]) -> None:
    assert run_order(db, sort, order_by) == expected


def test_order_without_sort_is_empty() -> None:
    assert order_sql(sort=None, order_by=None, schema_fields=USER_FIELDS) == ("", [])


def test_order_terms_use_the_column_and_bound_paths() -> None:
    terms, params = order_sql(sort="familyName", order_by="desc", schema_fields=USER_FIELDS, column="r.data")
    assert "r.data" in terms
    assert "familyName" not in terms
    assert params == ["$.familyName"] * 3


@pytest.mark.parametrize(
    ("sort", "order_by", "parameter"),
    [
        (UNKNOWN, None, "sort"),
        ("", "asc", "sort"),
        ("roles.role", "asc", "sort"),
        ("familyName", "ASC", "orderBy"),
        ("familyName", "up", "orderBy"),
        ("familyName", "", "orderBy"),
        (None, "desc", "orderBy"),
    ],
)
def test_order_errors(sort: str | None, order_by: str | None, parameter: str) -> None:
    with pytest.raises(QueryError) as caught:
        order_sql(sort=sort, order_by=order_by, schema_fields=USER_FIELDS)
    assert (caught.value.code_minor, caught.value.parameter) == ("invaliddata", parameter)


# ---------------------------------------------------------------------------
# search
# ---------------------------------------------------------------------------


def run_search(db: sqlite3.Connection, text: str, fields: Mapping[str, str] = USER_FIELDS) -> list[str]:
    sql, params = search_sql(text, schema_fields=fields)
    rows = db.execute(f"SELECT sourced_id FROM records WHERE kind = 'User' AND {sql} ORDER BY seq", params)
    return [row[0] for row in rows]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BRIEN", ["u1"]),
        ("o'b", ["u1"]),
        ("ann", ["u1", "u5"]),
        ("smith", ["u2", "u5"]),
        ("%", ["u3"]),
        ("_", ["u1"]),
        # Only string scalars: numbers, booleans, arrays and objects are not searched.
        ("95", []),
        ("100", ["u3"]),
        ("true", []),
        ("student", []),
        ("s1", []),
        ("D7", []),
        ("tobedeleted", ["u4"]),
    ],
)
def test_search(db: sqlite3.Connection, text: str, expected: list[str]) -> None:
    assert run_search(db, text) == expected


def test_search_without_scalar_fields_matches_nothing(db: sqlite3.Connection) -> None:
    assert run_search(db, "ann", {"roles": "array"}) == []


@pytest.mark.parametrize("text", ["", "   "])
def test_search_errors(text: str) -> None:
    with pytest.raises(QueryError) as caught:
        search_sql(text, schema_fields=USER_FIELDS)
    assert (caught.value.code_minor, caught.value.parameter) == ("invaliddata", "search")


# ---------------------------------------------------------------------------
# Hypothesis: SQL versus a pure-Python reference evaluator
# ---------------------------------------------------------------------------

PROP_FIELDS = {
    "sourcedId": "scalar",
    "name": "scalar",
    "score": "scalar",
    "flag": "scalar",
    "tags": "array",
    "roles": "array",
    "org": "object",
}
PROP_PATHS: list[tuple[str, ...]] = [
    ("name",),
    ("score",),
    ("flag",),
    ("tags",),
    ("org", "sourcedId"),
    ("roles", "role"),
    ("roles", "org", "sourcedId"),
]
OPS = ["=", "!=", ">", ">=", "<", "<=", "~"]
MISSING = object()
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "=": operator.eq,
    ">": operator.gt,
    ">=": operator.ge,
    "<": operator.lt,
    "<=": operator.le,
}

# A small alphabet makes equal values, prefixes and case variants likely.
TEXT_ALPHABET = "aAbB09.%_' é"
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 12),
    st.sampled_from([0.5, 1.5, -2.5, 3.0, 10.0]),
    st.text(alphabet=TEXT_ALPHABET, max_size=4),
)
orgs = st.one_of(st.fixed_dictionaries({}, optional={"sourcedId": scalars}), scalars)
records_st = st.lists(
    st.fixed_dictionaries(
        {},
        optional={
            "name": scalars,
            "score": scalars,
            "flag": scalars,
            "tags": st.one_of(st.none(), st.lists(scalars, max_size=3)),
            "roles": st.lists(
                st.one_of(st.fixed_dictionaries({}, optional={"role": scalars, "org": orgs}), scalars),
                max_size=3,
            ),
            "org": orgs,
        },
    ),
    max_size=6,
)
literals = st.one_of(
    st.text(alphabet=TEXT_ALPHABET + "-+e", max_size=4),
    st.integers(-3, 12).map(str),
    st.sampled_from(["0.5", "1.50", "3", "3.0", "true", "false", "1e1", ".5", "-2.5", ""]),
)
clauses = st.tuples(st.sampled_from(PROP_PATHS), st.sampled_from(OPS), literals)


def sqlite_text(value: int | float) -> str:
    # SQLite's CAST(x AS TEXT) of the numbers generated above equals Python's repr.
    return repr(value)


def ref_positive(value: Any, op: str, literal: str) -> bool:
    if value is MISSING or value is None or isinstance(value, dict | list):
        # Missing and null never match; objects/arrays are not generated at compared positions.
        return False
    if op == "~":
        if isinstance(value, bool):
            text = "true" if value else "false"
        elif isinstance(value, int | float):
            text = sqlite_text(value)
        else:
            text = value
        return literal.translate(_ASCII_LOWER) in text.translate(_ASCII_LOWER)
    compare = _COMPARE[op]
    if isinstance(value, bool):
        return compare("true" if value else "false", literal)
    if isinstance(value, int | float):
        if _NUMBER.fullmatch(literal) and math.isfinite(float(literal)):
            return compare(value, float(literal))
        return compare(sqlite_text(value), literal)
    return compare(value, literal)


def dig(value: Any, path: Sequence[str]) -> Any:
    for segment in path:
        if not isinstance(value, dict) or segment not in value:
            return MISSING
        value = value[segment]
    return value


def ref_clause(record: Mapping[str, Any], path: tuple[str, ...], op: str, literal: str) -> bool:
    positive_op = "=" if op == "!=" else op
    if PROP_FIELDS[path[0]] == "array":
        if path[0] not in record:
            elements: list[Any] = []
        else:
            stored = record[path[0]]
            # json_each over a non-array value visits that one value.
            elements = stored if isinstance(stored, list) else [stored]
        hit = any(ref_positive(dig(element, path[1:]), positive_op, literal) for element in elements)
    else:
        hit = ref_positive(dig(record, path), positive_op, literal)
    return not hit if op == "!=" else hit


def quote(literal: str) -> str:
    return "'" + literal.replace("'", "''") + "'"


def sql_matches(records: Sequence[Mapping[str, Any]], node: Node) -> list[str]:
    db = make_db({"T": [{"sourcedId": f"r{i}", **record} for i, record in enumerate(records)]})
    try:
        sql, params = filter_sql(node, schema_fields=PROP_FIELDS)
        rows = db.execute(f"SELECT sourced_id FROM records WHERE {sql} ORDER BY seq", params).fetchall()
    finally:
        db.close()
    return [row[0] for row in rows]


@settings(max_examples=150)
@given(records=records_st, clause=clauses)
def test_sql_agrees_with_reference_evaluator(records: list[dict[str, Any]], clause: Any) -> None:
    path, op, literal = clause
    node = parse_filter(f"{'.'.join(path)}{op}{quote(literal)}")
    assert node == Comparison(path, op, literal)
    expected = [f"r{i}" for i, record in enumerate(records) if ref_clause(record, path, op, literal)]
    assert sql_matches(records, node) == expected


# Control characters are refused by the client's builder; surrogates cannot be stored as UTF-8.
values = st.text(
    alphabet=st.characters(exclude_categories=["Cs"], exclude_characters=[chr(i) for i in range(32)]),
    max_size=12,
)


@settings(max_examples=80)
@given(value=values, others=st.lists(values, max_size=3))
def test_client_built_equality_round_trips(value: str, others: list[str]) -> None:
    names = [value, value + "x", "x" + value, value.swapcase(), value.upper(), *others]
    records = [{"name": name} for name in names]
    text = str(F("name") == value)
    assert parse_filter(text) == Comparison(("name",), "=", value)
    assert sql_matches(records, parse_filter(text)) == [
        f"r{i}" for i, name in enumerate(names) if name == value
    ]


Tree = Any  # a clause tuple, or ("AND"|"OR", [Tree, ...])

trees = st.recursive(
    clauses,
    lambda children: st.tuples(st.sampled_from(["AND", "OR"]), st.lists(children, min_size=2, max_size=3)),
    max_leaves=6,
)
_METHODS = {"=": "eq", "!=": "ne", ">": "gt", ">=": "ge", "<": "lt", "<=": "le", "~": "contains"}


def build_condition(tree: Tree) -> Condition:
    if tree[0] in ("AND", "OR"):
        combine = operator.and_ if tree[0] == "AND" else operator.or_
        return functools.reduce(combine, [build_condition(child) for child in tree[1]])
    path, op, literal = tree
    # The client refuses contains(''), which would match everything; use a one-letter value.
    literal = (literal or "a") if op == "~" else literal
    condition: Condition = getattr(F(".".join(path)), _METHODS[op])(literal)
    return condition


def expected_node(tree: Tree) -> Node:
    if tree[0] not in ("AND", "OR"):
        path, op, literal = tree
        return Comparison(path, op, (literal or "a") if op == "~" else literal)
    parts: list[Node] = []
    for child in tree[1]:
        node = expected_node(child)
        if isinstance(node, Logical) and node.op == tree[0]:
            parts.extend(node.parts)
        else:
            parts.append(node)
    return Logical(tree[0], tuple(parts))


def ref_node(record: Mapping[str, Any], node: Node) -> bool:
    if isinstance(node, Comparison):
        return ref_clause(record, node.field, node.op, node.value)
    results = [ref_node(record, part) for part in node.parts]
    return all(results) if node.op == "AND" else any(results)


@settings(max_examples=80)
@given(records=records_st, tree=trees)
def test_client_built_trees_parse_back_and_evaluate_like_the_reference(
    records: list[dict[str, Any]], tree: Tree
) -> None:
    text = str(build_condition(tree))
    node = parse_filter(text)
    assert node == expected_node(tree)
    expected = [f"r{i}" for i, record in enumerate(records) if ref_node(record, node)]
    assert sql_matches(records, node) == expected
