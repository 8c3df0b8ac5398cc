from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    present_repr,
)

if TYPE_CHECKING:
    from ..models.credential import Credential


# The keys from_dict reads; any other key goes to additional_properties.
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
_FIELDS = (
    "profile_id",
    "profile_type",
    "vendor_id",
    "application_id",
    "description",
    "credentials",
)
# The keys whose null to_dict() writes back (absent and null both read as None).
_NULLABLE_KEYS = (
    "profileId",
    "profileType",
    "vendorId",
    "applicationId",
    "description",
    "credentials",
)


@_attrs_define
class UserProfile:
    profile_id: str | None = None

    profile_type: str | None = None

    vendor_id: str | None = None

    application_id: str | None = None

    description: str | None = None

    credentials: list[Credential] | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Keys the schema does not name (vendor fields), as the provider sent them."""
    _nulls: tuple[str, ...] = _attrs_field(init=False, default=(), eq=False, repr=False)

    def __repr__(self) -> str:
        return present_repr(self, _FIELDS)

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON: what the provider sent, with the changes made since (None fields left out)."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        nulls = self._nulls
        profile_id = self.profile_id
        if profile_id is not None:
            field_dict["profileId"] = profile_id
        elif "profileId" in nulls:
            field_dict["profileId"] = None
        profile_type = self.profile_type
        if profile_type is not None:
            field_dict["profileType"] = profile_type
        elif "profileType" in nulls:
            field_dict["profileType"] = None
        vendor_id = self.vendor_id
        if vendor_id is not None:
            field_dict["vendorId"] = vendor_id
        elif "vendorId" in nulls:
            field_dict["vendorId"] = None
        application_id = self.application_id
        if application_id is not None:
            field_dict["applicationId"] = application_id
        elif "applicationId" in nulls:
            field_dict["applicationId"] = None
        description = self.description
        if description is not None:
            field_dict["description"] = description
        elif "description" in nulls:
            field_dict["description"] = None
        credentials = self.credentials
        if credentials is not None:
            field_dict["credentials"] = (
                [
                    (_item0.to_dict() if isinstance(_item0, Credential) else _item0)
                    for _item0 in credentials
                ]
                if isinstance(credentials, list)
                else credentials
            )
        elif "credentials" in nulls:
            field_dict["credentials"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the record from the provider's JSON object (see the module's notes on what is tolerated)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a UserProfile must be a JSON object, got {type(src_dict).__name__}"
            )

        _get = src_dict.get
        profile_id = _get("profileId")

        profile_type = _get("profileType")

        vendor_id = _get("vendorId")

        application_id = _get("applicationId")

        description = _get("description")

        _credentials_raw = _get("credentials")
        credentials: list[Credential] | None
        if _credentials_raw is None:
            credentials = None
        else:
            if isinstance(_credentials_raw, list):
                try:
                    credentials = list(map(Credential.from_dict, _credentials_raw))

                except (TypeError, ValueError, AttributeError, KeyError):
                    credentials = cast(Any, _credentials_raw)

            else:
                credentials = _credentials_raw

        # Every key known and none null (the usual case): told by a count, cheaper than two scans.
        if len(src_dict) == (profile_id is not None) + (profile_type is not None) + (
            vendor_id is not None
        ) + (application_id is not None) + (description is not None) + (
            _credentials_raw is not None
        ):
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
        user_profile = cls.__new__(cls)
        user_profile.profile_id = profile_id
        user_profile.profile_type = profile_type
        user_profile.vendor_id = vendor_id
        user_profile.application_id = application_id
        user_profile.description = description
        user_profile.credentials = credentials
        user_profile._nulls = _nulls
        user_profile.additional_properties = _extras
        return user_profile

    @staticmethod
    def _check(src_dict: Mapping[str, Any]) -> None:
        """Raise what from_dict would raise for ``src_dict``, building nothing (a record checks its nested models)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a UserProfile must be a JSON object, got {type(src_dict).__name__}"
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
from ..models.credential import Credential
