"""Every example of seeds 003 and 004 (TimeBack's platform API), through the public client, on the sandbox.

Seed 003 is the platform's Rostering API reference (``/rostering/1.0``): 25 endpoints, each with
one request example, and 18 filter examples. Seed 004 is its student-onboarding guide: the
token, four onboarding calls, a query, and three pitfalls. Each call here is the seed's, with
its literal inputs, made through ``OneRoster(profile="timeback-platform")`` against a sandbox
serving that profile, and its documented outcome is asserted.

Where a literal input cannot succeed, the outcome asserted is the error the platform answers,
and the same call with a real input runs beside it:

- ``ORG_SOURCED_ID`` and ``organization-uuid`` are placeholders ("get your org sourcedId from
  GET /rostering/1.0/orgs"): a write naming one is 422, a read of one is 404. The real input is
  the school seed 003's own orgs example finds (``name~'Alpha'``).
- ``COURSE_UUID`` and ``USER_UUID`` in filter examples match nothing; the example's ids do.
- Seed 004 links ``parent-user-uuid``, a user its steps never create (422); the parent its
  step 3 creates (``user-uuid-here``) is linked beside it.

The client's wire format for these examples (envelopes, the filter strings as the seeds write
them, the token request) is checked request by request in tests/unit/test_seed_platform.py.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest
from oneroster import (
    Conflict,
    Forbidden,
    NotFound,
    OneRoster,
    RetryPolicy,
    UnprocessableEntity,
    ValidationError,
)
from oneroster.profiles import ENVIRONMENTS, SCOPE_PREFIX, Environment
from oneroster.sandbox import RunningSandbox, SandboxConfig, serve
from seed_district import ALPHA_SCHOOL, PLATFORM_IDS, add_seed_003_records

import oneroster_client.models as models

pytestmark = pytest.mark.sandbox

PROFILE = "timeback-platform"
I = PLATFORM_IDS  # noqa: E741 - the seed's own example ids, as a table
PLACEHOLDER_ORG = "ORG_SOURCED_ID"
MISSING = "99999999-9999-9999-9999-999999999999"
STAMP = "2026-01-15T00:00:00.000Z"


@pytest.fixture(scope="module")
def platform() -> Iterator[RunningSandbox]:
    """A small district served as the platform, with Alpha's school and the records seed 003 reads."""
    with serve(seed=1, users=60, config=SandboxConfig(profile=PROFILE)) as running:
        add_seed_003_records(running)
        yield running


class Wire:
    """The statuses the platform answered, in order (the client returns None for a write)."""

    def __init__(self) -> None:
        self.statuses: list[tuple[str, str, int]] = []

    def __call__(self, response: httpx.Response) -> None:
        self.statuses.append((response.request.method, response.request.url.path, response.status_code))

    def last(self, method: str) -> int:
        return next(status for m, _, status in reversed(self.statuses) if m == method)


@pytest.fixture
def wire() -> Wire:
    return Wire()


@pytest.fixture
def client(platform: RunningSandbox, wire: Wire) -> Iterator[OneRoster]:
    platform.quiet()
    with OneRoster(
        **platform.client_kwargs(),
        http_client=httpx.Client(event_hooks={"response": [wire]}),
        retry_policy=RetryPolicy(sleep=lambda s: None),
    ) as c:
        yield c


def _ids(records: Any) -> list[str]:
    return [r.sourced_id for r in records]


def _stored(platform: RunningSandbox, kind: str, sourced_id: str) -> dict[str, Any] | None:
    return platform.app_state.store.get(kind, sourced_id)


def _store_ids(platform: RunningSandbox, kind: str, keep: Callable[[dict[str, Any]], bool]) -> list[str]:
    return [r["sourcedId"] for r in platform.app_state.store.iter_kind(kind) if keep(r)]


def _carry(records: Any, fields: str) -> bool:
    """Whether every record answered has each of the fields the seed says it includes."""
    wanted = set(fields.split(", "))
    return all(wanted <= set(record.to_dict()) for record in records)


def _calls(platform: RunningSandbox, op_id: str) -> int:
    return int(platform.stats()["by_operation"].get(op_id, 0))


