"""Shared helpers for the wrapper tests: a recording mock server and a client factory.

They are handed out as fixtures rather than imported (``from conftest import ...``): with
tests/conformance/conftest.py also on sys.path, which module ``conftest`` names depends on
how pytest was invoked.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import httpx
import pytest
from oneroster import OneRoster, RetryPolicy

BASE = "https://sis.example"
TOKEN = "tok-Zq81-static"  # the default static token of built clients

Respond = Callable[[httpx.Request], httpx.Response]


def ok(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={})


class Recorder:
    """A MockTransport handler that records every request it answers (thread-safe)."""

    def __init__(self, respond: Respond = ok) -> None:
        self.respond = respond
        self.requests: list[httpx.Request] = []
        self._lock = threading.Lock()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        with self._lock:
            self.requests.append(request)
        return self.respond(request)

    @property
    def api_requests(self) -> list[httpx.Request]:
        """The requests other than token requests (``.../oauth/token``)."""
        return [r for r in self.requests if not r.url.path.endswith("/oauth/token")]

    @property
    def raw_paths(self) -> list[bytes]:
        """Raw (still percent-encoded) paths of the API requests, without the query."""
        return [r.url.raw_path.split(b"?", 1)[0] for r in self.api_requests]

    @property
    def paths(self) -> list[str]:
        return [p.decode("ascii") for p in self.raw_paths]

    @property
    def offsets(self) -> list[int | None]:
        return [int(r.url.params["offset"]) if "offset" in r.url.params else None for r in self.api_requests]

    @property
    def methods(self) -> list[str]:
        return [r.method for r in self.api_requests]

    def body(self, index: int = -1) -> Any:
        return json.loads(self.api_requests[index].content)


def _records(n: int, prefix: str = "u") -> list[dict[str, Any]]:
    return [{"sourcedId": f"{prefix}{i}", "givenName": f"G{i}", "familyName": f"F{i}"} for i in range(n)]


def _paged(
    items: list[dict[str, Any]],
    *,
    key: str = "users",
    total: str | None = None,
    sizes: Mapping[int, int] | None = None,
    extra: Callable[[int, list[dict[str, Any]]], dict[str, str]] | None = None,
) -> Respond:
    """Answer list requests from ``items`` honouring offset/limit.

    ``total``: None (no signal), "header" (X-Total-Count) or "body" (``totalCount``).
    ``sizes`` maps an offset to how many records the server chooses to return there.
    ``extra`` returns more headers (e.g. a Link) for an offset and the records sent.
    """

    def respond(request: httpx.Request) -> httpx.Response:
        params = request.url.params
        offset = int(params.get("offset", "0"))
        limit = int(params.get("limit", "100"))
        size = sizes.get(offset, limit) if sizes is not None else limit
        chunk = items[offset : offset + min(size, limit)]
        body: dict[str, Any] = {key: chunk}
        headers: dict[str, str] = {}
        if total == "header":
            headers["X-Total-Count"] = str(len(items))
        elif total == "body":
            body.update(totalCount=len(items), offset=offset, limit=limit)
        if extra is not None:
            headers.update(extra(offset, chunk))
        return httpx.Response(200, json=body, headers=headers)

    return respond


def _build_client(
    handler: Callable[[httpx.Request], httpx.Response],
    *,
    profile: Any = "timeback",
    page_size: int | None = 2,
    max_retries: int = 2,
    **kwargs: Any,
) -> OneRoster:
    if "client_id" not in kwargs and "token" not in kwargs:
        kwargs["token"] = TOKEN
    return OneRoster(
        base_url=kwargs.pop("base_url", BASE),
        profile=profile,
        page_size=page_size,
        http_client=httpx.Client(transport=httpx.MockTransport(handler)),
        retry_policy=RetryPolicy(max_retries=max_retries, sleep=lambda s: None),
        **kwargs,
    )


@pytest.fixture(scope="session")
def recorder() -> type[Recorder]:
    """The ``Recorder`` class: ``recorder(respond)`` is a recording MockTransport handler."""
    return Recorder


@pytest.fixture(scope="session")
def paged() -> Callable[..., Respond]:
    """``paged(items, key=..., total=..., sizes=..., extra=...)``: a paging server (see ``_paged``)."""
    return _paged


@pytest.fixture(scope="session")
def records() -> Callable[..., list[dict[str, Any]]]:
    """``records(n, prefix="u")``: n user records u0..u(n-1)."""
    return _records


@pytest.fixture(scope="session")
def build_client() -> Callable[..., OneRoster]:
    """An unmanaged client factory (the test closes what it builds)."""
    return _build_client


@pytest.fixture
def make() -> Iterator[Callable[..., OneRoster]]:
    """Build clients over a MockTransport; all are closed after the test."""
    made: list[OneRoster] = []

    def factory(handler: Callable[[httpx.Request], httpx.Response], **kwargs: Any) -> OneRoster:
        client = _build_client(handler, **kwargs)
        made.append(client)
        return client

    yield factory
    for client in made:
        client.close()
