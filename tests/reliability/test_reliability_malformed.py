"""Malformed server data: every odd answer becomes a typed ``oneroster`` error or is parsed tolerantly.

Nothing else may escape (no bare KeyError/TypeError/JSONDecodeError...), and a page that
breaks in the middle of a stream raises an error carrying ``resume_offset``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from oneroster import (
    APIError,
    OneRoster,
    OneRosterError,
    ResponseParseError,
    ServerError,
    TransportError,
    Unauthorized,
)
from oneroster.operation_index import SCHEMA_FIELDS
from reliability_support import BASE, FakeSleep, Respond, mock_client, paging_server, user_records

SETTINGS = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)

MAINTENANCE = (
    "<!DOCTYPE html><html><head><title>Down for maintenance</title>"
    "<style>body{color:red}</style></head><body><h1>Back soon</h1></body></html>"
)
GATEWAY = "<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>"


def answer(status: int, content: bytes | str, content_type: str = "application/json") -> Respond:
    data = content.encode() if isinstance(content, str) else content
    return lambda request: httpx.Response(status, content=data, headers={"Content-Type": content_type})


def answer_json(body: object, status: int = 200) -> Respond:
    return answer(status, json.dumps(body))


ONE_USER = user_records(1)[0]

# (name, server answer, error expected from list() and get(); None = tolerated)
BROKEN: list[tuple[str, Respond, type[OneRosterError]]] = [
    ("html page with 200", answer(200, MAINTENANCE, "text/html"), ResponseParseError),
    ("html page with 502", answer(502, GATEWAY, "text/html"), ServerError),
    ("html page with 500", answer(500, MAINTENANCE, "text/html"), ServerError),
    ("plain text 503", answer(503, "upstream connect error", "text/plain"), ServerError),
    ("empty 200", answer(200, b""), ResponseParseError),
    ("truncated json", answer(200, json.dumps({"users": [ONE_USER]})[:40]), ResponseParseError),
    ("json list", answer_json([ONE_USER]), ResponseParseError),
    ("json string", answer_json("users"), ResponseParseError),
    ("json number", answer_json(42), ResponseParseError),
    ("json null", answer_json(None), ResponseParseError),
    ("json true", answer_json(True), ResponseParseError),
    ("invalid utf-8", answer(200, b'{"users": [{"sourcedId": "\xff\xfe"}]}'), ResponseParseError),
    ("no one list", answer_json({"data": [ONE_USER], "items": [ONE_USER]}), ResponseParseError),
    ("envelope not a list", answer_json({"users": "none", "user": "none"}), ResponseParseError),
    ("records not objects", answer_json({"users": [1, "x", None], "user": [1]}), ResponseParseError),
    ("redirect", answer(302, b""), OneRosterError),
    ("not modified", answer(304, b""), OneRosterError),
    ("no content", answer(204, b""), ResponseParseError),
    ("teapot", answer(418, MAINTENANCE, "text/html"), APIError),
    ("cdn 520", answer(520, b""), ServerError),
]  # fmt: skip


def outcome(call: Callable[[], object]) -> BaseException | None:
    """Run ``call``; return what it raised (never letting anything but Exception through)."""
    try:
        call()
    except Exception as exc:
        return exc
    return None


@pytest.mark.parametrize(("name", "server", "error"), BROKEN, ids=[case[0] for case in BROKEN])
def test_broken_answers_raise_typed_errors(name: str, server: Respond, error: type[Exception]) -> None:
    client, _ = mock_client(server, sleep=FakeSleep())
    with client:
        for call in (
            lambda: client.users.list(),
            lambda: client.users.get("u-1"),
            lambda: list(client.users.stream()),
            lambda: client.classes("c-1").students.list(),
        ):
            raised = outcome(call)
            assert isinstance(raised, error), f"{name}: {raised!r}"
            message = str(raised)
            assert message and len(message) < 1000
            assert "Traceback" not in message


def test_html_error_page_message_names_the_status_and_page_title() -> None:
    client, recorder = mock_client(answer(502, GATEWAY, "text/html"), sleep=FakeSleep(), max_retries=1)
    with client, pytest.raises(ServerError) as caught:
        client.users.list()
    assert len(recorder.api_requests) == 2  # 502 is transient: retried once
    assert caught.value.status_code == 502
    assert "502 Bad Gateway" in str(caught.value) and "<" not in str(caught.value)


def test_huge_error_page_gives_a_bounded_message() -> None:
    page = "<html><body>" + "x" * 1_000_000 + "</body></html>"
    client, _ = mock_client(answer(500, page, "text/html"))
    with client, pytest.raises(ServerError) as caught:
        client.users.list()
    assert len(str(caught.value)) < 400
    assert caught.value.body is not None and len(caught.value.body) <= 2048


@pytest.mark.parametrize(
    "error_body",
    [
        {"imsx_codeMajor": ["failure"], "imsx_description": {"text": 1}, "imsx_CodeMinor": 7},
        {"imsx_statusInfo": [{"imsx_codeMinor": {"imsx_codeMinorField": "x"}}]},
        {"imsx_CodeMinor": {"imsx_codeMinorField": [None, 3, {"imsx_codeMinorFieldValue": None}]}},
        [None, 1, "error"],
        {"error": {"nested": True}, "message": None},
    ],
)
def test_odd_error_bodies_still_give_the_typed_status_error(error_body: object) -> None:
    client, _ = mock_client(answer_json(error_body, status=404))
    with client:
        raised = outcome(lambda: client.users.get("u-1"))
    assert isinstance(raised, APIError) and raised.status_code == 404


# -- odd records: unknown enum values, nulls, alternative envelopes ---------------------------------


def test_unknown_enum_values_are_tolerated_or_a_parse_error() -> None:
    odd = {
        **ONE_USER,
        "status": "archived",
        "enabledUser": "maybe",
        "roles": [{"roleType": "tertiary", "role": "wizard", "org": {"sourcedId": "o", "type": "guild"}}],
    }
    client, _ = mock_client(answer_json({"users": [odd], "user": odd}))
    with client:
        for call in (lambda: client.users.list().data, lambda: [client.users.get("u0000")]):
            try:
                records = call()
            except ResponseParseError as exc:
                assert "User" in str(exc) or "record" in str(exc)
            else:
                assert [r.sourced_id for r in records] == ["u0000"]


# (collection attribute, list envelope key, single envelope key, schema)
RESOURCES = [
    ("users", "users", "user", "User"),
    ("orgs", "orgs", "org", "Org"),
    ("classes", "classes", "class", "Class"),
    ("courses", "courses", "course", "Course"),
    ("enrollments", "enrollments", "enrollment", "Enrollment"),
    ("academic_sessions", "academicSessions", "academicSession", "AcademicSession"),
    ("line_items", "lineItems", "lineItem", "LineItem"),
    ("results", "results", "result", "Result"),
    ("categories", "categories", "category", "Category"),
    ("demographics", "demographics", "demographics", "Demographics"),
]


@pytest.mark.parametrize(("name", "list_key", "single_key", "schema"), RESOURCES)
def test_nulls_in_every_field_are_tolerated_or_a_parse_error(
    name: str, list_key: str, single_key: str, schema: str
) -> None:
    fields = list(SCHEMA_FIELDS[schema])
    variants = [{"sourcedId": "r-1", **{f: None for f in fields if f != "sourcedId"}}]
    variants += [{"sourcedId": "r-1", field: None} for field in fields]
    variants.append(dict.fromkeys(fields))
    for record in variants:
        client, _ = mock_client(answer_json({list_key: [record], single_key: record}))
        collection = getattr(client, name)
        with client:
            for raised in (outcome(lambda: collection.list()), outcome(lambda: collection.get("r-1"))):  # noqa: B023
                assert raised is None or isinstance(raised, ResponseParseError), (record, raised)


def test_null_envelope_is_an_empty_page() -> None:
    client, _ = mock_client(answer_json({"users": None}))
    with client:
        assert client.users.list().data == []
        assert list(client.users.stream()) == []


# -- fuzzing ---------------------------------------------------------------------------------------

KEYS = [
    "users", "user", "sourcedId", "status", "dateLastModified", "roles", "role", "roleType", "org",
    "givenName", "familyName", "enabledUser", "metadata", "grades", "userIds", "type", "identifier",
    "totalCount", "total", "href", "agents", "primaryOrg", "userProfiles", "credentials",
]  # fmt: skip
leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False),
    st.text(max_size=6),
    st.sampled_from(["active", "tobedeleted", "student", "true", "false", "2026-01-01T00:00:00.000Z"]),
)
keys = st.one_of(st.sampled_from(KEYS), st.text(max_size=4))
json_values = st.recursive(
    leaf,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=5)),
    max_leaves=25,
)
records = st.dictionaries(keys, json_values, max_size=8)
bodies = st.one_of(
    json_values,
    st.builds(lambda value: {"users": value}, json_values),
    st.builds(
        lambda items: {"users": items, "user": items[0] if items else None}, st.lists(records, max_size=3)
    ),
    st.builds(lambda record: {"user": record}, records),
    records,
)
headers = st.dictionaries(
    st.sampled_from(["X-Total-Count", "Link", "Content-Type", "Retry-After"]),
    st.one_of(
        st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=60),
        st.sampled_from(
            ['<https://h/users?offset=-5>; rel="next"', "<>; rel=next", "-1", "1e9", "text/html"]
        ),
    ),
)


@SETTINGS
@given(body=bodies, head=headers, status=st.sampled_from([200, 200, 200, 201, 400, 404, 429, 500, 503]))
def test_fuzzed_answers_never_raise_untyped_errors(body: object, head: dict[str, str], status: int) -> None:
    data = json.dumps(body).encode()

    def respond(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=data, headers=head)

    client, _ = mock_client(respond, max_retries=1)
    with client:
        for call in (
            lambda: client.users.list(),
            lambda: client.users.get("u-1"),
            lambda: list(client.users.stream(max_items=30)),
            lambda: client.users.exists("u-1"),
        ):
            raised = outcome(call)
            assert raised is None or isinstance(raised, OneRosterError), repr(raised)


@SETTINGS
@given(cut=st.integers(min_value=0, max_value=400))
def test_json_cut_anywhere_is_a_parse_error(cut: int) -> None:
    whole = json.dumps({"users": user_records(3), "user": user_records(1)[0], "totalCount": 3}).encode()
    client, _ = mock_client(answer(200, whole[:cut]))
    with client:
        for call in (lambda: client.users.list(), lambda: client.users.get("u0000")):
            raised = outcome(call)
            assert isinstance(raised, ResponseParseError), repr(raised)


@pytest.mark.parametrize("call", ["list", "get"])
def test_deeply_nested_json_is_a_parse_error(call: str) -> None:
    client, _ = mock_client(answer(200, b"[" * 100_000 + b"]" * 100_000))
    with client, pytest.raises(ResponseParseError):
        if call == "list":
            client.users.list()
        else:
            client.users.get("u-1")


# -- a page that breaks in the middle of a stream -----------------------------------------------------


def connection_dies(request: httpx.Request) -> httpx.Response:
    raise httpx.RemoteProtocolError("peer closed connection without sending complete message body")


MID_STREAM: list[tuple[str, Respond, type[OneRosterError]]] = [
    ("html 200", answer(200, MAINTENANCE, "text/html"), ResponseParseError),
    ("html 502", answer(502, GATEWAY, "text/html"), ServerError),
    ("truncated", answer(200, b'{"users": [{"sourcedId": "u00'), ResponseParseError),
    ("non-object", answer_json(["u0020", "u0021"]), ResponseParseError),
    ("no one list", answer_json({"data": [], "items": [], "meta": {}}), ResponseParseError),
    ("records not objects", answer_json({"users": ["u0020", 21]}), ResponseParseError),
    ("bad record", answer_json({"users": [{"sourcedId": "u0020", "roles": "student"}]}), ResponseParseError),
    ("connection dies", connection_dies, TransportError),
]


@pytest.mark.parametrize(("name", "broken", "error"), MID_STREAM, ids=[case[0] for case in MID_STREAM])
def test_page_broken_mid_stream_carries_resume_offset(
    name: str, broken: Respond, error: type[OneRosterError]
) -> None:
    items = user_records(57)
    faults = {30: broken}
    client, _ = mock_client(paging_server(items, broken=faults), max_retries=1)
    collected: list[str] = []
    with client:
        with pytest.raises(error) as caught:
            for user in client.users.stream(limit=10):
                collected.append(user.sourced_id)
        assert caught.value.resume_offset == 30
        assert collected == [item["sourcedId"] for item in items[:30]]
        faults.clear()  # the provider recovers
        rest = [user.sourced_id for user in client.users.stream(limit=10, start_offset=30)]
    assert collected + rest == [item["sourcedId"] for item in items]


def test_alternative_envelope_with_a_non_record_never_shifts_the_offsets() -> None:
    items: list[Any] = user_records(9)
    items[1] = 42  # one junk entry in the first page of an alternatively named envelope
    client, _ = mock_client(paging_server(items, key="people", total_header=False))
    with client:
        try:
            got = [user.sourced_id for user in client.users.stream(limit=3)]
        except ResponseParseError as exc:
            assert exc.resume_offset == 0
        else:
            # Tolerated: then nothing may be repeated because the junk entry was skipped.
            assert len(got) == len(set(got))


# -- the token endpoint's answers -------------------------------------------------------------------


def token_client(token_answer: Respond) -> tuple[OneRoster, list[httpx.Request]]:
    api_calls: list[httpx.Request] = []

    def respond(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/oauth/token":
            return token_answer(request)
        api_calls.append(request)
        return httpx.Response(200, json={"users": []})

    client, _ = mock_client(
        respond, client_id="rel-id", client_secret="rel-token-secret-77", token_url=BASE + "/oauth/token"
    )
    return client, api_calls


TOKEN_ANSWERS: list[tuple[str, Respond, type[OneRosterError]]] = [
    ("html 200", answer(200, MAINTENANCE, "text/html"), ResponseParseError),
    ("html 502", answer(502, GATEWAY, "text/html"), ServerError),
    ("truncated", answer(200, b'{"access_token": "abc'), ResponseParseError),
    ("list", answer_json([{"access_token": "abc"}]), ResponseParseError),
    ("null token", answer_json({"access_token": None}), ResponseParseError),
    ("numeric token", answer_json({"access_token": 12345}), ResponseParseError),
    ("token with a newline", answer_json({"access_token": "abc\nX-Evil: 1"}), ResponseParseError),
    ("token with a space", answer_json({"access_token": "abc def"}), ResponseParseError),
    ("non-ascii token", answer_json({"access_token": "t\u00f6ken"}), ResponseParseError),
    (
        "token_type with CRLF",
        answer_json({"access_token": "abc", "token_type": "x\r\nY"}),
        ResponseParseError,
    ),
    (
        "token_type with a space",
        answer_json({"access_token": "abc", "token_type": "B r"}),
        ResponseParseError,
    ),
    ("401 json", answer_json({"error": "invalid_client"}, status=401), Unauthorized),
]


@pytest.mark.parametrize(("name", "token_answer", "error"), TOKEN_ANSWERS, ids=[c[0] for c in TOKEN_ANSWERS])
def test_malformed_token_answers_raise_typed_errors(
    name: str, token_answer: Respond, error: type[OneRosterError]
) -> None:
    client, api_calls = token_client(token_answer)
    with client:
        raised = outcome(lambda: client.users.list())
    assert isinstance(raised, error), repr(raised)
    assert api_calls == [], "no API request may be sent with a token that cannot be used"
    assert "rel-token-secret-77" not in str(raised)


@pytest.mark.parametrize(
    "expires_in",
    [10**400, -(10**400), 1e308 * 10, "1" + "0" * 400, [], {"s": 1}, "NaN", -5],
    ids=["huge int", "huge negative int", "infinity", "huge string", "list", "object", "nan", "negative"],
)
def test_absurd_expires_in_still_gives_a_usable_token(expires_in: object) -> None:
    body = json.dumps({"access_token": "tok-abc", "expires_in": expires_in})
    client, api_calls = token_client(answer(200, body))
    with client:
        assert client.users.list().data == []
        assert client.users.list().data == []
    assert [r.headers["Authorization"] for r in api_calls][:1] == ["Bearer tok-abc"]


@SETTINGS
@given(
    body=st.one_of(
        json_values,
        st.dictionaries(st.sampled_from(["access_token", "expires_in", "token_type", "scope"]), json_values),
    )
)
def test_fuzzed_token_answers_never_raise_untyped_errors(body: object) -> None:
    client, api_calls = token_client(answer(200, json.dumps(body)))
    with client:
        raised = outcome(lambda: client.users.list())
    assert raised is None or isinstance(raised, OneRosterError), repr(raised)
    if raised is None:
        header = api_calls[0].headers["Authorization"]
        assert header.isascii() and header.isprintable() and "\n" not in header
