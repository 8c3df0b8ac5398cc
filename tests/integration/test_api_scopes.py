"""Scoped and nested calls (TimeBack profile): every route of ``oneroster.scopes.ROUTES``.

The ids come from ``District`` (recorded API calls), never from the sandbox's store.
"""

from __future__ import annotations

from typing import Any

import pytest
from integration_support import District
from oneroster import NotFound, OneRoster
from oneroster.scopes import ROUTES

pytestmark = pytest.mark.vcr

# Where only membership is checked, only ids are asked for (and the cassettes stay small).
ID = ["sourcedId"]


def _ids(records: Any) -> list[str]:
    return [r.sourced_id for r in records]


def test_routes_are_all_exercised_somewhere() -> None:
    exercised = {
        "users.classes", "users.resources", "users.agents", "users.agent_for", "users.enrollments",
        "students.classes", "teachers.classes",
        "classes.students", "classes.teachers", "classes.enrollments", "classes.line_items",
        "classes.results", "classes.categories", "classes.score_scales", "classes.resources",
        "classes.line_item.results", "classes.student.results",
        "schools.classes", "schools.courses", "schools.terms", "schools.teachers", "schools.students",
        "schools.enrollments", "schools.score_scales", "schools.line_items",
        "schools.class_.students", "schools.class_.teachers", "schools.class_.enrollments",
        "terms.classes", "terms.grading_periods", "courses.classes", "courses.resources",
        "courses.components", "line_items.results",
    }  # fmt: skip
    assert set(ROUTES) == exercised


def test_class_scope(client: OneRoster) -> None:
    d = District(client)
    klass = client.classes(d.class_)
    students = klass.students.list_all(limit=5)
    assert d.student in _ids(students)
    # Several pages of 5: the stream crossed page boundaries without losing or repeating anyone.
    assert len(students) > 5 and len(set(_ids(students))) == len(students)
    assert d.teacher in _ids(klass.teachers.list_all())
    enrollments = klass.enrollments.list(limit=50).data  # no nested endpoint: a filtered getAllEnrollments
    assert enrollments and {e.class_.sourced_id for e in enrollments} == {d.class_}
    assert d.line_item in _ids(klass.line_items.list_all(limit=50))
    results = klass.results.list(limit=10).data
    assert results and all(r.line_item.sourced_id.startswith("li-") for r in results)
    assert d.category in _ids(klass.categories.list_all())
    assert all(s.class_.sourced_id == d.class_ for s in klass.score_scales.list_all())
    assert klass.resources.list().data == []  # TimeBack's /resources/classes/{id}/resources
    by_item = klass.line_item(d.line_item).results.list_all()
    assert by_item and {r.line_item.sourced_id for r in by_item} == {d.line_item}
    by_student = klass.student(d.student).results.list_all()
    assert by_student and {r.student.sourced_id for r in by_student} == {d.student}


def test_school_scope(client: OneRoster) -> None:
    d = District(client)
    school = client.schools(d.school)
    assert d.class_ in _ids(school.classes.list_all(limit=100, fields=ID))
    assert d.course in _ids(school.courses.list_all(limit=100, fields=ID))
    assert d.term in _ids(school.terms.list_all())
    assert d.teacher in _ids(school.teachers.list_all(limit=100, fields=ID))
    students = school.students.list(limit=3)
    assert len(students.data) == 3 and students.has_more
    enrollments = school.enrollments.list(limit=3).data
    assert {e.school.sourced_id for e in enrollments} == {d.school}
    assert school.score_scales.list().data
    assert d.line_item in _ids(
        school.line_items.list_all(limit=200, fields=ID, filter=f"class.sourcedId='{d.class_}'")
    )
    in_class = school.class_(d.class_)
    assert d.student in _ids(in_class.students.list_all(limit=100, fields=ID))
    assert d.teacher in _ids(in_class.teachers.list_all())
    assert {e.class_.sourced_id for e in in_class.enrollments.list(limit=5).data} == {d.class_}


def test_user_scope(client: OneRoster) -> None:
    d = District(client)
    user = client.users(d.student)
    assert d.class_ in _ids(user.classes.list_all())
    enrollments = user.enrollments.list_all()  # a filtered getAllEnrollments on TimeBack
    assert enrollments and {e.user.sourced_id for e in enrollments} == {d.student}
    assert user.resources.list().data == []
    parent = client.users.first(where={"roles.role": "parent"})
    assert parent is not None
    children = client.users(parent.sourced_id).agent_for.list_all()
    assert children, "a seeded parent is the agent of at least one student"
    assert parent.sourced_id in _ids(client.users(children[0].sourced_id).agents.list_all())
    demographics = user.demographics()
    assert demographics.sourced_id == d.student


def test_student_and_teacher_scopes(client: OneRoster) -> None:
    d = District(client)
    assert d.class_ in _ids(client.students(d.student).classes.list_all())
    assert d.class_ in _ids(client.teachers(d.teacher).classes.list_all())


def test_term_and_course_scopes(client: OneRoster) -> None:
    d = District(client)
    assert d.class_ in _ids(client.terms(d.term).classes.list_all(limit=100, fields=ID))
    page = client.terms(d.term).classes(limit=3)  # calling a listing is list()
    assert len(page.data) == 3 and page.has_more and page.next_offset == 3
    periods = client.terms(d.term).grading_periods.list_all()
    assert periods and {p.parent.sourced_id for p in periods} == {d.term}
    assert d.class_ in _ids(client.courses(d.course).classes.list_all())
    assert client.courses(d.course).resources.list().data == []


def test_course_components_scope(client: OneRoster) -> None:
    # No provider nests components under a course: the components filtered by course.sourcedId.
    component = client.course_components.list(limit=1).data[0]
    course_id = component.course.sourced_id
    components = client.courses(course_id).components.list_all()
    assert component.sourced_id in _ids(components)
    assert {c.course.sourced_id for c in components} == {course_id}


def test_line_item_results_scope(client: OneRoster) -> None:
    # No provider nests a line item's results: the results filtered by lineItem.sourcedId.
    d = District(client)
    results = client.line_items(d.line_item).results.list_all()
    assert results and {r.line_item.sourced_id for r in results} == {d.line_item}
    assert d.student in [r.student.sourced_id for r in results]


def test_scoped_listing_takes_query_arguments(client: OneRoster) -> None:
    d = District(client)
    page = client.classes(d.class_).students.list(
        sort="familyName", order_by="desc", fields=["sourcedId", "familyName"], limit=4
    )
    names = [s.family_name for s in page.data]
    assert len(names) == 4 and names == sorted(names, reverse=True)


def test_nested_listing_of_an_unknown_parent_is_404(client: OneRoster) -> None:
    with pytest.raises(NotFound):
        client.classes("cassette-no-such-class").students.list()
