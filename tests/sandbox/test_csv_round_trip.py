"""CSV both ways over real HTTP: export -> validate -> import into a fresh sandbox -> export -> same bundle.

Also: a crash in the middle of an import resumes from its checkpoint without repeating or
skipping a row; a dry run compares with what the provider holds; a refused row leaves its
dependants unsent; the CLI does the same from a shell.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from oneroster import Forbidden, OneRoster
from oneroster.csv import export_bundle, import_bundle, read_bundle, validate_bundle
from oneroster.csv.importer import FORBIDDEN_BEFORE_STOP
from oneroster.sandbox import RunningSandbox, SandboxConfig, Store, serve

pytestmark = pytest.mark.sandbox

# Small enough to import in a couple of seconds, big enough for tobedeleted records and every file.
USERS = 60
SCRIPT = shutil.which("oneroster", path=str(Path(sys.executable).parent))


def _files(path: Path) -> dict[str, bytes]:
    return {entry.name: entry.read_bytes() for entry in sorted(path.iterdir())}


def _rows(path: Path) -> dict[str, tuple[list[str], list[list[str]]]]:
    out = {}
    for entry in sorted(path.glob("*.csv")):
        with entry.open(newline="", encoding="utf-8") as handle:
            header, *rows = list(csv.reader(handle))
        out[entry.name] = (header, sorted(rows))
    return out


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[RunningSandbox, Path]]:
    with serve(users=USERS) as running, OneRoster(**running.client_kwargs()) as client:
        out = tmp_path_factory.mktemp("csv") / "bundle"
        report = export_bundle(client, out_dir=out)
        assert report.dropped, "the district has tobedeleted records whose dependants must be left out"
        yield running, out


@pytest.fixture
def empty() -> Iterator[RunningSandbox]:
    with serve(store=Store()) as running:
        yield running


def test_round_trip_gives_the_identical_bundle(
    source: tuple[RunningSandbox, Path], empty: RunningSandbox, tmp_path: Path
) -> None:
    _, bundle = source
    result = validate_bundle(bundle)
    assert result.ok and not result.warnings, [str(p) for p in result.problems]
    with OneRoster(**empty.client_kwargs()) as client:
        # One thread keeps the provider's order, so even the bytes come back the same.
        report = import_bundle(client, bundle, concurrency=1)
        assert report.ok, [str(issue) for issue in report.issues]
        again = export_bundle(client, out_dir=tmp_path / "again")
    assert again.dropped == {}
    assert _files(tmp_path / "again") == _files(bundle)
    assert sum(c.created for c in report.files.values()) == sum(1 for _ in read_bundle(bundle))


def test_concurrent_import_gives_the_same_rows(
    source: tuple[RunningSandbox, Path], empty: RunningSandbox, tmp_path: Path
) -> None:
    _, bundle = source
    with OneRoster(**empty.client_kwargs()) as client:
        report = import_bundle(client, bundle, concurrency=8)
        assert report.ok
        export_bundle(client, out_dir=tmp_path / "again")
        # Imported again: everything is already there and nothing is sent.
        empty.reset_stats()
        second = import_bundle(client, bundle)
    # Row order follows the order the threads finished in; ids, values and references are the same.
    assert _rows(tmp_path / "again") == _rows(bundle)
    assert {name: c.unchanged for name, c in second.files.items()} == {
        name: c.created for name, c in report.files.items()
    }
    writes = {op: n for op, n in empty.stats()["by_operation"].items() if not op.startswith("getAll")}
    assert writes == {}


class Crash(Exception):
    """Stands for the process dying: not an error the import handles."""


class CrashAfter(httpx.HTTPTransport):
    """A transport that dies after ``writes`` PUT requests have reached the server."""

    def __init__(self, writes: int) -> None:
        super().__init__()
        self.left = writes
        self.sent: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "PUT":
            if self.left <= 0:
                raise Crash("killed mid-import")
            self.left -= 1
            self.sent.append(request.url.path)
        return super().handle_request(request)


def test_a_crash_mid_import_resumes_without_repeating_or_skipping(
    source: tuple[RunningSandbox, Path], empty: RunningSandbox, tmp_path: Path
) -> None:
    _, bundle = source
    checkpoint = tmp_path / "import.checkpoint"
    total = sum(1 for _ in read_bundle(bundle))
    dying = CrashAfter(writes=150)
    with (
        OneRoster(**empty.client_kwargs(), http_client=httpx.Client(transport=dying)) as client,
        pytest.raises(Crash),
    ):
        import_bundle(client, bundle, concurrency=4, checkpoint=checkpoint)
    lines = checkpoint.read_text().splitlines()
    assert 1 < len(lines) <= 151  # the header, and one line per row the server confirmed
    empty.reset_stats()
    with OneRoster(**empty.client_kwargs()) as client:
        report = import_bundle(client, bundle, concurrency=4, checkpoint=checkpoint)
        assert report.ok, [str(issue) for issue in report.issues]
        export_bundle(client, out_dir=tmp_path / "again")
    puts = sum(n for op, n in empty.stats()["by_operation"].items() if op.startswith(("put", "update")))
    # Every row was written exactly once over the two runs: those the checkpoint had are not
    # sent again, and those in flight at the crash are found on the server and left alone.
    assert len(dying.sent) + puts == total
    assert report.resumed == len(lines) - 1
    # The report covers both runs: the checkpoint's rows count with what they were then.
    assert sum(c.created + c.unchanged for c in report.files.values()) == total
    assert _rows(tmp_path / "again") == _rows(bundle)
    assert not checkpoint.exists()  # everything is in: the checkpoint is gone


def test_a_checkpoint_of_another_bundle_is_refused(
    source: tuple[RunningSandbox, Path], empty: RunningSandbox, tmp_path: Path
) -> None:
    _, bundle = source
    checkpoint = tmp_path / "other.checkpoint"
    checkpoint.write_text(json.dumps({"checkpoint": 1, "bundle": "someone-else"}) + "\n")
    with OneRoster(**empty.client_kwargs()) as client, pytest.raises(Exception, match="another bundle"):
        import_bundle(client, bundle, checkpoint=checkpoint)
    assert empty.stats()["requests"] == 0


def test_dry_run_compares_with_the_provider_and_sends_nothing(source: tuple[RunningSandbox, Path]) -> None:
    running, bundle = source
    changed = next(u for u in running.app_state.store.iter_kind("users") if u["status"] == "active")
    changed["givenName"] = "Changed"
    running.app_state.store.put("users", changed)
    running.reset_stats()
    with OneRoster(**running.client_kwargs()) as client:
        report = import_bundle(client, bundle, dry_run=True)
    assert report.dry_run and report.files["users"].updated >= 1
    assert ("users", changed["sourcedId"]) in {(f, i) for f, _, i, o in report.changes if o == "updated"}
    assert report.files["orgs"].unchanged == report.files["orgs"].created + report.files["orgs"].unchanged
    assert all(op.startswith("getAll") for op in running.stats()["by_operation"])


def test_a_bundle_with_errors_sends_nothing(
    source: tuple[RunningSandbox, Path], empty: RunningSandbox, tmp_path: Path
) -> None:
    _, bundle = source
    broken = tmp_path / "broken"
    shutil.copytree(bundle, broken)
    with (broken / "classes.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    rows[1][5] = "crs-not-there"
    with (broken / "classes.csv").open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows(rows)
    with (
        OneRoster(**empty.client_kwargs()) as client,
        pytest.raises(Exception, match=r"classes\.csv:2: courseSourcedId"),
    ):
        import_bundle(client, broken)
    assert empty.stats()["requests"] == 0


class RefuseOne(httpx.HTTPTransport):
    """The provider refuses one record's PUT with a 422 (a rule of its own the bundle broke)."""

    def __init__(self, path_end: str) -> None:
        super().__init__()
        self.path_end = path_end

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "PUT" and request.url.path.rstrip("/").endswith(self.path_end):
            body = {"imsx_codeMajor": "failure", "imsx_severity": "error", "imsx_description": "room unknown"}
            return httpx.Response(422, json=body, request=request)
        return super().handle_request(request)


