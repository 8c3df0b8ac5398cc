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

import contextvars
import itertools
import re
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Generic, TypeVar
from urllib.parse import parse_qs, urlsplit

import httpx

from oneroster.errors import OneRosterError, PaginationError

__all__ = [
    "DEFAULT_MAX_PAGES",
    "READ_AHEAD_WAIT",
    "Page",
    "collect_concurrently",
    "convert_records",
    "iterate",
    "iterate_pages",
    "next_link_offset",
    "total_from",
]

T = TypeVar("T")
R = TypeVar("R")

DEFAULT_MAX_PAGES = 100_000

#: The share of a fetch spent waiting (on the provider, the network) from which ``iterate``
#: reads ahead. A provider answering from memory over loopback keeps a fetch waiting ~5% of
#: its time (the client parses and decodes the rest); the sandbox ~50%; a remote one more.
READ_AHEAD_WAIT = 0.25

# One link: its target, then its parameters up to the next "<". Neither part can run over a
# "<", so every character of the header is looked at a bounded number of times, however many
# "<" a hostile header holds (the former pattern rescanned to the end for each of them).
_LINK_PART = re.compile(r"<([^<>]*)>([^<]*)")
_REL = re.compile(r'rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))', re.IGNORECASE)
_DIGITS = re.compile(r"[0-9]+")


def _count(text: str) -> int | None:
    """Return a non-negative count written in ASCII digits, else None (``str.isdigit`` also takes '²')."""
    text = text.strip()
    return int(text) if _DIGITS.fullmatch(text) else None


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
        if page.next_offset is not None:  # set when has_more
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
        rels = [quoted or bare for quoted, bare in _REL.findall(params)]
        if any("next" in rel.lower().split() for rel in rels):
            values = parse_qs(urlsplit(url).query).get("offset")
            offset = _count(values[0]) if values else None
            if offset is not None:
                return offset
    return None


def total_from(headers: httpx.Headers, body_totals: Sequence[object]) -> int | None:
    """Return the collection size from ``X-Total-Count`` or the body's ``totalCount``/``total``.

    Example:
        ```python
        total_from(httpx.Headers({"X-Total-Count": "250"}), [])   # 250
        ```

    """
    header = headers.get("x-total-count")
    count = _count(header) if header is not None else None
    if count is not None:
        return count
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
    fetch: Callable[[int], Page[R]],
    *,
    start_offset: int = 0,
    max_pages: int = DEFAULT_MAX_PAGES,
    max_items: int | None = None,
    key: Callable[[R], object] | None = None,
    convert: Callable[[R], T] | None = None,
    read_ahead: bool = False,
) -> Iterator[T]:
    """Yield every record of a collection, one page (two with ``read_ahead``) in memory at a time.

    ``fetch(offset)`` returns the page starting at ``offset``. ``convert`` turns each raw
    record into what is yielded (a model); it runs in the caller's thread, so with
    ``read_ahead`` the next page can be on the wire while this one is converted and consumed:
    that happens once a fetch is seen waiting on the provider for a quarter of its time or more
    (``READ_AHEAD_WAIT``). While the client is the slower side, pages are fetched in the
    caller's thread: a second thread would only compete for the GIL, and a page decoded in one
    thread and consumed in another costs its cache misses (about 5% of a raw stream).
    With ``convert``, the page's ``data`` list is consumed as its records are converted
    (each entry is dropped once its model exists), so ``fetch`` must return a list of its own.
    An error raised while fetching gets ``resume_offset`` set to the offset to resume
    from with ``stream(start_offset=...)``; an error converting a record gets that
    record's offset. ``key`` (e.g. the sourcedId) lets the loop notice a server that
    ignores ``offset`` and returns the same page again. Nothing is fetched before the
    first record is asked for.

    Example:
        ```python
        for record in iterate(lambda offset: resource.list(offset=offset)):
            ...
        ```

    """
    # The records of each page are handed over by itertools.chain: no Python frame per record
    # (raw records cost nothing past the decoding), only one per page.
    return itertools.chain.from_iterable(
        iterate_pages(
            fetch,
            start_offset=start_offset,
            max_pages=max_pages,
            max_items=max_items,
            key=key,
            convert=convert,
            read_ahead=read_ahead,
        )
    )


