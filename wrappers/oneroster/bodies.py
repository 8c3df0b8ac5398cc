"""Reading an answer's body: decompressed exactly once, never beyond a size limit, never past the deadline.

httpx decompresses a gzip or deflate body whole, as fast as the bytes arrive: 254 KiB of
gzip can become 500 MiB in memory before anything can object. The transport reads bodies
here instead: the raw bytes are fed through a decompressor that never produces more than
64 KiB per step, the decompressed size is counted as it grows, and the deadline is checked
after every chunk. The result is handed on as a plain, already-decoded response (no
``Content-Encoding`` left), so nothing after the transport decodes it a second time.

Example:
    ```python
    body = read_body(response, limit=256 * 1024 * 1024, deadline=None)
    ```

"""

from __future__ import annotations

import time
import zlib
from collections.abc import Iterator
from typing import cast

import httpx

from .deadlines import Deadline, watch_stream

__all__ = ["DEFAULT_MAX_RESPONSE_BYTES", "BodyCorrupt", "BodyTooLarge", "DeadlinePassed", "read_body"]

#: The default ``max_response_bytes``: far above any page a provider sends (10,000 full user
#: records are about 20 MiB of JSON), far below what would hurt a web worker.
DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024 * 1024

#: The most one decompression step may produce.
_STEP = 64 * 1024

# What we ask for (Accept-Encoding) and can decode without bound problems.
ACCEPTED_ENCODINGS = "gzip, deflate"
_IDENTITY = frozenset({"", "identity"})
# Codings httpx would decode with optional packages; we never ask for them, so an answer
# using one cannot be read as sent.
_UNSUPPORTED = frozenset({"br", "zstd", "compress", "x-compress"})


class BodyTooLarge(Exception):
    """Internal: the decoded body passed ``limit`` bytes."""


class BodyCorrupt(Exception):
    """Internal: the body does not decompress (the reason is the message)."""


class DeadlinePassed(Exception):
    """Internal: the deadline passed while the body was arriving."""


class _Inflater:
    """One gzip or deflate decompressor whose every step yields at most ``_STEP`` bytes."""

    def __init__(self, coding: str) -> None:
        self.coding = coding
        self._gzip = coding in ("gzip", "x-gzip")
        # deflate: RFC 9110 means zlib-wrapped, but servers also send raw deflate; the first
        # bytes tell (as httpx decides too).
        self._decompressor = zlib.decompressobj(zlib.MAX_WBITS | 16 if self._gzip else zlib.MAX_WBITS)
        self._first = True

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self._decompressor.eof:
            return  # trailing bytes after the end of the stream, as httpx, are ignored
        try:
            piece = self._decompressor.decompress(data, _STEP)
        except zlib.error as exc:
            if not (self._first and not self._gzip):
                raise BodyCorrupt(f"the {self.coding} body does not decompress ({exc})") from None
            self._decompressor = zlib.decompressobj(-zlib.MAX_WBITS)
            self._first = False
            yield from self.feed(data)
            return
        self._first = False
        yield piece
        while self._decompressor.unconsumed_tail and not self._decompressor.eof:
            try:
                piece = self._decompressor.decompress(self._decompressor.unconsumed_tail, _STEP)
            except zlib.error as exc:
                raise BodyCorrupt(f"the {self.coding} body does not decompress ({exc})") from None
            yield piece

    def finish(self) -> Iterator[bytes]:
        if not self._decompressor.eof:
            # Drain whatever is still buffered, then insist on a complete stream: a body cut
            # short would otherwise parse as a shorter answer (or fail later as bad JSON).
            yield from self.feed(b"")
            if not self._decompressor.eof:
                raise BodyCorrupt(f"the {self.coding} body ends before its compressed stream does")


def _codings(response: httpx.Response) -> list[str]:
    values = [v.strip().lower() for v in response.headers.get_list("content-encoding", split_commas=True)]
    return [v for v in values if v not in _IDENTITY]


