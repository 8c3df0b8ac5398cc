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
    from ..models.guid_ref import GUIDRef
    from ..models.metadata import Metadata
    from ..models.role_assignment import RoleAssignment
    from ..models.user_id import UserId
    from ..models.user_profile import UserProfile


T = TypeVar("T", bound="User")


@_attrs_define
class User:
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

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        sourced_id = d.pop("sourcedId", UNSET)

        _status_raw = d.pop("status", UNSET)
        status: StatusEnum | str | Unset
        if isinstance(_status_raw, str):
            try:
                componentsschemas_status_type_0 = cast(
                    StatusEnum, StatusEnum._value2member_map_[_status_raw]
                )

                status = componentsschemas_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                status = cast(StatusEnum | str | Unset, cast(object, _status_raw))
        else:
            status = _status_raw

        _date_last_modified = d.pop("dateLastModified", UNSET)
        date_last_modified: datetime.datetime | Unset
        if isinstance(_date_last_modified, Unset):
            date_last_modified = UNSET
        else:
            date_last_modified = datetime.datetime.fromisoformat(_date_last_modified)

        _metadata_raw = d.pop("metadata", UNSET)
        metadata: Metadata | None | Unset
        if isinstance(_metadata_raw, dict):
            try:
                metadata_type_0 = Metadata.from_dict(_metadata_raw)

                metadata = metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                metadata = cast(Metadata | None | Unset, cast(object, _metadata_raw))
        else:
            metadata = _metadata_raw

        user_master_identifier: None | str | Unset = d.pop(
            "userMasterIdentifier", UNSET
        )

        username: None | str | Unset = d.pop("username", UNSET)

        _user_ids_raw = d.pop("userIds", UNSET)
        user_ids: list[UserId] | None | Unset
        if isinstance(_user_ids_raw, list):
            try:
                user_ids_type_0 = []
                _user_ids_type_0 = _user_ids_raw
                for user_ids_type_0_item_data in _user_ids_type_0:
                    user_ids_type_0_item = UserId.from_dict(user_ids_type_0_item_data)

                    user_ids_type_0.append(user_ids_type_0_item)

                user_ids = user_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                user_ids = cast(
                    list[UserId] | None | Unset, cast(object, _user_ids_raw)
                )
        else:
            user_ids = _user_ids_raw

        _enabled_user_raw = d.pop("enabledUser", UNSET)
        enabled_user: bool | str | TrueFalseEnum | Unset
        if isinstance(_enabled_user_raw, str):
            try:
                componentsschemas_true_false_type_0 = cast(
                    TrueFalseEnum, TrueFalseEnum._value2member_map_[_enabled_user_raw]
                )

                enabled_user = componentsschemas_true_false_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                enabled_user = cast(
                    bool | str | TrueFalseEnum | Unset, cast(object, _enabled_user_raw)
                )
        else:
            enabled_user = _enabled_user_raw

        given_name = d.pop("givenName", UNSET)

        family_name = d.pop("familyName", UNSET)

        middle_name: None | str | Unset = d.pop("middleName", UNSET)

        preferred_first_name: None | str | Unset = d.pop("preferredFirstName", UNSET)

        preferred_middle_name: None | str | Unset = d.pop("preferredMiddleName", UNSET)

        preferred_last_name: None | str | Unset = d.pop("preferredLastName", UNSET)

        pronouns: None | str | Unset = d.pop("pronouns", UNSET)

        _roles = d.pop("roles", UNSET)
        roles: list[RoleAssignment] | Unset = UNSET
        if _roles is not UNSET:
            roles = []
            for roles_item_data in _roles:
                roles_item = RoleAssignment.from_dict(roles_item_data)

                roles.append(roles_item)

        _user_profiles_raw = d.pop("userProfiles", UNSET)
        user_profiles: list[UserProfile] | None | Unset
        if isinstance(_user_profiles_raw, list):
            try:
                user_profiles_type_0 = []
                _user_profiles_type_0 = _user_profiles_raw
                for user_profiles_type_0_item_data in _user_profiles_type_0:
                    user_profiles_type_0_item = UserProfile.from_dict(
                        user_profiles_type_0_item_data
                    )

                    user_profiles_type_0.append(user_profiles_type_0_item)

                user_profiles = user_profiles_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                user_profiles = cast(
                    list[UserProfile] | None | Unset, cast(object, _user_profiles_raw)
                )
        else:
            user_profiles = _user_profiles_raw

        _primary_org_raw = d.pop("primaryOrg", UNSET)
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

        identifier: None | str | Unset = d.pop("identifier", UNSET)

        email: None | str | Unset = d.pop("email", UNSET)

        sms: None | str | Unset = d.pop("sms", UNSET)

        phone: None | str | Unset = d.pop("phone", UNSET)

        _agents_raw = d.pop("agents", UNSET)
        agents: list[GUIDRef] | None | Unset
        if isinstance(_agents_raw, list):
            try:
                agents_type_0 = []
                _agents_type_0 = _agents_raw
                for agents_type_0_item_data in _agents_type_0:
                    agents_type_0_item = GUIDRef.from_dict(agents_type_0_item_data)

                    agents_type_0.append(agents_type_0_item)

                agents = agents_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                agents = cast(list[GUIDRef] | None | Unset, cast(object, _agents_raw))
        else:
            agents = _agents_raw

        _grades_raw = d.pop("grades", UNSET)
        grades: list[str] | None | Unset
        if isinstance(_grades_raw, list):
            try:
                grades_type_0 = cast(list[str], _grades_raw)

                grades = grades_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                grades = cast(list[str] | None | Unset, cast(object, _grades_raw))
        else:
            grades = _grades_raw

        password: None | str | Unset = d.pop("password", UNSET)

        _resources_raw = d.pop("resources", UNSET)
        resources: list[GUIDRef] | None | Unset
        if isinstance(_resources_raw, list):
            try:
                resources_type_0 = []
                _resources_type_0 = _resources_raw
                for resources_type_0_item_data in _resources_type_0:
                    resources_type_0_item = GUIDRef.from_dict(
                        resources_type_0_item_data
                    )

                    resources_type_0.append(resources_type_0_item)

                resources = resources_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                resources = cast(
                    list[GUIDRef] | None | Unset, cast(object, _resources_raw)
                )
        else:
            resources = _resources_raw

        user = cls(
            sourced_id=sourced_id,
            status=status,
            date_last_modified=date_last_modified,
            metadata=metadata,
            user_master_identifier=user_master_identifier,
            username=username,
            user_ids=user_ids,
            enabled_user=enabled_user,
            given_name=given_name,
            family_name=family_name,
            middle_name=middle_name,
            preferred_first_name=preferred_first_name,
            preferred_middle_name=preferred_middle_name,
            preferred_last_name=preferred_last_name,
            pronouns=pronouns,
            roles=roles,
            user_profiles=user_profiles,
            primary_org=primary_org,
            identifier=identifier,
            email=email,
            sms=sms,
            phone=phone,
            agents=agents,
            grades=grades,
            password=password,
            resources=resources,
        )

        user.additional_properties = d
        return user

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
from ..models.role_assignment import RoleAssignment
from ..models.user_id import UserId
from ..models.user_profile import UserProfile
