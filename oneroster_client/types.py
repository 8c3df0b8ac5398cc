"""Contains some shared types for properties"""

import datetime
from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, BinaryIO, Final, Generic, Literal, TypeVar

from attrs import define


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


# oneroster-client: what the models share.

ABSENT: Final = object()
"""The default a model's from_dict reads a key with: tells a key the provider left out from one it sent as null.

It never leaves from_dict: a field that is absent or null is ``None`` on the model."""


class MissingField(KeyError):
    """A record lacks a field its model requires (on every OneRoster record: ``sourcedId``)."""

    def __init__(self, model: str, key: str) -> None:
        super().__init__(key)
        self.model = model
        self.key = key

    def __str__(self) -> str:
        return f"{self.key!r} is missing: every {self.model} record needs one"


# Bound once: a module global call instead of two attribute lookups per date field per record.
parse_date = datetime.date.fromisoformat
parse_datetime = datetime.datetime.fromisoformat


def wire_datetime(value: datetime.datetime) -> str:
    """Write a date-time the way OneRoster providers send it: UTC as ``2026-01-05T10:00:00.000Z``.

    Milliseconds as the binding writes them (finer digits are kept when there are any); an offset
    other than UTC, or none, is written as it is.
    """
    text = value.isoformat(
        timespec="milliseconds" if value.microsecond % 1000 == 0 else "microseconds"
    )
    if text.endswith("+00:00"):
        return text[:-6] + "Z"
    return text


def present_repr(instance: object, names: tuple[str, ...]) -> str:
    """``Model(field=value, ...)`` with only the fields that hold a value (not None), then any vendor fields."""
    parts = [
        f"{name}={value!r}"
        for name in names
        if (value := getattr(instance, name)) is not None
    ]
    extras = getattr(instance, "additional_properties", None)
    if extras:
        parts.append(f"additional_properties={extras!r}")
    return f"{type(instance).__name__}({', '.join(parts)})"


__all__ = [
    "ABSENT",
    "UNSET",
    "File",
    "FileTypes",
    "MissingField",
    "RequestFiles",
    "Response",
    "Unset",
    "parse_date",
    "parse_datetime",
    "present_repr",
    "wire_datetime",
]
