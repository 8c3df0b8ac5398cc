"""The OneRoster 1.2 CSV binding as data: files, columns, formats, references, and JSON <-> CSV.

Each ``CsvFile`` lists its columns in the binding's order. A ``Column`` says

- how its text is read from a REST record (``get``, used by the export) and how it is
  written back into one (``put``, used by the reader): the two are inverses, so a bundle
  read and exported again gives the same rows;
- what the binding requires of it (``required``; ``advisory`` marks a column some
  validators require but the REST model does not), its format (``fmt``), its vocabulary
  and, for references, the file whose ``sourcedId``s it points at (``target``).

Files fed by a record's nested parts (``roles.csv`` from ``users[].roles``,
``lineItemScoreScales.csv`` from ``lineItems[].scoreScale``) are *attached* files: the
export expands one record into several rows (``rows``) and the reader folds the rows back
into their parent record (``attach``).

Where each fact comes from is written in docs/csv.md (the binding, the REST model, or a
public 1.2 CSV validator where the binding's table was not at hand).

Example:
    ```python
    from oneroster.csv.binding import FILES

    FILES["orgs"].headers
    # ("sourcedId", "status", "dateLastModified", "name", "type", "identifier", "parentSourcedId")
    ```

"""

from __future__ import annotations

import datetime as dt
import decimal
import re
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from oneroster.validation import relative_href

__all__ = [
    "BOOL",
    "DATE",
    "DATETIME",
    "DEPENDENCY_ORDER",
    "FILES",
    "FLOAT",
    "LIST",
    "MANIFEST_FILES",
    "PAIRS",
    "REF",
    "REFS",
    "SOURCES",
    "TEXT",
    "YEAR",
    "Column",
    "CsvFile",
    "Source",
    "guid_ref",
    "role_id",
    "row_values",
]

Record = Mapping[str, Any]
Getter = Callable[[Record], str]
Putter = Callable[[dict[str, Any], str], None]

#: Every data file of the 1.2.1 binding, in the order of its manifest table.
MANIFEST_FILES: tuple[str, ...] = (
    "academicSessions",
    "categories",
    "classes",
    "classResources",
    "courses",
    "courseResources",
    "demographics",
    "enrollments",
    "lineItemLearningObjectiveIds",
    "lineItems",
    "lineItemScoreScales",
    "orgs",
    "resources",
    "resultLearningObjectiveIds",
    "results",
    "resultScoreScales",
    "roles",
    "scoreScales",
    "userProfiles",
    "userResources",
    "users",
)

# Formats of a column's text.
TEXT = "text"
REF = "ref"  # one sourcedId
REFS = "refs"  # comma-separated sourcedIds
LIST = "list"  # comma-separated strings
PAIRS = "pairs"  # {a:b},{c:d}
DATE = "date"  # YYYY-MM-DD
DATETIME = "datetime"  # ISO 8601 with a time zone
BOOL = "bool"  # true / false
FLOAT = "float"
YEAR = "year"  # YYYY

# Synthesised ids (roles.csv, the score-scale link files) must be stable across exports, so
# they are name-based (UUIDv5) on what identifies the row.
_ROLE_NAMESPACE = uuid.UUID("6f0c3c52-7a55-4d5e-9a4c-2b9e4f0d1a11")
_LINK_NAMESPACE = uuid.UUID("0b6f1a8e-3c2d-4f7a-9d61-5e2c8a4b7f13")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_PAIR = re.compile(r"\{([^:{}]*):([^{}]*)\}")

# The GUIDRef ``type`` of the records of each file (for the references the reader builds).
_REF_TYPES = {
    "orgs": "org",
    "academicSessions": "academicSession",
    "courses": "course",
    "classes": "class",
    "users": "user",
    "categories": "category",
    "lineItems": "lineItem",
    "scoreScales": "scoreScale",
    "results": "result",
}


def guid_ref(target: str, sourced_id: str) -> dict[str, str]:
    """Return a complete GUIDRef (href, sourcedId, type) to a record of the file ``target``.

    Example:
        ```python
        guid_ref("orgs", "org-1")   # {"href": "/orgs/org-1", "sourcedId": "org-1", "type": "org"}
        ```

    """
    ref_type = _REF_TYPES[target]
    return {"href": relative_href(ref_type, sourced_id), "sourcedId": sourced_id, "type": ref_type}


# -- JSON value -> CSV text -------------------------------------------------------------------


