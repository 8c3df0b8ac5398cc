from __future__ import annotations

import json
from datetime import UTC, datetime

import httpx
import pytest
from oneroster import errors
from oneroster.errors import (
    APIError,
    BadRequest,
    Conflict,
    Forbidden,
    NotFound,
    RateLimited,
    ServerError,
    Unauthorized,
    UnprocessableEntity,
    parse_retry_after,
    raise_for_response,
)

URL = "https://sis.example/ims/oneroster/rostering/v1p2/users/x"


def ims_body(description: str = "No user x", code_minor: object = None) -> dict[str, object]:
    if code_minor is None:
        code_minor = {
            "imsx_codeMinorField": [
                {"imsx_codeMinorFieldName": "TargetEndSystem", "imsx_codeMinorFieldValue": "unknownobject"}
            ]
        }
    return {
        "imsx_codeMajor": "failure",
        "imsx_severity": "error",
        "imsx_description": description,
        "imsx_CodeMinor": code_minor,
    }


def call(
    status: int,
    *,
    json_body: object = None,
    content: bytes | str | None = None,
    headers: dict[str, str] | None = None,
    method: str = "GET",
    url: str = URL,
    request_headers: dict[str, str] | None = None,
) -> httpx.Response:
    """Send one request through a client that has raise_for_response as its response hook."""

    def handler(request: httpx.Request) -> httpx.Response:
        if json_body is not None:
            return httpx.Response(status, json=json_body, headers=headers)
        return httpx.Response(status, content=content, headers=headers)

    with httpx.Client(
        transport=httpx.MockTransport(handler), event_hooks={"response": [raise_for_response]}
    ) as client:
        return client.request(method, url, headers=request_headers)


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequest),
        (401, Unauthorized),
        (403, Forbidden),
        (404, NotFound),
        (409, Conflict),
        (422, UnprocessableEntity),
        (429, RateLimited),
        (500, ServerError),
        (502, ServerError),
        (503, ServerError),
        (504, ServerError),
        (520, ServerError),
        (527, ServerError),
        (499, APIError),
        (405, APIError),
        (408, APIError),
        (410, APIError),
    ],
)
def test_status_maps_to_class(status: int, cls: type[APIError]) -> None:
    with pytest.raises(cls) as info:
        call(status, json_body=ims_body())
    assert type(info.value) is cls
    assert info.value.status_code == status
    assert info.value.method == "GET"
    assert info.value.url == URL


@pytest.mark.parametrize("status", [200, 201, 204, 299])
def test_success_statuses_pass(status: int) -> None:
    assert call(status, content=b"<html>not json</html>").status_code == status


@pytest.mark.parametrize("status", [301, 302, 304, 307, 399])
def test_redirect_statuses_are_errors_not_data(status: int) -> None:
    # The client follows no redirect, so a 3xx body is never the answer (issue 14, item 9).
    with pytest.raises(APIError) as info:
        call(status, content=b'{"users": []}')
    assert type(info.value) is APIError and info.value.status_code == status
    assert "does not follow redirects" in str(info.value)


def test_ims_body_fields_and_message() -> None:
    with pytest.raises(NotFound) as info:
        call(404, json_body=ims_body())
    exc = info.value
    assert exc.code_major == "failure"
    assert exc.severity == "error"
    assert exc.description == "No user x"
    assert exc.code_minor == "unknownobject"
    assert str(exc) == f"404 Not Found: GET {URL} — No user x (unknownobject)"
    assert json.loads(exc.body or "") == ims_body()


@pytest.mark.parametrize(
    "code_minor",
    [
        {
            "imsx_codeMinorField": {
                "imsx_codeMinorFieldName": "x",
                "imsx_codeMinorFieldValue": "invalid_filter",
            }
        },
        {"imsx_codeMinorField": [{"imsx_codeMinorFieldValue": "invalid_filter"}]},
        [{"imsx_codeMinorFieldName": "x", "imsx_codeMinorFieldValue": "invalid_filter"}],
        {"imsx_codeMinorFieldValue": "invalid_filter"},
        "invalid_filter",
    ],
)
def test_code_minor_as_dict_or_list(code_minor: object) -> None:
    with pytest.raises(BadRequest) as info:
        call(400, json_body=ims_body("bad filter", code_minor))
    assert info.value.code_minor == "invalid_filter"
    assert str(info.value).endswith("— bad filter (invalid_filter)")


def test_several_code_minor_values_are_joined() -> None:
    fields = [{"imsx_codeMinorFieldValue": "invalid_filter"}, {"imsx_codeMinorFieldValue": "invalid_sort"}]
    with pytest.raises(BadRequest) as info:
        call(400, json_body=ims_body("bad", {"imsx_codeMinorField": fields}))
    assert info.value.code_minor == "invalid_filter, invalid_sort"


