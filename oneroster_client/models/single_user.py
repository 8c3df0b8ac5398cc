from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    MissingField,
    present_repr,
)

if TYPE_CHECKING:
    from ..models.user import User


# The keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "user",
    }
)
_FIELDS = ("user",)


@_attrs_define
class SingleUser:
    user: User

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Keys the schema does not name (vendor fields), as the provider sent them."""
    _nulls: tuple[str, ...] = _attrs_field(init=False, default=(), eq=False, repr=False)

    def __repr__(self) -> str:
        return present_repr(self, _FIELDS)

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON: what the provider sent, with the changes made since (None fields left out)."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        nulls = self._nulls
        field_dict["user"] = self.user.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the record from the provider's JSON object (see the module's notes on what is tolerated)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a SingleUser must be a JSON object, got {type(src_dict).__name__}"
            )

        _get = src_dict.get
        try:
            _user_raw = src_dict["user"]
        except KeyError:
            raise MissingField("SingleUser", "user") from None
        user: User
        user = User.from_dict(_user_raw)

        _extras = (
            {}
            if _KNOWN_KEYS.issuperset(src_dict)
            else {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        )
        single_user = cls.__new__(cls)
        single_user.user = user
        single_user._nulls = ()
        single_user.additional_properties = _extras
        return single_user

    @staticmethod
    def _check(src_dict: Mapping[str, Any]) -> None:
        """Raise what from_dict would raise for ``src_dict``, building nothing (a record checks its nested models)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a SingleUser must be a JSON object, got {type(src_dict).__name__}"
            )

        try:
            _user_raw = src_dict["user"]
        except KeyError:
            raise MissingField("SingleUser", "user") from None
        if type(_user_raw) is not dict and not isinstance(_user_raw, Mapping):
            raise TypeError(
                f"a User must be a JSON object, got {type(_user_raw).__name__}"
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
from ..models.user import User
