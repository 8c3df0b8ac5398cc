"""tests/conformance: makes conformance_support importable and reports where the reference documents are."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from conformance_support import missing_reference, reference_dir, seed_files


def pytest_report_header() -> list[str]:
    reason = missing_reference()
    status = "found" if reason is None else "ABSENT: reference-dependent conformance tests skip"
    seeds = "found" if seed_files() else "absent"
    return [f"oneroster reference documents: {reference_dir()} ({status}); TimeBack platform seeds: {seeds}"]
