"""Fixtures of the Django tests: one ims sandbox, and the example site configured against it.

Django is configured here, lazily, by the session fixture ``django_site`` that every test
of this directory uses (autouse applies to this directory only). Nothing happens at import
or collection time, so a run of ``tests/unit tests/django`` leaves Django unconfigured
for the tests that run before these; ``os.environ`` is only changed while the example's
settings module is imported, so no ``DJANGO_SETTINGS_MODULE`` or ``ONEROSTER_*`` variable
leaks to other tests or their subprocesses. Django cannot be un-configured, so tests that
run after these in the same process see it configured (they do not use it).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from unittest import mock

import pytest
from django_site_support import EXAMPLE_DIR, pick_classes
from oneroster.sandbox import RunningSandbox, SandboxConfig, serve

SEED = 1
USERS = 300
SETTINGS_MODULE = "roster_site.settings"


@pytest.fixture(scope="session")
def oneroster_sandbox() -> Iterator[RunningSandbox]:
    """The sandbox the example site talks to: the official (ims) operation set, seeded district."""
    with serve(seed=SEED, users=USERS, config=SandboxConfig(profile="ims")) as running:
        yield running


@pytest.fixture(scope="session", autouse=True)
def django_site(oneroster_sandbox: RunningSandbox) -> Iterator[None]:
    """Configure Django with the example site's own settings module, fed the sandbox's ONEROSTER_* values."""
    import django
    from django.conf import settings
    from django.test.utils import setup_test_environment, teardown_test_environment

    if settings.configured and getattr(settings, "SETTINGS_MODULE", None) != SETTINGS_MODULE:
        pytest.fail("Django was configured by something else before tests/django ran")
    added_path = str(EXAMPLE_DIR) not in sys.path
    if added_path:
        sys.path.insert(0, str(EXAMPLE_DIR))
    # Only the sandbox's variables: ONEROSTER_* from the outer shell must not mix in.
    environ = {k: v for k, v in os.environ.items() if not k.startswith("ONEROSTER_")}
    environ.update(oneroster_sandbox.environ(), DJANGO_SETTINGS_MODULE=SETTINGS_MODULE)
    with mock.patch.dict(os.environ, environ, clear=True):
        django.setup()  # imports the settings module and runs OneRosterConfig.ready()
    try:
        setup_test_environment()  # the test client's 'testserver' host, template capture
        own_environment = True
    except RuntimeError:  # pytest-django already did it
        own_environment = False
    yield
    from oneroster.contrib.django import close_client

    close_client()
    if own_environment:
        teardown_test_environment()
    if added_path:
        sys.path.remove(str(EXAMPLE_DIR))


@pytest.fixture(autouse=True)
def _fresh(oneroster_sandbox: RunningSandbox) -> Iterator[None]:
    """Each test starts without faults; the shared client is dropped after each test."""
    yield
    oneroster_sandbox.quiet()
    from oneroster.contrib.django import close_client

    close_client()


@pytest.fixture(scope="session")
def classes(oneroster_sandbox: RunningSandbox) -> dict[str, str]:
    """Class ids worth testing: 'first', 'most_results', 'apostrophe' (a student named O'...)."""
    return pick_classes(oneroster_sandbox)


@pytest.fixture
def web() -> object:
    """Django's test client (a fresh one per test)."""
    from django.test import Client

    return Client()
