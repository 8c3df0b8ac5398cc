"""Resources, declared: one generic ``Collection`` serves every row of ``RESOURCES``.

A row names the generated model, the envelope keys and, for each kind of call, the
operationIds that can serve it (the first one the profile offers wins). Scoped calls
(``client.classes(id).students()``) are ``Listing`` objects built from ``Route`` rows.

Example:
    ```python
    page = client.users.list(where={"role": "student"}, fields=["sourcedId", "givenName"])
    for klass in client.users("u-1").classes.stream():
        ...
    client.line_items.upsert("li-1", {...})      # returns the stored LineItem
    ```

"""

from __future__ import annotations

import builtins
import dataclasses
import itertools
import json
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar, cast, overload

import oneroster_client.models as models
from oneroster.engine import Engine, Outcome
from oneroster.errors import NotFound, OneRosterError, ResponseParseError, ValidationError
from oneroster.filter_grammar import FilterError, parse_filter
from oneroster.filters import Condition, build_filter, check_field_name
from oneroster.ids import checked_id
from oneroster.matching import project
from oneroster.paging import (
    Page,
    build_page,
    collect_concurrently,
    convert_records,
    iterate_pages,
)
from oneroster.planner import Ask, Plan, Planner, Request, View, as_v1p2, single_fields
from oneroster.validation import (
    check_sendable,
    check_text,
    expand_role,
    prepare_record,
    record_from_arguments,
    required_fields,
)
from oneroster_client.models import OrderBy
from oneroster_client.types import UNSET

__all__ = ["RESOURCES", "Collection", "Listing", "ResourceSpec", "Route"]

T = TypeVar("T")
_R = TypeVar("_R")
ScopeT = TypeVar("ScopeT")

# The page size of a planned query when neither limit= nor the client's page_size says.
DEFAULT_PAGE = 100

# Pages fetched at once by list_all() when the total is known: enough to hide a slow
# provider's latency (100 pages at 50 ms take ~0.7 s instead of ~5 s), few enough not to
# look like an attack to its rate limiter (the retry policy still honours 429s).
DEFAULT_CONCURRENCY = 8


def _field_name(name: object, *, argument: str) -> None:
    """Check a sort/fields name with the same rule as filter fields, blaming the argument."""
    try:
        check_field_name(name)
    except ValidationError as exc:
        raise ValidationError(f"{argument}: {exc}", field=argument) from None


def build_ask(
    *,
    where: Mapping[str, object] | Condition | None,
    filter: str | None,
    sort: str | None,
    order_by: str | None,
    fields: Sequence[str] | str | None,
    search: str | None,
    limit: int | None,
) -> Ask:
    """Check every list argument and return what was asked; raise ``ValidationError`` before anything is sent.

    A raw ``filter`` string is parsed (:mod:`oneroster.filter_grammar`) so it is planned like
    a ``where=``: it can never widen a scoped listing, and an unbalanced one is refused.
    ``fields`` takes a list or the wire form, a comma-joined string.

    Example:
        ```python
        build_ask(where=None, filter="status='active'", sort=None, order_by=None,
                  fields="sourcedId,givenName", search=None, limit=None).fields
        # ('sourcedId', 'givenName')
        ```

    """
    for name, text in (("filter", filter), ("search", search), ("sort", sort)):
        if isinstance(text, str):
            check_text(text, field=name)
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        raise ValidationError(f"limit must be a positive integer, got {limit!r}", field="limit")
    if order_by is not None and order_by not in ("asc", "desc"):
        raise ValidationError(f"order_by must be 'asc' or 'desc', got {order_by!r}", field="order_by")
    if order_by is not None and sort is None:
        raise ValidationError("order_by needs sort= (the field to sort by)", field="order_by")
    if sort is not None:
        _field_name(sort, argument="sort")
        if "." in sort:
            raise ValidationError(f"sort takes one top-level property, got {sort!r}", field="sort")
        # The binding pairs sort with orderBy, and some servers reject one without the other.
        order_by = order_by or "asc"
    names: tuple[str, ...] | None = None
    if fields is not None:
        items = [part.strip() for part in fields.split(",")] if isinstance(fields, str) else list(fields)
        if not items or not all(items):
            raise ValidationError("fields must name at least one field, with no empty names", field="fields")
        for name in items:
            _field_name(name, argument="fields")
            if "." in name:
                raise ValidationError(f"fields takes top-level properties, got {name!r}", field="fields")
        names = tuple(dict.fromkeys(items))
    if search is not None and (not isinstance(search, str) or not search):
        raise ValidationError("search must be a non-empty string", field="search")
    if where is not None and filter is not None:
        raise ValidationError(
            "pass either where= or filter=, not both: it is unclear how they should combine", field="filter"
        )
    condition: Condition | None
    if filter is not None:
        if not isinstance(filter, str):
            raise ValidationError(f"filter= must be a str, got {type(filter).__name__}", field="filter")
        try:
            condition = parse_filter(filter)
        except FilterError as exc:
            raise ValidationError(f"filter= cannot be read: {exc}", field="filter") from None
    else:
        text = build_filter(where=where)
        if text is not None:
            check_text(text, field="where")
        condition = (
            where if isinstance(where, Condition) else None if where is None else parse_filter(text or "")
        )
    return Ask(condition=condition, sort=sort, order_by=order_by, fields=names, search=search, limit=limit)


def request_kwargs(request: Request, offset: int, *, paged: bool) -> dict[str, Any]:
    """Keyword arguments of a generated list operation for one request of a plan."""
    if not paged:
        return {}

    def value(v: object) -> object:
        return UNSET if v is None else v

    return {
        "limit": value(request.limit),
        "offset": offset,
        "sort": value(request.sort),
        "order_by": OrderBy(request.order_by) if request.order_by else UNSET,
        "filter_": UNSET if request.filter is None else request.filter.to_filter(),
        "fields": UNSET if request.fields is None else ",".join(request.fields),
        "search": value(request.search),
    }


# What a decoded list of records holds: JSON objects, which both decoders make plain dicts.
_ONLY_DICTS = frozenset({dict})

# Keys a collection answer may carry besides its records (TimeBack puts paging in the body).
_PAGING_KEYS = frozenset({"totalCount", "pageCount", "pageNumber", "offset", "limit", "total"})


