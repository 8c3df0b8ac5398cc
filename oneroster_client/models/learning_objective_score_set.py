from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.learning_objective_source import LearningObjectiveSource
from ..types import (
    MissingField,
    present_repr,
)

if TYPE_CHECKING:
    from ..models.learning_objective_results import LearningObjectiveResults


# The keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "source",
        "learningObjectiveResults",
    }
)
_FIELDS = (
    "source",
    "learning_objective_results",
)


@_attrs_define
class LearningObjectiveScoreSet:
    source: LearningObjectiveSource | str

    learning_objective_results: list[LearningObjectiveResults]

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Keys the schema does not name (vendor fields), as the provider sent them."""
    _nulls: tuple[str, ...] = _attrs_field(init=False, default=(), eq=False, repr=False)

    def __repr__(self) -> str:
        return present_repr(self, _FIELDS)

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON: what the provider sent, with the changes made since (None fields left out)."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        nulls = self._nulls
        field_dict["source"] = (
            self.source.value
            if isinstance(self.source, LearningObjectiveSource)
            else self.source
        )
        field_dict["learningObjectiveResults"] = [
            (
                _item0.to_dict()
                if isinstance(_item0, LearningObjectiveResults)
                else _item0
            )
            for _item0 in self.learning_objective_results
        ]
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the record from the provider's JSON object (see the module's notes on what is tolerated)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a LearningObjectiveScoreSet must be a JSON object, got {type(src_dict).__name__}"
            )

        _get = src_dict.get
        try:
            _source_raw = src_dict["source"]
        except KeyError:
            raise MissingField("LearningObjectiveScoreSet", "source") from None
        source: LearningObjectiveSource | str
        try:
            _source_member = _BY_VALUE_LearningObjectiveSource.get(_source_raw)
        except TypeError:
            _source_member = None
        if _source_member is not None:
            source = _source_member
        else:
            source = _source_raw

        try:
            _learning_objective_results_raw = src_dict["learningObjectiveResults"]
        except KeyError:
            raise MissingField(
                "LearningObjectiveScoreSet", "learningObjectiveResults"
            ) from None
        learning_objective_results: list[LearningObjectiveResults]
        learning_objective_results = list(
            map(LearningObjectiveResults.from_dict, _learning_objective_results_raw)
        )

        _extras = (
            {}
            if _KNOWN_KEYS.issuperset(src_dict)
            else {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        )
        learning_objective_score_set = cls.__new__(cls)
        learning_objective_score_set.source = source
        learning_objective_score_set.learning_objective_results = (
            learning_objective_results
        )
        learning_objective_score_set._nulls = ()
        learning_objective_score_set.additional_properties = _extras
        return learning_objective_score_set

    @staticmethod
    def _check(src_dict: Mapping[str, Any]) -> None:
        """Raise what from_dict would raise for ``src_dict``, building nothing (a record checks its nested models)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a LearningObjectiveScoreSet must be a JSON object, got {type(src_dict).__name__}"
            )

        try:
            _source_raw = src_dict["source"]
        except KeyError:
            raise MissingField("LearningObjectiveScoreSet", "source") from None
        _source_raw_checked: LearningObjectiveSource | str
        try:
            __source_raw_checked_member = _BY_VALUE_LearningObjectiveSource.get(
                _source_raw
            )
        except TypeError:
            __source_raw_checked_member = None
        if __source_raw_checked_member is not None:
            _source_raw_checked = __source_raw_checked_member
        else:
            _source_raw_checked = _source_raw

        try:
            _learning_objective_results_raw = src_dict["learningObjectiveResults"]
        except KeyError:
            raise MissingField(
                "LearningObjectiveScoreSet", "learningObjectiveResults"
            ) from None
        for _item in _learning_objective_results_raw:
            if type(_item) is not dict and not isinstance(_item, Mapping):
                raise TypeError(
                    f"a LearningObjectiveResults must be a JSON object, got {type(_item).__name__}"
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


# Imported once, after the class, instead of inside every from_dict/to_dict call as the stock template
# does. Models refer to each other (in cycles, hence not at the top).
from ..models.learning_objective_results import LearningObjectiveResults

# value -> member tables for from_dict, typed once here instead of a cast() call per field per record.
_BY_VALUE_LearningObjectiveSource = cast(
    dict[str, LearningObjectiveSource], LearningObjectiveSource._value2member_map_
)
