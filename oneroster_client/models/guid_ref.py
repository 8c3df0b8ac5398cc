from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.guid_ref_type import GUIDRefType
from ..types import (
    present_repr,
)

# The keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "href",
        "sourcedId",
        "type",
    }
)
_FIELDS = (
    "href",
    "sourced_id",
    "type_",
)
# The keys whose null to_dict() writes back (absent and null both read as None).
_NULLABLE_KEYS = (
    "href",
    "sourcedId",
    "type",
)


@_attrs_define
class GUIDRef:
    href: str | None = None

    sourced_id: str | None = None

    type_: GUIDRefType | str | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Keys the schema does not name (vendor fields), as the provider sent them."""
    _nulls: tuple[str, ...] = _attrs_field(init=False, default=(), eq=False, repr=False)

    def __repr__(self) -> str:
        return present_repr(self, _FIELDS)

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON: what the provider sent, with the changes made since (None fields left out)."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        nulls = self._nulls
        href = self.href
        if href is not None:
            field_dict["href"] = href
        elif "href" in nulls:
            field_dict["href"] = None
        sourced_id = self.sourced_id
        if sourced_id is not None:
            field_dict["sourcedId"] = sourced_id
        elif "sourcedId" in nulls:
            field_dict["sourcedId"] = None
        type_ = self.type_
        if type_ is not None:
            field_dict["type"] = (
                type_.value if isinstance(type_, GUIDRefType) else type_
            )
        elif "type" in nulls:
            field_dict["type"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the record from the provider's JSON object (see the module's notes on what is tolerated)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a GUIDRef must be a JSON object, got {type(src_dict).__name__}"
            )

        _get = src_dict.get
        href = _get("href")

        sourced_id = _get("sourcedId")

        _type__raw = _get("type")
        type_: GUIDRefType | str | None
        if _type__raw is None:
            type_ = None
        else:
            try:
                _type__member = _BY_VALUE_GUIDRefType.get(_type__raw)
            except TypeError:
                _type__member = None
            if _type__member is not None:
                type_ = _type__member
            else:
                type_ = _type__raw

        # Every key known and none null (the usual case): told by a count, cheaper than two scans.
        if len(src_dict) == (href is not None) + (sourced_id is not None) + (
            _type__raw is not None
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
        guid_ref = cls.__new__(cls)
        guid_ref.href = href
        guid_ref.sourced_id = sourced_id
        guid_ref.type_ = type_
        guid_ref._nulls = _nulls
        guid_ref.additional_properties = _extras
        return guid_ref

    @staticmethod
    def _check(src_dict: Mapping[str, Any]) -> None:
        """Raise what from_dict would raise for ``src_dict``, building nothing (a record checks its nested models)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a GUIDRef must be a JSON object, got {type(src_dict).__name__}"
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


# value -> member tables for from_dict, typed once here instead of a cast() call per field per record.
_BY_VALUE_GUIDRefType = cast(dict[str, GUIDRefType], GUIDRefType._value2member_map_)
