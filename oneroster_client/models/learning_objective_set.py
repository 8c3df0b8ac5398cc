from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.learning_objective_source import LearningObjectiveSource
from ..types import (
    MissingField,
    present_repr,
)

# The keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "source",
        "learningObjectiveIds",
    }
)
_FIELDS = (
    "source",
    "learning_objective_ids",
)


@_attrs_define
class LearningObjectiveSet:
    source: LearningObjectiveSource | str

    learning_objective_ids: list[str]

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
        field_dict["learningObjectiveIds"] = self.learning_objective_ids
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the record from the provider's JSON object (see the module's notes on what is tolerated)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a LearningObjectiveSet must be a JSON object, got {type(src_dict).__name__}"
            )

        _get = src_dict.get
        try:
            _source_raw = src_dict["source"]
        except KeyError:
            raise MissingField("LearningObjectiveSet", "source") from None
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
            _learning_objective_ids_raw = src_dict["learningObjectiveIds"]
        except KeyError:
            raise MissingField("LearningObjectiveSet", "learningObjectiveIds") from None
        learning_objective_ids: list[str]
        learning_objective_ids = _learning_objective_ids_raw

        _extras = (
            {}
            if _KNOWN_KEYS.issuperset(src_dict)
            else {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        )
        learning_objective_set = cls.__new__(cls)
        learning_objective_set.source = source
        learning_objective_set.learning_objective_ids = learning_objective_ids
        learning_objective_set._nulls = ()
        learning_objective_set.additional_properties = _extras
        return learning_objective_set

    @staticmethod
    def _check(src_dict: Mapping[str, Any]) -> None:
        """Raise what from_dict would raise for ``src_dict``, building nothing (a record checks its nested models)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a LearningObjectiveSet must be a JSON object, got {type(src_dict).__name__}"
            )

        try:
            _source_raw = src_dict["source"]
        except KeyError:
            raise MissingField("LearningObjectiveSet", "source") from None
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
            _learning_objective_ids_raw = src_dict["learningObjectiveIds"]
        except KeyError:
            raise MissingField("LearningObjectiveSet", "learningObjectiveIds") from None

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


# value -> member tables for from_dict, typed once here instead of a cast() call per field per record.
_BY_VALUE_LearningObjectiveSource = cast(
    dict[str, LearningObjectiveSource], LearningObjectiveSource._value2member_map_
)
