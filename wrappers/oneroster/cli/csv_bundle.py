"""Write a OneRoster 1.2 CSV bundle (``manifest.csv`` + one file per collection) from a REST provider.

The file names and column headers are those of the 1EdTech *OneRoster 1.2.1 CSV Binding*
(Final Release), the version published at ``imsglobal.org/spec/oneroster/v1p2/bind/csv``.
How a JSON record becomes a CSV row is data, not code: each ``CsvFile`` lists its columns
in the binding's order, and each ``Column`` names the JSON key it reads and the converter
that renders it (a GUIDRef becomes its ``sourcedId``, a list becomes a comma-joined string,
booleans become ``true``/``false``...). ``users.csv``, ``roles.csv`` and ``userProfiles.csv``
are all fed from one pass over ``/users``: a file may turn one record into several rows.

The bundle is a *bulk* one: ``status`` and ``dateLastModified`` stay blank (the binding
forbids them in bulk mode) and records whose status is ``tobedeleted`` are left out.
Files the binding would have without rows are not written (it forbids empty files) and are
listed as ``absent`` in the manifest.

Example:
    ```python
    from oneroster import OneRoster
    from oneroster.cli.csv_bundle import export_bundle

    with OneRoster.from_env() as client:
        report = export_bundle(client, out_dir="roster-2026")
    print(report.rows)   # {"orgs": 12, "users": 3400, "roles": 3550, ...}
    ```

"""

from __future__ import annotations

import csv
import decimal
import os
import re
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Protocol

from oneroster.engine import UnsupportedOperation
from oneroster.errors import NotFound, ValidationError
from oneroster.filters import Condition
from oneroster.paging import Page, iterate

__all__ = [
    "BUNDLE",
    "MANIFEST_FILES",
    "Column",
    "CsvFile",
    "ExportProgress",
    "ExportReport",
    "Source",
    "export_bundle",
    "row_values",
    "stream_records",
]

Record = Mapping[str, Any]
Getter = Callable[[Record], str]

#: Every data file of the 1.2.1 binding, in the order of its manifest table (Table 3.1).
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

# Synthesised role ids must be stable across exports, so they are name-based (UUIDv5).
_ROLE_NAMESPACE = uuid.UUID("6f0c3c52-7a55-4d5e-9a4c-2b9e4f0d1a11")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


# -- converters: JSON value -> CSV text ------------------------------------------------------


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


def text(key: str) -> Getter:
    """Return a column converter reading the scalar at ``key``.

    Example:
        ```python
        text("weight")({"weight": 0.25})   # "0.25"
        ```

    """
    return lambda record: _text(record.get(key))


def ref(*keys: str) -> Getter:
    """Return a column converter reading the ``sourcedId`` of the first of ``keys`` that has one.

    Example:
        ```python
        ref("academicSession", "gradingPeriod")({"gradingPeriod": {"sourcedId": "t1"}})   # "t1"
        ```

    """

    def get(record: Record) -> str:
        for key in keys:
            found = _sourced_id(record.get(key))
            if found:
                return found
        return ""

    return get


def refs(key: str) -> Getter:
    """Return a column converter joining the ``sourcedId``s of a list of GUIDRefs with commas.

    Example:
        ```python
        refs("terms")({"terms": [{"sourcedId": "t1"}, {"sourcedId": "t2"}]})   # "t1,t2"
        ```

    """
    return lambda record: ",".join(filter(None, (_sourced_id(item) for item in _items(record.get(key)))))


def strings(key: str) -> Getter:
    """Return a column converter joining a list of strings with commas.

    The binding says list items must not contain commas (and that commas in subjects must be
    removed), so they are dropped rather than producing a list that reads back longer.

    Example:
        ```python
        strings("grades")({"grades": ["09", "10"]})   # "09,10"
        ```

    """
    return lambda record: ",".join(_text(item).replace(",", "") for item in _items(record.get(key)))


def date(key: str) -> Getter:
    """Return a column converter for a ``Date`` column (``YYYY-MM-DD``): a timestamp loses its time.

    Example:
        ```python
        date("assignDate")({"assignDate": "2026-01-10T08:00:00.000Z"})   # "2026-01-10"
        ```

    """

    def get(record: Record) -> str:
        value = _text(record.get(key))
        match = _ISO_DATE.match(value)
        return match.group(0) if match else value

    return get


