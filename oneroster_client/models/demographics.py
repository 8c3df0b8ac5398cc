from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sex import Sex
from ..models.status_enum import StatusEnum
from ..models.true_false_enum import TrueFalseEnum
from ..types import (
    ABSENT,
    MissingField,
    parse_date,
    parse_datetime,
    present_repr,
    wire_datetime,
)

if TYPE_CHECKING:
    from ..models.metadata import Metadata


# The keys from_dict reads; any other key goes to additional_properties.
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
_FIELDS = (
    "sourced_id",
    "status",
    "date_last_modified",
    "metadata",
    "birth_date",
    "sex",
    "american_indian_or_alaska_native",
    "asian",
    "black_or_african_american",
    "native_hawaiian_or_other_pacific_islander",
    "white",
    "demographic_race_two_or_more_races",
    "hispanic_or_latino_ethnicity",
    "country_of_birth_code",
    "state_of_birth_abbreviation",
    "city_of_birth",
    "public_school_residence_status",
)


@_attrs_define
class Demographics:
    sourced_id: str

    status: StatusEnum | str | None = None

    date_last_modified: datetime.datetime | None = None

    metadata: Metadata | None = None

    birth_date: datetime.date | datetime.datetime | str | None = None

    sex: Sex | str | None = None

    american_indian_or_alaska_native: bool | str | TrueFalseEnum | None = None

    asian: bool | str | TrueFalseEnum | None = None

    black_or_african_american: bool | str | TrueFalseEnum | None = None

    native_hawaiian_or_other_pacific_islander: bool | str | TrueFalseEnum | None = None

    white: bool | str | TrueFalseEnum | None = None

    demographic_race_two_or_more_races: bool | str | TrueFalseEnum | None = None

    hispanic_or_latino_ethnicity: bool | str | TrueFalseEnum | None = None

    country_of_birth_code: str | None = None

    state_of_birth_abbreviation: str | None = None

    city_of_birth: str | None = None

    public_school_residence_status: str | None = None

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
        birth_date = self.birth_date
        if birth_date is not None:
            field_dict["birthDate"] = (
                wire_datetime(birth_date)
                if isinstance(birth_date, datetime.datetime)
                else birth_date.isoformat()
                if isinstance(birth_date, datetime.date)
                else birth_date
            )
        elif "birthDate" in nulls:
            field_dict["birthDate"] = None
        sex = self.sex
        if sex is not None:
            field_dict["sex"] = sex.value if isinstance(sex, Sex) else sex
        elif "sex" in nulls:
            field_dict["sex"] = None
        american_indian_or_alaska_native = self.american_indian_or_alaska_native
        if american_indian_or_alaska_native is not None:
            field_dict["americanIndianOrAlaskaNative"] = (
                american_indian_or_alaska_native.value
                if isinstance(american_indian_or_alaska_native, TrueFalseEnum)
                else american_indian_or_alaska_native
            )
        elif "americanIndianOrAlaskaNative" in nulls:
            field_dict["americanIndianOrAlaskaNative"] = None
        asian = self.asian
        if asian is not None:
            field_dict["asian"] = (
                asian.value if isinstance(asian, TrueFalseEnum) else asian
            )
        elif "asian" in nulls:
            field_dict["asian"] = None
        black_or_african_american = self.black_or_african_american
        if black_or_african_american is not None:
            field_dict["blackOrAfricanAmerican"] = (
                black_or_african_american.value
                if isinstance(black_or_african_american, TrueFalseEnum)
                else black_or_african_american
            )
        elif "blackOrAfricanAmerican" in nulls:
            field_dict["blackOrAfricanAmerican"] = None
        native_hawaiian_or_other_pacific_islander = (
            self.native_hawaiian_or_other_pacific_islander
        )
        if native_hawaiian_or_other_pacific_islander is not None:
            field_dict["nativeHawaiianOrOtherPacificIslander"] = (
                native_hawaiian_or_other_pacific_islander.value
                if isinstance(native_hawaiian_or_other_pacific_islander, TrueFalseEnum)
                else native_hawaiian_or_other_pacific_islander
            )
        elif "nativeHawaiianOrOtherPacificIslander" in nulls:
            field_dict["nativeHawaiianOrOtherPacificIslander"] = None
        white = self.white
        if white is not None:
            field_dict["white"] = (
                white.value if isinstance(white, TrueFalseEnum) else white
            )
        elif "white" in nulls:
            field_dict["white"] = None
        demographic_race_two_or_more_races = self.demographic_race_two_or_more_races
        if demographic_race_two_or_more_races is not None:
            field_dict["demographicRaceTwoOrMoreRaces"] = (
                demographic_race_two_or_more_races.value
                if isinstance(demographic_race_two_or_more_races, TrueFalseEnum)
                else demographic_race_two_or_more_races
            )
        elif "demographicRaceTwoOrMoreRaces" in nulls:
            field_dict["demographicRaceTwoOrMoreRaces"] = None
        hispanic_or_latino_ethnicity = self.hispanic_or_latino_ethnicity
        if hispanic_or_latino_ethnicity is not None:
            field_dict["hispanicOrLatinoEthnicity"] = (
                hispanic_or_latino_ethnicity.value
                if isinstance(hispanic_or_latino_ethnicity, TrueFalseEnum)
                else hispanic_or_latino_ethnicity
            )
        elif "hispanicOrLatinoEthnicity" in nulls:
            field_dict["hispanicOrLatinoEthnicity"] = None
        country_of_birth_code = self.country_of_birth_code
        if country_of_birth_code is not None:
            field_dict["countryOfBirthCode"] = country_of_birth_code
        elif "countryOfBirthCode" in nulls:
            field_dict["countryOfBirthCode"] = None
        state_of_birth_abbreviation = self.state_of_birth_abbreviation
        if state_of_birth_abbreviation is not None:
            field_dict["stateOfBirthAbbreviation"] = state_of_birth_abbreviation
        elif "stateOfBirthAbbreviation" in nulls:
            field_dict["stateOfBirthAbbreviation"] = None
        city_of_birth = self.city_of_birth
        if city_of_birth is not None:
            field_dict["cityOfBirth"] = city_of_birth
        elif "cityOfBirth" in nulls:
            field_dict["cityOfBirth"] = None
        public_school_residence_status = self.public_school_residence_status
        if public_school_residence_status is not None:
            field_dict["publicSchoolResidenceStatus"] = public_school_residence_status
        elif "publicSchoolResidenceStatus" in nulls:
            field_dict["publicSchoolResidenceStatus"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the record from the provider's JSON object (see the module's notes on what is tolerated)."""
        _get = src_dict.get
        _absent = ABSENT  # a local: read twice per field, faster than the module global
        _nulls: tuple[str, ...] = ()
        try:
            sourced_id = src_dict["sourcedId"]
        except KeyError:
            raise MissingField("Demographics", "sourcedId") from None
        if not isinstance(sourced_id, str):
            raise TypeError(
                f"Demographics.sourcedId must be a str, got {type(sourced_id).__name__}"
            )

        _status_raw = _get("status", _absent)
        status: StatusEnum | str | None
        if _status_raw is _absent:
            status = None
        elif _status_raw is None:
            status = None
            _nulls += ("status",)
        else:
            try:
                status = _BY_VALUE_StatusEnum[_status_raw]

            except (TypeError, ValueError, AttributeError, KeyError):
                status = _status_raw

        _date_last_modified_raw = _get("dateLastModified", _absent)
        date_last_modified: datetime.datetime | None
        if _date_last_modified_raw is _absent:
            date_last_modified = None
        elif _date_last_modified_raw is None:
            date_last_modified = None
            _nulls += ("dateLastModified",)
        else:
            date_last_modified = parse_datetime(_date_last_modified_raw)

        _metadata_raw = _get("metadata", _absent)
        metadata: Metadata | None
        if _metadata_raw is _absent:
            metadata = None
        elif _metadata_raw is None:
            metadata = None
            _nulls += ("metadata",)
        else:
            try:
                metadata = Metadata.from_dict(_metadata_raw)

            except (TypeError, ValueError, AttributeError, KeyError):
                metadata = _metadata_raw

        _birth_date_raw = _get("birthDate", _absent)
        birth_date: datetime.date | datetime.datetime | str | None
        if _birth_date_raw is _absent:
            birth_date = None
        elif _birth_date_raw is None:
            birth_date = None
            _nulls += ("birthDate",)
        else:
            try:
                birth_date = parse_date(_birth_date_raw)

            except (TypeError, ValueError, AttributeError, KeyError):
                try:
                    birth_date = parse_datetime(_birth_date_raw)

                except (TypeError, ValueError, AttributeError, KeyError):
                    birth_date = _birth_date_raw

        _sex_raw = _get("sex", _absent)
        sex: Sex | str | None
        if _sex_raw is _absent:
            sex = None
        elif _sex_raw is None:
            sex = None
            _nulls += ("sex",)
        else:
            try:
                sex = _BY_VALUE_Sex[_sex_raw]

            except (TypeError, ValueError, AttributeError, KeyError):
                sex = _sex_raw

        _american_indian_or_alaska_native_raw = _get(
            "americanIndianOrAlaskaNative", _absent
        )
        american_indian_or_alaska_native: bool | str | TrueFalseEnum | None
        if _american_indian_or_alaska_native_raw is _absent:
            american_indian_or_alaska_native = None
        elif _american_indian_or_alaska_native_raw is None:
            american_indian_or_alaska_native = None
            _nulls += ("americanIndianOrAlaskaNative",)
        else:
            try:
                american_indian_or_alaska_native = _BY_VALUE_TrueFalseEnum[
                    _american_indian_or_alaska_native_raw
                ]

            except (TypeError, ValueError, AttributeError, KeyError):
                american_indian_or_alaska_native = _american_indian_or_alaska_native_raw

        _asian_raw = _get("asian", _absent)
        asian: bool | str | TrueFalseEnum | None
        if _asian_raw is _absent:
            asian = None
        elif _asian_raw is None:
            asian = None
            _nulls += ("asian",)
        else:
            try:
                asian = _BY_VALUE_TrueFalseEnum[_asian_raw]

            except (TypeError, ValueError, AttributeError, KeyError):
                asian = _asian_raw

        _black_or_african_american_raw = _get("blackOrAfricanAmerican", _absent)
        black_or_african_american: bool | str | TrueFalseEnum | None
        if _black_or_african_american_raw is _absent:
            black_or_african_american = None
        elif _black_or_african_american_raw is None:
            black_or_african_american = None
            _nulls += ("blackOrAfricanAmerican",)
        else:
            try:
                black_or_african_american = _BY_VALUE_TrueFalseEnum[
                    _black_or_african_american_raw
                ]

            except (TypeError, ValueError, AttributeError, KeyError):
                black_or_african_american = _black_or_african_american_raw

        _native_hawaiian_or_other_pacific_islander_raw = _get(
            "nativeHawaiianOrOtherPacificIslander", _absent
        )
        native_hawaiian_or_other_pacific_islander: bool | str | TrueFalseEnum | None
        if _native_hawaiian_or_other_pacific_islander_raw is _absent:
            native_hawaiian_or_other_pacific_islander = None
        elif _native_hawaiian_or_other_pacific_islander_raw is None:
            native_hawaiian_or_other_pacific_islander = None
            _nulls += ("nativeHawaiianOrOtherPacificIslander",)
        else:
            try:
                native_hawaiian_or_other_pacific_islander = _BY_VALUE_TrueFalseEnum[
                    _native_hawaiian_or_other_pacific_islander_raw
                ]

            except (TypeError, ValueError, AttributeError, KeyError):
                native_hawaiian_or_other_pacific_islander = (
                    _native_hawaiian_or_other_pacific_islander_raw
                )

        _white_raw = _get("white", _absent)
        white: bool | str | TrueFalseEnum | None
        if _white_raw is _absent:
            white = None
        elif _white_raw is None:
            white = None
            _nulls += ("white",)
        else:
            try:
                white = _BY_VALUE_TrueFalseEnum[_white_raw]

            except (TypeError, ValueError, AttributeError, KeyError):
                white = _white_raw

        _demographic_race_two_or_more_races_raw = _get(
            "demographicRaceTwoOrMoreRaces", _absent
        )
        demographic_race_two_or_more_races: bool | str | TrueFalseEnum | None
        if _demographic_race_two_or_more_races_raw is _absent:
            demographic_race_two_or_more_races = None
        elif _demographic_race_two_or_more_races_raw is None:
            demographic_race_two_or_more_races = None
            _nulls += ("demographicRaceTwoOrMoreRaces",)
        else:
            try:
                demographic_race_two_or_more_races = _BY_VALUE_TrueFalseEnum[
                    _demographic_race_two_or_more_races_raw
                ]

            except (TypeError, ValueError, AttributeError, KeyError):
                demographic_race_two_or_more_races = (
                    _demographic_race_two_or_more_races_raw
                )

        _hispanic_or_latino_ethnicity_raw = _get("hispanicOrLatinoEthnicity", _absent)
        hispanic_or_latino_ethnicity: bool | str | TrueFalseEnum | None
        if _hispanic_or_latino_ethnicity_raw is _absent:
            hispanic_or_latino_ethnicity = None
        elif _hispanic_or_latino_ethnicity_raw is None:
            hispanic_or_latino_ethnicity = None
            _nulls += ("hispanicOrLatinoEthnicity",)
        else:
            try:
                hispanic_or_latino_ethnicity = _BY_VALUE_TrueFalseEnum[
                    _hispanic_or_latino_ethnicity_raw
                ]

            except (TypeError, ValueError, AttributeError, KeyError):
                hispanic_or_latino_ethnicity = _hispanic_or_latino_ethnicity_raw

        country_of_birth_code = _get("countryOfBirthCode", _absent)
        if country_of_birth_code is _absent:
            country_of_birth_code = None
        elif country_of_birth_code is None:
            _nulls += ("countryOfBirthCode",)

        state_of_birth_abbreviation = _get("stateOfBirthAbbreviation", _absent)
        if state_of_birth_abbreviation is _absent:
            state_of_birth_abbreviation = None
        elif state_of_birth_abbreviation is None:
            _nulls += ("stateOfBirthAbbreviation",)

        city_of_birth = _get("cityOfBirth", _absent)
        if city_of_birth is _absent:
            city_of_birth = None
        elif city_of_birth is None:
            _nulls += ("cityOfBirth",)

        public_school_residence_status = _get("publicSchoolResidenceStatus", _absent)
        if public_school_residence_status is _absent:
            public_school_residence_status = None
        elif public_school_residence_status is None:
            _nulls += ("publicSchoolResidenceStatus",)

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
        demographics._nulls = _nulls
        if _KNOWN_KEYS.issuperset(src_dict):
            demographics.additional_properties = {}
        else:
            demographics.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
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


# Imported once, after the class, instead of inside every from_dict/to_dict call as the stock template
# does. Models refer to each other (in cycles, hence not at the top).
from ..models.metadata import Metadata

# value -> member tables for from_dict, typed once here instead of a cast() call per field per record.
_BY_VALUE_StatusEnum = cast(dict[str, StatusEnum], StatusEnum._value2member_map_)
_BY_VALUE_Sex = cast(dict[str, Sex], Sex._value2member_map_)
_BY_VALUE_TrueFalseEnum = cast(
    dict[str, TrueFalseEnum], TrueFalseEnum._value2member_map_
)
