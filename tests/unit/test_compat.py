"""``oneroster.compat``: the 0.0.x-style connectors, against a small fake OneRoster provider."""

from __future__ import annotations

import logging
import re
import types
import warnings
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from oneroster import APIError, NotFound, ServerError, TransportError, ValidationError, compat
from oneroster.compat import (
    DEFAULT_MATCH_GROUPS_BY,
    ClasslinkConnector,
    CleverConnector,
    OneRosterConnector,
)

import oneroster_client.models as models

BASE = "https://sis.example"
TOKEN_URL = BASE + "/oauth/token"
ROOTS = {"1.1": "/ims/oneroster/v1p1", "1.2": "/ims/oneroster/rostering/v1p2"}
STAMP = "2019-03-01T18:14:45.000Z"

# -- the fake provider's data ---------------------------------------------------------------

SCHOOLS: list[dict[str, Any]] = [
    {"sourcedId": "1", "name": "Classlink HS", "type": "school", "identifier": "HS"},
    {"sourcedId": "7", "name": "Middle School", "type": "school", "identifier": "MS"},
]
COURSES: list[dict[str, Any]] = [
    {"sourcedId": "k-ela", "title": "ELA 6", "courseCode": "ELA6", "org": "7"},
    {"sourcedId": "k-alg", "title": "Algebra", "courseCode": "ALG", "org": "1"},
]
# Two sections share a title (the 0.0.x README's "ELA 6 (6A ELA)" case); one id needs encoding.
CLASSES: list[dict[str, Any]] = [
    {"sourcedId": "31763", "title": "ELA 6 (6A ELA)", "classCode": "6A", "location": "302",
     "course": "k-ela", "school": "7"},
    {"sourcedId": "31764", "title": "ELA 6 (6A ELA)", "classCode": "6B", "location": "301",
     "course": "k-ela", "school": "7"},
    {"sourcedId": "a/b c", "title": "Algebra 1", "classCode": "A1", "location": "302",
     "course": "k-alg", "school": "1"},
]  # fmt: skip
ROSTER: dict[str, tuple[list[str], list[str]]] = {
    "31763": (["s1", "s2", "s3"], ["t1"]),
    "31764": (["s3", "s4", "s5"], ["t1", "t2"]),
    "a/b c": (["s6", "s1"], ["t3"]),
}
PEOPLE: dict[str, str] = {
    **{f"s{i}": "student" for i in range(1, 7)},
    **{f"t{i}": "teacher" for i in range(1, 4)},
    "a1": "administrator",
}
HOME_SCHOOL = {"s6": "1", "t3": "1", "a1": "7"}

_CLAUSE = r"([A-Za-z0-9_.:\-]+)='((?:[^']|'')*)'"
_FILTER = re.compile(rf"^{_CLAUSE}(?: OR {_CLAUSE})?$")


def _ref(sourced_id: str, kind: str) -> dict[str, str]:
    return {"href": f"{BASE}/{kind}s/{sourced_id}", "sourcedId": sourced_id, "type": kind}


def _lookup(record: Mapping[str, Any], dotted: str) -> object:
    value: object = record
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, Mapping) else None
    return value


