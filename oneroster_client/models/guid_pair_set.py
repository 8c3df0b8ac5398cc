from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.guid_pair import GUIDPair


T = TypeVar("T", bound="GUIDPairSet")


# oneroster-client: the keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "sourcedIdPairs",
    }
)


@_attrs_define
class GUIDPairSet:
    sourced_id_pairs: GUIDPair | list[GUIDPair] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sourced_id_pairs: dict[str, Any] | list[dict[str, Any]] | None | Unset
        if isinstance(self.sourced_id_pairs, Unset):
            sourced_id_pairs = UNSET
        elif isinstance(self.sourced_id_pairs, list):
            sourced_id_pairs = []
            for sourced_id_pairs_type_0_item_data in self.sourced_id_pairs:
                sourced_id_pairs_type_0_item = (
                    sourced_id_pairs_type_0_item_data.to_dict()
                )
                sourced_id_pairs.append(sourced_id_pairs_type_0_item)

        elif isinstance(self.sourced_id_pairs, GUIDPair):
            sourced_id_pairs = self.sourced_id_pairs.to_dict()
        else:
            sourced_id_pairs = self.sourced_id_pairs

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if sourced_id_pairs is not UNSET:
            field_dict["sourcedIdPairs"] = sourced_id_pairs

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        _get = src_dict.get
        _sourced_id_pairs_raw = _get("sourcedIdPairs", UNSET)
        sourced_id_pairs: GUIDPair | list[GUIDPair] | None | Unset
        if _sourced_id_pairs_raw is None or isinstance(_sourced_id_pairs_raw, Unset):
            sourced_id_pairs = _sourced_id_pairs_raw
        else:

            def _parse_sourced_id_pairs(
                data: object,
            ) -> GUIDPair | list[GUIDPair] | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    sourced_id_pairs_type_0 = [
                        GUIDPair.from_dict(item) for item in data
                    ]

                    return sourced_id_pairs_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    sourced_id_pairs_type_1 = GUIDPair.from_dict(data)

                    return sourced_id_pairs_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(GUIDPair | list[GUIDPair] | None | Unset, data)

            sourced_id_pairs = _parse_sourced_id_pairs(_sourced_id_pairs_raw)

        guid_pair_set = cls.__new__(cls)
        guid_pair_set.sourced_id_pairs = sourced_id_pairs

        if _KNOWN_KEYS.issuperset(src_dict):
            guid_pair_set.additional_properties = {}
            return guid_pair_set
        d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        guid_pair_set.additional_properties = d
        return guid_pair_set

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
from ..models.guid_pair import GUIDPair
