from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ScoreScaleValue")


# oneroster-client: the keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "itemValueLHS",
        "itemValueRHS",
    }
)


@_attrs_define
class ScoreScaleValue:
    item_value_lhs: str | Unset = UNSET
    item_value_rhs: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        item_value_lhs = self.item_value_lhs

        item_value_rhs = self.item_value_rhs

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if item_value_lhs is not UNSET:
            field_dict["itemValueLHS"] = item_value_lhs
        if item_value_rhs is not UNSET:
            field_dict["itemValueRHS"] = item_value_rhs

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        _get = src_dict.get
        item_value_lhs = _get("itemValueLHS", UNSET)

        item_value_rhs = _get("itemValueRHS", UNSET)

        score_scale_value = cls.__new__(cls)
        score_scale_value.item_value_lhs = item_value_lhs
        score_scale_value.item_value_rhs = item_value_rhs

        if _KNOWN_KEYS.issuperset(src_dict):
            score_scale_value.additional_properties = {}
            return score_scale_value
        d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        score_scale_value.additional_properties = d
        return score_scale_value

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
