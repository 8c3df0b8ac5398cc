from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.org import Org


T = TypeVar("T", bound="OrgSet")


# oneroster-client: the keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "orgs",
        "totalCount",
        "pageCount",
        "pageNumber",
        "offset",
        "limit",
        "total",
    }
)


@_attrs_define
class OrgSet:
    orgs: list[Org] | None | Unset = UNSET
    total_count: int | None | Unset = UNSET
    page_count: int | None | Unset = UNSET
    page_number: int | None | Unset = UNSET
    offset: int | None | Unset = UNSET
    limit: int | None | Unset = UNSET
    total: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        orgs: list[dict[str, Any]] | None | Unset
        if isinstance(self.orgs, Unset):
            orgs = UNSET
        elif isinstance(self.orgs, list):
            orgs = []
            for orgs_type_0_item_data in self.orgs:
                orgs_type_0_item = orgs_type_0_item_data.to_dict()
                orgs.append(orgs_type_0_item)

        else:
            orgs = self.orgs

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
        if orgs is not UNSET:
            field_dict["orgs"] = orgs
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
        _orgs_raw = _get("orgs", UNSET)
        orgs: list[Org] | None | Unset
        if isinstance(_orgs_raw, list):
            try:
                orgs_type_0 = [Org.from_dict(item) for item in _orgs_raw]

                orgs = orgs_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                orgs = cast(list[Org] | None | Unset, cast(object, _orgs_raw))
        else:
            orgs = _orgs_raw

        total_count: int | None | Unset = _get("totalCount", UNSET)

        page_count: int | None | Unset = _get("pageCount", UNSET)

        page_number: int | None | Unset = _get("pageNumber", UNSET)

        offset: int | None | Unset = _get("offset", UNSET)

        limit: int | None | Unset = _get("limit", UNSET)

        total: int | None | Unset = _get("total", UNSET)

        org_set = cls.__new__(cls)
        org_set.orgs = orgs
        org_set.total_count = total_count
        org_set.page_count = page_count
        org_set.page_number = page_number
        org_set.offset = offset
        org_set.limit = limit
        org_set.total = total

        if _KNOWN_KEYS.issuperset(src_dict):
            org_set.additional_properties = {}
            return org_set
        d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        org_set.additional_properties = d
        return org_set

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
from ..models.org import Org
