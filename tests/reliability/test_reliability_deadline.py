"""Deadlines (issue 14, item 7): one budget per call covering retries, back-off, slow bodies and the token.

These tests measure how long calls take because that *is* the behaviour under test (a call
must end by its deadline); the margins are generous, and every server here is loopback.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable

import httpx
import oneroster
import pytest
from oneroster import (
    DeadlineExceeded,
    OneRoster,
    RateLimited,
    RetryPolicy,
    ServerError,
    Timeout,
    ValidationError,
)
from reliability_support import STATIC_TOKEN, FakeSleep, RawExchange, RawServer, mock_client, user_records

#: How late a call may end after its deadline: scheduling on a busy 2-core machine, not design.
SLACK = 0.5

PAGE = json.dumps({"users": user_records(50)}).encode()


def timed(call: Callable[[], object]) -> tuple[BaseException | None, float]:
    started = time.monotonic()
    try:
        call()
    except Exception as exc:
        return exc, time.monotonic() - started
    return None, time.monotonic() - started


def dripping(exchange: RawExchange) -> None:
    """Headers at once, then the body one byte every 0.2 s: no read ever times out."""
    exchange.send_head(200, {"Content-Type": "application/json", "Content-Length": str(len(PAGE))})
    exchange.drip(PAGE, 0.2)


def test_a_dripping_body_ends_at_the_deadline() -> None:
    """The issue's drip server kept a ``timeout=0.5`` call alive for 7.9 s and more."""
    with RawServer(dripping) as server:
        client = OneRoster(base_url=server.url, token=STATIC_TOKEN, timeout=0.5, deadline=1.5, max_retries=3)
        with client:
            error, elapsed = timed(client.users.list)
    assert isinstance(error, DeadlineExceeded) and isinstance(error, Timeout)
    assert error.deadline == 1.5 and "1.5 s deadline" in str(error)
    assert 1.5 <= elapsed < 1.5 + SLACK, f"{elapsed:.2f} s"
    assert len(server.exchanges) == 1  # the deadline is not retried


def test_a_body_that_drips_then_stalls_is_cut_at_the_deadline() -> None:
    """The read timeout fixed when the body began (30 s here) must not outlive the deadline."""

    def handle(exchange: RawExchange) -> None:
        exchange.send_head(200, {"Content-Type": "application/json", "Content-Length": str(len(PAGE))})
        exchange.drip(PAGE[:6], 0.2)  # 1.2 s of bytes, then nothing
        exchange.stall(30)

    with RawServer(handle) as server:
        client = OneRoster(base_url=server.url, token=STATIC_TOKEN, timeout=30, deadline=1.5)
        with client:
            error, elapsed = timed(client.users.list)
    assert isinstance(error, DeadlineExceeded)
    assert elapsed < 1.5 + SLACK, f"{elapsed:.2f} s"


def test_a_stalled_provider_with_retries_answers_by_the_deadline() -> None:
    """The Django example's case: TIMEOUT 30, MAX_RETRIES 3 and a 40 s stall took 123 s."""
    with RawServer(lambda exchange: exchange.stall(40)) as server:
        client = OneRoster(base_url=server.url, token=STATIC_TOKEN, timeout=30, max_retries=3, deadline=1.0)
        with client:
            error, elapsed = timed(client.users.list)
    assert isinstance(error, DeadlineExceeded)
    assert elapsed < 1.0 + SLACK, f"{elapsed:.2f} s"


def test_a_slow_token_endpoint_counts_against_the_call() -> None:
    def handle(exchange: RawExchange) -> None:
        if exchange.path == "/oauth/token":
            exchange.stall(30)
        exchange.answer(200, PAGE)

    with RawServer(handle) as server:
        client = OneRoster(base_url=server.url, client_id="rel-client", client_secret="rel-Deadline-Secret-1",
                           token_url=server.url + "/oauth/token", deadline=1.0)  # fmt: skip
        with client:
            error, elapsed = timed(client.users.list)
    assert isinstance(error, DeadlineExceeded) and "/oauth/token" in str(error)
    assert elapsed < 1.0 + SLACK, f"{elapsed:.2f} s"
    assert server.paths() == ["/oauth/token"]


def test_back_off_that_would_end_past_the_deadline_is_not_waited_for() -> None:
    """A 503 whose next retry cannot fit gives the 503 now, not a timeout later."""
    answers = Sequence503()
    policy = RetryPolicy(max_retries=5, backoff_initial=0.4, jitter=0)  # real sleeps: 0.4, 0.8, 1.6...
    with RawServer(answers) as server, OneRoster(base_url=server.url, token=STATIC_TOKEN,
                                                 retry_policy=policy, deadline=1.0) as client:  # fmt: skip
        error, elapsed = timed(client.users.list)
    assert isinstance(error, ServerError) and error.status_code == 503
    assert len(server.exchanges) == 2  # at once, and after 0.4 s; 0.8 s more would pass 1.0 s
    assert 0.4 <= elapsed < 1.0, f"{elapsed:.2f} s"


