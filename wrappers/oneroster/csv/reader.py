"""Reading a bundle into the same typed records as the REST client, streaming with flat memory.

Files are read one row at a time in dependency order (orgs, sessions, courses, classes,
users, demographics, enrollments, then the gradebook). Rows of attached files (``roles.csv``,
``userProfiles.csv``, the score-scale link files) are first put in a temporary SQLite index
on disk, keyed by their parent, and folded into each parent record as it is read: memory
holds one record at a time whatever the bundle's size.

Example:
    ```python
    import oneroster.csv

    for record in oneroster.csv.read_bundle("roster.zip"):
        print(type(record).__name__, record.sourced_id)     # User u-1, Enrollment e-9 ...
    ```

"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import oneroster_client.models as models
from oneroster.csv.binding import DEPENDENCY_ORDER, FILES, CsvFile, guid_ref
from oneroster.csv.bundle import Bundle, BundleError

__all__ = ["BundleReader", "Item", "read_bundle"]


@dataclass(frozen=True)
class Item:
    """One record read from a bundle: its file, the line it starts on, and the REST-shaped record.

    Example:
        ```python
        item.file, item.line, item.record["sourcedId"]   # ("users", 2, "u-1")
        ```

    """

    file: str
    line: int
    record: dict[str, Any]

    @property
    def where(self) -> str:
        """``users.csv:12``."""
        return f"{self.file}.csv:{self.line}"

    @property
    def sourced_id(self) -> str:
        """The record's sourcedId."""
        return str(self.record.get("sourcedId", ""))


def _legacy(
    csv_file: CsvFile, positions: dict[str, int], cells: Sequence[str], record: dict[str, Any]
) -> None:
    """Fill what 1.1 bundles carry in columns 1.2 moved elsewhere (cheap cases only)."""

    def cell(header: str) -> str:
        index = positions.get(header)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    if csv_file.name == "users" and cell("role") and cell("orgSourcedIds") and "roles" not in record:
        record["roles"] = [
            {
                "roleType": "primary" if index == 0 else "secondary",
                "role": cell("role"),
                "org": guid_ref("orgs", org),
            }
            for index, org in enumerate(o.strip() for o in cell("orgSourcedIds").split(",") if o.strip())
        ]
    if csv_file.name == "lineItems" and cell("gradingPeriodSourcedId"):
        record.setdefault("gradingPeriod", guid_ref("academicSessions", cell("gradingPeriodSourcedId")))


class _Converter:
    """Turns the rows of one file (given its header) into REST-shaped dicts."""

    def __init__(self, csv_file: CsvFile, header: Sequence[str]) -> None:
        self.csv_file = csv_file
        self.positions = {name: index for index, name in enumerate(header)}
        self.readable = [
            (column, self.positions[column.header])
            for column in csv_file.columns
            if column.put is not None and column.header in self.positions
        ]
        self.metadata = [
            (name[len("metadata.") :], i)
            for name, i in self.positions.items()
            if name.startswith("metadata.")
        ]
        self.legacy = "role" in self.positions or "gradingPeriodSourcedId" in self.positions

    def convert(self, cells: Sequence[str], *, line: int) -> dict[str, Any]:
        record: dict[str, Any] = {}
        for column, index in self.readable:
            text = cells[index] if index < len(cells) else ""
            if not text.strip():
                continue
            try:
                column.put(record, text.strip())  # type: ignore[misc]
            except ValueError as exc:
                raise BundleError(
                    str(exc), file=self.csv_file.filename, line=line, column=column.header
                ) from None
        for key, index in self.metadata:
            if index < len(cells) and cells[index].strip():
                record.setdefault("metadata", {})[key] = cells[index].strip()
        if self.legacy:
            _legacy(self.csv_file, self.positions, cells, record)
        return record


