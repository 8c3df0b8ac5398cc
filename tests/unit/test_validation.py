from __future__ import annotations

import copy
import datetime as dt
import re
from collections import OrderedDict
from typing import Any

import pytest
from oneroster import ValidationError
from oneroster.operation_index import OPERATIONS
from oneroster.validation import REFERENCE_PATHS, prepare_record, relative_href, utc_timestamp

import oneroster_client.models as models

Z_TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
PLUS_TWO = dt.timezone(dt.timedelta(hours=2))


def full_user(**changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "givenName": "Ana",
        "familyName": "Lee",
        "enabledUser": True,
        "roles": [{"role": "student", "org": "s-1"}],
    }
    record.update(changes)
    return record


# -- utc_timestamp ---------------------------------------------------------------------------


def test_utc_timestamp_formats_aware_datetimes_as_z() -> None:
    value = dt.datetime(2026, 1, 15, 12, 30, 5, 123456, tzinfo=PLUS_TWO)
    assert utc_timestamp(value) == "2026-01-15T10:30:05.123Z"
    assert Z_TIMESTAMP.match(utc_timestamp())


def test_utc_timestamp_rejects_naive_datetimes() -> None:
    with pytest.raises(ValidationError):
        utc_timestamp(dt.datetime(2026, 1, 15))


# -- value normalisation ---------------------------------------------------------------------


def test_datetime_becomes_z_text() -> None:
    record = prepare_record(
        {"dateLastModified": dt.datetime(2026, 1, 15, 12, 0, tzinfo=PLUS_TWO)}, model="User", full=False
    )
    assert record["dateLastModified"] == "2026-01-15T10:00:00.000Z"


def test_nested_datetimes_and_dates_are_converted() -> None:
    record = prepare_record(
        {"metadata": {"when": dt.datetime(2026, 1, 15, tzinfo=dt.UTC), "days": [dt.date(2026, 2, 1)]}},
        model="User",
        full=False,
    )
    assert record["metadata"] == {"when": "2026-01-15T00:00:00.000Z", "days": ["2026-02-01"]}


def test_date_becomes_iso_date() -> None:
    record = prepare_record({"birthDate": dt.date(2010, 3, 9)}, model="Demographics", full=False)
    assert record["birthDate"] == "2010-03-09"


def test_naive_datetime_is_rejected() -> None:
    with pytest.raises(ValidationError):
        prepare_record({"dateLastModified": dt.datetime(2026, 1, 15)}, model="User", full=False)


@pytest.mark.parametrize(
    ("model", "field", "ref_type", "path"),
    [
        ("Class", "course", "course", "/courses/ref-1"),
        ("Class", "school", "org", "/orgs/ref-1"),
        ("Enrollment", "class", "class", "/classes/ref-1"),
        ("Enrollment", "user", "user", "/users/ref-1"),
        ("Course", "org", "org", "/orgs/ref-1"),
        ("Course", "schoolYear", "academicSession", "/academicSessions/ref-1"),
        ("Result", "lineItem", "lineItem", "/lineItems/ref-1"),
        ("LineItem", "academicSession", "academicSession", "/academicSessions/ref-1"),
        ("Org", "parent", "org", "/orgs/ref-1"),
        ("AcademicSession", "parent", "academicSession", "/academicSessions/ref-1"),
        ("CourseComponent", "parent", "courseComponent", "/courses/components/ref-1"),
    ],
)
def test_bare_id_reference_becomes_a_complete_guidref(
    model: str, field: str, ref_type: str, path: str
) -> None:
    record = prepare_record({field: "ref-1"}, model=model, full=False)
    assert record[field] == {"href": path, "sourcedId": "ref-1", "type": ref_type}


def test_href_comes_from_the_given_builder_and_ids_are_encoded() -> None:
    record = prepare_record(
        {"user": "a/b c"}, model="Enrollment", full=False, href=lambda t, i: f"https://h/{t}/{i}"
    )
    assert record["user"] == {"href": "https://h/user/a/b c", "sourcedId": "a/b c", "type": "user"}
    assert (
        prepare_record({"user": "a/b c"}, model="Enrollment", full=False)["user"]["href"]
        == "/users/a%2Fb%20c"
    )


def test_a_field_is_a_reference_only_where_the_schema_says_so() -> None:
    # AcademicSession.schoolYear is the year as text; Course.schoolYear is a reference.
    assert prepare_record({"schoolYear": "2027"}, model="AcademicSession", full=False)["schoolYear"] == "2027"
    assert prepare_record({"schoolYear": "y-1"}, model="Course", full=False)["schoolYear"]["type"] == (
        "academicSession"
    )


