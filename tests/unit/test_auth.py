from __future__ import annotations

import base64
import threading
import time
from collections.abc import Callable
from urllib.parse import parse_qs

import httpx
import pytest
from oneroster.auth import OAuth2ClientCredentials, StaticToken
from oneroster.errors import (
    APIError,
    ResponseParseError,
    ServerError,
    Timeout,
    TransportError,
    Unauthorized,
    raise_for_response,
)

TOKEN_URL = "https://sis.example/oauth/token"
API_URL = "https://sis.example/ims/oneroster/rostering/v1p2/users"
CLIENT_ID = "client-42"
SECRET = "sUp3r-s3cr3t"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class TokenServer:
    """A token endpoint handing out tok-1, tok-2, ... and recording what it received."""

    def __init__(
        self,
        *,
        expires_in: object = 3600,
        delay: float = 0.0,
        respond: Callable[[httpx.Request], httpx.Response] | None = None,
    ) -> None:
        self.requests: list[httpx.Request] = []
        self.expires_in = expires_in
        self.delay = delay
        self.respond = respond
        self._lock = threading.Lock()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        with self._lock:
            self.requests.append(request)
            n = len(self.requests)
        if self.delay:
            time.sleep(self.delay)
        if self.respond is not None:
            return self.respond(request)
        body: dict[str, object] = {"access_token": f"tok-{n}", "token_type": "bearer"}
        if self.expires_in is not None:
            body["expires_in"] = self.expires_in
        return httpx.Response(200, json=body)


class Api:
    """An API endpoint that accepts the tokens in ``valid`` (all when None)."""

    def __init__(self, valid: set[str] | None = None) -> None:
        self.valid = valid
        self.seen: list[str | None] = []
        self.bodies: list[bytes] = []
        self._lock = threading.Lock()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        header = request.headers.get("authorization")
        with self._lock:
            self.seen.append(header)
            self.bodies.append(request.content)
        token = (header or "").removeprefix("Bearer ")
        if self.valid is not None and token not in self.valid:
            return httpx.Response(401, json={"imsx_codeMajor": "failure", "imsx_description": "bad token"})
        return httpx.Response(200, json={"users": []})


def make(
    token_server: TokenServer,
    api: Callable[[httpx.Request], httpx.Response] | None = None,
    *,
    hooks: bool = True,
    clock: Callable[[], float] = time.monotonic,
    **kwargs: object,
) -> tuple[httpx.Client, OAuth2ClientCredentials]:
    auth = OAuth2ClientCredentials(
        token_url=TOKEN_URL,
        client_id=CLIENT_ID,
        client_secret=SECRET,
        token_client=httpx.Client(transport=httpx.MockTransport(token_server)),
        clock=clock,
        **kwargs,  # type: ignore[arg-type]
    )
    client = httpx.Client(
        transport=httpx.MockTransport(api or Api()),
        auth=auth,
        event_hooks={"response": [raise_for_response]} if hooks else {},
    )
    return client, auth


def test_token_fetched_once_and_reused() -> None:
    server, api = TokenServer(), Api()
    client, _ = make(server, api)
    for _ in range(3):
        assert client.get(API_URL).status_code == 200
    assert len(server.requests) == 1
    assert api.seen == ["Bearer tok-1"] * 3


def test_token_request_uses_basic_auth_and_exact_form_body() -> None:
    server = TokenServer()
    client, _ = make(server, scopes=["roster-core.readonly", "roster.readonly"])
    client.get(API_URL)
    (request,) = server.requests
    assert request.method == "POST"
    assert str(request.url) == TOKEN_URL
    expected = base64.b64encode(f"{CLIENT_ID}:{SECRET}".encode()).decode()
    assert request.headers["authorization"] == f"Basic {expected}"
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    assert parse_qs(request.content.decode(), strict_parsing=True) == {
        "grant_type": ["client_credentials"],
        "scope": ["roster-core.readonly roster.readonly"],
    }
    assert SECRET not in request.content.decode()


def test_no_scope_field_without_scopes() -> None:
    server = TokenServer()
    client, _ = make(server)
    client.get(API_URL)
    assert server.requests[0].content == b"grant_type=client_credentials"


def test_refresh_before_expiry_with_injected_clock() -> None:
    clock, server, api = FakeClock(), TokenServer(expires_in=3600), Api()
    client, _ = make(server, api, clock=clock, refresh_margin=60)
    client.get(API_URL)
    clock.now += 3600 - 60 - 1  # one second before the margin starts
    client.get(API_URL)
    assert len(server.requests) == 1
    clock.now += 1  # margin reached
    client.get(API_URL)
    assert len(server.requests) == 2
    assert api.seen == ["Bearer tok-1", "Bearer tok-1", "Bearer tok-2"]


def test_margin_is_capped_to_half_the_lifetime_of_short_tokens() -> None:
    clock, server = FakeClock(), TokenServer(expires_in=30)
    client, _ = make(server, clock=clock, refresh_margin=60)
    client.get(API_URL)
    clock.now += 14.9
    client.get(API_URL)
    assert len(server.requests) == 1
    clock.now += 0.1
    client.get(API_URL)
    assert len(server.requests) == 2


