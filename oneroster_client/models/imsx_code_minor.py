from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.imsx_code_minor_field import ImsxCodeMinorField


T = TypeVar("T", bound="ImsxCodeMinor")


# oneroster-client: the keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "imsx_codeMinorField",
    }
)


@_attrs_define
class ImsxCodeMinor:
    imsx_code_minor_field: list[ImsxCodeMinorField]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        imsx_code_minor_field = []
        for imsx_code_minor_field_item_data in self.imsx_code_minor_field:
            imsx_code_minor_field_item = imsx_code_minor_field_item_data.to_dict()
            imsx_code_minor_field.append(imsx_code_minor_field_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "imsx_codeMinorField": imsx_code_minor_field,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        _get = src_dict.get
        imsx_code_minor_field = [
            ImsxCodeMinorField.from_dict(item)
            for item in src_dict["imsx_codeMinorField"]
        ]

        imsx_code_minor = cls.__new__(cls)
        imsx_code_minor.imsx_code_minor_field = imsx_code_minor_field

        if _KNOWN_KEYS.issuperset(src_dict):
            imsx_code_minor.additional_properties = {}
            return imsx_code_minor
        d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        imsx_code_minor.additional_properties = d
        return imsx_code_minor

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
from ..models.imsx_code_minor_field import ImsxCodeMinorField
