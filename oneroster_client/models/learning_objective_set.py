from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.learning_objective_source import LearningObjectiveSource

T = TypeVar("T", bound="LearningObjectiveSet")


# oneroster-client: the keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "source",
        "learningObjectiveIds",
    }
)


@_attrs_define
class LearningObjectiveSet:
    source: LearningObjectiveSource | str
    learning_objective_ids: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        source: str
        if isinstance(self.source, LearningObjectiveSource):
            source = self.source.value
        else:
            source = self.source

        learning_objective_ids = self.learning_objective_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "source": source,
                "learningObjectiveIds": learning_objective_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        _get = src_dict.get
        _source_raw = src_dict["source"]
        source: LearningObjectiveSource | str
        if isinstance(_source_raw, str):
            try:
                source_type_0 = _BY_VALUE_LearningObjectiveSource[_source_raw]

                source = source_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                source = cast(LearningObjectiveSource | str, cast(object, _source_raw))
        else:
            source = _source_raw

        learning_objective_ids = cast(list[str], src_dict["learningObjectiveIds"])

        learning_objective_set = cls.__new__(cls)
        learning_objective_set.source = source
        learning_objective_set.learning_objective_ids = learning_objective_ids

        if _KNOWN_KEYS.issuperset(src_dict):
            learning_objective_set.additional_properties = {}
            return learning_objective_set
        d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        learning_objective_set.additional_properties = d
        return learning_objective_set

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


# oneroster-client: value -> member tables for from_dict, typed once here instead of a cast()
# call per field per record.
_BY_VALUE_LearningObjectiveSource = cast(
    dict[str, LearningObjectiveSource], LearningObjectiveSource._value2member_map_
)
