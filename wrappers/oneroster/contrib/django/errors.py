"""Turn ``oneroster`` errors into HTTP answers for the end user of a Django site.

| raised in the view                                    | answer | ``code``                  |
|-------------------------------------------------------|--------|---------------------------|
| ``NotFound``                                          | 404    | ``not_found``             |
| ``ValidationError`` (bad input from the request)      | 400    | ``invalid_request``       |
| ``UnsupportedOperation`` (the profile lacks the call) | 501    | ``not_supported``         |
| ``Unauthorized``, ``Forbidden`` from the provider     | 502    | ``upstream_auth``         |
| ``RateLimited``                                       | 503    | ``upstream_rate_limited`` |
| ``Timeout``                                           | 504    | ``upstream_timeout``      |
| ``ServerError``                                       | 502    | ``upstream_error``        |
| ``TransportError``                                    | 502    | ``upstream_unreachable``  |
| ``ResponseParseError``, ``PaginationError``           | 502    | ``upstream_bad_response`` |
| any other ``APIError`` (400, 409, 422... upstream)    | 502    | ``upstream_rejected``     |

A 401/403 from the provider is a 502: the provider refused *this site's* credentials,
which is not the visitor's fault and not something the visitor can fix by logging in.
``RateLimited`` answers carry ``Retry-After`` (the provider's hint, else
:data:`DEFAULT_RETRY_AFTER`). Bodies hold a fixed message per kind (plus, for a
``ValidationError``, our own description of the bad input): never the provider's URL,
its error text, a token or a secret.

Example:
    ```python
    from oneroster.contrib.django.errors import map_error

    map_error(oneroster.Timeout("read timed out")).status  # 504
    ```

"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass
from typing import Any, Final

from django.http import HttpResponse  # type: ignore[import-untyped]

from oneroster.engine import UnsupportedOperation
from oneroster.errors import (
    APIError,
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
    ValidationError,
)
from oneroster.logging_utils import redact_text

__all__ = [
    "DEFAULT_RETRY_AFTER",
    "MappedError",
    "error_response",
    "log_error",
    "map_error",
    "plain_or_json_response",
    "wants_json",
    "with_headers",
]

logger = logging.getLogger("oneroster.contrib.django")

#: ``Retry-After`` seconds sent with a 503 when the provider gave no hint.
DEFAULT_RETRY_AFTER: Final = 30

_REASONS = {
    400: "Bad Request",
    404: "Not Found",
    501: "Not Implemented",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


@dataclass(frozen=True)
class MappedError:
    """The HTTP answer for one ``oneroster`` error: status, a stable code and a safe message.

    Example:
        ```python
        mapped = map_error(oneroster.Timeout("read timed out"))
        mapped.status, mapped.code  # (504, 'upstream_timeout')
        mapped.as_dict()["message"]  # 'The roster provider did not answer in time.'
        ```

    """

    status: int
    code: str
    message: str
    retry_after: int | None = None
    field: str | None = None

    @property
    def reason(self) -> str:
        """Return the HTTP reason phrase of ``status``.

        Example:
            ```python
            MappedError(504, "upstream_timeout", "...").reason  # 'Gateway Timeout'
            ```

        """
        return _REASONS.get(self.status, "Error")

    def as_dict(self) -> dict[str, Any]:
        """Return the JSON body's ``error`` member.

        Example:
            ```python
            MappedError(404, "not_found", "No such record.").as_dict()
            # {'status': 404, 'code': 'not_found', 'message': 'No such record.'}
            ```

        """
        body: dict[str, Any] = {"status": self.status, "code": self.code, "message": self.message}
        if self.field is not None:
            body["field"] = self.field
        if self.retry_after is not None:
            body["retry_after"] = self.retry_after
        return body


def _retry_after(exc: RateLimited) -> int:
    hint = exc.retry_after
    if hint is None or not math.isfinite(hint) or hint < 0:
        return DEFAULT_RETRY_AFTER
    return math.ceil(hint)


def map_error(exc: OneRosterError) -> MappedError:
    """Return the HTTP answer (status, code, message) for a ``oneroster`` error.

    Example:
        ```python
        from oneroster.contrib.django.errors import map_error

        try:
            client.classes.get(class_id)
        except oneroster.OneRosterError as exc:
            mapped = map_error(exc)  # MappedError(status=404, code='not_found', ...)
        ```

    """
    # Order matters: UnsupportedOperation is a ValidationError, Timeout a TransportError.
    if isinstance(exc, NotFound):
        return MappedError(404, "not_found", "The requested record does not exist.")
    if isinstance(exc, UnsupportedOperation):
        return MappedError(501, "not_supported", "The roster provider does not offer this operation.")
    if isinstance(exc, ValidationError):
        # Our own wording about the request's input; redacted all the same, for safety's sake.
        detail = redact_text(str(exc))
        return MappedError(400, "invalid_request", f"Invalid request: {detail}", field=exc.field)
    if isinstance(exc, Unauthorized | Forbidden):
        return MappedError(502, "upstream_auth", "The roster provider refused this site's credentials.")
    if isinstance(exc, RateLimited):
        return MappedError(
            503,
            "upstream_rate_limited",
            "The roster provider is busy; try again later.",
            retry_after=_retry_after(exc),
        )
    if isinstance(exc, Timeout):
        return MappedError(504, "upstream_timeout", "The roster provider did not answer in time.")
    if isinstance(exc, ServerError):
        return MappedError(502, "upstream_error", "The roster provider failed to answer.")
    if isinstance(exc, TransportError):
        return MappedError(502, "upstream_unreachable", "The roster provider could not be reached.")
    if isinstance(exc, ResponseParseError | PaginationError):
        return MappedError(
            502, "upstream_bad_response", "The roster provider sent an answer that could not be read."
        )
    if isinstance(exc, APIError):
        return MappedError(502, "upstream_rejected", "The roster provider rejected the request.")
    return MappedError(502, "upstream_error", "The roster provider failed to answer.")


def wants_json(request: Any) -> bool:
    """Return whether the request's ``Accept`` header prefers JSON to plain text and HTML.

    Example:
        ```python
        wants_json(RequestFactory().get("/", HTTP_ACCEPT="application/json"))  # True
        wants_json(RequestFactory().get("/", HTTP_ACCEPT="text/html,*/*;q=0.8"))  # False
        ```

    """
    accept = str(request.headers.get("Accept", ""))
    if "json" not in accept:
        return False
    preferred = getattr(request, "get_preferred_type", None)
    if callable(preferred):  # Django 5.2+
        return bool(preferred(["text/html", "text/plain", "application/json"]) == "application/json")
    return not request.accepts("text/html")


def error_response(request: Any, exc: OneRosterError) -> Any:
    """Log ``exc`` and return the ``HttpResponse`` for it: JSON if the client prefers it, else plain text.

    Example:
        ```python
        try:
            record = get_client().users.get(user_id)
        except oneroster.OneRosterError as exc:
            return error_response(request, exc)
        ```

    """
    mapped = map_error(exc)
    log_error(request, exc, mapped)
    return plain_or_json_response(request, mapped)


def log_error(request: Any, exc: OneRosterError, mapped: MappedError) -> None:
    """Log a mapped error on the ``oneroster.contrib.django`` logger (5xx as errors, 4xx as warnings).

    The exception's own message is logged: it is already redacted by ``oneroster.errors``
    and names the failing upstream call, which the operator needs and the visitor must not see.

    Example:
        ```python
        log_error(request, exc, map_error(exc))
        ```

    """
    level = logging.ERROR if mapped.status >= 500 else logging.WARNING
    logger.log(level, "%s %s -> %s %s: %s", request.method, request.path, mapped.status, mapped.code, exc)


def plain_or_json_response(request: Any, mapped: MappedError) -> Any:
    """Return the ``HttpResponse`` of a mapped error, as JSON or as plain text.

    Example:
        ```python
        plain_or_json_response(request, MappedError(404, "not_found", "No such record."))
        ```

    """
    if wants_json(request):
        response = HttpResponse(
            json.dumps({"error": mapped.as_dict()}),
            status=mapped.status,
            content_type="application/json",
        )
    else:
        response = HttpResponse(
            f"{mapped.status} {mapped.reason}: {mapped.message}\n",
            status=mapped.status,
            content_type="text/plain; charset=utf-8",
        )
    return with_headers(response, mapped)


def with_headers(response: Any, mapped: MappedError) -> Any:
    """Add ``Retry-After`` (when known) and ``Cache-Control: no-store`` to an error response.

    Example:
        ```python
        with_headers(render(request, "error.html", status=503), mapped)["Retry-After"]  # '30'
        ```

    """
    if mapped.retry_after is not None:
        response["Retry-After"] = str(mapped.retry_after)
    # An upstream hiccup must not be cached by a proxy as the page itself.
    response["Cache-Control"] = "no-store"
    return response
