from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WriteStatus")


# oneroster-client: the keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "status",
        "sourcedId",
    }
)


@_attrs_define
class WriteStatus:
    status: str | Unset = UNSET
    sourced_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        sourced_id = self.sourced_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if sourced_id is not UNSET:
            field_dict["sourcedId"] = sourced_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        _get = src_dict.get
        status = _get("status", UNSET)

        sourced_id = _get("sourcedId", UNSET)

        write_status = cls.__new__(cls)
        write_status.status = status
        write_status.sourced_id = sourced_id

        if _KNOWN_KEYS.issuperset(src_dict):
            write_status.additional_properties = {}
            return write_status
        d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        write_status.additional_properties = d
        return write_status

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
