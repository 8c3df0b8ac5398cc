from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.academic_session_type import AcademicSessionType
from ..models.status_enum import StatusEnum
from ..types import (
    LazyRecord,
    MissingField,
    defer,
    parse_date,
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
        "title",
        "startDate",
        "endDate",
        "type",
        "parent",
        "children",
        "schoolYear",
    }
)
_FIELDS = (
    "sourced_id",
    "status",
    "date_last_modified",
    "metadata",
    "title",
    "start_date",
    "end_date",
    "type_",
    "parent",
    "children",
    "school_year",
)
# The keys whose null to_dict() writes back (absent and null both read as None).
_NULLABLE_KEYS = (
    "status",
    "dateLastModified",
    "metadata",
    "title",
    "startDate",
    "endDate",
    "type",
    "parent",
    "children",
    "schoolYear",
)


@_attrs_define(slots=False)
class AcademicSession(LazyRecord):
    sourced_id: str

    status: StatusEnum | str | None = None

    date_last_modified: datetime.datetime | None = None

    metadata: Metadata | None = None

    title: str | None = None

    start_date: datetime.date | datetime.datetime | str | None = None

    end_date: datetime.date | datetime.datetime | str | None = None

    type_: AcademicSessionType | str | None = None

    parent: GUIDRef | None = None

    children: list[GUIDRef] | None = None

    school_year: str | None = None

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
        start_date = self.start_date
        if start_date is not None:
            field_dict["startDate"] = (
                wire_datetime(start_date)
                if isinstance(start_date, datetime.datetime)
                else start_date.isoformat()
                if isinstance(start_date, datetime.date)
                else start_date
            )
        elif "startDate" in nulls:
            field_dict["startDate"] = None
        end_date = self.end_date
        if end_date is not None:
            field_dict["endDate"] = (
                wire_datetime(end_date)
                if isinstance(end_date, datetime.datetime)
                else end_date.isoformat()
                if isinstance(end_date, datetime.date)
                else end_date
            )
        elif "endDate" in nulls:
            field_dict["endDate"] = None
        type_ = self.type_
        if type_ is not None:
            field_dict["type"] = (
                type_.value if isinstance(type_, AcademicSessionType) else type_
            )
        elif "type" in nulls:
            field_dict["type"] = None
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
        school_year = self.school_year
        if school_year is not None:
            field_dict["schoolYear"] = school_year
        elif "schoolYear" in nulls:
            field_dict["schoolYear"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the record from the provider's JSON object (see the module's notes on what is tolerated).

        The fields holding other models are checked now and built on first access, from the object
        given, which is kept: do not change it afterwards (pass a copy if you will).
        """
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a AcademicSession must be a JSON object, got {type(src_dict).__name__}"
            )

        _get = src_dict.get
        try:
            sourced_id = src_dict["sourcedId"]
        except KeyError:
            raise MissingField("AcademicSession", "sourcedId") from None
        if not isinstance(sourced_id, str):
            raise TypeError(
                f"AcademicSession.sourcedId must be a str, got {type(sourced_id).__name__}"
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

        _start_date_raw = _get("startDate")
        start_date: datetime.date | datetime.datetime | str | None
        if _start_date_raw is None:
            start_date = None
        else:
            try:
                start_date = parse_date(_start_date_raw)

            except (TypeError, ValueError, AttributeError, KeyError):
                try:
                    start_date = parse_datetime(_start_date_raw)

                except (TypeError, ValueError, AttributeError, KeyError):
                    start_date = _start_date_raw

        _end_date_raw = _get("endDate")
        end_date: datetime.date | datetime.datetime | str | None
        if _end_date_raw is None:
            end_date = None
        else:
            try:
                end_date = parse_date(_end_date_raw)

            except (TypeError, ValueError, AttributeError, KeyError):
                try:
                    end_date = parse_datetime(_end_date_raw)

                except (TypeError, ValueError, AttributeError, KeyError):
                    end_date = _end_date_raw

        _type__raw = _get("type")
        type_: AcademicSessionType | str | None
        if _type__raw is None:
            type_ = None
        else:
            try:
                _type__member = _BY_VALUE_AcademicSessionType.get(_type__raw)
            except TypeError:
                _type__member = None
            if _type__member is not None:
                type_ = _type__member
            else:
                type_ = _type__raw

        school_year = _get("schoolYear")

        _metadata_raw = _get("metadata")
        _parent_raw = _get("parent")
        _children_raw = _get("children")
        academic_session = cls.__new__(cls)
        academic_session.sourced_id = sourced_id
        academic_session.status = status
        academic_session.date_last_modified = date_last_modified
        academic_session.title = title
        academic_session.start_date = start_date
        academic_session.end_date = end_date
        academic_session.type_ = type_
        academic_session.school_year = school_year
        if _metadata_raw is None:
            academic_session.metadata = None
        if _parent_raw is None:
            academic_session.parent = None
        if _children_raw is None:
            academic_session.children = None
        academic_session._source = src_dict
        return academic_session

    @staticmethod
    def _check(src_dict: Mapping[str, Any]) -> None:
        """Raise what from_dict would raise for ``src_dict``, building nothing (a record checks its nested models)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a AcademicSession must be a JSON object, got {type(src_dict).__name__}"
            )

        try:
            _sourced_id_raw = src_dict["sourcedId"]
        except KeyError:
            raise MissingField("AcademicSession", "sourcedId") from None
        if not isinstance(_sourced_id_raw, str):
            raise TypeError(
                f"AcademicSession.sourcedId must be a str, got {type(_sourced_id_raw).__name__}"
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
    AcademicSession,
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
_BY_VALUE_AcademicSessionType = cast(
    dict[str, AcademicSessionType], AcademicSessionType._value2member_map_
)