def pairs(key: str, left: str, right: str) -> Getter:
    """Return a column converter writing a list of objects as ``{left:right}`` items (userIds, scales).

    Example:
        ```python
        pairs("userIds", "type", "identifier")({"userIds": [{"type": "LDAP", "identifier": "ana"}]})
        # "{LDAP:ana}"
        ```

    """

    def get(record: Record) -> str:
        rendered = []
        for item in _items(record.get(key)):
            if isinstance(item, Mapping):
                rendered.append("{" + f"{_text(item.get(left))}:{_text(item.get(right))}" + "}")
        return ",".join(rendered)

    return get


def blank(record: Record) -> str:
    """Return nothing: the converter of ``status``/``dateLastModified``, blank in a bulk file.

    Example:
        ```python
        blank({"status": "active"})   # ""
        ```

    """
    return ""


# -- row expanders: one JSON record -> the rows of one file -----------------------------------


def _itself(record: Record) -> Iterator[Record]:
    yield record


def _role_rows(user: Record) -> Iterator[Record]:
    user_id = _sourced_id(user.get("sourcedId"))
    for role in _items(user.get("roles")):
        if not isinstance(role, Mapping):
            continue
        row = dict(role)
        row["userSourcedId"] = user_id
        if not isinstance(row.get("sourcedId"), str):
            # REST roles have no id of their own; roles.csv needs one per row.
            key = "\x1f".join((user_id, _sourced_id(role.get("org")), _text(role.get("role"))))
            row["sourcedId"] = str(uuid.uuid5(_ROLE_NAMESPACE, key))
        yield row


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
            "credentialType": credential.get("type"),
            "username": credential.get("username"),
            "password": credential.get("password"),
        }


# -- the table --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One CSV column: its exact header and how its text is read from a JSON record.

    ``sensitive`` columns (passwords) are left blank unless the export asks for them.

    Example:
        ```python
        Column("orgSourcedId", ref("org")).get({"org": {"sourcedId": "s1"}})   # "s1"
        ```

    """

    header: str
    get: Getter
    sensitive: bool = False


@dataclass(frozen=True)
class CsvFile:
    """One file of the bundle: its manifest name (``users`` for ``users.csv``), columns and row expander.

    ``rows`` turns one JSON record into the records of this file's rows (by default the
    record itself; ``roles.csv`` gets one per entry of a user's ``roles``).

    Example:
        ```python
        ORGS.filename, ORGS.headers[:4]   # ("orgs.csv", ("sourcedId", "status", "dateLastModified", "name"))
        ```

    """

    name: str
    columns: tuple[Column, ...]
    rows: Callable[[Record], Iterable[Record]] = _itself

    @property
    def filename(self) -> str:
        """The file name inside the bundle (``users.csv``)."""
        return f"{self.name}.csv"

    @property
    def headers(self) -> tuple[str, ...]:
        """The header row, in the binding's order."""
        return tuple(column.header for column in self.columns)


@dataclass(frozen=True)
class Source:
    """A REST collection (attribute of ``OneRoster``) and the files its records feed.

    Example:
        ```python
        Source("users", (USERS, ROLES, USER_PROFILES))   # one pass over /users, three files
        ```

    """

    resource: str
    files: tuple[CsvFile, ...]


def _c(header: str, get: Getter | None = None, *, sensitive: bool = False) -> Column:
    return Column(header, get if get is not None else text(header), sensitive)


# Every file starts with these three; bulk mode leaves the last two blank.
_HEAD = (_c("sourcedId"), _c("status", blank), _c("dateLastModified", blank))

