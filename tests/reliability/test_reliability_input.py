"""Bad input: every odd id, filter value, limit, offset or record field is refused before sending,
or sent so that the server reads back exactly what was meant.

A recording ``httpx.MockTransport`` stands in for the server. Path segments are percent-decoded
and must give back the id exactly; filters are parsed with the sandbox's own parser and must
be exactly the intended comparison, never something wider.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
import math
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from oneroster import F, OneRoster, RetryPolicy, ValidationError
from oneroster import filter_grammar as grammar
from oneroster.dialects import FULL
from oneroster.filters import Condition
from oneroster.matching import matches
from oneroster.profiles import PROFILES
from oneroster.sandbox.query import Comparison, Logical, Node, parse_filter
from reliability_support import BASE, STATIC_TOKEN, json_body, mock_client, server_query

SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
ROSTERING = "/ims/oneroster/rostering/v1p2"
GRADEBOOK = "/ims/oneroster/gradebook/v1p2"

# Characters that break naive URL building or filter quoting, plus unicode and controls.
TRICKY = [
    "/", "?", "#", "%", "%2F", "%2e%2e", "..", ".", " ", "+", "&", "=", ";", ",", "\\", "'", "''", '"',
    "<", ">", "{", "}", "|", "`", "^", "~", "@", ":", "[", "]", "(", ")", "*", "!", "$",
    " AND ", " OR ", "!=", ">=", "<=", "~", "é", "ß", "日本", "🙂", "\u200b", "\u2028", "\u00a0", "\x85",
    "\x00", "\x1f", "\n", "\r", "\t", "\x7f", "\ud800", "\udfff",
]  # fmt: skip


def has_surrogate(text: str) -> bool:
    return any(0xD800 <= ord(ch) <= 0xDFFF for ch in text)


def tricky(pieces: list[str]) -> st.SearchStrategy[str]:
    """Text built from ``pieces`` and arbitrary characters (hypothesis's text has no surrogates)."""
    return st.one_of(
        st.sampled_from(pieces),
        st.lists(st.one_of(st.sampled_from(pieces), st.text(max_size=3)), max_size=6).map("".join),
        st.text(max_size=12),
    )


tricky_text = tricky(TRICKY)
# Lone surrogates in query parameters have their own test (a ValidationError); they are kept
# out of the filter properties so that those check the filter grammar itself.
query_text = tricky([piece for piece in TRICKY if not has_surrogate(piece)])


def has_control(text: str) -> bool:
    return any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in text)


def respond(request: httpx.Request) -> httpx.Response:
    """A server that answers every call with the smallest valid body."""
    if request.method == "DELETE":
        return httpx.Response(204)
    if request.method == "PUT":
        return httpx.Response(201)
    if request.method == "POST":
        pair = {"suppliedSourcedId": "u-new", "allocatedSourcedId": "u-new"}
        return httpx.Response(201, json={"sourcedIdPairs": pair})
    # One body that fits every single-record and list answer used below.
    return httpx.Response(
        200, json={"user": {"sourcedId": "u-0"}, "users": [], "results": [], "enrollments": []}
    )


def segments(request: httpx.Request) -> list[str]:
    """The path's segments, percent-decoded strictly as UTF-8 (the raw path must be pure ASCII)."""
    raw = request.url.raw_path.split(b"?", 1)[0].decode("ascii")
    return [unquote(part, errors="strict") for part in raw.split("/")]


# -- ids ------------------------------------------------------------------------------------------


def must_refuse_id(value: object) -> bool:
    if not isinstance(value, str):
        return True
    return value in ("", ".", "..") or not value.strip() or has_control(value) or has_surrogate(value)


ids = st.one_of(
    tricky_text,
    st.sampled_from(["", " ", ".", "..", "...", "./", "../", "..%2F", "a/../b", "%00", "\u3000"]),
    st.booleans(),
    st.none(),
    st.integers(),
)


