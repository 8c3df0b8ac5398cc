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


T = TypeVar("T", bound="Course")


@_attrs_define
class Course:
    sourced_id: str | Unset = UNSET
    status: StatusEnum | str | Unset = UNSET
    date_last_modified: datetime.datetime | Unset = UNSET
    metadata: Metadata | None | Unset = UNSET
    title: str | Unset = UNSET
    school_year: GUIDRef | None | Unset = UNSET
    course_code: str | Unset = UNSET
    grades: list[str] | None | Unset = UNSET
    subjects: list[str] | None | Unset = UNSET
    org: GUIDRef | None | Unset = UNSET
    subject_codes: list[str] | None | Unset = UNSET
    resources: list[GUIDRef] | None | Unset = UNSET
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

        title = self.title

        school_year: dict[str, Any] | None | Unset
        if isinstance(self.school_year, Unset):
            school_year = UNSET
        elif isinstance(self.school_year, GUIDRef):
            school_year = self.school_year.to_dict()
        else:
            school_year = self.school_year

        course_code = self.course_code

        grades: list[str] | None | Unset
        if isinstance(self.grades, Unset):
            grades = UNSET
        elif isinstance(self.grades, list):
            grades = self.grades

        else:
            grades = self.grades

        subjects: list[str] | None | Unset
        if isinstance(self.subjects, Unset):
            subjects = UNSET
        elif isinstance(self.subjects, list):
            subjects = self.subjects

        else:
            subjects = self.subjects

        org: dict[str, Any] | None | Unset
        if isinstance(self.org, Unset):
            org = UNSET
        elif isinstance(self.org, GUIDRef):
            org = self.org.to_dict()
        else:
            org = self.org

        subject_codes: list[str] | None | Unset
        if isinstance(self.subject_codes, Unset):
            subject_codes = UNSET
        elif isinstance(self.subject_codes, list):
            subject_codes = self.subject_codes

        else:
            subject_codes = self.subject_codes

        resources: list[dict[str, Any]] | None | Unset
        if isinstance(self.resources, Unset):
            resources = UNSET
        elif isinstance(self.resources, list):
            resources = []
            for resources_type_0_item_data in self.resources:
                resources_type_0_item = resources_type_0_item_data.to_dict()
                resources.append(resources_type_0_item)

        else:
            resources = self.resources

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
        if title is not UNSET:
            field_dict["title"] = title
        if school_year is not UNSET:
            field_dict["schoolYear"] = school_year
        if course_code is not UNSET:
            field_dict["courseCode"] = course_code
        if grades is not UNSET:
            field_dict["grades"] = grades
        if subjects is not UNSET:
            field_dict["subjects"] = subjects
        if org is not UNSET:
            field_dict["org"] = org
        if subject_codes is not UNSET:
            field_dict["subjectCodes"] = subject_codes
        if resources is not UNSET:
            field_dict["resources"] = resources

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        sourced_id = d.pop("sourcedId", UNSET)

        def _parse_status(data: object) -> StatusEnum | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_status_type_0 = cast(
                    StatusEnum, StatusEnum._value2member_map_[data]
                )

                return componentsschemas_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(StatusEnum | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        _date_last_modified = d.pop("dateLastModified", UNSET)
        date_last_modified: datetime.datetime | Unset
        if isinstance(_date_last_modified, Unset):
            date_last_modified = UNSET
        else:
            date_last_modified = datetime.datetime.fromisoformat(_date_last_modified)

        def _parse_metadata(data: object) -> Metadata | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = Metadata.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Metadata | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        title = d.pop("title", UNSET)

        def _parse_school_year(data: object) -> GUIDRef | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                school_year_type_0 = GUIDRef.from_dict(data)

                return school_year_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GUIDRef | None | Unset, data)

        school_year = _parse_school_year(d.pop("schoolYear", UNSET))

        course_code = d.pop("courseCode", UNSET)

        def _parse_grades(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                grades_type_0 = cast(list[str], data)

                return grades_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        grades = _parse_grades(d.pop("grades", UNSET))

        def _parse_subjects(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                subjects_type_0 = cast(list[str], data)

                return subjects_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        subjects = _parse_subjects(d.pop("subjects", UNSET))

        def _parse_org(data: object) -> GUIDRef | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                org_type_0 = GUIDRef.from_dict(data)

                return org_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GUIDRef | None | Unset, data)

        org = _parse_org(d.pop("org", UNSET))

        def _parse_subject_codes(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                subject_codes_type_0 = cast(list[str], data)

                return subject_codes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        subject_codes = _parse_subject_codes(d.pop("subjectCodes", UNSET))

        def _parse_resources(data: object) -> list[GUIDRef] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                resources_type_0 = []
                _resources_type_0 = data
                for resources_type_0_item_data in _resources_type_0:
                    resources_type_0_item = GUIDRef.from_dict(
                        resources_type_0_item_data
                    )

                    resources_type_0.append(resources_type_0_item)

                return resources_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[GUIDRef] | None | Unset, data)

        resources = _parse_resources(d.pop("resources", UNSET))

        course = cls(
            sourced_id=sourced_id,
            status=status,
            date_last_modified=date_last_modified,
            metadata=metadata,
            title=title,
            school_year=school_year,
            course_code=course_code,
            grades=grades,
            subjects=subjects,
            org=org,
            subject_codes=subject_codes,
            resources=resources,
        )

        course.additional_properties = d
        return course

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
