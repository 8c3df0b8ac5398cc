from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.assessment_result import AssessmentResult


T = TypeVar("T", bound="AssessmentResultSet")


# oneroster-client: the keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "assessmentResults",
        "totalCount",
        "pageCount",
        "pageNumber",
        "offset",
        "limit",
        "total",
    }
)


@_attrs_define
class AssessmentResultSet:
    assessment_results: list[AssessmentResult] | None | Unset = UNSET
    total_count: int | None | Unset = UNSET
    page_count: int | None | Unset = UNSET
    page_number: int | None | Unset = UNSET
    offset: int | None | Unset = UNSET
    limit: int | None | Unset = UNSET
    total: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assessment_results: list[dict[str, Any]] | None | Unset
        if isinstance(self.assessment_results, Unset):
            assessment_results = UNSET
        elif isinstance(self.assessment_results, list):
            assessment_results = []
            for assessment_results_type_0_item_data in self.assessment_results:
                assessment_results_type_0_item = (
                    assessment_results_type_0_item_data.to_dict()
                )
                assessment_results.append(assessment_results_type_0_item)

        else:
            assessment_results = self.assessment_results

        total_count: int | None | Unset
        if isinstance(self.total_count, Unset):
            total_count = UNSET
        else:
            total_count = self.total_count

        page_count: int | None | Unset
        if isinstance(self.page_count, Unset):
            page_count = UNSET
        else:
            page_count = self.page_count

        page_number: int | None | Unset
        if isinstance(self.page_number, Unset):
            page_number = UNSET
        else:
            page_number = self.page_number

        offset: int | None | Unset
        if isinstance(self.offset, Unset):
            offset = UNSET
        else:
            offset = self.offset

        limit: int | None | Unset
        if isinstance(self.limit, Unset):
            limit = UNSET
        else:
            limit = self.limit

        total: int | None | Unset
        if isinstance(self.total, Unset):
            total = UNSET
        else:
            total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if assessment_results is not UNSET:
            field_dict["assessmentResults"] = assessment_results
        if total_count is not UNSET:
            field_dict["totalCount"] = total_count
        if page_count is not UNSET:
            field_dict["pageCount"] = page_count
        if page_number is not UNSET:
            field_dict["pageNumber"] = page_number
        if offset is not UNSET:
            field_dict["offset"] = offset
        if limit is not UNSET:
            field_dict["limit"] = limit
        if total is not UNSET:
            field_dict["total"] = total

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        _get = src_dict.get
        _assessment_results_raw = _get("assessmentResults", UNSET)
        assessment_results: list[AssessmentResult] | None | Unset
        if isinstance(_assessment_results_raw, list):
            try:
                assessment_results_type_0 = [
                    AssessmentResult.from_dict(item) for item in _assessment_results_raw
                ]

                assessment_results = assessment_results_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                assessment_results = cast(
                    list[AssessmentResult] | None | Unset,
                    cast(object, _assessment_results_raw),
                )
        else:
            assessment_results = _assessment_results_raw

        total_count: int | None | Unset = _get("totalCount", UNSET)

        page_count: int | None | Unset = _get("pageCount", UNSET)

        page_number: int | None | Unset = _get("pageNumber", UNSET)

        offset: int | None | Unset = _get("offset", UNSET)

        limit: int | None | Unset = _get("limit", UNSET)

        total: int | None | Unset = _get("total", UNSET)

        assessment_result_set = cls.__new__(cls)
        assessment_result_set.assessment_results = assessment_results
        assessment_result_set.total_count = total_count
        assessment_result_set.page_count = page_count
        assessment_result_set.page_number = page_number
        assessment_result_set.offset = offset
        assessment_result_set.limit = limit
        assessment_result_set.total = total

        if _KNOWN_KEYS.issuperset(src_dict):
            assessment_result_set.additional_properties = {}
            return assessment_result_set
        d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        assessment_result_set.additional_properties = d
        return assessment_result_set

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
from ..models.assessment_result import AssessmentResult
