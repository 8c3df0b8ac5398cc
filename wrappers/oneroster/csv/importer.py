"""Push a OneRoster CSV bundle into a provider that accepts writes, safely and resumably.

``import_bundle`` works file by file in dependency order (orgs, sessions, courses, classes,
users, demographics, enrollments, then the gradebook), so every record's references are
written before it. For each file:

1. the bundle is validated first (``validate_bundle``: nothing is sent from a bundle with
   errors), and each record is checked as the client checks any write (``prepare_record``:
   required fields, ``enabledUser`` as ``"true"``/``"false"``, path id = body id, references);
2. what the provider already holds is read once (``stream(raw=True)``, kept in a temporary
   SQLite file, not in memory) and each record is classified as **created**, **updated**
   or **unchanged** by comparing the CSV rows both would give; unchanged records are not
   sent, and an update keeps the fields the CSV does not carry (``metadata``...);
3. the rest are upserted through the client's public API (``client.users.upsert``...) by a
   pool of threads; a delta row marked ``tobedeleted`` is deleted;
4. a record whose write fails is listed with its ``file:line``, and every record pointing
   at it is left unsent and listed too (``skipped``): nothing is half-written.

A **checkpoint** file (JSON lines: one line per finished row) makes a re-run after a crash
resume where it stopped: finished rows are not sent again, and a row in flight when the
process died is found identical on the provider and counted as unchanged, so nothing is
repeated or skipped. ``dry_run=True`` does steps 1-2 and reports what would change.

Example:
    ```python
    from oneroster import OneRoster
    from oneroster.csv import import_bundle

    with OneRoster.from_env() as client:
        report = import_bundle(client, "roster.zip", checkpoint="roster.checkpoint")
    for name, counts in report.files.items():
        print(name, counts)          # users FileCounts(created=3400, updated=0, unchanged=12, ...)
    ```

"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Protocol

from oneroster.csv.binding import FILES, REFS, SOURCES, CsvFile, row_values
from oneroster.csv.bundle import Bundle
from oneroster.csv.reader import BundleReader, Item
from oneroster.csv.validate import validate_bundle
from oneroster.engine import UnsupportedOperation
from oneroster.errors import (
    Forbidden,
    NotFound,
    OneRosterError,
    TransportError,
    Unauthorized,
    ValidationError,
)
from oneroster.operation_index import OPERATIONS
from oneroster.resources import RESOURCES
from oneroster.validation import prepare_record, required_fields

__all__ = ["DEFAULT_CONCURRENCY", "FileCounts", "ImportProgress", "ImportReport", "RowIssue", "import_bundle"]

DEFAULT_CONCURRENCY = 8
# 403s on the first writes of an import, none accepted: the token cannot write here, so stop.
FORBIDDEN_BEFORE_STOP = 5

CREATED, UPDATED, UNCHANGED, DELETED, FAILED, SKIPPED = (
    "created", "updated", "unchanged", "deleted", "failed", "skipped"
)  # fmt: skip
_DONE = (CREATED, UPDATED, UNCHANGED, DELETED)


@dataclass
class FileCounts:
    """What happened to the rows of one file.

    Example:
        ```python
        report.files["users"].created
        ```

    """

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    failed: int = 0
    skipped: int = 0

    def add(self, outcome: str) -> None:
        """Count one row's outcome."""
        setattr(self, outcome, getattr(self, outcome) + 1)


@dataclass(frozen=True)
class RowIssue:
    """A row that failed (``failed``) or was left unsent because one it points at failed (``skipped``).

    Example:
        ```python
        str(issue)   # "enrollments.csv:17: e-9: skipped: its classSourcedId c-1 failed (classes.csv:4)"
        ```

    """

    file: str
    line: int
    sourced_id: str
    outcome: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}.csv:{self.line}: {self.sourced_id}: {self.outcome}: {self.message}"


