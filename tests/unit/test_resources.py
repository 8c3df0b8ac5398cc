from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from oneroster import F, NotFound, OneRoster, UnsupportedOperation, ValidationError
from oneroster.dialects import FULL
from oneroster.profiles import PROFILES
from oneroster.resources import RESOURCES, build_ask

import oneroster_client.models as models

Make = Callable[..., OneRoster]

ROSTER = "/ims/oneroster/rostering/v1p2"
GRADEBOOK = "/ims/oneroster/gradebook/v1p2"

# The official operation set on a provider that takes everything the filter builder writes.
IMS_FULL = dataclasses.replace(PROFILES["ims"], name="ims-full", dialect=FULL)

Z_TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$")


def user_record(**changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "givenName": "Ana",
        "familyName": "Lee",
        "enabledUser": True,
        "roles": [{"role": "student", "org": "school-1"}],
    }
    record.update(changes)
    return record


def line_item_record(**changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "title": "Quiz 1",
        "assignDate": "2026-01-10T00:00:00.000Z",
        "dueDate": "2026-01-17T00:00:00.000Z",
        "class": "c-1",
        "school": "s-1",
        "category": "cat-1",
    }
    record.update(changes)
    return record


@pytest.fixture
def list_params(make: Make, recorder, paged, records) -> Callable[..., httpx.QueryParams]:
    """Send one ``users.list(**kwargs)`` to a provider taking any filter; return the query it carried."""

    def send(**kwargs: Any) -> httpx.QueryParams:
        server = recorder(paged(records(1), total="header"))
        make(server, profile=IMS_FULL).users.list(**kwargs)
        assert len(server.requests) == 1
        return server.requests[0].url.params

    return send


# -- query building ------------------------------------------------------------------------


def test_where_dict_becomes_the_exact_filter(list_params) -> None:
    params = list_params(where={"role": "student", "status": "active"})
    assert params.get_list("filter") == ["role='student' AND status='active'"]


def test_where_condition_becomes_the_filter(list_params) -> None:
    params = list_params(where=F("familyName").contains("Smi"))
    assert params["filter"] == "familyName~'Smi'"


def test_raw_filter_is_read_and_sent_in_canonical_form(list_params) -> None:
    raw = "givenName~'O''Brien' OR (dateLastModified>'2026-01-01T00:00:00Z'  AND x='a&b=c')"
    params = list_params(filter=raw)
    assert params.get_list("filter") == [
        "givenName~'O''Brien' OR (dateLastModified>'2026-01-01T00:00:00Z' AND x='a&b=c')"
    ]


@pytest.mark.parametrize(
    "raw", ["a='1' OR b='2' AND c='3'", "role='x') OR (status='active'", "(role='x'", "role=x", "role='x"]
)
def test_ambiguous_or_unbalanced_raw_filters_are_refused_before_sending(
    make: Make, recorder, raw: str
) -> None:
    server = recorder()
    with pytest.raises(ValidationError) as info:
        make(server, profile=IMS_FULL).users.list(filter=raw)
    assert info.value.field == "filter"
    assert server.requests == []


def test_fields_are_sent_as_one_comma_separated_param(list_params) -> None:
    params = list_params(fields=["sourcedId", "givenName", "familyName"])
    assert params.get_list("fields") == ["sourcedId,givenName,familyName"]


def test_fields_on_get_are_one_param(make: Make, recorder) -> None:
    server = recorder(lambda r: httpx.Response(200, json={"user": {"sourcedId": "u-1"}}))
    make(server, profile="ims").users.get("u-1", fields=["sourcedId", "givenName"])
    assert server.requests[0].url.params.get_list("fields") == ["sourcedId,givenName"]


def test_sort_defaults_to_ascending(list_params) -> None:
    params = list_params(sort="familyName")
    assert params["sort"] == "familyName"
    assert params["orderBy"] == "asc"


