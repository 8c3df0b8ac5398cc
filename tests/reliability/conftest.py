"""Fixtures of the reliability tests: two sandboxes on real loopback HTTP and a fake clock."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from oneroster.sandbox import RunningSandbox, SandboxConfig, serve
from reliability_support import CLIENT_ID, CLIENT_SECRET, PAGE_LIMIT, FakeSleep

SEED = 1
USERS = 300


@pytest.fixture(scope="session")
def sandbox() -> Iterator[RunningSandbox]:
    """A timeback sandbox with its own client secret; tests write under ``rel-`` ids."""
    config = SandboxConfig(profile="timeback", clients={CLIENT_ID: CLIENT_SECRET})
    with serve(seed=SEED, users=USERS, config=config) as running:
        yield running


@pytest.fixture(scope="session")
def paged_sandbox() -> Iterator[RunningSandbox]:
    """A read-only sandbox that clamps every page to ``PAGE_LIMIT`` records (50+ pages of users)."""
    config = SandboxConfig(profile="timeback", default_limit=PAGE_LIMIT, max_limit=PAGE_LIMIT)
    with serve(seed=SEED, users=USERS, config=config) as running:
        yield running


@pytest.fixture(autouse=True)
def _calm(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every test ends with fault injection off, whatever it did."""
    yield
    for name in ("sandbox", "paged_sandbox"):
        if name in request.fixturenames:
            running: RunningSandbox = request.getfixturevalue(name)
            running.quiet()


@pytest.fixture
def sleeps() -> FakeSleep:
    """The fake sleep handed to the client's retry policy."""
    return FakeSleep()
