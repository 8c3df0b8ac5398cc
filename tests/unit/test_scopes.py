from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from oneroster import OneRoster, Profile, UnsupportedOperation, ValidationError
from oneroster.operation_index import OPERATIONS
from oneroster.profiles import PROFILES
from oneroster.scopes import ROUTES

import oneroster_client.models as models

Make = Callable[..., OneRoster]

ROSTER = "/ims/oneroster/rostering/v1p2"
GRADEBOOK = "/ims/oneroster/gradebook/v1p2"

PROFILE_ORDER = ("ims", "timeback", "timeback-platform")
IDS = ("id/1", "ïd 2")


def _cases() -> list[tuple[str, str, str]]:
    """(route, op_id, profile): each op of each route on a profile where the engine picks it."""
    cases = []
    for name, route in ROUTES.items():
        for index, op_id in enumerate(route.op_ids):
            earlier = route.op_ids[:index]
            profile = next(
                (
                    p
                    for p in PROFILE_ORDER
                    if p in OPERATIONS[op_id].profiles
                    and OPERATIONS[op_id].service in PROFILES[p].roots
                    and not any(p in OPERATIONS[e].profiles for e in earlier)
                ),
                None,
            )
            cases.append((name, op_id, profile or "<none>"))
    return cases


def _listing(client: OneRoster, route: str, ids: tuple[str, ...]) -> Any:
    parts = route.split(".")
    scope = getattr(client, parts[0])(ids[0])
    for part, sourced_id in zip(parts[1:-1], ids[1:], strict=True):
        scope = getattr(scope, part)(sourced_id)
    return getattr(scope, parts[-1])


@pytest.mark.parametrize(("route", "op_id", "profile"), _cases())
def test_every_route_requests_its_operation_path(
    make: Make, route: str, op_id: str, profile: str, recorder
) -> None:
    assert profile != "<none>", f"no built-in profile serves {op_id} of route {route}"
    key = ROUTES[route].key
    server = recorder(lambda r: httpx.Response(200, json={key: []}))
    client = make(server, profile=profile)
    ids = IDS[: len(ROUTES[route].params)]
    listing = _listing(client, route, ids)
    page = listing.list()
    assert page.data == []
    op = OPERATIONS[op_id]
    values = iter(quote(i, safe="") for i in ids)
    expected = re.sub(r"\{[^}]+\}", lambda m: next(values), op.path)
    root = PROFILES[profile].roots[op.service]
    assert server.paths == [root + expected]
    assert server.methods == ["GET"]
    if op.paged:
        assert server.requests[0].url.params["limit"] == "2"


def test_every_route_is_reachable_from_the_client(make: Make, recorder) -> None:
    # Every route is reachable from the client (no dead rows in ROUTES).
    client = make(recorder())
    for route in ROUTES:
        ids = tuple(f"x{i}" for i in range(len(ROUTES[route].params)))
        assert _listing(client, route, ids) is not None


def test_class_line_item_results(make: Make, recorder, paged, records) -> None:
    server = recorder(paged(records(1, "r"), key="results"))
    client = make(server, profile="ims")
    client.classes("c-1").line_item("li-1").results()
    client.classes("c-1").student("s 1").results(where={"scoreStatus": "fully graded"})
    assert server.paths[0] == f"{GRADEBOOK}/classes/c-1/lineItems/li-1/results"
    assert server.paths[1] == f"{GRADEBOOK}/classes/c-1/students/s%201/results"
    assert server.requests[1].url.params["filter"] == "scoreStatus='fully graded'"


def test_school_class_students(make: Make, recorder, paged, records) -> None:
    server = recorder(paged(records(3), total="header"))
    students = make(server, profile="ims").schools("s-1").class_("c-1").students.list_all()
    assert [s.sourced_id for s in students] == ["u0", "u1", "u2"]
    assert set(server.paths) == {f"{ROSTER}/schools/s-1/classes/c-1/students"}
    assert server.offsets == [0, 2]


