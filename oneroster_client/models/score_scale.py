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


@_attrs_define
class ScoreScale:
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
        """Build the record from the provider's JSON object (see the module's notes on what is tolerated)."""
        _get = src_dict.get
        _absent = ABSENT  # a local: read twice per field, faster than the module global
        _nulls: tuple[str, ...] = ()
        try:
            sourced_id = src_dict["sourcedId"]
        except KeyError:
            raise MissingField("ScoreScale", "sourcedId") from None
        if not isinstance(sourced_id, str):
            raise TypeError(
                f"ScoreScale.sourcedId must be a str, got {type(sourced_id).__name__}"
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

        type_ = _get("type", _absent)
        if type_ is _absent:
            type_ = None
        elif type_ is None:
            _nulls += ("type",)

        _course_raw = _get("course", _absent)
        course: GUIDRef | None
        if _course_raw is _absent:
            course = None
        elif _course_raw is None:
            course = None
            _nulls += ("course",)
        else:
            try:
                course = GUIDRef.from_dict(_course_raw)

            except (TypeError, ValueError, AttributeError, KeyError):
                course = _course_raw

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

        _score_scale_value_raw = _get("scoreScaleValue", _absent)
        score_scale_value: list[ScoreScaleValue] | None
        if _score_scale_value_raw is _absent:
            score_scale_value = None
        elif _score_scale_value_raw is None:
            score_scale_value = None
            _nulls += ("scoreScaleValue",)
        else:
            score_scale_value = list(
                map(ScoreScaleValue.from_dict, _score_scale_value_raw)
            )

        score_scale = cls.__new__(cls)
        score_scale.sourced_id = sourced_id
        score_scale.status = status
        score_scale.date_last_modified = date_last_modified
        score_scale.metadata = metadata
        score_scale.title = title
        score_scale.type_ = type_
        score_scale.course = course
        score_scale.class_ = class_
        score_scale.score_scale_value = score_scale_value
        score_scale._nulls = _nulls
        if _KNOWN_KEYS.issuperset(src_dict):
            score_scale.additional_properties = {}
        else:
            score_scale.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return score_scale

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
from ..models.metadata import Metadata
from ..models.score_scale_value import ScoreScaleValue

# value -> member tables for from_dict, typed once here instead of a cast() call per field per record.
_BY_VALUE_StatusEnum = cast(dict[str, StatusEnum], StatusEnum._value2member_map_)
