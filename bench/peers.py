"""Peer figures: other Python OneRoster clients paging through the same sandbox (run by bench/run.py).

The peers pin dependencies the project cannot share (timeback 0.3.0 wants httpx<0.28;
strongmind-oneroster-client installs a package also named ``oneroster_client``), so
bench/run.py installs them into bench/.cache/peer-venv and runs this file there. Neither can
be pointed at a server the way a user would point ours: timeback hard-codes its vendor hosts
and fetches tokens from a Cognito path, strongmind takes a host and a ready token. So this
file builds each one's own client objects on the sandbox's URL and hands them a token
fetched beforehand; every request, model and log call after that is the package's own code.

    python bench/peers.py timeback|strongmind users|students BASE_URL TOKEN LIMIT RUNS

prints {"best_s": ..., "cpu_s": ..., "records": ...} (best wall and CPU time of the runs), or
{"error": "..."} when the package fails.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from typing import Any

Fetch = Callable[[int, int], list[Any]]
"""``fetch(offset, limit)`` returns the records of one page."""


class _Token:
    """The token provider timeback's HttpClient calls (``get_access_token``)."""

    def __init__(self, token: str) -> None:
        self.token = token

    def get_access_token(self) -> str:
        return self.token


def timeback_fetch(collection: str, base_url: str, token: str) -> Fetch:
    """Page through ``collection`` with timeback 0.3.0's RosteringService."""
    from timeback.http import HttpClient
    from timeback.models.request import TimebackGetAllStudentsRequest, TimebackGetAllUsersRequest
    from timeback.models.request.timeback_query_params import TimebackQueryParams
    from timeback.services.oneroster.rostering.rostering_service import RosteringService

    service = RosteringService(HttpClient(base_url=base_url, token_provider=_Token(token)))
    request, call = {
        "users": (TimebackGetAllUsersRequest, service.get_all_users),
        "students": (TimebackGetAllStudentsRequest, service.get_all_students),
    }[collection]

    def fetch(offset: int, limit: int) -> list[Any]:
        query = TimebackQueryParams(limit=limit, offset=offset)
        return list(call(request(query_params=query)).users)  # type: ignore[operator]

    return fetch


def strongmind_fetch(collection: str, base_url: str, token: str) -> Fetch:
    """Page through ``collection`` with strongmind-oneroster-client 2.0.5 (a OneRoster 1.1 client)."""
    import oneroster_client as strongmind  # the peer's package of that name, in the peer venv

    config = strongmind.Configuration()
    config.host = base_url + "/ims/oneroster/rostering/v1p2"
    config.access_token = token
    client = strongmind.ApiClient(config)
    api, call = {
        "users": (strongmind.UsersManagementApi, "get_users"),
        "students": (strongmind.StudentsManagementApi, "get_students"),
    }[collection]
    method = getattr(api(client), call)

    def fetch(offset: int, limit: int) -> list[Any]:
        return list(getattr(method(limit=limit, offset=offset), collection) or [])

    return fetch


def main() -> int:
    """Time the peer's loop over every record, best of RUNS; print the result as JSON."""
    package, collection, base_url, token = sys.argv[1:5]
    limit, runs = int(sys.argv[5]), int(sys.argv[6])
    fetch = {"timeback": timeback_fetch, "strongmind": strongmind_fetch}[package](collection, base_url, token)
    best, cpu, records = float("inf"), float("inf"), 0
    for _ in range(runs):
        started, cpu_started = time.perf_counter(), time.process_time()
        n = 0
        while True:
            try:
                page = fetch(n, limit)
            except Exception as exc:  # whether and how the peer fails is the figure
                lines = [line.strip() for line in str(exc).strip().splitlines() if line.strip()][:3]
                print(json.dumps({"error": f"{type(exc).__name__} at offset {n}: {' / '.join(lines)}"}))
                return 0
            if not page:
                break
            n += len(page)
        best, cpu, records = (
            min(best, time.perf_counter() - started),
            min(cpu, time.process_time() - cpu_started),
            n,
        )
    print(json.dumps({"best_s": best, "cpu_s": cpu, "records": records}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
