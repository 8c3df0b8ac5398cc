"""Authentication for OneRoster servers: OAuth 2.0 client credentials and static bearer tokens.

Hand-written rather than built on ``httpx-auth``: that package keeps tokens in a
process-global class-level cache (``OAuth2.token_cache``) shared by every instance, does
not refresh and retry on a 401, and lets concurrent threads that found no token each
request one in turn instead of reusing the one just fetched.

Example:
    ```python
    import httpx
    from oneroster.auth import OAuth2ClientCredentials

    auth = OAuth2ClientCredentials(
        token_url="https://sis.example/oauth/token",
        client_id="my-id",
        client_secret="my-secret",
        scopes=["https://purl.imsglobal.org/spec/or/v1p2/scope/roster-core.readonly"],
    )
    client = httpx.Client(auth=auth)
    ```

"""

from __future__ import annotations

import json
import math
import re
import threading
import time
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from typing import Any

import httpx

from . import deadlines
from .errors import (
    _AUTH_WILL_RETRY_401,
    APIError,
    BadRequest,
    DeadlineExceeded,
    ResponseParseError,
    Unauthorized,
    ValidationError,
    raise_for_response,
    response_text,
)
from .logging_utils import MASK, redact_text, redact_url
from .retries import RetryTransport, translate_transport_errors

__all__ = ["OAuth2ClientCredentials", "StaticToken"]

#: Lifetime assumed when the token response has no usable ``expires_in``.
_DEFAULT_LIFETIME = 3600.0
_TEXT_LIMIT = 2048
# What can follow the scheme in an Authorization header without being mangled or refused by
# the HTTP layer: visible ASCII only (no spaces, CR/LF or non-ASCII).
_CREDENTIAL_RE = re.compile(r"[\x21-\x7e]+")
# An auth-scheme is an RFC 9110 token.
_SCHEME_RE = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")


@dataclass(frozen=True)
class _Token:
    value: str
    authorization: str
    refresh_at: float


