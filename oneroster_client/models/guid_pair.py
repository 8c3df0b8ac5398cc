from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="GUIDPair")


# oneroster-client: the keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "suppliedSourcedId",
        "allocatedSourcedId",
    }
)


@_attrs_define
class GUIDPair:
    supplied_sourced_id: str | Unset = UNSET
    allocated_sourced_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        supplied_sourced_id = self.supplied_sourced_id

        allocated_sourced_id = self.allocated_sourced_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if supplied_sourced_id is not UNSET:
            field_dict["suppliedSourcedId"] = supplied_sourced_id
        if allocated_sourced_id is not UNSET:
            field_dict["allocatedSourcedId"] = allocated_sourced_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        _get = src_dict.get
        supplied_sourced_id = _get("suppliedSourcedId", UNSET)

        allocated_sourced_id = _get("allocatedSourcedId", UNSET)

        guid_pair = cls.__new__(cls)
        guid_pair.supplied_sourced_id = supplied_sourced_id
        guid_pair.allocated_sourced_id = allocated_sourced_id

        if _KNOWN_KEYS.issuperset(src_dict):
            guid_pair.additional_properties = {}
            return guid_pair
        d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        guid_pair.additional_properties = d
        return guid_pair

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
