from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    ABSENT,
    present_repr,
)

if TYPE_CHECKING:
    from ..models.user import User


# The keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "agents",
        "students",
    }
)
_FIELDS = (
    "agents",
    "students",
)


@_attrs_define
class LinkedUsers:
    agents: list[User] | None = None

    students: list[User] | None = None

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
                (_item0.to_dict() if isinstance(_item0, User) else _item0)
                for _item0 in agents
            ]
        elif "agents" in nulls:
            field_dict["agents"] = None
        students = self.students
        if students is not None:
            field_dict["students"] = [
                (_item0.to_dict() if isinstance(_item0, User) else _item0)
                for _item0 in students
            ]
        elif "students" in nulls:
            field_dict["students"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the record from the provider's JSON object (see the module's notes on what is tolerated)."""
        _get = src_dict.get
        _absent = ABSENT  # a local: read twice per field, faster than the module global
        _nulls: tuple[str, ...] = ()
        _agents_raw = _get("agents", _absent)
        agents: list[User] | None
        if _agents_raw is _absent:
            agents = None
        elif _agents_raw is None:
            agents = None
            _nulls += ("agents",)
        else:
            agents = list(map(User.from_dict, _agents_raw))

        _students_raw = _get("students", _absent)
        students: list[User] | None
        if _students_raw is _absent:
            students = None
        elif _students_raw is None:
            students = None
            _nulls += ("students",)
        else:
            students = list(map(User.from_dict, _students_raw))

        linked_users = cls.__new__(cls)
        linked_users.agents = agents
        linked_users.students = students
        linked_users._nulls = _nulls
        if _KNOWN_KEYS.issuperset(src_dict):
            linked_users.additional_properties = {}
        else:
            linked_users.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
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


# Imported once, after the class, instead of inside every from_dict/to_dict call as the stock template
# does. Models refer to each other (in cycles, hence not at the top).
from ..models.user import User