def _raw_records(outcome: Outcome, *, key: str) -> tuple[list[dict[str, Any]], list[object]]:
    """Pull the raw records and any body totals out of a collection answer, tolerating odd envelopes.

    The expected key wins (other keys beside it are ignored); without it, the one list of
    records in the answer is taken (TimeBack's platform answers ``{"terms": [...]}`` where
    the schema says ``academicSessions``).
    """
    body = outcome.json()
    if isinstance(body, dict):
        totals = [body.get("totalCount"), body.get("total")]
        if key in body:
            records = body[key]
            if records is None:
                return [], totals
        else:
            lists = [
                value for name, value in body.items() if name not in _PAGING_KEYS and isinstance(value, list)
            ]
            records = lists[0] if len(lists) == 1 else None
        if isinstance(records, list):
            # One pass in C (a decoder makes plain dicts): a generator of isinstance calls cost
            # about as much per record as the paginator itself.
            if _ONLY_DICTS.issuperset(map(type, records)):
                return records, totals
            raise outcome.unparseable(f"the {key!r} list holds something that is not a record")
    found = sorted(body) if isinstance(body, dict) else type(body).__name__
    raise outcome.unparseable(f"expected a {key!r} list in the answer, found {found}")


def raw_single(outcome: Outcome, *, key: str) -> dict[str, Any]:
    """Pull one raw record out of a single-record answer, tolerating the envelopes providers use.

    The expected key (``{"user": {...}}``); else an envelope with one record under another
    name (``{"demographic": {...}}``, ``{"term": {...}}``); else a bare record.

    Example:
        ```python
        raw_single(outcome, key="academicSession")   # also reads {"term": {...}}
        ```

    """
    body = outcome.json()
    if isinstance(body, dict):
        candidate = body.get(key)
        if candidate is None:
            records = [v for n, v in body.items() if isinstance(v, dict) and n not in _PAGING_KEYS]
            if len(records) == 1 and len(body) == 1:
                candidate = records[0]
            elif "sourcedId" in body:
                candidate = body
        if isinstance(candidate, dict):
            return candidate
    raise outcome.unparseable(f"expected a {key!r} record in the answer")


def get_raw(
    engine: Engine,
    view: View,
    sourced_id: str,
    *,
    fields: tuple[str, ...] | None = None,
    missing_ok: bool = False,
) -> dict[str, Any] | None:
    """Fetch one raw record of ``view``; ``None`` (with ``missing_ok``) or ``NotFound`` when absent.

    ``fields`` selects properties (``sourcedId`` always stays); a provider that ignores
    ``fields=`` on single GETs, or has not been told (its dialect says it ignores them), gets
    the record projected by the client.

    Example:
        ```python
        get_raw(client._engine, VIEWS["users"], "u-1", fields=("givenName",))
        ```

    """
    op_id = engine.first_available(view.get_ops, what=f"{view.name}.get")
    dialect = engine.profile.dialect
    wire_fields = single_fields(dialect, fields)
    try:
        outcome = engine.send(
            op_id, sourced_id=sourced_id, fields=UNSET if wire_fields is None else wire_fields
        )
    except NotFound:
        if missing_ok:
            return None
        raise
    record = raw_single(outcome, key=view.single_key)
    record = as_v1p2(dialect, record)
    return project(record, ("sourcedId", *fields)) if fields is not None else record


def _converter(model: type[T]) -> Callable[[dict[str, Any]], T]:
    """Return a function building ``model`` from one raw record, failing as ResponseParseError."""
    from_dict = cast(Callable[[dict[str, Any]], T], model.from_dict)  # type: ignore[attr-defined]

    def convert(item: dict[str, Any]) -> T:
        try:
            return from_dict(item)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ResponseParseError(
                f"a record does not fit the {model.__name__} model: {exc}", text=json.dumps(item)[:2000]
            ) from exc

    return convert


def _views() -> dict[str, View]:
    return {
        spec.name: View(
            name=spec.name,
            list_ops=spec.list_ops,
            get_ops=spec.get_ops,
            key=spec.list_key,
            schema=spec.schema,
            single_key=spec.single_key,
        )
        for spec in RESOURCES
    }


