from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.code_major import CodeMajor
from ..models.severity import Severity
from ..types import (
    MissingField,
    present_repr,
)

if TYPE_CHECKING:
    from ..models.imsx_code_minor import ImsxCodeMinor


# The keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "imsx_codeMajor",
        "imsx_severity",
        "imsx_description",
        "imsx_CodeMinor",
    }
)
_FIELDS = (
    "imsx_code_major",
    "imsx_severity",
    "imsx_description",
    "imsx_code_minor",
)
# The keys whose null to_dict() writes back (absent and null both read as None).
_NULLABLE_KEYS = (
    "imsx_description",
    "imsx_CodeMinor",
)


@_attrs_define
class ImsxStatusInfo:
    imsx_code_major: CodeMajor | str

    imsx_severity: Severity | str

    imsx_description: str | None = None

    imsx_code_minor: ImsxCodeMinor | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Keys the schema does not name (vendor fields), as the provider sent them."""
    _nulls: tuple[str, ...] = _attrs_field(init=False, default=(), eq=False, repr=False)

    def __repr__(self) -> str:
        return present_repr(self, _FIELDS)

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON: what the provider sent, with the changes made since (None fields left out)."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        nulls = self._nulls
        field_dict["imsx_codeMajor"] = (
            self.imsx_code_major.value
            if isinstance(self.imsx_code_major, CodeMajor)
            else self.imsx_code_major
        )
        field_dict["imsx_severity"] = (
            self.imsx_severity.value
            if isinstance(self.imsx_severity, Severity)
            else self.imsx_severity
        )
        imsx_description = self.imsx_description
        if imsx_description is not None:
            field_dict["imsx_description"] = imsx_description
        elif "imsx_description" in nulls:
            field_dict["imsx_description"] = None
        imsx_code_minor = self.imsx_code_minor
        if imsx_code_minor is not None:
            field_dict["imsx_CodeMinor"] = (
                imsx_code_minor.to_dict()
                if isinstance(imsx_code_minor, ImsxCodeMinor)
                else imsx_code_minor
            )
        elif "imsx_CodeMinor" in nulls:
            field_dict["imsx_CodeMinor"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the record from the provider's JSON object (see the module's notes on what is tolerated)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a ImsxStatusInfo must be a JSON object, got {type(src_dict).__name__}"
            )

        _get = src_dict.get
        try:
            _imsx_code_major_raw = src_dict["imsx_codeMajor"]
        except KeyError:
            raise MissingField("ImsxStatusInfo", "imsx_codeMajor") from None
        imsx_code_major: CodeMajor | str
        try:
            _imsx_code_major_member = _BY_VALUE_CodeMajor.get(_imsx_code_major_raw)
        except TypeError:
            _imsx_code_major_member = None
        if _imsx_code_major_member is not None:
            imsx_code_major = _imsx_code_major_member
        else:
            imsx_code_major = _imsx_code_major_raw

        try:
            _imsx_severity_raw = src_dict["imsx_severity"]
        except KeyError:
            raise MissingField("ImsxStatusInfo", "imsx_severity") from None
        imsx_severity: Severity | str
        try:
            _imsx_severity_member = _BY_VALUE_Severity.get(_imsx_severity_raw)
        except TypeError:
            _imsx_severity_member = None
        if _imsx_severity_member is not None:
            imsx_severity = _imsx_severity_member
        else:
            imsx_severity = _imsx_severity_raw

        imsx_description = _get("imsx_description")

        _imsx_code_minor_raw = _get("imsx_CodeMinor")
        imsx_code_minor: ImsxCodeMinor | None
        if _imsx_code_minor_raw is None:
            imsx_code_minor = None
        else:
            try:
                imsx_code_minor = ImsxCodeMinor.from_dict(_imsx_code_minor_raw)

            except (TypeError, ValueError, AttributeError, KeyError):
                imsx_code_minor = _imsx_code_minor_raw

        # Every key known and none null (the usual case): told by a count, cheaper than two scans.
        if len(src_dict) == (_imsx_code_major_raw is not None) + (
            _imsx_severity_raw is not None
        ) + (imsx_description is not None) + (_imsx_code_minor_raw is not None):
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
        imsx_status_info = cls.__new__(cls)
        imsx_status_info.imsx_code_major = imsx_code_major
        imsx_status_info.imsx_severity = imsx_severity
        imsx_status_info.imsx_description = imsx_description
        imsx_status_info.imsx_code_minor = imsx_code_minor
        imsx_status_info._nulls = _nulls
        imsx_status_info.additional_properties = _extras
        return imsx_status_info

    @staticmethod
    def _check(src_dict: Mapping[str, Any]) -> None:
        """Raise what from_dict would raise for ``src_dict``, building nothing (a record checks its nested models)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a ImsxStatusInfo must be a JSON object, got {type(src_dict).__name__}"
            )

        try:
            _imsx_code_major_raw = src_dict["imsx_codeMajor"]
        except KeyError:
            raise MissingField("ImsxStatusInfo", "imsx_codeMajor") from None
        _imsx_code_major_raw_checked: CodeMajor | str
        try:
            __imsx_code_major_raw_checked_member = _BY_VALUE_CodeMajor.get(
                _imsx_code_major_raw
            )
        except TypeError:
            __imsx_code_major_raw_checked_member = None
        if __imsx_code_major_raw_checked_member is not None:
            _imsx_code_major_raw_checked = __imsx_code_major_raw_checked_member
        else:
            _imsx_code_major_raw_checked = _imsx_code_major_raw

        try:
            _imsx_severity_raw = src_dict["imsx_severity"]
        except KeyError:
            raise MissingField("ImsxStatusInfo", "imsx_severity") from None
        _imsx_severity_raw_checked: Severity | str
        try:
            __imsx_severity_raw_checked_member = _BY_VALUE_Severity.get(
                _imsx_severity_raw
            )
        except TypeError:
            __imsx_severity_raw_checked_member = None
        if __imsx_severity_raw_checked_member is not None:
            _imsx_severity_raw_checked = __imsx_severity_raw_checked_member
        else:
            _imsx_severity_raw_checked = _imsx_severity_raw

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


# Imported once, after the class, instead of inside every from_dict/to_dict call as the stock template
# does. Models refer to each other (in cycles, hence not at the top).
from ..models.imsx_code_minor import ImsxCodeMinor

# value -> member tables for from_dict, typed once here instead of a cast() call per field per record.
_BY_VALUE_CodeMajor = cast(dict[str, CodeMajor], CodeMajor._value2member_map_)
_BY_VALUE_Severity = cast(dict[str, Severity], Severity._value2member_map_)
