from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.importance import Importance
from ..models.resource_role import ResourceRole
from ..models.status_enum import StatusEnum
from ..types import (
    LazyRecord,
    MissingField,
    defer,
    parse_datetime,
    present_repr,
    wire_datetime,
)

if TYPE_CHECKING:
    from ..models.metadata import Metadata


# The keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "sourcedId",
        "status",
        "dateLastModified",
        "metadata",
        "title",
        "roles",
        "importance",
        "vendorResourceId",
        "vendorId",
        "applicationId",
    }
)
_FIELDS = (
    "sourced_id",
    "status",
    "date_last_modified",
    "metadata",
    "title",
    "roles",
    "importance",
    "vendor_resource_id",
    "vendor_id",
    "application_id",
)
# The keys whose null to_dict() writes back (absent and null both read as None).
_NULLABLE_KEYS = (
    "status",
    "dateLastModified",
    "metadata",
    "title",
    "roles",
    "importance",
    "vendorResourceId",
    "vendorId",
    "applicationId",
)


@_attrs_define(slots=False)
class Resource(LazyRecord):
    sourced_id: str

    status: StatusEnum | str | None = None

    date_last_modified: datetime.datetime | None = None

    metadata: Metadata | None = None

    title: str | None = None

    roles: list[ResourceRole | str] | None = None

    importance: Importance | str | None = None

    vendor_resource_id: str | None = None

    vendor_id: str | None = None

    application_id: str | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Keys the schema does not name (vendor fields), as the provider sent them."""
    _nulls: tuple[str, ...] = _attrs_field(init=False, default=(), eq=False, repr=False)

    def __repr__(self) -> str:
        return present_repr(self, _FIELDS)

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON: what the provider sent, with the changes made since (None fields left out)."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        nulls = self._nulls
        field_dict["sourcedId"] = self.sourced_id
        status = self.status
        if status is not None:
            field_dict["status"] = (
                status.value if isinstance(status, StatusEnum) else status
            )
        elif "status" in nulls:
            field_dict["status"] = None
        date_last_modified = self.date_last_modified
        if date_last_modified is not None:
            field_dict["dateLastModified"] = wire_datetime(date_last_modified)
        elif "dateLastModified" in nulls:
            field_dict["dateLastModified"] = None
        metadata = self.metadata
        if metadata is not None:
            field_dict["metadata"] = (
                metadata.to_dict() if isinstance(metadata, Metadata) else metadata
            )
        elif "metadata" in nulls:
            field_dict["metadata"] = None
        title = self.title
        if title is not None:
            field_dict["title"] = title
        elif "title" in nulls:
            field_dict["title"] = None
        roles = self.roles
        if roles is not None:
            field_dict["roles"] = (
                [
                    (_item0.value if isinstance(_item0, ResourceRole) else _item0)
                    for _item0 in roles
                ]
                if isinstance(roles, list)
                else roles
            )
        elif "roles" in nulls:
            field_dict["roles"] = None
        importance = self.importance
        if importance is not None:
            field_dict["importance"] = (
                importance.value if isinstance(importance, Importance) else importance
            )
        elif "importance" in nulls:
            field_dict["importance"] = None
        vendor_resource_id = self.vendor_resource_id
        if vendor_resource_id is not None:
            field_dict["vendorResourceId"] = vendor_resource_id
        elif "vendorResourceId" in nulls:
            field_dict["vendorResourceId"] = None
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
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the record from the provider's JSON object (see the module's notes on what is tolerated).

        The fields holding other models are checked now and built on first access, from the object
        given, which is kept: do not change it afterwards (pass a copy if you will).
        """
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a Resource must be a JSON object, got {type(src_dict).__name__}"
            )

        _get = src_dict.get
        try:
            sourced_id = src_dict["sourcedId"]
        except KeyError:
            raise MissingField("Resource", "sourcedId") from None
        if not isinstance(sourced_id, str):
            raise TypeError(
                f"Resource.sourcedId must be a str, got {type(sourced_id).__name__}"
            )

        _status_raw = _get("status")
        status: StatusEnum | str | None
        if _status_raw is None:
            status = None
        else:
            try:
                _status_member = _BY_VALUE_StatusEnum.get(_status_raw)
            except TypeError:
                _status_member = None
            if _status_member is not None:
                status = _status_member
            else:
                status = _status_raw

        _date_last_modified_raw = _get("dateLastModified")
        date_last_modified: datetime.datetime | None
        if _date_last_modified_raw is None:
            date_last_modified = None
        else:
            date_last_modified = parse_datetime(_date_last_modified_raw)

        title = _get("title")

        _roles_raw = _get("roles")
        roles: list[ResourceRole | str] | None
        if _roles_raw is None:
            roles = None
        else:
            if isinstance(_roles_raw, list):
                try:
                    _items1: list[ResourceRole | str] = []
                    for _item1 in _roles_raw:
                        _parsed1: ResourceRole | str
                        try:
                            __parsed1_member = _BY_VALUE_ResourceRole.get(_item1)
                        except TypeError:
                            __parsed1_member = None
                        if __parsed1_member is not None:
                            _parsed1 = __parsed1_member
                        else:
                            _parsed1 = _item1

                        _items1.append(_parsed1)
                    roles = _items1

                except (TypeError, ValueError, AttributeError, KeyError):
                    roles = cast(Any, _roles_raw)

            else:
                roles = _roles_raw

        _importance_raw = _get("importance")
        importance: Importance | str | None
        if _importance_raw is None:
            importance = None
        else:
            try:
                _importance_member = _BY_VALUE_Importance.get(_importance_raw)
            except TypeError:
                _importance_member = None
            if _importance_member is not None:
                importance = _importance_member
            else:
                importance = _importance_raw

        vendor_resource_id = _get("vendorResourceId")

        vendor_id = _get("vendorId")

        application_id = _get("applicationId")

        _metadata_raw = _get("metadata")
        resource = cls.__new__(cls)
        resource.sourced_id = sourced_id
        resource.status = status
        resource.date_last_modified = date_last_modified
        resource.title = title
        resource.roles = roles
        resource.importance = importance
        resource.vendor_resource_id = vendor_resource_id
        resource.vendor_id = vendor_id
        resource.application_id = application_id
        if _metadata_raw is None:
            resource.metadata = None
        resource._source = src_dict
        return resource

    @staticmethod
    def _check(src_dict: Mapping[str, Any]) -> None:
        """Raise what from_dict would raise for ``src_dict``, building nothing (a record checks its nested models)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a Resource must be a JSON object, got {type(src_dict).__name__}"
            )

        try:
            _sourced_id_raw = src_dict["sourcedId"]
        except KeyError:
            raise MissingField("Resource", "sourcedId") from None
        if not isinstance(_sourced_id_raw, str):
            raise TypeError(
                f"Resource.sourcedId must be a str, got {type(_sourced_id_raw).__name__}"
            )

        _date_last_modified_raw = src_dict.get("dateLastModified")
        if _date_last_modified_raw is not None:
            parse_datetime(_date_last_modified_raw)

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


# -- What from_dict checked but did not build: each is built on its first access. ------------------------------


def _read_metadata(src_dict: Mapping[str, Any]) -> Metadata | None:
    _metadata_raw = src_dict.get("metadata")
    if _metadata_raw is None:
        return None
    metadata: Metadata
    try:
        metadata = Metadata.from_dict(_metadata_raw)

    except (TypeError, ValueError, AttributeError, KeyError):
        metadata = _metadata_raw

    return metadata


def _read_nulls(src_dict: Mapping[str, Any]) -> tuple[str, ...]:
    _nulls: tuple[str, ...] = ()
    if None in src_dict.values():
        _nulls = tuple(
            [key for key in _NULLABLE_KEYS if key in src_dict and src_dict[key] is None]
        )

    return _nulls


def _read_additional_properties(src_dict: Mapping[str, Any]) -> dict[str, Any]:
    return (
        {}
        if _KNOWN_KEYS.issuperset(src_dict)
        else {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
    )


# What the class reads from the kept JSON object on first access, by attribute (see types.defer).
defer(
    Resource,
    {
        "metadata": _read_metadata,
        "_nulls": _read_nulls,
        "additional_properties": _read_additional_properties,
    },
)


# Imported once, after the class, instead of inside every from_dict/to_dict call as the stock template
# does. Models refer to each other (in cycles, hence not at the top).
from ..models.metadata import Metadata

# value -> member tables for from_dict, typed once here instead of a cast() call per field per record.
_BY_VALUE_StatusEnum = cast(dict[str, StatusEnum], StatusEnum._value2member_map_)
_BY_VALUE_ResourceRole = cast(dict[str, ResourceRole], ResourceRole._value2member_map_)
_BY_VALUE_Importance = cast(dict[str, Importance], Importance._value2member_map_)