def test_scoped_stream_pages_and_is_lazy(make: Make, recorder, paged, records) -> None:
    server = recorder(paged(records(5), total="header"))
    stream = make(server).classes("c-1").students.stream(sort="familyName")
    assert server.requests == []
    assert [u.sourced_id for u in itertools.islice(stream, 3)] == ["u0", "u1", "u2"]
    assert server.offsets == [0, 2]
    assert [u.sourced_id for u in stream] == ["u3", "u4"]
    assert server.offsets == [0, 2, 4]
    assert all(r.url.params["orderBy"] == "asc" for r in server.requests)


@pytest.mark.parametrize("bad", ["..", ".", "", " ", 7, None])
def test_scope_ids_are_checked(make: Make, bad: Any, recorder) -> None:
    server = recorder()
    client = make(server)
    with pytest.raises(ValidationError):
        client.classes(bad)
    with pytest.raises(ValidationError):
        client.classes("c-1").line_item(bad)
    with pytest.raises(ValidationError):
        client.schools("s-1").class_(bad)
    with pytest.raises(ValidationError):
        client.users("u-1").add_agent(bad)
    assert server.requests == []


def test_collection_without_scope_is_not_callable(make: Make, recorder) -> None:
    with pytest.raises(TypeError):
        make(recorder()).enrollments("e-1")


def test_unsupported_scoped_route_sends_nothing(make: Make, recorder) -> None:
    server = recorder()
    gradebook_only = Profile(name="g", roots={"gradebook": "/gb"})
    client = make(server, profile=gradebook_only)
    with pytest.raises(UnsupportedOperation):
        client.users("u-1").agents()
    with pytest.raises(UnsupportedOperation):
        client.classes("c-1").enrollments.list()
    with pytest.raises(UnsupportedOperation):
        client.schools("s-1").line_items.list_all()
    assert server.requests == []


def test_nested_route_is_preferred_over_the_fallback(make: Make, recorder, paged) -> None:
    server = recorder(paged([], key="enrollments"))
    make(server, profile="timeback-platform").classes("c-1").enrollments.list(where={"role": "student"})
    assert server.paths == ["/rostering/1.0/classes/c-1/enrollments"]
    assert server.requests[0].url.params["filter"] == "role='student'"


# -- agents, credentials, enroll -------------------------------------------------------------


def test_add_agent_on_timeback(make: Make, recorder) -> None:
    server = recorder(lambda r: httpx.Response(200))
    make(server, profile="timeback").users("u-1").add_agent("p/1")
    assert server.methods == ["POST"]
    assert server.paths == [f"{ROSTER}/users/u-1/agents"]
    assert server.body() == {"agentSourcedId": "p/1"}


def test_add_agent_on_timeback_platform(make: Make, recorder) -> None:
    server = recorder(lambda r: httpx.Response(200))
    make(server, profile="timeback-platform").users("u-1").add_agent("p/1", relationship="parent")
    assert server.methods == ["PUT"]
    assert server.paths == ["/rostering/1.0/students/u-1/agents/p%2F1"]
    body = server.body()
    assert body["user"]["sourcedId"] == "p/1"
    assert body["relationshipType"] == "parent"


@pytest.mark.parametrize(
    ("profile", "path"),
    [
        ("timeback", f"{ROSTER}/users/u-1/agents/p-1"),
        ("timeback-platform", "/rostering/1.0/students/u-1/agents/p-1"),
    ],
)
def test_remove_agent(make: Make, profile: str, path: str, recorder) -> None:
    server = recorder(lambda r: httpx.Response(204))
    make(server, profile=profile).users("u-1").remove_agent("p-1")
    assert server.methods == ["DELETE"]
    assert server.paths == [path]


def test_create_credential(make: Make, recorder) -> None:
    answer = {"userSourcedId": "u-1", "credentialId": "cred-9", "message": "ok"}
    server = recorder(lambda r: httpx.Response(201, json=answer))
    result = (
        make(server)
        .users("u-1")
        .create_credential(application_name="reader", username="ana", password="pw-123")
    )
    assert isinstance(result, models.CredentialAnswer)
    assert server.methods == ["POST"]
    assert server.paths == [f"{ROSTER}/users/u-1/credentials"]
    body = server.body()
    assert body["applicationName"] == "reader"
    assert body["credentials"] == {"username": "ana", "password": "pw-123"}