def _org(client: OneRoster) -> str:
    """The org a partner puts where the seed writes ORG_SOURCED_ID: found with seed 003's orgs example."""
    school = client.orgs.first(filter="name~'Alpha'")
    assert school is not None
    return school.sourced_id


def _real(record: dict[str, Any], org: str, placeholder: str = PLACEHOLDER_ORG) -> dict[str, Any]:
    """The seed's record with its placeholder org replaced by a real one."""
    loaded: dict[str, Any] = json.loads(json.dumps(record).replace(json.dumps(placeholder), json.dumps(org)))
    return loaded


# =============================================================================================
# Seed 003: the Rostering API reference, its request examples in the order of its "typical flow"
# =============================================================================================

# The body of each PUT example, as the seed writes it (inside its {"user": ...} envelope).
ALICE = {
    "sourcedId": I["user"],
    "dateLastModified": STAMP,
    "givenName": "Alice",
    "familyName": "Smith",
    "email": "alice@school.edu",
    "roles": [{"role": "student", "org": {"sourcedId": PLACEHOLDER_ORG}}],
}
COURSE = {
    "sourcedId": I["course"],
    "dateLastModified": STAMP,
    "title": "Math Grade 5",
    "courseCode": "MATH-G5",
    "org": {"sourcedId": PLACEHOLDER_ORG},
    "subjects": ["Math"],
    "grades": ["5"],
}
CLASS = {
    "sourcedId": I["class"],
    "dateLastModified": STAMP,
    "title": "Math Grade 5 - Section 1",
    "course": {"sourcedId": I["course"]},
    "org": {"sourcedId": PLACEHOLDER_ORG},
    "classType": "scheduled",
    "terms": [],
}
ENROLLMENT = {
    "sourcedId": I["enrollment"],
    "dateLastModified": STAMP,
    "user": {"sourcedId": I["user"]},
    "class": {"sourcedId": I["class"]},
    "role": "student",
}


def _flow(client: OneRoster, *, upto: str = "enrollment") -> None:
    """Run the seed's PUT examples (with a real org) up to ``upto``: "Create a course first, then
    a class for that course, then enroll students in the class". Upserts: safe to repeat."""
    org = _org(client)
    client.users.upsert(I["user"], _real(ALICE, org))
    client.courses.upsert(I["course"], _real(COURSE, org))
    if upto == "course":
        return
    client.classes.upsert(I["class"], _real(CLASS, org))
    if upto == "class":
        return
    client.enrollments.upsert(I["enrollment"], ENROLLMENT)


# -- users ----------------------------------------------------------------------------------------


def test_003_get_users(client: OneRoster, platform: RunningSandbox) -> None:
    """``GET /users?filter=status='active'&limit=10``, and the four filter examples of the endpoint."""
    _flow(client, upto="course")
    page = client.users.list(filter="status='active'", limit=10)
    active = _store_ids(platform, "users", lambda u: u["status"] == "active")
    # {"users": [...], "offset": 0, "limit": 10, "total": N}: the total is the body's.
    assert (len(page.data), page.offset, page.total, page.has_more) == (10, 0, len(active), True)
    assert _ids(page) == active[:10]
    assert _carry(page, "sourcedId, givenName, familyName, email, enabledUser, roles, primaryOrg")
    assert _carry((u for u in page if u.roles[0].role == "student"), "grades")  # students have grade levels
    # The endpoint's other query parameters: fields, sort, orderBy, search.
    smiths = client.users.list(
        fields="sourcedId,givenName,email", sort="givenName", order_by="desc", search="Smith"
    )
    assert {I["user"], I["agent"]} <= set(_ids(smiths))
    assert all(set(user.to_dict()) == {"sourcedId", "givenName", "email"} for user in smiths)
    names = [user.given_name for user in smiths]
    assert names == sorted(names, reverse=True)
    # filter=email='alice@school.edu': find a user by exact email.
    assert _ids(client.users.list(filter="email='alice@school.edu'")) == [I["user"]]
    # filter=status='active': only active users.
    assert _ids(client.users.list_all(filter="status='active'")) == active
    # filter=familyName~'Smi': last name contains "Smi".
    smi = client.users.list_all(filter="familyName~'Smi'")
    assert _ids(smi) == _store_ids(platform, "users", lambda u: "smi" in u["familyName"].lower())
    assert {I["user"], I["agent"]} <= set(_ids(smi))
    # filter=status='active' AND role='student': active students only.
    students = client.users.list_all(filter="status='active' AND role='student'")
    assert students and _ids(students) == _store_ids(
        platform,
        "users",
        lambda u: u["status"] == "active" and any(r["role"] == "student" for r in u["roles"]),
    )


