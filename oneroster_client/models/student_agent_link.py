from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    present_repr,
)

if TYPE_CHECKING:
    from ..models.guid_ref import GUIDRef


# The keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "user",
        "relationshipType",
    }
)
_FIELDS = (
    "user",
    "relationship_type",
)
# The keys whose null to_dict() writes back (absent and null both read as None).
_NULLABLE_KEYS = (
    "user",
    "relationshipType",
)


@_attrs_define
class StudentAgentLink:
    user: GUIDRef | None = None

    relationship_type: str | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Keys the schema does not name (vendor fields), as the provider sent them."""
    _nulls: tuple[str, ...] = _attrs_field(init=False, default=(), eq=False, repr=False)

    def __repr__(self) -> str:
        return present_repr(self, _FIELDS)

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON: what the provider sent, with the changes made since (None fields left out)."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        nulls = self._nulls
        user = self.user
        if user is not None:
            field_dict["user"] = user.to_dict() if isinstance(user, GUIDRef) else user
        elif "user" in nulls:
            field_dict["user"] = None
        relationship_type = self.relationship_type
        if relationship_type is not None:
            field_dict["relationshipType"] = relationship_type
        elif "relationshipType" in nulls:
            field_dict["relationshipType"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the record from the provider's JSON object (see the module's notes on what is tolerated)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a StudentAgentLink must be a JSON object, got {type(src_dict).__name__}"
            )

        _get = src_dict.get
        _user_raw = _get("user")
        user: GUIDRef | None
        if _user_raw is None:
            user = None
        else:
            try:
                user = GUIDRef.from_dict(_user_raw)

            except (TypeError, ValueError, AttributeError, KeyError):
                user = _user_raw

        relationship_type = _get("relationshipType")

        # Every key known and none null (the usual case): told by a count, cheaper than two scans.
        if len(src_dict) == (_user_raw is not None) + (relationship_type is not None):
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
        student_agent_link = cls.__new__(cls)
        student_agent_link.user = user
        student_agent_link.relationship_type = relationship_type
        student_agent_link._nulls = _nulls
        student_agent_link.additional_properties = _extras
        return student_agent_link

    @staticmethod
    def _check(src_dict: Mapping[str, Any]) -> None:
        """Raise what from_dict would raise for ``src_dict``, building nothing (a record checks its nested models)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a StudentAgentLink must be a JSON object, got {type(src_dict).__name__}"
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
from ..models.guid_ref import GUIDRef
