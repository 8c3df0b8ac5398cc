"""oneroster.sandbox.seed: the sample district is deterministic, consistent and valid per the schemas.

Schema validation uses the 1EdTech documents (and the TimeBack document for the TimeBack-only kinds)
from $ONEROSTER_REFERENCE_DIR, else <repo>/../shared/reference; those tests skip when it is absent.
"""

from __future__ import annotations

import functools
import itertools
import json
import os
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker
from oneroster.sandbox.seed import KINDS, SANDBOX_EPOCH, district_counts, generate_district, platform_records
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from spec_names import unknown_field

Records = list[tuple[str, dict[str, Any]]]

REFERENCE_DIR = Path(
    os.environ.get(
        "ONEROSTER_REFERENCE_DIR", Path(__file__).resolve().parents[2].parent / "shared" / "reference"
    )
)
OFFICIAL_FILES = {
    "rostering": "onerosterv1p2rostersservice_openapi3_v1p0.json",
    "gradebook": "onerosterv1p2gradebookservice_openapi3_v1p0.json",
    "resources": "onerosterv1p2resourcesservice_openapi3_v1p0.json",
}
TIMEBACK_FILE = "timeback-package_oneroster-api.json"

# kind -> (official document, schema name)
OFFICIAL_SCHEMAS = {
    "orgs": ("rostering", "OrgDType"),
    "academicSessions": ("rostering", "AcademicSessionDType"),
    "courses": ("rostering", "CourseDType"),
    "classes": ("rostering", "ClassDType"),
    "users": ("rostering", "UserDType"),
    "demographics": ("rostering", "DemographicsDType"),
    "enrollments": ("rostering", "EnrollmentDType"),
    "categories": ("gradebook", "CategoryDType"),
    "scoreScales": ("gradebook", "ScoreScaleDType"),
    "lineItems": ("gradebook", "LineItemDType"),
    "results": ("gradebook", "ResultDType"),
    "assessmentLineItems": ("gradebook", "AssessmentLineItemDType"),
    "assessmentResults": ("gradebook", "AssessmentResultDType"),
    "resources": ("resources", "ResourceDType"),
}
# TimeBack-only kind -> (path of its single-record GET, envelope key); the schema is inline there.
TIMEBACK_SCHEMAS = {
    "courseComponents": ("/ims/oneroster/rostering/v1p2/courses/components/{sourcedId}", "courseComponent"),
    "componentResources": (
        "/ims/oneroster/rostering/v1p2/courses/component-resources/{sourcedId}",
        "componentResource",
    ),
}
# GUIDRef type -> the kind it points to, and the path its href uses.
REF_KINDS = {
    "org": "orgs",
    "academicSession": "academicSessions",
    "course": "courses",
    "class": "classes",
    "user": "users",
    "category": "categories",
    "scoreScale": "scoreScales",
    "lineItem": "lineItems",
    "assessmentLineItem": "assessmentLineItems",
    "resource": "resources",
    "courseComponent": "courseComponents",
}
HREF_PATHS = {kind: kind for kind in KINDS} | {"courseComponents": "courses/components"}

# Only date and date-time are asserted: "uri" would need an extra package, and the official
# documents carry float/int32 formats that mean nothing to JSON Schema.
FORMATS = FormatChecker(formats=("date", "date-time"))


# ---------------------------------------------------------------------------------------------------
# Helpers and fixtures
# ---------------------------------------------------------------------------------------------------


@functools.cache
def district(seed: int, users: int) -> Records:
    return list(generate_district(seed=seed, users=users))


def by_kind(records: Records) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for kind, record in records:
        grouped[kind].append(record)
    return grouped


def guid_refs(value: object) -> Iterator[dict[str, str]]:
    """Yield every GUIDRef (a dict of exactly href, sourcedId and type) inside ``value``."""
    if isinstance(value, dict):
        if set(value) == {"href", "sourcedId", "type"}:
            yield value
        else:
            for item in value.values():
                yield from guid_refs(item)
    elif isinstance(value, list):
        for item in value:
            yield from guid_refs(item)


