from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.user import User


T = TypeVar("T", bound="LinkedUsers")


# oneroster-client: the keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "agents",
        "students",
    }
)


@_attrs_define
class LinkedUsers:
    agents: list[User] | Unset = UNSET
    students: list[User] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agents: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.agents, Unset):
            agents = []
            for agents_item_data in self.agents:
                agents_item = agents_item_data.to_dict()
                agents.append(agents_item)

        students: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.students, Unset):
            students = []
            for students_item_data in self.students:
                students_item = students_item_data.to_dict()
                students.append(students_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if agents is not UNSET:
            field_dict["agents"] = agents
        if students is not UNSET:
            field_dict["students"] = students

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        _get = src_dict.get
        _agents = _get("agents", UNSET)
        agents: list[User] | Unset = UNSET
        if _agents is not UNSET:
            agents = [User.from_dict(item) for item in _agents]

        _students = _get("students", UNSET)
        students: list[User] | Unset = UNSET
        if _students is not UNSET:
            students = [User.from_dict(item) for item in _students]

        linked_users = cls.__new__(cls)
        linked_users.agents = agents
        linked_users.students = students

        if _KNOWN_KEYS.issuperset(src_dict):
            linked_users.additional_properties = {}
            return linked_users
        d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        linked_users.additional_properties = d
        return linked_users

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
from ..models.user import User
