"""The generated models (oneroster_client.models) read what real servers send, and write it back unchanged.

Servers send vendor fields, nulls, 'ext:' and unknown enum values, JSON booleans where the binding says
'true'/'false', date-times where a date is expected, and fields= selections that drop required fields.
The open enums and special components are found in openapi/oneroster-1.2.yaml, so a new one is covered
without editing this file.
"""

from __future__ import annotations

import datetime as dt
import enum
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from spec_names import unknown_field

import oneroster_client.models as models
from oneroster_client.models import AcademicSession, Demographics, User, UserSet
from oneroster_client.types import MissingField

VENDOR_FIELD = unknown_field("favouriteColour")  # a vendor field the spec does not have

ROOT = Path(__file__).resolve().parents[2]
SPEC = yaml.safe_load((ROOT / "openapi" / "oneroster-1.2.yaml").read_text(encoding="utf-8"))
SCHEMAS: dict[str, dict[str, Any]] = SPEC["components"]["schemas"]
OVERRIDES = yaml.safe_load((ROOT / "generator-config.yml").read_text(encoding="utf-8")).get(
    "class_overrides", {}
)
NULL = {"type": "null"}


def model_class(schema_name: str) -> Any:
    return getattr(models, OVERRIDES.get(schema_name, {}).get("class_name", schema_name))


def _ref(schema: dict[str, Any]) -> str:
    return str(schema["$ref"]).rsplit("/", 1)[1]