class FakeProvider:
    """A MockTransport handler serving one OneRoster root over the data above.

    It honours ``limit``/``offset`` (sending ``X-Total-Count``), answers the token endpoint,
    accepts filters of at most two clauses joined by ``OR`` (the spec's baseline) and
    answers 400 to anything else, as a strict server would.
    """

    def __init__(
        self,
        version: str = "1.1",
        *,
        ignore_filter: bool = False,
        extra_key_first: bool = False,
        fail: Mapping[str, int] | None = None,
        flaky: Mapping[str, list[int]] | None = None,
        raise_on: str | None = None,
    ) -> None:
        self.version = version
        self.root = ROOTS[version]
        self.ignore_filter = ignore_filter
        self.extra_key_first = extra_key_first
        self.fail = dict(fail or {})
        self.flaky = {path: list(statuses) for path, statuses in (flaky or {}).items()}
        self.raise_on = raise_on
        self.requests: list[httpx.Request] = []
        self.matched_values: list[str] = []

    # -- what the provider sends -------------------------------------------------------

    def user(self, sourced_id: str) -> dict[str, Any]:
        """The JSON of one user exactly as this provider sends it."""
        role = PEOPLE[sourced_id]
        school = HOME_SCHOOL.get(sourced_id) or next(
            c["school"]
            for c in CLASSES
            if sourced_id in ROSTER[c["sourcedId"]][0] + ROSTER[c["sourcedId"]][1]
        )
        record: dict[str, Any] = {
            "sourcedId": sourced_id,
            "status": "active",
            "dateLastModified": STAMP,
            "username": f"user.{sourced_id}",
            "givenName": f"Given {sourced_id}",
            "familyName": "O'Brien" if sourced_id == "s2" else f"Family {sourced_id}",
            "email": "",
            "grades": ["11"] if role == "student" else [],
            "userIds": [{"type": "FED", "identifier": sourced_id}],
        }
        if self.version == "1.1":
            record.update(role=role, enabledUser="true", orgs=[_ref(school, "org")])
        else:
            record.update(
                enabledUser=True, roles=[{"roleType": "primary", "role": role, "org": _ref(school, "org")}]
            )
        return record

    def _class(self, record: dict[str, Any]) -> dict[str, Any]:
        out = {k: v for k, v in record.items() if k not in {"course", "school"}}
        out.update(
            status="active", course=_ref(record["course"], "course"), school=_ref(record["school"], "org")
        )
        return out

    def _course(self, record: dict[str, Any]) -> dict[str, Any]:
        return {**{k: v for k, v in record.items() if k != "org"}, "org": _ref(record["org"], "org")}

    def _school_members(self, school_id: str, index: int) -> list[str]:
        ids: list[str] = []
        for klass in CLASSES:
            if klass["school"] == school_id:
                ids += [i for i in ROSTER[klass["sourcedId"]][index] if i not in ids]
        return ids

    # -- serving ------------------------------------------------------------------------

    @property
    def api_requests(self) -> list[httpx.Request]:
        return [r for r in self.requests if r.url.path != "/oauth/token"]

    @property
    def token_requests(self) -> list[httpx.Request]:
        return [r for r in self.requests if r.url.path == "/oauth/token"]

    @property
    def filters(self) -> list[str]:
        return [r.url.params["filter"] for r in self.api_requests if "filter" in r.url.params]

    def paths(self) -> list[str]:
        """Decoded paths below the root, without the query, in request order."""
        return [self._segments(r) for r in self.api_requests]

    def _segments(self, request: httpx.Request) -> str:
        return "/".join(self._parts(request))

    def _parts(self, request: httpx.Request) -> list[str]:
        """Path segments below the root, each percent-decoded on its own (``a%2Fb`` is one id)."""
        raw = request.url.raw_path.split(b"?", 1)[0].decode("ascii")
        return [unquote(part) for part in raw[len(self.root) + 1 :].split("/")]

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        if request.url.path == "/oauth/token":
            assert request.method == "POST"
            return httpx.Response(
                200, json={"access_token": "tok-1", "token_type": "Bearer", "expires_in": 3600}
            )
        raw_path = request.url.raw_path.split(b"?", 1)[0].decode("ascii")
        if not raw_path.startswith(self.root + "/"):
            return self._error(404, "unknownobject", "no such root")
        path = self._segments(request)
        if self.raise_on is not None and path == self.raise_on:
            raise httpx.ConnectError("connection refused", request=request)
        if self.flaky.get(path):
            return httpx.Response(self.flaky[path].pop(0), headers={"Retry-After": "0"})
        if path in self.fail:
            return self._error(self.fail[path], "internal_server_error", "the SIS fell over")
        key, records = self._route(self._parts(request))
        if records is None:
            return self._error(404, "unknownobject", f"nothing at {path}")
        params = request.url.params
        if "filter" in params:
            try:
                records = self._filtered(records, params["filter"])
            except ValueError as exc:
                return self._error(400, "invalid_filter_field", str(exc))
        offset, limit = int(params.get("offset", "0")), int(params.get("limit", "100"))
        body: dict[str, Any] = {"warnings": [{"note": "ignore me"}]} if self.extra_key_first else {}
        body[key] = records[offset : offset + limit]
        return httpx.Response(200, json=body, headers={"X-Total-Count": str(len(records))})

    def _error(self, status: int, code_minor: str, text: str) -> httpx.Response:
        body = {
            "imsx_codeMajor": "failure",
            "imsx_severity": "error",
            "imsx_description": text,
            "imsx_CodeMinor": {"imsx_codeMinorField": [{"imsx_codeMinorFieldName": "TargetEndSystem",
                                                         "imsx_codeMinorFieldValue": code_minor}]},
        }  # fmt: skip
        return httpx.Response(status, json=body)

    def _route(self, parts: list[str]) -> tuple[str, list[dict[str, Any]] | None]:
        users = {"users": list(PEOPLE), "students": [], "teachers": []}
        users["students"] = [i for i, role in PEOPLE.items() if role == "student"]
        users["teachers"] = [i for i, role in PEOPLE.items() if role == "teacher"]
        index = {"students": 0, "teachers": 1}
        match parts:
            case [("users" | "students" | "teachers") as kind]:
                return "users", [self.user(i) for i in users[kind]]
            case ["classes"]:
                return "classes", [self._class(c) for c in CLASSES]
            case ["courses"]:
                return "courses", [self._course(c) for c in COURSES]
            case ["schools"] | ["orgs"]:
                return "orgs", [dict(s, status="active") for s in SCHOOLS]
            case ["classes", class_id, ("students" | "teachers") as kind] if class_id in ROSTER:
                return "users", [self.user(i) for i in ROSTER[class_id][index[kind]]]
            case ["schools", school_id, ("students" | "teachers") as kind] if school_id in {"1", "7"}:
                return "users", [self.user(i) for i in self._school_members(school_id, index[kind])]
            case ["courses", course_id, "classes"] if any(c["sourcedId"] == course_id for c in COURSES):
                return "classes", [self._class(c) for c in CLASSES if c["course"] == course_id]
        return "", None

    def _filtered(self, records: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
        match = _FILTER.fullmatch(text)
        if match is None:
            raise ValueError(f"unsupported filter {text!r}: at most two clauses joined by OR")
        clauses = [(match.group(1), match.group(2))]
        if match.group(3) is not None:
            clauses.append((match.group(3), match.group(4)))
        known = set().union(*(r.keys() for r in records)) if records else set()
        wanted: list[tuple[str, str]] = []
        for field, quoted in clauses:
            if field.split(".")[0] not in known:
                raise ValueError(f"unknown filter field {field!r}")
            value = quoted.replace("''", "'")
            self.matched_values.append(value)
            wanted.append((field, value))
        if self.ignore_filter:
            return records
        return [r for r in records if any(_lookup(r, f) == v for f, v in wanted)]


Connect = Callable[..., OneRosterConnector]


@pytest.fixture
def connect() -> Iterator[Connect]:
    """Build a connector over a FakeProvider (page size 2, so collections take several pages)."""
    made: list[OneRosterConnector] = []

    def factory(
        provider: FakeProvider, cls: type[OneRosterConnector] = ClasslinkConnector, **kwargs: Any
    ) -> OneRosterConnector:
        kwargs.setdefault("version", provider.version)
        kwargs.setdefault("page_size", 2)
        kwargs.setdefault("max_retries", 0)
        if "token" not in kwargs:
            kwargs.setdefault("client_id", "client-id")
            kwargs.setdefault("client_secret", "client-secret-Xq7")
        connector = cls(BASE, http_client=httpx.Client(transport=httpx.MockTransport(provider)), **kwargs)
        made.append(connector)
        return connector

    yield factory
    for connector in made:
        connector.close()


def ids(users: list[dict[str, Any]]) -> list[str]:
    return [u["sourcedId"] for u in users]


# -- each user_filter x group_filter, on both roots --------------------------------------

ELA_STUDENTS = ["s1", "s2", "s3", "s4", "s5"]
ELA_TEACHERS = ["t1", "t2"]
ELA_USERS = ["s1", "s2", "s3", "t1", "s4", "s5", "t2"]  # per section: its students, then its teachers


@pytest.mark.parametrize("version", ["1.1", "1.2"])
@pytest.mark.parametrize(
    ("group_filter", "group_name", "user_filter", "expected", "paths"),
    [
        ("classes", "ELA 6 (6A ELA)", "students", ELA_STUDENTS,
         ["classes", "classes/31763/students", "classes/31763/students", "classes/31764/students",
          "classes/31764/students"]),
        ("classes", "ELA 6 (6A ELA)", "teachers", ELA_TEACHERS,
         ["classes", "classes/31763/teachers", "classes/31764/teachers"]),
        ("classes", "ELA 6 (6A ELA)", "users", ELA_USERS,
         ["classes", "classes/31763/students", "classes/31763/students", "classes/31763/teachers",
          "classes/31764/students", "classes/31764/students", "classes/31764/teachers"]),
        ("courses", "ELA 6", "students", ELA_STUDENTS,
         ["courses", "courses/k-ela/classes", "classes/31763/students", "classes/31763/students",
          "classes/31764/students", "classes/31764/students"]),
        ("courses", "ELA 6", "teachers", ELA_TEACHERS,
         ["courses", "courses/k-ela/classes", "classes/31763/teachers", "classes/31764/teachers"]),
        ("courses", "k-ela", "users", ELA_USERS, None),
        ("schools", "Middle School", "students", ELA_STUDENTS,
         ["schools", "schools/7/students", "schools/7/students", "schools/7/students"]),
        ("schools", "7", "teachers", ELA_TEACHERS, ["schools", "schools/7/teachers"]),
        ("schools", "Middle School", "users", ELA_STUDENTS + ELA_TEACHERS, None),
    ],
)  # fmt: skip
def test_each_user_filter_and_group_filter(
    connect: Connect,
    version: str,
    group_filter: str,
    group_name: str,
    user_filter: str,
    expected: list[str],
    paths: list[str] | None,
) -> None:
    provider = FakeProvider(version)
    users = connect(provider).get_users(
        user_filter=user_filter, group_filter=group_filter, group_name=group_name
    )
    assert ids(users) == expected
    assert all(r.url.path.startswith(ROOTS[version] + "/") for r in provider.api_requests)
    if paths is not None:
        # Pages of two: a third student means a second page of the same listing.
        assert provider.paths() == paths


@pytest.mark.parametrize("version", ["1.1", "1.2"])
@pytest.mark.parametrize(
    ("user_filter", "expected"),
    [
        ("students", ["s1", "s2", "s3", "s4", "s5", "s6"]),
        ("teachers", ["t1", "t2", "t3"]),
        ("users", list(PEOPLE)),
    ],
)
def test_without_a_group_every_user_of_the_kind_is_returned(
    connect: Connect, version: str, user_filter: str, expected: list[str]
) -> None:
    provider = FakeProvider(version)
    assert ids(connect(provider).get_users(user_filter=user_filter)) == expected
    assert set(provider.paths()) == {user_filter}
    assert provider.filters == []


def test_paging_goes_beyond_the_first_page(connect: Connect) -> None:
    provider = FakeProvider()
    students = connect(provider).get_users(user_filter="students")
    assert len(students) == 6
    assert [r.url.params["offset"] for r in provider.api_requests] == ["0", "2", "4"]
    assert {r.url.params["limit"] for r in provider.api_requests} == {"2"}


def test_records_come_back_in_the_providers_json_shape(connect: Connect) -> None:
    provider = FakeProvider("1.1")
    users = connect(provider).get_users(user_filter="users")
    # A 1.1 provider already sends role and orgs; the 1.2 roles the client reads come beside them.
    assert [{k: v for k, v in u.items() if k != "roles"} for u in users] == [provider.user(i) for i in PEOPLE]
    provider = FakeProvider("1.2")
    users = connect(provider).get_users(user_filter="users")
    # A 1.2 provider's users also carry the 1.1 keys 0.0.x scripts read: role and orgs.
    expected = [provider.user(i) for i in PEOPLE]
    for user in expected:
        user.update(role=user["roles"][0]["role"], orgs=[user["roles"][0]["org"]])
    assert users == expected
    assert users[0]["dateLastModified"] == STAMP
    assert (users[0]["roles"][0]["role"], users[0]["role"]) == ("student", "student")


# -- matching groups --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("group_filter", "group_name", "expected_filter"),
    [
        ("classes", "ELA 6 (6A ELA)", "sourcedId='ELA 6 (6A ELA)' OR title='ELA 6 (6A ELA)'"),
        ("courses", "ELA 6", "sourcedId='ELA 6' OR title='ELA 6'"),
        ("schools", "Classlink HS", "sourcedId='Classlink HS' OR name='Classlink HS'"),
    ],
)
def test_groups_are_found_with_a_server_side_filter(
    connect: Connect, group_filter: str, group_name: str, expected_filter: str
) -> None:
    provider = FakeProvider()
    connect(provider).get_users(user_filter="students", group_filter=group_filter, group_name=group_name)
    # The default ("sourcedId", "name", "title") keeps only the fields this kind of group has.
    assert provider.filters[0] == expected_filter
    assert provider.paths()[0] == group_filter


