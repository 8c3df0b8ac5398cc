from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.score_status import ScoreStatus
from ..models.status_enum import StatusEnum
from ..models.true_false_enum import TrueFalseEnum
from ..types import (
    ABSENT,
    MissingField,
    parse_date,
    parse_datetime,
    present_repr,
    wire_datetime,
)

if TYPE_CHECKING:
    from ..models.guid_ref import GUIDRef
    from ..models.learning_objective_score_set import LearningObjectiveScoreSet
    from ..models.metadata import Metadata


# The keys from_dict reads; any other key goes to additional_properties.
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
_FIELDS = (
    "sourced_id",
    "status",
    "date_last_modified",
    "metadata",
    "line_item",
    "student",
    "class_",
    "score_scale",
    "score_status",
    "score",
    "text_score",
    "score_date",
    "comment",
    "learning_objective_set",
    "in_progress",
    "incomplete",
    "late",
    "missing",
)


@_attrs_define
class Result:
    sourced_id: str

    status: StatusEnum | str | None = None

    date_last_modified: datetime.datetime | None = None

    metadata: Metadata | None = None

    line_item: GUIDRef | None = None

    student: GUIDRef | None = None

    class_: GUIDRef | None = None

    score_scale: GUIDRef | None = None

    score_status: ScoreStatus | str | None = None

    score: float | None = None

    text_score: str | None = None

    score_date: datetime.date | datetime.datetime | str | None = None

    comment: str | None = None

    learning_objective_set: list[LearningObjectiveScoreSet] | None = None

    in_progress: bool | str | TrueFalseEnum | None = None

    incomplete: bool | str | TrueFalseEnum | None = None

    late: bool | str | TrueFalseEnum | None = None

    missing: bool | str | TrueFalseEnum | None = None

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
        line_item = self.line_item
        if line_item is not None:
            field_dict["lineItem"] = (
                line_item.to_dict() if isinstance(line_item, GUIDRef) else line_item
            )
        elif "lineItem" in nulls:
            field_dict["lineItem"] = None
        student = self.student
        if student is not None:
            field_dict["student"] = (
                student.to_dict() if isinstance(student, GUIDRef) else student
            )
        elif "student" in nulls:
            field_dict["student"] = None
        class_ = self.class_
        if class_ is not None:
            field_dict["class"] = (
                class_.to_dict() if isinstance(class_, GUIDRef) else class_
            )
        elif "class" in nulls:
            field_dict["class"] = None
        score_scale = self.score_scale
        if score_scale is not None:
            field_dict["scoreScale"] = (
                score_scale.to_dict()
                if isinstance(score_scale, GUIDRef)
                else score_scale
            )
        elif "scoreScale" in nulls:
            field_dict["scoreScale"] = None
        score_status = self.score_status
        if score_status is not None:
            field_dict["scoreStatus"] = (
                score_status.value
                if isinstance(score_status, ScoreStatus)
                else score_status
            )
        elif "scoreStatus" in nulls:
            field_dict["scoreStatus"] = None
        score = self.score
        if score is not None:
            field_dict["score"] = score
        elif "score" in nulls:
            field_dict["score"] = None
        text_score = self.text_score
        if text_score is not None:
            field_dict["textScore"] = text_score
        elif "textScore" in nulls:
            field_dict["textScore"] = None
        score_date = self.score_date
        if score_date is not None:
            field_dict["scoreDate"] = (
                wire_datetime(score_date)
                if isinstance(score_date, datetime.datetime)
                else score_date.isoformat()
                if isinstance(score_date, datetime.date)
                else score_date
            )
        elif "scoreDate" in nulls:
            field_dict["scoreDate"] = None
        comment = self.comment
        if comment is not None:
            field_dict["comment"] = comment
        elif "comment" in nulls:
            field_dict["comment"] = None
        learning_objective_set = self.learning_objective_set
        if learning_objective_set is not None:
            field_dict["learningObjectiveSet"] = (
                [
                    (
                        _item0.to_dict()
                        if isinstance(_item0, LearningObjectiveScoreSet)
                        else _item0
                    )
                    for _item0 in learning_objective_set
                ]
                if isinstance(learning_objective_set, list)
                else learning_objective_set
            )
        elif "learningObjectiveSet" in nulls:
            field_dict["learningObjectiveSet"] = None
        in_progress = self.in_progress
        if in_progress is not None:
            field_dict["inProgress"] = (
                in_progress.value
                if isinstance(in_progress, TrueFalseEnum)
                else in_progress
            )
        elif "inProgress" in nulls:
            field_dict["inProgress"] = None
        incomplete = self.incomplete
        if incomplete is not None:
            field_dict["incomplete"] = (
                incomplete.value
                if isinstance(incomplete, TrueFalseEnum)
                else incomplete
            )
        elif "incomplete" in nulls:
            field_dict["incomplete"] = None
        late = self.late
        if late is not None:
            field_dict["late"] = late.value if isinstance(late, TrueFalseEnum) else late
        elif "late" in nulls:
            field_dict["late"] = None
        missing = self.missing
        if missing is not None:
            field_dict["missing"] = (
                missing.value if isinstance(missing, TrueFalseEnum) else missing
            )
        elif "missing" in nulls:
            field_dict["missing"] = None
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
            raise MissingField("Result", "sourcedId") from None
        if not isinstance(sourced_id, str):
            raise TypeError(
                f"Result.sourcedId must be a str, got {type(sourced_id).__name__}"
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

        _line_item_raw = _get("lineItem", _absent)
        line_item: GUIDRef | None
        if _line_item_raw is _absent:
            line_item = None
        elif _line_item_raw is None:
            line_item = None
            _nulls += ("lineItem",)
        else:
            try:
                line_item = GUIDRef.from_dict(_line_item_raw)

            except (TypeError, ValueError, AttributeError, KeyError):
                line_item = _line_item_raw

        _student_raw = _get("student", _absent)
        student: GUIDRef | None
        if _student_raw is _absent:
            student = None
        elif _student_raw is None:
            student = None
            _nulls += ("student",)
        else:
            try:
                student = GUIDRef.from_dict(_student_raw)

            except (TypeError, ValueError, AttributeError, KeyError):
                student = _student_raw

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

        _score_status_raw = _get("scoreStatus", _absent)
        score_status: ScoreStatus | str | None
        if _score_status_raw is _absent:
            score_status = None
        elif _score_status_raw is None:
            score_status = None
            _nulls += ("scoreStatus",)
        else:
            try:
                score_status = _BY_VALUE_ScoreStatus[_score_status_raw]

            except (TypeError, ValueError, AttributeError, KeyError):
                score_status = _score_status_raw

        score = _get("score", _absent)
        if score is _absent:
            score = None
        elif score is None:
            _nulls += ("score",)

        text_score = _get("textScore", _absent)
        if text_score is _absent:
            text_score = None
        elif text_score is None:
            _nulls += ("textScore",)

        _score_date_raw = _get("scoreDate", _absent)
        score_date: datetime.date | datetime.datetime | str | None
        if _score_date_raw is _absent:
            score_date = None
        elif _score_date_raw is None:
            score_date = None
            _nulls += ("scoreDate",)
        else:
            try:
                score_date = parse_date(_score_date_raw)

            except (TypeError, ValueError, AttributeError, KeyError):
                try:
                    score_date = parse_datetime(_score_date_raw)

                except (TypeError, ValueError, AttributeError, KeyError):
                    score_date = _score_date_raw

        comment = _get("comment", _absent)
        if comment is _absent:
            comment = None
        elif comment is None:
            _nulls += ("comment",)

        _learning_objective_set_raw = _get("learningObjectiveSet", _absent)
        learning_objective_set: list[LearningObjectiveScoreSet] | None
        if _learning_objective_set_raw is _absent:
            learning_objective_set = None
        elif _learning_objective_set_raw is None:
            learning_objective_set = None
            _nulls += ("learningObjectiveSet",)
        else:
            if isinstance(_learning_objective_set_raw, list):
                try:
                    learning_objective_set = list(
                        map(
                            LearningObjectiveScoreSet.from_dict,
                            _learning_objective_set_raw,
                        )
                    )

                except (TypeError, ValueError, AttributeError, KeyError):
                    learning_objective_set = cast(Any, _learning_objective_set_raw)

            else:
                learning_objective_set = _learning_objective_set_raw

        _in_progress_raw = _get("inProgress", _absent)
        in_progress: bool | str | TrueFalseEnum | None
        if _in_progress_raw is _absent:
            in_progress = None
        elif _in_progress_raw is None:
            in_progress = None
            _nulls += ("inProgress",)
        else:
            try:
                in_progress = _BY_VALUE_TrueFalseEnum[_in_progress_raw]

            except (TypeError, ValueError, AttributeError, KeyError):
                in_progress = _in_progress_raw

        _incomplete_raw = _get("incomplete", _absent)
        incomplete: bool | str | TrueFalseEnum | None
        if _incomplete_raw is _absent:
            incomplete = None
        elif _incomplete_raw is None:
            incomplete = None
            _nulls += ("incomplete",)
        else:
            try:
                incomplete = _BY_VALUE_TrueFalseEnum[_incomplete_raw]

            except (TypeError, ValueError, AttributeError, KeyError):
                incomplete = _incomplete_raw

        _late_raw = _get("late", _absent)
        late: bool | str | TrueFalseEnum | None
        if _late_raw is _absent:
            late = None
        elif _late_raw is None:
            late = None
            _nulls += ("late",)
        else:
            try:
                late = _BY_VALUE_TrueFalseEnum[_late_raw]

            except (TypeError, ValueError, AttributeError, KeyError):
                late = _late_raw

        _missing_raw = _get("missing", _absent)
        missing: bool | str | TrueFalseEnum | None
        if _missing_raw is _absent:
            missing = None
        elif _missing_raw is None:
            missing = None
            _nulls += ("missing",)
        else:
            try:
                missing = _BY_VALUE_TrueFalseEnum[_missing_raw]

            except (TypeError, ValueError, AttributeError, KeyError):
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
        result._nulls = _nulls
        if _KNOWN_KEYS.issuperset(src_dict):
            result.additional_properties = {}
        else:
            result.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
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


# Imported once, after the class, instead of inside every from_dict/to_dict call as the stock template
# does. Models refer to each other (in cycles, hence not at the top).
from ..models.guid_ref import GUIDRef
from ..models.learning_objective_score_set import LearningObjectiveScoreSet
from ..models.metadata import Metadata

# value -> member tables for from_dict, typed once here instead of a cast() call per field per record.
_BY_VALUE_StatusEnum = cast(dict[str, StatusEnum], StatusEnum._value2member_map_)
_BY_VALUE_ScoreStatus = cast(dict[str, ScoreStatus], ScoreStatus._value2member_map_)
_BY_VALUE_TrueFalseEnum = cast(
    dict[str, TrueFalseEnum], TrueFalseEnum._value2member_map_
)
