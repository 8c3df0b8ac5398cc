"""Reads on every resource (TimeBack profile): list with filters/sort/fields/search, paging, get, exists."""

from __future__ import annotations

import datetime as dt

import pytest
from oneroster import F, NotFound, OneRoster
from oneroster.resources import RESOURCES

pytestmark = pytest.mark.vcr

ALL = [spec.name for spec in RESOURCES]


@pytest.mark.parametrize("name", ALL)
def test_list_get_exists(name: str, client: OneRoster) -> None:
    collection = getattr(client, name)
    page = collection.list(limit=2)
    assert 1 <= len(page.data) <= 2
    assert page.total is not None and page.total >= len(page.data)
    assert page.has_more == (page.total > len(page.data))
    first = page.data[0]
    again = collection.get(first.sourced_id)
    assert again.to_dict() == first.to_dict()
    assert collection.exists(first.sourced_id) is True
    assert collection.exists("cassette-no-such-record") is False
    with pytest.raises(NotFound) as caught:
        collection.get("cassette-no-such-record")
    assert caught.value.code_minor == "unknownobject"


def test_stream_crosses_pages_to_the_end(client: OneRoster) -> None:
    first_page = client.orgs.list(limit=1)
    assert first_page.total is not None and first_page.total >= 3
    streamed = list(client.orgs.stream(limit=1))
    assert len(streamed) == first_page.total
    assert len({org.sourced_id for org in streamed}) == len(streamed)
    assert streamed[0].sourced_id == first_page.data[0].sourced_id


def test_list_all_follows_pages_and_max_items_stops_early(client: OneRoster) -> None:
    every = client.academic_sessions.list_all(limit=3)
    total = client.academic_sessions.list(limit=1).total
    assert len(every) == total and total is not None and total > 3
    capped = client.academic_sessions.list_all(limit=2, max_items=3)
    assert [s.sourced_id for s in capped] == [s.sourced_id for s in every[:3]]


def test_stream_from_an_offset(client: OneRoster) -> None:
    every = [s.sourced_id for s in client.academic_sessions.list_all(limit=10)]
    resumed = [s.sourced_id for s in client.academic_sessions.stream(limit=2, start_offset=3)]
    assert resumed == every[3:]


def test_filter_with_a_mapping(client: OneRoster) -> None:
    teachers = client.users.list(where={"roles.role": "teacher"}, limit=5)
    assert teachers.data and teachers.total is not None
    assert all(any(role.role == "teacher" for role in u.roles) for u in teachers.data)


def test_filter_with_conditions_and_or(client: OneRoster) -> None:
    both = client.users.list_all(where=(F("familyName") < "C") & (F("status") == "active"), limit=50)
    assert both and all(u.family_name < "C" and u.status == "active" for u in both)
    either = client.users.list(where=(F("familyName") < "B") | (F("familyName") > "Y"), limit=50)
    assert either.data and all(u.family_name < "B" or u.family_name > "Y" for u in either.data)


def test_filter_contains_and_dates(client: OneRoster) -> None:
    found = client.users.list(where=F("givenName").contains("ann"), limit=10)
    assert found.data and all("ann" in u.given_name.lower() for u in found.data)
    since = dt.datetime(2026, 7, 20, tzinfo=dt.UTC)
    recent = client.courses.list(where=F("dateLastModified") >= since, limit=10)
    assert recent.data and all(c.date_last_modified >= since for c in recent.data)


def test_raw_filter_string(client: OneRoster) -> None:
    page = client.orgs.list(filter="type='school'")
    assert page.data and {org.type_ for org in page.data} == {"school"}


@pytest.mark.parametrize("order", ["asc", "desc"])
def test_sort(order: str, client: OneRoster) -> None:
    names = [c.title for c in client.courses.list(sort="title", order_by=order, limit=8).data]
    assert len(names) == 8
    assert names == sorted(names, reverse=order == "desc")


def test_fields_selects_only_those(client: OneRoster) -> None:
    page = client.users.list(fields=["sourcedId", "givenName"], limit=3)
    assert len(page.data) == 3
    for user in page.data:
        assert user.sourced_id and user.given_name
        assert user.family_name is None and user.roles is None
    class_id = client.classes.list(limit=1).data[0].sourced_id
    single = client.classes.get(class_id, fields=["title"])  # sourcedId is always asked for too
    assert single.title and single.course is None and single.sourced_id == class_id


def test_search_is_sent_to_timeback(client: OneRoster) -> None:
    target = client.users.list(limit=1, offset=7).data[0].family_name
    found = client.users.list(search=target.lower(), limit=20)
    assert found.data and any(u.family_name == target for u in found.data)


def test_first(client: OneRoster) -> None:
    principal = client.users.first(where={"roles.role": "principal"})
    assert principal is not None and any(r.role == "principal" for r in principal.roles)
    assert client.users.first(where={"familyName": "Cassette-No-Such-Name"}) is None
