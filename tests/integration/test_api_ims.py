"""A representative set on the official (ims) profile: reads, paging by headers, nested calls,
the official gradebook writes (PUT answers 201 without a body), and errors.
"""

from __future__ import annotations

import datetime as dt

import pytest
from integration_support import District, Provider, ref
from oneroster import BadRequest, F, NotFound, OneRoster, UnsupportedOperation
from oneroster.profiles import PROFILES, SCOPE_PREFIX
from spec_names import unknown_field

pytestmark = pytest.mark.vcr

WRITE_SCOPES = tuple(
    SCOPE_PREFIX + s
    for s in ("gradebook.createput", "gradebook.delete", "assessment.createput", "assessment.delete")
)


@pytest.mark.parametrize(
    "name", ["users", "schools", "classes", "enrollments", "terms", "demographics", "line_items", "resources"]
)
def test_list_and_get(name: str, ims_client: OneRoster) -> None:
    collection = getattr(ims_client, name)
    page = collection.list(limit=1)
    assert len(page.data) == 1 and page.total is not None and page.has_more
    assert collection.get(page.data[0].sourced_id).to_dict() == page.data[0].to_dict()
    assert collection.exists("cassette-no-such-record") is False


def test_paging_by_headers_only(ims_client: OneRoster) -> None:
    # The official answers carry no body totals: X-Total-Count and Link decide the end.
    page = ims_client.orgs.list(limit=1)
    assert page.total is not None and page.headers.get("link")
    streamed = list(ims_client.orgs.stream(limit=1))
    assert len(streamed) == page.total


def test_filter_sort_fields(ims_client: OneRoster) -> None:
    teachers = ims_client.teachers.list(
        where=F("familyName") >= "M", sort="familyName", fields=["sourcedId", "familyName"], limit=5
    )
    names = [t.family_name for t in teachers.data]
    assert names and names == sorted(names) and all(n >= "M" for n in names)
    assert all(t.given_name is None for t in teachers.data)


def test_nested_reads(ims_client: OneRoster) -> None:
    d = District(ims_client)
    assert d.student in [s.sourced_id for s in ims_client.classes(d.class_).students.list_all(limit=50)]
    teachers = ims_client.schools(d.school).class_(d.class_).teachers.list_all()
    assert d.teacher in [t.sourced_id for t in teachers]
    assert d.class_ in [c.sourced_id for c in ims_client.users(d.student).classes.list_all()]
    enrollments = ims_client.schools(d.school).class_(d.class_).enrollments.list(limit=5).data
    assert enrollments and {e.class_.sourced_id for e in enrollments} == {d.class_}
    # The official resources paths (TimeBack puts these under /resources/...).
    assert ims_client.classes(d.class_).resources.list().data == []
    assert ims_client.courses(d.course).resources.list().data == []
    assert ims_client.users(d.student).resources.list().data == []


def test_official_gradebook_writes(ims: Provider) -> None:
    # The ims profile asks for read scopes by default; writing needs the write scopes too.
    ims_client = ims.client(scopes=[*PROFILES["ims"].default_scopes, *WRITE_SCOPES])
    d = District(ims_client)
    due = dt.datetime(2026, 3, 6, 23, 59, tzinfo=dt.UTC)
    category = ims_client.categories.upsert("cassette-cat-ims", {"title": "Labs", "weight": 0.1})
    assert category is not None and category.title == "Labs"
    # PUT answers 201 with no body; the wrapper reads the stored record back.
    item = ims_client.line_items.upsert(
        "cassette-li-ims",
        {
            "title": "Lab report",
            "assignDate": due - dt.timedelta(days=5),
            "dueDate": due,
            "class": ref("class", d.class_),
            "school": ref("org", d.school),
            "category": ref("category", "cassette-cat-ims"),
        },
    )
    assert item is not None and item.title == "Lab report" and item.category.sourced_id == "cassette-cat-ims"
    result = ims_client.results.upsert(
        "cassette-res-ims",
        {
            "lineItem": ref("lineItem", "cassette-li-ims"),
            "student": ref("user", d.student),
            "scoreStatus": "partially graded",
            "score": 6.5,
            "scoreDate": "2026-03-07",
        },
    )
    assert result is not None and result.score_status == "partially graded"
    scale = ims_client.score_scales.upsert(
        "cassette-ssc-ims",
        {
            "title": "Four point",
            "type": "points",
            "class": ref("class", d.class_),
            "scoreScaleValue": [{"itemValueLHS": "4", "itemValueRHS": "Exceeds"}],
        },
    )
    assert scale is not None and scale.title == "Four point"
    assert ims_client.assessment_line_items.upsert("cassette-ali-ims", {"title": "Unit test"}) is not None
    assessment = ims_client.assessment_results.upsert(
        "cassette-asr-ims",
        {
            "assessmentLineItem": ref("assessmentLineItem", "cassette-ali-ims"),
            "student": ref("user", d.student),
            "scoreDate": "2026-03-08",
            "scoreStatus": "fully graded",
            "score": 12.0,
        },
    )
    assert assessment is not None and assessment.score == 12.0
    for collection, sourced_id in [
        (ims_client.assessment_results, "cassette-asr-ims"),
        (ims_client.assessment_line_items, "cassette-ali-ims"),
        (ims_client.results, "cassette-res-ims"),
        (ims_client.score_scales, "cassette-ssc-ims"),
        (ims_client.line_items, "cassette-li-ims"),
        (ims_client.categories, "cassette-cat-ims"),
    ]:
        collection.delete(sourced_id)
        assert collection.get(sourced_id).status == "tobedeleted"


def test_timeback_only_calls_are_refused_before_sending(ims_client: OneRoster) -> None:
    with pytest.raises(UnsupportedOperation):
        ims_client.users.create({"givenName": "No", "familyName": "Way"})
    with pytest.raises(UnsupportedOperation):
        ims_client.classes("cls-x").enroll("usr-x")
    with pytest.raises(UnsupportedOperation):
        ims_client.users("usr-x").add_agent("usr-y")


def test_errors(ims: Provider) -> None:
    ims.inject_faults(script=["429"], retry_after=3)
    client = ims.client()
    assert client.courses.list(limit=1).data  # after one 429
    assert ims.sleeps.calls == [3.0]
    with pytest.raises(NotFound):
        client.courses.get("cassette-no-course")
    with pytest.raises(BadRequest):
        client.courses.list(sort=unknown_field("shoeSize"))
