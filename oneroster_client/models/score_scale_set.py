from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.score_scale import ScoreScale


T = TypeVar("T", bound="ScoreScaleSet")


# oneroster-client: the keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "scoreScales",
        "totalCount",
        "pageCount",
        "pageNumber",
        "offset",
        "limit",
        "total",
    }
)


@_attrs_define
class ScoreScaleSet:
    score_scales: list[ScoreScale] | None | Unset = UNSET
    total_count: int | None | Unset = UNSET
    page_count: int | None | Unset = UNSET
    page_number: int | None | Unset = UNSET
    offset: int | None | Unset = UNSET
    limit: int | None | Unset = UNSET
    total: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        score_scales: list[dict[str, Any]] | None | Unset
        if isinstance(self.score_scales, Unset):
            score_scales = UNSET
        elif isinstance(self.score_scales, list):
            score_scales = []
            for score_scales_type_0_item_data in self.score_scales:
                score_scales_type_0_item = score_scales_type_0_item_data.to_dict()
                score_scales.append(score_scales_type_0_item)

        else:
            score_scales = self.score_scales

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
        if score_scales is not UNSET:
            field_dict["scoreScales"] = score_scales
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
        _score_scales_raw = _get("scoreScales", UNSET)
        score_scales: list[ScoreScale] | None | Unset
        if isinstance(_score_scales_raw, list):
            try:
                score_scales_type_0 = [
                    ScoreScale.from_dict(item) for item in _score_scales_raw
                ]

                score_scales = score_scales_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                score_scales = cast(
                    list[ScoreScale] | None | Unset, cast(object, _score_scales_raw)
                )
        else:
            score_scales = _score_scales_raw

        total_count: int | None | Unset = _get("totalCount", UNSET)

        page_count: int | None | Unset = _get("pageCount", UNSET)

        page_number: int | None | Unset = _get("pageNumber", UNSET)

        offset: int | None | Unset = _get("offset", UNSET)

        limit: int | None | Unset = _get("limit", UNSET)

        total: int | None | Unset = _get("total", UNSET)

        score_scale_set = cls.__new__(cls)
        score_scale_set.score_scales = score_scales
        score_scale_set.total_count = total_count
        score_scale_set.page_count = page_count
        score_scale_set.page_number = page_number
        score_scale_set.offset = offset
        score_scale_set.limit = limit
        score_scale_set.total = total

        if _KNOWN_KEYS.issuperset(src_dict):
            score_scale_set.additional_properties = {}
            return score_scale_set
        d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        score_scale_set.additional_properties = d
        return score_scale_set

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
from ..models.score_scale import ScoreScale
