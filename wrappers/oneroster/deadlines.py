"""Deadlines: how long a call may take in all — retries, back-off, slow bodies and the token included.

``timeout=`` bounds each read of the socket, so a server that sends one byte every few
seconds, or a call retried three times with back-off, can still take minutes. A deadline
bounds the whole: it is an instant on the monotonic clock, kept in a context variable so
that it follows a call through httpx, the auth flow and the retry transport without being
passed along (and into worker threads run with ``contextvars.copy_context()``).

Two ways to set one; where both apply, the earlier instant wins:

- ``OneRoster(deadline=20)``: each call to the provider (a ``get()``, one page of
  ``stream()`` or ``list_all()``, a write) must end within 20 seconds;
- ``with oneroster.deadline(25): ...``: everything inside the block, in all (a Django view,
  one step of a job), must end within 25 seconds.

When the time is up the call raises ``DeadlineExceeded`` (a ``Timeout``), at most a few
milliseconds late: each timeout httpx applies is cut to what is left, no back-off sleep
outlasts the deadline, and a body still arriving when it passes is cut off.

Example:
    ```python
    import oneroster

    with oneroster.deadline(25):
        klass = client.classes.get("c-1")
        students = client.classes("c-1").students.list_all()
    ```

"""

from __future__ import annotations

import heapq
import itertools
import math
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, overload

from .errors import ValidationError

__all__ = ["Deadline", "check_seconds", "current", "deadline", "shrink_timeouts", "watch_stream"]


@dataclass(frozen=True)
class Deadline:
    """An instant (``time.monotonic()``) by which the current call must end, and the budget that set it.

    Example:
        ```python
        with deadline(5) as limit:
            limit.remaining()  # a little under 5.0
        ```

    """

    expires_at: float
    seconds: float

    def remaining(self) -> float:
        """Seconds left (negative once the deadline has passed).

        Example:
            ```python
            current().remaining()
            ```

        """
        return self.expires_at - time.monotonic()


_current: ContextVar[Deadline | None] = ContextVar("oneroster_deadline", default=None)


def current() -> Deadline | None:
    """Return the deadline of the code running now, or ``None`` when there is none.

    Example:
        ```python
        with deadline(5):
            assert current() is not None
        ```

    """
    return _current.get()


def check_seconds(seconds: object, *, field: str = "deadline") -> float | None:
    """Return ``seconds`` as a float, or raise ``ValidationError`` unless it is ``None`` or finite and > 0.

    Example:
        ```python
        check_seconds(20)  # 20.0
        ```

    """
    if seconds is None:
        return None
    if (
        isinstance(seconds, bool)
        or not isinstance(seconds, int | float)
        or (isinstance(seconds, float) and not math.isfinite(seconds))
        or seconds <= 0
    ):
        raise ValidationError(f"{field} must be a positive number of seconds or None", field=field)
    return float(seconds)


@overload
def deadline(seconds: float) -> AbstractContextManager[Deadline]: ...
@overload
def deadline(seconds: float | None) -> AbstractContextManager[Deadline | None]: ...


def deadline(seconds: float | None) -> AbstractContextManager[Deadline | None]:
    """Give every call to a provider made inside the block ``seconds`` in all, from now.

    An enclosing deadline that ends earlier is kept (a block never extends its caller's
    time); ``None`` leaves things as they are. It applies to this thread, and to the
    worker threads ``stream()`` and ``list_all()`` start for it.

    Example:
        ```python
        import oneroster

        with oneroster.deadline(25):
            client.users.get("u-1")
            client.users("u-1").classes.list_all()
        ```

    The block gets the deadline in force (``None``: none), so a number always gives one.

    """
    return _deadline_block(seconds)


@contextmanager
def _deadline_block(seconds: float | None) -> Iterator[Deadline | None]:
    checked = check_seconds(seconds)
    if checked is None:
        yield _current.get()
        return
    chosen = Deadline(time.monotonic() + checked, checked)
    outer = _current.get()
    if outer is not None and outer.expires_at <= chosen.expires_at:
        chosen = outer
    token = _current.set(chosen)
    try:
        yield chosen
    finally:
        _current.reset(token)


