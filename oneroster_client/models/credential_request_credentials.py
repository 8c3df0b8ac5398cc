from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CredentialRequestCredentials")


# oneroster-client: the keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "username",
        "password",
    }
)


@_attrs_define
class CredentialRequestCredentials:
    username: str
    password: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        password = self.password

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "username": username,
                "password": password,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        _get = src_dict.get
        username = src_dict["username"]

        password = src_dict["password"]

        credential_request_credentials = cls.__new__(cls)
        credential_request_credentials.username = username
        credential_request_credentials.password = password

        if _KNOWN_KEYS.issuperset(src_dict):
            credential_request_credentials.additional_properties = {}
            return credential_request_credentials
        d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        credential_request_credentials.additional_properties = d
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
