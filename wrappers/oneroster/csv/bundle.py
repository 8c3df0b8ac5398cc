"""Opening a bundle (a directory or a zip file) and reading its files row by row, with line numbers.

Example:
    ```python
    from oneroster.csv.bundle import Bundle

    with Bundle.open("roster.zip") as bundle:
        bundle.modes["users"]                 # "bulk"
        for line, cells in bundle.rows("users"):
            ...
    ```

"""

from __future__ import annotations

import csv
import io
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from oneroster.errors import ValidationError

__all__ = ["MODES", "Bundle", "BundleError"]

#: The values a manifest's ``file.*`` rows may take.
MODES = ("absent", "bulk", "delta")

# Big cells (a long comment, a list of hundreds of term ids) are legal; the default limit is 128 KiB.
csv.field_size_limit(16 * 1024 * 1024)


class BundleError(ValidationError):
    """A bundle that cannot be read: the message starts with ``file:line: column:``.

    Example:
        ```python
        try:
            list(read_bundle("roster.zip"))
        except BundleError as exc:
            print(exc.file, exc.line, exc.column)   # "users.csv", 12, "enabledUser"
        ```

    """

    def __init__(
        self, message: str, *, file: str, line: int | None = None, column: str | None = None
    ) -> None:
        where = file + (f":{line}" if line is not None else "") + (f": {column}" if column else "")
        super().__init__(f"{where}: {message}", field=column)
        self.file = file
        self.line = line
        self.column = column
        self.reason = message


class Bundle:
    """An open bundle: its manifest, the files present, and their rows.

    Use :meth:`open` (a directory, or a ``.zip`` whose files sit at its root or in one folder).

    Example:
        ```python
        with Bundle.open("roster-2026") as bundle:
            header = bundle.header("orgs")
        ```

    """

    def __init__(self, path: Path, archive: zipfile.ZipFile | None, members: dict[str, str]) -> None:
        self.path = path
        self._archive = archive
        self._members = members  # file name (users.csv) -> member name or path
        self._manifest: dict[str, str] | None = None

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> Bundle:
        """Open the directory or zip file at ``path``; raise ``BundleError`` if it is neither.

        Example:
            ```python
            bundle = Bundle.open("roster.zip")
            ```

        """
        where = Path(path)
        if where.is_dir():
            members = {entry.name: str(entry) for entry in where.iterdir() if entry.suffix == ".csv"}
            return cls(where, None, members)
        if where.is_file():
            try:
                archive = zipfile.ZipFile(where)
            except zipfile.BadZipFile:
                raise BundleError("neither a directory nor a zip file", file=str(where)) from None
            names = [n for n in archive.namelist() if n.endswith(".csv") and not n.startswith("__MACOSX/")]
            # Zip tools often put everything in one folder: the folder holding manifest.csv counts.
            prefix = next(
                (n[: -len("manifest.csv")] for n in names if n.rsplit("/", 1)[-1] == "manifest.csv"), ""
            )
            members = {
                n[len(prefix) :]: n for n in names if n.startswith(prefix) and "/" not in n[len(prefix) :]
            }
            return cls(where, archive, members)
        raise BundleError("no such directory or zip file", file=str(where))

    def __enter__(self) -> Bundle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the zip file, if any."""
        if self._archive is not None:
            self._archive.close()

    # -- files -------------------------------------------------------------------------

    @property
    def filenames(self) -> set[str]:
        """The ``.csv`` files present (``users.csv``...)."""
        return set(self._members)

    def has(self, name: str) -> bool:
        """Whether the data file ``name`` (``users``) is present."""
        return f"{name}.csv" in self._members

    def open_text(self, filename: str) -> IO[str]:
        """Open one file of the bundle as text (UTF-8, a byte-order mark skipped)."""
        member = self._members[filename]
        if self._archive is None:
            return open(member, encoding="utf-8-sig", newline="")
        return io.TextIOWrapper(self._archive.open(member), encoding="utf-8-sig", newline="")

    def size(self, filename: str) -> int:
        """Return the size in bytes of one file (uncompressed)."""
        member = self._members[filename]
        if self._archive is None:
            return os.path.getsize(member)
        return self._archive.getinfo(member).file_size

    def records(self, filename: str) -> Iterator[tuple[int, list[str]]]:
        """Yield ``(line, cells)`` for every record of a file, the header included (line 1).

        ``line`` is where the record starts, so a message points at the right place even
        after a quoted field that spans lines. A broken file raises ``BundleError``.
        """
        with self.open_text(filename) as handle:
            reader = csv.reader(handle, strict=True)
            end = 0
            try:
                for cells in reader:
                    start, end = end + 1, reader.line_num
                    if cells:
                        yield start, cells
            except csv.Error as exc:
                raise BundleError(f"not valid CSV: {exc}", file=filename, line=end + 1) from None
            except UnicodeDecodeError:
                raise BundleError("not UTF-8 text", file=filename, line=end + 1) from None

    def header(self, name: str) -> list[str]:
        """Return the header row of the data file ``name``."""
        for _, cells in self.records(f"{name}.csv"):
            return [cell.strip() for cell in cells]
        return []

    def rows(self, name: str) -> Iterator[tuple[int, list[str]]]:
        """Yield ``(line, cells)`` for every data row of the data file ``name`` (after the header)."""
        records = self.records(f"{name}.csv")
        next(records, None)
        yield from records

    # -- the manifest ------------------------------------------------------------------

    @property
    def manifest(self) -> dict[str, str]:
        """The manifest's properties (``propertyName`` -> ``value``); ``BundleError`` without one."""
        if self._manifest is None:
            if "manifest.csv" not in self._members:
                raise BundleError("missing: every bundle needs a manifest.csv", file="manifest.csv")
            properties: dict[str, str] = {}
            for line, cells in self.records("manifest.csv"):
                if line == 1:
                    if [c.strip() for c in cells] != ["propertyName", "value"]:
                        raise BundleError(
                            "the header must be propertyName,value", file="manifest.csv", line=1
                        )
                    continue
                if len(cells) != 2:
                    raise BundleError("a row needs exactly two cells", file="manifest.csv", line=line)
                properties[cells[0].strip()] = cells[1].strip()
            self._manifest = properties
        return self._manifest

    @property
    def version(self) -> str:
        """The ``oneroster.version`` of the manifest (``1.2``, or ``1.1``)."""
        return self.manifest.get("oneroster.version", "")

    @property
    def modes(self) -> dict[str, str]:
        """``file.<name>`` of the manifest for every data file it names (``bulk``, ``delta``, ``absent``)."""
        return {
            key.removeprefix("file."): value
            for key, value in self.manifest.items()
            if key.startswith("file.")
        }

    def mode(self, name: str) -> str:
        """Return the processing mode of the data file ``name`` (``absent`` when the manifest omits it)."""
        return self.modes.get(name, "absent")
