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
    from ..models.metadata import Metadata
    from ..models.score_scale_value import ScoreScaleValue


T = TypeVar("T", bound="ScoreScale")


# oneroster-client: the keys from_dict reads; any other key goes to additional_properties.
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


@_attrs_define
class ScoreScale:
    sourced_id: str | Unset = UNSET
    status: StatusEnum | str | Unset = UNSET
    date_last_modified: datetime.datetime | Unset = UNSET
    metadata: Metadata | None | Unset = UNSET
    title: str | Unset = UNSET
    type_: str | Unset = UNSET
    course: GUIDRef | None | Unset = UNSET
    class_: GUIDRef | None | Unset = UNSET
    score_scale_value: list[ScoreScaleValue] | Unset = UNSET
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

        type_ = self.type_

        course: dict[str, Any] | None | Unset
        if isinstance(self.course, Unset):
            course = UNSET
        elif isinstance(self.course, GUIDRef):
            course = self.course.to_dict()
        else:
            course = self.course

        class_: dict[str, Any] | None | Unset
        if isinstance(self.class_, Unset):
            class_ = UNSET
        elif isinstance(self.class_, GUIDRef):
            class_ = self.class_.to_dict()
        else:
            class_ = self.class_

        score_scale_value: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.score_scale_value, Unset):
            score_scale_value = []
            for score_scale_value_item_data in self.score_scale_value:
                score_scale_value_item = score_scale_value_item_data.to_dict()
                score_scale_value.append(score_scale_value_item)

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
        if type_ is not UNSET:
            field_dict["type"] = type_
        if course is not UNSET:
            field_dict["course"] = course
        if class_ is not UNSET:
            field_dict["class"] = class_
        if score_scale_value is not UNSET:
            field_dict["scoreScaleValue"] = score_scale_value

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

        type_ = _get("type", UNSET)

        _course_raw = _get("course", UNSET)
        course: GUIDRef | None | Unset
        if isinstance(_course_raw, dict):
            try:
                course_type_0 = GUIDRef.from_dict(_course_raw)

                course = course_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                course = cast(GUIDRef | None | Unset, cast(object, _course_raw))
        else:
            course = _course_raw

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

        _score_scale_value = _get("scoreScaleValue", UNSET)
        score_scale_value: list[ScoreScaleValue] | Unset = UNSET
        if _score_scale_value is not UNSET:
            score_scale_value = [
                ScoreScaleValue.from_dict(item) for item in _score_scale_value
            ]

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

        if _KNOWN_KEYS.issuperset(src_dict):
            score_scale.additional_properties = {}
            return score_scale
        d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        score_scale.additional_properties = d
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


# oneroster-client: imported once, after the class, instead of inside every from_dict/to_dict
# call as the stock template does. Models refer to each other (in cycles, hence not at the top);
# an import statement per call was the largest single cost of parsing a page of records.
from ..models.guid_ref import GUIDRef
from ..models.metadata import Metadata
from ..models.score_scale_value import ScoreScaleValue

# oneroster-client: value -> member tables for from_dict, typed once here instead of a cast()
# call per field per record.
_BY_VALUE_StatusEnum = cast(dict[str, StatusEnum], StatusEnum._value2member_map_)
