from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from oneroster import (
    APIError,
    NotFound,
    OneRoster,
    Profile,
    ResponseParseError,
    RetryPolicy,
    ServerError,
    Unauthorized,
    UnsupportedOperation,
    ValidationError,
)

Make = Callable[..., OneRoster]

ROSTER = "/ims/oneroster/rostering/v1p2"
GRADEBOOK = "/ims/oneroster/gradebook/v1p2"
RESOURCES_ROOT = "/ims/oneroster/resources/v1p2"
BASE = "https://sis.example"
TOKEN = "tok-Zq81-client-test"
TOKEN_URL = "https://sis.example/oauth/token"
CLIENT_ID = "client-7"
SECRET = "s3cr3t-Kp4w-value"

IMS_404 = {
    "imsx_codeMajor": "failure",
    "imsx_severity": "error",
    "imsx_description": "No user with sourcedId u-404",
    "imsx_CodeMinor": {
        "imsx_codeMinorField": [
            {"imsx_codeMinorFieldName": "TargetEndSystem", "imsx_codeMinorFieldValue": "unknownobject"}
        ]
    },
}


def empty_lists(request: httpx.Request) -> httpx.Response:
    key = request.url.path.rstrip("/").rsplit("/", 1)[-1]
    return httpx.Response(200, json={key: []})


# -- profiles and URLs ---------------------------------------------------------------------


def test_ims_collection_path_has_no_trailing_slash(make: Make, recorder) -> None:
    server = recorder(empty_lists)
    make(server, profile="ims").users.list()
    assert server.paths == [f"{ROSTER}/users"]
    assert str(server.requests[0].url).startswith(f"{BASE}{ROSTER}/users?")


