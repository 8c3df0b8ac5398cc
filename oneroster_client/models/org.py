from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.org_type import OrgType
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
# The keys whose null to_dict() writes back (absent and null both read as None).
_NULLABLE_KEYS = (
    "status",
    "dateLastModified",
    "metadata",
    "name",
    "type",
    "identifier",
    "parent",
    "children",
)


@_attrs_define(slots=False)
class Org(LazyRecord):
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
        """Build the record from the provider's JSON object (see the module's notes on what is tolerated).

        The fields holding other models are checked now and built on first access, from the object
        given, which is kept: do not change it afterwards (pass a copy if you will).
        """
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a Org must be a JSON object, got {type(src_dict).__name__}"
            )

        _get = src_dict.get
        try:
            sourced_id = src_dict["sourcedId"]
        except KeyError:
            raise MissingField("Org", "sourcedId") from None
        if not isinstance(sourced_id, str):
            raise TypeError(
                f"Org.sourcedId must be a str, got {type(sourced_id).__name__}"
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

        name = _get("name")

        _type__raw = _get("type")
        type_: OrgType | str | None
        if _type__raw is None:
            type_ = None
        else:
            try:
                _type__member = _BY_VALUE_OrgType.get(_type__raw)
            except TypeError:
                _type__member = None
            if _type__member is not None:
                type_ = _type__member
            else:
                type_ = _type__raw

        identifier = _get("identifier")

        _metadata_raw = _get("metadata")
        _parent_raw = _get("parent")
        _children_raw = _get("children")
        org = cls.__new__(cls)
        org.sourced_id = sourced_id
        org.status = status
        org.date_last_modified = date_last_modified
        org.name = name
        org.type_ = type_
        org.identifier = identifier
        if _metadata_raw is None:
            org.metadata = None
        if _parent_raw is None:
            org.parent = None
        if _children_raw is None:
            org.children = None
        org._source = src_dict
        return org

    @staticmethod
    def _check(src_dict: Mapping[str, Any]) -> None:
        """Raise what from_dict would raise for ``src_dict``, building nothing (a record checks its nested models)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a Org must be a JSON object, got {type(src_dict).__name__}"
            )

        try:
            _sourced_id_raw = src_dict["sourcedId"]
        except KeyError:
            raise MissingField("Org", "sourcedId") from None
        if not isinstance(_sourced_id_raw, str):
            raise TypeError(
                f"Org.sourcedId must be a str, got {type(_sourced_id_raw).__name__}"
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


def _read_parent(src_dict: Mapping[str, Any]) -> GUIDRef | None:
    _parent_raw = src_dict.get("parent")
    if _parent_raw is None:
        return None
    parent: GUIDRef
    try:
        parent = GUIDRef.from_dict(_parent_raw)

    except (TypeError, ValueError, AttributeError, KeyError):
        parent = _parent_raw

    return parent


def _read_children(src_dict: Mapping[str, Any]) -> list[GUIDRef] | None:
    _children_raw = src_dict.get("children")
    if _children_raw is None:
        return None
    children: list[GUIDRef]
    if isinstance(_children_raw, list):
        try:
            children = list(map(GUIDRef.from_dict, _children_raw))

        except (TypeError, ValueError, AttributeError, KeyError):
            children = cast(Any, _children_raw)

    else:
        children = _children_raw

    return children


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
    Org,
    {
        "metadata": _read_metadata,
        "parent": _read_parent,
        "children": _read_children,
        "_nulls": _read_nulls,
        "additional_properties": _read_additional_properties,
    },
)


# Imported once, after the class, instead of inside every from_dict/to_dict call as the stock template
# does. Models refer to each other (in cycles, hence not at the top).
from ..models.guid_ref import GUIDRef
from ..models.metadata import Metadata

# value -> member tables for from_dict, typed once here instead of a cast() call per field per record.
_BY_VALUE_StatusEnum = cast(dict[str, StatusEnum], StatusEnum._value2member_map_)
_BY_VALUE_OrgType = cast(dict[str, OrgType], OrgType._value2member_map_)
