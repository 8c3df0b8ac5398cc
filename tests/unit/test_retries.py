from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from oneroster.errors import ServerError, Timeout, TransportError, raise_for_response
from oneroster.retries import RetryPolicy, RetryTransport, translate_transport_errors

URL = "https://sis.example/ims/oneroster/rostering/v1p2/users"

Outcome = int | httpx.Response | Exception


class Script:
    """A mock server answering from a list of statuses/responses/exceptions, in order."""

    def __init__(self, outcomes: Sequence[Outcome]) -> None:
        self.outcomes = list(outcomes)
        self.requests: list[httpx.Request] = []
        self.bodies: list[bytes] = []
        self.responses: list[httpx.Response] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        self.bodies.append(request.read())
        outcome = self.outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        response = outcome if isinstance(outcome, httpx.Response) else httpx.Response(outcome, text="x")
        self.responses.append(response)
        return response


def make(
    outcomes: Sequence[Outcome],
    *,
    hooks: bool = False,
    random: Callable[[], float] = lambda: 0.0,
    **policy: object,
) -> tuple[httpx.Client, Script, list[float]]:
    delays: list[float] = []
    script = Script(outcomes)
    retry_policy = RetryPolicy(sleep=delays.append, random=random, **policy)  # type: ignore[arg-type]
    transport = RetryTransport(httpx.MockTransport(script), policy=retry_policy)
    client = httpx.Client(
        transport=transport, event_hooks={"response": [raise_for_response]} if hooks else {}
    )
    return client, script, delays


def test_get_retried_on_503_then_200() -> None:
    client, script, delays = make([503, 503, 200])
    assert client.get(URL).status_code == 200
    assert len(script.requests) == 3
    assert delays == [0.5, 1.0]


def test_retry_after_seconds_honoured_and_capped() -> None:
    client, _, delays = make(
        [
            httpx.Response(429, headers={"Retry-After": "7"}),
            httpx.Response(503, headers={"Retry-After": "3600"}),
            httpx.Response(503, headers={"Retry-After": "garbage"}),
            200,
        ],
        retry_after_max=120.0,
    )
    assert client.get(URL).status_code == 200
    assert delays == [7.0, 120.0, 2.0]


