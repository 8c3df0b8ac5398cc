"""Contains some shared types for properties"""

import datetime
import json
from collections.abc import Callable, Mapping, MutableMapping
from http import HTTPStatus
from types import ModuleType
from typing import IO, Any, BinaryIO, Final, Generic, Literal, TypeVar

import httpx
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
"""A marker telling a key the provider left out from one it sent as null (``record.get(key, ABSENT)``).

On a model both are ``None``; which keys came as null is kept for to_dict()."""


class LazyRecord:
    """The base of the record models (those with a required ``sourcedId``): the JSON object from_dict kept.

    A record's fields that hold other models (references, roles, ids...) are checked by from_dict
    and built from this object on their first access, one field at a time (see ``defer``). A
    record built by its constructor keeps none.
    """

    _source: Mapping[str, Any] | None = None


class Deferred:
    """A record field read from the record's kept JSON object on first access, then held by the record.

    A non-data descriptor: once the instance holds the attribute (read once, or set by the caller),
    the instance's value is what Python returns and this is never reached again for it.
    """

    __slots__ = ("name", "read")

    def __init__(self, name: str, read: Callable[[Mapping[str, Any]], Any]) -> None:
        self.name = name
        self.read = read

    def __get__(self, record: LazyRecord | None, owner: type | None = None) -> Any:
        if record is None:
            return self
        source = record._source
        if source is None:  # built by the constructor, and the attribute deleted since
            raise AttributeError(
                f"{type(record).__name__!r} object has no attribute {self.name!r}"
            )
        value = self.read(source)
        setattr(record, self.name, value)
        return value


def defer(
    cls: type[LazyRecord], readers: dict[str, Callable[[Mapping[str, Any]], Any]]
) -> None:
    """Make each named field of the record class ``cls`` read by its reader on first access (``Deferred``)."""
    for name, read in readers.items():
        setattr(cls, name, Deferred(name, read))


class MissingField(KeyError):
    """A record lacks a field its model requires (on every OneRoster record: ``sourcedId``)."""

    def __init__(self, model: str, key: str) -> None:
        super().__init__(key)
        self.model = model
        self.key = key

    def __str__(self) -> str:
        return f"{self.key!r} is missing: every {self.model} record needs one"


_orjson: ModuleType | None
try:  # the optional `speedups` extra
    import orjson as _orjson
except ImportError:  # pragma: no cover - depends on the environment
    _orjson = None


def decode_json(content: bytes) -> Any:
    """Decode a JSON body: with orjson when installed (the ``speedups`` extra), else the standard library.

    orjson decodes a page of records in about half the time. It is stricter (no ``NaN``, no
    integers beyond 64 bits, UTF-8 only), so a body it refuses is decoded again by the standard
    library, which then decides: the answer is always what ``json.loads`` gives.
    """
    if _orjson is not None:
        try:
            return _orjson.loads(content)
        except _orjson.JSONDecodeError:
            pass
    return json.loads(content)


def released(response: httpx.Response) -> httpx.Response:
    """Return ``response``, read, without httpx's cycle between it and its stream: freed when dropped.

    httpx wraps every body in a stream that refers back to its response (to set ``elapsed``), so a
    response, its body included, is only freed by the cyclic garbage collector, which may run pages
    later (encode/httpx#3733). Once the body is read the stream is done: it is swapped for one over
    the same bytes, holding no response.
    """
    if not response.is_stream_consumed:
        return response  # a streamed answer: its reader still needs the stream
    response.stream = httpx.ByteStream(response.content)
    return response


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
    "Deferred",
    "File",
    "FileTypes",
    "LazyRecord",
    "MissingField",
    "RequestFiles",
    "Response",
    "Unset",
    "decode_json",
    "defer",
    "parse_date",
    "parse_datetime",
    "present_repr",
    "released",
    "wire_datetime",
]
