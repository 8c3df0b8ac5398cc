"""How the ``oneroster`` command writes records: table, JSON, JSON Lines or CSV, and progress bars.

Writers take records one at a time so that ``--all`` can stream: JSON Lines and CSV rows
go out as they arrive, a JSON array is opened on the first record and closed at the end
(so the output is valid JSON even when empty), and only the table collects its rows.

Example:
    ```python
    import sys
    from oneroster.cli.output import Format, make_writer

    writer = make_writer(Format.JSONL, sys.stdout, fields=None)
    writer.write({"sourcedId": "u1", "givenName": "Ana"})
    writer.close()
    ```

"""

from __future__ import annotations

import csv
import enum
import json
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import IO, Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table

__all__ = [
    "ExportBars",
    "Format",
    "ProgressBar",
    "RecordWriter",
    "cell",
    "format_for_path",
    "make_writer",
    "progress_bar",
    "to_record_dict",
    "write_single",
]


class Format(enum.StrEnum):
    """Output formats of ``list``/``get``.

    Example:
        ```python
        Format("jsonl") is Format.JSONL   # True
        ```

    """

    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"


_SUFFIXES = {".csv": Format.CSV, ".json": Format.JSON, ".jsonl": Format.JSONL, ".ndjson": Format.JSONL}


def format_for_path(path: str | None, *, default: Format = Format.TABLE) -> Format:
    """Choose a format from an ``--out`` file name (``.csv``, ``.json``, ``.jsonl``), else ``default``.

    Example:
        ```python
        format_for_path("students.csv")   # Format.CSV
        format_for_path(None)             # Format.TABLE
        ```

    """
    if path:
        for suffix, fmt in _SUFFIXES.items():
            if path.lower().endswith(suffix):
                return fmt
    return default


def to_record_dict(record: object) -> dict[str, Any]:
    """Return the JSON form of a record (a generated model's ``to_dict()``, or a mapping copied).

    Example:
        ```python
        to_record_dict(client.users.get("u1"))["givenName"]
        ```

    """
    to_dict = getattr(record, "to_dict", None)
    if callable(to_dict):
        return dict(to_dict())
    if isinstance(record, Mapping):
        return dict(record)
    raise TypeError(f"cannot render a {type(record).__name__} as a record")


def cell(value: object) -> str:
    """Render one JSON value as flat text for a table or CSV cell.

    A reference (``{"sourcedId": ...}``) becomes its id, a list of references or of plain
    values its items comma-joined, booleans ``true``/``false`` and ``None`` nothing; any
    other object (a role, ``metadata``, ``userIds``) becomes compact JSON, so a column holds
    the same shape of text on every row and nothing in it is lost.

    Example:
        ```python
        cell([{"sourcedId": "t1"}, {"sourcedId": "t2"}])   # "t1,t2"
        cell({"schoolLevel": "high"})                     # '{"schoolLevel":"high"}'
        ```

    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Mapping):
        sourced_id = value.get("sourcedId")
        if isinstance(sourced_id, str):
            return sourced_id
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    if isinstance(value, list | tuple):
        if all(_is_flat(item) for item in value):
            return ",".join(cell(item) for item in value)
        return json.dumps(list(value), ensure_ascii=False, separators=(",", ":"), default=str)
    return str(value)


def _is_flat(value: object) -> bool:
    """Tell whether a list item renders without losing anything: a scalar or a reference."""
    if isinstance(value, Mapping):
        return isinstance(value.get("sourcedId"), str)
    return not isinstance(value, list | tuple)


def _json(value: object, *, indent: int | None = None) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent, default=str)


class RecordWriter:
    """Base class of the writers: ``write`` records, then ``close`` once; ``count`` says how many.

    Example:
        ```python
        writer = make_writer(Format.JSON, sys.stdout, fields=None)
        for record in records:
            writer.write(record)
        writer.close()   # "]" — the array is complete
        ```

    """

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.count = 0

    def write(self, record: Mapping[str, Any]) -> None:
        """Write one record."""
        self.count += 1
        self._write(record)

    def _write(self, record: Mapping[str, Any]) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Finish the output (close the JSON array, render the table...)."""


class _JsonLines(RecordWriter):
    def _write(self, record: Mapping[str, Any]) -> None:
        self.stream.write(_json(record) + "\n")
        self.stream.flush()


class _JsonArray(RecordWriter):
    def _write(self, record: Mapping[str, Any]) -> None:
        self.stream.write(("[\n  " if self.count == 1 else ",\n  ") + _json(record))
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        self.stream.flush()


class _Csv(RecordWriter):
    def __init__(self, stream: IO[str], fields: Sequence[str] | None) -> None:
        super().__init__(stream)
        # The columns are fixed before the first row: the --fields selection, or every field of
        # the record model, so a field the first records lack is not dropped from the header.
        self._fields = list(fields) if fields else None
        self._writer = csv.writer(stream)
        self._header_done = False

    def _header(self) -> None:
        if not self._header_done and self._fields is not None:
            self._writer.writerow(self._fields)
            self._header_done = True

    def _write(self, record: Mapping[str, Any]) -> None:
        if self._fields is None:
            # Records of no known model: the first record's keys are all there is to go by.
            self._fields = list(record)
        self._header()
        self._writer.writerow([cell(record.get(name)) for name in self._fields])
        self.stream.flush()

    def close(self) -> None:
        self._header()
        self.stream.flush()