def _text(value: object) -> str:
    """Render one scalar the way the binding writes it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        # Fixed-point: importers parse "95.5" everywhere, "1e+16" in few places.
        return format(decimal.Decimal(repr(value)), "f")
    if isinstance(value, Mapping):
        return _sourced_id(value)
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return str(value)


def _sourced_id(value: object) -> str:
    """Return the id of a GUIDRef (``{"sourcedId": ...}``), or a bare id as is."""
    if isinstance(value, Mapping):
        inner = value.get("sourcedId")
        return inner if isinstance(inner, str) else ""
    return "" if value is None else str(value)


def _items(value: object) -> list[object]:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return list(value)
    return [value]


def _utc_text(value: str) -> str:
    """Write a date-time the way OneRoster does (``2026-01-05T10:00:00.000Z``), whatever its spelling."""
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    if moment.tzinfo is None:
        return value
    moment = moment.astimezone(dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _one_line(value: str) -> str:
    # The binding forbids line breaks inside a field: a line break becomes a space.
    if "\n" in value or "\r" in value:
        return value.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
    return value


# -- CSV text -> JSON value -------------------------------------------------------------------


def _number(text: str) -> int | float:
    """Read a number back as the JSON had it: ``3`` stays an int, ``3.0`` a float."""
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    value = float(text)
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(f"{text!r} is not a finite number")
    return value


def _date_time(text: str) -> str:
    """Read a Date column into a JSON date-time (the REST field is a date-time): midnight UTC."""
    return text + "T00:00:00.000Z" if len(text) == 10 else text


# -- columns ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One CSV column: its header, how it maps to the JSON record, and what the binding asks of it.

    Example:
        ```python
        column = FILES["courses"].column("orgSourcedId")
        column.get({"org": {"sourcedId": "s1"}})   # "s1"
        column.required, column.target            # (True, "orgs")
        ```

    """

    header: str
    get: Getter
    put: Putter | None = None
    fmt: str = TEXT
    required: bool = False
    advisory: bool = False
    target: str | None = None
    vocabulary: tuple[str, ...] = ()
    extensible: bool = False
    sensitive: bool = False


def _col(
    header: str,
    key: str | None = None,
    *,
    fmt: str = TEXT,
    required: bool = False,
    advisory: bool = False,
    vocabulary: tuple[str, ...] = (),
    extensible: bool = False,
    sensitive: bool = False,
    json_datetime: bool = False,
) -> Column:
    """Build a scalar column read from/written to ``key`` (the header by default)."""
    name = key or header

    def get(record: Record) -> str:
        value = _text(record.get(name))
        if fmt == DATE:
            match = _ISO_DATE.match(value)
            return match.group(0) if match else value
        if fmt == DATETIME and value:
            return _utc_text(value)
        return value

    def put(record: dict[str, Any], text: str) -> None:
        if fmt == FLOAT:
            record[name] = _number(text)
        elif json_datetime:
            record[name] = _date_time(text)
        else:
            record[name] = text

    return Column(
        header,
        get,
        put,
        fmt=fmt,
        required=required,
        advisory=advisory,
        vocabulary=vocabulary,
        extensible=extensible,
        sensitive=sensitive,
    )


def _ref(header: str, key: str, target: str, *, required: bool = False, alias: str | None = None) -> Column:
    """Build a column holding the sourcedId of the GUIDRef at ``key`` (or at ``alias``, 1.1's name)."""

    def get(record: Record) -> str:
        found = _sourced_id(record.get(key))
        if not found and alias is not None:
            found = _sourced_id(record.get(alias))
        return found

    def put(record: dict[str, Any], text: str) -> None:
        record[key] = guid_ref(target, text)

    return Column(header, get, put, fmt=REF, required=required, target=target)


def _refs(header: str, key: str, target: str, *, required: bool = False) -> Column:
    """Build a column holding the comma-joined sourcedIds of the list of GUIDRefs at ``key``."""

    def get(record: Record) -> str:
        return ",".join(filter(None, (_sourced_id(item) for item in _items(record.get(key)))))

    def put(record: dict[str, Any], text: str) -> None:
        record[key] = [guid_ref(target, item.strip()) for item in text.split(",") if item.strip()]

    return Column(header, get, put, fmt=REFS, required=required, target=target)


