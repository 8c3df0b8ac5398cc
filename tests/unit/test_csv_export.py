"""The OneRoster 1.2 CSV export: headers, JSON -> CSV mapping, closure, delta, manifest, atomic writes."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from oneroster import F, NotFound, ServerError, UnsupportedOperation, ValidationError
from oneroster.csv.binding import FILES, MANIFEST_FILES, SOURCES, row_values
from oneroster.csv.export import ExportReport, export_bundle, parse_since, stream_records
from oneroster.paging import build_page

import oneroster_client.models as models

# The column headers of the 1EdTech OneRoster 1.2.1 CSV Binding (Final Release), copied
# here independently of the implementation so that a change to either is caught.
_HEADER_TEXT: dict[str, str] = {
    "academicSessions": "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,"
    "schoolYear",
    "categories": "sourcedId,status,dateLastModified,title,weight",
    "classes": "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,"
    "schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods",
    "courses": "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,"
    "subjects,subjectCodes",
    "demographics": "sourcedId,status,dateLastModified,birthDate,sex,americanIndianOrAlaskaNative,asian,"
    "blackOrAfricanAmerican,nativeHawaiianOrOtherPacificIslander,white,demographicRaceTwoOrMoreRaces,"
    "hispanicOrLatinoEthnicity,countryOfBirthCode,stateOfBirthAbbreviation,cityOfBirth,"
    "publicSchoolResidenceStatus",
    "enrollments": "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,"
    "primary,beginDate,endDate",
    "lineItems": "sourcedId,status,dateLastModified,title,description,assignDate,dueDate,classSourcedId,"
    "categorySourcedId,academicSessionSourcedId,resultValueMin,resultValueMax,schoolSourcedId",
    "orgs": "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId",
    "results": "sourcedId,status,dateLastModified,lineItemSourcedId,studentSourcedId,scoreStatus,score,"
    "scoreDate,comment,textScore,classSourcedId,inProgress,incomplete,late,missing",
    "roles": "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,"
    "userProfileSourcedId",
    "scoreScales": "sourcedId,status,dateLastModified,title,type,orgSourcedId,courseSourcedId,classSourcedId,"
    "scoreScaleValue",
    "lineItemScoreScales": "sourcedId,status,dateLastModified,title,lineItemSourcedId,scoreScaleSourcedId",
    "resultScoreScales": "sourcedId,status,dateLastModified,title,resultSourcedId,scoreScaleSourcedId",
    "userProfiles": "sourcedId,status,dateLastModified,userSourcedId,profileType,vendorId,applicationId,"
    "description,credentialType,username,password",
    "users": "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,"
    "identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,preferredGivenName,"
    "preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns",
}
BINDING_HEADERS = {name: headers.split(",") for name, headers in _HEADER_TEXT.items()}

STAMP = "2026-01-05T10:00:00.000Z"


def _user(n: int, **changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "sourcedId": f"u{n}",
        "status": "active",
        "dateLastModified": STAMP,
        "enabledUser": "true",
        "username": f"user{n}",
        "givenName": f"Given{n}",
        "familyName": "Family",
        "roles": [{"roleType": "primary", "role": "student", "org": {"sourcedId": "s1", "type": "org"}}],
    }
    record.update(changes)
    return record


DATA: dict[str, list[dict[str, Any]]] = {
    "academic_sessions": [
        {
            "sourcedId": "y26",
            "status": "active",
            "dateLastModified": STAMP,
            "title": "2025-26",
            "type": "schoolYear",
            "startDate": "2025-09-01",
            "endDate": "2026-06-30",
            "schoolYear": "2026",
        },
        {
            "sourcedId": "t1",
            "status": "active",
            "dateLastModified": STAMP,
            "title": "Fall",
            "type": "term",
            "startDate": "2025-09-01",
            "endDate": "2026-01-31",
            "schoolYear": "2026",
            "parent": {"sourcedId": "y26"},
        },
    ],
    "orgs": [
        {
            "sourcedId": "d1",
            "status": "active",
            "dateLastModified": STAMP,
            "name": "District",
            "type": "district",
        },
        {
            "sourcedId": "s1",
            "status": "active",
            "dateLastModified": STAMP,
            "name": "North, High",
            "type": "school",
            "identifier": "NCES-1",
            "parent": {"sourcedId": "d1", "type": "org"},
        },
        {
            "sourcedId": "s-old",
            "status": "tobedeleted",
            "dateLastModified": STAMP,
            "name": "Closed",
            "type": "school",
        },
    ],
    "courses": [
        {
            "sourcedId": "co1",
            "status": "active",
            "dateLastModified": STAMP,
            "title": "Algebra",
            "schoolYear": {"sourcedId": "y26"},
            "courseCode": "ALG",
            "grades": ["09", "10"],
            "org": {"sourcedId": "s1"},
            "subjects": ["Math, Advanced"],
            "subjectCodes": ["MA1"],
        },
    ],
    "classes": [
        {
            "sourcedId": f"c{n}",
            "status": "active",
            "dateLastModified": STAMP,
            "title": f"Algebra {n}",
            "classType": "scheduled",
            "course": {"sourcedId": "co1"},
            "school": {"sourcedId": "s1"},
            "terms": [{"sourcedId": "t1"}, {"sourcedId": "y26"}],
            "periods": ["1", "3"],
        }
        for n in range(3)
    ],
    "users": [
        _user(
            0,
            userIds=[{"type": "LDAP", "identifier": "ana"}],
            agents=[{"sourcedId": "u2"}],
            grades=["09"],
            password="pw-0",
            preferredFirstName="Annie",
            primaryOrg={"sourcedId": "s1"},
            userProfiles=[
                {
                    "profileId": "p0",
                    "profileType": "reader",
                    "vendorId": "v1",
                    "credentials": [{"type": "password", "username": "ana", "password": "cred-pw"}],
                }
            ],
        ),
        _user(
            1,
            roles=[
                {
                    "roleType": "primary",
                    "role": "teacher",
                    "org": {"sourcedId": "s1"},
                    "beginDate": "2025-09-01",
                },
                {"roleType": "secondary", "role": "aide", "org": {"sourcedId": "d1"}},
            ],
        ),
        _user(2, middleName="Line\nBreak"),
        _user(3),
        _user(4, status="tobedeleted"),
    ],
    "demographics": [
        {
            "sourcedId": "u0",
            "status": "active",
            "dateLastModified": STAMP,
            "birthDate": "2010-03-04",
            "sex": "female",
            "asian": "true",
            "white": False,
        },
    ],
    "enrollments": [
        {
            "sourcedId": "e1",
            "status": "active",
            "dateLastModified": STAMP,
            "user": {"sourcedId": "u0"},
            "class": {"sourcedId": "c0"},
            "school": {"sourcedId": "s1"},
            "role": "student",
            "primary": "false",
            "beginDate": "2025-09-01",
        },
    ],
    "categories": [
        {
            "sourcedId": "cat1",
            "status": "active",
            "dateLastModified": STAMP,
            "title": "Homework",
            "weight": 0.25,
        },
    ],
    "score_scales": [
        {
            "sourcedId": "sc1",
            "status": "active",
            "dateLastModified": STAMP,
            "title": "Letters",
            "type": "letter",
            "class": {"sourcedId": "c0"},
            "course": {"sourcedId": "co1"},
            "scoreScaleValue": [
                {"itemValueLHS": "A", "itemValueRHS": "90"},
                {"itemValueLHS": "B", "itemValueRHS": "80"},
            ],
        },
    ],
    "line_items": [
        {
            "sourcedId": "li1",
            "status": "active",
            "dateLastModified": STAMP,
            "title": "Quiz 1",
            "assignDate": "2026-01-10T00:00:00.000Z",
            "dueDate": "2026-01-17T23:59:00.000Z",
            "class": {"sourcedId": "c0"},
            "school": {"sourcedId": "s1"},
            "category": {"sourcedId": "cat1"},
            "gradingPeriod": {"sourcedId": "t1"},
            "resultValueMin": 0.0,
            "resultValueMax": 100.0,
        },
    ],
    "results": [
        {
            "sourcedId": f"r{n}",
            "status": "active",
            "dateLastModified": STAMP,
            "lineItem": {"sourcedId": "li1"},
            "student": {"sourcedId": f"u{n}"},
            "scoreStatus": "fully graded",
            "score": 91.5,
            "scoreDate": "2026-01-18",
            "late": "true",
        }
        for n in range(3)
    ],
}

MODELS = {
    "academic_sessions": models.AcademicSession,
    "orgs": models.Org,
    "courses": models.Course,
    "classes": models.Class,
    "users": models.User,
    "demographics": models.Demographics,
    "enrollments": models.Enrollment,
    "categories": models.Category,
    "score_scales": models.ScoreScale,
    "line_items": models.LineItem,
    "results": models.Result,
}


class FakeListing:
    """A collection with ``list(...)`` paging over parsed models, two records a page, with a total."""

    def __init__(
        self, resource: str, records: list[dict[str, Any]], *, error: Exception | None = None
    ) -> None:
        self.resource = resource
        self.records = [MODELS[resource].from_dict(record) for record in records]
        self.error = error
        self.calls: list[dict[str, Any]] = []

    def list(self, **kwargs: Any) -> Any:
        self.calls.append(kwargs)
        offset = kwargs.get("offset", 0)
        if self.error is not None and (
            offset > 0 or not isinstance(self.error, KeyboardInterrupt | ServerError)
        ):
            raise self.error
        chunk = self.records[offset : offset + 2]
        return build_page(
            chunk,
            offset=offset,
            limit=2,
            headers=httpx.Headers({"X-Total-Count": str(len(self.records))}),
        )


class FakeClient:
    def __init__(self, data: dict[str, list[dict[str, Any]]] | None = None, **errors: Exception) -> None:
        data = DATA if data is None else data
        for source in SOURCES.values():
            setattr(
                self,
                source.resource,
                FakeListing(
                    source.resource, data.get(source.resource, []), error=errors.get(source.resource)
                ),
            )


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle))


def manifest(path: Path) -> dict[str, str]:
    rows = read_csv(path / "manifest.csv")
    return {row["propertyName"]: row["value"] for row in rows}


@pytest.fixture
def bundle(tmp_path: Path) -> tuple[Path, ExportReport]:
    out = tmp_path / "bundle"
    report = export_bundle(FakeClient(), out_dir=out)
    return out, report


# -- headers and manifest ---------------------------------------------------------------------


def test_every_file_declares_exactly_the_binding_headers() -> None:
    declared = {csv_file.name: list(csv_file.headers) for csv_file in FILES.values()}
    assert declared == BINDING_HEADERS


def test_written_files_carry_the_exact_headers(bundle: tuple[Path, ExportReport]) -> None:
    out, report = bundle
    for name in report.written:
        assert header(out / f"{name}.csv") == BINDING_HEADERS[name], name


def test_manifest_lists_every_binding_file_as_bulk_or_absent(bundle: tuple[Path, ExportReport]) -> None:
    out, report = bundle
    assert header(out / "manifest.csv") == ["propertyName", "value"]
    props = manifest(out)
    assert props["manifest.version"] == "1.0"
    assert props["oneroster.version"] == "1.2"
    files = {key.removeprefix("file."): value for key, value in props.items() if key.startswith("file.")}
    assert list(files) == list(MANIFEST_FILES)
    assert len(MANIFEST_FILES) == 21
    written = {name for name, value in files.items() if value == "bulk"}
    assert written == set(report.written) == {p.stem for p in out.glob("*.csv")} - {"manifest"}
    assert {name for name, value in files.items() if value == "absent"} == set(MANIFEST_FILES) - written
    assert files["resources"] == files["userResources"] == files["classResources"] == "absent"


def test_bundle_holds_the_expected_files_and_row_counts(bundle: tuple[Path, ExportReport]) -> None:
    out, report = bundle
    assert report.rows == {
        "academicSessions": 2,
        "orgs": 2,
        "courses": 1,
        "classes": 3,
        "users": 4,
        "roles": 5,
        "userProfiles": 1,
        "demographics": 1,
        "enrollments": 1,
        "categories": 1,
        "scoreScales": 1,
        "lineItems": 1,
        "results": 3,
    }
    for name, count in report.rows.items():
        assert len(read_csv(out / f"{name}.csv")) == count


# -- mapping ----------------------------------------------------------------------------------


def test_bulk_rows_leave_status_and_date_blank_and_skip_deleted_records(
    bundle: tuple[Path, ExportReport],
) -> None:
    out, _ = bundle
    for path in out.glob("*.csv"):
        if path.name == "manifest.csv":
            continue
        for row in read_csv(path):
            assert row["status"] == "" and row["dateLastModified"] == "", path.name
    assert [row["sourcedId"] for row in read_csv(out / "orgs.csv")] == ["d1", "s1"]
    assert "u4" not in {row["sourcedId"] for row in read_csv(out / "users.csv")}


def test_references_become_sourced_ids_and_lists_are_comma_joined(bundle: tuple[Path, ExportReport]) -> None:
    out, _ = bundle
    klass = read_csv(out / "classes.csv")[0]
    assert klass["courseSourcedId"] == "co1"
    assert klass["schoolSourcedId"] == "s1"
    assert klass["termSourcedIds"] == "t1,y26"
    assert klass["periods"] == "1,3"
    raw = (out / "classes.csv").read_text(encoding="utf-8")
    assert '"t1,y26"' in raw  # a multi-item list is one quoted field (RFC 4180)
    course = read_csv(out / "courses.csv")[0]
    assert course["schoolYearSourcedId"] == "y26"
    assert course["orgSourcedId"] == "s1"
    assert course["grades"] == "09,10"
    assert course["subjects"] == "Math Advanced"  # commas inside an item are removed, as the binding says
    org = read_csv(out / "orgs.csv")[1]
    assert org == {
        "sourcedId": "s1",
        "status": "",
        "dateLastModified": "",
        "name": "North, High",
        "type": "school",
        "identifier": "NCES-1",
        "parentSourcedId": "d1",
    }
    session = read_csv(out / "academicSessions.csv")[1]
    assert session["parentSourcedId"] == "y26"
    assert session["startDate"] == "2025-09-01"


def test_users_rows_map_renamed_fields(bundle: tuple[Path, ExportReport]) -> None:
    out, _ = bundle
    users = {row["sourcedId"]: row for row in read_csv(out / "users.csv")}
    ana = users["u0"]
    assert ana["enabledUser"] == "true"
    assert ana["userIds"] == "{LDAP:ana}"
    assert ana["agentSourcedIds"] == "u2"
    assert ana["preferredGivenName"] == "Annie"
    assert ana["primaryOrgSourcedId"] == "s1"
    assert ana["grades"] == "09"
    assert users["u2"]["middleName"] == "Line Break"  # no line breaks inside a field


def test_roles_rows_come_from_user_roles_with_stable_ids(tmp_path: Path) -> None:
    out = tmp_path / "b"
    export_bundle(FakeClient(), out_dir=out)
    roles = read_csv(out / "roles.csv")
    teacher = [row for row in roles if row["userSourcedId"] == "u1"]
    assert [(r["roleType"], r["role"], r["orgSourcedId"]) for r in teacher] == [
        ("primary", "teacher", "s1"),
        ("secondary", "aide", "d1"),
    ]
    assert teacher[0]["beginDate"] == "2025-09-01"
    assert len({row["sourcedId"] for row in roles}) == len(roles)
    again = tmp_path / "again"
    export_bundle(FakeClient(), out_dir=again)
    assert [row["sourcedId"] for row in read_csv(again / "roles.csv")] == [row["sourcedId"] for row in roles]


def test_passwords_are_blank_unless_asked_for(tmp_path: Path) -> None:
    plain, full = tmp_path / "plain", tmp_path / "full"
    export_bundle(FakeClient(), out_dir=plain)
    export_bundle(FakeClient(), out_dir=full, include_passwords=True)
    assert (
        "pw-0" not in (plain / "users.csv").read_text()
        and "cred-pw" not in (plain / "userProfiles.csv").read_text()
    )
    assert read_csv(full / "users.csv")[0]["password"] == "pw-0"
    profile = read_csv(full / "userProfiles.csv")[0]
    assert profile == {
        "sourcedId": "p0",
        "status": "",
        "dateLastModified": "",
        "userSourcedId": "u0",
        "profileType": "reader",
        "vendorId": "v1",
        "applicationId": "",
        "description": "",
        "credentialType": "password",
        "username": "ana",
        "password": "cred-pw",
    }


def test_gradebook_rows(bundle: tuple[Path, ExportReport]) -> None:
    out, _ = bundle
    item = read_csv(out / "lineItems.csv")[0]
    assert item["assignDate"] == "2026-01-10"  # a Date column: the time is cut off
    assert item["dueDate"] == "2026-01-17"
    assert item["academicSessionSourcedId"] == "t1"  # 1.1's gradingPeriod is accepted
    assert item["categorySourcedId"] == "cat1" and item["schoolSourcedId"] == "s1"
    assert item["resultValueMax"] == "100.0"
    result = read_csv(out / "results.csv")[0]
    assert (result["lineItemSourcedId"], result["studentSourcedId"], result["score"]) == ("li1", "u0", "91.5")
    assert result["late"] == "true" and result["missing"] == ""
    scale = read_csv(out / "scoreScales.csv")[0]
    assert scale["scoreScaleValue"] == "{A:90},{B:80}"
    assert scale["classSourcedId"] == "c0" and scale["courseSourcedId"] == "co1"
    assert read_csv(out / "categories.csv")[0]["weight"] == "0.25"
    demographics = read_csv(out / "demographics.csv")[0]
    assert (demographics["asian"], demographics["white"], demographics["sex"]) == ("true", "false", "female")


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1e16, "10000000000000000"), (0.1, "0.1"), (3, "3"), (True, "true"), (None, "")],
)
def test_scalars_are_rendered_as_the_binding_writes_them(value: object, expected: str) -> None:
    assert FILES["categories"].column("weight").get({"weight": value}) == expected


@given(st.lists(st.text(max_size=20), min_size=1, max_size=5))
def test_any_text_round_trips_through_a_csv_row_without_line_breaks(values: list[str]) -> None:
    record = {"sourcedId": values[0], "title": "|".join(values), "grades": values}
    (row,) = row_values(FILES["classes"], record)
    assert not any("\r" in cell or "\n" in cell for cell in row)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(row)
    assert next(csv.reader(io.StringIO(buffer.getvalue()))) == row


# -- streaming, filters, skipping -------------------------------------------------------------


def test_every_listing_is_paged_and_gets_the_filter(tmp_path: Path) -> None:
    client = FakeClient()
    export_bundle(client, out_dir=tmp_path / "b", where=F("status") == "active")
    users = client.users  # type: ignore[attr-defined]
    assert [call["offset"] for call in users.calls] == [0, 2, 4]
    for source in SOURCES.values():
        for call in getattr(client, source.resource).calls:
            assert call["where"].to_filter() == "status='active'"


def test_stream_records_reports_each_page() -> None:
    listing = FakeListing("users", DATA["users"])
    totals: list[int | None] = []
    records = list(stream_records(listing, on_page=lambda page: totals.append(page.total)))
    assert [r.sourced_id for r in records] == ["u0", "u1", "u2", "u3", "u4"]
    assert totals == [5, 5, 5]
    assert len(list(stream_records(listing, max_items=3))) == 3


def test_empty_collections_are_absent_not_empty_files(tmp_path: Path) -> None:
    data = {**DATA, "results": [], "categories": []}
    out = tmp_path / "b"
    export_bundle(FakeClient(data), out_dir=out)
    assert not (out / "results.csv").exists() and not (out / "categories.csv").exists()
    props = manifest(out)
    assert props["file.results"] == props["file.categories"] == "absent"
    assert props["file.users"] == "bulk"


def test_collections_the_provider_lacks_are_skipped(tmp_path: Path) -> None:
    missing = NotFound("404 Not Found: GET /scoreScales", status_code=404, method="GET", url="u")
    client = FakeClient(
        line_items=UnsupportedOperation("line_items.list is not offered"), score_scales=missing
    )
    report = export_bundle(client, out_dir=tmp_path / "b")
    assert set(report.skipped) == {"line_items", "score_scales"}
    props = manifest(tmp_path / "b")
    assert props["file.lineItems"] == props["file.scoreScales"] == "absent"
    assert props["file.results"] == "bulk"


class Recorder:
    def __init__(self) -> None:
        self.events: list[tuple[str, str, object]] = []

    def begin(self, resource: str, total: int | None) -> None:
        self.events.append(("begin", resource, total))

    def advance(self, resource: str, count: int) -> None:
        self.events.append(("advance", resource, count))

    def end(self, resource: str) -> None:
        self.events.append(("end", resource, None))


def test_progress_hears_totals_and_every_record(tmp_path: Path) -> None:
    progress = Recorder()
    export_bundle(FakeClient(), out_dir=tmp_path / "b", progress=progress)
    assert ("begin", "users", 5) in progress.events
    assert sum(1 for e in progress.events if e[:2] == ("advance", "users")) == 5
    assert progress.events[-1] == ("end", "results", None)


# -- atomicity --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "error",
    [ServerError("500", status_code=500, method="GET", url="u"), KeyboardInterrupt()],
    ids=["server-error", "ctrl-c"],
)
def test_a_failure_mid_export_leaves_no_bundle_and_no_staging(tmp_path: Path, error: BaseException) -> None:
    client = FakeClient(users=error)  # fails on the second page of users, after rows were written
    with pytest.raises(type(error)):
        export_bundle(client, out_dir=tmp_path / "b")
    assert list(tmp_path.iterdir()) == []


def test_a_non_empty_target_is_refused_before_any_request(tmp_path: Path) -> None:
    out = tmp_path / "b"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    client = FakeClient()
    with pytest.raises(ValidationError, match="not empty"):
        export_bundle(client, out_dir=out)
    assert client.orgs.calls == []  # type: ignore[attr-defined]
    assert (out / "keep.txt").read_text() == "mine"


def test_force_replaces_a_previous_bundle_only_once_the_new_one_is_complete(tmp_path: Path) -> None:
    out = tmp_path / "b"
    export_bundle(FakeClient(), out_dir=out)
    (out / "stale.csv").write_text("x")
    with pytest.raises(ServerError):
        export_bundle(
            FakeClient(results=ServerError("500", status_code=500, method="GET", url="u")),
            out_dir=out,
            force=True,
        )
    assert (out / "stale.csv").exists()  # the old bundle survived the failed replacement
    export_bundle(FakeClient(), out_dir=out, force=True)
    assert not (out / "stale.csv").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b"]


def test_an_empty_existing_directory_is_used(tmp_path: Path) -> None:
    out = tmp_path / "b"
    out.mkdir()
    report = export_bundle(FakeClient(), out_dir=out)
    assert (out / "manifest.csv").exists() and report.path == out


@pytest.mark.parametrize("kind", ["file", "no-parent"])
def test_unusable_targets_are_refused(tmp_path: Path, kind: str) -> None:
    if kind == "file":
        target = tmp_path / "taken"
        target.write_text("x")
    else:
        target = tmp_path / "missing" / "b"
    with pytest.raises(ValidationError):
        export_bundle(FakeClient(), out_dir=target)


# -- referential closure, required columns, delta, permissions --------------------------------


def _closure_data() -> dict[str, list[dict[str, Any]]]:
    data = {kind: [dict(record) for record in records] for kind, records in DATA.items()}
    data["classes"][0]["status"] = "tobedeleted"  # c0: its enrollment, line item and results must go
    data["users"][2]["status"] = "tobedeleted"  # u2: the agent of u0
    return data


def test_a_bulk_bundle_never_points_at_a_record_it_left_out(tmp_path: Path) -> None:
    out = tmp_path / "b"
    report = export_bundle(FakeClient(_closure_data()), out_dir=out)
    assert [row["sourcedId"] for row in read_csv(out / "classes.csv")] == ["c1", "c2"]
    assert not (out / "enrollments.csv").exists()  # e1 was in c0; a file without rows is absent
    assert manifest(out)["file.enrollments"] == "absent"
    assert not (out / "lineItems.csv").exists() and not (out / "results.csv").exists()
    assert report.dropped == {"scoreScales": 1, "enrollments": 1, "lineItems": 1, "results": 3}
    assert report.dropped_examples["enrollments"] == ["e1: classSourcedId -> c0"]
    users = {row["sourcedId"]: row for row in read_csv(out / "users.csv")}
    assert "u2" not in users and users["u0"]["agentSourcedIds"] == ""  # a list loses the missing id
    assert report.blanked["users"] == 1
    # Whatever was written resolves: every reference column points at a row of its file.
    ids = {name: {row["sourcedId"] for row in read_csv(out / f"{name}.csv")} for name in report.written}
    for name in report.written:
        for column in FILES[name].columns:
            if column.target is None or column.target not in ids:
                continue
            for row in read_csv(out / f"{name}.csv"):
                for value in filter(None, row[column.header].split(",")):
                    assert value in ids[column.target], (name, column.header, value)


def test_a_required_column_the_record_cannot_fill_stops_the_export(tmp_path: Path) -> None:
    data = {**DATA, "users": [_user(0, username=None)]}
    with pytest.raises(ValidationError, match=r"users\.csv: the users record 'u0' has no value for username"):
        export_bundle(FakeClient(data), out_dir=tmp_path / "b")
    assert list(tmp_path.iterdir()) == []


def test_score_scales_get_their_org_and_course_from_their_class(bundle: tuple[Path, ExportReport]) -> None:
    out, _ = bundle
    (scale,) = read_csv(out / "scoreScales.csv")
    assert (scale["orgSourcedId"], scale["courseSourcedId"], scale["classSourcedId"]) == ("s1", "co1", "c0")


def test_score_scale_links_are_written_for_line_items_and_results(tmp_path: Path) -> None:
    data = {kind: [dict(record) for record in records] for kind, records in DATA.items()}
    data["line_items"][0]["scoreScale"] = {"sourcedId": "sc1"}
    data["results"][0]["scoreScale"] = {"sourcedId": "sc1"}
    out = tmp_path / "b"
    export_bundle(FakeClient(data), out_dir=out)
    (link,) = read_csv(out / "lineItemScoreScales.csv")
    assert (link["lineItemSourcedId"], link["scoreScaleSourcedId"]) == ("li1", "sc1")
    (link,) = read_csv(out / "resultScoreScales.csv")
    assert (link["resultSourcedId"], link["scoreScaleSourcedId"]) == ("r0", "sc1")


def test_a_delta_bundle_carries_status_and_date_and_deleted_rows(tmp_path: Path) -> None:
    client = FakeClient()
    out = tmp_path / "d"
    report = export_bundle(client, out_dir=out, since="2026-01-01", where=F("role") == "student")
    assert report.mode == "delta"
    assert manifest(out)["file.users"] == "delta" and manifest(out)["file.results"] == "delta"
    users = {row["sourcedId"]: row for row in read_csv(out / "users.csv")}
    assert users["u4"]["status"] == "tobedeleted" and users["u0"]["status"] == "active"
    assert users["u0"]["dateLastModified"] == STAMP
    assert {row["status"] for row in read_csv(out / "roles.csv")} == {"active", "tobedeleted"}
    (call,) = client.users.calls[:1]  # type: ignore[attr-defined]
    assert call["where"].to_filter() == "role='student' AND dateLastModified>'2026-01-01T00:00:00.000Z'"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-01-05", "2026-01-05T00:00:00.000Z"),
        ("2026-01-05T10:00:00Z", "2026-01-05T10:00:00.000Z"),
        ("2026-01-05T10:00:00+01:00", "2026-01-05T09:00:00.000Z"),
    ],
)
def test_since_accepts_dates_and_date_times(text: str, expected: str) -> None:
    assert parse_since(text) == expected


def test_since_refuses_what_is_not_a_moment(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="--since 'yesterday'"):
        export_bundle(FakeClient(), out_dir=tmp_path / "b", since="yesterday")
    with pytest.raises(ValidationError, match="--since cannot be combined with --filter"):
        export_bundle(FakeClient(), out_dir=tmp_path / "b", since="2026-01-01", filter="x='1'")


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_the_bundle_directory_honours_the_umask(tmp_path: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        export_bundle(FakeClient(), out_dir=tmp_path / "b")
    finally:
        os.umask(old)
    assert (tmp_path / "b").stat().st_mode & 0o777 == 0o777 & ~umask
    assert (tmp_path / "b" / "users.csv").stat().st_mode & 0o777 == 0o666 & ~umask
