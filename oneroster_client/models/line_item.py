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
    from ..models.learning_objective_set import LearningObjectiveSet
    from ..models.metadata import Metadata


# The keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "sourcedId",
        "status",
        "dateLastModified",
        "metadata",
        "title",
        "description",
        "assignDate",
        "dueDate",
        "class",
        "school",
        "category",
        "gradingPeriod",
        "academicSession",
        "scoreScale",
        "resultValueMin",
        "resultValueMax",
        "learningObjectiveSet",
    }
)
_FIELDS = (
    "sourced_id",
    "status",
    "date_last_modified",
    "metadata",
    "title",
    "description",
    "assign_date",
    "due_date",
    "class_",
    "school",
    "category",
    "grading_period",
    "academic_session",
    "score_scale",
    "result_value_min",
    "result_value_max",
    "learning_objective_set",
)
# The keys whose null to_dict() writes back (absent and null both read as None).
_NULLABLE_KEYS = (
    "status",
    "dateLastModified",
    "metadata",
    "title",
    "description",
    "assignDate",
    "dueDate",
    "class",
    "school",
    "category",
    "gradingPeriod",
    "academicSession",
    "scoreScale",
    "resultValueMin",
    "resultValueMax",
    "learningObjectiveSet",
)


@_attrs_define(slots=False)
class LineItem(LazyRecord):
    sourced_id: str

    status: StatusEnum | str | None = None

    date_last_modified: datetime.datetime | None = None

    metadata: Metadata | None = None

    title: str | None = None

    description: str | None = None

    assign_date: datetime.datetime | None = None

    due_date: datetime.datetime | None = None

    class_: GUIDRef | None = None

    school: GUIDRef | None = None

    category: GUIDRef | None = None

    grading_period: GUIDRef | None = None

    academic_session: GUIDRef | None = None

    score_scale: GUIDRef | None = None

    result_value_min: float | None = None

    result_value_max: float | None = None

    learning_objective_set: list[LearningObjectiveSet] | None = None

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
        description = self.description
        if description is not None:
            field_dict["description"] = description
        elif "description" in nulls:
            field_dict["description"] = None
        assign_date = self.assign_date
        if assign_date is not None:
            field_dict["assignDate"] = wire_datetime(assign_date)
        elif "assignDate" in nulls:
            field_dict["assignDate"] = None
        due_date = self.due_date
        if due_date is not None:
            field_dict["dueDate"] = wire_datetime(due_date)
        elif "dueDate" in nulls:
            field_dict["dueDate"] = None
        class_ = self.class_
        if class_ is not None:
            field_dict["class"] = (
                class_.to_dict() if isinstance(class_, GUIDRef) else class_
            )
        elif "class" in nulls:
            field_dict["class"] = None
        school = self.school
        if school is not None:
            field_dict["school"] = (
                school.to_dict() if isinstance(school, GUIDRef) else school
            )
        elif "school" in nulls:
            field_dict["school"] = None
        category = self.category
        if category is not None:
            field_dict["category"] = (
                category.to_dict() if isinstance(category, GUIDRef) else category
            )
        elif "category" in nulls:
            field_dict["category"] = None
        grading_period = self.grading_period
        if grading_period is not None:
            field_dict["gradingPeriod"] = (
                grading_period.to_dict()
                if isinstance(grading_period, GUIDRef)
                else grading_period
            )
        elif "gradingPeriod" in nulls:
            field_dict["gradingPeriod"] = None
        academic_session = self.academic_session
        if academic_session is not None:
            field_dict["academicSession"] = (
                academic_session.to_dict()
                if isinstance(academic_session, GUIDRef)
                else academic_session
            )
        elif "academicSession" in nulls:
            field_dict["academicSession"] = None
        score_scale = self.score_scale
        if score_scale is not None:
            field_dict["scoreScale"] = (
                score_scale.to_dict()
                if isinstance(score_scale, GUIDRef)
                else score_scale
            )
        elif "scoreScale" in nulls:
            field_dict["scoreScale"] = None
        result_value_min = self.result_value_min
        if result_value_min is not None:
            field_dict["resultValueMin"] = result_value_min
        elif "resultValueMin" in nulls:
            field_dict["resultValueMin"] = None
        result_value_max = self.result_value_max
        if result_value_max is not None:
            field_dict["resultValueMax"] = result_value_max
        elif "resultValueMax" in nulls:
            field_dict["resultValueMax"] = None
        learning_objective_set = self.learning_objective_set
        if learning_objective_set is not None:
            field_dict["learningObjectiveSet"] = (
                [
                    (
                        _item0.to_dict()
                        if isinstance(_item0, LearningObjectiveSet)
                        else _item0
                    )
                    for _item0 in learning_objective_set
                ]
                if isinstance(learning_objective_set, list)
                else learning_objective_set
            )
        elif "learningObjectiveSet" in nulls:
            field_dict["learningObjectiveSet"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the record from the provider's JSON object (see the module's notes on what is tolerated).

        The fields holding other models are checked now and built on first access, from the object
        given, which is kept: do not change it afterwards (pass a copy if you will).
        """
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a LineItem must be a JSON object, got {type(src_dict).__name__}"
            )

        _get = src_dict.get
        try:
            sourced_id = src_dict["sourcedId"]
        except KeyError:
            raise MissingField("LineItem", "sourcedId") from None
        if not isinstance(sourced_id, str):
            raise TypeError(
                f"LineItem.sourcedId must be a str, got {type(sourced_id).__name__}"
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

        description = _get("description")

        _assign_date_raw = _get("assignDate")
        assign_date: datetime.datetime | None
        if _assign_date_raw is None:
            assign_date = None
        else:
            assign_date = parse_datetime(_assign_date_raw)

        _due_date_raw = _get("dueDate")
        due_date: datetime.datetime | None
        if _due_date_raw is None:
            due_date = None
        else:
            due_date = parse_datetime(_due_date_raw)

        result_value_min = _get("resultValueMin")

        result_value_max = _get("resultValueMax")

        _metadata_raw = _get("metadata")
        _class__raw = _get("class")
        _school_raw = _get("school")
        _category_raw = _get("category")
        _grading_period_raw = _get("gradingPeriod")
        _academic_session_raw = _get("academicSession")
        _score_scale_raw = _get("scoreScale")
        _learning_objective_set_raw = _get("learningObjectiveSet")
        line_item = cls.__new__(cls)
        line_item.sourced_id = sourced_id
        line_item.status = status
        line_item.date_last_modified = date_last_modified
        line_item.title = title
        line_item.description = description
        line_item.assign_date = assign_date
        line_item.due_date = due_date
        line_item.result_value_min = result_value_min
        line_item.result_value_max = result_value_max
        if _metadata_raw is None:
            line_item.metadata = None
        if _class__raw is None:
            line_item.class_ = None
        if _school_raw is None:
            line_item.school = None
        if _category_raw is None:
            line_item.category = None
        if _grading_period_raw is None:
            line_item.grading_period = None
        if _academic_session_raw is None:
            line_item.academic_session = None
        if _score_scale_raw is None:
            line_item.score_scale = None
        if _learning_objective_set_raw is None:
            line_item.learning_objective_set = None
        line_item._source = src_dict
        return line_item

    @staticmethod
    def _check(src_dict: Mapping[str, Any]) -> None:
        """Raise what from_dict would raise for ``src_dict``, building nothing (a record checks its nested models)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a LineItem must be a JSON object, got {type(src_dict).__name__}"
            )

        try:
            _sourced_id_raw = src_dict["sourcedId"]
        except KeyError:
            raise MissingField("LineItem", "sourcedId") from None
        if not isinstance(_sourced_id_raw, str):
            raise TypeError(
                f"LineItem.sourcedId must be a str, got {type(_sourced_id_raw).__name__}"
            )

        _date_last_modified_raw = src_dict.get("dateLastModified")
        if _date_last_modified_raw is not None:
            parse_datetime(_date_last_modified_raw)

        _assign_date_raw = src_dict.get("assignDate")
        if _assign_date_raw is not None:
            parse_datetime(_assign_date_raw)

        _due_date_raw = src_dict.get("dueDate")
        if _due_date_raw is not None:
            parse_datetime(_due_date_raw)

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


