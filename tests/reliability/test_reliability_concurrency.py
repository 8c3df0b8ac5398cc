"""One client shared by eight threads: no errors, one token, a bounded connection pool, a clean close."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from oneroster import OneRoster, ValidationError
from oneroster.sandbox import RunningSandbox
from reliability_support import FakeSleep, sandbox_client

pytestmark = pytest.mark.sandbox

THREADS = 8
CALLS = 2000
STREAM_LIMIT = 4
STREAM_PAGES = 3
# Distinct client ports the sandbox may see: one per thread, plus a little slack for a
# connection the server closed under us and had to be replaced.
CONNECTION_MARGIN = 2


class World:
    """What the seeded district holds, read from the sandbox's store (not through HTTP)."""

    def __init__(self, running: RunningSandbox) -> None:
        store = running.app_state.store
        users = list(store.iter_kind("users"))
        self.user_ids = [u["sourcedId"] for u in users]
        self.first_ids = self.user_ids[: STREAM_LIMIT * STREAM_PAGES]
        self.school = next(o["sourcedId"] for o in store.iter_kind("orgs") if o["type"] == "school")
        students: dict[str, set[str]] = {}
        for enrollment in store.iter_kind("enrollments"):
            if enrollment["role"] == "student":
                klass = enrollment["class"]["sourcedId"]
                students.setdefault(klass, set()).add(enrollment["user"]["sourcedId"])
        self.class_students = students
        self.class_ids = sorted(students)[:25]


def run_calls(
    client: OneRoster, world: World, thread: int, count: int, barrier: threading.Barrier
) -> tuple[int, dict[str, str]]:
    """Run ``count`` mixed calls; return how many HTTP requests they made and the last upserts."""
    rng = random.Random(thread)
    requests = 0
    written: dict[str, str] = {}
    barrier.wait()  # every thread's first call races for the (not yet fetched) token
    for index in range(count):
        kind = rng.choice(["list", "get", "exists", "missing", "stream", "upsert", "nested"])
        if kind == "list":
            page = client.users.list(limit=5, offset=rng.randrange(0, 100))
            assert len(page.data) == 5
            requests += 1
        elif kind == "get":
            sourced_id = rng.choice(world.user_ids)
            assert client.users.get(sourced_id).sourced_id == sourced_id
            requests += 1
        elif kind == "exists":
            assert client.users.exists(rng.choice(world.user_ids)) is True
            requests += 1
        elif kind == "missing":
            assert client.users.exists(f"rel-nobody-{thread}-{index}") is False
            requests += 1
        elif kind == "stream":
            got = [
                u.sourced_id for u in client.users.stream(limit=STREAM_LIMIT, max_items=len(world.first_ids))
            ]
            assert got == world.first_ids
            requests += STREAM_PAGES
        elif kind == "upsert":
            sourced_id = f"rel-conc-{thread}-{rng.randrange(4)}"
            name = f"T{thread}n{index}"
            record = {
                "givenName": name,
                "familyName": "Concurrent",
                "enabledUser": True,
                "roles": [{"roleType": "primary", "role": "student", "org": world.school}],
            }
            assert client.users.upsert(sourced_id, record) is None
            written[sourced_id] = name
            requests += 1
        else:
            klass = rng.choice(world.class_ids)
            got_ids = {u.sourced_id for u in client.classes(klass).students.list(limit=500).data}
            assert got_ids == world.class_students[klass]
            requests += 1
    return requests, written


def test_one_client_shared_by_eight_threads(sandbox: RunningSandbox, sleeps: FakeSleep) -> None:
    world = World(sandbox)
    sandbox.reset_stats()
    client = sandbox_client(sandbox, sleeps)
    barrier = threading.Barrier(THREADS)
    per_thread = CALLS // THREADS
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        futures = [pool.submit(run_calls, client, world, t, per_thread, barrier) for t in range(THREADS)]
        results = [f.result(timeout=120) for f in futures]  # re-raises any thread's error
    counters = sandbox.stats()
    expected_requests = sum(requests for requests, _ in results)
    assert expected_requests >= CALLS
    # Exactly the requests the calls needed: nothing retried, nothing lost, nothing doubled.
    assert counters["requests"] == expected_requests
    assert sleeps.calls == []
    assert counters["tokens"] == 1
    assert counters["connections"] <= THREADS + CONNECTION_MARGIN
    store = sandbox.app_state.store
    for _, written in results:
        for sourced_id, name in written.items():
            record = store.get("users", sourced_id)
            assert record is not None and record["givenName"] == name

    # After close() the pool and the token client are closed for good: a further call is
    # refused with a clear error and opens nothing (closing twice is harmless).
    client.close()
    client.close()
    used = sandbox.stats()
    with pytest.raises(ValidationError, match="closed"):
        client.users.list(limit=2)
    after = sandbox.stats()
    assert after["connections"] == used["connections"] and after["requests"] == used["requests"]


def test_concurrent_first_calls_share_one_token_request(sandbox: RunningSandbox) -> None:
    sandbox.reset_stats()
    barrier = threading.Barrier(THREADS)
    failures: list[BaseException] = []

    def first_call(client: OneRoster) -> Callable[[], Any]:
        def call() -> None:
            barrier.wait()
            try:
                assert client.orgs.list(limit=1).data
            except BaseException as exc:  # collected and re-raised below, on the test's thread
                failures.append(exc)

        return call

    with sandbox_client(sandbox) as client:
        threads = [threading.Thread(target=first_call(client)) for _ in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    assert failures == []
    counters = sandbox.stats()
    assert counters["tokens"] == 1
    assert counters["requests"] == THREADS
