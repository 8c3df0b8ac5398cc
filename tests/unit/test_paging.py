from __future__ import annotations

import itertools
from collections.abc import Callable

import httpx
import pytest
from oneroster import OneRoster, Page, PaginationError, ResponseParseError, ServerError, ValidationError
from oneroster.paging import build_page, iterate, next_link_offset, total_from

Make = Callable[..., OneRoster]


def ids(items: object) -> list[str]:
    return [record.sourced_id for record in items]  # type: ignore[attr-defined]


# -- pure functions ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ('<https://h/users?limit=2&offset=4>; rel="next"', 4),
        ("<https://h/users?offset=6&limit=2>; rel=next", 6),
        ('<https://h/users?offset=0>; rel="first", <https://h/users?offset=40>; rel="next"', 40),
        ('<https://h/users?offset=8>; rel="last", <https://h/users?offset=2>; rel="prev"', None),
        ('<https://h/users?offset=10>; rel="next last"', 10),
        ('<https://h/users?cursor=abc>; rel="next"', None),
        ('<https://h/users?offset=abc>; rel="next"', None),
        ("", None),
        (None, None),
    ],
)
def test_next_link_offset(header: str | None, expected: int | None) -> None:
    assert next_link_offset(header) == expected


def test_total_from_header_then_body() -> None:
    assert total_from(httpx.Headers({"X-Total-Count": " 250 "}), [7]) == 250
    assert total_from(httpx.Headers({"X-Total-Count": "lots"}), [7]) == 7
    assert total_from(httpx.Headers(), [None, 12]) == 12
    assert total_from(httpx.Headers(), [True, -1, "5"]) is None
    assert total_from(httpx.Headers(), []) is None


def test_build_page_link_next_is_followed_even_when_it_jumps() -> None:
    page = build_page(
        ["a", "b"],
        offset=0,
        limit=2,
        headers=httpx.Headers({"Link": '<https://h/users?offset=10>; rel="next"', "X-Total-Count": "2"}),
    )
    # The Link wins over the total, and its offset is used as it is.
    assert page.has_more is True
    assert page.next_offset == 10


def test_build_page_link_next_with_no_records_is_the_end() -> None:
    page = build_page([], offset=4, limit=2, headers=httpx.Headers({"Link": '<h?offset=6>; rel="next"'}))
    assert page.has_more is False
    assert page.next_offset is None


def test_build_page_total_header_stops() -> None:
    headers = httpx.Headers({"X-Total-Count": "5"})
    assert build_page([1, 2], offset=2, limit=2, headers=headers).next_offset == 4
    last = build_page([1], offset=4, limit=2, headers=headers)
    assert (last.has_more, last.next_offset, last.total) == (False, None, 5)


def test_build_page_body_total_stops() -> None:
    page = build_page([1, 2], offset=3, limit=2, headers=httpx.Headers(), body_totals=[5, None])
    assert (page.has_more, page.total) == (False, 5)


def test_build_page_short_page_without_signal_is_not_the_end() -> None:
    page = build_page([1], offset=0, limit=100, headers=httpx.Headers())
    assert page.has_more is True
    assert page.next_offset == 1  # offset + received, not offset + limit
    empty = build_page([], offset=1, limit=100, headers=httpx.Headers())
    assert (empty.has_more, empty.next_offset) == (False, None)


def test_build_page_unpaged_operation_never_has_more() -> None:
    page = build_page([1, 2], offset=0, limit=2, headers=httpx.Headers({"X-Total-Count": "9"}), paged=False)
    assert page.has_more is False


def test_page_attributes() -> None:
    page = Page(data=["a", "b"], offset=0, limit=2, total=5, has_more=True, next_offset=2)
    assert list(page) == ["a", "b"]
    assert len(page) == 2
    assert (page.total, page.has_more, page.next_offset, page.offset, page.limit) == (5, True, 2, 0, 2)