def test_order_by_desc_is_honoured(list_params) -> None:
    params = list_params(sort="familyName", order_by="desc")
    assert (params["sort"], params["orderBy"]) == ("familyName", "desc")


def test_no_sort_sends_no_order_by(list_params) -> None:
    params = list_params()
    assert "orderBy" not in params and "sort" not in params and "filter" not in params


def test_search_passthrough(list_params) -> None:
    params = list_params(search="ana lee")
    assert params["search"] == "ana lee"


def test_limit_and_offset_are_sent(list_params) -> None:
    params = list_params(limit=7, offset=14)
    assert (params["limit"], params["offset"]) == ("7", "14")


@pytest.mark.parametrize(
    "kwargs",
    [
        {"order_by": "desc"},
        {"order_by": "up", "sort": "familyName"},
        {"sort": "family name"},
        {"fields": []},
        {"fields": ["ok", "not ok"]},
        {"search": ""},
        {"where": {"a": 1}, "filter": "b='2'"},
        {"limit": 0},
        {"limit": -1},
        {"limit": True},
        {"limit": "10"},
        {"limit": 2.5},
        {"offset": -1},
        {"offset": True},
        {"offset": "3"},
    ],
)
def test_bad_list_arguments_raise_before_sending(
    make: Make, kwargs: dict[str, Any], recorder, paged, records
) -> None:
    server = recorder(paged(records(3)))
    client = make(server)
    with pytest.raises(ValidationError):
        client.users.list(**kwargs)
    stream_kwargs = {k: v for k, v in kwargs.items() if k != "offset"}
    if stream_kwargs:
        with pytest.raises(ValidationError):
            client.users.stream(**stream_kwargs)
        with pytest.raises(ValidationError):
            client.users.list_all(**stream_kwargs)
    assert server.requests == []


def test_order_by_without_sort_names_the_field() -> None:
    with pytest.raises(ValidationError) as info:
        build_ask(where=None, filter=None, sort=None, order_by="asc", fields=None, search=None, limit=None)
    assert info.value.field == "order_by"


def test_explicit_limit_overrides_page_size(make: Make, recorder, paged, records) -> None:
    server = recorder(paged(records(3)))
    make(server, page_size=50).users.list(limit=3)
    assert server.requests[0].url.params["limit"] == "3"


def test_no_page_size_sends_no_limit(make: Make, recorder, paged, records) -> None:
    server = recorder(paged(records(3)))
    make(server, page_size=None).users.list()
    assert "limit" not in server.requests[0].url.params


# -- writes --------------------------------------------------------------------------------


def test_upsert_sends_put_with_enveloped_body(make: Make, recorder) -> None:
    server = recorder(lambda r: httpx.Response(201))
    result = make(server).users.upsert("u-1", user_record())
    assert result is None  # rostering upserts return nothing
    assert server.methods == ["PUT"]
    assert server.paths == [f"{ROSTER}/users/u-1"]
    body = server.body()
    assert list(body) == ["user"]
    user = body["user"]
    assert user["sourcedId"] == "u-1"
    assert user["enabledUser"] == "true"
    assert user["status"] == "active"
    # A bare id becomes a complete GUIDRef, with the provider's URL of the record as href.
    org = {
        "href": "https://sis.example/ims/oneroster/rostering/v1p2/orgs/school-1",
        "sourcedId": "school-1",
        "type": "org",
    }
    assert user["roles"] == [{"role": "student", "org": org, "roleType": "primary"}]


def test_upsert_keeps_a_matching_sourced_id(make: Make, recorder) -> None:
    server = recorder(lambda r: httpx.Response(201))
    make(server).users.upsert("u-1", user_record(sourcedId="u-1", enabledUser=False))
    assert server.body()["user"]["sourcedId"] == "u-1"
    assert server.body()["user"]["enabledUser"] == "false"


