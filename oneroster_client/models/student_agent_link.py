from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.guid_ref import GUIDRef


T = TypeVar("T", bound="StudentAgentLink")


# oneroster-client: the keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "user",
        "relationshipType",
    }
)


@_attrs_define
class StudentAgentLink:
    user: GUIDRef | None | Unset = UNSET
    relationship_type: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user: dict[str, Any] | None | Unset
        if isinstance(self.user, Unset):
            user = UNSET
        elif isinstance(self.user, GUIDRef):
            user = self.user.to_dict()
        else:
            user = self.user

        relationship_type = self.relationship_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if user is not UNSET:
            field_dict["user"] = user
        if relationship_type is not UNSET:
            field_dict["relationshipType"] = relationship_type

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        _get = src_dict.get
        _user_raw = _get("user", UNSET)
        user: GUIDRef | None | Unset
        if isinstance(_user_raw, dict):
            try:
                user_type_0 = GUIDRef.from_dict(_user_raw)

                user = user_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                user = cast(GUIDRef | None | Unset, cast(object, _user_raw))
        else:
            user = _user_raw

        relationship_type = _get("relationshipType", UNSET)

        student_agent_link = cls.__new__(cls)
        student_agent_link.user = user
        student_agent_link.relationship_type = relationship_type

        if _KNOWN_KEYS.issuperset(src_dict):
            student_agent_link.additional_properties = {}
            return student_agent_link
        d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        student_agent_link.additional_properties = d
        return student_agent_link

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
