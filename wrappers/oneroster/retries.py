"""The one retry policy of the ``oneroster`` package, and the transport that applies it.

Hand-written rather than built on ``httpx-retries``: that package sleeps with a hard-wired
``time.sleep`` and decides on method, status and exception independently, so "POST only
on 429 or when the connection was never made" would need subclassing its internals.

Rules, in short: safe and idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE) are
retried on 429/502/503/504, on network errors and on a compressed body that does not
decompress; POST and PATCH are retried only when the server provably did not act on them
(a 429, or a connection that was never made), because a retried create after a 5xx or a
read error could create the record twice.

The transport also reads every body (see ``oneroster.bodies``: decoded once, never more
than ``max_response_bytes``) and keeps to the deadline of the call (see
``oneroster.deadlines``): timeouts are cut to the time left, and a back-off that would end
past the deadline is not waited for: the last answer is returned (or error raised) at once.

Example:
    ```python
    import httpx
    from oneroster.retries import RetryPolicy, RetryTransport

    transport = RetryTransport(httpx.HTTPTransport(), policy=RetryPolicy(max_retries=5))
    client = httpx.Client(transport=transport)
    ```

"""

from __future__ import annotations

import logging
import random as _random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import httpx

from . import deadlines
from .bodies import (
    DEFAULT_MAX_RESPONSE_BYTES,
    BodyCorrupt,
    BodyTooLarge,
    DeadlinePassed,
    decoded_headers,
    read_body,
)
from .errors import (
    BODY_PROBLEM,
    DeadlineExceeded,
    ResponseDecodingError,
    ResponseTooLarge,
    Timeout,
    TransportError,
    parse_retry_after,
    request_secrets,
)
from .logging_utils import redact_text, redact_url

__all__ = ["RetryPolicy", "RetryTransport", "translate_transport_errors"]

logger = logging.getLogger("oneroster")

# Raised before a single byte of the request reached the server: safe for any method.
# (PoolTimeout: no connection could even be taken from the pool.)
_NEVER_SENT_ERRORS: tuple[type[httpx.TransportError], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
)
# The request may have reached the server and been acted upon: idempotent methods only.
_MAYBE_SENT_ERRORS: tuple[type[httpx.TransportError], ...] = (
    httpx.ReadTimeout,
    httpx.ReadError,
    httpx.WriteTimeout,
    httpx.WriteError,
    httpx.RemoteProtocolError,
)
#: An error answer's body is only read for its message (2 KiB of it are kept): a larger one
#: is dropped, and the status alone is raised.
_ERROR_BODY_LIMIT = 1024 * 1024