def test_a_refused_row_leaves_its_dependants_unsent_and_listed(
    source: tuple[RunningSandbox, Path], empty: RunningSandbox
) -> None:
    _, bundle = source
    classes = list(read_bundle(bundle, files=["classes"], raw=True))
    refused = classes[0]["sourcedId"]
    transport = RefuseOne(f"/classes/{refused}")
    with OneRoster(**empty.client_kwargs(), http_client=httpx.Client(transport=transport)) as client:
        report = import_bundle(client, bundle, concurrency=4)
    assert not report.ok
    failed = [issue for issue in report.issues if issue.outcome == "failed"]
    assert [(i.file, i.line, i.sourced_id) for i in failed] == [("classes", 2, refused)]
    assert "room unknown" in failed[0].message
    skipped = {(i.file, i.sourced_id) for i in report.issues if i.outcome == "skipped"}
    enrollments = {
        e["sourcedId"]
        for e in read_bundle(bundle, files=["enrollments"], raw=True)
        if e["class"]["sourcedId"] == refused
    }
    line_items = {
        li["sourcedId"]
        for li in read_bundle(bundle, files=["lineItems"], raw=True)
        if li["class"]["sourcedId"] == refused
    }
    assert enrollments and {("enrollments", e) for e in enrollments} <= skipped
    assert {("lineItems", li) for li in line_items} <= skipped
    assert all(str(i).startswith(f"{i.file}.csv:{i.line}: ") for i in report.issues)
    store = empty.app_state.store
    assert store.get("classes", refused) is None
    assert not any(store.get("enrollments", e) for e in enrollments)  # nothing half-written
    assert report.files["classes"].created == len(classes) - 1


def run_cli(sandbox: RunningSandbox, *args: str) -> subprocess.CompletedProcess[str]:
    if SCRIPT is None:
        pytest.fail("the oneroster console script is not installed next to this Python (pip install -e .)")
    return subprocess.run(
        [SCRIPT, *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, **sandbox.environ()},
    )


