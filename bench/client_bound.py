"""The client-bound scenario of `make bench`: the provider costs nothing, so the client's own cost shows.

bench/run.py's other figures use the sandbox, which serves ~30k records/s; against it the
client's read-ahead hides the client's cost behind the server's. Here the same pages, fetched
from that sandbox once, are answered from memory by bench/page_server.py (its own process, one
``sendall`` per request), and each loop below pages through all of them with the same consumer
(every record is taken and counted, as any loop that uses its records must). Each round runs
every loop once, in turn; a loop's ratio is taken against the baseline *in the same round*, and
the report gives the median of the rounds and their spread. Client CPU is this process's CPU time
(every thread: the read-ahead's too).

    python bench/client_bound.py         # the scenario alone (starts its own sandbox to fetch pages)
"""

from __future__ import annotations

import gc
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import orjson

ROOT = Path(__file__).resolve().parent
ROSTERING_ROOT = "/ims/oneroster/rostering/v1p2"
USERS_PATH = ROSTERING_ROOT + "/users"
LIMIT = 1000
# The fields a typical sync reads from each user (the "reading" loops): its own and two nested ones.
READ_KEYS = ("sourcedId", "givenName", "familyName", "email", "status")


def capture_pages(base_url: str, token: str, path: Path) -> int:
    """Fetch every users page of a sandbox into ``path`` (page_server.py's input); return the count."""
    keep = ("content-type", "x-total-count", "link")
    pages: dict[str, Any] = {}
    offset = 0
    with httpx.Client(headers={"Authorization": f"Bearer {token}"}, timeout=300) as http:
        while True:
            answer = http.get(base_url + USERS_PATH + "/", params={"limit": LIMIT, "offset": offset})
            answer.raise_for_status()
            received = len(answer.json()["users"])
            entry = [[[k, v] for k, v in answer.headers.items() if k in keep], answer.text]
            if not received:
                empty = entry
                break
            pages[str(offset)] = entry
            offset += received
    path.write_text(json.dumps({"path": USERS_PATH, "limit": LIMIT, "pages": pages, "empty": empty}))
    return offset


@contextmanager
def page_server(pages: Path) -> Iterator[str]:
    """Run bench/page_server.py on ``pages`` in its own process; yield its base URL."""
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "page_server.py"), str(pages)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    if not line.startswith("ready "):
        process.kill()
        raise RuntimeError(f"page server did not start: {line!r}")
    try:
        yield f"http://127.0.0.1:{int(line.split()[1])}"
    finally:
        process.terminate()
        process.wait(timeout=30)


# -- the loops --------------------------------------------------------------------------------------


def _bare(base_url: str, loads: Callable[[bytes], Any]) -> Callable[[], int]:
    """Return the loop anyone would write: httpx, a JSON decoder, offset paging until an empty page."""

    def run() -> int:
        n = offset = 0
        with httpx.Client(headers={"Authorization": "Bearer bench-token"}) as http:
            while True:
                answer = http.get(base_url + USERS_PATH + "/", params={"limit": LIMIT, "offset": offset})
                records = loads(answer.content)["users"]
                if not records:
                    return n
                for _ in records:
                    n += 1
                offset += len(records)

    return run


def _bare_reading(base_url: str) -> Callable[[], int]:
    """Return the bare json.loads loop reading what ``typed_reading`` reads of each record."""

    def run() -> int:
        n = offset = 0
        with httpx.Client(headers={"Authorization": "Bearer bench-token"}) as http:
            while True:
                answer = http.get(base_url + USERS_PATH + "/", params={"limit": LIMIT, "offset": offset})
                records = json.loads(answer.content)["users"]
                if not records:
                    return n
                for record in records:
                    for key in READ_KEYS:
                        record.get(key)
                    (record.get("roles") or [{}])[0].get("role")
                    (record.get("primaryOrg") or {}).get("sourcedId")
                    n += 1
                offset += len(records)

    return run


@dataclass
class Loop:
    """One loop of the scenario: what it runs, and the baseline its ratio is taken against."""

    name: str
    run: Callable[[], int]
    baseline: str | None = None
    target: float | None = None
    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)
    records: int = 0


def bench_client(base_url: str) -> Any:
    """Return the client every timed loop and piece uses, on the page server (any credentials do)."""
    from oneroster import OneRoster

    return OneRoster(
        base_url=base_url,
        client_id="bench-client",
        client_secret="bench-secret",
        token_url=base_url + "/oauth/token",
        profile="timeback",
    )


