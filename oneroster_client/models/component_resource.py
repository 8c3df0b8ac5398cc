from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.status_enum import StatusEnum
from ..types import (
    ABSENT,
    MissingField,
    parse_datetime,
    present_repr,
    wire_datetime,
)

if TYPE_CHECKING:
    from ..models.guid_ref import GUIDRef
    from ..models.metadata import Metadata


# The keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "sourcedId",
        "status",
        "dateLastModified",
        "metadata",
        "courseComponent",
        "resource",
        "title",
        "sortOrder",
        "lessonType",
    }
)
_FIELDS = (
    "sourced_id",
    "status",
    "date_last_modified",
    "metadata",
    "course_component",
    "resource",
    "title",
    "sort_order",
    "lesson_type",
)


@_attrs_define
class ComponentResource:
    sourced_id: str

    status: StatusEnum | str | None = None

    date_last_modified: datetime.datetime | None = None

    metadata: Metadata | None = None

    course_component: GUIDRef | None = None

    resource: GUIDRef | None = None

    title: str | None = None

    sort_order: float | None = None

    lesson_type: str | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Keys the schema does not name (vendor fields), as the provider sent them."""
    _nulls: tuple[str, ...] = _attrs_field(init=False, default=(), eq=False, repr=False)

    def __repr__(self) -> str:
        return present_repr(self, _FIELDS)

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON: what the provider sent, with the changes made since (None fields left out)."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        nulls = self._nulls
        field_dict["sourcedId"] = self.sourced_id
        status = self.status
        if status is not None:
            field_dict["status"] = (
                status.value if isinstance(status, StatusEnum) else status
            )
        elif "status" in nulls:
            field_dict["status"] = None
        date_last_modified = self.date_last_modified
        if date_last_modified is not None:
            field_dict["dateLastModified"] = wire_datetime(date_last_modified)
        elif "dateLastModified" in nulls:
            field_dict["dateLastModified"] = None
        metadata = self.metadata
        if metadata is not None:
            field_dict["metadata"] = (
                metadata.to_dict() if isinstance(metadata, Metadata) else metadata
            )
        elif "metadata" in nulls:
            field_dict["metadata"] = None
        course_component = self.course_component
        if course_component is not None:
            field_dict["courseComponent"] = (
                course_component.to_dict()
                if isinstance(course_component, GUIDRef)
                else course_component
            )
        elif "courseComponent" in nulls:
            field_dict["courseComponent"] = None
        resource = self.resource
        if resource is not None:
            field_dict["resource"] = (
                resource.to_dict() if isinstance(resource, GUIDRef) else resource
            )
        elif "resource" in nulls:
            field_dict["resource"] = None
        title = self.title
        if title is not None:
            field_dict["title"] = title
        elif "title" in nulls:
            field_dict["title"] = None
        sort_order = self.sort_order
        if sort_order is not None:
            field_dict["sortOrder"] = sort_order
        elif "sortOrder" in nulls:
            field_dict["sortOrder"] = None
        lesson_type = self.lesson_type
        if lesson_type is not None:
            field_dict["lessonType"] = lesson_type
        elif "lessonType" in nulls:
            field_dict["lessonType"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the record from the provider's JSON object (see the module's notes on what is tolerated)."""
        _get = src_dict.get
        _absent = ABSENT  # a local: read twice per field, faster than the module global
        _nulls: tuple[str, ...] = ()
        try:
            sourced_id = src_dict["sourcedId"]
        except KeyError:
            raise MissingField("ComponentResource", "sourcedId") from None
        if not isinstance(sourced_id, str):
            raise TypeError(
                f"ComponentResource.sourcedId must be a str, got {type(sourced_id).__name__}"
            )

        _status_raw = _get("status", _absent)
        status: StatusEnum | str | None
        if _status_raw is _absent:
            status = None
        elif _status_raw is None:
            status = None
            _nulls += ("status",)
        else:
            try:
                status = _BY_VALUE_StatusEnum[_status_raw]

            except (TypeError, ValueError, AttributeError, KeyError):
                status = _status_raw

        _date_last_modified_raw = _get("dateLastModified", _absent)
        date_last_modified: datetime.datetime | None
        if _date_last_modified_raw is _absent:
            date_last_modified = None
        elif _date_last_modified_raw is None:
            date_last_modified = None
            _nulls += ("dateLastModified",)
        else:
            date_last_modified = parse_datetime(_date_last_modified_raw)

        _metadata_raw = _get("metadata", _absent)
        metadata: Metadata | None
        if _metadata_raw is _absent:
            metadata = None
        elif _metadata_raw is None:
            metadata = None
            _nulls += ("metadata",)
        else:
            try:
                metadata = Metadata.from_dict(_metadata_raw)

            except (TypeError, ValueError, AttributeError, KeyError):
                metadata = _metadata_raw

        _course_component_raw = _get("courseComponent", _absent)
        course_component: GUIDRef | None
        if _course_component_raw is _absent:
            course_component = None
        elif _course_component_raw is None:
            course_component = None
            _nulls += ("courseComponent",)
        else:
            try:
                course_component = GUIDRef.from_dict(_course_component_raw)

            except (TypeError, ValueError, AttributeError, KeyError):
                course_component = _course_component_raw

        _resource_raw = _get("resource", _absent)
        resource: GUIDRef | None
        if _resource_raw is _absent:
            resource = None
        elif _resource_raw is None:
            resource = None
            _nulls += ("resource",)
        else:
            try:
                resource = GUIDRef.from_dict(_resource_raw)

            except (TypeError, ValueError, AttributeError, KeyError):
                resource = _resource_raw

        title = _get("title", _absent)
        if title is _absent:
            title = None
        elif title is None:
            _nulls += ("title",)

        sort_order = _get("sortOrder", _absent)
        if sort_order is _absent:
            sort_order = None
        elif sort_order is None:
            _nulls += ("sortOrder",)

        lesson_type = _get("lessonType", _absent)
        if lesson_type is _absent:
            lesson_type = None
        elif lesson_type is None:
            _nulls += ("lessonType",)

        component_resource = cls.__new__(cls)
        component_resource.sourced_id = sourced_id
        component_resource.status = status
        component_resource.date_last_modified = date_last_modified
        component_resource.metadata = metadata
        component_resource.course_component = course_component
        component_resource.resource = resource
        component_resource.title = title
        component_resource.sort_order = sort_order
        component_resource.lesson_type = lesson_type
        component_resource._nulls = _nulls
        if _KNOWN_KEYS.issuperset(src_dict):
            component_resource.additional_properties = {}
        else:
            component_resource.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return component_resource

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
from ..models.guid_ref import GUIDRef
from ..models.metadata import Metadata

# value -> member tables for from_dict, typed once here instead of a cast() call per field per record.
_BY_VALUE_StatusEnum = cast(dict[str, StatusEnum], StatusEnum._value2member_map_)
