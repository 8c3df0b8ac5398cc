"""Reading bundles into the REST client's models, and validating them against the 1.2 CSV binding."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from oneroster.csv import BundleError, read_bundle, validate_bundle
from oneroster.csv.binding import FILES, SOURCES, row_values
from oneroster.csv.export import export_bundle

import oneroster_client.models as models

STAMP = "2026-01-05T10:00:00.000Z"


def _ref(kind: str, sourced_id: str) -> dict[str, str]:
    return {"sourcedId": sourced_id, "type": kind, "href": f"/{kind}s/{sourced_id}"}


DATA: dict[str, list[dict[str, Any]]] = {
    "orgs": [
        {
            "sourcedId": "d1",
            "status": "active",
            "dateLastModified": STAMP,
            "name": "District",
            "type": "district",
            "identifier": "D-1",
        },
        {
            "sourcedId": "s1",
            "status": "active",
            "dateLastModified": STAMP,
            "name": "North, High",
            "type": "school",
            "identifier": "S-1",
            "parent": _ref("org", "d1"),
        },
    ],
    "academic_sessions": [
        {
            "sourcedId": "t1",
            "status": "active",
            "dateLastModified": STAMP,
            "title": "Fall",
            "type": "term",
            "startDate": "2025-09-01",
            "endDate": "2026-01-31",
            "schoolYear": "2026",
        },
    ],
    "courses": [
        {
            "sourcedId": "co1",
            "status": "active",
            "dateLastModified": STAMP,
            "title": "Algebra",
            "courseCode": "ALG",
            "grades": ["09", "10"],
            "org": _ref("org", "s1"),
        },
    ],
    "classes": [
        {
            "sourcedId": "c1",
            "status": "active",
            "dateLastModified": STAMP,
            "title": "Algebra 1",
            "classType": "scheduled",
            "course": _ref("course", "co1"),
            "school": _ref("org", "s1"),
            "terms": [_ref("academicSession", "t1")],
            "periods": ["1", "3"],
        },
    ],
    "users": [
        {
            "sourcedId": "u1",
            "status": "active",
            "dateLastModified": STAMP,
            "enabledUser": "true",
            "username": "ana",
            "givenName": "Ana",
            "familyName": "O'Brien",
            "middleName": "Maria",
            "userIds": [{"type": "LDAP", "identifier": "ana"}],
            "agents": [_ref("user", "u2")],
            "primaryOrg": _ref("org", "s1"),
            "grades": ["09"],
            "roles": [
                {"roleType": "primary", "role": "student", "org": _ref("org", "s1")},
                {
                    "roleType": "secondary",
                    "role": "aide",
                    "org": _ref("org", "d1"),
                    "beginDate": "2025-09-01",
                },
            ],
            "userProfiles": [
                {
                    "profileId": "p1",
                    "profileType": "reader",
                    "vendorId": "v1",
                    "credentials": [{"type": "password", "username": "ana"}],
                }
            ],
        },
        {
            "sourcedId": "u2",
            "status": "active",
            "dateLastModified": STAMP,
            "enabledUser": "false",
            "username": "bo",
            "givenName": "Bo",
            "familyName": "Lee",
            "roles": [{"roleType": "primary", "role": "parent", "org": _ref("org", "s1")}],
        },
    ],
    "demographics": [
        {
            "sourcedId": "u1",
            "status": "active",
            "dateLastModified": STAMP,
            "birthDate": "2010-03-04",
            "sex": "female",
            "white": "true",
        },
    ],
    "enrollments": [
        {
            "sourcedId": "e1",
            "status": "active",
            "dateLastModified": STAMP,
            "user": _ref("user", "u1"),
            "class": _ref("class", "c1"),
            "school": _ref("org", "s1"),
            "role": "student",
            "primary": "false",
        },
    ],
    "categories": [
        {"sourcedId": "cat1", "status": "active", "dateLastModified": STAMP, "title": "Quiz", "weight": 0.25}
    ],
    "score_scales": [
        {
            "sourcedId": "sc1",
            "status": "active",
            "dateLastModified": STAMP,
            "title": "Letters",
            "type": "letter",
            "class": _ref("class", "c1"),
            "course": _ref("course", "co1"),
            "scoreScaleValue": [{"itemValueLHS": "A", "itemValueRHS": "90-100"}],
        },
    ],
    "line_items": [
        {
            "sourcedId": "li1",
            "status": "active",
            "dateLastModified": STAMP,
            "title": "Quiz 1",
            "assignDate": "2026-01-10T00:00:00.000Z",
            "dueDate": "2026-01-17T00:00:00.000Z",
            "class": _ref("class", "c1"),
            "school": _ref("org", "s1"),
            "category": _ref("category", "cat1"),
            "academicSession": _ref("academicSession", "t1"),
            "scoreScale": _ref("scoreScale", "sc1"),
            "resultValueMin": 0.0,
            "resultValueMax": 100,
        },
    ],
    "results": [
        {
            "sourcedId": "r1",
            "status": "active",
            "dateLastModified": STAMP,
            "lineItem": _ref("lineItem", "li1"),
            "student": _ref("user", "u1"),
            "scoreStatus": "fully graded",
            "score": 91.5,
            "scoreDate": "2026-01-18",
            "late": "true",
        },
    ],
}


class Listing:
    def __init__(self, records: list[dict[str, Any]]) -> None:
        self.records = records

    def list(self, **kwargs: Any) -> Any:
        from oneroster.paging import build_page

        offset = kwargs.get("offset", 0)
        return build_page(self.records[offset : offset + 50], offset=offset, limit=50, headers={})


class Client:
    def __init__(self, data: dict[str, list[dict[str, Any]]]) -> None:
        for source in SOURCES.values():
            setattr(self, source.resource, Listing(data.get(source.resource, [])))


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    out = tmp_path / "bundle"
    export_bundle(Client(DATA), out_dir=out)
    return out


def _rewrite(path: Path, edit: Any) -> None:
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    edit(rows)
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows(rows)


# -- reading ----------------------------------------------------------------------------------


def test_a_bundle_reads_into_the_rest_models_in_dependency_order(bundle: Path) -> None:
    records = list(read_bundle(bundle))
    kinds = [type(record).__name__ for record in records]
    assert kinds == [
        "Org",
        "Org",
        "AcademicSession",
        "Course",
        "Class",
        "User",
        "User",
        "Demographics",
        "Enrollment",
        "Category",
        "ScoreScale",
        "LineItem",
        "Result",
    ]
    user = next(r for r in records if isinstance(r, models.User) and r.sourced_id == "u1")
    assert (user.given_name, user.family_name, user.middle_name) == ("Ana", "O'Brien", "Maria")
    assert [(role.role_type, role.role, role.org.sourced_id) for role in user.roles] == [
        ("primary", "student", "s1"),
        ("secondary", "aide", "d1"),
    ]
    assert user.user_profiles[0].credentials[0].username == "ana"
    assert user.primary_org.sourced_id == "s1" and user.agents[0].sourced_id == "u2"
    assert user.user_ids[0].identifier == "ana"
    line_item = next(r for r in records if isinstance(r, models.LineItem))
    assert line_item.score_scale.sourced_id == "sc1"
    assert line_item.assign_date.isoformat() == "2026-01-10T00:00:00+00:00"
    assert line_item.result_value_max == 100
    klass = next(r for r in records if isinstance(r, models.Class))
    assert [t.sourced_id for t in klass.terms] == ["t1"] and klass.periods == ["1", "3"]


def test_reading_then_writing_gives_the_same_rows(bundle: Path) -> None:
    """The binding's two directions are inverses: a read record renders the rows it came from."""
    for name in ("orgs", "users", "roles", "userProfiles", "classes", "lineItems", "lineItemScoreScales"):
        source = next(s for s in SOURCES.values() if name in s.files)
        with (bundle / f"{name}.csv").open(newline="", encoding="utf-8") as handle:
            expected = list(csv.reader(handle))[1:]
        rendered = [
            row
            for record in read_bundle(bundle, files=[source.main.name], raw=True)
            for row in row_values(FILES[name], record)
        ]
        assert rendered == expected, name


