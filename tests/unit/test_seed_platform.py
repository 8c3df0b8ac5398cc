"""Seeds 003 and 004 (the TimeBack platform API, ``/rostering/1.0``): what the client puts on the wire.

Each example of the two seeds runs here against a recording MockTransport that answers as the
seeds document: every request is compared with the seed's own (method, URL, query, body: the
envelopes, the filter strings as the seeds write them, the token request at the production
preset's URL), and every documented answer must parse, including the ones the sandbox does not
give (seed 003's agents as user objects, its 200 ``{"status": "ok"}`` for agent links).
The same examples run against the ``timeback-platform`` sandbox, outcomes asserted, in
tests/sandbox/test_seed_platform_examples.py.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import parse_qs, unquote

import httpx
import pytest
from oneroster import Conflict, NotFound, OneRoster, ValidationError
from oneroster.profiles import SCOPE_PREFIX

import oneroster_client.models as models

API = "https://api.alpha-1edtech.ai"  # seed 003's base
PLATFORM = "https://platform.timeback.com"  # seed 004's base
ROOT = "/rostering/1.0"

USER_ID = "22222222-2222-2222-2222-222222222222"
AGENT_ID = "33333333-3333-3333-3333-333333333333"
COURSE_ID = "44444444-4444-4444-4444-444444444444"
CLASS_ID = "55555555-5555-5555-5555-555555555555"
ENROLLMENT_ID = "66666666-6666-6666-6666-666666666666"
STAMP = "2026-01-15T00:00:00.000Z"


class Platform:
    """A MockTransport handler answering as seeds 003/004 document; it records what it was sent."""

    def __init__(self, answers: dict[tuple[str, str], httpx.Response] | None = None) -> None:
        self.answers = answers or {}
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        path = request.url.path
        if path.endswith("/auth/1.0/token"):
            return httpx.Response(
                200, json={"access_token": "tok-p", "token_type": "Bearer", "expires_in": 3600}
            )
        answer = self.answers.get((request.method, path.removeprefix(ROOT)))
        if answer is not None:
            return answer
        if request.method == "GET":
            name = path.removeprefix(ROOT).strip("/").split("/")[-1]
            return httpx.Response(200, json={name: [], "offset": 0, "limit": 100, "total": 0})
        return httpx.Response(201, json={"status": "created", "sourcedId": path.rsplit("/", 1)[-1]})

    @property
    def api(self) -> list[httpx.Request]:
        return [r for r in self.requests if not r.url.path.endswith("/token")]

    def last(self) -> tuple[str, str, dict[str, str], Any]:
        """(method, decoded path, query, JSON body or None) of the last API request."""
        request = self.api[-1]
        query = {k: v[0] for k, v in parse_qs(request.url.query.decode()).items()}
        body = json.loads(request.content) if request.content else None
        return request.method, unquote(request.url.path), query, body


@pytest.fixture
def platform() -> Platform:
    return Platform()


@pytest.fixture
def connect(platform: Platform) -> Iterator[Callable[..., OneRoster]]:
    made: list[OneRoster] = []

    def factory(base_url: str = API, **kwargs: Any) -> OneRoster:
        client = OneRoster(
            base_url=base_url,
            profile="timeback-platform",
            token="tok-static",
            http_client=httpx.Client(transport=httpx.MockTransport(platform)),
            max_retries=0,
            **kwargs,
        )
        made.append(client)
        return client

    yield factory
    for client in made:
        client.close()


def _listing(key: str, records: list[dict[str, Any]]) -> httpx.Response:
    return httpx.Response(200, json={key: records, "offset": 0, "limit": 100, "total": len(records)})


# =============================================================================================
# Seed 003: the Rostering API reference
# =============================================================================================


@pytest.mark.parametrize(
    "expression",
    [
        "email='alice@school.edu'",
        "status='active'",
        "familyName~'Smi'",
    ],
)
def test_003_get_users_filters(
    connect: Callable[..., OneRoster], platform: Platform, expression: str
) -> None:
    platform.answers[("GET", "/users")] = _listing("users", [{"sourcedId": USER_ID, "givenName": "Alice"}])
    page = connect().users.list(filter=expression, limit=10)
    method, path, query, _ = platform.last()
    assert (method, path, query["filter"], query["limit"]) == ("GET", ROOT + "/users", expression, "10")
    assert page.total == 1 and page.data[0].given_name == "Alice"  # the body's "total" is the count


def test_003_get_users_with_where_builds_the_same_filters(
    connect: Callable[..., OneRoster], platform: Platform
) -> None:
    from oneroster import F

    client = connect()
    client.users.list(where={"email": "alice@school.edu"})
    assert platform.last()[2]["filter"] == "email='alice@school.edu'"
    client.users.list(where=F("familyName").contains("Smi"))
    assert platform.last()[2]["filter"] == "familyName~'Smi'"
    client.users.list(fields="sourcedId,givenName,email", sort="familyName", order_by="desc", search="alice")
    query = platform.last()[2]
    assert (query["fields"], query["sort"], query["orderBy"], query["search"]) == (
        "sourcedId,givenName,email",
        "familyName",
        "desc",
        "alice",
    )


def test_003_get_user(connect: Callable[..., OneRoster], platform: Platform) -> None:
    platform.answers[("GET", "/users/" + USER_ID)] = httpx.Response(
        200, json={"user": {"sourcedId": USER_ID}}
    )
    missing = "11111111-1111-1111-1111-111111111111"
    platform.answers[("GET", "/users/" + missing)] = httpx.Response(404, json={"error": "User not found."})
    assert connect().users.get(USER_ID).sourced_id == USER_ID
    with pytest.raises(NotFound):
        connect().users.get(missing)  # "404 if not found"


def test_003_put_user(connect: Callable[..., OneRoster], platform: Platform) -> None:
    example = {
        "sourcedId": USER_ID,
        "dateLastModified": STAMP,
        "givenName": "Alice",
        "familyName": "Smith",
        "email": "alice@school.edu",
        "roles": [{"role": "student", "org": {"sourcedId": "ORG_SOURCED_ID"}}],
    }
    assert connect().users.upsert(USER_ID, example) is None
    method, path, _, body = platform.last()
    assert (method, path) == ("PUT", f"{ROOT}/users/{USER_ID}")
    sent = body["user"]
    assert {k: sent[k] for k in ("sourcedId", "dateLastModified", "givenName", "familyName", "email")} == {
        k: example[k] for k in ("sourcedId", "dateLastModified", "givenName", "familyName", "email")
    }
    assert sent["roles"][0]["role"] == "student" and sent["roles"][0]["org"]["sourcedId"] == "ORG_SOURCED_ID"
    assert sent["status"] == "active"  # required by the platform, filled in


def test_003_delete_user(connect: Callable[..., OneRoster], platform: Platform) -> None:
    platform.answers[("DELETE", "/users/" + USER_ID)] = httpx.Response(204)
    assert connect().users.delete(USER_ID) is None
    assert platform.last()[:2] == ("DELETE", f"{ROOT}/users/{USER_ID}")


def test_003_user_enrollments(connect: Callable[..., OneRoster], platform: Platform) -> None:
    record = {
        "sourcedId": ENROLLMENT_ID,
        "role": "student",
        "user": {"sourcedId": USER_ID},
        "class": {"sourcedId": CLASS_ID},
    }
    platform.answers[("GET", f"/users/{USER_ID}/enrollments")] = _listing("enrollments", [record])
    [enrollment] = connect().users(USER_ID).enrollments()
    assert enrollment.class_.sourced_id == CLASS_ID
    assert platform.last()[1] == f"{ROOT}/users/{USER_ID}/enrollments"


@pytest.mark.parametrize(
    "entry",
    [
        {"sourcedId": AGENT_ID, "givenName": "Pat"},  # seed 003: "array of user objects"
        {"user": {"sourcedId": AGENT_ID, "type": "user"}, "relationshipType": "parent"},  # seed 004
    ],
)
def test_003_user_agents(
    connect: Callable[..., OneRoster], platform: Platform, entry: dict[str, Any]
) -> None:
    platform.answers[("GET", f"/users/{USER_ID}/agents")] = httpx.Response(200, json={"agents": [entry]})
    [agent] = connect().users(USER_ID).agents()
    assert AGENT_ID in (agent.sourced_id, getattr(agent.user, "sourced_id", None))


def test_003_linked_users(connect: Callable[..., OneRoster], platform: Platform) -> None:
    answer = {"agents": [{"sourcedId": AGENT_ID}], "students": [{"sourcedId": USER_ID}]}
    platform.answers[("GET", f"/users/{AGENT_ID}/linked-users")] = httpx.Response(200, json=answer)
    linked = connect().users(AGENT_ID).linked_users()
    assert ([a.sourced_id for a in linked.agents], [s.sourced_id for s in linked.students]) == (
        [AGENT_ID],
        [USER_ID],
    )


def test_003_link_and_unlink_an_agent(connect: Callable[..., OneRoster], platform: Platform) -> None:
    path = f"/students/{USER_ID}/agents/{AGENT_ID}"
    platform.answers[("PUT", path)] = httpx.Response(200, json={"status": "ok"})
    platform.answers[("DELETE", path)] = httpx.Response(200, json={"status": "ok"})
    client = connect()
    client.users(USER_ID).add_agent(AGENT_ID)
    assert platform.last()[:2] == ("PUT", ROOT + path)
    client.users(USER_ID).remove_agent(AGENT_ID)
    assert platform.last()[:2] == ("DELETE", ROOT + path)


@pytest.mark.parametrize(
    ("collection", "key", "expressions"),
    [
        ("courses", "courses", ["status='active'", "subjects~'Math'"]),
        ("classes", "classes", [f"course.sourcedId='{COURSE_ID}'", "status='active'"]),
        (
            "enrollments",
            "enrollments",
            ["role='student'", "user.sourcedId='USER_UUID'", "status='active' AND role='student'"],
        ),
        ("orgs", "orgs", ["type='school'", "name~'Alpha'"]),
        (
            "terms",
            "terms",
            ["schoolYear='2026'", "title~'Fall'", "startDate>='2026-01-01' AND endDate<='2026-06-30'"],
        ),
    ],
)
def test_003_collection_filters(
    connect: Callable[..., OneRoster], platform: Platform, collection: str, key: str, expressions: list[str]
) -> None:
    platform.answers[("GET", "/" + collection)] = _listing(key, [{"sourcedId": "x-1"}])
    for expression in expressions:
        page = getattr(connect(), collection).list(filter=expression)
        method, path, query, _ = platform.last()
        assert (method, path, query["filter"]) == ("GET", f"{ROOT}/{collection}", expression)
        assert [r.sourced_id for r in page.data] == ["x-1"] and page.total == 1


@pytest.mark.parametrize(
    ("collection", "key", "sourced_id"),
    [
        ("courses", "course", COURSE_ID),
        ("classes", "class", CLASS_ID),
        ("enrollments", "enrollment", ENROLLMENT_ID),
        ("orgs", "org", "ORG_SOURCED_ID"),
    ],
)
def test_003_get_one(
    connect: Callable[..., OneRoster], platform: Platform, collection: str, key: str, sourced_id: str
) -> None:
    platform.answers[("GET", f"/{collection}/{sourced_id}")] = httpx.Response(
        200, json={key: {"sourcedId": sourced_id}}
    )
    assert getattr(connect(), collection).get(sourced_id).sourced_id == sourced_id


def test_003_put_course(connect: Callable[..., OneRoster], platform: Platform) -> None:
    example = {
        "sourcedId": COURSE_ID,
        "dateLastModified": STAMP,
        "title": "Math Grade 5",
        "courseCode": "MATH-G5",
        "org": {"sourcedId": "ORG_SOURCED_ID"},
        "subjects": ["Math"],
        "grades": ["5"],
    }
    client = connect()
    client.courses.upsert(COURSE_ID, example)
    method, path, _, body = platform.last()
    assert (method, path) == ("PUT", f"{ROOT}/courses/{COURSE_ID}")
    assert body["course"]["subjects"] == ["Math"] and body["course"]["org"]["sourcedId"] == "ORG_SOURCED_ID"
    # courseCode is optional on the platform; title and org are not.
    client.courses.upsert(COURSE_ID, {k: v for k, v in example.items() if k != "courseCode"})
    with pytest.raises(ValidationError) as caught:
        client.courses.upsert(COURSE_ID, {k: v for k, v in example.items() if k != "org"})
    assert caught.value.field == "org"


def test_003_put_class(connect: Callable[..., OneRoster], platform: Platform) -> None:
    example = {
        "sourcedId": CLASS_ID,
        "dateLastModified": STAMP,
        "title": "Math Grade 5 - Section 1",
        "course": {"sourcedId": COURSE_ID},
        "org": {"sourcedId": "ORG_SOURCED_ID"},
        "classType": "scheduled",
        "terms": [],
    }
    connect().classes.upsert(CLASS_ID, example)
    method, path, _, body = platform.last()
    assert (method, path) == ("PUT", f"{ROOT}/classes/{CLASS_ID}")
    assert body["class"]["terms"] == [] and body["class"]["classType"] == "scheduled"


def test_003_class_enrollments(connect: Callable[..., OneRoster], platform: Platform) -> None:
    platform.answers[("GET", f"/classes/{CLASS_ID}/enrollments")] = _listing(
        "enrollments", [{"sourcedId": "e"}]
    )
    for expression in ("role='student'", "status='active'"):
        connect().classes(CLASS_ID).enrollments.list(filter=expression)
        _, path, query, _ = platform.last()
        # The platform nests a class's enrollments: the filter is AND-ed onto the implicit scope.
        assert (path, query["filter"]) == (f"{ROOT}/classes/{CLASS_ID}/enrollments", expression)


def test_003_put_enrollment(connect: Callable[..., OneRoster], platform: Platform) -> None:
    example = {
        "sourcedId": ENROLLMENT_ID,
        "dateLastModified": STAMP,
        "user": {"sourcedId": USER_ID},
        "class": {"sourcedId": CLASS_ID},
        "role": "student",
    }
    connect().enrollments.upsert(ENROLLMENT_ID, example)
    method, path, _, body = platform.last()
    assert (method, path) == ("PUT", f"{ROOT}/enrollments/{ENROLLMENT_ID}")
    assert "school" not in body["enrollment"]  # the platform's enrollments need no school
    assert [r.url.path for r in platform.api] == [f"{ROOT}/enrollments/{ENROLLMENT_ID}"]  # no class lookup


@pytest.mark.parametrize(
    ("collection", "sourced_id"),
    [("courses", COURSE_ID), ("classes", CLASS_ID), ("enrollments", ENROLLMENT_ID)],
)
def test_003_deletes(
    connect: Callable[..., OneRoster], platform: Platform, collection: str, sourced_id: str
) -> None:
    platform.answers[("DELETE", f"/{collection}/{sourced_id}")] = httpx.Response(204)
    assert getattr(connect(), collection).delete(sourced_id) is None
    assert platform.last()[:2] == ("DELETE", f"{ROOT}/{collection}/{sourced_id}")


def test_003_course_with_active_enrollments_is_a_conflict(
    connect: Callable[..., OneRoster], platform: Platform
) -> None:
    platform.answers[("DELETE", f"/courses/{COURSE_ID}")] = httpx.Response(
        409, json={"error": "Cannot delete course with active enrollments"}
    )
    with pytest.raises(Conflict):
        connect().courses.delete(COURSE_ID)


# =============================================================================================
# Seed 004: Level 1, student onboarding
# =============================================================================================


def test_004_step_1_token_with_the_createput_scope(platform: Platform) -> None:
    with OneRoster.timeback(
        env="production",
        platform=True,
        client_id="app-id",
        client_secret="app-secret",
        http_client=httpx.Client(transport=httpx.MockTransport(platform)),
    ) as client:
        client.users.list()
    token = platform.requests[0]
    assert (token.method, str(token.url)) == ("POST", "https://platform.timeback.com/auth/1.0/token")
    assert token.headers["Authorization"] == "Basic " + base64.b64encode(b"app-id:app-secret").decode()
    form = parse_qs(token.content.decode())
    assert form["grant_type"] == ["client_credentials"]
    assert SCOPE_PREFIX + "roster.createput" in form["scope"][0].split()
    assert platform.api[0].headers["Authorization"] == "Bearer tok-p"


STUDENT = {
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


def test_004_step_2_upsert_student(connect: Callable[..., OneRoster], platform: Platform) -> None:
    platform.answers[("PUT", "/students")] = httpx.Response(200)
    assert connect(PLATFORM).students.upsert(STUDENT["sourcedId"], STUDENT) is None
    method, _, _, body = platform.last()
    assert (method, str(platform.api[-1].url)) == (
        "PUT",
        "https://platform.timeback.com/rostering/1.0/students",
    )
    sent = body["student"]
    assert {k: sent[k] for k in STUDENT if k != "primaryOrg"} == {
        k: v for k, v in STUDENT.items() if k != "primaryOrg"
    }
    assert sent["primaryOrg"]["sourcedId"] == "organization-uuid"


def test_004_step_3_upsert_user(connect: Callable[..., OneRoster], platform: Platform) -> None:
    user = {
        "sourcedId": "user-uuid-here",
        "status": "active",
        "enabledUser": "true",
        "givenName": "Jane",
        "familyName": "Smith",
        "email": "jane.smith@example.com",
        "grades": [],
        "primaryOrg": {"sourcedId": "organization-uuid", "type": "org"},
        "roles": [
            {
                "roleType": "primary",
                "role": "parent",
                "org": {"sourcedId": "organization-uuid", "type": "org"},
            }
        ],
    }
    connect(PLATFORM).users.upsert(user["sourcedId"], user)
    method, path, _, body = platform.last()
    assert (method, path) == ("PUT", f"{ROOT}/users/user-uuid-here")
    assert body["user"]["roles"][0]["role"] == "parent" and body["user"]["grades"] == []


def test_004_steps_4_to_6_agents(connect: Callable[..., OneRoster], platform: Platform) -> None:
    link = {"user": {"sourcedId": "parent-user-uuid", "type": "user"}, "relationshipType": "parent"}
    platform.answers[("GET", "/users/student-uuid-here/agents")] = httpx.Response(
        200, json={"agents": [link]}
    )
    platform.answers[("DELETE", "/students/student-uuid-here/agents/parent-user-uuid")] = httpx.Response(204)
    student = connect(PLATFORM).users("student-uuid-here")
    student.add_agent("parent-user-uuid", relationship="parent")
    method, path, _, body = platform.last()
    assert (method, path, body) == ("PUT", f"{ROOT}/students/student-uuid-here/agents/parent-user-uuid", link)
    [agent] = student.agents()
    assert isinstance(agent, models.Agent)
    assert (agent.user.sourced_id, agent.user.type_, agent.relationship_type) == (
        "parent-user-uuid",
        "user",
        "parent",
    )
    student.remove_agent("parent-user-uuid")
    assert platform.last()[:2] == ("DELETE", f"{ROOT}/students/student-uuid-here/agents/parent-user-uuid")


def test_004_common_pitfalls_are_caught_or_fixed_before_sending(
    connect: Callable[..., OneRoster], platform: Platform
) -> None:
    client = connect(PLATFORM)
    # Not matching sourcedId in path and body.
    with pytest.raises(ValidationError) as caught:
        client.users.upsert(
            "user-123", {"sourcedId": "user-456", "givenName": "A", "familyName": "B", "email": "e"}
        )
    assert caught.value.field == "sourcedId"
    # Missing required organization reference.
    with pytest.raises(ValidationError) as caught:
        client.students.upsert(STUDENT["sourcedId"], {k: v for k, v in STUDENT.items() if k != "primaryOrg"})
    assert caught.value.field == "primaryOrg"
    assert platform.api == []
    # A boolean enabledUser is sent as the string the platform wants.
    client.students.upsert(STUDENT["sourcedId"], {**STUDENT, "enabledUser": True})
    assert platform.last()[3]["student"]["enabledUser"] == "true"