def test_003_get_user(client: OneRoster) -> None:
    user = client.users.get(I["existing_user"])
    assert (user.sourced_id, user.given_name, user.email) == (
        I["existing_user"],
        "Riley",
        "riley.stone@alpha.example",
    )
    assert user.roles[0].role == "student" and user.primary_org.sourced_id == ALPHA_SCHOOL[0]
    with pytest.raises(NotFound):  # "404 if not found"
        client.users.get(MISSING)


def test_003_put_user(client: OneRoster, platform: RunningSandbox, wire: Wire) -> None:
    """PUT /users/{id}: the literal body names ORG_SOURCED_ID, which is no org: 422, nothing written."""
    before = _stored(platform, "users", I["user"])
    with pytest.raises(UnprocessableEntity) as caught:
        client.users.upsert(I["user"], ALICE)
    assert PLACEHOLDER_ORG in str(caught.value)
    assert _stored(platform, "users", I["user"]) == before
    # With the org from GET /orgs: created (201) or, the second time, updated (200).
    org = _org(client)
    assert client.users.upsert(I["user"], _real(ALICE, org)) is None
    assert wire.last("PUT") in (200, 201)
    assert client.users.upsert(I["user"], _real(ALICE, org)) is None
    assert wire.last("PUT") == 200
    alice = client.users.get(I["user"])
    assert (alice.given_name, alice.family_name, alice.email, alice.status) == (
        "Alice",
        "Smith",
        "alice@school.edu",
        "active",
    )
    assert (alice.roles[0].role, alice.roles[0].org.sourced_id) == ("student", org)
    stored = _stored(platform, "users", I["user"]) or {}
    assert stored["enabledUser"] == "true"  # "defaults to "true""
    assert stored["metadata"]["createdByApp"] == platform.client_id  # the writing app owns it
    # "403 Forbidden — User not owned by your client application": the platform's own user.
    with pytest.raises(Forbidden):
        client.users.upsert(I["existing_user"], _real({**ALICE, "sourcedId": I["existing_user"]}, org))
    assert (_stored(platform, "users", I["existing_user"]) or {})["givenName"] == "Riley"


def test_003_delete_user(client: OneRoster, platform: RunningSandbox, wire: Wire) -> None:
    _flow(client, upto="course")
    assert client.users.delete(I["user"]) is None
    assert wire.last("DELETE") == 204
    assert (_stored(platform, "users", I["user"]) or {})["status"] == "tobedeleted"  # soft-deleted
    with pytest.raises(NotFound):
        client.users.delete(MISSING)
    # Cross-tenant DELETE is 403, and Alpha-owned students are not partner-deletable.
    for other in ("usr-partner-0001", I["existing_user"]):
        with pytest.raises(Forbidden):
            client.users.delete(other)
        assert (_stored(platform, "users", other) or {})["status"] == "active"
    # Sandbox-scoped users (primary org partner-sandbox) are everyone's.
    assert client.users.delete("usr-partner-0002") is None
    assert (_stored(platform, "users", "usr-partner-0002") or {})["status"] == "tobedeleted"
    _flow(client, upto="course")  # Alice again, active, for the other examples


def test_003_get_user_enrollments(client: OneRoster) -> None:
    _flow(client)
    [enrollment] = client.users(I["user"]).enrollments.list()
    assert (enrollment.sourced_id, enrollment.role) == (I["enrollment"], "student")
    assert (enrollment.user.sourced_id, enrollment.class_.sourced_id) == (I["user"], I["class"])
    assert enrollment.school.sourced_id == _org(client)  # the class's school
    # "Each enrollment includes: sourcedId, role, user, class, course, school, beginDate, endDate"
    # (this one was written without the optional dates).
    assert _carry([enrollment], "sourcedId, role, user, class, course, school")
    assert enrollment.to_dict()["course"]["sourcedId"] == I["course"]
    with pytest.raises(NotFound):
        client.users(MISSING).enrollments.list()


