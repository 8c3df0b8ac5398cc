from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    ABSENT,
    present_repr,
)

# The keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "status",
        "sourcedId",
    }
)
_FIELDS = (
    "status",
    "sourced_id",
)


@_attrs_define
class WriteStatus:
    status: str | None = None

    sourced_id: str | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Keys the schema does not name (vendor fields), as the provider sent them."""
    _nulls: tuple[str, ...] = _attrs_field(init=False, default=(), eq=False, repr=False)

    def __repr__(self) -> str:
        return present_repr(self, _FIELDS)

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON: what the provider sent, with the changes made since (None fields left out)."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        nulls = self._nulls
        status = self.status
        if status is not None:
            field_dict["status"] = status
        elif "status" in nulls:
            field_dict["status"] = None
        sourced_id = self.sourced_id
        if sourced_id is not None:
            field_dict["sourcedId"] = sourced_id
        elif "sourcedId" in nulls:
            field_dict["sourcedId"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the record from the provider's JSON object (see the module's notes on what is tolerated)."""
        _get = src_dict.get
        _absent = ABSENT  # a local: read twice per field, faster than the module global
        _nulls: tuple[str, ...] = ()
        status = _get("status", _absent)
        if status is _absent:
            status = None
        elif status is None:
            _nulls += ("status",)

        sourced_id = _get("sourcedId", _absent)
        if sourced_id is _absent:
            sourced_id = None
        elif sourced_id is None:
            _nulls += ("sourcedId",)

        write_status = cls.__new__(cls)
        write_status.status = status
        write_status.sourced_id = sourced_id
        write_status._nulls = _nulls
        if _KNOWN_KEYS.issuperset(src_dict):
            write_status.additional_properties = {}
        else:
            write_status.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
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
