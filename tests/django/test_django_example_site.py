"""The example site (examples/django_app) against the sandbox, through Django's test client.

Expected pages are computed from the sandbox's store, read directly rather than over HTTP.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client, override_settings
from django.utils.html import escape
from django_site_support import (
    expected_gradebook,
    expected_line_items,
    expected_roster,
    read_table,
    setting_for,
)
from oneroster.sandbox import RunningSandbox

pytestmark = pytest.mark.sandbox


def page(response: Any) -> str:
    return response.content.decode("utf-8")


def assert_no_leak(body: str, running: RunningSandbox) -> None:
    """Error pages name neither the provider nor the credentials."""
    assert f"{running.host}:{running.port}" not in body
    assert running.client_secret not in body
    assert "Bearer" not in body and "oauth" not in body.lower()


# -- pages ---------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["first", "most_results", "apostrophe"])
def test_roster_page_lists_the_class_students_by_family_name(
    which: str, web: Client, classes: dict[str, str], oneroster_sandbox: RunningSandbox
) -> None:
    class_id = classes[which]
    expected = expected_roster(oneroster_sandbox, class_id)
    assert expected, "a class without students tests nothing"

    response = web.get(f"/classes/{class_id}/roster/")

    assert response.status_code == 200
    body = page(response)
    title = oneroster_sandbox.app_state.store.get("classes", class_id)["title"]
    assert f"<h1>{escape(title)}</h1>" in body
    assert read_table(body).student_ids == [s["sourcedId"] for s in expected]
    for student in expected:
        assert f"<td>{escape(student['familyName'])}</td><td>{escape(student['givenName'])}</td>" in body
    families = [s.family_name for s in response.context["students"]]
    assert families == sorted(families, key=str.casefold)


@pytest.mark.parametrize("which", ["first", "most_results"])
def test_gradebook_page_shows_each_students_score_per_line_item(
    which: str, web: Client, classes: dict[str, str], oneroster_sandbox: RunningSandbox
) -> None:
    class_id = classes[which]
    expected = expected_gradebook(oneroster_sandbox, class_id)

    response = web.get(f"/classes/{class_id}/gradebook/")

    assert response.status_code == 200
    table = read_table(page(response))
    assert table.column_ids == [li["sourcedId"] for li in expected_line_items(oneroster_sandbox, class_id)]
    assert table.student_ids == list(expected)
    assert table.cells == expected
    assert any(text for row in expected.values() for text in row.values()), "no scores at all tests little"
    for item in expected_line_items(oneroster_sandbox, class_id):
        assert escape(item["title"]) in page(response)


def test_class_list_links_every_active_class(web: Client, oneroster_sandbox: RunningSandbox) -> None:
    store = oneroster_sandbox.app_state.store
    active = [c for c in store.iter_kind("classes") if c.get("status") != "tobedeleted"]

    response = web.get("/")

    assert response.status_code == 200
    listed = read_table(page(response)).class_ids
    assert sorted(listed) == sorted(c["sourcedId"] for c in active)
    titles = [k.title.casefold() for k in response.context["classes"]]
    assert titles == sorted(titles)
    assert f'href="/classes/{active[0]["sourcedId"]}/roster/"' in page(response)


def test_pages_share_one_token_across_requests(
    web: Client, classes: dict[str, str], oneroster_sandbox: RunningSandbox
) -> None:
    oneroster_sandbox.reset_stats()
    for which in ("first", "most_results"):
        assert web.get(f"/classes/{classes[which]}/roster/").status_code == 200
        assert web.get(f"/classes/{classes[which]}/gradebook/").status_code == 200
    counters = oneroster_sandbox.stats()
    assert counters["tokens"] == 1
    assert counters["by_operation"]["getClass"] == 4


def test_an_expired_token_is_renewed_without_an_error_page(
    web: Client, classes: dict[str, str], oneroster_sandbox: RunningSandbox
) -> None:
    url = f"/classes/{classes['first']}/roster/"
    assert web.get(url).status_code == 200
    oneroster_sandbox.reset_stats()
    oneroster_sandbox.expire_tokens()

    assert web.get(url).status_code == 200
    assert oneroster_sandbox.stats()["tokens"] == 1  # one new token after the 401


# -- error pages -----------------------------------------------------------------------


@pytest.mark.parametrize("view", ["roster", "gradebook"])
def test_unknown_class_is_a_404_page(view: str, web: Client, oneroster_sandbox: RunningSandbox) -> None:
    response = web.get(f"/classes/no-such-class/{view}/")

    assert response.status_code == 404
    body = page(response)
    assert "<h1>404 Not Found</h1>" in body
    assert 'data-code="not_found"' in body
    assert "no-such-class" not in body  # the provider's own description is not echoed
    assert_no_leak(body, oneroster_sandbox)
    assert response["Cache-Control"] == "no-store"


def test_unknown_class_as_json(web: Client, oneroster_sandbox: RunningSandbox) -> None:
    response = web.get("/classes/no-such-class/roster/", HTTP_ACCEPT="application/json")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {
        "error": {"status": 404, "code": "not_found", "message": "The requested record does not exist."}
    }


def test_blank_class_id_is_a_400_before_any_request(web: Client, oneroster_sandbox: RunningSandbox) -> None:
    oneroster_sandbox.reset_stats()

    response = web.get("/classes/%20/roster/", HTTP_ACCEPT="application/json")

    assert response.status_code == 400
    error = json.loads(response.content)["error"]
    assert error["code"] == "invalid_request"
    assert error["field"] == "sourcedId"
    assert oneroster_sandbox.stats()["requests"] == 0


def _no_retries(running: RunningSandbox, **overrides: object) -> Any:
    # Retries of a 5xx wait (backoff); without them the fault reaches the page at once.
    return override_settings(ONEROSTER=setting_for(running, MAX_RETRIES=0, **overrides))


def test_provider_503_is_a_502_page(
    web: Client, classes: dict[str, str], oneroster_sandbox: RunningSandbox
) -> None:
    with _no_retries(oneroster_sandbox):
        oneroster_sandbox.set_faults(script=["503"])
        response = web.get(f"/classes/{classes['first']}/roster/")

    assert response.status_code == 502
    body = page(response)
    assert 'data-code="upstream_error"' in body
    assert "injected" not in body  # the provider's text stays in the log
    assert_no_leak(body, oneroster_sandbox)


def test_provider_429_is_a_503_with_retry_after(
    web: Client, classes: dict[str, str], oneroster_sandbox: RunningSandbox
) -> None:
    with _no_retries(oneroster_sandbox):
        oneroster_sandbox.set_faults(script=["429"], retry_after=7)
        response = web.get(f"/classes/{classes['first']}/gradebook/", HTTP_ACCEPT="application/json")

    assert response.status_code == 503
    assert response["Retry-After"] == "7"
    assert json.loads(response.content)["error"]["code"] == "upstream_rate_limited"


def test_a_429_with_retry_after_zero_is_retried_and_the_page_works(
    web: Client, classes: dict[str, str], oneroster_sandbox: RunningSandbox
) -> None:
    # Retry-After: 0 makes the retry immediate, so the default MAX_RETRIES is used without waiting.
    oneroster_sandbox.set_faults(script=["429", "429"], retry_after=0)
    oneroster_sandbox.reset_stats()

    response = web.get(f"/classes/{classes['first']}/roster/")

    assert response.status_code == 200
    assert oneroster_sandbox.stats()["by_operation"]["getClass"] == 3


@pytest.mark.parametrize(
    ("action", "code"),
    [("drop", "upstream_unreachable"), ("truncate", "upstream_bad_response"), ("500", "upstream_error")],
)
def test_broken_answers_are_502_pages(
    action: str, code: str, web: Client, classes: dict[str, str], oneroster_sandbox: RunningSandbox
) -> None:
    with _no_retries(oneroster_sandbox):
        oneroster_sandbox.set_faults(script=[action])
        response = web.get(f"/classes/{classes['first']}/roster/", HTTP_ACCEPT="application/json")

    assert response.status_code == 502
    assert json.loads(response.content)["error"]["code"] == code
    assert_no_leak(page(response), oneroster_sandbox)


def test_slow_provider_is_a_504_page(
    web: Client, classes: dict[str, str], oneroster_sandbox: RunningSandbox
) -> None:
    with _no_retries(oneroster_sandbox, TIMEOUT=0.2):
        oneroster_sandbox.set_faults(latency_ms=1000)
        response = web.get(f"/classes/{classes['first']}/roster/")

    assert response.status_code == 504
    assert 'data-code="upstream_timeout"' in page(response)


def test_rejected_credentials_are_a_502_not_a_401(
    web: Client, classes: dict[str, str], oneroster_sandbox: RunningSandbox
) -> None:
    wrong = "wrong-secret-Zx81"
    with override_settings(ONEROSTER=setting_for(oneroster_sandbox, CLIENT_SECRET=wrong)):
        response = web.get(f"/classes/{classes['first']}/roster/", HTTP_ACCEPT="application/json")

    assert response.status_code == 502
    assert json.loads(response.content)["error"]["code"] == "upstream_auth"
    assert wrong not in page(response)
    assert_no_leak(page(response), oneroster_sandbox)


def test_rejected_static_token_is_a_502(
    web: Client, classes: dict[str, str], oneroster_sandbox: RunningSandbox
) -> None:
    token = "not-a-real-token-Qw7"
    setting = {"BASE_URL": oneroster_sandbox.base_url, "TOKEN": token, "PROFILE": "ims", "MAX_RETRIES": 0}
    with override_settings(ONEROSTER=setting):
        response = web.get(f"/classes/{classes['first']}/roster/")

    assert response.status_code == 502
    assert token not in page(response)