def _read_class_(src_dict: Mapping[str, Any]) -> GUIDRef | None:
    _class__raw = src_dict.get("class")
    if _class__raw is None:
        return None
    class_: GUIDRef
    try:
        class_ = GUIDRef.from_dict(_class__raw)

    except (TypeError, ValueError, AttributeError, KeyError):
        class_ = _class__raw

    return class_


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


def _read_category(src_dict: Mapping[str, Any]) -> GUIDRef | None:
    _category_raw = src_dict.get("category")
    if _category_raw is None:
        return None
    category: GUIDRef
    try:
        category = GUIDRef.from_dict(_category_raw)

    except (TypeError, ValueError, AttributeError, KeyError):
        category = _category_raw

    return category


def _read_grading_period(src_dict: Mapping[str, Any]) -> GUIDRef | None:
    _grading_period_raw = src_dict.get("gradingPeriod")
    if _grading_period_raw is None:
        return None
    grading_period: GUIDRef
    try:
        grading_period = GUIDRef.from_dict(_grading_period_raw)

    except (TypeError, ValueError, AttributeError, KeyError):
        grading_period = _grading_period_raw

    return grading_period


def _read_academic_session(src_dict: Mapping[str, Any]) -> GUIDRef | None:
    _academic_session_raw = src_dict.get("academicSession")
    if _academic_session_raw is None:
        return None
    academic_session: GUIDRef
    try:
        academic_session = GUIDRef.from_dict(_academic_session_raw)

    except (TypeError, ValueError, AttributeError, KeyError):
        academic_session = _academic_session_raw

    return academic_session