def integrity_problems(records: Records) -> list[str]:
    """Return every broken reference and roster rule in ``records`` (empty when all is well)."""
    grouped = by_kind(records)
    ids = {kind: {r["sourcedId"] for r in rows} for kind, rows in grouped.items()}
    problems: list[str] = []
    for kind, record in records:
        for ref in guid_refs(record):
            target = REF_KINDS.get(ref["type"])
            where = f"{kind}/{record['sourcedId']} -> {ref}"
            if target is None:
                problems.append(f"unknown GUIDRef type: {where}")
            elif ref["sourcedId"] not in ids.get(target, set()):
                problems.append(f"dangling reference: {where}")
            elif ref["href"] != f"/{HREF_PATHS[target]}/{ref['sourcedId']}":
                problems.append(f"href does not match: {where}")
            elif KINDS.index(target) > KINDS.index(kind):
                problems.append(f"child yielded before its parent: {where}")
    for component in grouped["courseComponents"]:
        prerequisites = component.get("prerequisites", [])
        problems += [f"unknown prerequisite {p}" for p in prerequisites if p not in ids["courseComponents"]]
    users = {u["sourcedId"]: u for u in grouped["users"]}
    classes = {c["sourcedId"]: c for c in grouped["classes"]}
    primaries: Counter[str] = Counter()
    per_student: Counter[str] = Counter()
    for enrollment in grouped["enrollments"]:
        klass = classes[enrollment["class"]["sourcedId"]]
        user = users[enrollment["user"]["sourcedId"]]
        school = klass["school"]["sourcedId"]
        if enrollment["school"]["sourcedId"] != school:
            problems.append(f"enrollment {enrollment['sourcedId']} names another school than its class")
        user_roles = {(r["role"], r["org"]["sourcedId"]) for r in user["roles"]}
        if (enrollment["role"], school) not in user_roles:
            problems.append(f"enrollment {enrollment['sourcedId']}: no {enrollment['role']} role at {school}")
        if enrollment["role"] == "teacher" and enrollment["primary"] == "true":
            primaries[klass["sourcedId"]] += 1
        if enrollment["role"] == "student":
            per_student[user["sourcedId"]] += 1
    problems += [f"class {c} has {primaries[c]} primary teachers" for c in classes if primaries[c] != 1]
    students = [u["sourcedId"] for u in users.values() if u["roles"][0]["role"] == "student"]
    problems += [
        f"student {s} is in {per_student[s]} classes" for s in students if not 5 <= per_student[s] <= 7
    ]
    return problems


def load_json(path: Path) -> dict[str, Any]:
    if not path.is_file():
        pytest.skip(
            f"reference document {path.name} not found in {path.parent} (set ONEROSTER_REFERENCE_DIR)"
        )
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@functools.cache
def official_validator(kind: str) -> Draft202012Validator:
    service, name = OFFICIAL_SCHEMAS[kind]
    document = load_json(REFERENCE_DIR / "official" / OFFICIAL_FILES[service])
    uri = f"urn:oneroster:{service}"
    # The whole document is one resource, so "#/components/schemas/..." references resolve inside it.
    registry: Registry[Any] = Registry().with_resource(
        uri, Resource.from_contents(document, default_specification=DRAFT202012)
    )
    schema = {"$ref": f"{uri}#/components/schemas/{name}"}
    return Draft202012Validator(schema, registry=registry, format_checker=FORMATS)