def iterate_pages(
    fetch: Callable[[int], Page[R]],
    *,
    start_offset: int = 0,
    max_pages: int = DEFAULT_MAX_PAGES,
    max_items: int | None = None,
    key: Callable[[R], object] | None = None,
    convert: Callable[[R], T] | None = None,
    read_ahead: bool = False,
) -> Iterator[Iterable[T]]:
    """Yield the records of each page as one iterable per page; ``iterate`` chains them.

    The arguments are ``iterate``'s. Each iterable must be consumed before the next one is
    asked for (the paging checks run between pages).

    Example:
        ```python
        for records in iterate_pages(lambda offset: resource.list(offset=offset)):
            print(len(list(records)))
        ```

    """
    offset = start_offset
    yielded = 0
    if max_items is not None and max_items <= 0:
        return
    previous_keys: list[object] | None = None
    # One worker at most, started once reading ahead pays: a single page ahead, so memory stays bounded.
    pool: ThreadPoolExecutor | None = None
    pending: Future[Page[R]] | None = None
    try:
        for _ in range(max_pages):
            try:
                if pending is not None:
                    page = pending.result()
                elif read_ahead and pool is None:
                    page, waited = _timed(fetch, offset)
                    if waited >= READ_AHEAD_WAIT:
                        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="oneroster-read-ahead")
                else:
                    page = fetch(offset)
            except OneRosterError as exc:
                exc.resume_offset = offset
                raise
            pending = None
            if key is not None and page.data:
                # The size and the first and last ids tell a repeated page apart cheaply;
                # comparing every id of every page cost more than parsing some records.
                keys = [len(page.data), key(page.data[0]), key(page.data[-1])]
                if None not in keys and previous_keys is not None and keys == previous_keys:
                    raise PaginationError(
                        f"the server returned the same page again at offset {offset}; "
                        "it seems to ignore offset",
                        resume_offset=offset,
                    )
                previous_keys = keys
            next_offset = page.next_offset if page.has_more else None
            advancing = next_offset is not None and next_offset > offset
            wanted_more = max_items is None or yielded + len(page.data) < max_items
            if pool is not None and advancing and wanted_more and next_offset is not None:
                # In a copy of this thread's context: a deadline set around the loop applies there too.
                pending = pool.submit(contextvars.copy_context().run, fetch, next_offset)
            data = page.data
            if max_items is not None and yielded + len(data) > max_items:
                data = data[: max_items - yielded]
            yielded += len(data)
            if convert is None:
                yield data  # type: ignore[misc]  # R is T when there is no convert
            else:
                yield convert_records(data, convert, offset=offset)
            # This page is consumed: let it go before the next one is fetched and decoded. Held, its
            # records would be walked by every collection the next decoding triggers, and their
            # memory could not be reused for the next page's (~1 us a record: a sixth of a raw stream).
            del page, data
            if max_items is not None and yielded >= max_items:
                return
            if next_offset is None:
                return
            if not advancing:
                raise PaginationError(
                    f"the next page offset {next_offset} does not advance past {offset}",
                    resume_offset=offset,
                )
            offset = next_offset
        raise PaginationError(
            f"stopped after {max_pages} pages without reaching the end (raise max_pages if that is expected)",
            resume_offset=offset,
        )
    finally:
        if pool is not None:
            # An abandoned stream leaves at most one GET in flight; nobody waits for it.
            pool.shutdown(wait=False, cancel_futures=True)


def _timed(fetch: Callable[[int], Page[R]], offset: int) -> tuple[Page[R], float]:
    """Fetch a page; return it and the share of the fetch spent waiting (not on this thread's CPU)."""
    started, cpu_started = time.perf_counter(), time.thread_time()
    page = fetch(offset)
    wall = time.perf_counter() - started
    cpu = time.thread_time() - cpu_started
    return page, (wall - cpu) / wall if wall > 0 else 0.0


def convert_records(data: list[R], convert: Callable[[R], T], *, offset: int) -> Iterator[T]:
    """Convert raw records one at a time, as the caller asks for them, emptying ``data``.

    One at a time, not as a list: a consumer that handles a record and drops it lets the
    record's models die young, so they never pile up for Python's cyclic garbage collector
    (converting a 1,000-record page at once spent about as long in the collector as in
    building the models). For the same reason each raw record is released from the page as
    soon as it is converted: the decoded JSON is no longer needed, and a smaller heap makes
    every collection cheaper. When a record fails, the records before it have been yielded
    and the error carries that record's offset (``offset`` is that of ``data[0]``), so
    resuming there loses nothing.

    Example:
        ```python
        users = list(convert_records(raw_users, User.from_dict, offset=0))
        ```

    """
    for index in range(len(data)):
        try:
            item = convert(data[index])
        except OneRosterError as exc:
            exc.resume_offset = offset + index
            raise
        # The list is the paginator's own (see iterate, list_all), so it may be emptied.
        data[index] = None  # type: ignore[assignment]
        yield item


