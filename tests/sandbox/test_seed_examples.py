"""Every example of the seed documents, in our synchronous API, with their literal inputs, on the sandbox.

The seeds (``../shared/seeds/``) are the users' contract: people arrive with code shaped like
their examples. Each test below is one section of one seed; each call of the section is made as
the seed writes it (awaits dropped, camelCase calls in their Python spelling) and its documented
outcome is asserted, on every profile the sandbox serves (``ims``, ``timeback``). Where a
profile's provider does not offer a call, the outcome is ``UnsupportedOperation`` before anything
is sent; where a literal input cannot succeed on a OneRoster provider (a placeholder id, a field
users do not have), the outcome asserted is the error the binding prescribes, and the same call
with a real input is run beside it.

Seed 002 (the 0.0.x package) also runs on the ``v1p1`` sandbox, with the host given bare and
as the 1.1 root its README wrote. Seeds 003 and 004, the platform's own documents, run on the
``timeback-platform`` sandbox in tests/sandbox/test_seed_platform_examples.py.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from oneroster import (
    BadRequest,
    Forbidden,
    NotFound,
    OneRoster,
    RateLimited,
    RetryPolicy,
    ServerError,
    Unauthorized,
    UnprocessableEntity,
    UnsupportedOperation,
    ValidationError,
)
from oneroster.operation_index import OPERATIONS
from oneroster.profiles import ENVIRONMENTS, SCOPE_PREFIX, Environment
from oneroster.sandbox import RunningSandbox, SandboxConfig, Store, serve
from seed_district import BILLY, COUNTS, HIGH_SCHOOL, SEED_IDS, add_seed_000_records, add_seed_002_district

import oneroster_client.models as models

pytestmark = pytest.mark.sandbox

PROFILES = ("ims", "timeback")
I = SEED_IDS  # noqa: E741 - the seeds' own placeholder names, as a table


@pytest.fixture(scope="module", params=PROFILES)
def district(request: pytest.FixtureRequest) -> Iterator[RunningSandbox]:
    """A small seeded district plus the records the seeds name, served under one profile."""
    with serve(seed=1, users=60, config=SandboxConfig(profile=request.param)) as running:
        add_seed_000_records(running)
        yield running


# The ims profile's token asks for the read scopes only; the seeds' gradebook writes need the
# write scopes granted, as a user of a 1EdTech provider would ask for them.
GRANTED = {
    profile: sorted({s for op in OPERATIONS.values() if profile in op.profiles for s in op.scopes})
    for profile in PROFILES
}


@pytest.fixture
def client(district: RunningSandbox) -> Iterator[OneRoster]:
    district.quiet()
    with OneRoster(
        **district.client_kwargs(),
        scopes=GRANTED[district.profile],
        retry_policy=RetryPolicy(sleep=lambda s: None),
    ) as c:
        yield c


def _timeback(client: OneRoster) -> bool:
    return client.profile.name == "timeback"


def _ids(records: Any) -> list[str]:
    return [r.sourced_id for r in records]


def _calls(district: RunningSandbox, op_id: str) -> int:
    return int(district.stats()["by_operation"].get(op_id, 0))


# =============================================================================================
# Seed 000: the TimeBack OneRoster client (timeback-oneroster / @timeback/oneroster)
# =============================================================================================


def test_000_quick_start(district: RunningSandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    """``OneRosterClient(env="staging", client_id=..., client_secret=...)``, then ``users.get("user-123")``.

    The staging preset is pointed at the sandbox for this test only (the preset itself, with
    TimeBack's real URLs, is checked in tests/unit/test_seed_api.py).
    """
    monkeypatch.setitem(
        ENVIRONMENTS["timeback"],
        "staging",
        Environment(base_url=district.base_url, token_url=district.token_url),
    )
    monkeypatch.setenv("ONEROSTER_CLIENT_ID", district.client_id)
    monkeypatch.setenv("ONEROSTER_CLIENT_SECRET", district.client_secret)
    client = OneRoster(
        env="staging",
        client_id=os.environ["ONEROSTER_CLIENT_ID"],
        client_secret=os.environ["ONEROSTER_CLIENT_SECRET"],
    )
    with client:
        assert client.profile.name == "timeback"
        page = client.users.list(where={"role": "student"})
        students, has_more = page.data, page.has_more
        user = client.users.get("user-123")
    assert students and all("student" in _roles(s) for s in students)
    assert has_more == (page.total is not None and page.total > len(students))
    assert (user.sourced_id, user.given_name) == ("user-123", "Sam")


def test_000_users(client: OneRoster, district: RunningSandbox) -> None:
    page = client.users.list()
    assert page.data and page.total is not None and page.total >= len(page.data)
    everyone = client.users.list_all()
    assert len(everyone) == page.total and "user-123" in _ids(everyone)
    user = client.users.get(I["user_id"])
    assert user.given_name == "Sam" and user.roles[0].role == "student"
    assert client.users.exists(I["user_id"]) and not client.users.exists("user-404")
    if not _timeback(client):
        # The 1EdTech API has no user writes: refused before anything is sent.
        for write in (
            lambda: client.users.create(
                given_name="Ada", family_name="Lee", email="a@example.org", role="student"
            ),
            lambda: client.users.update(I["user_id"], given_name="Samuel"),
            lambda: client.users.upsert(I["user_id"], {"givenName": "Sam"}),
            lambda: client.users.delete(I["user_id"]),
        ):
            with pytest.raises(UnsupportedOperation):
                write()
        assert not any(_calls(district, op) for op in ("createUser", "updateUser", "deleteUser"))
        return
    # create(given_name=..., family_name=..., email=..., role=...): a singular role needs its org.
    with pytest.raises(ValidationError) as caught:
        client.users.create(given_name="Ada", family_name="Lee", email="ada@example.org", role="student")
    assert caught.value.field == "role"
    # (The users these examples create belong to the seeded district's org-0001, so that the
    # rosters of school-id stay the ones the other examples assert.)
    [pair] = client.users.create(
        given_name="Ada",
        family_name="Lee",
        email="ada@example.org",
        role="student",
        primary_org="org-0001",
        enabled_user=True,
    )
    created = client.users.get(pair.allocated_sourced_id)
    assert (created.given_name, created.email, created.roles[0].role) == ("Ada", "ada@example.org", "student")
    # The TypeScript form: create({givenName, familyName, email, role}), the org being the client's default.
    with OneRoster(**district.client_kwargs(), default_org="org-0001") as with_org:
        [pair2] = with_org.users.create(
            {
                "givenName": "Ben",
                "familyName": "Lee",
                "email": "ben@example.org",
                "role": "teacher",
                "enabledUser": True,
            }
        )
    assert client.users.get(pair2.allocated_sourced_id).roles[0].org.sourced_id == "org-0001"
    # update(user_id, given_name=...): partial and strict; returns None for rostering.
    assert client.users.update(pair.allocated_sourced_id, given_name="Adah") is None
    updated = client.users.get(pair.allocated_sourced_id)
    assert (updated.given_name, updated.family_name, updated.email) == ("Adah", "Lee", "ada@example.org")
    with pytest.raises(NotFound):
        client.users.update("user-404", given_name="Nobody")
    # upsert(user_id, {givenName, familyName, email, role}): loose, creates it.
    assert (
        client.users.upsert(
            "user-456",
            {
                "givenName": "Cy",
                "familyName": "Lee",
                "email": "cy@example.org",
                "role": "aide",
                "primaryOrg": "org-0001",
                "enabledUser": True,
            },
        )
        is None
    )
    assert client.users.get("user-456").roles[0].role == "aide"
    # delete(user_id): providers soft-delete.
    assert client.users.delete("user-456") is None
    assert client.users.get("user-456").status == "tobedeleted"


def test_000_scoped_user_operations(client: OneRoster) -> None:
    scope = client.users("user-123")
    assert scope.demographics().birth_date.isoformat() == "2014-05-06"
    assert _ids(scope.classes()) == [I["class_id"]]
    assert _ids(scope.resources()) == [I["resource_id"]]
    # Reads work on every provider: where there is no agents route (the 1EdTech documents have
    # none) the planner reads the user's own agents list.
    assert scope.agents().data == []
    assert client.users("parent-123").agent_for().data == []
    if not _timeback(client):
        for call in (
            lambda: scope.add_agent({"sourcedId": "parent-123", "role": "parent"}),
            lambda: scope.remove_agent("parent-123"),
            lambda: scope.decrypt_credential("cred-id"),
        ):
            with pytest.raises(UnsupportedOperation):
                call()
        return
    scope.add_agent({"sourcedId": "parent-123", "role": "parent"})
    assert _ids(scope.agents()) == ["parent-123"]
    assert _ids(client.users("parent-123").agent_for()) == ["user-123"]
    scope.remove_agent("parent-123")
    assert scope.agents().data == []
    # create_credential({"type": "username", "username": "johndoe"}): TimeBack stores a username and
    # password per application; the missing two are named before anything is sent.
    with pytest.raises(ValidationError) as caught:
        scope.create_credential({"type": "username", "username": "johndoe"})
    assert "applicationName, password" in str(caught.value)
    answer = scope.create_credential(
        {"type": "username", "username": "johndoe", "password": "correct-horse"}, application_name="reader"
    )
    with pytest.raises(NotFound):
        scope.decrypt_credential("cred-id")  # the seed's placeholder id names no credential
    assert scope.decrypt_credential(answer.credential_id) == "correct-horse"


def test_000_students_and_teachers(client: OneRoster) -> None:
    assert "user-123" in _ids(client.students.list_all())
    assert client.students.get("user-123").sourced_id == "user-123"
    assert _ids(client.students("user-123").classes()) == [I["class_id"]]
    assert "teacher-123" in _ids(client.teachers.list_all())
    assert client.teachers.get("teacher-123").given_name == "Terry"
    assert _ids(client.teachers("teacher-123").classes()) == [I["class_id"]]


def test_000_schools_and_organizations(client: OneRoster) -> None:
    assert I["school_id"] in _ids(client.schools.list_all())
    assert client.schools.get("school-id").name == "Seed School"
    assert I["school_id"] in _ids(client.orgs.list_all())
    school = client.schools("school-id")
    assert _ids(school.classes()) == [I["class_id"]]
    assert _ids(school.courses()) == [I["course_id"]]
    assert _ids(school.terms()) == [I["term_id"]]
    assert _ids(school.teachers()) == ["teacher-123"]
    assert set(_ids(school.students())) >= {"user-123"}
    assert set(_ids(school.enrollments())) == {"enrollment-id", "enrollment-teacher"}
    assert _ids(school.score_scales()) == [I["score_scale_id"]]
    # A TimeBack route; elsewhere the planner reads the line items whose school is this one.
    assert _ids(school.line_items()) == [I["line_item_id"]]
    # Deeply nested: schools('school-id').class('class-id')...
    klass = school.class_("class-id")
    assert _ids(klass.teachers()) == ["teacher-123"]
    assert _ids(klass.students()) == ["user-123"]
    assert set(_ids(klass.enrollments())) == {"enrollment-id", "enrollment-teacher"}


def test_000_courses_and_classes(client: OneRoster, district: RunningSandbox) -> None:
    assert I["course_id"] in _ids(client.courses.list_all())
    assert _ids(client.courses("course-id").classes()) == [I["class_id"]]
    assert _ids(client.courses("course-id").resources()) == [I["resource_id"]]
    assert client.classes.get("class-id").title == "Seed Class"
    klass = client.classes("class-id")
    assert _ids(klass.students()) == ["user-123"]
    assert _ids(klass.teachers()) == ["teacher-123"]
    assert set(_ids(klass.enrollments())) == {"enrollment-id", "enrollment-teacher"}
    assert _ids(klass.line_items()) == [I["line_item_id"]]
    assert _ids(klass.results()) == [I["result_id"]]
    assert _ids(klass.categories()) == [I["category_id"]]
    assert _ids(klass.score_scales()) == [I["score_scale_id"]]
    assert _ids(klass.resources()) == [I["resource_id"]]
    assert _ids(klass.line_item("line-item-id").results()) == [I["result_id"]]
    assert _ids(klass.student("user-123").results()) == [I["result_id"]]
    if not _timeback(client):
        for call in (
            lambda: client.courses("course-id").components(),
            client.course_components.list,
            lambda: client.component_resources.get("component-resource-id"),
            lambda: client.courses.create_structure({"course": {}, "courseStructure": {}}),
            lambda: client.classes("class-id-2").enroll({"sourcedId": "parent-123", "role": "student"}),
        ):
            with pytest.raises(UnsupportedOperation):
                call()
        return
    assert _ids(client.courses("course-id").components()) == [I["component_id"]]
    assert I["component_id"] in _ids(client.course_components.list_all())
    assert client.course_components.get("component-id").title == "Unit 1: Seeds"
    assert I["component_resource_id"] in _ids(client.component_resources.list_all())
    assert client.component_resources.get("component-resource-id").resource.sourced_id == I["resource_id"]
    # createStructure({...}): a course with its units and lessons in one call.
    lesson = {
        "url": "https://qti.example/tests/1",
        "skillCode": "RP.1",
        "lessonCode": "PA-1",
        "xp": 10,
        "title": "Ratios",
        "unit-title": "Unit 1: Ratios",
        "status": "active",
    }
    [pair] = client.courses.create_structure(
        {
            "course": {
                "sourcedId": "course-structure",
                "title": "Pre-Algebra",
                "courseCode": "PA",
                "org": I["school_id"],
            },
            "courseStructure": {
                "lesson-1": lesson,
                "lesson-2": {**lesson, "title": "Rates", "lessonCode": "PA-2"},
            },
        }
    )
    assert pair.allocated_sourced_id == "course-structure"
    [unit] = client.courses("course-structure").components()
    assert unit.title == "Unit 1: Ratios"
    # enroll({"sourcedId": user_id, "role": "student"}): the school is the class's.
    enrollment_id = client.classes("class-id-2").enroll({"sourcedId": "parent-123", "role": "student"})
    enrollment = client.enrollments.get(enrollment_id)
    assert (enrollment.user.sourced_id, enrollment.school.sourced_id) == ("parent-123", "org-0001")
    client.enrollments.delete(enrollment_id)


def test_000_enrollments(client: OneRoster) -> None:
    assert {"enrollment-id", "enrollment-teacher"} <= set(_ids(client.enrollments.list_all()))
    active = client.enrollments.list_all(where={"status": "active"})
    assert active and all(e.status == "active" for e in active)
    assert client.enrollments.get("enrollment-id").user.sourced_id == "user-123"
    if not _timeback(client):
        with pytest.raises(UnsupportedOperation):
            client.enrollments.create(user="teacher-123", class_="class-id-2", role="teacher")
        with pytest.raises(UnsupportedOperation):
            client.enrollments.patch("enrollment-id", status="tobedeleted")
        return
    # create(user=..., class_=..., role=...): the school comes from the class.
    [pair] = client.enrollments.create(user="parent-123", class_="class-id-2", role="student")
    created = client.enrollments.get(pair.allocated_sourced_id)
    assert (created.class_.sourced_id, created.school.sourced_id, created.role) == (
        "class-id-2",
        "org-0001",
        "student",
    )
    client.enrollments.patch(pair.allocated_sourced_id, status="tobedeleted")
    assert client.enrollments.get(pair.allocated_sourced_id).status == "tobedeleted"


def test_000_terms_and_academic_sessions(client: OneRoster) -> None:
    assert I["term_id"] in _ids(client.terms.list_all())
    assert _ids(client.terms("term-id").classes()) == [I["class_id"]]
    assert _ids(client.terms("term-id").grading_periods()) == [I["grading_period_id"]]
    assert {I["term_id"], I["grading_period_id"]} <= set(_ids(client.academic_sessions.list_all()))
    assert I["grading_period_id"] in _ids(client.grading_periods.list_all())


def test_000_demographics(client: OneRoster) -> None:
    assert "user-123" in _ids(client.demographics.list_all())
    assert client.demographics.get("user-123").sex == "female"


def test_000_gradebook(client: OneRoster, district: RunningSandbox) -> None:
    assert I["category_id"] in _ids(client.categories.list_all())
    assert client.categories.get("category-id").title == "Homework"
    assert I["line_item_id"] in _ids(client.line_items.list_all())
    assert client.line_items.get("line-item-id").title == "Seed Quiz"
    assert _ids(client.line_items("line-item-id").results()) == [I["result_id"]]
    assert I["result_id"] in _ids(client.results.list_all())
    assert I["score_scale_id"] in _ids(client.score_scales.list_all())
    assert I["assessment_line_item_id"] in _ids(client.assessment_line_items.list_all())
    assert I["assessment_result_id"] in _ids(client.assessment_results.list_all())
    # Gradebook and assessment writes return the entity, on both profiles.
    category = client.categories.update("category-id", {"title": "Homework 2.0"})
    assert isinstance(category, models.Category) and (category.title, category.weight) == (
        "Homework 2.0",
        0.3,
    )
    with pytest.raises(NotFound):
        client.categories.update("category-404", {"title": "Homework 2.0"})
    line_item_input = {
        "title": "Seed Test",
        "assignDate": "2025-10-01T08:00:00.000Z",
        "dueDate": "2025-10-08T08:00:00.000Z",
        "class": "class-id",
        "category": "category-id",
    }
    upserted_line_item = client.line_items.upsert("line-item-2", line_item_input)
    assert (
        isinstance(upserted_line_item, models.LineItem)
        and upserted_line_item.school.sourced_id == "school-id"
    )
    assessment_result_input = {
        "assessmentLineItem": "assessment-line-item-id",
        "student": "user-123",
        "score": 80,
        "scoreDate": "2025-10-02",
        "scoreStatus": "fully graded",
    }
    upserted = client.assessment_results.upsert("assessment-result-2", assessment_result_input)
    assert isinstance(upserted, models.AssessmentResult) and upserted.score == 80
    if not _timeback(client):
        with pytest.raises(UnsupportedOperation):
            client.line_items.create(
                title="Quiz 2",
                class_="class-id",
                category="category-id",
                assign_date="2025-10-01",
                due_date="2025-10-08",
            )
        with pytest.raises(UnsupportedOperation):
            client.results.create(
                line_item="line-item-id", student="user-123", score=93, score_status="fully graded"
            )
        return
    # line_items.create(title=..., class_=..., category=..., assign_date=..., due_date=...): the school
    # is the class's.
    [pair] = client.line_items.create(
        title="Quiz 2",
        class_="class-id",
        category="category-id",
        assign_date="2025-10-01T08:00:00Z",
        due_date="2025-10-08T08:00:00Z",
    )
    assert client.line_items.get(pair.allocated_sourced_id).school.sourced_id == "school-id"
    # results.create(line_item=..., student=..., score=..., score_status=...): a result needs its
    # scoreDate, named before sending.
    before = _calls(district, "createResult")
    with pytest.raises(ValidationError) as caught:
        client.results.create(
            line_item="line-item-id", student="user-123", score=93, score_status="fully graded"
        )
    assert caught.value.field == "scoreDate" and _calls(district, "createResult") == before
    [result] = client.results.create(
        line_item="line-item-id",
        student="user-123",
        score=93,
        score_status="fully graded",
        score_date="2025-10-09",
    )
    assert client.results.get(result.allocated_sourced_id).score == 93


def test_000_resources(client: OneRoster) -> None:
    assert I["resource_id"] in _ids(client.resources.list_all())
    if not _timeback(client):
        with pytest.raises(UnsupportedOperation):
            client.resources.create({"title": "Atlas", "vendorResourceId": "ATLAS"})
        with pytest.raises(UnsupportedOperation):
            client.resources("resource-id").export()
        return
    [pair] = client.resources.create({"title": "Atlas", "vendorResourceId": "ATLAS"})
    assert client.resources.get(pair.allocated_sourced_id).title == "Atlas"
    archive = zipfile.ZipFile(io.BytesIO(client.resources("resource-id").export()))
    manifest = archive.read("imsmanifest.xml").decode()
    assert 'identifier="resource-id"' in manifest and "Seed Reader" in manifest


def test_000_pagination(client: OneRoster) -> None:
    total = client.users.list(limit=1).total
    page = client.users.list(offset=10, limit=5)
    assert len(page.data) == 5 and page.offset == 10 and page.next_offset == 15 and page.has_more
    everyone = client.users.list_all()
    streamed = [user.sourced_id for user in client.users.stream()]
    assert len(everyone) == len(streamed) == total and streamed == _ids(everyone)


def _roles(user: Any) -> set[str]:
    return {role.role for role in user.roles}


def test_000_filtering(client: OneRoster) -> None:
    enrollments = client.enrollments.list(where={"status": "active"})
    assert enrollments.data and all(e.status == "active" for e in enrollments.data)
    # where={"role": "student"}: users whose roles include student, on every provider (sent as
    # TimeBack's role field, or answered by /students where the provider has no such filter).
    students = client.users.list(where={"role": "student"})
    assert students.data and all("student" in _roles(u) for u in students.data)
    everyone = client.users.list_all()
    assert _ids(client.users.list_all(where={"role": "student"})) == [
        u.sourced_id for u in everyone if "student" in _roles(u)
    ]
    active = client.users.list_all(where={"role": "student", "status": "active"})
    assert active and all("student" in _roles(u) and u.status == "active" for u in active)


def test_000_users_by_role(client: OneRoster) -> None:
    teachers = client.users.list(where={"role": "teacher"})
    assert teachers.data and all("teacher" in _roles(u) for u in teachers.data)
    # "administrator" is OneRoster 1.1's word; a 1.2 provider's administrators are district or
    # site administrators.
    admin = client.users.first(where={"role": "administrator"})
    assert admin is not None and _roles(admin) & {"districtAdministrator", "siteAdministrator"}


def test_000_error_handling(client: OneRoster) -> None:
    with pytest.raises(NotFound) as caught:
        client.users.get("invalid-id")
    assert caught.value.status_code == 404 and "Not Found" in str(caught.value)


# =============================================================================================
# Seed 001: the Speakeasy SDK (@superbuilders/oneroster), usersManagement
# =============================================================================================


def test_001_get_all_users(client: OneRoster) -> None:
    # fields: "sourcedId,name" is the SDK's placeholder; users have no `name`, and the binding says
    # an unknown field is a 400 invalid_selection_field.
    with pytest.raises(BadRequest) as caught:
        client.users.list(fields="sourcedId,name", filter="status='active'")
    assert caught.value.code_minor == "invalid_selection_field"
    pages = []
    page = client.users.list(fields="sourcedId,givenName", filter="status='active'", limit=20)
    pages.append(page)
    while page.has_more:
        page = client.users.list(
            fields="sourcedId,givenName", filter="status='active'", limit=20, offset=page.next_offset
        )
        pages.append(page)
    users = [user for p in pages for user in p.data]
    assert len(pages) > 1 and len(users) == pages[0].total
    assert all(set(user.to_dict()) <= {"sourcedId", "givenName"} for user in users)


def test_001_create_user(client: OneRoster, district: RunningSandbox) -> None:
    literal = {"enabledUser": True, "givenName": "<value>", "familyName": "<value>", "roles": []}
    if not _timeback(client):
        with pytest.raises(UnsupportedOperation):
            client.users.create(literal)
        return
    before = _calls(district, "createUser")
    with pytest.raises(ValidationError) as caught:
        client.users.create(literal)  # OneRoster 1.2 users hold at least one role
    assert caught.value.field == "roles" and _calls(district, "createUser") == before
    [pair] = client.users.create({**literal, "roles": [{"role": "student", "org": "org-0001"}]})
    assert client.users.get(pair.allocated_sourced_id).given_name == "<value>"


def test_001_get_user(client: OneRoster) -> None:
    with pytest.raises(NotFound):
        client.users.get("<id>")
    assert client.users.get("user-123").family_name == "Seed"


def test_001_update_user(client: OneRoster, district: RunningSandbox) -> None:
    body = {
        "enabledUser": True,
        "givenName": "<value>",
        "familyName": "<value>",
        "roles": [{"roleType": "primary", "role": "aide", "org": {"sourcedId": "<id>"}}],
    }
    if not _timeback(client):
        with pytest.raises(UnsupportedOperation):
            client.users.update("<id>", body)
        return
    before = _calls(district, "updateUser")
    with pytest.raises(NotFound):
        client.users.update("<id>", body)  # "update an existing User": there is none
    assert _calls(district, "updateUser") == before  # strict: nothing was written
    client.users.upsert(
        "user-001",
        {
            "givenName": "Una",
            "familyName": "Old",
            "enabledUser": True,
            "roles": [{"role": "student", "org": "org-0001"}],
        },
    )
    assert client.users.update("user-001", body) is None  # (the sandbox does not check a role's org)
    stored = client.users.get("user-001")
    assert (stored.given_name, stored.roles[0].role, stored.roles[0].org.sourced_id) == (
        "<value>",
        "aide",
        "<id>",
    )


def test_001_delete_user(client: OneRoster) -> None:
    if not _timeback(client):
        with pytest.raises(UnsupportedOperation):
            client.users.delete("<id>")
        return
    with pytest.raises(NotFound):
        client.users.delete("<id>")
    client.users.upsert(
        "user-002",
        {
            "givenName": "Dee",
            "familyName": "Lete",
            "enabledUser": True,
            "roles": [{"role": "student", "org": "org-0001"}],
        },
    )
    assert client.users.delete("user-002") is None
    assert client.users.get("user-002").status == "tobedeleted"


def test_001_get_user_with_demographics(client: OneRoster) -> None:
    if not _timeback(client):
        with pytest.raises(UnsupportedOperation):
            client.users("<id>").with_demographics()
        return
    with pytest.raises(NotFound):
        client.users("<id>").with_demographics()
    user = client.users("user-123").with_demographics()
    assert user.given_name == "Sam" and user.demographics.birth_date.isoformat() == "2014-05-06"


def test_001_get_classes_for_user(client: OneRoster) -> None:
    with pytest.raises(NotFound):
        client.users("<id>").classes.list(fields="sourcedId,name", filter="status='active'")
    with pytest.raises(BadRequest):
        client.users("user-123").classes.list(fields="sourcedId,name", filter="status='active'")
    classes = client.users("user-123").classes.list(fields="sourcedId,title", filter="status='active'")
    assert [(c.sourced_id, c.title) for c in classes] == [("class-id", "Seed Class")]


def test_001_fetch_options_headers_and_retries(district: RunningSandbox) -> None:
    """``options.fetchOptions`` (extra headers) and ``options.retries`` (a retry configuration)."""
    seen: list[httpx.Headers] = []
    transport = httpx.Client(event_hooks={"request": [lambda request: seen.append(request.headers)]})
    waits: list[float] = []
    with OneRoster(
        **district.client_kwargs(),
        http_client=transport,
        retry_policy=RetryPolicy(max_retries=2, sleep=waits.append),
    ) as client:
        traced = client.with_options(headers={"X-Request-Id": "seed-001"})
        district.set_faults(script=["503"])
        assert traced.users.get("user-123").sourced_id == "user-123"
        with pytest.raises(ValidationError):
            client.with_options(headers={"Authorization": "Bearer mine"})
    api = [h for h in seen if "X-Request-Id" in h]
    assert len(api) == 2 and all(h["X-Request-Id"] == "seed-001" for h in api)  # the 503, then the retry
    assert all(h["Authorization"].startswith("Bearer ") and h["Authorization"] != "Bearer mine" for h in api)
    assert len(waits) == 1


def test_001_error_types(district: RunningSandbox, client: OneRoster) -> None:
    """The SDK's error table: 400, 401, 403, 404, 422, 429 and 500 each surface as their own error."""
    with pytest.raises(BadRequest):
        client.users.list(fields="sourcedId,name")
    stranger = OneRoster(base_url=district.base_url, token="not-a-token", profile=district.profile)
    with stranger, pytest.raises(Unauthorized):
        stranger.users.list()
    read_only = [SCOPE_PREFIX + "roster-core.readonly", SCOPE_PREFIX + "roster.readonly"]
    with OneRoster(**district.client_kwargs(), scopes=read_only) as reader, pytest.raises(Forbidden):
        reader.categories.upsert("category-403", {"title": "Homework"})
    with pytest.raises(NotFound):
        client.users.get("<id>")
    with pytest.raises(UnprocessableEntity):
        client.line_items.upsert(
            "line-item-422",
            {
                "title": "T",
                "assignDate": "2025-10-01T00:00:00Z",
                "dueDate": "2025-10-02T00:00:00Z",
                "class": "class-id",
                "school": "school-id",
                "category": "<id>",
            },
        )
    with OneRoster(**district.client_kwargs(), max_retries=0) as once:
        district.set_faults(script=["429"], retry_after=0)
        with pytest.raises(RateLimited):
            once.users.list()
        district.set_faults(script=["500"])
        with pytest.raises(ServerError) as caught:
            once.users.list()
    assert caught.value.status_code == 500


# =============================================================================================
# Seed 002: the oneroster 0.0.x package's README, on the district its output describes
# =============================================================================================


# The 0.0.x package spoke OneRoster 1.1 (its README's paths are /ims/oneroster/v1p1/...): its
# examples run on the 1.1 sandbox too, where the same district is served as 1.1 records.
README_PROFILES = (*PROFILES, "v1p1")
V1P1_ROOT = "/ims/oneroster/v1p1/"


@pytest.fixture(scope="module", params=README_PROFILES)
def readme_district(request: pytest.FixtureRequest) -> Iterator[RunningSandbox]:
    """An otherwise empty sandbox holding exactly the 0.0.x README's district."""
    store = Store()
    try:
        with serve(store=store, config=SandboxConfig(profile=request.param)) as running:
            add_seed_002_district(running)
            yield running
    finally:
        store.close()


@pytest.mark.parametrize("form", ["bare host", "1.1 root"])
def test_002_quick_start_as_written(
    readme_district: RunningSandbox,
    form: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The README's code, top to bottom, with its group names; its printed output, line for line.

    The host is the sandbox's bare host, asked which version it serves; on the 1.1 sandbox also
    the 1.1 root, as the README's host looked (``.../ims/oneroster/v1p1/``).
    """
    for name, value in readme_district.environ().items():
        monkeypatch.setenv(name, value)
    import oneroster

    one_one = readme_district.profile == "v1p1"
    if form == "1.1 root" and not one_one:
        # A 1.2 provider has no 1.1 root: the first call is NotFound, nothing is printed.
        with (
            oneroster.ClasslinkConnector(
                host=os.environ["ONEROSTER_BASE_URL"] + V1P1_ROOT,
                client_id=os.environ["ONEROSTER_CLIENT_ID"],
                client_secret=os.environ["ONEROSTER_CLIENT_SECRET"],
            ) as connector,
            pytest.raises(NotFound),
        ):
            connector.get_users(user_filter="students")
        return
    root = V1P1_ROOT if form == "1.1 root" else ""
    connector = oneroster.ClasslinkConnector(
        host=os.environ["ONEROSTER_BASE_URL"] + root,
        client_id=os.environ["ONEROSTER_CLIENT_ID"],
        client_secret=os.environ["ONEROSTER_CLIENT_SECRET"],
    )
    user_list = connector.get_users(user_filter="students")
    print(str(len(user_list)) + " students in total")

    class_name = "ELA 6 (6A ELA)"
    ela_users = connector.get_users(user_filter="students", group_filter="classes", group_name=class_name)
    print(str(len(ela_users)) + " users found for ELA 6")

    class_id = "31763"
    ela_users = connector.get_users(user_filter="students", group_filter="classes", group_name=class_id)
    print(str(len(ela_users)) + " users found for ELA 6 (1 section)")

    hschool_users = connector.get_users(
        user_filter="students", group_filter="schools", group_name="Classlink HS"
    )
    mschool_users = connector.get_users(user_filter="students", group_filter="schools", group_name="7")
    print(str(len(hschool_users)) + " high school students returned")
    print(str(len(mschool_users)) + " middle school students returned")

    connector.match_groups_by = ["sourcedId", "name", "title", "location"]
    connector.match_groups_by = "location"
    r302_users = connector.get_users(user_filter="students", group_filter="classes", group_name="302")
    print(str(len(r302_users)) + " students with classes in room 302")
    connector.close()

    assert capsys.readouterr().out.splitlines() == [
        f"{COUNTS['students']} students in total",
        f"{COUNTS['ela']} users found for ELA 6",
        f"{COUNTS['ela_31763']} users found for ELA 6 (1 section)",
        f"{COUNTS['high']} high school students returned",
        f"{COUNTS['middle']} middle school students returned",
        f"{COUNTS['room_302']} students with classes in room 302",
    ]
    # Given by the root in the host, or asked of the provider: the root it serves.
    assert connector.version == ("1.1" if one_one else "1.2")


def test_002_first_result_is_the_documented_record(readme_district: RunningSandbox) -> None:
    """The README's first student, with the 1.1 keys (``role``, ``orgs``) its scripts read."""
    import oneroster

    with oneroster.ClasslinkConnector(
        readme_district.base_url, readme_district.client_id, readme_district.client_secret
    ) as connector:
        first = connector.get_users(user_filter="students")[0]
    documented = {k: v for k, v in BILLY.items() if k != "orgs"}
    assert {k: first.get(k) for k in documented} == documented
    assert [(o["sourcedId"], o["type"]) for o in first["orgs"]] == [(HIGH_SCHOOL[0], "org")]
    assert first["roles"][0]["role"] == "student"  # and the 1.2 keys beside them
