"""Helpers of the Django tests: sandbox switches, the expected pages computed from the store, HTML reading."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from oneroster.sandbox import RunningSandbox

REPO = Path(__file__).resolve().parents[2]
EXAMPLE_DIR = REPO / "examples" / "django_app"
DOCS = REPO / "docs" / "django.md"

# -- the sandbox's admin endpoints -------------------------------------------------------


def setting_for(running: RunningSandbox, **overrides: object) -> dict[str, object]:
    """Return an ``ONEROSTER`` setting pointing at ``running`` (keys overridden as given)."""
    setting: dict[str, object] = {
        "BASE_URL": running.base_url,
        "CLIENT_ID": running.client_id,
        "CLIENT_SECRET": running.client_secret,
        "TOKEN_URL": running.token_url,
        "PROFILE": running.profile,
    }
    setting.update(overrides)
    return setting


# -- what the pages should show, from the store ------------------------------------------


def _active(record: Mapping[str, Any]) -> bool:
    return record.get("status") != "tobedeleted"


def _ref(record: Mapping[str, Any], name: str) -> str | None:
    value = record.get(name)
    return value.get("sourcedId") if isinstance(value, Mapping) else None


def expected_roster(running: RunningSandbox, class_id: str) -> list[dict[str, Any]]:
    """The class's active students (users enrolled as students), sorted as the roster page sorts them."""
    store = running.app_state.store
    enrolled = {
        _ref(e, "user")
        for e in store.iter_kind("enrollments")
        if _ref(e, "class") == class_id and e.get("role") == "student"
    }
    users = [store.get("users", uid) for uid in sorted(i for i in enrolled if i)]
    students = [
        u
        for u in users
        if u is not None and _active(u) and any(r.get("role") == "student" for r in u.get("roles") or [])
    ]
    return sorted(
        students,
        key=lambda u: (u.get("familyName", "").casefold(), u.get("givenName", "").casefold(), u["sourcedId"]),
    )


def expected_line_items(running: RunningSandbox, class_id: str) -> list[dict[str, Any]]:
    """The class's active line items in assign-date order."""
    items = [
        li
        for li in running.app_state.store.iter_kind("lineItems")
        if _ref(li, "class") == class_id and _active(li)
    ]
    return sorted(items, key=lambda li: (li.get("assignDate", ""), li["sourcedId"]))


def expected_cell(result: Mapping[str, Any]) -> str:
    score = result.get("score")
    if isinstance(score, int | float) and not isinstance(score, bool):
        return f"{score:g}"
    return str(result.get("scoreStatus") or "")


def expected_gradebook(running: RunningSandbox, class_id: str) -> dict[str, dict[str, str]]:
    """``{student id: {line item id: cell text}}`` for every roster student and line item column."""
    columns = [li["sourcedId"] for li in expected_line_items(running, class_id)]
    scores = {
        (_ref(r, "student"), _ref(r, "lineItem")): expected_cell(r)
        for r in running.app_state.store.iter_kind("results")
        if _active(r)
    }
    return {
        s["sourcedId"]: {li: scores.get((s["sourcedId"], li), "") for li in columns}
        for s in expected_roster(running, class_id)
    }


def pick_classes(running: RunningSandbox) -> dict[str, str]:
    """Classes worth testing, by what makes them interesting (read from the store, not hard-coded)."""
    store = running.app_state.store
    classes = [c for c in store.iter_kind("classes") if _active(c)]
    results_per_class: dict[str, int] = {}
    line_item_class = {li["sourcedId"]: _ref(li, "class") for li in store.iter_kind("lineItems")}
    for r in store.iter_kind("results"):
        owner = line_item_class.get(_ref(r, "lineItem") or "")
        if owner:
            results_per_class[owner] = results_per_class.get(owner, 0) + 1
    picked = {
        "first": classes[0]["sourcedId"],
        "most_results": max(classes, key=lambda c: results_per_class.get(c["sourcedId"], 0))["sourcedId"],
    }
    for c in classes:
        names = [
            u.get("familyName", "") + u.get("givenName", "") for u in expected_roster(running, c["sourcedId"])
        ]
        if any("'" in n for n in names):
            picked["apostrophe"] = c["sourcedId"]
            break
    return picked


# -- reading the pages -------------------------------------------------------------------


@dataclass
class PageTable:
    """The ``data-*`` marked rows and cells of a page (see the example's templates)."""

    student_ids: list[str] = field(default_factory=list)
    column_ids: list[str] = field(default_factory=list)
    cells: dict[str, dict[str, str]] = field(default_factory=dict)
    class_ids: list[str] = field(default_factory=list)


class _TableReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.table = PageTable()
        self._row: str | None = None
        self._cell: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "tr" and found.get("data-student-id"):
            self._row = str(found["data-student-id"])
            self.table.student_ids.append(self._row)
            self.table.cells[self._row] = {}
        elif tag == "tr" and found.get("data-class-id"):
            self.table.class_ids.append(str(found["data-class-id"]))
        elif tag == "th" and found.get("data-line-item-id"):
            self.table.column_ids.append(str(found["data-line-item-id"]))
        elif tag == "td" and found.get("data-line-item-id") and self._row is not None:
            self._cell = str(found["data-line-item-id"])
            self._text = []

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._cell is not None and self._row is not None:
            self.table.cells[self._row][self._cell] = "".join(self._text).strip()
            self._cell = None
        elif tag == "tr":
            self._row = None


def read_table(html: str) -> PageTable:
    reader = _TableReader()
    reader.feed(html)
    return reader.table


# -- the code blocks of docs/django.md ----------------------------------------------------

_BLOCK_RE = re.compile(r"<!-- block: (?P<name>[\w-]+) -->\n```(?P<lang>\w*)\n(?P<body>.*?)\n```", re.S)
_FENCE_RE = re.compile(r"^```\w*$", re.M)


def doc_blocks() -> dict[str, tuple[str, str]]:
    """``{name: (language, code)}`` for each named block of docs/django.md."""
    text = DOCS.read_text(encoding="utf-8")
    return {m["name"]: (m["lang"], m["body"]) for m in _BLOCK_RE.finditer(text)}


def count_fences(text: str) -> int:
    """How many fenced blocks a markdown text opens (each block has an opening and a closing fence)."""
    return len(_FENCE_RE.findall(text)) // 2