def loops(base_url: str) -> tuple[list[Loop], Callable[[], None]]:
    """Build every loop of the scenario; return them and a function closing their clients."""
    import oneroster_client
    from oneroster_client.api.rostering import get_all_users

    client = bench_client(base_url)
    client.users.list(limit=LIMIT)  # token and connection, outside the timed loops
    generated = oneroster_client.AuthenticatedClient(base_url=base_url + ROSTERING_ROOT, token="bench-token")

    def typed() -> int:
        n = 0
        for _ in client.users.stream(limit=LIMIT):
            n += 1
        return n

    def raw() -> int:
        n = 0
        for _ in client.users.stream(limit=LIMIT, raw=True):
            n += 1
        return n

    def typed_reading() -> int:
        n = 0
        for user in client.users.stream(limit=LIMIT):
            user.sourced_id, user.given_name, user.family_name, user.email, user.status  # noqa: B018
            if user.roles:
                user.roles[0].role  # noqa: B018
            if user.primary_org is not None:
                user.primary_org.sourced_id  # noqa: B018
            n += 1
        return n

    def generated_loop() -> int:
        n = offset = 0
        while True:
            page = get_all_users.sync(client=generated, limit=LIMIT, offset=offset)
            users = getattr(page, "users", None)
            if not users:
                return n
            for _ in users:
                n += 1
            offset += len(users)

    def close() -> None:
        client.close()
        generated.get_httpx_client().close()

    return [
        Loop("bare `httpx` + `json.loads`, serial", _bare(base_url, json.loads)),
        Loop("bare `httpx` + `orjson.loads`, serial", _bare(base_url, orjson.loads), "json"),
        Loop("`client.users.stream(limit=1000)` (typed)", typed, "json", 1.3),
        Loop("`client.users.stream(limit=1000, raw=True)`", raw, "orjson", 1.05),
        Loop("the generated client alone (`get_all_users.sync` loop)", generated_loop, "json", 1.5),
        Loop("bare `json.loads` loop reading 7 fields of each record", _bare_reading(base_url), "json"),
        Loop("typed `stream()` reading the same 7 fields", typed_reading, "reading"),
    ], close


BASELINE_KEYS = {"json": 0, "orjson": 1, "reading": 5}


def measure(runs: list[Loop], *, rounds: int) -> None:
    """Run every loop once per round, in turn (a full collection before each, so none pays another's)."""
    for loop in runs:
        loop.run()  # warm: imports, caches, the first connection
    for _ in range(rounds):
        for loop in runs:
            gc.collect()
            started, cpu_started = time.perf_counter(), time.process_time()
            loop.records = loop.run()
            loop.walls.append(time.perf_counter() - started)
            loop.cpus.append(time.process_time() - cpu_started)
    counts = {loop.records for loop in runs}
    assert len(counts) == 1, [(loop.name, loop.records) for loop in runs]


@dataclass
class Ratio:
    """A loop's ratio to its baseline: median of the rounds, and their spread."""

    median: float
    low: float
    high: float

    def __str__(self) -> str:
        return f"{self.median:.2f}x ({self.low:.2f}-{self.high:.2f})"


def ratio(loop: Loop, base: Loop, *, cpu: bool) -> Ratio:
    """Return the ratio of ``loop`` to ``base``, round by round (same round, same machine state)."""
    mine, theirs = (loop.cpus, base.cpus) if cpu else (loop.walls, base.walls)
    ratios = [a / b for a, b in zip(mine, theirs, strict=True)]
    return Ratio(statistics.median(ratios), min(ratios), max(ratios))


def per_record(seconds: list[float], records: int) -> float:
    """Median microseconds per record."""
    return statistics.median(seconds) / records * 1e6


# -- where the microseconds go ----------------------------------------------------------------------


def _cpu_per(work: Callable[[], object], *, units: int, repeat: int = 9, number: int = 5) -> float:
    """Median CPU microseconds per unit of ``work`` (run ``number`` times per sample)."""
    work()
    samples = []
    for _ in range(repeat):
        started = time.process_time()
        for _ in range(number):
            work()
        samples.append((time.process_time() - started) / number / units * 1e6)
    return statistics.median(samples)


