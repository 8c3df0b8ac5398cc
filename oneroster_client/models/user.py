from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.status_enum import StatusEnum
from ..models.true_false_enum import TrueFalseEnum
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
    from ..models.role_assignment import RoleAssignment
    from ..models.user_id import UserId
    from ..models.user_profile import UserProfile


# The keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "sourcedId",
        "status",
        "dateLastModified",
        "metadata",
        "userMasterIdentifier",
        "username",
        "userIds",
        "enabledUser",
        "givenName",
        "familyName",
        "middleName",
        "preferredFirstName",
        "preferredMiddleName",
        "preferredLastName",
        "pronouns",
        "roles",
        "userProfiles",
        "primaryOrg",
        "identifier",
        "email",
        "sms",
        "phone",
        "agents",
        "grades",
        "password",
        "resources",
    }
)
_FIELDS = (
    "sourced_id",
    "status",
    "date_last_modified",
    "metadata",
    "user_master_identifier",
    "username",
    "user_ids",
    "enabled_user",
    "given_name",
    "family_name",
    "middle_name",
    "preferred_first_name",
    "preferred_middle_name",
    "preferred_last_name",
    "pronouns",
    "roles",
    "user_profiles",
    "primary_org",
    "identifier",
    "email",
    "sms",
    "phone",
    "agents",
    "grades",
    "password",
    "resources",
)
# The keys whose null to_dict() writes back (absent and null both read as None).
_NULLABLE_KEYS = (
    "status",
    "dateLastModified",
    "metadata",
    "userMasterIdentifier",
    "username",
    "userIds",
    "enabledUser",
    "givenName",
    "familyName",
    "middleName",
    "preferredFirstName",
    "preferredMiddleName",
    "preferredLastName",
    "pronouns",
    "roles",
    "userProfiles",
    "primaryOrg",
    "identifier",
    "email",
    "sms",
    "phone",
    "agents",
    "grades",
    "password",
    "resources",
)