@SETTINGS
@given(sourced_id=ids, call=st.sampled_from(["get", "delete", "upsert", "students", "results"]))
def test_ids_are_refused_or_sent_as_exactly_one_segment(sourced_id: Any, call: str) -> None:
    client, recorder = mock_client(respond)
    with client:
        try:
            if call == "get":
                client.users.get(sourced_id)
                where = (f"{ROSTERING}/users", -1)
            elif call == "delete":
                client.users.delete(sourced_id)
                where = (f"{ROSTERING}/users", -1)
            elif call == "upsert":
                record = {"givenName": "A", "familyName": "B", "enabledUser": True}
                client.users.upsert(sourced_id, {**record, "roles": [{"role": "student", "org": "o-1"}]})
                where = (f"{ROSTERING}/users", -1)
            elif call == "students":
                client.classes(sourced_id).students.list()
                where = (f"{ROSTERING}/classes", -2)
            else:
                client.classes(sourced_id).student(sourced_id).results.list()
                where = (f"{GRADEBOOK}/classes", -4)
        except ValidationError:
            assert recorder.api_requests == [], "a refused id must not reach the server"
            assert must_refuse_id(sourced_id)
            return
    assert not must_refuse_id(sourced_id)
    (request,) = recorder.api_requests
    parts = segments(request)
    prefix, index = where
    assert "/".join(parts[: len(prefix.split("/"))]) == prefix
    assert parts[index] == sourced_id
    expected_length = len(prefix.split("/")) + {"students": 2, "results": 4}.get(call, 1)
    assert len(parts) == expected_length, "the id must stay one segment"
    if call == "results":
        assert parts[-2] == sourced_id and parts[-3] == "students"
    if call == "upsert":
        assert json_body(request)["user"]["sourcedId"] == sourced_id


# -- filter values --------------------------------------------------------------------------------

OPERATORS = ["=", "!=", ">", ">=", "<", "<=", "~"]


def clause(field: str, op: str, value: object) -> Condition:
    f = F(field)
    return {
        "=": f.eq,
        "!=": f.ne,
        ">": f.gt,
        ">=": f.ge,
        "<": f.lt,
        "<=": f.le,
        "~": f.contains,
    }[op](value)


# TimeBack's operations on a provider that takes every filter the builder writes.
TIMEBACK_FULL = dataclasses.replace(PROFILES["timeback"], name="timeback-full", dialect=FULL)


def comparison(field: str, op: str, value: str) -> Comparison:
    return Comparison(tuple(field.split(".")), op, value)


def must_refuse_value(value: str) -> bool:
    return any(ord(ch) < 0x20 for ch in value)


def sent_filter(recorder: Any) -> Node:
    (request,) = recorder.api_requests
    return parse_filter(server_query(request)["filter"])


@SETTINGS
@given(value=query_text, op=st.sampled_from(OPERATORS))
def test_filter_value_is_exactly_one_comparison(value: str, op: str) -> None:
    client, recorder = mock_client(respond)
    with client:
        try:
            client.users.list(where=clause("familyName", op, value))
        except ValidationError:
            assert recorder.api_requests == []
            assert must_refuse_value(value) or (op == "~" and value == "")
            return
    assert not must_refuse_value(value)
    assert sent_filter(recorder) == comparison("familyName", op, value)


@SETTINGS
@given(first=query_text, rest=st.lists(query_text, min_size=1, max_size=3))
def test_where_mapping_is_exactly_the_intended_and_of_ors(first: str, rest: list[str]) -> None:
    client, recorder = mock_client(respond, profile=TIMEBACK_FULL)
    with client:
        try:
            client.users.list(where={"familyName": first, "metadata.ext:tag": rest})
        except ValidationError:
            assert recorder.api_requests == []
            assert any(must_refuse_value(v) for v in [first, *rest])
            return
    unique = list(dict.fromkeys(rest))
    ors = [comparison("metadata.ext:tag", "=", v) for v in unique]
    second: Node = ors[0] if len(ors) == 1 else Logical("OR", tuple(ors))
    assert sent_filter(recorder) == Logical("AND", (comparison("familyName", "=", first), second))


def enrollments_server(class_id: str, roles: list[str]) -> Callable[[httpx.Request], httpx.Response]:
    """A provider with no nested enrollments route: it honours the filters it is sent, nothing more."""
    records = [
        {"sourcedId": f"e-{n}", "class": {"sourcedId": klass}, "role": role}
        for n, (klass, role) in enumerate(
            (k, r) for k in (class_id, "other-class") for r in [*roles, "aide", "student"]
        )
    ]

    def answer(request: httpx.Request) -> httpx.Response:
        query = server_query(request)
        if request.url.raw_path.split(b"?")[0].rstrip(b"/").endswith(b"/enrollments"):
            kept = records
            if "filter" in query:
                condition = grammar.parse_filter(query["filter"])
                kept = [r for r in records if matches(r, condition)]
            offset, limit = int(query.get("offset", "0")), int(query.get("limit", "100"))
            return httpx.Response(200, json={"enrollments": kept[offset : offset + limit]})
        return httpx.Response(200, json={"class": {"sourcedId": class_id}})

    return answer


