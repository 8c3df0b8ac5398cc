"""The records the seed documents' examples name, written straight into a sandbox's store.

The seeds use literal ids (``user-123``, ``parent-123``, ``school-id``, ``class-id``,
``resource-id``...; the platform's ``11111111-...`` user and ``33333333-...`` agent) and, for the
0.0.x package, a whole district whose counts its README prints (139 students, 7 in "ELA 6 (6A
ELA)", 38 at "Classlink HS"...). These builders put exactly those records into a running
sandbox, whatever profile it serves, so the examples run with their own inputs and the
documented outcomes can be asserted.
"""

from __future__ import annotations

from typing import Any

from oneroster.sandbox import RunningSandbox
from oneroster.sandbox.catalog import reference

STAMP = "2026-01-15T00:00:00.000Z"


def _put(sandbox: RunningSandbox, kind: str, record: dict[str, Any]) -> None:
    sandbox.app_state.store.put(kind, {"status": "active", "dateLastModified": STAMP, **record})


def _user(sourced_id: str, role: str, school: str, **fields: Any) -> dict[str, Any]:
    return {
        "sourcedId": sourced_id,
        "enabledUser": "true",
        "roles": [{"roleType": "primary", "role": role, "org": reference("orgs", school)}],
        "primaryOrg": reference("orgs", school),
        **fields,
    }


def _enrollment(sourced_id: str, user: str, klass: str, school: str, role: str) -> dict[str, Any]:
    return {
        "sourcedId": sourced_id,
        "user": reference("users", user),
        "class": reference("classes", klass),
        "school": reference("orgs", school),
        "role": role,
    }


# ---------------------------------------------------------------------------------------------
# Seeds 000 and 001: the literal ids of the TimeBack client's and the Speakeasy SDK's examples.
# ---------------------------------------------------------------------------------------------

SEED_IDS = {
    "user_id": "user-123",
    "parent_id": "parent-123",
    "teacher_id": "teacher-123",
    "school_id": "school-id",
    "class_id": "class-id",
    "enroll_class_id": "class-id-2",
    "course_id": "course-id",
    "term_id": "term-id",
    "grading_period_id": "grading-period-id",
    "enrollment_id": "enrollment-id",
    "category_id": "category-id",
    "line_item_id": "line-item-id",
    "result_id": "result-id",
    "score_scale_id": "score-scale-id",
    "assessment_line_item_id": "assessment-line-item-id",
    "assessment_result_id": "assessment-result-id",
    "resource_id": "resource-id",
    "component_id": "component-id",
    "component_resource_id": "component-resource-id",
}