@pytest.mark.parametrize(
    "given",
    [None, dt.datetime(2026, 1, 15, 12, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))],
    ids=["filled-in", "given-as-datetime"],
)
def test_date_last_modified_is_sent_as_utc_z(make: Make, given: dt.datetime | None, recorder) -> None:
    server = recorder(lambda r: httpx.Response(201))
    record = user_record() if given is None else user_record(dateLastModified=given)
    make(server).users.upsert("u-1", record)
    sent = server.body()["user"]["dateLastModified"]
    assert Z_TIMESTAMP.match(sent), sent
    if given is not None:
        assert sent.startswith("2026-01-15T10:30:00")


def test_upsert_with_mismatching_sourced_id_raises(make: Make, recorder) -> None:
    server = recorder(lambda r: httpx.Response(201))
    with pytest.raises(ValidationError) as info:
        make(server).users.upsert("u-1", user_record(sourcedId="u-2"))
    assert info.value.field == "sourcedId"
    assert server.requests == []


@pytest.mark.parametrize("missing", ["familyName", "givenName", "enabledUser", "roles"])
def test_upsert_missing_required_field_raises(make: Make, missing: str, recorder) -> None:
    server = recorder(lambda r: httpx.Response(201))
    record = user_record()
    del record[missing]
    with pytest.raises(ValidationError) as info:
        make(server).users.upsert("u-1", record)
    assert info.value.field == missing
    assert missing in str(info.value)
    assert server.requests == []


def test_upsert_role_without_org_raises(make: Make, recorder) -> None:
    server = recorder(lambda r: httpx.Response(201))
    with pytest.raises(ValidationError) as info:
        make(server).users.upsert("u-1", user_record(roles=[{"role": "student"}]))
    assert info.value.field == "roles[0].org"
    assert server.requests == []


def test_upsert_does_not_mutate_the_callers_dict(make: Make, recorder) -> None:
    server = recorder(lambda r: httpx.Response(201))
    record = user_record(metadata={"grade": {"level": 3}}, primaryOrg={"sourcedId": "s-1"})
    before = copy.deepcopy(record)
    make(server).users.upsert("u-1", record)
    assert record == before


def test_upsert_accepts_a_model_instance(make: Make, recorder) -> None:
    server = recorder(lambda r: httpx.Response(201))
    user = models.User.from_dict(
        {
            "sourcedId": "u-1",
            "givenName": "Ana",
            "familyName": "Lee",
            "enabledUser": "true",
            "roles": [{"roleType": "primary", "role": "student", "org": {"sourcedId": "s-1"}}],
        }
    )
    before = user.to_dict()
    make(server).users.upsert("u-1", user)
    sent = server.body()["user"]
    assert sent["sourcedId"] == "u-1"
    assert sent["givenName"] == "Ana"
    assert sent["roles"][0]["org"]["sourcedId"] == "s-1"
    assert user.to_dict() == before


def test_update_of_a_missing_record_raises_not_found_without_put(make: Make, recorder) -> None:
    server = recorder(lambda r: httpx.Response(404, json={"imsx_codeMajor": "failure"}))
    with pytest.raises(NotFound):
        make(server).users.update("u-404", user_record())
    assert server.methods == ["GET"]


def test_update_of_an_existing_record_puts(make: Make, recorder) -> None:
    def respond(request: httpx.Request) -> httpx.Response:
        if request.method == "GET":
            return httpx.Response(
                200, json={"user": {"sourcedId": "u-1", "dateLastModified": "2020-01-01T00:00:00Z"}}
            )
        return httpx.Response(201)

    server = recorder(respond)
    make(server).users.update("u-1", user_record())
    assert server.methods == ["GET", "PUT"]
    # The whole stored record is read (nothing dropped by fields=), and the PUT gets a new stamp.
    assert "fields" not in server.requests[0].url.params
    sent = server.body()["user"]
    assert sent["givenName"] == "Ana" and sent["dateLastModified"] != "2020-01-01T00:00:00Z"


