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


@_attrs_define
class LineItem:
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
        """Build the record from the provider's JSON object (see the module's notes on what is tolerated)."""
        _get = src_dict.get
        _absent = ABSENT  # a local: read twice per field, faster than the module global
        _nulls: tuple[str, ...] = ()
        try:
            sourced_id = src_dict["sourcedId"]
        except KeyError:
            raise MissingField("LineItem", "sourcedId") from None
        if not isinstance(sourced_id, str):
            raise TypeError(
                f"LineItem.sourcedId must be a str, got {type(sourced_id).__name__}"
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

        title = _get("title", _absent)
        if title is _absent:
            title = None
        elif title is None:
            _nulls += ("title",)

        description = _get("description", _absent)
        if description is _absent:
            description = None
        elif description is None:
            _nulls += ("description",)

        _assign_date_raw = _get("assignDate", _absent)
        assign_date: datetime.datetime | None
        if _assign_date_raw is _absent:
            assign_date = None
        elif _assign_date_raw is None:
            assign_date = None
            _nulls += ("assignDate",)
        else:
            assign_date = parse_datetime(_assign_date_raw)

        _due_date_raw = _get("dueDate", _absent)
        due_date: datetime.datetime | None
        if _due_date_raw is _absent:
            due_date = None
        elif _due_date_raw is None:
            due_date = None
            _nulls += ("dueDate",)
        else:
            due_date = parse_datetime(_due_date_raw)

        _class__raw = _get("class", _absent)
        class_: GUIDRef | None
        if _class__raw is _absent:
            class_ = None
        elif _class__raw is None:
            class_ = None
            _nulls += ("class",)
        else:
            try:
                class_ = GUIDRef.from_dict(_class__raw)

            except (TypeError, ValueError, AttributeError, KeyError):
                class_ = _class__raw

        _school_raw = _get("school", _absent)
        school: GUIDRef | None
        if _school_raw is _absent:
            school = None
        elif _school_raw is None:
            school = None
            _nulls += ("school",)
        else:
            try:
                school = GUIDRef.from_dict(_school_raw)

            except (TypeError, ValueError, AttributeError, KeyError):
                school = _school_raw

        _category_raw = _get("category", _absent)
        category: GUIDRef | None
        if _category_raw is _absent:
            category = None
        elif _category_raw is None:
            category = None
            _nulls += ("category",)
        else:
            try:
                category = GUIDRef.from_dict(_category_raw)

            except (TypeError, ValueError, AttributeError, KeyError):
                category = _category_raw

        _grading_period_raw = _get("gradingPeriod", _absent)
        grading_period: GUIDRef | None
        if _grading_period_raw is _absent:
            grading_period = None
        elif _grading_period_raw is None:
            grading_period = None
            _nulls += ("gradingPeriod",)
        else:
            try:
                grading_period = GUIDRef.from_dict(_grading_period_raw)

            except (TypeError, ValueError, AttributeError, KeyError):
                grading_period = _grading_period_raw

        _academic_session_raw = _get("academicSession", _absent)
        academic_session: GUIDRef | None
        if _academic_session_raw is _absent:
            academic_session = None
        elif _academic_session_raw is None:
            academic_session = None
            _nulls += ("academicSession",)
        else:
            try:
                academic_session = GUIDRef.from_dict(_academic_session_raw)

            except (TypeError, ValueError, AttributeError, KeyError):
                academic_session = _academic_session_raw

        _score_scale_raw = _get("scoreScale", _absent)
        score_scale: GUIDRef | None
        if _score_scale_raw is _absent:
            score_scale = None
        elif _score_scale_raw is None:
            score_scale = None
            _nulls += ("scoreScale",)
        else:
            try:
                score_scale = GUIDRef.from_dict(_score_scale_raw)

            except (TypeError, ValueError, AttributeError, KeyError):
                score_scale = _score_scale_raw

        result_value_min = _get("resultValueMin", _absent)
        if result_value_min is _absent:
            result_value_min = None
        elif result_value_min is None:
            _nulls += ("resultValueMin",)

        result_value_max = _get("resultValueMax", _absent)
        if result_value_max is _absent:
            result_value_max = None
        elif result_value_max is None:
            _nulls += ("resultValueMax",)

        _learning_objective_set_raw = _get("learningObjectiveSet", _absent)
        learning_objective_set: list[LearningObjectiveSet] | None
        if _learning_objective_set_raw is _absent:
            learning_objective_set = None
        elif _learning_objective_set_raw is None:
            learning_objective_set = None
            _nulls += ("learningObjectiveSet",)
        else:
            if isinstance(_learning_objective_set_raw, list):
                try:
                    learning_objective_set = list(
                        map(LearningObjectiveSet.from_dict, _learning_objective_set_raw)
                    )

                except (TypeError, ValueError, AttributeError, KeyError):
                    learning_objective_set = cast(Any, _learning_objective_set_raw)

            else:
                learning_objective_set = _learning_objective_set_raw

        line_item = cls.__new__(cls)
        line_item.sourced_id = sourced_id
        line_item.status = status
        line_item.date_last_modified = date_last_modified
        line_item.metadata = metadata
        line_item.title = title
        line_item.description = description
        line_item.assign_date = assign_date
        line_item.due_date = due_date
        line_item.class_ = class_
        line_item.school = school
        line_item.category = category
        line_item.grading_period = grading_period
        line_item.academic_session = academic_session
        line_item.score_scale = score_scale
        line_item.result_value_min = result_value_min
        line_item.result_value_max = result_value_max
        line_item.learning_objective_set = learning_objective_set
        line_item._nulls = _nulls
        if _KNOWN_KEYS.issuperset(src_dict):
            line_item.additional_properties = {}
        else:
            line_item.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return line_item

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
from ..models.learning_objective_set import LearningObjectiveSet
from ..models.metadata import Metadata

# value -> member tables for from_dict, typed once here instead of a cast() call per field per record.
_BY_VALUE_StatusEnum = cast(dict[str, StatusEnum], StatusEnum._value2member_map_)
