"""Operations the wrapper leaves to the generated client (``oneroster_client``), over the wrapper's OAuth2.

The official bulk gradebook POSTs (both profiles), TimeBack's grading period under a term, its
user-with-demographics read, and academic session / grading period writes (which the wrapper
cannot send yet: see test_api_writes.SCHOOL_YEAR_AS_REFERENCE).
"""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from integration_support import District, Provider, generated_client, ref
from oneroster.operation_index import OPERATIONS
from oneroster.profiles import PROFILES, SCOPE_PREFIX

import oneroster_client.models as models

pytestmark = pytest.mark.vcr


def call(client: Any, op_id: str, **kwargs: Any) -> Any:
    """Send ``op_id`` through its generated module; return the generated ``Response``."""
    op = OPERATIONS[op_id]
    module = importlib.import_module(f"oneroster_client.api.{op.service}.{op.module}")
    return module.sync_detailed(client=client, **kwargs)


def _pairs(response: Any) -> list[tuple[str, str]]:
    assert response.status_code == 201, response.content
    pairs = response.parsed.sourced_id_pairs
    pairs = pairs if isinstance(pairs, list) else [pairs]
    return [(p.supplied_sourced_id, p.allocated_sourced_id) for p in pairs]


STAMP = {"status": "active", "dateLastModified": "2026-01-20T15:30:00.000Z"}


@pytest.mark.parametrize("profile", ["timeback", "ims"])
def test_bulk_gradebook_posts(profile: str, providers: Any) -> None:
    provider: Provider = providers(profile)
    wrapper = provider.client()
    d = District(wrapper)
    scopes = (*PROFILES[profile].default_scopes, SCOPE_PREFIX + "gradebook.createpost")
    gradebook = generated_client(provider, "gradebook", scopes=scopes)
    # The official bodies are complete records, even where the path already names the class or line item.
    item = {
        **STAMP,
        "title": "Bulk quiz",
        "assignDate": "2026-01-20T15:30:00.000Z",
        "dueDate": "2026-01-27T15:30:00.000Z",
        "class": ref("class", d.class_),
        "school": ref("org", d.school),
        "category": ref("category", d.category),
    }
    ids = [f"cassette-bulk-{profile}-{n}" for n in (1, 2)]
    for_class = call(
        gradebook,
        "postLineItemsForClass",
        class_sourced_id=d.class_,
        body=models.LineItemSet.from_dict({"lineItems": [{**item, "sourcedId": ids[0]}]}),
    )
    assert _pairs(for_class) == [(ids[0], ids[0])]
    for_school = call(
        gradebook,
        "postLineItemsForSchool",
        school_sourced_id=d.school,
        body=models.LineItemSet.from_dict({"lineItems": [{**item, "sourcedId": ids[1]}]}),
    )
    assert _pairs(for_school) == [(ids[1], ids[1])]
    assert wrapper.line_items.get(ids[0]).class_.sourced_id == d.class_

    result = {
        **STAMP,
        "student": ref("user", d.student),
        "scoreStatus": "fully graded",
        "scoreDate": "2026-01-22",
    }
    results = [f"cassette-bulk-res-{profile}-{n}" for n in (1, 2)]
    for_item = call(
        gradebook,
        "postResultsForLineItem",
        line_item_sourced_id=ids[0],
        body=models.ResultSet.from_dict(
            {
                "results": [
                    {**result, "sourcedId": results[0], "lineItem": ref("lineItem", ids[0]), "score": 4.0}
                ]
            }
        ),
    )
    assert _pairs(for_item) == [(results[0], results[0])]
    for_session = call(
        gradebook,
        "postResultsForAcademicSessionForClass",
        class_sourced_id=d.class_,
        academic_session_sourced_id=d.term,
        body=models.ResultSet.from_dict(
            {
                "results": [
                    {**result, "sourcedId": results[1], "lineItem": ref("lineItem", ids[1]), "score": 5.0}
                ]
            }
        ),
    )
    assert _pairs(for_session) == [(results[1], results[1])]
    graded = wrapper.classes(d.class_).student(d.student).results.list_all()
    assert set(results) <= {r.sourced_id for r in graded}


def test_academic_session_and_grading_period_writes(timeback: Provider) -> None:
    wrapper = timeback.client()
    d = District(wrapper)
    rostering = generated_client(timeback, "rostering")
    session = {
        "sourcedId": "cassette-year-2027",
        "status": "active",
        "title": "2026-2027 School Year",
        "startDate": "2026-08-17",
        "endDate": "2027-06-04",
        "type": "schoolYear",
        "schoolYear": "2027",
    }
    created = call(
        rostering,
        "postAcademicSession",
        body=models.SingleAcademicSession.from_dict({"academicSession": session}),
    )
    ((_, year_id),) = _pairs(created)
    assert year_id == "cassette-year-2027"
    replaced = call(
        rostering,
        "putAcademicSession",
        sourced_id=year_id,
        body=models.SingleAcademicSession.from_dict({"academicSession": {**session, "title": "2026-27"}}),
    )
    assert replaced.status_code in (200, 201)
    assert wrapper.academic_sessions.get(year_id).title == "2026-27"

    period = {
        "status": "active",
        "title": "Winter Quarter",
        "startDate": "2026-01-05",
        "endDate": "2026-03-20",
        "type": "gradingPeriod",
        "schoolYear": "2026",
        "parent": ref("academicSession", d.term),
    }
    made = call(
        rostering,
        "createGradingPeriod",
        body=models.SingleAcademicSession.from_dict(
            {"academicSession": {**period, "sourcedId": "cassette-gp-winter"}}
        ),
    )
    ((_, period_id),) = _pairs(made)
    updated = call(
        rostering,
        "updateGradingPeriod",
        sourced_id=period_id,
        body=models.SingleAcademicSession.from_dict(
            {"academicSession": {**period, "sourcedId": period_id, "title": "Winter Q"}}
        ),
    )
    assert updated.status_code in (200, 201)
    under_term = call(
        rostering,
        "createGradingPeriodForTerm",
        term_sourced_id=d.term,
        body=models.SingleAcademicSession.from_dict(
            {"academicSession": {**period, "title": "Spring Quarter", "sourcedId": "cassette-gp-spring"}}
        ),
    )
    assert under_term.status_code == 201
    periods = {p.sourced_id: p.title for p in wrapper.terms(d.term).grading_periods.list_all()}
    assert periods[period_id] == "Winter Q" and periods["cassette-gp-spring"] == "Spring Quarter"

    assert call(rostering, "deleteGradingPeriod", sourced_id=period_id).status_code == 204
    assert call(rostering, "deleteAcademicSession", sourced_id=year_id).status_code == 204
    assert wrapper.grading_periods.get(period_id).status == "tobedeleted"


def test_user_with_demographics(timeback: Provider) -> None:
    wrapper = timeback.client()
    d = District(wrapper)
    rostering = generated_client(timeback, "rostering")
    answer = call(rostering, "getUserWithDemographics", user_sourced_id=d.student)
    assert answer.status_code == 200
    body = answer.parsed.user.to_dict()
    assert body["sourcedId"] == d.student and body["demographics"]["sourcedId"] == d.student
