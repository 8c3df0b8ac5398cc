"""The planner against a scripted provider: which requests each dialect gets, and what comes back.

The provider below honours exactly what its dialect can take (anything else is a 400, a nested
route it lacks is a plain 404), so a plan that sends too much fails here, and the records a plan
returns are compared with what the question means.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from oneroster import NotFound, OneRoster, Profile, RetryPolicy, UnsupportedOperation
from oneroster.dialects import BASELINE, EDFI, FULL, TIMEBACK, Dialect
from oneroster.filter_grammar import FilterError, parse_filter
from oneroster.matching import matches, project, sort_records
from oneroster.planner import UnsupportedQuery, normalise
from oneroster.profiles import PROFILES

ROSTER = "/ims/oneroster/rostering/v1p2"


def _user(n: int, family: str, roles: list[str], status: str = "active") -> dict[str, Any]:
    return {
        "sourcedId": f"u{n}",
        "status": status,
        "givenName": f"G{n}",
        "familyName": family,
        "roles": [{"roleType": "primary", "role": r, "org": {"sourcedId": "s1"}} for r in roles],
    }


USERS = [
    _user(1, "Garcia", ["student"]),
    _user(2, "Smith", ["student"]),
    _user(3, "O'Neill", ["student"], status="tobedeleted"),
    _user(4, "Smith", ["teacher"]),
    _user(5, "Lee", ["districtAdministrator"]),
    _user(6, "Garcia", ["siteAdministrator", "teacher"]),
    _user(7, "O'Neill", ["guardian"]),
]
CLASSES = [{"sourcedId": "c1", "title": "Math", "school": {"sourcedId": "s1"}, "course": None}]
ENROLLMENTS = [
    {"sourcedId": "e1", "user": {"sourcedId": "u1"}, "class": {"sourcedId": "c1"}, "role": "student"},
    {"sourcedId": "e2", "user": {"sourcedId": "u2"}, "class": {"sourcedId": "c1"}, "role": "student"},
    {"sourcedId": "e3", "user": {"sourcedId": "u4"}, "class": {"sourcedId": "c1"}, "role": "teacher"},
    {"sourcedId": "e4", "user": {"sourcedId": "u3"}, "class": {"sourcedId": "c2"}, "role": "student"},
]


def _is_role(user: dict[str, Any], role: str) -> bool:
    return any(r["role"] == role for r in user["roles"])


class Provider:
    """Answer like a provider of ``dialect``: 400 for what it cannot take, plain 404 for missing routes."""

    def __init__(
        self, dialect: Dialect, *, nested: bool = True, quirks: dict[str, Any] | None = None
    ) -> None:
        self.dialect = dialect
        self.nested = nested
        self.quirks = quirks or {}
        self.requests: list[httpx.Request] = []

    @property
    def paths(self) -> list[str]:
        return [r.url.path.removeprefix(ROSTER) for r in self.requests]

    @property
    def filters(self) -> list[str | None]:
        return [r.url.params.get("filter") for r in self.requests]

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        parts = request.url.path.removeprefix(ROSTER).strip("/").split("/")
        collections: dict[str, tuple[str, list[dict[str, Any]]]] = {
            "users": ("users", USERS),
            "students": ("users", [u for u in USERS if _is_role(u, "student")]),
            "teachers": ("users", [u for u in USERS if _is_role(u, "teacher")]),
            "classes": ("classes", CLASSES),
            "enrollments": ("enrollments", ENROLLMENTS),
        }
        if len(parts) == 1 and parts[0] in collections:
            key, records = collections[parts[0]]
            return self._page(request, key, records)
        if len(parts) == 2 and parts[0] in collections:
            key, records = collections[parts[0]]
            single = {"users": "user", "classes": "class", "enrollments": "enrollment"}[key]
            found = [r for r in records if r["sourcedId"] == parts[1]]
            if not found:
                return httpx.Response(404, json={"imsx_codeMajor": "failure", "imsx_description": "unknown"})
            record = found[0]
            fields = request.url.params.get("fields")
            if fields and self.dialect.fields_on_get:
                record = project(record, fields.split(","))
            return httpx.Response(200, json={self.quirks.get("single_key", single): record})
        if parts[:1] == ["classes"] and len(parts) == 3 and parts[2] == "students" and self.nested:
            if parts[1] not in {c["sourcedId"] for c in CLASSES}:
                return httpx.Response(404, json={"imsx_codeMajor": "failure", "imsx_description": "no class"})
            ids = {e["user"]["sourcedId"] for e in ENROLLMENTS if e["class"]["sourcedId"] == parts[1]}
            return self._page(
                request, "users", [u for u in USERS if u["sourcedId"] in ids and _is_role(u, "student")]
            )
        # An unknown route, as a web framework answers it: no imsx body.
        return httpx.Response(404, text="Cannot GET " + request.url.path)

    def _page(self, request: httpx.Request, key: str, records: list[dict[str, Any]]) -> httpx.Response:
        params = request.url.params
        if "filter" in params:
            try:
                condition = parse_filter(params["filter"], dialect=self.dialect)
            except FilterError as exc:
                return httpx.Response(400, json={"imsx_codeMajor": "failure", "imsx_description": str(exc)})
            if key == "users" and "role" in self.dialect.extra_fields("User"):
                # TimeBack's role field on users means "any of the user's roles".
                condition = normalise(condition, schema="User", dialect=self.dialect)
            records = [r for r in records if matches(r, condition)]
        if "sort" in params:
            records = sort_records(
                list(records), field=params["sort"], descending=params.get("orderBy") == "desc"
            )
        offset, limit = int(params.get("offset", "0")), int(params.get("limit", "100"))
        page = records[offset : offset + limit]
        if "fields" in params:
            page = [project(r, params["fields"].split(",")) for r in page]
        return httpx.Response(200, json={key: page}, headers={"X-Total-Count": str(len(records))})


def _client(provider: Provider, dialect: Dialect, **kwargs: Any) -> OneRoster:
    profile = dataclasses.replace(PROFILES["ims"], name=f"ims-{dialect.name}", dialect=dialect)
    return OneRoster(
        base_url="https://sis.example",
        token="t",
        profile=profile,
        http_client=httpx.Client(transport=httpx.MockTransport(provider)),
        retry_policy=RetryPolicy(max_retries=0, sleep=lambda s: None),
        page_size=2,
        **kwargs,
    )


@pytest.fixture
def connect() -> Iterator[Callable[..., tuple[OneRoster, Provider]]]:
    made: list[OneRoster] = []

    def factory(dialect: Dialect, **kwargs: Any) -> tuple[OneRoster, Provider]:
        provider = Provider(dialect, nested=kwargs.pop("nested", True), quirks=kwargs.pop("quirks", None))
        client = _client(provider, dialect, **kwargs)
        made.append(client)
        return client, provider

    yield factory
    for client in made:
        client.close()


def ids(records: list[Any]) -> list[str]:
    return [r.sourced_id for r in records]


# -- splitting a filter -----------------------------------------------------------------------


def test_an_or_of_values_under_an_and_is_one_request_per_value_on_the_baseline(connect: Any) -> None:
    client, provider = connect(BASELINE)
    got = client.users.list_all(where={"status": "active", "familyName": ["Garcia", "Smith"]})
    assert sorted(ids(got)) == ["u1", "u2", "u4", "u6"]
    assert sorted(f for f in provider.filters if f) == [
        "status='active' AND familyName='Garcia'",
        "status='active' AND familyName='Smith'",
    ]


def test_a_provider_taking_parentheses_gets_one_request(connect: Any) -> None:
    client, provider = connect(FULL)
    got = client.users.list_all(where={"status": "active", "familyName": ["Garcia", "Smith"]})
    assert sorted(ids(got)) == ["u1", "u2", "u4", "u6"]
    assert set(provider.filters) == {"status='active' AND (familyName='Garcia' OR familyName='Smith')"}


def test_a_quote_is_never_sent_to_a_provider_without_the_escape(connect: Any) -> None:
    client, provider = connect(EDFI, nested=False)
    got = client.users.list_all(where={"familyName": "O'Neill", "status": "active"})
    assert ids(got) == ["u7"]
    assert all("O'" not in (f or "") for f in provider.filters)
    assert "status='active'" in provider.filters


def test_role_is_sent_the_way_each_provider_takes_it(connect: Any) -> None:
    client, provider = connect(TIMEBACK)
    assert sorted(ids(client.users.list_all(where={"role": "teacher"}))) == ["u4", "u6"]
    assert provider.filters[0] == "role='teacher'"
    client, provider = connect(FULL.replace(filter_fields={}))
    assert sorted(ids(client.users.list_all(where={"role": "teacher"}))) == ["u4", "u6"]
    assert provider.filters[0] == "roles.role='teacher'"
    client, provider = connect(BASELINE)
    assert sorted(ids(client.users.list_all(where={"role": "teacher", "status": "active"}))) == ["u4", "u6"]
    assert provider.paths[0] == "/teachers" and provider.filters[0] == "status='active'"


def test_a_one_one_role_name_means_its_one_two_roles(connect: Any) -> None:
    client, _ = connect(BASELINE)
    admins = client.users.list_all(where={"role": "administrator"})
    assert sorted(ids(admins)) == ["u5", "u6"]
    assert client.users.first(where={"role": "administrator"}) is not None
    legacy = BASELINE.replace(name="legacy", legacy_roles=True)
    plan = connect(legacy)[0].users.explain(where={"role": "administrator"})
    assert "administrator" in str(plan) and "districtAdministrator" not in str(plan)


def test_limit_and_offset_count_records_of_a_merged_answer(connect: Any) -> None:
    client, _ = connect(BASELINE)
    where = {"familyName": ["Garcia", "Smith", "Lee"], "status": "active"}
    everything = ids(client.users.list_all(where=where, sort="sourcedId"))
    assert everything == ["u1", "u2", "u4", "u5", "u6"]
    page = client.users.list(where=where, sort="sourcedId", limit=2, offset=1)
    assert ids(page.data) == ["u2", "u4"]
    assert (page.has_more, page.next_offset, page.total) == (True, 3, None)
    last = client.users.list(where=where, sort="sourcedId", limit=2, offset=4)
    assert ids(last.data) == ["u6"] and (last.has_more, last.next_offset, last.total) == (False, None, 5)
    assert ids(client.users.stream(where=where, sort="sourcedId", start_offset=3)) == ["u5", "u6"]
    assert ids(client.users.stream(where=where, sort="sourcedId", order_by="desc", max_items=2)) == [
        "u6",
        "u5",
    ]


def test_search_on_a_provider_without_it_is_refused_before_sending(connect: Any) -> None:
    client, provider = connect(BASELINE)
    with pytest.raises(UnsupportedQuery) as info:
        client.users.list(search="smith")
    assert info.value.capability == "search"
    assert provider.requests == []


def test_full_scans_warn_or_are_refused(connect: Any, caplog: pytest.LogCaptureFixture) -> None:
    client, _ = connect(BASELINE)
    with caplog.at_level(logging.WARNING, logger="oneroster.planner"):
        assert ids(client.users.list_all(where={"familyName": "O'Neill"})) == ["u3", "u7"]
    assert "reads a whole collection" in caplog.text
    strict, provider = connect(BASELINE, full_scans="refuse")
    with pytest.raises(UnsupportedQuery) as info:
        strict.users.list_all(where={"familyName": "O'Neill"})
    assert info.value.capability == "full_scans"
    assert provider.requests == []
    assert ids(strict.users.list_all(where={"familyName": "Lee"})) == ["u5"]


# -- nested routes ----------------------------------------------------------------------------


def test_a_missing_nested_route_is_told_from_a_missing_parent_and_remembered(connect: Any) -> None:
    client, provider = connect(FULL, nested=False)
    assert sorted(ids(client.classes("c1").students.list_all())) == ["u1", "u2"]
    # 404 on the route, the class exists, so: enrollments of the class, then those students.
    assert provider.paths[:2] == ["/classes/c1/students", "/classes/c1"]
    provider.requests.clear()
    assert sorted(ids(client.classes("c1").students.list_all(where={"status": "active"}))) == ["u1", "u2"]
    assert "/classes/c1/students" not in provider.paths
    with pytest.raises(NotFound):
        client.classes("nope").students.list()


def test_a_missing_parent_on_a_real_route_is_not_found(connect: Any) -> None:
    client, provider = connect(FULL)
    with pytest.raises(NotFound):
        client.classes("nope").students.list()
    assert provider.paths == ["/classes/nope/students", "/classes/nope"]
    assert sorted(ids(client.classes("c1").students.list_all())) == ["u1", "u2"]


def test_explain_says_what_will_happen(connect: Any) -> None:
    client, provider = connect(EDFI, nested=False)
    plan = client.classes("c1").students.explain(where={"familyName": "O'Neill"}, sort="familyName")
    text = str(plan)
    assert plan.fallback and plan.full_scan and not plan.direct
    assert "read classes 'c1'" in text and "enrollments" in text and "sorts by familyName" in text
    assert provider.requests == []
    direct = client.users.explain(where={"status": "active"})
    assert direct.direct and not direct.full_scan and "status='active'" in str(direct)


# -- tolerant reading ---------------------------------------------------------------------------


def test_a_single_record_under_another_key_is_read(connect: Any) -> None:
    client, _ = connect(FULL, quirks={"single_key": "person"})
    assert client.users.get("u1").family_name == "Garcia"
    assert client.users.exists("u1") and not client.users.exists("nobody")


def test_fields_ignored_by_the_provider_are_projected(connect: Any) -> None:
    client, provider = connect(EDFI, nested=False)
    user = client.users.get("u1", fields="givenName")
    assert user.to_dict() == {"sourcedId": "u1", "givenName": "G1"}
    assert "fields" not in provider.requests[-1].url.params


def test_null_references_parse(connect: Any) -> None:
    client, _ = connect(FULL)
    assert client.classes.get("c1").course is None


# -- profiles ---------------------------------------------------------------------------------


def test_a_profile_saves_and_loads_with_its_dialect(tmp_path: Any) -> None:
    custom = Profile(name="district", roots={"rostering": "/or"}, dialect=EDFI.replace(max_clauses=4))
    path = tmp_path / "district.json"
    custom.save(path)
    assert Profile.load(path) == custom
    assert json.loads(path.read_text())["dialect"]["max_clauses"] == 4
    client = OneRoster.from_env(
        {"ONEROSTER_BASE_URL": "https://h", "ONEROSTER_TOKEN": "t", "ONEROSTER_PROFILE": str(path)}
    )
    with client:
        assert client.profile == custom
    with pytest.raises(UnsupportedOperation):
        OneRoster(base_url="https://h", token="t", profile=custom).line_items.list()


def test_dialect_override_and_built_in_dialects() -> None:
    assert PROFILES["ims"].dialect == BASELINE
    assert PROFILES["timeback"].dialect.search and PROFILES["timeback"].dialect.extra_fields("User") == (
        "role",
    )
    assert PROFILES["v1p1"].dialect.legacy_records
    with OneRoster(base_url="https://h", token="t", profile="ims", dialect="edfi") as client:
        assert client.profile.dialect == EDFI and client.profile.roots == PROFILES["ims"].roots


def test_one_one_records_get_their_one_two_roles() -> None:
    legacy = {
        "sourcedId": "u1",
        "role": "teacher",
        "orgs": [{"sourcedId": "s1", "type": "org"}, {"sourcedId": "s2"}],
    }

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"users": [dict(legacy)]})

    with OneRoster(
        base_url="https://h",
        token="t",
        profile="v1p1",
        http_client=httpx.Client(transport=httpx.MockTransport(answer)),
    ) as client:
        (user,) = client.users.list().data
        raw = next(client.users.stream(raw=True))
    assert [(r.role, r.role_type.value, r.org.sourced_id) for r in user.roles] == [
        ("teacher", "primary", "s1"),
        ("teacher", "secondary", "s2"),
    ]
    assert raw["role"] == "teacher" and raw["orgs"] == legacy["orgs"]