def add_seed_000_records(sandbox: RunningSandbox) -> None:
    """Add the school, class, people and gradebook the seed-000/001 examples call by their ids."""
    i = SEED_IDS
    _put(
        sandbox,
        "orgs",
        {"sourcedId": i["school_id"], "name": "Seed School", "type": "school", "identifier": "SEED"},
    )
    _put(
        sandbox,
        "academicSessions",
        {
            "sourcedId": i["term_id"],
            "title": "Seed Term",
            "type": "term",
            "startDate": "2025-08-18",
            "endDate": "2026-01-16",
            "schoolYear": "2026",
        },
    )
    _put(
        sandbox,
        "academicSessions",
        {
            "sourcedId": i["grading_period_id"],
            "title": "Seed Quarter",
            "type": "gradingPeriod",
            "startDate": "2025-08-18",
            "endDate": "2025-10-31",
            "schoolYear": "2026",
            "parent": reference("academicSessions", i["term_id"]),
        },
    )
    _put(
        sandbox,
        "resources",
        {
            "sourcedId": i["resource_id"],
            "title": "Seed Reader",
            "vendorResourceId": "SEED-READER",
            "metadata": {"url": "https://reader.example/seed"},
        },
    )
    resources = [reference("resources", i["resource_id"])]
    _put(
        sandbox,
        "courses",
        {
            "sourcedId": i["course_id"],
            "title": "Seed Course",
            "courseCode": "SEED-1",
            "org": reference("orgs", i["school_id"]),
            "resources": resources,
        },
    )
    _put(
        sandbox,
        "classes",
        {
            "sourcedId": i["class_id"],
            "title": "Seed Class",
            "classType": "scheduled",
            "course": reference("courses", i["course_id"]),
            "school": reference("orgs", i["school_id"]),
            "terms": [reference("academicSessions", i["term_id"])],
            "resources": resources,
        },
    )
    _put(
        sandbox,
        "users",
        _user(
            i["user_id"],
            "student",
            i["school_id"],
            givenName="Sam",
            familyName="Seed",
            email="sam.seed@example.org",
            resources=resources,
        ),
    )
    _put(
        sandbox,
        "users",
        _user(
            i["parent_id"],
            "parent",
            i["school_id"],
            givenName="Pat",
            familyName="Seed",
            email="pat.seed@example.org",
        ),
    )
    _put(
        sandbox,
        "users",
        _user(
            i["teacher_id"],
            "teacher",
            i["school_id"],
            givenName="Terry",
            familyName="Teach",
            email="terry@example.org",
        ),
    )
    _put(sandbox, "demographics", {"sourcedId": i["user_id"], "birthDate": "2014-05-06", "sex": "female"})
    # Where the write examples enroll people (a class of the seeded district's first school), so
    # the rosters of class-id and school-id stay the ones above.
    _put(
        sandbox,
        "classes",
        {
            "sourcedId": i["enroll_class_id"],
            "title": "Seed Class 2",
            "course": reference("courses", "crs-0001"),
            "school": reference("orgs", "org-0001"),
            "terms": [reference("academicSessions", "ses-2026-t1")],
        },
    )
    _put(
        sandbox,
        "enrollments",
        _enrollment(i["enrollment_id"], i["user_id"], i["class_id"], i["school_id"], "student"),
    )
    _put(
        sandbox,
        "enrollments",
        _enrollment("enrollment-teacher", i["teacher_id"], i["class_id"], i["school_id"], "teacher"),
    )
    _put(sandbox, "categories", {"sourcedId": i["category_id"], "title": "Homework", "weight": 0.3})
    _put(
        sandbox,
        "scoreScales",
        {
            "sourcedId": i["score_scale_id"],
            "title": "Percent",
            "type": "percent",
            "class": reference("classes", i["class_id"]),
            "scoreScaleValue": [{"itemValueLHS": "0", "itemValueRHS": "100"}],
        },
    )
    _put(
        sandbox,
        "lineItems",
        {
            "sourcedId": i["line_item_id"],
            "title": "Seed Quiz",
            "assignDate": "2025-09-01T08:00:00.000Z",
            "dueDate": "2025-09-08T08:00:00.000Z",
            "class": reference("classes", i["class_id"]),
            "school": reference("orgs", i["school_id"]),
            "category": reference("categories", i["category_id"]),
            "scoreScale": reference("scoreScales", i["score_scale_id"]),
        },
    )
    _put(
        sandbox,
        "results",
        {
            "sourcedId": i["result_id"],
            "lineItem": reference("lineItems", i["line_item_id"]),
            "student": reference("users", i["user_id"]),
            "scoreStatus": "fully graded",
            "score": 88.0,
            "scoreDate": "2025-09-09",
        },
    )
    _put(
        sandbox, "assessmentLineItems", {"sourcedId": i["assessment_line_item_id"], "title": "Seed Benchmark"}
    )
    _put(
        sandbox,
        "assessmentResults",
        {
            "sourcedId": i["assessment_result_id"],
            "assessmentLineItem": reference("assessmentLineItems", i["assessment_line_item_id"]),
            "student": reference("users", i["user_id"]),
            "score": 71.0,
            "scoreDate": "2025-09-20",
            "scoreStatus": "fully graded",
        },
    )
    _put(
        sandbox,
        "courseComponents",
        {
            "sourcedId": i["component_id"],
            "title": "Unit 1: Seeds",
            "course": reference("courses", i["course_id"]),
            "sortOrder": 1,
        },
    )
    _put(
        sandbox,
        "componentResources",
        {
            "sourcedId": i["component_resource_id"],
            "title": "Seed reading",
            "courseComponent": reference("courseComponents", i["component_id"]),
            "resource": reference("resources", i["resource_id"]),
            "sortOrder": 1,
        },
    )


# ---------------------------------------------------------------------------------------------
# Seeds 003 and 004: the records the platform's Rostering API reference reads by their ids.
# ---------------------------------------------------------------------------------------------

# Seed 003's example UUIDs. The user it reads (1111...) and the agent it links (3333...) exist
# before its examples run; the user 2222..., course 4444..., class 5555... and enrollment
# 6666... are the ones its PUT examples create, in its "typical flow".
PLATFORM_IDS = {
    "existing_user": "11111111-1111-1111-1111-111111111111",
    "user": "22222222-2222-2222-2222-222222222222",
    "agent": "33333333-3333-3333-3333-333333333333",
    "course": "44444444-4444-4444-4444-444444444444",
    "class": "55555555-5555-5555-5555-555555555555",
    "enrollment": "66666666-6666-6666-6666-666666666666",
}
# The school a partner finds with seed 003's own orgs example (``filter=name~'Alpha'``) and puts
# where the examples write the placeholder ORG_SOURCED_ID ("get your org sourcedId from GET /orgs").
ALPHA_SCHOOL = ("org-alpha-0001", "Alpha School Austin")