def _branches(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """Non-null alternatives of a schema, looking through components that are themselves anyOf (Status...)."""
    if "$ref" in schema and "anyOf" in SCHEMAS[_ref(schema)]:
        return _branches(SCHEMAS[_ref(schema)])
    if "anyOf" in schema:
        return [branch for option in schema["anyOf"] if option != NULL for branch in _branches(option)]
    return [schema]


def _open_enum(schema: dict[str, Any]) -> frozenset[str] | None:
    """The values of an open enum (anyOf [EnumComponent, string]), or None when the schema is not one."""
    branches = _branches(schema)
    enums = [SCHEMAS[_ref(b)]["enum"] for b in branches if "$ref" in b and "enum" in SCHEMAS[_ref(b)]]
    if enums and {"type": "string"} in branches:
        return frozenset(enums[0])
    return None


def _open_enum_properties() -> list[tuple[str, str, bool, frozenset[str]]]:
    """(schema, property, is_array, official values) for every open enum property of every model."""
    found = []
    for name, schema in SCHEMAS.items():
        for prop, prop_schema in schema.get("properties", {}).items():
            values = _open_enum(prop_schema)
            if values is not None:
                found.append((name, prop, False, values))
                continue
            arrays = [b for b in _branches(prop_schema) if b.get("type") == "array"]
            if arrays and (values := _open_enum(arrays[0]["items"])) is not None:
                found.append((name, prop, True, values))
    return found


OPEN_ENUMS = _open_enum_properties()
OPEN_ENUM_SCHEMAS = sorted({name for name, *_ in OPEN_ENUMS})
ENTITIES = sorted(
    name for name, schema in SCHEMAS.items() if "sourcedId" in schema.get("x-oneroster-required", [])
)


def required_filler(schema_name: str) -> dict[str, Any]:
    """Values for the plain `required` properties of an envelope or imsx schema (entities declare none)."""
    filler: dict[str, Any] = {}
    for prop in SCHEMAS[schema_name].get("required", []):
        prop_schema = SCHEMAS[schema_name]["properties"][prop]
        values = _open_enum(prop_schema)
        if values is not None:
            filler[prop] = sorted(values)[0]
        elif any(branch.get("type") == "array" for branch in _branches(prop_schema)):
            filler[prop] = []
        else:
            filler[prop] = "x"
    return filler


def _field_holding(instance: Any, value: object) -> Any:
    """The attribute value of the instance's one field that holds `value` (or a list of it)."""
    (found,) = [
        v for v in _set_fields(instance).values() if v == value or (isinstance(v, list) and v == [value])
    ]
    return found[0] if isinstance(found, list) else found


def _set_fields(instance: Any) -> dict[str, Any]:
    return {
        field.name: getattr(instance, field.name)
        for field in attrs.fields(type(instance))
        if field.name not in ("additional_properties", "_nulls") and getattr(instance, field.name) is not None
    }


# ---------------------------------------------------------------------------------------------------
# What TimeBack and other servers really send
# ---------------------------------------------------------------------------------------------------

SERVER_USER: dict[str, Any] = {
    "sourcedId": "u-1",
    "status": "inactive",
    "dateLastModified": "2024-08-01T12:00:00.000Z",
    "metadata": None,
    "userIds": None,
    "enabledUser": True,
    "givenName": "Ada",
    "familyName": "Lovelace",
    "middleName": None,
    "roles": [
        {"roleType": "primary", "role": "ext:coach", "org": {"sourcedId": "org-1"}},
        {
            "roleType": "secondary",
            "role": "system_administrator",
            "org": {"href": "https://example.org/orgs/org-1", "sourcedId": "org-1", "type": "org"},
        },
    ],
    "primaryOrg": None,
    VENDOR_FIELD: "teal",
}


def test_server_user_parses_and_round_trips() -> None:
    user = User.from_dict(SERVER_USER)
    assert user.sourced_id == "u-1"
    assert type(user.status) is str
    assert user.status == "inactive"
    assert user.enabled_user is True
    assert user.metadata is None
    assert user.primary_org is None
    assert user.user_ids is None
    assert isinstance(user.roles, list)
    assert type(user.roles[0].role) is str
    assert user.roles[0].role == "ext:coach"
    assert type(user.roles[1].role) is str
    assert user.roles[1].role == "system_administrator"
    assert user.additional_properties == {VENDOR_FIELD: "teal"}
    assert user.to_dict() == SERVER_USER


def test_server_user_set_parses_and_round_trips() -> None:
    page = {"users": [SERVER_USER], "totalCount": 1, "offset": 0, "limit": 100, "vendorTrace": {"id": 7}}
    user_set = UserSet.from_dict(page)
    assert isinstance(user_set.users, list)
    assert user_set.users[0].additional_properties == {VENDOR_FIELD: "teal"}
    assert user_set.additional_properties == {"vendorTrace": {"id": 7}}
    assert user_set.to_dict() == page


def test_json_boolean_and_string_true_false() -> None:
    assert User.from_dict({"sourcedId": "u-1", "enabledUser": False}).enabled_user is False
    assert User.from_dict({"sourcedId": "u-1", "enabledUser": "true"}).enabled_user == "true"
    assert User.from_dict({"sourcedId": "u-1", "enabledUser": "true"}).to_dict() == {
        "sourcedId": "u-1",
        "enabledUser": "true",
    }


def test_date_field_arriving_as_date_time() -> None:
    session = AcademicSession.from_dict(
        {
            "sourcedId": "as-1",
            "startDate": "2024-08-01T00:00:00Z",
            "endDate": "2025-06-30",
            "schoolYear": "2025",
        }
    )
    assert session.start_date == dt.datetime(2024, 8, 1, tzinfo=dt.UTC)
    assert session.end_date == dt.date(2025, 6, 30)
    assert session.to_dict()["endDate"] == "2025-06-30"
    assert dt.datetime.fromisoformat(session.to_dict()["startDate"]) == dt.datetime(2024, 8, 1, tzinfo=dt.UTC)
    demographics = Demographics.from_dict({"sourcedId": "d-1", "birthDate": "2010-05-04T00:00:00Z"})
    assert demographics.birth_date == dt.datetime(2010, 5, 4, tzinfo=dt.UTC)


def test_unparseable_date_stays_a_string() -> None:
    session = AcademicSession.from_dict({"sourcedId": "as-1", "startDate": "08/01/2024"})
    assert session.start_date == "08/01/2024"
    assert session.to_dict() == {"sourcedId": "as-1", "startDate": "08/01/2024"}


@pytest.mark.parametrize("schema_name", ENTITIES)
def test_fields_selection_drops_required_fields(schema_name: str) -> None:
    """A record with only sourcedId (fields=sourcedId) parses; nothing is invented on the way back."""
    instance = model_class(schema_name).from_dict({"sourcedId": "x-1"})
    assert _set_fields(instance) == {"sourced_id": "x-1"}
    assert instance.to_dict() == {"sourcedId": "x-1"}


def test_open_enums_were_found() -> None:
    found = {(name, prop) for name, prop, *_ in OPEN_ENUMS}
    assert {("User", "status"), ("Role", "role"), ("Enrollment", "role"), ("Resource", "roles")} <= found
    assert ("User", "enabledUser") in found
    assert len(found) > 25


@pytest.mark.parametrize(
    ("schema_name", "prop", "is_array", "values"),
    OPEN_ENUMS,
    ids=[f"{name}.{prop}" for name, prop, *_ in OPEN_ENUMS],
)
def test_unknown_enum_value_arrives_as_str(
    schema_name: str, prop: str, is_array: bool, values: frozenset[str]
) -> None:
    unknown = "ext:not-in-any-list"
    assert unknown not in values
    data = {**required_filler(schema_name), prop: [unknown] if is_array else unknown}
    instance = model_class(schema_name).from_dict(data)
    parsed = _field_holding(instance, unknown)
    assert type(parsed) is str
    assert instance.to_dict() == data

    known = sorted(values)[-1]
    data = {**required_filler(schema_name), prop: [known] if is_array else known}
    parsed = _field_holding(model_class(schema_name).from_dict(data), known)
    assert isinstance(parsed, enum.Enum)
    assert parsed.value == known


# ---------------------------------------------------------------------------------------------------
# Property-based: extra keys and open-enum strings survive from_dict -> to_dict
# ---------------------------------------------------------------------------------------------------

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)
enum_strings = st.text(max_size=20) | st.from_regex(r"ext:[a-zA-Z0-9._-]{1,12}", fullmatch=True)


