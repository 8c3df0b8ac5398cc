"""Secrets: no client secret or bearer token in logs (DEBUG), reprs or any exception raised.

Two runs that include a 401 and a 500: one against the sandbox over real HTTP (tokens
captured from the token answers as they pass), one against a mock server that echoes
every credential it is sent back into its error pages.
"""

from __future__ import annotations

import base64
import logging
import traceback
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from oneroster import (
    Forbidden,
    NotFound,
    OneRoster,
    OneRosterError,
    RateLimited,
    ResponseParseError,
    ServerError,
    TransportError,
    Unauthorized,
)
from oneroster.sandbox import RunningSandbox
from reliability_support import BASE, CLIENT_ID, CLIENT_SECRET, FakeSleep, policy

pytestmark = pytest.mark.sandbox

WRONG_SECRET = "rel-Wrong-Secret-Qx7"
BAD_STATIC_TOKEN = "rel-static-Unknown-Token-5c"


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Capture everything at DEBUG: the package's and httpx's (and httpcore's) loggers included."""
    caplog.set_level(logging.DEBUG)
    for name in ("oneroster", "httpx", "httpcore"):
        caplog.set_level(logging.DEBUG, logger=name)
    yield caplog


def basic(client_id: str, secret: str) -> str:
    return base64.b64encode(f"{client_id}:{secret}".encode()).decode()


def exposed_text(exc: BaseException) -> str:
    """Everything an exception shows: message, repr, attributes and the printed traceback chain."""
    parts = [str(exc), repr(exc), *map(repr, exc.args)]
    parts += [repr(value) for value in vars(exc).values()]
    parts.append("".join(traceback.format_exception(exc)))
    return "\n".join(parts)


def assert_no_secret(texts: list[str], secrets: list[str]) -> None:
    assert all(len(secret) >= 8 for secret in secrets), "secrets must be long enough to be distinctive"
    for text in texts:
        for secret in secrets:
            assert secret not in text, f"secret {secret[:4]}… leaked in: {text[:300]}"


def expect(error: type[OneRosterError], call: Callable[[], object]) -> OneRosterError:
    with pytest.raises(error) as caught:
        call()
    return caught.value


class TokenCapture:
    """A response hook that remembers every access token the token endpoint hands out."""

    def __init__(self) -> None:
        self.tokens: list[str] = []

    def __call__(self, response: httpx.Response) -> None:
        if response.request.url.path.endswith("/oauth/token") and response.status_code == 200:
            response.read()
            self.tokens.append(response.json()["access_token"])


def test_sandbox_run_with_401_and_500_leaks_nothing(
    sandbox: RunningSandbox, debug_logs: pytest.LogCaptureFixture
) -> None:
    capture = TokenCapture()
    errors: list[OneRosterError] = []
    http = httpx.Client(event_hooks={"response": [capture]})
    with OneRoster(**sandbox.client_kwargs(), http_client=http, retry_policy=policy(FakeSleep())) as client:
        assert client.users.list(limit=2).data
        sandbox.expire_tokens()
        assert client.users.list(limit=2).data  # a 401, a new token, the same call again
        sandbox.set_faults(script=["500"])
        errors.append(expect(ServerError, lambda: client.users.get("usr-000017")))
        sandbox.set_faults(script=["429"] * 4)
        errors.append(expect(RateLimited, lambda: client.users.list()))
        sandbox.set_faults(script=["drop"] * 4)
        errors.append(expect(TransportError, lambda: client.users.list()))
        sandbox.set_faults(script=["truncate"])
        errors.append(expect(ResponseParseError, lambda: client.users.list()))
        errors.append(expect(NotFound, lambda: client.users.get("rel-nobody")))
        texts = [repr(client), repr(client.users), repr(client.classes("c-1"))]
    http.close()
    wrong = {**sandbox.client_kwargs(), "client_secret": WRONG_SECRET}
    with OneRoster(**wrong, retry_policy=policy(FakeSleep())) as client:
        errors.append(expect(Unauthorized, lambda: client.users.list()))
        texts.append(repr(client))
    with OneRoster(base_url=sandbox.base_url, token=BAD_STATIC_TOKEN, profile="timeback") as client:
        errors.append(expect(Unauthorized, lambda: client.users.list()))
        texts.append(repr(client))

    assert len(capture.tokens) == 2 and all(capture.tokens)
    assert sandbox.stats()["tokens"] >= 2
    secrets = [
        CLIENT_SECRET,
        WRONG_SECRET,
        BAD_STATIC_TOKEN,
        basic(CLIENT_ID, CLIENT_SECRET),
        basic(CLIENT_ID, WRONG_SECRET),
        *capture.tokens,
    ]
    texts += [exposed_text(exc) for exc in errors]
    texts += [record.getMessage() for record in debug_logs.records]
    texts.append(debug_logs.text)
    assert any("HTTP request" in record.getMessage() for record in debug_logs.records)
    assert_no_secret(texts, secrets)


# -- a server that echoes every credential back -------------------------------------------------------

MOCK_SECRET = "mock-Secret-v4lue-991"
TOKENS = ["mock-token-One-8f2a9c", "mock-token-Two-41bb0e", "mock-token-Three-77de"]


class EchoServer:
    """Issues tokens in turn; API error pages quote the Authorization header and the token verbatim."""

    def __init__(self, api: Callable[[httpx.Request, str], httpx.Response]) -> None:
        self.api = api
        self.issued = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        authorization = request.headers.get("authorization", "")
        if request.url.path == "/oauth/token":
            token = TOKENS[self.issued]
            self.issued += 1
            return httpx.Response(200, json={"access_token": token, "token_type": "bearer", "expires_in": 60})
        token = authorization.partition(" ")[2]
        return self.api(request, token)


def echo_page(status: int, token: str, authorization: str) -> httpx.Response:
    text = (
        f"<html><head><title>{status} for {authorization}</title></head><body>"
        f"token={token} access_token={token} raw {token} header {authorization} "
        f'json {{"access_token": "{token}"}}</body></html>'
    )
    return httpx.Response(status, text=text, headers={"Content-Type": "text/html"})


def echo_json(status: int, token: str, authorization: str) -> httpx.Response:
    description = f"token {token} was sent as '{authorization}'"
    return httpx.Response(status, json={"imsx_codeMajor": "failure", "imsx_description": description})


def test_echoed_credentials_are_masked_in_errors_and_logs(debug_logs: pytest.LogCaptureFixture) -> None:
    calls: list[str] = []

    def api(request: httpx.Request, token: str) -> httpx.Response:
        calls.append(token)
        authorization = request.headers["authorization"]
        step = len(calls)
        if step == 1:
            return httpx.Response(200, json={"users": []})
        if step == 2:
            return echo_json(401, token, authorization)  # first token rejected: refreshed once
        if step == 3:
            return httpx.Response(200, json={"users": []})
        if step == 4:
            return echo_page(500, token, authorization)
        if step == 5:
            return echo_json(401, token, authorization)
        return echo_page(401, token, authorization)  # the refreshed token is rejected too

    server = EchoServer(api)
    errors: list[OneRosterError] = []
    client = OneRoster(
        base_url=BASE,
        client_id="mock-id",
        client_secret=MOCK_SECRET,
        token_url=BASE + "/oauth/token",
        profile="timeback",
        http_client=httpx.Client(transport=httpx.MockTransport(server)),
        retry_policy=policy(FakeSleep(), max_retries=0),
    )
    with client:
        client.users.list()
        client.users.list()
        errors.append(expect(ServerError, lambda: client.users.list()))
        errors.append(expect(Unauthorized, lambda: client.users.list()))
        texts = [repr(client)]
    assert server.issued == 3
    assert [exc.status_code for exc in errors] == [500, 401]  # type: ignore[attr-defined]
    assert "***" in str(errors[0])
    texts += [exposed_text(exc) for exc in errors]
    texts += [record.getMessage() for record in debug_logs.records]
    assert_no_secret(texts, [MOCK_SECRET, basic("mock-id", MOCK_SECRET), *TOKENS])


@pytest.mark.parametrize(
    ("status", "error_class"),
    [(400, Unauthorized), (401, Unauthorized), (403, Forbidden), (500, ServerError)],
)
def test_token_endpoint_echoing_the_secret_is_masked(
    status: int, error_class: type[OneRosterError], debug_logs: pytest.LogCaptureFixture
) -> None:
    def respond(request: httpx.Request) -> httpx.Response:
        authorization = request.headers.get("authorization", "")
        body: dict[str, Any] = {
            "error": "invalid_client",
            "error_description": f"bad client_secret={MOCK_SECRET} for {authorization} ({MOCK_SECRET})",
            "client_secret": MOCK_SECRET,
        }
        return httpx.Response(status, json=body)

    client = OneRoster(
        base_url=BASE,
        client_id="mock-id",
        client_secret=MOCK_SECRET,
        token_url=BASE + "/oauth/token",
        http_client=httpx.Client(transport=httpx.MockTransport(respond)),
        retry_policy=policy(FakeSleep(), max_retries=0),
    )
    with client:
        error = expect(error_class, lambda: client.users.list())
    texts = [exposed_text(error), *[record.getMessage() for record in debug_logs.records]]
    assert_no_secret(texts, [MOCK_SECRET, basic("mock-id", MOCK_SECRET)])


def test_static_token_never_appears_in_reprs_or_errors(debug_logs: pytest.LogCaptureFixture) -> None:
    def respond(request: httpx.Request) -> httpx.Response:
        return echo_page(500, BAD_STATIC_TOKEN, request.headers["authorization"])

    client = OneRoster(
        base_url=BASE,
        token=BAD_STATIC_TOKEN,
        http_client=httpx.Client(transport=httpx.MockTransport(respond)),
        retry_policy=policy(FakeSleep(), max_retries=1),
    )
    with client:
        error = expect(ServerError, lambda: client.users.list())
        texts = [repr(client), exposed_text(error)]
    texts += [record.getMessage() for record in debug_logs.records]
    assert_no_secret(texts, [BAD_STATIC_TOKEN])
