"""Drop-in connectors for code written against the ``oneroster`` 0.0.x package.

The 0.0.x package (``ClasslinkConnector``/``CleverConnector``) offered one call,
``get_users(user_filter=..., group_filter=..., group_name=..., match_groups_by=...)``,
returning plain dicts. The connectors here keep that call and its meaning, but run it on
``oneroster.OneRoster``: OAuth2 client credentials, server-side filters, paging, retries,
percent-encoded ids and typed errors.

What ``get_users`` does:

1. No ``group_filter``: every user, student or teacher (``GET /users|students|teachers``).
2. Else it finds the groups (classes, courses or schools) whose ``match_groups_by`` fields
   equal ``group_name`` with a server-side ``filter`` (``sourcedId='x' OR title='x'``), at
   most two clauses per request as the baseline of the spec allows, and then collects the
   students and/or teachers of those groups (a course's users are those of its classes).
3. Users are deduplicated by ``sourcedId`` in first-seen order and returned as dicts in the
   provider's JSON shape.

Example:
    ```python
    from oneroster.compat import ClasslinkConnector

    with ClasslinkConnector("https://district.example", "client-id", "client-secret") as connector:
        everyone = connector.get_users(user_filter="students")
        ela = connector.get_users(user_filter="students", group_filter="classes",
                                  group_name="ELA 6 (6A ELA)")
    ```

"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from types import TracebackType
from typing import Any, ClassVar, Final, Literal, Self, get_args

import attrs
import httpx

import oneroster_client.models as models
from oneroster.client import DEFAULT_TIMEOUT, OneRoster
from oneroster.errors import ValidationError
from oneroster.filters import Condition, F, check_field_name
from oneroster.profiles import PROFILES
from oneroster.resources import Listing
from oneroster.scopes import Scope

__all__ = [
    "DEFAULT_MATCH_GROUPS_BY",
    "ClasslinkConnector",
    "CleverConnector",
    "GroupFilter",
    "OneRosterConnector",
    "UserFilter",
    "Version",
]

UserFilter = Literal["users", "students", "teachers"]
"""Which users ``get_users`` returns; ``users`` means students and teachers."""

GroupFilter = Literal["classes", "courses", "schools"]
"""How users are grouped."""

Version = Literal["1.2", "1.1"]
"""The OneRoster version the provider serves."""

DEFAULT_MATCH_GROUPS_BY: Final[tuple[str, ...]] = ("sourcedId", "name", "title")
"""The fields compared with ``group_name`` unless told otherwise (the 0.0.x default)."""

_USER_FILTERS: Final[tuple[str, ...]] = get_args(UserFilter)
_GROUP_FILTERS: Final[tuple[str, ...]] = get_args(GroupFilter)
_PROFILE_OF_VERSION: Final[dict[Version, str]] = {"1.2": "ims", "1.1": "v1p1"}

# The spec's baseline: a server need only accept two clauses joined by one operator, so
# more match fields are split over several requests instead of one long OR.
_MAX_CLAUSES: Final = 2

_GROUP_MODELS: Final[dict[str, type[Any]]] = {
    "classes": models.Class,
    "courses": models.Course,
    "schools": models.Org,
}


def _json_name(attribute: str) -> str:
    """Return the JSON key of a generated attribute (``class_code``: ``classCode``, ``type_``: ``type``)."""
    head, *rest = attribute.rstrip("_").split("_")
    return head + "".join(part.capitalize() for part in rest)


def _is_string_field(annotation: object) -> bool:
    """Whether a generated annotation (``'None | str | Unset'``) holds a plain string on the wire."""
    parts = {part.strip() for part in str(annotation).split("|")}
    return "str" in parts and not any(part.startswith(("list[", "dict[")) for part in parts)


def _fields_of(model: type[Any]) -> tuple[frozenset[str], frozenset[str]]:
    """Return (all JSON field names, string-valued JSON field names) of a generated model."""
    names: set[str] = set()
    strings: set[str] = set()
    for attribute in attrs.fields(model):
        if attribute.name == "additional_properties":
            continue
        names.add(_json_name(attribute.name))
        if _is_string_field(attribute.type):
            strings.add(_json_name(attribute.name))
    return frozenset(names), frozenset(strings)


_GROUP_FIELDS: Final[dict[str, tuple[frozenset[str], frozenset[str]]]] = {
    group: _fields_of(model) for group, model in _GROUP_MODELS.items()
}


def _field_list(value: object, *, argument: str) -> tuple[str, ...]:
    """Normalise ``match_groups_by`` (one name or a sequence of names) and check each name."""
    names: list[object] = [value] if isinstance(value, str) else list(_iterable(value, argument=argument))
    if not names:
        raise ValidationError(f"{argument} must name at least one field", field=argument)
    checked: list[str] = []
    for name in names:
        try:
            valid = check_field_name(name)
        except ValidationError as exc:
            raise ValidationError(f"{argument}: {exc}", field=argument) from None
        if valid not in checked:
            checked.append(valid)
    return tuple(checked)


def _iterable(value: object, *, argument: str) -> Iterable[object]:
    if isinstance(value, Iterable) and not isinstance(value, bytes | Mapping):
        return value
    raise ValidationError(
        f"{argument} must be a field name or a list of field names, got {type(value).__name__}",
        field=argument,
    )


def _match_fields(group_filter: str, names: Sequence[str]) -> tuple[str, ...]:
    """Return the fields of ``names`` that can match a group of this kind.

    A field of another kind of group (``name`` for classes, ``title`` for schools) can never
    match and is left out, as the 0.0.x package's default list relies on. Dotted names
    (``metadata.ext:room``) are the server's to judge. A field no group has, or one that is
    not a string (``grades``), raises ``ValidationError``.
    """
    fields, strings = _GROUP_FIELDS[group_filter]
    every_field = frozenset().union(*(f for f, _ in _GROUP_FIELDS.values()))
    every_string = frozenset().union(*(s for _, s in _GROUP_FIELDS.values()))
    chosen: list[str] = []
    for name in names:
        if "." in name or name in strings:
            chosen.append(name)
        elif name in fields or (name in every_field and name not in every_string):
            raise ValidationError(
                f"match_groups_by: {name!r} is not a string field of {group_filter}; only string "
                f"fields can be compared with group_name (string fields: {sorted(strings)})",
                field="match_groups_by",
            )
        elif name not in every_field:
            raise ValidationError(
                f"match_groups_by: {name!r} is not a field of classes, courses or schools "
                f"(string fields of {group_filter}: {sorted(strings)})",
                field="match_groups_by",
            )
    if not chosen:
        raise ValidationError(
            f"match_groups_by: none of {list(names)} is a field of {group_filter} "
            f"(string fields: {sorted(strings)})",
            field="match_groups_by",
        )
    return tuple(chosen)


def _group_conditions(fields: Sequence[str], group_name: str) -> list[Condition]:
    """Build the OR filters that find the groups, at most ``_MAX_CLAUSES`` clauses each."""
    conditions: list[Condition] = []
    for start in range(0, len(fields), _MAX_CLAUSES):
        clauses: list[Condition] = [F(name) == group_name for name in fields[start : start + _MAX_CLAUSES]]
        condition = clauses[0]
        for clause in clauses[1:]:
            condition = condition | clause
        conditions.append(condition)
    return conditions


def _lookup(record: Mapping[str, Any], dotted: str) -> object:
    value: object = record
    for part in dotted.split("."):
        if not isinstance(value, Mapping):
            return None
        value = value.get(part)
    return value


def _is_match(record: Mapping[str, Any], fields: Sequence[str], group_name: str) -> bool:
    """Whether one of ``fields`` equals ``group_name`` (case-insensitively, as 0.0.x compared)."""
    wanted = group_name.casefold()
    return any(
        isinstance(value, str) and value.casefold() == wanted
        for value in (_lookup(record, name) for name in fields)
    )


def _wire_timestamp(value: dt.datetime) -> str:
    """Format a timestamp the way OneRoster servers send it (``2019-03-01T18:14:45.000Z``)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _as_dict(record: Any) -> dict[str, Any]:
    """Return a record as the provider's JSON object (what the 0.0.x package returned)."""
    data: dict[str, Any] = record.to_dict()
    # to_dict() writes "+00:00"; keep the "...Z" text the provider (and 0.0.x) used.
    stamp = getattr(record, "date_last_modified", None)
    if isinstance(stamp, dt.datetime):
        data["dateLastModified"] = _wire_timestamp(stamp)
    return data