def _list(header: str, key: str | None = None) -> Column:
    """Build a column holding a comma-joined list of strings.

    The binding says list items must not contain commas (and that commas in subjects must be
    removed), so they are dropped rather than producing a list that reads back longer.
    """
    name = key or header

    def get(record: Record) -> str:
        return ",".join(_text(item).replace(",", "") for item in _items(record.get(name)))

    def put(record: dict[str, Any], text: str) -> None:
        record[name] = [item.strip() for item in text.split(",") if item.strip()]

    return Column(header, get, put, fmt=LIST)


def _pairs(header: str, key: str, left: str, right: str, *, required: bool = False) -> Column:
    """Build a column writing a list of objects as ``{left:right}`` items (userIds, scoreScaleValue)."""

    def get(record: Record) -> str:
        rendered = []
        for item in _items(record.get(key)):
            if isinstance(item, Mapping):
                lhs = _text(item.get(left)).replace(":", "").replace("{", "").replace("}", "")
                rhs = _text(item.get(right)).replace("{", "").replace("}", "")
                rendered.append("{" + f"{lhs}:{rhs}" + "}")
        return ",".join(rendered)

    def put(record: dict[str, Any], text: str) -> None:
        record[key] = [{left: a, right: b} for a, b in _PAIR.findall(text)]

    return Column(header, get, put, fmt=PAIRS, required=required)


def _id(header: str = "sourcedId", key: str = "sourcedId") -> Column:
    return _col(header, key, required=True)


def _advisory(column: Column) -> Column:
    """Mark a column that public 1.2 validators require but the REST model leaves optional."""
    return replace(column, advisory=True)


def _status() -> Column:
    return _col("status", vocabulary=("active", "tobedeleted"))


def _modified() -> Column:
    return _col("dateLastModified", fmt=DATETIME)


_HEAD = (_id(), _status(), _modified())


# -- files ------------------------------------------------------------------------------------


def _itself(record: Record) -> Iterator[Record]:
    yield record


@dataclass(frozen=True)
class CsvFile:
    """One file of a bundle: manifest name, columns, and (for attached files) how rows map to a parent.

    ``rows`` turns one REST record of the source collection into this file's rows (by default
    the record itself). For an attached file, ``parent`` names the file whose records it
    extends, ``parent_column`` the column holding the parent's sourcedId, and ``attach`` folds
    one row (as read by the columns' ``put``) into the parent record.

    Example:
        ```python
        FILES["roles"].parent, FILES["roles"].parent_column   # ("users", "userSourcedId")
        ```

    """

    name: str
    columns: tuple[Column, ...]
    schema: str | None = None
    rows: Callable[[Record], Iterable[Record]] = _itself
    parent: str | None = None
    parent_column: str | None = None
    attach: Callable[[dict[str, Any], dict[str, Any]], None] | None = None

    @property
    def filename(self) -> str:
        """The file name inside the bundle (``users.csv``)."""
        return f"{self.name}.csv"

    @property
    def headers(self) -> tuple[str, ...]:
        """The header row, in the binding's order."""
        return tuple(column.header for column in self.columns)

    def column(self, header: str) -> Column:
        """Return the column named ``header``."""
        for column in self.columns:
            if column.header == header:
                return column
        raise KeyError(header)


# -- attached files: expanders (export) and folders (read) ------------------------------------


def role_id(user_id: str, role: Mapping[str, Any]) -> str:
    """Return the stable roles.csv sourcedId of one of a user's roles (REST roles have none).

    Example:
        ```python
        role_id("u1", {"role": "student", "org": {"sourcedId": "s1"}})
        ```

    """
    key = "\x1f".join((user_id, _sourced_id(role.get("org")), _text(role.get("role"))))
    return str(uuid.uuid5(_ROLE_NAMESPACE, key))


def _role_rows(user: Record) -> Iterator[Record]:
    user_id = _sourced_id(user.get("sourcedId"))
    for role in _items(user.get("roles")):
        if not isinstance(role, Mapping):
            continue
        row = dict(role)
        row["userSourcedId"] = user_id
        row["status"], row["dateLastModified"] = user.get("status"), user.get("dateLastModified")
        if not isinstance(row.get("sourcedId"), str):
            row["sourcedId"] = role_id(user_id, role)
        yield row


def _attach_role(user: dict[str, Any], row: dict[str, Any]) -> None:
    role = {key: row[key] for key in ("roleType", "role", "org", "userProfile", "beginDate", "endDate")
            if key in row}  # fmt: skip
    user.setdefault("roles", []).append(role)


