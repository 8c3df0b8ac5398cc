"""Check a bundle against the OneRoster 1.2 CSV binding: manifest, files, headers, values, references.

Problems are reported as ``file:line: column: message`` (the line where the row starts;
line 1 is the header), each an ``error`` or a ``warning``. A bundle is valid when it has no
errors. Files are read one row at a time; what is kept in memory is the set of sourcedIds
of the files others point at, and the references not yet resolvable when they were read
(a parent org listed after its child).

Example:
    ```python
    from oneroster.csv import validate_bundle

    result = validate_bundle("roster.zip")
    if not result.ok:
        for problem in result.errors:
            print(problem)          # users.csv:12: enabledUser: expected true or false, got 'yes'
    ```

"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from oneroster.csv.binding import (
    BOOL,
    DATE,
    DATETIME,
    DEPENDENCY_ORDER,
    FILES,
    FLOAT,
    LIST,
    MANIFEST_FILES,
    PAIRS,
    REF,
    REFS,
    YEAR,
    Column,
)
from oneroster.csv.bundle import MODES, Bundle, BundleError

__all__ = ["Problem", "ValidationResult", "validate_bundle"]

ERROR = "error"
WARNING = "warning"

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})")
_YEAR = re.compile(r"\d{4}")
_FLOAT = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_PAIRS = re.compile(r"\{[^:{}]*:[^{}]*\}(,\{[^:{}]*:[^{}]*\})*")
# The files this package knows the columns of; the others of the manifest are checked for presence only.
_KNOWN = set(FILES)


@dataclass(frozen=True)
class Problem:
    """One finding: where (file, line, column), what, and how bad.

    Example:
        ```python
        str(problem)   # "users.csv:12: enabledUser: expected true or false, got 'yes'"
        ```

    """

    file: str
    line: int | None
    column: str | None
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line is not None else "")
        where += f": {self.column}" if self.column else ""
        prefix = "" if self.severity == ERROR else "warning: "
        return f"{where}: {prefix}{self.message}"


@dataclass
class ValidationResult:
    """Every problem found, and the rows checked per file.

    Example:
        ```python
        result = validate_bundle("roster")
        result.ok, len(result.errors), result.rows["users"]
        ```

    """

    problems: list[Problem] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        """The problems that make the bundle invalid."""
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        """The problems worth a look that do not make the bundle invalid."""
        return [p for p in self.problems if p.severity == WARNING]

    @property
    def ok(self) -> bool:
        """Whether the bundle has no errors."""
        return not self.errors


def _value_problem(column: Column, text: str) -> str | None:
    """Return what is wrong with a non-blank value of ``column``, or None."""
    fmt = column.fmt
    if fmt == DATE:
        if not _DATE.fullmatch(text):
            return f"expected a date YYYY-MM-DD, got {text!r}"
        try:
            dt.date.fromisoformat(text)
        except ValueError:
            return f"{text!r} is not a calendar date"
    elif fmt == DATETIME:
        if not _DATETIME.fullmatch(text):
            return f"expected an ISO 8601 date-time with a time zone (2026-01-05T10:00:00.000Z), got {text!r}"
    elif fmt == BOOL:
        if text not in ("true", "false"):
            return f"expected true or false, got {text!r}"
    elif fmt == FLOAT:
        if not _FLOAT.fullmatch(text):
            return f"expected a number, got {text!r}"
    elif fmt == YEAR:
        if not _YEAR.fullmatch(text):
            return f"expected a four-digit year, got {text!r}"
    elif fmt == PAIRS:
        if not _PAIRS.fullmatch(text):
            return f"expected {{key:value}} items separated by commas, got {text!r}"
    elif fmt in (LIST, REFS) and any(not item.strip() for item in text.split(",")):
        return f"a list item is empty in {text!r}"
    if fmt in (REF, REFS) and any(" " in item.strip() for item in text.split(",")):
        return f"a sourcedId holds a space in {text!r}"
    if column.vocabulary and text not in column.vocabulary:
        if column.extensible and text.startswith("ext:") and len(text) > 4:
            return None
        allowed = ", ".join(column.vocabulary) + (", or ext:<term>" if column.extensible else "")
        return f"{text!r} is not one of {allowed}"
    return None


class _Checker:
    def __init__(self, bundle: Bundle, result: ValidationResult, max_problems: int | None) -> None:
        self.bundle = bundle
        self.result = result
        self.max_problems = max_problems
        self.ids: dict[str, set[str]] = {}
        # References whose target file comes later (or is the same file): checked at the end.
        self.pending: list[tuple[str, int, str, str, str]] = []
        self.targets = {c.target for f in FILES.values() for c in f.columns if c.target}
        self.done: set[str] = set()

    def add(
        self, file: str, line: int | None, column: str | None, message: str, severity: str = ERROR
    ) -> None:
        if self.max_problems is None or len(self.result.problems) < self.max_problems:
            self.result.problems.append(Problem(file, line, column, message, severity))
        elif severity == ERROR:
            # Past the cap, keep counting errors so ok stays right; drop their details.
            self.result.problems.append(Problem(file, None, None, "more errors (not listed)", ERROR))

    def manifest(self) -> dict[str, str]:
        try:
            manifest = self.bundle.manifest
        except BundleError as exc:
            self.add(exc.file, exc.line, exc.column, exc.reason)
            return {}
        if manifest.get("manifest.version") != "1.0":
            self.add(
                "manifest.csv",
                None,
                "manifest.version",
                f"must be 1.0, got {manifest.get('manifest.version')!r}",
            )
        version = manifest.get("oneroster.version")
        if version != "1.2":
            self.add("manifest.csv", None, "oneroster.version", f"must be 1.2, got {version!r}",
                     WARNING if version == "1.1" else ERROR)  # fmt: skip
        modes = self.bundle.modes
        for name, mode in modes.items():
            if name not in MANIFEST_FILES:
                self.add("manifest.csv", None, f"file.{name}", "names no file of the binding")
            elif mode not in MODES:
                self.add("manifest.csv", None, f"file.{name}", f"must be absent, bulk or delta, got {mode!r}")
        for name in MANIFEST_FILES:
            listed = modes.get(name)
            present = self.bundle.has(name)
            if listed is None:
                self.add("manifest.csv", None, f"file.{name}", "missing: every file of the binding is listed")
            if listed in ("bulk", "delta") and not present:
                self.add(f"{name}.csv", None, None, f"the manifest says {listed} but the file is missing")
            if listed in (None, "absent") and present:
                self.add(f"{name}.csv", None, None, "present but the manifest says absent (it is ignored)")
        for filename in sorted(self.bundle.filenames):
            if filename != "manifest.csv" and filename[:-4] not in MANIFEST_FILES:
                self.add(filename, None, None, "not a file of the binding (ignored)", WARNING)
        return manifest

    def file(self, name: str) -> None:
        csv_file = FILES[name]
        mode = self.bundle.mode(name)
        filename = csv_file.filename
        header = self.bundle.header(name)
        expected = list(csv_file.headers)
        if header != expected[: len(header)] or len(header) < len(expected):
            extra = [h for h in header if h not in expected]
            if not extra and set(header) == set(expected):
                self.add(
                    filename,
                    1,
                    None,
                    f"the columns are out of order; the binding's order is {','.join(expected)}",
                )
            elif [h for h in header if not h.startswith("metadata.")] != expected:
                missing = [h for h in expected if h not in header]
                unknown = [h for h in extra if not h.startswith("metadata.")]
                parts = (f"missing {', '.join(missing)}" if missing else "",
                         f"unknown {', '.join(unknown)}" if unknown else "")  # fmt: skip
                detail = "; ".join(part for part in parts if part)
                self.add(filename, 1, None, f"the header is not the binding's ({detail or 'wrong order'}); "
                         f"expected {','.join(expected)}")  # fmt: skip
        positions = {h: i for i, h in enumerate(header)}
        columns = [
            (column, positions[column.header]) for column in csv_file.columns if column.header in positions
        ]
        seen: set[str] = set()
        keep_ids = name in self.targets
        id_at = positions.get("sourcedId")
        count = 0
        try:
            for line, cells in self.bundle.rows(name):
                count += 1
                if len(cells) != len(header):
                    self.add(filename, line, None, f"has {len(cells)} cells; the header has {len(header)}")
                for column, index in columns:
                    text = cells[index] if index < len(cells) else ""
                    self.cell(filename, line, column, text, mode)
                if id_at is not None and id_at < len(cells):
                    sourced_id = cells[id_at].strip()
                    if sourced_id in seen:
                        self.add(
                            filename, line, "sourcedId", f"{sourced_id!r} appears more than once in the file"
                        )
                    seen.add(sourced_id)
                    if keep_ids:
                        self.ids.setdefault(name, set()).add(sourced_id)
        except BundleError as exc:
            self.add(exc.file, exc.line, exc.column, exc.reason)
        self.result.rows[name] = count
        self.done.add(name)
        if count == 0:
            self.add(filename, None, None, "has no rows: the binding wants such a file absent", WARNING)

    def cell(self, filename: str, line: int, column: Column, text: str, mode: str) -> None:
        value = text.strip()
        header = column.header
        if text != value and value:
            self.add(filename, line, header, "leading or trailing spaces", WARNING)
        if header in ("status", "dateLastModified"):
            if mode == "bulk" and value:
                self.add(filename, line, header, "must be blank in a bulk file (the manifest says bulk)")
                return
            if mode == "delta" and not value:
                self.add(filename, line, header, "is required in a delta file")
                return
        if not value:
            if column.required and not column.sensitive:
                if column.advisory:
                    self.add(filename, line, header, "is blank; some 1.2 importers require it", WARNING)
                else:
                    self.add(filename, line, header, "is required")
            return
        problem = _value_problem(column, value)
        if problem is not None:
            self.add(filename, line, header, problem)
            return
        if column.target is not None and self.bundle.mode(column.target) == "bulk" and mode == "bulk":
            for item in value.split(",") if column.fmt == REFS else [value]:
                if column.target in self.done:
                    if item.strip() not in self.ids.get(column.target, ()):
                        self.add(
                            filename,
                            line,
                            header,
                            f"{item.strip()!r} is not a sourcedId of {column.target}.csv",
                        )
                else:
                    # A file pointing into itself (an org's parent) or at a later file: check at the end.
                    self.pending.append((filename, line, header, column.target, item.strip()))

    def references(self) -> None:
        for filename, line, header, target, value in self.pending:
            if value not in self.ids.get(target, ()):
                self.add(filename, line, header, f"{value!r} is not a sourcedId of {target}.csv")
        self.pending.clear()


def validate_bundle(
    path_or_zip: str | os.PathLike[str], *, max_problems: int | None = 1000
) -> ValidationResult:
    r"""Check a bundle (directory or zip) against the OneRoster 1.2 CSV binding.

    Checks: the manifest (versions, a ``file.*`` row for every file of the binding, each
    ``absent``/``bulk``/``delta``, and agreeing with the files present); each file's header
    (exact names, the binding's order; ``metadata.*`` extension columns may follow); every
    row's cell count, required columns, formats (dates, date-times, booleans, numbers,
    years, ``{a:b}`` lists), vocabularies (``ext:`` terms where the binding allows them),
    ``status``/``dateLastModified`` (blank in bulk files, required in delta ones), duplicate
    sourcedIds, and references across files (bulk files pointing into bulk files).
    ``max_problems`` caps the problems listed (errors past it are still counted).

    Example:
        ```python
        result = validate_bundle("roster.zip")
        print("\\n".join(map(str, result.problems)))
        raise SystemExit(0 if result.ok else 1)
        ```

    """
    result = ValidationResult()
    try:
        bundle = Bundle.open(path_or_zip)
    except BundleError as exc:
        result.problems.append(Problem(exc.file, None, None, exc.reason))
        return result
    with bundle:
        checker = _Checker(bundle, result, max_problems)
        if not checker.manifest():
            return result
        for name in DEPENDENCY_ORDER:
            if bundle.has(name) and bundle.mode(name) in ("bulk", "delta"):
                checker.file(name)
        checker.references()
    return result


def iter_problems(result: ValidationResult) -> Iterator[str]:
    """Yield the problems as text lines, errors first.

    Example:
        ```python
        for line in iter_problems(validate_bundle("roster")):
            print(line)
        ```

    """
    for problem in (*result.errors, *result.warnings):
        yield str(problem)
