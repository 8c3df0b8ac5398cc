"""A gradebook round trip (TimeBack profile): enrol a student, add a line item, grade it, read it back."""

from __future__ import annotations

import datetime as dt

import pytest
from integration_support import District, new_record, ref
from oneroster import OneRoster

pytestmark = pytest.mark.vcr

DUE = dt.datetime(2026, 2, 2, 23, 59, tzinfo=dt.UTC)


def test_enroll_assign_grade_and_read_back(client: OneRoster) -> None:
    d = District(client)
    (pair,) = client.users.create(new_record("users", d, label="Greta"))
    student = str(pair.allocated_sourced_id)
    klass = client.classes(d.class_)
    klass.enroll(student, school_sourced_id=d.school)

    item = client.line_items.upsert(
        "cassette-li-essay",
        {
            "title": "Essay",
            "description": "Five paragraphs",
            "assignDate": DUE - dt.timedelta(days=10),
            "dueDate": DUE,
            "class": ref("class", d.class_),
            "school": ref("org", d.school),
            "category": ref("category", d.category),
            "resultValueMin": 0,
            "resultValueMax": 20,
        },
    )
    assert item is not None and item.title == "Essay" and item.due_date == DUE
    result = client.results.upsert(
        "cassette-res-essay",
        {
            "lineItem": ref("lineItem", "cassette-li-essay"),
            "student": ref("user", student),
            "scoreStatus": "fully graded",
            "score": 17.5,
            "scoreDate": "2026-02-03",
            "comment": "Clear argument",
            "late": False,
        },
    )
    assert result is not None and result.score == 17.5 and result.late == "false"

    assert "cassette-li-essay" in [li.sourced_id for li in klass.line_items.list_all(limit=100)]
    graded = klass.line_item("cassette-li-essay").results.list_all()
    assert [(r.sourced_id, r.student.sourced_id) for r in graded] == [("cassette-res-essay", student)]
    mine = klass.student(student).results.list_all()
    assert [r.sourced_id for r in mine] == ["cassette-res-essay"]
    assert any(r.sourced_id == "cassette-res-essay" for r in client.results.list_all(where={"score": 17.5}))


def test_assessment_round_trip(client: OneRoster) -> None:
    d = District(client)
    item = client.assessment_line_items.upsert(
        "cassette-ali-1", {"title": "Reading benchmark", "resultValueMin": 0.0, "resultValueMax": 50.0}
    )
    assert item is not None and item.title == "Reading benchmark"
    result = client.assessment_results.upsert(
        "cassette-asr-1",
        {
            "assessmentLineItem": ref("assessmentLineItem", "cassette-ali-1"),
            "student": ref("user", d.student),
            "score": 41.0,
            "scoreDate": "2026-01-22",
            "scoreStatus": "fully graded",
            "inProgress": False,
        },
    )
    assert result is not None and result.score == 41.0
    client.assessment_results.patch("cassette-asr-1", {"scorePercentile": 88.0})
    assert client.assessment_results.get("cassette-asr-1").score_percentile == 88.0
    found = client.assessment_results.list_all(where={"assessmentLineItem.sourcedId": "cassette-ali-1"})
    assert [r.sourced_id for r in found] == ["cassette-asr-1"]
    client.assessment_results.delete("cassette-asr-1")
    client.assessment_line_items.delete("cassette-ali-1")
    assert client.assessment_line_items.get("cassette-ali-1").status == "tobedeleted"