ACADEMIC_SESSIONS = CsvFile(
    "academicSessions",
    (*_HEAD, _c("title"), _c("type"), _c("startDate", date("startDate")), _c("endDate", date("endDate")),
     _c("parentSourcedId", ref("parent")), _c("schoolYear")),
)  # fmt: skip
CATEGORIES = CsvFile("categories", (*_HEAD, _c("title"), _c("weight")))
CLASSES = CsvFile(
    "classes",
    (*_HEAD, _c("title"), _c("grades", strings("grades")), _c("courseSourcedId", ref("course")),
     _c("classCode"), _c("classType"), _c("location"), _c("schoolSourcedId", ref("school")),
     _c("termSourcedIds", refs("terms")), _c("subjects", strings("subjects")),
     _c("subjectCodes", strings("subjectCodes")), _c("periods", strings("periods"))),
)  # fmt: skip
COURSES = CsvFile(
    "courses",
    (*_HEAD, _c("schoolYearSourcedId", ref("schoolYear")), _c("title"), _c("courseCode"),
     _c("grades", strings("grades")), _c("orgSourcedId", ref("org")), _c("subjects", strings("subjects")),
     _c("subjectCodes", strings("subjectCodes"))),
)  # fmt: skip
DEMOGRAPHICS = CsvFile(
    "demographics",
    (*_HEAD, _c("birthDate", date("birthDate")), _c("sex"), _c("americanIndianOrAlaskaNative"), _c("asian"),
     _c("blackOrAfricanAmerican"), _c("nativeHawaiianOrOtherPacificIslander"), _c("white"),
     _c("demographicRaceTwoOrMoreRaces"), _c("hispanicOrLatinoEthnicity"), _c("countryOfBirthCode"),
     _c("stateOfBirthAbbreviation"), _c("cityOfBirth"), _c("publicSchoolResidenceStatus")),
)  # fmt: skip
ENROLLMENTS = CsvFile(
    "enrollments",
    (*_HEAD, _c("classSourcedId", ref("class")), _c("schoolSourcedId", ref("school")),
     _c("userSourcedId", ref("user")), _c("role"), _c("primary"), _c("beginDate", date("beginDate")),
     _c("endDate", date("endDate"))),
)  # fmt: skip
LINE_ITEMS = CsvFile(
    "lineItems",
    (*_HEAD, _c("title"), _c("description"), _c("assignDate", date("assignDate")),
     _c("dueDate", date("dueDate")), _c("classSourcedId", ref("class")),
     _c("categorySourcedId", ref("category")),
     # 1.1 providers still send the session as "gradingPeriod".
     _c("academicSessionSourcedId", ref("academicSession", "gradingPeriod")),
     _c("resultValueMin"), _c("resultValueMax"), _c("schoolSourcedId", ref("school"))),
)  # fmt: skip
ORGS = CsvFile(
    "orgs",
    (*_HEAD, _c("name"), _c("type"), _c("identifier"), _c("parentSourcedId", ref("parent"))),
)
RESULTS = CsvFile(
    "results",
    (*_HEAD, _c("lineItemSourcedId", ref("lineItem")), _c("studentSourcedId", ref("student")),
     _c("scoreStatus"), _c("score"), _c("scoreDate", date("scoreDate")), _c("comment"), _c("textScore"),
     _c("classSourcedId", ref("class")), _c("inProgress"), _c("incomplete"), _c("late"), _c("missing")),
)  # fmt: skip
ROLES = CsvFile(
    "roles",
    (*_HEAD, _c("userSourcedId"), _c("roleType"), _c("role"), _c("beginDate", date("beginDate")),
     _c("endDate", date("endDate")), _c("orgSourcedId", ref("org")),
     _c("userProfileSourcedId", text("userProfile"))),
    rows=_role_rows,
)  # fmt: skip
SCORE_SCALES = CsvFile(
    "scoreScales",
    (*_HEAD, _c("title"), _c("type"), _c("orgSourcedId", ref("org")), _c("courseSourcedId", ref("course")),
     _c("classSourcedId", ref("class")),
     _c("scoreScaleValue", pairs("scoreScaleValue", "itemValueLHS", "itemValueRHS"))),
)  # fmt: skip
USER_PROFILES = CsvFile(
    "userProfiles",
    (_c("sourcedId", text("profileId")), _c("status", blank), _c("dateLastModified", blank),
     _c("userSourcedId"), _c("profileType"), _c("vendorId"), _c("applicationId"), _c("description"),
     _c("credentialType"), _c("username"), _c("password", sensitive=True)),
    rows=_profile_rows,
)  # fmt: skip
USERS = CsvFile(
    "users",
    (*_HEAD, _c("enabledUser"), _c("username"), _c("userIds", pairs("userIds", "type", "identifier")),
     _c("givenName"), _c("familyName"), _c("middleName"), _c("identifier"), _c("email"), _c("sms"),
     _c("phone"), _c("agentSourcedIds", refs("agents")), _c("grades", strings("grades")),
     _c("password", sensitive=True), _c("userMasterIdentifier"),
     _c("preferredGivenName", text("preferredFirstName")), _c("preferredMiddleName"),
     _c("preferredFamilyName", text("preferredLastName")), _c("primaryOrgSourcedId", ref("primaryOrg")),
     _c("pronouns")),
)  # fmt: skip

