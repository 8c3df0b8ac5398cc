"""The installed `oneroster` command against a real sandbox: what a shell script would do."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from oneroster.sandbox import RunningSandbox

pytestmark = pytest.mark.sandbox

SCRIPT = shutil.which("oneroster", path=str(Path(sys.executable).parent))


def run_cli(sandbox: RunningSandbox, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    if SCRIPT is None:
        pytest.fail("the oneroster console script is not installed next to this Python (pip install -e .)")
    return subprocess.run(
        [SCRIPT, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **sandbox.environ()},
        check=False,
    )


def stored(sandbox: RunningSandbox, kind: str) -> list[dict[str, Any]]:
    return list(sandbox.app_state.store.iter_kind(kind))


def test_list_with_where_fields_sort_as_json(sandbox: RunningSandbox) -> None:
    done = run_cli(
        sandbox,
        *("users", "list", "--where", "status=active", "--where", "familyName<D"),
        *("--fields", "sourcedId,familyName", "--sort", "familyName", "--format", "json", "--all"),
    )
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    expected = sorted(
        (u for u in stored(sandbox, "users") if u["status"] == "active" and u["familyName"] < "D"),
        key=lambda u: u["familyName"],
    )
    assert [r["familyName"] for r in rows] == [u["familyName"] for u in expected]
    assert all(set(r) <= {"sourcedId", "familyName"} for r in rows)
    assert sandbox.client_secret not in done.stdout + done.stderr


def test_scoped_listing_streams_every_page_as_jsonl(sandbox: RunningSandbox) -> None:
    klass = stored(sandbox, "classes")[0]["sourcedId"]
    # --page-size is a global option: small pages so --all has to follow several.
    done = run_cli(sandbox, "--page-size", "3", "classes", "students", klass, "--all", "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    got = {json.loads(line)["sourcedId"] for line in done.stdout.splitlines() if line.strip()}
    enrolled = {
        e["user"]["sourcedId"]
        for e in stored(sandbox, "enrollments")
        if e["class"]["sourcedId"] == klass and e["role"] == "student"
    }
    assert got == enrolled


def test_exit_codes_scripts_can_rely_on(sandbox: RunningSandbox) -> None:
    someone = stored(sandbox, "users")[0]["sourcedId"]
    assert run_cli(sandbox, "users", "exists", someone).returncode == 0
    assert run_cli(sandbox, "users", "exists", "nobody-at-all").returncode == 1
    missing = run_cli(sandbox, "users", "get", "nobody-at-all")
    assert missing.returncode == 4
    assert missing.stderr.startswith("error:") and "Traceback" not in missing.stderr
    bad = run_cli(sandbox, "users", "list", "--where", "no operator here")
    assert bad.returncode == 2


def test_upsert_from_a_file_then_delete(sandbox: RunningSandbox, tmp_path: Path) -> None:
    school = next(o["sourcedId"] for o in stored(sandbox, "orgs") if o["type"] == "school")
    record = tmp_path / "user.json"
    record.write_text(
        json.dumps(
            {
                "givenName": "Shell",
                "familyName": "Script",
                "enabledUser": "true",
                "roles": [
                    {
                        "roleType": "primary",
                        "role": "student",
                        "org": {"sourcedId": school, "type": "org", "href": f"/orgs/{school}"},
                    }
                ],
            }
        )
    )
    assert run_cli(sandbox, "users", "upsert", "cli-user-1", "--file", str(record)).returncode == 0
    assert sandbox.app_state.store.get("users", "cli-user-1")["givenName"] == "Shell"
    assert run_cli(sandbox, "users", "delete", "cli-user-1").returncode == 0
    assert sandbox.app_state.store.get("users", "cli-user-1")["status"] == "tobedeleted"


def test_export_writes_a_csv_bundle(sandbox: RunningSandbox, tmp_path: Path) -> None:
    out = tmp_path / "bundle"
    done = run_cli(sandbox, "export", "--out", str(out), timeout=300)
    assert done.returncode == 0, done.stderr
    manifest = dict(csv.reader((out / "manifest.csv").open(newline="", encoding="utf-8")))
    assert manifest["file.users"] == "bulk" and manifest["file.enrollments"] == "bulk"
    with (out / "users.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    active = {u["sourcedId"] for u in stored(sandbox, "users") if u["status"] == "active"}
    assert {r["sourcedId"] for r in rows} == active
    assert {"sourcedId", "username", "givenName", "familyName"} <= set(rows[0])


def test_sandbox_command_runs_a_command_against_a_fresh_sandbox(sandbox: RunningSandbox) -> None:
    code = "import os, sys; sys.exit(0 if os.environ['ONEROSTER_BASE_URL'].startswith('http://127.') else 9)"
    done = run_cli(sandbox, "sandbox", "--users", "30", "--", sys.executable, "-c", code)
    assert done.returncode == 0, done.stderr


def test_probe_saves_a_profile_that_the_next_command_uses(sandbox: RunningSandbox, tmp_path: Path) -> None:
    saved = tmp_path / "provider.json"
    done = run_cli(sandbox, "probe", "--save", str(saved))
    assert done.returncode == 0, done.stderr
    assert "dialect:" in done.stdout and "findings:" in done.stdout
    profile = json.loads(saved.read_text())
    # The sandbox takes everything: the probe must see that, and find TimeBack's operations.
    assert profile["operations"] == "timeback"
    assert profile["dialect"]["parentheses"] and profile["dialect"]["quote_escape"]
    assert profile["dialect"]["dotted_fields"] is True and profile["dialect"]["search"]
    listed = run_cli(
        sandbox,
        "--profile",
        str(saved),
        "users",
        "list",
        "--where",
        "familyName~O'",
        "--format",
        "json",
        "--all",
    )
    assert listed.returncode == 0, listed.stderr
    names = [row["familyName"] for row in json.loads(listed.stdout)]
    assert names and all("o'" in name.lower() for name in names)
    assert names == [u["familyName"] for u in stored(sandbox, "users") if "o'" in u["familyName"].lower()]
