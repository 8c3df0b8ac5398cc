"""Helpers shared by the sandbox tests: fault switches, counters, clients with a fake clock."""

from __future__ import annotations

from oneroster import OneRoster, RetryPolicy
from oneroster.sandbox import RunningSandbox


class FakeSleep:
    """Records the delays the retry policy asks for instead of sleeping."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


def make_client(running: RunningSandbox, sleep: FakeSleep | None = None, **kwargs: object) -> OneRoster:
    policy = RetryPolicy(sleep=sleep or FakeSleep(), random=lambda: 0.0)
    return OneRoster(**running.client_kwargs(), retry_policy=policy, **kwargs)  # type: ignore[arg-type]
