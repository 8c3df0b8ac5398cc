from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.enrollment_role import EnrollmentRole
from ..models.status_enum import StatusEnum
from ..models.true_false_enum import TrueFalseEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.guid_ref import GUIDRef
    from ..models.metadata import Metadata


T = TypeVar("T", bound="Enrollment")


# oneroster-client: the keys from_dict reads; any other key goes to additional_properties.
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


@_attrs_define
class Enrollment:
    sourced_id: str | Unset = UNSET
    status: StatusEnum | str | Unset = UNSET
    date_last_modified: datetime.datetime | Unset = UNSET
    metadata: Metadata | None | Unset = UNSET
    user: GUIDRef | None | Unset = UNSET
    class_: GUIDRef | None | Unset = UNSET
    school: GUIDRef | None | Unset = UNSET
    role: EnrollmentRole | str | Unset = UNSET
    primary: bool | None | str | TrueFalseEnum | Unset = UNSET
    begin_date: datetime.date | datetime.datetime | None | str | Unset = UNSET
    end_date: datetime.date | datetime.datetime | None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sourced_id = self.sourced_id

        status: str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, StatusEnum):
            status = self.status.value
        else:
            status = self.status

        date_last_modified: str | Unset = UNSET
        if not isinstance(self.date_last_modified, Unset):
            date_last_modified = self.date_last_modified.isoformat()

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, Metadata):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        user: dict[str, Any] | None | Unset
        if isinstance(self.user, Unset):
            user = UNSET
        elif isinstance(self.user, GUIDRef):
            user = self.user.to_dict()
        else:
            user = self.user

        class_: dict[str, Any] | None | Unset
        if isinstance(self.class_, Unset):
            class_ = UNSET
        elif isinstance(self.class_, GUIDRef):
            class_ = self.class_.to_dict()
        else:
            class_ = self.class_

        school: dict[str, Any] | None | Unset
        if isinstance(self.school, Unset):
            school = UNSET
        elif isinstance(self.school, GUIDRef):
            school = self.school.to_dict()
        else:
            school = self.school

        role: str | Unset
        if isinstance(self.role, Unset):
            role = UNSET
        elif isinstance(self.role, EnrollmentRole):
            role = self.role.value
        else:
            role = self.role

        primary: bool | None | str | Unset
        if isinstance(self.primary, Unset):
            primary = UNSET
        elif isinstance(self.primary, TrueFalseEnum):
            primary = self.primary.value
        else:
            primary = self.primary

        begin_date: None | str | Unset
        if isinstance(self.begin_date, Unset):
            begin_date = UNSET
        elif isinstance(self.begin_date, datetime.date) or isinstance(
            self.begin_date, datetime.datetime
        ):
            begin_date = self.begin_date.isoformat()
        else:
            begin_date = self.begin_date

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date) or isinstance(
            self.end_date, datetime.datetime
        ):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if sourced_id is not UNSET:
            field_dict["sourcedId"] = sourced_id
        if status is not UNSET:
            field_dict["status"] = status
        if date_last_modified is not UNSET:
            field_dict["dateLastModified"] = date_last_modified
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if user is not UNSET:
            field_dict["user"] = user
        if class_ is not UNSET:
            field_dict["class"] = class_
        if school is not UNSET:
            field_dict["school"] = school
        if role is not UNSET:
            field_dict["role"] = role
        if primary is not UNSET:
            field_dict["primary"] = primary
        if begin_date is not UNSET:
            field_dict["beginDate"] = begin_date
        if end_date is not UNSET:
            field_dict["endDate"] = end_date

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        _get = src_dict.get
        sourced_id = _get("sourcedId", UNSET)

        _status_raw = _get("status", UNSET)
        status: StatusEnum | str | Unset
        if isinstance(_status_raw, str):
            try:
                componentsschemas_status_type_0 = _BY_VALUE_StatusEnum[_status_raw]

                status = componentsschemas_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                status = cast(StatusEnum | str | Unset, cast(object, _status_raw))
        else:
            status = _status_raw

        _date_last_modified = _get("dateLastModified", UNSET)
        date_last_modified: datetime.datetime | Unset
        if isinstance(_date_last_modified, Unset):
            date_last_modified = UNSET
        else:
            date_last_modified = datetime.datetime.fromisoformat(_date_last_modified)

        _metadata_raw = _get("metadata", UNSET)
        metadata: Metadata | None | Unset
        if isinstance(_metadata_raw, dict):
            try:
                metadata_type_0 = Metadata.from_dict(_metadata_raw)

                metadata = metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                metadata = cast(Metadata | None | Unset, cast(object, _metadata_raw))
        else:
            metadata = _metadata_raw

        _user_raw = _get("user", UNSET)
        user: GUIDRef | None | Unset
        if isinstance(_user_raw, dict):
            try:
                user_type_0 = GUIDRef.from_dict(_user_raw)

                user = user_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                user = cast(GUIDRef | None | Unset, cast(object, _user_raw))
        else:
            user = _user_raw

        _class__raw = _get("class", UNSET)
        class_: GUIDRef | None | Unset
        if isinstance(_class__raw, dict):
            try:
                class_type_0 = GUIDRef.from_dict(_class__raw)

                class_ = class_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                class_ = cast(GUIDRef | None | Unset, cast(object, _class__raw))
        else:
            class_ = _class__raw

        _school_raw = _get("school", UNSET)
        school: GUIDRef | None | Unset
        if isinstance(_school_raw, dict):
            try:
                school_type_0 = GUIDRef.from_dict(_school_raw)

                school = school_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                school = cast(GUIDRef | None | Unset, cast(object, _school_raw))
        else:
            school = _school_raw

        _role_raw = _get("role", UNSET)
        role: EnrollmentRole | str | Unset
        if isinstance(_role_raw, str):
            try:
                role_type_0 = _BY_VALUE_EnrollmentRole[_role_raw]

                role = role_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                role = cast(EnrollmentRole | str | Unset, cast(object, _role_raw))
        else:
            role = _role_raw

        _primary_raw = _get("primary", UNSET)
        primary: bool | None | str | TrueFalseEnum | Unset
        if isinstance(_primary_raw, str):
            try:
                componentsschemas_true_false_type_0 = _BY_VALUE_TrueFalseEnum[
                    _primary_raw
                ]

                primary = componentsschemas_true_false_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                primary = cast(
                    bool | None | str | TrueFalseEnum | Unset,
                    cast(object, _primary_raw),
                )
        else:
            primary = _primary_raw

        _begin_date_raw = _get("beginDate", UNSET)
        begin_date: datetime.date | datetime.datetime | None | str | Unset
        if _begin_date_raw is None or isinstance(_begin_date_raw, Unset):
            begin_date = _begin_date_raw
        else:

            def _parse_begin_date(
                data: object,
            ) -> datetime.date | datetime.datetime | None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    componentsschemas_date_value_type_0 = datetime.date.fromisoformat(
                        data
                    )

                    return componentsschemas_date_value_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    componentsschemas_date_value_type_1 = (
                        datetime.datetime.fromisoformat(data)
                    )

                    return componentsschemas_date_value_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(
                    datetime.date | datetime.datetime | None | str | Unset, data
                )

            begin_date = _parse_begin_date(_begin_date_raw)

        _end_date_raw = _get("endDate", UNSET)
        end_date: datetime.date | datetime.datetime | None | str | Unset
        if _end_date_raw is None or isinstance(_end_date_raw, Unset):
            end_date = _end_date_raw
        else:

            def _parse_end_date(
                data: object,
            ) -> datetime.date | datetime.datetime | None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    componentsschemas_date_value_type_0 = datetime.date.fromisoformat(
                        data
                    )

                    return componentsschemas_date_value_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    componentsschemas_date_value_type_1 = (
                        datetime.datetime.fromisoformat(data)
                    )

                    return componentsschemas_date_value_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(
                    datetime.date | datetime.datetime | None | str | Unset, data
                )

            end_date = _parse_end_date(_end_date_raw)

        enrollment = cls.__new__(cls)
        enrollment.sourced_id = sourced_id
        enrollment.status = status
        enrollment.date_last_modified = date_last_modified
        enrollment.metadata = metadata
        enrollment.user = user
        enrollment.class_ = class_
        enrollment.school = school
        enrollment.role = role
        enrollment.primary = primary
        enrollment.begin_date = begin_date
        enrollment.end_date = end_date

        if _KNOWN_KEYS.issuperset(src_dict):
            enrollment.additional_properties = {}
            return enrollment
        d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        enrollment.additional_properties = d
        return enrollment

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


# oneroster-client: imported once, after the class, instead of inside every from_dict/to_dict
# call as the stock template does. Models refer to each other (in cycles, hence not at the top);
# an import statement per call was the largest single cost of parsing a page of records.
from ..models.guid_ref import GUIDRef
from ..models.metadata import Metadata

# oneroster-client: value -> member tables for from_dict, typed once here instead of a cast()
# call per field per record.
_BY_VALUE_StatusEnum = cast(dict[str, StatusEnum], StatusEnum._value2member_map_)
_BY_VALUE_EnrollmentRole = cast(
    dict[str, EnrollmentRole], EnrollmentRole._value2member_map_
)
_BY_VALUE_TrueFalseEnum = cast(
    dict[str, TrueFalseEnum], TrueFalseEnum._value2member_map_
)