def test_a_partial_reference_is_completed_and_given_members_win() -> None:
    record = prepare_record(
        {"class": {"sourcedId": "c-1", "href": "https://x/c-1"}}, model="Enrollment", full=False
    )
    assert record["class"] == {"href": "https://x/c-1", "sourcedId": "c-1", "type": "class"}


def test_reference_mapping_is_kept() -> None:
    ref = {"sourcedId": "c-1", "type": "course", "href": "https://sis.example/courses/c-1"}
    assert prepare_record({"course": ref}, model="Class", full=False)["course"] == ref


@pytest.mark.parametrize(
    ("value", "field"),
    [
        ("", "course"),
        ({"type": "course"}, "course.sourcedId"),
        ({"sourcedId": ""}, "course.sourcedId"),
        ({"sourcedId": 5}, "course.sourcedId"),
        (42, "course"),
        (["c-1"], "course"),
    ],
)
def test_bad_references_raise(value: object, field: str) -> None:
    with pytest.raises(ValidationError) as info:
        prepare_record({"course": value}, model="Class", full=False)
    assert info.value.field == field


def test_none_reference_is_allowed_on_partial_writes() -> None:
    assert prepare_record({"course": None}, model="Class", full=False)["course"] is None


@pytest.mark.parametrize(
    ("value", "sent"), [(True, "true"), (False, "false"), ("true", "true"), ("false", "false")]
)
def test_true_false_fields(value: object, sent: str) -> None:
    assert prepare_record({"enabledUser": value}, model="User", full=False)["enabledUser"] == sent
    assert prepare_record({"primary": value}, model="Enrollment", full=False)["primary"] == sent


@pytest.mark.parametrize("value", ["yes", "True", 1, 0])
def test_true_false_fields_reject_other_values(value: object) -> None:
    with pytest.raises(ValidationError) as info:
        prepare_record({"enabledUser": value}, model="User", full=False)
    assert info.value.field == "enabledUser"


@pytest.mark.parametrize("field", ["givenName", "status", "course", "roles", "metadata"])
def test_bool_in_a_non_boolean_field_raises(field: str) -> None:
    with pytest.raises(ValidationError) as info:
        prepare_record({field: True}, model="User", full=False)
    assert info.value.field == field


def test_non_str_keys_raise() -> None:
    with pytest.raises(ValidationError):
        prepare_record({1: "x", "givenName": "Ana"}, model="User", full=False)


@pytest.mark.parametrize("data", [None, "u-1", 5, ["givenName", "Ana"], [("givenName", "Ana")], object()])
def test_non_mapping_input_raises(data: object) -> None:
    with pytest.raises(ValidationError):
        prepare_record(data, model="User", full=False)


def test_any_mapping_is_accepted() -> None:
    record = prepare_record(OrderedDict(givenName="Ana"), model="User", full=False)
    assert record == {"givenName": "Ana"}
    assert type(record) is dict


def test_model_instance_is_accepted() -> None:
    org = models.Org.from_dict({"sourcedId": "o-1", "name": "North", "type": "school"})
    record = prepare_record(org, model="Org", path_id="o-1", full=False)
    assert record["sourcedId"] == "o-1"
    assert record["name"] == "North"


# -- sourcedId and filled fields -------------------------------------------------------------


def test_path_id_fills_the_sourced_id() -> None:
    record = prepare_record({"givenName": "Ana"}, model="User", path_id="u-1", full=False)
    assert record["sourcedId"] == "u-1"
    assert record["status"] == "active"
    assert Z_TIMESTAMP.match(record["dateLastModified"])


def test_path_id_mismatch_raises() -> None:
    with pytest.raises(ValidationError) as info:
        prepare_record({"sourcedId": "u-2"}, model="User", path_id="u-1", full=False)
    assert info.value.field == "sourcedId"


@pytest.mark.parametrize("bad", ["", 7, True])
def test_sourced_id_must_be_a_non_empty_string(bad: object) -> None:
    with pytest.raises(ValidationError) as info:
        prepare_record({"sourcedId": bad}, model="User", full=False)
    assert info.value.field in {"sourcedId"}


def test_partial_write_without_path_id_fills_nothing() -> None:
    assert prepare_record({"givenName": "Ana"}, model="User", full=False) == {"givenName": "Ana"}