def test_003_link_an_agent(client: OneRoster, wire: Wire) -> None:
    """``PUT /students/2222.../agents/3333...`` with no relationship (seed 003 sends no body)."""
    _flow(client, upto="course")
    assert client.users(I["user"]).add_agent(I["agent"]) is None
    assert wire.last("PUT") in (200, 201)
    [agent] = client.users(I["user"]).agents()
    assert (agent.user.sourced_id, agent.relationship_type) == (I["agent"], None)


def test_003_get_user_agents(client: OneRoster) -> None:
    _flow(client, upto="course")
    client.users(I["user"]).add_agent(I["agent"], relationship="parent")
    agents = client.users(I["user"]).agents()
    # {"agents": [...]}: seed 003 calls them user objects; they are seed 004's links to the users.
    assert [(a.user.sourced_id, a.user.type_, a.relationship_type) for a in agents] == [
        (I["agent"], "user", "parent")
    ]
    assert client.users.get(agents.data[0].user.sourced_id).given_name == "Pat"


def test_003_get_linked_users(client: OneRoster) -> None:
    _flow(client, upto="course")
    client.users(I["user"]).add_agent(I["agent"])
    of_agent = client.users(I["agent"]).linked_users()
    assert I["user"] in _ids(of_agent.students) and of_agent.agents == []
    of_student = client.users(I["user"]).linked_users()
    assert _ids(of_student.agents) == [I["agent"]] and of_student.students == []


def test_003_unlink_an_agent(client: OneRoster, platform: RunningSandbox) -> None:
    _flow(client, upto="course")
    client.users(I["user"]).add_agent(I["agent"])
    assert client.users(I["user"]).remove_agent(I["agent"]) is None
    assert client.users(I["user"]).agents().data == []
    assert [a["sourcedId"] for a in (_stored(platform, "users", I["user"]) or {}).get("agents", [])] == []
    with pytest.raises(NotFound):
        client.users(I["user"]).remove_agent(I["agent"])


# -- courses ----------------------------------------------------------------------------------------


def test_003_get_courses(client: OneRoster, platform: RunningSandbox) -> None:
    _flow(client, upto="course")
    # filter=subjects~'Math' (the request example): courses covering Math.
    math = client.courses.list_all(filter="subjects~'Math'")
    assert I["course"] in _ids(math)
    assert _carry(math, "sourcedId, title, courseCode, subjects, grades, org")
    assert _ids(math) == _store_ids(
        platform, "courses", lambda c: any("math" in s.lower() for s in c.get("subjects") or [])
    )
    # filter=status='active': only active courses.
    active = client.courses.list_all(filter="status='active'")
    assert _ids(active) == _store_ids(platform, "courses", lambda c: c["status"] == "active")


def test_003_get_course(client: OneRoster) -> None:
    _flow(client, upto="course")
    course = client.courses.get(I["course"])
    assert (course.title, course.course_code, course.subjects, course.grades) == (
        "Math Grade 5",
        "MATH-G5",
        ["Math"],
        ["5"],
    )
    with pytest.raises(NotFound):
        client.courses.get(MISSING)


def test_003_put_course(client: OneRoster, platform: RunningSandbox) -> None:
    before = _stored(platform, "courses", I["course"])
    with pytest.raises(UnprocessableEntity) as caught:
        client.courses.upsert(I["course"], COURSE)
    assert PLACEHOLDER_ORG in str(caught.value)
    assert _stored(platform, "courses", I["course"]) == before
    org = _org(client)
    assert client.courses.upsert(I["course"], _real(COURSE, org)) is None
    course = client.courses.get(I["course"])
    assert (course.title, course.org.sourced_id, course.subjects) == ("Math Grade 5", org, ["Math"])
    stored = _stored(platform, "courses", I["course"]) or {}
    assert stored["metadata"]["createdByApp"] == platform.client_id  # "linked to your application"