def breakdown(base_url: str) -> list[tuple[str, float]]:
    """Measure each piece of a typed stream on its own: (piece, CPU microseconds per record).

    Each piece keeps alive only what it works on, and a full collection runs before each: how
    long decoding takes depends on how many objects the collector has to walk while it runs.
    """
    from oneroster.engine import decode_json
    from oneroster.paging import Page, build_page, iterate
    from oneroster.resources import _raw_records, _raw_sourced_id, request_kwargs

    from oneroster_client.models import User

    client = bench_client(base_url)
    users = client.users
    users.list(limit=LIMIT)
    ask = users._ask(where=None, filter=None, sort=None, order_by=None, fields=None, search=None, limit=LIMIT)
    request = users._direct(users._planner.plan(ask))
    assert request is not None
    engine = users._engine
    http = httpx.Client(headers={"Authorization": "Bearer bench-token"})
    url = base_url + USERS_PATH + "/"
    offsets = range(0, 20 * LIMIT, LIMIT)
    n = len(offsets) * LIMIT

    def send(offset: int) -> Any:
        return engine.send(request.op_id, **request.path, **request_kwargs(request, offset, paged=True))

    def measure(work: Callable[[], object], units: int) -> float:
        gc.collect()
        return _cpu_per(work, units=units)

    def bare_get() -> None:
        for offset in offsets:
            http.get(url, params={"limit": LIMIT, "offset": offset}).read()

    def client_send() -> None:
        for offset in offsets:
            send(offset)

    get, client_http = measure(bare_get, n), measure(client_send, n)
    outcomes = [send(offset) for offset in offsets]
    bodies = [outcome.response.content for outcome in outcomes]

    def decode_pages(loads: Callable[[bytes], Any], *, hold: bool = True) -> None:
        held = None
        for body in bodies:
            # Held until the next page is decoded, as the bare loops hold it (which the collector
            # feels); stream() lets a page go before it decodes the next one.
            page = loads(body)["users"]
            held = page if hold else None
            del page
        del held

    loads = measure(lambda: decode_pages(json.loads), n)
    orjson_loads = measure(lambda: decode_pages(decode_json), n)
    orjson_let_go = measure(lambda: decode_pages(decode_json, hold=False), n)

    class Decoded:
        """An outcome whose body is decoded already: the envelope's own work is what is timed."""

        def __init__(self, outcome: Any) -> None:
            self.response = outcome.response
            self.body = decode_json(outcome.response.content)

        def json(self) -> Any:
            return self.body

    def envelope(decoded: list[Decoded]) -> None:
        for outcome in decoded:
            records, totals = _raw_records(outcome, key="users")  # type: ignore[arg-type]
            build_page(records, offset=0, limit=LIMIT, headers=outcome.response.headers, body_totals=totals)

    decoded = [Decoded(outcome) for outcome in outcomes[:4]]
    paging = measure(lambda: envelope(decoded), 4 * LIMIT)
    decoded = []  # let go (the closures above are done with it)

    records = decode_json(bodies[1])["users"]
    outcomes, bodies = [], []
    pages = {i * LIMIT: [{**r, "sourcedId": f"{r['sourcedId']}/{i}"} for r in records] for i in range(4)}
    total = 4 * LIMIT

    def fetch(offset: int) -> Page[dict[str, Any]]:
        more = offset + LIMIT < total
        next_offset = offset + LIMIT if more else None
        data = list(pages[offset])
        return Page(
            data=data, offset=offset, limit=LIMIT, total=total, has_more=more, next_offset=next_offset
        )

    def plain_loop() -> None:
        for offset in pages:
            for _ in fetch(offset).data:
                pass

    def paginated() -> None:
        for _ in iterate(fetch, key=_raw_sourced_id, read_ahead=True):
            pass

    handing = measure(paginated, total) - measure(plain_loop, total)
    pages = {}

    def one_at_a_time() -> None:
        for record in records:
            User.from_dict(record)

    def page_held() -> None:
        [User.from_dict(record) for record in records]

    def build_and_read() -> None:
        for record in records:
            user = User.from_dict(record)
            user.sourced_id, user.given_name, user.family_name, user.email, user.status  # noqa: B018
            if user.roles:
                user.roles[0].role  # noqa: B018
            if user.primary_org is not None:
                user.primary_org.sourced_id  # noqa: B018

    def round_trip() -> None:
        for record in records:
            User.from_dict(record).to_dict()

    def plan() -> None:
        users.stream(limit=LIMIT)  # planning and setting up the stream; nothing is sent

    size = len(records)
    built = measure(one_at_a_time, size)
    held = measure(page_held, size)
    reading = measure(build_and_read, size) - built
    writing = measure(round_trip, size) - built
    planning = measure(plan, 1)
    http.close()
    client.close()
    per_page = "(per page, over its 1000 records)"
    return [
        (f"HTTP exchange, bare httpx: request, headers, 750 KB body {per_page}", get),
        (f"HTTP exchange through the client: auth, hooks, retries, body, deadline {per_page}", client_http),
        ("decoding, `json.loads`, the page before held (the bare loop; the generated client before)", loads),
        ("decoding, `orjson.loads`, the page before held (the generated client now)", orjson_loads),
        ("decoding, `orjson.loads`, the page before let go (stream())", orjson_let_go),
        (f"envelope check and paging signals {per_page}", paging),
        ("paginator: handing each record over (stream()), beyond a plain loop", handing),
        ("model building, `User.from_dict`, one record at a time (as stream() does)", built),
        ("model building, a whole page held (as list_all() and the generated client do)", held),
        ("reading 7 fields of a built record, a role and the primary org among them", reading),
        ("`to_dict()` of a built record", writing),
        (f"planning, setting up one stream() call ({planning:.0f} us), over 100,000 records", planning / 1e5),
    ]  # fmt: skip