#: What the export reads, in dependency order, and the files each collection feeds.
BUNDLE: tuple[Source, ...] = (
    Source("academic_sessions", (ACADEMIC_SESSIONS,)),
    Source("orgs", (ORGS,)),
    Source("courses", (COURSES,)),
    Source("classes", (CLASSES,)),
    Source("users", (USERS, ROLES, USER_PROFILES)),
    Source("demographics", (DEMOGRAPHICS,)),
    Source("enrollments", (ENROLLMENTS,)),
    Source("categories", (CATEGORIES,)),
    Source("score_scales", (SCORE_SCALES,)),
    Source("line_items", (LINE_ITEMS,)),
    Source("results", (RESULTS,)),
)


def row_values(csv_file: CsvFile, record: Record, *, include_passwords: bool = False) -> list[list[str]]:
    """Return the CSV rows (lists of cell texts, in header order) that one JSON record gives.

    Example:
        ```python
        org = {"sourcedId": "o1", "name": "North", "type": "school", "parent": {"sourcedId": "d1"}}
        row_values(ORGS, org)
        # [["o1", "", "", "North", "school", "", "d1"]]
        ```

    """
    return [
        [
            "" if column.sensitive and not include_passwords else _one_line(column.get(row))
            for column in csv_file.columns
        ]
        for row in csv_file.rows(record)
    ]


def _one_line(value: str) -> str:
    # The binding forbids carriage returns inside a field; a line break becomes a space.
    return value.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")


# -- streaming --------------------------------------------------------------------------------


class _Listing(Protocol):
    def list(
        self,
        *,
        where: Mapping[str, object] | Condition | None = ...,
        filter: str | None = ...,
        sort: str | None = ...,
        order_by: str | None = ...,
        fields: Sequence[str] | str | None = ...,
        search: str | None = ...,
        limit: int | None = ...,
        offset: int = ...,
    ) -> Page[Any]: ...


def _record_key(record: object) -> object:
    value = getattr(record, "sourced_id", None)
    return value if isinstance(value, str) else None


def stream_records(
    listing: _Listing,
    *,
    where: Condition | None = None,
    filter: str | None = None,
    sort: str | None = None,
    order_by: str | None = None,
    fields: Sequence[str] | None = None,
    search: str | None = None,
    start_offset: int = 0,
    max_items: int | None = None,
    on_page: Callable[[Page[Any]], None] | None = None,
) -> Iterator[Any]:
    """Yield every record of a listing page by page, telling ``on_page`` about each page received.

    Like ``Listing.stream`` (same end-of-collection rules, same loop guards), but the caller
    sees each ``Page`` and so its ``total``, which a progress bar needs.

    Example:
        ```python
        for user in stream_records(client.users, on_page=lambda page: print(page.total)):
            ...
        ```

    """

    def fetch(offset: int) -> Page[Any]:
        page = listing.list(
            where=where,
            filter=filter,
            sort=sort,
            order_by=order_by,
            fields=fields,
            search=search,
            offset=offset,
        )
        if on_page is not None:
            on_page(page)
        return page

    return iterate(fetch, start_offset=start_offset, max_items=max_items, key=_record_key)


# -- the export -------------------------------------------------------------------------------


class ExportProgress(Protocol):
    """Receives progress events of :func:`export_bundle` (a progress bar, a log...).

    Example:
        ```python
        class Log:
            def begin(self, resource, total): print(resource, "of", total)
            def advance(self, resource, count): pass
            def end(self, resource): print(resource, "done")

        export_bundle(client, out_dir="bundle", progress=Log())
        ```

    """

    def begin(self, resource: str, total: int | None) -> None:
        """Start ``resource``: its first page arrived; ``total`` is the server's count, if sent."""

    def advance(self, resource: str, count: int) -> None:
        """Count ``count`` more records of ``resource``."""

    def end(self, resource: str) -> None:
        """Finish ``resource`` (done, or skipped)."""


@dataclass
class ExportReport:
    """What an export wrote: rows per file (files absent from ``rows`` were not written).

    ``skipped`` maps a collection the provider does not offer to the reason.

    Example:
        ```python
        report = export_bundle(client, out_dir="bundle")
        report.rows["users"], report.written, report.skipped
        ```

    """

    path: Path
    rows: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)

    @property
    def written(self) -> list[str]:
        """Manifest names of the files in the bundle (those with at least one row)."""
        return [name for name in MANIFEST_FILES if self.rows.get(name)]


