from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    present_repr,
)

if TYPE_CHECKING:
    from ..models.line_item import LineItem


# The keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "lineItems",
        "totalCount",
        "pageCount",
        "pageNumber",
        "offset",
        "limit",
        "total",
    }
)
_FIELDS = (
    "line_items",
    "total_count",
    "page_count",
    "page_number",
    "offset",
    "limit",
    "total",
)
# The keys whose null to_dict() writes back (absent and null both read as None).
_NULLABLE_KEYS = (
    "lineItems",
    "totalCount",
    "pageCount",
    "pageNumber",
    "offset",
    "limit",
    "total",
)


@_attrs_define
class LineItemSet:
    line_items: list[LineItem] | None = None

    total_count: int | None = None

    page_count: int | None = None

    page_number: int | None = None

    offset: int | None = None

    limit: int | None = None

    total: int | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Keys the schema does not name (vendor fields), as the provider sent them."""
    _nulls: tuple[str, ...] = _attrs_field(init=False, default=(), eq=False, repr=False)

    def __repr__(self) -> str:
        return present_repr(self, _FIELDS)

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON: what the provider sent, with the changes made since (None fields left out)."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        nulls = self._nulls
        line_items = self.line_items
        if line_items is not None:
            field_dict["lineItems"] = (
                [
                    (_item0.to_dict() if isinstance(_item0, LineItem) else _item0)
                    for _item0 in line_items
                ]
                if isinstance(line_items, list)
                else line_items
            )
        elif "lineItems" in nulls:
            field_dict["lineItems"] = None
        total_count = self.total_count
        if total_count is not None:
            field_dict["totalCount"] = total_count
        elif "totalCount" in nulls:
            field_dict["totalCount"] = None
        page_count = self.page_count
        if page_count is not None:
            field_dict["pageCount"] = page_count
        elif "pageCount" in nulls:
            field_dict["pageCount"] = None
        page_number = self.page_number
        if page_number is not None:
            field_dict["pageNumber"] = page_number
        elif "pageNumber" in nulls:
            field_dict["pageNumber"] = None
        offset = self.offset
        if offset is not None:
            field_dict["offset"] = offset
        elif "offset" in nulls:
            field_dict["offset"] = None
        limit = self.limit
        if limit is not None:
            field_dict["limit"] = limit
        elif "limit" in nulls:
            field_dict["limit"] = None
        total = self.total
        if total is not None:
            field_dict["total"] = total
        elif "total" in nulls:
            field_dict["total"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the record from the provider's JSON object (see the module's notes on what is tolerated)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a LineItemSet must be a JSON object, got {type(src_dict).__name__}"
            )

        _get = src_dict.get
        _line_items_raw = _get("lineItems")
        line_items: list[LineItem] | None
        if _line_items_raw is None:
            line_items = None
        else:
            if isinstance(_line_items_raw, list):
                try:
                    line_items = list(map(LineItem.from_dict, _line_items_raw))

                except (TypeError, ValueError, AttributeError, KeyError):
                    line_items = cast(Any, _line_items_raw)

            else:
                line_items = _line_items_raw

        total_count = _get("totalCount")

        page_count = _get("pageCount")

        page_number = _get("pageNumber")

        offset = _get("offset")

        limit = _get("limit")

        total = _get("total")

        # Every key known and none null (the usual case): told by a count, cheaper than two scans.
        if len(src_dict) == (_line_items_raw is not None) + (
            total_count is not None
        ) + (page_count is not None) + (page_number is not None) + (
            offset is not None
        ) + (limit is not None) + (total is not None):
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
        line_item_set = cls.__new__(cls)
        line_item_set.line_items = line_items
        line_item_set.total_count = total_count
        line_item_set.page_count = page_count
        line_item_set.page_number = page_number
        line_item_set.offset = offset
        line_item_set.limit = limit
        line_item_set.total = total
        line_item_set._nulls = _nulls
        line_item_set.additional_properties = _extras
        return line_item_set

    @staticmethod
    def _check(src_dict: Mapping[str, Any]) -> None:
        """Raise what from_dict would raise for ``src_dict``, building nothing (a record checks its nested models)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a LineItemSet must be a JSON object, got {type(src_dict).__name__}"
            )

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
from ..models.line_item import LineItem
