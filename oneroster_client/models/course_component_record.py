from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.status_enum import StatusEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.guid_ref import GUIDRef
    from ..models.metadata import Metadata


T = TypeVar("T", bound="CourseComponentRecord")


# oneroster-client: the keys from_dict reads; any other key goes to additional_properties.
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


@_attrs_define
class CourseComponentRecord:
    sourced_id: str | Unset = UNSET
    status: StatusEnum | str | Unset = UNSET
    date_last_modified: datetime.datetime | Unset = UNSET
    metadata: Metadata | None | Unset = UNSET
    course: GUIDRef | None | Unset = UNSET
    course_component: GUIDRef | None | Unset = UNSET
    parent: GUIDRef | None | Unset = UNSET
    title: str | Unset = UNSET
    sort_order: float | None | Unset = UNSET
    prerequisites: list[str] | None | Unset = UNSET
    prerequisite_criteria: None | str | Unset = UNSET
    unlock_date: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sourced_id = self.sourced_id

        status: str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, StatusEnum):
            status = self.status.value
        else:
            status = self.status

        date_last_modified: str | Unset = UNSET
        if not isinstance(self.date_last_modified, Unset):
            date_last_modified = self.date_last_modified.isoformat()

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, Metadata):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        course: dict[str, Any] | None | Unset
        if isinstance(self.course, Unset):
            course = UNSET
        elif isinstance(self.course, GUIDRef):
            course = self.course.to_dict()
        else:
            course = self.course

        course_component: dict[str, Any] | None | Unset
        if isinstance(self.course_component, Unset):
            course_component = UNSET
        elif isinstance(self.course_component, GUIDRef):
            course_component = self.course_component.to_dict()
        else:
            course_component = self.course_component

        parent: dict[str, Any] | None | Unset
        if isinstance(self.parent, Unset):
            parent = UNSET
        elif isinstance(self.parent, GUIDRef):
            parent = self.parent.to_dict()
        else:
            parent = self.parent

        title = self.title

        sort_order: float | None | Unset
        if isinstance(self.sort_order, Unset):
            sort_order = UNSET
        else:
            sort_order = self.sort_order

        prerequisites: list[str] | None | Unset
        if isinstance(self.prerequisites, Unset):
            prerequisites = UNSET
        elif isinstance(self.prerequisites, list):
            prerequisites = self.prerequisites

        else:
            prerequisites = self.prerequisites

        prerequisite_criteria: None | str | Unset
        if isinstance(self.prerequisite_criteria, Unset):
            prerequisite_criteria = UNSET
        else:
            prerequisite_criteria = self.prerequisite_criteria

        unlock_date: None | str | Unset
        if isinstance(self.unlock_date, Unset):
            unlock_date = UNSET
        else:
            unlock_date = self.unlock_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if sourced_id is not UNSET:
            field_dict["sourcedId"] = sourced_id
        if status is not UNSET:
            field_dict["status"] = status
        if date_last_modified is not UNSET:
            field_dict["dateLastModified"] = date_last_modified
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if course is not UNSET:
            field_dict["course"] = course
        if course_component is not UNSET:
            field_dict["courseComponent"] = course_component
        if parent is not UNSET:
            field_dict["parent"] = parent
        if title is not UNSET:
            field_dict["title"] = title
        if sort_order is not UNSET:
            field_dict["sortOrder"] = sort_order
        if prerequisites is not UNSET:
            field_dict["prerequisites"] = prerequisites
        if prerequisite_criteria is not UNSET:
            field_dict["prerequisiteCriteria"] = prerequisite_criteria
        if unlock_date is not UNSET:
            field_dict["unlockDate"] = unlock_date

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        _get = src_dict.get
        sourced_id = _get("sourcedId", UNSET)

        _status_raw = _get("status", UNSET)
        status: StatusEnum | str | Unset
        if isinstance(_status_raw, str):
            try:
                componentsschemas_status_type_0 = _BY_VALUE_StatusEnum[_status_raw]

                status = componentsschemas_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                status = cast(StatusEnum | str | Unset, cast(object, _status_raw))
        else:
            status = _status_raw

        _date_last_modified = _get("dateLastModified", UNSET)
        date_last_modified: datetime.datetime | Unset
        if isinstance(_date_last_modified, Unset):
            date_last_modified = UNSET
        else:
            date_last_modified = datetime.datetime.fromisoformat(_date_last_modified)

        _metadata_raw = _get("metadata", UNSET)
        metadata: Metadata | None | Unset
        if isinstance(_metadata_raw, dict):
            try:
                metadata_type_0 = Metadata.from_dict(_metadata_raw)

                metadata = metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                metadata = cast(Metadata | None | Unset, cast(object, _metadata_raw))
        else:
            metadata = _metadata_raw

        _course_raw = _get("course", UNSET)
        course: GUIDRef | None | Unset
        if isinstance(_course_raw, dict):
            try:
                course_type_0 = GUIDRef.from_dict(_course_raw)

                course = course_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                course = cast(GUIDRef | None | Unset, cast(object, _course_raw))
        else:
            course = _course_raw

        _course_component_raw = _get("courseComponent", UNSET)
        course_component: GUIDRef | None | Unset
        if isinstance(_course_component_raw, dict):
            try:
                course_component_type_0 = GUIDRef.from_dict(_course_component_raw)

                course_component = course_component_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                course_component = cast(
                    GUIDRef | None | Unset, cast(object, _course_component_raw)
                )
        else:
            course_component = _course_component_raw

        _parent_raw = _get("parent", UNSET)
        parent: GUIDRef | None | Unset
        if isinstance(_parent_raw, dict):
            try:
                parent_type_0 = GUIDRef.from_dict(_parent_raw)

                parent = parent_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                parent = cast(GUIDRef | None | Unset, cast(object, _parent_raw))
        else:
            parent = _parent_raw

        title = _get("title", UNSET)

        sort_order: float | None | Unset = _get("sortOrder", UNSET)

        _prerequisites_raw = _get("prerequisites", UNSET)
        prerequisites: list[str] | None | Unset
        if isinstance(_prerequisites_raw, list):
            try:
                prerequisites_type_0 = cast(list[str], _prerequisites_raw)

                prerequisites = prerequisites_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                prerequisites = cast(
                    list[str] | None | Unset, cast(object, _prerequisites_raw)
                )
        else:
            prerequisites = _prerequisites_raw

        prerequisite_criteria: None | str | Unset = _get("prerequisiteCriteria", UNSET)

        unlock_date: None | str | Unset = _get("unlockDate", UNSET)

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

        if _KNOWN_KEYS.issuperset(src_dict):
            course_component_record.additional_properties = {}
            return course_component_record
        d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        course_component_record.additional_properties = d
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


# oneroster-client: imported once, after the class, instead of inside every from_dict/to_dict
# call as the stock template does. Models refer to each other (in cycles, hence not at the top);
# an import statement per call was the largest single cost of parsing a page of records.
from ..models.guid_ref import GUIDRef
from ..models.metadata import Metadata

# oneroster-client: value -> member tables for from_dict, typed once here instead of a cast()
# call per field per record.
_BY_VALUE_StatusEnum = cast(dict[str, StatusEnum], StatusEnum._value2member_map_)
