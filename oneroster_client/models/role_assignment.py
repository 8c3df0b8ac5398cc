from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role_type import RoleType
from ..models.user_role import UserRole
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.guid_ref import GUIDRef


T = TypeVar("T", bound="RoleAssignment")


# oneroster-client: the keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "roleType",
        "role",
        "org",
        "userProfile",
        "beginDate",
        "endDate",
    }
)


@_attrs_define
class RoleAssignment:
    role_type: RoleType | str | Unset = UNSET
    role: str | Unset | UserRole = UNSET
    org: GUIDRef | None | Unset = UNSET
    user_profile: None | str | Unset = UNSET
    begin_date: datetime.date | datetime.datetime | None | str | Unset = UNSET
    end_date: datetime.date | datetime.datetime | None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        role_type: str | Unset
        if isinstance(self.role_type, Unset):
            role_type = UNSET
        elif isinstance(self.role_type, RoleType):
            role_type = self.role_type.value
        else:
            role_type = self.role_type

        role: str | Unset
        if isinstance(self.role, Unset):
            role = UNSET
        elif isinstance(self.role, UserRole):
            role = self.role.value
        else:
            role = self.role

        org: dict[str, Any] | None | Unset
        if isinstance(self.org, Unset):
            org = UNSET
        elif isinstance(self.org, GUIDRef):
            org = self.org.to_dict()
        else:
            org = self.org

        user_profile: None | str | Unset
        if isinstance(self.user_profile, Unset):
            user_profile = UNSET
        else:
            user_profile = self.user_profile

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
        if role_type is not UNSET:
            field_dict["roleType"] = role_type
        if role is not UNSET:
            field_dict["role"] = role
        if org is not UNSET:
            field_dict["org"] = org
        if user_profile is not UNSET:
            field_dict["userProfile"] = user_profile
        if begin_date is not UNSET:
            field_dict["beginDate"] = begin_date
        if end_date is not UNSET:
            field_dict["endDate"] = end_date

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        _get = src_dict.get
        _role_type_raw = _get("roleType", UNSET)
        role_type: RoleType | str | Unset
        if isinstance(_role_type_raw, str):
            try:
                role_type_type_0 = _BY_VALUE_RoleType[_role_type_raw]

                role_type = role_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                role_type = cast(RoleType | str | Unset, cast(object, _role_type_raw))
        else:
            role_type = _role_type_raw

        _role_raw = _get("role", UNSET)
        role: str | Unset | UserRole
        if isinstance(_role_raw, str):
            try:
                role_type_0 = _BY_VALUE_UserRole[_role_raw]

                role = role_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                role = cast(str | Unset | UserRole, cast(object, _role_raw))
        else:
            role = _role_raw

        _org_raw = _get("org", UNSET)
        org: GUIDRef | None | Unset
        if isinstance(_org_raw, dict):
            try:
                org_type_0 = GUIDRef.from_dict(_org_raw)

                org = org_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                org = cast(GUIDRef | None | Unset, cast(object, _org_raw))
        else:
            org = _org_raw

        user_profile: None | str | Unset = _get("userProfile", UNSET)

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

        role_assignment = cls.__new__(cls)
        role_assignment.role_type = role_type
        role_assignment.role = role
        role_assignment.org = org
        role_assignment.user_profile = user_profile
        role_assignment.begin_date = begin_date
        role_assignment.end_date = end_date

        if _KNOWN_KEYS.issuperset(src_dict):
            role_assignment.additional_properties = {}
            return role_assignment
        d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        role_assignment.additional_properties = d
        return role_assignment

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

# oneroster-client: value -> member tables for from_dict, typed once here instead of a cast()
# call per field per record.
_BY_VALUE_RoleType = cast(dict[str, RoleType], RoleType._value2member_map_)
_BY_VALUE_UserRole = cast(dict[str, UserRole], UserRole._value2member_map_)