def test_a_group_name_with_a_quote_is_matched_by_the_client(connect: Connect) -> None:
    # The baseline grammar has no escape for a quote: sending 'O''Brien''s' could match nothing
    # silently, so the schools are read and matched here.
    provider = FakeProvider()
    users = connect(provider).get_users(
        user_filter="students", group_filter="schools", group_name="O'Brien's"
    )
    assert provider.filters == []
    assert provider.paths()[0] == "schools"
    assert users == []


def test_more_match_fields_are_split_into_baseline_filters_of_two_clauses(connect: Connect) -> None:
    provider = FakeProvider()
    users = connect(provider).get_users(
        user_filter="teachers",
        group_filter="classes",
        group_name="302",
        match_groups_by=["sourcedId", "title", "location", "classCode", "name"],
    )
    assert provider.filters == [
        "sourcedId='302' OR title='302'",
        "location='302' OR classCode='302'",
    ]
    assert ids(users) == ["t1", "t3"]


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"group_name": "31763"}, ["s1", "s2", "s3"]),  # sourcedId: one section
        ({"group_name": "ELA 6 (6A ELA)"}, ELA_STUDENTS),  # title: every section
        ({"group_name": "302", "match_groups_by": "location"}, ["s1", "s2", "s3", "s6"]),
        ({"group_name": "6B", "match_groups_by": ["classCode"]}, ["s3", "s4", "s5"]),
        ({"group_name": "302", "match_on": ["location"]}, ["s1", "s2", "s3", "s6"]),
    ],
)
def test_groups_match_on_several_fields(
    connect: Connect, kwargs: dict[str, Any], expected: list[str]
) -> None:
    provider = FakeProvider()
    assert (
        ids(connect(provider).get_users(user_filter="students", group_filter="classes", **kwargs)) == expected
    )


