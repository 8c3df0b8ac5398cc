from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.class_type import ClassType
from ..models.status_enum import StatusEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.guid_ref import GUIDRef
    from ..models.metadata import Metadata


T = TypeVar("T", bound="Class")


# oneroster-client: the keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "sourcedId",
        "status",
        "dateLastModified",
        "metadata",
        "title",
        "classCode",
        "classType",
        "location",
        "grades",
        "subjects",
        "course",
        "school",
        "terms",
        "subjectCodes",
        "periods",
        "resources",
    }
)


@_attrs_define
class Class:
    sourced_id: str | Unset = UNSET
    status: StatusEnum | str | Unset = UNSET
    date_last_modified: datetime.datetime | Unset = UNSET
    metadata: Metadata | None | Unset = UNSET
    title: str | Unset = UNSET
    class_code: None | str | Unset = UNSET
    class_type: ClassType | None | str | Unset = UNSET
    location: None | str | Unset = UNSET
    grades: list[str] | None | Unset = UNSET
    subjects: list[str] | None | Unset = UNSET
    course: GUIDRef | None | Unset = UNSET
    school: GUIDRef | None | Unset = UNSET
    terms: list[GUIDRef] | None | Unset = UNSET
    subject_codes: list[str] | None | Unset = UNSET
    periods: list[str] | None | Unset = UNSET
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

        class_code: None | str | Unset
        if isinstance(self.class_code, Unset):
            class_code = UNSET
        else:
            class_code = self.class_code

        class_type: None | str | Unset
        if isinstance(self.class_type, Unset):
            class_type = UNSET
        elif isinstance(self.class_type, ClassType):
            class_type = self.class_type.value
        else:
            class_type = self.class_type

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

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

        course: dict[str, Any] | None | Unset
        if isinstance(self.course, Unset):
            course = UNSET
        elif isinstance(self.course, GUIDRef):
            course = self.course.to_dict()
        else:
            course = self.course

        school: dict[str, Any] | None | Unset
        if isinstance(self.school, Unset):
            school = UNSET
        elif isinstance(self.school, GUIDRef):
            school = self.school.to_dict()
        else:
            school = self.school

        terms: list[dict[str, Any]] | None | Unset
        if isinstance(self.terms, Unset):
            terms = UNSET
        elif isinstance(self.terms, list):
            terms = []
            for terms_type_0_item_data in self.terms:
                terms_type_0_item = terms_type_0_item_data.to_dict()
                terms.append(terms_type_0_item)

        else:
            terms = self.terms

        subject_codes: list[str] | None | Unset
        if isinstance(self.subject_codes, Unset):
            subject_codes = UNSET
        elif isinstance(self.subject_codes, list):
            subject_codes = self.subject_codes

        else:
            subject_codes = self.subject_codes

        periods: list[str] | None | Unset
        if isinstance(self.periods, Unset):
            periods = UNSET
        elif isinstance(self.periods, list):
            periods = self.periods

        else:
            periods = self.periods

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
        if class_code is not UNSET:
            field_dict["classCode"] = class_code
        if class_type is not UNSET:
            field_dict["classType"] = class_type
        if location is not UNSET:
            field_dict["location"] = location
        if grades is not UNSET:
            field_dict["grades"] = grades
        if subjects is not UNSET:
            field_dict["subjects"] = subjects
        if course is not UNSET:
            field_dict["course"] = course
        if school is not UNSET:
            field_dict["school"] = school
        if terms is not UNSET:
            field_dict["terms"] = terms
        if subject_codes is not UNSET:
            field_dict["subjectCodes"] = subject_codes
        if periods is not UNSET:
            field_dict["periods"] = periods
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

        class_code: None | str | Unset = _get("classCode", UNSET)

        _class_type_raw = _get("classType", UNSET)
        class_type: ClassType | None | str | Unset
        if isinstance(_class_type_raw, str):
            try:
                class_type_type_0 = _BY_VALUE_ClassType[_class_type_raw]

                class_type = class_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                class_type = cast(
                    ClassType | None | str | Unset, cast(object, _class_type_raw)
                )
        else:
            class_type = _class_type_raw

        location: None | str | Unset = _get("location", UNSET)

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

        _school_raw = _get("school", UNSET)
        school: GUIDRef | None | Unset
        if isinstance(_school_raw, dict):
            try:
                school_type_0 = GUIDRef.from_dict(_school_raw)

                school = school_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                school = cast(GUIDRef | None | Unset, cast(object, _school_raw))
        else:
            school = _school_raw

        _terms_raw = _get("terms", UNSET)
        terms: list[GUIDRef] | None | Unset
        if isinstance(_terms_raw, list):
            try:
                terms_type_0 = [GUIDRef.from_dict(item) for item in _terms_raw]

                terms = terms_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                terms = cast(list[GUIDRef] | None | Unset, cast(object, _terms_raw))
        else:
            terms = _terms_raw

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

        _periods_raw = _get("periods", UNSET)
        periods: list[str] | None | Unset
        if isinstance(_periods_raw, list):
            try:
                periods_type_0 = cast(list[str], _periods_raw)

                periods = periods_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                periods = cast(list[str] | None | Unset, cast(object, _periods_raw))
        else:
            periods = _periods_raw

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

        class_ = cls.__new__(cls)
        class_.sourced_id = sourced_id
        class_.status = status
        class_.date_last_modified = date_last_modified
        class_.metadata = metadata
        class_.title = title
        class_.class_code = class_code
        class_.class_type = class_type
        class_.location = location
        class_.grades = grades
        class_.subjects = subjects
        class_.course = course
        class_.school = school
        class_.terms = terms
        class_.subject_codes = subject_codes
        class_.periods = periods
        class_.resources = resources

        if _KNOWN_KEYS.issuperset(src_dict):
            class_.additional_properties = {}
            return class_
        d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        class_.additional_properties = d
        return class_

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
_BY_VALUE_ClassType = cast(dict[str, ClassType], ClassType._value2member_map_)