@dataclass(frozen=True)
class RetryPolicy:
    """When to retry a request and how long to wait before doing so.

    ``attempt`` in the methods below is how many times the request has been sent so far
    (1 after the first try), which is also the number of the retry being considered.
    The backoff before retry ``n`` is ``min(backoff_initial * 2 ** (n - 1), backoff_max)``
    scaled by ``1 - jitter * random()``; a ``Retry-After`` header, when the response has
    one, replaces it (capped to ``retry_after_max``).

    Example:
        ```python
        policy = RetryPolicy(max_retries=2, sleep=lambda s: None)
        policy.should_retry("GET", 503, 1)  # True
        policy.should_retry("POST", 503, 1)  # False: the create may have happened
        policy.delay(2, None)  # between 0.75 and 1.0
        ```

    """

    max_retries: int = 3
    backoff_initial: float = 0.5
    backoff_max: float = 8.0
    jitter: float = 0.25
    retry_after_max: float = 120.0
    retry_statuses: frozenset[int] = frozenset({429, 502, 503, 504})
    idempotent_methods: frozenset[str] = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False, compare=False)
    random: Callable[[], float] = field(default=_random.random, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.max_retries < 0:
            raise ValueError("max_retries must be >= 0")
        if not 0.0 <= self.jitter <= 1.0:
            raise ValueError("jitter must be between 0 and 1")
        if self.backoff_initial < 0 or self.backoff_max < 0 or self.retry_after_max < 0:
            raise ValueError("backoff_initial, backoff_max and retry_after_max must be >= 0")

    def delay(self, attempt: int, response: httpx.Response | None) -> float:
        """Seconds to wait before retry number ``attempt`` (1-based).

        Honours the response's ``Retry-After`` (seconds or HTTP-date), capped to
        ``retry_after_max``; otherwise exponential backoff with multiplicative jitter.

        Example:
            ```python
            RetryPolicy(jitter=0).delay(3, None)  # 2.0
            RetryPolicy().delay(1, httpx.Response(429, headers={"Retry-After": "7"}))  # 7.0
            ```

        """
        if response is not None:
            retry_after = parse_retry_after(response.headers.get("retry-after"))
            if retry_after is not None:
                return min(retry_after, self.retry_after_max)
        exponent = max(attempt - 1, 0)
        # Past ~2**64 the float math overflows and the cap applies anyway.
        base = (
            self.backoff_max
            if exponent >= 64
            else min(self.backoff_initial * 2.0**exponent, self.backoff_max)
        )
        return base * (1.0 - self.jitter * self.random())

    def should_retry(self, method: str, outcome: int | BaseException, attempt: int) -> bool:
        """Whether a request that ended in ``outcome`` (a status code or an exception) is sent again.

        ``attempt`` is how many times it has been sent already; no more than
        ``max_retries`` retries happen. A ``ResponseDecodingError`` (a corrupt compressed
        body) counts as a 502 would.

        Example:
            ```python
            policy = RetryPolicy()
            policy.should_retry("PUT", httpx.ReadTimeout("timed out"), 1)  # True
            policy.should_retry("POST", httpx.ReadTimeout("timed out"), 1)  # False
            policy.should_retry("POST", httpx.ConnectError("refused"), 1)  # True
            policy.should_retry("GET", 503, 4)  # False: three retries already made
            ```

        """
        if attempt > self.max_retries:
            return False
        idempotent = method.upper() in self.idempotent_methods
        if isinstance(outcome, int):
            if outcome not in self.retry_statuses:
                return False
            # A 429 means the server refused the request without processing it.
            return idempotent or outcome == 429
        if isinstance(outcome, _NEVER_SENT_ERRORS):
            return True
        if isinstance(outcome, ResponseDecodingError):
            # A body corrupted on the way: like a 502, the server may have acted.
            return idempotent
        return idempotent and isinstance(outcome, _MAYBE_SENT_ERRORS)


def _spent(limit: deadlines.Deadline | None) -> bool:
    # A socket timeout cut to the time left may fire a hair early; within 10 ms counts as spent.
    return limit is not None and limit.remaining() < 0.01


class RetryTransport(httpx.BaseTransport):
    """An httpx transport that re-sends requests through ``inner`` as ``policy`` allows.

    After the last attempt it returns the last response (so a response hook can turn it
    into an exception) or re-raises the last transport exception. Each retry is logged at
    INFO on the ``oneroster`` logger with the method, redacted URL, cause and delay.

    Every body is read here, decoded once (the response handed on has no
    ``Content-Encoding`` left) and never past ``max_response_bytes`` decoded bytes
    (``ResponseTooLarge``; ``None``: no limit); a gzip/deflate body that does not
    decompress is ``ResponseDecodingError``, retried like a 502. Under a deadline
    (``oneroster.deadline`` or ``OneRoster(deadline=...)``), attempts, back-off and bodies
    end by it, or ``DeadlineExceeded`` is raised.

    Example:
        ```python
        transport = RetryTransport(httpx.HTTPTransport(), policy=RetryPolicy())
        with httpx.Client(transport=transport) as client:
            client.get("https://sis.example/ims/oneroster/rostering/v1p2/users")
        ```

    """

    def __init__(
        self,
        inner: httpx.BaseTransport,
        *,
        policy: RetryPolicy | None = None,
        max_response_bytes: int | None = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        self._inner = inner
        self.policy = policy if policy is not None else RetryPolicy()
        self.max_response_bytes = max_response_bytes

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request``, retrying per the policy; see the class docstring.

        Example:
            ```python
            response = RetryTransport(inner).handle_request(httpx.Request("GET", url))
            ```

        """
        # Loads a streaming body into memory, so every attempt sends the same bytes.
        request.read()
        policy = self.policy
        limit = deadlines.current()
        if limit is not None:
            deadlines.shrink_timeouts(request.extensions, limit)
        attempt = 0
        while True:
            attempt += 1
            if _spent(limit):
                assert limit is not None
                raise self._deadline_exceeded(request, limit)
            outcome: httpx.Response | Exception
            try:
                response = self._inner.handle_request(request)
            except httpx.TransportError as exc:
                if _spent(limit):
                    # The timeout that fired was the deadline's, cut to what was left.
                    assert limit is not None
                    raise self._deadline_exceeded(request, limit) from exc
                outcome = exc
            else:
                outcome = response
                if not policy.should_retry(request.method, response.status_code, attempt):
                    try:
                        return self._finish(request, response, limit)
                    except (httpx.TransportError, ResponseDecodingError) as exc:
                        # A connection dropped halfway through the body is retried exactly like
                        # one dropped before the status line; so is a body that came corrupted.
                        outcome = exc
            if isinstance(outcome, httpx.Response):
                delay = policy.delay(attempt, outcome)
                # Read the (small) error body in full: a response closed unread takes its
                # connection with it, so every retry would open a new one; and it is the answer
                # if no retry fits in the time left (reading it took some of that time too).
                try:
                    finished = self._finish(request, outcome, limit)
                except httpx.TransportError:
                    # The retry answers a broken connection as well; without one, the status does.
                    finished = self._bodiless(request, outcome, "the error body could not be read")
                if not self._fits(delay, limit):
                    return finished
                cause = str(outcome.status_code)
            else:
                if not policy.should_retry(request.method, outcome, attempt):
                    raise outcome
                delay = policy.delay(attempt, None)
                if not self._fits(delay, limit):
                    raise outcome
                cause = type(outcome).__name__
            self._log_retry(request, cause, attempt, delay)
            policy.sleep(delay)

    @staticmethod
    def _fits(delay: float, limit: deadlines.Deadline | None) -> bool:
        # A wait that would end past the deadline is pointless: the caller gets the last
        # answer now (a 429's Retry-After, a 503) rather than a timeout later.
        return limit is None or delay < limit.remaining()

    def _finish(
        self, request: httpx.Request, response: httpx.Response, limit: deadlines.Deadline | None
    ) -> httpx.Response:
        """Read the answer's body (decoded, within the limits) and return the answer as handed on."""
        status = response.status_code
        # Anything but a 2xx is an error (a 3xx too: redirects are not followed): its status is
        # the answer, its body only the message.
        error = not 200 <= status < 300
        cap = self.max_response_bytes
        if error:
            cap = _ERROR_BODY_LIMIT if cap is None else min(cap, _ERROR_BODY_LIMIT)
        extensions = {k: v for k, v in response.extensions.items() if k != "network_stream"}
        try:
            content = read_body(response, limit=cap, deadline=limit)
        except DeadlinePassed:
            assert limit is not None
            raise self._deadline_exceeded(request, limit) from None
        except BodyTooLarge:
            if not error:
                raise ResponseTooLarge(
                    f"{status} answer to {self._where(request)} is larger than max_response_bytes={cap} "
                    "(decompressed); reading stopped there",
                    limit=cap or 0,
                    status_code=status,
                ) from None
            return self._bodiless(request, response, f"the error body is larger than {cap} bytes")
        except BodyCorrupt as exc:
            if not error:
                raise ResponseDecodingError(
                    f"{status} answer to {self._where(request)}: {exc}", status_code=status
                ) from None
            # The status is the answer; a 401 must still reach the auth flow, a 404 its caller.
            return self._bodiless(request, response, str(exc))
        return httpx.Response(
            status_code=status,
            headers=decoded_headers(response.headers, len(content)),
            content=content,
            extensions=extensions,
            request=request,
        )

    @staticmethod
    def _where(request: httpx.Request) -> str:
        # Only for the message of an error: redacting the URL is work no answer that reads well needs.
        return f"{request.method} {redact_url(request.url)}"

    @staticmethod
    def _bodiless(request: httpx.Request, response: httpx.Response, problem: str) -> httpx.Response:
        """Return the error answer without its unusable body; ``problem`` says why (see ``BODY_PROBLEM``)."""
        extensions = {k: v for k, v in response.extensions.items() if k != "network_stream"}
        extensions[BODY_PROBLEM] = problem
        return httpx.Response(
            status_code=response.status_code,
            headers=decoded_headers(response.headers, 0),
            content=b"",
            extensions=extensions,
            request=request,
        )

    @staticmethod
    def _deadline_exceeded(request: httpx.Request, limit: deadlines.Deadline) -> DeadlineExceeded:
        url = redact_url(request.url)
        return DeadlineExceeded(
            f"{request.method} {url} did not finish within its {limit.seconds:g} s deadline "
            "(retries, back-off, the body and any token request included)",
            method=request.method,
            url=url,
            deadline=limit.seconds,
        )

    def _log_retry(self, request: httpx.Request, cause: str, attempt: int, delay: float) -> None:
        logger.info(
            "Retrying %s %s after %s (retry %d of %d) in %.2fs",
            request.method,
            redact_url(request.url),
            cause,
            attempt,
            self.policy.max_retries,
            delay,
        )

    def close(self) -> None:
        """Close the inner transport.

        Example:
            ```python
            transport.close()
            ```

        """
        self._inner.close()


@contextmanager
def translate_transport_errors(
    method: str | None = None, url: httpx.URL | str | None = None
) -> Iterator[None]:
    """Turn httpx transport exceptions raised inside the block into ``oneroster`` ones.

    ``httpx.TimeoutException`` becomes ``oneroster.errors.Timeout`` and any other
    ``httpx.TransportError`` becomes ``oneroster.errors.TransportError``, carrying the
    method and the redacted URL (taken from the failed request when not given).

    Example:
        ```python
        with translate_transport_errors():
            client.get("https://sis.example/ims/oneroster/rostering/v1p2/users")
        ```

    """
    try:
        yield
    except httpx.TransportError as exc:
        try:
            failed: httpx.Request | None = exc.request
        except RuntimeError:
            failed = None
        if failed is not None:
            method = method if method is not None else failed.method
            url = url if url is not None else failed.url
        redacted = redact_url(url) if url is not None else None
        cls = Timeout if isinstance(exc, httpx.TimeoutException) else TransportError
        detail = redact_text(str(exc), secrets=request_secrets(failed)) or "no detail"
        where = " ".join(part for part in (method, redacted) if part)
        message = (
            f"{type(exc).__name__} during {where}: {detail}" if where else f"{type(exc).__name__}: {detail}"
        )
        error = cls(message, method=method, url=redacted)
        if isinstance(exc, httpx.LocalProtocolError):
            # About what *we* tried to send: its text and its h11 cause quote our own headers
            # (an Authorization value with a stray newline, say), so neither is kept.
            raise error from None
        raise error from exc