def add_seed_003_records(sandbox: RunningSandbox) -> None:
    """Add Alpha's school, and the user and agent seed 003 reads and links, to a platform sandbox.

    They carry no ``metadata.createdByApp``: they are the platform's own ("Alpha-owned"), which
    no partner app may change or delete.
    """
    org_id, name = ALPHA_SCHOOL
    _put(
        sandbox,
        "orgs",
        {"sourcedId": org_id, "name": name, "type": "school", "identifier": "ALPHA-ATX",
         "parent": reference("orgs", "org-0000")},
    )  # fmt: skip
    i = PLATFORM_IDS
    _put(
        sandbox,
        "users",
        _user(i["existing_user"], "student", org_id, givenName="Riley", familyName="Stone",
              email="riley.stone@alpha.example", username="riley.stone", grades=["05"]),
    )  # fmt: skip
    _put(
        sandbox,
        "users",
        _user(i["agent"], "parent", org_id, givenName="Pat", familyName="Smith",
              email="pat.smith@example.com"),
    )  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Seed 002: the district behind the oneroster 0.0.x README's printed output.
# ---------------------------------------------------------------------------------------------

HIGH_SCHOOL = ("2", "Classlink HS")  # Billy Flores's org in the README's sample record is '2'
MIDDLE_SCHOOL = ("7", "Classlink MS")  # "school with id 7 (the middle school)"
ELEMENTARY = ("5", "Classlink ES")

# The README's first result, as a OneRoster 1.1 provider sent it.
BILLY = {
    "agents": [],
    "dateLastModified": "2019-03-01T18:14:45.000Z",
    "email": "",
    "enabledUser": "true",
    "familyName": "FLORES",
    "givenName": "BILLY",
    "grades": ["11"],
    "identifier": "17580",
    "middleName": "DASEAN",
    "orgs": [{"href": "", "sourcedId": "2", "type": "org"}],
    "password": "",
    "phone": "",
    "role": "student",
    "sms": "",
    "sourcedId": "18125",
    "status": "active",
    "userIds": [{"identifier": "18125", "type": "FED"}],
    "username": "billy.flores",
}

# What the README printed: 139 students; 38 at the high school, 54 at the middle school; two
# sections titled "ELA 6 (6A ELA)" with 7 students, 3 of them in section 31763; 13 students with a
# class in room 302.
COUNTS = {"students": 139, "high": 38, "middle": 54, "ela": 7, "ela_31763": 3, "room_302": 13}


def add_seed_002_district(sandbox: RunningSandbox) -> None:
    """Fill an empty sandbox with the 0.0.x README's district, as OneRoster 1.2 records."""
    for sourced_id, name in (HIGH_SCHOOL, MIDDLE_SCHOOL, ELEMENTARY):
        _put(sandbox, "orgs", {"sourcedId": sourced_id, "name": name, "type": "school", "identifier": name})
    billy = {k: v for k, v in BILLY.items() if k not in ("orgs", "role")}
    _put(sandbox, "users", {**_user("18125", "student", HIGH_SCHOOL[0]), **billy})
    high = ["18125"] + [f"hs-{n:02d}" for n in range(2, COUNTS["high"] + 1)]
    middle = [f"ms-{n:02d}" for n in range(1, COUNTS["middle"] + 1)]
    elementary = [f"es-{n:02d}" for n in range(1, COUNTS["students"] - COUNTS["high"] - COUNTS["middle"] + 1)]
    for school, ids in ((HIGH_SCHOOL[0], high[1:]), (MIDDLE_SCHOOL[0], middle), (ELEMENTARY[0], elementary)):
        for n, sourced_id in enumerate(ids):
            _put(
                sandbox,
                "users",
                _user(
                    sourced_id,
                    "student",
                    school,
                    givenName=f"Student{n}",
                    familyName=sourced_id.upper(),
                    grades=["6"],
                ),
            )
    _put(sandbox, "users", _user("t-ela", "teacher", MIDDLE_SCHOOL[0], givenName="Erin", familyName="Ela"))
    _put(
        sandbox,
        "courses",
        {
            "sourcedId": "k-ela6",
            "title": "ELA 6",
            "courseCode": "ELA6",
            "org": reference("orgs", MIDDLE_SCHOOL[0]),
        },
    )
    sections = {
        "31763": ("302", middle[:3]),
        "31764": ("204", middle[3:7]),
        "41001": ("302", middle[7:17]),  # room 302 also hosts a reading class: 3 + 10 = 13
    }
    for class_id, (room, students) in sections.items():
        title = "Reading Lab" if class_id == "41001" else "ELA 6 (6A ELA)"
        _put(
            sandbox,
            "classes",
            {
                "sourcedId": class_id,
                "title": title,
                "location": room,
                "course": reference("courses", "k-ela6"),
                "school": reference("orgs", MIDDLE_SCHOOL[0]),
                "terms": [],
            },
        )
        for sourced_id in students:
            _put(
                sandbox,
                "enrollments",
                _enrollment(f"e-{class_id}-{sourced_id}", sourced_id, class_id, MIDDLE_SCHOOL[0], "student"),
            )
        _put(
            sandbox,
            "enrollments",
            _enrollment(f"e-{class_id}-t", "t-ela", class_id, MIDDLE_SCHOOL[0], "teacher"),
        )
