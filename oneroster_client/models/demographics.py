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
    LazyRecord,
    MissingField,
    defer,
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
# The keys whose null to_dict() writes back (absent and null both read as None).
_NULLABLE_KEYS = (
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
)


@_attrs_define(slots=False)
class Demographics(LazyRecord):
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
        """Build the record from the provider's JSON object (see the module's notes on what is tolerated).

        The fields holding other models are checked now and built on first access, from the object
        given, which is kept: do not change it afterwards (pass a copy if you will).
        """
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a Demographics must be a JSON object, got {type(src_dict).__name__}"
            )

        _get = src_dict.get
        try:
            sourced_id = src_dict["sourcedId"]
        except KeyError:
            raise MissingField("Demographics", "sourcedId") from None
        if not isinstance(sourced_id, str):
            raise TypeError(
                f"Demographics.sourcedId must be a str, got {type(sourced_id).__name__}"
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

        _birth_date_raw = _get("birthDate")
        birth_date: datetime.date | datetime.datetime | str | None
        if _birth_date_raw is None:
            birth_date = None
        else:
            try:
                birth_date = parse_date(_birth_date_raw)

            except (TypeError, ValueError, AttributeError, KeyError):
                try:
                    birth_date = parse_datetime(_birth_date_raw)

                except (TypeError, ValueError, AttributeError, KeyError):
                    birth_date = _birth_date_raw

        _sex_raw = _get("sex")
        sex: Sex | str | None
        if _sex_raw is None:
            sex = None
        else:
            try:
                _sex_member = _BY_VALUE_Sex.get(_sex_raw)
            except TypeError:
                _sex_member = None
            if _sex_member is not None:
                sex = _sex_member
            else:
                sex = _sex_raw

        _american_indian_or_alaska_native_raw = _get("americanIndianOrAlaskaNative")
        american_indian_or_alaska_native: bool | str | TrueFalseEnum | None
        if _american_indian_or_alaska_native_raw is None:
            american_indian_or_alaska_native = None
        else:
            try:
                _american_indian_or_alaska_native_member = _BY_VALUE_TrueFalseEnum.get(
                    _american_indian_or_alaska_native_raw
                )
            except TypeError:
                _american_indian_or_alaska_native_member = None
            if _american_indian_or_alaska_native_member is not None:
                american_indian_or_alaska_native = (
                    _american_indian_or_alaska_native_member
                )
            else:
                american_indian_or_alaska_native = _american_indian_or_alaska_native_raw

        _asian_raw = _get("asian")
        asian: bool | str | TrueFalseEnum | None
        if _asian_raw is None:
            asian = None
        else:
            try:
                _asian_member = _BY_VALUE_TrueFalseEnum.get(_asian_raw)
            except TypeError:
                _asian_member = None
            if _asian_member is not None:
                asian = _asian_member
            else:
                asian = _asian_raw

        _black_or_african_american_raw = _get("blackOrAfricanAmerican")
        black_or_african_american: bool | str | TrueFalseEnum | None
        if _black_or_african_american_raw is None:
            black_or_african_american = None
        else:
            try:
                _black_or_african_american_member = _BY_VALUE_TrueFalseEnum.get(
                    _black_or_african_american_raw
                )
            except TypeError:
                _black_or_african_american_member = None
            if _black_or_african_american_member is not None:
                black_or_african_american = _black_or_african_american_member
            else:
                black_or_african_american = _black_or_african_american_raw

        _native_hawaiian_or_other_pacific_islander_raw = _get(
            "nativeHawaiianOrOtherPacificIslander"
        )
        native_hawaiian_or_other_pacific_islander: bool | str | TrueFalseEnum | None
        if _native_hawaiian_or_other_pacific_islander_raw is None:
            native_hawaiian_or_other_pacific_islander = None
        else:
            try:
                _native_hawaiian_or_other_pacific_islander_member = (
                    _BY_VALUE_TrueFalseEnum.get(
                        _native_hawaiian_or_other_pacific_islander_raw
                    )
                )
            except TypeError:
                _native_hawaiian_or_other_pacific_islander_member = None
            if _native_hawaiian_or_other_pacific_islander_member is not None:
                native_hawaiian_or_other_pacific_islander = (
                    _native_hawaiian_or_other_pacific_islander_member
                )
            else:
                native_hawaiian_or_other_pacific_islander = (
                    _native_hawaiian_or_other_pacific_islander_raw
                )

        _white_raw = _get("white")
        white: bool | str | TrueFalseEnum | None
        if _white_raw is None:
            white = None
        else:
            try:
                _white_member = _BY_VALUE_TrueFalseEnum.get(_white_raw)
            except TypeError:
                _white_member = None
            if _white_member is not None:
                white = _white_member
            else:
                white = _white_raw

        _demographic_race_two_or_more_races_raw = _get("demographicRaceTwoOrMoreRaces")
        demographic_race_two_or_more_races: bool | str | TrueFalseEnum | None
        if _demographic_race_two_or_more_races_raw is None:
            demographic_race_two_or_more_races = None
        else:
            try:
                _demographic_race_two_or_more_races_member = (
                    _BY_VALUE_TrueFalseEnum.get(_demographic_race_two_or_more_races_raw)
                )
            except TypeError:
                _demographic_race_two_or_more_races_member = None
            if _demographic_race_two_or_more_races_member is not None:
                demographic_race_two_or_more_races = (
                    _demographic_race_two_or_more_races_member
                )
            else:
                demographic_race_two_or_more_races = (
                    _demographic_race_two_or_more_races_raw
                )

        _hispanic_or_latino_ethnicity_raw = _get("hispanicOrLatinoEthnicity")
        hispanic_or_latino_ethnicity: bool | str | TrueFalseEnum | None
        if _hispanic_or_latino_ethnicity_raw is None:
            hispanic_or_latino_ethnicity = None
        else:
            try:
                _hispanic_or_latino_ethnicity_member = _BY_VALUE_TrueFalseEnum.get(
                    _hispanic_or_latino_ethnicity_raw
                )
            except TypeError:
                _hispanic_or_latino_ethnicity_member = None
            if _hispanic_or_latino_ethnicity_member is not None:
                hispanic_or_latino_ethnicity = _hispanic_or_latino_ethnicity_member
            else:
                hispanic_or_latino_ethnicity = _hispanic_or_latino_ethnicity_raw

        country_of_birth_code = _get("countryOfBirthCode")

        state_of_birth_abbreviation = _get("stateOfBirthAbbreviation")

        city_of_birth = _get("cityOfBirth")

        public_school_residence_status = _get("publicSchoolResidenceStatus")

        _metadata_raw = _get("metadata")
        demographics = cls.__new__(cls)
        demographics.sourced_id = sourced_id
        demographics.status = status
        demographics.date_last_modified = date_last_modified
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
        if _metadata_raw is None:
            demographics.metadata = None
        demographics._source = src_dict
        return demographics

    @staticmethod
    def _check(src_dict: Mapping[str, Any]) -> None:
        """Raise what from_dict would raise for ``src_dict``, building nothing (a record checks its nested models)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"a Demographics must be a JSON object, got {type(src_dict).__name__}"
            )

        try:
            _sourced_id_raw = src_dict["sourcedId"]
        except KeyError:
            raise MissingField("Demographics", "sourcedId") from None
        if not isinstance(_sourced_id_raw, str):
            raise TypeError(
                f"Demographics.sourcedId must be a str, got {type(_sourced_id_raw).__name__}"
            )

        _date_last_modified_raw = src_dict.get("dateLastModified")
        if _date_last_modified_raw is not None:
            parse_datetime(_date_last_modified_raw)

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
    Demographics,
    {
        "metadata": _read_metadata,
        "_nulls": _read_nulls,
        "additional_properties": _read_additional_properties,
    },
)


# Imported once, after the class, instead of inside every from_dict/to_dict call as the stock template
# does. Models refer to each other (in cycles, hence not at the top).
from ..models.metadata import Metadata

# value -> member tables for from_dict, typed once here instead of a cast() call per field per record.
_BY_VALUE_StatusEnum = cast(dict[str, StatusEnum], StatusEnum._value2member_map_)
_BY_VALUE_Sex = cast(dict[str, Sex], Sex._value2member_map_)
_BY_VALUE_TrueFalseEnum = cast(
    dict[str, TrueFalseEnum], TrueFalseEnum._value2member_map_
)
