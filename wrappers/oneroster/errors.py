"""The one exception tree of the ``oneroster`` package.

```
OneRosterError
├── ValidationError          bad input, caught before anything is sent
├── APIError                 the server answered with an error status
│   ├── BadRequest           400
│   ├── Unauthorized         401
│   ├── Forbidden            403
│   ├── NotFound             404
│   ├── Conflict             409
│   ├── UnprocessableEntity  422
│   ├── RateLimited          429 (carries ``retry_after``)
│   └── ServerError          5xx
├── TransportError           the request never got a usable answer
│   └── Timeout
│       └── DeadlineExceeded the call's whole time budget (``deadline``) ran out
├── ResponseParseError       a 2xx answer whose body is not what the API promises
│   ├── ResponseTooLarge     the body outgrew ``max_response_bytes`` (counted decompressed)
│   └── ResponseDecodingError  a gzip/deflate body that does not decompress
└── PaginationError          a paging loop that would never end
```

``raise_for_response`` maps an error response onto this tree (other 4xx codes such as
405, 410 or 499 give a plain ``APIError``; every 5xx, 520-527 included, a ``ServerError``;
a 3xx, which the client never follows, a plain ``APIError`` too).
Every message is built from the status, the method, a redacted URL and the server's
``imsx_description``; none ever contains a token or a client secret.

Example:
    ```python
    try:
        client.users.get("u-1")
    except oneroster.NotFound as exc:
        print(exc.status_code, exc.code_minor)
    ```

"""

from __future__ import annotations

import html
import json
import math
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from .logging_utils import SENSITIVE_QUERY_PARAMS, redact_text, redact_url

__all__ = [
    "APIError",
    "BadRequest",
    "Conflict",
    "DeadlineExceeded",
    "Forbidden",
    "NotFound",
    "OneRosterError",
    "PaginationError",
    "RateLimited",
    "ResponseDecodingError",
    "ResponseParseError",
    "ResponseTooLarge",
    "ServerError",
    "Timeout",
    "TransportError",
    "Unauthorized",
    "UnprocessableEntity",
    "ValidationError",
    "parse_retry_after",
    "raise_for_response",
    "request_secrets",
    "response_text",
]


class OneRosterError(Exception):
    """Base class of every error this package raises.

    Example:
        ```python
        try:
            client.users.list_all()
        except oneroster.OneRosterError as exc:
            log.error("sync failed: %s", exc)
        ```

    ``resume_offset`` is set when the error interrupted a paging loop: it is the offset
    that ``stream(start_offset=...)`` resumes from without losing or repeating a record.

    """

    resume_offset: int | None = None


class ValidationError(OneRosterError, ValueError):
    """Input that cannot be sent as it is; raised before any request goes out.

    ``field`` names the offending argument or body field when there is one.

    Example:
        ```python
        try:
            client.users.upsert("u-1", {"sourcedId": "u-2"})
        except oneroster.ValidationError as exc:
            assert exc.field == "sourcedId"
        ```

    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class APIError(OneRosterError):
    """The server answered with an error status (4xx or 5xx).

    Attributes mirror the IMS ``imsx_StatusInfo`` body when the server sent one:
    ``code_major`` (``failure``...), ``severity``, ``code_minor`` (``unknownobject``...)
    and ``description``. ``method`` and ``url`` say which call failed.

    Example:
        ```python
        except oneroster.APIError as exc:
            print(exc.status_code, exc.code_minor, exc.description)
        ```

    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        method: str,
        url: str,
        code_major: str | None = None,
        severity: str | None = None,
        code_minor: str | None = None,
        description: str | None = None,
        body: str | None = None,
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.method = method
        self.url = url
        self.code_major = code_major
        self.severity = severity
        self.code_minor = code_minor
        self.description = description
        self.body = body


class BadRequest(APIError):
    """400: the server rejected the request (bad filter, unknown field...)."""


class Unauthorized(APIError):
    """401: missing, expired or rejected credentials."""


class Forbidden(APIError):
    """403: the credentials lack a scope, or the record belongs to someone else."""


class NotFound(APIError):
    """404: no record with that sourcedId (``code_minor`` is usually ``unknownobject``)."""


class Conflict(APIError):
    """409: the write conflicts with the server's state (for example active enrollments)."""


class UnprocessableEntity(APIError):
    """422: the body was understood but is not valid OneRoster data."""


