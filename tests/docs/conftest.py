"""Fixtures for the documentation examples: one sandbox for the session, ONEROSTER_* pointing at it."""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Iterator

import pytest
from oneroster.profiles import ENVIRONMENTS, Environment
from oneroster.sandbox import RunningSandbox, SandboxConfig, serve


# What the docs' fault examples may have switched on, switched off again.
@pytest.fixture(scope="session")
def docs_sandbox() -> Iterator[RunningSandbox]:
    """The provider every documentation example talks to (timeback profile: writes are offered).

    It also holds ``user-123``, the user TimeBack's quick start (in the README) fetches.
    """
    with serve(seed=1, users=300) as running:
        org = {"href": "/orgs/org-0001", "sourcedId": "org-0001", "type": "org"}
        running.app_state.store.put(
            "users",
            {
                "sourcedId": "user-123",
                "status": "active",
                "dateLastModified": "2026-01-15T00:00:00.000Z",
                "enabledUser": "true",
                "givenName": "Sam",
                "familyName": "Seed",
                "roles": [{"roleType": "primary", "role": "student", "org": org}],
                "primaryOrg": org,
            },
        )
        yield running


@pytest.fixture(scope="session")
def docs_sandboxes() -> Iterator[Callable[[str], RunningSandbox]]:
    """Sandboxes of other profiles, by profile, for blocks marked ``<!-- sandbox: PROFILE -->``.

    Each is started on first use (a page that marks no block starts none) and serves the same
    seeded district as ``docs_sandbox``.
    """
    running: dict[str, RunningSandbox] = {}
    with contextlib.ExitStack() as stack:

        def sandbox_for(profile: str) -> RunningSandbox:
            if profile not in running:
                config = SandboxConfig(profile=profile)
                running[profile] = stack.enter_context(serve(seed=1, users=300, config=config))
            return running[profile]

        yield sandbox_for


@pytest.fixture
def docs_environ(docs_sandbox: RunningSandbox, monkeypatch: pytest.MonkeyPatch) -> Iterator[RunningSandbox]:
    """Point ``OneRoster.from_env()`` at the sandbox, and undo what an example changes globally."""
    for name in [name for name in os.environ if name.startswith("ONEROSTER_")]:
        monkeypatch.delenv(name)
    for name, value in docs_sandbox.environ().items():
        monkeypatch.setenv(name, value)
    # TimeBack's quick start says env="staging": here, staging is the sandbox.
    staging = Environment(base_url=docs_sandbox.base_url, token_url=docs_sandbox.token_url)
    monkeypatch.setitem(ENVIRONMENTS["timeback"], "staging", staging)
    logger = logging.getLogger("oneroster")
    level, handlers, propagate = logger.level, list(logger.handlers), logger.propagate
    try:
        yield docs_sandbox
    finally:
        logger.setLevel(level)
        logger.handlers[:] = handlers
        logger.propagate = propagate
        docs_sandbox.quiet()
        docs_sandbox.set_dialect("full")