@functools.cache
def timeback_schema(kind: str) -> dict[str, Any]:
    document = load_json(REFERENCE_DIR / "timeback" / TIMEBACK_FILE)
    path, key = TIMEBACK_SCHEMAS[kind]
    envelope = document["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    schema: dict[str, Any] = envelope["properties"][key]
    return schema


def schema_errors(kind: str, record: dict[str, Any]) -> list[str]:
    if kind in OFFICIAL_SCHEMAS:
        validator = official_validator(kind)
    else:
        validator = Draft202012Validator(timeback_schema(kind), format_checker=FORMATS)
    return [
        f"{kind}/{record['sourcedId']}: {e.json_path}: {e.message}" for e in validator.iter_errors(record)
    ]


# ---------------------------------------------------------------------------------------------------
# Schema validity
# ---------------------------------------------------------------------------------------------------


def test_format_checker_rejects_bad_dates() -> None:
    # Guards the validity tests: if the date checkers were missing, bad dates would pass silently.
    assert not FORMATS.conforms("2026-02-30", "date")
    assert not FORMATS.conforms("2026-08-01 12:00:00", "date-time")
    assert FORMATS.conforms(SANDBOX_EPOCH, "date-time")


@pytest.mark.parametrize("kind", list(OFFICIAL_SCHEMAS))
def test_every_record_of_a_small_district_matches_the_official_schema(kind: str) -> None:
    records = by_kind(district(1, 300))[kind]
    assert records, f"the district has no {kind}"
    errors = [error for record in records for error in schema_errors(kind, record)]
    assert errors == []


@pytest.mark.parametrize("kind", list(TIMEBACK_SCHEMAS))
def test_timeback_kinds_match_the_timeback_document(kind: str) -> None:
    records = by_kind(district(1, 300))[kind]
    assert records, f"the district has no {kind}"
    assert [error for record in records for error in schema_errors(kind, record)] == []
    # The TimeBack schemas allow unknown fields; we still send only the ones they define.
    known = set(timeback_schema(kind)["properties"])
    assert {key for record in records for key in record} <= known


def test_a_sample_of_a_larger_district_matches_the_schemas() -> None:
    records = district(11, 5000)
    first_of_each = [next(pair for pair in records if pair[0] == kind) for kind in KINDS]
    sample = first_of_each + records[::37]
    assert {kind for kind, _ in sample} == set(KINDS)
    assert [error for kind, record in sample for error in schema_errors(kind, record)] == []


def test_the_platform_records_match_the_schemas_and_fit_the_district() -> None:
    records = platform_records()
    assert [error for kind, record in records for error in schema_errors(kind, record)] == []
    assert platform_records() == records  # deterministic
    present = {(kind, str(record["sourcedId"])) for kind, record in district(1, 300)}
    added = {(kind, str(record["sourcedId"])) for kind, record in records}
    assert not present & added
    # Every reference they hold points at a record of the district or of their own.
    for kind, record in records:
        for value in record.values():
            for ref in value if isinstance(value, list) else [value]:
                if isinstance(ref, dict) and "sourcedId" in ref and "type" in ref:
                    target = {"org": "orgs", "user": "users", "class": "classes", "course": "courses",
                              "academicSession": "academicSessions"}[ref["type"]]  # fmt: skip
                    assert (target, ref["sourcedId"]) in present | added, (kind, ref)


def test_an_invalid_record_is_caught() -> None:
    # The validators are strict enough to matter: an extra field and a bad enum both fail.
    user = dict(by_kind(district(1, 300))["users"][0])
    assert schema_errors("users", user) == []
    assert schema_errors("users", {**user, unknown_field(): "Al"})
    assert schema_errors("users", {**user, "enabledUser": True})


# ---------------------------------------------------------------------------------------------------
# Determinism, shape and order
# ---------------------------------------------------------------------------------------------------


def test_same_seed_gives_byte_identical_records() -> None:
    first = json.dumps(list(generate_district(seed=5, users=300)), ensure_ascii=False)
    second = json.dumps(list(generate_district(seed=5, users=300)), ensure_ascii=False)
    assert first == second


def test_different_seeds_give_different_districts() -> None:
    one, two = by_kind(district(1, 300)), by_kind(district(2, 300))
    names = [(u["givenName"], u["familyName"]) for u in one["users"]]
    assert names != [(u["givenName"], u["familyName"]) for u in two["users"]]
    assert one["orgs"][0]["sourcedId"] == two["orgs"][0]["sourcedId"] == "org-0000"  # ids stay readable


def test_kinds_arrive_in_kinds_order_and_every_kind_is_present() -> None:
    kinds = [kind for kind, _ in district(1, 300)]
    assert list(dict.fromkeys(kinds)) == list(KINDS)


def test_records_are_plain_json() -> None:
    records = district(1, 300)
    assert json.loads(json.dumps(records)) == [list(pair) for pair in records]


@pytest.mark.parametrize("users", [300, 2000])
def test_sourced_ids_are_unique_per_kind(users: int) -> None:
    for kind, rows in by_kind(district(1, users)).items():
        ids = [row["sourcedId"] for row in rows]
        assert len(ids) == len(set(ids)), kind


def test_generation_streams() -> None:
    # A million-user district starts yielding at once: nothing is built before the first record.
    stream = generate_district(seed=1, users=1_000_000)
    assert iter(stream) is stream
    kind, record = next(stream)
    assert (kind, record["type"]) == ("orgs", "district")
    assert len(record["children"]) == 2000  # one school per 500 users


def test_too_few_users_are_refused() -> None:
    with pytest.raises(ValueError, match="at least 20"):
        generate_district(users=19)


# ---------------------------------------------------------------------------------------------------
# Referential integrity and roster rules
# ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("seed", "users"), [(1, 300), (1, 2000)])
def test_references_and_enrollments_are_consistent(seed: int, users: int) -> None:
    assert integrity_problems(district(seed, users)) == []


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(min_value=-(2**40), max_value=2**40), users=st.integers(min_value=20, max_value=400))
def test_any_seed_and_size_give_a_consistent_district(seed: int, users: int) -> None:
    records = list(generate_district(seed=seed, users=users))
    assert integrity_problems(records) == []
    counts = Counter(kind for kind, _ in records)
    assert counts == Counter(district_counts(seed=seed, users=users))


