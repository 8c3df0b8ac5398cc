"""Helpers shared by the sandbox tests: fault switches, counters, clients with a fake clock."""

from __future__ import annotations

import httpx
from oneroster import OneRoster, RetryPolicy
from oneroster.sandbox import RunningSandbox

QUIET = {
    "script": [],
    "latency_ms": 0,
    "rate_429": 0,
    "rate_500": 0,
    "rate_503": 0,
    "rate_drop": 0,
    "rate_truncate": 0,
    "rate_short": 0,
    "omit_link": False,
    "omit_total": False,
    "retry_after": 1.0,
}


def set_faults(running: RunningSandbox, **changes: object) -> None:
    """Change the sandbox's fault injection (POST /_sandbox/faults)."""
    response = httpx.post(running.base_url + "/_sandbox/faults", json=changes)
    response.raise_for_status()


def stats(running: RunningSandbox) -> dict[str, object]:
    """Read the sandbox's counters."""
    return dict(httpx.get(running.base_url + "/_sandbox/stats").json())


def reset_stats(running: RunningSandbox) -> None:
    httpx.post(running.base_url + "/_sandbox/reset").raise_for_status()


class FakeSleep:
    """Records the delays the retry policy asks for instead of sleeping."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


def make_client(running: RunningSandbox, sleep: FakeSleep | None = None, **kwargs: object) -> OneRoster:
    policy = RetryPolicy(sleep=sleep or FakeSleep(), random=lambda: 0.0)
    return OneRoster(**running.client_kwargs(), retry_policy=policy, **kwargs)  # type: ignore[arg-type]