@pytest.mark.parametrize(
    ("expires_in", "lifetime"), [(None, 3600), ("120", 120), ("soon", 3600), (True, 3600)]
)
def test_expires_in_default_and_string(expires_in: object, lifetime: float) -> None:
    clock, server = FakeClock(), TokenServer(expires_in=expires_in)
    client, _ = make(server, clock=clock, refresh_margin=0)
    client.get(API_URL)
    clock.now += lifetime - 0.5
    client.get(API_URL)
    assert len(server.requests) == 1
    clock.now += 0.5
    client.get(API_URL)
    assert len(server.requests) == 2


def test_401_refreshes_once_and_retries_once() -> None:
    server, api = TokenServer(), Api(valid={"tok-2"})
    client, _ = make(server, api)
    response = client.post(API_URL, json={"sourcedId": "u-1"})
    assert response.status_code == 200
    assert len(server.requests) == 2
    assert api.seen == ["Bearer tok-1", "Bearer tok-2"]
    # The retried request carries the same body.
    assert api.bodies[0] == api.bodies[1] == b'{"sourcedId":"u-1"}'
    # And the fresh token is kept for later calls.
    client.get(API_URL)
    assert len(server.requests) == 2


def test_second_401_surfaces_as_unauthorized() -> None:
    server, api = TokenServer(), Api(valid=set())
    client, _ = make(server, api)
    with pytest.raises(Unauthorized) as info:
        client.get(API_URL)
    assert len(server.requests) == 2
    assert api.seen == ["Bearer tok-1", "Bearer tok-2"]
    assert "tok-" not in str(info.value)


def test_second_401_is_returned_without_the_error_hook() -> None:
    server, api = TokenServer(), Api(valid=set())
    client, _ = make(server, api, hooks=False)
    assert client.get(API_URL).status_code == 401
    assert len(api.seen) == 2


def test_other_errors_are_not_retried_by_auth() -> None:
    server = TokenServer()
    client, _ = make(server, Api(), hooks=True)
    client_403 = httpx.Client(
        transport=httpx.MockTransport(lambda r: httpx.Response(403)),
        auth=client.auth,
        event_hooks={"response": [raise_for_response]},
    )
    with pytest.raises(APIError):
        client_403.get(API_URL)
    assert len(server.requests) == 1


def test_eight_threads_share_one_token_request() -> None:
    server, api = TokenServer(delay=0.05), Api()
    client, _ = make(server, api)
    barrier = threading.Barrier(8)
    statuses: list[int] = []
    failures: list[BaseException] = []

    def work() -> None:
        try:
            barrier.wait()
            statuses.append(client.get(API_URL).status_code)
        except BaseException as exc:  # surfaced by the assertion below
            failures.append(exc)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert not failures
    assert statuses == [200] * 8
    assert len(server.requests) == 1
    assert api.seen == ["Bearer tok-1"] * 8


def test_threads_rejected_with_the_same_token_refresh_once() -> None:
    # All eight see tok-1 rejected; only the first to get the lock fetches tok-2, the others
    # must take it instead of fetching again.
    rejected_together = threading.Barrier(8, timeout=5)
    inner = Api(valid={"tok-2"})

    def api(request: httpx.Request) -> httpx.Response:
        response = inner(request)
        if response.status_code == 401:
            # Hold every 401 until all eight threads have been rejected with tok-1.
            rejected_together.wait()
        return response

    server = TokenServer(delay=0.02)
    client, auth = make(server, api)
    auth._current_token()  # prefetch tok-1
    statuses: list[int] = []

    def work() -> None:
        statuses.append(client.get(API_URL).status_code)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert statuses == [200] * 8
    assert len(server.requests) == 2
    assert inner.seen == ["Bearer tok-1"] * 8 + ["Bearer tok-2"] * 8


def test_invalid_client_from_token_endpoint_raises_unauthorized_without_secret() -> None:
    def respond(request: httpx.Request) -> httpx.Response:
        body = {"error": "invalid_client", "error_description": f"Client authentication failed ({SECRET})"}
        return httpx.Response(401, json=body)

    client, _ = make(TokenServer(respond=respond))
    with pytest.raises(Unauthorized) as info:
        client.get(API_URL)
    exc = info.value
    message = str(exc)
    assert "invalid_client" in message
    assert "Client authentication failed" in message
    assert exc.code_minor == "invalid_client"
    assert exc.method == "POST" and exc.url == TOKEN_URL
    for text in (message, exc.body or "", exc.description or "", repr(exc)):
        assert SECRET not in text
        assert base64.b64encode(f"{CLIENT_ID}:{SECRET}".encode()).decode() not in text
    assert exc.__cause__ is None and exc.__suppress_context__