# -- memory: list_all() -----------------------------------------------------------------------------

_LIST_ALL_CHILD = r"""
import gc, json, resource, sys
from oneroster import OneRoster
base, raw, touch = sys.argv[1], sys.argv[2] == "raw", sys.argv[2] == "read"
client = OneRoster(base_url=base, client_id="c", client_secret="s", token_url=base + "/oauth/token",
                   profile="timeback")
client.users.list(limit=1000)
gc.collect()
before = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmRSS:"))
records = client.users.list_all(limit=1000, raw=raw)
if touch:
    for user in records:
        user.to_dict()
        user.roles, user.user_ids, user.primary_org, user.agents, user.metadata
gc.collect()
held = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmRSS:"))
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"n": len(records), "before_kb": before, "held_kb": held, "peak_kb": peak}))
"""


def list_all_memory(base_url: str, mode: str) -> dict[str, int]:
    """``list_all()`` of every user in a fresh process (``mode``: typed, raw, read); its RSS in KiB."""
    done = subprocess.run(
        [sys.executable, "-c", _LIST_ALL_CHILD, base_url, mode], capture_output=True, text=True, check=True
    )
    return dict(json.loads(done.stdout))


# -- the report -------------------------------------------------------------------------------------


def report(base_url: str, *, rounds: int) -> tuple[list[str], bool]:
    """Run the scenario against a page server; return the report's lines and whether every target was met."""
    runs, close = loops(base_url)
    try:
        measure(runs, rounds=rounds)
    finally:
        close()
    base = {key: runs[index] for key, index in BASELINE_KEYS.items()}
    json_loop = runs[0]
    n = json_loop.records
    lines = [
        "| loop | wall, us/record | client CPU, us/record | wall, x baseline | client CPU, x baseline "
        "| target | met |",
        "|---|---|---|---|---|---|---|",
    ]
    all_met = True
    for loop in runs:
        wall = per_record(loop.walls, n)
        cpu = per_record(loop.cpus, n)
        if loop.baseline is None:
            lines.append(
                f"| {loop.name} | {wall:.2f} | {cpu:.2f} | 1.00x (baseline) | 1.00x (baseline) | | |"
            )
            continue
        reference = base[loop.baseline]
        by_wall, by_cpu = ratio(loop, reference, cpu=False), ratio(loop, reference, cpu=True)
        named = {"json": "json.loads loop", "orjson": "orjson loop", "reading": "reading loop"}[loop.baseline]
        if loop.target is None:
            target, met = "", ""
        else:
            ok = by_wall.median <= loop.target and by_cpu.median <= loop.target
            all_met = all_met and ok
            target, met = f"<= {loop.target}x the {named}", "yes" if ok else "NO"
        lines.append(
            f"| {loop.name} | {wall:.2f} | {cpu:.2f} | {by_wall} the {named} | {by_cpu} the {named} "
            f"| {target} | {met} |"
        )
    lines += [
        "",
        f"{n:,} user records in pages of {LIMIT}, {rounds} rounds; ratios are medians of the per-round "
        "ratios (spread in brackets). Every loop takes each record and counts it.",
    ]
    return lines, all_met


def main() -> int:
    """Run the scenario alone (its own sandbox for the pages) and print the report."""
    sys.path.insert(0, str(ROOT))
    import run

    cache = ROOT / ".cache"
    cache.mkdir(exist_ok=True)
    users = 70_000
    pages = cache / f"pages-users-{users}.json"
    if not pages.exists():
        with run.sandbox(users=users, db=cache / f"users-{users}.db", kinds="users") as server:
            capture_pages(server.base_url, server.token(), pages)
    with page_server(pages) as base_url:
        lines, ok = report(base_url, rounds=7)
        print("\n".join(lines))
        for piece, us in breakdown(base_url):
            print(f"{piece}: {us:.3f} us")
        for mode in ("typed", "raw", "read"):
            print(mode, list_all_memory(base_url, mode))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