def test_match_groups_by_is_a_settable_connector_option(connect: Connect) -> None:
    provider = FakeProvider()
    connector = connect(provider, match_groups_by=["identifier"])
    assert connector.match_groups_by == ("identifier",)
    assert ids(connector.get_users(user_filter="teachers", group_filter="schools", group_name="HS")) == ["t3"]
    connector.match_groups_by = "location"
    assert connector.match_groups_by == ("location",)
    connector.get_users(user_filter="students", group_filter="classes", group_name="301")
    assert provider.filters == ["identifier='HS'", "location='301'"]
    with pytest.raises(ValidationError):
        connector.match_groups_by = ["title", "no good"]
    assert connector.match_groups_by == ("location",)
    assert OneRosterConnector.default_match_groups_by == DEFAULT_MATCH_GROUPS_BY


def test_users_are_deduplicated_by_sourced_id_in_first_seen_order(connect: Connect) -> None:
    provider = FakeProvider()
    users = connect(provider).get_users(user_filter="students", group_filter="courses", group_name="ELA 6")
    # s3 is in both sections of the course; the server sent it twice.
    sent = [i for c in ("31763", "31764") for i in ROSTER[c][0]]
    assert sent.count("s3") == 2
    assert ids(users) == ["s1", "s2", "s3", "s4", "s5"]


