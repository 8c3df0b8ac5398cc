"""The timeback-platform profile over loopback HTTP: seed 004's onboarding, ownership, paging, refusals.

Raw requests (httpx) check what goes over the wire, including what the client would refuse to
send; the public client (``OneRoster(profile="timeback-platform")``) runs the onboarding flow.
Expected values come from the sandbox's own store, read directly.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from oneroster import BadRequest, Conflict, Forbidden, NotFound, OneRoster, ValidationError
from oneroster.operation_index import OPERATIONS
from oneroster.sandbox import RunningSandbox
from oneroster.sandbox.seed import OTHER_APP, PARTNER_SANDBOX_ORG
from sandbox_support import make_client

pytestmark = pytest.mark.sandbox

ROOT = "/rostering/1.0"
ORG = PARTNER_SANDBOX_ORG


class Raw:
    """Requests to the platform sandbox as one client app, with the token fetched once."""

    def __init__(self, sandbox: RunningSandbox, client_id: str = "sandbox-client") -> None:
        token = httpx.post(
            sandbox.token_url,
            auth=(client_id, sandbox.app_state.config.clients[client_id]),
            data={"grant_type": "client_credentials"},
        ).json()["access_token"]
        self.http = httpx.Client(
            base_url=sandbox.base_url + ROOT, headers={"Authorization": f"Bearer {token}"}
        )

    def __call__(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        return self.http.request(method, path, **kwargs)


@pytest.fixture
def raw(platform_sandbox: RunningSandbox) -> Iterator[Raw]:
    requests = Raw(platform_sandbox)
    yield requests
    requests.http.close()


@pytest.fixture
def second(platform_sandbox: RunningSandbox) -> Iterator[Raw]:
    requests = Raw(platform_sandbox, "second-app")
    yield requests
    requests.http.close()


def new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def ref(sourced_id: str, type_: str = "org") -> dict[str, str]:
    return {"sourcedId": sourced_id, "type": type_}


def student_body(sourced_id: str, **changes: Any) -> dict[str, Any]:
    record = {
        "sourcedId": sourced_id,
        "status": "active",
        "username": f"{sourced_id}.user",
        "enabledUser": "true",
        "givenName": "John",
        "familyName": "Doe",
        "middleName": None,
        "email": f"{sourced_id}@example.com",
        "phone": None,
        "grades": ["5"],
        "primaryOrg": ref(ORG),
    }
    record.update(changes)
    return {"student": {k: v for k, v in record.items() if v is not ...}}


def user_body(sourced_id: str, role: str = "parent", **changes: Any) -> dict[str, Any]:
    record = {
        "sourcedId": sourced_id,
        "status": "active",
        "enabledUser": "true",
        "givenName": "Jane",
        "familyName": "Smith",
        "email": f"{sourced_id}@example.com",
        "grades": [],
        "primaryOrg": ref(ORG),
        "roles": [{"roleType": "primary", "role": role, "org": ref(ORG)}],
    }
    record.update(changes)
    return {"user": {k: v for k, v in record.items() if v is not ...}}


def imsx_minor(response: httpx.Response) -> str:
    fields = response.json()["imsx_CodeMinor"]["imsx_codeMinorField"]
    return str(fields[0]["imsx_codeMinorFieldValue"])


def stored(sandbox: RunningSandbox, kind: str, sourced_id: str) -> dict[str, Any] | None:
    return sandbox.app_state.store.get(kind, sourced_id)


# -- what is served -------------------------------------------------------------------------------


def test_every_platform_operation_is_served_and_nothing_else(platform_sandbox: RunningSandbox) -> None:
    mounted = {bound.op_id for bound in platform_sandbox.app_state.routes}
    expected = {op_id for op_id, op in OPERATIONS.items() if "timeback-platform" in op.profiles}
    assert mounted == expected and len(mounted) == 26
    assert all(
        bound.pattern.pattern.startswith("/rostering/1\\.0/") for bound in platform_sandbox.app_state.routes
    )


def test_the_official_roots_are_not_served(raw: Raw, platform_sandbox: RunningSandbox) -> None:
    answer = raw.http.get(platform_sandbox.base_url + "/ims/oneroster/rostering/v1p2/users")
    assert answer.status_code == 404 and imsx_minor(answer) == "unknownobject"


def test_the_default_district_has_no_platform_records(sandbox: RunningSandbox) -> None:
    assert stored(sandbox, "orgs", ORG) is None
    assert stored(sandbox, "users", "usr-partner-0001") is None


# -- seed 004: the onboarding flow through the public client -------------------------------------------


def test_onboarding_flow_through_the_client(
    platform_client: OneRoster, platform_sandbox: RunningSandbox
) -> None:
    student, parent = new_id("stu"), new_id("par")
    platform_client.students.upsert(
        student,
        {
            "username": "john.doe",
            "enabledUser": True,
            "givenName": "John",
            "familyName": "Doe",
            "grades": ["5"],
            "primaryOrg": ORG,
        },
    )
    record = stored(platform_sandbox, "users", student)
    assert record is not None
    assert record["enabledUser"] == "true"
    assert [r["role"] for r in record["roles"]] == ["student"]
    assert record["metadata"]["createdByApp"] == "sandbox-client"
    assert platform_client.users.get(student).username == "john.doe"

    platform_client.users.upsert(
        parent,
        {
            "enabledUser": True,
            "givenName": "Jane",
            "familyName": "Doe",
            "email": "jane@example.com",
            "roles": [{"role": "parent", "org": ORG}],
        },
    )
    platform_client.users(student).add_agent(parent, relationship="parent")
    (agent,) = platform_client.users(student).agents.list_all()
    assert agent.user.sourced_id == parent and agent.relationship_type == "parent"
    linked = platform_client.users(parent).linked_users()
    assert [s.sourced_id for s in linked.students] == [student]
    assert [a.sourced_id for a in platform_client.users(student).linked_users().agents] == [parent]

    platform_client.users(student).remove_agent(parent)
    assert platform_client.users(student).agents.list_all() == []
    with pytest.raises(NotFound):
        platform_client.users(student).remove_agent(parent)


def test_the_client_refuses_the_seed_pitfalls_before_sending(
    platform_client: OneRoster, platform_sandbox: RunningSandbox
) -> None:
    platform_sandbox.reset_stats()
    with pytest.raises(ValidationError, match="primaryOrg"):
        platform_client.students.upsert(
            "s-1",
            {"username": "u", "enabledUser": True, "givenName": "A", "familyName": "B", "grades": ["5"]},
        )
    with pytest.raises(ValidationError, match="does not match"):
        platform_client.users.upsert("user-123", {"sourcedId": "user-456", "givenName": "A"})
    with pytest.raises(ValidationError, match="enabledUser"):
        platform_client.students.upsert("s-1", {"enabledUser": "yes"})
    assert platform_sandbox.stats()["requests"] == 0


def test_enrollments_of_a_user_and_of_a_class_use_the_nested_routes(
    platform_client: OneRoster, platform_sandbox: RunningSandbox
) -> None:
    enrollment = next(platform_sandbox.app_state.store.iter_kind("enrollments"))
    user, klass = enrollment["user"]["sourcedId"], enrollment["class"]["sourcedId"]
    platform_sandbox.reset_stats()
    of_user = platform_client.users(user).enrollments.list_all()
    of_class = platform_client.classes(klass).enrollments.list_all(where={"role": "student"})
    assert enrollment["sourcedId"] in [e.sourced_id for e in of_user]
    assert of_class and all(e.role == "student" and e.class_.sourced_id == klass for e in of_class)
    by_operation = platform_sandbox.stats()["by_operation"]
    assert by_operation.get("getEnrollmentsForUser") and by_operation.get("getEnrollmentsForClass")
    assert "getAllEnrollments" not in by_operation


# -- seed 004 on the wire: statuses and answers ---------------------------------------------------------


def test_upsert_student_answers_200_whether_it_creates_or_replaces(raw: Raw) -> None:
    student = new_id("stu")
    first = raw("PUT", "/students", json=student_body(student))
    again = raw("PUT", "/students", json=student_body(student, givenName="Johnny"))
    assert (first.status_code, again.status_code) == (200, 200)
    assert first.json() == {"status": "created", "sourcedId": student}
    assert again.json()["status"] == "updated"
    assert raw("GET", f"/users/{student}").json()["user"]["givenName"] == "Johnny"


def test_upsert_user_answers_201_then_200(raw: Raw) -> None:
    user = new_id("par")
    assert raw("PUT", f"/users/{user}", json=user_body(user)).status_code == 201
    assert raw("PUT", f"/users/{user}", json=user_body(user, givenName="Janet")).status_code == 200


@pytest.mark.parametrize(
    ("path", "body", "words"),
    [
        ("/users/user-123", user_body("user-456"), "must match"),
        ("/students", student_body("s-bool", enabledUser=True), "not the boolean"),
        ("/students", student_body("s-noorg", primaryOrg=...), "primaryOrg"),
        ("/students", student_body("s-nogrades", grades=[]), "grades"),
        ("/students", {"user": student_body("s-envelope")["student"]}, '{"student"'),
        ("/users/u-norole", user_body("u-norole", roles=[{"role": "parent"}]), "roles[0].org"),
    ],
    ids=[
        "id-mismatch",
        "boolean-enabledUser",
        "missing-primaryOrg",
        "missing-grades",
        "envelope",
        "role-org",
    ],
)
def test_the_seed_pitfalls_are_refused_with_400(
    raw: Raw, path: str, body: dict[str, Any], words: str
) -> None:
    answer = raw("PUT", path, json=body)
    assert answer.status_code == 400, answer.text
    assert imsx_minor(answer) == "invaliddata"
    assert words in answer.json()["imsx_description"]


def test_unknown_org_is_a_422(raw: Raw) -> None:
    answer = raw("PUT", "/students", json=student_body(new_id("stu"), primaryOrg=ref("no-such-org")))
    assert answer.status_code == 422 and "no-such-org" in answer.text


def test_agent_links_have_their_own_id_and_relationship(raw: Raw) -> None:
    student, parent = new_id("stu"), new_id("par")
    raw("PUT", "/students", json=student_body(student))
    raw("PUT", f"/users/{parent}", json=user_body(parent))
    link = {"user": {"sourcedId": parent, "type": "user"}, "relationshipType": "parent"}
    created = raw("PUT", f"/students/{student}/agents/rel-1", json=link)
    changed = raw("PUT", f"/students/{student}/agents/rel-1", json={**link, "relationshipType": "guardian"})
    assert (created.status_code, changed.status_code) == (201, 200)
    agents = raw("GET", f"/users/{student}/agents").json()
    assert agents == {
        "agents": [{"user": {"sourcedId": parent, "type": "user"}, "relationshipType": "guardian"}]
    }
    assert raw("DELETE", f"/students/{student}/agents/rel-1").status_code == 204
    assert raw("GET", f"/users/{student}/agents").json() == {"agents": []}
    assert raw("DELETE", f"/students/{student}/agents/rel-1").status_code == 404


def test_a_body_less_link_names_the_agent_in_the_path(raw: Raw) -> None:
    student, parent = new_id("stu"), new_id("par")
    raw("PUT", "/students", json=student_body(student))
    raw("PUT", f"/users/{parent}", json=user_body(parent, role="guardian"))
    assert raw("PUT", f"/students/{student}/agents/{parent}").status_code == 201
    # A link made without a relationshipType has none.
    (agent,) = raw("GET", f"/users/{student}/agents").json()["agents"]
    assert agent["user"]["sourcedId"] == parent and agent["relationshipType"] is None
    assert raw("GET", f"/users/{parent}/linked-users").json()["students"][0]["sourcedId"] == student


def test_seeded_links_carry_the_agent_role(raw: Raw, platform_sandbox: RunningSandbox) -> None:
    student = next(
        u for u in platform_sandbox.app_state.store.iter_kind("users") if u.get("agents") and "grades" in u
    )
    agents = raw("GET", f"/users/{student['sourcedId']}/agents").json()["agents"]
    assert [a["user"]["sourcedId"] for a in agents] == [a["sourcedId"] for a in student["agents"]]
    assert {a["relationshipType"] for a in agents} <= {"parent", "guardian"}


def test_agent_link_refusals(raw: Raw) -> None:
    student = new_id("stu")
    raw("PUT", "/students", json=student_body(student))
    assert raw("PUT", "/students/no-such-student/agents/x").status_code == 404
    assert raw("PUT", f"/students/{student}/agents/no-such-user").status_code == 422
    bad = raw("PUT", f"/students/{student}/agents/x", json={"user": "x", "relationshipType": 3})
    assert bad.status_code == 400


# -- ownership (403) ------------------------------------------------------------------------------------


def test_another_apps_records_are_refused_with_403(raw: Raw) -> None:
    for method, path, body in [
        ("PUT", "/users/usr-partner-0001", user_body("usr-partner-0001", role="student")),
        ("DELETE", "/users/usr-partner-0001", None),
        ("DELETE", "/courses/crs-partner-0001", None),
        ("DELETE", "/classes/cls-partner-0001", None),
        ("DELETE", "/enrollments/enr-partner-0001", None),
        ("PUT", "/students/usr-partner-0001/agents/x", {"user": {"sourcedId": "usr-partner-0002"}}),
    ]:
        answer = raw(method, path, json=body)
        assert answer.status_code == 403, (method, path, answer.text)
        assert imsx_minor(answer) == "forbidden"
        assert "not owned by your client application" in answer.json()["imsx_description"]


def test_the_district_belongs_to_the_platform(raw: Raw, platform_sandbox: RunningSandbox) -> None:
    user = next(platform_sandbox.app_state.store.iter_kind("users"))
    assert raw("DELETE", f"/users/{user['sourcedId']}").status_code == 403
    assert (stored(platform_sandbox, "users", user["sourcedId"]) or {})["status"] == user["status"]


def test_sandbox_scoped_users_are_everyones(raw: Raw, platform_sandbox: RunningSandbox) -> None:
    parent = stored(platform_sandbox, "users", "usr-partner-0002")
    assert parent is not None and parent["metadata"]["createdByApp"] == OTHER_APP
    assert raw("PUT", "/users/usr-partner-0002", json=user_body("usr-partner-0002")).status_code == 200
    assert raw("DELETE", "/users/usr-partner-0002").status_code == 204
    after = stored(platform_sandbox, "users", "usr-partner-0002")
    assert after is not None and after["status"] == "tobedeleted"
    assert after["metadata"]["createdByApp"] == OTHER_APP  # a replace keeps the owner


def test_one_app_cannot_change_what_another_wrote(
    raw: Raw, second: Raw, platform_sandbox: RunningSandbox
) -> None:
    user = new_id("own")
    body = user_body(
        user, role="student", primaryOrg=ref("org-0001"), roles=[{"role": "student", "org": ref("org-0001")}]
    )
    # A client may not claim another app's ownership in the metadata it sends.
    body["user"]["metadata"] = {"createdByApp": "second-app"}
    assert raw("PUT", f"/users/{user}", json=body).status_code == 201
    assert (stored(platform_sandbox, "users", user) or {})["metadata"]["createdByApp"] == "sandbox-client"
    assert second("PUT", f"/users/{user}", json=body).status_code == 403
    assert second("DELETE", f"/users/{user}").status_code == 403
    assert raw("DELETE", f"/users/{user}").status_code == 204


def test_the_client_raises_forbidden(platform_client: OneRoster) -> None:
    with pytest.raises(Forbidden):
        platform_client.users.delete("usr-partner-0001")


# -- cascade protection (409) ---------------------------------------------------------------------------


def test_a_course_with_active_enrollments_cannot_be_deleted(
    platform_client: OneRoster, raw: Raw, platform_sandbox: RunningSandbox
) -> None:
    course, klass, student, enrollment = new_id("crs"), new_id("cls"), new_id("stu"), new_id("enr")
    platform_client.courses.upsert(course, {"title": "Math Grade 5", "courseCode": "MATH-G5", "org": ORG})
    # The platform's class names its school "org" and may have no terms (seed 003).
    answer = raw(
        "PUT",
        f"/classes/{klass}",
        json={"class": {"sourcedId": klass, "title": "Math 5 - 1", "course": ref(course, "course"),
                        "org": ref(ORG), "classType": "scheduled", "terms": []}},
    )  # fmt: skip
    assert answer.status_code == 201, answer.text
    assert (stored(platform_sandbox, "classes", klass) or {})["school"]["sourcedId"] == ORG
    raw("PUT", "/students", json=student_body(student))
    # The platform does not ask for an enrollment's school: it is the class's.
    enrolled = raw(
        "PUT",
        f"/enrollments/{enrollment}",
        json={"enrollment": {"user": ref(student, "user"), "class": ref(klass, "class"), "role": "student"}},
    )
    assert enrolled.status_code == 201, enrolled.text
    refused = raw("DELETE", f"/courses/{course}")
    assert refused.status_code == 409
    assert refused.json() == {"error": "Cannot delete course with active enrollments"}
    with pytest.raises(Conflict):
        platform_client.courses.delete(course)
    assert raw("DELETE", f"/enrollments/{enrollment}").status_code == 204
    assert raw("DELETE", f"/classes/{klass}").status_code == 204
    assert raw("DELETE", f"/courses/{course}").status_code == 204


# -- paging and filters ------------------------------------------------------------------------------------


def test_paging_conventions(raw: Raw, platform_sandbox: RunningSandbox) -> None:
    users = sum(1 for _ in platform_sandbox.app_state.store.iter_kind("users"))
    page = raw("GET", "/users")
    body = page.json()
    assert (len(body["users"]), body["limit"], body["offset"], body["total"]) == (10, 10, 0, users)
    assert "x-total-count" not in page.headers and "link" not in page.headers
    assert raw("GET", "/users", params={"limit": 1000}).json()["limit"] == 100
    terms = raw("GET", "/terms").json()
    assert set(terms) == {"terms", "offset", "limit", "total"} and terms["terms"]
    assert all(term["type"] == "term" for term in terms["terms"])
    assert raw("GET", "/terms", params={"filter": "type='gradingPeriod'"}).json()["terms"] == []


def test_enrollments_name_their_course_and_terms_their_district(
    raw: Raw, platform_sandbox: RunningSandbox
) -> None:
    # Seed 003's field lists: an enrollment includes its course, a term its org.
    (enrollment,) = raw(
        "GET", "/enrollments", params={"limit": 1, "fields": "sourcedId,class,course"}
    ).json()["enrollments"]
    klass = stored(platform_sandbox, "classes", enrollment["class"]["sourcedId"]) or {}
    assert set(enrollment) == {"sourcedId", "class", "course"}
    assert enrollment["course"]["sourcedId"] == klass["course"]["sourcedId"]
    assert enrollment["course"]["href"].endswith(f"{ROOT}/courses/{klass['course']['sourcedId']}")
    district = next(o for o in platform_sandbox.app_state.store.iter_kind("orgs") if o["type"] == "district")
    terms = raw("GET", "/terms").json()["terms"]
    assert terms and {t["org"]["sourcedId"] for t in terms} == {district["sourcedId"]}
    # Only in answers: the stored 1.2 records are unchanged.
    assert "course" not in (stored(platform_sandbox, "enrollments", enrollment["sourcedId"]) or {"course": 1})


def test_the_platform_issues_tokens_at_its_own_path(platform_sandbox: RunningSandbox) -> None:
    answer = httpx.post(
        platform_sandbox.base_url + "/auth/1.0/token",
        auth=("sandbox-client", platform_sandbox.app_state.config.clients["sandbox-client"]),
        data={"grant_type": "client_credentials"},
    )
    assert answer.status_code == 200 and answer.json()["token_type"] == "Bearer"


def test_the_client_pages_by_the_body_total(
    platform_client: OneRoster, platform_sandbox: RunningSandbox
) -> None:
    expected = [
        u["sourcedId"] for u in platform_sandbox.app_state.store.iter_kind("users") if u["status"] == "active"
    ]
    got = platform_client.users.list_all(where={"status": "active"}, limit=1000)
    assert [u.sourced_id for u in got] == expected
    assert platform_client.terms.list_all()


@pytest.mark.parametrize(
    "text",
    ["status='active' AND role='student'", "familyName~'Smi'", "givenName='Ann' OR givenName='Bo'"],
)
def test_two_predicates_are_accepted(raw: Raw, text: str) -> None:
    assert raw("GET", "/users", params={"filter": text}).status_code == 200


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("status='active' AND role='student' AND grades='05'", "at most 2"),
        ("status='active' AND (role='student' OR role='teacher')", "mixes AND and OR"),
    ],
)
def test_more_than_the_platform_accepts_is_a_400(raw: Raw, text: str, words: str) -> None:
    answer = raw("GET", "/users", params={"filter": text})
    assert answer.status_code == 400
    assert imsx_minor(answer) == "invalid_filter_field" and words in answer.json()["imsx_description"]


def test_role_filters_read_the_users_roles(
    platform_client: OneRoster, platform_sandbox: RunningSandbox
) -> None:
    students = platform_client.users.list_all(where={"role": "student"}, limit=100)
    expected = [
        u["sourcedId"]
        for u in platform_sandbox.app_state.store.iter_kind("users")
        if any(r["role"] == "student" for r in u.get("roles", []))
    ]
    assert [u.sourced_id for u in students] == expected
    # Three predicates are more than the platform takes: the client plans around it...
    three = "status='active' AND role='student' AND grades='05'"
    planned = platform_client.users.list_all(filter=three, limit=100)
    assert {u.sourced_id for u in planned} == {
        u["sourcedId"]
        for u in platform_sandbox.app_state.store.iter_kind("users")
        if u.get("status") == "active"
        and any(r["role"] == "student" for r in u.get("roles", []))
        and "05" in (u.get("grades") or [])
    }
    # ...which a client told the platform takes anything does not, and the platform refuses.
    with make_client(platform_sandbox, dialect="full") as careless, pytest.raises(BadRequest):
        careless.users.list(filter=three)


def test_a_page_size_above_the_platforms_is_clamped_and_paging_still_ends(
    platform_sandbox: RunningSandbox,
) -> None:
    users = [u["sourcedId"] for u in platform_sandbox.app_state.store.iter_kind("users")]
    with make_client(platform_sandbox, page_size=500) as client:
        assert len(client.users.list().data) == 100
        assert [u.sourced_id for u in client.users.list_all(concurrency=1)] == users
