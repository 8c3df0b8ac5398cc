from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.assessment_line_item import AssessmentLineItem


T = TypeVar("T", bound="SingleAssessmentLineItem")


# oneroster-client: the keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "assessmentLineItem",
    }
)


@_attrs_define
class SingleAssessmentLineItem:
    assessment_line_item: AssessmentLineItem
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assessment_line_item = self.assessment_line_item.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assessmentLineItem": assessment_line_item,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        _get = src_dict.get
        assessment_line_item = AssessmentLineItem.from_dict(
            src_dict["assessmentLineItem"]
        )

        single_assessment_line_item = cls.__new__(cls)
        single_assessment_line_item.assessment_line_item = assessment_line_item

        if _KNOWN_KEYS.issuperset(src_dict):
            single_assessment_line_item.additional_properties = {}
            return single_assessment_line_item
        d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        single_assessment_line_item.additional_properties = d
        return single_assessment_line_item

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
from ..models.assessment_line_item import AssessmentLineItem
