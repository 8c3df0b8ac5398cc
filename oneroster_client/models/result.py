from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.score_status import ScoreStatus
from ..models.status_enum import StatusEnum
from ..models.true_false_enum import TrueFalseEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.guid_ref import GUIDRef
    from ..models.learning_objective_score_set import LearningObjectiveScoreSet
    from ..models.metadata import Metadata


T = TypeVar("T", bound="Result")


# oneroster-client: the keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "sourcedId",
        "status",
        "dateLastModified",
        "metadata",
        "lineItem",
        "student",
        "class",
        "scoreScale",
        "scoreStatus",
        "score",
        "textScore",
        "scoreDate",
        "comment",
        "learningObjectiveSet",
        "inProgress",
        "incomplete",
        "late",
        "missing",
    }
)


@_attrs_define
class Result:
    sourced_id: str | Unset = UNSET
    status: StatusEnum | str | Unset = UNSET
    date_last_modified: datetime.datetime | Unset = UNSET
    metadata: Metadata | None | Unset = UNSET
    line_item: GUIDRef | None | Unset = UNSET
    student: GUIDRef | None | Unset = UNSET
    class_: GUIDRef | None | Unset = UNSET
    score_scale: GUIDRef | None | Unset = UNSET
    score_status: ScoreStatus | str | Unset = UNSET
    score: float | None | Unset = UNSET
    text_score: None | str | Unset = UNSET
    score_date: datetime.date | datetime.datetime | str | Unset = UNSET
    comment: None | str | Unset = UNSET
    learning_objective_set: list[LearningObjectiveScoreSet] | None | Unset = UNSET
    in_progress: bool | None | str | TrueFalseEnum | Unset = UNSET
    incomplete: bool | None | str | TrueFalseEnum | Unset = UNSET
    late: bool | None | str | TrueFalseEnum | Unset = UNSET
    missing: bool | None | str | TrueFalseEnum | Unset = UNSET
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

        line_item: dict[str, Any] | None | Unset
        if isinstance(self.line_item, Unset):
            line_item = UNSET
        elif isinstance(self.line_item, GUIDRef):
            line_item = self.line_item.to_dict()
        else:
            line_item = self.line_item

        student: dict[str, Any] | None | Unset
        if isinstance(self.student, Unset):
            student = UNSET
        elif isinstance(self.student, GUIDRef):
            student = self.student.to_dict()
        else:
            student = self.student

        class_: dict[str, Any] | None | Unset
        if isinstance(self.class_, Unset):
            class_ = UNSET
        elif isinstance(self.class_, GUIDRef):
            class_ = self.class_.to_dict()
        else:
            class_ = self.class_

        score_scale: dict[str, Any] | None | Unset
        if isinstance(self.score_scale, Unset):
            score_scale = UNSET
        elif isinstance(self.score_scale, GUIDRef):
            score_scale = self.score_scale.to_dict()
        else:
            score_scale = self.score_scale

        score_status: str | Unset
        if isinstance(self.score_status, Unset):
            score_status = UNSET
        elif isinstance(self.score_status, ScoreStatus):
            score_status = self.score_status.value
        else:
            score_status = self.score_status

        score: float | None | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        else:
            score = self.score

        text_score: None | str | Unset
        if isinstance(self.text_score, Unset):
            text_score = UNSET
        else:
            text_score = self.text_score

        score_date: str | Unset
        if isinstance(self.score_date, Unset):
            score_date = UNSET
        elif isinstance(self.score_date, datetime.date) or isinstance(
            self.score_date, datetime.datetime
        ):
            score_date = self.score_date.isoformat()
        else:
            score_date = self.score_date

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

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

        in_progress: bool | None | str | Unset
        if isinstance(self.in_progress, Unset):
            in_progress = UNSET
        elif isinstance(self.in_progress, TrueFalseEnum):
            in_progress = self.in_progress.value
        else:
            in_progress = self.in_progress

        incomplete: bool | None | str | Unset
        if isinstance(self.incomplete, Unset):
            incomplete = UNSET
        elif isinstance(self.incomplete, TrueFalseEnum):
            incomplete = self.incomplete.value
        else:
            incomplete = self.incomplete

        late: bool | None | str | Unset
        if isinstance(self.late, Unset):
            late = UNSET
        elif isinstance(self.late, TrueFalseEnum):
            late = self.late.value
        else:
            late = self.late

        missing: bool | None | str | Unset
        if isinstance(self.missing, Unset):
            missing = UNSET
        elif isinstance(self.missing, TrueFalseEnum):
            missing = self.missing.value
        else:
            missing = self.missing

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
        if line_item is not UNSET:
            field_dict["lineItem"] = line_item
        if student is not UNSET:
            field_dict["student"] = student
        if class_ is not UNSET:
            field_dict["class"] = class_
        if score_scale is not UNSET:
            field_dict["scoreScale"] = score_scale
        if score_status is not UNSET:
            field_dict["scoreStatus"] = score_status
        if score is not UNSET:
            field_dict["score"] = score
        if text_score is not UNSET:
            field_dict["textScore"] = text_score
        if score_date is not UNSET:
            field_dict["scoreDate"] = score_date
        if comment is not UNSET:
            field_dict["comment"] = comment
        if learning_objective_set is not UNSET:
            field_dict["learningObjectiveSet"] = learning_objective_set
        if in_progress is not UNSET:
            field_dict["inProgress"] = in_progress
        if incomplete is not UNSET:
            field_dict["incomplete"] = incomplete
        if late is not UNSET:
            field_dict["late"] = late
        if missing is not UNSET:
            field_dict["missing"] = missing

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

        _line_item_raw = _get("lineItem", UNSET)
        line_item: GUIDRef | None | Unset
        if isinstance(_line_item_raw, dict):
            try:
                line_item_type_0 = GUIDRef.from_dict(_line_item_raw)

                line_item = line_item_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                line_item = cast(GUIDRef | None | Unset, cast(object, _line_item_raw))
        else:
            line_item = _line_item_raw

        _student_raw = _get("student", UNSET)
        student: GUIDRef | None | Unset
        if isinstance(_student_raw, dict):
            try:
                student_type_0 = GUIDRef.from_dict(_student_raw)

                student = student_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                student = cast(GUIDRef | None | Unset, cast(object, _student_raw))
        else:
            student = _student_raw

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

        _score_status_raw = _get("scoreStatus", UNSET)
        score_status: ScoreStatus | str | Unset
        if isinstance(_score_status_raw, str):
            try:
                score_status_type_0 = _BY_VALUE_ScoreStatus[_score_status_raw]

                score_status = score_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                score_status = cast(
                    ScoreStatus | str | Unset, cast(object, _score_status_raw)
                )
        else:
            score_status = _score_status_raw

        score: float | None | Unset = _get("score", UNSET)

        text_score: None | str | Unset = _get("textScore", UNSET)

        _score_date_raw = _get("scoreDate", UNSET)
        score_date: datetime.date | datetime.datetime | str | Unset
        if isinstance(_score_date_raw, Unset):
            score_date = _score_date_raw
        else:

            def _parse_score_date(
                data: object,
            ) -> datetime.date | datetime.datetime | str | Unset:
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    componentsschemas_date_value_type_0 = datetime.date.fromisoformat(
                        data
                    )

                    return componentsschemas_date_value_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    componentsschemas_date_value_type_1 = (
                        datetime.datetime.fromisoformat(data)
                    )

                    return componentsschemas_date_value_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(datetime.date | datetime.datetime | str | Unset, data)

            score_date = _parse_score_date(_score_date_raw)

        comment: None | str | Unset = _get("comment", UNSET)

        _learning_objective_set_raw = _get("learningObjectiveSet", UNSET)
        learning_objective_set: list[LearningObjectiveScoreSet] | None | Unset
        if isinstance(_learning_objective_set_raw, list):
            try:
                learning_objective_set_type_0 = [
                    LearningObjectiveScoreSet.from_dict(item)
                    for item in _learning_objective_set_raw
                ]

                learning_objective_set = learning_objective_set_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                learning_objective_set = cast(
                    list[LearningObjectiveScoreSet] | None | Unset,
                    cast(object, _learning_objective_set_raw),
                )
        else:
            learning_objective_set = _learning_objective_set_raw

        _in_progress_raw = _get("inProgress", UNSET)
        in_progress: bool | None | str | TrueFalseEnum | Unset
        if isinstance(_in_progress_raw, str):
            try:
                componentsschemas_true_false_type_0 = _BY_VALUE_TrueFalseEnum[
                    _in_progress_raw
                ]

                in_progress = componentsschemas_true_false_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                in_progress = cast(
                    bool | None | str | TrueFalseEnum | Unset,
                    cast(object, _in_progress_raw),
                )
        else:
            in_progress = _in_progress_raw

        _incomplete_raw = _get("incomplete", UNSET)
        incomplete: bool | None | str | TrueFalseEnum | Unset
        if isinstance(_incomplete_raw, str):
            try:
                componentsschemas_true_false_type_0 = _BY_VALUE_TrueFalseEnum[
                    _incomplete_raw
                ]

                incomplete = componentsschemas_true_false_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                incomplete = cast(
                    bool | None | str | TrueFalseEnum | Unset,
                    cast(object, _incomplete_raw),
                )
        else:
            incomplete = _incomplete_raw

        _late_raw = _get("late", UNSET)
        late: bool | None | str | TrueFalseEnum | Unset
        if isinstance(_late_raw, str):
            try:
                componentsschemas_true_false_type_0 = _BY_VALUE_TrueFalseEnum[_late_raw]

                late = componentsschemas_true_false_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                late = cast(
                    bool | None | str | TrueFalseEnum | Unset, cast(object, _late_raw)
                )
        else:
            late = _late_raw

        _missing_raw = _get("missing", UNSET)
        missing: bool | None | str | TrueFalseEnum | Unset
        if isinstance(_missing_raw, str):
            try:
                componentsschemas_true_false_type_0 = _BY_VALUE_TrueFalseEnum[
                    _missing_raw
                ]

                missing = componentsschemas_true_false_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                missing = cast(
                    bool | None | str | TrueFalseEnum | Unset,
                    cast(object, _missing_raw),
                )
        else:
            missing = _missing_raw

        result = cls.__new__(cls)
        result.sourced_id = sourced_id
        result.status = status
        result.date_last_modified = date_last_modified
        result.metadata = metadata
        result.line_item = line_item
        result.student = student
        result.class_ = class_
        result.score_scale = score_scale
        result.score_status = score_status
        result.score = score
        result.text_score = text_score
        result.score_date = score_date
        result.comment = comment
        result.learning_objective_set = learning_objective_set
        result.in_progress = in_progress
        result.incomplete = incomplete
        result.late = late
        result.missing = missing

        if _KNOWN_KEYS.issuperset(src_dict):
            result.additional_properties = {}
            return result
        d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        result.additional_properties = d
        return result

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
from ..models.learning_objective_score_set import LearningObjectiveScoreSet
from ..models.metadata import Metadata

# oneroster-client: value -> member tables for from_dict, typed once here instead of a cast()
# call per field per record.
_BY_VALUE_StatusEnum = cast(dict[str, StatusEnum], StatusEnum._value2member_map_)
_BY_VALUE_ScoreStatus = cast(dict[str, ScoreStatus], ScoreStatus._value2member_map_)
_BY_VALUE_TrueFalseEnum = cast(
    dict[str, TrueFalseEnum], TrueFalseEnum._value2member_map_
)
