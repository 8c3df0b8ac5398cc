from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.course_structure_request_course_structure import (
        CourseStructureRequestCourseStructure,
    )
    from ..models.write_payload import WritePayload


T = TypeVar("T", bound="CourseStructureRequest")


# oneroster-client: the keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "courseStructure",
        "course",
    }
)


@_attrs_define
class CourseStructureRequest:
    course_structure: CourseStructureRequestCourseStructure
    course: WritePayload
    """ A partial or complete record, sent as given (POST creates and PATCH updates). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        course_structure = self.course_structure.to_dict()

        course = self.course.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "courseStructure": course_structure,
                "course": course,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        _get = src_dict.get
        course_structure = CourseStructureRequestCourseStructure.from_dict(
            src_dict["courseStructure"]
        )

        course = WritePayload.from_dict(src_dict["course"])

        course_structure_request = cls.__new__(cls)
        course_structure_request.course_structure = course_structure
        course_structure_request.course = course

        if _KNOWN_KEYS.issuperset(src_dict):
            course_structure_request.additional_properties = {}
            return course_structure_request
        d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        course_structure_request.additional_properties = d
        return course_structure_request

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
from ..models.course_structure_request_course_structure import (
    CourseStructureRequestCourseStructure,
)
from ..models.write_payload import WritePayload