def test_400_from_token_endpoint_is_unauthorized_too() -> None:
    def respond(request: httpx.Request) -> httpx.Response:
        return httpx.Response(400, json={"error": "invalid_scope", "error_description": "unknown scope"})

    client, _ = make(TokenServer(respond=respond))
    with pytest.raises(Unauthorized) as info:
        client.get(API_URL)
    assert info.value.status_code == 400
    assert "unknown scope (invalid_scope)" in str(info.value)


def test_token_endpoint_5xx_maps_to_server_error() -> None:
    client, _ = make(TokenServer(respond=lambda r: httpx.Response(503, text="<h1>down</h1>")))
    with pytest.raises(ServerError):
        client.get(API_URL)


def test_token_client_with_its_own_error_hook() -> None:
    # The library may hand over a client that already raises from a response hook.
    respond = TokenServer(respond=lambda r: httpx.Response(400, json={"error": "invalid_client"}))
    auth = OAuth2ClientCredentials(
        token_url=TOKEN_URL,
        client_id=CLIENT_ID,
        client_secret=SECRET,
        token_client=httpx.Client(
            transport=httpx.MockTransport(respond), event_hooks={"response": [raise_for_response]}
        ),
    )
    client = httpx.Client(transport=httpx.MockTransport(Api()), auth=auth)
    with pytest.raises(Unauthorized):
        client.get(API_URL)


@pytest.mark.parametrize(
    ("exc", "cls"),
    [(httpx.ConnectError("refused"), TransportError), (httpx.ReadTimeout("timed out"), Timeout)],
)
def test_token_endpoint_transport_errors(exc: Exception, cls: type[Exception]) -> None:
    def respond(request: httpx.Request) -> httpx.Response:
        raise exc

    client, _ = make(TokenServer(respond=respond))
    with pytest.raises(cls) as info:
        client.get(API_URL)
    assert f"POST {TOKEN_URL}" in str(info.value)


@pytest.mark.parametrize(
    "body",
    [
        b'{"token_type": "bearer", "expires_in": 3600}',
        b"<html>login</html>",
        b'["x"]',
        b'{"access_token": ""}',
    ],
)
def test_token_response_without_access_token(body: bytes) -> None:
    client, _ = make(TokenServer(respond=lambda r: httpx.Response(200, content=body)))
    with pytest.raises(ResponseParseError) as info:
        client.get(API_URL)
    assert info.value.status_code == 200


def test_token_type_other_than_bearer_is_used_as_given() -> None:
    server = TokenServer(
        respond=lambda r: httpx.Response(200, json={"access_token": "t", "token_type": "MAC"})
    )
    api = Api()
    client, _ = make(server, api)
    client.get(API_URL)
    assert api.seen == ["MAC t"]


def test_repr_masks_secret_and_token() -> None:
    client, auth = make(TokenServer())
    client.get(API_URL)
    text = repr(auth)
    assert text == (
        f"OAuth2ClientCredentials(token_url='{TOKEN_URL}', client_id='{CLIENT_ID}', client_secret='***')"
    )
    assert SECRET not in text and "tok-1" not in text


def test_invalidate_forces_a_new_token() -> None:
    server = TokenServer()
    client, auth = make(server)
    client.get(API_URL)
    auth.invalidate()
    client.get(API_URL)
    assert len(server.requests) == 2


def test_close_only_closes_an_owned_token_client() -> None:
    shared = httpx.Client(transport=httpx.MockTransport(TokenServer()))
    OAuth2ClientCredentials(
        token_url=TOKEN_URL, client_id="a", client_secret="b", token_client=shared
    ).close()
    assert not shared.is_closed
    owned = OAuth2ClientCredentials(token_url=TOKEN_URL, client_id="a", client_secret="b")
    owned.close()
    assert owned._token_client.is_closed


def test_static_token() -> None:
    api = Api()
    auth = StaticToken("static-abc")
    client = httpx.Client(transport=httpx.MockTransport(api), auth=auth)
    client.get(API_URL)
    assert api.seen == ["Bearer static-abc"]
    assert repr(auth) == "StaticToken(token='***')"
    assert "static-abc" not in repr(auth)


def test_token_request_body_never_logged(caplog: pytest.LogCaptureFixture) -> None:
    from oneroster.logging_utils import log_request, log_response

    caplog.set_level("DEBUG", logger="oneroster")
    server = TokenServer()
    auth = OAuth2ClientCredentials(
        token_url=TOKEN_URL,
        client_id=CLIENT_ID,
        client_secret=SECRET,
        token_client=httpx.Client(
            transport=httpx.MockTransport(server),
            event_hooks={"request": [log_request], "response": [log_response]},
        ),
    )
    client = httpx.Client(
        transport=httpx.MockTransport(Api()),
        auth=auth,
        event_hooks={"request": [log_request], "response": [log_response]},
    )
    client.get(API_URL + "?access_token=leak")
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert f"POST {TOKEN_URL}" in logged and "-> 200" in logged
    assert "ms)" in logged
    for secret in (SECRET, "tok-1", "leak", "grant_type", "Basic", "Bearer"):
        assert secret not in logged
    assert "access_token=***" in logged