def test_the_cli_validates_and_imports(
    source: tuple[RunningSandbox, Path], empty: RunningSandbox, tmp_path: Path
) -> None:
    _, bundle = source
    checked = run_cli(empty, "csv", "validate", str(bundle))
    assert checked.returncode == 0 and checked.stdout == "", checked.stderr
    assert "valid: 0 error(s), 0 warning(s)" in checked.stderr
    dry = run_cli(empty, "import", str(bundle), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "users.csv: " in dry.stderr and "would be created" in dry.stderr
    assert empty.app_state.store.count("users") == 0
    done = run_cli(empty, "import", str(bundle), "--checkpoint", str(tmp_path / "ck"))
    assert done.returncode == 0, done.stderr
    assert "orgs.csv: " in done.stderr and " created" in done.stderr
    again = run_cli(empty, "export", "--out", str(tmp_path / "again"))
    assert again.returncode == 0, again.stderr
    assert _rows(tmp_path / "again") == _rows(bundle)


def test_import_into_the_timeback_platform(source: tuple[RunningSandbox, Path]) -> None:
    # The platform writes users, courses, classes and enrollments (a class's school is its
    # "org" there); the rest of the bundle is reported as not importable, never half-sent.
    _, bundle = source
    config = SandboxConfig(profile="timeback-platform")
    with (
        serve(users=USERS, kinds=["orgs", "academicSessions"], config=config) as platform,
        OneRoster(**platform.client_kwargs()) as client,
    ):
        report = import_bundle(client, bundle)
        rows = _rows(bundle)
        written = {name: counts.created for name, counts in report.files.items() if counts.created}
        assert written == {name: len(rows[f"{name}.csv"][1]) for name in written}
        assert set(written) == {"courses", "classes", "users", "enrollments"}
        assert not report.issues
        assert {"orgs", "academicSessions", "lineItems", "results"} <= set(report.unsupported)
        stored = {c.sourced_id: c for c in client.classes.list_all()}
        first = rows["classes.csv"][1][0][0]
        assert stored[first].school is not None
        again = import_bundle(client, bundle)
        assert all(c.created == c.updated == c.failed == 0 for c in again.files.values())
        assert sum(c.unchanged for c in again.files.values()) == sum(written.values())


def test_import_over_records_another_app_owns(source: tuple[RunningSandbox, Path]) -> None:
    # The platform refuses writes to records another client application owns (403): with nothing
    # writable at all, the import stops after a few refusals (a token without write rights looks the
    # same); where some writes succeed, a refused row is that row's failure (the test below).
    _, bundle = source
    config = SandboxConfig(profile="timeback-platform")
    # Another seed: the same ids with other names, so records differ and the import writes them.
    with (
        serve(users=USERS, seed=7, config=config) as platform,
        OneRoster(**platform.client_kwargs()) as client,
    ):
        with pytest.raises(Forbidden):
            import_bundle(client, bundle, concurrency=1)
        calls = platform.stats()["by_operation"]
        writes = sum(count for op_id, count in calls.items() if not op_id.startswith("get"))
        # Stopped after the fifth refusal (one more write may already have been on its way).
        assert FORBIDDEN_BEFORE_STOP <= writes <= FORBIDDEN_BEFORE_STOP + 1


def test_a_refused_row_is_that_rows_failure_and_its_dependants_wait(
    source: tuple[RunningSandbox, Path],
) -> None:
    _, bundle = source
    rows = _rows(bundle)
    courses = [row[0] for row in rows["courses.csv"][1]]
    refused = courses[0]
    header = rows["classes.csv"][0]
    dependants = {row[0] for row in rows["classes.csv"][1] if row[header.index("courseSourcedId")] == refused}

    def answer(request: httpx.Request) -> httpx.Response:
        segments = request.url.path.rstrip("/").split("/")
        if request.method == "GET":
            if segments[-1] in {
                "orgs",
                "academicSessions",
                "courses",
                "classes",
                "users",
                "enrollments",
                "demographics",
                "categories",
                "scoreScales",
                "lineItems",
                "results",
            }:
                return httpx.Response(200, json={segments[-1]: []})
            return httpx.Response(200, json={"record": {"sourcedId": segments[-1]}})
        if refused in segments:
            body = {
                "imsx_codeMajor": "failure",
                "imsx_severity": "error",
                "imsx_description": f"course {refused!r} is not owned by your client application",
            }
            return httpx.Response(403, json=body)
        return httpx.Response(201)

    client = OneRoster(
        base_url="https://provider.example",
        token="t",
        profile="timeback",
        http_client=httpx.Client(transport=httpx.MockTransport(answer)),
    )
    with client:
        report = import_bundle(client, bundle)
    assert (report.files["courses"].failed, report.files["courses"].created) == (1, len(courses) - 1)
    failed = [issue for issue in report.issues if issue.outcome == "failed"]
    assert [(i.file, i.sourced_id) for i in failed] == [("courses", refused)]
    assert "not owned" in failed[0].message
    skipped = {i.sourced_id for i in report.issues if i.file == "classes" and i.outcome == "skipped"}
    assert skipped == dependants
