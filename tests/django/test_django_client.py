"""``get_client()``: one lazily built client per process, shared by threads, rebuilt on setting changes."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from django_site_support import REPO, setting_for
from oneroster import OneRoster
from oneroster.contrib.django import close_client, get_client
from oneroster.sandbox import RunningSandbox

pytestmark = pytest.mark.sandbox

THREADS = 16


def test_get_client_is_lazy_and_builds_from_the_setting(oneroster_sandbox: RunningSandbox) -> None:
    oneroster_sandbox.reset_stats()

    client = get_client()

    assert isinstance(client, OneRoster)
    assert client.base_url == oneroster_sandbox.base_url
    assert client.profile.name == "ims"
    assert get_client() is client
    counters = oneroster_sandbox.stats()
    assert counters["requests"] == 0 and counters["tokens"] == 0  # nothing is sent until used


def test_sixteen_threads_share_one_client_one_token_and_one_pool(
    oneroster_sandbox: RunningSandbox, classes: dict[str, str]
) -> None:
    close_client()
    oneroster_sandbox.reset_stats()
    start = threading.Barrier(THREADS)

    def work(_: int) -> OneRoster:
        start.wait()  # every thread asks for the client at the same moment
        client = get_client()
        client.classes.get(classes["first"])
        return client

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        clients = list(pool.map(work, range(THREADS)))

    assert len({id(c) for c in clients}) == 1
    after_burst = oneroster_sandbox.stats()
    assert after_burst["tokens"] == 1
    assert after_burst["by_operation"]["getClass"] == THREADS
    assert 1 <= after_burst["connections"] <= THREADS
    # The burst's connections stay open in the one pool and are reused.
    for _ in range(5):
        get_client().classes.get(classes["first"])
    assert oneroster_sandbox.stats()["connections"] == after_burst["connections"]


def test_changing_the_setting_rebuilds_the_client(oneroster_sandbox: RunningSandbox) -> None:
    first = get_client()

    with override_settings(ONEROSTER=setting_for(oneroster_sandbox, PROFILE="timeback", PAGE_SIZE=7)):
        second = get_client()
        assert second is not first
        assert second.profile.name == "timeback"
        assert first._closed  # the replaced client released its connections
        assert get_client() is second

    third = get_client()
    assert third is not second and second._closed
    assert third.profile.name == "ims"


def test_other_setting_changes_keep_the_client() -> None:
    client = get_client()
    with override_settings(DEBUG=True, USE_TZ=False):
        assert get_client() is client


def test_close_client_closes_and_the_next_call_builds_anew() -> None:
    client = get_client()

    close_client()
    close_client()  # twice is fine

    assert client._closed
    assert get_client() is not client


def test_invalid_setting_raises_improperly_configured_on_first_use(oneroster_sandbox: RunningSandbox) -> None:
    setting = setting_for(oneroster_sandbox)
    del setting["BASE_URL"]
    with override_settings(ONEROSTER=setting), pytest.raises(ImproperlyConfigured, match="BASE_URL"):
        get_client()


def test_missing_setting_raises_improperly_configured() -> None:
    from django.conf import settings

    with override_settings():
        del settings.ONEROSTER
        close_client()  # deleting a setting sends no setting_changed signal
        with pytest.raises(ImproperlyConfigured, match="The ONEROSTER setting is missing"):
            get_client()


def _run(script: str, running: RunningSandbox) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("ONEROSTER_", "DJANGO_"))}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script), running.base_url],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=environ,
        timeout=60,
        check=False,
    )


_CONFIGURE = """
    import atexit, os, sys
    from django.conf import settings

    url = sys.argv[1]
    settings.configure(ONEROSTER={
        "BASE_URL": url, "CLIENT_ID": "sandbox-client", "CLIENT_SECRET": "sandbox-secret",
        "TOKEN_URL": url + "/oauth/token", "PROFILE": "ims",
    })
"""


def test_the_client_is_closed_at_interpreter_exit(oneroster_sandbox: RunningSandbox) -> None:
    script = (
        _CONFIGURE
        + """
    seen = []
    # Registered before the integration is imported, so it runs after the integration's own
    # atexit handler (LIFO) and sees whether that closed the client.
    atexit.register(lambda: print("closed at exit:", seen[0]._closed))

    from oneroster.contrib.django import get_client

    seen.append(get_client())
    seen[0].schools.first()
    print("open before exit:", not seen[0]._closed)
    """
    )
    done = _run(script, oneroster_sandbox)

    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["open before exit: True", "closed at exit: True"]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_forked_child_builds_its_own_client(oneroster_sandbox: RunningSandbox) -> None:
    script = (
        _CONFIGURE
        + """
    from oneroster.contrib.django import get_client

    parent = get_client()
    parent.schools.first()
    pid = os.fork()
    if pid == 0:
        child = get_client()
        ok = child is not parent and child.schools.first() is not None
        os._exit(0 if ok else 1)
    _, status = os.waitpid(pid, 0)
    print("child ok:", os.waitstatus_to_exitcode(status) == 0, "parent kept:", get_client() is parent)
    """
    )
    done = _run(script, oneroster_sandbox)

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "child ok: True parent kept: True"
