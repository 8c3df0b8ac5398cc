from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role_type import RoleType
from ..models.user_role import UserRole
from ..types import (
    parse_date,
    parse_datetime,
    present_repr,
    wire_datetime,
)

if TYPE_CHECKING:
    from ..models.guid_ref import GUIDRef


# The keys from_dict reads; any other key goes to additional_properties.
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
_FIELDS = (
    "role_type",
    "role",
    "org",
    "user_profile",
    "begin_date",
    "end_date",
)
# The keys whose null to_dict() writes back (absent and null both read as None).
_NULLABLE_KEYS = (
    "roleType",
    "role",
    "org",
    "userProfile",
    "beginDate",
    "endDate",
)


@_attrs_define
class RoleAssignment:
    role_type: RoleType | str | None = None

    role: str | UserRole | None = None

    org: GUIDRef | None = None

    user_profile: str | None = None

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
        role_type = self.role_type
        if role_type is not None:
            field_dict["roleType"] = (
                role_type.value if isinstance(role_type, RoleType) else role_type
            )
        elif "roleType" in nulls:
            field_dict["roleType"] = None
        role = self.role
        if role is not None:
            field_dict["role"] = role.value if isinstance(role, UserRole) else role
        elif "role" in nulls:
            field_dict["role"] = None
        org = self.org
        if org is not None:
            field_dict["org"] = org.to_dict() if isinstance(org, GUIDRef) else org
        elif "org" in nulls:
            field_dict["org"] = None
        user_profile = self.user_profile
        if user_profile is not None:
            field_dict["userProfile"] = user_profile
        elif "userProfile" in nulls:
            field_dict["userProfile"] = None
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
        """Build the record from the provider's JSON object (see the module's notes on what is tolerated)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a RoleAssignment must be a JSON object, got {type(src_dict).__name__}"
            )

        _get = src_dict.get
        _role_type_raw = _get("roleType")
        role_type: RoleType | str | None
        if _role_type_raw is None:
            role_type = None
        else:
            try:
                _role_type_member = _BY_VALUE_RoleType.get(_role_type_raw)
            except TypeError:
                _role_type_member = None
            if _role_type_member is not None:
                role_type = _role_type_member
            else:
                role_type = _role_type_raw

        _role_raw = _get("role")
        role: str | UserRole | None
        if _role_raw is None:
            role = None
        else:
            try:
                _role_member = _BY_VALUE_UserRole.get(_role_raw)
            except TypeError:
                _role_member = None
            if _role_member is not None:
                role = _role_member
            else:
                role = _role_raw

        _org_raw = _get("org")
        org: GUIDRef | None
        if _org_raw is None:
            org = None
        else:
            try:
                org = GUIDRef.from_dict(_org_raw)

            except (TypeError, ValueError, AttributeError, KeyError):
                org = _org_raw

        user_profile = _get("userProfile")

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

        # Every key known and none null (the usual case): told by a count, cheaper than two scans.
        if len(src_dict) == (_role_type_raw is not None) + (_role_raw is not None) + (
            _org_raw is not None
        ) + (user_profile is not None) + (_begin_date_raw is not None) + (
            _end_date_raw is not None
        ):
            _nulls: tuple[str, ...] = ()
            _extras: dict[str, Any] = {}
        else:
            _nulls = tuple(
                [
                    key
                    for key in _NULLABLE_KEYS
                    if key in src_dict and src_dict[key] is None
                ]
            )
            _extras = (
                {}
                if _KNOWN_KEYS.issuperset(src_dict)
                else {
                    key: value
                    for key, value in src_dict.items()
                    if key not in _KNOWN_KEYS
                }
            )
        role_assignment = cls.__new__(cls)
        role_assignment.role_type = role_type
        role_assignment.role = role
        role_assignment.org = org
        role_assignment.user_profile = user_profile
        role_assignment.begin_date = begin_date
        role_assignment.end_date = end_date
        role_assignment._nulls = _nulls
        role_assignment.additional_properties = _extras
        return role_assignment

    @staticmethod
    def _check(src_dict: Mapping[str, Any]) -> None:
        """Raise what from_dict would raise for ``src_dict``, building nothing (a record checks its nested models)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a RoleAssignment must be a JSON object, got {type(src_dict).__name__}"
            )

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


# Imported once, after the class, instead of inside every from_dict/to_dict call as the stock template
# does. Models refer to each other (in cycles, hence not at the top).
from ..models.guid_ref import GUIDRef

# value -> member tables for from_dict, typed once here instead of a cast() call per field per record.
_BY_VALUE_RoleType = cast(dict[str, RoleType], RoleType._value2member_map_)
_BY_VALUE_UserRole = cast(dict[str, UserRole], UserRole._value2member_map_)
