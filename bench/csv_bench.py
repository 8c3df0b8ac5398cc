"""CSV bundle figures: rows/s and peak memory of validate, read and import; import with and without threads.

Each measured step runs in a fresh Python process (so its peak RSS is its own), against
sandboxes running in their own processes on loopback. Results go to the "CSV bundles"
section of bench/results.md (between markers that bench/run.py keeps).

    python bench/csv_bench.py                 # 50,000-user district (about 15 minutes; cached)
    python bench/csv_bench.py --users 2000    # a quicker try
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
CACHE = ROOT / ".cache"
RESULTS = ROOT / "results.md"
START, END = "<!-- csv-bench:start -->", "<!-- csv-bench:end -->"
CLIENT = {"client_id": "sandbox-client", "client_secret": "sandbox-secret", "profile": "timeback"}

# A sandbox process: the seeded district of --db, or an empty store (an import target).
_SERVER = """
import sys, threading
from oneroster.sandbox import SandboxConfig, Store, serve, Faults, open_store
port, users, db, latency = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], float(sys.argv[4])
store = Store() if users == 0 else open_store(db=db, users=users)
config = SandboxConfig(faults=Faults(latency_ms=latency), max_limit=3000)
with serve(port=port, store=store, config=config):
    print("ready", flush=True)
    threading.Event().wait()
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def sandbox(*, users: int = 0, db: str = ":memory:", latency_ms: float = 0) -> Iterator[str]:
    """Run a sandbox in its own process; yield its base URL."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", _SERVER, str(port), str(users), db, str(latency_ms)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        if process.stdout.readline().strip() != "ready":
            raise RuntimeError("the sandbox did not start")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)


def _client(base_url: str) -> Any:
    from oneroster import OneRoster

    return OneRoster(base_url=base_url, token_url=base_url + "/oauth/token", **CLIENT)


def measure(step: str, bundle: str, base_url: str, concurrency: int) -> dict[str, Any]:
    """Run one step in this process and return rows, seconds and peak RSS (the child side)."""
    import oneroster.csv as orcsv

    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    if step == "validate":
        result = orcsv.validate_bundle(bundle)
        assert result.ok, [str(p) for p in result.errors[:5]]
        rows = sum(result.rows.values())
    elif step == "read":
        rows = sum(1 for _ in orcsv.read_bundle(bundle))
    elif step == "import":
        with _client(base_url) as client:
            report = orcsv.import_bundle(client, bundle, concurrency=concurrency)
        assert report.ok, [str(i) for i in report.issues[:5]]
        rows = sum(c.created + c.updated + c.unchanged for c in report.files.values())
    else:
        raise SystemExit(f"unknown step {step}")
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"rows": rows, "seconds": seconds, "peak_mb": peak, "baseline_mb": baseline}


def _child(step: str, bundle: Path, base_url: str = "", concurrency: int = 8) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", step, str(bundle), base_url, str(concurrency)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{step} failed: {done.stderr[-2000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _export(base_url: str, out: Path) -> tuple[float, dict[str, int]]:
    from oneroster.csv import export_bundle

    started = time.perf_counter()
    with _client(base_url) as client:
        report = export_bundle(client, out_dir=out, force=True)
    return time.perf_counter() - started, report.rows


def _fmt(result: dict[str, Any]) -> str:
    rate = result["rows"] / result["seconds"]
    return f"{result['rows']:,} rows in {result['seconds']:.1f} s = {rate:,.0f} rows/s"


def main() -> None:
    """Measure and write the CSV section of bench/results.md."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=50_000)
    parser.add_argument("--latency-users", type=int, default=100)
    parser.add_argument("--child", nargs=4, metavar=("STEP", "BUNDLE", "URL", "N"))
    args = parser.parse_args()
    if args.child:
        step, bundle, url, concurrency = args.child
        print(json.dumps(measure(step, bundle, url, int(concurrency))))
        return
    CACHE.mkdir(exist_ok=True)
    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="csv-bench-"))
    lines: list[str] = []
    try:
        db = str(CACHE / f"csv-district-{args.users}.db")
        with sandbox(users=args.users, db=db) as url:
            export_s, rows = _export(url, work / "big")
        total_rows = sum(rows.values())
        validate = _child("validate", work / "big")
        read = _child("read", work / "big")
        with sandbox() as url:
            imported = _child("import", work / "big", url, 8)
        lines.append(
            f"District of {args.users:,} users (seed 1): export {total_rows:,} rows in {export_s:.1f} s."
        )
        lines.append("")
        lines.append("| step (own process) | throughput | peak RSS | of which before the step |")
        lines.append("|---|---|---|---|")
        for name, result in (("validate_bundle", validate), ("read_bundle (typed models)", read),
                             ("import_bundle into an empty sandbox, 8 threads", imported)):  # fmt: skip
            lines.append(
                f"| {name} | {_fmt(result)} | {result['peak_mb']:.0f} MB | {result['baseline_mb']:.0f} MB |"
            )
        db_small = str(CACHE / f"csv-district-{args.latency_users}.db")
        with sandbox(users=args.latency_users, db=db_small) as url:
            _export(url, work / "small")
        lines.append("")
        lines.append(f"Import at 50 ms server latency (bundle of the {args.latency_users}-user district):")
        lines.append("")
        lines.append("| threads | throughput | vs 1 thread |")
        lines.append("|---|---|---|")
        serial_rate = 0.0
        for threads in (1, 8, 32):
            with sandbox(latency_ms=50) as url:
                result = _child("import", work / "small", url, threads)
            rate = result["rows"] / result["seconds"]
            serial_rate = serial_rate or rate
            lines.append(f"| {threads} | {_fmt(result)} | {rate / serial_rate:.1f}x |")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    header = (
        f"## CSV bundles (`python bench/csv_bench.py`)\n\nMeasured {stamp} "
        f"on {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; "
        f"whole run {time.perf_counter() - started:.0f} s. "
        "Sandboxes run in their own processes on loopback.\n"
    )
    section = f"{START}\n{header}\n" + "\n".join(lines) + f"\n{END}\n"
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    if START in text and END in text:
        text = text[: text.index(START)] + section + text[text.index(END) + len(END) + 1 :]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text, encoding="utf-8")
    print(section)


if __name__ == "__main__":
    main()