def _page(data: list[int], offset: int, next_offset: int | None) -> Page[int]:
    return Page(
        data=data,
        offset=offset,
        limit=2,
        total=None,
        has_more=next_offset is not None,
        next_offset=next_offset,
    )


def test_iterate_offset_that_does_not_advance_raises() -> None:
    def fetch(offset: int) -> Page[int]:
        return _page([offset, offset + 1], offset, offset)  # "next" is where we already are

    it = iterate(fetch)
    assert list(itertools.islice(it, 2)) == [0, 1]
    with pytest.raises(PaginationError) as info:
        next(it)
    assert info.value.resume_offset == 0


def test_iterate_offset_that_goes_back_raises() -> None:
    pages = {0: _page([1, 2], 0, 2), 2: _page([3, 4], 2, 1)}
    with pytest.raises(PaginationError):
        list(iterate(lambda offset: pages[offset]))


def test_iterate_same_page_again_raises() -> None:
    def fetch(offset: int) -> Page[int]:
        return _page([1, 2], offset, offset + 2)  # ignores offset

    with pytest.raises(PaginationError) as info:
        list(iterate(fetch, key=lambda r: r))
    assert info.value.resume_offset == 2


def test_iterate_max_pages_bound() -> None:
    calls: list[int] = []

    def fetch(offset: int) -> Page[int]:
        calls.append(offset)
        return _page([offset], offset, offset + 1)  # never ends

    with pytest.raises(PaginationError) as info:
        list(iterate(fetch, max_pages=5))
    assert calls == [0, 1, 2, 3, 4]
    assert info.value.resume_offset == 5


def test_iterate_sets_resume_offset_on_errors() -> None:
    def fetch(offset: int) -> Page[int]:
        if offset == 4:
            raise ServerError("boom", status_code=503, method="GET", url="u")
        return _page([offset, offset + 1], offset, offset + 2)

    seen: list[int] = []
    with pytest.raises(ServerError) as info:
        seen.extend(iterate(fetch, start_offset=2))
    assert seen == [2, 3]
    assert info.value.resume_offset == 4


def test_iterate_releases_each_raw_record_once_converted() -> None:
    # stream() keeps at most the record in hand: a converted record's decoded JSON is let go
    served: dict[int, list[int]] = {}

    def fetch(offset: int) -> Page[int]:
        served[offset] = [offset * 10, offset * 10 + 1, offset * 10 + 2]
        return _page(served[offset], offset, offset + 3 if offset < 3 else None)

    it = iterate(fetch, convert=lambda record: f"model-{record}")
    assert next(it) == "model-0"
    assert served[0] == [None, 1, 2]
    assert list(it) == ["model-1", "model-2", "model-30", "model-31", "model-32"]
    assert served == {0: [None, None, None], 3: [None, None, None]}


def test_iterate_without_convert_hands_over_the_records_untouched() -> None:
    served = [{"sourcedId": "a"}, {"sourcedId": "b"}]
    assert list(iterate(lambda offset: _page(served, offset, None))) == [
        {"sourcedId": "a"},
        {"sourcedId": "b"},
    ]
    assert served == [{"sourcedId": "a"}, {"sourcedId": "b"}]


# -- through the client ----------------------------------------------------------------------


def test_link_next_offset_is_followed_through_the_client(make: Make, recorder, paged, records) -> None:
    items = records(9)

    def link(offset: int, chunk: list[object]) -> dict[str, str]:
        jumps = {0: 5, 5: 7}
        if offset in jumps:
            return {"Link": f'<https://sis.example/x/users/?limit=2&offset={jumps[offset]}>; rel="next"'}
        return {}

    server = recorder(paged(items, extra=link, total="header"))
    got = make(server).users.list_all()
    # 0 -> Link says 5 -> Link says 7 -> X-Total-Count (9) reached.
    assert server.offsets == [0, 5, 7]
    assert ids(got) == ["u0", "u1", "u5", "u6", "u7", "u8"]


