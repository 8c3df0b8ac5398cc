from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import unquote

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from oneroster import OneRoster, ValidationError
from oneroster.ids import checked_id

Make = Callable[..., OneRoster]

ROSTER = "/ims/oneroster/rostering/v1p2"


def user_answer(request: httpx.Request) -> httpx.Response:
    # Only the nested listing /classes/{id}/students answers a list; /users/students is the user
    # whose sourcedId is "students" (hypothesis found that one).
    if request.method == "GET" and "/classes/" in request.url.path and request.url.path.endswith("/students"):
        return httpx.Response(200, json={"users": []})
    if request.method == "GET":
        return httpx.Response(200, json={"user": {"sourcedId": "whatever"}})
    return httpx.Response(201)


USER = {"givenName": "A", "familyName": "B", "enabledUser": True, "roles": [{"role": "student", "org": "o"}]}


# -- checked_id ----------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["u-1", "a/b", "?", "#", "%", "a b", "ünï", "用户", "...", ".a", " x "])
def test_checked_id_accepts_and_returns_unchanged(value: str) -> None:
    assert checked_id(value) is value


@pytest.mark.parametrize("value", [".", "..", "", " ", "\t ", "\u3000", "a\nb", "a\x00", "a\x7f", "\x1b[0m"])
def test_checked_id_rejects(value: str) -> None:
    with pytest.raises(ValidationError) as info:
        checked_id(value, field="classSourcedId")
    assert info.value.field == "classSourcedId"


@pytest.mark.parametrize("value", [1, None, True, False, b"u-1", ["u-1"], 1.5])
def test_checked_id_rejects_non_strings(value: object) -> None:
    with pytest.raises(ValidationError) as info:
        checked_id(value)
    assert info.value.field == "sourcedId"


def test_checked_id_rejects_ids_that_cannot_be_utf8_encoded(make: Make, recorder) -> None:
    # A lone surrogate cannot become a URL; it must be refused like any other bad id.
    with pytest.raises(ValidationError):
        checked_id("a\ud800b")
    server = recorder(user_answer)
    with pytest.raises(ValidationError):
        make(server).users.get("\ud800")
    assert server.requests == []


# -- through the client ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sourced_id", "segment"),
    [
        ("a/b", b"a%2Fb"),
        ("what?", b"what%3F"),
        ("a#b", b"a%23b"),
        ("100%", b"100%25"),
        ("%2F", b"%252F"),
        ("a b", b"a%20b"),
        ("a+b&c=d;e", b"a%2Bb%26c%3Dd%3Be"),
        ("é", b"%C3%A9"),
        ("用户", b"%E7%94%A8%E6%88%B7"),
        ("...", b"..."),
        ("~u_1.x-y", b"~u_1.x-y"),
    ],
)
def test_ids_are_sent_as_one_encoded_segment(make: Make, sourced_id: str, segment: bytes, recorder) -> None:
    server = recorder(user_answer)
    client = make(server, profile="timeback")
    client.users.get(sourced_id)
    client.users.delete(sourced_id)
    client.users.upsert(sourced_id, USER)
    client.classes(sourced_id).students.list()
    make(server, profile="ims").users.get(sourced_id)
    user_path = ROSTER.encode() + b"/users/" + segment
    assert server.raw_paths == [
        user_path,
        user_path,
        user_path,
        ROSTER.encode() + b"/classes/" + segment + b"/students",
        user_path,
    ]
    assert server.methods == ["GET", "DELETE", "PUT", "GET", "GET"]
    assert server.body(2)["user"]["sourcedId"] == sourced_id
    assert [r.url.query for r in server.requests] == [b"", b"", b"", b"limit=2&offset=0", b""]


@pytest.mark.parametrize("bad", [".", "..", "", "   ", 7, None, True])
def test_bad_ids_send_nothing(make: Make, bad: Any, recorder) -> None:
    server = recorder(user_answer)
    client = make(server)
    calls: list[Callable[[], object]] = [
        lambda: client.users.get(bad),
        lambda: client.users.exists(bad),
        lambda: client.users.delete(bad),
        lambda: client.users.upsert(bad, USER),
        lambda: client.users.update(bad, USER),
        lambda: client.enrollments.patch(bad, {"status": "active"}),
        lambda: client.users(bad),
        lambda: client.classes("c-1").student(bad),
        lambda: client.users("u-1").remove_agent(bad),
        lambda: client.users("u-1").decrypt_credential(bad),
        lambda: client.classes("c-1").enroll(bad),
    ]
    for call in calls:
        with pytest.raises(ValidationError):
            call()
    assert server.requests == []


# -- property --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def id_clients(recorder, build_client) -> Iterator[tuple[Any, dict[str, OneRoster]]]:
    server = recorder(user_answer)
    clients = {p: build_client(server, profile=p) for p in ("ims", "timeback")}
    yield server, clients
    for client in clients.values():
        client.close()


SENDABLE_IDS = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=40
).filter(lambda s: bool(s.strip()) and s not in {".", ".."})


@settings(max_examples=150, deadline=None)
@given(sourced_id=SENDABLE_IDS, profile=st.sampled_from(["ims", "timeback"]))
def test_any_sendable_id_round_trips_as_one_segment(
    id_clients: tuple[Any, dict[str, OneRoster]], sourced_id: str, profile: str
) -> None:
    server, clients = id_clients
    before = len(server.requests)
    clients[profile].users.get(sourced_id)
    assert len(server.requests) == before + 1
    request = server.requests[-1]
    raw = request.url.raw_path
    prefix = ROSTER.encode() + b"/users/"
    assert raw.startswith(prefix)
    segment = raw[len(prefix) :]
    assert b"/" not in segment and b"?" not in segment and b"#" not in segment
    assert unquote(segment.decode("ascii"), errors="strict") == sourced_id
