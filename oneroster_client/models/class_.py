from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.class_type import ClassType
from ..models.status_enum import StatusEnum
from ..types import (
    LazyRecord,
    MissingField,
    defer,
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
_FIELDS = (
    "sourced_id",
    "status",
    "date_last_modified",
    "metadata",
    "title",
    "class_code",
    "class_type",
    "location",
    "grades",
    "subjects",
    "course",
    "school",
    "terms",
    "subject_codes",
    "periods",
    "resources",
)
# The keys whose null to_dict() writes back (absent and null both read as None).
_NULLABLE_KEYS = (
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
)


@_attrs_define(slots=False)
class Class(LazyRecord):
    sourced_id: str

    status: StatusEnum | str | None = None

    date_last_modified: datetime.datetime | None = None

    metadata: Metadata | None = None

    title: str | None = None

    class_code: str | None = None

    class_type: ClassType | str | None = None

    location: str | None = None

    grades: list[str] | None = None

    subjects: list[str] | None = None

    course: GUIDRef | None = None

    school: GUIDRef | None = None

    terms: list[GUIDRef] | None = None

    subject_codes: list[str] | None = None

    periods: list[str] | None = None

    resources: list[GUIDRef] | None = None

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
        title = self.title
        if title is not None:
            field_dict["title"] = title
        elif "title" in nulls:
            field_dict["title"] = None
        class_code = self.class_code
        if class_code is not None:
            field_dict["classCode"] = class_code
        elif "classCode" in nulls:
            field_dict["classCode"] = None
        class_type = self.class_type
        if class_type is not None:
            field_dict["classType"] = (
                class_type.value if isinstance(class_type, ClassType) else class_type
            )
        elif "classType" in nulls:
            field_dict["classType"] = None
        location = self.location
        if location is not None:
            field_dict["location"] = location
        elif "location" in nulls:
            field_dict["location"] = None
        grades = self.grades
        if grades is not None:
            field_dict["grades"] = grades if isinstance(grades, list) else grades
        elif "grades" in nulls:
            field_dict["grades"] = None
        subjects = self.subjects
        if subjects is not None:
            field_dict["subjects"] = (
                subjects if isinstance(subjects, list) else subjects
            )
        elif "subjects" in nulls:
            field_dict["subjects"] = None
        course = self.course
        if course is not None:
            field_dict["course"] = (
                course.to_dict() if isinstance(course, GUIDRef) else course
            )
        elif "course" in nulls:
            field_dict["course"] = None
        school = self.school
        if school is not None:
            field_dict["school"] = (
                school.to_dict() if isinstance(school, GUIDRef) else school
            )
        elif "school" in nulls:
            field_dict["school"] = None
        terms = self.terms
        if terms is not None:
            field_dict["terms"] = (
                [
                    (_item0.to_dict() if isinstance(_item0, GUIDRef) else _item0)
                    for _item0 in terms
                ]
                if isinstance(terms, list)
                else terms
            )
        elif "terms" in nulls:
            field_dict["terms"] = None
        subject_codes = self.subject_codes
        if subject_codes is not None:
            field_dict["subjectCodes"] = (
                subject_codes if isinstance(subject_codes, list) else subject_codes
            )
        elif "subjectCodes" in nulls:
            field_dict["subjectCodes"] = None
        periods = self.periods
        if periods is not None:
            field_dict["periods"] = periods if isinstance(periods, list) else periods
        elif "periods" in nulls:
            field_dict["periods"] = None
        resources = self.resources
        if resources is not None:
            field_dict["resources"] = (
                [
                    (_item0.to_dict() if isinstance(_item0, GUIDRef) else _item0)
                    for _item0 in resources
                ]
                if isinstance(resources, list)
                else resources
            )
        elif "resources" in nulls:
            field_dict["resources"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the record from the provider's JSON object (see the module's notes on what is tolerated).

        The fields holding other models are checked now and built on first access, from the object
        given, which is kept: do not change it afterwards (pass a copy if you will).
        """
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a Class must be a JSON object, got {type(src_dict).__name__}"
            )

        _get = src_dict.get
        try:
            sourced_id = src_dict["sourcedId"]
        except KeyError:
            raise MissingField("Class", "sourcedId") from None
        if not isinstance(sourced_id, str):
            raise TypeError(
                f"Class.sourcedId must be a str, got {type(sourced_id).__name__}"
            )

        _status_raw = _get("status")
        status: StatusEnum | str | None
        if _status_raw is None:
            status = None
        else:
            try:
                _status_member = _BY_VALUE_StatusEnum.get(_status_raw)
            except TypeError:
                _status_member = None
            if _status_member is not None:
                status = _status_member
            else:
                status = _status_raw

        _date_last_modified_raw = _get("dateLastModified")
        date_last_modified: datetime.datetime | None
        if _date_last_modified_raw is None:
            date_last_modified = None
        else:
            date_last_modified = parse_datetime(_date_last_modified_raw)

        title = _get("title")

        class_code = _get("classCode")

        _class_type_raw = _get("classType")
        class_type: ClassType | str | None
        if _class_type_raw is None:
            class_type = None
        else:
            try:
                _class_type_member = _BY_VALUE_ClassType.get(_class_type_raw)
            except TypeError:
                _class_type_member = None
            if _class_type_member is not None:
                class_type = _class_type_member
            else:
                class_type = _class_type_raw

        location = _get("location")

        _grades_raw = _get("grades")
        grades: list[str] | None
        if _grades_raw is None:
            grades = None
        else:
            if isinstance(_grades_raw, list):
                try:
                    grades = _grades_raw

                except (TypeError, ValueError, AttributeError, KeyError):
                    grades = cast(Any, _grades_raw)

            else:
                grades = _grades_raw

        _subjects_raw = _get("subjects")
        subjects: list[str] | None
        if _subjects_raw is None:
            subjects = None
        else:
            if isinstance(_subjects_raw, list):
                try:
                    subjects = _subjects_raw

                except (TypeError, ValueError, AttributeError, KeyError):
                    subjects = cast(Any, _subjects_raw)

            else:
                subjects = _subjects_raw

        _subject_codes_raw = _get("subjectCodes")
        subject_codes: list[str] | None
        if _subject_codes_raw is None:
            subject_codes = None
        else:
            if isinstance(_subject_codes_raw, list):
                try:
                    subject_codes = _subject_codes_raw

                except (TypeError, ValueError, AttributeError, KeyError):
                    subject_codes = cast(Any, _subject_codes_raw)

            else:
                subject_codes = _subject_codes_raw

        _periods_raw = _get("periods")
        periods: list[str] | None
        if _periods_raw is None:
            periods = None
        else:
            if isinstance(_periods_raw, list):
                try:
                    periods = _periods_raw

                except (TypeError, ValueError, AttributeError, KeyError):
                    periods = cast(Any, _periods_raw)

            else:
                periods = _periods_raw

        _metadata_raw = _get("metadata")
        _course_raw = _get("course")
        _school_raw = _get("school")
        _terms_raw = _get("terms")
        _resources_raw = _get("resources")
        class_ = cls.__new__(cls)
        class_.sourced_id = sourced_id
        class_.status = status
        class_.date_last_modified = date_last_modified
        class_.title = title
        class_.class_code = class_code
        class_.class_type = class_type
        class_.location = location
        class_.grades = grades
        class_.subjects = subjects
        class_.subject_codes = subject_codes
        class_.periods = periods
        if _metadata_raw is None:
            class_.metadata = None
        if _course_raw is None:
            class_.course = None
        if _school_raw is None:
            class_.school = None
        if _terms_raw is None:
            class_.terms = None
        if _resources_raw is None:
            class_.resources = None
        class_._source = src_dict
        return class_

    @staticmethod
    def _check(src_dict: Mapping[str, Any]) -> None:
        """Raise what from_dict would raise for ``src_dict``, building nothing (a record checks its nested models)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a Class must be a JSON object, got {type(src_dict).__name__}"
            )

        try:
            _sourced_id_raw = src_dict["sourcedId"]
        except KeyError:
            raise MissingField("Class", "sourcedId") from None
        if not isinstance(_sourced_id_raw, str):
            raise TypeError(
                f"Class.sourcedId must be a str, got {type(_sourced_id_raw).__name__}"
            )

        _date_last_modified_raw = src_dict.get("dateLastModified")
        if _date_last_modified_raw is not None:
            parse_datetime(_date_last_modified_raw)

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


