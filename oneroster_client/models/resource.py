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
    ABSENT,
    MissingField,
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


@_attrs_define
class Resource:
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
        """Build the record from the provider's JSON object (see the module's notes on what is tolerated)."""
        _get = src_dict.get
        _absent = ABSENT  # a local: read twice per field, faster than the module global
        _nulls: tuple[str, ...] = ()
        try:
            sourced_id = src_dict["sourcedId"]
        except KeyError:
            raise MissingField("Resource", "sourcedId") from None
        if not isinstance(sourced_id, str):
            raise TypeError(
                f"Resource.sourcedId must be a str, got {type(sourced_id).__name__}"
            )

        _status_raw = _get("status", _absent)
        status: StatusEnum | str | None
        if _status_raw is _absent:
            status = None
        elif _status_raw is None:
            status = None
            _nulls += ("status",)
        else:
            try:
                status = _BY_VALUE_StatusEnum[_status_raw]

            except (TypeError, ValueError, AttributeError, KeyError):
                status = _status_raw

        _date_last_modified_raw = _get("dateLastModified", _absent)
        date_last_modified: datetime.datetime | None
        if _date_last_modified_raw is _absent:
            date_last_modified = None
        elif _date_last_modified_raw is None:
            date_last_modified = None
            _nulls += ("dateLastModified",)
        else:
            date_last_modified = parse_datetime(_date_last_modified_raw)

        _metadata_raw = _get("metadata", _absent)
        metadata: Metadata | None
        if _metadata_raw is _absent:
            metadata = None
        elif _metadata_raw is None:
            metadata = None
            _nulls += ("metadata",)
        else:
            try:
                metadata = Metadata.from_dict(_metadata_raw)

            except (TypeError, ValueError, AttributeError, KeyError):
                metadata = _metadata_raw

        title = _get("title", _absent)
        if title is _absent:
            title = None
        elif title is None:
            _nulls += ("title",)

        _roles_raw = _get("roles", _absent)
        roles: list[ResourceRole | str] | None
        if _roles_raw is _absent:
            roles = None
        elif _roles_raw is None:
            roles = None
            _nulls += ("roles",)
        else:
            if isinstance(_roles_raw, list):
                try:
                    _items1: list[ResourceRole | str] = []
                    for _item1 in _roles_raw:
                        _parsed1: ResourceRole | str
                        try:
                            _parsed1 = _BY_VALUE_ResourceRole[_item1]

                        except (TypeError, ValueError, AttributeError, KeyError):
                            _parsed1 = _item1

                        _items1.append(_parsed1)
                    roles = _items1

                except (TypeError, ValueError, AttributeError, KeyError):
                    roles = cast(Any, _roles_raw)

            else:
                roles = _roles_raw

        _importance_raw = _get("importance", _absent)
        importance: Importance | str | None
        if _importance_raw is _absent:
            importance = None
        elif _importance_raw is None:
            importance = None
            _nulls += ("importance",)
        else:
            try:
                importance = _BY_VALUE_Importance[_importance_raw]

            except (TypeError, ValueError, AttributeError, KeyError):
                importance = _importance_raw

        vendor_resource_id = _get("vendorResourceId", _absent)
        if vendor_resource_id is _absent:
            vendor_resource_id = None
        elif vendor_resource_id is None:
            _nulls += ("vendorResourceId",)

        vendor_id = _get("vendorId", _absent)
        if vendor_id is _absent:
            vendor_id = None
        elif vendor_id is None:
            _nulls += ("vendorId",)

        application_id = _get("applicationId", _absent)
        if application_id is _absent:
            application_id = None
        elif application_id is None:
            _nulls += ("applicationId",)

        resource = cls.__new__(cls)
        resource.sourced_id = sourced_id
        resource.status = status
        resource.date_last_modified = date_last_modified
        resource.metadata = metadata
        resource.title = title
        resource.roles = roles
        resource.importance = importance
        resource.vendor_resource_id = vendor_resource_id
        resource.vendor_id = vendor_id
        resource.application_id = application_id
        resource._nulls = _nulls
        if _KNOWN_KEYS.issuperset(src_dict):
            resource.additional_properties = {}
        else:
            resource.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return resource

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
from ..models.metadata import Metadata

# value -> member tables for from_dict, typed once here instead of a cast() call per field per record.
_BY_VALUE_StatusEnum = cast(dict[str, StatusEnum], StatusEnum._value2member_map_)
_BY_VALUE_ResourceRole = cast(dict[str, ResourceRole], ResourceRole._value2member_map_)
_BY_VALUE_Importance = cast(dict[str, Importance], Importance._value2member_map_)
