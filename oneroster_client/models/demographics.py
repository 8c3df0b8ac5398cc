from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sex import Sex
from ..models.status_enum import StatusEnum
from ..models.true_false_enum import TrueFalseEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metadata import Metadata


T = TypeVar("T", bound="Demographics")


@_attrs_define
class Demographics:
    sourced_id: str | Unset = UNSET
    status: StatusEnum | str | Unset = UNSET
    date_last_modified: datetime.datetime | Unset = UNSET
    metadata: Metadata | None | Unset = UNSET
    birth_date: datetime.date | datetime.datetime | None | str | Unset = UNSET
    sex: None | Sex | str | Unset = UNSET
    american_indian_or_alaska_native: bool | None | str | TrueFalseEnum | Unset = UNSET
    asian: bool | None | str | TrueFalseEnum | Unset = UNSET
    black_or_african_american: bool | None | str | TrueFalseEnum | Unset = UNSET
    native_hawaiian_or_other_pacific_islander: (
        bool | None | str | TrueFalseEnum | Unset
    ) = UNSET
    white: bool | None | str | TrueFalseEnum | Unset = UNSET
    demographic_race_two_or_more_races: bool | None | str | TrueFalseEnum | Unset = (
        UNSET
    )
    hispanic_or_latino_ethnicity: bool | None | str | TrueFalseEnum | Unset = UNSET
    country_of_birth_code: None | str | Unset = UNSET
    state_of_birth_abbreviation: None | str | Unset = UNSET
    city_of_birth: None | str | Unset = UNSET
    public_school_residence_status: None | str | Unset = UNSET
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

        birth_date: None | str | Unset
        if isinstance(self.birth_date, Unset):
            birth_date = UNSET
        elif isinstance(self.birth_date, datetime.date) or isinstance(
            self.birth_date, datetime.datetime
        ):
            birth_date = self.birth_date.isoformat()
        else:
            birth_date = self.birth_date

        sex: None | str | Unset
        if isinstance(self.sex, Unset):
            sex = UNSET
        elif isinstance(self.sex, Sex):
            sex = self.sex.value
        else:
            sex = self.sex

        american_indian_or_alaska_native: bool | None | str | Unset
        if isinstance(self.american_indian_or_alaska_native, Unset):
            american_indian_or_alaska_native = UNSET
        elif isinstance(self.american_indian_or_alaska_native, TrueFalseEnum):
            american_indian_or_alaska_native = (
                self.american_indian_or_alaska_native.value
            )
        else:
            american_indian_or_alaska_native = self.american_indian_or_alaska_native

        asian: bool | None | str | Unset
        if isinstance(self.asian, Unset):
            asian = UNSET
        elif isinstance(self.asian, TrueFalseEnum):
            asian = self.asian.value
        else:
            asian = self.asian

        black_or_african_american: bool | None | str | Unset
        if isinstance(self.black_or_african_american, Unset):
            black_or_african_american = UNSET
        elif isinstance(self.black_or_african_american, TrueFalseEnum):
            black_or_african_american = self.black_or_african_american.value
        else:
            black_or_african_american = self.black_or_african_american

        native_hawaiian_or_other_pacific_islander: bool | None | str | Unset
        if isinstance(self.native_hawaiian_or_other_pacific_islander, Unset):
            native_hawaiian_or_other_pacific_islander = UNSET
        elif isinstance(self.native_hawaiian_or_other_pacific_islander, TrueFalseEnum):
            native_hawaiian_or_other_pacific_islander = (
                self.native_hawaiian_or_other_pacific_islander.value
            )
        else:
            native_hawaiian_or_other_pacific_islander = (
                self.native_hawaiian_or_other_pacific_islander
            )

        white: bool | None | str | Unset
        if isinstance(self.white, Unset):
            white = UNSET
        elif isinstance(self.white, TrueFalseEnum):
            white = self.white.value
        else:
            white = self.white

        demographic_race_two_or_more_races: bool | None | str | Unset
        if isinstance(self.demographic_race_two_or_more_races, Unset):
            demographic_race_two_or_more_races = UNSET
        elif isinstance(self.demographic_race_two_or_more_races, TrueFalseEnum):
            demographic_race_two_or_more_races = (
                self.demographic_race_two_or_more_races.value
            )
        else:
            demographic_race_two_or_more_races = self.demographic_race_two_or_more_races

        hispanic_or_latino_ethnicity: bool | None | str | Unset
        if isinstance(self.hispanic_or_latino_ethnicity, Unset):
            hispanic_or_latino_ethnicity = UNSET
        elif isinstance(self.hispanic_or_latino_ethnicity, TrueFalseEnum):
            hispanic_or_latino_ethnicity = self.hispanic_or_latino_ethnicity.value
        else:
            hispanic_or_latino_ethnicity = self.hispanic_or_latino_ethnicity

        country_of_birth_code: None | str | Unset
        if isinstance(self.country_of_birth_code, Unset):
            country_of_birth_code = UNSET
        else:
            country_of_birth_code = self.country_of_birth_code

        state_of_birth_abbreviation: None | str | Unset
        if isinstance(self.state_of_birth_abbreviation, Unset):
            state_of_birth_abbreviation = UNSET
        else:
            state_of_birth_abbreviation = self.state_of_birth_abbreviation

        city_of_birth: None | str | Unset
        if isinstance(self.city_of_birth, Unset):
            city_of_birth = UNSET
        else:
            city_of_birth = self.city_of_birth

        public_school_residence_status: None | str | Unset
        if isinstance(self.public_school_residence_status, Unset):
            public_school_residence_status = UNSET
        else:
            public_school_residence_status = self.public_school_residence_status

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
        if birth_date is not UNSET:
            field_dict["birthDate"] = birth_date
        if sex is not UNSET:
            field_dict["sex"] = sex
        if american_indian_or_alaska_native is not UNSET:
            field_dict["americanIndianOrAlaskaNative"] = (
                american_indian_or_alaska_native
            )
        if asian is not UNSET:
            field_dict["asian"] = asian
        if black_or_african_american is not UNSET:
            field_dict["blackOrAfricanAmerican"] = black_or_african_american
        if native_hawaiian_or_other_pacific_islander is not UNSET:
            field_dict["nativeHawaiianOrOtherPacificIslander"] = (
                native_hawaiian_or_other_pacific_islander
            )
        if white is not UNSET:
            field_dict["white"] = white
        if demographic_race_two_or_more_races is not UNSET:
            field_dict["demographicRaceTwoOrMoreRaces"] = (
                demographic_race_two_or_more_races
            )
        if hispanic_or_latino_ethnicity is not UNSET:
            field_dict["hispanicOrLatinoEthnicity"] = hispanic_or_latino_ethnicity
        if country_of_birth_code is not UNSET:
            field_dict["countryOfBirthCode"] = country_of_birth_code
        if state_of_birth_abbreviation is not UNSET:
            field_dict["stateOfBirthAbbreviation"] = state_of_birth_abbreviation
        if city_of_birth is not UNSET:
            field_dict["cityOfBirth"] = city_of_birth
        if public_school_residence_status is not UNSET:
            field_dict["publicSchoolResidenceStatus"] = public_school_residence_status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        sourced_id = d.pop("sourcedId", UNSET)

        def _parse_status(data: object) -> StatusEnum | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_status_type_0 = cast(
                    StatusEnum, StatusEnum._value2member_map_[data]
                )

                return componentsschemas_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(StatusEnum | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        _date_last_modified = d.pop("dateLastModified", UNSET)
        date_last_modified: datetime.datetime | Unset
        if isinstance(_date_last_modified, Unset):
            date_last_modified = UNSET
        else:
            date_last_modified = datetime.datetime.fromisoformat(_date_last_modified)

        def _parse_metadata(data: object) -> Metadata | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = Metadata.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Metadata | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_birth_date(
            data: object,
        ) -> datetime.date | datetime.datetime | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_date_value_type_0 = datetime.date.fromisoformat(data)

                return componentsschemas_date_value_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_date_value_type_1 = datetime.datetime.fromisoformat(
                    data
                )

                return componentsschemas_date_value_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | datetime.datetime | None | str | Unset, data)

        birth_date = _parse_birth_date(d.pop("birthDate", UNSET))

        def _parse_sex(data: object) -> None | Sex | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sex_type_0 = cast(Sex, Sex._value2member_map_[data])

                return sex_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Sex | str | Unset, data)

        sex = _parse_sex(d.pop("sex", UNSET))

        def _parse_american_indian_or_alaska_native(
            data: object,
        ) -> bool | None | str | TrueFalseEnum | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_true_false_type_0 = cast(
                    TrueFalseEnum, TrueFalseEnum._value2member_map_[data]
                )

                return componentsschemas_true_false_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(bool | None | str | TrueFalseEnum | Unset, data)

        american_indian_or_alaska_native = _parse_american_indian_or_alaska_native(
            d.pop("americanIndianOrAlaskaNative", UNSET)
        )

        def _parse_asian(data: object) -> bool | None | str | TrueFalseEnum | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_true_false_type_0 = cast(
                    TrueFalseEnum, TrueFalseEnum._value2member_map_[data]
                )

                return componentsschemas_true_false_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(bool | None | str | TrueFalseEnum | Unset, data)

        asian = _parse_asian(d.pop("asian", UNSET))

        def _parse_black_or_african_american(
            data: object,
        ) -> bool | None | str | TrueFalseEnum | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_true_false_type_0 = cast(
                    TrueFalseEnum, TrueFalseEnum._value2member_map_[data]
                )

                return componentsschemas_true_false_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(bool | None | str | TrueFalseEnum | Unset, data)

        black_or_african_american = _parse_black_or_african_american(
            d.pop("blackOrAfricanAmerican", UNSET)
        )

        def _parse_native_hawaiian_or_other_pacific_islander(
            data: object,
        ) -> bool | None | str | TrueFalseEnum | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_true_false_type_0 = cast(
                    TrueFalseEnum, TrueFalseEnum._value2member_map_[data]
                )

                return componentsschemas_true_false_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(bool | None | str | TrueFalseEnum | Unset, data)

        native_hawaiian_or_other_pacific_islander = (
            _parse_native_hawaiian_or_other_pacific_islander(
                d.pop("nativeHawaiianOrOtherPacificIslander", UNSET)
            )
        )

        def _parse_white(data: object) -> bool | None | str | TrueFalseEnum | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_true_false_type_0 = cast(
                    TrueFalseEnum, TrueFalseEnum._value2member_map_[data]
                )

                return componentsschemas_true_false_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(bool | None | str | TrueFalseEnum | Unset, data)

        white = _parse_white(d.pop("white", UNSET))

        def _parse_demographic_race_two_or_more_races(
            data: object,
        ) -> bool | None | str | TrueFalseEnum | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_true_false_type_0 = cast(
                    TrueFalseEnum, TrueFalseEnum._value2member_map_[data]
                )

                return componentsschemas_true_false_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(bool | None | str | TrueFalseEnum | Unset, data)

        demographic_race_two_or_more_races = _parse_demographic_race_two_or_more_races(
            d.pop("demographicRaceTwoOrMoreRaces", UNSET)
        )

        def _parse_hispanic_or_latino_ethnicity(
            data: object,
        ) -> bool | None | str | TrueFalseEnum | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_true_false_type_0 = cast(
                    TrueFalseEnum, TrueFalseEnum._value2member_map_[data]
                )

                return componentsschemas_true_false_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(bool | None | str | TrueFalseEnum | Unset, data)

        hispanic_or_latino_ethnicity = _parse_hispanic_or_latino_ethnicity(
            d.pop("hispanicOrLatinoEthnicity", UNSET)
        )

        country_of_birth_code = cast(
            None | str | Unset, d.pop("countryOfBirthCode", UNSET)
        )

        state_of_birth_abbreviation = cast(
            None | str | Unset, d.pop("stateOfBirthAbbreviation", UNSET)
        )

        city_of_birth = cast(None | str | Unset, d.pop("cityOfBirth", UNSET))

        public_school_residence_status = cast(
            None | str | Unset, d.pop("publicSchoolResidenceStatus", UNSET)
        )

        demographics = cls(
            sourced_id=sourced_id,
            status=status,
            date_last_modified=date_last_modified,
            metadata=metadata,
            birth_date=birth_date,
            sex=sex,
            american_indian_or_alaska_native=american_indian_or_alaska_native,
            asian=asian,
            black_or_african_american=black_or_african_american,
            native_hawaiian_or_other_pacific_islander=native_hawaiian_or_other_pacific_islander,
            white=white,
            demographic_race_two_or_more_races=demographic_race_two_or_more_races,
            hispanic_or_latino_ethnicity=hispanic_or_latino_ethnicity,
            country_of_birth_code=country_of_birth_code,
            state_of_birth_abbreviation=state_of_birth_abbreviation,
            city_of_birth=city_of_birth,
            public_school_residence_status=public_school_residence_status,
        )

        demographics.additional_properties = d
        return demographics

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
from ..models.metadata import Metadata
