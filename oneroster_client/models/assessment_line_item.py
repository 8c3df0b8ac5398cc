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


T = TypeVar("T", bound="AssessmentLineItem")


# oneroster-client: the keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "sourcedId",
        "status",
        "dateLastModified",
        "metadata",
        "title",
        "description",
        "class",
        "parentAssessmentLineItem",
        "scoreScale",
        "resultValueMin",
        "resultValueMax",
        "learningObjectiveSet",
    }
)


@_attrs_define
class AssessmentLineItem:
    sourced_id: str | Unset = UNSET
    status: StatusEnum | str | Unset = UNSET
    date_last_modified: datetime.datetime | Unset = UNSET
    metadata: Metadata | None | Unset = UNSET
    title: str | Unset = UNSET
    description: None | str | Unset = UNSET
    class_: GUIDRef | None | Unset = UNSET
    parent_assessment_line_item: GUIDRef | None | Unset = UNSET
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

        class_: dict[str, Any] | None | Unset
        if isinstance(self.class_, Unset):
            class_ = UNSET
        elif isinstance(self.class_, GUIDRef):
            class_ = self.class_.to_dict()
        else:
            class_ = self.class_

        parent_assessment_line_item: dict[str, Any] | None | Unset
        if isinstance(self.parent_assessment_line_item, Unset):
            parent_assessment_line_item = UNSET
        elif isinstance(self.parent_assessment_line_item, GUIDRef):
            parent_assessment_line_item = self.parent_assessment_line_item.to_dict()
        else:
            parent_assessment_line_item = self.parent_assessment_line_item

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
        if class_ is not UNSET:
            field_dict["class"] = class_
        if parent_assessment_line_item is not UNSET:
            field_dict["parentAssessmentLineItem"] = parent_assessment_line_item
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

        _parent_assessment_line_item_raw = _get("parentAssessmentLineItem", UNSET)
        parent_assessment_line_item: GUIDRef | None | Unset
        if isinstance(_parent_assessment_line_item_raw, dict):
            try:
                parent_assessment_line_item_type_0 = GUIDRef.from_dict(
                    _parent_assessment_line_item_raw
                )

                parent_assessment_line_item = parent_assessment_line_item_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                parent_assessment_line_item = cast(
                    GUIDRef | None | Unset,
                    cast(object, _parent_assessment_line_item_raw),
                )
        else:
            parent_assessment_line_item = _parent_assessment_line_item_raw

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

        assessment_line_item = cls.__new__(cls)
        assessment_line_item.sourced_id = sourced_id
        assessment_line_item.status = status
        assessment_line_item.date_last_modified = date_last_modified
        assessment_line_item.metadata = metadata
        assessment_line_item.title = title
        assessment_line_item.description = description
        assessment_line_item.class_ = class_
        assessment_line_item.parent_assessment_line_item = parent_assessment_line_item
        assessment_line_item.score_scale = score_scale
        assessment_line_item.result_value_min = result_value_min
        assessment_line_item.result_value_max = result_value_max
        assessment_line_item.learning_objective_set = learning_objective_set

        if _KNOWN_KEYS.issuperset(src_dict):
            assessment_line_item.additional_properties = {}
            return assessment_line_item
        d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        assessment_line_item.additional_properties = d
        return assessment_line_item

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
