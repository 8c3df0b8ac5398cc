from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    ABSENT,
    present_repr,
)

if TYPE_CHECKING:
    from ..models.class_ import Class


# The keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "classes",
        "totalCount",
        "pageCount",
        "pageNumber",
        "offset",
        "limit",
        "total",
    }
)
_FIELDS = (
    "classes",
    "total_count",
    "page_count",
    "page_number",
    "offset",
    "limit",
    "total",
)


@_attrs_define
class ClassSet:
    classes: list[Class] | None = None

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
        classes = self.classes
        if classes is not None:
            field_dict["classes"] = (
                [
                    (_item0.to_dict() if isinstance(_item0, Class) else _item0)
                    for _item0 in classes
                ]
                if isinstance(classes, list)
                else classes
            )
        elif "classes" in nulls:
            field_dict["classes"] = None
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
        _get = src_dict.get
        _absent = ABSENT  # a local: read twice per field, faster than the module global
        _nulls: tuple[str, ...] = ()
        _classes_raw = _get("classes", _absent)
        classes: list[Class] | None
        if _classes_raw is _absent:
            classes = None
        elif _classes_raw is None:
            classes = None
            _nulls += ("classes",)
        else:
            if isinstance(_classes_raw, list):
                try:
                    classes = list(map(Class.from_dict, _classes_raw))

                except (TypeError, ValueError, AttributeError, KeyError):
                    classes = cast(Any, _classes_raw)

            else:
                classes = _classes_raw

        total_count = _get("totalCount", _absent)
        if total_count is _absent:
            total_count = None
        elif total_count is None:
            _nulls += ("totalCount",)

        page_count = _get("pageCount", _absent)
        if page_count is _absent:
            page_count = None
        elif page_count is None:
            _nulls += ("pageCount",)

        page_number = _get("pageNumber", _absent)
        if page_number is _absent:
            page_number = None
        elif page_number is None:
            _nulls += ("pageNumber",)

        offset = _get("offset", _absent)
        if offset is _absent:
            offset = None
        elif offset is None:
            _nulls += ("offset",)

        limit = _get("limit", _absent)
        if limit is _absent:
            limit = None
        elif limit is None:
            _nulls += ("limit",)

        total = _get("total", _absent)
        if total is _absent:
            total = None
        elif total is None:
            _nulls += ("total",)

        class_set = cls.__new__(cls)
        class_set.classes = classes
        class_set.total_count = total_count
        class_set.page_count = page_count
        class_set.page_number = page_number
        class_set.offset = offset
        class_set.limit = limit
        class_set.total = total
        class_set._nulls = _nulls
        if _KNOWN_KEYS.issuperset(src_dict):
            class_set.additional_properties = {}
        else:
            class_set.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return class_set

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
from ..models.class_ import Class