def test_decrypt_credential(make: Make, recorder) -> None:
    server = recorder(lambda r: httpx.Response(200, json={"password": "pw-123"}))
    password = make(server).users("u-1").decrypt_credential("cred 9")
    assert password == "pw-123"
    assert server.methods == ["POST"]
    assert server.paths == [f"{ROSTER}/users/u-1/credentials/cred%209/decrypt"]


def test_credentials_are_unsupported_on_ims(make: Make, recorder) -> None:
    server = recorder()
    scope = make(server, profile="ims").users("u-1")
    with pytest.raises(UnsupportedOperation):
        scope.create_credential(application_name="a", username="b", password="c")
    with pytest.raises(UnsupportedOperation):
        scope.decrypt_credential("cred-1")
    assert server.requests == []


def _class_then(
    answer: dict[str, Any], *, school: str | None = "s-1"
) -> Callable[[httpx.Request], httpx.Response]:
    """Answer GET /classes/c-1 with a class of ``school``, and anything else with ``answer``."""

    def respond(request: httpx.Request) -> httpx.Response:
        if request.method == "GET":
            klass: dict[str, Any] = {"sourcedId": "c-1", "title": "Algebra"}
            if school is not None:
                klass["school"] = {"sourcedId": school, "type": "org"}
            return httpx.Response(200, json={"class": klass})
        return httpx.Response(201, json=answer)

    return respond


def test_enroll_on_timeback_uses_the_class_shortcut(make: Make, recorder) -> None:
    answer = {"sourcedIdPairs": {"suppliedSourcedId": "x", "allocatedSourcedId": "enr-42"}}
    server = recorder(_class_then(answer))
    allocated = make(server, profile="timeback").classes("c-1").enroll("u-1", role="student")
    assert allocated == "enr-42"
    # The enrollment's school is the class's: read once (GET /classes/c-1), then the POST.
    assert server.methods == ["GET", "POST"]
    assert server.paths == [f"{ROSTER}/classes/c-1", f"{ROSTER}/classes/c-1/students"]
    assert server.body()["enrollment"]["school"]["sourcedId"] == "s-1"
    enrollment = server.body()["enrollment"]
    assert enrollment["user"] == {
        "href": f"https://sis.example{ROSTER}/users/u-1",
        "sourcedId": "u-1",
        "type": "user",
    }
    assert enrollment["class"]["sourcedId"] == "c-1" and enrollment["class"]["type"] == "class"
    assert enrollment["role"] == "student"
    assert enrollment["status"] == "active"


def test_enroll_teacher_on_timeback(make: Make, recorder) -> None:
    answer = {"sourcedIdPairs": [{"suppliedSourcedId": "x", "allocatedSourcedId": "enr-7"}]}
    server = recorder(_class_then(answer))
    assert make(server).classes("c-1").enroll("t-1", role="teacher", primary=True) == "enr-7"
    assert server.paths == [f"{ROSTER}/classes/c-1", f"{ROSTER}/classes/c-1/teachers"]
    assert server.body()["enrollment"]["primary"] == "true"


def test_enroll_without_the_shortcut_upserts_an_enrollment(make: Make, recorder) -> None:
    server = recorder(lambda r: httpx.Response(201))
    profile = Profile(name="x", roots={"rostering": "/or"}, operations="timeback-platform")
    enrollment_id = make(server, profile=profile).classes("c-1").enroll("u-1", school_sourced_id="s-1")
    assert server.methods == ["PUT"]
    assert server.paths == [f"/or/enrollments/{enrollment_id}"]
    record = server.body()["enrollment"]
    assert record["sourcedId"] == enrollment_id
    assert record["user"] == {"href": "https://sis.example/or/users/u-1", "sourcedId": "u-1", "type": "user"}
    assert record["class"] == {
        "href": "https://sis.example/or/classes/c-1",
        "sourcedId": "c-1",
        "type": "class",
    }
    assert record["school"] == {"href": "https://sis.example/or/orgs/s-1", "sourcedId": "s-1", "type": "org"}
    assert record["role"] == "student"


