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
    LazyRecord,
    MissingField,
    defer,
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
# The keys whose null to_dict() writes back (absent and null both read as None).
_NULLABLE_KEYS = (
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
)


@_attrs_define(slots=False)
class Result(LazyRecord):
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
        """Build the record from the provider's JSON object (see the module's notes on what is tolerated).

        The fields holding other models are checked now and built on first access, from the object
        given, which is kept: do not change it afterwards (pass a copy if you will).
        """
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a Result must be a JSON object, got {type(src_dict).__name__}"
            )

        _get = src_dict.get
        try:
            sourced_id = src_dict["sourcedId"]
        except KeyError:
            raise MissingField("Result", "sourcedId") from None
        if not isinstance(sourced_id, str):
            raise TypeError(
                f"Result.sourcedId must be a str, got {type(sourced_id).__name__}"
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

        _score_status_raw = _get("scoreStatus")
        score_status: ScoreStatus | str | None
        if _score_status_raw is None:
            score_status = None
        else:
            try:
                _score_status_member = _BY_VALUE_ScoreStatus.get(_score_status_raw)
            except TypeError:
                _score_status_member = None
            if _score_status_member is not None:
                score_status = _score_status_member
            else:
                score_status = _score_status_raw

        score = _get("score")

        text_score = _get("textScore")

        _score_date_raw = _get("scoreDate")
        score_date: datetime.date | datetime.datetime | str | None
        if _score_date_raw is None:
            score_date = None
        else:
            try:
                score_date = parse_date(_score_date_raw)

            except (TypeError, ValueError, AttributeError, KeyError):
                try:
                    score_date = parse_datetime(_score_date_raw)

                except (TypeError, ValueError, AttributeError, KeyError):
                    score_date = _score_date_raw

        comment = _get("comment")

        _in_progress_raw = _get("inProgress")
        in_progress: bool | str | TrueFalseEnum | None
        if _in_progress_raw is None:
            in_progress = None
        else:
            try:
                _in_progress_member = _BY_VALUE_TrueFalseEnum.get(_in_progress_raw)
            except TypeError:
                _in_progress_member = None
            if _in_progress_member is not None:
                in_progress = _in_progress_member
            else:
                in_progress = _in_progress_raw

        _incomplete_raw = _get("incomplete")
        incomplete: bool | str | TrueFalseEnum | None
        if _incomplete_raw is None:
            incomplete = None
        else:
            try:
                _incomplete_member = _BY_VALUE_TrueFalseEnum.get(_incomplete_raw)
            except TypeError:
                _incomplete_member = None
            if _incomplete_member is not None:
                incomplete = _incomplete_member
            else:
                incomplete = _incomplete_raw

        _late_raw = _get("late")
        late: bool | str | TrueFalseEnum | None
        if _late_raw is None:
            late = None
        else:
            try:
                _late_member = _BY_VALUE_TrueFalseEnum.get(_late_raw)
            except TypeError:
                _late_member = None
            if _late_member is not None:
                late = _late_member
            else:
                late = _late_raw

        _missing_raw = _get("missing")
        missing: bool | str | TrueFalseEnum | None
        if _missing_raw is None:
            missing = None
        else:
            try:
                _missing_member = _BY_VALUE_TrueFalseEnum.get(_missing_raw)
            except TypeError:
                _missing_member = None
            if _missing_member is not None:
                missing = _missing_member
            else:
                missing = _missing_raw

        _metadata_raw = _get("metadata")
        _line_item_raw = _get("lineItem")
        _student_raw = _get("student")
        _class__raw = _get("class")
        _score_scale_raw = _get("scoreScale")
        _learning_objective_set_raw = _get("learningObjectiveSet")
        result = cls.__new__(cls)
        result.sourced_id = sourced_id
        result.status = status
        result.date_last_modified = date_last_modified
        result.score_status = score_status
        result.score = score
        result.text_score = text_score
        result.score_date = score_date
        result.comment = comment
        result.in_progress = in_progress
        result.incomplete = incomplete
        result.late = late
        result.missing = missing
        if _metadata_raw is None:
            result.metadata = None
        if _line_item_raw is None:
            result.line_item = None
        if _student_raw is None:
            result.student = None
        if _class__raw is None:
            result.class_ = None
        if _score_scale_raw is None:
            result.score_scale = None
        if _learning_objective_set_raw is None:
            result.learning_objective_set = None
        result._source = src_dict
        return result

    @staticmethod
    def _check(src_dict: Mapping[str, Any]) -> None:
        """Raise what from_dict would raise for ``src_dict``, building nothing (a record checks its nested models)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a Result must be a JSON object, got {type(src_dict).__name__}"
            )

        try:
            _sourced_id_raw = src_dict["sourcedId"]
        except KeyError:
            raise MissingField("Result", "sourcedId") from None
        if not isinstance(_sourced_id_raw, str):
            raise TypeError(
                f"Result.sourcedId must be a str, got {type(_sourced_id_raw).__name__}"
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


def _read_line_item(src_dict: Mapping[str, Any]) -> GUIDRef | None:
    _line_item_raw = src_dict.get("lineItem")
    if _line_item_raw is None:
        return None
    line_item: GUIDRef
    try:
        line_item = GUIDRef.from_dict(_line_item_raw)

    except (TypeError, ValueError, AttributeError, KeyError):
        line_item = _line_item_raw

    return line_item


def _read_student(src_dict: Mapping[str, Any]) -> GUIDRef | None:
    _student_raw = src_dict.get("student")
    if _student_raw is None:
        return None
    student: GUIDRef
    try:
        student = GUIDRef.from_dict(_student_raw)

    except (TypeError, ValueError, AttributeError, KeyError):
        student = _student_raw

    return student


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
) -> list[LearningObjectiveScoreSet] | None:
    _learning_objective_set_raw = src_dict.get("learningObjectiveSet")
    if _learning_objective_set_raw is None:
        return None
    learning_objective_set: list[LearningObjectiveScoreSet]
    if isinstance(_learning_objective_set_raw, list):
        try:
            learning_objective_set = list(
                map(LearningObjectiveScoreSet.from_dict, _learning_objective_set_raw)
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
    Result,
    {
        "metadata": _read_metadata,
        "line_item": _read_line_item,
        "student": _read_student,
        "class_": _read_class_,
        "score_scale": _read_score_scale,
        "learning_objective_set": _read_learning_objective_set,
        "_nulls": _read_nulls,
        "additional_properties": _read_additional_properties,
    },
)


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
