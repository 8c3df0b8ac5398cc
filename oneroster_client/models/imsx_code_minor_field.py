from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.code_minor_value import CodeMinorValue

T = TypeVar("T", bound="ImsxCodeMinorField")


# oneroster-client: the keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "imsx_codeMinorFieldName",
        "imsx_codeMinorFieldValue",
    }
)


@_attrs_define
class ImsxCodeMinorField:
    imsx_code_minor_field_name: str
    imsx_code_minor_field_value: CodeMinorValue | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        imsx_code_minor_field_name = self.imsx_code_minor_field_name

        imsx_code_minor_field_value: str
        if isinstance(self.imsx_code_minor_field_value, CodeMinorValue):
            imsx_code_minor_field_value = self.imsx_code_minor_field_value.value
        else:
            imsx_code_minor_field_value = self.imsx_code_minor_field_value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "imsx_codeMinorFieldName": imsx_code_minor_field_name,
                "imsx_codeMinorFieldValue": imsx_code_minor_field_value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        _get = src_dict.get
        imsx_code_minor_field_name = src_dict["imsx_codeMinorFieldName"]

        _imsx_code_minor_field_value_raw = src_dict["imsx_codeMinorFieldValue"]
        imsx_code_minor_field_value: CodeMinorValue | str
        if isinstance(_imsx_code_minor_field_value_raw, str):
            try:
                imsx_code_minor_field_value_type_0 = _BY_VALUE_CodeMinorValue[
                    _imsx_code_minor_field_value_raw
                ]

                imsx_code_minor_field_value = imsx_code_minor_field_value_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                imsx_code_minor_field_value = cast(
                    CodeMinorValue | str, cast(object, _imsx_code_minor_field_value_raw)
                )
        else:
            imsx_code_minor_field_value = _imsx_code_minor_field_value_raw

        imsx_code_minor_field = cls.__new__(cls)
        imsx_code_minor_field.imsx_code_minor_field_name = imsx_code_minor_field_name
        imsx_code_minor_field.imsx_code_minor_field_value = imsx_code_minor_field_value

        if _KNOWN_KEYS.issuperset(src_dict):
            imsx_code_minor_field.additional_properties = {}
            return imsx_code_minor_field
        d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        imsx_code_minor_field.additional_properties = d
        return imsx_code_minor_field

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
_BY_VALUE_CodeMinorValue = cast(
    dict[str, CodeMinorValue], CodeMinorValue._value2member_map_
)
