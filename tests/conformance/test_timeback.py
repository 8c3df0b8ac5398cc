"""Our spec against the TimeBack documents: the OneRoster endpoint table and the /rostering/1.0 platform.

ENDPOINTS.md lists every operation TimeBack serves under /ims/oneroster/<service>/v1p2, each marked
`official` or `TimeBack-only`; the platform seeds (003, 004) document the /rostering/1.0 family.
Paths are compared as templates (parameter names replaced by `{}`), without TimeBack's trailing slash.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from conformance_support import (
    SERVICES,
    Operation,
    endpoints_path,
    official_operations,
    require_reference,
    seed_files,
    seeds_dir,
    spec_operation_index,
    spec_operations,
    template,
)

require_reference()

pytestmark = pytest.mark.conformance


@dataclass(frozen=True)
class Row:
    method: str
    full_path: str
    service: str
    path: str
    operation_id: str
    kind: str

    @property
    def key(self) -> tuple[str, str]:
        return (self.method.lower(), template(self.path))


_ROW = re.compile(
    r"^\|\s*(GET|POST|PUT|PATCH|DELETE)\s*\|\s*`([^`]+)`\s*\|\s*(\w+)\s*\|\s*(official|TimeBack-only)\s*\|\s*$"
)
_ABSENT = re.compile(r"^-\s*(GET|POST|PUT|PATCH|DELETE)\s+`([^`]+)`\s*$")
_PREFIX = re.compile(r"^/ims/oneroster/(rostering|gradebook|resources)/v1p2(/.*)$")


def _split(full_path: str) -> tuple[str, str]:
    match = _PREFIX.match(full_path)
    assert match, f"not a OneRoster path: {full_path}"
    return match[1], match[2].rstrip("/") or "/"


def _parse_endpoints(path: Path) -> tuple[list[Row], list[tuple[str, str, str]], int]:
    rows, absent, table_lines = [], [], 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("|") and not line.startswith("| Method") and not line.startswith("|---"):
            table_lines += 1
        if match := _ROW.match(line):
            service, relative = _split(match[2])
            rows.append(Row(match[1], match[2], service, relative, match[3], match[4]))
        elif match := _ABSENT.match(line):
            service, relative = _split(match[2])
            absent.append((match[1].lower(), service, template(relative)))
    return rows, absent, table_lines


ROWS, ABSENT, TABLE_LINES = _parse_endpoints(endpoints_path())
OFFICIAL_KEYS = {o.key: o for service in SERVICES for o in official_operations(service)}

# TimeBack-only rows under the resources root with an extra /resources segment: the official ids are
# taken by the official /classes/{}/resources etc., so ours append "TimeBack". Exactly these three.
RENAMED_TIMEBACK_ONLY = {
    ("get", "/resources/classes/{}/resources"): ("getResourcesForClass", "getResourcesForClassTimeBack"),
    ("get", "/resources/courses/{}/resources"): ("getResourcesForCourse", "getResourcesForCourseTimeBack"),
    ("get", "/resources/users/{}/resources"): ("getResourcesForUser", "getResourcesForUserTimeBack"),
}
# Official rows whose TimeBack operationId differs from the 1EdTech one (ours keeps the 1EdTech id).
TIMEBACK_ALIASES_OF_OFFICIAL_IDS = {
    "createResultForLineItem": "postResultsForLineItem",
    "createLineItemsForSchool": "postLineItemsForSchool",
}


def test_endpoint_table_counts() -> None:
    assert len(ROWS) == TABLE_LINES, "a table row of ENDPOINTS.md was not understood"
    assert len(ROWS) == 143
    kinds = Counter(row.kind for row in ROWS)
    assert kinds == {"TimeBack-only": 65, "official": 78}
    assert len({row.key for row in ROWS}) == 143
    assert len(ABSENT) == 3
    assert kinds["official"] + len(ABSENT) == len(OFFICIAL_KEYS) == 81


@pytest.mark.parametrize("row", ROWS, ids=[f"{row.method} {row.path}" for row in ROWS])
def test_timeback_endpoint(row: Row) -> None:
    ours = spec_operation_index().get(row.key)
    assert ours is not None, f"{row.method} {row.full_path} ({row.operation_id}) is not in our spec"
    assert ours.service == row.service, (
        f"{ours} is under {ours.service}, TimeBack serves it under {row.service}"
    )
    assert "timeback" in ours.profiles, f"{ours} does not list timeback in x-oneroster-profiles"
    if row.kind == "TimeBack-only":
        assert ours.extension == "timeback", (
            f"{ours}: x-oneroster-extension {ours.extension!r}, expected 'timeback'"
        )
        assert "ims" not in ours.profiles
        assert row.key not in OFFICIAL_KEYS
        expected = RENAMED_TIMEBACK_ONLY.get(row.key, (row.operation_id, row.operation_id))
        assert expected[0] == row.operation_id
        assert ours.operation_id == expected[1]
    else:
        official = OFFICIAL_KEYS.get(row.key)
        assert official is not None, (
            f"TimeBack calls {row.method} {row.path} official; the 1EdTech documents lack it"
        )
        assert official.service == row.service
        assert ours.extension is None
        assert "ims" in ours.profiles
        assert ours.operation_id == official.operation_id
        assert (
            TIMEBACK_ALIASES_OF_OFFICIAL_IDS.get(row.operation_id, row.operation_id) == official.operation_id
        )


def test_renamed_ids_are_exactly_the_listed_ones() -> None:
    renamed = {
        row.key
        for row in ROWS
        if row.kind == "TimeBack-only" and spec_operation_index()[row.key].operation_id != row.operation_id
    }
    assert renamed == set(RENAMED_TIMEBACK_ONLY)


def test_timeback_profile_is_exactly_the_endpoint_table() -> None:
    listed = {row.key for row in ROWS}
    profiled = {o.key for o in spec_operations() if "timeback" in o.profiles}
    assert sorted(profiled - listed) == [], "operations listing timeback that ENDPOINTS.md does not have"
    assert sorted(listed - profiled) == []
    extensions = {o.key for o in spec_operations() if o.extension == "timeback"}
    assert extensions == {row.key for row in ROWS if row.kind == "TimeBack-only"}


@pytest.mark.parametrize(
    ("method", "service", "path"), ABSENT, ids=[f"{m.upper()} {p}" for m, _, p in ABSENT]
)
def test_official_operations_timeback_lacks(method: str, service: str, path: str) -> None:
    ours = spec_operation_index()[(method, path)]
    assert ours.service == service
    assert "timeback" not in ours.profiles
    assert ours.profiles == ["ims"]


# ---------------------------------------------------------------------------------------------------
# TimeBack platform (/rostering/1.0)
# ---------------------------------------------------------------------------------------------------

_PLATFORM = re.compile(r"^(GET|POST|PUT|PATCH|DELETE)\s+(?:https?://[^/\s]+)?/rostering/1\.0(/\S*)\s*$")


def _parse_platform(files: list[Path]) -> list[tuple[str, str]]:
    found: dict[tuple[str, str], None] = {}
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if match := _PLATFORM.match(line.strip()):
                relative = re.sub(r":(\w+)", r"{\1}", match[2]).rstrip("/") or "/"
                found[(match[1].lower(), template(relative))] = None
    return list(found)


SEEDS = seed_files()
PLATFORM = _parse_platform(SEEDS)
needs_seeds = pytest.mark.skipif(
    not SEEDS, reason=f"TimeBack platform seeds (003_*.txt, 004_*.txt) not found in {seeds_dir()}"
)
TIMEBACK_KEYS = {row.key for row in ROWS}
PLATFORM_ONLY = [key for key in PLATFORM if key not in OFFICIAL_KEYS and key not in TIMEBACK_KEYS]
PLATFORM_DELETES = [key for key in PLATFORM if key[0] == "delete"]


@needs_seeds
def test_platform_counts() -> None:
    assert len(PLATFORM) == 26
    assert sorted(PLATFORM_ONLY) == [
        ("delete", "/students/{}/agents/{}"),
        ("get", "/classes/{}/enrollments"),
        ("get", "/users/{}/enrollments"),
        ("get", "/users/{}/linked-users"),
        ("put", "/students"),
        ("put", "/students/{}/agents/{}"),
    ]
    assert len(PLATFORM_DELETES) == 5


@needs_seeds
@pytest.mark.parametrize("key", PLATFORM, ids=[f"{m.upper()} {p}" for m, p in PLATFORM])
def test_platform_operation(key: tuple[str, str]) -> None:
    ours = spec_operation_index().get(key)
    assert ours is not None, f"platform {key[0].upper()} /rostering/1.0{key[1]} is not in our spec"
    assert ours.service == "rostering"
    assert "timeback-platform" in ours.profiles, f"{ours} does not list timeback-platform"
    if key in PLATFORM_ONLY:
        assert ours.extension == "timeback-platform", f"{ours}: x-oneroster-extension {ours.extension!r}"
        assert ours.profiles == ["timeback-platform"]
    else:
        assert ours.extension != "timeback-platform"


@needs_seeds
def test_platform_profile_is_exactly_the_platform_docs() -> None:
    profiled = {o.key for o in spec_operations() if "timeback-platform" in o.profiles}
    assert sorted(profiled - set(PLATFORM)) == [], (
        "operations listing timeback-platform the platform docs lack"
    )
    extensions = {o.key for o in spec_operations() if o.extension == "timeback-platform"}
    assert extensions == set(PLATFORM_ONLY)


@needs_seeds
@pytest.mark.parametrize("key", PLATFORM_DELETES, ids=[p for _, p in PLATFORM_DELETES])
def test_platform_delete_answers(key: tuple[str, str]) -> None:
    ours: Operation = spec_operation_index()[key]
    codes = set(ours.op["responses"])
    assert {"204", "403", "404"} <= codes, f"{ours} documents {sorted(codes)}"
    if key == ("delete", "/courses/{}"):
        assert "409" in codes, "DELETE /courses/{sourcedId} is refused with 409 while enrollments are active"