@pytest.mark.parametrize(
    "answer",
    [
        {"sourcedIdPairs": [{"suppliedSourcedId": "tmp-1", "allocatedSourcedId": "u-77"}]},
        {"sourcedIdPairs": {"suppliedSourcedId": "tmp-1", "allocatedSourcedId": "u-77"}},
    ],
    ids=["list", "single-object"],
)
def test_create_returns_guid_pairs(make: Make, answer: dict[str, Any], recorder) -> None:
    server = recorder(lambda r: httpx.Response(201, json=answer))
    pairs = make(server).users.create(user_record(sourcedId="tmp-1"))
    assert len(pairs) == 1
    assert isinstance(pairs[0], models.GUIDPair)
    assert (pairs[0].supplied_sourced_id, pairs[0].allocated_sourced_id) == ("tmp-1", "u-77")
    assert server.methods == ["POST"]
    assert server.paths == [f"{ROSTER}/users/"]
    assert server.body()["user"]["status"] == "active"


def test_gradebook_upsert_returns_the_record_from_the_answer(make: Make, recorder) -> None:
    stored = {"sourcedId": "li-1", "title": "Stored title"}
    server = recorder(lambda r: httpx.Response(201, json={"lineItem": stored}))
    result = make(server).line_items.upsert("li-1", line_item_record())
    assert isinstance(result, models.LineItem)
    assert result.title == "Stored title"
    assert server.methods == ["PUT"]
    assert server.paths == [f"{GRADEBOOK}/lineItems/li-1"]
    assert server.body()["lineItem"]["class"] == {
        "href": "https://sis.example/ims/oneroster/rostering/v1p2/classes/c-1",
        "sourcedId": "c-1",
        "type": "class",
    }


def test_gradebook_upsert_reads_back_when_the_answer_is_empty(make: Make, recorder) -> None:
    def respond(request: httpx.Request) -> httpx.Response:
        if request.method == "PUT":
            return httpx.Response(201)
        return httpx.Response(200, json={"lineItem": {"sourcedId": "li-1", "title": "Read back"}})

    server = recorder(respond)
    result = make(server, profile="ims").line_items.upsert("li-1", line_item_record())
    assert server.methods == ["PUT", "GET"]
    assert server.paths == [f"{GRADEBOOK}/lineItems/li-1"] * 2
    assert result is not None and result.title == "Read back"


def test_patch_on_enrollments_sends_patch(make: Make, recorder) -> None:
    server = recorder(lambda r: httpx.Response(200))
    make(server).enrollments.patch("e-1", {"status": "tobedeleted", "primary": True})
    assert server.methods == ["PATCH"]
    assert server.paths == [f"{ROSTER}/enrollments/e-1"]
    assert server.body() == {"enrollment": {"status": "tobedeleted", "primary": "true"}}


def test_patch_with_mismatching_sourced_id_raises(make: Make, recorder) -> None:
    server = recorder(lambda r: httpx.Response(200))
    with pytest.raises(ValidationError):
        make(server).enrollments.patch("e-1", {"sourcedId": "e-2"})
    assert server.requests == []


def test_delete_sends_delete(make: Make, recorder) -> None:
    server = recorder(lambda r: httpx.Response(204))
    assert make(server).enrollments.delete("e-1") is None
    assert server.methods == ["DELETE"]
    assert server.paths == [f"{ROSTER}/enrollments/e-1"]


def test_writes_unsupported_by_the_profile_send_nothing(make: Make, recorder) -> None:
    server = recorder(lambda r: httpx.Response(201))
    client = make(server, profile="ims")
    with pytest.raises(UnsupportedOperation):
        client.users.upsert("u-1", user_record())
    with pytest.raises(UnsupportedOperation):
        client.users.create(user_record())
    with pytest.raises(UnsupportedOperation):
        client.enrollments.patch("e-1", {"status": "active"})
    with pytest.raises(UnsupportedOperation):
        client.users.delete("u-1")
    assert server.requests == []


def test_resource_table_names_are_client_attributes(make: Make, recorder) -> None:
    client = make(recorder())
    for spec in RESOURCES:
        assert getattr(client, spec.name).spec is spec
