"""`python -m oneroster.sandbox -- COMMAND` and the main job (`make demo`) on a real loopback server."""

from __future__ import annotations

import re
import shlex
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from oneroster.sandbox import open_store

pytestmark = pytest.mark.sandbox

ROOT = Path(__file__).resolve().parents[2]


def run_sandbox(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "oneroster.sandbox", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        check=False,
    )


def _port_of(stderr: str) -> int:
    found = re.search(r"http://127\.0\.0\.1:(\d+)", stderr)
    assert found, stderr
    return int(found.group(1))


def _is_listening(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def demo_recipe() -> list[list[str]]:
    """The commands `make demo` runs, read from the Makefile, with $(BIN) as this interpreter's directory."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^demo:.*\n((?:\t.*\n)+)", text, re.MULTILINE)
    assert recipe, "the Makefile has no demo target"
    bin_dir = str(Path(sys.executable).parent)
    return [shlex.split(line.strip().replace("$(BIN)", bin_dir)) for line in recipe.group(1).splitlines()]


@pytest.fixture(scope="module")
def main_job() -> dict[str, subprocess.CompletedProcess[str]]:
    """Each command of `make demo`, run once, by the example script it runs."""
    done = {}
    for command in demo_recipe():
        assert command[:3] == [sys.executable, "-m", "oneroster.sandbox"], command
        done[Path(command[-1]).name] = subprocess.run(
            command, capture_output=True, text=True, timeout=240, cwd=ROOT, check=False
        )
    return done


def test_make_demo_is_the_sync_then_the_onboarding() -> None:
    commands = demo_recipe()
    assert [command[-1] for command in commands] == [
        "examples/roster_sync.py",
        "examples/student_onboarding.py",
    ]
    assert commands[1][3:6] == ["--profile", "timeback-platform", "--"]


def test_main_job_runs_end_to_end_and_leaves_nothing_running(
    main_job: dict[str, subprocess.CompletedProcess[str]],
) -> None:
    done = main_job["roster_sync.py"]
    assert done.returncode == 0, done.stderr + done.stdout
    assert re.search(r"^\d+ active schools$", done.stdout, re.MULTILINE)
    assert "upserted demo-student-1 with agent(s) ['demo-parent-1']" in done.stdout
    assert "line item demo-li-1: result 93" in done.stdout
    ready = re.search(r"ready in ([\d.]+) s", done.stderr)
    assert ready, done.stderr
    assert not _is_listening(_port_of(done.stderr))


def test_main_job_onboards_a_student_on_the_platform(
    main_job: dict[str, subprocess.CompletedProcess[str]],
) -> None:
    done = main_job["student_onboarding.py"]
    assert done.returncode == 0, done.stderr + done.stdout
    assert "(profile timeback-platform," in done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "writing into org partner-sandbox (Partner Sandbox)"
    refused = [line for line in lines if line.startswith("refused before sending: ")]
    assert len(refused) == 2 and "primaryOrg" in refused[0] and "does not match" in refused[1]
    assert "agents of demo-onboard-student-1: [('demo-onboard-parent-1', 'parent')]" in lines
    assert "demo-onboard-parent-1 is an agent of ['demo-onboard-student-1']" in lines
    assert "demo-onboard-student-1 is enrolled in ['demo-onboard-class-1']" in lines
    assert lines[-1] == "after removing the relationship demo-onboard-student-1 has 0 agent(s)"
    assert not _is_listening(_port_of(done.stderr))


def test_command_sees_the_sandbox_settings_and_its_exit_status_is_kept() -> None:
    code = (
        "import os, sys; e = os.environ; print(e['ONEROSTER_BASE_URL'], e['ONEROSTER_PROFILE']); sys.exit(3)"
    )
    done = run_sandbox("--users", "50", "--", sys.executable, "-c", code)
    assert done.returncode == 3
    base_url, profile = done.stdout.split()
    assert base_url == f"http://127.0.0.1:{_port_of(done.stderr)}" and profile == "timeback"


def test_missing_command_is_127() -> None:
    done = run_sandbox("--users", "20", "--", "no-such-command-here")
    assert done.returncode == 127
    assert "command not found" in done.stderr


@pytest.mark.parametrize(
    "args",
    [["--users", "0"], ["--rate-429", "2"], ["--profile", "nope"], ["--port", "x"]],
)
def test_bad_arguments_exit_2(args: list[str]) -> None:
    done = run_sandbox(*args, "--", sys.executable, "-c", "print('should not run')")
    assert done.returncode == 2
    assert "should not run" not in done.stdout
    assert "error" in done.stderr


def test_file_database_is_reused_for_the_same_district(tmp_path: Path) -> None:
    db = str(tmp_path / "district.db")
    with open_store(db=db, seed=3, users=120) as first:
        users = first.count("users")
    with open_store(db=db, seed=3, users=120) as again:
        assert again.count("users") == users
    with pytest.raises(ValueError, match="holds district 3:120"):
        open_store(db=db, seed=4, users=120)