def test_x_total_count_stops_without_an_empty_page(make: Make, recorder, paged, records) -> None:
    server = recorder(paged(records(5), total="header"))
    got = make(server).users.list_all()
    assert ids(got) == [f"u{i}" for i in range(5)]
    assert server.offsets == [0, 2, 4]


def test_body_total_count_stops(make: Make, recorder, paged, records) -> None:
    server = recorder(paged(records(6), total="body"))
    got = make(server).users.list_all()
    assert len(got) == 6
    assert server.offsets == [0, 2, 4]


def test_without_a_signal_only_an_empty_page_stops(make: Make, recorder, paged, records) -> None:
    server = recorder(paged(records(5)))
    got = make(server).users.list_all()
    assert len(got) == 5
    assert server.offsets == [0, 2, 4, 5]


@pytest.mark.parametrize("total", ["header", "body", None])
def test_short_page_mid_collection_is_not_the_end(
    make: Make, total: str | None, recorder, paged, records
) -> None:
    server = recorder(paged(records(5), total=total, sizes={0: 2, 2: 1, 3: 2}))
    got = make(server).users.list_all()
    assert ids(got) == [f"u{i}" for i in range(5)]
    assert server.offsets[:3] == [0, 2, 3]


def test_server_ignoring_offset_raises_pagination_error(make: Make, recorder, records) -> None:
    items = records(2)

    def respond(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"users": items}, headers={"X-Total-Count": "10"})

    server = recorder(respond)
    with pytest.raises(PaginationError) as info:
        list(make(server).users.stream())
    assert info.value.resume_offset == 2
    assert len(server.requests) == 2


def test_records_without_sourced_id_are_not_mistaken_for_a_repeated_page(make: Make, recorder, paged) -> None:
    # A provider that drops sourcedId from a fields= selection: raw records have no id, but the
    # server does honour offset, so paging goes on.
    items = [{"givenName": f"G{i}"} for i in range(5)]
    server = recorder(paged(items, total="header"))
    got = list(make(server).users.stream(fields=["givenName"], raw=True, limit=2))
    assert [u["givenName"] for u in got] == [f"G{i}" for i in range(5)]


def test_fields_always_ask_for_the_sourced_id(make: Make, recorder, paged, records) -> None:
    server = recorder(paged(records(3), total="header"))
    client = make(server)
    client.users.list(fields=["givenName", "familyName"])
    client.users.list(fields="email")
    client.users.list(fields=["familyName", "sourcedId"])
    assert [request.url.params["fields"] for request in server.requests] == [
        "sourcedId,givenName,familyName",
        "sourcedId,email",
        "sourcedId,familyName",
    ]


@pytest.mark.parametrize("call", ["list", "stream", "list_all"])
def test_a_record_without_a_sourced_id_is_blamed_with_its_offset(
    call: str, make: Make, recorder, paged, records
) -> None:
    items = records(6)
    del items[4]["sourcedId"]
    server = recorder(paged(items, total="header"))
    users = make(server).users
    with pytest.raises(ResponseParseError) as info:
        if call == "list":
            users.list(limit=3, offset=3)
        elif call == "stream":
            list(users.stream(limit=3))
        else:
            users.list_all(limit=3, concurrency=2)
    assert info.value.resume_offset == 4
    assert "'sourcedId' is missing: every User record needs one" in str(info.value)


def test_stream_start_offset(make: Make, recorder, paged, records) -> None:
    server = recorder(paged(records(5), total="header"))
    got = list(make(server).users.stream(start_offset=3))
    assert ids(got) == ["u3", "u4"]
    assert server.offsets == [3]


def test_stream_start_offset_is_validated(make: Make, recorder, paged, records) -> None:
    server = recorder(paged(records(5)))
    client = make(server)
    for bad in (-1, True, "2"):
        with pytest.raises(ValidationError):
            client.users.stream(start_offset=bad)
    assert server.requests == []