@_attrs_define(slots=False)
class User(LazyRecord):
    sourced_id: str

    status: StatusEnum | str | None = None

    date_last_modified: datetime.datetime | None = None

    metadata: Metadata | None = None

    user_master_identifier: str | None = None

    username: str | None = None

    user_ids: list[UserId] | None = None

    enabled_user: bool | str | TrueFalseEnum | None = None

    given_name: str | None = None

    family_name: str | None = None

    middle_name: str | None = None

    preferred_first_name: str | None = None

    preferred_middle_name: str | None = None

    preferred_last_name: str | None = None

    pronouns: str | None = None

    roles: list[RoleAssignment] | None = None

    user_profiles: list[UserProfile] | None = None

    primary_org: GUIDRef | None = None

    identifier: str | None = None

    email: str | None = None

    sms: str | None = None

    phone: str | None = None

    agents: list[GUIDRef] | None = None

    grades: list[str] | None = None

    password: str | None = None

    resources: list[GUIDRef] | None = None

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
        user_master_identifier = self.user_master_identifier
        if user_master_identifier is not None:
            field_dict["userMasterIdentifier"] = user_master_identifier
        elif "userMasterIdentifier" in nulls:
            field_dict["userMasterIdentifier"] = None
        username = self.username
        if username is not None:
            field_dict["username"] = username
        elif "username" in nulls:
            field_dict["username"] = None
        user_ids = self.user_ids
        if user_ids is not None:
            field_dict["userIds"] = (
                [
                    (_item0.to_dict() if isinstance(_item0, UserId) else _item0)
                    for _item0 in user_ids
                ]
                if isinstance(user_ids, list)
                else user_ids
            )
        elif "userIds" in nulls:
            field_dict["userIds"] = None
        enabled_user = self.enabled_user
        if enabled_user is not None:
            field_dict["enabledUser"] = (
                enabled_user.value
                if isinstance(enabled_user, TrueFalseEnum)
                else enabled_user
            )
        elif "enabledUser" in nulls:
            field_dict["enabledUser"] = None
        given_name = self.given_name
        if given_name is not None:
            field_dict["givenName"] = given_name
        elif "givenName" in nulls:
            field_dict["givenName"] = None
        family_name = self.family_name
        if family_name is not None:
            field_dict["familyName"] = family_name
        elif "familyName" in nulls:
            field_dict["familyName"] = None
        middle_name = self.middle_name
        if middle_name is not None:
            field_dict["middleName"] = middle_name
        elif "middleName" in nulls:
            field_dict["middleName"] = None
        preferred_first_name = self.preferred_first_name
        if preferred_first_name is not None:
            field_dict["preferredFirstName"] = preferred_first_name
        elif "preferredFirstName" in nulls:
            field_dict["preferredFirstName"] = None
        preferred_middle_name = self.preferred_middle_name
        if preferred_middle_name is not None:
            field_dict["preferredMiddleName"] = preferred_middle_name
        elif "preferredMiddleName" in nulls:
            field_dict["preferredMiddleName"] = None
        preferred_last_name = self.preferred_last_name
        if preferred_last_name is not None:
            field_dict["preferredLastName"] = preferred_last_name
        elif "preferredLastName" in nulls:
            field_dict["preferredLastName"] = None
        pronouns = self.pronouns
        if pronouns is not None:
            field_dict["pronouns"] = pronouns
        elif "pronouns" in nulls:
            field_dict["pronouns"] = None
        roles = self.roles
        if roles is not None:
            field_dict["roles"] = [
                (_item0.to_dict() if isinstance(_item0, RoleAssignment) else _item0)
                for _item0 in roles
            ]
        elif "roles" in nulls:
            field_dict["roles"] = None
        user_profiles = self.user_profiles
        if user_profiles is not None:
            field_dict["userProfiles"] = (
                [
                    (_item0.to_dict() if isinstance(_item0, UserProfile) else _item0)
                    for _item0 in user_profiles
                ]
                if isinstance(user_profiles, list)
                else user_profiles
            )
        elif "userProfiles" in nulls:
            field_dict["userProfiles"] = None
        primary_org = self.primary_org
        if primary_org is not None:
            field_dict["primaryOrg"] = (
                primary_org.to_dict()
                if isinstance(primary_org, GUIDRef)
                else primary_org
            )
        elif "primaryOrg" in nulls:
            field_dict["primaryOrg"] = None
        identifier = self.identifier
        if identifier is not None:
            field_dict["identifier"] = identifier
        elif "identifier" in nulls:
            field_dict["identifier"] = None
        email = self.email
        if email is not None:
            field_dict["email"] = email
        elif "email" in nulls:
            field_dict["email"] = None
        sms = self.sms
        if sms is not None:
            field_dict["sms"] = sms
        elif "sms" in nulls:
            field_dict["sms"] = None
        phone = self.phone
        if phone is not None:
            field_dict["phone"] = phone
        elif "phone" in nulls:
            field_dict["phone"] = None
        agents = self.agents
        if agents is not None:
            field_dict["agents"] = (
                [
                    (_item0.to_dict() if isinstance(_item0, GUIDRef) else _item0)
                    for _item0 in agents
                ]
                if isinstance(agents, list)
                else agents
            )
        elif "agents" in nulls:
            field_dict["agents"] = None
        grades = self.grades
        if grades is not None:
            field_dict["grades"] = grades if isinstance(grades, list) else grades
        elif "grades" in nulls:
            field_dict["grades"] = None
        password = self.password
        if password is not None:
            field_dict["password"] = password
        elif "password" in nulls:
            field_dict["password"] = None
        resources = self.resources
        if resources is not None:
            field_dict["resources"] = (
                [
                    (_item0.to_dict() if isinstance(_item0, GUIDRef) else _item0)
                    for _item0 in resources
                ]
                if isinstance(resources, list)
                else resources
            )
        elif "resources" in nulls:
            field_dict["resources"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the record from the provider's JSON object (see the module's notes on what is tolerated).

        The fields holding other models are checked now and built on first access, from the object
        given, which is kept: do not change it afterwards (pass a copy if you will).
        """
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a User must be a JSON object, got {type(src_dict).__name__}"
            )

        _get = src_dict.get
        try:
            sourced_id = src_dict["sourcedId"]
        except KeyError:
            raise MissingField("User", "sourcedId") from None
        if not isinstance(sourced_id, str):
            raise TypeError(
                f"User.sourcedId must be a str, got {type(sourced_id).__name__}"
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

        user_master_identifier = _get("userMasterIdentifier")

        username = _get("username")

        _enabled_user_raw = _get("enabledUser")
        enabled_user: bool | str | TrueFalseEnum | None
        if _enabled_user_raw is None:
            enabled_user = None
        else:
            try:
                _enabled_user_member = _BY_VALUE_TrueFalseEnum.get(_enabled_user_raw)
            except TypeError:
                _enabled_user_member = None
            if _enabled_user_member is not None:
                enabled_user = _enabled_user_member
            else:
                enabled_user = _enabled_user_raw

        given_name = _get("givenName")

        family_name = _get("familyName")

        middle_name = _get("middleName")

        preferred_first_name = _get("preferredFirstName")

        preferred_middle_name = _get("preferredMiddleName")

        preferred_last_name = _get("preferredLastName")

        pronouns = _get("pronouns")

        identifier = _get("identifier")

        email = _get("email")

        sms = _get("sms")

        phone = _get("phone")

        _grades_raw = _get("grades")
        grades: list[str] | None
        if _grades_raw is None:
            grades = None
        else:
            if isinstance(_grades_raw, list):
                try:
                    grades = _grades_raw

                except (TypeError, ValueError, AttributeError, KeyError):
                    grades = cast(Any, _grades_raw)

            else:
                grades = _grades_raw

        password = _get("password")

        _metadata_raw = _get("metadata")
        _user_ids_raw = _get("userIds")
        _roles_raw = _get("roles")
        if _roles_raw is not None:
            for _item in _roles_raw:
                if type(_item) is not dict and not isinstance(_item, Mapping):
                    raise TypeError(
                        f"a RoleAssignment must be a JSON object, got {type(_item).__name__}"
                    )

        _user_profiles_raw = _get("userProfiles")
        _primary_org_raw = _get("primaryOrg")
        _agents_raw = _get("agents")
        _resources_raw = _get("resources")
        user = cls.__new__(cls)
        user.sourced_id = sourced_id
        user.status = status
        user.date_last_modified = date_last_modified
        user.user_master_identifier = user_master_identifier
        user.username = username
        user.enabled_user = enabled_user
        user.given_name = given_name
        user.family_name = family_name
        user.middle_name = middle_name
        user.preferred_first_name = preferred_first_name
        user.preferred_middle_name = preferred_middle_name
        user.preferred_last_name = preferred_last_name
        user.pronouns = pronouns
        user.identifier = identifier
        user.email = email
        user.sms = sms
        user.phone = phone
        user.grades = grades
        user.password = password
        if _metadata_raw is None:
            user.metadata = None
        if _user_ids_raw is None:
            user.user_ids = None
        if _roles_raw is None:
            user.roles = None
        if _user_profiles_raw is None:
            user.user_profiles = None
        if _primary_org_raw is None:
            user.primary_org = None
        if _agents_raw is None:
            user.agents = None
        if _resources_raw is None:
            user.resources = None
        user._source = src_dict
        return user

    @staticmethod
    def _check(src_dict: Mapping[str, Any]) -> None:
        """Raise what from_dict would raise for ``src_dict``, building nothing (a record checks its nested models)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a User must be a JSON object, got {type(src_dict).__name__}"
            )

        try:
            _sourced_id_raw = src_dict["sourcedId"]
        except KeyError:
            raise MissingField("User", "sourcedId") from None
        if not isinstance(_sourced_id_raw, str):
            raise TypeError(
                f"User.sourcedId must be a str, got {type(_sourced_id_raw).__name__}"
            )

        _date_last_modified_raw = src_dict.get("dateLastModified")
        if _date_last_modified_raw is not None:
            parse_datetime(_date_last_modified_raw)

        _roles_raw = src_dict.get("roles")
        if _roles_raw is not None:
            for _item in _roles_raw:
                if type(_item) is not dict and not isinstance(_item, Mapping):
                    raise TypeError(
                        f"a RoleAssignment must be a JSON object, got {type(_item).__name__}"
                    )

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


