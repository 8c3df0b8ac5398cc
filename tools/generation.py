"""Shared facts about how oneroster_client/ is generated (used by the provenance and drift tools)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "oneroster-1.2.yaml"
CONFIG = ROOT / "generator-config.yml"
TEMPLATES = ROOT / "openapi" / "templates"
PACKAGE = ROOT / "oneroster_client"


def sha256_of(*paths: Path) -> str:
    """Hash one file's bytes (same as `sha256sum`), or several files/directories with their names."""
    if len(paths) == 1 and paths[0].is_file():
        return hashlib.sha256(paths[0].read_bytes()).hexdigest()
    digest = hashlib.sha256()
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            digest.update(file.relative_to(ROOT).as_posix().encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()


def generate(output: Path) -> None:
    """Run the pinned generator into ``output`` exactly as ``make generate`` does."""
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    subprocess.run(
        [
            str(bin_dir / "openapi-python-client"),
            "generate",
            "--path",
            str(SPEC),
            "--config",
            str(CONFIG),
            "--custom-template-path",
            str(TEMPLATES),
            "--meta",
            "none",
            "--overwrite",
            "--fail-on-warning",
            "--output-path",
            str(output),
        ],
        check=True,
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )


INDEX = ROOT / "wrappers" / "oneroster" / "operation_index.py"


def operation_index_text() -> str:
    """Render wrappers/oneroster/operation_index.py from the spec, formatted as the repo formats code."""
    bin_dir = Path(sys.executable).parent
    raw = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "operation_index.py")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return subprocess.run(
        [str(bin_dir / "ruff"), "format", "--stdin-filename", str(INDEX), "-"],
        input=raw,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