def collect_concurrently(
    fetch: Callable[[int], Page[R]],
    *,
    start_offset: int = 0,
    concurrency: int,
    max_items: int | None = None,
    max_pages: int = DEFAULT_MAX_PAGES,
    key: Callable[[R], object] | None = None,
) -> list[R]:
    """Return every raw record, fetching pages in parallel once the first page gives a total.

    The first page tells the total and the page size the server really uses (it may clamp
    ``limit``). The following offsets are fetched by up to ``concurrency`` threads, never
    more than ``concurrency`` pages ahead of the last one appended, and reassembled in
    server order; the total is only a hint of where to stop asking, never a list of work
    (``X-Total-Count: 10**21`` costs what the records really there cost). A page that comes
    back short (TimeBack does that mid-collection) has its gap fetched before the next page
    is appended; an empty page, or one saying there is no more, ends the collection; anything
    past the announced total (records added meanwhile) is read serially at the end. A page
    that repeats the one before (a server ignoring ``offset``) raises ``PaginationError``, as
    ``iterate`` does, so the result equals what a serial ``stream()`` returns. ``max_items``
    bounds the records fetched and held; ``max_pages`` the requests. Without a total, or with
    ``concurrency=1``, this is the serial loop.

    Example:
        ```python
        users = collect_concurrently(lambda offset: fetch_page(offset), concurrency=4)
        ```

    """
    if max_items is not None and max_items <= 0:
        return []
    try:
        first = fetch(start_offset)
    except OneRosterError as exc:
        exc.resume_offset = start_offset
        raise
    step = len(first.data)
    # Offsets can be computed only when the server pages by plain offset: a total is known
    # and its Link (if any) points right after the first page.
    predictable = first.total is not None and first.has_more and first.next_offset == start_offset + step
    if concurrency <= 1 or not predictable or step == 0:
        replayed = False

        def fetch_once_more(offset: int) -> Page[R]:
            # The first page goes through the loop too, so it takes part in the repeated-page check.
            nonlocal replayed
            if not replayed and offset == start_offset:
                replayed = True
                return first
            return fetch(offset)

        return list(
            itertools.islice(
                iterate(fetch_once_more, start_offset=start_offset, max_pages=max_pages, key=key), max_items
            )
        )
    assert first.total is not None
    end = first.total if max_items is None else min(first.total, start_offset + max_items)
    records: list[R] = list(first.data)
    previous_keys = _page_keys(first, key)
    pages = 1
    last = first
    submitted = start_offset + step
    in_flight: deque[tuple[int, Future[Page[R]]]] = deque()
    with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="oneroster-pages") as pool:
        try:
            while True:
                while len(in_flight) < concurrency and submitted < end:
                    if pages + len(in_flight) >= max_pages:
                        if in_flight:
                            break
                        raise PaginationError(
                            f"stopped after {max_pages} pages without reaching the end "
                            "(raise max_pages if that is expected)",
                            resume_offset=start_offset + len(records),
                        )
                    # In a copy of this thread's context: a deadline set around the call applies there too.
                    context = contextvars.copy_context()
                    in_flight.append((submitted, pool.submit(context.run, fetch, submitted)))
                    submitted += step
                if not in_flight:
                    break
                offset, future = in_flight.popleft()
                try:
                    page = future.result()
                except OneRosterError as exc:
                    exc.resume_offset = start_offset + len(records)
                    raise
                pages += 1
                keys = _page_keys(page, key)
                if keys is not None and keys == previous_keys:
                    raise PaginationError(
                        f"the server returned the same page again at offset {offset}; "
                        "it seems to ignore offset",
                        resume_offset=offset,
                    )
                previous_keys = keys if keys is not None else previous_keys
                records.extend(page.data)
                last = page
                if not page.data or (not page.has_more and offset + len(page.data) < end):
                    # The collection ended before the total it announced: nothing more to ask for.
                    break
                expected_end = min(offset + step, end)
                if offset + len(page.data) < expected_end:
                    gap: Iterator[R] = itertools.islice(
                        iterate(fetch, start_offset=offset + len(page.data), max_pages=max_pages, key=key),
                        expected_end - offset - len(page.data),
                    )
                    records.extend(gap)
        finally:
            # Pages asked for but no longer wanted (an error, an early end) are not waited for.
            for _, future in in_flight:
                future.cancel()
    # The collection may have grown since the first page; read whatever follows serially.
    if last.has_more and last.data and (max_items is None or len(records) < max_items):
        tail_start = start_offset + len(records)
        records.extend(
            itertools.islice(
                iterate(fetch, start_offset=tail_start, max_pages=max_pages, key=key),
                None if max_items is None else max_items - len(records),
            )
        )
    return records if max_items is None else records[:max_items]


def _page_keys(page: Page[R], key: Callable[[R], object] | None) -> list[object] | None:
    """Return what tells a page from the one before it cheaply: its size, its first and last ids."""
    if key is None or not page.data:
        return None
    keys = [len(page.data), key(page.data[0]), key(page.data[-1])]
    return None if None in keys else keys
