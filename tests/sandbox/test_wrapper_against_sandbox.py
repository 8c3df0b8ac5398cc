"""The wrapper against the sandbox over real loopback HTTP: reads, paging, queries, writes, errors.

Expected values come from the sandbox's own store (read directly, not through HTTP), so
the tests hold for any seed and size.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import httpx
import pytest
from oneroster import (
    BadRequest,
    Conflict,
    F,
    Forbidden,
    NotFound,
    OneRoster,
    RateLimited,
    ResponseParseError,
    ServerError,
    TransportError,
    Unauthorized,
    UnprocessableEntity,
)
from oneroster.sandbox import RunningSandbox
from sandbox_support import FakeSleep, make_client
from spec_names import unknown_field

SHOE_SIZE = unknown_field("shoeSize")  # a field the spec does not have

pytestmark = pytest.mark.sandbox


def stored(sandbox: RunningSandbox, kind: str) -> list[dict[str, Any]]:
    return list(sandbox.app_state.store.iter_kind(kind))


def ids(records: Any) -> list[str]:
    return [r.sourced_id for r in records]


def calls(sandbox: RunningSandbox, op_id: str) -> int:
    by_operation = sandbox.stats()["by_operation"]
    assert isinstance(by_operation, dict)
    return int(by_operation.get(op_id, 0))


# -- reads and paging ---------------------------------------------------------------


def test_list_all_returns_every_user_in_server_order(client: OneRoster, sandbox: RunningSandbox) -> None:
    expected = [u["sourcedId"] for u in stored(sandbox, "users")]
    assert len(expected) > 300  # users plus parents
    assert ids(client.users.list_all(limit=97)) == expected


@pytest.mark.parametrize(
    ("omit", "profile"),
    [
        ({}, "timeback"),  # Link rel=next
        ({"omit_link": True}, "timeback"),  # X-Total-Count
        ({"omit_link": True, "omit_total": True}, "timeback"),  # body totalCount
        ({"omit_link": True, "omit_total": True}, "ims"),  # nothing: stop on the empty page
    ],
)
def test_paging_stops_on_each_signal(
    omit: dict[str, bool], profile: str, sandbox: RunningSandbox, ims_sandbox: RunningSandbox
) -> None:
    running = sandbox if profile == "timeback" else ims_sandbox
    expected = [u["sourcedId"] for u in stored(running, "users")]
    running.set_faults(**omit)
    running.reset_stats()
    with make_client(running) as c:
        got = ids(c.users.stream(limit=50))
    assert got == expected
    pages = math.ceil(len(expected) / 50)
    # Without any total the client needs one more request to see the empty page.
    extra = 1 if profile == "ims" and omit else 0
    assert calls(running, "getAllUsers") == pages + extra


def test_short_pages_lose_and_repeat_nothing(client: OneRoster, sandbox: RunningSandbox) -> None:
    expected = [u["sourcedId"] for u in stored(sandbox, "users")]
    sandbox.set_faults(rate_short=1.0)
    got = ids(client.users.stream(limit=40))
    assert got == expected


def test_nested_listing_matches_enrollments(client: OneRoster, sandbox: RunningSandbox) -> None:
    klass = stored(sandbox, "classes")[0]
    enrolled = {
        e["user"]["sourcedId"]
        for e in stored(sandbox, "enrollments")
        if e["class"]["sourcedId"] == klass["sourcedId"] and e["role"] == "student"
    }
    got = ids(client.classes(klass["sourcedId"]).students.list_all())
    assert set(got) == enrolled and len(got) == len(enrolled)
    teachers = ids(client.classes(klass["sourcedId"]).teachers.list_all())
    assert len(teachers) >= 1


def test_nested_listing_of_unknown_parent_is_404(client: OneRoster) -> None:
    with pytest.raises(NotFound):
        client.classes("no-such-class").students.list()


def test_get_and_exists(client: OneRoster, sandbox: RunningSandbox) -> None:
    record = stored(sandbox, "users")[5]
    user = client.users.get(record["sourcedId"])
    assert user.given_name == record["givenName"] and user.family_name == record["familyName"]
    assert client.users.exists(record["sourcedId"]) is True
    assert client.users.exists("nobody-here") is False
    with pytest.raises(NotFound):
        client.users.get("nobody-here")


# -- filter, sort, fields, search -----------------------------------------------------


def _users(sandbox: RunningSandbox) -> list[dict[str, Any]]:
    return stored(sandbox, "users")


@pytest.mark.parametrize(
    ("condition", "predicate"),
    [
        (F("status") == "active", lambda u: u["status"] == "active"),
        (F("status") != "active", lambda u: u["status"] != "active"),
        (F("familyName") > "M", lambda u: u["familyName"] > "M"),
        (F("familyName") >= "M", lambda u: u["familyName"] >= "M"),
        (F("familyName") < "D", lambda u: u["familyName"] < "D"),
        (F("familyName") <= "D", lambda u: u["familyName"] <= "D"),
        (F("givenName").contains("an"), lambda u: "an" in u["givenName"].lower()),
        (
            (F("familyName") < "D") & (F("status") == "active"),
            lambda u: u["familyName"] < "D" and u["status"] == "active",
        ),
        (
            (F("familyName") < "C") | (F("familyName") > "W"),
            lambda u: u["familyName"] < "C" or u["familyName"] > "W",
        ),
        (F("roles.role") == "teacher", lambda u: any(r["role"] == "teacher" for r in u["roles"])),
    ],
)
def test_each_filter_operator(
    condition: Any, predicate: Any, client: OneRoster, sandbox: RunningSandbox
) -> None:
    expected = [u["sourcedId"] for u in _users(sandbox) if predicate(u)]
    assert expected, "the seeded district should have matches for every case"
    assert ids(client.users.list_all(where=condition)) == expected


def test_filter_value_with_quote_round_trips(client: OneRoster, sandbox: RunningSandbox) -> None:
    quoted = next(u for u in _users(sandbox) if "'" in u["familyName"])
    got = client.users.list_all(where={"familyName": quoted["familyName"]})
    assert quoted["sourcedId"] in ids(got)
    assert all(u.family_name == quoted["familyName"] for u in got)


def test_date_filter(client: OneRoster, sandbox: RunningSandbox) -> None:
    users = _users(sandbox)
    middle = sorted(u["dateLastModified"] for u in users)[len(users) // 2]
    since = dt.datetime.fromisoformat(middle.replace("Z", "+00:00"))
    expected = [u["sourcedId"] for u in users if u["dateLastModified"] > middle]
    assert ids(client.users.list_all(where=F("dateLastModified") > since)) == expected


@pytest.mark.parametrize("order", ["asc", "desc"])
def test_sort(order: str, client: OneRoster, sandbox: RunningSandbox) -> None:
    users = _users(sandbox)
    names = [u["familyName"] for u in users]
    got = [u.family_name for u in client.users.list_all(sort="familyName", order_by=order, limit=120)]
    assert got == sorted(names, reverse=order == "desc")


def test_fields_selects_only_those(client: OneRoster) -> None:
    page = client.users.list(fields=["sourcedId", "givenName"], limit=5)
    assert len(page.data) == 5
    for user in page.data:
        assert user.sourced_id and user.given_name
        assert user.family_name is None and user.roles is None


def test_unknown_fields_or_filter_field_is_400(client: OneRoster) -> None:
    with pytest.raises(BadRequest):
        client.users.list(fields=["sourcedId", SHOE_SIZE])
    with pytest.raises(BadRequest):
        client.users.list(filter=f"{SHOE_SIZE}='42'")


def test_search(client: OneRoster, sandbox: RunningSandbox) -> None:
    target = _users(sandbox)[10]["familyName"]
    got = client.users.list_all(search=target.lower())
    assert got and all(
        any(target.lower() in str(v).lower() for v in u.to_dict().values() if isinstance(v, str)) for u in got
    )


# -- writes ----------------------------------------------------------------------------


def _school(sandbox: RunningSandbox) -> str:
    return next(o["sourcedId"] for o in stored(sandbox, "orgs") if o["type"] == "school")


def _student(name: str, school: str) -> dict[str, Any]:
    return {
        "givenName": name,
        "familyName": "Test",
        "enabledUser": True,
        "roles": [{"roleType": "primary", "role": "student", "org": school}],
    }


def test_upsert_creates_then_replaces(client: OneRoster, sandbox: RunningSandbox) -> None:
    school = _school(sandbox)
    client.users.upsert("t-upsert-1", _student("Una", school))
    assert client.users.get("t-upsert-1").given_name == "Una"
    client.users.upsert("t-upsert-1", _student("Ulla", school))
    user = client.users.get("t-upsert-1")
    assert user.given_name == "Ulla" and user.status == "active"


def test_create_allocates_and_conflicts(client: OneRoster, sandbox: RunningSandbox) -> None:
    school = _school(sandbox)
    pairs = client.users.create({**_student("Cato", school), "sourcedId": "t-create-1"})
    assert [(p.supplied_sourced_id, p.allocated_sourced_id) for p in pairs] == [("t-create-1", "t-create-1")]
    assert client.users.get("t-create-1").given_name == "Cato"
    with pytest.raises(Conflict):
        client.users.create({**_student("Cato", school), "sourcedId": "t-create-1"})
    (fresh,) = client.users.create(_student("Nameless", school))
    assert isinstance(fresh.allocated_sourced_id, str) and client.users.exists(fresh.allocated_sourced_id)


def test_update_requires_existing(client: OneRoster, sandbox: RunningSandbox) -> None:
    with pytest.raises(NotFound):
        client.users.update("t-never-made", _student("X", _school(sandbox)))


def test_patch_enrollment(client: OneRoster, sandbox: RunningSandbox) -> None:
    enrollment = stored(sandbox, "enrollments")[3]
    client.enrollments.patch(enrollment["sourcedId"], {"endDate": "2027-06-30"})
    after = client.enrollments.get(enrollment["sourcedId"])
    assert str(after.end_date) == "2027-06-30"
    assert after.role == enrollment["role"] and after.user.sourced_id == enrollment["user"]["sourcedId"]


def test_soft_delete(client: OneRoster, sandbox: RunningSandbox) -> None:
    school = _school(sandbox)
    client.users.upsert("t-delete-1", _student("Del", school))
    client.users.delete("t-delete-1")
    assert client.users.get("t-delete-1").status == "tobedeleted"
    client.users.delete("t-delete-1")  # a retried DELETE is harmless
    with pytest.raises(NotFound):
        client.users.delete("t-never-existed")


def test_agents_enroll_and_gradebook(client: OneRoster, sandbox: RunningSandbox) -> None:
    school = _school(sandbox)
    klass = next(c for c in stored(sandbox, "classes") if c["school"]["sourcedId"] == school)
    client.users.upsert("t-kid-1", _student("Kid", school))
    client.users.upsert(
        "t-parent-1",
        {**_student("Pa", school), "roles": [{"roleType": "primary", "role": "parent", "org": school}]},
    )
    client.users("t-kid-1").add_agent("t-parent-1")
    assert ids(client.users("t-kid-1").agents.list_all()) == ["t-parent-1"]
    assert "t-kid-1" in ids(client.users("t-parent-1").agent_for.list_all())
    enrollment_id = client.classes(klass["sourcedId"]).enroll("t-kid-1", school_sourced_id=school)
    assert "t-kid-1" in ids(client.classes(klass["sourcedId"]).students.list_all())
    assert client.enrollments.get(enrollment_id).user.sourced_id == "t-kid-1"
    now = dt.datetime(2026, 9, 1, tzinfo=dt.UTC)
    category = stored(sandbox, "categories")[0]["sourcedId"]
    item = client.line_items.upsert(
        "t-li-1",
        {
            "title": "Quiz",
            "assignDate": now,
            "dueDate": now,
            "class": klass["sourcedId"],
            "school": school,
            "category": category,
        },
    )
    assert item is not None and item.title == "Quiz"
    result = client.results.upsert(
        "t-res-1",
        {
            "lineItem": "t-li-1",
            "student": "t-kid-1",
            "scoreStatus": "fully graded",
            "score": 88,
            "scoreDate": now,
        },
    )
    assert result is not None and result.score == 88
    assert "t-res-1" in ids(client.classes(klass["sourcedId"]).results.list_all())
    client.users("t-kid-1").remove_agent("t-parent-1")
    assert client.users("t-kid-1").agents.list_all() == []


def test_credentials(client: OneRoster, sandbox: RunningSandbox) -> None:
    client.users.upsert("t-cred-1", _student("Cred", _school(sandbox)))
    answer = client.users("t-cred-1").create_credential(
        application_name="reader", username="cr", password="pw-1"
    )
    assert answer.credential_id
    assert client.users("t-cred-1").decrypt_credential(str(answer.credential_id)) == "pw-1"


def test_write_with_unknown_reference_is_422(client: OneRoster, sandbox: RunningSandbox) -> None:
    with pytest.raises(UnprocessableEntity):
        client.enrollments.upsert(
            "t-enr-bad",
            {"user": "nobody", "class": "no-class", "school": _school(sandbox), "role": "student"},
        )
    assert not client.enrollments.exists("t-enr-bad")


# -- auth and error statuses ---------------------------------------------------------------


def test_wrong_secret_is_401(sandbox: RunningSandbox) -> None:
    kwargs = {**sandbox.client_kwargs(), "client_secret": "wrong"}
    with OneRoster(**kwargs) as c, pytest.raises(Unauthorized):
        c.users.list()


def test_missing_scope_is_403(sandbox: RunningSandbox) -> None:
    read_only = ["https://purl.imsglobal.org/spec/or/v1p2/scope/roster.readonly"]
    with OneRoster(**sandbox.client_kwargs(), scopes=read_only) as c:
        assert c.classes.list(limit=1).data
        with pytest.raises(Forbidden):
            c.users.upsert("t-forbidden", _student("F", _school(sandbox)))
        with pytest.raises(Forbidden):
            c.line_items.list()


def test_expired_token_is_refreshed_once(client: OneRoster, sandbox: RunningSandbox) -> None:
    client.users.list(limit=1)
    sandbox.reset_stats()
    sandbox.expire_tokens()
    assert client.users.list(limit=1).data
    assert sandbox.stats()["tokens"] == 1


def test_429_honours_retry_after_then_succeeds(
    client: OneRoster, sandbox: RunningSandbox, sleeps: FakeSleep
) -> None:
    sandbox.set_faults(script=["429", "429"], retry_after=7)
    assert client.orgs.list(limit=2).data
    assert sleeps.calls == [7.0, 7.0]


def test_429_beyond_retries_is_rate_limited(client: OneRoster, sandbox: RunningSandbox) -> None:
    sandbox.set_faults(script=["429"] * 10)
    with pytest.raises(RateLimited) as caught:
        client.orgs.list()
    assert caught.value.retry_after == 1.0


@pytest.mark.parametrize("status", ["500", "503"])
def test_server_errors(status: str, client: OneRoster, sandbox: RunningSandbox) -> None:
    sandbox.set_faults(script=[status] * 10)
    with pytest.raises(ServerError) as caught:
        client.orgs.list()
    assert caught.value.status_code == int(status)


def test_dropped_connection_is_retried(client: OneRoster, sandbox: RunningSandbox) -> None:
    sandbox.set_faults(script=["drop"])
    assert client.orgs.list(limit=3).data


def test_dropped_connection_beyond_retries_is_transport_error(
    client: OneRoster, sandbox: RunningSandbox
) -> None:
    sandbox.set_faults(script=["drop"] * 10)
    with pytest.raises(TransportError):
        client.orgs.list()


def test_truncated_body_is_parse_error(client: OneRoster, sandbox: RunningSandbox) -> None:
    sandbox.set_faults(script=["truncate"])
    with pytest.raises(ResponseParseError):
        client.orgs.list()


def test_bad_json_body_is_400(sandbox: RunningSandbox) -> None:
    with make_client(sandbox) as c:
        c.users.list(limit=1)
    token = httpx.post(
        sandbox.token_url,
        data={"grant_type": "client_credentials"},
        auth=(sandbox.client_id, sandbox.client_secret),
    ).json()["access_token"]
    response = httpx.put(
        sandbox.base_url + "/ims/oneroster/rostering/v1p2/users/x",
        content=b"{not json",
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert (
        response.json()["imsx_CodeMinor"]["imsx_codeMinorField"][0]["imsx_codeMinorFieldValue"]
        == "invaliddata"
    )


def test_retries_reuse_the_connection(sandbox: RunningSandbox) -> None:
    with make_client(sandbox) as c:
        c.orgs.list(limit=1)
        sandbox.reset_stats()
        sandbox.set_faults(script=["429", "503", "429"])
        assert c.orgs.list(limit=2).data
    counters = sandbox.stats()
    assert counters["requests"] == 4
    assert counters["connections"] == 1


def test_debug_log_shows_the_url_really_sent(
    sandbox: RunningSandbox, caplog: pytest.LogCaptureFixture
) -> None:
    with make_client(sandbox) as c, caplog.at_level("DEBUG", logger="oneroster"):
        c.orgs.list(limit=1)
    sent = [r.getMessage() for r in caplog.records if "/orgs" in r.getMessage()]
    assert sent and all("/orgs/?" in message or "/orgs/ " in message for message in sent), sent