class _Files:
    """The open CSV files of one source; a file is created on its first row only."""

    def __init__(self, directory: Path) -> None:
        self._directory = directory
        self._open: dict[str, tuple[IO[str], Any]] = {}

    def writer(self, csv_file: CsvFile) -> Any:
        entry = self._open.get(csv_file.name)
        if entry is None:
            handle = (self._directory / csv_file.filename).open("w", encoding="utf-8", newline="")
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow(csv_file.headers)
            entry = self._open[csv_file.name] = (handle, writer)
        return entry[1]

    def close(self) -> None:
        for handle, _ in self._open.values():
            handle.close()
        self._open.clear()


def _check_target(out_dir: Path, *, force: bool) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise ValidationError(f"{out_dir} exists and is not a directory", field="out")
    if out_dir.is_dir() and any(out_dir.iterdir()) and not force:
        raise ValidationError(
            f"{out_dir} is not empty; choose a new directory or pass --force to replace it", field="out"
        )
    if not out_dir.parent.is_dir():
        raise ValidationError(f"the parent directory of {out_dir} does not exist", field="out")


def _publish(staging: Path, out_dir: Path) -> None:
    """Move the finished bundle into place, replacing what was there only once it is complete."""
    if out_dir.is_dir():
        old = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", suffix=".old", dir=out_dir.parent))
        old.rmdir()
        out_dir.rename(old)
        try:
            staging.rename(out_dir)
        except BaseException:
            old.rename(out_dir)
            raise
        shutil.rmtree(old, ignore_errors=True)
    else:
        staging.rename(out_dir)


def _write_manifest(directory: Path, report: ExportReport, *, system_name: str) -> None:
    with (directory / "manifest.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(("propertyName", "value"))
        writer.writerow(("manifest.version", "1.0"))
        writer.writerow(("oneroster.version", "1.2"))
        for name in MANIFEST_FILES:
            writer.writerow((f"file.{name}", "bulk" if report.rows.get(name) else "absent"))
        writer.writerow(("source.systemName", system_name))


def export_bundle(
    client: Any,
    *,
    out_dir: str | os.PathLike[str],
    where: Condition | None = None,
    filter: str | None = None,
    force: bool = False,
    include_passwords: bool = False,
    progress: ExportProgress | None = None,
    system_name: str = "oneroster-client",
) -> ExportReport:
    """Write a OneRoster 1.2 bulk CSV bundle of everything ``client`` can list into ``out_dir``.

    Records are streamed (one page in memory at a time) into a hidden staging directory next
    to ``out_dir``, which is renamed into place only when every file and the manifest are
    complete: an error or Ctrl-C leaves no half bundle behind. ``where``/``filter`` are sent
    with every collection listing. A collection the provider does not offer (the profile
    lacks it, or its endpoint answers 404) is skipped and listed in ``report.skipped``.

    Example:
        ```python
        report = export_bundle(client, out_dir="bundle", where=F("status") == "active")
        report.written   # ["academicSessions", "classes", ..., "users"]
        ```

    """
    target = Path(out_dir)
    _check_target(target, force=force)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent))
    report = ExportReport(path=target)
    try:
        for source in BUNDLE:
            _export_source(client, source, staging, report, where, filter, include_passwords, progress)
        _write_manifest(staging, report, system_name=system_name)
        _publish(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return report


def _export_source(
    client: Any,
    source: Source,
    staging: Path,
    report: ExportReport,
    where: Condition | None,
    filter: str | None,
    include_passwords: bool,
    progress: ExportProgress | None,
) -> None:
    files = _Files(staging)
    started = False

    def on_page(page: Page[Any]) -> None:
        nonlocal started
        if not started and progress is not None:
            progress.begin(source.resource, page.total)
        started = True

    try:
        for record in stream_records(
            getattr(client, source.resource), where=where, filter=filter, on_page=on_page
        ):
            data = record.to_dict() if hasattr(record, "to_dict") else dict(record)
            if progress is not None:
                progress.advance(source.resource, 1)
            # A bulk file is the full set of live records: deleted ones are simply not in it.
            if data.get("status") == "tobedeleted":
                continue
            for csv_file in source.files:
                rows = row_values(csv_file, data, include_passwords=include_passwords)
                if rows:
                    files.writer(csv_file).writerows(rows)
                    report.rows[csv_file.name] = report.rows.get(csv_file.name, 0) + len(rows)
    except (UnsupportedOperation, NotFound) as exc:
        if started:
            raise
        report.skipped[source.resource] = str(exc)
    finally:
        files.close()
        if progress is not None:
            progress.end(source.resource)