def test_parents_and_children_point_at_each_other() -> None:
    users = {u["sourcedId"]: u for u in by_kind(district(1, 2000))["users"]}
    pairs = 0
    for user in users.values():
        role = user["roles"][0]["role"]
        for agent in user.get("agents", []):
            other = users[agent["sourcedId"]]
            assert user["sourcedId"] in {a["sourcedId"] for a in other["agents"]}
            if role == "student":
                pairs += 1
                assert other["roles"][0]["role"] in {"parent", "guardian"}
            else:
                assert role in {"parent", "guardian"}
                assert other["roles"][0]["role"] == "student"
    assert pairs > 300


def test_demographics_belong_to_students() -> None:
    grouped = by_kind(district(1, 300))
    students = {u["sourcedId"] for u in grouped["users"] if u["roles"][0]["role"] == "student"}
    assert {d["sourcedId"] for d in grouped["demographics"]} == students


def test_academic_sessions_form_a_year_of_terms_and_grading_periods() -> None:
    sessions = {s["sourcedId"]: s for s in by_kind(district(1, 300))["academicSessions"]}
    types = Counter(s["type"] for s in sessions.values())
    assert types == Counter({"schoolYear": 1, "term": 2, "gradingPeriod": 4})
    assert {s["schoolYear"] for s in sessions.values()} == {"2026"}
    for session in sessions.values():
        for child in session.get("children", []):
            assert sessions[child["sourcedId"]]["parent"]["sourcedId"] == session["sourcedId"]
        if "parent" in session:
            parent = sessions[session["parent"]["sourcedId"]]
            assert parent["startDate"] <= session["startDate"] < session["endDate"] <= parent["endDate"]