def test_timeback_adds_a_slash_on_top_level_collections_only(make: Make, recorder) -> None:
    def respond(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/u-1"):
            return httpx.Response(200, json={"user": {"sourcedId": "u-1"}})
        return httpx.Response(200, json={"users": [], "lineItems": [], "resources": []})

    server = recorder(respond)
    client = make(server, profile="timeback")
    client.users.list()
    client.users.get("u-1")
    client.classes("c-1").students.list()
    client.line_items.list()
    client.resources.list()
    assert server.paths == [
        f"{ROSTER}/users/",
        f"{ROSTER}/users/u-1",
        f"{ROSTER}/classes/c-1/students",
        f"{GRADEBOOK}/lineItems/",
        f"{RESOURCES_ROOT}/resources/",
    ]
    # The query survives the added slash.
    assert server.requests[0].url.params["limit"] == "2"


def test_timeback_slash_applies_below_a_base_url_path(make: Make, recorder) -> None:
    server = recorder(empty_lists)
    make(server, profile="timeback", base_url="https://sis.example/tenant-a").users.list()
    assert server.paths == [f"/tenant-a{ROSTER}/users/"]


def test_base_url_trailing_slash_is_dropped(make: Make, recorder) -> None:
    server = recorder(empty_lists)
    make(server, profile="ims", base_url="https://sis.example/").users.list()
    assert server.paths == [f"{ROSTER}/users"]


def test_gradebook_and_resources_roots(make: Make, recorder) -> None:
    server = recorder(empty_lists)
    client = make(server, profile="ims")
    client.line_items.list()
    client.categories.list()
    client.resources.list()
    assert server.paths == [
        f"{GRADEBOOK}/lineItems",
        f"{GRADEBOOK}/categories",
        f"{RESOURCES_ROOT}/resources",
    ]


def test_timeback_platform_root(make: Make, recorder) -> None:
    server = recorder(empty_lists)
    client = make(server, profile="timeback-platform")
    client.users.list()
    client.terms.list()
    assert server.paths == ["/rostering/1.0/users", "/rostering/1.0/terms"]
    with pytest.raises(UnsupportedOperation):
        client.line_items.list()  # no gradebook service on that platform
    assert len(server.requests) == 2


def test_v1p1_root(make: Make, recorder) -> None:
    server = recorder(empty_lists)
    client = make(server, profile="v1p1")
    client.users.list()
    client.line_items.list()
    assert server.paths == ["/ims/oneroster/v1p1/users", "/ims/oneroster/v1p1/lineItems"]


def test_v1p1_refuses_what_1p1_lacks_before_sending(make: Make, recorder) -> None:
    server = recorder(empty_lists)
    client = make(server, profile="v1p1")
    for call in (
        client.score_scales.list,
        client.assessment_results.list,
        lambda: client.classes("c-1").score_scales.list(),
    ):
        with pytest.raises(UnsupportedOperation, match="v1p1"):
            call()
    assert server.requests == []
    client.categories.list()  # 1.1 had categories (not a class's)
    assert server.paths == ["/ims/oneroster/v1p1/categories"]


def test_a_profile_of_yours_can_lack_operations(make: Make, recorder) -> None:
    server = recorder(empty_lists)
    profile = Profile(name="district", roots={"rostering": "/api/or"}, lacks=["getAllTeachers"])
    assert profile.lacks == frozenset({"getAllTeachers"})
    assert Profile.from_dict(profile.to_dict()) == profile
    client = make(server, profile=profile)
    with pytest.raises(UnsupportedOperation):
        client.teachers.list()
    client.users.list()
    assert server.paths == ["/api/or/users"]


def test_custom_profile(make: Make, recorder) -> None:
    server = recorder(empty_lists)
    profile = Profile(name="district", roots={"rostering": "/api/or"}, operations="ims")
    client = make(server, profile=profile)
    assert client.profile is profile
    client.users.list()
    assert server.paths == ["/api/or/users"]
    with pytest.raises(UnsupportedOperation):
        client.line_items.list()
    slashed = Profile(name="slashed", roots={"rostering": "/api/or"}, trailing_slash=True)
    server2 = recorder(empty_lists)
    make(server2, profile=slashed).users.list()
    assert server2.paths == ["/api/or/users/"]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"name": "x", "roots": {"grades": "/g"}},
        {"name": "x", "roots": {"rostering": "api"}},
        {"name": "x", "roots": {"rostering": "/api/"}},
        {"name": "x", "roots": {"rostering": "/api"}, "operations": "oneroster"},
        {"name": "x", "roots": {"rostering": "/api"}, "lacks": {"getAllWidgets"}},
        {"name": "x", "roots": {"rostering": "/api"}, "lacks": "getAllUsers"},
    ],
)
def test_bad_custom_profile_raises(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        Profile(**kwargs)


def test_unknown_profile_name_raises(recorder, build_client) -> None:
    with pytest.raises(ValidationError) as info:
        build_client(recorder(), profile="imss")
    assert info.value.field == "profile"


def test_operation_not_offered_by_the_profile_sends_nothing(make: Make, recorder) -> None:
    server = recorder()
    client = make(server, profile="ims")
    with pytest.raises(UnsupportedOperation) as info:
        client.users.create({"givenName": "Ana"})
    assert isinstance(info.value, ValidationError)
    assert "ims" in str(info.value)
    with pytest.raises(UnsupportedOperation):
        client.users("u-1").add_agent("p-1")
    assert server.requests == []


# -- constructor ---------------------------------------------------------------------------


def test_constructor_is_keyword_only() -> None:
    with pytest.raises(TypeError):
        OneRoster(BASE, token=TOKEN)  # type: ignore[misc]


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"client_id": CLIENT_ID},
        {"client_secret": SECRET},
        {"client_id": CLIENT_ID, "client_secret": SECRET},  # no token_url
        {"token": ""},
        {"token": TOKEN, "client_id": CLIENT_ID, "client_secret": SECRET, "token_url": TOKEN_URL},
        {"token": TOKEN, "client_id": CLIENT_ID},
    ],
)
def test_bad_credentials_raise(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ValidationError) as info:
        OneRoster(base_url=BASE, **kwargs)
    assert TOKEN not in str(info.value)
    assert SECRET not in str(info.value)


@pytest.mark.parametrize("base_url", ["sis.example", "ftp://sis.example", "", None, 42])
def test_bad_base_url_raises(base_url: object) -> None:
    with pytest.raises(ValidationError) as info:
        OneRoster(base_url=base_url, token=TOKEN)  # type: ignore[arg-type]
    assert info.value.field == "base_url"


@pytest.mark.parametrize(("name", "value"), [("page_size", 0), ("page_size", True), ("max_retries", -1)])
def test_bad_numbers_raise(name: str, value: object) -> None:
    with pytest.raises(ValidationError):
        OneRoster(base_url=BASE, token=TOKEN, **{name: value})  # type: ignore[arg-type]


