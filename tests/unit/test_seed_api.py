"""The seeds' API shapes on the client side, over a recording MockTransport.

Environment presets, extra headers, keyword and singular-role writes, the one validation rule
per operation and profile (TimeBack platform: seeds 003/004), partial updates, the class's school,
and the nested calls the seeds name. The same calls run against the sandbox in
tests/sandbox/test_seed_examples.py; what needs the platform profile is checked here, request by
request, until the sandbox serves it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from oneroster import (
    ENVIRONMENTS,
    PROFILES,
    NotFound,
    OneRoster,
    RetryPolicy,
    UnsupportedOperation,
    ValidationError,
)
from oneroster.profiles import SCOPE_PREFIX

import oneroster_client.models as models

Make = Callable[..., OneRoster]

ROSTER = "/ims/oneroster/rostering/v1p2"
GRADEBOOK = "/ims/oneroster/gradebook/v1p2"
PLATFORM = "/rostering/1.0"


def _token_then(
    respond: Callable[[httpx.Request], httpx.Response],
) -> Callable[[httpx.Request], httpx.Response]:
    """Answer token requests with a token, everything else with ``respond``."""

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith(("/oauth2/token", "/auth/1.0/token", "/oauth/token")):
            return httpx.Response(
                200, json={"access_token": "tok-1", "token_type": "Bearer", "expires_in": 3600}
            )
        return respond(request)

    return handler


def _users(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"users": []})


# -- environments --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "api", "token"),
    [
        (
            {"env": "staging"},
            "https://api.staging.alpha-1edtech.ai" + ROSTER + "/users/",
            "https://staging-beyond-timeback-api-2-idp.auth.us-east-1.amazoncognito.com/oauth2/token",
        ),
        (
            {"env": "production"},
            "https://api.alpha-1edtech.ai" + ROSTER + "/users/",
            "https://prod-beyond-timeback-api-2-idp.auth.us-east-1.amazoncognito.com/oauth2/token",
        ),
        (
            {"env": "production", "profile": "timeback-platform"},
            "https://platform.timeback.com" + PLATFORM + "/users",
            "https://platform.timeback.com/auth/1.0/token",
        ),
        (
            {"env": "staging", "profile": "timeback-platform"},
            "https://platform.dev.timeback.com" + PLATFORM + "/users",
            "https://platform.dev.timeback.com/auth/1.0/token",
        ),
    ],
)
def test_env_presets_set_the_host_and_token_url(
    kwargs: dict[str, Any], api: str, token: str, recorder
) -> None:
    server = recorder(_token_then(_users))
    with OneRoster(
        client_id="id",
        client_secret="secret",
        http_client=httpx.Client(transport=httpx.MockTransport(server)),
        **kwargs,
    ) as client:
        assert client.profile.name == kwargs.get("profile", "timeback")
        client.users.list()
    assert [str(r.url).split("?")[0] for r in server.requests] == [token, api]


def test_timeback_classmethod_and_overrides(recorder) -> None:
    server = recorder(_token_then(_users))
    transport = httpx.Client(transport=httpx.MockTransport(server))
    with OneRoster.timeback(
        env="staging", platform=True, client_id="i", client_secret="s", http_client=transport
    ) as c:
        assert c.profile.name == "timeback-platform"
        assert c.base_url == ENVIRONMENTS["timeback-platform"]["staging"].base_url
    # An explicit base_url or token_url wins over the preset; a token needs no token URL at all.
    with OneRoster(env="staging", base_url="https://proxy.example", token="t") as c:
        assert c.base_url == "https://proxy.example" and c.profile.name == "timeback"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [({"env": "qa"}, "env"), ({"env": "staging", "profile": "ims"}, "env"), ({}, "base_url")],
)
def test_bad_env_is_refused(kwargs: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        OneRoster(token="t", **kwargs)
    assert info.value.field == field


def test_from_env_reads_the_env_preset() -> None:
    with OneRoster.from_env({"ONEROSTER_ENV": "staging", "ONEROSTER_TOKEN": "t"}) as client:
        assert client.base_url == "https://api.staging.alpha-1edtech.ai"
        assert client.profile.name == "timeback"


def test_platform_default_scopes_cover_its_writes() -> None:
    # Same rule as timeback: the token asks for every scope the profile's operations use.
    scopes = set(PROFILES["timeback-platform"].default_scopes)
    assert {SCOPE_PREFIX + "roster.readonly", SCOPE_PREFIX + "roster.createput"} <= scopes
    assert SCOPE_PREFIX + "roster.createput" in PROFILES["timeback"].default_scopes
    assert SCOPE_PREFIX + "roster.createput" not in PROFILES["ims"].default_scopes


# -- headers ---------------------------------------------------------------------------------------


def test_constructor_headers_and_with_options(make: Make, recorder) -> None:
    server = recorder(_users)
    client = make(server, headers={"X-Tenant": "district-7"})
    client.users.list()
    traced = client.with_options(headers={"X-Request-Id": "sync-1", "X-Tenant": "district-8"})
    traced.users.list()
    client.users.list()
    sent = [(r.headers.get("X-Tenant"), r.headers.get("X-Request-Id")) for r in server.requests]
    assert sent == [("district-7", None), ("district-8", "sync-1"), ("district-7", None)]
    assert all(r.headers["Authorization"].startswith("Bearer ") for r in server.requests)


@pytest.mark.parametrize(
    "headers",
    [{"Authorization": "Bearer stolen"}, {"authorization": "x"}, {"X-A": "a\r\nB: b"}, {"X A": "1"}],
)
def test_headers_cannot_set_authorization_or_break_the_line(
    make: Make, recorder, headers: dict[str, str]
) -> None:
    with pytest.raises(ValidationError) as info:
        OneRoster(base_url="https://sis.example", token="t", headers=headers)
    assert info.value.field == "headers"
    server = recorder(_users)
    with pytest.raises(ValidationError):
        make(server).with_options(headers=headers)
    assert server.requests == []


def test_with_options_shares_the_token_and_closes_with_its_parent(recorder) -> None:
    server = recorder(_token_then(_users))
    parent = OneRoster(
        base_url="https://sis.example",
        client_id="id",
        client_secret="secret",
        token_url="https://sis.example/oauth/token",
        http_client=httpx.Client(transport=httpx.MockTransport(server)),
    )
    child = parent.with_options(headers={"X-Trace": "1"})
    child.users.list()
    parent.users.list()
    assert [r.url.path for r in server.requests].count("/oauth/token") == 1
    child.close()  # the child's own close leaves the parent working
    parent.users.list()
    other = parent.with_options(headers={"X-Trace": "2"})
    parent.close()
    with pytest.raises(ValidationError):
        other.users.list()


def test_headers_of_the_callers_httpx_client_are_sent(recorder) -> None:
    server = recorder(_users)
    mine = httpx.Client(
        transport=httpx.MockTransport(server),
        headers={"X-Proxy-Tenant": "north", "Authorization": "Basic not-ours", "User-Agent": "theirs"},
    )
    with OneRoster(
        base_url="https://sis.example", token="tok", http_client=mine, headers={"User-Agent": "mine"}
    ) as c:
        c.users.list()
    request = server.requests[0]
    assert request.headers["X-Proxy-Tenant"] == "north"
    assert request.headers["Authorization"] == "Bearer tok"  # the client's token always wins
    assert request.headers["User-Agent"] == "mine"


# -- fields ------------------------------------------------------------------------------------------


def test_fields_as_the_wire_string(make: Make, recorder) -> None:
    server = recorder(_users)
    client = make(server, profile="ims")
    client.users.list(fields="sourcedId,givenName")
    client.users.list(fields=" sourcedId , givenName ")
    assert [r.url.params["fields"] for r in server.requests] == ["sourcedId,givenName"] * 2
    with pytest.raises(ValidationError):
        client.users.list(fields="sourcedId,,givenName")
    assert len(server.requests) == 2


# -- keyword writes and singular roles ----------------------------------------------------------------


def _created(request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        201, json={"sourcedIdPairs": {"suppliedSourcedId": "x", "allocatedSourcedId": "new-1"}}
    )


def test_create_with_snake_case_keywords_and_a_role(make: Make, recorder) -> None:
    server = recorder(_created)
    client = make(server)
    [pair] = client.users.create(
        given_name="Ada",
        family_name="Lovelace",
        email="ada@example.org",
        role="student",
        primary_org="org-1",
        enabled_user=True,
    )
    assert pair.allocated_sourced_id == "new-1"
    user = server.body()["user"]
    assert (user["givenName"], user["familyName"], user["email"], user["enabledUser"]) == (
        "Ada",
        "Lovelace",
        "ada@example.org",
        "true",
    )
    [role] = user["roles"]
    assert (role["roleType"], role["role"], role["org"]["sourcedId"]) == ("primary", "student", "org-1")
    assert "role" not in user


def test_a_role_without_an_org_is_named_before_sending(make: Make, recorder) -> None:
    server = recorder(_created)
    with pytest.raises(ValidationError) as info:
        make(server).users.create(
            {"givenName": "A", "familyName": "B", "enabledUser": True, "role": "teacher"}
        )
    assert info.value.field == "role" and "default_org" in str(info.value)
    assert server.requests == []
    # The client's default org is the role's org when the record names none.
    make(server, default_org="org-9").users.create(
        {"givenName": "A", "familyName": "B", "enabledUser": True, "role": "teacher"}
    )
    assert server.body()["user"]["roles"][0]["org"]["sourcedId"] == "org-9"


def test_unknown_keyword_is_named_with_a_suggestion(make: Make, recorder) -> None:
    server = recorder(_created)
    with pytest.raises(ValidationError) as info:
        make(server).users.create(given_nam="Ada")
    assert info.value.field == "given_nam" and "given_name" in str(info.value)
    assert server.requests == []


def test_create_checks_the_required_fields_like_upsert(make: Make, recorder) -> None:
    server = recorder(_created)
    client = make(server)
    for call in (
        lambda: client.users.create({"givenName": "A"}),
        lambda: client.users.upsert("u-1", {"givenName": "A"}),
    ):
        with pytest.raises(ValidationError) as info:
            call()
        assert str(info.value) == "a User needs enabledUser, familyName, roles before it can be written"
    assert server.requests == []


def test_enrollment_keywords_class_and_patch(make: Make, recorder) -> None:
    server = recorder(lambda r: _created(r) if r.method == "POST" else httpx.Response(200))
    client = make(server)
    client.enrollments.create(user="u-1", class_="c-1", role="student", school="s-1")
    enrollment = server.body()["enrollment"]
    assert enrollment["class"]["sourcedId"] == "c-1" and enrollment["user"]["sourcedId"] == "u-1"
    client.enrollments.patch("e-1", status="tobedeleted")
    assert server.methods[-1] == "PATCH" and server.body() == {"enrollment": {"status": "tobedeleted"}}


# -- the active profile's own required fields (TimeBack platform, seeds 003/004) ---------------------------


def _platform(make: Make, server: Any) -> OneRoster:
    return make(server, profile="timeback-platform")


SEED_003_CLASS = {
    "sourcedId": "55555555-5555-5555-5555-555555555555",
    "dateLastModified": "2026-01-15T00:00:00.000Z",
    "title": "Math Grade 5 - Section 1",
    "course": {"sourcedId": "44444444-4444-4444-4444-444444444444"},
    "org": {"sourcedId": "ORG_SOURCED_ID"},
    "classType": "scheduled",
    "terms": [],
}


def test_platform_class_needs_org_and_takes_empty_terms(make: Make, recorder) -> None:
    server = recorder(
        lambda r: httpx.Response(201, json={"status": "ok", "sourcedId": SEED_003_CLASS["sourcedId"]})
    )
    client = _platform(make, server)
    assert client.classes.upsert(SEED_003_CLASS["sourcedId"], SEED_003_CLASS) is None
    assert server.paths == [PLATFORM + "/classes/" + SEED_003_CLASS["sourcedId"]]
    sent = server.body()["class"]
    assert (
        sent["terms"] == [] and sent["org"]["sourcedId"] == "ORG_SOURCED_ID" and sent["org"]["type"] == "org"
    )
    with pytest.raises(ValidationError) as info:
        client.classes.upsert(
            "c-2", {k: v for k, v in SEED_003_CLASS.items() if k not in ("org", "sourcedId")}
        )
    assert info.value.field == "org"
    # The same record on TimeBack's OneRoster API needs the official school and a term.
    timeback = make(server, profile="timeback")
    with pytest.raises(ValidationError) as info:
        timeback.classes.upsert(SEED_003_CLASS["sourcedId"], SEED_003_CLASS)
    assert str(info.value) == "a Class needs school, terms before it can be written"
    assert len(server.requests) == 1


def test_platform_user_needs_email_not_enabled_user_or_roles(make: Make, recorder) -> None:
    server = recorder(lambda r: httpx.Response(201))
    client = _platform(make, server)
    alice = {
        "sourcedId": "22222222-2222-2222-2222-222222222222",
        "dateLastModified": "2026-01-15T00:00:00.000Z",
        "givenName": "Alice",
        "familyName": "Smith",
        "email": "alice@school.edu",
        "roles": [{"role": "student", "org": {"sourcedId": "ORG_SOURCED_ID"}}],
    }
    client.users.upsert(alice["sourcedId"], alice)
    client.users.upsert("u-2", {k: v for k, v in alice.items() if k not in ("roles", "sourcedId")})
    assert server.methods == ["PUT", "PUT"]
    with pytest.raises(ValidationError) as info:
        client.users.upsert("u-3", {"givenName": "A", "familyName": "B"})
    assert info.value.field == "email"


SEED_004_STUDENT = {
    "sourcedId": "student-uuid-here",
    "status": "active",
    "username": "john.doe",
    "enabledUser": "true",
    "givenName": "John",
    "familyName": "Doe",
    "middleName": None,
    "email": "john.doe@example.com",
    "phone": None,
    "grades": ["5"],
    "primaryOrg": {"sourcedId": "organization-uuid", "type": "org"},
}


def test_upsert_student_is_put_students_with_the_student_envelope(make: Make, recorder) -> None:
    server = recorder(lambda r: httpx.Response(200))
    client = _platform(make, server)
    assert client.students.upsert("student-uuid-here", SEED_004_STUDENT) is None
    assert server.methods == ["PUT"] and server.paths == [PLATFORM + "/students"]
    body = server.body()
    assert list(body) == ["student"]
    assert body["student"]["sourcedId"] == "student-uuid-here" and body["student"]["grades"] == ["5"]
    with pytest.raises(ValidationError) as info:
        client.students.upsert(
            "s-2", {k: v for k, v in SEED_004_STUDENT.items() if k not in ("primaryOrg", "sourcedId")}
        )
    assert info.value.field == "primaryOrg"
    with pytest.raises(UnsupportedOperation):
        make(server, profile="timeback").students.upsert("student-uuid-here", SEED_004_STUDENT)
    assert len(server.requests) == 1


def test_platform_agents_answer_links(make: Make, recorder) -> None:
    answer = {
        "agents": [{"user": {"sourcedId": "parent-user-uuid", "type": "user"}, "relationshipType": "parent"}]
    }
    server = recorder(lambda r: httpx.Response(200, json=answer))
    [agent] = _platform(make, server).users("student-uuid-here").agents.list_all()
    assert isinstance(agent, models.Agent)
    assert (agent.user.sourced_id, agent.relationship_type) == ("parent-user-uuid", "parent")
    assert server.paths == [PLATFORM + "/users/student-uuid-here/agents"]


def test_platform_agent_link_from_the_seeds_dict(make: Make, recorder) -> None:
    server = recorder(lambda r: httpx.Response(201))
    _platform(make, server).users("student-1").add_agent({"sourcedId": "parent-user-uuid", "role": "parent"})
    assert server.methods == ["PUT"]
    assert server.paths == [PLATFORM + "/students/student-1/agents/parent-user-uuid"]
    assert server.body() == {
        "user": {"sourcedId": "parent-user-uuid", "type": "user"},
        "relationshipType": "parent",
    }
    with pytest.raises(ValidationError):
        _platform(make, server).users("student-1").add_agent({"sourcedId": "p", "kind": "parent"})


def test_linked_users(make: Make, recorder) -> None:
    answer = {"agents": [{"sourcedId": "p-1", "givenName": "Pat"}], "students": [{"sourcedId": "s-1"}]}
    server = recorder(lambda r: httpx.Response(200, json=answer))
    linked = _platform(make, server).users("u-1").linked_users()
    assert [u.sourced_id for u in linked.agents] == ["p-1"] and [u.sourced_id for u in linked.students] == [
        "s-1"
    ]
    assert server.paths == [PLATFORM + "/users/u-1/linked-users"]


# -- update(): partial and strict --------------------------------------------------------------------------


def test_update_merges_into_the_stored_record_keeping_vendor_fields(make: Make, recorder) -> None:
    stored = {
        "sourcedId": "u-1",
        "status": "active",
        "dateLastModified": "2020-01-01T00:00:00.000Z",
        "givenName": "Ana",
        "familyName": "Lee",
        "enabledUser": "true",
        "roles": [{"roleType": "primary", "role": "student", "org": {"sourcedId": "s-1", "type": "org"}}],
        "metadata": {"vendor": {"house": "blue"}},
        "x-vendor-rank": 3,
    }
    server = recorder(
        lambda r: httpx.Response(200, json={"user": stored}) if r.method == "GET" else httpx.Response(201)
    )
    assert make(server).users.update("u-1", given_name="Anna") is None
    assert server.methods == ["GET", "PUT"]
    sent = server.body()["user"]
    assert sent["givenName"] == "Anna"
    assert {k: sent[k] for k in ("familyName", "metadata", "x-vendor-rank", "status")} == {
        "familyName": "Lee",
        "metadata": {"vendor": {"house": "blue"}},
        "x-vendor-rank": 3,
        "status": "active",
    }
    assert sent["dateLastModified"] != stored["dateLastModified"]


def test_update_with_a_role_replaces_the_roles(make: Make, recorder) -> None:
    stored = {
        "sourcedId": "u-1", "givenName": "A", "familyName": "B", "enabledUser": "true",
        "primaryOrg": {"sourcedId": "s-1"},
        "roles": [{"roleType": "primary", "role": "student", "org": {"sourcedId": "s-1"}}],
    }  # fmt: skip
    server = recorder(
        lambda r: httpx.Response(200, json={"user": stored}) if r.method == "GET" else httpx.Response(201)
    )
    make(server).users.update("u-1", role="aide")
    [role] = server.body()["user"]["roles"]
    assert (role["role"], role["org"]["sourcedId"]) == ("aide", "s-1")


def test_update_with_a_role_keeps_the_org_the_roles_were_held_at(make: Make, recorder) -> None:
    stored = {
        "sourcedId": "u-1", "givenName": "A", "familyName": "B", "enabledUser": "true",
        "roles": [{"roleType": "primary", "role": "student", "org": {"sourcedId": "s-7"}}],
    }  # fmt: skip
    server = recorder(
        lambda r: httpx.Response(200, json={"user": stored}) if r.method == "GET" else httpx.Response(201)
    )
    make(server).users.update("u-1", role="teacher")
    [role] = server.body()["user"]["roles"]
    assert (role["roleType"], role["role"], role["org"]["sourcedId"]) == ("primary", "teacher", "s-7")


def test_update_of_a_missing_record_is_not_found_and_writes_nothing(make: Make, recorder) -> None:
    server = recorder(lambda r: httpx.Response(404, json={"imsx_codeMajor": "failure"}))
    with pytest.raises(NotFound):
        make(server).users.update("nobody", given_name="X")
    assert server.methods == ["GET"]


def test_update_patches_where_the_provider_can(make: Make, recorder) -> None:
    server = recorder(
        lambda r: httpx.Response(200, json={"enrollment": {"sourcedId": "e-1", "status": "active"}})
    )
    make(server).enrollments.update("e-1", {"endDate": "2027-06-30"})
    assert server.methods == ["PATCH"]
    assert server.body() == {"enrollment": {"endDate": "2027-06-30"}}


def test_gradebook_update_returns_the_entity(make: Make, recorder) -> None:
    category = {"sourcedId": "cat-1", "status": "active", "title": "Homework", "weight": 0.3}

    def respond(request: httpx.Request) -> httpx.Response:
        if request.method == "GET":
            return httpx.Response(200, json={"category": category})
        return httpx.Response(200, json={"category": json.loads(request.content)["category"]})

    server = recorder(respond)
    updated = make(server).categories.update("cat-1", {"title": "Homework 2.0"})
    assert isinstance(updated, models.Category)
    assert (updated.title, updated.weight) == ("Homework 2.0", 0.3)
    assert server.paths == [GRADEBOOK + "/categories/cat-1", GRADEBOOK + "/categories/cat-1"]


def test_update_not_offered_is_refused_before_the_read(make: Make, recorder) -> None:
    server = recorder(_users)
    with pytest.raises(UnsupportedOperation):
        make(server, profile="ims").users.update("u-1", given_name="X")
    assert server.requests == []


# -- the class's school ---------------------------------------------------------------------------------


def test_the_school_of_a_class_is_read_once_per_client(make: Make, recorder) -> None:
    def respond(request: httpx.Request) -> httpx.Response:
        if request.method == "GET":
            return httpx.Response(200, json={"class": {"sourcedId": "c-1", "school": {"sourcedId": "s-1"}}})
        return _created(request)

    server = recorder(respond)
    client = make(server)
    client.enrollments.create(user="u-1", class_="c-1", role="student")
    client.enrollments.create({"user": "u-2", "class": "c-1", "role": "student"})
    client.line_items.create(
        title="Quiz", class_="c-1", category="cat-1", assign_date="2026-01-10", due_date="2026-01-17"
    )
    assert server.methods == ["GET", "POST", "POST", "POST"]
    assert [
        server.body(i)[key]["school"]["sourcedId"] for i, key in ((1, "enrollment"), (3, "lineItem"))
    ] == [
        "s-1",
        "s-1",
    ]


# -- users(id): demographics and credentials -----------------------------------------------------------------


def test_user_with_demographics(make: Make, recorder) -> None:
    answer = {
        "user": {
            "sourcedId": "u-1",
            "givenName": "Ana",
            "demographics": {"sourcedId": "u-1", "sex": "female"},
        }
    }
    server = recorder(lambda r: httpx.Response(200, json=answer))
    user = make(server).users("u-1").with_demographics()
    assert user.given_name == "Ana" and user.demographics.sex == "female"
    assert server.paths == [ROSTER + "/users/u-1/demographics"]


def test_create_credential_from_the_seeds_dict(make: Make, recorder) -> None:
    answer = {"userProfileId": "p-1", "credentialId": "cred-1", "message": "created"}
    server = recorder(lambda r: httpx.Response(201, json=answer))
    scope = make(server).users("user-123")
    with pytest.raises(ValidationError) as info:
        scope.create_credential({"type": "username", "username": "johndoe"})
    assert str(info.value).startswith("registering a credential needs applicationName, password")
    with pytest.raises(ValidationError) as info:
        scope.create_credential(
            {"type": "token", "username": "johndoe", "password": "pw"}, application_name="app"
        )
    assert info.value.field == "type"
    assert server.requests == []
    got = scope.create_credential(
        {"type": "username", "username": "johndoe", "password": "pw"}, application_name="app"
    )
    assert got.credential_id == "cred-1"
    assert server.body() == {
        "applicationName": "app",
        "credentials": {"username": "johndoe", "password": "pw"},
    }


def test_enroll_takes_the_seeds_dict(make: Make, recorder) -> None:
    def respond(request: httpx.Request) -> httpx.Response:
        if request.method == "GET":
            return httpx.Response(200, json={"class": {"sourcedId": "c-1", "school": {"sourcedId": "s-1"}}})
        return httpx.Response(
            201, json={"sourcedIdPairs": {"suppliedSourcedId": "x", "allocatedSourcedId": "e-9"}}
        )

    server = recorder(respond)
    assert make(server).classes("c-1").enroll({"sourcedId": "t-1", "role": "teacher"}) == "e-9"
    assert server.paths[-1] == ROSTER + "/classes/c-1/teachers"


def test_course_structure_and_export_requests(make: Make, recorder) -> None:
    def respond(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/export/rsc-1"):
            return httpx.Response(
                200, content=b"PK\x05\x06" + bytes(18), headers={"Content-Type": "application/zip"}
            )
        return _created(request)

    server = recorder(respond)
    client = make(server)
    lesson = {"url": "https://q.example/1", "skillCode": "s", "lessonCode": "l", "title": "T",
              "unit-title": "U", "status": "active", "xp": 1}  # fmt: skip
    [pair] = client.courses.create_structure(
        {"course": {"title": "C", "courseCode": "C-1", "org": "org-1"}, "courseStructure": {"l1": lesson}}
    )
    assert pair.allocated_sourced_id == "new-1"
    body = server.body()
    assert body["courseStructure"] == {"l1": lesson} and body["course"]["org"]["sourcedId"] == "org-1"
    assert server.paths == [ROSTER + "/courses/structure"]
    with pytest.raises(ValidationError) as info:
        client.courses.create_structure({"course": {"title": "C"}, "courseStructure": {"l1": lesson}})
    assert info.value.field == "courseCode"
    assert client.resources("rsc-1").export().startswith(b"PK")
    assert len(server.requests) == 2


# -- import oneroster ----------------------------------------------------------------------------------


def test_connectors_import_from_the_top_level_lazily() -> None:
    code = (
        "import sys, oneroster\n"
        "assert 'oneroster.compat' not in sys.modules\n"
        "from oneroster import ClasslinkConnector\n"
        "assert ClasslinkConnector is sys.modules['oneroster.compat'].ClasslinkConnector\n"
        "assert oneroster.CleverConnector.__name__ == 'CleverConnector'\n"
        "try:\n    oneroster.NoSuchThing\nexcept AttributeError:\n    pass\nelse:\n    raise SystemExit(1)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_retry_policy_is_shared_by_with_options(make: Make, recorder) -> None:
    # A derived client sends through the same transport: the same retry policy applies.
    statuses = iter([503, 200])
    server = recorder(lambda r: httpx.Response(next(statuses), json={"users": []}))
    client = OneRoster(
        base_url="https://sis.example",
        token="t",
        http_client=httpx.Client(transport=httpx.MockTransport(server)),
        retry_policy=RetryPolicy(max_retries=1, sleep=lambda s: None),
    )
    with client:
        client.with_options(headers={"X-A": "1"}).users.list()
    assert len(server.requests) == 2