def _sourced_id(record: Any) -> str | None:
    value = getattr(record, "sourced_id", None)
    return value if isinstance(value, str) else None


def _unique(records: Iterable[Any]) -> Iterator[Any]:
    """Yield records whose sourcedId was not seen before (records without one are all kept)."""
    seen: set[str] = set()
    for record in records:
        key = _sourced_id(record)
        if key is not None:
            if key in seen:
                continue
            seen.add(key)
        yield record


class OneRosterConnector:
    """A 0.0.x-style connector: ``get_users`` over the ``oneroster.OneRoster`` client.

    ``ClasslinkConnector`` and ``CleverConnector`` are this class with other defaults.

    Args:
        host: the provider's URL, e.g. ``https://district.example``. A URL ending in the
            OneRoster root (``.../ims/oneroster/v1p1/`` as 0.0.x took it, or
            ``.../ims/oneroster/rostering/v1p2``) is accepted: the root is cut off and
            sets ``version`` unless given.
        client_id: the OAuth2 client id.
        client_secret: the OAuth2 client secret.
        host_name: alias of ``host`` (the keyword the 0.0.x quick start used).
        version: ``"1.2"`` (roots ``/ims/oneroster/rostering/v1p2``) or ``"1.1"``
            (``/ims/oneroster/v1p1``); default: from ``host``, else the connector's default.
        token_url: the OAuth2 token endpoint; default ``<host>/oauth/token``.
        token: a bearer token to send instead of client credentials.
        scopes: OAuth2 scopes to ask for (default: the read scopes of OneRoster 1.2).
        match_groups_by: fields compared with ``group_name``; default
            ``("sourcedId", "name", "title")``. Also settable later as an attribute.
        page_size: ``limit`` of each page request (default: the server's).
        timeout: seconds for connect/read/write.
        max_retries: retries of a request on 429/502/503/504 and network faults.
        http_client: an ``httpx.Client`` to send through (proxies, certificates, tests).

    Example:
        ```python
        from oneroster.compat import OneRosterConnector

        connector = OneRosterConnector("https://sis.example", "id", "secret", version="1.2")
        teachers = connector.get_users(user_filter="teachers", group_filter="schools",
                                       group_name="Lincoln High")
        connector.close()
        ```

    """

    default_version: ClassVar[Version] = "1.2"
    """The OneRoster version assumed when neither ``version`` nor ``host`` says."""

    default_match_groups_by: ClassVar[tuple[str, ...]] = DEFAULT_MATCH_GROUPS_BY
    """The fields compared with ``group_name`` when neither constructor nor call names any."""

    token_path: ClassVar[str] = "/oauth/token"
    """Path below ``host`` of the token endpoint used when ``token_url`` is not given."""

    def __init__(
        self,
        host: str | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        *,
        host_name: str | None = None,
        version: Version | None = None,
        token_url: str | None = None,
        token: str | None = None,
        scopes: Sequence[str] | None = None,
        match_groups_by: str | Sequence[str] | None = None,
        page_size: int | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = 3,
        http_client: httpx.Client | None = None,
    ) -> None:
        if host is not None and host_name is not None:
            raise ValidationError("pass host or host_name, not both", field="host")
        url = host if host is not None else host_name
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise ValidationError(f"host must be an http(s) URL, got {url!r}", field="host")
        base, version_in_url = self._split_root(url)
        if version is not None and version not in _PROFILE_OF_VERSION:
            raise ValidationError(f"version must be '1.2' or '1.1', got {version!r}", field="version")
        if version is not None and version_in_url is not None and version != version_in_url:
            raise ValidationError(
                f"host {url!r} is a OneRoster {version_in_url} root but version={version!r}", field="version"
            )
        self.version: Version = version or version_in_url or self.default_version
        self.host = base
        self._match_groups_by = _field_list(
            self.default_match_groups_by if match_groups_by is None else match_groups_by,
            argument="match_groups_by",
        )
        if token is None and token_url is None:
            token_url = base + self.token_path
        self._client = OneRoster(
            base_url=base,
            client_id=client_id,
            client_secret=client_secret,
            token_url=token_url,
            token=token,
            profile=_PROFILE_OF_VERSION[self.version],
            scopes=scopes,
            timeout=timeout,
            max_retries=max_retries,
            page_size=page_size,
            http_client=http_client,
        )

    @staticmethod
    def _split_root(url: str) -> tuple[str, Version | None]:
        """Cut a OneRoster root off the end of ``url``; return the base and the version it names."""
        base = url.rstrip("/")
        for version, profile in _PROFILE_OF_VERSION.items():
            root = PROFILES[profile].roots["rostering"]
            if base.endswith(root):
                return base[: -len(root)], version
        return base, None

    def __repr__(self) -> str:
        return f"{type(self).__name__}(host={self.host!r}, version={self.version!r})"

    @property
    def client(self) -> OneRoster:
        """The ``OneRoster`` client underneath, for everything beyond ``get_users``.

        Example:
            ```python
            for klass in connector.client.classes.stream(where={"status": "active"}):
                print(klass.title)
            ```

        """
        return self._client

    @property
    def match_groups_by(self) -> tuple[str, ...]:
        """The fields compared with ``group_name`` when ``get_users`` is not given any.

        Setting it accepts one name or a list of names, as 0.0.x did.

        Example:
            ```python
            connector.match_groups_by = ["sourcedId", "title", "location"]
            connector.match_groups_by = "location"
            ```

        """
        return self._match_groups_by

    @match_groups_by.setter
    def match_groups_by(self, value: str | Sequence[str]) -> None:
        self._match_groups_by = _field_list(value, argument="match_groups_by")

    def get_users(
        self,
        *,
        user_filter: UserFilter,
        group_filter: GroupFilter | None = None,
        group_name: str | None = None,
        match_groups_by: str | Sequence[str] | None = None,
        match_on: str | Sequence[str] | None = None,
    ) -> list[dict[str, Any]]:
        """Return the users of the groups named ``group_name``, or every user, as dicts.

        Every argument is checked before a request is sent; a bad one raises
        ``oneroster.ValidationError``. Server answers surface as ``oneroster`` errors
        (``NotFound``, ``ServerError``, ``TransportError``...). No matching group gives ``[]``.

        Args:
            user_filter: ``"students"``, ``"teachers"``, or ``"users"`` (with a group: its
                students then its teachers; without one: every user, ``GET /users``).
            group_filter: ``"classes"``, ``"courses"`` or ``"schools"``; ``None`` for no group.
            group_name: the value the groups' ``match_groups_by`` fields must equal.
            match_groups_by: field name(s) for this call; default: the connector's.
            match_on: alias of ``match_groups_by`` (the 0.0.17 keyword).

        Returns:
            The users, each once (by ``sourcedId``, first seen first), in the provider's
            JSON shape (``{"sourcedId": ..., "givenName": ..., ...}``).

        Example:
            ```python
            r302 = connector.get_users(user_filter="students", group_filter="classes",
                                       group_name="302", match_groups_by="location")
            print(len(r302), r302[0]["givenName"] if r302 else None)
            ```

        """
        if user_filter not in _USER_FILTERS:
            raise ValidationError(
                f"user_filter must be one of {list(_USER_FILTERS)}, got {user_filter!r}", field="user_filter"
            )
        if match_groups_by is not None and match_on is not None:
            raise ValidationError("pass match_groups_by or match_on, not both", field="match_on")
        chosen = match_groups_by if match_groups_by is not None else match_on
        names = self._match_groups_by if chosen is None else _field_list(chosen, argument="match_groups_by")
        if group_filter is None:
            if group_name is not None:
                raise ValidationError(
                    "group_name needs group_filter ('classes', 'courses' or 'schools')", field="group_name"
                )
            return [_as_dict(user) for user in _unique(self._everyone(user_filter))]
        if group_filter not in _GROUP_FILTERS:
            raise ValidationError(
                f"group_filter must be one of {list(_GROUP_FILTERS)} or None, got {group_filter!r}",
                field="group_filter",
            )
        if not isinstance(group_name, str) or not group_name.strip():
            raise ValidationError("group_name must be a non-empty string", field="group_name")
        fields = _match_fields(group_filter, names)
        # Built now so that a value the filter syntax cannot carry fails before any request.
        conditions = _group_conditions(fields, group_name)
        group_ids = self._group_ids(group_filter, conditions, fields, group_name)
        users = self._members(group_filter, group_ids, user_filter)
        return [_as_dict(user) for user in _unique(users)]

    def _everyone(self, user_filter: str) -> Iterator[Any]:
        # The 0.0.x filter names are the client's collection names (users, students, teachers).
        collection: Listing[Any] = getattr(self._client, user_filter)
        yield from collection.stream()

    def _group_ids(
        self, group_filter: str, conditions: Sequence[Condition], fields: Sequence[str], group_name: str
    ) -> list[str]:
        """Return the sourcedIds of the matching groups, first found first."""
        collection: Listing[Any] = getattr(self._client, group_filter)
        ids: list[str] = []
        for condition in conditions:
            for group in collection.stream(where=condition):
                sourced_id = _sourced_id(group)
                # Re-checked here: a server that ignores filter= would otherwise hand back
                # every group, and with them every user.
                if (
                    sourced_id is None
                    or sourced_id in ids
                    or not _is_match(_as_dict(group), fields, group_name)
                ):
                    continue
                ids.append(sourced_id)
        return ids

    def _members(self, group_filter: str, group_ids: Sequence[str], user_filter: str) -> Iterator[Any]:
        """Yield the students and/or teachers of the groups (duplicates included)."""
        roles = ("students", "teachers") if user_filter == "users" else (user_filter,)
        scopes: Iterator[Scope]
        if group_filter == "schools":
            scopes = (self._client.schools(school_id) for school_id in group_ids)
        else:
            class_ids = group_ids if group_filter == "classes" else self._classes_of_courses(group_ids)
            scopes = (self._client.classes(class_id) for class_id in class_ids)
        for scope in scopes:
            for role in roles:
                # ``scope.students`` / ``scope.teachers``: GET .../{id}/students|teachers.
                listing: Listing[Any] = getattr(scope, role)
                yield from listing.stream()

    def _classes_of_courses(self, course_ids: Sequence[str]) -> Iterator[str]:
        seen: set[str] = set()
        for course_id in course_ids:
            for klass in self._client.courses(course_id).classes.stream():
                class_id = _sourced_id(klass)
                if class_id is not None and class_id not in seen:
                    seen.add(class_id)
                    yield class_id

    def close(self) -> None:
        """Close the connections. Safe to call twice.

        Example:
            ```python
            connector = ClasslinkConnector("https://district.example", "id", "secret")
            try:
                users = connector.get_users(user_filter="users")
            finally:
                connector.close()
            ```

        """
        self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc_value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class ClasslinkConnector(OneRosterConnector):
    """The 0.0.x ``ClasslinkConnector``: a ClassLink roster server, OneRoster 1.1 by default.

    ClassLink serves OneRoster 1.1 under ``/ims/oneroster/v1p1`` (the root every URL of the
    0.0.x documentation uses); pass ``version="1.2"`` for a 1.2 tenant. Authentication is
    OAuth2 client credentials: the 0.0.x package's OAuth 1.0a request signing is not
    supported, so ask for OAuth2 credentials and their token URL.

    Example:
        ```python
        from oneroster.compat import ClasslinkConnector

        connector = ClasslinkConnector("https://district.example", "client-id", "client-secret",
                                       token_url="https://district.example/oauth/token")
        students = connector.get_users(user_filter="students")
        ```

    """

    default_version: ClassVar[Version] = "1.1"


class CleverConnector(OneRosterConnector):
    """The 0.0.x ``CleverConnector``, for a OneRoster provider; OneRoster 1.2 by default.

    The 0.0.x class spoke Clever's own (non-OneRoster) API with a bearer token. This one
    speaks OneRoster: point it at a OneRoster host, with client credentials or ``token=``.

    Example:
        ```python
        from oneroster.compat import CleverConnector

        connector = CleverConnector("https://oneroster.district.example", token="bearer-token")
        teachers = connector.get_users(user_filter="teachers", group_filter="schools", group_name="7")
        ```

    """

    default_version: ClassVar[Version] = "1.2"
