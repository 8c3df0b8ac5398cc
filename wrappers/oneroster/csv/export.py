"""Write a OneRoster 1.2 CSV bundle (``manifest.csv`` + one file per collection) from a REST provider.

Two modes, as the binding's manifest names them:

- **bulk** (the default): the full set of live records. ``status`` and ``dateLastModified``
  stay blank and records marked ``tobedeleted`` are left out, as the binding says of bulk
  files. The bundle is *referentially closed*: after every file is written, a row whose
  required reference points at a record the bundle does not hold (because that record is
  ``tobedeleted``, or a filter left it out) is left out too, its own dependants after it
  (an enrollment of a deleted class, the results of a dropped line item); an optional
  reference is blanked, and a list of references loses the missing ids. Every row left out
  is counted in the report. References into a collection the provider does not serve at
  all are left as they are (nothing can be said about them).
- **delta** (``since=``): the records changed after a moment, ``tobedeleted`` ones included,
  with ``status`` and ``dateLastModified`` filled in.

A row the binding requires a column of (``users.csv`` ``username``, ``scoreScales.csv``
``orgSourcedId``...) is filled from the record (a score scale's org and course come from its
class when the REST record has none) or the export stops with the file, record and column
named.

Example:
    ```python
    from oneroster import OneRoster
    from oneroster.csv import export_bundle

    with OneRoster.from_env() as client:
        report = export_bundle(client, out_dir="roster-2026")
    print(report.rows)       # {"orgs": 12, "users": 3400, "roles": 3550, ...}
    print(report.dropped)    # {"enrollments": 53, ...}: rows whose references were not live
    ```

"""

from __future__ import annotations

import csv
import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Protocol

from oneroster.csv.binding import DEPENDENCY_ORDER, FILES, MANIFEST_FILES, REFS, SOURCES, CsvFile, row_values
from oneroster.engine import UnsupportedOperation
from oneroster.errors import NotFound, ValidationError
from oneroster.filters import Condition, F
from oneroster.paging import Page, iterate

__all__ = ["ExportProgress", "ExportReport", "export_bundle", "parse_since", "stream_records"]

Record = Mapping[str, Any]


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
    if value is None and isinstance(record, Mapping):
        value = record.get("sourcedId")
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

    ``mode`` is ``bulk`` or ``delta``. ``skipped`` maps a collection the provider does not
    offer to the reason. ``dropped`` counts, per file, the rows left out because a required
    reference did not resolve inside the bundle (``dropped_examples`` gives the first few
    as ``sourcedId: column -> missing id``); ``blanked`` counts optional references emptied.

    Example:
        ```python
        report = export_bundle(client, out_dir="bundle")
        report.rows["users"], report.written, report.skipped, report.dropped
        ```

    """

    path: Path
    mode: str = "bulk"
    rows: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)
    dropped: dict[str, int] = field(default_factory=dict)
    dropped_examples: dict[str, list[str]] = field(default_factory=dict)
    blanked: dict[str, int] = field(default_factory=dict)

    @property
    def written(self) -> list[str]:
        """Manifest names of the files in the bundle (those with at least one row)."""
        return [name for name in MANIFEST_FILES if self.rows.get(name)]


def parse_since(text: str) -> str:
    """Check a ``--since`` moment (ISO 8601, a date or a date-time) and return it as UTC ``...Z`` text.

    Example:
        ```python
        parse_since("2026-01-05")              # "2026-01-05T00:00:00.000Z"
        parse_since("2026-01-05T10:00:00+01:00")   # "2026-01-05T09:00:00.000Z"
        ```

    """
    try:
        moment = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise ValidationError(
            f"--since {text!r}: expected an ISO 8601 date or date-time such as 2026-01-05T00:00:00Z",
            field="since",
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    moment = moment.astimezone(dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


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


def _umask() -> int:
    # os.umask can only be read by setting it; put it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _publish(staging: Path, out_dir: Path) -> None:
    """Move the finished bundle into place, replacing what was there only once it is complete."""
    # mkdtemp made the staging directory 0700; the bundle gets what the user's umask says.
    staging.chmod(0o777 & ~_umask())
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
            writer.writerow((f"file.{name}", report.mode if report.rows.get(name) else "absent"))
        writer.writerow(("source.systemName", system_name))


@dataclass
class _State:
    """What the export learns as it goes: live ids per file, and each class's school and course."""

    ids: dict[str, set[str]] = field(default_factory=dict)
    classes: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    offered: set[str] = field(default_factory=set)