def test_a_zip_with_the_files_in_a_folder_reads_the_same(bundle: Path, tmp_path: Path) -> None:
    archive = tmp_path / "bundle.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in bundle.iterdir():
            zipped.write(path, f"export-2026/{path.name}")
    assert [r.to_dict() for r in read_bundle(archive)] == [r.to_dict() for r in read_bundle(bundle)]
    assert validate_bundle(archive).ok


def test_a_bad_value_names_file_line_and_column(bundle: Path) -> None:
    _rewrite(bundle / "categories.csv", lambda rows: rows[1].__setitem__(4, "a lot"))
    with pytest.raises(BundleError, match=r"^categories\.csv:2: weight: could not convert") as info:
        list(read_bundle(bundle))
    assert (info.value.file, info.value.line, info.value.column) == ("categories.csv", 2, "weight")


def test_a_row_that_does_not_fit_its_model_names_file_and_line(bundle: Path) -> None:
    _rewrite(bundle / "lineItems.csv", lambda rows: rows[1].__setitem__(6, "not-a-date"))
    with pytest.raises(BundleError, match=r"^lineItems\.csv:2: does not fit the LineItem model"):
        list(read_bundle(bundle, files=["lineItems"]))


def test_a_broken_line_is_reported_where_it_starts(tmp_path: Path, bundle: Path) -> None:
    text = (bundle / "orgs.csv").read_text(encoding="utf-8")
    (bundle / "orgs.csv").write_text(text + 'o9,,,"Unclosed,school,,\r\n', encoding="utf-8")
    with pytest.raises(BundleError, match=r"^orgs\.csv:4: not valid CSV"):
        list(read_bundle(bundle, files=["orgs"]))


