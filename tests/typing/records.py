"""A script written the way the README teaches, pinned with assert_type: what user code sees of records.

tests/docs/test_docs_typecheck.py runs mypy --strict on this file (it is never executed): each
assert_type is a type the user's editor and type checker must see, each idiom must type-check.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, assert_type

from oneroster import F, OneRoster, Page

import oneroster_client.models as models


def report(client: OneRoster) -> dict[str, list[str]]:
    """Students of each class, "Given Family" by class sourcedId: the issue's thirty-line script."""
    by_class: dict[str, list[str]] = {}
    for klass in client.classes.stream(where={"status": "active"}):
        assert_type(klass, models.Class)
        assert_type(klass.sourced_id, str)
        by_class[klass.sourced_id] = []
        # (scoped listings are typed with their records by the query-planner work)
        for student in client.classes(klass.sourced_id).students.stream():
            name = (student.given_name or "") + " " + (student.family_name or "")
            if student.middle_name:
                name += f" ({student.middle_name[0]}.)"
            by_class[klass.sourced_id].append(name.strip())
    return by_class


def user_fields(user: models.User) -> list[str]:
    """Absent optional fields are None: truthiness, `or` and `is None` narrow them."""
    assert_type(user.sourced_id, str)
    assert_type(user.given_name, str | None)
    assert_type(user.date_last_modified, dt.datetime | None)
    assert_type(user.roles, list[models.RoleAssignment] | None)
    if user.middle_name:
        assert_type(user.middle_name, str)
    assert_type(user.preferred_first_name or user.given_name or "", str)
    orgs = [role.org.sourced_id for role in user.roles or [] if role.org is not None and role.org.sourced_id]
    email = user.email.lower() if user.email is not None else ""
    since = user.date_last_modified or dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    return [*orgs, email, since.isoformat()]


def top_level_listings(client: OneRoster) -> None:
    """Every top-level collection is typed with its record model."""
    page = client.users.list(where=F("familyName") == "O'Neill", fields=["givenName"])
    assert_type(page, Page[models.User])
    assert_type(client.users.get("u-1"), models.User)
    assert_type(client.schools.first(), models.Org | None)
    assert_type(client.line_items.list_all(), list[models.LineItem])
    assert_type(client.academic_sessions.upsert("as-1", {"title": "2026"}), models.AcademicSession | None)
    assert_type(next(iter(client.enrollments.stream())), models.Enrollment)
    assert_type(next(iter(client.results.stream(raw=True))), dict[str, Any])


def deadlines(client: OneRoster, budget: float | None) -> float:
    """A block's deadline: a number always gives one; ``None`` gives whatever is in force."""
    import oneroster

    with oneroster.deadline(5) as limit:
        assert_type(limit, oneroster.deadlines.Deadline)
        client.users.first()
        left = limit.remaining()
    with oneroster.deadline(budget) as maybe:
        assert_type(maybe, oneroster.deadlines.Deadline | None)
    return left
