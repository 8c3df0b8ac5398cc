from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="LearningObjectiveResults")


# oneroster-client: the keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "learningObjectiveId",
        "score",
        "textScore",
    }
)


@_attrs_define
class LearningObjectiveResults:
    learning_objective_id: str | Unset = UNSET
    score: float | None | Unset = UNSET
    text_score: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        learning_objective_id = self.learning_objective_id

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if learning_objective_id is not UNSET:
            field_dict["learningObjectiveId"] = learning_objective_id
        if score is not UNSET:
            field_dict["score"] = score
        if text_score is not UNSET:
            field_dict["textScore"] = text_score

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        _get = src_dict.get
        learning_objective_id = _get("learningObjectiveId", UNSET)

        score: float | None | Unset = _get("score", UNSET)

        text_score: None | str | Unset = _get("textScore", UNSET)

        learning_objective_results = cls.__new__(cls)
        learning_objective_results.learning_objective_id = learning_objective_id
        learning_objective_results.score = score
        learning_objective_results.text_score = text_score

        if _KNOWN_KEYS.issuperset(src_dict):
            learning_objective_results.additional_properties = {}
            return learning_objective_results
        d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        learning_objective_results.additional_properties = d
        return learning_objective_results

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
