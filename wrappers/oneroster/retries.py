"""The one retry policy of the ``oneroster`` package, and the transport that applies it.

Hand-written rather than built on ``httpx-retries``: that package sleeps with a hard-wired
``time.sleep`` and decides on method, status and exception independently, so "POST only
on 429 or when the connection was never made" would need subclassing its internals.

Rules, in short: safe and idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE) are
retried on 429/502/503/504 and on network errors; POST and PATCH are retried only when
the server provably did not act on them (a 429, or a connection that was never made),
because a retried create after a 5xx or a read error could create the record twice.

Example:
    ```python
    import httpx
    from oneroster.retries import RetryPolicy, RetryTransport

    transport = RetryTransport(httpx.HTTPTransport(), policy=RetryPolicy(max_retries=5))
    client = httpx.Client(transport=transport)
    ```

"""

from __future__ import annotations

import contextlib
import logging
import random as _random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import httpx

from .errors import Timeout, TransportError, parse_retry_after
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
        ``max_retries`` retries happen.

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
        return idempotent and isinstance(outcome, _MAYBE_SENT_ERRORS)


class RetryTransport(httpx.BaseTransport):
    """An httpx transport that re-sends requests through ``inner`` as ``policy`` allows.

    After the last attempt it returns the last response (so a response hook can turn it
    into an exception) or re-raises the last transport exception. Each retry is logged at
    INFO on the ``oneroster`` logger with the method, redacted URL, cause and delay.

    Example:
        ```python
        transport = RetryTransport(httpx.HTTPTransport(), policy=RetryPolicy())
        with httpx.Client(transport=transport) as client:
            client.get("https://sis.example/ims/oneroster/rostering/v1p2/users")
        ```

    """

    def __init__(self, inner: httpx.BaseTransport, *, policy: RetryPolicy | None = None) -> None:
        self._inner = inner
        self.policy = policy if policy is not None else RetryPolicy()

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
        attempt = 0
        while True:
            attempt += 1
            try:
                response = self._inner.handle_request(request)
                if not policy.should_retry(request.method, response.status_code, attempt):
                    # Read the body here: a connection dropped halfway through it is then
                    # retried exactly like one dropped before the status line.
                    response.read()
                    return response
            except httpx.TransportError as exc:
                if not policy.should_retry(request.method, exc, attempt):
                    raise
                delay = policy.delay(attempt, None)
                self._log_retry(request, type(exc).__name__, attempt, delay)
            else:
                delay = policy.delay(attempt, response)
                # Read the (small) error body before closing: a response closed unread takes its
                # connection with it, so every retry would open a new one.
                # (If that read fails, the retry below answers a broken connection as well.)
                with contextlib.suppress(httpx.TransportError):
                    response.read()
                response.close()
                self._log_retry(request, str(response.status_code), attempt, delay)
            policy.sleep(delay)

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
        if method is None or url is None:
            try:
                failed: httpx.Request | None = exc.request
            except RuntimeError:
                failed = None
            if failed is not None:
                method = method if method is not None else failed.method
                url = url if url is not None else failed.url
        redacted = redact_url(url) if url is not None else None
        cls = Timeout if isinstance(exc, httpx.TimeoutException) else TransportError
        detail = redact_text(str(exc)) or "no detail"
        where = " ".join(part for part in (method, redacted) if part)
        message = (
            f"{type(exc).__name__} during {where}: {detail}" if where else f"{type(exc).__name__}: {detail}"
        )
        raise cls(message, method=method, url=redacted) from exc