def test_lowercase_code_minor_key_and_wrapped_status_info() -> None:
    body = {
        "imsx_statusInfo": {
            "imsx_codeMajor": "failure",
            "imsx_description": "gone",
            "imsx_codeMinor": "deleted",
        }
    }
    with pytest.raises(APIError) as info:
        call(410, json_body=body)
    assert (info.value.description, info.value.code_minor, info.value.code_major) == (
        "gone",
        "deleted",
        "failure",
    )
    assert str(info.value) == f"410 Gone: GET {URL} — gone (deleted)"


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"imsx_codeMajor": None, "imsx_description": 5, "imsx_CodeMinor": {"imsx_codeMinorField": None}},
        {"imsx_CodeMinor": [None, 3, "x", {"nope": 1}]},
        [1, 2, 3],
        "just a string",
        42,
        None,
    ],
)
def test_any_json_shape_is_tolerated(body: object) -> None:
    content = json.dumps(body).encode()
    with pytest.raises(ServerError) as info:
        call(500, content=content, headers={"content-type": "application/json"})
    assert str(info.value).startswith(f"500 Internal Server Error: GET {URL}")


def test_html_502_gives_server_error_with_excerpt() -> None:
    page = (
        "<!DOCTYPE html><html><head><title>502 Bad Gateway</title><style>body{color:red}</style></head>"
        "<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>"
    )
    with pytest.raises(ServerError) as info:
        call(502, content=page, headers={"content-type": "text/html"})
    exc = info.value
    assert str(exc) == f"502 Bad Gateway: GET {URL} — 502 Bad Gateway"
    assert exc.description is None and exc.code_minor is None
    assert exc.body == page


def test_html_without_title_is_stripped_and_truncated() -> None:
    page = (
        "<html><body><script>var x = 1;</script><p>Upstream   &amp; origin\n down</p>"
        + "x" * 5000
        + "</body>"
    )
    with pytest.raises(ServerError) as info:
        call(503, content=page)
    detail = str(info.value).split(" — ", 1)[1]
    assert detail.startswith("Upstream & origin down x")
    assert "var x" not in detail
    assert len(detail) <= 200
    assert len(info.value.body or "") <= 2048


def test_plain_text_body_excerpt() -> None:
    with pytest.raises(Forbidden) as info:
        call(403, content=b"Forbidden: scope roster-core.readonly required\n")
    assert str(info.value) == f"403 Forbidden: GET {URL} — Forbidden: scope roster-core.readonly required"


def test_empty_body() -> None:
    with pytest.raises(ServerError) as info:
        call(503, content=b"")
    assert str(info.value) == f"503 Service Unavailable: GET {URL}"
    assert info.value.body == ""


def test_invalid_json_body() -> None:
    with pytest.raises(UnprocessableEntity) as info:
        call(422, content=b'{"imsx_description": "trunc', headers={"content-type": "application/json"})
    assert info.value.description is None
    assert str(info.value) == f'422 Unprocessable Entity: GET {URL} — {{"imsx_description": "trunc'


def test_non_iana_codes_520_and_499() -> None:
    with pytest.raises(ServerError) as info:
        call(520, content=b"")
    assert str(info.value) == f"520 Web Server Returned an Unknown Error: GET {URL}"
    with pytest.raises(APIError) as info2:
        call(499, content=b"")
    assert type(info2.value) is APIError
    assert str(info2.value) == f"499 Client Closed Request: GET {URL}"
    with pytest.raises(APIError) as info3:
        call(460, content=b"")
    assert str(info3.value) == f"460 Client Error: GET {URL}"


def test_oauth_style_error_body() -> None:
    with pytest.raises(BadRequest) as info:
        call(
            400,
            json_body={"error": "invalid_client", "error_description": "Client authentication failed"},
            method="POST",
            url="https://sis.example/oauth/token",
        )
    exc = info.value
    assert str(exc) == (
        "400 Bad Request: POST https://sis.example/oauth/token"
        " — Client authentication failed (invalid_client)"
    )


def test_body_is_capped() -> None:
    with pytest.raises(ServerError) as info:
        call(500, content=b"e" * 100_000)
    assert len(info.value.body or "") == 2048


def test_unread_streamed_response_is_read_by_the_hook() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, stream=httpx.ByteStream(json.dumps(ims_body()).encode()))

    with (
        httpx.Client(
            transport=httpx.MockTransport(handler), event_hooks={"response": [raise_for_response]}
        ) as c,
        pytest.raises(NotFound) as info,
        c.stream("GET", URL),
    ):
        pass
    assert info.value.code_minor == "unknownobject"