class _Table(RecordWriter):
    def __init__(self, stream: IO[str], fields: Sequence[str] | None, title: str | None) -> None:
        super().__init__(stream)
        self._fields = list(fields) if fields else None
        self._rows: list[Mapping[str, Any]] = []
        self._title = title

    def _write(self, record: Mapping[str, Any]) -> None:
        self._rows.append(record)

    def close(self) -> None:
        columns = self._fields
        if columns is None:
            seen: dict[str, None] = {}
            for row in self._rows:
                seen.update(dict.fromkeys(row))
            # Metadata is a free-form extension bag: rarely readable in a cell.
            columns = [name for name in seen if name != "metadata"]
        table = Table(title=self._title, show_lines=False)
        for name in columns:
            table.add_column(name, overflow="fold")
        for row in self._rows:
            table.add_row(*(cell(row.get(name)) for name in columns))
        # Off a terminal rich would assume 80 columns and fold every cell; give tables room.
        width = None if self.stream.isatty() else 160
        console = Console(file=self.stream, highlight=False, soft_wrap=False, width=width)
        if not self._rows:
            console.print("(no records)")
        else:
            console.print(table)


def make_writer(
    fmt: Format,
    stream: IO[str],
    *,
    fields: Sequence[str] | None,
    title: str | None = None,
    columns: Sequence[str] | None = None,
) -> RecordWriter:
    """Return the writer for ``fmt`` on ``stream``; ``fields`` fixes the columns of table/CSV.

    ``columns`` is the full column list of a CSV listing without ``fields`` (the record
    model's fields, in the spec's order): the header is known before the first record, and
    every record is written under it.

    Example:
        ```python
        writer = make_writer(Format.CSV, open("users.csv", "w", newline=""), fields=["sourcedId"])
        ```

    """
    if fmt is Format.JSONL:
        return _JsonLines(stream)
    if fmt is Format.JSON:
        return _JsonArray(stream)
    if fmt is Format.CSV:
        return _Csv(stream, fields or columns)
    return _Table(stream, fields, title)


def write_single(
    record: Mapping[str, Any], *, fmt: Format, stream: IO[str], fields: Sequence[str] | None
) -> None:
    """Write one record (``get``): pretty JSON for ``json``, otherwise as a one-row listing.

    Example:
        ```python
        write_single({"sourcedId": "u1"}, fmt=Format.JSON, stream=sys.stdout, fields=None)
        ```

    """
    if fmt is Format.JSON:
        stream.write(_json(record, indent=2) + "\n")
        return
    writer = make_writer(fmt, stream, fields=fields)
    writer.write(record)
    writer.close()


class ProgressBar:
    """A progress bar for one listing, or a no-op when there is no terminal to draw on.

    Example:
        ```python
        with progress_bar("users", console=None) as bar:   # no terminal: nothing is drawn
            bar.total(250)
            bar.advance()
        ```

    """

    def __init__(self, progress: Progress | None, description: str) -> None:
        self._progress = progress
        self._task: TaskID | None = None
        if progress is not None:
            self._task = progress.add_task(description, total=None)

    def total(self, total: int | None) -> None:
        """Set the expected count once the server has said it."""
        if self._progress is not None and self._task is not None and total is not None:
            self._progress.update(self._task, total=total)

    def advance(self, count: int = 1) -> None:
        """Count ``count`` more records."""
        if self._progress is not None and self._task is not None:
            self._progress.advance(self._task, count)


def _progress(console: Console) -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )


@contextmanager
def progress_bar(description: str, *, console: Console | None) -> Iterator[ProgressBar]:
    """Show a progress bar on ``console`` (pass ``None`` when stderr is not a terminal: no bar).

    Example:
        ```python
        with progress_bar("users", console=Console(stderr=True)) as bar:
            bar.total(250)
            bar.advance()
        ```

    """
    if console is None:
        yield ProgressBar(None, description)
        return
    with _progress(console) as progress:
        yield ProgressBar(progress, description)


class ExportBars:
    """Progress of an export: one bar per collection (an ``ExportProgress`` for ``export_bundle``).

    Example:
        ```python
        with ExportBars(console=Console(stderr=True)) as bars:
            export_bundle(client, out_dir="bundle", progress=bars)
        ```

    """

    def __init__(self, *, console: Console) -> None:
        self._progress = _progress(console)
        self._tasks: dict[str, TaskID] = {}
        self._done: dict[str, int] = {}

    def __enter__(self) -> ExportBars:
        self._progress.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.__exit__(None, None, None)

    def begin(self, resource: str, total: int | None) -> None:
        """Add the bar of ``resource``."""
        self._tasks[resource] = self._progress.add_task(resource.replace("_", "-"), total=total)

    def advance(self, resource: str, count: int) -> None:
        """Move the bar of ``resource``."""
        task = self._tasks.get(resource)
        if task is not None:
            self._done[resource] = self._done.get(resource, 0) + count
            self._progress.advance(task, count)

    def end(self, resource: str) -> None:
        """Mark ``resource`` complete."""
        task = self._tasks.get(resource)
        if task is not None:
            # The server's total may have been off (records added meanwhile): show what was read.
            done = self._done.get(resource, 0)
            self._progress.update(task, total=done, completed=done)