def test_users_of_courses_across_schools_are_deduplicated(connect: Connect) -> None:
    provider = FakeProvider()
    connector = connect(provider)
    users = connector.get_users(
        user_filter="students", group_filter="courses", group_name="ELA6", match_groups_by="courseCode"
    )
    assert ids(users) == ELA_STUDENTS
    both = connector.get_users(
        user_filter="students", group_filter="classes", group_name="302", match_groups_by="location"
    )
    assert ids(both) == ["s1", "s2", "s3", "s6"]  # s1 is in both classes of room 302


def test_no_matching_group_returns_an_empty_list_without_asking_for_users(connect: Connect) -> None:
    provider = FakeProvider()
    assert connect(provider).get_users(user_filter="users", group_filter="classes", group_name="Nope") == []
    assert provider.paths() == ["classes"]


def test_a_server_that_ignores_the_filter_does_not_widen_the_result(connect: Connect) -> None:
    provider = FakeProvider(ignore_filter=True)
    users = connect(provider).get_users(
        user_filter="teachers", group_filter="classes", group_name="Algebra 1"
    )
    assert provider.filters[0] == "sourcedId='Algebra 1' OR title='Algebra 1'"
    # Every class came back, but only the one titled "Algebra 1" was asked for its teachers.
    assert [p for p in provider.paths() if p != "classes"] == ["classes/a/b c/teachers"]
    assert ids(users) == ["t3"]


def test_group_names_are_compared_case_insensitively_like_0_0_x(connect: Connect) -> None:
    provider = FakeProvider(ignore_filter=True)
    users = connect(provider).get_users(
        user_filter="teachers", group_filter="classes", group_name="ALGEBRA 1"
    )
    assert ids(users) == ["t3"]


@settings(max_examples=60, deadline=None)
@given(group_name=st.text(max_size=30))
def test_any_group_name_is_quoted_so_the_server_reads_it_back_exactly(group_name: str) -> None:
    provider = FakeProvider()
    with ClasslinkConnector(
        BASE, "id", "secret", http_client=httpx.Client(transport=httpx.MockTransport(provider))
    ) as connector:
        bad = not group_name.strip() or any(ord(ch) < 0x20 for ch in group_name)
        if bad:
            with pytest.raises(ValidationError):
                connector.get_users(user_filter="students", group_filter="classes", group_name=group_name)
            assert provider.requests == []
            return
        connector.get_users(user_filter="students", group_filter="classes", group_name=group_name)
    quoted = group_name.replace("'", "''")
    assert provider.filters[0] == f"sourcedId='{quoted}' OR title='{quoted}'"
    assert provider.matched_values == [group_name, group_name]


# -- bad arguments: ValidationError before any request ----------------------------------


_CLASS_X: dict[str, Any] = {"user_filter": "students", "group_filter": "classes", "group_name": "x"}