def test_response_without_request() -> None:
    with pytest.raises(NotFound) as info:
        raise_for_response(httpx.Response(404, json=ims_body()))
    assert str(info.value) == "404 Not Found: ? ? — No user x (unknownobject)"


# -- Retry-After --------------------------------------------------------------------------


def test_rate_limited_retry_after_seconds() -> None:
    with pytest.raises(RateLimited) as info:
        call(429, content=b"slow down", headers={"Retry-After": "17"})
    assert info.value.retry_after == 17.0


def test_rate_limited_without_or_with_garbage_retry_after() -> None:
    with pytest.raises(RateLimited) as info:
        call(429, content=b"")
    assert info.value.retry_after is None
    with pytest.raises(RateLimited) as info:
        call(429, content=b"", headers={"Retry-After": "soon"})
    assert info.value.retry_after is None


def test_rate_limited_retry_after_http_date(monkeypatch: pytest.MonkeyPatch) -> None:
    # raise_for_response uses the real clock; check it goes through the one shared parser.
    seen: list[str | None] = []

    def fake(value: str | None, *, now: datetime | None = None) -> float | None:
        seen.append(value)
        return parse_retry_after(value, now=datetime(2015, 10, 21, 7, 28, tzinfo=UTC))

    monkeypatch.setattr(errors, "parse_retry_after", fake)
    with pytest.raises(RateLimited) as info:
        call(429, content=b"", headers={"Retry-After": "Wed, 21 Oct 2015 07:28:45 GMT"})
    assert seen == ["Wed, 21 Oct 2015 07:28:45 GMT"]
    assert info.value.retry_after == 45.0


NOW = datetime(2015, 10, 21, 7, 28, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("120", 120.0),
        ("0", 0.0),
        (" 5 ", 5.0),
        ("1.5", 1.5),
        ("-3", None),
        ("nan", None),
        ("inf", None),
        ("", None),
        (None, None),
        ("tomorrow", None),
        ("Wed, 21 Oct 2015 07:30:00 GMT", 120.0),
        ("Wed, 21 Oct 2015 07:27:00 GMT", 0.0),
        ("Wednesday, 21-Oct-15 07:29:00 GMT", 60.0),
        ("Wed Oct 21 07:28:10 2015", 10.0),
    ],
)
def test_parse_retry_after(value: str | None, expected: float | None) -> None:
    assert parse_retry_after(value, now=NOW) == expected


def test_parse_retry_after_naive_now_is_utc() -> None:
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:30 GMT", now=NOW.replace(tzinfo=None)) == 30.0


# -- no credentials in messages --------------------------------------------------------------


def test_message_has_no_token_or_authorization() -> None:
    token = "eyJhbGciOiJSUzI1NiJ9.secret-token-value"
    url = f"{URL}?access_token={token}&token={token}&client_secret=s3cr3t&password=pw&limit=10"
    body = f"bad request for Bearer {token} with header Authorization: Bearer {token} and s3cr3t"
    with pytest.raises(BadRequest) as info:
        call(400, content=body, url=url, request_headers={"Authorization": f"Bearer {token}"})
    exc = info.value
    for text in (str(exc), exc.url, exc.body or "", repr(exc.args)):
        assert token not in text
        assert "s3cr3t" not in text
        assert "pw&" not in text
    assert "access_token=***&token=***&client_secret=***&password=***&limit=10" in str(exc)
    assert "Bearer ***" in str(exc)


def test_ims_description_echoing_the_token_is_masked() -> None:
    token = "opaque-token-1234"
    with pytest.raises(Unauthorized) as info:
        call(
            401,
            json_body=ims_body(f"token {token} expired"),
            request_headers={"Authorization": f"Bearer {token}"},
        )
    assert token not in str(info.value)
    assert token not in (info.value.description or "")
    assert token not in (info.value.body or "")


def test_short_query_values_do_not_mask_ordinary_text() -> None:
    with pytest.raises(NotFound) as info:
        call(404, content=b"a user was not found", url=f"{URL}?token=a")
    assert str(info.value) == f"404 Not Found: GET {URL}?token=*** — a user was not found"


def test_json_decoding_falls_back_to_the_stdlib_where_orjson_is_stricter() -> None:
    from oneroster.engine import decode_json

    assert decode_json(b'{"users": [{"sourcedId": "u-1"}]}') == {"users": [{"sourcedId": "u-1"}]}
    # NaN and integers beyond 64 bits are not JSON orjson accepts; the stdlib does.
    assert decode_json(b'{"score": NaN, "big": 123456789012345678901234567890}')["big"] == (
        123456789012345678901234567890
    )
    with pytest.raises(ValueError):
        decode_json(b'{"users": [')
