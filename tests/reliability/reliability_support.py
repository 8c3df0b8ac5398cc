"""Helpers shared by the reliability tests: sandbox switches, a fake clock, recording mock servers.

Named ``reliability_support`` (not ``support``) because test directories have no
``__init__.py`` and helper modules are imported by their bare name.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Callable, Iterable, Mapping
from typing import Any
from urllib.parse import parse_qsl

import httpx
from oneroster import OneRoster, RetryPolicy
from oneroster.sandbox import RunningSandbox

BASE = "https://sis.example"
STATIC_TOKEN = "rel-static-token-Vq93kd"
#: Distinctive sandbox credentials, so a leak is found by plain substring search.
CLIENT_ID = "rel-client"
CLIENT_SECRET = "rel-Secret-8f3Kq-Zm41x"
#: The paging sandbox never returns more than this many records per page.
PAGE_LIMIT = 8

Respond = Callable[[httpx.Request], httpx.Response]


def calls(running: RunningSandbox, op_id: str) -> int:
    """How many requests the sandbox served for ``op_id`` since the last reset."""
    return int(running.stats()["by_operation"].get(op_id, 0))


class FakeSleep:
    """Records the delays the retry policy asks for instead of sleeping (thread-safe)."""

    def __init__(self) -> None:
        self.calls: list[float] = []
        self._lock = threading.Lock()

    def __call__(self, seconds: float) -> None:
        with self._lock:
            self.calls.append(seconds)


def policy(sleep: FakeSleep, *, max_retries: int = 3) -> RetryPolicy:
    """A retry policy that never sleeps and has no jitter (backoff 0.5, 1, 2, 4... seconds)."""
    return RetryPolicy(max_retries=max_retries, sleep=sleep, random=lambda: 0.0)


def sandbox_client(
    running: RunningSandbox, sleep: FakeSleep | None = None, *, max_retries: int = 3, **kwargs: Any
) -> OneRoster:
    """A wrapper client for ``running`` with a fake sleep."""
    return OneRoster(
        **running.client_kwargs(),
        retry_policy=policy(sleep or FakeSleep(), max_retries=max_retries),
        **kwargs,
    )


class Recorder:
    """A ``httpx.MockTransport`` handler that records every request it answers (thread-safe)."""

    def __init__(self, respond: Respond) -> None:
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
        """The requests other than token requests."""
        return [r for r in self.requests if not r.url.path.endswith("/oauth/token")]


def mock_client(
    respond: Respond,
    *,
    sleep: FakeSleep | None = None,
    max_retries: int = 1,
    profile: str = "timeback",
    **kwargs: Any,
) -> tuple[OneRoster, Recorder]:
    """A wrapper client over a recording MockTransport; a static token unless credentials are given."""
    recorder = Recorder(respond)
    if "client_id" not in kwargs and "token" not in kwargs:
        kwargs["token"] = STATIC_TOKEN
    client = OneRoster(
        base_url=BASE,
        profile=profile,
        http_client=httpx.Client(transport=httpx.MockTransport(recorder)),
        retry_policy=policy(sleep or FakeSleep(), max_retries=max_retries),
        **kwargs,
    )
    return client, recorder


def server_query(request: httpx.Request) -> dict[str, str]:
    """Decode the query string exactly as the sandbox (Starlette: ``parse_qsl``, '+' is a space) does."""
    raw = request.url.query.decode("latin-1")
    return dict(parse_qsl(raw, keep_blank_values=True))


def user_records(n: int, prefix: str = "u") -> list[dict[str, Any]]:
    """``n`` small but complete user records ``u0000``..."""
    return [
        {
            "sourcedId": f"{prefix}{i:04d}",
            "status": "active",
            "dateLastModified": "2026-01-01T00:00:00.000Z",
            "enabledUser": "true",
            "givenName": f"G{i}",
            "familyName": f"F{i}",
            "roles": [{"roleType": "primary", "role": "student", "org": {"sourcedId": "org-1"}}],
        }
        for i in range(n)
    ]


def paging_server(
    items: list[dict[str, Any]],
    *,
    key: str = "users",
    broken: Mapping[int, Respond] | None = None,
    total_header: bool = True,
) -> Respond:
    """Answer list requests from ``items`` by offset/limit; ``broken[offset]`` answers that page instead."""

    def respond(request: httpx.Request) -> httpx.Response:
        params = request.url.params
        offset = int(params.get("offset", "0"))
        limit = int(params.get("limit", "100"))
        if broken is not None and offset in broken:
            return broken[offset](request)
        headers = {"X-Total-Count": str(len(items))} if total_header else {}
        return httpx.Response(200, json={key: items[offset : offset + limit]}, headers=headers)

    return respond


def texts_of(values: Iterable[object]) -> str:
    """Join anything that may carry a secret into one searchable text."""
    parts = []
    for value in values:
        parts.append(value if isinstance(value, str) else repr(value))
    return "\n".join(parts)


def json_body(request: httpx.Request) -> Any:
    """The decoded JSON body of a recorded request."""
    return json.loads(request.content)


# -- a loopback server whose answers are written byte by byte ------------------------------


class RawExchange:
    """One request received by ``RawServer`` and the socket to answer it on."""

    def __init__(self, sock: socket.socket, head: str, body: bytes, stopping: threading.Event) -> None:
        self.sock = sock
        lines = head.split("\r\n")
        self.method, self.target, _ = lines[0].split(" ", 2)
        self.headers = httpx.Headers([tuple(line.split(":", 1)) for line in lines[1:] if ":" in line])
        self.body = body
        self._stopping = stopping

    @property
    def path(self) -> str:
        return self.target.partition("?")[0]

    def send_head(self, status: int, headers: Mapping[str, str]) -> None:
        # The server closes each connection after one answer, so it says so: without it a client
        # may send its next request on a connection being closed (a reset, under load).
        headers = {"Connection": "close", **headers}
        lines = [f"HTTP/1.1 {status} X"] + [f"{k}: {v}" for k, v in headers.items()]
        self.sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))

    def answer(self, status: int, body: bytes, headers: Mapping[str, str] | None = None) -> None:
        all_headers = {"Content-Type": "application/json", "Content-Length": str(len(body))}
        all_headers.update(headers or {})
        self.send_head(status, all_headers)
        self.sock.sendall(body)

    def drip(self, data: bytes, every: float) -> None:
        """Send ``data`` one byte at a time, ``every`` seconds apart (until the server stops)."""
        for index in range(len(data)):
            if self._stopping.wait(every):
                return
            self.sock.sendall(data[index : index + 1])

    def stall(self, seconds: float) -> None:
        """Send nothing for ``seconds`` (or until the server stops)."""
        self._stopping.wait(seconds)


class RawServer:
    """A threaded loopback HTTP/1.1 server; ``handle(exchange)`` writes each answer, then it closes.

    For what no framework sends on purpose: bodies dripped a byte at a time, stalls, gzip
    bombs, corrupt compressed bodies. Use it as a context manager; ``url`` is its root.
    """

    def __init__(self, handle: Callable[[RawExchange], None]) -> None:
        self.handle = handle
        self.exchanges: list[RawExchange] = []
        self._stopping = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        # accept() is not woken by close() from another thread: poll, so that exit is prompt.
        self._listener.settimeout(0.05)
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._listener.getsockname()[1]}"

    def paths(self) -> list[str]:
        with self._lock:
            return [exchange.path for exchange in self.exchanges]

    def __enter__(self) -> RawServer:
        thread = threading.Thread(target=self._accept, daemon=True)
        thread.start()
        self._threads.append(thread)
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stopping.set()
        self._listener.close()
        for thread in self._threads:
            thread.join(timeout=5)

    def _accept(self) -> None:
        while not self._stopping.is_set():
            try:
                sock, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            sock.settimeout(None)
            thread = threading.Thread(target=self._serve, args=(sock,), daemon=True)
            thread.start()
            self._threads.append(thread)

    def _serve(self, sock: socket.socket) -> None:
        with sock:
            try:
                data = b""
                while b"\r\n\r\n" not in data:
                    chunk = sock.recv(65536)
                    if not chunk:
                        return
                    data += chunk
                head, _, body = data.partition(b"\r\n\r\n")
                exchange = RawExchange(sock, head.decode("latin-1"), body, self._stopping)
                length = int(exchange.headers.get("content-length", "0"))
                while len(exchange.body) < length:
                    exchange.body += sock.recv(65536)
                with self._lock:
                    self.exchanges.append(exchange)
                self.handle(exchange)
            except OSError:
                return  # the client hung up: that is what several tests make it do
