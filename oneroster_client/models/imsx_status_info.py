from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.code_major import CodeMajor
from ..models.severity import Severity
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.imsx_code_minor import ImsxCodeMinor


T = TypeVar("T", bound="ImsxStatusInfo")


# oneroster-client: the keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "imsx_codeMajor",
        "imsx_severity",
        "imsx_description",
        "imsx_CodeMinor",
    }
)


@_attrs_define
class ImsxStatusInfo:
    imsx_code_major: CodeMajor | str
    imsx_severity: Severity | str
    imsx_description: None | str | Unset = UNSET
    imsx_code_minor: ImsxCodeMinor | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        imsx_code_major: str
        if isinstance(self.imsx_code_major, CodeMajor):
            imsx_code_major = self.imsx_code_major.value
        else:
            imsx_code_major = self.imsx_code_major

        imsx_severity: str
        if isinstance(self.imsx_severity, Severity):
            imsx_severity = self.imsx_severity.value
        else:
            imsx_severity = self.imsx_severity

        imsx_description: None | str | Unset
        if isinstance(self.imsx_description, Unset):
            imsx_description = UNSET
        else:
            imsx_description = self.imsx_description

        imsx_code_minor: dict[str, Any] | None | Unset
        if isinstance(self.imsx_code_minor, Unset):
            imsx_code_minor = UNSET
        elif isinstance(self.imsx_code_minor, ImsxCodeMinor):
            imsx_code_minor = self.imsx_code_minor.to_dict()
        else:
            imsx_code_minor = self.imsx_code_minor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "imsx_codeMajor": imsx_code_major,
                "imsx_severity": imsx_severity,
            }
        )
        if imsx_description is not UNSET:
            field_dict["imsx_description"] = imsx_description
        if imsx_code_minor is not UNSET:
            field_dict["imsx_CodeMinor"] = imsx_code_minor

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        _get = src_dict.get
        _imsx_code_major_raw = src_dict["imsx_codeMajor"]
        imsx_code_major: CodeMajor | str
        if isinstance(_imsx_code_major_raw, str):
            try:
                imsx_code_major_type_0 = _BY_VALUE_CodeMajor[_imsx_code_major_raw]

                imsx_code_major = imsx_code_major_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                imsx_code_major = cast(
                    CodeMajor | str, cast(object, _imsx_code_major_raw)
                )
        else:
            imsx_code_major = _imsx_code_major_raw

        _imsx_severity_raw = src_dict["imsx_severity"]
        imsx_severity: Severity | str
        if isinstance(_imsx_severity_raw, str):
            try:
                imsx_severity_type_0 = _BY_VALUE_Severity[_imsx_severity_raw]

                imsx_severity = imsx_severity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                imsx_severity = cast(Severity | str, cast(object, _imsx_severity_raw))
        else:
            imsx_severity = _imsx_severity_raw

        imsx_description: None | str | Unset = _get("imsx_description", UNSET)

        _imsx_code_minor_raw = _get("imsx_CodeMinor", UNSET)
        imsx_code_minor: ImsxCodeMinor | None | Unset
        if isinstance(_imsx_code_minor_raw, dict):
            try:
                imsx_code_minor_type_0 = ImsxCodeMinor.from_dict(_imsx_code_minor_raw)

                imsx_code_minor = imsx_code_minor_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                imsx_code_minor = cast(
                    ImsxCodeMinor | None | Unset, cast(object, _imsx_code_minor_raw)
                )
        else:
            imsx_code_minor = _imsx_code_minor_raw

        imsx_status_info = cls.__new__(cls)
        imsx_status_info.imsx_code_major = imsx_code_major
        imsx_status_info.imsx_severity = imsx_severity
        imsx_status_info.imsx_description = imsx_description
        imsx_status_info.imsx_code_minor = imsx_code_minor

        if _KNOWN_KEYS.issuperset(src_dict):
            imsx_status_info.additional_properties = {}
            return imsx_status_info
        d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        imsx_status_info.additional_properties = d
        return imsx_status_info

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
from ..models.imsx_code_minor import ImsxCodeMinor

# oneroster-client: value -> member tables for from_dict, typed once here instead of a cast()
# call per field per record.
_BY_VALUE_CodeMajor = cast(dict[str, CodeMajor], CodeMajor._value2member_map_)
_BY_VALUE_Severity = cast(dict[str, Severity], Severity._value2member_map_)