def test_enroll_with_an_enrollment_id_upserts_it(make: Make, recorder) -> None:
    server = recorder(lambda r: httpx.Response(201))
    got = make(server).classes("c-1").enroll("u-1", school_sourced_id="s-1", enrollment_sourced_id="e-5")
    assert got == "e-5"
    assert server.methods == ["PUT"]
    assert server.paths == [f"{ROSTER}/enrollments/e-5"]


def test_enroll_in_a_class_without_a_school_is_rejected_before_the_write(make: Make, recorder) -> None:
    server = recorder(_class_then({}, school=None))
    with pytest.raises(ValidationError) as info:
        make(server, profile="timeback").classes("c-1").enroll("u-1", enrollment_sourced_id="e-1")
    assert info.value.field == "school"
    assert server.methods == ["GET"]  # the class was read for its school; nothing was written


def test_enroll_on_the_platform_needs_no_school(make: Make, recorder) -> None:
    # The TimeBack platform's enrollments require user, class and role only (seed 003).
    server = recorder(lambda r: httpx.Response(201))
    profile = Profile(name="x", roots={"rostering": "/or"}, operations="timeback-platform")
    make(server, profile=profile).classes("c-1").enroll("u-1", enrollment_sourced_id="e-1")
    assert server.methods == ["PUT"]
    assert "school" not in server.body()["enrollment"]


def test_scope_repr(make: Make, recorder) -> None:
    assert repr(make(recorder()).classes("c-1").line_item("li-1")) == "<_ClassLineItemScope c-1/li-1>"


def test_user_demographics(make: Make, recorder) -> None:
    server = recorder(
        lambda r: httpx.Response(200, json={"demographics": {"sourcedId": "u-1", "sex": "female"}})
    )
    demo = make(server).users("u-1").demographics()
    assert demo.sourced_id == "u-1"
    assert server.paths == [f"{ROSTER}/demographics/u-1"]


def test_agents_listing_parses(make: Make, recorder) -> None:
    body: dict[str, list[dict[str, Any]]] = {"agents": [{"sourcedId": "p-1", "givenName": "Pat"}]}
    server = recorder(lambda r: httpx.Response(200, json=body))
    agents = make(server).users("u-1").agents.list_all()
    assert [a.sourced_id for a in agents] == ["p-1"]
    assert len(server.requests) == 1  # an unpaged operation is fetched once


def test_where_on_an_unpaged_route_is_not_silently_dropped(make: Make, recorder) -> None:
    # getAgents takes no query parameters. Either the filter is refused before sending, or
    # it is honoured; returning unfiltered records as if they matched is wrong.
    agents = [{"sourcedId": "p-1", "givenName": "Pat"}, {"sourcedId": "p-2", "givenName": "Sam"}]
    server = recorder(lambda r: httpx.Response(200, json={"agents": agents}))
    listing = make(server).users("u-1").agents
    try:
        got = listing.list_all(where={"givenName": "Pat"})
    except ValidationError:
        assert server.requests == []
    else:
        assert [a.given_name for a in got] == ["Pat"]


def test_every_scoped_listing_is_typed_with_its_routes_record_model() -> None:
    import typing

    from oneroster import scopes

    checked = 0
    for scope_class in vars(scopes).values():
        if not (isinstance(scope_class, type) and issubclass(scope_class, scopes.Scope)):
            continue
        for name, value in vars(scope_class).items():
            if isinstance(value, scopes._Routes):
                route = ROUTES[f"{scope_class.prefix}.{name}"]
                (record_type,) = typing.get_args(value.__orig_class__)
                assert record_type is getattr(models, route.model), f"{scope_class.prefix}.{name}"
                checked += 1
    assert checked == len(ROUTES)
