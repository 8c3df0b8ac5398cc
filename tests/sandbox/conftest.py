"""Fixtures: sandboxes on real loopback HTTP, and wrapper clients pointed at them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from oneroster import OneRoster
from oneroster.sandbox import RunningSandbox, serve
from sandbox_support import FakeSleep, make_client

SEED = 1
USERS = 300


@pytest.fixture(scope="session")
def sandbox() -> Iterator[RunningSandbox]:
    """One timeback-profile sandbox for the session; tests write under their own ids."""
    with serve(seed=SEED, users=USERS) as running:
        yield running


@pytest.fixture(scope="session")
def ims_sandbox() -> Iterator[RunningSandbox]:
    """The official (ims) operation set and answers."""
    from oneroster.sandbox import SandboxConfig

    with serve(seed=SEED, users=USERS, config=SandboxConfig(profile="ims")) as running:
        yield running


@pytest.fixture(autouse=True)
def _calm(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every test starts and ends with fault injection off."""
    yield
    for name in ("sandbox", "ims_sandbox"):
        if name in request.fixturenames:
            running: RunningSandbox = request.getfixturevalue(name)
            running.quiet()


@pytest.fixture
def sleeps() -> FakeSleep:
    return FakeSleep()


@pytest.fixture
def client(sandbox: RunningSandbox, sleeps: FakeSleep) -> Iterator[OneRoster]:
    with make_client(sandbox, sleeps) as c:
        yield c


@pytest.fixture
def ims_client(ims_sandbox: RunningSandbox, sleeps: FakeSleep) -> Iterator[OneRoster]:
    with make_client(ims_sandbox, sleeps) as c:
        yield c
