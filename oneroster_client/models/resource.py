from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.importance import Importance
from ..models.resource_role import ResourceRole
from ..models.status_enum import StatusEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metadata import Metadata


T = TypeVar("T", bound="Resource")


# oneroster-client: the keys from_dict reads; any other key goes to additional_properties.
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


@_attrs_define
class Resource:
    sourced_id: str | Unset = UNSET
    status: StatusEnum | str | Unset = UNSET
    date_last_modified: datetime.datetime | Unset = UNSET
    metadata: Metadata | None | Unset = UNSET
    title: None | str | Unset = UNSET
    roles: list[ResourceRole | str] | None | Unset = UNSET
    importance: Importance | None | str | Unset = UNSET
    vendor_resource_id: str | Unset = UNSET
    vendor_id: None | str | Unset = UNSET
    application_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sourced_id = self.sourced_id

        status: str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, StatusEnum):
            status = self.status.value
        else:
            status = self.status

        date_last_modified: str | Unset = UNSET
        if not isinstance(self.date_last_modified, Unset):
            date_last_modified = self.date_last_modified.isoformat()

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, Metadata):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        roles: list[str] | None | Unset
        if isinstance(self.roles, Unset):
            roles = UNSET
        elif isinstance(self.roles, list):
            roles = []
            for roles_type_0_item_data in self.roles:
                roles_type_0_item: str
                if isinstance(roles_type_0_item_data, ResourceRole):
                    roles_type_0_item = roles_type_0_item_data.value
                else:
                    roles_type_0_item = roles_type_0_item_data
                roles.append(roles_type_0_item)

        else:
            roles = self.roles

        importance: None | str | Unset
        if isinstance(self.importance, Unset):
            importance = UNSET
        elif isinstance(self.importance, Importance):
            importance = self.importance.value
        else:
            importance = self.importance

        vendor_resource_id = self.vendor_resource_id

        vendor_id: None | str | Unset
        if isinstance(self.vendor_id, Unset):
            vendor_id = UNSET
        else:
            vendor_id = self.vendor_id

        application_id: None | str | Unset
        if isinstance(self.application_id, Unset):
            application_id = UNSET
        else:
            application_id = self.application_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if sourced_id is not UNSET:
            field_dict["sourcedId"] = sourced_id
        if status is not UNSET:
            field_dict["status"] = status
        if date_last_modified is not UNSET:
            field_dict["dateLastModified"] = date_last_modified
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if title is not UNSET:
            field_dict["title"] = title
        if roles is not UNSET:
            field_dict["roles"] = roles
        if importance is not UNSET:
            field_dict["importance"] = importance
        if vendor_resource_id is not UNSET:
            field_dict["vendorResourceId"] = vendor_resource_id
        if vendor_id is not UNSET:
            field_dict["vendorId"] = vendor_id
        if application_id is not UNSET:
            field_dict["applicationId"] = application_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        _get = src_dict.get
        sourced_id = _get("sourcedId", UNSET)

        _status_raw = _get("status", UNSET)
        status: StatusEnum | str | Unset
        if isinstance(_status_raw, str):
            try:
                componentsschemas_status_type_0 = _BY_VALUE_StatusEnum[_status_raw]

                status = componentsschemas_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                status = cast(StatusEnum | str | Unset, cast(object, _status_raw))
        else:
            status = _status_raw

        _date_last_modified = _get("dateLastModified", UNSET)
        date_last_modified: datetime.datetime | Unset
        if isinstance(_date_last_modified, Unset):
            date_last_modified = UNSET
        else:
            date_last_modified = datetime.datetime.fromisoformat(_date_last_modified)

        _metadata_raw = _get("metadata", UNSET)
        metadata: Metadata | None | Unset
        if isinstance(_metadata_raw, dict):
            try:
                metadata_type_0 = Metadata.from_dict(_metadata_raw)

                metadata = metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                metadata = cast(Metadata | None | Unset, cast(object, _metadata_raw))
        else:
            metadata = _metadata_raw

        title: None | str | Unset = _get("title", UNSET)

        _roles_raw = _get("roles", UNSET)
        roles: list[ResourceRole | str] | None | Unset
        if isinstance(_roles_raw, list):
            try:
                roles_type_0 = []
                _roles_type_0 = _roles_raw
                for roles_type_0_item_data in _roles_type_0:
                    _roles_type_0_item_raw = roles_type_0_item_data
                    roles_type_0_item: ResourceRole | str
                    if isinstance(_roles_type_0_item_raw, str):
                        try:
                            roles_type_0_item_type_0 = _BY_VALUE_ResourceRole[
                                _roles_type_0_item_raw
                            ]

                            roles_type_0_item = roles_type_0_item_type_0
                        except (TypeError, ValueError, AttributeError, KeyError):
                            roles_type_0_item = cast(
                                ResourceRole | str, cast(object, _roles_type_0_item_raw)
                            )
                    else:
                        roles_type_0_item = _roles_type_0_item_raw

                    roles_type_0.append(roles_type_0_item)

                roles = roles_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                roles = cast(
                    list[ResourceRole | str] | None | Unset, cast(object, _roles_raw)
                )
        else:
            roles = _roles_raw

        _importance_raw = _get("importance", UNSET)
        importance: Importance | None | str | Unset
        if isinstance(_importance_raw, str):
            try:
                importance_type_0 = _BY_VALUE_Importance[_importance_raw]

                importance = importance_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                importance = cast(
                    Importance | None | str | Unset, cast(object, _importance_raw)
                )
        else:
            importance = _importance_raw

        vendor_resource_id = _get("vendorResourceId", UNSET)

        vendor_id: None | str | Unset = _get("vendorId", UNSET)

        application_id: None | str | Unset = _get("applicationId", UNSET)

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

        if _KNOWN_KEYS.issuperset(src_dict):
            resource.additional_properties = {}
            return resource
        d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        resource.additional_properties = d
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


# oneroster-client: imported once, after the class, instead of inside every from_dict/to_dict
# call as the stock template does. Models refer to each other (in cycles, hence not at the top);
# an import statement per call was the largest single cost of parsing a page of records.
from ..models.metadata import Metadata

# oneroster-client: value -> member tables for from_dict, typed once here instead of a cast()
# call per field per record.
_BY_VALUE_StatusEnum = cast(dict[str, StatusEnum], StatusEnum._value2member_map_)
_BY_VALUE_ResourceRole = cast(dict[str, ResourceRole], ResourceRole._value2member_map_)
_BY_VALUE_Importance = cast(dict[str, Importance], Importance._value2member_map_)