def test_003_delete_course(client: OneRoster, platform: RunningSandbox, wire: Wire) -> None:
    """Cascade protection: 409 while an enrollment is active; withdraw it, then retry: 204."""
    _flow(client)
    with pytest.raises(Conflict) as caught:
        client.courses.delete(I["course"])
    assert caught.value.status_code == 409 and "Cannot delete course with active enrollments" in str(
        caught.value
    )
    assert (_stored(platform, "courses", I["course"]) or {})["status"] == "active"
    client.enrollments.delete(I["enrollment"])
    assert client.courses.delete(I["course"]) is None
    assert wire.last("DELETE") == 204
    assert (_stored(platform, "courses", I["course"]) or {})["status"] == "tobedeleted"
    with pytest.raises(Forbidden):  # another app's course
        client.courses.delete("crs-partner-0001")
    with pytest.raises(NotFound):
        client.courses.delete(MISSING)
    _flow(client)  # the course, class and enrollment again, for the other examples


# -- classes ----------------------------------------------------------------------------------------


def test_003_get_classes(client: OneRoster, platform: RunningSandbox) -> None:
    _flow(client, upto="class")
    # filter=course.sourcedId='COURSE_UUID': the placeholder names no course...
    assert client.classes.list(filter="course.sourcedId='COURSE_UUID'").data == []
    # ...the request example's course has the example's class.
    assert _ids(client.classes.list(filter=f"course.sourcedId='{I['course']}'")) == [I["class"]]
    # filter=status='active': only active classes.
    active = client.classes.list_all(filter="status='active'")
    assert _ids(active) == _store_ids(platform, "classes", lambda c: c["status"] == "active")


def test_003_get_class(client: OneRoster) -> None:
    _flow(client, upto="class")
    klass = client.classes.get(I["class"])  # answered as {"class": {...}}
    assert (klass.title, klass.class_type, klass.course.sourced_id, klass.terms) == (
        "Math Grade 5 - Section 1",
        "scheduled",
        I["course"],
        [],
    )
    assert klass.school.sourced_id == _org(client)  # the platform's "org"
    with pytest.raises(NotFound):
        client.classes.get(MISSING)


def test_003_put_class(client: OneRoster, platform: RunningSandbox) -> None:
    _flow(client, upto="course")
    before = _stored(platform, "classes", I["class"])
    with pytest.raises(UnprocessableEntity) as caught:
        client.classes.upsert(I["class"], CLASS)
    assert PLACEHOLDER_ORG in str(caught.value)
    assert _stored(platform, "classes", I["class"]) == before
    org = _org(client)
    assert client.classes.upsert(I["class"], _real(CLASS, org)) is None
    klass = client.classes.get(I["class"])
    assert (klass.title, klass.course.sourced_id, klass.school.sourced_id, klass.terms) == (
        "Math Grade 5 - Section 1",
        I["course"],
        org,
        [],
    )


def test_003_delete_class(client: OneRoster, platform: RunningSandbox, wire: Wire) -> None:
    _flow(client, upto="class")
    assert client.classes.delete(I["class"]) is None
    assert wire.last("DELETE") == 204
    assert (_stored(platform, "classes", I["class"]) or {})["status"] == "tobedeleted"
    # Ownership is the parent course's: another app's course, so 403.
    with pytest.raises(Forbidden):
        client.classes.delete("cls-partner-0001")
    with pytest.raises(NotFound):
        client.classes.delete(MISSING)
    _flow(client, upto="class")


def test_003_get_class_enrollments(client: OneRoster, platform: RunningSandbox) -> None:
    _flow(client)
    # The request example: every enrollment of the class.
    assert _ids(client.classes(I["class"]).enrollments()) == [I["enrollment"]]
    # filter=role='student' and filter=status='active', AND-ed onto the implicit class scope.
    students = client.classes(I["class"]).enrollments.list(filter="role='student'")
    active = client.classes(I["class"]).enrollments.list(filter="status='active'")
    assert _ids(students) == _ids(active) == [I["enrollment"]]
    # The same filters on a district class with a teacher and students.
    klass = "cls-partner-0001"
    assert _ids(client.classes(klass).enrollments.list_all(filter="role='student'")) == _store_ids(
        platform,
        "enrollments",
        lambda e: e["class"]["sourcedId"] == klass and e["role"] == "student",
    )


# -- enrollments ------------------------------------------------------------------------------------


