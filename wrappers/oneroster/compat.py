"""Drop-in connectors for code written against the ``oneroster`` 0.0.x package.

The 0.0.x package (``ClasslinkConnector``/``CleverConnector``) offered one call,
``get_users(user_filter=..., group_filter=..., group_name=..., match_groups_by=...)``,
returning plain dicts. The connectors here keep that call and its meaning, but run it on
``oneroster.OneRoster``: OAuth2 client credentials, server-side filters, paging, retries,
percent-encoded ids and typed errors.

0.0.x scripts run unchanged: ``import oneroster; oneroster.ClasslinkConnector(...)`` finds the
connectors at the top level, the old constructor arguments are accepted (``max_users`` caps the
result as before, ``access_token`` is the bearer token; those without a meaning here, such as
``key_identifier='id'``, are ignored with a :class:`LegacyArgumentWarning` naming them), and the
user dicts carry the OneRoster 1.1 keys ``role`` and ``orgs`` beside the 1.2 ``roles``. Whether the
provider serves OneRoster 1.2 or 1.1 is asked of the provider itself on first use (a one-record read
of ``orgs`` under the 1.2 root, else the 1.1 root), unless the host or ``version=`` says.

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
import itertools
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from types import TracebackType
from typing import Any, ClassVar, Final, Literal, Self, get_args

import attrs
import httpx

import oneroster_client.models as models
from oneroster.client import DEFAULT_TIMEOUT, OneRoster
from oneroster.errors import NotFound, ValidationError
from oneroster.filters import Condition, F, check_field_name
from oneroster.profiles import PROFILES
from oneroster.resources import Listing
from oneroster.scopes import Scope

__all__ = [
    "DEFAULT_MATCH_GROUPS_BY",
    "ClasslinkConnector",
    "CleverConnector",
    "GroupFilter",
    "LegacyArgumentWarning",
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


class LegacyArgumentWarning(DeprecationWarning):
    """A 0.0.x constructor argument that has no meaning here was given; it is ignored.

    Example:
        ```python
        import warnings
        from oneroster.compat import LegacyArgumentWarning

        warnings.simplefilter("error", LegacyArgumentWarning)   # make a script fail on them instead
        ```

    """


# 0.0.x options that are accepted and ignored, with the reason given in the warning.
_IGNORED: Final[dict[str, str]] = {
    "platform": "the connector class already says which provider",
    "all_users_filter": "pass user_filter= to get_users()",
    "default_group_filter": "pass group_filter= to get_users()",
    "default_user_filter": "pass user_filter= to get_users()",
    "key_identifier": "groups are always keyed by sourcedId, the OneRoster identifier",
}
# 1.2 role names and the 1.1 name a 0.0.x script compared with (1.1 had one 'administrator').
_ROLE_1P1: Final[dict[str, str]] = {
    "districtAdministrator": "administrator",
    "siteAdministrator": "administrator",
    "systemAdministrator": "administrator",
    "principal": "administrator",
}

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


def _user_dict(record: Any) -> dict[str, Any]:
    """Return a user as the provider's JSON plus the OneRoster 1.1 keys ``role`` and ``orgs`` 0.0.x read.

    ``role`` is the primary role's name (1.2's administrator roles read ``administrator``, as
    in 1.1); ``orgs`` lists the orgs of the roles, primary first, else the ``primaryOrg``.
    Keys the provider already sent (a 1.1 provider sends both) are left as they are.
    """
    data = _as_dict(record)
    roles = [r for r in data.get("roles") or [] if isinstance(r, Mapping)]
    roles.sort(key=lambda r: r.get("roleType") != "primary")
    if "role" not in data and roles and isinstance(roles[0].get("role"), str):
        data["role"] = _ROLE_1P1.get(roles[0]["role"], roles[0]["role"])
    if "orgs" not in data:
        orgs: list[Any] = []
        for org in [r.get("org") for r in roles] or [data.get("primaryOrg")]:
            if isinstance(org, Mapping) and org.get("sourcedId") not in {o.get("sourcedId") for o in orgs}:
                orgs.append(dict(org))
        data["orgs"] = orgs
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

    ``ClasslinkConnector`` and ``CleverConnector`` are this class under the 0.0.x names.

    Args:
        host: the provider's URL, e.g. ``https://district.example``. A URL ending in the
            OneRoster root (``.../ims/oneroster/v1p1/`` as 0.0.x took it, or
            ``.../ims/oneroster/rostering/v1p2``) is accepted: the root is cut off and
            sets ``version`` unless given. The 0.0.x options dict (``{"host": ...,
            "client_id": ..., ...}``) is accepted in its place.
        client_id: the OAuth2 client id.
        client_secret: the OAuth2 client secret.
        host_name: alias of ``host`` (the keyword the 0.0.x quick start used).
        version: ``"1.2"`` (roots ``/ims/oneroster/rostering/v1p2``) or ``"1.1"``
            (``/ims/oneroster/v1p1``); default: from ``host``, else asked of the provider on
            first use (1.2 if it serves the 1.2 root, else 1.1; neither is a ``ValidationError``
            naming ``version=``).
        token_url: the OAuth2 token endpoint; default ``<host>/oauth/token``.
        token: a bearer token to send instead of client credentials (``access_token`` in 0.0.x).
        scopes: OAuth2 scopes to ask for (default: the read scopes of OneRoster 1.2).
        match_groups_by: fields compared with ``group_name``; default
            ``("sourcedId", "name", "title")``. Also settable later as an attribute
            (``match_on`` is the 0.0.x spelling).
        max_users: return at most this many users from ``get_users`` (0: no limit), as 0.0.x
            did; ``max_user_count`` / ``max_user_limit`` are its other spellings.
        page_size: ``limit`` of each page request (default, or 0 as in 0.0.x: the server's).
        timeout: seconds for connect/read/write.
        max_retries: retries of a request on 429/502/503/504 and network faults.
        http_client: an ``httpx.Client`` to send through (proxies, certificates, tests).
        **legacy: other 0.0.x options (``key_identifier``, ``platform``...): ignored, with a
            :class:`LegacyArgumentWarning` naming each one.

    Example:
        ```python
        from oneroster.compat import OneRosterConnector

        connector = OneRosterConnector("https://sis.example", "id", "secret", version="1.2")
        teachers = connector.get_users(user_filter="teachers", group_filter="schools",
                                       group_name="Lincoln High")
        connector.close()
        ```

    """

    default_match_groups_by: ClassVar[tuple[str, ...]] = DEFAULT_MATCH_GROUPS_BY
    """The fields compared with ``group_name`` when neither constructor nor call names any."""

    token_path: ClassVar[str] = "/oauth/token"
    """Path below ``host`` of the token endpoint used when ``token_url`` is not given."""

    def __init__(
        self,
        host: str | Mapping[str, Any] | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        *,
        host_name: str | None = None,
        version: Version | None = None,
        token_url: str | None = None,
        token: str | None = None,
        access_token: str | None = None,
        scopes: Sequence[str] | None = None,
        match_groups_by: str | Sequence[str] | None = None,
        match_on: str | Sequence[str] | None = None,
        max_users: int | None = None,
        max_user_count: int | None = None,
        max_user_limit: int | None = None,
        page_size: int | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = 3,
        http_client: httpx.Client | None = None,
        **legacy: Any,
    ) -> None:
        if isinstance(host, Mapping):
            # The 0.0.x connectors took one options dict: ClasslinkConnector({"host": ..., ...}).
            # Its entries fill what the call did not give; entries with no parameter are legacy.
            given: dict[str, Any] = {
                "host": None, "client_id": client_id, "client_secret": client_secret,
                "access_token": access_token, "match_groups_by": match_groups_by, "match_on": match_on,
                "max_users": max_users, "max_user_count": max_user_count, "max_user_limit": max_user_limit,
                "page_size": page_size,
            }  # fmt: skip
            for name, value in host.items():
                if name in given:
                    given[name] = value if given[name] is None else given[name]
                else:
                    legacy.setdefault(name, value)
            host, client_id, client_secret = given["host"], given["client_id"], given["client_secret"]
            access_token, match_groups_by, match_on = (
                given["access_token"],
                given["match_groups_by"],
                given["match_on"],
            )
            max_users, max_user_count = given["max_users"], given["max_user_count"]
            max_user_limit, page_size = given["max_user_limit"], given["page_size"]
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
        if token is not None and access_token is not None and token != access_token:
            raise ValidationError("pass token or access_token, not both", field="token")
        if match_groups_by is not None and match_on is not None:
            raise ValidationError("pass match_groups_by or match_on, not both", field="match_on")
        self.max_users = _user_cap(max_users, max_user_count, max_user_limit)
        self._warn_ignored(legacy, stacklevel=2)
        self.version: Version | None = version or version_in_url
        self.host = base
        self._match_groups_by = _field_list(
            next((v for v in (match_groups_by, match_on) if v is not None), self.default_match_groups_by),
            argument="match_groups_by",
        )
        token = token if token is not None else access_token
        if token is None and token_url is None:
            token_url = base + self.token_path
        if isinstance(page_size, int) and not isinstance(page_size, bool) and page_size <= 0:
            page_size = None  # 0.0.x: a page size of 0 or less meant "as large as the server allows"
        self._settings: dict[str, Any] = {
            "base_url": base,
            "client_id": client_id,
            "client_secret": client_secret,
            "token_url": token_url,
            "token": token,
            "scopes": scopes,
            "timeout": timeout,
            "max_retries": max_retries,
            "page_size": page_size,
            "http_client": http_client,
        }
        # Built now, so that bad settings fail here as in 0.0.x; when nobody said which version the
        # provider serves, this 1.2 client first asks it (on first use, see _connect).
        self._client_version: Version = self.version or "1.2"
        self._client = self._build(self._client_version)
        self._probed = self.version is not None

    @staticmethod
    def _warn_ignored(legacy: Mapping[str, Any], *, stacklevel: int) -> None:
        for name, value in legacy.items():
            if name == "key_identifier" and value == "sourcedId":
                continue  # what the connector does anyway
            reason = _IGNORED.get(name, "it has no meaning for this connector")
            warnings.warn(
                f"{name}={value!r} is a oneroster 0.0.x option that is ignored: {reason}",
                LegacyArgumentWarning,
                stacklevel=stacklevel + 1,
            )

    def _build(self, version: Version) -> OneRoster:
        return OneRoster(profile=_PROFILE_OF_VERSION[version], **self._settings)

    def _connect(self) -> OneRoster:
        """Return the client, asking the provider for its OneRoster version first if nobody said.

        The question is one read of one org (a collection every provider serves) under the 1.2
        root, then under the 1.1 root; a 404 means "not this root", anything else is raised.
        """
        if self._probed:
            return self._client
        versions: tuple[Version, ...] = ("1.2", "1.1")
        for version in versions:
            if version != self._client_version:
                self._client.close()
                self._client, self._client_version = self._build(version), version
            try:
                self._client.orgs.list(limit=1)
            except NotFound:
                continue
            self.version, self._probed = version, True
            return self._client
        raise ValidationError(
            f"{self.host} answers 404 under both the OneRoster 1.2 root (/ims/oneroster/rostering/v1p2) "
            "and the 1.1 root (/ims/oneroster/v1p1): check the host, or pass version='1.2' or version='1.1' "
            "(or the full root as the host)",
            field="version",
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
        return self._connect()

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
            return self._users(self._everyone(user_filter))
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
        return self._users(self._members(group_filter, group_ids, user_filter))

    def _users(self, users: Iterable[Any]) -> list[dict[str, Any]]:
        """Return the distinct users as 0.0.x dicts, at most ``max_users`` (no more pages asked for)."""
        distinct = _unique(users)
        if self.max_users:
            distinct = itertools.islice(distinct, self.max_users)
        return [_user_dict(user) for user in distinct]

    def _everyone(self, user_filter: str) -> Iterator[Any]:
        # The 0.0.x filter names are the client's collection names (users, students, teachers).
        collection: Listing[Any] = getattr(self._connect(), user_filter)
        yield from collection.stream()

    def _group_ids(
        self, group_filter: str, conditions: Sequence[Condition], fields: Sequence[str], group_name: str
    ) -> list[str]:
        """Return the sourcedIds of the matching groups, first found first."""
        collection: Listing[Any] = getattr(self._connect(), group_filter)
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
            scopes = (self._connect().schools(school_id) for school_id in group_ids)
        else:
            class_ids = group_ids if group_filter == "classes" else self._classes_of_courses(group_ids)
            scopes = (self._connect().classes(class_id) for class_id in class_ids)
        for scope in scopes:
            for role in roles:
                # ``scope.students`` / ``scope.teachers``: GET .../{id}/students|teachers.
                listing: Listing[Any] = getattr(scope, role)
                yield from listing.stream()

    def _classes_of_courses(self, course_ids: Sequence[str]) -> Iterator[str]:
        seen: set[str] = set()
        for course_id in course_ids:
            for klass in self._connect().courses(course_id).classes.stream():
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
    """The 0.0.x ``ClasslinkConnector``: a ClassLink (or any OneRoster) roster server.

    ClassLink served OneRoster 1.1 under ``/ims/oneroster/v1p1`` (the root every URL of the
    0.0.x documentation uses); a host given with that root is 1.1, a bare host is asked which
    version it serves. Authentication is OAuth2 client credentials: the 0.0.x package's
    OAuth 1.0a request signing is not supported, so ask for OAuth2 credentials and their token
    URL.

    Example:
        ```python
        import oneroster

        connector = oneroster.ClasslinkConnector("https://district.example", "client-id", "client-secret",
                                                 token_url="https://district.example/oauth/token")
        students = connector.get_users(user_filter="students")
        ```

    """


class CleverConnector(OneRosterConnector):
    """The 0.0.x ``CleverConnector``, for a OneRoster provider.

    The 0.0.x class spoke Clever's own (non-OneRoster) API with a bearer token. This one
    speaks OneRoster: point it at a OneRoster host, with client credentials or ``token=``
    (``access_token=`` as 0.0.x called it).

    Example:
        ```python
        import oneroster

        connector = oneroster.CleverConnector("https://oneroster.district.example", access_token="tok")
        teachers = connector.get_users(user_filter="teachers", group_filter="schools", group_name="7")
        ```

    """


def _user_cap(*values: object) -> int:
    """Return the 0.0.x user limit (``max_users`` or its spellings): a non-negative int, 0 for none."""
    given = [v for v in values if v is not None]
    if len(set(map(repr, given))) > 1:
        raise ValidationError("max_users, max_user_count and max_user_limit disagree", field="max_users")
    cap = given[0] if given else 0
    if isinstance(cap, bool) or not isinstance(cap, int) or cap < 0:
        raise ValidationError(f"max_users must be a non-negative integer, got {cap!r}", field="max_users")
    return cap