def extras(known: set[str]) -> st.SearchStrategy[dict[str, Any]]:
    return st.dictionaries(
        st.text(min_size=1, max_size=12).filter(lambda key: key not in known), json_values, max_size=4
    )


def record_for(schema_name: str) -> st.SearchStrategy[dict[str, Any]]:
    """A record of one schema: random strings in each of its open enums, plus random extra keys."""
    props = set(SCHEMAS[schema_name].get("properties", {}))
    enum_props = {
        prop: st.lists(enum_strings, max_size=3) if is_array else enum_strings
        for name, prop, is_array, _ in OPEN_ENUMS
        if name == schema_name
    }
    filler = required_filler(schema_name)
    return st.tuples(st.fixed_dictionaries({}, optional=enum_props), extras(props)).map(
        lambda pair: {**pair[1], **filler, **pair[0]}
    )


@pytest.mark.parametrize("schema_name", OPEN_ENUM_SCHEMAS)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_records_round_trip(schema_name: str, data: st.DataObject) -> None:
    record = data.draw(record_for(schema_name))
    instance = model_class(schema_name).from_dict(record)
    assert instance.to_dict() == record
    known = set(SCHEMAS[schema_name].get("properties", {}))
    assert instance.additional_properties == {key: value for key, value in record.items() if key not in known}


user_records = st.tuples(
    record_for("User"),
    st.lists(
        st.tuples(record_for("Role"), st.tuples(record_for("GUIDRef"), st.text(max_size=8))).map(
            lambda t: {**t[0], "org": {**t[1][0], "sourcedId": t[1][1]}}
        ),
        max_size=3,
    ),
    st.one_of(st.none(), st.booleans(), st.sampled_from(["true", "false"])),
).map(lambda t: {**t[0], "roles": t[1], "enabledUser": t[2]} if t[2] is not None else {**t[0], "roles": t[1]})


