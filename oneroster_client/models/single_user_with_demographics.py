from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.user_with_demographics import UserWithDemographics


T = TypeVar("T", bound="SingleUserWithDemographics")


# oneroster-client: the keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "user",
    }
)


@_attrs_define
class SingleUserWithDemographics:
    user: UserWithDemographics
    """ A user record with its demographics record (TimeBack's user-with-demographics). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user = self.user.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user": user,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        _get = src_dict.get
        user = UserWithDemographics.from_dict(src_dict["user"])

        single_user_with_demographics = cls.__new__(cls)
        single_user_with_demographics.user = user

        if _KNOWN_KEYS.issuperset(src_dict):
            single_user_with_demographics.additional_properties = {}
            return single_user_with_demographics
        d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        single_user_with_demographics.additional_properties = d
        return single_user_with_demographics

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
from ..models.user_with_demographics import UserWithDemographics
