"""Transient faults, resuming after a fault that outlives the retries, and write idempotency.

Runs against the sandbox over real loopback HTTP with scripted and seeded fault injection;
the retry policy's sleep is a fake that records the delays it was asked for.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

import httpx
import pytest
from oneroster import (
    OneRosterError,
    RateLimited,
    ResponseParseError,
    ServerError,
    TransportError,
)
from oneroster.sandbox import RunningSandbox
from reliability_support import PAGE_LIMIT, FakeSleep, calls, mock_client, sandbox_client

pytestmark = pytest.mark.sandbox

RETRY_AFTER = 2.5  # distinct from every backoff step (0.5, 1, 2, 4...)


def stored_ids(running: RunningSandbox, kind: str = "users") -> list[str]:
    return [r["sourcedId"] for r in running.app_state.store.iter_kind(kind)]


def fault_free(running: RunningSandbox) -> list[dict[str, Any]]:
    with sandbox_client(running) as client:
        return [user.to_dict() for user in client.users.stream()]


def backoff(retry: int) -> float:
    """The delay the test policy (no jitter) waits before retry number ``retry`` (1-based)."""
    return 0.5 * 2 ** (retry - 1)


# -- 1. transient faults during a long stream ----------------------------------------------------


def test_paged_sandbox_has_at_least_50_pages(paged_sandbox: RunningSandbox) -> None:
    assert math.ceil(len(stored_ids(paged_sandbox)) / PAGE_LIMIT) >= 50


def test_scripted_transient_faults_lose_and_repeat_nothing(
    paged_sandbox: RunningSandbox, sleeps: FakeSleep
) -> None:
    baseline = fault_free(paged_sandbox)
    assert [u["sourcedId"] for u in baseline] == stored_ids(paged_sandbox)
    pages = math.ceil(len(baseline) / PAGE_LIMIT)
    # Every page meets its own mix of faults, never more than the three retries allow.
    plans = itertools.cycle([[], ["429"], ["503"], ["drop"], ["429", "503"], ["drop", "429", "503"]])
    script: list[str] = []
    expected_sleeps: list[float] = []
    for _, plan in zip(range(pages), plans, strict=False):
        script += [*plan, "ok"]
        expected_sleeps += [
            RETRY_AFTER if fault == "429" else backoff(n) for n, fault in enumerate(plan, start=1)
        ]
    faults = len(script) - pages
    assert faults >= 50
    paged_sandbox.set_faults(script=script, retry_after=RETRY_AFTER)
    paged_sandbox.reset_stats()
    with sandbox_client(paged_sandbox, sleeps) as client:
        got = [user.to_dict() for user in client.users.stream(limit=100)]
    assert got == baseline
    # Retry-After (2.5 s) was honoured for exactly the 429s; the others used the backoff.
    assert sleeps.calls == expected_sleeps
    assert sleeps.calls.count(RETRY_AFTER) == script.count("429")
    assert calls(paged_sandbox, "getAllUsers") == pages + faults


def test_seeded_fault_rates_with_short_pages_lose_and_repeat_nothing(
    paged_sandbox: RunningSandbox, sleeps: FakeSleep
) -> None:
    baseline = fault_free(paged_sandbox)
    paged_sandbox.set_faults(
        seed=11,
        rate_429=0.08,
        rate_503=0.08,
        rate_drop=0.08,
        rate_short=0.15,
        retry_after=RETRY_AFTER,
    )
    with sandbox_client(paged_sandbox, sleeps, max_retries=10) as client:
        got = [user.to_dict() for user in client.users.stream()]
    assert got == baseline
    assert RETRY_AFTER in sleeps.calls, "the seed should inject at least one 429"
    assert any(delay != RETRY_AFTER for delay in sleeps.calls), "and at least one 503 or drop"
    assert set(sleeps.calls) <= {RETRY_AFTER, *(backoff(n) for n in range(1, 11))}


# -- 2. a fault that outlives the retries, then resume ---------------------------------------------


@pytest.mark.parametrize(
    ("fault", "attempts", "error"),
    [
        ("503", 4, ServerError),
        ("429", 4, RateLimited),
        ("drop", 4, TransportError),
        ("500", 1, ServerError),  # not a transient status: never retried
        ("truncate", 1, ResponseParseError),  # a complete 200 whose JSON is cut
    ],
)
def test_fault_beyond_retries_carries_resume_offset(
    fault: str, attempts: int, error: type[OneRosterError], paged_sandbox: RunningSandbox
) -> None:
    expected = stored_ids(paged_sandbox)
    good_pages = 23
    paged_sandbox.set_faults(script=["ok"] * good_pages + [fault] * attempts)
    paged_sandbox.reset_stats()
    collected: list[str] = []
    with sandbox_client(paged_sandbox) as client:
        with pytest.raises(error) as caught:
            for user in client.users.stream():
                collected.append(user.sourced_id)
        assert calls(paged_sandbox, "getAllUsers") == good_pages + attempts
        resume = caught.value.resume_offset
        assert resume == good_pages * PAGE_LIMIT == len(collected)
        rest = [user.sourced_id for user in client.users.stream(start_offset=resume)]
    assert collected + rest == expected


def test_resume_offset_after_short_pages_is_what_was_received(paged_sandbox: RunningSandbox) -> None:
    expected = stored_ids(paged_sandbox)
    paged_sandbox.set_faults(script=["short"] * 9 + ["503"] * 4)
    collected: list[str] = []
    with sandbox_client(paged_sandbox) as client:
        with pytest.raises(ServerError) as caught:
            for user in client.users.stream():
                collected.append(user.sourced_id)
        resume = caught.value.resume_offset
        # Short pages hold half a page each: the resume point is not a multiple of the limit.
        assert resume == 9 * (PAGE_LIMIT // 2) == len(collected)
        rest = [user.sourced_id for user in client.users.stream(start_offset=resume)]
    assert collected + rest == expected


def test_resume_twice_after_two_separate_outages(paged_sandbox: RunningSandbox) -> None:
    expected = stored_ids(paged_sandbox)
    collected: list[str] = []
    offset = 0
    outages = 0
    with sandbox_client(paged_sandbox) as client:
        for good_pages in (5, 17):
            paged_sandbox.set_faults(script=["ok"] * good_pages + ["drop"] * 4)
            try:
                for user in client.users.stream(start_offset=offset):
                    collected.append(user.sourced_id)
            except TransportError as exc:
                assert exc.resume_offset is not None
                offset = exc.resume_offset
                outages += 1
        collected += [user.sourced_id for user in client.users.stream(start_offset=offset)]
    assert outages == 2
    assert collected == expected


# -- 3. retried writes -------------------------------------------------------------------------------


def school_of(running: RunningSandbox) -> str:
    return next(o["sourcedId"] for o in running.app_state.store.iter_kind("orgs") if o["type"] == "school")


def student(name: str, school: str) -> dict[str, Any]:
    return {
        "givenName": name,
        "familyName": "Reliable",
        "enabledUser": True,
        "roles": [{"roleType": "primary", "role": "student", "org": school}],
    }


def user_count(running: RunningSandbox) -> int:
    return int(running.app_state.store.count("users"))


@pytest.mark.parametrize("fault", ["503", "drop", "429"])
def test_retried_put_leaves_exactly_one_record(
    fault: str, sandbox: RunningSandbox, sleeps: FakeSleep
) -> None:
    school = school_of(sandbox)
    sourced_id = f"rel-put-{fault}"
    before = user_count(sandbox)
    with sandbox_client(sandbox, sleeps) as client:
        client.users.list(limit=1)  # the token request is not counted below
        for name in ("Pia", "Pam"):
            sandbox.reset_stats()
            # The sandbox stores the record and then answers with the fault: the retry repeats a
            # write that already happened, which is exactly what PUT's idempotency must absorb.
            sandbox.set_faults(script=[fault], retry_after=RETRY_AFTER)
            assert client.users.upsert(sourced_id, student(name, school)) is None
            assert calls(sandbox, "updateUser") == 2
            record = sandbox.app_state.store.get("users", sourced_id)
            assert record is not None and record["givenName"] == name and record["status"] == "active"
            assert user_count(sandbox) == before + 1
            assert client.users.get(sourced_id).given_name == name
    assert sleeps.calls == [RETRY_AFTER if fault == "429" else backoff(1)] * 2


@pytest.mark.parametrize("fault", ["503", "drop"])
def test_retried_delete_is_harmless(fault: str, sandbox: RunningSandbox) -> None:
    sourced_id = f"rel-delete-{fault}"
    with sandbox_client(sandbox) as client:
        client.users.upsert(sourced_id, student("Del", school_of(sandbox)))
        before = user_count(sandbox)
        sandbox.reset_stats()
        sandbox.set_faults(script=[fault])
        client.users.delete(sourced_id)
        assert calls(sandbox, "deleteUser") == 2
        assert client.users.get(sourced_id).status == "tobedeleted"
    assert user_count(sandbox) == before


def test_delete_whose_answer_was_lost_is_retried(sleeps: FakeSleep) -> None:
    deleted: list[str] = []

    def respond(request: httpx.Request) -> httpx.Response:
        deleted.append(request.url.path.rsplit("/", 1)[-1])
        if len(deleted) == 1:
            # The server acted, then the connection died before the answer arrived.
            raise httpx.ReadError("connection reset by peer", request=request)
        return httpx.Response(204)

    client, recorder = mock_client(respond, sleep=sleeps, max_retries=3)
    with client:
        client.users.delete("rel-gone")
    assert deleted == ["rel-gone", "rel-gone"]
    assert [r.method for r in recorder.api_requests] == ["DELETE", "DELETE"]
    assert sleeps.calls == [backoff(1)]


@pytest.mark.parametrize(
    ("fault", "error"), [("503", ServerError), ("500", ServerError), ("drop", TransportError)]
)
def test_post_is_never_resent_after_a_server_error_or_a_drop(
    fault: str, error: type[OneRosterError], sandbox: RunningSandbox, sleeps: FakeSleep
) -> None:
    with sandbox_client(sandbox, sleeps) as client:
        client.users.list(limit=1)
        before = user_count(sandbox)
        sandbox.reset_stats()
        sandbox.set_faults(script=[fault])
        with pytest.raises(error) as caught:
            # No sourcedId: a second POST would silently allocate a second record.
            client.users.create(student("Once", school_of(sandbox)))
        assert calls(sandbox, "createUser") == 1
    assert caught.value.resume_offset is None
    # The sandbox answers an injected 5xx before writing and cuts a dropped answer after
    # writing; either way the record exists at most once.
    assert user_count(sandbox) == before + (1 if fault == "drop" else 0)
    assert sleeps.calls == []


def test_post_429_is_retried_because_nothing_was_created(sleeps: FakeSleep) -> None:
    created: list[dict[str, Any]] = []
    answers = iter([429, 201])

    def respond(request: httpx.Request) -> httpx.Response:
        status = next(answers)
        if status == 429:
            return httpx.Response(429, headers={"Retry-After": "3"}, json={"imsx_codeMajor": "failure"})
        created.append(httpx.Response(200, content=request.content).json()["user"])
        pair = {"suppliedSourcedId": "rel-429", "allocatedSourcedId": "rel-429"}
        return httpx.Response(201, json={"sourcedIdPairs": pair})

    client, recorder = mock_client(respond, sleep=sleeps, max_retries=3)
    with client:
        pairs = client.users.create({**student("Rita", "org-1"), "sourcedId": "rel-429"})
    assert [p.allocated_sourced_id for p in pairs] == ["rel-429"]
    assert [r.method for r in recorder.api_requests] == ["POST", "POST"]
    assert recorder.api_requests[0].content == recorder.api_requests[1].content
    assert len(created) == 1 and created[0]["givenName"] == "Rita"
    assert sleeps.calls == [3.0]


def test_post_429_against_the_sandbox_creates_once(sandbox: RunningSandbox, sleeps: FakeSleep) -> None:
    with sandbox_client(sandbox, sleeps) as client:
        client.users.list(limit=1)
        before = user_count(sandbox)
        sandbox.reset_stats()
        sandbox.set_faults(script=["429"], retry_after=RETRY_AFTER)
        client.users.create(student("Limited", school_of(sandbox)))
        assert calls(sandbox, "createUser") == 2
    assert sleeps.calls == [RETRY_AFTER]
    assert user_count(sandbox) == before + 1


def test_post_whose_connection_was_never_made_is_retried(sleeps: FakeSleep) -> None:
    attempts: list[str] = []

    def respond(request: httpx.Request) -> httpx.Response:
        attempts.append(request.method)
        if len(attempts) == 1:
            raise httpx.ConnectError("connection refused", request=request)
        pair = {"suppliedSourcedId": "rel-conn", "allocatedSourcedId": "rel-conn"}
        return httpx.Response(201, json={"sourcedIdPairs": pair})

    client, _ = mock_client(respond, sleep=sleeps, max_retries=3)
    with client:
        pairs = client.users.create({**student("Connie", "org-1"), "sourcedId": "rel-conn"})
    assert [p.allocated_sourced_id for p in pairs] == ["rel-conn"]
    assert attempts == ["POST", "POST"]
    assert sleeps.calls == [backoff(1)]


@pytest.mark.parametrize("fault", ["503", "drop"])
def test_patch_is_never_resent(fault: str, sandbox: RunningSandbox) -> None:
    enrollment = next(iter(sandbox.app_state.store.iter_kind("enrollments")))
    with sandbox_client(sandbox) as client:
        client.users.list(limit=1)
        sandbox.reset_stats()
        sandbox.set_faults(script=[fault])
        with pytest.raises((ServerError, TransportError)):
            client.enrollments.patch(enrollment["sourcedId"], {"endDate": "2027-06-30"})
        assert calls(sandbox, "partiallyUpdateEnrollment") == 1