@settings(max_examples=60, deadline=None)
@given(
    users=st.lists(user_records, max_size=3),
    vendor=extras(set()).map(lambda d: {f"x-{k}": v for k, v in d.items()}),
)
def test_user_pages_round_trip(users: list[dict[str, Any]], vendor: dict[str, Any]) -> None:
    page = {"users": users, "totalCount": len(users), **vendor}
    parsed = UserSet.from_dict(page)
    assert parsed.to_dict() == page
    assert isinstance(parsed.users, list)
    for user, record in zip(parsed.users, users, strict=True):
        assert user.to_dict() == record
        assert isinstance(user.roles, list)
        for role in user.roles:
            assert isinstance(role.role, str | None)


# ---------------------------------------------------------------------------------------------------
# The fast from_dict (openapi/templates/model.py.jinja) builds exactly what the constructor builds
# ---------------------------------------------------------------------------------------------------

MODEL_CLASSES = sorted(
    (cls for cls in vars(models).values() if isinstance(cls, type) and attrs.has(cls)),
    key=lambda c: c.__name__,
)


@pytest.mark.parametrize(
    "cls",
    [c for c in MODEL_CLASSES if all(f.default is not attrs.NOTHING or not f.init for f in attrs.fields(c))],
    ids=lambda c: c.__name__,
)
def test_from_dict_of_nothing_equals_the_constructor(cls: Any) -> None:
    built = cls.from_dict({})
    assert built == cls()
    assert repr(built) == repr(cls())
    # every instance gets its own extras dict: filling one leaves the next untouched
    built["x-vendor"] = 1
    assert cls.from_dict({}).additional_properties == {}


def test_vendor_keys_keep_their_order_and_the_source_is_not_touched() -> None:
    record = {"x-b": 1, "sourcedId": "u-1", "x-a": {"deep": [1]}, "givenName": "Ada", "x-c": None}
    before = {key: value for key, value in record.items()}
    user = User.from_dict(record)
    assert list(user.additional_properties) == ["x-b", "x-a", "x-c"]
    assert user.additional_properties is not record
    user.additional_properties["x-d"] = 4
    assert record == before
    assert list(user.to_dict()) == ["x-b", "x-a", "x-c", "x-d", "sourcedId", "givenName"]


def test_absent_and_null_union_fields_are_kept_as_they_came() -> None:
    role = models.RoleAssignment.from_dict({"role": "student", "beginDate": None})
    assert role.begin_date is None
    assert role.end_date is None
    assert role.to_dict() == {"role": "student", "beginDate": None}
    assert models.RoleAssignment.from_dict({"beginDate": "2024-09-01"}).begin_date == dt.date(2024, 9, 1)


def test_a_missing_required_key_still_fails_as_before() -> None:
    required = [
        c for c in MODEL_CLASSES if any(f.default is attrs.NOTHING and f.init for f in attrs.fields(c))
    ]
    assert required, "the spec declares no required property any more; this test has nothing to check"
    with pytest.raises(KeyError):
        required[0].from_dict({})


# ---------------------------------------------------------------------------------------------------
# Absent and null are None; sourcedId is required; to_dict() gives back what the provider sent
# ---------------------------------------------------------------------------------------------------

RECORDS = sorted(name for name, schema in SCHEMAS.items() if "sourcedId" in schema.get("required", []))


def test_every_record_the_client_returns_requires_its_sourced_id() -> None:
    from oneroster.resources import RESOURCES
    from oneroster.scopes import ROUTES

    # Models by class name: a schema's class may be named otherwise (CourseComponent ->
    # CourseComponentRecord), and an Agent is a User with the link fields beside.
    returned = {spec.model for spec in RESOURCES} | {route.model for route in ROUTES.values()}
    lacking = sorted(
        name for name in returned if attrs.fields(getattr(models, name)).sourced_id.type != "str"
    )
    assert not lacking, f"records without a required sourcedId: {lacking}"
    assert "GUIDRef" not in RECORDS  # a reference is tolerated without one (TimeBack sends bare refs)


