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
        "course",
        "courseComponent",
        "parent",
        "title",
        "sortOrder",
        "prerequisites",
        "prerequisiteCriteria",
        "unlockDate",
    }
)
_FIELDS = (
    "sourced_id",
    "status",
    "date_last_modified",
    "metadata",
    "course",
    "course_component",
    "parent",
    "title",
    "sort_order",
    "prerequisites",
    "prerequisite_criteria",
    "unlock_date",
)


@_attrs_define
class CourseComponentRecord:
    sourced_id: str

    status: StatusEnum | str | None = None

    date_last_modified: datetime.datetime | None = None

    metadata: Metadata | None = None

    course: GUIDRef | None = None

    course_component: GUIDRef | None = None

    parent: GUIDRef | None = None

    title: str | None = None

    sort_order: float | None = None

    prerequisites: list[str] | None = None

    prerequisite_criteria: str | None = None

    unlock_date: str | None = None

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
        course = self.course
        if course is not None:
            field_dict["course"] = (
                course.to_dict() if isinstance(course, GUIDRef) else course
            )
        elif "course" in nulls:
            field_dict["course"] = None
        course_component = self.course_component
        if course_component is not None:
            field_dict["courseComponent"] = (
                course_component.to_dict()
                if isinstance(course_component, GUIDRef)
                else course_component
            )
        elif "courseComponent" in nulls:
            field_dict["courseComponent"] = None
        parent = self.parent
        if parent is not None:
            field_dict["parent"] = (
                parent.to_dict() if isinstance(parent, GUIDRef) else parent
            )
        elif "parent" in nulls:
            field_dict["parent"] = None
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
        prerequisites = self.prerequisites
        if prerequisites is not None:
            field_dict["prerequisites"] = (
                prerequisites if isinstance(prerequisites, list) else prerequisites
            )
        elif "prerequisites" in nulls:
            field_dict["prerequisites"] = None
        prerequisite_criteria = self.prerequisite_criteria
        if prerequisite_criteria is not None:
            field_dict["prerequisiteCriteria"] = prerequisite_criteria
        elif "prerequisiteCriteria" in nulls:
            field_dict["prerequisiteCriteria"] = None
        unlock_date = self.unlock_date
        if unlock_date is not None:
            field_dict["unlockDate"] = unlock_date
        elif "unlockDate" in nulls:
            field_dict["unlockDate"] = None
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
            raise MissingField("CourseComponentRecord", "sourcedId") from None
        if not isinstance(sourced_id, str):
            raise TypeError(
                f"CourseComponentRecord.sourcedId must be a str, got {type(sourced_id).__name__}"
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

        _course_raw = _get("course", _absent)
        course: GUIDRef | None
        if _course_raw is _absent:
            course = None
        elif _course_raw is None:
            course = None
            _nulls += ("course",)
        else:
            try:
                course = GUIDRef.from_dict(_course_raw)

            except (TypeError, ValueError, AttributeError, KeyError):
                course = _course_raw

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

        _parent_raw = _get("parent", _absent)
        parent: GUIDRef | None
        if _parent_raw is _absent:
            parent = None
        elif _parent_raw is None:
            parent = None
            _nulls += ("parent",)
        else:
            try:
                parent = GUIDRef.from_dict(_parent_raw)

            except (TypeError, ValueError, AttributeError, KeyError):
                parent = _parent_raw

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

        _prerequisites_raw = _get("prerequisites", _absent)
        prerequisites: list[str] | None
        if _prerequisites_raw is _absent:
            prerequisites = None
        elif _prerequisites_raw is None:
            prerequisites = None
            _nulls += ("prerequisites",)
        else:
            if isinstance(_prerequisites_raw, list):
                try:
                    prerequisites = _prerequisites_raw

                except (TypeError, ValueError, AttributeError, KeyError):
                    prerequisites = cast(Any, _prerequisites_raw)

            else:
                prerequisites = _prerequisites_raw

        prerequisite_criteria = _get("prerequisiteCriteria", _absent)
        if prerequisite_criteria is _absent:
            prerequisite_criteria = None
        elif prerequisite_criteria is None:
            _nulls += ("prerequisiteCriteria",)

        unlock_date = _get("unlockDate", _absent)
        if unlock_date is _absent:
            unlock_date = None
        elif unlock_date is None:
            _nulls += ("unlockDate",)

        course_component_record = cls.__new__(cls)
        course_component_record.sourced_id = sourced_id
        course_component_record.status = status
        course_component_record.date_last_modified = date_last_modified
        course_component_record.metadata = metadata
        course_component_record.course = course
        course_component_record.course_component = course_component
        course_component_record.parent = parent
        course_component_record.title = title
        course_component_record.sort_order = sort_order
        course_component_record.prerequisites = prerequisites
        course_component_record.prerequisite_criteria = prerequisite_criteria
        course_component_record.unlock_date = unlock_date
        course_component_record._nulls = _nulls
        if _KNOWN_KEYS.issuperset(src_dict):
            course_component_record.additional_properties = {}
        else:
            course_component_record.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return course_component_record

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
