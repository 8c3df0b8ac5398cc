"""How many requests each nested listing costs on providers without nested routes.

For every nested listing of the client (``client.classes(id).students`` ...), ask the same
question of a sandbox playing the fullest provider (``full``: every nested route exists) and
of one playing the Ed-Fi-shaped provider (``edfi``: no nested routes, no dotted filters) and of
the 1EdTech baseline, and count the requests each answer took (the sandbox's own counter), the
records returned (always the same), and whether the plan reads a whole collection.

Run: ``.venv/bin/python bench/fallback_requests.py [--users N]``; prints a Markdown table.
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import sys
from typing import Any

from oneroster import OneRoster
from oneroster.dialects import BASELINE, EDFI, FULL, Dialect
from oneroster.profiles import PROFILES
from oneroster.sandbox import RunningSandbox, serve
from oneroster.scopes import ROUTES

PAGE = 100


def _client(sandbox: RunningSandbox, dialect: Dialect) -> OneRoster:
    profile = dataclasses.replace(PROFILES["timeback"], name=f"timeback-{dialect.name}", dialect=dialect)
    return OneRoster(**{**sandbox.client_kwargs(), "profile": profile}, page_size=PAGE)


def _listing(client: OneRoster, route: str, ids: tuple[str, ...]) -> Any:
    head, *rest = route.split(".")
    scope = getattr(client, head)(ids[0])
    if len(rest) == 2:
        scope = getattr(scope, rest[0])(ids[1])
    return getattr(scope, rest[-1])


def _parents(client: OneRoster) -> dict[str, str]:
    enrollment = client.enrollments.first(where={"role": "student"})
    line_item = client.line_items.first()
    assert enrollment is not None and line_item is not None
    first = {name: getattr(client, name).first() for name in ("schools", "terms", "courses", "teachers")}
    return {
        "users": enrollment.user.sourced_id,
        "students": enrollment.user.sourced_id,
        "teachers": first["teachers"].sourced_id,
        "classes": line_item.class_.sourced_id,
        "schools": first["schools"].sourced_id,
        "terms": first["terms"].sourced_id,
        "courses": first["courses"].sourced_id,
        "line_items": line_item.sourced_id,
        "class_": line_item.class_.sourced_id,
        "line_item": line_item.sourced_id,
        "student": enrollment.user.sourced_id,
    }


def main(argv: list[str] | None = None) -> int:
    """Print the table."""
    parser = argparse.ArgumentParser(
        description="requests per nested listing, with and without nested routes"
    )
    parser.add_argument("--users", type=int, default=2000)
    options = parser.parse_args(argv)
    # The planner's WARNING for every whole-collection read is the point here, not news.
    logging.getLogger("oneroster.planner").setLevel(logging.ERROR)
    dialects = {"full": FULL, "baseline": BASELINE, "edfi": EDFI}
    sandboxes = {name: serve(users=options.users, dialect=dialect) for name, dialect in dialects.items()}
    running = {name: context.__enter__() for name, context in sandboxes.items()}
    try:
        clients = {name: _client(running[name], dialects[name]) for name in dialects}
        parents = _parents(clients["full"])
        print(
            f"| nested listing ({options.users}-user district, pages of {PAGE}) | records | "
            + " | ".join(f"requests on `{name}`" for name in dialects)
            + " | reads a whole collection on `edfi` |"
        )
        print("|---|---|" + "---|" * len(dialects) + "---|")
        for route in sorted(ROUTES):
            head, *rest = route.split(".")
            ids = (parents[head], parents[rest[0]]) if len(rest) == 2 else (parents[head],)
            counts: dict[str, int] = {}
            found: set[int] = set()
            plan_scan = ""
            for name, client in clients.items():
                try:
                    listing = _listing(client, route, ids)
                    plan = listing.explain()
                    running[name].reset_stats()
                    records = listing.list_all()
                except Exception as exc:
                    counts[name] = -1
                    print(f"  {route} on {name}: {type(exc).__name__}: {exc}", file=sys.stderr)
                    continue
                counts[name] = int(running[name].stats()["requests"])
                found.add(len(records))
                if name == "edfi":
                    plan_scan = "yes" if plan.full_scan else "no"
            size = "/".join(str(n) for n in sorted(found))
            cells = " | ".join("—" if counts.get(n, -1) < 0 else str(counts[n]) for n in dialects)
            print(f"| `{route}` | {size} | {cells} | {plan_scan} |")
        for client in clients.values():
            client.close()
    finally:
        for context in sandboxes.values():
            context.__exit__(None, None, None)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
