from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.enrollment_role import EnrollmentRole
from ..models.status_enum import StatusEnum
from ..models.true_false_enum import TrueFalseEnum
from ..types import (
    LazyRecord,
    MissingField,
    defer,
    parse_date,
    parse_datetime,
    present_repr,
    wire_datetime,
)

if TYPE_CHECKING:
    from ..models.guid_ref import GUIDRef
    from ..models.metadata import Metadata


# The keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "sourcedId",
        "status",
        "dateLastModified",
        "metadata",
        "user",
        "class",
        "school",
        "role",
        "primary",
        "beginDate",
        "endDate",
    }
)
_FIELDS = (
    "sourced_id",
    "status",
    "date_last_modified",
    "metadata",
    "user",
    "class_",
    "school",
    "role",
    "primary",
    "begin_date",
    "end_date",
)
# The keys whose null to_dict() writes back (absent and null both read as None).
_NULLABLE_KEYS = (
    "status",
    "dateLastModified",
    "metadata",
    "user",
    "class",
    "school",
    "role",
    "primary",
    "beginDate",
    "endDate",
)


@_attrs_define(slots=False)
class Enrollment(LazyRecord):
    sourced_id: str

    status: StatusEnum | str | None = None

    date_last_modified: datetime.datetime | None = None

    metadata: Metadata | None = None

    user: GUIDRef | None = None

    class_: GUIDRef | None = None

    school: GUIDRef | None = None

    role: EnrollmentRole | str | None = None

    primary: bool | str | TrueFalseEnum | None = None

    begin_date: datetime.date | datetime.datetime | str | None = None

    end_date: datetime.date | datetime.datetime | str | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Keys the schema does not name (vendor fields), as the provider sent them."""
    _nulls: tuple[str, ...] = _attrs_field(init=False, default=(), eq=False, repr=False)

    def __repr__(self) -> str:
        return present_repr(self, _FIELDS)

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON: what the provider sent, with the changes made since (None fields left out)."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        nulls = self._nulls
        field_dict["sourcedId"] = self.sourced_id
        status = self.status
        if status is not None:
            field_dict["status"] = (
                status.value if isinstance(status, StatusEnum) else status
            )
        elif "status" in nulls:
            field_dict["status"] = None
        date_last_modified = self.date_last_modified
        if date_last_modified is not None:
            field_dict["dateLastModified"] = wire_datetime(date_last_modified)
        elif "dateLastModified" in nulls:
            field_dict["dateLastModified"] = None
        metadata = self.metadata
        if metadata is not None:
            field_dict["metadata"] = (
                metadata.to_dict() if isinstance(metadata, Metadata) else metadata
            )
        elif "metadata" in nulls:
            field_dict["metadata"] = None
        user = self.user
        if user is not None:
            field_dict["user"] = user.to_dict() if isinstance(user, GUIDRef) else user
        elif "user" in nulls:
            field_dict["user"] = None
        class_ = self.class_
        if class_ is not None:
            field_dict["class"] = (
                class_.to_dict() if isinstance(class_, GUIDRef) else class_
            )
        elif "class" in nulls:
            field_dict["class"] = None
        school = self.school
        if school is not None:
            field_dict["school"] = (
                school.to_dict() if isinstance(school, GUIDRef) else school
            )
        elif "school" in nulls:
            field_dict["school"] = None
        role = self.role
        if role is not None:
            field_dict["role"] = (
                role.value if isinstance(role, EnrollmentRole) else role
            )
        elif "role" in nulls:
            field_dict["role"] = None
        primary = self.primary
        if primary is not None:
            field_dict["primary"] = (
                primary.value if isinstance(primary, TrueFalseEnum) else primary
            )
        elif "primary" in nulls:
            field_dict["primary"] = None
        begin_date = self.begin_date
        if begin_date is not None:
            field_dict["beginDate"] = (
                wire_datetime(begin_date)
                if isinstance(begin_date, datetime.datetime)
                else begin_date.isoformat()
                if isinstance(begin_date, datetime.date)
                else begin_date
            )
        elif "beginDate" in nulls:
            field_dict["beginDate"] = None
        end_date = self.end_date
        if end_date is not None:
            field_dict["endDate"] = (
                wire_datetime(end_date)
                if isinstance(end_date, datetime.datetime)
                else end_date.isoformat()
                if isinstance(end_date, datetime.date)
                else end_date
            )
        elif "endDate" in nulls:
            field_dict["endDate"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the record from the provider's JSON object (see the module's notes on what is tolerated).

        The fields holding other models are checked now and built on first access, from the object
        given, which is kept: do not change it afterwards (pass a copy if you will).
        """
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a Enrollment must be a JSON object, got {type(src_dict).__name__}"
            )

        _get = src_dict.get
        try:
            sourced_id = src_dict["sourcedId"]
        except KeyError:
            raise MissingField("Enrollment", "sourcedId") from None
        if not isinstance(sourced_id, str):
            raise TypeError(
                f"Enrollment.sourcedId must be a str, got {type(sourced_id).__name__}"
            )

        _status_raw = _get("status")
        status: StatusEnum | str | None
        if _status_raw is None:
            status = None
        else:
            try:
                _status_member = _BY_VALUE_StatusEnum.get(_status_raw)
            except TypeError:
                _status_member = None
            if _status_member is not None:
                status = _status_member
            else:
                status = _status_raw

        _date_last_modified_raw = _get("dateLastModified")
        date_last_modified: datetime.datetime | None
        if _date_last_modified_raw is None:
            date_last_modified = None
        else:
            date_last_modified = parse_datetime(_date_last_modified_raw)

        _role_raw = _get("role")
        role: EnrollmentRole | str | None
        if _role_raw is None:
            role = None
        else:
            try:
                _role_member = _BY_VALUE_EnrollmentRole.get(_role_raw)
            except TypeError:
                _role_member = None
            if _role_member is not None:
                role = _role_member
            else:
                role = _role_raw

        _primary_raw = _get("primary")
        primary: bool | str | TrueFalseEnum | None
        if _primary_raw is None:
            primary = None
        else:
            try:
                _primary_member = _BY_VALUE_TrueFalseEnum.get(_primary_raw)
            except TypeError:
                _primary_member = None
            if _primary_member is not None:
                primary = _primary_member
            else:
                primary = _primary_raw

        _begin_date_raw = _get("beginDate")
        begin_date: datetime.date | datetime.datetime | str | None
        if _begin_date_raw is None:
            begin_date = None
        else:
            try:
                begin_date = parse_date(_begin_date_raw)

            except (TypeError, ValueError, AttributeError, KeyError):
                try:
                    begin_date = parse_datetime(_begin_date_raw)

                except (TypeError, ValueError, AttributeError, KeyError):
                    begin_date = _begin_date_raw

        _end_date_raw = _get("endDate")
        end_date: datetime.date | datetime.datetime | str | None
        if _end_date_raw is None:
            end_date = None
        else:
            try:
                end_date = parse_date(_end_date_raw)

            except (TypeError, ValueError, AttributeError, KeyError):
                try:
                    end_date = parse_datetime(_end_date_raw)

                except (TypeError, ValueError, AttributeError, KeyError):
                    end_date = _end_date_raw

        _metadata_raw = _get("metadata")
        _user_raw = _get("user")
        _class__raw = _get("class")
        _school_raw = _get("school")
        enrollment = cls.__new__(cls)
        enrollment.sourced_id = sourced_id
        enrollment.status = status
        enrollment.date_last_modified = date_last_modified
        enrollment.role = role
        enrollment.primary = primary
        enrollment.begin_date = begin_date
        enrollment.end_date = end_date
        if _metadata_raw is None:
            enrollment.metadata = None
        if _user_raw is None:
            enrollment.user = None
        if _class__raw is None:
            enrollment.class_ = None
        if _school_raw is None:
            enrollment.school = None
        enrollment._source = src_dict
        return enrollment

    @staticmethod
    def _check(src_dict: Mapping[str, Any]) -> None:
        """Raise what from_dict would raise for ``src_dict``, building nothing (a record checks its nested models)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a Enrollment must be a JSON object, got {type(src_dict).__name__}"
            )

        try:
            _sourced_id_raw = src_dict["sourcedId"]
        except KeyError:
            raise MissingField("Enrollment", "sourcedId") from None
        if not isinstance(_sourced_id_raw, str):
            raise TypeError(
                f"Enrollment.sourcedId must be a str, got {type(_sourced_id_raw).__name__}"
            )

        _date_last_modified_raw = src_dict.get("dateLastModified")
        if _date_last_modified_raw is not None:
            parse_datetime(_date_last_modified_raw)

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# -- What from_dict checked but did not build: each is built on its first access. ------------------------------


def _read_metadata(src_dict: Mapping[str, Any]) -> Metadata | None:
    _metadata_raw = src_dict.get("metadata")
    if _metadata_raw is None:
        return None
    metadata: Metadata
    try:
        metadata = Metadata.from_dict(_metadata_raw)

    except (TypeError, ValueError, AttributeError, KeyError):
        metadata = _metadata_raw

    return metadata


def _read_user(src_dict: Mapping[str, Any]) -> GUIDRef | None:
    _user_raw = src_dict.get("user")
    if _user_raw is None:
        return None
    user: GUIDRef
    try:
        user = GUIDRef.from_dict(_user_raw)

    except (TypeError, ValueError, AttributeError, KeyError):
        user = _user_raw

    return user


def _read_class_(src_dict: Mapping[str, Any]) -> GUIDRef | None:
    _class__raw = src_dict.get("class")
    if _class__raw is None:
        return None
    class_: GUIDRef
    try:
        class_ = GUIDRef.from_dict(_class__raw)

    except (TypeError, ValueError, AttributeError, KeyError):
        class_ = _class__raw

    return class_


def _read_school(src_dict: Mapping[str, Any]) -> GUIDRef | None:
    _school_raw = src_dict.get("school")
    if _school_raw is None:
        return None
    school: GUIDRef
    try:
        school = GUIDRef.from_dict(_school_raw)

    except (TypeError, ValueError, AttributeError, KeyError):
        school = _school_raw

    return school


def _read_nulls(src_dict: Mapping[str, Any]) -> tuple[str, ...]:
    _nulls: tuple[str, ...] = ()
    if None in src_dict.values():
        _nulls = tuple(
            [key for key in _NULLABLE_KEYS if key in src_dict and src_dict[key] is None]
        )

    return _nulls


def _read_additional_properties(src_dict: Mapping[str, Any]) -> dict[str, Any]:
    return (
        {}
        if _KNOWN_KEYS.issuperset(src_dict)
        else {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
    )


# What the class reads from the kept JSON object on first access, by attribute (see types.defer).
defer(
    Enrollment,
    {
        "metadata": _read_metadata,
        "user": _read_user,
        "class_": _read_class_,
        "school": _read_school,
        "_nulls": _read_nulls,
        "additional_properties": _read_additional_properties,
    },
)


# Imported once, after the class, instead of inside every from_dict/to_dict call as the stock template
# does. Models refer to each other (in cycles, hence not at the top).
from ..models.guid_ref import GUIDRef
from ..models.metadata import Metadata

# value -> member tables for from_dict, typed once here instead of a cast() call per field per record.
_BY_VALUE_StatusEnum = cast(dict[str, StatusEnum], StatusEnum._value2member_map_)
_BY_VALUE_EnrollmentRole = cast(
    dict[str, EnrollmentRole], EnrollmentRole._value2member_map_
)
_BY_VALUE_TrueFalseEnum = cast(
    dict[str, TrueFalseEnum], TrueFalseEnum._value2member_map_
)