def _read_user_ids(src_dict: Mapping[str, Any]) -> list[UserId] | None:
    _user_ids_raw = src_dict.get("userIds")
    if _user_ids_raw is None:
        return None
    user_ids: list[UserId]
    if isinstance(_user_ids_raw, list):
        try:
            user_ids = list(map(UserId.from_dict, _user_ids_raw))

        except (TypeError, ValueError, AttributeError, KeyError):
            user_ids = cast(Any, _user_ids_raw)

    else:
        user_ids = _user_ids_raw

    return user_ids


def _read_roles(src_dict: Mapping[str, Any]) -> list[RoleAssignment] | None:
    _roles_raw = src_dict.get("roles")
    if _roles_raw is None:
        return None
    roles: list[RoleAssignment]
    roles = list(map(RoleAssignment.from_dict, _roles_raw))

    return roles


def _read_user_profiles(src_dict: Mapping[str, Any]) -> list[UserProfile] | None:
    _user_profiles_raw = src_dict.get("userProfiles")
    if _user_profiles_raw is None:
        return None
    user_profiles: list[UserProfile]
    if isinstance(_user_profiles_raw, list):
        try:
            user_profiles = list(map(UserProfile.from_dict, _user_profiles_raw))

        except (TypeError, ValueError, AttributeError, KeyError):
            user_profiles = cast(Any, _user_profiles_raw)

    else:
        user_profiles = _user_profiles_raw

    return user_profiles