@pytest.mark.parametrize(
    "kwargs",
    [
        {"user_filter": "staff"},
        {"user_filter": "classes"},
        {**_CLASS_X, "group_filter": "sections"},
        {**_CLASS_X, "group_name": None},
        {**_CLASS_X, "group_name": ""},
        {**_CLASS_X, "group_name": "   "},
        {**_CLASS_X, "group_name": 31763},
        {**_CLASS_X, "group_name": "tab\there"},
        {"user_filter": "students", "group_name": "ELA"},
        {**_CLASS_X, "match_groups_by": []},
        {**_CLASS_X, "match_groups_by": "a b"},
        {**_CLASS_X, "match_groups_by": "title='x' OR 1"},
        {**_CLASS_X, "match_groups_by": ["title", 3]},
        {**_CLASS_X, "match_groups_by": {"a": 1}},
        {**_CLASS_X, "match_groups_by": "grades"},
        {**_CLASS_X, "match_groups_by": "course"},
        {**_CLASS_X, "match_groups_by": "titel"},
        {**_CLASS_X, "group_filter": "schools", "match_groups_by": "title"},
        {**_CLASS_X, "match_groups_by": "title", "match_on": "title"},
    ],
)
def test_bad_arguments_raise_before_any_request(connect: Connect, kwargs: dict[str, Any]) -> None:
    provider = FakeProvider()
    connector = connect(provider)
    with pytest.raises(ValidationError):
        connector.get_users(**kwargs)
    assert provider.requests == []


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        (("sis.example", "id", "secret"), {}),
        ((BASE, "id", "secret"), {"version": "2.0"}),
        ((BASE + "/ims/oneroster/v1p1/", "id", "secret"), {"version": "1.2"}),
        ((BASE, "id", "secret"), {"host_name": BASE}),
        ((BASE, "id"), {}),
        ((BASE,), {"token": "tok", "client_id": "id"}),
        ((BASE, "id", "secret"), {"max_users": -1}),
        ((BASE, "id", "secret"), {"max_users": 5, "max_user_count": 6}),
        ((BASE, "id", "secret"), {"token": "a", "access_token": "b"}),
        ((BASE, "id", "secret"), {"match_groups_by": "no good"}),
        ((), {}),
    ],
)
def test_bad_constructor_arguments_raise_before_any_request(
    args: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    provider = FakeProvider()
    with pytest.raises(ValidationError):
        ClasslinkConnector(*args, http_client=httpx.Client(transport=httpx.MockTransport(provider)), **kwargs)
    assert provider.requests == []


# -- errors surface typed ---------------------------------------------------------------


def test_a_server_error_surfaces_as_server_error(connect: Connect) -> None:
    provider = FakeProvider(fail={"classes/31764/students": 500})
    with pytest.raises(ServerError) as caught:
        connect(provider).get_users(
            user_filter="students", group_filter="classes", group_name="ELA 6 (6A ELA)"
        )
    assert caught.value.status_code == 500
    assert "the SIS fell over" in str(caught.value)


def test_a_failing_group_lookup_surfaces_too(connect: Connect) -> None:
    provider = FakeProvider(fail={"schools": 503})
    with pytest.raises(ServerError) as caught:
        connect(provider).get_users(user_filter="students", group_filter="schools", group_name="7")
    assert caught.value.status_code == 503
    assert provider.paths() == ["schools"]


def test_a_filter_the_server_rejects_is_a_bad_request_not_an_empty_list(connect: Connect) -> None:
    provider = FakeProvider()
    with pytest.raises(APIError) as caught:
        connect(provider).get_users(
            user_filter="students",
            group_filter="classes",
            group_name="x",
            match_groups_by="classType",
        )
    assert caught.value.status_code == 400
    assert provider.filters == ["classType='x'"]


def test_a_wrong_root_surfaces_as_not_found(connect: Connect) -> None:
    provider = FakeProvider("1.1")
    with pytest.raises(NotFound):
        connect(provider, version="1.2").get_users(user_filter="students")
    assert provider.api_requests[0].url.path == ROOTS["1.2"] + "/students"


def test_retryable_answers_are_retried(connect: Connect) -> None:
    provider = FakeProvider(flaky={"teachers": [503]})
    teachers = connect(provider, max_retries=1).get_users(user_filter="teachers")
    assert ids(teachers) == ["t1", "t2", "t3"]
    assert provider.paths()[:2] == ["teachers", "teachers"]


# -- the 0.0.x bugs listed in PEERS.md ---------------------------------------------------


@pytest.mark.parametrize(
    ("group_filter", "group_name"),
    [("classes", "Algebra 1"), ("courses", "Algebra"), ("schools", "Classlink HS")],
)
def test_grouped_queries_work_on_this_python(connect: Connect, group_filter: str, group_name: str) -> None:
    """0.0.x: ``collections.MutableMapping`` is gone since 3.10, so every grouped query raised."""
    provider = FakeProvider()
    users = connect(provider).get_users(user_filter="users", group_filter=group_filter, group_name=group_name)
    assert ids(users) == ["s6", "s1", "t3"]


def test_the_module_compiles_without_syntax_warnings() -> None:
    """0.0.x: ``status_code is not 200`` is a SyntaxWarning (an error under ``-W error``)."""
    path = Path(compat.__file__)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        code = compile(path.read_text(encoding="utf-8"), str(path), "exec")
    assert isinstance(code, types.CodeType)


def test_network_errors_are_raised_not_swallowed(connect: Connect) -> None:
    """0.0.x: every exception became a dict, later reported as a misleading "404 No response"."""
    provider = FakeProvider(raise_on="courses/k-ela/classes")
    with pytest.raises(TransportError) as caught:
        connect(provider).get_users(user_filter="students", group_filter="courses", group_name="ELA 6")
    assert not isinstance(caught.value, APIError)
    assert "404" not in str(caught.value)


def test_ids_are_percent_encoded_in_paths(connect: Connect) -> None:
    """0.0.x: ``classes/a/b c/students`` was sent as is."""
    provider = FakeProvider()
    users = connect(provider).get_users(
        user_filter="students", group_filter="classes", group_name="Algebra 1"
    )
    assert ids(users) == ["s6", "s1"]
    raw = [r.url.raw_path.split(b"?", 1)[0] for r in provider.api_requests]
    assert raw[1] == b"/ims/oneroster/v1p1/classes/a%2Fb%20c/students"


def test_no_logger_is_reconfigured_and_secrets_stay_out_of_logs(
    connect: Connect, caplog: pytest.LogCaptureFixture
) -> None:
    """0.0.x: ``logger.setLevel(DEBUG)`` was forced on the ``classlink`` logger."""
    names = ["", "classlink", "clever", "oneroster", "oneroster.compat"]
    before = {name: logging.getLogger(name).level for name in names}
    provider = FakeProvider()
    connector = connect(provider)
    assert {name: logging.getLogger(name).level for name in names} == before
    with caplog.at_level(logging.DEBUG):
        connector.get_users(user_filter="teachers", group_filter="schools", group_name="7")
    assert caplog.records, "the client logs its requests at DEBUG"
    assert "client-secret-Xq7" not in caplog.text
    assert "tok-1" not in caplog.text


def test_the_collection_key_is_read_by_name_not_position(connect: Connect) -> None:
    """0.0.x: ``list(body.values())[0]`` took whichever key came first."""
    provider = FakeProvider(extra_key_first=True)
    users = connect(provider).get_users(user_filter="students", group_filter="schools", group_name="1")
    assert ids(users) == ["s6", "s1"]


# -- construction: versions, hosts, tokens, defaults --------------------------------------


def test_host_with_a_oneroster_root_sets_the_version() -> None:
    for url, version in [
        (BASE + "/ims/oneroster/v1p1/", "1.1"),
        (BASE + "/ims/oneroster/rostering/v1p2", "1.2"),
    ]:
        provider = FakeProvider(version)
        with CleverConnector(
            host_name=url,
            client_id="id",
            client_secret="secret",
            http_client=httpx.Client(transport=httpx.MockTransport(provider)),
        ) as connector:
            assert (connector.host, connector.version) == (BASE, version)
            assert ids(connector.get_users(user_filter="teachers")) == ["t1", "t2", "t3"]
        assert [r.url.path for r in provider.token_requests] == ["/oauth/token"]
        assert provider.api_requests[0].url.path == ROOTS[version] + "/teachers"


def test_connectors_are_the_shim_under_the_0_0_x_names() -> None:
    for cls in (ClasslinkConnector, CleverConnector):
        assert cls.__bases__ == (OneRosterConnector,)
        own = {name for name in vars(cls) if not (name.startswith("__") and name.endswith("__"))}
        assert own == set()
        provider = FakeProvider("1.2")
        with cls(
            BASE, "id", "secret", http_client=httpx.Client(transport=httpx.MockTransport(provider))
        ) as c:
            assert c.version is None  # not said: asked of the provider on first use
            c.get_users(user_filter="students")
            assert c.version == "1.2"
        assert repr(c) == f"{cls.__name__}(host={BASE!r}, version='1.2')"


def test_client_credentials_go_to_the_derived_or_given_token_url(connect: Connect) -> None:
    provider = FakeProvider()
    connect(provider).get_users(user_filter="teachers")
    token = provider.token_requests
    assert [str(r.url) for r in token] == [TOKEN_URL]
    assert parse_qs(token[0].content.decode())["grant_type"] == ["client_credentials"]
    assert all(r.headers["Authorization"] == "Bearer tok-1" for r in provider.api_requests)

    other = FakeProvider()
    connect(other, token_url=BASE + "/oauth/token?tenant=9").get_users(user_filter="teachers")
    assert [str(r.url) for r in other.token_requests] == [BASE + "/oauth/token?tenant=9"]


def test_a_static_token_needs_no_token_request(connect: Connect) -> None:
    provider = FakeProvider("1.2")
    connect(provider, cls=CleverConnector, token="tok-static").get_users(user_filter="teachers")
    assert provider.token_requests == []
    assert {r.headers["Authorization"] for r in provider.api_requests} == {"Bearer tok-static"}


def test_context_manager_and_close(monkeypatch: pytest.MonkeyPatch) -> None:
    provider = FakeProvider()
    connector = ClasslinkConnector(
        BASE, "id", "secret", version="1.1", http_client=httpx.Client(transport=httpx.MockTransport(provider))
    )
    calls: list[str] = []
    original = connector.client.close
    monkeypatch.setattr(connector.client, "close", lambda: (calls.append("close"), original())[1])
    with connector as entered:
        assert entered is connector
    connector.close()
    assert calls == ["close", "close"]
    assert provider.requests == []


def test_the_client_underneath_is_the_full_api(connect: Connect) -> None:
    provider = FakeProvider()
    connector = connect(provider)
    titles = [c.title for c in connector.client.classes.stream(where={"location": "302"})]
    assert titles == ["ELA 6 (6A ELA)", "Algebra 1"]
    assert provider.filters[0] == "location='302'"


# -- 0.0.x scripts unchanged: the provider's version, old arguments, 1.1 keys -------------------------


@pytest.mark.parametrize("version", ["1.2", "1.1"])
def test_the_version_is_asked_of_the_provider(version: str) -> None:
    provider = FakeProvider(version)
    with ClasslinkConnector(
        BASE, "id", "secret", http_client=httpx.Client(transport=httpx.MockTransport(provider))
    ) as connector:
        assert provider.requests == []  # building a connector sends nothing
        assert ids(connector.get_users(user_filter="teachers")) == ["t1", "t2", "t3"]
        assert connector.version == version
        connector.get_users(user_filter="teachers")
    probes = ["/ims/oneroster/rostering/v1p2/orgs"] + (
        ["/ims/oneroster/v1p1/orgs"] if version == "1.1" else []
    )
    assert [r.url.path for r in provider.api_requests][: len(probes)] == probes
    assert provider.api_requests[0].url.params["limit"] == "1"
    # Asked once: afterwards only the teachers, twice.
    assert [r.url.path for r in provider.api_requests][len(probes) :] == [ROOTS[version] + "/teachers"] * 2


def test_a_host_with_neither_root_names_the_version_argument() -> None:
    provider = FakeProvider("1.1")
    provider.root = "/somewhere/else"
    with (
        ClasslinkConnector(
            BASE, "id", "secret", http_client=httpx.Client(transport=httpx.MockTransport(provider))
        ) as connector,
        pytest.raises(ValidationError) as caught,
    ):
        connector.get_users(user_filter="students")
    assert caught.value.field == "version" and "version='1.1'" in str(caught.value)


def test_a_refused_probe_is_raised_not_taken_for_an_answer() -> None:
    provider = FakeProvider("1.2", fail={"orgs": 500})
    with ClasslinkConnector(
        BASE, "id", "secret", max_retries=0, http_client=httpx.Client(transport=httpx.MockTransport(provider))
    ) as connector:
        with pytest.raises(ServerError):
            connector.get_users(user_filter="students")
        assert connector.version is None


def test_max_users_caps_the_result_and_stops_paging(connect: Connect) -> None:
    provider = FakeProvider()
    users = connect(provider, max_users=3).get_users(user_filter="students")
    assert ids(users) == ["s1", "s2", "s3"]
    assert provider.paths() == ["students", "students"]  # pages of 2: the third page is never asked for
    for spelling in ("max_user_count", "max_user_limit"):
        assert ids(connect(FakeProvider(), **{spelling: 1}).get_users(user_filter="teachers")) == ["t1"]
    assert len(connect(FakeProvider(), max_users=0).get_users(user_filter="students")) == 6


def test_old_options_are_accepted_and_the_ignored_ones_named(connect: Connect) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        connector = connect(FakeProvider(), key_identifier="sourcedId", match_on="title", page_size=0)
    assert caught == []  # sourcedId is what the connector does; page_size 0 meant "the server's"
    assert connector.match_groups_by == ("title",)
    with pytest.warns(compat.LegacyArgumentWarning) as caught:
        connect(FakeProvider(), key_identifier="id", all_users_filter="users")
    messages = [str(w.message) for w in caught]
    assert messages[0].startswith("key_identifier='id' is a oneroster 0.0.x option that is ignored")
    assert messages[1].startswith("all_users_filter='users' is a oneroster 0.0.x option that is ignored")
    assert all(w.filename == __file__ for w in caught)  # blamed on the caller's line


def test_the_0_0_x_options_dict_and_access_token() -> None:
    provider = FakeProvider("1.2")
    options = {
        "platform": "clever",
        "host": BASE,
        "access_token": "tok-old",
        "page_size": 3000,
        "max_user_count": 2,
        "match_on": "name",
        "key_identifier": "sourcedId",
    }
    with pytest.warns(compat.LegacyArgumentWarning, match="platform='clever'"):
        connector = CleverConnector(
            options, http_client=httpx.Client(transport=httpx.MockTransport(provider))
        )
    with connector:
        assert ids(connector.get_users(user_filter="students")) == ["s1", "s2"]
        assert connector.match_groups_by == ("name",)
    assert provider.token_requests == []
    assert {r.headers["Authorization"] for r in provider.api_requests} == {"Bearer tok-old"}
    assert provider.api_requests[-1].url.params["limit"] == "3000"


def test_1p2_roles_read_as_1p1_role_and_orgs() -> None:
    org = {"href": "/orgs/o", "sourcedId": "o", "type": "org"}
    other = {"href": "/orgs/p", "sourcedId": "p", "type": "org"}
    user = models.User.from_dict(
        {
            "sourcedId": "u",
            "roles": [
                {"roleType": "secondary", "role": "teacher", "org": other},
                {"roleType": "primary", "role": "districtAdministrator", "org": org},
                {"roleType": "secondary", "role": "teacher", "org": org},
            ],
        }
    )
    data = compat._user_dict(user)
    assert data["role"] == "administrator"  # 1.1 had one administrator role
    assert data["orgs"] == [org, other]  # primary first, each org once
    bare = compat._user_dict(models.User.from_dict({"sourcedId": "v", "primaryOrg": org}))
    assert "role" not in bare and bare["orgs"] == [org]


def test_the_connectors_are_importable_from_the_top_level() -> None:
    import oneroster

    assert oneroster.ClasslinkConnector is ClasslinkConnector
    assert oneroster.CleverConnector is CleverConnector