class _Flight:
    """One token request in progress; every thread that needs a token meanwhile waits for its outcome."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.token: _Token | None = None
        self.error: BaseException | None = None


class OAuth2ClientCredentials(httpx.Auth):
    """OAuth 2.0 client-credentials auth: fetches, caches and refreshes a bearer token.

    The token is requested with HTTP Basic client authentication and cached on this
    instance; it is renewed ``refresh_margin`` seconds before it expires (at most half
    its lifetime early for short-lived tokens). Concurrent threads share a single token
    request, and its outcome: when it fails, every thread that waited for it raises that
    same error instead of trying again in turn. Waiting counts against the waiting call's
    deadline (``DeadlineExceeded``). A 401 from the API invalidates the token and the
    request is sent once more with a fresh one. Token endpoint failures raise
    ``oneroster.errors.Unauthorized`` (400/401), another ``APIError``, ``TransportError``
    or ``ResponseParseError`` (also for an ``access_token`` or ``token_type`` that cannot
    be sent in a header).

    Example:
        ```python
        auth = OAuth2ClientCredentials(
            token_url="https://sis.example/oauth/token",
            client_id="my-id",
            client_secret="my-secret",
        )
        with httpx.Client(auth=auth) as client:
            client.get("https://sis.example/ims/oneroster/rostering/v1p2/users")
        ```

    """

    # The request may be sent twice (after a 401), so its body must be in memory.
    requires_request_body = True

    def __init__(
        self,
        *,
        token_url: str,
        client_id: str,
        client_secret: str,
        scopes: Sequence[str] | None = None,
        token_client: httpx.Client | None = None,
        refresh_margin: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.token_url = token_url
        self.client_id = client_id
        self._client_secret = client_secret
        self.scopes = tuple(scopes) if scopes is not None else None
        self._owns_token_client = token_client is None
        self._token_client = (
            token_client
            if token_client is not None
            else httpx.Client(timeout=30, transport=RetryTransport(httpx.HTTPTransport()))
        )
        self.refresh_margin = refresh_margin
        self._clock = clock
        self._token: _Token | None = None
        self._flight: _Flight | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(token_url={redact_url(self.token_url)!r}, "
            f"client_id={self.client_id!r}, client_secret={MASK!r})"
        )

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """Add the bearer token; on a 401 fetch a new token and send the request once more.

        Called by httpx; not meant to be called directly.

        Example:
            ```python
            httpx.Client(auth=auth).get(url)  # runs this flow
            ```

        """
        token = self._current_token()
        request.headers["Authorization"] = token.authorization
        # Lets the error-raising response hook pass this 401 on to us (see errors.py).
        request.extensions[_AUTH_WILL_RETRY_401] = True
        response = yield request
        request.extensions[_AUTH_WILL_RETRY_401] = False
        if response.status_code != 401:
            return
        token = self._current_token(rejected=token)
        request.headers["Authorization"] = token.authorization
        yield request

    def invalidate(self) -> None:
        """Forget the cached token so the next request fetches a new one.

        Example:
            ```python
            auth.invalidate()
            ```

        """
        with self._lock:
            self._token = None

    def close(self) -> None:
        """Close the token client if this object created it.

        Example:
            ```python
            auth.close()
            ```

        """
        if self._owns_token_client:
            self._token_client.close()

    def _current_token(self, rejected: _Token | None = None) -> _Token:
        while True:
            token = self._token
            if token is not None and token is not rejected and self._clock() < token.refresh_at:
                return token
            with self._lock:
                # Another thread may have fetched a token while this one waited for the lock;
                # only a token this thread has not already seen rejected and still fresh counts.
                token = self._token
                if token is not None and token is not rejected and self._clock() < token.refresh_at:
                    return token
                flight = self._flight
                leading = flight is None
                if flight is None:
                    flight = self._flight = _Flight()
            if leading:
                return self._lead(flight)
            self._wait_for(flight)
            if flight.token is not None:
                return flight.token
            error = flight.error
            if isinstance(error, Exception) and not isinstance(error, DeadlineExceeded):
                # The endpoint's answer is the same for everyone: one request, one failure.
                # (Raised in each waiting thread, as concurrent.futures raises a failed result.)
                raise error
            # The leader ran out of *its* time, or was interrupted: this thread asks itself.

    def _lead(self, flight: _Flight) -> _Token:
        try:
            flight.token = self._fetch_token()
            return flight.token
        except BaseException as exc:
            flight.error = exc
            raise
        finally:
            with self._lock:
                if flight.token is not None:
                    self._token = flight.token
                self._flight = None
            flight.done.set()

    def _wait_for(self, flight: _Flight) -> None:
        limit = deadlines.current()
        if flight.done.wait(None if limit is None else max(limit.remaining(), 0.0)):
            return
        assert limit is not None
        url = redact_url(self.token_url)
        raise DeadlineExceeded(
            f"POST {url}: the token was not fetched within the call's {limit.seconds:g} s deadline",
            method="POST",
            url=url,
            deadline=limit.seconds,
        )

    def _fetch_token(self) -> _Token:
        data = {"grant_type": "client_credentials"}
        if self.scopes:
            data["scope"] = " ".join(self.scopes)
        started = self._clock()
        try:
            with translate_transport_errors("POST", self.token_url):
                response = self._token_client.post(
                    self.token_url,
                    data=data,
                    auth=httpx.BasicAuth(self.client_id, self._client_secret),
                    headers={"Accept": "application/json"},
                )
            # Every answer but a 2xx is an error here too (a 3xx included: its body is no token).
            raise_for_response(response)
        # ``from None``: the original exception was built before the secret was scrubbed.
        except (BadRequest, Unauthorized) as exc:
            # OAuth servers answer bad client credentials with 400 or 401 alike.
            raise self._scrubbed(exc, Unauthorized) from None
        except APIError as exc:
            raise self._scrubbed(exc, type(exc)) from None

        text = redact_text(response_text(response), secrets=[self._client_secret])[:_TEXT_LIMIT]
        try:
            payload: Any = json.loads(response.content)
        except (ValueError, RecursionError):
            payload = None
        where = f"{response.status_code} from POST {redact_url(self.token_url)}"
        if not isinstance(payload, dict):
            raise ResponseParseError(
                f"{where}: token response is not a JSON object", text=text, status_code=response.status_code
            )
        access_token = payload.get("access_token")
        if not isinstance(access_token, str) or not access_token:
            raise ResponseParseError(
                f"{where}: token response has no access_token", text=text, status_code=response.status_code
            )
        # Checked here, where the error can say what is wrong: in a header a space or a newline
        # would be mangled or refused later with the token itself in the exception message,
        # and non-ASCII text would fail as a bare UnicodeEncodeError.
        if not _CREDENTIAL_RE.fullmatch(access_token):
            raise ResponseParseError(
                f"{where}: the access_token holds characters that cannot be sent in an Authorization "
                "header (spaces, line breaks or non-ASCII)",
                text=redact_text(text, secrets=[access_token]),
                status_code=response.status_code,
            )
        lifetime = _lifetime(payload.get("expires_in"))
        margin = min(max(self.refresh_margin, 0.0), lifetime / 2)
        token_type = payload.get("token_type")
        if isinstance(token_type, str):
            # Surrounding blanks are harmless sloppiness; blanks inside are not a scheme.
            token_type = token_type.strip()
        if isinstance(token_type, str) and token_type and not _SCHEME_RE.fullmatch(token_type):
            raise ResponseParseError(
                f"{where}: token_type {token_type[:40]!r} is not a valid authorization scheme",
                text=redact_text(text, secrets=[access_token]),
                status_code=response.status_code,
            )
        scheme = (
            token_type
            if isinstance(token_type, str) and token_type and token_type.lower() != "bearer"
            else "Bearer"
        )
        # Measured from before the request, so network latency only makes us refresh earlier.
        return _Token(access_token, f"{scheme} {access_token}", started + lifetime - margin)

    def _scrubbed(self, exc: APIError, cls: type[APIError]) -> APIError:
        def scrub(value: str | None) -> str | None:
            return redact_text(value, secrets=[self._client_secret]) if value is not None else None

        fields: dict[str, Any] = {
            "status_code": exc.status_code,
            "method": exc.method,
            "url": exc.url,
            "code_major": exc.code_major,
            "severity": exc.severity,
            "code_minor": scrub(exc.code_minor),
            "description": scrub(exc.description),
            "body": scrub(exc.body),
        }
        if hasattr(exc, "retry_after"):
            fields["retry_after"] = exc.retry_after
        return cls(scrub(str(exc)) or "", **fields)


def _lifetime(expires_in: object) -> float:
    if isinstance(expires_in, bool):
        return _DEFAULT_LIFETIME
    if isinstance(expires_in, int | float | str):
        try:
            seconds = float(expires_in)
        except (ValueError, OverflowError):
            # OverflowError: a JSON integer too large for a float (10**400).
            return _DEFAULT_LIFETIME
        if math.isfinite(seconds) and seconds >= 0:
            return seconds
    return _DEFAULT_LIFETIME


class StaticToken(httpx.Auth):
    """Send a fixed bearer token with every request.

    Raises ``ValidationError`` (without the token in it) for a token that cannot be sent in
    a header: spaces, line breaks (a trailing newline from a file) or non-ASCII text.

    Example:
        ```python
        client = httpx.Client(auth=StaticToken("eyJhbGciOi..."))
        ```

    """

    def __init__(self, token: str) -> None:
        # The same rule as for a token from the token endpoint, checked before anything is sent:
        # a token read from a file often ends in a newline, and the HTTP layer would refuse the
        # header later with the token itself in its error.
        if not isinstance(token, str) or not _CREDENTIAL_RE.fullmatch(token):
            raise ValidationError(
                "token holds characters that cannot be sent in an Authorization header (spaces, "
                "line breaks or non-ASCII); strip the text it was read from",
                field="token",
            )
        self._authorization = f"Bearer {token}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}(token={MASK!r})"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """Add ``Authorization: Bearer <token>`` to the request.

        Example:
            ```python
            httpx.Client(auth=StaticToken("t")).get(url)  # runs this flow
            ```

        """
        request.headers["Authorization"] = self._authorization
        yield request