def test_error_mid_stream_carries_resume_offset_and_resuming_loses_nothing(
    make: Make, recorder, paged, records
) -> None:
    items = records(7)
    healthy = paged(items, total="header")
    broken = {"on": True}

    def respond(request: httpx.Request) -> httpx.Response:
        if broken["on"] and request.url.params["offset"] == "4":
            return httpx.Response(503, text="unavailable")
        return healthy(request)

    server = recorder(respond)
    client = make(server)
    seen: list[str] = []
    with pytest.raises(ServerError) as info:
        for user in client.users.stream():
            seen.append(user.sourced_id)
    assert info.value.resume_offset == 4
    assert seen == ["u0", "u1", "u2", "u3"]

    broken["on"] = False
    rest = ids(client.users.stream(start_offset=info.value.resume_offset))
    assert seen + rest == [f"u{i}" for i in range(7)]


def test_stream_is_lazy(make: Make, recorder, paged, records) -> None:
    server = recorder(paged(records(6), total="header"))
    stream = make(server).users.stream()
    assert server.requests == []
    first = list(itertools.islice(stream, 1))
    assert ids(first) == ["u0"]
    # One page of read-ahead at most: the second page may be on the wire while the first
    # is consumed, never the third.
    assert server.offsets[0] == 0 and len(server.offsets) <= 2
    assert ids(list(stream)) == ["u1", "u2", "u3", "u4", "u5"]
    assert server.offsets == [0, 2, 4]


def test_page_through_the_client(make: Make, recorder, paged, records) -> None:
    server = recorder(paged(records(5), total="header"))
    page = make(server).users.list()
    assert isinstance(page, Page)
    assert ids(page.data) == ["u0", "u1"]
    assert ids(page) == ["u0", "u1"]
    assert len(page) == 2
    assert (page.total, page.has_more, page.next_offset) == (5, True, 2)
    last = make(server).users.list(offset=4)
    assert (len(last), last.has_more, last.next_offset) == (1, False, None)


def test_list_all_max_items_stops_at_the_cap(make: Make, recorder, paged, records) -> None:
    server = recorder(paged(records(9), total="header"))
    got = make(server).users.list_all(max_items=3)
    assert ids(got) == ["u0", "u1", "u2"]
    assert server.offsets == [0, 2]


def test_list_all_max_items_fetches_no_page_past_the_cap(make: Make, recorder, paged, records) -> None:
    # The cap is reached exactly at the end of the first page: nothing more may be fetched.
    server = recorder(paged(records(9), total="header"))
    got = make(server).users.list_all(max_items=2)
    assert ids(got) == ["u0", "u1"]
    assert server.offsets == [0]


def test_first_sends_limit_1(make: Make, recorder, paged, records) -> None:
    server = recorder(paged(records(3), total="header"))
    user = make(server).users.first(where={"givenName": "G0"})
    assert user is not None and user.sourced_id == "u0"
    request = server.requests[0]
    assert request.url.params["limit"] == "1"
    assert request.url.params["filter"] == "givenName='G0'"


def test_first_returns_none_on_empty(make: Make, recorder, paged) -> None:
    server = recorder(paged([]))
    assert make(server).users.first() is None
    assert len(server.requests) == 1


# -- conversion in the consumer and concurrent collection ---------------------------------


