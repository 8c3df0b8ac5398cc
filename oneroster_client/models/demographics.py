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


# oneroster-client: the keys from_dict reads; any other key goes to additional_properties.
_KNOWN_KEYS = frozenset(
    {
        "sourcedId",
        "status",
        "dateLastModified",
        "metadata",
        "birthDate",
        "sex",
        "americanIndianOrAlaskaNative",
        "asian",
        "blackOrAfricanAmerican",
        "nativeHawaiianOrOtherPacificIslander",
        "white",
        "demographicRaceTwoOrMoreRaces",
        "hispanicOrLatinoEthnicity",
        "countryOfBirthCode",
        "stateOfBirthAbbreviation",
        "cityOfBirth",
        "publicSchoolResidenceStatus",
    }
)


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

        _birth_date_raw = _get("birthDate", UNSET)
        birth_date: datetime.date | datetime.datetime | None | str | Unset
        if _birth_date_raw is None or isinstance(_birth_date_raw, Unset):
            birth_date = _birth_date_raw
        else:

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
                return cast(
                    datetime.date | datetime.datetime | None | str | Unset, data
                )

            birth_date = _parse_birth_date(_birth_date_raw)

        _sex_raw = _get("sex", UNSET)
        sex: None | Sex | str | Unset
        if isinstance(_sex_raw, str):
            try:
                sex_type_0 = _BY_VALUE_Sex[_sex_raw]

                sex = sex_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                sex = cast(None | Sex | str | Unset, cast(object, _sex_raw))
        else:
            sex = _sex_raw

        _american_indian_or_alaska_native_raw = _get(
            "americanIndianOrAlaskaNative", UNSET
        )
        american_indian_or_alaska_native: bool | None | str | TrueFalseEnum | Unset
        if isinstance(_american_indian_or_alaska_native_raw, str):
            try:
                componentsschemas_true_false_type_0 = _BY_VALUE_TrueFalseEnum[
                    _american_indian_or_alaska_native_raw
                ]

                american_indian_or_alaska_native = componentsschemas_true_false_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                american_indian_or_alaska_native = cast(
                    bool | None | str | TrueFalseEnum | Unset,
                    cast(object, _american_indian_or_alaska_native_raw),
                )
        else:
            american_indian_or_alaska_native = _american_indian_or_alaska_native_raw

        _asian_raw = _get("asian", UNSET)
        asian: bool | None | str | TrueFalseEnum | Unset
        if isinstance(_asian_raw, str):
            try:
                componentsschemas_true_false_type_0 = _BY_VALUE_TrueFalseEnum[
                    _asian_raw
                ]

                asian = componentsschemas_true_false_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                asian = cast(
                    bool | None | str | TrueFalseEnum | Unset, cast(object, _asian_raw)
                )
        else:
            asian = _asian_raw

        _black_or_african_american_raw = _get("blackOrAfricanAmerican", UNSET)
        black_or_african_american: bool | None | str | TrueFalseEnum | Unset
        if isinstance(_black_or_african_american_raw, str):
            try:
                componentsschemas_true_false_type_0 = _BY_VALUE_TrueFalseEnum[
                    _black_or_african_american_raw
                ]

                black_or_african_american = componentsschemas_true_false_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                black_or_african_american = cast(
                    bool | None | str | TrueFalseEnum | Unset,
                    cast(object, _black_or_african_american_raw),
                )
        else:
            black_or_african_american = _black_or_african_american_raw

        _native_hawaiian_or_other_pacific_islander_raw = _get(
            "nativeHawaiianOrOtherPacificIslander", UNSET
        )
        native_hawaiian_or_other_pacific_islander: (
            bool | None | str | TrueFalseEnum | Unset
        )
        if isinstance(_native_hawaiian_or_other_pacific_islander_raw, str):
            try:
                componentsschemas_true_false_type_0 = _BY_VALUE_TrueFalseEnum[
                    _native_hawaiian_or_other_pacific_islander_raw
                ]

                native_hawaiian_or_other_pacific_islander = (
                    componentsschemas_true_false_type_0
                )
            except (TypeError, ValueError, AttributeError, KeyError):
                native_hawaiian_or_other_pacific_islander = cast(
                    bool | None | str | TrueFalseEnum | Unset,
                    cast(object, _native_hawaiian_or_other_pacific_islander_raw),
                )
        else:
            native_hawaiian_or_other_pacific_islander = (
                _native_hawaiian_or_other_pacific_islander_raw
            )

        _white_raw = _get("white", UNSET)
        white: bool | None | str | TrueFalseEnum | Unset
        if isinstance(_white_raw, str):
            try:
                componentsschemas_true_false_type_0 = _BY_VALUE_TrueFalseEnum[
                    _white_raw
                ]

                white = componentsschemas_true_false_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                white = cast(
                    bool | None | str | TrueFalseEnum | Unset, cast(object, _white_raw)
                )
        else:
            white = _white_raw

        _demographic_race_two_or_more_races_raw = _get(
            "demographicRaceTwoOrMoreRaces", UNSET
        )
        demographic_race_two_or_more_races: bool | None | str | TrueFalseEnum | Unset
        if isinstance(_demographic_race_two_or_more_races_raw, str):
            try:
                componentsschemas_true_false_type_0 = _BY_VALUE_TrueFalseEnum[
                    _demographic_race_two_or_more_races_raw
                ]

                demographic_race_two_or_more_races = componentsschemas_true_false_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                demographic_race_two_or_more_races = cast(
                    bool | None | str | TrueFalseEnum | Unset,
                    cast(object, _demographic_race_two_or_more_races_raw),
                )
        else:
            demographic_race_two_or_more_races = _demographic_race_two_or_more_races_raw

        _hispanic_or_latino_ethnicity_raw = _get("hispanicOrLatinoEthnicity", UNSET)
        hispanic_or_latino_ethnicity: bool | None | str | TrueFalseEnum | Unset
        if isinstance(_hispanic_or_latino_ethnicity_raw, str):
            try:
                componentsschemas_true_false_type_0 = _BY_VALUE_TrueFalseEnum[
                    _hispanic_or_latino_ethnicity_raw
                ]

                hispanic_or_latino_ethnicity = componentsschemas_true_false_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                hispanic_or_latino_ethnicity = cast(
                    bool | None | str | TrueFalseEnum | Unset,
                    cast(object, _hispanic_or_latino_ethnicity_raw),
                )
        else:
            hispanic_or_latino_ethnicity = _hispanic_or_latino_ethnicity_raw

        country_of_birth_code: None | str | Unset = _get("countryOfBirthCode", UNSET)

        state_of_birth_abbreviation: None | str | Unset = _get(
            "stateOfBirthAbbreviation", UNSET
        )

        city_of_birth: None | str | Unset = _get("cityOfBirth", UNSET)

        public_school_residence_status: None | str | Unset = _get(
            "publicSchoolResidenceStatus", UNSET
        )

        demographics = cls.__new__(cls)
        demographics.sourced_id = sourced_id
        demographics.status = status
        demographics.date_last_modified = date_last_modified
        demographics.metadata = metadata
        demographics.birth_date = birth_date
        demographics.sex = sex
        demographics.american_indian_or_alaska_native = american_indian_or_alaska_native
        demographics.asian = asian
        demographics.black_or_african_american = black_or_african_american
        demographics.native_hawaiian_or_other_pacific_islander = (
            native_hawaiian_or_other_pacific_islander
        )
        demographics.white = white
        demographics.demographic_race_two_or_more_races = (
            demographic_race_two_or_more_races
        )
        demographics.hispanic_or_latino_ethnicity = hispanic_or_latino_ethnicity
        demographics.country_of_birth_code = country_of_birth_code
        demographics.state_of_birth_abbreviation = state_of_birth_abbreviation
        demographics.city_of_birth = city_of_birth
        demographics.public_school_residence_status = public_school_residence_status

        if _KNOWN_KEYS.issuperset(src_dict):
            demographics.additional_properties = {}
            return demographics
        d = {key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS}
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

# oneroster-client: value -> member tables for from_dict, typed once here instead of a cast()
# call per field per record.
_BY_VALUE_StatusEnum = cast(dict[str, StatusEnum], StatusEnum._value2member_map_)
_BY_VALUE_Sex = cast(dict[str, Sex], Sex._value2member_map_)
_BY_VALUE_TrueFalseEnum = cast(
    dict[str, TrueFalseEnum], TrueFalseEnum._value2member_map_
)