def _profile_rows(user: Record) -> Iterator[Record]:
    user_id = _sourced_id(user.get("sourcedId"))
    for profile in _items(user.get("userProfiles")):
        if not isinstance(profile, Mapping):
            continue
        credentials = [c for c in _items(profile.get("credentials")) if isinstance(c, Mapping)]
        # userProfiles.csv holds one credential per profile: the first one is exported.
        credential: Mapping[str, Any] = credentials[0] if credentials else {}
        yield {
            **profile,
            "userSourcedId": user_id,
            "status": user.get("status"),
            "dateLastModified": user.get("dateLastModified"),
            "credentialType": credential.get("type"),
            "username": credential.get("username"),
            "password": credential.get("password"),
        }


def _attach_profile(user: dict[str, Any], row: dict[str, Any]) -> None:
    keys = ("profileId", "profileType", "vendorId", "applicationId", "description")
    profile: dict[str, Any] = {key: row[key] for key in keys if key in row}
    if row.get("credentialType") or row.get("username"):
        credential = {"type": row.get("credentialType"), "username": row.get("username")}
        if row.get("password"):
            credential["password"] = row["password"]
        profile["credentials"] = [credential]
    user.setdefault("userProfiles", []).append(profile)


def _scale_link_rows(parent_header: str) -> Callable[[Record], Iterator[Record]]:
    def rows(record: Record) -> Iterator[Record]:
        parent_id = _sourced_id(record.get("sourcedId"))
        scale_id = _sourced_id(record.get("scoreScale"))
        if parent_id and scale_id:
            yield {
                "sourcedId": str(uuid.uuid5(_LINK_NAMESPACE, f"{parent_id}\x1f{scale_id}")),
                "status": record.get("status"),
                "dateLastModified": record.get("dateLastModified"),
                parent_header: parent_id,
                "scoreScale": record.get("scoreScale"),
            }

    return rows


def _attach_scale(parent: dict[str, Any], row: dict[str, Any]) -> None:
    # The REST model has one score scale per line item / result: the first link row wins.
    if "scoreScale" in row:
        parent.setdefault("scoreScale", row["scoreScale"])


# -- the table --------------------------------------------------------------------------------

_ORG_TYPES = ("department", "school", "district", "local", "state", "national")
_SESSION_TYPES = ("gradingPeriod", "semester", "schoolYear", "term")
_ROLES = ("aide", "counselor", "districtAdministrator", "guardian", "parent", "principal", "proctor",
          "relative", "siteAdministrator", "student", "systemAdministrator", "teacher")  # fmt: skip
_ENROLLMENT_ROLES = ("administrator", "proctor", "student", "teacher")
_SCORE_STATUS = ("exempt", "fully graded", "not submitted", "partially graded", "submitted")
_CLASS_TYPES = ("homeroom", "scheduled")
_SEX = ("female", "male", "unspecified", "other")
_DEMOGRAPHIC_FLAGS = ("americanIndianOrAlaskaNative", "asian", "blackOrAfricanAmerican",
                      "nativeHawaiianOrOtherPacificIslander", "white", "demographicRaceTwoOrMoreRaces",
                      "hispanicOrLatinoEthnicity")  # fmt: skip