class Sequence503:
    def __call__(self, exchange: RawExchange) -> None:
        exchange.answer(503, b'{"imsx_codeMajor": "failure", "imsx_description": "busy"}')


def test_a_retry_after_longer_than_the_deadline_raises_rate_limited_at_once() -> None:
    sleeps = FakeSleep()
    client, recorder = mock_client(
        lambda request: httpx.Response(429, headers={"Retry-After": "120"}), sleep=sleeps, max_retries=3,
        deadline=10,
    )  # fmt: skip
    with client, pytest.raises(RateLimited) as caught:
        client.users.list()
    assert caught.value.retry_after == 120.0
    assert sleeps.calls == [] and len(recorder.requests) == 1


def test_a_block_of_calls_shares_one_budget() -> None:
    """``oneroster.deadline()`` bounds several calls together, each otherwise within its own."""

    def slow(exchange: RawExchange) -> None:
        exchange.stall(0.4)
        exchange.answer(200, PAGE)

    with RawServer(slow) as server, OneRoster(base_url=server.url, token=STATIC_TOKEN, deadline=30) as client:
        done: list[int] = []

        def three_calls() -> None:
            with oneroster.deadline(1.0):
                for _ in range(3):
                    client.users.list()
                    done.append(1)

        error, elapsed = timed(three_calls)
    assert isinstance(error, DeadlineExceeded) and error.deadline == 1.0
    assert len(done) == 2
    assert elapsed < 1.0 + SLACK, f"{elapsed:.2f} s"


def test_a_block_budget_reaches_the_pages_fetched_in_other_threads() -> None:
    """``stream()`` reads ahead and ``list_all()`` fetches in parallel, in threads of their own."""

    def slow_pages(exchange: RawExchange) -> None:
        offset = int(httpx.URL(exchange.target).params.get("offset", "0"))
        exchange.stall(0.3 if offset else 0)
        body = json.dumps(
            {"users": [dict(u, sourcedId=f"u{offset + i}") for i, u in enumerate(user_records(2))]}
        )
        exchange.answer(200, body.encode(), {"X-Total-Count": "100"})

    with RawServer(slow_pages) as server, OneRoster(base_url=server.url, token=STATIC_TOKEN) as client:
        for run in (lambda: list(client.users.stream(limit=2)), lambda: client.users.list_all(limit=2)):
            with oneroster.deadline(0.8):
                error, elapsed = timed(run)
            assert isinstance(error, DeadlineExceeded), error
            assert elapsed < 0.8 + SLACK, f"{elapsed:.2f} s"


def test_a_thread_waiting_for_another_threads_token_request_keeps_to_its_own_deadline() -> None:
    def handle(exchange: RawExchange) -> None:
        if exchange.path == "/oauth/token":
            exchange.stall(3)
            exchange.answer(200, b'{"access_token": "rel-late-Token-3", "token_type": "bearer"}')
            return
        exchange.answer(200, PAGE)

    with RawServer(handle) as server:
        client = OneRoster(base_url=server.url, client_id="rel-client", client_secret="rel-Deadline-Secret-2",
                           token_url=server.url + "/oauth/token", deadline=10)  # fmt: skip
        leader = threading.Thread(target=client.users.list)
        leader.start()
        time.sleep(0.2)  # the leader's token request is on its way
        with oneroster.deadline(0.5):
            error, elapsed = timed(client.users.list)
        leader.join(timeout=10)
        client.close()
    assert isinstance(error, DeadlineExceeded) and "token" in str(error)
    assert elapsed < 0.5 + SLACK, f"{elapsed:.2f} s"
    assert server.paths().count("/oauth/token") == 1


@pytest.mark.parametrize("value", [0, -1, float("nan"), float("inf"), "20", True])
def test_a_deadline_must_be_a_positive_number(value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        OneRoster(base_url="https://sis.example", token=STATIC_TOKEN, deadline=value)  # type: ignore[arg-type]
    assert caught.value.field == "deadline"
    with pytest.raises(ValidationError), oneroster.deadline(value):  # type: ignore[arg-type]
        pass


def test_no_deadline_means_none_is_applied() -> None:
    with (
        RawServer(lambda exchange: exchange.answer(200, PAGE)) as server,
        OneRoster(base_url=server.url, token=STATIC_TOKEN, deadline=None) as client,
    ):
        assert client._engine.deadline is None
        assert len(client.users.list()) == 50