class RateLimited(APIError):
    """429: too many requests; ``retry_after`` is the server's hint in seconds, if any."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: object) -> None:
        super().__init__(message, **kwargs)  # type: ignore[arg-type]
        self.retry_after = retry_after


class ServerError(APIError):
    """5xx: the server failed; safe reads are retried before this is raised."""


class TransportError(OneRosterError):
    """The request never got an HTTP answer (connection refused, reset, DNS...)."""

    def __init__(self, message: str, *, method: str | None = None, url: str | None = None) -> None:
        super().__init__(message)
        self.method = method
        self.url = url


class Timeout(TransportError):
    """The server did not answer within the configured timeout."""


class DeadlineExceeded(Timeout):
    """The call ran out of its time budget: ``OneRoster(deadline=...)`` or ``oneroster.deadline(...)``.

    The budget covers everything the call waited for: the token, each attempt, the back-off
    between them and a body that arrives slowly. ``deadline`` is that budget in seconds.

    Example:
        ```python
        try:
            client.users.get("u-1")
        except oneroster.DeadlineExceeded as exc:
            print(f"gave up after {exc.deadline:g} s")
        ```

    """

    def __init__(
        self, message: str, *, method: str | None = None, url: str | None = None, deadline: float
    ) -> None:
        super().__init__(message, method=method, url=url)
        self.deadline = deadline


class ResponseParseError(OneRosterError):
    """A successful status whose body is not valid JSON of the expected shape.

    ``text`` keeps the raw body (truncated, with credentials masked) so the cause can be seen.
    """

    def __init__(self, message: str, *, text: str = "", status_code: int | None = None) -> None:
        super().__init__(message)
        # Whoever built the text should have masked the request's own secrets; this masks
        # anything else that looks like a credential, whoever built it.
        self.text = redact_text(text)
        self.status_code = status_code


class ResponseTooLarge(ResponseParseError):
    """The answer's body, decompressed, is larger than ``OneRoster(max_response_bytes=...)``.

    Reading stopped at the limit (``limit``, in bytes): nothing larger was ever held in memory.

    Example:
        ```python
        OneRoster.from_env(max_response_bytes=512 * 1024 * 1024)  # for a provider that never pages
        ```

    """

    def __init__(self, message: str, *, limit: int, status_code: int | None = None) -> None:
        super().__init__(message, status_code=status_code)
        self.limit = limit


class ResponseDecodingError(ResponseParseError):
    """The answer's body is compressed (``Content-Encoding: gzip``/``deflate``) but does not decompress.

    A safe call is retried on it, as on a 502: a body corrupted on the way is not the
    server's final word.
    """


class PaginationError(OneRosterError):
    """Paging stopped before the end; ``resume_offset`` is where ``stream(start_offset=...)`` resumes.

    Example:
        ```python
        try:
            for user in client.users.stream():
                save(user)
        except oneroster.PaginationError as exc:
            for user in client.users.stream(start_offset=exc.resume_offset):
                save(user)
        ```

    """

    def __init__(self, message: str, *, resume_offset: int) -> None:
        super().__init__(message)
        self.resume_offset = resume_offset


# -- mapping an HTTP error response to the tree above -------------------------------------

#: How much of an error body ``APIError.body`` keeps, in characters.
_BODY_LIMIT = 2048
#: How much of a non-IMS body goes into the exception message.
_EXCERPT_LIMIT = 200

#: Set on a response's extensions by the transport when an error answer's body could not be
#: read in full (too large, corrupt): the status still counts, and the message says why it
#: has no detail.
BODY_PROBLEM = "oneroster.body_problem"

# A request carrying this extension will be sent once more by
# ``oneroster.auth.OAuth2ClientCredentials`` if it gets a 401. httpx runs response hooks
# *before* the auth flow sees the response, so the hook must let that first 401 through
# or the refresh-and-retry could never happen.
_AUTH_WILL_RETRY_401 = "oneroster.auth_will_retry_401"

_STATUS_CLASSES: dict[int, type[APIError]] = {
    400: BadRequest,
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    422: UnprocessableEntity,
    429: RateLimited,
}

# Codes outside the IANA registry that proxies and CDNs really send.
_UNOFFICIAL_REASONS = {
    499: "Client Closed Request",
    520: "Web Server Returned an Unknown Error",
    521: "Web Server Is Down",
    522: "Connection Timed Out",
    523: "Origin Is Unreachable",
    524: "A Timeout Occurred",
    525: "SSL Handshake Failed",
    526: "Invalid SSL Certificate",
    527: "Railgun Error",
}

_SCRIPT_STYLE_RE = re.compile(r"(?is)<(script|style)\b[^>]*>.*?</\1\s*>")
_TITLE_RE = re.compile(r"(?is)<title\b[^>]*>(.*?)</title\s*>")
_TAG_RE = re.compile(r"(?s)<[^>]*>")
_SPACE_RE = re.compile(r"\s+")


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Parse a ``Retry-After`` header value into seconds to wait, or ``None`` if unusable.

    Accepts delta-seconds (``"120"``) and an HTTP-date
    (``"Wed, 21 Oct 2015 07:28:00 GMT"``); a date in the past gives ``0.0``. ``now``
    (timezone-aware, default: the current UTC time) is the reference for dates.

    Example:
        ```python
        parse_retry_after("30")  # 30.0
        parse_retry_after("Wed, 21 Oct 2015 07:28:30 GMT",
                          now=datetime(2015, 10, 21, 7, 28, tzinfo=UTC))  # 30.0
        ```

    """
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        return seconds if math.isfinite(seconds) and seconds >= 0 else None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        # RFC 9110 dates are always GMT; "-0000" parses as naive.
        when = when.replace(tzinfo=UTC)
    reference = now if now is not None else datetime.now(UTC)
    if reference.tzinfo is None:
        reference = reference.replace(tzinfo=UTC)
    return max(0.0, (when - reference).total_seconds())


