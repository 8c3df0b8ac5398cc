"""Fail when oneroster_client/, the operation index or openapi/GENERATED.md is not exactly what the spec generates.

Regenerates into a temporary directory with the pinned generator and compares every file, so a hand
edit, a forgotten `make generate` after a spec change, or a different generator version all show up.
"""

from __future__ import annotations

import difflib
import filecmp
import subprocess
import sys
import tempfile
from pathlib import Path

from generation import INDEX, PACKAGE, ROOT, generate, operation_index_text

IGNORED = {"__pycache__", ".ruff_cache", ".mypy_cache"}


def files_below(root: Path) -> set[str]:
    """Relative paths of the files below ``root``, caches left out."""
    return {
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.is_file() and not IGNORED.intersection(p.relative_to(root).parts)
    }


def main() -> int:
    """Compare and print a unified diff of what differs; exit 1 on drift."""
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "oneroster_client"
        generate(fresh)
        committed, expected = files_below(PACKAGE), files_below(fresh)
        problems += [
            f"missing (spec generates it): oneroster_client/{f}" for f in sorted(expected - committed)
        ]
        problems += [
            f"extra (spec does not generate it): oneroster_client/{f}" for f in sorted(committed - expected)
        ]
        for name in sorted(committed & expected):
            if not filecmp.cmp(PACKAGE / name, fresh / name, shallow=False):
                diff = difflib.unified_diff(
                    (fresh / name).read_text().splitlines(keepends=True),
                    (PACKAGE / name).read_text().splitlines(keepends=True),
                    f"generated/{name}",
                    f"committed/{name}",
                )
                problems.append("".join(list(diff)[:60]))
    if INDEX.read_text() != operation_index_text():
        problems.append("wrappers/oneroster/operation_index.py is out of date: run `make generate`")
    note = ROOT / "openapi" / "GENERATED.md"
    produced = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "provenance.py")], capture_output=True, text=True, check=True
    ).stdout
    if not note.exists() or note.read_text() != produced:
        problems.append("openapi/GENERATED.md is out of date: run `make generate`")
    if problems:
        print(
            "oneroster_client/ differs from what the spec generates (never edit it by hand; run `make generate`):"
        )
        print("\n".join(problems))
        return 1
    print("oneroster_client/ is exactly what openapi/oneroster-1.2.yaml generates")
    return 0


if __name__ == "__main__":
    sys.exit(main())
