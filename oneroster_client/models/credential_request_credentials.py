from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    ABSENT,
    MissingField,
    present_repr,
)

# The keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "username",
        "password",
    }
)
_FIELDS = (
    "username",
    "password",
)


@_attrs_define
class CredentialRequestCredentials:
    username: str

    password: str

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Keys the schema does not name (vendor fields), as the provider sent them."""
    _nulls: tuple[str, ...] = _attrs_field(init=False, default=(), eq=False, repr=False)

    def __repr__(self) -> str:
        return present_repr(self, _FIELDS)

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON: what the provider sent, with the changes made since (None fields left out)."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        nulls = self._nulls
        field_dict["username"] = self.username
        field_dict["password"] = self.password
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the record from the provider's JSON object (see the module's notes on what is tolerated)."""
        _get = src_dict.get
        _absent = ABSENT  # a local: read twice per field, faster than the module global
        _nulls: tuple[str, ...] = ()
        try:
            username = src_dict["username"]
        except KeyError:
            raise MissingField("CredentialRequestCredentials", "username") from None
        if not isinstance(username, str):
            raise TypeError(
                f"CredentialRequestCredentials.username must be a str, got {type(username).__name__}"
            )

        try:
            password = src_dict["password"]
        except KeyError:
            raise MissingField("CredentialRequestCredentials", "password") from None
        if not isinstance(password, str):
            raise TypeError(
                f"CredentialRequestCredentials.password must be a str, got {type(password).__name__}"
            )

        credential_request_credentials = cls.__new__(cls)
        credential_request_credentials.username = username
        credential_request_credentials.password = password
        credential_request_credentials._nulls = _nulls
        if _KNOWN_KEYS.issuperset(src_dict):
            credential_request_credentials.additional_properties = {}
        else:
            credential_request_credentials.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return credential_request_credentials

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
