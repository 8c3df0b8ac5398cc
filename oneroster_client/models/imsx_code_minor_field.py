from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.code_minor_value import CodeMinorValue
from ..types import (
    MissingField,
    present_repr,
)

# The keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "imsx_codeMinorFieldName",
        "imsx_codeMinorFieldValue",
    }
)
_FIELDS = (
    "imsx_code_minor_field_name",
    "imsx_code_minor_field_value",
)


@_attrs_define
class ImsxCodeMinorField:
    imsx_code_minor_field_name: str

    imsx_code_minor_field_value: CodeMinorValue | str

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Keys the schema does not name (vendor fields), as the provider sent them."""
    _nulls: tuple[str, ...] = _attrs_field(init=False, default=(), eq=False, repr=False)

    def __repr__(self) -> str:
        return present_repr(self, _FIELDS)

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON: what the provider sent, with the changes made since (None fields left out)."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        nulls = self._nulls
        field_dict["imsx_codeMinorFieldName"] = self.imsx_code_minor_field_name
        field_dict["imsx_codeMinorFieldValue"] = (
            self.imsx_code_minor_field_value.value
            if isinstance(self.imsx_code_minor_field_value, CodeMinorValue)
            else self.imsx_code_minor_field_value
        )
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the record from the provider's JSON object (see the module's notes on what is tolerated)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a ImsxCodeMinorField must be a JSON object, got {type(src_dict).__name__}"
            )

        _get = src_dict.get
        try:
            imsx_code_minor_field_name = src_dict["imsx_codeMinorFieldName"]
        except KeyError:
            raise MissingField(
                "ImsxCodeMinorField", "imsx_codeMinorFieldName"
            ) from None
        if not isinstance(imsx_code_minor_field_name, str):
            raise TypeError(
                f"ImsxCodeMinorField.imsx_codeMinorFieldName must be a str, got {type(imsx_code_minor_field_name).__name__}"
            )

        try:
            _imsx_code_minor_field_value_raw = src_dict["imsx_codeMinorFieldValue"]
        except KeyError:
            raise MissingField(
                "ImsxCodeMinorField", "imsx_codeMinorFieldValue"
            ) from None
        imsx_code_minor_field_value: CodeMinorValue | str
        try:
            _imsx_code_minor_field_value_member = _BY_VALUE_CodeMinorValue.get(
                _imsx_code_minor_field_value_raw
            )
        except TypeError:
            _imsx_code_minor_field_value_member = None
        if _imsx_code_minor_field_value_member is not None:
            imsx_code_minor_field_value = _imsx_code_minor_field_value_member
        else:
            imsx_code_minor_field_value = _imsx_code_minor_field_value_raw

        _extras = (
            {}
            if _KNOWN_KEYS.issuperset(src_dict)
            else {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        )
        imsx_code_minor_field = cls.__new__(cls)
        imsx_code_minor_field.imsx_code_minor_field_name = imsx_code_minor_field_name
        imsx_code_minor_field.imsx_code_minor_field_value = imsx_code_minor_field_value
        imsx_code_minor_field._nulls = ()
        imsx_code_minor_field.additional_properties = _extras
        return imsx_code_minor_field

    @staticmethod
    def _check(src_dict: Mapping[str, Any]) -> None:
        """Raise what from_dict would raise for ``src_dict``, building nothing (a record checks its nested models)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a ImsxCodeMinorField must be a JSON object, got {type(src_dict).__name__}"
            )

        try:
            _imsx_code_minor_field_name_raw = src_dict["imsx_codeMinorFieldName"]
        except KeyError:
            raise MissingField(
                "ImsxCodeMinorField", "imsx_codeMinorFieldName"
            ) from None
        if not isinstance(_imsx_code_minor_field_name_raw, str):
            raise TypeError(
                f"ImsxCodeMinorField.imsx_codeMinorFieldName must be a str, got {type(_imsx_code_minor_field_name_raw).__name__}"
            )

        try:
            _imsx_code_minor_field_value_raw = src_dict["imsx_codeMinorFieldValue"]
        except KeyError:
            raise MissingField(
                "ImsxCodeMinorField", "imsx_codeMinorFieldValue"
            ) from None
        _imsx_code_minor_field_value_raw_checked: CodeMinorValue | str
        try:
            __imsx_code_minor_field_value_raw_checked_member = (
                _BY_VALUE_CodeMinorValue.get(_imsx_code_minor_field_value_raw)
            )
        except TypeError:
            __imsx_code_minor_field_value_raw_checked_member = None
        if __imsx_code_minor_field_value_raw_checked_member is not None:
            _imsx_code_minor_field_value_raw_checked = (
                __imsx_code_minor_field_value_raw_checked_member
            )
        else:
            _imsx_code_minor_field_value_raw_checked = _imsx_code_minor_field_value_raw

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
_BY_VALUE_CodeMinorValue = cast(
    dict[str, CodeMinorValue], CodeMinorValue._value2member_map_
)
