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
        "type",
        "identifier",
    }
)
_FIELDS = (
    "type_",
    "identifier",
)


@_attrs_define
class UserId:
    type_: str | None = None

    identifier: str | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Keys the schema does not name (vendor fields), as the provider sent them."""
    _nulls: tuple[str, ...] = _attrs_field(init=False, default=(), eq=False, repr=False)

    def __repr__(self) -> str:
        return present_repr(self, _FIELDS)

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON: what the provider sent, with the changes made since (None fields left out)."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        nulls = self._nulls
        type_ = self.type_
        if type_ is not None:
            field_dict["type"] = type_
        elif "type" in nulls:
            field_dict["type"] = None
        identifier = self.identifier
        if identifier is not None:
            field_dict["identifier"] = identifier
        elif "identifier" in nulls:
            field_dict["identifier"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the record from the provider's JSON object (see the module's notes on what is tolerated)."""
        _get = src_dict.get
        _absent = ABSENT  # a local: read twice per field, faster than the module global
        _nulls: tuple[str, ...] = ()
        type_ = _get("type", _absent)
        if type_ is _absent:
            type_ = None
        elif type_ is None:
            _nulls += ("type",)

        identifier = _get("identifier", _absent)
        if identifier is _absent:
            identifier = None
        elif identifier is None:
            _nulls += ("identifier",)

        user_id = cls.__new__(cls)
        user_id.type_ = type_
        user_id.identifier = identifier
        user_id._nulls = _nulls
        if _KNOWN_KEYS.issuperset(src_dict):
            user_id.additional_properties = {}
        else:
            user_id.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return user_id

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
