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


# The platform sandbox knows two client apps, so the tests can write as one and be refused as the other.
PLATFORM_CLIENTS = {"sandbox-client": "sandbox-secret", "second-app": "second-app-secret"}


@pytest.fixture(scope="session")
def platform_sandbox() -> Iterator[RunningSandbox]:
    """TimeBack's platform API (/rostering/1.0): onboarding, ownership, its paging and filter rules."""
    from oneroster.sandbox import SandboxConfig

    config = SandboxConfig(profile="timeback-platform", clients=dict(PLATFORM_CLIENTS))
    with serve(seed=SEED, users=USERS, config=config) as running:
        yield running


@pytest.fixture(scope="session")
def v1p1_sandbox() -> Iterator[RunningSandbox]:
    """OneRoster 1.1 (/ims/oneroster/v1p1), projected from the same district."""
    from oneroster.sandbox import SandboxConfig

    with serve(seed=SEED, users=USERS, config=SandboxConfig(profile="v1p1")) as running:
        yield running


@pytest.fixture(autouse=True)
def _calm(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every test starts and ends with fault injection off."""
    yield
    for name in ("sandbox", "ims_sandbox", "platform_sandbox", "v1p1_sandbox"):
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


@pytest.fixture
def platform_client(platform_sandbox: RunningSandbox, sleeps: FakeSleep) -> Iterator[OneRoster]:
    with make_client(platform_sandbox, sleeps) as c:
        yield c


@pytest.fixture
def v1p1_client(v1p1_sandbox: RunningSandbox, sleeps: FakeSleep) -> Iterator[OneRoster]:
    with make_client(v1p1_sandbox, sleeps) as c:
        yield c