def _read_score_scale(src_dict: Mapping[str, Any]) -> GUIDRef | None:
    _score_scale_raw = src_dict.get("scoreScale")
    if _score_scale_raw is None:
        return None
    score_scale: GUIDRef
    try:
        score_scale = GUIDRef.from_dict(_score_scale_raw)

    except (TypeError, ValueError, AttributeError, KeyError):
        score_scale = _score_scale_raw

    return score_scale


def _read_learning_objective_set(
    src_dict: Mapping[str, Any],
) -> list[LearningObjectiveSet] | None:
    _learning_objective_set_raw = src_dict.get("learningObjectiveSet")
    if _learning_objective_set_raw is None:
        return None
    learning_objective_set: list[LearningObjectiveSet]
    if isinstance(_learning_objective_set_raw, list):
        try:
            learning_objective_set = list(
                map(LearningObjectiveSet.from_dict, _learning_objective_set_raw)
            )

        except (TypeError, ValueError, AttributeError, KeyError):
            learning_objective_set = cast(Any, _learning_objective_set_raw)

    else:
        learning_objective_set = _learning_objective_set_raw

    return learning_objective_set


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
    LineItem,
    {
        "metadata": _read_metadata,
        "class_": _read_class_,
        "school": _read_school,
        "category": _read_category,
        "grading_period": _read_grading_period,
        "academic_session": _read_academic_session,
        "score_scale": _read_score_scale,
        "learning_objective_set": _read_learning_objective_set,
        "_nulls": _read_nulls,
        "additional_properties": _read_additional_properties,
    },
)


# Imported once, after the class, instead of inside every from_dict/to_dict call as the stock template
# does. Models refer to each other (in cycles, hence not at the top).
from ..models.guid_ref import GUIDRef
from ..models.learning_objective_set import LearningObjectiveSet
from ..models.metadata import Metadata

# value -> member tables for from_dict, typed once here instead of a cast() call per field per record.
_BY_VALUE_StatusEnum = cast(dict[str, StatusEnum], StatusEnum._value2member_map_)