@pytest.mark.parametrize("schema_name", RECORDS)
def test_a_record_without_a_sourced_id_does_not_parse(schema_name: str) -> None:
    cls = model_class(schema_name)
    assert attrs.fields(cls).sourced_id.type == "str"
    with pytest.raises(MissingField, match=f"'sourcedId' is missing: every {cls.__name__} record needs one"):
        cls.from_dict({"status": "active"})
    with pytest.raises(TypeError, match="sourcedId must be a str, got int"):
        cls.from_dict({"sourcedId": 7})
    assert cls.from_dict({"sourcedId": "r-1"}).sourced_id == "r-1"


def _optional_properties(schema_name: str) -> list[str]:
    required = set(SCHEMAS[schema_name].get("required", []))
    return sorted(set(SCHEMAS[schema_name].get("properties", {})) - required)


@pytest.mark.parametrize("schema_name", RECORDS)
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_absent_stays_absent_and_null_stays_null(schema_name: str, data: st.DataObject) -> None:
    """Either way the field is None; to_dict() writes back exactly the keys that came, nulls included."""
    props = _optional_properties(schema_name)
    nulls = data.draw(st.sets(st.sampled_from(props)))
    record: dict[str, Any] = {"sourcedId": "r-1", **{prop: None for prop in sorted(nulls)}}
    instance = model_class(schema_name).from_dict(record)
    assert _set_fields(instance) == {"sourced_id": "r-1"}
    assert instance.to_dict() == record


def test_none_set_by_the_caller_is_left_out_and_values_set_are_written() -> None:
    user = User.from_dict({"sourcedId": "u-1", "middleName": None, "email": "ada@example.org", "phone": None})
    user.email = None
    user.middle_name = "Q"
    user.given_name = "Ada"
    assert user.to_dict() == {"sourcedId": "u-1", "middleName": "Q", "givenName": "Ada", "phone": None}
    assert User(sourced_id="u-2", given_name="Grace").to_dict() == {"sourcedId": "u-2", "givenName": "Grace"}


def test_null_and_absent_compare_equal() -> None:
    """The difference is the provider's wire form, kept for to_dict(); as records they are the same."""
    assert User.from_dict({"sourcedId": "u-1", "email": None}) == User.from_dict({"sourcedId": "u-1"})


def test_repr_shows_only_the_fields_that_hold_a_value() -> None:
    user = User.from_dict(
        {"sourcedId": "u-1", "givenName": "Ada", "middleName": None, "roles": [], "x-vendor": 1}
    )
    assert (
        repr(user)
        == "User(sourced_id='u-1', given_name='Ada', roles=[], additional_properties={'x-vendor': 1})"
    )
    assert repr(models.GUIDRef(sourced_id="o-1")) == "GUIDRef(sourced_id='o-1')"


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda c: c.__name__)
def test_no_repr_mentions_an_unset_marker(cls: Any) -> None:
    required = {f.name: "x" for f in attrs.fields(cls) if f.init and f.default is attrs.NOTHING}
    text = repr(cls(**required))
    assert "Unset" not in text and "None" not in text


@pytest.mark.parametrize(
    ("sent", "written"),
    [
        ("2024-08-01T12:00:00.000Z", "2024-08-01T12:00:00.000Z"),
        ("2024-08-01T12:00:00Z", "2024-08-01T12:00:00.000Z"),
        ("2024-08-01T12:00:00+00:00", "2024-08-01T12:00:00.000Z"),
        ("2024-08-01T12:00:00.123456Z", "2024-08-01T12:00:00.123456Z"),
        ("2024-08-01T14:00:00.250+02:00", "2024-08-01T14:00:00.250+02:00"),
    ],
)
def test_date_times_are_written_the_way_providers_send_them(sent: str, written: str) -> None:
    user = User.from_dict({"sourcedId": "u-1", "dateLastModified": sent})
    assert user.to_dict()["dateLastModified"] == written
    assert dt.datetime.fromisoformat(written) == user.date_last_modified
