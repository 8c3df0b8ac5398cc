from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    present_repr,
)

if TYPE_CHECKING:
    from ..models.agent import Agent


# The keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "agents",
    }
)
_FIELDS = ("agents",)
# The keys whose null to_dict() writes back (absent and null both read as None).
_NULLABLE_KEYS = ("agents",)


@_attrs_define
class AgentSet:
    agents: list[Agent] | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Keys the schema does not name (vendor fields), as the provider sent them."""
    _nulls: tuple[str, ...] = _attrs_field(init=False, default=(), eq=False, repr=False)

    def __repr__(self) -> str:
        return present_repr(self, _FIELDS)

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON: what the provider sent, with the changes made since (None fields left out)."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        nulls = self._nulls
        agents = self.agents
        if agents is not None:
            field_dict["agents"] = [
                (_item0.to_dict() if isinstance(_item0, Agent) else _item0)
                for _item0 in agents
            ]
        elif "agents" in nulls:
            field_dict["agents"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the record from the provider's JSON object (see the module's notes on what is tolerated)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a AgentSet must be a JSON object, got {type(src_dict).__name__}"
            )

        _get = src_dict.get
        _agents_raw = _get("agents")
        agents: list[Agent] | None
        if _agents_raw is None:
            agents = None
        else:
            agents = list(map(Agent.from_dict, _agents_raw))

        # Every key known and none null (the usual case): told by a count, cheaper than two scans.
        if len(src_dict) == (_agents_raw is not None):
            _nulls: tuple[str, ...] = ()
            _extras: dict[str, Any] = {}
        else:
            _nulls = tuple(
                [
                    key
                    for key in _NULLABLE_KEYS
                    if key in src_dict and src_dict[key] is None
                ]
            )
            _extras = (
                {}
                if _KNOWN_KEYS.issuperset(src_dict)
                else {
                    key: value
                    for key, value in src_dict.items()
                    if key not in _KNOWN_KEYS
                }
            )
        agent_set = cls.__new__(cls)
        agent_set.agents = agents
        agent_set._nulls = _nulls
        agent_set.additional_properties = _extras
        return agent_set

    @staticmethod
    def _check(src_dict: Mapping[str, Any]) -> None:
        """Raise what from_dict would raise for ``src_dict``, building nothing (a record checks its nested models)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a AgentSet must be a JSON object, got {type(src_dict).__name__}"
            )

        _agents_raw = src_dict.get("agents")
        if _agents_raw is not None:
            for _item in _agents_raw:
                if type(_item) is not dict and not isinstance(_item, Mapping):
                    raise TypeError(
                        f"a Agent must be a JSON object, got {type(_item).__name__}"
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
from ..models.agent import Agent