@SETTINGS
@given(class_id=tricky_text, roles=st.lists(query_text, min_size=2, max_size=3, unique=True))
def test_scoped_fallback_never_widens(class_id: str, roles: list[str]) -> None:
    # TimeBack has no getEnrollmentsForClass and (per its document) no dotted filters: the client
    # asks for the roles and keeps the class itself. Only that class's enrollments come back.
    client, recorder = mock_client(enrollments_server(class_id, roles))
    with client:
        try:
            got = client.classes(class_id).enrollments.list_all(where=F("role").in_(roles))
        except ValidationError:
            assert recorder.api_requests == []
            assert must_refuse_id(class_id) or any(must_refuse_value(r) for r in roles)
            return
    assert got and {(e.class_.sourced_id, e.role) for e in got} <= {(class_id, r) for r in roles}
    assert len(got) == len({e.sourced_id for e in got})
    for request in recorder.api_requests[1:]:
        assert "class.sourcedId" not in server_query(request).get("filter", "")


def test_scoped_fallback_keeps_a_raw_or_filter_inside_the_scope() -> None:
    client, recorder = mock_client(enrollments_server("c-1", ["student"]), profile=TIMEBACK_FULL)
    with client:
        client.classes("c-1").enrollments.list(filter="role='student'\tOR\trole='teacher'")
    ors = Logical("OR", (comparison("role", "=", "student"), comparison("role", "=", "teacher")))
    last = parse_filter(server_query(recorder.api_requests[-1])["filter"])
    assert last == Logical("AND", (comparison("class.sourcedId", "=", "c-1"), ors))


@SETTINGS
@given(raw=query_text)
def test_raw_filters_are_read_and_sent_in_the_same_meaning_and_search_unchanged(raw: str) -> None:
    client, recorder = mock_client(respond, profile=TIMEBACK_FULL)
    with client:
        try:
            client.users.list(filter=raw)
        except ValidationError:
            assert recorder.api_requests == []
            with pytest.raises(grammar.FilterError):
                grammar.parse_filter(raw)
        else:
            assert parse_filter(server_query(recorder.api_requests[0])["filter"]) == parse_filter(raw)
        recorder.requests.clear()
        if raw.strip():
            client.users.list(search=raw)
            assert server_query(recorder.api_requests[0])["search"] == raw


@pytest.mark.parametrize(
    "kwargs",
    [{"search": "smith\ud800"}, {"where": {"givenName": "x\ud800"}}, {"filter": "givenName='\udfff'"}],
    ids=["search", "where", "filter"],
)
def test_lone_surrogate_in_a_query_is_a_validation_error(kwargs: dict[str, Any]) -> None:
    client, recorder = mock_client(respond)
    with client, pytest.raises(ValidationError):
        client.users.list(**kwargs)
    assert recorder.api_requests == []


@pytest.mark.parametrize(
    "kwargs",
    [
        {"where": {"status": None}},
        {"where": {"status": []}},
        {"where": {"status": set()}},
        {"where": {}},
        {"where": {"status": "active", "givenName": None}},
        {"filter": ""},
        {"filter": "  \t"},
        {"where": {"status": "active"}, "filter": "status='active'"},
    ],
)
def test_empty_null_or_ambiguous_filters_are_refused_not_widened(kwargs: dict[str, Any]) -> None:
    client, recorder = mock_client(respond)
    with client:
        with pytest.raises(ValidationError):
            client.users.list(**kwargs)
        with pytest.raises(ValidationError):
            client.users.list(where=F("givenName").contains(""))
    assert recorder.api_requests == []


# -- limits and offsets --------------------------------------------------------------------------

numbers = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from([0, 1, -1, 2**63, 10**100]),
    st.booleans(),
    st.floats(allow_nan=True),
    st.text(max_size=3),
    st.none(),
)


