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


# oneroster-client: the keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "sourcedId",
        "status",
        "dateLastModified",
        "metadata",
        "title",
        "schoolYear",
        "courseCode",
        "grades",
        "subjects",
        "org",
        "subjectCodes",
        "resources",
    }
)


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

        title = _get("title", UNSET)

        _school_year_raw = _get("schoolYear", UNSET)
        school_year: GUIDRef | None | Unset
        if isinstance(_school_year_raw, dict):
            try:
                school_year_type_0 = GUIDRef.from_dict(_school_year_raw)

                school_year = school_year_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                school_year = cast(
                    GUIDRef | None | Unset, cast(object, _school_year_raw)
                )
        else:
            school_year = _school_year_raw

        course_code = _get("courseCode", UNSET)

        _grades_raw = _get("grades", UNSET)
        grades: list[str] | None | Unset
        if isinstance(_grades_raw, list):
            try:
                grades_type_0 = cast(list[str], _grades_raw)

                grades = grades_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                grades = cast(list[str] | None | Unset, cast(object, _grades_raw))
        else:
            grades = _grades_raw

        _subjects_raw = _get("subjects", UNSET)
        subjects: list[str] | None | Unset
        if isinstance(_subjects_raw, list):
            try:
                subjects_type_0 = cast(list[str], _subjects_raw)

                subjects = subjects_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                subjects = cast(list[str] | None | Unset, cast(object, _subjects_raw))
        else:
            subjects = _subjects_raw

        _org_raw = _get("org", UNSET)
        org: GUIDRef | None | Unset
        if isinstance(_org_raw, dict):
            try:
                org_type_0 = GUIDRef.from_dict(_org_raw)

                org = org_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                org = cast(GUIDRef | None | Unset, cast(object, _org_raw))
        else:
            org = _org_raw

        _subject_codes_raw = _get("subjectCodes", UNSET)
        subject_codes: list[str] | None | Unset
        if isinstance(_subject_codes_raw, list):
            try:
                subject_codes_type_0 = cast(list[str], _subject_codes_raw)

                subject_codes = subject_codes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                subject_codes = cast(
                    list[str] | None | Unset, cast(object, _subject_codes_raw)
                )
        else:
            subject_codes = _subject_codes_raw

        _resources_raw = _get("resources", UNSET)
        resources: list[GUIDRef] | None | Unset
        if isinstance(_resources_raw, list):
            try:
                resources_type_0 = [GUIDRef.from_dict(item) for item in _resources_raw]

                resources = resources_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                resources = cast(
                    list[GUIDRef] | None | Unset, cast(object, _resources_raw)
                )
        else:
            resources = _resources_raw

        course = cls.__new__(cls)
        course.sourced_id = sourced_id
        course.status = status
        course.date_last_modified = date_last_modified
        course.metadata = metadata
        course.title = title
        course.school_year = school_year
        course.course_code = course_code
        course.grades = grades
        course.subjects = subjects
        course.org = org
        course.subject_codes = subject_codes
        course.resources = resources

        if _KNOWN_KEYS.issuperset(src_dict):
            course.additional_properties = {}
            return course
        d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
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

# oneroster-client: value -> member tables for from_dict, typed once here instead of a cast()
# call per field per record.
_BY_VALUE_StatusEnum = cast(dict[str, StatusEnum], StatusEnum._value2member_map_)