_TARGETS = {column.target for f in FILES.values() for column in f.columns if column.target}


def _enrich(resource: str, data: dict[str, Any], state: _State) -> dict[str, Any]:
    """Fill the CSV-only columns from what the export already read."""
    if resource == "classes":
        state.classes[str(data.get("sourcedId"))] = (data.get("school"), data.get("course"))
    elif resource == "score_scales":
        # scoreScales.csv wants the scale's org (the REST model has none) and its course: a scale
        # belongs to a class, whose school and course they are.
        klass = data.get("class")
        school, course = state.classes.get(
            str(klass.get("sourcedId")) if isinstance(klass, Mapping) else "", (None, None)
        )
        data = dict(data)
        data.setdefault("org", school)
        if not data.get("course"):
            data["course"] = course
    return data


def _check_required(
    csv_file: CsvFile, row: list[str], *, delta: bool, resource: str, record_id: object
) -> None:
    for column, value in zip(csv_file.columns, row, strict=True):
        needed = column.required and not column.advisory and not column.sensitive
        if delta and column.header in ("status", "dateLastModified"):
            needed = True
        if needed and not value:
            raise ValidationError(
                f"{csv_file.filename}: the {resource} record {record_id!r} has no value for {column.header}, "
                f"which the OneRoster 1.2 CSV binding requires; nothing was written",
                field=column.header,
            )


