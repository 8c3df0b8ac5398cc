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
    from ..models.score_scale_value import ScoreScaleValue


# The keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "sourcedId",
        "status",
        "dateLastModified",
        "metadata",
        "title",
        "type",
        "course",
        "class",
        "scoreScaleValue",
    }
)
_FIELDS = (
    "sourced_id",
    "status",
    "date_last_modified",
    "metadata",
    "title",
    "type_",
    "course",
    "class_",
    "score_scale_value",
)
# The keys whose null to_dict() writes back (absent and null both read as None).
_NULLABLE_KEYS = (
    "status",
    "dateLastModified",
    "metadata",
    "title",
    "type",
    "course",
    "class",
    "scoreScaleValue",
)


@_attrs_define(slots=False)
class ScoreScale(LazyRecord):
    sourced_id: str

    status: StatusEnum | str | None = None

    date_last_modified: datetime.datetime | None = None

    metadata: Metadata | None = None

    title: str | None = None

    type_: str | None = None

    course: GUIDRef | None = None

    class_: GUIDRef | None = None

    score_scale_value: list[ScoreScaleValue] | None = None

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
        type_ = self.type_
        if type_ is not None:
            field_dict["type"] = type_
        elif "type" in nulls:
            field_dict["type"] = None
        course = self.course
        if course is not None:
            field_dict["course"] = (
                course.to_dict() if isinstance(course, GUIDRef) else course
            )
        elif "course" in nulls:
            field_dict["course"] = None
        class_ = self.class_
        if class_ is not None:
            field_dict["class"] = (
                class_.to_dict() if isinstance(class_, GUIDRef) else class_
            )
        elif "class" in nulls:
            field_dict["class"] = None
        score_scale_value = self.score_scale_value
        if score_scale_value is not None:
            field_dict["scoreScaleValue"] = [
                (_item0.to_dict() if isinstance(_item0, ScoreScaleValue) else _item0)
                for _item0 in score_scale_value
            ]
        elif "scoreScaleValue" in nulls:
            field_dict["scoreScaleValue"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the record from the provider's JSON object (see the module's notes on what is tolerated).

        The fields holding other models are checked now and built on first access, from the object
        given, which is kept: do not change it afterwards (pass a copy if you will).
        """
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a ScoreScale must be a JSON object, got {type(src_dict).__name__}"
            )

        _get = src_dict.get
        try:
            sourced_id = src_dict["sourcedId"]
        except KeyError:
            raise MissingField("ScoreScale", "sourcedId") from None
        if not isinstance(sourced_id, str):
            raise TypeError(
                f"ScoreScale.sourcedId must be a str, got {type(sourced_id).__name__}"
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

        type_ = _get("type")

        _metadata_raw = _get("metadata")
        _course_raw = _get("course")
        _class__raw = _get("class")
        _score_scale_value_raw = _get("scoreScaleValue")
        if _score_scale_value_raw is not None:
            for _item in _score_scale_value_raw:
                if type(_item) is not dict and not isinstance(_item, Mapping):
                    raise TypeError(
                        f"a ScoreScaleValue must be a JSON object, got {type(_item).__name__}"
                    )

        score_scale = cls.__new__(cls)
        score_scale.sourced_id = sourced_id
        score_scale.status = status
        score_scale.date_last_modified = date_last_modified
        score_scale.title = title
        score_scale.type_ = type_
        if _metadata_raw is None:
            score_scale.metadata = None
        if _course_raw is None:
            score_scale.course = None
        if _class__raw is None:
            score_scale.class_ = None
        if _score_scale_value_raw is None:
            score_scale.score_scale_value = None
        score_scale._source = src_dict
        return score_scale

    @staticmethod
    def _check(src_dict: Mapping[str, Any]) -> None:
        """Raise what from_dict would raise for ``src_dict``, building nothing (a record checks its nested models)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a ScoreScale must be a JSON object, got {type(src_dict).__name__}"
            )

        try:
            _sourced_id_raw = src_dict["sourcedId"]
        except KeyError:
            raise MissingField("ScoreScale", "sourcedId") from None
        if not isinstance(_sourced_id_raw, str):
            raise TypeError(
                f"ScoreScale.sourcedId must be a str, got {type(_sourced_id_raw).__name__}"
            )

        _date_last_modified_raw = src_dict.get("dateLastModified")
        if _date_last_modified_raw is not None:
            parse_datetime(_date_last_modified_raw)

        _score_scale_value_raw = src_dict.get("scoreScaleValue")
        if _score_scale_value_raw is not None:
            for _item in _score_scale_value_raw:
                if type(_item) is not dict and not isinstance(_item, Mapping):
                    raise TypeError(
                        f"a ScoreScaleValue must be a JSON object, got {type(_item).__name__}"
                    )

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


def _read_score_scale_value(
    src_dict: Mapping[str, Any],
) -> list[ScoreScaleValue] | None:
    _score_scale_value_raw = src_dict.get("scoreScaleValue")
    if _score_scale_value_raw is None:
        return None
    score_scale_value: list[ScoreScaleValue]
    score_scale_value = list(map(ScoreScaleValue.from_dict, _score_scale_value_raw))

    return score_scale_value


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
    ScoreScale,
    {
        "metadata": _read_metadata,
        "course": _read_course,
        "class_": _read_class_,
        "score_scale_value": _read_score_scale_value,
        "_nulls": _read_nulls,
        "additional_properties": _read_additional_properties,
    },
)


# Imported once, after the class, instead of inside every from_dict/to_dict call as the stock template
# does. Models refer to each other (in cycles, hence not at the top).
from ..models.guid_ref import GUIDRef
from ..models.metadata import Metadata
from ..models.score_scale_value import ScoreScaleValue

# value -> member tables for from_dict, typed once here instead of a cast() call per field per record.
_BY_VALUE_StatusEnum = cast(dict[str, StatusEnum], StatusEnum._value2member_map_)