class _ShrinkingTimeouts(dict[str, Any]):
    """httpx's per-request timeouts, each cut to what is left of the deadline at the moment it is read.

    httpcore reads one value at the start of each phase (pool, connect, write, read); reading
    them through this mapping makes every phase end by the deadline, whenever it starts.
    """

    def __init__(self, base: dict[str, Any], limit: Deadline) -> None:
        super().__init__(base)
        self._limit = limit

    def _cut(self, value: Any) -> Any:
        left = max(self._limit.remaining(), 0.001)
        return left if value is None else min(float(value), left)

    def get(self, key: str, default: Any = None) -> Any:
        return self._cut(super().get(key, default))

    def __getitem__(self, key: str) -> Any:
        return self._cut(super().__getitem__(key))


def shrink_timeouts(extensions: dict[str, Any], limit: Deadline) -> None:
    """Make the request's timeouts (``extensions["timeout"]``) end no later than ``limit``.

    Example:
        ```python
        shrink_timeouts(request.extensions, current())
        ```

    """
    base = extensions.get("timeout")
    if isinstance(base, _ShrinkingTimeouts):
        base = dict(base.items())
    extensions["timeout"] = _ShrinkingTimeouts(dict(base or {}), limit)


class _Watchdog:
    """One daemon thread that shuts down the socket of a body still arriving when its deadline passes.

    A socket read blocks for up to the read timeout httpcore fixed when the body began; this
    is what ends it on time instead. Registering and cancelling cost a heap push and a dict
    removal; the thread only wakes when the earliest deadline changes or passes.
    """

    def __init__(self) -> None:
        self._reset()
        if hasattr(os, "register_at_fork"):
            os.register_at_fork(after_in_child=self._reset)

    def _reset(self) -> None:
        # After a fork the thread is gone and the lock may be held: start from nothing.
        self._cond = threading.Condition(threading.Lock())
        self._heap: list[tuple[float, int]] = []
        self._live: dict[int, Callable[[], None]] = {}
        self._keys = itertools.count()
        self._thread: threading.Thread | None = None

    def watch(self, at: float, action: Callable[[], None]) -> int:
        with self._cond:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="oneroster-deadlines", daemon=True)
                self._thread.start()
            key = next(self._keys)
            self._live[key] = action
            heapq.heappush(self._heap, (at, key))
            if self._heap[0][1] == key:
                self._cond.notify()
            return key

    def cancel(self, key: int) -> None:
        with self._cond:
            self._live.pop(key, None)
            if len(self._heap) > 2 * len(self._live) + 64:
                # Cancelled entries stay in the heap until they come due; keep it from growing.
                self._heap = [entry for entry in self._heap if entry[1] in self._live]
                heapq.heapify(self._heap)

    def _run(self) -> None:
        with self._cond:
            while True:
                while self._heap and self._heap[0][1] not in self._live:
                    heapq.heappop(self._heap)
                if not self._heap:
                    self._cond.wait()
                    continue
                at, key = self._heap[0]
                delay = at - time.monotonic()
                if delay > 0:
                    self._cond.wait(delay)
                    continue
                heapq.heappop(self._heap)
                action = self._live.pop(key)
                # Under the lock: once cancel() returns, the socket is no longer touched (it may
                # already be back in the pool, serving another request).
                with suppress(Exception):
                    action()


_watchdog = _Watchdog()


def _shutdown(network_stream: Any) -> Callable[[], None]:
    def cut() -> None:
        sock = network_stream.get_extra_info("socket")
        if isinstance(sock, socket.socket):
            # socket.socket's own shutdown, not SSLSocket's: that one also drops its TLS state,
            # which the thread blocked in a read is still using.
            with suppress(OSError):
                socket.socket.shutdown(sock, socket.SHUT_RDWR)

    return cut


@contextmanager
def watch_stream(extensions: dict[str, Any], limit: Deadline | None) -> Iterator[None]:
    """While the block reads a body, shut its connection down if ``limit`` passes.

    The read blocked on it then fails at once; the reader, seeing the deadline passed,
    raises ``DeadlineExceeded``. Works on what httpcore reports as
    ``extensions["network_stream"]``; for a response without one (a mock transport) it
    does nothing, and the reader's check after each chunk is what enforces the deadline.

    Example:
        ```python
        with watch_stream(response.extensions, current()):
            body = b"".join(response.stream)
        ```

    """
    stream = extensions.get("network_stream")
    if limit is None or stream is None or not hasattr(stream, "get_extra_info"):
        yield
        return
    key = _watchdog.watch(limit.expires_at, _shutdown(stream))
    try:
        yield
    finally:
        _watchdog.cancel(key)
