"""A representative set on the timeback-platform profile (/rostering/1.0): seed 004's onboarding,
the platform's upserts and deletes, its paging (body total only) and its refusals.

Ids are found through the API; the org written into is the platform's sandbox org
(``partner-sandbox``), found by name. Refusals that need another client app's records use the
sandbox's seeded ones and skip against a real provider.
"""

from __future__ import annotations

import pytest
from integration_support import Provider
from oneroster import Conflict, Forbidden, NotFound, OneRoster

pytestmark = pytest.mark.vcr

STUDENT = "cassette-platform-student-1"
PARENT = "cassette-platform-parent-1"


def _org(client: OneRoster) -> str:
    org = client.orgs.first(where={"name": "Partner Sandbox"})
    assert org is not None
    return str(org.sourced_id)


def test_onboarding(platform_client: OneRoster) -> None:
    org = _org(platform_client)
    platform_client.students.upsert(
        STUDENT,
        {
            "username": "cassette.student",
            "enabledUser": True,
            "givenName": "Cass",
            "familyName": "Ette",
            "email": "cass.ette@example.org",
            "grades": ["5"],
            "primaryOrg": org,
        },
    )
    platform_client.users.upsert(
        PARENT,
        {
            "enabledUser": True,
            "givenName": "Pat",
            "familyName": "Ette",
            "email": "pat.ette@example.org",
            "primaryOrg": org,
            "roles": [{"role": "parent", "org": org}],
        },
    )
    assert platform_client.users.get(STUDENT).username == "cassette.student"
    platform_client.users(STUDENT).add_agent(PARENT, relationship="parent")
    (agent,) = platform_client.users(STUDENT).agents.list_all()
    assert (agent.user.sourced_id, agent.relationship_type) == (PARENT, "parent")
    linked = platform_client.users(PARENT).linked_users()
    assert [s.sourced_id for s in linked.students] == [STUDENT]
    platform_client.users(STUDENT).remove_agent(PARENT)
    assert platform_client.users(STUDENT).agents.list_all() == []
    with pytest.raises(NotFound):
        platform_client.users(STUDENT).remove_agent(PARENT)


def test_reads_and_paging_by_the_body_total(platform_client: OneRoster) -> None:
    page = platform_client.users.list(where={"role": "teacher"})
    # The platform's default page is 10 records; the total is in the body, no headers.
    assert len(page.data) == 10 and page.total is not None and page.total > 10
    assert "x-total-count" not in page.headers and "link" not in page.headers
    teachers = platform_client.users.list_all(where={"role": "teacher"}, limit=100)
    assert len(teachers) == page.total
    terms = platform_client.terms.list_all()
    assert terms and all(term.type_ == "term" for term in terms)
    klass = platform_client.classes.first(where={"status": "active"})
    assert klass is not None
    assert platform_client.classes.get(klass.sourced_id).title == klass.title
    assert platform_client.courses.get(klass.course.sourced_id).sourced_id == klass.course.sourced_id
    enrollments = platform_client.classes(klass.sourced_id).enrollments.list_all(where={"role": "student"})
    assert enrollments and {e.class_.sourced_id for e in enrollments} == {klass.sourced_id}
    mine = platform_client.users(enrollments[0].user.sourced_id).enrollments.list_all()
    assert enrollments[0].sourced_id in [e.sourced_id for e in mine]
    assert platform_client.enrollments.get(enrollments[0].sourced_id).role == "student"
    assert platform_client.orgs.get(_org(platform_client)).name == "Partner Sandbox"


def test_course_class_enrollment_and_the_cascade(platform_client: OneRoster) -> None:
    org = _org(platform_client)
    term = platform_client.terms.first()
    assert term is not None
    student = "cassette-platform-student-2"
    platform_client.students.upsert(
        student,
        {"username": "cassette.two", "enabledUser": "true", "givenName": "Two", "familyName": "Ette",
         "email": "two.ette@example.org", "grades": ["6"], "primaryOrg": org},
    )  # fmt: skip
    platform_client.courses.upsert(
        "cassette-course-1", {"title": "Tapes 101", "courseCode": "TAPE-101", "org": org}
    )
    platform_client.classes.upsert(
        "cassette-class-1",
        {"title": "Tapes 101 - 1", "classType": "scheduled", "course": "cassette-course-1", "org": org,
         "terms": [{"sourcedId": term.sourced_id, "type": "academicSession"}]},
    )  # fmt: skip
    enrollment = platform_client.classes("cassette-class-1").enroll(
        student, school_sourced_id=org, enrollment_sourced_id="cassette-enr-1"
    )
    assert [e.sourced_id for e in platform_client.users(student).enrollments.list_all()] == [enrollment]
    with pytest.raises(Conflict):
        platform_client.courses.delete("cassette-course-1")
    platform_client.enrollments.delete(enrollment)
    platform_client.classes.delete("cassette-class-1")
    platform_client.courses.delete("cassette-course-1")
    platform_client.users.delete(student)
    assert platform_client.users.get(student).status == "tobedeleted"


def test_refusals(platform: Provider, platform_client: OneRoster) -> None:
    # Three predicates are more than the platform takes (it answers 400, see tests/sandbox): the
    # client sends two and checks the third itself.
    planned = platform_client.users.list_all(filter="status='active' AND role='student' AND grades='05'")
    assert all(u.status == "active" and "05" in (u.grades or []) for u in planned)
    platform.require_sandbox("another client app's seeded records")
    with pytest.raises(Forbidden):
        platform_client.users.delete("usr-partner-0001")
    with pytest.raises(Forbidden):
        platform_client.classes.delete("cls-partner-0001")