def is_count(value: object, *, minimum: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= minimum


@SETTINGS
@given(limit=numbers, offset=numbers)
def test_limit_and_offset_are_refused_or_sent_verbatim(limit: Any, offset: Any) -> None:
    client, recorder = mock_client(respond)
    with client:
        try:
            client.users.list(limit=limit, offset=offset)
        except ValidationError as exc:
            assert recorder.api_requests == []
            assert exc.field in ("limit", "offset")
            assert not (limit is None or is_count(limit, minimum=1)) or not is_count(offset, minimum=0)
            return
    assert limit is None or is_count(limit, minimum=1)
    assert is_count(offset, minimum=0)
    (request,) = recorder.api_requests
    query = server_query(request)
    assert query["offset"] == str(offset)
    assert query.get("limit") == (None if limit is None else str(limit))


@SETTINGS
@given(start=numbers)
def test_stream_start_offset_is_refused_before_anything_is_sent(start: Any) -> None:
    client, recorder = mock_client(respond)
    with client:
        try:
            records = list(client.users.stream(start_offset=start, limit=5))
        except ValidationError as exc:
            assert exc.field == "start_offset"
            assert recorder.api_requests == []
            assert not is_count(start, minimum=0)
            return
    assert records == []
    assert is_count(start, minimum=0)
    assert [server_query(r)["offset"] for r in recorder.api_requests] == [str(start)]


@SETTINGS
@given(page_size=numbers)
def test_page_size_is_refused_at_construction_or_sent_as_limit(page_size: Any) -> None:
    recorder_requests: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        recorder_requests.append(request)
        return respond(request)

    try:
        client = OneRoster(
            base_url=BASE,
            token=STATIC_TOKEN,
            profile="timeback",
            page_size=page_size,
            http_client=httpx.Client(transport=httpx.MockTransport(record)),
            retry_policy=RetryPolicy(max_retries=0, sleep=lambda s: None),
        )
    except ValidationError as exc:
        assert exc.field == "page_size"
        assert page_size is not None and not is_count(page_size, minimum=1)
        return
    with client:
        client.users.list()
    assert page_size is None or is_count(page_size, minimum=1)
    assert server_query(recorder_requests[0]).get("limit") == (None if page_size is None else str(page_size))


# -- record fields --------------------------------------------------------------------------------

USER_REQUIRED = {"givenName", "familyName"}
STRING_FIELDS = [
    "givenName",
    "familyName",
    "middleName",
    "username",
    "email",
    "identifier",
    "preferredFirstName",
    "pronouns",
    "phone",
]


def base_user() -> dict[str, Any]:
    return {
        "givenName": "Ana",
        "familyName": "Lee",
        "enabledUser": True,
        "roles": [{"role": "student", "org": "org-1"}],
    }


@SETTINGS
@given(
    field=st.sampled_from(STRING_FIELDS),
    value=st.one_of(st.booleans(), st.none(), tricky_text),
    create=st.booleans(),
)
def test_bool_and_none_in_string_fields(field: str, value: Any, create: bool) -> None:
    client, recorder = mock_client(respond)
    record = {**base_user(), field: value}
    with client:
        try:
            if create:
                client.users.create({**record, "sourcedId": "u-new"})
            else:
                client.users.upsert("u-1", record)
        except ValidationError as exc:
            assert recorder.api_requests == []
            assert exc.field is not None and exc.field.startswith(field)
            refused = isinstance(value, bool) or (isinstance(value, str) and has_surrogate(value))
            # create() and upsert() check the same required fields (one write rule).
            refused = refused or (field in USER_REQUIRED and value in (None, ""))
            assert refused, f"{value!r} in {field} should have been sent"
            return
    (request,) = recorder.api_requests
    assert not isinstance(value, bool)
    assert json_body(request)["user"][field] == value


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("middleName", math.nan),
        ("middleName", math.inf),
        ("metadata", {"weight": -math.inf}),
        ("middleName", decimal.Decimal("1.5")),
        ("middleName", {"a", "b"}),
        ("middleName", b"bytes"),
        ("middleName", dt.time(8, 30)),
        ("middleName", object()),
        ("middleName", "bad\udc80"),
        ("metadata", {"key\ud800": "v"}),
        ("metadata", {"nested": ["ok", "bad\ud800"]}),
        ("roles", [{"role": "student", "org": "org\ud800"}]),
    ],
)
def test_values_json_cannot_carry_are_validation_errors(field: str, value: Any) -> None:
    client, recorder = mock_client(respond)
    with client:
        with pytest.raises(ValidationError) as caught:
            client.users.upsert("u-1", {**base_user(), field: value})
        with pytest.raises(ValidationError):
            client.users.create({**base_user(), field: value})
    assert caught.value.field is not None and caught.value.field.startswith(field)
    assert recorder.api_requests == []
