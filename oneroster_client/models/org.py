from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.org_type import OrgType
from ..models.status_enum import StatusEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.guid_ref import GUIDRef
    from ..models.metadata import Metadata


T = TypeVar("T", bound="Org")


# oneroster-client: the keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "sourcedId",
        "status",
        "dateLastModified",
        "metadata",
        "name",
        "type",
        "identifier",
        "parent",
        "children",
    }
)


@_attrs_define
class Org:
    sourced_id: str | Unset = UNSET
    status: StatusEnum | str | Unset = UNSET
    date_last_modified: datetime.datetime | Unset = UNSET
    metadata: Metadata | None | Unset = UNSET
    name: str | Unset = UNSET
    type_: OrgType | str | Unset = UNSET
    identifier: str | Unset = UNSET
    parent: GUIDRef | None | Unset = UNSET
    children: list[GUIDRef] | None | Unset = UNSET
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

        name = self.name

        type_: str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, OrgType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        identifier = self.identifier

        parent: dict[str, Any] | None | Unset
        if isinstance(self.parent, Unset):
            parent = UNSET
        elif isinstance(self.parent, GUIDRef):
            parent = self.parent.to_dict()
        else:
            parent = self.parent

        children: list[dict[str, Any]] | None | Unset
        if isinstance(self.children, Unset):
            children = UNSET
        elif isinstance(self.children, list):
            children = []
            for children_type_0_item_data in self.children:
                children_type_0_item = children_type_0_item_data.to_dict()
                children.append(children_type_0_item)

        else:
            children = self.children

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
        if name is not UNSET:
            field_dict["name"] = name
        if type_ is not UNSET:
            field_dict["type"] = type_
        if identifier is not UNSET:
            field_dict["identifier"] = identifier
        if parent is not UNSET:
            field_dict["parent"] = parent
        if children is not UNSET:
            field_dict["children"] = children

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

        name = _get("name", UNSET)

        _type__raw = _get("type", UNSET)
        type_: OrgType | str | Unset
        if isinstance(_type__raw, str):
            try:
                type_type_0 = _BY_VALUE_OrgType[_type__raw]

                type_ = type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                type_ = cast(OrgType | str | Unset, cast(object, _type__raw))
        else:
            type_ = _type__raw

        identifier = _get("identifier", UNSET)

        _parent_raw = _get("parent", UNSET)
        parent: GUIDRef | None | Unset
        if isinstance(_parent_raw, dict):
            try:
                parent_type_0 = GUIDRef.from_dict(_parent_raw)

                parent = parent_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                parent = cast(GUIDRef | None | Unset, cast(object, _parent_raw))
        else:
            parent = _parent_raw

        _children_raw = _get("children", UNSET)
        children: list[GUIDRef] | None | Unset
        if isinstance(_children_raw, list):
            try:
                children_type_0 = [GUIDRef.from_dict(item) for item in _children_raw]

                children = children_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                children = cast(
                    list[GUIDRef] | None | Unset, cast(object, _children_raw)
                )
        else:
            children = _children_raw

        org = cls.__new__(cls)
        org.sourced_id = sourced_id
        org.status = status
        org.date_last_modified = date_last_modified
        org.metadata = metadata
        org.name = name
        org.type_ = type_
        org.identifier = identifier
        org.parent = parent
        org.children = children

        if _KNOWN_KEYS.issuperset(src_dict):
            org.additional_properties = {}
            return org
        d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        org.additional_properties = d
        return org

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
from ..models.guid_ref import GUIDRef
from ..models.metadata import Metadata

# oneroster-client: value -> member tables for from_dict, typed once here instead of a cast()
# call per field per record.
_BY_VALUE_StatusEnum = cast(dict[str, StatusEnum], StatusEnum._value2member_map_)
_BY_VALUE_OrgType = cast(dict[str, OrgType], OrgType._value2member_map_)