def test_a_one_one_users_file_reads_its_role_columns(tmp_path: Path) -> None:
    out = tmp_path / "v11"
    out.mkdir()
    (out / "manifest.csv").write_text(
        "propertyName,value\nmanifest.version,1.0\noneroster.version,1.1\nfile.users,bulk\n"
    )
    (out / "users.csv").write_text(
        "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName\n"
        'u1,,,true,"s1,s2",teacher,tea,,Tea,Cher\n'
    )
    (user,) = read_bundle(out)
    assert [(r.role_type, r.role, r.org.sourced_id) for r in user.roles] == [
        ("primary", "teacher", "s1"),
        ("secondary", "teacher", "s2"),
    ]


def test_reading_keeps_memory_flat_by_streaming(bundle: Path) -> None:
    records = read_bundle(bundle)
    first = next(records)  # nothing past the first row has been read or converted yet
    assert isinstance(first, models.Org)
    records.close()


# -- validating -------------------------------------------------------------------------------


def test_our_own_export_is_valid(bundle: Path) -> None:
    result = validate_bundle(bundle)
    assert result.ok, [str(p) for p in result.problems]
    assert result.warnings == []
    assert result.rows["users"] == 2 and result.rows["roles"] == 3


def _problems(bundle: Path) -> list[str]:
    return [str(p) for p in validate_bundle(bundle).problems]


@pytest.mark.parametrize(
    ("file", "edit", "expected"),
    [
        (
            "users",
            lambda rows: rows[1].__setitem__(3, "yes"),
            "users.csv:2: enabledUser: expected true or false, got 'yes'",
        ),
        ("users", lambda rows: rows[1].__setitem__(4, ""), "users.csv:2: username: is required"),
        (
            "users",
            lambda rows: rows[1].__setitem__(1, "active"),
            "users.csv:2: status: must be blank in a bulk file",
        ),
        (
            "enrollments",
            lambda rows: rows[1].__setitem__(3, "c9"),
            "enrollments.csv:2: classSourcedId: 'c9' is not a sourcedId of classes.csv",
        ),
        (
            "orgs",
            lambda rows: rows[1].__setitem__(6, "d9"),
            "orgs.csv:2: parentSourcedId: 'd9' is not a sourcedId of orgs.csv",
        ),
        (
            "orgs",
            lambda rows: rows[2].__setitem__(4, "campus"),
            "orgs.csv:3: type: 'campus' is not one of department",
        ),
        (
            "academicSessions",
            lambda rows: rows[1].__setitem__(5, "2025-02-30"),
            "academicSessions.csv:2: startDate: '2025-02-30' is not a calendar date",
        ),
        (
            "classes",
            lambda rows: rows[1].__setitem__(10, "t1,t9"),
            "classes.csv:2: termSourcedIds: 't9' is not a sourcedId of academicSessions.csv",
        ),
        (
            "orgs",
            lambda rows: rows.append(list(rows[1])),
            "orgs.csv:4: sourcedId: 'd1' appears more than once in the file",
        ),
        (
            "orgs",
            lambda rows: rows[0].__setitem__(slice(3, 5), ["type", "name"]),
            "orgs.csv:1: the columns are out of order",
        ),
        (
            "scoreScales",
            lambda rows: rows[1].__setitem__(5, ""),
            "scoreScales.csv:2: orgSourcedId: is required",
        ),
        (
            "results",
            lambda rows: rows[1].__setitem__(5, "graded"),
            "results.csv:2: scoreStatus: 'graded' is not one of",
        ),
        ("categories", lambda rows: rows[1].pop(), "categories.csv:2: has 4 cells; the header has 5"),
    ],
)
def test_each_rule_names_file_line_and_column(bundle: Path, file: str, edit: Any, expected: str) -> None:
    _rewrite(bundle / f"{file}.csv", edit)
    problems = _problems(bundle)
    assert any(problem.startswith(expected) for problem in problems), problems
    assert not validate_bundle(bundle).ok


