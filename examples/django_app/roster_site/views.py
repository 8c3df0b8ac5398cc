"""Pages of the example roster site: the class list, a class roster and a class gradebook.

Every view reads from the provider through the one process-wide client
(``get_client()``); errors such as an unknown class id (``NotFound``) or a provider
outage are turned into 404/502/503/504 pages by ``RosterErrorMiddleware``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from oneroster import OneRoster
from oneroster.contrib.django import get_client

# OneRoster marks soft-deleted records "tobedeleted"; they are not shown.
DELETED = "tobedeleted"


def text(value: object) -> str:
    """Return a model field as display text ('' for an absent or null field; enum values unwrapped)."""
    if value is None:
        return ""
    return str(getattr(value, "value", value))


def is_active(record: Any) -> bool:
    """Return whether a record is not soft-deleted."""
    return text(record.status) != DELETED


@dataclass(frozen=True)
class Student:
    """A student as the pages show them."""

    sourced_id: str
    given_name: str
    family_name: str

    @property
    def name(self) -> str:
        """Return "Given Family"."""
        return f"{self.given_name} {self.family_name}".strip()


@dataclass(frozen=True)
class ClassInfo:
    """The heading of a class page."""

    sourced_id: str
    title: str
    class_code: str


@dataclass(frozen=True)
class Column:
    """One line item (assignment) of a gradebook."""

    sourced_id: str
    title: str


@dataclass(frozen=True)
class Cell:
    """One student's result for one line item ('' when there is none)."""

    line_item_id: str
    text: str


@dataclass(frozen=True)
class Row:
    """One student's line of a gradebook."""

    student: Student
    cells: list[Cell]


def class_info(client: OneRoster, class_id: str) -> ClassInfo:
    """Fetch a class (``NotFound`` for an unknown id)."""
    klass = client.classes.get(class_id)
    return ClassInfo(text(klass.sourced_id), text(klass.title), text(klass.class_code))


def roster(client: OneRoster, class_id: str) -> list[Student]:
    """Return the class's students, sorted by family name, then given name (then id, for ties)."""
    students = [
        Student(text(user.sourced_id), text(user.given_name), text(user.family_name))
        for user in client.classes(class_id).students.stream()
        if is_active(user)
    ]
    return sorted(students, key=lambda s: (s.family_name.casefold(), s.given_name.casefold(), s.sourced_id))


def score_text(result: Any) -> str:
    """Return what a gradebook cell shows: the score (``8.5``, ``10``), else the score status."""
    score = result.score
    if isinstance(score, int | float) and not isinstance(score, bool):
        return f"{score:g}"
    return text(result.score_status)


def gradebook(client: OneRoster, class_id: str, students: list[Student]) -> tuple[list[Column], list[Row]]:
    """Return the line items of a class (by assign date) and one row of results per student."""
    line_items = [item for item in client.classes(class_id).line_items.stream() if is_active(item)]
    line_items.sort(key=lambda item: (text(item.assign_date), text(item.sourced_id)))
    columns = [Column(text(item.sourced_id), text(item.title)) for item in line_items]
    scores: dict[tuple[str, str], str] = {}
    for result in client.classes(class_id).results.stream():
        # A result names its student and line item; one that does not cannot be placed in the grid.
        if is_active(result) and result.student and result.line_item:
            scores[(text(result.student.sourced_id), text(result.line_item.sourced_id))] = score_text(result)
    rows = [
        Row(
            student, [Cell(c.sourced_id, scores.get((student.sourced_id, c.sourced_id), "")) for c in columns]
        )
        for student in students
    ]
    return columns, rows


def class_list(request: HttpRequest) -> HttpResponse:
    """List the active classes by title, with links to their roster and gradebook."""
    classes = [
        ClassInfo(text(k.sourced_id), text(k.title), text(k.class_code))
        for k in get_client().classes.stream()
        if is_active(k)
    ]
    classes.sort(key=lambda k: (k.title.casefold(), k.sourced_id))
    return render(request, "roster_site/class_list.html", {"classes": classes})


def class_roster(request: HttpRequest, class_id: str) -> HttpResponse:
    """Show a class's title and its students sorted by family name."""
    client = get_client()
    klass = class_info(client, class_id)
    return render(request, "roster_site/roster.html", {"klass": klass, "students": roster(client, class_id)})


def class_gradebook(request: HttpRequest, class_id: str) -> HttpResponse:
    """Show a class's gradebook: one row per student, one column per line item, scores in the cells."""
    client = get_client()
    klass = class_info(client, class_id)
    columns, rows = gradebook(client, class_id, roster(client, class_id))
    return render(request, "roster_site/gradebook.html", {"klass": klass, "columns": columns, "rows": rows})
