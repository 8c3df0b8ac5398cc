"""Fixtures for the documentation examples: one sandbox for the session, ONEROSTER_* pointing at it."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator

import httpx
import pytest
from oneroster.sandbox import RunningSandbox, serve

# What the docs' fault examples may have switched on, switched off again.
_QUIET_FAULTS = {
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


@pytest.fixture(scope="session")
def docs_sandbox() -> Iterator[RunningSandbox]:
    """The provider every documentation example talks to (timeback profile: writes are offered)."""
    with serve(seed=1, users=300) as running:
        yield running


@pytest.fixture
def docs_environ(docs_sandbox: RunningSandbox, monkeypatch: pytest.MonkeyPatch) -> Iterator[RunningSandbox]:
    """Point ``OneRoster.from_env()`` at the sandbox, and undo what an example changes globally."""
    for name in [name for name in os.environ if name.startswith("ONEROSTER_")]:
        monkeypatch.delenv(name)
    for name, value in docs_sandbox.environ().items():
        monkeypatch.setenv(name, value)
    logger = logging.getLogger("oneroster")
    level, handlers, propagate = logger.level, list(logger.handlers), logger.propagate
    try:
        yield docs_sandbox
    finally:
        logger.setLevel(level)
        logger.handlers[:] = handlers
        logger.propagate = propagate
        httpx.post(docs_sandbox.base_url + "/_sandbox/faults", json=_QUIET_FAULTS).raise_for_status()