def export_bundle(
    client: Any,
    *,
    out_dir: str | os.PathLike[str],
    where: Condition | None = None,
    filter: str | None = None,
    since: str | None = None,
    force: bool = False,
    include_passwords: bool = False,
    progress: ExportProgress | None = None,
    system_name: str = "oneroster-client",
) -> ExportReport:
    """Write a OneRoster 1.2 CSV bundle of everything ``client`` can list into ``out_dir``.

    Without ``since`` the bundle is a referentially closed *bulk* bundle of the live
    records; with ``since`` (ISO 8601) it is a *delta* bundle of the records changed after
    that moment (``tobedeleted`` ones included, with ``status`` and ``dateLastModified``).
    Records are streamed (one page in memory at a time) into a hidden staging directory
    next to ``out_dir``, which is renamed into place only when every file and the manifest
    are complete: an error or Ctrl-C leaves no half bundle behind. ``where``/``filter`` are
    sent with every collection listing. A collection the provider does not offer (the
    profile lacks it, or its endpoint answers 404) is skipped and listed in
    ``report.skipped``. The bundle directory gets the permissions the umask gives.

    Example:
        ```python
        report = export_bundle(client, out_dir="bundle", where=F("status") == "active")
        report.written   # ["academicSessions", "classes", ..., "users"]
        delta = export_bundle(client, out_dir="changes", since="2026-01-05T00:00:00Z")
        ```

    """
    target = Path(out_dir)
    if since is not None:
        since = parse_since(since)
        if filter is not None:
            raise ValidationError("--since cannot be combined with --filter; use --where", field="since")
        changed = F("dateLastModified") > since
        where = changed if where is None else where & changed
    _check_target(target, force=force)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent))
    report = ExportReport(path=target, mode="bulk" if since is None else "delta")
    state = _State()
    try:
        for source in SOURCES.values():
            _export_source(
                client,
                source.resource,
                source.files,
                staging,
                report,
                state,
                where=where,
                filter=filter,
                include_passwords=include_passwords,
                progress=progress,
            )
        if report.mode == "bulk":
            _close_references(staging, report, state)
        _write_manifest(staging, report, system_name=system_name)
        _publish(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return report


def _export_source(
    client: Any,
    resource: str,
    names: tuple[str, ...],
    staging: Path,
    report: ExportReport,
    state: _State,
    *,
    where: Condition | None,
    filter: str | None,
    include_passwords: bool,
    progress: ExportProgress | None,
) -> None:
    files = _Files(staging)
    started = False
    delta = report.mode == "delta"
    csv_files = [FILES[name] for name in names]

    def on_page(page: Page[Any]) -> None:
        nonlocal started
        if not started and progress is not None:
            progress.begin(resource, page.total)
        started = True

    try:
        for record in stream_records(getattr(client, resource), where=where, filter=filter, on_page=on_page):
            data = record.to_dict() if hasattr(record, "to_dict") else dict(record)
            if progress is not None:
                progress.advance(resource, 1)
            data = _enrich(resource, data, state)
            # A bulk file is the full set of live records: deleted ones are simply not in it.
            if not delta and data.get("status") == "tobedeleted":
                continue
            for csv_file in csv_files:
                rows = row_values(csv_file, data, include_passwords=include_passwords, bulk=not delta)
                if not rows:
                    continue
                for row in rows:
                    _check_required(
                        csv_file, row, delta=delta, resource=resource, record_id=data.get("sourcedId")
                    )
                    if csv_file.name in _TARGETS:
                        state.ids.setdefault(csv_file.name, set()).add(row[0])
                files.writer(csv_file).writerows(rows)
                report.rows[csv_file.name] = report.rows.get(csv_file.name, 0) + len(rows)
        state.offered.update(names)
    except (UnsupportedOperation, NotFound) as exc:
        if started:
            raise
        report.skipped[resource] = str(exc)
    finally:
        files.close()
        if progress is not None:
            progress.end(resource)


def _close_references(staging: Path, report: ExportReport, state: _State) -> None:
    """Leave out rows whose required references do not resolve inside the bundle, dependants first."""
    for name in DEPENDENCY_ORDER:
        csv_file = FILES[name]
        path = staging / csv_file.filename
        checks = [
            (index, column)
            for index, column in enumerate(csv_file.columns)
            if column.target is not None and column.target in state.offered
        ]
        if not report.rows.get(name) or not checks:
            continue
        kept = 0
        part = path.with_name(path.name + ".part")
        with (
            path.open(encoding="utf-8", newline="") as source,
            part.open("w", encoding="utf-8", newline="") as out,
        ):
            reader, writer = csv.reader(source), csv.writer(out, lineterminator="\r\n")
            writer.writerow(next(reader))
            for row in reader:
                missing = _resolve(row, checks, state, report, name)
                if missing is None:
                    writer.writerow(row)
                    kept += 1
                    continue
                report.dropped[name] = report.dropped.get(name, 0) + 1
                examples = report.dropped_examples.setdefault(name, [])
                if len(examples) < 5:
                    examples.append(f"{row[0]}: {missing}")
                if name in state.ids:
                    state.ids[name].discard(row[0])
        os.replace(part, path)
        if kept:
            report.rows[name] = kept
        else:
            # The binding has no empty files: a file whose every row went is absent.
            report.rows.pop(name, None)
            path.unlink()


def _resolve(
    row: list[str], checks: list[tuple[int, Any]], state: _State, report: ExportReport, name: str
) -> str | None:
    """Fix one row's references in place; return why it must go (``column -> id``), or None."""
    for index, column in checks:
        value = row[index]
        if not value:
            continue
        live = state.ids.get(column.target, set())
        if column.fmt == REFS:
            items = value.split(",")
            present = [item for item in items if item in live]
            if len(present) != len(items):
                if column.required and not present:
                    return f"{column.header} -> {value}"
                row[index] = ",".join(present)
                report.blanked[name] = report.blanked.get(name, 0) + 1
        elif value not in live:
            if column.required:
                return f"{column.header} -> {value}"
            row[index] = ""
            report.blanked[name] = report.blanked.get(name, 0) + 1
    return None