class BundleReader:
    """Reads a bundle's records in dependency order; the engine behind :func:`read_bundle`.

    Example:
        ```python
        with BundleReader("roster.zip") as reader:
            for item in reader.items():
                print(item.where, item.record["sourcedId"])
        ```

    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.bundle = Bundle.open(path)
        self._index: sqlite3.Connection | None = None
        self._index_dir: tempfile.TemporaryDirectory[str] | None = None

    def __enter__(self) -> BundleReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the bundle and drop the temporary index."""
        if self._index is not None:
            self._index.close()
            self._index = None
        if self._index_dir is not None:
            self._index_dir.cleanup()
            self._index_dir = None
        self.bundle.close()

    def files(self, *, only: Sequence[str] | None = None) -> list[str]:
        """Return the main (not attached) data files present, in dependency order."""
        modes = self.bundle.modes
        present = [
            name
            for name in DEPENDENCY_ORDER
            if FILES[name].parent is None and self.bundle.has(name) and modes.get(name, "bulk") != "absent"
        ]
        return [name for name in present if only is None or name in only]

    def count(self, name: str) -> int:
        """Return the number of data rows of a file (one quick pass)."""
        return sum(1 for _ in self.bundle.rows(name))

    def _attached(self, parent: str) -> list[CsvFile]:
        return [f for f in FILES.values() if f.parent == parent and self.bundle.has(f.name)
                and self.bundle.mode(f.name) != "absent"]  # fmt: skip

    def _build_index(self, children: list[CsvFile]) -> sqlite3.Connection:
        if self._index is None:
            self._index_dir = tempfile.TemporaryDirectory(prefix="oneroster-bundle-")
            self._index = sqlite3.connect(Path(self._index_dir.name) / "links.db", isolation_level=None)
            self._index.execute("PRAGMA journal_mode=OFF")
            self._index.execute("PRAGMA synchronous=OFF")
            self._index.execute("CREATE TABLE links (file TEXT, parent TEXT, seq INTEGER, data TEXT)")
        db = self._index
        for child in children:
            header = self.bundle.header(child.name)
            converter = _Converter(child, header)
            parent_at = converter.positions.get(child.parent_column or "")
            if parent_at is None:
                raise BundleError(f"no {child.parent_column} column", file=child.filename, line=1)
            db.execute("BEGIN")
            batch: list[tuple[str, str, int, str]] = []
            for line, cells in self.bundle.rows(child.name):
                parent_id = cells[parent_at].strip() if parent_at < len(cells) else ""
                batch.append((child.name, parent_id, line, json.dumps(converter.convert(cells, line=line))))
                if len(batch) >= 5000:
                    db.executemany("INSERT INTO links VALUES (?, ?, ?, ?)", batch)
                    batch.clear()
            db.executemany("INSERT INTO links VALUES (?, ?, ?, ?)", batch)
            db.execute("COMMIT")
        db.execute("CREATE INDEX IF NOT EXISTS links_parent ON links (file, parent, seq)")
        return db

    def items(self, *, only: Sequence[str] | None = None) -> Iterator[Item]:
        """Yield every record of the bundle as an :class:`Item`, file by file in dependency order.

        ``only`` limits the files read (``["users", "enrollments"]``).
        """
        self.bundle.manifest  # noqa: B018  (a bundle without a readable manifest stops here)
        for name in self.files(only=only):
            csv_file = FILES[name]
            children = self._attached(name)
            db = self._build_index(children) if children else None
            converter = _Converter(csv_file, self.bundle.header(name))
            if "sourcedId" not in converter.positions:
                raise BundleError("no sourcedId column", file=csv_file.filename, line=1)
            for line, cells in self.bundle.rows(name):
                record = converter.convert(cells, line=line)
                if db is not None:
                    for child in children:
                        rows = db.execute(
                            "SELECT data FROM links WHERE file = ? AND parent = ? ORDER BY seq",
                            (child.name, record.get("sourcedId", "")),
                        )
                        for (data,) in rows:
                            child.attach(record, json.loads(data))  # type: ignore[misc]
                yield Item(name, line, record)


def to_model(item: Item) -> Any:
    """Build the generated model (``User``, ``Class``...) of one item; ``BundleError`` if it does not fit.

    Example:
        ```python
        to_model(item).given_name
        ```

    """
    schema = FILES[item.file].schema
    model = getattr(models, schema or "")
    try:
        return model.from_dict(item.record)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise BundleError(
            f"does not fit the {schema} model: {exc}", file=f"{item.file}.csv", line=item.line
        ) from None


def read_bundle(
    path_or_zip: str | os.PathLike[str], *, files: Sequence[str] | None = None, raw: bool = False
) -> Iterator[Any]:
    """Yield every record of a OneRoster CSV bundle as the REST client's models, streaming.

    Records come file by file in dependency order: ``Org``, ``AcademicSession``, ``Course``,
    ``Class``, ``User`` (with its roles and profiles from ``roles.csv``/``userProfiles.csv``),
    ``Demographics``, ``Enrollment``, ``Category``, ``ScoreScale``, ``LineItem``, ``Result``.
    ``files`` limits the files read (manifest names); ``raw=True`` yields the REST-shaped dicts
    instead of models. A row that cannot be read raises :class:`BundleError`, whose message
    starts with ``file:line: column:``.

    Example:
        ```python
        from oneroster.csv import read_bundle

        students = [u for u in read_bundle("roster.zip", files=["users"])
                    if u.roles and u.roles[0].role == "student"]
        ```

    """
    with BundleReader(path_or_zip) as reader:
        for item in reader.items(only=files):
            yield item.record if raw else to_model(item)
