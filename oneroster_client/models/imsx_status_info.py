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
        d = dict(src_dict)
        _imsx_code_major_raw = d.pop("imsx_codeMajor")
        imsx_code_major: CodeMajor | str
        if isinstance(_imsx_code_major_raw, str):
            try:
                imsx_code_major_type_0 = cast(
                    CodeMajor, CodeMajor._value2member_map_[_imsx_code_major_raw]
                )

                imsx_code_major = imsx_code_major_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                imsx_code_major = cast(
                    CodeMajor | str, cast(object, _imsx_code_major_raw)
                )
        else:
            imsx_code_major = _imsx_code_major_raw

        _imsx_severity_raw = d.pop("imsx_severity")
        imsx_severity: Severity | str
        if isinstance(_imsx_severity_raw, str):
            try:
                imsx_severity_type_0 = cast(
                    Severity, Severity._value2member_map_[_imsx_severity_raw]
                )

                imsx_severity = imsx_severity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                imsx_severity = cast(Severity | str, cast(object, _imsx_severity_raw))
        else:
            imsx_severity = _imsx_severity_raw

        imsx_description: None | str | Unset = d.pop("imsx_description", UNSET)

        _imsx_code_minor_raw = d.pop("imsx_CodeMinor", UNSET)
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

        imsx_status_info = cls(
            imsx_code_major=imsx_code_major,
            imsx_severity=imsx_severity,
            imsx_description=imsx_description,
            imsx_code_minor=imsx_code_minor,
        )

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