_FILES: tuple[CsvFile, ...] = (
    CsvFile("orgs", (*_HEAD, _col("name", required=True),
                     _col("type", required=True, vocabulary=_ORG_TYPES, extensible=True),
                     _col("identifier"), _ref("parentSourcedId", "parent", "orgs")), schema="Org"),
    CsvFile("academicSessions", (*_HEAD, _col("title", required=True),
                                 _col("type", required=True, vocabulary=_SESSION_TYPES, extensible=True),
                                 _col("startDate", fmt=DATE, required=True),
                                 _col("endDate", fmt=DATE, required=True),
                                 _ref("parentSourcedId", "parent", "academicSessions"),
                                 _col("schoolYear", fmt=YEAR, required=True)), schema="AcademicSession"),
    CsvFile("courses", (*_HEAD, _ref("schoolYearSourcedId", "schoolYear", "academicSessions"),
                        _col("title", required=True), _col("courseCode"), _list("grades"),
                        _ref("orgSourcedId", "org", "orgs", required=True), _list("subjects"),
                        _list("subjectCodes")), schema="Course"),
    CsvFile("classes", (*_HEAD, _col("title", required=True), _list("grades"),
                        _ref("courseSourcedId", "course", "courses", required=True), _col("classCode"),
                        _col("classType", required=True, vocabulary=_CLASS_TYPES, extensible=True),
                        _col("location"), _ref("schoolSourcedId", "school", "orgs", required=True),
                        _refs("termSourcedIds", "terms", "academicSessions", required=True),
                        _list("subjects"), _list("subjectCodes"), _list("periods")), schema="Class"),
    CsvFile("users", (*_HEAD, _col("enabledUser", fmt=BOOL, required=True), _col("username", required=True),
                      _pairs("userIds", "userIds", "type", "identifier"), _col("givenName", required=True),
                      _col("familyName", required=True), _col("middleName"), _col("identifier"),
                      _col("email"), _col("sms"), _col("phone"), _refs("agentSourcedIds", "agents", "users"),
                      _list("grades"), _col("password", sensitive=True), _col("userMasterIdentifier"),
                      _col("preferredGivenName", "preferredFirstName"), _col("preferredMiddleName"),
                      _col("preferredFamilyName", "preferredLastName"),
                      _ref("primaryOrgSourcedId", "primaryOrg", "orgs"), _col("pronouns")), schema="User"),
    CsvFile("userProfiles", (_id("sourcedId", "profileId"), _status(), _modified(),
                             _ref("userSourcedId", "userSourcedId", "users", required=True),
                             _col("profileType", required=True), _col("vendorId", required=True),
                             _col("applicationId"), _col("description"),
                             _col("credentialType", required=True),
                             _col("username", required=True), _col("password", sensitive=True)),
            rows=_profile_rows, parent="users", parent_column="userSourcedId", attach=_attach_profile),
    CsvFile("roles", (*_HEAD, _ref("userSourcedId", "userSourcedId", "users", required=True),
                      _col("roleType", required=True, vocabulary=("primary", "secondary")),
                      _col("role", required=True, vocabulary=_ROLES, extensible=True),
                      _col("beginDate", fmt=DATE), _col("endDate", fmt=DATE),
                      _ref("orgSourcedId", "org", "orgs", required=True),
                      _col("userProfileSourcedId", "userProfile")),
            rows=_role_rows, parent="users", parent_column="userSourcedId", attach=_attach_role),
    # demographics.csv: the sourcedId is the user's own.
    CsvFile("demographics", (replace(_id(), fmt=REF, target="users"), _status(), _modified(),
                             _col("birthDate", fmt=DATE), _col("sex", vocabulary=_SEX, extensible=True),
                             *(_col(flag, fmt=BOOL) for flag in _DEMOGRAPHIC_FLAGS[:6]),
                             _col(_DEMOGRAPHIC_FLAGS[6], fmt=BOOL), _col("countryOfBirthCode"),
                             _col("stateOfBirthAbbreviation"), _col("cityOfBirth"),
                             _col("publicSchoolResidenceStatus")), schema="Demographics"),
    CsvFile("enrollments", (*_HEAD, _ref("classSourcedId", "class", "classes", required=True),
                            _ref("schoolSourcedId", "school", "orgs", required=True),
                            _ref("userSourcedId", "user", "users", required=True),
                            _col("role", required=True, vocabulary=_ENROLLMENT_ROLES, extensible=True),
                            _col("primary", fmt=BOOL), _col("beginDate", fmt=DATE),
                            _col("endDate", fmt=DATE)),
            schema="Enrollment"),
    CsvFile("categories", (*_HEAD, _col("title", required=True), _col("weight", fmt=FLOAT)),
            schema="Category"),
    CsvFile("scoreScales", (*_HEAD, _col("title", required=True), _col("type", required=True),
                            # CSV only: the REST ScoreScale has no org; the export takes the class's school.
                            replace(_ref("orgSourcedId", "org", "orgs", required=True), put=None),
                            _advisory(_ref("courseSourcedId", "course", "courses")),
                            _ref("classSourcedId", "class", "classes", required=True),
                            _pairs("scoreScaleValue", "scoreScaleValue", "itemValueLHS", "itemValueRHS",
                                   required=True)), schema="ScoreScale"),
    CsvFile("lineItems", (*_HEAD, _col("title", required=True), _col("description"),
                          _col("assignDate", fmt=DATE, required=True, json_datetime=True),
                          _col("dueDate", fmt=DATE, required=True, json_datetime=True),
                          _ref("classSourcedId", "class", "classes", required=True),
                          _ref("categorySourcedId", "category", "categories", required=True),
                          # 1.1 providers still send the session as "gradingPeriod".
                          _advisory(_ref("academicSessionSourcedId", "academicSession", "academicSessions",
                                         alias="gradingPeriod")),
                          _col("resultValueMin", fmt=FLOAT), _col("resultValueMax", fmt=FLOAT),
                          _ref("schoolSourcedId", "school", "orgs", required=True)), schema="LineItem"),
    CsvFile("lineItemScoreScales", (*_HEAD, _col("title"),
                                    _ref("lineItemSourcedId", "lineItem", "lineItems", required=True),
                                    _ref("scoreScaleSourcedId", "scoreScale", "scoreScales", required=True)),
            rows=_scale_link_rows("lineItem"), parent="lineItems", parent_column="lineItemSourcedId",
            attach=_attach_scale),
    CsvFile("results", (*_HEAD, _ref("lineItemSourcedId", "lineItem", "lineItems", required=True),
                        _ref("studentSourcedId", "student", "users", required=True),
                        _col("scoreStatus", required=True, vocabulary=_SCORE_STATUS, extensible=True),
                        _col("score", fmt=FLOAT), _col("scoreDate", fmt=DATE, required=True), _col("comment"),
                        _col("textScore"), _ref("classSourcedId", "class", "classes"),
                        _col("inProgress", fmt=BOOL), _col("incomplete", fmt=BOOL), _col("late", fmt=BOOL),
                        _col("missing", fmt=BOOL)), schema="Result"),
    CsvFile("resultScoreScales", (*_HEAD, _col("title"),
                                  _ref("resultSourcedId", "result", "results", required=True),
                                  _ref("scoreScaleSourcedId", "scoreScale", "scoreScales", required=True)),
            rows=_scale_link_rows("result"), parent="results", parent_column="resultSourcedId",
            attach=_attach_scale),
)  # fmt: skip