def test_003_get_enrollments(client: OneRoster, platform: RunningSandbox) -> None:
    _flow(client)
    # filter=role='student' (the request example): only student enrollments.
    students = client.enrollments.list_all(filter="role='student'")
    assert I["enrollment"] in _ids(students)
    assert _ids(students) == _store_ids(platform, "enrollments", lambda e: e["role"] == "student")
    assert _carry(students, "sourcedId, role, user, class, course, school")
    # The dates are optional in a write: the platform's own (Alpha-owned) enrollments have them.
    alphas = [e for e in students if "createdByApp" not in (e.to_dict().get("metadata") or {})]
    assert alphas and _carry(alphas, "beginDate, endDate")
    # filter=user.sourcedId='USER_UUID': the placeholder is no user; the example's user has one.
    assert client.enrollments.list(filter="user.sourcedId='USER_UUID'").data == []
    assert _ids(client.enrollments.list(filter=f"user.sourcedId='{I['user']}'")) == [I["enrollment"]]
    # filter=status='active' AND role='student': active student enrollments.
    active = client.enrollments.list_all(filter="status='active' AND role='student'")
    assert _ids(active) == _store_ids(
        platform, "enrollments", lambda e: e["status"] == "active" and e["role"] == "student"
    )


def test_003_get_enrollment(client: OneRoster) -> None:
    _flow(client)
    enrollment = client.enrollments.get(I["enrollment"])
    assert (enrollment.user.sourced_id, enrollment.class_.sourced_id, enrollment.role) == (
        I["user"],
        I["class"],
        "student",
    )
    with pytest.raises(NotFound):
        client.enrollments.get(MISSING)


def test_003_put_enrollment(client: OneRoster, platform: RunningSandbox) -> None:
    """The literal body runs as written: its student and class exist (created first, as the seed says)."""
    _flow(client, upto="class")
    assert client.enrollments.upsert(I["enrollment"], ENROLLMENT) is None
    stored = _stored(platform, "enrollments", I["enrollment"]) or {}
    assert (stored["user"]["sourcedId"], stored["class"]["sourcedId"], stored["role"], stored["status"]) == (
        I["user"],
        I["class"],
        "student",
        "active",
    )
    # "The student and class must already exist."
    with pytest.raises(UnprocessableEntity):
        client.enrollments.upsert("enr-nobody", {**ENROLLMENT, "sourcedId": "enr-nobody", "user": MISSING})
    assert _stored(platform, "enrollments", "enr-nobody") is None


def test_003_delete_enrollment(client: OneRoster, platform: RunningSandbox, wire: Wire) -> None:
    _flow(client)
    assert client.enrollments.delete(I["enrollment"]) is None
    assert wire.last("DELETE") == 204
    assert (_stored(platform, "enrollments", I["enrollment"]) or {})["status"] == "tobedeleted"
    # Ownership follows Enrollment -> Class -> Course: another app's, so 403.
    with pytest.raises(Forbidden):
        client.enrollments.delete("enr-partner-0001")
    with pytest.raises(NotFound):
        client.enrollments.delete(MISSING)
    _flow(client)


# -- orgs and terms -----------------------------------------------------------------------------------


def test_003_get_orgs(client: OneRoster, platform: RunningSandbox) -> None:
    # The request example: every org, schools and districts.
    assert _ids(client.orgs.list_all()) == _store_ids(platform, "orgs", lambda o: True)
    # filter=type='school': only schools.
    schools = client.orgs.list_all(filter="type='school'")
    assert _ids(schools) == _store_ids(platform, "orgs", lambda o: o["type"] == "school")
    assert _carry(schools, "sourcedId, name, type, identifier, parent")  # the district has no parent
    # filter=name~'Alpha': orgs with "Alpha" in the name.
    assert _ids(client.orgs.list(filter="name~'Alpha'")) == [ALPHA_SCHOOL[0]]


def test_003_get_org(client: OneRoster) -> None:
    # GET /orgs/ORG_SOURCED_ID: the placeholder names no org ("404 if not found")...
    with pytest.raises(NotFound):
        client.orgs.get(PLACEHOLDER_ORG)
    # ...the sourcedId GET /orgs gives does.
    org = client.orgs.get(_org(client))
    assert (org.name, org.type_, org.parent.sourced_id) == (ALPHA_SCHOOL[1], "school", "org-0000")