def test_from_env_with_a_dict(recorder) -> None:
    server = recorder(empty_lists)
    environ = {
        "ONEROSTER_BASE_URL": "https://env.example",
        "ONEROSTER_TOKEN": TOKEN,
        "ONEROSTER_PROFILE": "timeback",
        "ONEROSTER_CLIENT_ID": "",
    }
    client = OneRoster.from_env(
        environ,
        http_client=httpx.Client(transport=httpx.MockTransport(server)),
        retry_policy=RetryPolicy(max_retries=0),
        page_size=5,
    )
    with client:
        assert client.base_url == "https://env.example"
        assert client.profile.name == "timeback"
        client.users.list()
    request = server.requests[0]
    assert str(request.url) == "https://env.example/ims/oneroster/rostering/v1p2/users/?limit=5&offset=0"
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"


def test_from_env_overrides_and_missing_base_url() -> None:
    with pytest.raises(ValidationError) as info:
        OneRoster.from_env({"ONEROSTER_TOKEN": TOKEN})
    assert info.value.field == "base_url"
    client = OneRoster.from_env({"ONEROSTER_BASE_URL": "https://env.example"}, token=TOKEN, profile="v1p1")
    with client:
        assert client.profile.name == "v1p1"


def test_repr_hides_the_token_and_secret(recorder, build_client) -> None:
    static = build_client(recorder(), token=TOKEN)
    oauth = build_client(recorder(), client_id=CLIENT_ID, client_secret=SECRET, token_url=TOKEN_URL)
    with static, oauth:
        for client in (static, oauth):
            text = repr(client)
            assert TOKEN not in text and SECRET not in text
            assert "sis.example" in text


def test_error_messages_never_contain_the_token(make: Make, recorder) -> None:
    def respond(request: httpx.Request) -> httpx.Response:
        echoed = request.headers["Authorization"]
        return httpx.Response(400, text=f"bad request; you sent {echoed} and token {TOKEN}")

    client = make(recorder(respond), token=TOKEN)
    with pytest.raises(APIError) as info:
        client.users.list()
    assert TOKEN not in str(info.value)
    assert TOKEN not in repr(info.value)
    assert TOKEN not in (info.value.body or "")


def test_token_endpoint_error_never_contains_the_secret(make: Make, recorder) -> None:
    def respond(request: httpx.Request) -> httpx.Response:
        if str(request.url) == TOKEN_URL:
            return httpx.Response(401, json={"error": "invalid_client", "error_description": f"bad {SECRET}"})
        return empty_lists(request)

    client = make(recorder(respond), client_id=CLIENT_ID, client_secret=SECRET, token_url=TOKEN_URL)
    with pytest.raises(Unauthorized) as info:
        client.users.list()
    assert SECRET not in str(info.value)
    assert SECRET not in (info.value.body or "")


def test_context_manager_closes_once(monkeypatch: pytest.MonkeyPatch, recorder, build_client) -> None:
    client = build_client(recorder())
    closed: list[bool] = []
    monkeypatch.setattr(client._transport, "close", lambda: closed.append(True))
    with client as entered:
        assert entered is client
    assert closed == [True]
    client.close()  # safe twice
    assert closed == [True]


# -- auth through the client ---------------------------------------------------------------


class TokenCounter:
    def __init__(self, api: Callable[[httpx.Request], httpx.Response]) -> None:
        self.api = api
        self.token_requests = 0
        self.lock = threading.Lock()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if str(request.url) == TOKEN_URL:
            with self.lock:
                self.token_requests += 1
            return httpx.Response(200, json={"access_token": "oauth-tok-1", "expires_in": 3600})
        return self.api(request)


def test_oauth_one_token_request_across_many_calls(make: Make, recorder) -> None:
    counter = TokenCounter(empty_lists)
    server = recorder(counter)
    client = make(server, client_id=CLIENT_ID, client_secret=SECRET, token_url=TOKEN_URL)
    for _ in range(5):
        client.users.list()
    client.line_items.list()
    client.classes("c-1").students.list()
    assert counter.token_requests == 1
    token_request = server.requests[0]
    assert str(token_request.url) == TOKEN_URL
    assert token_request.headers["Authorization"].startswith("Basic ")
    assert all(r.headers["Authorization"] == "Bearer oauth-tok-1" for r in server.api_requests)
    assert len(server.api_requests) == 7