#: Every file this package writes and reads, by manifest name.
FILES: dict[str, CsvFile] = {csv_file.name: csv_file for csv_file in _FILES}

#: The order files are read, validated and imported in: a file after every file it points at.
DEPENDENCY_ORDER: tuple[str, ...] = tuple(csv_file.name for csv_file in _FILES)


@dataclass(frozen=True)
class Source:
    """A REST collection (attribute of ``OneRoster``), its main file and the files attached to it.

    Example:
        ```python
        SOURCES["users"].files   # ("users", "userProfiles", "roles")
        ```

    """

    resource: str
    files: tuple[str, ...]

    @property
    def main(self) -> CsvFile:
        """The file with one row per record of the collection."""
        return FILES[self.files[0]]


#: The REST collections an export reads and an import writes, in dependency order.
SOURCES: dict[str, Source] = {
    source.files[0]: source
    for source in (
        Source("orgs", ("orgs",)),
        Source("academic_sessions", ("academicSessions",)),
        Source("courses", ("courses",)),
        Source("classes", ("classes",)),
        Source("users", ("users", "userProfiles", "roles")),
        Source("demographics", ("demographics",)),
        Source("enrollments", ("enrollments",)),
        Source("categories", ("categories",)),
        Source("score_scales", ("scoreScales",)),
        Source("line_items", ("lineItems", "lineItemScoreScales")),
        Source("results", ("results", "resultScoreScales")),
    )
}


def row_values(csv_file: CsvFile, record: Record, *, include_passwords: bool = False, bulk: bool = True
               ) -> list[list[str]]:  # fmt: skip
    """Return the CSV rows (lists of cell texts, in header order) that one REST record gives.

    In a bulk file ``status`` and ``dateLastModified`` stay blank (the binding's bulk mode);
    in a delta file they carry the record's values.

    Example:
        ```python
        org = {"sourcedId": "o1", "name": "North", "type": "school", "parent": {"sourcedId": "d1"}}
        row_values(FILES["orgs"], org)
        # [["o1", "", "", "North", "school", "", "d1"]]
        ```

    """
    rendered = []
    for row in csv_file.rows(record):
        cells = []
        for column in csv_file.columns:
            if (column.sensitive and not include_passwords) or (
                bulk and column.header in ("status", "dateLastModified")
            ):
                cells.append("")
            else:
                cells.append(_one_line(column.get(row)))
        rendered.append(cells)
    return rendered
