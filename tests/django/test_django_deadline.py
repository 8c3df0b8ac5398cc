"""A dead provider gets a 504 before a worker timeout (issue 14, item 7), with the example site's settings.

The example site sets ``TIMEOUT: 30`` and ``MAX_RETRIES: 3`` and leaves ``DEADLINE`` to its
default; before deadlines existed, a provider stalled for 40 s gave a 504 after 123 s. Here
it stalls for 30 s, as long as gunicorn lets a worker live.
These tests time the pages because that time is the behaviour under test.
"""

from __future__ import annotations

import json
import re
import time

import pytest
from django.test import Client, override_settings
from django_site_support import DOCS, setting_for
from oneroster.contrib.django import get_client, parse_settings
from oneroster.contrib.django.conf import DEFAULT_DEADLINE
from oneroster.sandbox import RunningSandbox

pytestmark = pytest.mark.sandbox

#: gunicorn kills a sync worker that has not answered in 30 s (its ``--timeout`` default).
GUNICORN_TIMEOUT = 30.0
#: How late a page may come after the budget: scheduling and rendering, not design.
SLACK = 1.0


def documented_seconds(label: str) -> float:
    """The number of seconds docs/django.md states after ``label`` (e.g. "default deadline")."""
    text = " ".join(DOCS.read_text(encoding="utf-8").split())
    found = re.search(re.escape(label) + r"[^0-9]{0,80}?(\d+(?:\.\d+)?) ?s\b", text, re.IGNORECASE)
    assert found, f"docs/django.md does not state the {label}"
    return float(found.group(1))


def test_the_docs_state_the_default_deadline_and_the_worst_case_wait() -> None:
    assert documented_seconds("default deadline") == DEFAULT_DEADLINE
    assert DEFAULT_DEADLINE <= documented_seconds("worst case") < GUNICORN_TIMEOUT


def test_a_stalled_provider_is_a_504_within_the_documented_worst_case(
    web: Client, classes: dict[str, str], oneroster_sandbox: RunningSandbox
) -> None:
    # The example site's own setting: TIMEOUT 30, MAX_RETRIES 3, no DEADLINE (so the default).
    config = parse_settings(setting_for(oneroster_sandbox))
    site = get_client()
    assert site._engine.deadline == config.deadline == DEFAULT_DEADLINE
    site.users.first()  # the token is fetched before the provider stalls: the API calls hang
    oneroster_sandbox.set_faults(latency_ms=30_000)  # as long as a worker may live

    started = time.monotonic()
    response = web.get(f"/classes/{classes['first']}/roster/", HTTP_ACCEPT="application/json")
    elapsed = time.monotonic() - started

    assert response.status_code == 504
    assert json.loads(response.content)["error"]["code"] == "upstream_timeout"
    assert DEFAULT_DEADLINE - SLACK <= elapsed <= documented_seconds("worst case") + SLACK, f"{elapsed:.1f} s"
    assert elapsed < GUNICORN_TIMEOUT


def test_every_call_of_a_view_shares_the_request_budget(
    web: Client, classes: dict[str, str], oneroster_sandbox: RunningSandbox
) -> None:
    """The gradebook page makes several calls: together, not each, they keep to DEADLINE."""
    with override_settings(ONEROSTER=setting_for(oneroster_sandbox, DEADLINE=1.5)):
        oneroster_sandbox.set_faults(latency_ms=600)  # each call answers, but slowly
        started = time.monotonic()
        response = web.get(f"/classes/{classes['first']}/gradebook/")
        elapsed = time.monotonic() - started

    assert response.status_code == 504
    assert 'data-code="upstream_timeout"' in response.content.decode()
    assert elapsed < 1.5 + SLACK, f"{elapsed:.1f} s"
