"""The v1p1 profile over loopback HTTP: OneRoster 1.1 roots and records, projected from the 1.2 district.

The client's ``v1p1`` profile and the migration shim (``oneroster.compat``) run against it.
Expected values come from the sandbox's own store (the 1.2 records), read directly.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from oneroster import OneRoster, UnsupportedOperation
from oneroster.compat import ClasslinkConnector
from oneroster.operation_index import OPERATIONS
from oneroster.profiles import PROFILES
from oneroster.sandbox import RunningSandbox
from oneroster.sandbox.v1p1 import NOT_IN_1P1, ROLE_1P1, from_v1p1, to_v1p1

pytestmark = pytest.mark.sandbox

ROOT = "/ims/oneroster/v1p1"


@pytest.fixture
def raw(v1p1_sandbox: RunningSandbox) -> Iterator[httpx.Client]:
    token = httpx.post(
        v1p1_sandbox.token_url,
        auth=(v1p1_sandbox.client_id, v1p1_sandbox.client_secret),
        data={"grant_type": "client_credentials"},
    ).json()["access_token"]
    with httpx.Client(
        base_url=v1p1_sandbox.base_url + ROOT, headers={"Authorization": f"Bearer {token}"}
    ) as http:
        yield http


def stored(sandbox: RunningSandbox, kind: str) -> list[dict[str, Any]]:
    return list(sandbox.app_state.store.iter_kind(kind))


def primary_role(user: dict[str, Any]) -> str:
    role = next(r["role"] for r in user["roles"] if r["roleType"] == "primary")
    return str(ROLE_1P1.get(role, role))


# -- what is served -------------------------------------------------------------------------------


def test_the_1p1_operations_are_served_below_one_root(v1p1_sandbox: RunningSandbox) -> None:
    mounted = {bound.op_id for bound in v1p1_sandbox.app_state.routes}
    official = {op_id for op_id, op in OPERATIONS.items() if "ims" in op.profiles}
    assert mounted == official - NOT_IN_1P1
    assert len(mounted) == 62
    assert all(b.pattern.pattern.startswith("/ims/oneroster/v1p1/") for b in v1p1_sandbox.app_state.routes)
    # The client's v1p1 profile sends exactly these (the others are refused before sending).
    assert {op_id for op_id in OPERATIONS if PROFILES["v1p1"].serves(op_id)} == mounted


def test_what_1p1_lacks_is_not_found(raw: httpx.Client, v1p1_sandbox: RunningSandbox) -> None:
    assert raw.get("/scoreScales").status_code == 404
    assert raw.get("/assessmentLineItems").status_code == 404
    assert raw.get(v1p1_sandbox.base_url + "/ims/oneroster/rostering/v1p2/users").status_code == 404


# -- records -----------------------------------------------------------------------------------------


def test_users_have_a_role_and_orgs(raw: httpx.Client, v1p1_sandbox: RunningSandbox) -> None:
    expected = {u["sourcedId"]: u for u in stored(v1p1_sandbox, "users")}
    users = raw.get("/users", params={"limit": 1000}).json()["users"]
    assert len(users) == len(expected)
    for user in users:
        original = expected[user["sourcedId"]]
        assert not {"roles", "primaryOrg", "userProfiles"} & set(user)
        assert user["role"] == primary_role(original)
        orgs = [o["sourcedId"] for o in user["orgs"]]
        assert orgs[0] == original["primaryOrg"]["sourcedId"]
        assert set(orgs) == {r["org"]["sourcedId"] for r in original["roles"]} | {orgs[0]}
        assert user["status"] == original["status"] and user["enabledUser"] == original["enabledUser"]
    roles = {user["role"] for user in users}
    assert roles <= {
        "administrator",
        "aide",
        "guardian",
        "parent",
        "proctor",
        "relative",
        "student",
        "teacher",
    }
    assert {"administrator", "aide", "student", "teacher", "parent"} <= roles


def test_gradebook_records_are_1p1_records(raw: httpx.Client) -> None:
    item = raw.get("/lineItems", params={"limit": 1}).json()["lineItems"][0]
    assert item["gradingPeriod"]["type"] == "academicSession"
    assert not {"school", "academicSession", "scoreScale"} & set(item)
    category = raw.get("/categories").json()["categories"][0]
    assert "weight" not in category
    result = raw.get("/results", params={"limit": 1}).json()["results"][0]
    assert not {"class", "textScore", "scoreScale", "late", "missing"} & set(result)
    single = raw.get(f"/lineItems/{item['sourcedId']}").json()["lineItem"]
    assert single == item


def test_the_projection_keeps_1p1_fields_as_they_are() -> None:
    record = {
        "sourcedId": "u-1",
        "status": "tobedeleted",
        "givenName": "Ana",
        "roles": [
            {"roleType": "secondary", "role": "teacher", "org": {"sourcedId": "org-2", "type": "org"}},
            {"roleType": "primary", "role": "counselor", "org": {"sourcedId": "org-1", "type": "org"}},
        ],
        "primaryOrg": {"sourcedId": "org-1", "type": "org"},
        "pronouns": "she/her",
        "agents": [],
    }
    assert to_v1p1("users", record) == {
        "sourcedId": "u-1",
        "status": "tobedeleted",
        "givenName": "Ana",
        "role": "aide",
        "orgs": [{"sourcedId": "org-1", "type": "org"}, {"sourcedId": "org-2", "type": "org"}],
        "agents": [],
    }
    absolute = {
        "sourcedId": "c",
        "org": {"href": "http://h/ims/oneroster/rostering/v1p2/orgs/o", "sourcedId": "o"},
    }
    assert to_v1p1("courses", absolute)["org"]["href"] == "http://h/ims/oneroster/v1p1/orgs/o"


# -- queries ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["student", "administrator", "aide", "parent"])
def test_role_filters_match_the_1p1_role(raw: httpx.Client, v1p1_sandbox: RunningSandbox, role: str) -> None:
    answer = raw.get("/users", params={"filter": f"role='{role}'", "limit": 1000, "fields": "sourcedId,role"})
    assert answer.status_code == 200, answer.text
    got = answer.json()["users"]
    expected = [
        u["sourcedId"]
        for u in stored(v1p1_sandbox, "users")
        if role in {ROLE_1P1.get(r["role"], r["role"]) for r in u["roles"]}
    ]
    assert [u["sourcedId"] for u in got] == expected
    assert all(set(u) == {"sourcedId", "role"} for u in got)


def test_orgs_filter_reads_the_roles(raw: httpx.Client, v1p1_sandbox: RunningSandbox) -> None:
    got = raw.get("/users", params={"filter": "orgs.sourcedId='org-0002' AND role!='student'", "limit": 1000})
    expected = [
        u["sourcedId"]
        for u in stored(v1p1_sandbox, "users")
        if any(r["org"]["sourcedId"] == "org-0002" for r in u["roles"])
        and all(r["role"] != "student" for r in u["roles"])
    ]
    assert [u["sourcedId"] for u in got.json()["users"]] == expected and expected


@pytest.mark.parametrize(
    ("params", "minor"),
    [
        ({"filter": "roles.role='student'"}, "invalid_filter_field"),
        ({"filter": "primaryOrg.sourcedId='org-0001'"}, "invalid_filter_field"),
        ({"fields": "roles"}, "invalid_selection_field"),
    ],
)
def test_1p2_fields_are_unknown(raw: httpx.Client, params: dict[str, str], minor: str) -> None:
    answer = raw.get("/users", params=params)
    assert answer.status_code == 400
    assert answer.json()["imsx_CodeMinor"]["imsx_codeMinorField"][0]["imsx_codeMinorFieldValue"] == minor


# -- the 1.1 gradebook writes -----------------------------------------------------------------------


def test_a_1p1_line_item_is_written_and_read_back(raw: httpx.Client, v1p1_sandbox: RunningSandbox) -> None:
    klass = stored(v1p1_sandbox, "classes")[0]
    item = {
        "title": "1.1 quiz",
        "assignDate": "2026-01-20T00:00:00.000Z",
        "dueDate": "2026-01-27T00:00:00.000Z",
        "class": {"href": f"/classes/{klass['sourcedId']}", "sourcedId": klass["sourcedId"], "type": "class"},
        "category": {"href": "/categories/cat-quiz", "sourcedId": "cat-quiz", "type": "category"},
        "gradingPeriod": {
            "href": "/academicSessions/ses-2026-q3",
            "sourcedId": "ses-2026-q3",
            "type": "academicSession",
        },
        "resultValueMin": 0,
        "resultValueMax": 20,
    }
    assert raw.put("/lineItems/v1p1-li-1", json={"lineItem": item}).status_code == 201
    back = raw.get("/lineItems/v1p1-li-1").json()["lineItem"]
    assert back["gradingPeriod"]["sourcedId"] == "ses-2026-q3" and "school" not in back
    kept = v1p1_sandbox.app_state.store.get("lineItems", "v1p1-li-1")
    assert kept is not None
    assert kept["school"] == klass["school"] and kept["academicSession"]["sourcedId"] == "ses-2026-q3"
    refused = raw.put("/lineItems/v1p1-li-2", json={"lineItem": {**item, "school": klass["school"]}})
    assert refused.status_code == 422 and "not OneRoster 1.1" in refused.text
    assert raw.delete("/lineItems/v1p1-li-1").status_code == 204


def test_from_v1p1_passes_other_kinds_through(v1p1_sandbox: RunningSandbox) -> None:
    category = {"sourcedId": "c", "title": "Quiz"}
    assert from_v1p1("categories", category, store=v1p1_sandbox.app_state.store) == category


# -- the client's v1p1 profile and the migration shim ---------------------------------------------------


def _is_student(user: dict[str, Any]) -> bool:
    return any(role.get("role") == "student" for role in user.get("roles", []))


def test_the_client_reads_through_the_v1p1_profile(
    v1p1_client: OneRoster, v1p1_sandbox: RunningSandbox
) -> None:
    klass = v1p1_client.classes.first(sort="title")
    assert klass is not None
    students = v1p1_client.classes(klass.sourced_id).students.list_all()
    expected = {
        e["user"]["sourcedId"]
        for e in stored(v1p1_sandbox, "enrollments")
        if e["class"]["sourcedId"] == klass.sourced_id and e["role"] == "student"
    }
    assert {s.sourced_id for s in students} == expected
    # A 1.1 user reaches the 1.2 model with its 1.1 fields kept beside it.
    assert {s["role"] for s in students} == {"student"}
    assert all(s.to_dict()["orgs"] for s in students)
    # roles.role is a 1.2 path a 1.1 provider does not filter on: the client reads /students instead.
    by_role = v1p1_client.users.list_all(where={"roles.role": "student"})
    assert {u.sourced_id for u in by_role} == {
        u["sourcedId"] for u in stored(v1p1_sandbox, "users") if _is_student(u)
    }


def test_what_1p1_lacks_is_refused_by_the_client_before_sending(v1p1_client: OneRoster) -> None:
    # A 1.1 provider has no score scales (a 404 above); the client's v1p1 profile knows it and
    # sends nothing, rather than a 404 that reads as "no such record" (see docs/profiles.md).
    with pytest.raises(UnsupportedOperation, match="v1p1"):
        v1p1_client.score_scales.first()
    # A class's categories are answered from what they mean: the categories of its line items.
    items = [i for i in v1p1_client.line_items.list_all() if i.class_ is not None and i.category is not None]
    assert items
    class_id = items[0].class_.sourced_id  # type: ignore[union-attr]
    expected = {i.category.sourced_id for i in items if i.class_.sourced_id == class_id}  # type: ignore[union-attr]
    got = {c.sourced_id for c in v1p1_client.classes(class_id).categories.list_all()}
    assert got == expected and expected


def test_the_migration_shim_runs_against_1p1(v1p1_sandbox: RunningSandbox) -> None:
    users = stored(v1p1_sandbox, "users")
    classes = stored(v1p1_sandbox, "classes")
    schools = [o for o in stored(v1p1_sandbox, "orgs") if o["type"] == "school"]
    with ClasslinkConnector(
        v1p1_sandbox.base_url + ROOT + "/", v1p1_sandbox.client_id, v1p1_sandbox.client_secret
    ) as connector:
        assert connector.version == "1.1"
        everyone = connector.get_users(user_filter="students")
    # The 1.1 names of the scopes (docs/migrating.md) are granted too; grouped queries need roster.readonly.
    v1p1_scopes = [
        f"https://purl.imsglobal.org/spec/or/v1p1/scope/{s}"
        for s in ("roster-core.readonly", "roster.readonly")
    ]
    with ClasslinkConnector(
        v1p1_sandbox.base_url, v1p1_sandbox.client_id, v1p1_sandbox.client_secret, scopes=v1p1_scopes
    ) as connector:
        section = connector.get_users(
            user_filter="users", group_filter="classes", group_name=classes[0]["title"]
        )
        school = connector.get_users(
            user_filter="teachers", group_filter="schools", group_name=schools[0]["name"]
        )
    assert len(everyone) == sum(1 for u in users if any(r["role"] == "student" for r in u["roles"]))
    assert {u["role"] for u in everyone} == {"student"} and all("orgs" in u for u in everyone)
    same_title = {c["sourcedId"] for c in classes if c["title"] == classes[0]["title"]}
    enrolled = {
        e["user"]["sourcedId"]
        for e in stored(v1p1_sandbox, "enrollments")
        if e["class"]["sourcedId"] in same_title
    }
    assert {u["sourcedId"] for u in section} == enrolled
    assert school and {u["role"] for u in school} == {"teacher"}
