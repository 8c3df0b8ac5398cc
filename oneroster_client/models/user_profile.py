from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.credential import Credential


T = TypeVar("T", bound="UserProfile")


# oneroster-client: the keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "profileId",
        "profileType",
        "vendorId",
        "applicationId",
        "description",
        "credentials",
    }
)


@_attrs_define
class UserProfile:
    profile_id: str | Unset = UNSET
    profile_type: str | Unset = UNSET
    vendor_id: str | Unset = UNSET
    application_id: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    credentials: list[Credential] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        profile_id = self.profile_id

        profile_type = self.profile_type

        vendor_id = self.vendor_id

        application_id: None | str | Unset
        if isinstance(self.application_id, Unset):
            application_id = UNSET
        else:
            application_id = self.application_id

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        credentials: list[dict[str, Any]] | None | Unset
        if isinstance(self.credentials, Unset):
            credentials = UNSET
        elif isinstance(self.credentials, list):
            credentials = []
            for credentials_type_0_item_data in self.credentials:
                credentials_type_0_item = credentials_type_0_item_data.to_dict()
                credentials.append(credentials_type_0_item)

        else:
            credentials = self.credentials

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if profile_id is not UNSET:
            field_dict["profileId"] = profile_id
        if profile_type is not UNSET:
            field_dict["profileType"] = profile_type
        if vendor_id is not UNSET:
            field_dict["vendorId"] = vendor_id
        if application_id is not UNSET:
            field_dict["applicationId"] = application_id
        if description is not UNSET:
            field_dict["description"] = description
        if credentials is not UNSET:
            field_dict["credentials"] = credentials

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        _get = src_dict.get
        profile_id = _get("profileId", UNSET)

        profile_type = _get("profileType", UNSET)

        vendor_id = _get("vendorId", UNSET)

        application_id: None | str | Unset = _get("applicationId", UNSET)

        description: None | str | Unset = _get("description", UNSET)

        _credentials_raw = _get("credentials", UNSET)
        credentials: list[Credential] | None | Unset
        if isinstance(_credentials_raw, list):
            try:
                credentials_type_0 = [
                    Credential.from_dict(item) for item in _credentials_raw
                ]

                credentials = credentials_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                credentials = cast(
                    list[Credential] | None | Unset, cast(object, _credentials_raw)
                )
        else:
            credentials = _credentials_raw

        user_profile = cls.__new__(cls)
        user_profile.profile_id = profile_id
        user_profile.profile_type = profile_type
        user_profile.vendor_id = vendor_id
        user_profile.application_id = application_id
        user_profile.description = description
        user_profile.credentials = credentials

        if _KNOWN_KEYS.issuperset(src_dict):
            user_profile.additional_properties = {}
            return user_profile
        d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        user_profile.additional_properties = d
        return user_profile

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
from ..models.credential import Credential
