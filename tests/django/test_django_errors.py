"""Mapping ``oneroster`` errors to HTTP answers: the table, the bodies, the middleware and the decorator."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from hypothesis import given
from hypothesis import strategies as st
from oneroster import (
    APIError,
    BadRequest,
    Conflict,
    Forbidden,
    NotFound,
    OneRosterError,
    PaginationError,
    RateLimited,
    ResponseParseError,
    ServerError,
    Timeout,
    TransportError,
    Unauthorized,
    UnprocessableEntity,
    UnsupportedOperation,
    ValidationError,
)
from oneroster.contrib.django import (
    MappedError,
    OneRosterErrorMiddleware,
    error_response,
    handle_oneroster_errors,
    map_error,
)
from oneroster.contrib.django.errors import DEFAULT_RETRY_AFTER, wants_json
from oneroster.errors import raise_for_response

# Every test here runs with the session sandbox (the site's setting points at it).
pytestmark = pytest.mark.sandbox

SECRET = "tok-Secret-9f8e7d"
UPSTREAM = "https://sis.example/ims/oneroster/rostering/v1p2/classes/c-1?access_token=" + SECRET


def api(cls: type[APIError], status: int, **extra: Any) -> APIError:
    return cls(
        f"{status} from GET {UPSTREAM} — {SECRET}",
        status_code=status,
        method="GET",
        url=UPSTREAM,
        description=f"upstream says {SECRET}",
        body=f'{{"access_token": "{SECRET}"}}',
        **extra,
    )


CASES: list[tuple[OneRosterError, int, str]] = [
    (api(NotFound, 404), 404, "not_found"),
    (ValidationError("sourcedId must not be empty or blank", field="sourcedId"), 400, "invalid_request"),
    (UnsupportedOperation("createUser is a TimeBack extension"), 501, "not_supported"),
    (api(Unauthorized, 401), 502, "upstream_auth"),
    (api(Forbidden, 403), 502, "upstream_auth"),
    (api(RateLimited, 429, retry_after=2.2), 503, "upstream_rate_limited"),
    (api(ServerError, 500), 502, "upstream_error"),
    (api(ServerError, 503), 502, "upstream_error"),
    (
        TransportError(f"connection reset: {UPSTREAM}", method="GET", url=UPSTREAM),
        502,
        "upstream_unreachable",
    ),
    (Timeout(f"read timed out: {UPSTREAM}", method="GET", url=UPSTREAM), 504, "upstream_timeout"),
    (ResponseParseError(f"bad JSON {SECRET}", text=SECRET, status_code=200), 502, "upstream_bad_response"),
    (PaginationError("the provider repeats a page", resume_offset=100), 502, "upstream_bad_response"),
    (api(BadRequest, 400), 502, "upstream_rejected"),
    (api(Conflict, 409), 502, "upstream_rejected"),
    (api(UnprocessableEntity, 422), 502, "upstream_rejected"),
    (api(APIError, 405), 502, "upstream_rejected"),
    (OneRosterError("something new"), 502, "upstream_error"),
]


@pytest.mark.parametrize(
    ("exc", "status", "code"), CASES, ids=lambda v: type(v).__name__ if isinstance(v, Exception) else None
)
def test_each_error_maps_to_its_status(exc: OneRosterError, status: int, code: str) -> None:
    mapped = map_error(exc)

    assert (mapped.status, mapped.code) == (status, code)
    assert (mapped.retry_after is not None) == (status == 503)


def test_validation_error_keeps_our_description_and_field() -> None:
    mapped = map_error(ValidationError("limit must be a positive integer, got 0", field="limit"))

    assert mapped.message == "Invalid request: limit must be a positive integer, got 0"
    assert mapped.as_dict() == {
        "status": 400,
        "code": "invalid_request",
        "message": "Invalid request: limit must be a positive integer, got 0",
        "field": "limit",
    }


@pytest.mark.parametrize(("hint", "header"), [(2.2, 3), (0.0, 0), (120.0, 120), (None, DEFAULT_RETRY_AFTER)])
def test_retry_after_is_the_providers_hint_rounded_up(hint: float | None, header: int) -> None:
    assert map_error(api(RateLimited, 429, retry_after=hint)).retry_after == header


factory = RequestFactory()


@pytest.mark.parametrize(
    ("accept", "json_wanted"),
    [
        ("application/json", True),
        ("application/json, text/plain;q=0.5", True),
        ("text/html,application/xhtml+xml,*/*;q=0.8", False),
        ("text/html, application/json", False),
        ("*/*", False),
        ("", False),
    ],
)
def test_json_only_when_the_client_prefers_it(accept: str, json_wanted: bool) -> None:
    request = factory.get("/", HTTP_ACCEPT=accept) if accept else factory.get("/")
    assert wants_json(request) is json_wanted


def test_plain_text_body() -> None:
    response = error_response(factory.get("/classes/c-1/"), api(NotFound, 404))

    assert response.status_code == 404
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content == b"404 Not Found: The requested record does not exist.\n"
    assert response["Cache-Control"] == "no-store"


def test_json_body_with_retry_after() -> None:
    request = factory.get("/", HTTP_ACCEPT="application/json")
    response = error_response(request, api(RateLimited, 429, retry_after=4))

    assert response.status_code == 503
    assert response["Retry-After"] == "4"
    assert json.loads(response.content) == {
        "error": {
            "status": 503,
            "code": "upstream_rate_limited",
            "message": "The roster provider is busy; try again later.",
            "retry_after": 4,
        }
    }


@pytest.mark.parametrize(("exc", "status", "code"), CASES)
def test_bodies_never_leak_the_upstream_or_the_token(exc: OneRosterError, status: int, code: str) -> None:
    for accept in ("application/json", "text/plain"):
        response = error_response(factory.get("/", HTTP_ACCEPT=accept), exc)
        body = response.content.decode()
        assert response.status_code == status
        if accept == "application/json":
            assert json.loads(body)["error"]["code"] == code
        assert SECRET not in body and "sis.example" not in body and "upstream says" not in body


@given(
    status=st.integers(min_value=400, max_value=599),
    body=st.sampled_from(["", "<html><title>Oops</title></html>", '{"imsx_description": "no such class"}']),
    retry_after=st.none() | st.sampled_from(["0", "3", "1.5", "Wed, 21 Oct 2015 07:28:00 GMT", "soon"]),
)
def test_any_provider_error_status_gets_a_safe_gateway_answer(
    status: int, body: str, retry_after: str | None
) -> None:
    headers = {"Retry-After": retry_after} if retry_after is not None else {}
    upstream = httpx.Response(
        status,
        text=body.replace("no such class", f"no such class {SECRET}"),
        headers=headers,
        request=httpx.Request("GET", UPSTREAM, headers={"Authorization": f"Bearer {SECRET}"}),
    )
    with pytest.raises(APIError) as raised:
        raise_for_response(upstream)

    response = error_response(factory.get("/", HTTP_ACCEPT="application/json"), raised.value)

    expected = {404: 404, 429: 503}.get(status, 502)
    assert response.status_code == expected
    text = response.content.decode()
    assert SECRET not in text and "sis.example" not in text and "Oops" not in text
    error = json.loads(text)["error"]
    assert error["status"] == expected
    if expected == 503:
        assert int(response["Retry-After"]) >= 0
        assert error["retry_after"] == int(response["Retry-After"])
    else:
        assert not response.has_header("Retry-After")


# -- middleware and decorator -------------------------------------------------------------


def _ok(request: Any) -> HttpResponse:
    return HttpResponse("fine")


def test_middleware_answers_oneroster_errors_and_ignores_others(caplog: pytest.LogCaptureFixture) -> None:
    middleware = OneRosterErrorMiddleware(_ok)
    request = factory.get("/classes/c-1/roster/")

    assert middleware(request).content == b"fine"
    with caplog.at_level("WARNING", logger="oneroster.contrib.django"):
        response = middleware.process_exception(request, api(ServerError, 503))
    assert response.status_code == 502
    assert middleware.process_exception(request, KeyError("not ours")) is None
    # The operator's log names the failed call (redacted by oneroster.errors), the page does not.
    assert [r.levelname for r in caplog.records] == ["ERROR"]
    assert "GET /classes/c-1/roster/ -> 502 upstream_error" in caplog.records[0].getMessage()


def test_middleware_renders_a_template_for_browsers_and_json_for_api_clients() -> None:
    class Templated(OneRosterErrorMiddleware):
        template_name = "roster_site/error.html"

    middleware = Templated(_ok)
    exc = api(RateLimited, 429, retry_after=9)

    page = middleware.process_exception(factory.get("/", HTTP_ACCEPT="text/html"), exc)
    assert page.status_code == 503
    assert page["Retry-After"] == "9"
    assert "<h1>503 Service Unavailable</h1>" in page.content.decode()
    assert "Please try again in 9 seconds." in page.content.decode()

    api_answer = middleware.process_exception(factory.get("/", HTTP_ACCEPT="application/json"), exc)
    assert json.loads(api_answer.content)["error"]["code"] == "upstream_rate_limited"


def test_render_can_be_overridden() -> None:
    class Custom(OneRosterErrorMiddleware):
        def render(self, request: Any, mapped: MappedError) -> HttpResponse:
            return HttpResponse(f"custom {mapped.code}", status=mapped.status)

    response = Custom(_ok).process_exception(factory.get("/"), api(NotFound, 404))

    assert (response.status_code, response.content) == (404, b"custom not_found")


def test_decorator_maps_errors_and_keeps_the_view() -> None:
    @handle_oneroster_errors
    def view(request: Any, class_id: str) -> HttpResponse:
        """A view."""
        if class_id == "missing":
            raise api(NotFound, 404)
        if class_id == "boom":
            raise KeyError(class_id)
        return HttpResponse(class_id)

    assert view.__name__ == "view" and view.__doc__ == "A view."
    assert view(factory.get("/"), "c-1").content == b"c-1"
    assert view(factory.get("/"), class_id="missing").status_code == 404
    with pytest.raises(KeyError):
        view(factory.get("/"), "boom")