def test_oauth_threads_share_one_token(make: Make, recorder) -> None:
    def bare_user(request: httpx.Request) -> httpx.Response:
        # A bare record: the wrapper must read it from this thread's own response.
        sourced_id = request.url.path.rsplit("/", 1)[-1]
        return httpx.Response(200, json={"sourcedId": sourced_id, "givenName": sourced_id})

    counter = TokenCounter(bare_user)
    server = recorder(counter)
    client = make(server, client_id=CLIENT_ID, client_secret=SECRET, token_url=TOKEN_URL)
    barrier = threading.Barrier(8)
    errors: list[BaseException] = []
    mismatches: list[tuple[str, str]] = []

    def work(n: int) -> None:
        try:
            barrier.wait()
            for i in range(50):
                wanted = f"u-{n}-{i}"
                got = client.users.get(wanted)
                if got.sourced_id != wanted or got.given_name != wanted:
                    mismatches.append((wanted, str(got.sourced_id)))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert mismatches == []
    assert counter.token_requests == 1
    assert len(server.api_requests) == 400
    assert all(r.headers["Authorization"] == "Bearer oauth-tok-1" for r in server.api_requests)


def test_every_request_carries_the_static_bearer_token(make: Make, recorder) -> None:
    def respond(request: httpx.Request) -> httpx.Response:
        if request.method in ("PUT", "DELETE"):
            return httpx.Response(201)
        if request.url.path.endswith("/u-1"):
            return httpx.Response(200, json={"user": {"sourcedId": "u-1"}})
        return empty_lists(request)

    server = recorder(respond)
    client = make(server, token=TOKEN)
    client.users.list()
    client.users.get("u-1")
    client.classes("c-1").students.list()
    client.enrollments.delete("e-1")
    client.users("u-1").remove_agent("p-1")
    assert len(server.requests) == 5
    assert all(r.headers["Authorization"] == f"Bearer {TOKEN}" for r in server.requests)


# -- errors through the client -------------------------------------------------------------


def test_404_on_get_is_not_found_with_code_minor(make: Make, recorder) -> None:
    server = recorder(lambda r: httpx.Response(404, json=IMS_404))
    with pytest.raises(NotFound) as info:
        make(server).users.get("u-404")
    assert info.value.code_minor == "unknownobject"
    assert info.value.description == "No user with sourcedId u-404"
    assert info.value.status_code == 404
    assert len(server.requests) == 1  # a 404 is not retried