def decoded_headers(headers: httpx.Headers, length: int) -> httpx.Headers:
    """Return the headers of the decoded answer: no ``Content-Encoding``, the decoded ``Content-Length``.

    An answer sent as is, whose ``Content-Length`` is already right, gets ``headers`` itself back.

    Example:
        ```python
        decoded_headers(httpx.Headers({"Content-Encoding": "gzip"}), 10)  # Content-Length: 10
        ```

    """
    if "content-encoding" not in headers and headers.get("content-length") == str(length):
        return headers  # an answer sent as is: nothing to change (every page of a stream)
    # From the raw bytes: a value that is not ASCII (a hostile server's) must survive as it came.
    dropped = (b"content-encoding", b"content-length")
    kept = [(k, v) for k, v in headers.raw if k.lower() not in dropped]
    return httpx.Headers([*kept, (b"Content-Length", str(length).encode())], encoding=headers.encoding)


def read_body(response: httpx.Response, *, limit: int | None, deadline: Deadline | None) -> bytes:
    """Read and decode the body of a response from a transport; close it whatever happens.

    Raises ``BodyTooLarge`` once the decoded body passes ``limit`` bytes (``None``: no limit),
    ``BodyCorrupt`` for a compressed body that does not decompress or uses a coding that was
    not asked for, ``DeadlinePassed`` when ``deadline`` passes first, and whatever
    ``httpx.TransportError`` the connection raises.

    Example:
        ```python
        body = read_body(transport.handle_request(request), limit=1 << 20, deadline=None)
        ```

    """
    try:
        codings = _codings(response)
        unsupported = [c for c in codings if c in _UNSUPPORTED]
        if unsupported:
            raise BodyCorrupt(f"the body uses Content-Encoding {unsupported[0]!r}, which was not asked for")
        inflaters = [_Inflater(c) for c in reversed(codings) if c in ("gzip", "x-gzip", "deflate")]
        if response.is_stream_consumed:
            # Someone already read it (a mock transport's handler, an event hook of the caller's
            # client): httpx has decoded it then, so it is only measured, not decoded again.
            content = response.content
            if limit is not None and len(content) > limit:
                raise BodyTooLarge
            return content
        if not inflaters:
            declared = response.headers.get("content-length", "")
            if limit is not None and declared.isascii() and declared.isdigit() and int(declared) > limit:
                raise BodyTooLarge  # said up front: nothing needs to be read to know
        parts: list[bytes] = []
        size = 0

        def keep(piece: bytes) -> None:
            nonlocal size
            size += len(piece)
            if limit is not None and size > limit:
                raise BodyTooLarge
            if piece:
                parts.append(piece)

        def through(data: bytes, stage: int) -> Iterator[bytes]:
            """Feed ``data`` through the decoders from ``stage`` on (each step bounded)."""
            if stage == len(inflaters):
                yield data
                return
            for piece in inflaters[stage].feed(data):
                yield from through(piece, stage + 1)

        def finish(stage: int) -> Iterator[bytes]:
            if stage == len(inflaters):
                return
            for piece in inflaters[stage].finish():
                yield from through(piece, stage + 1)
            yield from finish(stage + 1)

        # A transport's response: its stream is sync (httpx.SyncByteStream).
        stream = cast(httpx.SyncByteStream, response.stream)
        with watch_stream(response.extensions, deadline):
            try:
                for chunk in stream:
                    if inflaters:
                        for piece in through(chunk, 0):
                            keep(piece)
                    else:
                        keep(chunk)  # the usual answer, sent as is: the chunk is the body
                    if deadline is not None and time.monotonic() >= deadline.expires_at:
                        raise DeadlinePassed
            except httpx.TransportError:
                # The watchdog shut the connection down at the deadline: that is why it broke.
                if deadline is not None and time.monotonic() >= deadline.expires_at:
                    raise DeadlinePassed from None
                raise
        for piece in finish(0):
            keep(piece)
        return b"".join(parts)
    finally:
        response.close()
