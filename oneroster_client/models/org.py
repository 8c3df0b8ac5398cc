from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.org_type import OrgType
from ..models.status_enum import StatusEnum
from ..types import (
    ABSENT,
    MissingField,
    parse_datetime,
    present_repr,
    wire_datetime,
)

if TYPE_CHECKING:
    from ..models.guid_ref import GUIDRef
    from ..models.metadata import Metadata


# The keys from_dict reads; any other key goes to additional_properties.
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
_FIELDS = (
    "sourced_id",
    "status",
    "date_last_modified",
    "metadata",
    "name",
    "type_",
    "identifier",
    "parent",
    "children",
)


@_attrs_define
class Org:
    sourced_id: str

    status: StatusEnum | str | None = None

    date_last_modified: datetime.datetime | None = None

    metadata: Metadata | None = None

    name: str | None = None

    type_: OrgType | str | None = None

    identifier: str | None = None

    parent: GUIDRef | None = None

    children: list[GUIDRef] | None = None

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
        name = self.name
        if name is not None:
            field_dict["name"] = name
        elif "name" in nulls:
            field_dict["name"] = None
        type_ = self.type_
        if type_ is not None:
            field_dict["type"] = type_.value if isinstance(type_, OrgType) else type_
        elif "type" in nulls:
            field_dict["type"] = None
        identifier = self.identifier
        if identifier is not None:
            field_dict["identifier"] = identifier
        elif "identifier" in nulls:
            field_dict["identifier"] = None
        parent = self.parent
        if parent is not None:
            field_dict["parent"] = (
                parent.to_dict() if isinstance(parent, GUIDRef) else parent
            )
        elif "parent" in nulls:
            field_dict["parent"] = None
        children = self.children
        if children is not None:
            field_dict["children"] = (
                [
                    (_item0.to_dict() if isinstance(_item0, GUIDRef) else _item0)
                    for _item0 in children
                ]
                if isinstance(children, list)
                else children
            )
        elif "children" in nulls:
            field_dict["children"] = None
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
            raise MissingField("Org", "sourcedId") from None
        if not isinstance(sourced_id, str):
            raise TypeError(
                f"Org.sourcedId must be a str, got {type(sourced_id).__name__}"
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

        name = _get("name", _absent)
        if name is _absent:
            name = None
        elif name is None:
            _nulls += ("name",)

        _type__raw = _get("type", _absent)
        type_: OrgType | str | None
        if _type__raw is _absent:
            type_ = None
        elif _type__raw is None:
            type_ = None
            _nulls += ("type",)
        else:
            try:
                type_ = _BY_VALUE_OrgType[_type__raw]

            except (TypeError, ValueError, AttributeError, KeyError):
                type_ = _type__raw

        identifier = _get("identifier", _absent)
        if identifier is _absent:
            identifier = None
        elif identifier is None:
            _nulls += ("identifier",)

        _parent_raw = _get("parent", _absent)
        parent: GUIDRef | None
        if _parent_raw is _absent:
            parent = None
        elif _parent_raw is None:
            parent = None
            _nulls += ("parent",)
        else:
            try:
                parent = GUIDRef.from_dict(_parent_raw)

            except (TypeError, ValueError, AttributeError, KeyError):
                parent = _parent_raw

        _children_raw = _get("children", _absent)
        children: list[GUIDRef] | None
        if _children_raw is _absent:
            children = None
        elif _children_raw is None:
            children = None
            _nulls += ("children",)
        else:
            if isinstance(_children_raw, list):
                try:
                    children = list(map(GUIDRef.from_dict, _children_raw))

                except (TypeError, ValueError, AttributeError, KeyError):
                    children = cast(Any, _children_raw)

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
        org._nulls = _nulls
        if _KNOWN_KEYS.issuperset(src_dict):
            org.additional_properties = {}
        else:
            org.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
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


# Imported once, after the class, instead of inside every from_dict/to_dict call as the stock template
# does. Models refer to each other (in cycles, hence not at the top).
from ..models.guid_ref import GUIDRef
from ..models.metadata import Metadata

# value -> member tables for from_dict, typed once here instead of a cast() call per field per record.
_BY_VALUE_StatusEnum = cast(dict[str, StatusEnum], StatusEnum._value2member_map_)
_BY_VALUE_OrgType = cast(dict[str, OrgType], OrgType._value2member_map_)
