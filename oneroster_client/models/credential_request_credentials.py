from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
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
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a CredentialRequestCredentials must be a JSON object, got {type(src_dict).__name__}"
            )

        _get = src_dict.get
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

        _extras = (
            {}
            if _KNOWN_KEYS.issuperset(src_dict)
            else {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        )
        credential_request_credentials = cls.__new__(cls)
        credential_request_credentials.username = username
        credential_request_credentials.password = password
        credential_request_credentials._nulls = ()
        credential_request_credentials.additional_properties = _extras
        return credential_request_credentials

    @staticmethod
    def _check(src_dict: Mapping[str, Any]) -> None:
        """Raise what from_dict would raise for ``src_dict``, building nothing (a record checks its nested models)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a CredentialRequestCredentials must be a JSON object, got {type(src_dict).__name__}"
            )

        try:
            _username_raw = src_dict["username"]
        except KeyError:
            raise MissingField("CredentialRequestCredentials", "username") from None
        if not isinstance(_username_raw, str):
            raise TypeError(
                f"CredentialRequestCredentials.username must be a str, got {type(_username_raw).__name__}"
            )

        try:
            _password_raw = src_dict["password"]
        except KeyError:
            raise MissingField("CredentialRequestCredentials", "password") from None
        if not isinstance(_password_raw, str):
            raise TypeError(
                f"CredentialRequestCredentials.password must be a str, got {type(_password_raw).__name__}"
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
