"""One paginator for every OneRoster collection.

Servers disagree on how they say "there is more", so the end of a collection is decided in
this order (the order LongsightGroup's client and the binding's examples agree on):

1. an RFC 8288 ``Link`` header with ``rel="next"``: follow it (its ``offset`` is used);
2. else a total (``X-Total-Count`` header, or ``totalCount``/``total`` in the body): stop
   when ``offset + received >= total``;
3. else stop on an **empty** page.

A short page alone is never the end (TimeBack returns short pages mid-collection and
servers clamp ``limit``), so the next offset is ``offset + received``, not ``offset + limit``.
Loops are bounded: ``max_pages`` caps the pages, an offset that does not advance or a
server that ignores ``offset`` (the same page again) raises ``PaginationError``.

Example:
    ```python
    page = client.users.list(limit=100)
    page.data, page.total, page.has_more, page.next_offset
    for user in client.users.stream(where={"role": "student"}):
        ...
    ```

"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar
from urllib.parse import parse_qs, urlsplit

import httpx

from oneroster.errors import OneRosterError, PaginationError

__all__ = ["DEFAULT_MAX_PAGES", "Page", "iterate", "next_link_offset", "total_from"]

T = TypeVar("T")

DEFAULT_MAX_PAGES = 100_000

_LINK_PART = re.compile(r"<([^>]*)>\s*((?:;\s*[^;,]+)*)")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a collection.

    ``data`` holds the records; ``total`` is the server's count when it sent one;
    ``has_more`` and ``next_offset`` say whether and where the next page starts.
    Iterating a page yields its records.

    Example:
        ```python
        page = client.users.list(limit=50)
        for user in page:
            print(user.given_name)
        if page.has_more:
            page = client.users.list(limit=50, offset=page.next_offset)
        ```

    """

    data: list[T]
    offset: int
    limit: int | None
    total: int | None
    has_more: bool
    next_offset: int | None
    headers: httpx.Headers = field(default_factory=httpx.Headers, repr=False, compare=False)

    def __iter__(self) -> Iterator[T]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)


def next_link_offset(link_header: str | None) -> int | None:
    """Return the ``offset`` of the ``rel="next"`` link in an RFC 8288 ``Link`` header.

    Returns ``None`` when there is no next link; a next link without an ``offset`` query
    parameter counts as offset 0 only if it says so, otherwise ``None``.

    Example:
        ```python
        next_link_offset('<https://h/users?limit=2&offset=4>; rel="next"')   # 4
        ```

    """
    if not link_header:
        return None
    for match in _LINK_PART.finditer(link_header):
        url, params = match.group(1), match.group(2)
        rels = re.findall(r'rel\s*=\s*"?([^";]+)"?', params)
        if any("next" in rel.lower().split() for rel in rels):
            values = parse_qs(urlsplit(url).query).get("offset")
            if values and values[0].isdigit():
                return int(values[0])
    return None


def total_from(headers: httpx.Headers, body_totals: Sequence[object]) -> int | None:
    """Return the collection size from ``X-Total-Count`` or the body's ``totalCount``/``total``.

    Example:
        ```python
        total_from(httpx.Headers({"X-Total-Count": "250"}), [])   # 250
        ```

    """
    header = headers.get("x-total-count")
    if header is not None and header.strip().isdigit():
        return int(header.strip())
    for value in body_totals:
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return value
    return None


def build_page(
    records: list[T],
    *,
    offset: int,
    limit: int | None,
    headers: httpx.Headers,
    body_totals: Sequence[object] = (),
    paged: bool = True,
) -> Page[T]:
    """Decide ``has_more``/``next_offset`` for one received page (see the module docstring)."""
    total = total_from(headers, body_totals)
    received = len(records)
    link_next = next_link_offset(headers.get("link"))
    if not paged:
        has_more = False
    elif link_next is not None:
        has_more = received > 0
    elif total is not None:
        has_more = received > 0 and offset + received < total
    else:
        has_more = received > 0
    next_offset = None
    if has_more:
        next_offset = link_next if link_next is not None and link_next > offset else offset + received
    return Page(
        data=records,
        offset=offset,
        limit=limit,
        total=total,
        has_more=has_more,
        next_offset=next_offset,
        headers=headers,
    )


def iterate(
    fetch: Callable[[int], Page[T]],
    *,
    start_offset: int = 0,
    max_pages: int = DEFAULT_MAX_PAGES,
    max_items: int | None = None,
    key: Callable[[T], object] | None = None,
) -> Iterator[T]:
    """Yield every record of a collection, one page in memory at a time.

    ``fetch(offset)`` returns the page starting at ``offset``. An error raised while
    fetching gets ``resume_offset`` set to the offset to resume from with
    ``stream(start_offset=...)``. ``key`` (e.g. the sourcedId) lets the loop notice a
    server that ignores ``offset`` and returns the same page again.

    Example:
        ```python
        for record in iterate(lambda offset: resource.list(offset=offset)):
            ...
        ```

    """
    offset = start_offset
    yielded = 0
    if max_items is not None and max_items <= 0:
        return
    previous_keys: list[object] | None = None
    for _ in range(max_pages):
        try:
            page = fetch(offset)
        except OneRosterError as exc:
            exc.resume_offset = offset
            raise
        if key is not None and page.data:
            keys = [key(record) for record in page.data]
            if None not in keys and previous_keys is not None and keys == previous_keys:
                raise PaginationError(
                    f"the server returned the same page again at offset {offset}; it seems to ignore offset",
                    resume_offset=offset,
                )
            previous_keys = keys
        for record in page.data:
            yield record
            yielded += 1
            if max_items is not None and yielded >= max_items:
                return
        if not page.has_more or page.next_offset is None:
            return
        if page.next_offset <= offset:
            raise PaginationError(
                f"the next page offset {page.next_offset} does not advance past {offset}",
                resume_offset=offset,
            )
        offset = page.next_offset
    raise PaginationError(
        f"stopped after {max_pages} pages without reaching the end (raise max_pages if that is expected)",
        resume_offset=offset,
    )
