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
    from ..models.learning_objective_set import LearningObjectiveSet
    from ..models.metadata import Metadata


T = TypeVar("T", bound="LineItem")


# oneroster-client: the keys from_dict reads; any other key goes to additional_properties.
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


@_attrs_define
class LineItem:
    sourced_id: str | Unset = UNSET
    status: StatusEnum | str | Unset = UNSET
    date_last_modified: datetime.datetime | Unset = UNSET
    metadata: Metadata | None | Unset = UNSET
    title: str | Unset = UNSET
    description: None | str | Unset = UNSET
    assign_date: datetime.datetime | Unset = UNSET
    due_date: datetime.datetime | Unset = UNSET
    class_: GUIDRef | None | Unset = UNSET
    school: GUIDRef | None | Unset = UNSET
    category: GUIDRef | None | Unset = UNSET
    grading_period: GUIDRef | None | Unset = UNSET
    academic_session: GUIDRef | None | Unset = UNSET
    score_scale: GUIDRef | None | Unset = UNSET
    result_value_min: float | None | Unset = UNSET
    result_value_max: float | None | Unset = UNSET
    learning_objective_set: list[LearningObjectiveSet] | None | Unset = UNSET
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

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        assign_date: str | Unset = UNSET
        if not isinstance(self.assign_date, Unset):
            assign_date = self.assign_date.isoformat()

        due_date: str | Unset = UNSET
        if not isinstance(self.due_date, Unset):
            due_date = self.due_date.isoformat()

        class_: dict[str, Any] | None | Unset
        if isinstance(self.class_, Unset):
            class_ = UNSET
        elif isinstance(self.class_, GUIDRef):
            class_ = self.class_.to_dict()
        else:
            class_ = self.class_

        school: dict[str, Any] | None | Unset
        if isinstance(self.school, Unset):
            school = UNSET
        elif isinstance(self.school, GUIDRef):
            school = self.school.to_dict()
        else:
            school = self.school

        category: dict[str, Any] | None | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        elif isinstance(self.category, GUIDRef):
            category = self.category.to_dict()
        else:
            category = self.category

        grading_period: dict[str, Any] | None | Unset
        if isinstance(self.grading_period, Unset):
            grading_period = UNSET
        elif isinstance(self.grading_period, GUIDRef):
            grading_period = self.grading_period.to_dict()
        else:
            grading_period = self.grading_period

        academic_session: dict[str, Any] | None | Unset
        if isinstance(self.academic_session, Unset):
            academic_session = UNSET
        elif isinstance(self.academic_session, GUIDRef):
            academic_session = self.academic_session.to_dict()
        else:
            academic_session = self.academic_session

        score_scale: dict[str, Any] | None | Unset
        if isinstance(self.score_scale, Unset):
            score_scale = UNSET
        elif isinstance(self.score_scale, GUIDRef):
            score_scale = self.score_scale.to_dict()
        else:
            score_scale = self.score_scale

        result_value_min: float | None | Unset
        if isinstance(self.result_value_min, Unset):
            result_value_min = UNSET
        else:
            result_value_min = self.result_value_min

        result_value_max: float | None | Unset
        if isinstance(self.result_value_max, Unset):
            result_value_max = UNSET
        else:
            result_value_max = self.result_value_max

        learning_objective_set: list[dict[str, Any]] | None | Unset
        if isinstance(self.learning_objective_set, Unset):
            learning_objective_set = UNSET
        elif isinstance(self.learning_objective_set, list):
            learning_objective_set = []
            for learning_objective_set_type_0_item_data in self.learning_objective_set:
                learning_objective_set_type_0_item = (
                    learning_objective_set_type_0_item_data.to_dict()
                )
                learning_objective_set.append(learning_objective_set_type_0_item)

        else:
            learning_objective_set = self.learning_objective_set

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
        if description is not UNSET:
            field_dict["description"] = description
        if assign_date is not UNSET:
            field_dict["assignDate"] = assign_date
        if due_date is not UNSET:
            field_dict["dueDate"] = due_date
        if class_ is not UNSET:
            field_dict["class"] = class_
        if school is not UNSET:
            field_dict["school"] = school
        if category is not UNSET:
            field_dict["category"] = category
        if grading_period is not UNSET:
            field_dict["gradingPeriod"] = grading_period
        if academic_session is not UNSET:
            field_dict["academicSession"] = academic_session
        if score_scale is not UNSET:
            field_dict["scoreScale"] = score_scale
        if result_value_min is not UNSET:
            field_dict["resultValueMin"] = result_value_min
        if result_value_max is not UNSET:
            field_dict["resultValueMax"] = result_value_max
        if learning_objective_set is not UNSET:
            field_dict["learningObjectiveSet"] = learning_objective_set

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

        description: None | str | Unset = _get("description", UNSET)

        _assign_date = _get("assignDate", UNSET)
        assign_date: datetime.datetime | Unset
        if isinstance(_assign_date, Unset):
            assign_date = UNSET
        else:
            assign_date = datetime.datetime.fromisoformat(_assign_date)

        _due_date = _get("dueDate", UNSET)
        due_date: datetime.datetime | Unset
        if isinstance(_due_date, Unset):
            due_date = UNSET
        else:
            due_date = datetime.datetime.fromisoformat(_due_date)

        _class__raw = _get("class", UNSET)
        class_: GUIDRef | None | Unset
        if isinstance(_class__raw, dict):
            try:
                class_type_0 = GUIDRef.from_dict(_class__raw)

                class_ = class_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                class_ = cast(GUIDRef | None | Unset, cast(object, _class__raw))
        else:
            class_ = _class__raw

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

        _category_raw = _get("category", UNSET)
        category: GUIDRef | None | Unset
        if isinstance(_category_raw, dict):
            try:
                category_type_0 = GUIDRef.from_dict(_category_raw)

                category = category_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                category = cast(GUIDRef | None | Unset, cast(object, _category_raw))
        else:
            category = _category_raw

        _grading_period_raw = _get("gradingPeriod", UNSET)
        grading_period: GUIDRef | None | Unset
        if isinstance(_grading_period_raw, dict):
            try:
                grading_period_type_0 = GUIDRef.from_dict(_grading_period_raw)

                grading_period = grading_period_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                grading_period = cast(
                    GUIDRef | None | Unset, cast(object, _grading_period_raw)
                )
        else:
            grading_period = _grading_period_raw

        _academic_session_raw = _get("academicSession", UNSET)
        academic_session: GUIDRef | None | Unset
        if isinstance(_academic_session_raw, dict):
            try:
                academic_session_type_0 = GUIDRef.from_dict(_academic_session_raw)

                academic_session = academic_session_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                academic_session = cast(
                    GUIDRef | None | Unset, cast(object, _academic_session_raw)
                )
        else:
            academic_session = _academic_session_raw

        _score_scale_raw = _get("scoreScale", UNSET)
        score_scale: GUIDRef | None | Unset
        if isinstance(_score_scale_raw, dict):
            try:
                score_scale_type_0 = GUIDRef.from_dict(_score_scale_raw)

                score_scale = score_scale_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                score_scale = cast(
                    GUIDRef | None | Unset, cast(object, _score_scale_raw)
                )
        else:
            score_scale = _score_scale_raw

        result_value_min: float | None | Unset = _get("resultValueMin", UNSET)

        result_value_max: float | None | Unset = _get("resultValueMax", UNSET)

        _learning_objective_set_raw = _get("learningObjectiveSet", UNSET)
        learning_objective_set: list[LearningObjectiveSet] | None | Unset
        if isinstance(_learning_objective_set_raw, list):
            try:
                learning_objective_set_type_0 = [
                    LearningObjectiveSet.from_dict(item)
                    for item in _learning_objective_set_raw
                ]

                learning_objective_set = learning_objective_set_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                learning_objective_set = cast(
                    list[LearningObjectiveSet] | None | Unset,
                    cast(object, _learning_objective_set_raw),
                )
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

        if _KNOWN_KEYS.issuperset(src_dict):
            line_item.additional_properties = {}
            return line_item
        d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        line_item.additional_properties = d
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


# oneroster-client: imported once, after the class, instead of inside every from_dict/to_dict
# call as the stock template does. Models refer to each other (in cycles, hence not at the top);
# an import statement per call was the largest single cost of parsing a page of records.
from ..models.guid_ref import GUIDRef
from ..models.learning_objective_set import LearningObjectiveSet
from ..models.metadata import Metadata

# oneroster-client: value -> member tables for from_dict, typed once here instead of a cast()
# call per field per record.
_BY_VALUE_StatusEnum = cast(dict[str, StatusEnum], StatusEnum._value2member_map_)
