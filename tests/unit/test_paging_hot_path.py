"""The paginator's hot path: read-ahead only where it pays, and each page let go once consumed.

Reading ahead overlaps the wait for the next page with this page's work; when the client is the
slow side there is no wait to overlap, and a second thread only competes for the GIL. A page held
while the next one is decoded is walked by every collection that decoding triggers.
"""

from __future__ import annotations

import gc
import threading
import time
import weakref
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from oneroster import paging
from oneroster.paging import READ_AHEAD_WAIT, Page, iterate
from oneroster.resources import _first_or_fallback

import oneroster_client
from oneroster_client.api.rostering import get_all_users


class Record:
    """A record that can be watched (a weak reference tells when it is gone)."""

    def __init__(self, n: int) -> None:
        self.n = n


def _pages(total: int, size: int, work: object) -> tuple[list[str], object]:
    threads: list[str] = []

    def fetch(offset: int) -> Page[Record]:
        threads.append(threading.current_thread().name)
        work()  # type: ignore[operator]
        data = [Record(n) for n in range(offset, min(offset + size, total))]
        more = offset + size < total
        next_offset = offset + size if more else None
        return Page(data=data, offset=offset, limit=size, total=total, has_more=more, next_offset=next_offset)

    return threads, fetch


def test_a_provider_that_keeps_the_fetch_waiting_is_read_ahead() -> None:
    threads, fetch = _pages(12, 3, lambda: time.sleep(0.02))  # waiting: no CPU spent
    assert [r.n for r in iterate(fetch, read_ahead=True)] == list(range(12))  # type: ignore[arg-type]
    assert threads[0] == threading.current_thread().name
    assert all(name.startswith("oneroster-read-ahead") for name in threads[2:]), threads


def test_a_fetch_that_keeps_the_cpu_busy_is_not_read_ahead(monkeypatch: pytest.MonkeyPatch) -> None:
    # How long a busy fetch waits depends on what else the machine runs (a preempted thread
    # waits too), so the share is given here; _timed's own measure is tested below.
    def timed(fetch: Any, offset: int) -> tuple[Any, float]:
        return fetch(offset), READ_AHEAD_WAIT / 2  # the client is the slow side

    monkeypatch.setattr(paging, "_timed", timed)
    threads, fetch = _pages(12, 3, lambda: None)
    assert [r.n for r in iterate(fetch, read_ahead=True)] == list(range(12))  # type: ignore[arg-type]
    assert set(threads) == {threading.current_thread().name}, threads
    assert 0 < READ_AHEAD_WAIT < 1


def test_the_share_of_a_fetch_spent_waiting_is_measured() -> None:
    def sleeping(offset: int) -> Page[Record]:
        time.sleep(0.05)  # waiting on the provider: no CPU of this thread's
        return Page(data=[Record(offset)], offset=offset, limit=1, total=1, has_more=False, next_offset=None)

    page, waited = paging._timed(sleeping, 7)
    assert page.data[0].n == 7
    assert READ_AHEAD_WAIT < waited <= 1


def test_a_consumed_page_is_let_go_before_the_next_is_fetched() -> None:
    watched: list[weakref.ref[Record]] = []
    alive_at_fetch: list[int] = []

    def fetch(offset: int) -> Page[Record]:
        alive_at_fetch.append(sum(1 for ref in watched if ref() is not None))
        data = [Record(n) for n in range(offset, offset + 3)]
        watched.extend(weakref.ref(r) for r in data)
        more = offset < 6
        next_offset = offset + 3 if more else None
        return Page(data=data, offset=offset, limit=3, total=9, has_more=more, next_offset=next_offset)

    seen = 0
    for record in iterate(fetch):
        seen += 1
        del record
    assert seen == 9
    assert alive_at_fetch == [0, 0, 0]  # nothing of the page before is held when the next is fetched


def test_the_first_page_is_not_held_for_the_rest_of_a_stream() -> None:
    watched: list[weakref.ref[Record]] = []

    def pages() -> Iterator[list[Record]]:
        for n in range(3):
            page = [Record(n)]
            watched.append(weakref.ref(page[0]))
            yield page

    stream = _first_or_fallback(pages(), lambda: False, lambda: [])
    assert [r.n for r in next(stream)] == [0]
    assert [r.n for r in next(stream)] == [1]
    assert watched[0]() is None


def test_a_page_answer_is_freed_when_dropped_not_at_the_next_cyclic_collection(
    build_client: Any, paged: Any, records: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """httpx's stream refers back to its response (encode/httpx#3733): without types.released, every
    page's body would wait for the cyclic collector (measured: up to twice a stream's peak memory)."""
    answers: list[weakref.ref[httpx.Response]] = []

    def keep(response: httpx.Response) -> None:
        answers.append(weakref.ref(response))

    # Pages fetched in this thread only: a read-ahead thread would remember its own last answer.
    monkeypatch.setattr(paging, "READ_AHEAD_WAIT", 2.0)
    client = build_client(paged(records(30)))
    client._engine._clients["rostering"].get_httpx_client().event_hooks["response"].append(keep)
    generated = oneroster_client.AuthenticatedClient(
        base_url="https://sis.example",
        token="t",
        httpx_args={"transport": httpx.MockTransport(paged(records(3))), "event_hooks": {"response": [keep]}},
    )
    gc.disable()
    try:
        seen = [user.sourced_id for user in client.users.stream()]
        # The client remembers its thread's last answer (for error reports); every other is gone.
        stream_alive = [ref() is not None for ref in answers]
        answers.clear()
        page = get_all_users.sync(client=generated, limit=2)
        generated_alive = [ref() is not None for ref in answers]
    finally:
        gc.enable()
    assert seen == [f"u{i}" for i in range(30)]
    assert len(stream_alive) == 16 and not any(stream_alive[:-1])
    assert page is not None and generated_alive == [False]