def _server(
    total: int, *, clamp: int | None = None, short_at: frozenset[int] = frozenset(), link_jump: bool = False
) -> Callable[[int, int], Page[int]]:
    """A fake collection of 0..total-1 paged by offset, with the quirks real servers have."""

    def fetch(offset: int, limit: int) -> Page[int]:
        size = min(limit, clamp) if clamp else limit
        if offset in short_at:
            size = max(1, size // 2)
        data = list(range(offset, min(offset + size, total)))
        headers = httpx.Headers({"X-Total-Count": str(total)})
        if link_jump and data and offset + len(data) < total:
            headers["Link"] = f'<https://h/u?offset={offset + len(data)}&limit={limit}>; rel="next"'
        return build_page(data, offset=offset, limit=limit, headers=headers)

    return fetch


def test_a_record_that_fails_conversion_is_blamed_and_the_ones_before_it_kept() -> None:
    def convert(n: int) -> str:
        if n == 5:
            raise ResponseParseError("bad record", text="{}")
        return f"r{n}"

    fetch = _server(9)
    seen: list[str] = []
    with pytest.raises(ResponseParseError) as info:
        seen.extend(iterate(lambda o: fetch(o, 3), convert=convert, read_ahead=True))
    assert seen == ["r0", "r1", "r2", "r3", "r4"]
    assert info.value.resume_offset == 5


@pytest.mark.parametrize(
    "quirks",
    [
        {},
        {"clamp": 4},  # the server sends fewer than asked on every page
        {"short_at": frozenset({10, 30})},  # TimeBack's occasional short page mid-collection
        {"link_jump": True},
    ],
)
@pytest.mark.parametrize("concurrency", [1, 3, 8])
def test_concurrent_collection_equals_the_serial_stream(quirks: dict[str, object], concurrency: int) -> None:
    from oneroster.paging import collect_concurrently

    fetch = _server(47, **quirks)  # type: ignore[arg-type]
    calls: list[int] = []

    def counted(offset: int) -> Page[int]:
        calls.append(offset)
        return fetch(offset, 10)

    serial = list(iterate(lambda o: fetch(o, 10)))
    assert serial == list(range(47))
    assert collect_concurrently(counted, concurrency=concurrency) == serial
    assert len(calls) == len(set(calls)) or quirks  # no page fetched twice without a quirk
    assert collect_concurrently(counted, concurrency=concurrency, max_items=23) == serial[:23]


def test_concurrent_collection_error_carries_the_resume_offset() -> None:
    from oneroster.paging import collect_concurrently

    fetch = _server(50)

    def failing(offset: int) -> Page[int]:
        if offset == 30:
            raise PaginationError("the page broke", resume_offset=0)
        return fetch(offset, 10)

    with pytest.raises(PaginationError) as info:
        collect_concurrently(failing, concurrency=4)
    assert info.value.resume_offset == 30
    rest = list(iterate(lambda o: fetch(o, 10), start_offset=info.value.resume_offset))
    assert rest == list(range(30, 50))


def test_list_all_concurrency_is_checked(make: Make, recorder, paged, records) -> None:
    server = recorder(paged(records(3), total="header"))
    for bad in (0, -1, 65, True, 2.5):
        with pytest.raises(ValidationError):
            make(server).users.list_all(concurrency=bad)
    assert server.requests == []


def test_list_all_concurrent_matches_serial_through_the_client(make: Make, recorder, paged, records) -> None:
    server = recorder(paged(records(11), total="header"))
    serial = make(server).users.list_all(concurrency=1)
    concurrent = make(server).users.list_all(concurrency=4)
    assert ids(concurrent) == ids(serial) == [f"u{i}" for i in range(11)]
    raw = make(server).users.list_all(concurrency=4, raw=True)
    assert [r["sourcedId"] for r in raw] == ids(serial)


@pytest.mark.parametrize("bad", [-1, True, 2.5, "3"])
def test_max_items_is_checked(bad: object, make: Make, recorder, paged, records) -> None:
    server = recorder(paged(records(3), total="header"))
    with pytest.raises(ValidationError):
        list(make(server).users.stream(max_items=bad))
    with pytest.raises(ValidationError):
        make(server).users.list_all(max_items=bad)
    assert server.requests == []


def test_list_all_a_record_that_does_not_fit_its_model_names_its_offset(
    make: Make, recorder, paged, records
) -> None:
    items = records(7)
    items[5]["roles"] = "teacher"  # a string where a list of role objects belongs
    server = recorder(paged(items, total="header"))
    with pytest.raises(ResponseParseError) as info:
        make(server).users.list_all(concurrency=3)
    assert info.value.resume_offset == 5
    assert "User model" in str(info.value)
    # stream() from that offset meets the same record first
    with pytest.raises(ResponseParseError) as again:
        next(iter(make(server).users.stream(start_offset=5)))
    assert again.value.resume_offset == 5