def test_retry_after_http_date_is_used() -> None:
    # A date far in the future gets capped; one in the past means "now".
    client, _, delays = make(
        [
            httpx.Response(503, headers={"Retry-After": "Fri, 31 Dec 9999 23:59:59 GMT"}),
            httpx.Response(503, headers={"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}),
            200,
        ],
    )
    client.get(URL)
    assert delays == [120.0, 0.0]


def test_post_not_retried_on_503() -> None:
    client, script, delays = make([503, 200])
    assert client.post(URL, json={"a": 1}).status_code == 503
    assert len(script.requests) == 1
    assert delays == []


@pytest.mark.parametrize("status", [500, 502, 504])
def test_post_and_patch_not_retried_on_5xx(status: int) -> None:
    for method in ("POST", "PATCH"):
        client, script, _ = make([status, 200])
        assert client.request(method, URL, content=b"{}").status_code == status
        assert len(script.requests) == 1


def test_post_retried_on_429() -> None:
    client, script, delays = make([429, 201])
    assert client.post(URL, json={"a": 1}).status_code == 201
    assert len(script.requests) == 2
    assert delays == [0.5]


def test_put_retried_on_read_timeout() -> None:
    client, script, delays = make([httpx.ReadTimeout("timed out"), 200])
    assert client.put(URL, json={"a": 1}).status_code == 200
    assert len(script.requests) == 2
    assert delays == [0.5]


@pytest.mark.parametrize(
    "exc",
    [
        httpx.ReadTimeout("timed out"),
        httpx.ReadError("reset"),
        httpx.RemoteProtocolError("eof"),
        httpx.WriteError("broken pipe"),
    ],
)
def test_post_not_retried_on_read_errors(exc: Exception) -> None:
    client, script, delays = make([exc, 201])
    with pytest.raises(type(exc)):
        client.post(URL, json={"a": 1})
    assert len(script.requests) == 1
    assert delays == []


@pytest.mark.parametrize("exc", [httpx.ConnectError("refused"), httpx.ConnectTimeout("timed out")])
def test_connect_errors_retried_for_post(exc: Exception) -> None:
    client, script, delays = make([exc, exc, 201])
    assert client.post(URL, json={"a": 1}).status_code == 201
    assert len(script.requests) == 3
    assert delays == [0.5, 1.0]


def test_delete_retried_on_remote_protocol_error() -> None:
    client, _, _ = make([httpx.RemoteProtocolError("eof"), 204])
    assert client.delete(URL).status_code == 204


def test_non_retry_status_not_retried() -> None:
    client, script, _ = make([500, 200])
    assert client.get(URL).status_code == 500
    assert len(script.requests) == 1


def test_exhausted_retries_return_last_response_and_close_the_others() -> None:
    client, script, delays = make([503, 502, 504, 503, 200], max_retries=3)
    response = client.get(URL)
    assert response.status_code == 503
    assert len(script.requests) == 4
    assert delays == [0.5, 1.0, 2.0]
    assert all(r.is_closed for r in script.responses[:3])
    assert response is not script.responses[0]


def test_exhausted_retries_then_hook_raises() -> None:
    client, script, _ = make([503] * 4, hooks=True)
    with pytest.raises(ServerError):
        client.get(URL)
    assert len(script.requests) == 4


def test_exhausted_retries_reraise_last_exception() -> None:
    errors = [httpx.ConnectError(f"refused {i}") for i in range(3)]
    client, script, delays = make(errors, max_retries=2)
    with pytest.raises(httpx.ConnectError, match="refused 2"):
        client.get(URL)
    assert len(script.requests) == 3
    assert len(delays) == 2


def test_zero_retries() -> None:
    client, _, delays = make([503, 200], max_retries=0)
    assert client.get(URL).status_code == 503
    assert delays == []


def test_request_body_resent_identically() -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"sourcedId": '
        yield b'"u-1"}'

    client, script, _ = make([503, 502, 200])
    response = client.put(URL, content=chunks())  # a streaming, once-only body
    assert response.status_code == 200
    assert script.bodies == [b'{"sourcedId": "u-1"}'] * 3
    assert (
        len({r.headers.get("content-length") or r.headers.get("transfer-encoding") for r in script.requests})
        == 1
    )


def test_json_body_resent_identically_for_post_on_429() -> None:
    client, script, _ = make([429, 429, 201])
    client.post(URL, json={"sourcedId": "u-1", "givenName": "Ada"})
    assert len(set(script.bodies)) == 1
    assert script.bodies[0] == b'{"sourcedId":"u-1","givenName":"Ada"}'


def test_retry_is_logged_without_headers_or_secrets(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="oneroster")
    client, _, _ = make([503, httpx.ReadTimeout("timed out"), 200])
    client.get(URL + "?access_token=sekrit", headers={"Authorization": "Bearer sekrit-2"})
    messages = [r.getMessage() for r in caplog.records if r.name == "oneroster"]
    assert len(messages) == 2
    assert messages[0] == f"Retrying GET {URL}?access_token=*** after 503 (retry 1 of 3) in 0.50s"
    assert "ReadTimeout" in messages[1] and "in 1.00s" in messages[1]
    assert all(r.levelno == logging.INFO for r in caplog.records)
    joined = "\n".join(messages)
    assert "sekrit" not in joined and "Authorization" not in joined


def test_close_closes_inner() -> None:
    closed: list[bool] = []

    class Inner(httpx.BaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            return httpx.Response(200)

        def close(self) -> None:
            closed.append(True)

    with httpx.Client(transport=RetryTransport(Inner())):
        pass
    assert closed == [True]


# -- the policy on its own ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "outcome", "expected"),
    [
        ("GET", 503, True),
        ("get", 429, True),
        ("HEAD", 502, True),
        ("OPTIONS", 504, True),
        ("PUT", 503, True),
        ("DELETE", 503, True),
        ("GET", 500, False),
        ("GET", 404, False),
        ("POST", 429, True),
        ("POST", 503, False),
        ("PATCH", 429, True),
        ("PATCH", 502, False),
        ("GET", httpx.ReadTimeout("t"), True),
        ("PUT", httpx.ReadError("r"), True),
        ("DELETE", httpx.WriteError("w"), True),
        ("POST", httpx.ReadTimeout("t"), False),
        ("POST", httpx.RemoteProtocolError("p"), False),
        ("POST", httpx.WriteTimeout("w"), False),
        ("POST", httpx.ConnectError("c"), True),
        ("POST", httpx.ConnectTimeout("c"), True),
        ("POST", httpx.PoolTimeout("p"), True),
        ("GET", httpx.UnsupportedProtocol("u"), False),
        ("GET", ValueError("not a transport error"), False),
    ],
)
def test_should_retry_matrix(method: str, outcome: int | Exception, expected: bool) -> None:
    assert RetryPolicy().should_retry(method, outcome, 1) is expected


def test_should_retry_respects_max_retries() -> None:
    policy = RetryPolicy(max_retries=2)
    assert policy.should_retry("GET", 503, 2)
    assert not policy.should_retry("GET", 503, 3)


def test_policy_validation() -> None:
    with pytest.raises(ValueError):
        RetryPolicy(max_retries=-1)
    with pytest.raises(ValueError):
        RetryPolicy(jitter=1.5)
    with pytest.raises(ValueError):
        RetryPolicy(backoff_initial=-1)


def test_policy_is_frozen() -> None:
    with pytest.raises(AttributeError):
        RetryPolicy().max_retries = 5  # type: ignore[misc]


def test_delay_ignores_retry_after_on_missing_response() -> None:
    assert RetryPolicy(random=lambda: 0.0).delay(1, None) == 0.5


@given(
    attempt=st.integers(min_value=1, max_value=200),
    r=st.floats(min_value=0.0, max_value=1.0),
    initial=st.floats(min_value=0.01, max_value=5.0),
    maximum=st.floats(min_value=0.01, max_value=60.0),
    jitter=st.floats(min_value=0.0, max_value=1.0),
)
def test_backoff_grows_exponentially_within_jitter_bounds(
    attempt: int, r: float, initial: float, maximum: float, jitter: float
) -> None:
    policy = RetryPolicy(backoff_initial=initial, backoff_max=maximum, jitter=jitter, random=lambda: r)
    base = min(initial * 2.0 ** (attempt - 1), maximum)
    delay = policy.delay(attempt, None)
    assert base * (1 - jitter) - 1e-9 <= delay <= base + 1e-9
    assert delay == pytest.approx(base * (1 - jitter * r))
    # Without jitter, each step doubles until the cap.
    flat = RetryPolicy(backoff_initial=initial, backoff_max=maximum, jitter=0.0)
    assert flat.delay(attempt + 1, None) == pytest.approx(min(2 * flat.delay(attempt, None), maximum))


@given(seconds=st.integers(min_value=0, max_value=10_000), cap=st.floats(min_value=0.0, max_value=500.0))
def test_retry_after_is_capped(seconds: int, cap: float) -> None:
    response = httpx.Response(429, headers={"Retry-After": str(seconds)})
    assert RetryPolicy(retry_after_max=cap).delay(1, response) == min(float(seconds), cap)


# -- translate_transport_errors ------------------------------------------------------------


def test_translate_timeout_and_transport_errors() -> None:
    request = httpx.Request("GET", URL + "?token=abc")
    with pytest.raises(Timeout) as info, translate_transport_errors():
        raise httpx.ReadTimeout("timed out", request=request)
    assert isinstance(info.value.__cause__, httpx.ReadTimeout)
    assert info.value.method == "GET"
    assert info.value.url == URL + "?token=***"
    assert str(info.value) == f"ReadTimeout during GET {URL}?token=***: timed out"

    with pytest.raises(TransportError) as info2, translate_transport_errors("POST", URL):
        raise httpx.ConnectError("connection refused")
    assert type(info2.value) is TransportError
    assert str(info2.value) == f"ConnectError during POST {URL}: connection refused"


def test_translate_without_request_and_passthrough() -> None:
    with pytest.raises(TransportError) as info, translate_transport_errors():
        raise httpx.ReadError("")
    assert str(info.value) == "ReadError: no detail"
    assert info.value.method is None and info.value.url is None
    with pytest.raises(ServerError), translate_transport_errors():
        raise ServerError("x", status_code=500, method="GET", url=URL)
    with pytest.raises(httpx.InvalidURL), translate_transport_errors():
        raise httpx.InvalidURL("bad")


def test_translate_through_a_client() -> None:
    client, _, _ = make([httpx.ConnectTimeout("timed out")] * 4)
    with pytest.raises(Timeout) as info, translate_transport_errors():
        client.get(URL)
    assert info.value.url == URL
