from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.status_enum import StatusEnum
from ..models.true_false_enum import TrueFalseEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.demographics import Demographics
    from ..models.guid_ref import GUIDRef
    from ..models.metadata import Metadata
    from ..models.role_assignment import RoleAssignment
    from ..models.user_id import UserId
    from ..models.user_profile import UserProfile


T = TypeVar("T", bound="UserWithDemographics")


# oneroster-client: the keys from_dict reads; any other key goes to additional_properties.
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
        "demographics",
    }
)


@_attrs_define
class UserWithDemographics:
    """A user record with its demographics record (TimeBack's user-with-demographics)."""

    sourced_id: str | Unset = UNSET
    status: StatusEnum | str | Unset = UNSET
    date_last_modified: datetime.datetime | Unset = UNSET
    metadata: Metadata | None | Unset = UNSET
    user_master_identifier: None | str | Unset = UNSET
    username: None | str | Unset = UNSET
    user_ids: list[UserId] | None | Unset = UNSET
    enabled_user: bool | str | TrueFalseEnum | Unset = UNSET
    given_name: str | Unset = UNSET
    family_name: str | Unset = UNSET
    middle_name: None | str | Unset = UNSET
    preferred_first_name: None | str | Unset = UNSET
    preferred_middle_name: None | str | Unset = UNSET
    preferred_last_name: None | str | Unset = UNSET
    pronouns: None | str | Unset = UNSET
    roles: list[RoleAssignment] | Unset = UNSET
    user_profiles: list[UserProfile] | None | Unset = UNSET
    primary_org: GUIDRef | None | Unset = UNSET
    identifier: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    sms: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    agents: list[GUIDRef] | None | Unset = UNSET
    grades: list[str] | None | Unset = UNSET
    password: None | str | Unset = UNSET
    resources: list[GUIDRef] | None | Unset = UNSET
    demographics: Demographics | None | Unset = UNSET
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

        user_master_identifier: None | str | Unset
        if isinstance(self.user_master_identifier, Unset):
            user_master_identifier = UNSET
        else:
            user_master_identifier = self.user_master_identifier

        username: None | str | Unset
        if isinstance(self.username, Unset):
            username = UNSET
        else:
            username = self.username

        user_ids: list[dict[str, Any]] | None | Unset
        if isinstance(self.user_ids, Unset):
            user_ids = UNSET
        elif isinstance(self.user_ids, list):
            user_ids = []
            for user_ids_type_0_item_data in self.user_ids:
                user_ids_type_0_item = user_ids_type_0_item_data.to_dict()
                user_ids.append(user_ids_type_0_item)

        else:
            user_ids = self.user_ids

        enabled_user: bool | str | Unset
        if isinstance(self.enabled_user, Unset):
            enabled_user = UNSET
        elif isinstance(self.enabled_user, TrueFalseEnum):
            enabled_user = self.enabled_user.value
        else:
            enabled_user = self.enabled_user

        given_name = self.given_name

        family_name = self.family_name

        middle_name: None | str | Unset
        if isinstance(self.middle_name, Unset):
            middle_name = UNSET
        else:
            middle_name = self.middle_name

        preferred_first_name: None | str | Unset
        if isinstance(self.preferred_first_name, Unset):
            preferred_first_name = UNSET
        else:
            preferred_first_name = self.preferred_first_name

        preferred_middle_name: None | str | Unset
        if isinstance(self.preferred_middle_name, Unset):
            preferred_middle_name = UNSET
        else:
            preferred_middle_name = self.preferred_middle_name

        preferred_last_name: None | str | Unset
        if isinstance(self.preferred_last_name, Unset):
            preferred_last_name = UNSET
        else:
            preferred_last_name = self.preferred_last_name

        pronouns: None | str | Unset
        if isinstance(self.pronouns, Unset):
            pronouns = UNSET
        else:
            pronouns = self.pronouns

        roles: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.roles, Unset):
            roles = []
            for roles_item_data in self.roles:
                roles_item = roles_item_data.to_dict()
                roles.append(roles_item)

        user_profiles: list[dict[str, Any]] | None | Unset
        if isinstance(self.user_profiles, Unset):
            user_profiles = UNSET
        elif isinstance(self.user_profiles, list):
            user_profiles = []
            for user_profiles_type_0_item_data in self.user_profiles:
                user_profiles_type_0_item = user_profiles_type_0_item_data.to_dict()
                user_profiles.append(user_profiles_type_0_item)

        else:
            user_profiles = self.user_profiles

        primary_org: dict[str, Any] | None | Unset
        if isinstance(self.primary_org, Unset):
            primary_org = UNSET
        elif isinstance(self.primary_org, GUIDRef):
            primary_org = self.primary_org.to_dict()
        else:
            primary_org = self.primary_org

        identifier: None | str | Unset
        if isinstance(self.identifier, Unset):
            identifier = UNSET
        else:
            identifier = self.identifier

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        sms: None | str | Unset
        if isinstance(self.sms, Unset):
            sms = UNSET
        else:
            sms = self.sms

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        agents: list[dict[str, Any]] | None | Unset
        if isinstance(self.agents, Unset):
            agents = UNSET
        elif isinstance(self.agents, list):
            agents = []
            for agents_type_0_item_data in self.agents:
                agents_type_0_item = agents_type_0_item_data.to_dict()
                agents.append(agents_type_0_item)

        else:
            agents = self.agents

        grades: list[str] | None | Unset
        if isinstance(self.grades, Unset):
            grades = UNSET
        elif isinstance(self.grades, list):
            grades = self.grades

        else:
            grades = self.grades

        password: None | str | Unset
        if isinstance(self.password, Unset):
            password = UNSET
        else:
            password = self.password

        resources: list[dict[str, Any]] | None | Unset
        if isinstance(self.resources, Unset):
            resources = UNSET
        elif isinstance(self.resources, list):
            resources = []
            for resources_type_0_item_data in self.resources:
                resources_type_0_item = resources_type_0_item_data.to_dict()
                resources.append(resources_type_0_item)

        else:
            resources = self.resources

        demographics: dict[str, Any] | None | Unset
        if isinstance(self.demographics, Unset):
            demographics = UNSET
        elif isinstance(self.demographics, Demographics):
            demographics = self.demographics.to_dict()
        else:
            demographics = self.demographics

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
        if user_master_identifier is not UNSET:
            field_dict["userMasterIdentifier"] = user_master_identifier
        if username is not UNSET:
            field_dict["username"] = username
        if user_ids is not UNSET:
            field_dict["userIds"] = user_ids
        if enabled_user is not UNSET:
            field_dict["enabledUser"] = enabled_user
        if given_name is not UNSET:
            field_dict["givenName"] = given_name
        if family_name is not UNSET:
            field_dict["familyName"] = family_name
        if middle_name is not UNSET:
            field_dict["middleName"] = middle_name
        if preferred_first_name is not UNSET:
            field_dict["preferredFirstName"] = preferred_first_name
        if preferred_middle_name is not UNSET:
            field_dict["preferredMiddleName"] = preferred_middle_name
        if preferred_last_name is not UNSET:
            field_dict["preferredLastName"] = preferred_last_name
        if pronouns is not UNSET:
            field_dict["pronouns"] = pronouns
        if roles is not UNSET:
            field_dict["roles"] = roles
        if user_profiles is not UNSET:
            field_dict["userProfiles"] = user_profiles
        if primary_org is not UNSET:
            field_dict["primaryOrg"] = primary_org
        if identifier is not UNSET:
            field_dict["identifier"] = identifier
        if email is not UNSET:
            field_dict["email"] = email
        if sms is not UNSET:
            field_dict["sms"] = sms
        if phone is not UNSET:
            field_dict["phone"] = phone
        if agents is not UNSET:
            field_dict["agents"] = agents
        if grades is not UNSET:
            field_dict["grades"] = grades
        if password is not UNSET:
            field_dict["password"] = password
        if resources is not UNSET:
            field_dict["resources"] = resources
        if demographics is not UNSET:
            field_dict["demographics"] = demographics

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

        user_master_identifier: None | str | Unset = _get("userMasterIdentifier", UNSET)

        username: None | str | Unset = _get("username", UNSET)

        _user_ids_raw = _get("userIds", UNSET)
        user_ids: list[UserId] | None | Unset
        if isinstance(_user_ids_raw, list):
            try:
                user_ids_type_0 = [UserId.from_dict(item) for item in _user_ids_raw]

                user_ids = user_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                user_ids = cast(
                    list[UserId] | None | Unset, cast(object, _user_ids_raw)
                )
        else:
            user_ids = _user_ids_raw

        _enabled_user_raw = _get("enabledUser", UNSET)
        enabled_user: bool | str | TrueFalseEnum | Unset
        if isinstance(_enabled_user_raw, str):
            try:
                componentsschemas_true_false_type_0 = _BY_VALUE_TrueFalseEnum[
                    _enabled_user_raw
                ]

                enabled_user = componentsschemas_true_false_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                enabled_user = cast(
                    bool | str | TrueFalseEnum | Unset, cast(object, _enabled_user_raw)
                )
        else:
            enabled_user = _enabled_user_raw

        given_name = _get("givenName", UNSET)

        family_name = _get("familyName", UNSET)

        middle_name: None | str | Unset = _get("middleName", UNSET)

        preferred_first_name: None | str | Unset = _get("preferredFirstName", UNSET)

        preferred_middle_name: None | str | Unset = _get("preferredMiddleName", UNSET)

        preferred_last_name: None | str | Unset = _get("preferredLastName", UNSET)

        pronouns: None | str | Unset = _get("pronouns", UNSET)

        _roles = _get("roles", UNSET)
        roles: list[RoleAssignment] | Unset = UNSET
        if _roles is not UNSET:
            roles = [RoleAssignment.from_dict(item) for item in _roles]

        _user_profiles_raw = _get("userProfiles", UNSET)
        user_profiles: list[UserProfile] | None | Unset
        if isinstance(_user_profiles_raw, list):
            try:
                user_profiles_type_0 = [
                    UserProfile.from_dict(item) for item in _user_profiles_raw
                ]

                user_profiles = user_profiles_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                user_profiles = cast(
                    list[UserProfile] | None | Unset, cast(object, _user_profiles_raw)
                )
        else:
            user_profiles = _user_profiles_raw

        _primary_org_raw = _get("primaryOrg", UNSET)
        primary_org: GUIDRef | None | Unset
        if isinstance(_primary_org_raw, dict):
            try:
                primary_org_type_0 = GUIDRef.from_dict(_primary_org_raw)

                primary_org = primary_org_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                primary_org = cast(
                    GUIDRef | None | Unset, cast(object, _primary_org_raw)
                )
        else:
            primary_org = _primary_org_raw

        identifier: None | str | Unset = _get("identifier", UNSET)

        email: None | str | Unset = _get("email", UNSET)

        sms: None | str | Unset = _get("sms", UNSET)

        phone: None | str | Unset = _get("phone", UNSET)

        _agents_raw = _get("agents", UNSET)
        agents: list[GUIDRef] | None | Unset
        if isinstance(_agents_raw, list):
            try:
                agents_type_0 = [GUIDRef.from_dict(item) for item in _agents_raw]

                agents = agents_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                agents = cast(list[GUIDRef] | None | Unset, cast(object, _agents_raw))
        else:
            agents = _agents_raw

        _grades_raw = _get("grades", UNSET)
        grades: list[str] | None | Unset
        if isinstance(_grades_raw, list):
            try:
                grades_type_0 = cast(list[str], _grades_raw)

                grades = grades_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                grades = cast(list[str] | None | Unset, cast(object, _grades_raw))
        else:
            grades = _grades_raw

        password: None | str | Unset = _get("password", UNSET)

        _resources_raw = _get("resources", UNSET)
        resources: list[GUIDRef] | None | Unset
        if isinstance(_resources_raw, list):
            try:
                resources_type_0 = [GUIDRef.from_dict(item) for item in _resources_raw]

                resources = resources_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                resources = cast(
                    list[GUIDRef] | None | Unset, cast(object, _resources_raw)
                )
        else:
            resources = _resources_raw

        _demographics_raw = _get("demographics", UNSET)
        demographics: Demographics | None | Unset
        if isinstance(_demographics_raw, dict):
            try:
                demographics_type_0 = Demographics.from_dict(_demographics_raw)

                demographics = demographics_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                demographics = cast(
                    Demographics | None | Unset, cast(object, _demographics_raw)
                )
        else:
            demographics = _demographics_raw

        user_with_demographics = cls.__new__(cls)
        user_with_demographics.sourced_id = sourced_id
        user_with_demographics.status = status
        user_with_demographics.date_last_modified = date_last_modified
        user_with_demographics.metadata = metadata
        user_with_demographics.user_master_identifier = user_master_identifier
        user_with_demographics.username = username
        user_with_demographics.user_ids = user_ids
        user_with_demographics.enabled_user = enabled_user
        user_with_demographics.given_name = given_name
        user_with_demographics.family_name = family_name
        user_with_demographics.middle_name = middle_name
        user_with_demographics.preferred_first_name = preferred_first_name
        user_with_demographics.preferred_middle_name = preferred_middle_name
        user_with_demographics.preferred_last_name = preferred_last_name
        user_with_demographics.pronouns = pronouns
        user_with_demographics.roles = roles
        user_with_demographics.user_profiles = user_profiles
        user_with_demographics.primary_org = primary_org
        user_with_demographics.identifier = identifier
        user_with_demographics.email = email
        user_with_demographics.sms = sms
        user_with_demographics.phone = phone
        user_with_demographics.agents = agents
        user_with_demographics.grades = grades
        user_with_demographics.password = password
        user_with_demographics.resources = resources
        user_with_demographics.demographics = demographics

        if _KNOWN_KEYS.issuperset(src_dict):
            user_with_demographics.additional_properties = {}
            return user_with_demographics
        d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
        user_with_demographics.additional_properties = d
        return user_with_demographics

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
from ..models.demographics import Demographics
from ..models.guid_ref import GUIDRef
from ..models.metadata import Metadata
from ..models.role_assignment import RoleAssignment
from ..models.user_id import UserId
from ..models.user_profile import UserProfile

# oneroster-client: value -> member tables for from_dict, typed once here instead of a cast()
# call per field per record.
_BY_VALUE_StatusEnum = cast(dict[str, StatusEnum], StatusEnum._value2member_map_)
_BY_VALUE_TrueFalseEnum = cast(
    dict[str, TrueFalseEnum], TrueFalseEnum._value2member_map_
)