def _reason(response: httpx.Response) -> str:
    status = response.status_code
    phrase = httpx.codes.get_reason_phrase(status) or _UNOFFICIAL_REASONS.get(status)
    if not phrase:
        try:
            phrase = response.reason_phrase
        except (UnicodeDecodeError, AttributeError):
            phrase = ""
    return phrase or ("Server Error" if status >= 500 else "Client Error")


def _lookup(mapping: dict[str, Any], *names: str) -> Any:
    # IMS bindings disagree on case (imsx_CodeMinor vs imsx_codeMinor): match loosely.
    lowered = {key.lower(): value for key, value in mapping.items() if isinstance(key, str)}
    for name in names:
        if name.lower() in lowered:
            return lowered[name.lower()]
    return None


def _text_or_none(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _code_minor(value: Any) -> str | None:
    if isinstance(value, dict):
        fields = _lookup(value, "imsx_codeMinorField")
        if fields is not None:
            return _code_minor(fields)
        return _text_or_none(_lookup(value, "imsx_codeMinorFieldValue"))
    if isinstance(value, list):
        values = [code for code in map(_code_minor, value) if code]
        return ", ".join(dict.fromkeys(values)) or None
    return _text_or_none(value)


def _status_info(payload: Any) -> dict[str, Any]:
    # Top-level imsx_StatusInfo members, or wrapped once (imsx_statusInfo / a list of them).
    if isinstance(payload, list):
        payload = next((item for item in payload if isinstance(item, dict)), None)
    if not isinstance(payload, dict):
        return {}
    if _lookup(payload, "imsx_codeMajor", "imsx_description") is None:
        inner = _lookup(payload, "imsx_statusInfo", "statusInfo", "imsx_StatusInfoSet", "statusInfoSet")
        if isinstance(inner, dict | list):
            nested = _status_info(inner)
            if nested:
                return nested
    return payload


def _excerpt(text: str) -> str:
    if "<" in text and ">" in text:
        title = _TITLE_RE.search(text)
        text = title.group(1) if title else _TAG_RE.sub(" ", _SCRIPT_STYLE_RE.sub(" ", text))
        text = html.unescape(text)
    text = _SPACE_RE.sub(" ", text).strip()
    if len(text) > _EXCERPT_LIMIT:
        text = text[: _EXCERPT_LIMIT - 1].rstrip() + "…"
    return text


def request_secrets(request: httpx.Request | None) -> list[str]:
    """Return the credentials a request carries: its ``Authorization`` values and credential query values.

    These are what a server may echo back in an error page, so every text taken from an
    answer to ``request`` is masked of them (see :func:`response_text`).

    Example:
        ```python
        request_secrets(httpx.Request("GET", "https://h/x?token=abc", headers={"Authorization": "Bearer t1"}))
        # ['t1', 'abc']
        ```

    """
    if request is None:
        return []
    secrets: list[str] = []
    for header in ("authorization", "proxy-authorization"):
        value = request.headers.get(header)
        if value:
            # The credential alone, so that "Bearer ***" still tells which scheme was used.
            secrets.append(value.partition(" ")[2].strip() or value)
    secrets += [v for k, v in request.url.params.multi_items() if k.lower() in SENSITIVE_QUERY_PARAMS]
    return secrets


def _request_of(response: httpx.Response) -> httpx.Request | None:
    try:
        return response.request
    except RuntimeError:
        return None


def response_text(response: httpx.Response, *, limit: int | None = None) -> str:
    """Return the answer's body as text, with the credentials of its request (and any token) masked.

    ``limit`` truncates the result. A body that cannot be read or decoded gives ``""``.

    Example:
        ```python
        ResponseParseError("not JSON", text=response_text(response, limit=2000))
        ```

    """
    try:
        response.read()
        if limit is None:
            text = response.text
        else:
            # Only the head is decoded and redacted (a body may be 256 MiB of junk), with room
            # past the cut for the longest escaped secret (\uXXXX: six characters per character),
            # so that one straddling the cut is still masked whole before the text is cut.
            secrets = request_secrets(_request_of(response))
            room = limit + 6 * max((len(s) for s in secrets), default=0) + 64
            head = response.content[: 4 * room]  # at most four bytes per character in UTF-8
            text = head.decode(response.encoding or "utf-8", errors="replace")[:room]
    except (httpx.StreamError, httpx.TransportError, LookupError):
        return ""
    text = redact_text(text, secrets=request_secrets(_request_of(response)))
    return text if limit is None else text[:limit]


def raise_for_response(response: httpx.Response) -> None:
    """Raise the ``APIError`` subclass for a response that is not a 2xx; do nothing for a 2xx.

    Meant as an httpx ``response`` event hook, so that error bodies that are not JSON
    (HTML 502 pages, plain text, nothing) and status codes outside the IANA registry
    (499, 520-527) never reach code that would choke on them. The IMS
    ``imsx_StatusInfo`` body is parsed when there is one; the message reads
    ``"404 Not Found: GET https://host/ims/oneroster/... — <description> (<codeMinor>)"``
    with credentials masked in the URL and body, before and after decoding. A first 401 on
    a request that ``OAuth2ClientCredentials`` is about to re-send with a fresh token is let
    through. A 3xx raises a plain ``APIError``: the client follows no redirect, so its body
    is never data.

    Example:
        ```python
        client = httpx.Client(event_hooks={"response": [raise_for_response]})
        try:
            client.get("https://sis.example/ims/oneroster/rostering/v1p2/users/x")
        except NotFound as exc:
            print(exc.code_minor)  # 'unknownobject'
        ```

    """
    status = response.status_code
    if 200 <= status < 300:
        return
    request = _request_of(response)
    if status == 401 and request is not None and request.extensions.get(_AUTH_WILL_RETRY_401):
        return

    secrets = request_secrets(request)
    text = response_text(response)

    try:
        payload: Any = json.loads(text) if text.strip() else None
    except (ValueError, RecursionError):
        payload = None
    info = _status_info(payload)

    def decoded(value: str | None) -> str | None:
        # JSON and HTML escapes (``\/``, ``\u002B``, ``&#43;``) are undone by decoding: what was
        # masked in the raw text must be masked again in what was read out of it.
        return redact_text(value, secrets=secrets) if value is not None else None

    description = decoded(
        _text_or_none(_lookup(info, "imsx_description", "error_description", "message", "detail"))
    )
    code_minor = _code_minor(_lookup(info, "imsx_codeMinor"))
    if code_minor is None:
        code_minor = _text_or_none(_lookup(info, "error"))
    code_minor = decoded(code_minor)

    method = request.method if request is not None else "?"
    url = redact_url(request.url) if request is not None else "?"
    message = f"{status} {_reason(response)}: {method} {url}"
    detail = description if description is not None else decoded(_excerpt(text))
    if status < 400:
        # The client follows no redirect: one means the base URL is wrong or the provider moved,
        # and its body (an empty collection, a record) must not be read as the answer.
        location = response.headers.get("location")
        detail = "the client does not follow redirects; check base_url" + (
            f" (redirected to {redact_url(location)})" if location else ""
        )
    problem = response.extensions.get(BODY_PROBLEM)
    if not detail and isinstance(problem, str):
        detail = problem
    if detail:
        message += f" — {detail}"
    if code_minor:
        message += f" ({code_minor})"

    fields: dict[str, Any] = {
        "status_code": status,
        "method": method,
        "url": url,
        "code_major": decoded(_text_or_none(_lookup(info, "imsx_codeMajor"))),
        "severity": decoded(_text_or_none(_lookup(info, "imsx_severity"))),
        "code_minor": code_minor,
        "description": description,
        "body": text[:_BODY_LIMIT],
    }
    if status == 429:
        raise RateLimited(
            message, retry_after=parse_retry_after(response.headers.get("retry-after")), **fields
        )
    cls = _STATUS_CLASSES.get(status, ServerError if status >= 500 else APIError)
    raise cls(message, **fields)
