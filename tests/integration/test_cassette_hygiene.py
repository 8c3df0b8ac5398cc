"""The cassettes themselves: no secrets, no recording host, no orphans; and the machinery behind them
(readable serializer, scrubbing hooks, matcher, recording comparison) does what it promises.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path
from typing import Any

import pytest
import vcr
from cassette_kit import (
    CASSETTES_DIR,
    PASSWORD_PLACEHOLDER,
    PLACEHOLDER_BASE,
    PLACEHOLDER_TOKEN_URL,
    TOKEN_PLACEHOLDER,
    ReadableYaml,
    Scrubber,
    cassette_files,
    compare_recordings,
    find_secrets,
    load_cassette,
    match_oneroster,
    request_key,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from integration_support import REPLAY_SECRET, WRONG_SECRET
from vcr.errors import CannotOverwriteExistingCassetteException
from vcr.request import Request

HERE = Path(__file__).resolve().parent
KNOWN_SECRETS = ("sandbox-secret", WRONG_SECRET, REPLAY_SECRET)


def _name(path: Path) -> str:
    return path.relative_to(CASSETTES_DIR).as_posix()


# ---------------------------------------------------------------------------------------------
# The recorded files
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def files() -> list[Path]:
    """The cassettes as they are when these tests run (after the recording, under `make record`)."""
    found = cassette_files()
    if not found:
        pytest.skip("no cassettes recorded yet (run `make record`)")
    return found


def test_there_are_cassettes(files: list[Path]) -> None:
    interactions = sum(len(load_cassette(path)) for path in files)
    print(f"\n{len(files)} cassettes, {interactions} interactions")
    assert len(files) >= 100 and interactions >= 500


def test_cassettes_hold_nothing_secret(files: list[Path]) -> None:
    found = {
        _name(path): problems
        for path in files
        if (
            problems := find_secrets(
                path.read_text(encoding="utf-8"),
                known_secrets=KNOWN_SECRETS,
                parsed={"interactions": load_cassette(path)},
            )
        )
    }
    assert found == {}


def test_cassettes_hold_no_recording_host(files: list[Path]) -> None:
    hosts = re.compile(r"https?://(?!oneroster\.invalid)[\w.-]+(?::\d+)?")
    leaks = {
        _name(path): sorted(set(hosts.findall(path.read_text(encoding="utf-8"))))
        for path in files
        if hosts.search(path.read_text(encoding="utf-8").replace("https://purl.imsglobal.org/", ""))
    }
    assert leaks == {}


def test_cassettes_keep_only_allow_listed_headers(files: list[Path]) -> None:
    seen_request: set[str] = set()
    seen_response: set[str] = set()
    for path in files:
        for interaction in load_cassette(path):
            seen_request |= set(interaction["request"]["headers"])
            seen_response |= set(interaction["response"]["headers"])
    assert seen_request <= {"accept", "content-type"}
    assert seen_response <= {
        "content-type",
        "x-total-count",
        "link",
        "retry-after",
        "www-authenticate",
        "location",
    }
    assert {"x-total-count", "link", "retry-after", "www-authenticate"} <= seen_response


def test_bodies_are_stored_readable(files: list[Path]) -> None:
    bodies = [
        interaction["response"]["body"]
        for path in files
        for interaction in load_cassette(path)
        if interaction["response"]["headers"].get("content-type") == ["application/json"]
    ]
    as_json = [body for body in bodies if "json" in body]
    # Only the deliberately truncated answer stays text.
    assert len(bodies) - len(as_json) == 1


def test_every_cassette_belongs_to_a_test(files: list[Path]) -> None:
    """A renamed or deleted test leaves its cassette behind; ``make record`` does not remove it."""
    defined: dict[str, set[str]] = {}
    for module in HERE.glob("test_*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        defined[module.stem] = {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}
    orphans = [
        _name(path)
        for path in files
        if path.stem.split("[", 1)[0] not in defined.get(path.parent.name, set())
    ]
    assert orphans == []


# ---------------------------------------------------------------------------------------------
# Serializer
# ---------------------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4),
    max_leaves=20,
)


def _cassette(request_body: Any, response_body: Any, *, ctype: str = "application/json") -> dict[str, Any]:
    return {
        "version": 1,
        "interactions": [
            {
                "request": {
                    "method": "POST",
                    "uri": PLACEHOLDER_BASE + "/x",
                    "body": request_body,
                    "headers": {"content-type": [ctype]},
                },
                "response": {
                    "status": {"code": 200, "message": "OK"},
                    "headers": {"content-type": [ctype]},
                    "body": {"string": response_body},
                },
            }
        ],
    }


@settings(max_examples=150, deadline=None)
@given(value=json_values)
def test_serializer_round_trips_any_json_body(value: Any) -> None:
    text = json.dumps(value)
    back = ReadableYaml.deserialize(ReadableYaml.serialize(_cassette(text, text)))
    interaction = back["interactions"][0]
    assert json.loads(interaction["request"]["body"]) == value
    assert json.loads(interaction["response"]["body"]["string"]) == value


@settings(max_examples=100, deadline=None)
@given(text=st.text())
def test_serializer_keeps_other_bodies_as_they_are(text: str) -> None:
    back = ReadableYaml.deserialize(ReadableYaml.serialize(_cassette(text, text, ctype="text/plain")))
    interaction = back["interactions"][0]
    assert interaction["request"]["body"] == text
    assert interaction["response"]["body"]["string"] == text


def test_serializer_writes_json_and_forms_as_structures() -> None:
    cassette = _cassette('{"users":[{"sourcedId":"u-1"}]}', '{"a":1}')
    cassette["interactions"][0]["request"]["body"] = "grant_type=client_credentials&scope=a+b"
    cassette["interactions"][0]["request"]["headers"]["content-type"] = ["application/x-www-form-urlencoded"]
    text = ReadableYaml.serialize(cassette)
    assert "form:\n        grant_type: client_credentials\n        scope: a b" in text
    assert "json:\n        a: 1" in text
    back = ReadableYaml.deserialize(text)["interactions"][0]
    assert back["request"]["body"] == "grant_type=client_credentials&scope=a+b"


# ---------------------------------------------------------------------------------------------
# Scrubbing
# ---------------------------------------------------------------------------------------------

# A prefix no legitimate cassette text holds, so a hit can only be the secret itself
# (unprefixed, hypothesis finds "client_crede", which is part of grant_type=client_credentials).
SECRET_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"
secrets = st.text(alphabet=SECRET_ALPHABET, min_size=10, max_size=40).map(lambda text: f"zq{text}")


def _scrubber() -> Scrubber:
    scrubber = Scrubber()
    scrubber.add_target(
        base_url="http://127.0.0.1:5555",
        token_url="http://127.0.0.1:5555/oauth/token",
        secrets=["s3cr3t-value"],
    )
    return scrubber


@settings(max_examples=60, deadline=None)
@given(token=secrets, secret=secrets)
def test_token_requests_and_answers_lose_their_secrets(token: str, secret: str) -> None:
    scrubber = _scrubber()
    request = Request(
        "POST",
        "http://127.0.0.1:5555/oauth/token",
        f"grant_type=client_credentials&scope=a&client_id=me&client_secret={secret}",
        {
            "Authorization": f"Basic {secret}",
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": "k=v",
        },
    )
    scrubbed = scrubber.request(request)
    assert scrubbed.uri == PLACEHOLDER_TOKEN_URL
    assert scrubbed.body == b"grant_type=client_credentials&scope=a"
    assert set(scrubbed.headers) == {"Content-Type"}
    response = {
        "status": {"code": 200, "message": "OK"},
        "headers": {"Set-Cookie": ["sid=1"], "Content-Type": ["application/json"], "Date": ["today"]},
        "body": {
            "string": json.dumps({"access_token": token, "refresh_token": token, "expires_in": 60}).encode()
        },
    }
    answer = scrubber.response(response)
    assert answer["headers"] == {"content-type": ["application/json"]}
    assert json.loads(answer["body"]["string"]) == {
        "access_token": TOKEN_PLACEHOLDER,
        "refresh_token": TOKEN_PLACEHOLDER,
        "expires_in": 60,
    }
    text = ReadableYaml.serialize(
        {"version": 1, "interactions": [{"request": scrubbed._to_dict(), "response": answer}]}
    )
    assert find_secrets(text, known_secrets=[secret, token]) == []


@settings(max_examples=60, deadline=None)
@given(password=secrets)
def test_passwords_are_scrubbed_both_ways(password: str) -> None:
    scrubber = _scrubber()
    body = json.dumps({"credentials": {"username": "u", "password": password}, "note": "s3cr3t-value"})
    request = scrubber.request(
        Request(
            "POST", "http://127.0.0.1:5555/users/u/credentials", body, {"Content-Type": "application/json"}
        )
    )
    assert json.loads(request.body) == {
        "credentials": {"username": "u", "password": PASSWORD_PLACEHOLDER},
        "note": "cassette-scrubbed-secret",
    }
    response = scrubber.response(
        {
            "status": {"code": 200},
            "headers": {},
            "body": {"string": json.dumps({"password": password}).encode()},
        }
    )
    assert json.loads(response["body"]["string"]) == {"password": PASSWORD_PLACEHOLDER}


def test_link_headers_and_urls_move_to_the_placeholder_host() -> None:
    scrubber = _scrubber()
    request = scrubber.request(Request("GET", "http://127.0.0.1:5555/ims/x/users/?limit=2", None, {}))
    assert request.uri == PLACEHOLDER_BASE + "/ims/x/users/?limit=2"
    response = scrubber.response(
        {
            "status": {"code": 200},
            "headers": {
                "Link": ['<http://127.0.0.1:5555/u?offset=2>; rel="next", <https://other.example/u>; rel="x"']
            },
            "body": {"string": b""},
        }
    )
    assert response["headers"]["link"] == [
        f'<{PLACEHOLDER_BASE}/u?offset=2>; rel="next", <{PLACEHOLDER_BASE}/u>; rel="x"'
    ]


def test_a_base_path_prefix_is_removed_too() -> None:
    scrubber = Scrubber()
    scrubber.add_target(base_url="https://sis.example/api", token_url="https://idp.example/token", secrets=[])
    assert scrubber.rewrite_url("https://sis.example/api/ims/x/users") == PLACEHOLDER_BASE + "/ims/x/users"
    assert scrubber.rewrite_url("https://idp.example/token") == PLACEHOLDER_TOKEN_URL


def test_admin_calls_are_never_recorded() -> None:
    assert _scrubber().request(Request("POST", "http://127.0.0.1:5555/_sandbox/faults", "{}", {})) is None


@pytest.mark.parametrize(
    "planted",
    [
        "Authorization: Bearer abcdefghijklmnop",
        "Basic c2FuZGJveDpzZWNyZXQ=",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlLXBhcnQ",
        "client_secret=x",
        "sandbox-secret",
        "password=hunter2",
    ],
)
def test_the_secret_scan_has_teeth(planted: str, files: list[Path]) -> None:
    clean = files[0].read_text(encoding="utf-8")
    assert find_secrets(clean, known_secrets=KNOWN_SECRETS) == []
    dirty = clean.replace("method:", f"note: '{planted}'\n    method:", 1)
    assert find_secrets(dirty, known_secrets=KNOWN_SECRETS) != []


def test_the_secret_scan_reads_structure() -> None:
    cassette = _cassette('{"password": "hunter2"}', '{"access_token": "abc"}')
    cassette["interactions"][0]["request"]["headers"]["Authorization"] = ["x"]
    problems = find_secrets(ReadableYaml.serialize(cassette))
    assert any("password" in p for p in problems)
    assert any("token value" in p for p in problems)
    assert any("header Authorization" in p for p in problems)


# ---------------------------------------------------------------------------------------------
# Matching
# ---------------------------------------------------------------------------------------------


def _req(uri: str, body: str | None = None, method: str = "GET") -> Request:
    return Request(method, uri, body, {"content-type": "application/json"} if body else {})


def test_matcher_ignores_host_query_order_clock_and_uuids() -> None:
    recorded = _req(
        "http://oneroster.invalid/ims/x/enrollments/5f0c6c1e-0f0a-4a59-9f3e-1d2c3b4a5e6f?b=2&a=1",
        '{"enrollment": {"role": "aide", "dateLastModified": "2026-01-01T00:00:00.000Z"}}',
        "PUT",
    )
    live = _req(
        "https://127.0.0.1:9999/ims/x/enrollments/0b9e3c44-7d7f-4a1e-8a4b-2f1d9c8e7a6b?a=1&b=2",
        '{"enrollment": {"dateLastModified": "2030-05-05T05:05:05.000Z", "role": "aide"}}',
        "PUT",
    )
    match_oneroster(recorded, live)
    assert request_key(recorded) == request_key(live)


@pytest.mark.parametrize(
    "other",
    [
        _req("http://oneroster.invalid/ims/x/users?a=1", '{"user": {"givenName": "A"}}', "POST"),
        _req("http://oneroster.invalid/ims/x/users/?a=1", '{"user": {"givenName": "A"}}', "PUT"),
        _req("http://oneroster.invalid/ims/x/users/?a=2", '{"user": {"givenName": "A"}}', "PUT"),
        _req("http://oneroster.invalid/ims/x/users?a=1", '{"user": {"givenName": "B"}}', "PUT"),
    ],
)
def test_matcher_tells_method_path_query_and_body_apart(other: Request) -> None:
    recorded = _req("http://oneroster.invalid/ims/x/users?a=1", '{"user": {"givenName": "A"}}', "PUT")
    with pytest.raises(AssertionError):
        match_oneroster(recorded, other)


def test_replay_refuses_a_request_the_cassette_does_not_hold(tmp_path: Path) -> None:
    import httpx

    recorder = vcr.VCR(record_mode="none", match_on=["oneroster"], cassette_library_dir=str(tmp_path))
    recorder.register_serializer("yaml", ReadableYaml())
    recorder.register_matcher("oneroster", match_oneroster)
    path = tmp_path / "one.yaml"
    cassette = _cassette(None, '{"users": []}')
    cassette["interactions"][0]["request"].update(method="GET", uri=PLACEHOLDER_BASE + "/ims/x/users?limit=1")
    path.write_text(ReadableYaml.serialize(cassette))
    with recorder.use_cassette("one.yaml"), httpx.Client() as http:
        assert http.get("http://elsewhere.invalid/ims/x/users?limit=1").json() == {"users": []}
        with pytest.raises(CannotOverwriteExistingCassetteException):
            http.get("http://elsewhere.invalid/ims/x/users?limit=2")


# ---------------------------------------------------------------------------------------------
# Comparing recordings
# ---------------------------------------------------------------------------------------------


def test_compare_recordings_masks_ids_and_timestamps_only(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    for root, allocated, stamp, title in [
        (first, "5f0c6c1e-0f0a-4a59-9f3e-1d2c3b4a5e6f", "2026-01-01T10:00:00.000Z", "Same"),
        (second, "0b9e3c44-7d7f-4a1e-8a4b-2f1d9c8e7a6b", "2026-11-23T18:25:15.247Z", "Same"),
    ]:
        (root / "m").mkdir(parents=True)
        (root / "m" / "t.yaml").write_text(f"id: user-{allocated}\nwhen: '{stamp}'\ntitle: {title}\n")
    same = compare_recordings(first, second)
    assert same.equivalent and same.raw_changes == {"m/t.yaml": 2}
    (second / "m" / "t.yaml").write_text((second / "m" / "t.yaml").read_text().replace("Same", "Other"))
    (second / "m" / "extra.yaml").write_text("x: 1\n")
    different = compare_recordings(first, second)
    assert not different.equivalent
    assert different.only_in_second == ["m/extra.yaml"] and list(different.real_changes) == ["m/t.yaml"]
    assert "title: Other" in different.report()


def test_compare_recordings_accepts_concurrent_pages_in_another_order(tmp_path: Path) -> None:
    def cassette(offsets: list[int]) -> str:
        interactions = [
            {
                "request": {
                    "method": "GET",
                    "uri": f"{PLACEHOLDER_BASE}/u?offset={n}",
                    "body": "",
                    "headers": {},
                },
                "response": {
                    "status": {"code": 200, "message": "OK"},
                    "headers": {},
                    "body": {"json": {"n": n}},
                },
            }
            for n in offsets
        ]
        return ReadableYaml.serialize({"version": 1, "interactions": interactions})

    for root, offsets in [(tmp_path / "a", [0, 5, 10, 15]), (tmp_path / "b", [0, 10, 5, 15])]:
        root.mkdir()
        (root / "t.yaml").write_text(cassette(offsets))
    diff = compare_recordings(tmp_path / "a", tmp_path / "b")
    assert diff.equivalent and diff.reordered == ["t.yaml"]
    (tmp_path / "b" / "t.yaml").write_text(cassette([0, 10, 5, 5]))
    assert not compare_recordings(tmp_path / "a", tmp_path / "b").equivalent
