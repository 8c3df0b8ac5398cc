"""A provider that costs nothing: pre-rendered pages answered from memory, in a process of its own.

The client-bound scenario of `make bench` (bench/run.py) measures what the client costs, so the
server must not be what limits the loop. This one is a few lines of blocking sockets: each
connection (HTTP/1.1 keep-alive) gets a thread, each request line is looked up in a table of
answers rendered before the first request (status line, headers and body in one buffer), and
the answer is written with one ``sendall``. It has no JSON, no database and no framework.

The pages come from a real sandbox (bench/run.py fetches them once), so the bodies and the
paging headers (``X-Total-Count``, ``Link``) are what the sandbox sends. A request is looked up by
its path (without a trailing slash) and its ``limit`` and ``offset``; a page past the end is the
empty page; ``POST /oauth/token`` answers a fixed token. Nothing is checked: this is a bench
fixture, never a provider.

    python bench/page_server.py PAGES.json    # prints "ready <port>" on stdout, serves until killed

PAGES.json: ``{"path": "/ims/.../users", "empty": {...}, "pages": {"<offset>": [headers, body]}}``
with ``limit`` fixed by whoever wrote it (``"limit": 1000``).
"""

from __future__ import annotations

import json
import socket
import sys
import threading
from urllib.parse import parse_qsl, urlsplit

TOKEN = b'{"access_token": "bench-token", "token_type": "bearer", "expires_in": 36000}'


def render(status: str, headers: list[tuple[str, str]], body: bytes) -> bytes:
    """Return the whole HTTP/1.1 answer as one buffer."""
    head = [f"HTTP/1.1 {status}"]
    head += [f"{name}: {value}" for name, value in headers]
    head += [f"content-length: {len(body)}", "", ""]
    return "\r\n".join(head).encode("latin-1") + body


def load(path: str) -> tuple[str, int, dict[int, bytes], bytes]:
    """Return the collection path, the page size, the answers by offset and the empty page."""
    with open(path, encoding="utf-8") as handle:
        spec = json.load(handle)
    pages = {
        int(offset): render("200 OK", [tuple(h) for h in headers], body.encode("utf-8"))
        for offset, (headers, body) in spec["pages"].items()
    }
    headers, body = spec["empty"]
    empty = render("200 OK", [tuple(h) for h in headers], body.encode("utf-8"))
    return spec["path"].rstrip("/"), int(spec["limit"]), pages, empty


def serve(path: str) -> None:
    """Serve the pages of ``path`` until the process is killed."""
    collection, limit, pages, empty = load(path)
    token = render("200 OK", [("content-type", "application/json")], TOKEN)
    json_type = [("content-type", "application/json")]
    missing = render("404 Not Found", json_type, b'{"imsx_codeMajor": "failure"}')

    def answer(target: str) -> bytes:
        parts = urlsplit(target)
        if parts.path.rstrip("/") != collection:
            return missing
        query = dict(parse_qsl(parts.query))
        if int(query.get("limit", limit)) != limit:
            return missing
        offset = int(query.get("offset", 0))
        return pages.get(offset, empty)

    def connection(conn: socket.socket) -> None:
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        buffer = b""
        with conn:
            while True:
                while b"\r\n\r\n" not in buffer:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    buffer += chunk
                head, _, buffer = buffer.partition(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                method, target, _ = lines[0].split(" ", 2)
                length = 0
                for line in lines[1:]:
                    name, _, value = line.partition(":")
                    if name.strip().lower() == "content-length":
                        length = int(value)
                while len(buffer) < length:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    buffer += chunk
                buffer = buffer[length:]
                conn.sendall(token if method == "POST" else answer(target))

    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    print(f"ready {listener.getsockname()[1]}", flush=True)
    while True:
        conn, _ = listener.accept()
        threading.Thread(target=connection, args=(conn,), daemon=True).start()


if __name__ == "__main__":
    serve(sys.argv[1])