def _read_primary_org(src_dict: Mapping[str, Any]) -> GUIDRef | None:
    _primary_org_raw = src_dict.get("primaryOrg")
    if _primary_org_raw is None:
        return None
    primary_org: GUIDRef
    try:
        primary_org = GUIDRef.from_dict(_primary_org_raw)

    except (TypeError, ValueError, AttributeError, KeyError):
        primary_org = _primary_org_raw

    return primary_org


def _read_agents(src_dict: Mapping[str, Any]) -> list[GUIDRef] | None:
    _agents_raw = src_dict.get("agents")
    if _agents_raw is None:
        return None
    agents: list[GUIDRef]
    if isinstance(_agents_raw, list):
        try:
            agents = list(map(GUIDRef.from_dict, _agents_raw))

        except (TypeError, ValueError, AttributeError, KeyError):
            agents = cast(Any, _agents_raw)

    else:
        agents = _agents_raw

    return agents


def _read_resources(src_dict: Mapping[str, Any]) -> list[GUIDRef] | None:
    _resources_raw = src_dict.get("resources")
    if _resources_raw is None:
        return None
    resources: list[GUIDRef]
    if isinstance(_resources_raw, list):
        try:
            resources = list(map(GUIDRef.from_dict, _resources_raw))

        except (TypeError, ValueError, AttributeError, KeyError):
            resources = cast(Any, _resources_raw)

    else:
        resources = _resources_raw

    return resources


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
    User,
    {
        "metadata": _read_metadata,
        "user_ids": _read_user_ids,
        "roles": _read_roles,
        "user_profiles": _read_user_profiles,
        "primary_org": _read_primary_org,
        "agents": _read_agents,
        "resources": _read_resources,
        "_nulls": _read_nulls,
        "additional_properties": _read_additional_properties,
    },
)


# Imported once, after the class, instead of inside every from_dict/to_dict call as the stock template
# does. Models refer to each other (in cycles, hence not at the top).
from ..models.guid_ref import GUIDRef
from ..models.metadata import Metadata
from ..models.role_assignment import RoleAssignment
from ..models.user_id import UserId
from ..models.user_profile import UserProfile

# value -> member tables for from_dict, typed once here instead of a cast() call per field per record.
_BY_VALUE_StatusEnum = cast(dict[str, StatusEnum], StatusEnum._value2member_map_)
_BY_VALUE_TrueFalseEnum = cast(
    dict[str, TrueFalseEnum], TrueFalseEnum._value2member_map_
)