# -- What from_dict checked but did not build: each is built on its first access. ------------------------------


def _read_metadata(src_dict: Mapping[str, Any]) -> Metadata | None:
    _metadata_raw = src_dict.get("metadata")
    if _metadata_raw is None:
        return None
    metadata: Metadata
    try:
        metadata = Metadata.from_dict(_metadata_raw)

    except (TypeError, ValueError, AttributeError, KeyError):
        metadata = _metadata_raw

    return metadata


def _read_course(src_dict: Mapping[str, Any]) -> GUIDRef | None:
    _course_raw = src_dict.get("course")
    if _course_raw is None:
        return None
    course: GUIDRef
    try:
        course = GUIDRef.from_dict(_course_raw)

    except (TypeError, ValueError, AttributeError, KeyError):
        course = _course_raw

    return course


def _read_school(src_dict: Mapping[str, Any]) -> GUIDRef | None:
    _school_raw = src_dict.get("school")
    if _school_raw is None:
        return None
    school: GUIDRef
    try:
        school = GUIDRef.from_dict(_school_raw)

    except (TypeError, ValueError, AttributeError, KeyError):
        school = _school_raw

    return school


def _read_terms(src_dict: Mapping[str, Any]) -> list[GUIDRef] | None:
    _terms_raw = src_dict.get("terms")
    if _terms_raw is None:
        return None
    terms: list[GUIDRef]
    if isinstance(_terms_raw, list):
        try:
            terms = list(map(GUIDRef.from_dict, _terms_raw))

        except (TypeError, ValueError, AttributeError, KeyError):
            terms = cast(Any, _terms_raw)

    else:
        terms = _terms_raw

    return terms