def test_003_get_terms(client: OneRoster, platform: RunningSandbox) -> None:
    def terms(keep: Callable[[dict[str, Any]], bool]) -> list[str]:
        return _store_ids(platform, "academicSessions", lambda s: s["type"] == "term" and keep(s))

    # filter=schoolYear='2026' (the request example): terms only, never grading periods or years.
    year = client.terms.list_all(filter="schoolYear='2026'")
    assert year and _ids(year) == terms(lambda s: s["schoolYear"] == "2026")
    assert {t.type_ for t in year} == {"term"}
    assert _carry(year, "sourcedId, title, type, startDate, endDate, schoolYear, org")
    # filter=title~'Fall'.
    assert _ids(client.terms.list_all(filter="title~'Fall'")) == terms(lambda s: "fall" in s["title"].lower())
    # filter=startDate>='2026-01-01' AND endDate<='2026-06-30': terms inside a date window.
    window = client.terms.list_all(filter="startDate>='2026-01-01' AND endDate<='2026-06-30'")
    assert window and _ids(window) == terms(
        lambda s: s["startDate"] >= "2026-01-01" and s["endDate"] <= "2026-06-30"
    )
    # "A caller-supplied type filter that conflicts with type='term' ... empty result set."
    assert client.terms.list(filter="type='gradingPeriod'").data == []


# =============================================================================================
# Seed 004: Level 1, student onboarding
# =============================================================================================