def test_extension_terms_are_accepted_where_the_binding_allows_them(bundle: Path) -> None:
    _rewrite(bundle / "orgs.csv", lambda rows: rows[2].__setitem__(4, "ext:campus"))
    _rewrite(bundle / "roles.csv", lambda rows: rows[1].__setitem__(4, "ext:lead"))
    problems = _problems(bundle)
    assert any(
        p.startswith("roles.csv:2: roleType: 'ext:lead' is not one of primary, secondary") for p in problems
    )
    assert not any(p.startswith("orgs.csv") for p in problems)


def test_the_manifest_must_agree_with_the_files(bundle: Path) -> None:
    text = (bundle / "manifest.csv").read_text()
    (bundle / "manifest.csv").write_text(
        text.replace("file.categories,bulk", "file.categories,absent").replace(
            "file.resources,absent", "file.resources,bulk"
        )
    )
    problems = _problems(bundle)
    assert "categories.csv: present but the manifest says absent (it is ignored)" in problems
    assert "resources.csv: the manifest says bulk but the file is missing" in problems


def test_a_missing_manifest_is_one_clear_error(bundle: Path) -> None:
    (bundle / "manifest.csv").unlink()
    assert _problems(bundle) == ["manifest.csv: missing: every bundle needs a manifest.csv"]
    with pytest.raises(BundleError, match=r"manifest\.csv: missing"):
        list(read_bundle(bundle))


def test_a_delta_file_needs_status_and_date(bundle: Path) -> None:
    text = (bundle / "manifest.csv").read_text()
    (bundle / "manifest.csv").write_text(text.replace("file.categories,bulk", "file.categories,delta"))
    _rewrite(bundle / "categories.csv", lambda rows: rows[1].__setitem__(1, "tobedeleted"))
    problems = _problems(bundle)
    assert "categories.csv:2: dateLastModified: is required in a delta file" in problems
    assert not any(p.startswith("categories.csv:2: status") for p in problems)


def test_problems_can_be_capped(bundle: Path) -> None:
    _rewrite(
        bundle / "enrollments.csv",
        lambda rows: rows.extend(
            [[f"e{n}", "", "", "cX", "s1", "u1", "student", "", "", ""] for n in range(30)]
        ),
    )
    result = validate_bundle(bundle, max_problems=5)
    assert len([p for p in result.problems if p.line is not None]) == 5
    assert not result.ok


def test_not_a_bundle(tmp_path: Path) -> None:
    (tmp_path / "x.zip").write_bytes(b"not a zip")
    assert _problems(tmp_path / "x.zip") == [f"{tmp_path / 'x.zip'}: neither a directory nor a zip file"]
    assert not validate_bundle(tmp_path / "nope").ok


def test_bom_and_lf_line_ends_are_read(bundle: Path) -> None:
    text = (bundle / "orgs.csv").read_text(encoding="utf-8").replace("\r\n", "\n")
    (bundle / "orgs.csv").write_bytes(b"\xef\xbb\xbf" + text.encode())
    assert validate_bundle(bundle).ok
    assert [o.name for o in read_bundle(bundle, files=["orgs"])] == ["District", "North, High"]


def test_written_rows_parse_back_as_rfc4180(bundle: Path) -> None:
    raw = (bundle / "orgs.csv").read_bytes().decode("utf-8")
    assert '"North, High"' in raw and raw.endswith("\r\n")
    assert list(csv.reader(io.StringIO(raw)))[2][3] == "North, High"