class Listing(Generic[T]):
    """A collection reached through one or more generated list operations, planned for the provider.

    Calling it (or ``.list()``) returns one ``Page``; ``.stream()`` yields every record
    lazily; ``.list_all()`` collects them; ``.first()`` returns the first match or ``None``;
    ``.explain()`` shows how a query would be answered on this provider (see
    :mod:`oneroster.planner`: the same call returns the same records on every provider).

    Example:
        ```python
        students = client.classes("c-1").students
        page = students(limit=20)
        for student in students.stream(sort="familyName"):
            ...
        print(students.explain(where={"status": "active"}))
        ```

    """

    def __init__(
        self,
        engine: Engine,
        *,
        op_ids: tuple[str, ...],
        path: Mapping[str, str],
        key: str,
        model: type[T],
        schema: str,
        what: str,
        page_size: int | None,
        route: str | None = None,
        adapt: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
    ) -> None:
        self._engine = engine
        self._adapt = adapt
        self._key = key
        self._model = model
        self._what = what
        self._page_size = page_size
        self._planner = Planner(
            engine=engine,
            what=what,
            route=route,
            op_ids=op_ids,
            path=path,
            schema=schema,
            views=VIEWS,
            fetch_page=self._fetch_page,
            get_record=self._get_record,
        )

    def _ask(self, **args: Any) -> Ask:
        if args.get("limit") is None:
            args["limit"] = self._page_size
        return build_ask(**args)

    def _fetch_page(self, request: Request, offset: int) -> Page[dict[str, Any]]:
        if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
            raise ValidationError(f"offset must be a non-negative integer, got {offset!r}", field="offset")
        operation = self._engine.operation(request.op_id)
        outcome = self._engine.send(
            request.op_id, **request.path, **request_kwargs(request, offset, paged=operation.paged)
        )
        records, totals = _raw_records(outcome, key=operation.answer[0] or self._key)
        dialect = self._engine.profile.dialect
        if dialect.legacy_records:
            records = [as_v1p2(dialect, record) for record in records]
        if self._adapt is not None:
            records = [self._adapt(record) for record in records]
        return build_page(
            records,
            offset=offset,
            limit=request.limit,
            headers=outcome.response.headers,
            body_totals=totals,
            paged=operation.paged,
        )

    def _get_record(
        self, view: View, sourced_id: str, fields: tuple[str, ...] | None
    ) -> dict[str, Any] | None:
        return get_raw(self._engine, view, sourced_id, fields=fields, missing_ok=True)

    def explain(
        self,
        *,
        where: Mapping[str, object] | Condition | None = None,
        filter: str | None = None,
        sort: str | None = None,
        order_by: str | None = None,
        fields: Sequence[str] | str | None = None,
        search: str | None = None,
        limit: int | None = None,
    ) -> Plan:
        """Return how this query would be answered on this provider; nothing is sent.

        Example:
            ```python
            plan = client.classes("c-1").students.explain(where={"familyName": ["Lee", "Kim"]})
            print(plan)
            ```

        """
        ask = self._ask(
            where=where,
            filter=filter,
            sort=sort,
            order_by=order_by,
            fields=fields,
            search=search,
            limit=limit,
        )
        return self._planner.plan(ask)

    def _direct(self, plan: Plan) -> Request | None:
        """Return the single request of a direct plan, or ``None`` when the client has work to do."""
        if not plan.direct:
            return None
        self._planner.check(plan)
        return plan.requests[0]

    def _planned(self, ask: Ask, plan: Plan, *, start: int, stop: int | None) -> Iterator[dict[str, Any]]:
        """Yield records ``start`` to ``stop`` of a planned answer; errors carry the offset to resume from."""
        position = start
        try:
            for record in itertools.islice(self._planner.records(ask, plan), start, stop):
                yield record
                position += 1
        except OneRosterError as exc:
            exc.resume_offset = position
            raise

    def _with_route_fallback(self, plan: Plan, direct: Callable[[], _R], planned: Callable[[], _R]) -> _R:
        try:
            return direct()
        except NotFound:
            if not self._planner.route_missing(plan):
                raise
        return planned()

    def _page(self, ask: Ask, offset: int) -> Page[dict[str, Any]]:
        if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
            raise ValidationError(f"offset must be a non-negative integer, got {offset!r}", field="offset")
        plan = self._planner.plan(ask)
        request = self._direct(plan)

        def planned() -> Page[dict[str, Any]]:
            size = ask.limit or DEFAULT_PAGE
            data = list(self._planned(ask, self._planner.plan(ask), start=offset, stop=offset + size + 1))
            more = len(data) > size
            return Page(
                data=data[:size],
                offset=offset,
                limit=ask.limit,
                total=None if more else offset + len(data),
                has_more=more,
                next_offset=offset + size if more else None,
            )

        if request is None:
            return planned()
        return self._with_route_fallback(
            plan, lambda: self._project(self._fetch_page(request, offset), ask), planned
        )

    @staticmethod
    def _project(page: Page[dict[str, Any]], ask: Ask) -> Page[dict[str, Any]]:
        if ask.fields is None:
            return page
        keep = ("sourcedId", *ask.fields)
        return dataclasses.replace(page, data=[project(record, keep) for record in page.data])

    def list(
        self,
        *,
        where: Mapping[str, object] | Condition | None = None,
        filter: str | None = None,
        sort: str | None = None,
        order_by: str | None = None,
        fields: Sequence[str] | str | None = None,
        search: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Page[T]:
        """Fetch one page: ``limit`` records from ``offset`` of the answer.

        When the provider answers the query in one request (the usual case) this is one
        server page. When the client has work to do (see :mod:`oneroster.planner`),
        ``offset`` and ``limit`` count records of the merged answer (``limit`` defaults to
        the client's ``page_size``, else 100).

        Example:
            ```python
            page = client.users.list(where={"role": "teacher"}, limit=50, offset=100)
            ```

        """
        ask = self._ask(
            where=where,
            filter=filter,
            sort=sort,
            order_by=order_by,
            fields=fields,
            search=search,
            limit=limit,
        )
        page = self._page(ask, offset)
        convert = _converter(self._model)
        return Page(
            # A record that does not fit its model is blamed with its offset.
            data=builtins.list(convert_records(page.data, convert, offset=page.offset)),
            offset=page.offset,
            limit=page.limit,
            total=page.total,
            has_more=page.has_more,
            next_offset=page.next_offset,
            headers=page.headers,
        )

    __call__ = list

    def _direct_fetch(self, request: Request, ask: Ask) -> Callable[[int], Page[dict[str, Any]]]:
        if ask.fields is None:
            return lambda offset: self._fetch_page(request, offset)
        return lambda offset: self._project(self._fetch_page(request, offset), ask)

    @overload
    def stream(
        self,
        *,
        where: Mapping[str, object] | Condition | None = None,
        filter: str | None = None,
        sort: str | None = None,
        order_by: str | None = None,
        fields: Sequence[str] | str | None = None,
        search: str | None = None,
        limit: int | None = None,
        start_offset: int = 0,
        max_items: int | None = None,
        raw: Literal[False] = False,
    ) -> Iterator[T]: ...

    @overload
    def stream(
        self,
        *,
        where: Mapping[str, object] | Condition | None = None,
        filter: str | None = None,
        sort: str | None = None,
        order_by: str | None = None,
        fields: Sequence[str] | str | None = None,
        search: str | None = None,
        limit: int | None = None,
        start_offset: int = 0,
        max_items: int | None = None,
        raw: Literal[True],
    ) -> Iterator[dict[str, Any]]: ...

    def stream(
        self,
        *,
        where: Mapping[str, object] | Condition | None = None,
        filter: str | None = None,
        sort: str | None = None,
        order_by: str | None = None,
        fields: Sequence[str] | str | None = None,
        search: str | None = None,
        limit: int | None = None,
        start_offset: int = 0,
        max_items: int | None = None,
        raw: bool = False,
    ) -> Iterator[T] | Iterator[dict[str, Any]]:
        """Yield every matching record, holding at most two pages in memory.

        The next page is requested while the current one is consumed; each record's
        models are built when the loop reaches it. With
        ``raw=True`` the records are the provider's JSON objects (``dict``), not models:
        the fastest way through a large collection. If a fault outlives the retries, the
        error raised carries ``resume_offset``; ``stream(start_offset=exc.resume_offset)``
        continues without loss or repeats. A query the client finishes itself (see
        :mod:`oneroster.planner`) with ``sort=`` is sorted in memory before the first record.

        Example:
            ```python
            for user in client.users.stream(where={"status": "active"}):
                save(user)
            for row in client.users.stream(raw=True, fields=["sourcedId", "email"]):
                emails[row["sourcedId"]] = row.get("email")
            ```

        """
        ask = self._ask(
            where=where,
            filter=filter,
            sort=sort,
            order_by=order_by,
            fields=fields,
            search=search,
            limit=limit,
        )
        if isinstance(start_offset, bool) or not isinstance(start_offset, int) or start_offset < 0:
            raise ValidationError("start_offset must be a non-negative integer", field="start_offset")
        _check_max_items(max_items)
        plan = self._planner.plan(ask)
        request = self._direct(plan)
        convert = None if raw else _converter(self._model)
        stop = None if max_items is None else start_offset + max_items

        def planned() -> Iterator[Any]:
            records = self._planned(ask, self._planner.plan(ask), start=start_offset, stop=stop)
            return records if convert is None else _convert_each(records, convert, start=start_offset)

        if request is None:
            return planned()

        pages = iterate_pages(
            self._direct_fetch(request, ask),
            start_offset=start_offset,
            max_pages=self._engine.max_pages,
            max_items=max_items,
            key=_raw_sourced_id,
            convert=convert,
            read_ahead=True,
        )
        # Chained page by page: the records pass through no Python frame of the wrapper's (raw), or
        # through the one that converts them (typed).
        return itertools.chain.from_iterable(
            _first_or_fallback(pages, lambda: self._planner.route_missing(plan), lambda: [planned()])
        )

    @overload
    def list_all(
        self,
        *,
        where: Mapping[str, object] | Condition | None = None,
        filter: str | None = None,
        sort: str | None = None,
        order_by: str | None = None,
        fields: Sequence[str] | str | None = None,
        search: str | None = None,
        limit: int | None = None,
        max_items: int | None = None,
        concurrency: int = DEFAULT_CONCURRENCY,
        raw: Literal[False] = False,
    ) -> builtins.list[T]: ...

    @overload
    def list_all(
        self,
        *,
        where: Mapping[str, object] | Condition | None = None,
        filter: str | None = None,
        sort: str | None = None,
        order_by: str | None = None,
        fields: Sequence[str] | str | None = None,
        search: str | None = None,
        limit: int | None = None,
        max_items: int | None = None,
        concurrency: int = DEFAULT_CONCURRENCY,
        raw: Literal[True],
    ) -> builtins.list[dict[str, Any]]: ...

    def list_all(
        self,
        *,
        where: Mapping[str, object] | Condition | None = None,
        filter: str | None = None,
        sort: str | None = None,
        order_by: str | None = None,
        fields: Sequence[str] | str | None = None,
        search: str | None = None,
        limit: int | None = None,
        max_items: int | None = None,
        concurrency: int = DEFAULT_CONCURRENCY,
        raw: bool = False,
    ) -> builtins.list[T] | builtins.list[dict[str, Any]]:
        """Fetch every matching record into a list, in server order (``max_items`` caps it).

        When the first page tells the total (``X-Total-Count`` or a body ``totalCount``),
        the other pages are fetched by up to ``concurrency`` threads at once; the result is
        the same as a serial ``stream()``. ``concurrency=1`` fetches one page at a time.

        Example:
            ```python
            teachers = client.teachers.list_all(sort="familyName")
            everyone = client.users.list_all(limit=1000, concurrency=8)
            ```

        """
        if isinstance(concurrency, bool) or not isinstance(concurrency, int) or not 1 <= concurrency <= 64:
            raise ValidationError("concurrency must be an integer from 1 to 64", field="concurrency")
        _check_max_items(max_items)
        ask = self._ask(
            where=where,
            filter=filter,
            sort=sort,
            order_by=order_by,
            fields=fields,
            search=search,
            limit=limit,
        )
        plan = self._planner.plan(ask)
        request = self._direct(plan)

        def planned() -> builtins.list[dict[str, Any]]:
            return builtins.list(self._planned(ask, self._planner.plan(ask), start=0, stop=max_items))

        if request is None:
            records = planned()
        else:
            fetch = self._direct_fetch(request, ask)
            records = self._with_route_fallback(
                plan,
                lambda: collect_concurrently(
                    fetch,
                    concurrency=concurrency,
                    max_items=max_items,
                    max_pages=self._engine.max_pages,
                    key=_raw_sourced_id,
                ),
                planned,
            )
        if raw:
            return records
        # Each raw record is let go as its model is built: the peak is the models plus what
        # is left of the JSON, not both in full.
        return builtins.list(convert_records(records, _converter(self._model), offset=0))

    def first(
        self,
        *,
        where: Mapping[str, object] | Condition | None = None,
        filter: str | None = None,
        sort: str | None = None,
        order_by: str | None = None,
        fields: Sequence[str] | str | None = None,
        search: str | None = None,
    ) -> T | None:
        """Return the first matching record, or ``None``.

        Example:
            ```python
            admin = client.users.first(where={"role": "administrator"})
            ```

        """
        page = self.list(
            where=where, filter=filter, sort=sort, order_by=order_by, fields=fields, search=search, limit=1
        )
        return page.data[0] if page.data else None


def _first_or_fallback(
    items: Iterator[_R], route_missing: Callable[[], bool], fallback: Callable[[], Iterable[_R]]
) -> Iterator[_R]:
    """Yield ``items`` (pages); if the first is a 404 from a missing nested route, yield the fallback's."""
    try:
        first = next(items)
    except StopIteration:
        return
    except NotFound:
        if not route_missing():
            raise
        yield from fallback()
        return
    yield first
    del first  # (consumed: not held for the rest of the stream)
    yield from items


def _convert_each(
    records: Iterator[dict[str, Any]], convert: Callable[[dict[str, Any]], T], *, start: int
) -> Iterator[T]:
    """Build each record's model as it is reached; a failure names the record's offset."""
    for index, record in enumerate(records, start):
        try:
            yield convert(record)
        except OneRosterError as exc:
            exc.resume_offset = index
            raise


def _check_max_items(max_items: object) -> None:
    if max_items is not None and (
        isinstance(max_items, bool) or not isinstance(max_items, int) or max_items < 0
    ):
        raise ValidationError(
            f"max_items must be a non-negative integer, got {max_items!r}", field="max_items"
        )


def _raw_sourced_id(record: Mapping[str, Any]) -> object:
    value = record.get("sourcedId")
    # fields= selection may leave sourcedId out; then pages cannot be told apart by id.
    return value if isinstance(value, str) else None


@dataclass(frozen=True)
class ResourceSpec:
    """One row of the resource table: names, envelope keys and the operations per kind of call."""

    name: str
    schema: str
    model: str
    single_key: str
    list_key: str
    family: str
    list_ops: tuple[str, ...] = ()
    get_ops: tuple[str, ...] = ()
    create_ops: tuple[str, ...] = ()
    put_ops: tuple[str, ...] = ()
    patch_ops: tuple[str, ...] = ()
    delete_ops: tuple[str, ...] = ()

    @property
    def returns_entity(self) -> bool:
        """Gradebook and assessment writes return the stored record; rostering and resources return None."""
        return self.family == "gradebook"


class Collection(Listing[T], Generic[T, ScopeT]):
    """A top-level resource such as ``client.users``: list/stream/get/create/upsert/update/patch/delete.

    Calling it with an id returns the record's scope for nested calls
    (``client.users("u-1").classes()``).

    Example:
        ```python
        user = client.users.get("u-1")
        client.users.upsert("u-1", {"givenName": "Ana", "familyName": "Lee", ...})
        client.users.delete("u-1")
        ```

    """

    def __init__(
        self,
        engine: Engine,
        spec: ResourceSpec,
        *,
        page_size: int | None,
        scope: Callable[..., ScopeT] | None = None,
    ) -> None:
        super().__init__(
            engine,
            op_ids=spec.list_ops,
            path={},
            key=spec.list_key,
            model=cast(type[T], getattr(models, spec.model)),
            schema=spec.schema,
            what=f"{spec.name}.list",
            page_size=page_size,
        )
        self.spec = spec
        self._scope = scope

    def __repr__(self) -> str:
        return f"<Collection {self.spec.name}>"

    def _op(self, ops: tuple[str, ...], verb: str) -> str:
        return self._engine.first_available(ops, what=f"{self.spec.name}.{verb}")

    def get(self, sourced_id: str, *, fields: Sequence[str] | str | None = None) -> T:
        """Fetch one record by sourcedId; raises ``NotFound`` when absent.

        Example:
            ```python
            klass = client.classes.get("c-1", fields=["sourcedId", "title"])
            ```

        """
        sourced_id = checked_id(sourced_id)
        ask = build_ask(
            where=None, filter=None, sort=None, order_by=None, fields=fields, search=None, limit=None
        )
        record = get_raw(self._engine, VIEWS[self.spec.name], sourced_id, fields=ask.fields)
        assert record is not None
        try:
            return cast(T, self._model.from_dict(record))  # type: ignore[attr-defined]
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ResponseParseError(
                f"the {self.spec.single_key!r} record does not fit the {self._model.__name__} model: {exc}",
                text=json.dumps(record)[:2000],
            ) from exc

    def exists(self, sourced_id: str) -> bool:
        """Whether a record with this sourcedId exists (asks only for its sourcedId).

        Example:
            ```python
            if not client.users.exists("u-1"):
                client.users.upsert("u-1", record)
            ```

        """
        try:
            self.get(sourced_id, fields=["sourcedId"])
        except NotFound:
            return False
        return True

    def _body(self, record: dict[str, Any], op_id: str) -> Any:
        """Check ``record`` fits the model, and wrap it in the envelope key ``op_id`` sends."""
        envelope = getattr(models, f"Single{self.spec.schema}")
        # A create may leave the sourcedId to the provider and a patch need not repeat it; the
        # model requires one only of what is read, so a stand-in lets the rest be checked.
        probe = record if "sourcedId" in record else {**record, "sourcedId": "-"}
        try:
            # Parsing proves the record fits the model; the prepared text is what gets sent.
            envelope.from_dict({self.spec.single_key: probe})
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ValidationError(f"the {self.spec.schema} record cannot be sent: {exc}") from exc
        # The operation's own envelope key: PUT /students (upsertStudent) sends {"student": ...}.
        key = self._engine.operation(op_id).body[0] or self.spec.single_key
        return _PreparedBody({key: record})

    def _record(self, data: object, fields: Mapping[str, Any]) -> dict[str, Any]:
        """Return the record given as ``data`` and/or keyword fields (``given_name=...``, ``role=``)."""
        extra = ("role",) if self.spec.schema == "User" else ()
        return record_from_arguments(data, fields, model=self.spec.schema, extra=extra)

    def _prepare(self, op_id: str, record: dict[str, Any], *, path_id: str | None = None) -> dict[str, Any]:
        """Apply the one write rule: the record ``op_id`` sends, with every field it requires, or raise.

        ``create()``, ``upsert()`` and ``update()`` all come here, so they check the same fields:
        those the operation requires under the client's profile.
        """
        required = required_fields(
            self._engine.operation(op_id), profile_operations=self._engine.profile.operations
        )
        if self.spec.schema == "User":
            expand_role(record, default_org=self._engine.default_org)
        if "school" in required and not record.get("school") and record.get("class"):
            school = school_of_class(self._engine, record["class"])
            if school is not None:
                record["school"] = school
        return prepare_record(
            record, model=self.spec.schema, path_id=path_id, required=required, href=self._engine.href
        )

    def create(
        self, data: Mapping[str, Any] | T | None = None, /, **fields: Any
    ) -> builtins.list[models.GUIDPair]:
        """Create a record with POST; returns the server's sourcedId pairs.

        The record is a mapping in the API's JSON shape, a model, keyword fields in snake_case
        (``given_name=...``, ``class_=...``), or a mix (keywords win). A user may be given one
        ``role="student"`` instead of ``roles``. Every field the provider requires is checked
        before sending, exactly as for ``upsert()``; a missing ``school`` of an enrollment or a
        line item is taken from its class (one GET per class, cached by the client).

        Example:
            ```python
            pairs = client.users.create(given_name="Ana", family_name="Lee", email="ana@example.org",
                                        role="student", primary_org="school-1")
            pairs[0].allocated_sourced_id
            ```

        """
        op_id = self._op(self.spec.create_ops, "create")
        return self._create(op_id, self._record(data, fields))

    def create_at(
        self, op_id: str, data: Mapping[str, Any] | T, **path: str
    ) -> builtins.list[models.GUIDPair]:
        """POST a new record to ``op_id`` (a collection or a nested one such as a class's students).

        Example:
            ```python
            client.enrollments.create_at("addStudentToClass", {"user": "u-1", "role": "student"},
                                         class_sourced_id="c-1")
            ```

        """
        return self._create(op_id, self._record(data, {}), **path)

    def _create(self, op_id: str, record: dict[str, Any], **path: str) -> builtins.list[models.GUIDPair]:
        record = self._prepare(op_id, record)
        record.setdefault("status", "active")
        outcome = self._engine.call(op_id, **path, body=self._body(record, op_id))
        return guid_pairs(outcome)

    def _put(self, op_id: str, sourced_id: str, record: dict[str, Any]) -> T | None:
        record = self._prepare(op_id, record, path_id=sourced_id)
        # PUT /students (the platform's upsertStudent) carries the id in the body only.
        path = {"sourced_id": sourced_id} if "{sourcedId}" in self._engine.operation(op_id).path else {}
        outcome = self._engine.call(op_id, **path, body=self._body(record, op_id))
        return self._written(sourced_id, outcome)

    def _written(self, sourced_id: str, outcome: Outcome) -> T | None:
        if not self.spec.returns_entity:
            return None
        if outcome.response.content.strip():
            body = outcome.json()
            if isinstance(body, dict) and isinstance(body.get(self.spec.single_key), dict):
                return _converter(self._model)(body[self.spec.single_key])
        # Official gradebook PUTs answer 201 with no body: read the stored record back.
        return self.get(sourced_id)

    def upsert(
        self, sourced_id: str, data: Mapping[str, Any] | T | None = None, /, **fields: Any
    ) -> T | None:
        """Create or replace the record with this sourcedId (PUT): the record you give is the whole record.

        The path id is always the body's ``sourcedId`` (a different one raises
        ``ValidationError``). The record may be given as for ``create()`` (mapping, model,
        snake_case keywords, a user's singular ``role``) and must hold every field the provider
        requires. Gradebook/assessment upserts return the stored record; rostering/resources
        upserts return ``None``.

        Example:
            ```python
            client.users.upsert("u-1", {"givenName": "Ana", "familyName": "Lee", "enabledUser": True,
                                        "roles": [{"role": "student", "org": "school-1"}]})
            ```

        """
        sourced_id = checked_id(sourced_id)
        op_id = self._op(self.spec.put_ops, "upsert")
        return self._put(op_id, sourced_id, self._record(data, fields))

    def update(
        self, sourced_id: str, data: Mapping[str, Any] | T | None = None, /, **fields: Any
    ) -> T | None:
        """Change the given fields of an existing record (strict): ``NotFound`` if it does not exist.

        Only the fields you pass change; the others keep their stored values. Where the
        provider offers PATCH for the resource, only your fields are sent. Elsewhere the record
        is read, your fields are applied on top of it, and the result is PUT back (with a new
        ``dateLastModified``). OneRoster has no conditional write, so if someone else changes
        the record between that read and the PUT (one round trip), the last writer wins: their
        change to a field you did not pass is overwritten with the value read.

        Gradebook/assessment updates return the stored record; rostering/resources return ``None``.

        Example:
            ```python
            client.users.update("u-1", given_name="Ana")
            category = client.categories.update("cat-1", {"title": "Homework 2.0"})
            ```

        """
        sourced_id = checked_id(sourced_id)
        changes = self._record(data, fields)
        if changes.get("sourcedId", sourced_id) != sourced_id:
            raise ValidationError(
                f"the body's sourcedId {changes['sourcedId']!r} does not match the id in the path "
                f"{sourced_id!r}",
                field="sourcedId",
            )
        patch_ops = [op for op in self.spec.patch_ops if self._engine.available(op)]
        if patch_ops:
            return self._patch(patch_ops[0], sourced_id, changes)
        op_id = self._op(self.spec.put_ops, "update")
        current = self._stored(sourced_id)
        # The read's dateLastModified is not the write's: the PUT gets a new one.
        merged = {key: value for key, value in current.items() if key != "dateLastModified"}
        stored_roles = merged.get("roles")
        merged.update(changes)
        if self.spec.schema == "User" and "role" in changes and "roles" not in changes:
            # A new singular role replaces the stored roles, held where the user's roles were held.
            held = [r.get("org") for r in stored_roles or [] if isinstance(r, Mapping) and r.get("org")]
            merged.pop("roles", None)
            expand_role(merged, default_org=held[0] if held else self._engine.default_org)
        return self._put(op_id, sourced_id, merged)

    def _stored(self, sourced_id: str) -> dict[str, Any]:
        """Read the stored record as the provider's JSON (vendor fields included); ``NotFound`` if absent."""
        op_id = self._op(self.spec.get_ops, "get")
        outcome = self._engine.call(op_id, sourced_id=sourced_id, fields=UNSET)
        body = outcome.json()
        if isinstance(body, dict):
            record = body.get(self.spec.single_key, body if "sourcedId" in body else None)
            if isinstance(record, dict):
                return record
        raise outcome.unparseable(f"expected a {self.spec.single_key!r} record in the answer")

    def patch(self, sourced_id: str, data: Mapping[str, Any] | T | None = None, /, **fields: Any) -> T | None:
        """Change some fields of a record with PATCH, where the provider offers it.

        Example:
            ```python
            client.enrollments.patch("e-1", status="tobedeleted")
            ```

        """
        sourced_id = checked_id(sourced_id)
        op_id = self._op(self.spec.patch_ops, "patch")
        return self._patch(op_id, sourced_id, self._record(data, fields))

    def _patch(self, op_id: str, sourced_id: str, changes: dict[str, Any]) -> T | None:
        if self.spec.schema == "User":
            expand_role(changes, default_org=self._engine.default_org)
        record = prepare_record(changes, model=self.spec.schema, href=self._engine.href)
        if record.get("sourcedId", sourced_id) != sourced_id:
            raise ValidationError("the body's sourcedId does not match the id in the path", field="sourcedId")
        outcome = self._engine.call(op_id, sourced_id=sourced_id, body=self._body(record, op_id))
        return self._written(sourced_id, outcome)

    def delete(self, sourced_id: str) -> None:
        """Delete a record (providers soft-delete: its status becomes ``tobedeleted``).

        Example:
            ```python
            client.enrollments.delete("e-1")
            ```

        """
        sourced_id = checked_id(sourced_id)
        op_id = self._op(self.spec.delete_ops, "delete")
        self._engine.call(op_id, sourced_id=sourced_id)

    def __call__(self, sourced_id: str) -> ScopeT:  # type: ignore[override]
        """Return the scope of one record for nested calls.

        Example:
            ```python
            client.schools("s-1").classes.stream()
            ```

        """
        if self._scope is None:
            raise TypeError(f"{self.spec.name} has no nested calls")
        return self._scope(self._engine, (checked_id(sourced_id),), page_size=self._page_size)


class CourseCollection(Collection[models.Course, ScopeT]):
    """``client.courses``: the course collection, plus TimeBack's whole-structure create."""

    def create_structure(
        self,
        data: Mapping[str, Any] | None = None,
        /,
        *,
        course: Mapping[str, Any] | models.Course | None = None,
        course_structure: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> builtins.list[models.GUIDPair]:
        """Create a course with its units and lessons in one call (TimeBack ``POST /courses/structure``).

        ``data`` is the request as TimeBack documents it, ``{"course": {...}, "courseStructure":
        {...}}``, or pass ``course=`` and ``course_structure=``. ``courseStructure`` maps each
        lesson's key to its description (``title``, ``unit-title``, ``url``, ...). The course is
        checked like ``courses.create()`` before anything is sent; returns the course's
        sourcedId pair.

        Example:
            ```python
            [pair] = client.courses.create_structure({
                "course": {"title": "Pre-Algebra", "courseCode": "PA-1", "org": "org-1"},
                "courseStructure": {"lesson-1": {"title": "Ratios", "unit-title": "Unit 1",
                                                 "url": "https://qti.example/tests/1"}},
            })
            ```

        """
        op_id = self._op(("createCourseStructure",), "create_structure")
        given = dict(data or {})
        unknown = sorted(set(given) - {"course", "courseStructure", "course_structure"})
        if unknown:
            raise ValidationError(
                f"create_structure() takes 'course' and 'courseStructure', not {', '.join(unknown)}",
                field=unknown[0],
            )
        course = course if course is not None else given.get("course")
        structure = (
            course_structure
            if course_structure is not None
            else (given.get("courseStructure", given.get("course_structure")))
        )
        if course is None:
            raise ValidationError("create_structure() needs the course to create", field="course")
        if not isinstance(structure, Mapping) or not structure:
            raise ValidationError(
                "courseStructure must map each lesson's key to its description, e.g. "
                "{'lesson-1': {'title': ..., 'unit-title': ...}}",
                field="courseStructure",
            )
        for key, entry in structure.items():
            if not isinstance(key, str) or not isinstance(entry, Mapping):
                raise ValidationError(
                    f"courseStructure[{key!r}] must be a mapping describing one lesson",
                    field="courseStructure",
                )
        record = self._prepare(self._op(self.spec.create_ops, "create"), self._record(course, {}))
        record.setdefault("status", "active")
        self._body(record, op_id)  # the course must fit the model, as in create()
        lessons = {key: dict(entry) for key, entry in structure.items()}
        check_sendable(lessons, field="courseStructure")
        body = _PreparedBody({"courseStructure": lessons, "course": record})
        return guid_pairs(self._engine.call(op_id, body=body))


# Collections with calls of their own; every other resource is a plain Collection.
COLLECTION_CLASSES: dict[str, type[Collection[Any, Any]]] = {"courses": CourseCollection}

# The school of each class, per client: a write that needs a school and names only the class
# (an enrollment, a line item) takes the class's, read once.
_CLASS_SCHOOLS: weakref.WeakKeyDictionary[Engine, dict[str, str | None]] = weakref.WeakKeyDictionary()


def school_of_class(engine: Engine, klass: object) -> str | None:
    """Return the sourcedId of the school of class ``klass`` (an id or a reference), or ``None``.

    One GET per class and client; the answer is remembered by the client. The TimeBack
    platform's classes name their school ``org``, which is read as well.

    Example:
        ```python
        school_of_class(client._engine, "cls-0001")   # "org-0001"
        ```

    """
    class_id = klass.get("sourcedId") if isinstance(klass, Mapping) else klass
    if not isinstance(class_id, str):
        return None
    cache = _CLASS_SCHOOLS.setdefault(engine, {})
    if class_id not in cache:
        spec = next(spec for spec in RESOURCES if spec.name == "classes")
        op_id = engine.first_available(spec.get_ops, what="classes.get (to find the class's school)")
        outcome = engine.call(op_id, sourced_id=checked_id(class_id, field="class"), fields=UNSET)
        body = outcome.json()
        record = body.get(spec.single_key, body) if isinstance(body, dict) else None
        ref = (record.get("school") or record.get("org")) if isinstance(record, dict) else None
        school = ref.get("sourcedId") if isinstance(ref, Mapping) else None
        cache[class_id] = school if isinstance(school, str) else None
    return cache[class_id]


class _PreparedBody:
    """A request body the generated operation serialises with ``to_dict()``, sent exactly as prepared."""

    def __init__(self, body: dict[str, Any]) -> None:
        self._body = body

    def to_dict(self) -> dict[str, Any]:
        return self._body


def guid_pairs(outcome: Outcome) -> list[models.GUIDPair]:
    """Return the sourcedId pairs of a create answer (TimeBack sends one object instead of a list)."""
    parsed = outcome.parsed
    pairs: object = getattr(parsed, "sourced_id_pairs", None)
    if isinstance(pairs, models.GUIDPair):
        return [pairs]
    if isinstance(pairs, list):
        return pairs
    raise outcome.unparseable("the create answer has no sourcedIdPairs")


def _row(
    name: str,
    schema: str,
    single_key: str,
    list_key: str,
    family: str,
    *,
    model: str | None = None,
    **ops: tuple[str, ...],
) -> ResourceSpec:
    return ResourceSpec(
        name=name,
        schema=schema,
        model=model or schema,
        single_key=single_key,
        list_key=list_key,
        family=family,
        **ops,
    )


R, G, S = "rostering", "gradebook", "resources"

RESOURCES: tuple[ResourceSpec, ...] = (
    _row("users", "User", "user", "users", R, list_ops=("getAllUsers",), get_ops=("getUser",),
         create_ops=("createUser",), put_ops=("updateUser",), delete_ops=("deleteUser",)),
    _row("students", "User", "user", "users", R, list_ops=("getAllStudents",), get_ops=("getStudent",),
         put_ops=("upsertStudent",)),
    _row("teachers", "User", "user", "users", R, list_ops=("getAllTeachers",), get_ops=("getTeacher",)),
    _row("orgs", "Org", "org", "orgs", R, list_ops=("getAllOrgs",), get_ops=("getOrg",),
         create_ops=("createOrg",), put_ops=("updateOrg",), delete_ops=("deleteOrg",)),
    _row("schools", "Org", "org", "orgs", R, list_ops=("getAllSchools",), get_ops=("getSchool",),
         create_ops=("createSchool",), put_ops=("updateSchool",), delete_ops=("deleteSchool",)),
    _row("courses", "Course", "course", "courses", R, list_ops=("getAllCourses",), get_ops=("getCourse",),
         create_ops=("createCourse",), put_ops=("putCourse",), delete_ops=("deleteCourse",)),
    _row("classes", "Class", "class", "classes", R, list_ops=("getAllClasses",), get_ops=("getClass",),
         create_ops=("createClass",), put_ops=("updateClass",), delete_ops=("deleteClass",)),
    _row("enrollments", "Enrollment", "enrollment", "enrollments", R, list_ops=("getAllEnrollments",),
         get_ops=("getEnrollment",), create_ops=("createEnrollment",), put_ops=("updateEnrollment",),
         patch_ops=("partiallyUpdateEnrollment",), delete_ops=("deleteEnrollment",)),
    _row("academic_sessions", "AcademicSession", "academicSession", "academicSessions", R,
         list_ops=("getAllAcademicSessions",), get_ops=("getAcademicSession",),
         create_ops=("postAcademicSession",), put_ops=("putAcademicSession",),
         delete_ops=("deleteAcademicSession",)),
    _row("terms", "AcademicSession", "academicSession", "academicSessions", R, list_ops=("getAllTerms",),
         get_ops=("getTerm",)),
    _row("grading_periods", "AcademicSession", "academicSession", "academicSessions", R,
         list_ops=("getAllGradingPeriods",), get_ops=("getGradingPeriod",),
         create_ops=("createGradingPeriod",),
         put_ops=("updateGradingPeriod",), delete_ops=("deleteGradingPeriod",)),
    _row("demographics", "Demographics", "demographics", "demographics", R, list_ops=("getAllDemographics",),
         get_ops=("getDemographics",), create_ops=("postDemographics",), put_ops=("putDemographics",),
         delete_ops=("deleteDemographics",)),
    _row("categories", "Category", "category", "categories", G, list_ops=("getAllCategories",),
         get_ops=("getCategory",), create_ops=("createCategory",), put_ops=("putCategory",),
         delete_ops=("deleteCategory",)),
    _row("line_items", "LineItem", "lineItem", "lineItems", G, list_ops=("getAllLineItems",),
         get_ops=("getLineItem",), create_ops=("createLineItem",), put_ops=("putLineItem",),
         delete_ops=("deleteLineItem",)),
    _row("results", "Result", "result", "results", G, list_ops=("getAllResults",), get_ops=("getResult",),
         create_ops=("createResult",), put_ops=("putResult",), delete_ops=("deleteResult",)),
    _row("score_scales", "ScoreScale", "scoreScale", "scoreScales", G, list_ops=("getAllScoreScales",),
         get_ops=("getScoreScale",), create_ops=("createScoreScale",), put_ops=("putScoreScale",),
         delete_ops=("deleteScoreScale",)),
    _row("assessment_line_items", "AssessmentLineItem", "assessmentLineItem", "assessmentLineItems", G,
         list_ops=("getAllAssessmentLineItems",), get_ops=("getAssessmentLineItem",),
         create_ops=("createAssessmentLineItem",), put_ops=("putAssessmentLineItem",),
         patch_ops=("patchAssessmentLineItem",), delete_ops=("deleteAssessmentLineItem",)),
    _row("assessment_results", "AssessmentResult", "assessmentResult", "assessmentResults", G,
         list_ops=("getAllAssessmentResults",), get_ops=("getAssessmentResult",),
         create_ops=("createAssessmentResult",), put_ops=("putAssessmentResult",),
         patch_ops=("patchAssessmentResult",), delete_ops=("deleteAssessmentResult",)),
    _row("resources", "Resource", "resource", "resources", S, list_ops=("getAllResources",),
         get_ops=("getResource",), create_ops=("createResource",), put_ops=("updateResource",),
         delete_ops=("deleteResource",)),
    _row("course_components", "CourseComponent", "courseComponent", "courseComponents", R,
         model="CourseComponentRecord", list_ops=("getAllCourseComponents",), get_ops=("getCourseComponent",),
         create_ops=("createCourseComponent",), put_ops=("putCourseComponent",),
         delete_ops=("deleteCourseComponent",)),
    _row("component_resources", "ComponentResource", "componentResource", "componentResources", R,
         list_ops=("getAllComponentResources",), get_ops=("getComponentResource",),
         create_ops=("createComponentResource",), put_ops=("putComponentResource",),
         delete_ops=("deleteComponentResource",)),
)  # fmt: skip

VIEWS: dict[str, View] = _views()


@dataclass(frozen=True)
class Route:
    """A scoped list call: the operations that serve it, their path parameters, and what they return."""

    op_ids: tuple[str, ...]
    params: tuple[str, ...]
    key: str
    model: str
    # Turns a provider's record into the model's shape (an agent link gets its agent's sourcedId).
    adapt: Callable[[dict[str, Any]], dict[str, Any]] | None = None