def _read_resources(src_dict: Mapping[str, Any]) -> list[GUIDRef] | None:
    _resources_raw = src_dict.get("resources")
    if _resources_raw is None:
        return None
    resources: list[GUIDRef]
    if isinstance(_resources_raw, list):
        try:
            resources = list(map(GUIDRef.from_dict, _resources_raw))

        except (TypeError, ValueError, AttributeError, KeyError):
            resources = cast(Any, _resources_raw)

    else:
        resources = _resources_raw

    return resources


def _read_nulls(src_dict: Mapping[str, Any]) -> tuple[str, ...]:
    _nulls: tuple[str, ...] = ()
    if None in src_dict.values():
        _nulls = tuple(
            [key for key in _NULLABLE_KEYS if key in src_dict and src_dict[key] is None]
        )

    return _nulls


def _read_additional_properties(src_dict: Mapping[str, Any]) -> dict[str, Any]:
    return (
        {}
        if _KNOWN_KEYS.issuperset(src_dict)
        else {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
    )


# What the class reads from the kept JSON object on first access, by attribute (see types.defer).
defer(
    Class,
    {
        "metadata": _read_metadata,
        "course": _read_course,
        "school": _read_school,
        "terms": _read_terms,
        "resources": _read_resources,
        "_nulls": _read_nulls,
        "additional_properties": _read_additional_properties,
    },
)


# Imported once, after the class, instead of inside every from_dict/to_dict call as the stock template
# does. Models refer to each other (in cycles, hence not at the top).
from ..models.guid_ref import GUIDRef
from ..models.metadata import Metadata

# value -> member tables for from_dict, typed once here instead of a cast() call per field per record.
_BY_VALUE_StatusEnum = cast(dict[str, StatusEnum], StatusEnum._value2member_map_)
_BY_VALUE_ClassType = cast(dict[str, ClassType], ClassType._value2member_map_)
