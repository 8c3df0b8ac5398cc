"""Student onboarding on the TimeBack platform, end to end: the second half of the main job.

The flow of TimeBack's "Level 1: Student Onboarding" guide, through the public client:
upsert a student (``PUT /students``) and a parent (``PUT /users/{id}``), link them with a
relationship (``PUT /students/{id}/agents/{agentId}``), read the student's agents and the
parent's linked users, put the student in a class of a new course for the current term, and
finally remove the agent relationship again. The guide's pitfalls (a student without
``primaryOrg``, a path id that differs from the body's) are refused by the client before
anything is sent.

Configured only by ``ONEROSTER_*`` environment variables, so the same script runs against
the local sandbox (``make demo`` starts one with ``--profile timeback-platform``) and against
the platform itself:

    ONEROSTER_BASE_URL=https://platform.timeback.com ONEROSTER_PROFILE=timeback-platform \
    ONEROSTER_CLIENT_ID=... ONEROSTER_CLIENT_SECRET=... \
    ONEROSTER_TOKEN_URL=https://platform.timeback.com/auth/1.0/token python examples/student_onboarding.py

``ONBOARDING_ORG`` names the org to write into (default ``partner-sandbox``, the sandbox org
of the platform whose users any client app may change). Record ids start with ``demo-``.
"""

from __future__ import annotations

import os
import sys

from oneroster import OneRoster, OneRosterError, ValidationError

STUDENT = "demo-onboard-student-1"
PARENT = "demo-onboard-parent-1"


def main() -> int:
    """Run the onboarding flow; return the process exit status."""
    org_id = os.environ.get("ONBOARDING_ORG", "partner-sandbox")
    with OneRoster.from_env(profile=os.environ.get("ONEROSTER_PROFILE", "timeback-platform")) as client:
        org = client.orgs.get(org_id)
        print(f"writing into org {org.sourced_id} ({org.name})")

        # Step 2 of the guide: create or update the student (PUT /students, {"student": {...}}).
        student = {
            "username": "ada.lovelace",
            "enabledUser": True,  # sent as the string "true", as the platform requires
            "givenName": "Ada",
            "familyName": "Lovelace",
            "email": "ada.lovelace@example.org",
            "grades": ["5"],
            "primaryOrg": org_id,
        }
        client.students.upsert(STUDENT, student)
        # The guide's pitfalls never reach the server: the client refuses them first.
        try:
            client.students.upsert(STUDENT, {**student, "primaryOrg": None})
        except ValidationError as exc:
            print(f"refused before sending: {exc}")
        try:
            client.users.upsert(PARENT, {**student, "sourcedId": "someone-else"})
        except ValidationError as exc:
            print(f"refused before sending: {exc}")

        # Step 3: a parent (PUT /users/{id}).
        client.users.upsert(
            PARENT,
            {
                "enabledUser": True,
                "givenName": "Anne",
                "familyName": "Lovelace",
                "email": "anne.lovelace@example.org",
                "primaryOrg": org_id,
                "roles": [{"roleType": "primary", "role": "parent", "org": org_id}],
            },
        )
        print(f"upserted student {STUDENT} and parent {PARENT}")

        # Step 4: link them; the relationship type is free-form.
        client.users(STUDENT).add_agent(PARENT, relationship="parent")
        # Step 5: the student's agents ({"agents": [{"user": {...}, "relationshipType": ...}]}).
        agents = client.users(STUDENT).agents.list_all()
        links = [(a.user.sourced_id if a.user else a.sourced_id, a.relationship_type) for a in agents]
        print(f"agents of {STUDENT}: {links}")
        linked = client.users(PARENT).linked_users()
        print(f"{PARENT} is an agent of {[s.sourced_id for s in linked.students or []]}")

        # Beyond the guide: a course and a class for the current term, and the student in it.
        term = client.terms.first(sort="startDate")
        course = "demo-onboard-course-1"
        klass = "demo-onboard-class-1"
        client.courses.upsert(course, {"title": "Onboarding 101", "courseCode": "ONB-101", "org": org_id})
        client.classes.upsert(
            klass,
            {
                "title": "Onboarding 101 - Section 1",
                "classType": "scheduled",
                "course": course,
                "org": org_id,  # the platform names a class's school org (seed 003)
                "terms": [{"sourcedId": term.sourced_id, "type": "academicSession"}] if term else [],
            },
        )
        client.classes(klass).enroll(
            STUDENT, school_sourced_id=org_id, enrollment_sourced_id="demo-onboard-enr-1"
        )
        enrolled = [e.class_.sourced_id for e in client.users(STUDENT).enrollments.list_all() if e.class_]
        print(f"{STUDENT} is enrolled in {enrolled}")

        # Step 6: remove the relationship again.
        client.users(STUDENT).remove_agent(PARENT)
        left = client.users(STUDENT).agents.list_all()
        print(f"after removing the relationship {STUDENT} has {len(left)} agent(s)")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except OneRosterError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(1)
