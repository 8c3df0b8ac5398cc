"""A nightly roster sync, end to end: the main job of the oneroster-client README.

Reads every school, its classes and its students with filters, upserts a new student and
a parent, links them, enrolls the student, posts a line item and a result, and prints a
short roster report. Configured only by ``ONEROSTER_*`` environment variables, so the
same script runs against the local sandbox (``make demo``) and against a real provider:

    ONEROSTER_BASE_URL=https://... ONEROSTER_CLIENT_ID=... ONEROSTER_CLIENT_SECRET=... \
    ONEROSTER_TOKEN_URL=https://.../oauth/token ONEROSTER_PROFILE=timeback python examples/roster_sync.py

Writes need a provider that accepts them (the ``timeback`` profile); the record ids are
prefixed ``demo-`` so they are easy to find and remove.
"""

from __future__ import annotations

import datetime as dt
import sys

from oneroster import F, OneRoster, OneRosterError


def main() -> int:
    """Run the sync; return the process exit status."""
    today = dt.datetime.now(dt.UTC).replace(microsecond=0)
    with OneRoster.from_env() as client:
        schools = client.schools.list_all(where={"status": "active"}, sort="name")
        print(f"{len(schools)} active schools")
        report: list[tuple[str, int, int]] = []
        for school in schools:
            classes = 0
            students: set[str] = set()
            for klass in client.schools(school.sourced_id).classes.stream(where=F("status") == "active"):
                classes += 1
                for student in client.classes(klass.sourced_id).students.stream(fields=["sourcedId"]):
                    students.add(student.sourced_id)
            report.append((school.name or school.sourced_id, classes, len(students)))

        first_school = schools[0]
        target = client.schools(first_school.sourced_id).classes.first(sort="title")
        if target is None:
            print("the first school has no classes; nothing to enroll into", file=sys.stderr)
            return 1
        school_ref = {"role": "student", "roleType": "primary", "org": first_school.sourced_id}
        client.users.upsert(
            "demo-student-1",
            {
                "givenName": "Ada",
                "familyName": "O'Neill",
                "enabledUser": True,
                "roles": [school_ref],
                "username": "ada.oneill",
                "grades": ["09"],
            },
        )
        client.users.upsert(
            "demo-parent-1",
            {
                "givenName": "Grace",
                "familyName": "O'Neill",
                "enabledUser": True,
                "roles": [{**school_ref, "role": "parent"}],
            },
        )
        client.users("demo-student-1").add_agent("demo-parent-1", relationship="parent")
        enrollment = client.classes(target.sourced_id).enroll(
            "demo-student-1", role="student", school_sourced_id=first_school.sourced_id
        )
        category = client.categories.first()
        line_item = client.line_items.upsert(
            "demo-li-1",
            {
                "title": "Demo quiz",
                "assignDate": today,
                "dueDate": today + dt.timedelta(days=7),
                "class": target.sourced_id,
                "school": first_school.sourced_id,
                "category": category.sourced_id if category else None,
                "resultValueMin": 0,
                "resultValueMax": 100,
            },
        )
        result = client.results.upsert(
            "demo-result-1",
            {
                "lineItem": "demo-li-1",
                "student": "demo-student-1",
                "scoreStatus": "fully graded",
                "score": 93,
                "scoreDate": today,
            },
        )
        agents = client.users("demo-student-1").agents.list_all()

    print()
    print(f"{'school':40} {'classes':>8} {'students':>9}")
    for name, classes, count in report:
        print(f"{name:40} {classes:>8} {count:>9}")
    print()
    print(f"upserted demo-student-1 with agent(s) {[a.sourced_id for a in agents]}")
    print(f"enrolled in {target.title!r} ({target.sourced_id}) as {enrollment}")
    print(
        f"line item {line_item.sourced_id if line_item else 'demo-li-1'}: "
        f"result {result.score if result else '?'}"
    )
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except OneRosterError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(1)