def test_004_step_1_obtain_an_access_token(platform: RunningSandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    """``POST https://platform.timeback.com/auth/1.0/token``: Basic auth, the roster.createput scope.

    The production preset is pointed at the sandbox's host for this test only: the same token
    path on the API's host, as the platform has it.
    """
    monkeypatch.setitem(
        ENVIRONMENTS[PROFILE],
        "production",
        Environment(base_url=platform.base_url, token_url=platform.base_url + "/auth/1.0/token"),
    )
    seen: list[httpx.Request] = []
    with OneRoster.timeback(
        env="production",
        platform=True,
        client_id=platform.client_id,
        client_secret=platform.client_secret,
        http_client=httpx.Client(event_hooks={"request": [seen.append]}),
    ) as client:
        org = _org(client)
        # The token's scope is enough for an onboarding write.
        client.students.upsert("student-token-step", {**_student(org), "sourcedId": "student-token-step"})
    token = seen[0]
    assert (token.method, token.url.path) == ("POST", "/auth/1.0/token")
    credentials = f"{platform.client_id}:{platform.client_secret}".encode()
    assert token.headers["Authorization"] == "Basic " + base64.b64encode(credentials).decode()
    form = parse_qs(token.read().decode())
    assert form["grant_type"] == ["client_credentials"]
    assert SCOPE_PREFIX + "roster.createput" in form["scope"][0].split()
    assert [r.url.path for r in seen[1:]] == ["/rostering/1.0/orgs", "/rostering/1.0/students"]
    assert all(r.headers["Authorization"].startswith("Bearer ") for r in seen[1:])


# Step 2's studentData.student and step 3's userData.user, as the guide writes them.
STUDENT = {
    "sourcedId": "student-uuid-here",
    "status": "active",
    "username": "john.doe",
    "enabledUser": "true",
    "givenName": "John",
    "familyName": "Doe",
    "middleName": None,
    "email": "john.doe@example.com",
    "phone": None,
    "grades": ["5"],
    "primaryOrg": {"sourcedId": "organization-uuid", "type": "org"},
}
PARENT = {
    "sourcedId": "user-uuid-here",
    "status": "active",
    "enabledUser": "true",
    "givenName": "Jane",
    "familyName": "Smith",
    "email": "jane.smith@example.com",
    "grades": [],
    "primaryOrg": {"sourcedId": "organization-uuid", "type": "org"},
    "roles": [
        {"roleType": "primary", "role": "parent", "org": {"sourcedId": "organization-uuid", "type": "org"}}
    ],
}


def _student(org: str) -> dict[str, Any]:
    return _real(STUDENT, org, "organization-uuid")


def test_004_onboarding_steps_2_to_6(client: OneRoster, platform: RunningSandbox, wire: Wire) -> None:
    """The guide's steps in order: a student, a parent, the link, the query, the unlink."""
    org = _org(client)
    # Step 2, upsertStudent: "organization-uuid" is the guide's placeholder for your school: 422.
    with pytest.raises(UnprocessableEntity) as caught:
        client.students.upsert(STUDENT["sourcedId"], STUDENT)
    assert "organization-uuid" in str(caught.value)
    assert _stored(platform, "users", "student-uuid-here") is None
    assert client.students.upsert(STUDENT["sourcedId"], _student(org)) is None
    assert wire.statuses[-1][1:] == ("/rostering/1.0/students", 200)  # "Returns 200 OK on success"
    student = client.users.get("student-uuid-here")
    assert (student.username, student.given_name, student.grades, student.primary_org.sourced_id) == (
        "john.doe",
        "John",
        ["5"],
        org,
    )
    assert [r.role for r in student.roles] == ["student"]
    # Step 3, upsertUser, for a parent: 422 with the placeholder; "201 Created" with your org.
    with pytest.raises(UnprocessableEntity):
        client.users.upsert(PARENT["sourcedId"], PARENT)
    assert client.users.upsert(PARENT["sourcedId"], _real(PARENT, org, "organization-uuid")) is None
    assert wire.statuses[-1][1:] == ("/rostering/1.0/users/user-uuid-here", 201)
    assert [r.role for r in client.users.get("user-uuid-here").roles] == ["parent"]
    # Step 4, upsertStudentAgent: the guide's body names "parent-user-uuid", a user no step creates.
    with pytest.raises(UnprocessableEntity) as caught:
        client.users("student-uuid-here").add_agent("parent-user-uuid", relationship="parent")
    assert "parent-user-uuid" in str(caught.value)
    # The parent of step 3, with a free-form relationship: "201 Created".
    assert client.users("student-uuid-here").add_agent("user-uuid-here", relationship="parent") is None
    assert wire.last("PUT") == 201
    # Step 5, getUserAgents: { agents: [{ user: { sourcedId, type }, relationshipType }] }.
    [agent] = client.users("student-uuid-here").agents()
    assert isinstance(agent, models.Agent)
    assert (agent.user.sourced_id, agent.user.type_, agent.relationship_type) == (
        "user-uuid-here",
        "user",
        "parent",
    )
    # Step 6, deleteStudentAgent: "204 No Content on success".
    assert client.users("student-uuid-here").remove_agent("user-uuid-here") is None
    assert wire.last("DELETE") == 204
    assert client.users("student-uuid-here").agents().data == []


def test_004_pitfall_path_and_body_ids_differ(client: OneRoster, platform: RunningSandbox) -> None:
    parent = _real(PARENT, _org(client), "organization-uuid")
    before = _calls(platform, "updateUser")
    with pytest.raises(ValidationError) as caught:  # bad: refused before anything is sent
        client.users.upsert("user-123", {**parent, "sourcedId": "user-456"})
    assert caught.value.field == "sourcedId" and _calls(platform, "updateUser") == before
    assert _stored(platform, "users", "user-123") is None and _stored(platform, "users", "user-456") is None
    # Good: path and body sourcedId match.
    client.users.upsert("user-123", {**parent, "sourcedId": "user-123"})
    assert client.users.get("user-123").given_name == "Jane"


def test_004_pitfall_boolean_enabled_user(client: OneRoster, platform: RunningSandbox) -> None:
    """The guide's bad value, a boolean, is sent as the string the platform wants (its good value)."""
    record = {**_student(_org(client)), "sourcedId": "student-bool", "username": "bool", "enabledUser": True}
    assert client.students.upsert("student-bool", record) is None
    assert (_stored(platform, "users", "student-bool") or {})["enabledUser"] == "true"


def test_004_pitfall_missing_primary_org(client: OneRoster, platform: RunningSandbox) -> None:
    record = {k: v for k, v in _student(_org(client)).items() if k != "primaryOrg"}
    before = _calls(platform, "upsertStudent")
    with pytest.raises(ValidationError) as caught:  # bad: refused before anything is sent
        client.students.upsert("student-noorg", {**record, "sourcedId": "student-noorg"})
    assert caught.value.field == "primaryOrg" and _calls(platform, "upsertStudent") == before
    # Good: include primaryOrg.
    good = {**record, "sourcedId": "student-noorg", "primaryOrg": {"sourcedId": _org(client), "type": "org"}}
    client.students.upsert("student-noorg", good)
    assert client.users.get("student-noorg").primary_org.sourced_id == _org(client)