def test_exists(make: Make, recorder) -> None:
    def respond(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/u-1"):
            return httpx.Response(200, json={"user": {"sourcedId": "u-1"}})
        return httpx.Response(404, json=IMS_404)

    server = recorder(respond)
    client = make(server)
    assert client.users.exists("u-1") is True
    assert client.users.exists("u-404") is False
    assert all(r.url.params["fields"] == "sourcedId" for r in server.requests)


def test_exists_does_not_swallow_other_errors(make: Make, recorder) -> None:
    client = make(recorder(lambda r: httpx.Response(403, json={"imsx_codeMajor": "failure"})))
    with pytest.raises(APIError):
        client.users.exists("u-1")


def test_html_502_after_retries_is_server_error(make: Make, recorder) -> None:
    html = "<html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>"
    server = recorder(lambda r: httpx.Response(502, text=html, headers={"Content-Type": "text/html"}))
    with pytest.raises(ServerError) as info:
        make(server, max_retries=2).users.list()
    assert info.value.status_code == 502
    assert "Bad Gateway" in str(info.value)
    assert len(server.requests) == 3


def test_truncated_json_on_a_list_is_response_parse_error(make: Make, recorder) -> None:
    truncated = '{"users": [{"sourcedId": "u0", "givenName": "A'
    server = recorder(lambda r: httpx.Response(200, text=truncated))
    with pytest.raises(ResponseParseError) as info:
        make(server).users.list()
    assert info.value.text == truncated
    assert info.value.status_code == 200


def test_truncated_json_on_a_get_is_response_parse_error(make: Make, recorder) -> None:
    server = recorder(lambda r: httpx.Response(200, text='{"user": {"sourcedId": '))
    with pytest.raises(ResponseParseError) as info:
        make(server).users.get("u-1")
    assert info.value.text == '{"user": {"sourcedId": '


def test_an_envelope_with_no_one_list_of_records_is_response_parse_error(make: Make, recorder) -> None:
    body = {"people": [{"sourcedId": "p1"}], "pets": [{"sourcedId": "d1"}], "x": 1}
    server = recorder(lambda r: httpx.Response(200, json=body))
    with pytest.raises(ResponseParseError) as info:
        make(server).users.list()
    assert "people" in info.value.text


def test_a_list_envelope_with_extra_keys_is_read(make: Make, recorder) -> None:
    # The TimeBack document allows extra properties beside the list; the one list is the records.
    body = {"users": [{"sourcedId": "u1"}], "x": 1, "links": {"self": "/users"}}
    server = recorder(lambda r: httpx.Response(200, json=body))
    assert [u.sourced_id for u in make(server).users.list()] == ["u1"]
    renamed = {"people": [{"sourcedId": "p1"}], "x": 1}
    server = recorder(lambda r: httpx.Response(200, json=renamed))
    assert [u.sourced_id for u in make(server).users.list()] == ["p1"]


def test_non_object_body_is_response_parse_error(make: Make, recorder) -> None:
    server = recorder(lambda r: httpx.Response(200, json=[{"sourcedId": "u0"}]))
    with pytest.raises(ResponseParseError):
        make(server).users.list()


def test_timeback_platform_terms_envelope_is_accepted(make: Make, recorder) -> None:
    body = {
        "terms": [{"sourcedId": "t-1", "title": "Fall", "type": "term"}],
        "totalCount": 1,
        "pageCount": 1,
        "pageNumber": 1,
        "offset": 0,
        "limit": 2,
    }
    server = recorder(lambda r: httpx.Response(200, json=body))
    terms = make(server, profile="timeback-platform").terms.list_all()
    assert [t.sourced_id for t in terms] == ["t-1"]
    assert terms[0].title == "Fall"
    assert len(server.requests) == 1  # the body totalCount ended the collection


def test_bare_user_from_get_is_accepted(make: Make, recorder) -> None:
    server = recorder(lambda r: httpx.Response(200, json={"sourcedId": "u-1", "givenName": "Ana"}))
    user = make(server).users.get("u-1")
    assert (user.sourced_id, user.given_name) == ("u-1", "Ana")


def test_get_without_a_record_is_response_parse_error(make: Make, recorder) -> None:
    server = recorder(lambda r: httpx.Response(200, json={"something": "else"}))
    with pytest.raises(ResponseParseError):
        make(server).users.get("u-1")


def test_unknown_enum_values_and_nulls_parse(make: Make, recorder, paged) -> None:
    user = {
        "sourcedId": "u-1",
        "status": "archived-by-vendor",
        "givenName": "Ana",
        "middleName": None,
        "email": None,
        "roles": [{"roleType": "tertiary", "role": "wizard", "org": {"sourcedId": "s-1", "type": "campus"}}],
        "metadata": None,
        "futureField": {"nested": True},
    }
    server = recorder(paged([user], total="header"))
    got = make(server).users.list_all()
    assert len(got) == 1
    assert got[0].status == "archived-by-vendor"
    assert got[0].middle_name is None
    assert got[0].roles[0].role == "wizard"
    assert got[0].additional_properties["futureField"] == {"nested": True}


def test_list_records_are_typed_models(make: Make, recorder, paged, records) -> None:
    server = recorder(paged(records(2), total="header"))
    got = make(server).users.list_all()
    assert [type(u).__name__ for u in got] == ["User", "User"]


def test_help_lists_every_resource_with_one_line_and_its_record_type() -> None:
    import pydoc
    import typing

    from oneroster.resources import RESOURCES, Collection

    import oneroster_client.models as models

    text = pydoc.render_doc(OneRoster, renderer=pydoc.plaintext)
    for spec in RESOURCES:
        prop = vars(OneRoster)[spec.name]
        assert isinstance(prop, property), spec.name
        doc = prop.__doc__ or ""
        assert doc.strip() and "\n" not in doc.strip(), f"{spec.name}: one line, please"
        assert f" |  {spec.name}\n |      {doc.strip()}\n" in text
        returned = typing.get_type_hints(prop.fget)["return"]
        origin = typing.get_origin(returned)
        if origin is not Collection:  # a Collection subclass (CourseCollection) fixes its record type
            returned = next(b for b in origin.__orig_bases__ if typing.get_origin(b) is Collection)
        record_type = typing.get_args(returned)[0]
        assert record_type is getattr(models, spec.model), spec.name
    resources = {name for name, value in vars(OneRoster).items() if isinstance(value, property)}
    assert resources == {spec.name for spec in RESOURCES}
