from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CredentialAnswer")


# oneroster-client: the keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "userProfileId",
        "credentialId",
        "message",
    }
)


@_attrs_define
class CredentialAnswer:
    user_profile_id: str | Unset = UNSET
    credential_id: str | Unset = UNSET
    message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_profile_id = self.user_profile_id

        credential_id = self.credential_id

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if user_profile_id is not UNSET:
            field_dict["userProfileId"] = user_profile_id
        if credential_id is not UNSET:
            field_dict["credentialId"] = credential_id
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        _get = src_dict.get
        user_profile_id = _get("userProfileId", UNSET)

        credential_id = _get("credentialId", UNSET)

        message = _get("message", UNSET)

        credential_answer = cls.__new__(cls)
        credential_answer.user_profile_id = user_profile_id
        credential_answer.credential_id = credential_id
        credential_answer.message = message

        if _KNOWN_KEYS.issuperset(src_dict):
            credential_answer.additional_properties = {}
            return credential_answer
        d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        credential_answer.additional_properties = d
        return credential_answer

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