def test_orgs_are_a_district_with_schools_of_every_level() -> None:
    orgs = by_kind(district(1, 2000))["orgs"]
    district_org, schools = orgs[0], orgs[1:]
    assert district_org["type"] == "district"
    assert len(schools) == 4  # one per 500 users
    assert [c["sourcedId"] for c in district_org["children"]] == [s["sourcedId"] for s in schools]
    assert {s["parent"]["sourcedId"] for s in schools} == {district_org["sourcedId"]}
    assert {s["metadata"]["schoolLevel"] for s in schools} == {"elementary", "middle", "high"}


def test_class_types_and_line_item_dates_are_sensible() -> None:
    grouped = by_kind(district(1, 2000))
    assert {c["classType"] for c in grouped["classes"]} == {"homeroom", "scheduled"}
    periods = {s["sourcedId"]: s for s in grouped["academicSessions"]}
    for item in grouped["lineItems"]:
        period = periods[item["gradingPeriod"]["sourcedId"]]
        assert item["assignDate"] <= item["dueDate"]
        assert period["startDate"] <= item["assignDate"][:10] <= item["dueDate"][:10] < period["endDate"]


# ---------------------------------------------------------------------------------------------------
# Size and realism
# ---------------------------------------------------------------------------------------------------


def test_default_district_has_the_promised_shape() -> None:
    counts = district_counts()
    records = district(1, 2000)
    assert counts == dict(Counter(kind for kind, _ in records))
    assert sum(counts.values()) <= 30_000
    roles = Counter(u["roles"][0]["role"] for kind, u in records if kind == "users")
    population = sum(n for role, n in roles.items() if role not in {"parent", "guardian"})
    assert population == 2000
    assert 0.88 <= roles["student"] / population <= 0.92
    assert 0.07 <= roles["teacher"] / population <= 0.09
    assert roles["parent"] + roles["guardian"] > 0.25 * roles["student"]
    results = Counter(r["student"]["sourcedId"] for kind, r in records if kind == "results")
    assert max(results.values()) <= 3
    # Class sizes look like real classes: cores about 25, electives smaller, none empty.
    sizes = Counter(
        e["class"]["sourcedId"] for kind, e in records if kind == "enrollments" and e["role"] == "student"
    )
    assert len(sizes) == counts["classes"]
    assert max(sizes.values()) <= 30


def test_counts_scale_linearly_with_users() -> None:
    small, large = district_counts(seed=3, users=1000), district_counts(seed=3, users=4000)
    for kind in ("users", "demographics", "enrollments", "classes", "courses", "lineItems", "results"):
        assert 3.4 <= large[kind] / small[kind] <= 4.6, kind
    for kind in ("academicSessions", "categories", "resources", "courseComponents", "componentResources"):
        assert large[kind] == small[kind], kind


def test_names_are_varied_and_emails_are_ascii() -> None:
    users = by_kind(district(1, 2000))["users"]
    names = [f"{u['givenName']} {u.get('middleName', '')} {u['familyName']}" for u in users]
    assert any("'" in name for name in names)
    assert any(not name.isascii() for name in names)
    assert len({u["familyName"] for u in users}) > 200
    emails = [u["email"] for u in users]
    assert all(email.isascii() and email.count("@") == 1 and " " not in email for email in emails)
    assert len(set(emails)) == len(emails)
    assert len({u["username"] for u in users}) == len(users)


def test_status_and_timestamps() -> None:
    records = district(1, 2000)
    stamps = [r["dateLastModified"] for _, r in records]
    assert max(stamps) <= SANDBOX_EPOCH
    assert all(len(s) == 24 and s.endswith(".000Z") for s in stamps)
    deleted = sum(r["status"] == "tobedeleted" for _, r in records)
    assert 0 < deleted < 0.02 * len(records)
    assert {r["status"] for _, r in records} == {"active", "tobedeleted"}


def test_itertools_slice_of_the_stream_is_the_start_of_the_full_district() -> None:
    head = list(itertools.islice(generate_district(seed=1, users=300), 50))
    assert head == district(1, 300)[:50]