@dataclass
class ImportReport:
    """The outcome of an import (or, with ``dry_run``, what would happen).

    ``files`` counts outcomes per file; ``issues`` lists every failed or skipped row;
    ``unsupported`` names files the provider's profile cannot write (with the reason);
    ``resumed`` is how many rows a checkpoint said were already done; ``changes`` (dry run)
    lists the first rows per file that would change, as ``(file, line, sourcedId, outcome)``.

    Example:
        ```python
        report = import_bundle(client, "roster.zip", dry_run=True)
        report.files["users"].updated, report.changes[:3]
        ```

    """

    dry_run: bool = False
    files: dict[str, FileCounts] = field(default_factory=dict)
    issues: list[RowIssue] = field(default_factory=list)
    unsupported: dict[str, str] = field(default_factory=dict)
    resumed: int = 0
    changes: list[tuple[str, int, str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether every row was written (or was already as the bundle says)."""
        return not self.issues and not self.unsupported

    def counts(self, name: str) -> FileCounts:
        """Return the counts of one file (created on first use)."""
        return self.files.setdefault(name, FileCounts())


class ImportProgress(Protocol):
    """Receives progress events of :func:`import_bundle` (one bar per file, a log...).

    Example:
        ```python
        class Log:
            def begin(self, resource, total): print(resource, "of", total)
            def advance(self, resource, count): pass
            def end(self, resource): print(resource, "done")
        ```

    """

    def begin(self, resource: str, total: int | None) -> None:
        """Start a file of ``total`` rows."""

    def advance(self, resource: str, count: int) -> None:
        """Count ``count`` more rows done."""

    def end(self, resource: str) -> None:
        """Finish a file."""


# -- checkpoint -------------------------------------------------------------------------------


def _fingerprint(path: Path) -> str:
    """Identify a bundle by its manifest and its files' sizes (cheap, and enough to refuse another bundle)."""
    digest = hashlib.sha256()
    with Bundle.open(path) as bundle:
        with bundle.open_text("manifest.csv") as handle:
            digest.update(handle.read().encode())
        for filename in sorted(bundle.filenames):
            digest.update(f"{filename}:{bundle.size(filename)};".encode())
    return digest.hexdigest()[:32]


class _Checkpoint:
    """JSON lines: a header naming the bundle, then ``{"f": file, "l": line, "o": outcome}`` per row done."""

    def __init__(self, path: Path | None, fingerprint: str) -> None:
        self.path = path
        self.done: dict[tuple[str, int], str] = {}
        self._handle: IO[str] | None = None
        if path is None:
            return
        if path.exists() and path.stat().st_size:
            with path.open(encoding="utf-8") as handle:
                lines = handle.read().splitlines()
            try:
                header = json.loads(lines[0])
                entries = [json.loads(line) for line in lines[1:] if line.strip()]
            except (ValueError, IndexError):
                # A line cut short by the crash is the only damage a crash can do: drop it.
                header = json.loads(lines[0]) if lines else {}
                entries = []
                for line in lines[1:]:
                    try:
                        entries.append(json.loads(line))
                    except ValueError:
                        break
            if header.get("bundle") != fingerprint:
                raise ValidationError(
                    f"the checkpoint {path} belongs to another bundle (or the bundle changed); "
                    "delete it to start over",
                    field="checkpoint",
                )
            self.done = {(e["f"], int(e["l"])): str(e["o"]) for e in entries}
            self._handle = path.open("a", encoding="utf-8")
        else:
            self._handle = path.open("w", encoding="utf-8")
            self._handle.write(json.dumps({"checkpoint": 1, "bundle": fingerprint}) + "\n")
            self._handle.flush()

    def record(self, file: str, line: int, outcome: str) -> None:
        if self._handle is not None:
            # One flushed line per row: a crash loses at most the rows still in flight.
            self._handle.write(json.dumps({"f": file, "l": line, "o": outcome}) + "\n")
            self._handle.flush()

    def close(self, *, finished: bool) -> None:
        if self._handle is not None:
            os.fsync(self._handle.fileno())
            self._handle.close()
            self._handle = None
        if finished and self.path is not None:
            # Everything is in: a later run of the same bundle must compare afresh, not skip.
            self.path.unlink(missing_ok=True)


# -- what the provider holds ------------------------------------------------------------------


def _carried_keys(csv_file: CsvFile) -> set[str]:
    """Return the JSON keys a file's columns write (what an update replaces; the rest is kept)."""
    keys: set[str] = set()
    for column in csv_file.columns:
        if column.put is None:
            continue
        probe: dict[str, Any] = {}
        try:
            column.put(probe, "1")
        except (ValueError, KeyError):
            continue
        keys.update(probe)
    return keys


class _Snapshot:
    """The provider's current records of the files imported, on disk: id -> (digest, raw record)."""

    def __init__(self) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="oneroster-import-")
        self._db = sqlite3.connect(Path(self._dir.name) / "provider.db", isolation_level=None,
                                   check_same_thread=False)  # fmt: skip
        self._db.execute("PRAGMA journal_mode=OFF")
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.execute(
            "CREATE TABLE records (file TEXT, id TEXT, digest TEXT, data TEXT, PRIMARY KEY (file, id))"
        )
        self._lock = threading.Lock()

    def load(
        self, name: str, records: Iterator[dict[str, Any]], digest: Callable[[Mapping[str, Any]], str]
    ) -> int:
        batch: list[tuple[str, str, str, str]] = []
        count = 0
        self._db.execute("BEGIN")
        for record in records:
            sourced_id = record.get("sourcedId")
            if not isinstance(sourced_id, str):
                continue
            batch.append((name, sourced_id, digest(record), json.dumps(record)))
            count += 1
            if len(batch) >= 2000:
                self._db.executemany("INSERT OR REPLACE INTO records VALUES (?, ?, ?, ?)", batch)
                batch.clear()
        self._db.executemany("INSERT OR REPLACE INTO records VALUES (?, ?, ?, ?)", batch)
        self._db.execute("COMMIT")
        return count

    def get(self, name: str, sourced_id: str) -> tuple[str, dict[str, Any]] | None:
        with self._lock:
            row = self._db.execute(
                "SELECT digest, data FROM records WHERE file = ? AND id = ?", (name, sourced_id)
            ).fetchone()
        return None if row is None else (str(row[0]), json.loads(row[1]))

    def close(self) -> None:
        self._db.close()
        self._dir.cleanup()


# -- the import -------------------------------------------------------------------------------


def _spec(resource: str) -> Any:
    return next(spec for spec in RESOURCES if spec.name == resource)


def _offers(client: Any, op_ids: tuple[str, ...]) -> bool:
    return _offered(client, op_ids) is not None


def _offered(client: Any, op_ids: tuple[str, ...]) -> str | None:
    """Return the first of ``op_ids`` the client's profile offers, or None."""
    profile = client.profile
    return next((op for op in op_ids if profile.serves(op)), None)


def _required_by_profile(client: Any) -> dict[str, tuple[str, ...]]:
    """Return, per collection, the fields its upsert requires under the client's profile."""
    required: dict[str, tuple[str, ...]] = {}
    for spec in RESOURCES:
        op_id = _offered(client, spec.put_ops)
        if op_id is not None:
            required[spec.name] = required_fields(
                OPERATIONS[op_id], profile_operations=client.profile.operations
            )
    return required


@dataclass
class _Plan:
    """One file's import: its files, how records compare, what an update keeps."""

    name: str
    resource: str
    files: tuple[CsvFile, ...]
    schema: str
    carried: set[str]
    refs: list[tuple[str, str, bool]]  # (header's JSON key, target file, is a list)

    def digest(self, record: Mapping[str, Any]) -> str:
        hashed = hashlib.blake2b(digest_size=16)
        hashed.update(str(record.get("status") or "active").encode())
        for csv_file in self.files:
            for row in row_values(csv_file, record, bulk=True):
                hashed.update(b"\x1d" + "\x1e".join(row).encode())
        return hashed.hexdigest()


def _plan(name: str, bundle: Bundle) -> _Plan:
    source = SOURCES[name]
    files = tuple(
        FILES[f] for f in source.files if f == name or (bundle.has(f) and bundle.mode(f) != "absent")
    )
    carried: set[str] = set()
    for csv_file in files:
        if csv_file.parent is None:
            carried |= _carried_keys(csv_file)
    carried |= {"roles"} if any(f.name == "roles" for f in files) else set()
    carried |= {"userProfiles"} if any(f.name == "userProfiles" for f in files) else set()
    carried |= {"scoreScale"} if any(f.name.endswith("ScoreScales") for f in files) else set()
    main = FILES[name]
    refs = []
    for column in main.columns:
        if column.target is None or column.put is None:
            continue
        probe: dict[str, Any] = {}
        column.put(probe, "x")
        key = next(iter(probe))
        if key != "sourcedId":
            refs.append((key, column.target, column.fmt == REFS))
    # A user's roles point at orgs; a failed org leaves its members unsent.
    if name == "users":
        refs.append(("roles.org", "orgs", True))
    return _Plan(name, source.resource, files, main.schema or "", carried, refs)


def _ids(record: Mapping[str, Any], key: str) -> list[str]:
    if key == "roles.org":
        return [
            str(r["org"].get("sourcedId"))
            for r in record.get("roles") or []
            if isinstance(r.get("org"), Mapping)
        ]
    value = record.get(key)
    items = value if isinstance(value, list) else [value]
    return [str(item.get("sourcedId")) for item in items if isinstance(item, Mapping)]


class _Importer:
    def __init__(self, client: Any, path: Path, *, dry_run: bool, concurrency: int, checkpoint: _Checkpoint,
                 progress: ImportProgress | None, report: ImportReport) -> None:  # fmt: skip
        self.client = client
        self.path = path
        self.dry_run = dry_run
        self.concurrency = concurrency
        self.checkpoint = checkpoint
        self.progress = progress
        self.report = report
        self.failed: dict[str, dict[str, str]] = {}  # file -> sourcedId -> where it failed
        self.written = 0  # writes the provider accepted
        self.refused = 0  # writes it answered 403
        self.snapshot = _Snapshot()
        # What each collection's write requires under this profile (TimeBack's pitfalls included:
        # a platform student needs its primaryOrg), the client's own rule, checked before sending.
        self.required = _required_by_profile(client)

    def close(self) -> None:
        self.snapshot.close()

    def run(self) -> None:
        with BundleReader(self.path) as reader:
            for name in reader.files():
                if name not in SOURCES:
                    continue
                plan = _plan(name, reader.bundle)
                self._file(reader, plan)

    def _load_snapshot(self, plan: _Plan) -> None:
        listing = getattr(self.client, plan.resource)
        # A provider that cannot list these: every record counts as new.
        with contextlib.suppress(UnsupportedOperation, NotFound):
            self.snapshot.load(plan.name, listing.stream(raw=True), plan.digest)

    def _file(self, reader: BundleReader, plan: _Plan) -> None:
        counts = self.report.counts(plan.name)
        spec = _spec(plan.resource)
        if not _offers(self.client, spec.put_ops):
            self.report.unsupported[plan.name] = (
                f"the {self.client.profile.name!r} profile offers no upsert of {plan.resource}; "
                f"{plan.name}.csv was not imported"
            )
            return
        self._load_snapshot(plan)
        total = reader.count(plan.name)
        if self.progress is not None:
            self.progress.begin(plan.name, total)
        try:
            self._rows(reader, plan, counts)
        finally:
            if self.progress is not None:
                self.progress.end(plan.name)

    def _rows(self, reader: BundleReader, plan: _Plan, counts: FileCounts) -> None:
        in_flight: dict[Future[str], Item] = {}
        limit = self.concurrency * 4
        with ThreadPoolExecutor(max_workers=self.concurrency, thread_name_prefix="oneroster-import") as pool:
            try:
                for item in reader.items(only=[plan.name]):
                    previous = self.checkpoint.done.get((plan.name, item.line))
                    if previous is not None:
                        counts.add(previous)
                        self.report.resumed += 1
                        self._advance(plan)
                        continue
                    outcome = self._prepare(plan, item)
                    if outcome is not None:
                        self._finish(plan, item, outcome, counts)
                        continue
                    in_flight[pool.submit(self._send, plan, item)] = item
                    if len(in_flight) >= limit:
                        self._collect(plan, in_flight, counts, block=True)
                while in_flight:
                    self._collect(plan, in_flight, counts, block=True)
            except BaseException:
                for future in in_flight:
                    future.cancel()
                raise

    def _collect(
        self, plan: _Plan, in_flight: dict[Future[str], Item], counts: FileCounts, *, block: bool
    ) -> None:
        done, _ = wait(list(in_flight), return_when=FIRST_COMPLETED)
        for future in done:
            item = in_flight.pop(future)
            try:
                outcome = future.result()
                self.written += 1
            except Forbidden as exc:
                # A provider may refuse one record (the TimeBack platform: "not owned by your client
                # application") or every write (a token without the write scope). The first is the
                # row's failure; when nothing has been written yet and the refusals keep coming, it is
                # the second: stop, and the checkpoint lets a re-run carry on from here.
                self.refused += 1
                if self.written == 0 and self.refused >= FORBIDDEN_BEFORE_STOP:
                    raise
                outcome = FAILED
                self._issue(plan, item, FAILED, " ".join(str(exc).split()))
            except (TransportError, Unauthorized):
                # Not the row's fault: stop; the checkpoint lets a re-run carry on from here.
                raise
            except OneRosterError as exc:
                outcome = FAILED
                self._issue(plan, item, FAILED, " ".join(str(exc).split()))
            self._finish(plan, item, outcome, counts)

    def _advance(self, plan: _Plan) -> None:
        if self.progress is not None:
            self.progress.advance(plan.name, 1)

    def _finish(self, plan: _Plan, item: Item, outcome: str, counts: FileCounts) -> None:
        counts.add(outcome)
        if outcome in _DONE and not self.dry_run:
            self.checkpoint.record(plan.name, item.line, outcome)
        if outcome in (FAILED, SKIPPED):
            self.failed.setdefault(plan.name, {})[item.sourced_id] = item.where
        elif (
            self.dry_run
            and outcome != UNCHANGED
            and sum(1 for c in self.report.changes if c[0] == plan.name) < 20
        ):
            self.report.changes.append((plan.name, item.line, item.sourced_id, outcome))
        self._advance(plan)

    def _issue(self, plan: _Plan, item: Item, outcome: str, message: str) -> None:
        self.report.issues.append(RowIssue(plan.name, item.line, item.sourced_id, outcome, message))

    def _prepare(self, plan: _Plan, item: Item) -> str | None:
        """Decide what needs no request (skipped, invalid, unchanged); None means: send it."""
        record = item.record
        for key, target, _ in plan.refs:
            for ref_id in _ids(record, key):
                where = self.failed.get(target, {}).get(ref_id)
                if where is not None:
                    self._issue(plan, item, SKIPPED, f"{key} {ref_id} was not written ({where})")
                    return SKIPPED
        if record.get("status") == "tobedeleted":
            current = self.snapshot.get(plan.name, item.sourced_id)
            if current is None or current[1].get("status") == "tobedeleted":
                return UNCHANGED
            return DELETED if self.dry_run else None
        try:
            prepare_record(
                record,
                model=plan.schema,
                path_id=item.sourced_id,
                full=True,
                required=self.required.get(plan.resource),
            )
        except ValidationError as exc:
            self._issue(plan, item, FAILED, str(exc))
            return FAILED
        current = self.snapshot.get(plan.name, item.sourced_id)
        if current is not None and current[0] == plan.digest(record):
            return UNCHANGED
        if self.dry_run:
            return CREATED if current is None else UPDATED
        return None

    def _send(self, plan: _Plan, item: Item) -> str:
        collection = getattr(self.client, plan.resource)
        current = self.snapshot.get(plan.name, item.sourced_id)
        if item.record.get("status") == "tobedeleted":
            collection.delete(item.sourced_id)
            return DELETED
        body = dict(item.record)
        if current is not None:
            # Keep what the CSV cannot say (metadata, resources...), replace what it does.
            kept = {k: v for k, v in current[1].items() if k not in plan.carried and k != "dateLastModified"}
            body = {**kept, **body}
        body.setdefault("status", "active")
        collection.upsert(item.sourced_id, body)
        return CREATED if current is None else UPDATED


def import_bundle(
    client: Any,
    path_or_zip: str | os.PathLike[str],
    *,
    dry_run: bool = False,
    concurrency: int = DEFAULT_CONCURRENCY,
    checkpoint: str | os.PathLike[str] | None = None,
    progress: ImportProgress | None = None,
) -> ImportReport:
    """Import a OneRoster CSV bundle into the provider behind ``client`` (see the module docs).

    Raises ``ValidationError`` before anything is sent when the bundle has errors (its
    message lists the first ones as ``file:line: column: message``). Rows are upserted by
    up to ``concurrency`` threads; ``checkpoint`` names a file that records finished rows
    so that a re-run after a crash resumes (it is deleted once every row is in). A lost
    connection or a refused token stops the import (re-run it to resume); a row the
    provider refuses is reported and the import goes on.

    Example:
        ```python
        report = import_bundle(client, "roster.zip", dry_run=True)
        for issue in report.issues:
            print(issue)      # enrollments.csv:17: e-9: skipped: class c-1 was not written (classes.csv:4)
        ```

    """
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or not 1 <= concurrency <= 64:
        raise ValidationError("--concurrency must be an integer from 1 to 64", field="concurrency")
    path = Path(path_or_zip)
    validation = validate_bundle(path, max_problems=20)
    if not validation.ok:
        listed = "; ".join(str(p) for p in validation.errors[:5])
        more = len(validation.errors) - 5
        raise ValidationError(
            f"the bundle has errors, nothing was sent: {listed}"
            + (f" (and {more} more)" if more > 0 else "")
            + "; run `oneroster csv validate` for the full list",
            field="bundle",
        )
    report = ImportReport(dry_run=dry_run)
    tracker = _Checkpoint(None if dry_run or checkpoint is None else Path(checkpoint), _fingerprint(path))
    importer = _Importer(client, path, dry_run=dry_run, concurrency=concurrency, checkpoint=tracker,
                         progress=progress, report=report)  # fmt: skip
    finished = False
    try:
        importer.run()
        finished = report.ok
    finally:
        importer.close()
        tracker.close(finished=finished)
    return report
