from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.guid_ref_type import GUIDRefType
from ..types import UNSET, Unset

T = TypeVar("T", bound="GUIDRef")


# oneroster-client: the keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "href",
        "sourcedId",
        "type",
    }
)


@_attrs_define
class GUIDRef:
    href: str | Unset = UNSET
    sourced_id: str | Unset = UNSET
    type_: GUIDRefType | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        href = self.href

        sourced_id = self.sourced_id

        type_: str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, GUIDRefType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if href is not UNSET:
            field_dict["href"] = href
        if sourced_id is not UNSET:
            field_dict["sourcedId"] = sourced_id
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        _get = src_dict.get
        href = _get("href", UNSET)

        sourced_id = _get("sourcedId", UNSET)

        _type__raw = _get("type", UNSET)
        type_: GUIDRefType | str | Unset
        if isinstance(_type__raw, str):
            try:
                type_type_0 = _BY_VALUE_GUIDRefType[_type__raw]

                type_ = type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                type_ = cast(GUIDRefType | str | Unset, cast(object, _type__raw))
        else:
            type_ = _type__raw

        guid_ref = cls.__new__(cls)
        guid_ref.href = href
        guid_ref.sourced_id = sourced_id
        guid_ref.type_ = type_

        if _KNOWN_KEYS.issuperset(src_dict):
            guid_ref.additional_properties = {}
            return guid_ref
        d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        guid_ref.additional_properties = d
        return guid_ref

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


# oneroster-client: value -> member tables for from_dict, typed once here instead of a cast()
# call per field per record.
_BY_VALUE_GUIDRefType = cast(dict[str, GUIDRefType], GUIDRefType._value2member_map_)
