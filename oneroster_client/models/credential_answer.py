from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    present_repr,
)

# The keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "userProfileId",
        "credentialId",
        "message",
    }
)
_FIELDS = (
    "user_profile_id",
    "credential_id",
    "message",
)
# The keys whose null to_dict() writes back (absent and null both read as None).
_NULLABLE_KEYS = (
    "userProfileId",
    "credentialId",
    "message",
)


@_attrs_define
class CredentialAnswer:
    user_profile_id: str | None = None

    credential_id: str | None = None

    message: str | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Keys the schema does not name (vendor fields), as the provider sent them."""
    _nulls: tuple[str, ...] = _attrs_field(init=False, default=(), eq=False, repr=False)

    def __repr__(self) -> str:
        return present_repr(self, _FIELDS)

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON: what the provider sent, with the changes made since (None fields left out)."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        nulls = self._nulls
        user_profile_id = self.user_profile_id
        if user_profile_id is not None:
            field_dict["userProfileId"] = user_profile_id
        elif "userProfileId" in nulls:
            field_dict["userProfileId"] = None
        credential_id = self.credential_id
        if credential_id is not None:
            field_dict["credentialId"] = credential_id
        elif "credentialId" in nulls:
            field_dict["credentialId"] = None
        message = self.message
        if message is not None:
            field_dict["message"] = message
        elif "message" in nulls:
            field_dict["message"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the record from the provider's JSON object (see the module's notes on what is tolerated)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a CredentialAnswer must be a JSON object, got {type(src_dict).__name__}"
            )

        _get = src_dict.get
        user_profile_id = _get("userProfileId")

        credential_id = _get("credentialId")

        message = _get("message")

        # Every key known and none null (the usual case): told by a count, cheaper than two scans.
        if len(src_dict) == (user_profile_id is not None) + (
            credential_id is not None
        ) + (message is not None):
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
        credential_answer = cls.__new__(cls)
        credential_answer.user_profile_id = user_profile_id
        credential_answer.credential_id = credential_id
        credential_answer.message = message
        credential_answer._nulls = _nulls
        credential_answer.additional_properties = _extras
        return credential_answer

    @staticmethod
    def _check(src_dict: Mapping[str, Any]) -> None:
        """Raise what from_dict would raise for ``src_dict``, building nothing (a record checks its nested models)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a CredentialAnswer must be a JSON object, got {type(src_dict).__name__}"
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
