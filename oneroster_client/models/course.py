from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

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
        "schoolYear",
        "courseCode",
        "grades",
        "subjects",
        "org",
        "subjectCodes",
        "resources",
    }
)
_FIELDS = (
    "sourced_id",
    "status",
    "date_last_modified",
    "metadata",
    "title",
    "school_year",
    "course_code",
    "grades",
    "subjects",
    "org",
    "subject_codes",
    "resources",
)
# The keys whose null to_dict() writes back (absent and null both read as None).
_NULLABLE_KEYS = (
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
)


@_attrs_define(slots=False)
class Course(LazyRecord):
    sourced_id: str

    status: StatusEnum | str | None = None

    date_last_modified: datetime.datetime | None = None

    metadata: Metadata | None = None

    title: str | None = None

    school_year: GUIDRef | None = None

    course_code: str | None = None

    grades: list[str] | None = None

    subjects: list[str] | None = None

    org: GUIDRef | None = None

    subject_codes: list[str] | None = None

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
        school_year = self.school_year
        if school_year is not None:
            field_dict["schoolYear"] = (
                school_year.to_dict()
                if isinstance(school_year, GUIDRef)
                else school_year
            )
        elif "schoolYear" in nulls:
            field_dict["schoolYear"] = None
        course_code = self.course_code
        if course_code is not None:
            field_dict["courseCode"] = course_code
        elif "courseCode" in nulls:
            field_dict["courseCode"] = None
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
        org = self.org
        if org is not None:
            field_dict["org"] = org.to_dict() if isinstance(org, GUIDRef) else org
        elif "org" in nulls:
            field_dict["org"] = None
        subject_codes = self.subject_codes
        if subject_codes is not None:
            field_dict["subjectCodes"] = (
                subject_codes if isinstance(subject_codes, list) else subject_codes
            )
        elif "subjectCodes" in nulls:
            field_dict["subjectCodes"] = None
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
                f"a Course must be a JSON object, got {type(src_dict).__name__}"
            )

        _get = src_dict.get
        try:
            sourced_id = src_dict["sourcedId"]
        except KeyError:
            raise MissingField("Course", "sourcedId") from None
        if not isinstance(sourced_id, str):
            raise TypeError(
                f"Course.sourcedId must be a str, got {type(sourced_id).__name__}"
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

        course_code = _get("courseCode")

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

        _metadata_raw = _get("metadata")
        _school_year_raw = _get("schoolYear")
        _org_raw = _get("org")
        _resources_raw = _get("resources")
        course = cls.__new__(cls)
        course.sourced_id = sourced_id
        course.status = status
        course.date_last_modified = date_last_modified
        course.title = title
        course.course_code = course_code
        course.grades = grades
        course.subjects = subjects
        course.subject_codes = subject_codes
        if _metadata_raw is None:
            course.metadata = None
        if _school_year_raw is None:
            course.school_year = None
        if _org_raw is None:
            course.org = None
        if _resources_raw is None:
            course.resources = None
        course._source = src_dict
        return course

    @staticmethod
    def _check(src_dict: Mapping[str, Any]) -> None:
        """Raise what from_dict would raise for ``src_dict``, building nothing (a record checks its nested models)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a Course must be a JSON object, got {type(src_dict).__name__}"
            )

        try:
            _sourced_id_raw = src_dict["sourcedId"]
        except KeyError:
            raise MissingField("Course", "sourcedId") from None
        if not isinstance(_sourced_id_raw, str):
            raise TypeError(
                f"Course.sourcedId must be a str, got {type(_sourced_id_raw).__name__}"
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


def _read_school_year(src_dict: Mapping[str, Any]) -> GUIDRef | None:
    _school_year_raw = src_dict.get("schoolYear")
    if _school_year_raw is None:
        return None
    school_year: GUIDRef
    try:
        school_year = GUIDRef.from_dict(_school_year_raw)

    except (TypeError, ValueError, AttributeError, KeyError):
        school_year = _school_year_raw

    return school_year


def _read_org(src_dict: Mapping[str, Any]) -> GUIDRef | None:
    _org_raw = src_dict.get("org")
    if _org_raw is None:
        return None
    org: GUIDRef
    try:
        org = GUIDRef.from_dict(_org_raw)

    except (TypeError, ValueError, AttributeError, KeyError):
        org = _org_raw

    return org


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
    Course,
    {
        "metadata": _read_metadata,
        "school_year": _read_school_year,
        "org": _read_org,
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
