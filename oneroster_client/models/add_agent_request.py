from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AddAgentRequest")


# oneroster-client: the keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "agentSourcedId",
    }
)


@_attrs_define
class AddAgentRequest:
    agent_sourced_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agent_sourced_id = self.agent_sourced_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agentSourcedId": agent_sourced_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        _get = src_dict.get
        agent_sourced_id = src_dict["agentSourcedId"]

        add_agent_request = cls.__new__(cls)
        add_agent_request.agent_sourced_id = agent_sourced_id

        if _KNOWN_KEYS.issuperset(src_dict):
            add_agent_request.additional_properties = {}
            return add_agent_request
        d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        add_agent_request.additional_properties = d
        return add_agent_request

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