def test_given_status_and_date_are_kept() -> None:
    record = prepare_record(
        full_user(status="tobedeleted", dateLastModified="2020-01-01T00:00:00.000Z"),
        model="User",
        path_id="u-1",
        full=True,
    )
    assert (record["status"], record["dateLastModified"]) == ("tobedeleted", "2020-01-01T00:00:00.000Z")


@pytest.mark.parametrize(
    ("model", "data", "missing"),
    [
        ("User", full_user(familyName=None), "familyName"),
        ("User", full_user(givenName=""), "givenName"),
        ("User", full_user(roles=[]), "roles"),
        ("Enrollment", {"user": "u-1", "class": "c-1", "role": "student"}, "school"),
        ("Class", {"title": "Math", "course": "c", "school": "s"}, "terms"),
    ],
)
def test_full_writes_need_required_fields(model: str, data: dict[str, Any], missing: str) -> None:
    with pytest.raises(ValidationError) as info:
        prepare_record(data, model=model, path_id="x-1", full=True)
    assert info.value.field == missing
    assert missing in str(info.value)


def test_full_user_passes_and_fills() -> None:
    record = prepare_record(full_user(), model="User", path_id="u-1", full=True)
    assert record["sourcedId"] == "u-1"
    assert record["enabledUser"] == "true"
    org = {"href": "/orgs/s-1", "sourcedId": "s-1", "type": "org"}
    assert record["roles"] == [{"role": "student", "org": org, "roleType": "primary"}]


# -- roles -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("roles", "field"),
    [
        ("student", "roles"),
        (["student"], "roles[0]"),
        ([{"org": "s-1"}], "roles[0].role"),
        ([{"role": "", "org": "s-1"}], "roles[0].role"),
        ([{"role": "student"}], "roles[0].org"),
        ([{"role": "student", "org": "s-1"}, {"role": "teacher", "org": None}], "roles[1].org"),
        ([{"role": "student", "org": {"name": "x"}}], "roles[0].org.sourcedId"),
    ],
)
def test_bad_roles_raise(roles: object, field: str) -> None:
    with pytest.raises(ValidationError) as info:
        prepare_record({"roles": roles}, model="User", full=False)
    assert info.value.field == field


def test_role_type_is_kept_when_given() -> None:
    roles = [{"role": "teacher", "org": {"sourcedId": "s-1"}, "roleType": "secondary"}]
    assert prepare_record({"roles": roles}, model="User", full=False)["roles"][0]["roleType"] == "secondary"


def test_input_is_never_mutated() -> None:
    data = full_user(
        sourcedId="u-1",
        metadata={"a": [{"b": dt.date(2026, 1, 1)}]},
        primaryOrg={"sourcedId": "s-1"},
        roles=[{"role": "student", "org": "s-1"}],
    )
    before = copy.deepcopy(data)
    record = prepare_record(data, model="User", path_id="u-1", full=True)
    assert data == before
    assert record["roles"][0]["roleType"] == "primary"  # added to the copy only
    assert record["metadata"] == {"a": [{"b": "2026-01-01"}]}


@pytest.mark.parametrize("ref_type", sorted(REFERENCE_PATHS))
def test_every_reference_href_is_a_get_by_id_path_of_its_service(ref_type: str) -> None:
    service, path = REFERENCE_PATHS[ref_type]
    gets = {(op.service, op.path) for op in OPERATIONS.values() if op.method == "GET"}
    assert (service, path + "/{sourcedId}") in gets
    assert relative_href(ref_type, "a b/c") == path + "/a%20b%2Fc"


def test_a_list_of_references_takes_bare_ids_and_relative_hrefs_become_absolute() -> None:
    def href(ref_type: str, sourced_id: str) -> str:
        return f"https://sis.example/ims/oneroster/rostering/v1p2/{ref_type}s/{sourced_id}"

    record = prepare_record(
        {
            "title": "Math 1",
            "course": {"sourcedId": "c-1", "href": "/courses/c-1"},
            "school": "s-1",
            "terms": ["t-1", {"sourcedId": "t-2", "type": "academicSession"}],
        },
        model="Class",
        path_id="k-1",
        full=True,
        href=href,
    )
    assert record["terms"] == [
        {"href": href("academicSession", "t-1"), "sourcedId": "t-1", "type": "academicSession"},
        {"href": href("academicSession", "t-2"), "sourcedId": "t-2", "type": "academicSession"},
    ]
    assert record["course"]["href"] == href("course", "c-1")
    with pytest.raises(ValidationError) as info:
        prepare_record({"terms": ["t-1", ""]}, model="Class", full=False, href=href)
    assert info.value.field == "terms[1]"
