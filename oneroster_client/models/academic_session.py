from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.academic_session_type import AcademicSessionType
from ..models.status_enum import StatusEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.guid_ref import GUIDRef
    from ..models.metadata import Metadata


T = TypeVar("T", bound="AcademicSession")


# oneroster-client: the keys from_dict reads; any other key goes to additional_properties.
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


@_attrs_define
class AcademicSession:
    sourced_id: str | Unset = UNSET
    status: StatusEnum | str | Unset = UNSET
    date_last_modified: datetime.datetime | Unset = UNSET
    metadata: Metadata | None | Unset = UNSET
    title: str | Unset = UNSET
    start_date: datetime.date | datetime.datetime | str | Unset = UNSET
    end_date: datetime.date | datetime.datetime | str | Unset = UNSET
    type_: AcademicSessionType | str | Unset = UNSET
    parent: GUIDRef | None | Unset = UNSET
    children: list[GUIDRef] | None | Unset = UNSET
    school_year: str | Unset = UNSET
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

        title = self.title

        start_date: str | Unset
        if isinstance(self.start_date, Unset):
            start_date = UNSET
        elif isinstance(self.start_date, datetime.date) or isinstance(
            self.start_date, datetime.datetime
        ):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        end_date: str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date) or isinstance(
            self.end_date, datetime.datetime
        ):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        type_: str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, AcademicSessionType):
            type_ = self.type_.value
        else:
            type_ = self.type_

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

        school_year = self.school_year

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
        if start_date is not UNSET:
            field_dict["startDate"] = start_date
        if end_date is not UNSET:
            field_dict["endDate"] = end_date
        if type_ is not UNSET:
            field_dict["type"] = type_
        if parent is not UNSET:
            field_dict["parent"] = parent
        if children is not UNSET:
            field_dict["children"] = children
        if school_year is not UNSET:
            field_dict["schoolYear"] = school_year

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

        title = _get("title", UNSET)

        _start_date_raw = _get("startDate", UNSET)
        start_date: datetime.date | datetime.datetime | str | Unset
        if isinstance(_start_date_raw, Unset):
            start_date = _start_date_raw
        else:

            def _parse_start_date(
                data: object,
            ) -> datetime.date | datetime.datetime | str | Unset:
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    componentsschemas_date_value_type_0 = datetime.date.fromisoformat(
                        data
                    )

                    return componentsschemas_date_value_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    componentsschemas_date_value_type_1 = (
                        datetime.datetime.fromisoformat(data)
                    )

                    return componentsschemas_date_value_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(datetime.date | datetime.datetime | str | Unset, data)

            start_date = _parse_start_date(_start_date_raw)

        _end_date_raw = _get("endDate", UNSET)
        end_date: datetime.date | datetime.datetime | str | Unset
        if isinstance(_end_date_raw, Unset):
            end_date = _end_date_raw
        else:

            def _parse_end_date(
                data: object,
            ) -> datetime.date | datetime.datetime | str | Unset:
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    componentsschemas_date_value_type_0 = datetime.date.fromisoformat(
                        data
                    )

                    return componentsschemas_date_value_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    componentsschemas_date_value_type_1 = (
                        datetime.datetime.fromisoformat(data)
                    )

                    return componentsschemas_date_value_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(datetime.date | datetime.datetime | str | Unset, data)

            end_date = _parse_end_date(_end_date_raw)

        _type__raw = _get("type", UNSET)
        type_: AcademicSessionType | str | Unset
        if isinstance(_type__raw, str):
            try:
                type_type_0 = _BY_VALUE_AcademicSessionType[_type__raw]

                type_ = type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                type_ = cast(
                    AcademicSessionType | str | Unset, cast(object, _type__raw)
                )
        else:
            type_ = _type__raw

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

        school_year = _get("schoolYear", UNSET)

        academic_session = cls.__new__(cls)
        academic_session.sourced_id = sourced_id
        academic_session.status = status
        academic_session.date_last_modified = date_last_modified
        academic_session.metadata = metadata
        academic_session.title = title
        academic_session.start_date = start_date
        academic_session.end_date = end_date
        academic_session.type_ = type_
        academic_session.parent = parent
        academic_session.children = children
        academic_session.school_year = school_year

        if _KNOWN_KEYS.issuperset(src_dict):
            academic_session.additional_properties = {}
            return academic_session
        d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        academic_session.additional_properties = d
        return academic_session

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
_BY_VALUE_AcademicSessionType = cast(
    dict[str, AcademicSessionType], AcademicSessionType._value2member_map_
)
