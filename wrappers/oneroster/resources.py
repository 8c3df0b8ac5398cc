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
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar, cast, overload

import oneroster_client.models as models
from oneroster.engine import Engine, Outcome
from oneroster.errors import NotFound, ResponseParseError, ValidationError
from oneroster.filters import Condition, F, build_filter, check_field_name
from oneroster.ids import checked_id
from oneroster.paging import (
    DEFAULT_MAX_PAGES,
    Page,
    build_page,
    collect_concurrently,
    convert_records,
    iterate,
)
from oneroster.validation import check_text, prepare_record
from oneroster_client.models import OrderBy
from oneroster_client.types import UNSET

__all__ = ["RESOURCES", "Collection", "Listing", "ResourceSpec", "Route"]

T = TypeVar("T")
ScopeT = TypeVar("ScopeT")

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


def attr_name(key: str) -> str:
    """Return the generated attribute name of a JSON key (``lineItems`` -> ``line_items``)."""
    name = re.sub(r"(?<!^)(?=[A-Z])", "_", key).lower()
    return name + "_" if name in {"class", "type", "id"} else name


@dataclass(frozen=True)
class Query:
    """Validated list arguments, ready to be sent."""

    filter: str | None
    sort: str | None
    order_by: str | None
    fields: str | None
    search: str | None
    limit: int | None

    @classmethod
    def build(
        cls,
        *,
        where: Mapping[str, object] | Condition | None,
        filter: str | None,
        sort: str | None,
        order_by: str | None,
        fields: Sequence[str] | str | None,
        search: str | None,
        limit: int | None,
    ) -> Query:
        """Check every list argument; raise ``ValidationError`` before anything is sent."""
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
            # The binding pairs sort with orderBy, and some servers reject one without the other.
            order_by = order_by or "asc"
        fields_text = None
        if fields is not None:
            names = [fields] if isinstance(fields, str) else list(fields)
            if not names:
                raise ValidationError("fields must name at least one field", field="fields")
            for name in names:
                _field_name(name, argument="fields")
            # Every record the client returns has its sourcedId (the models type it `str`), so a
            # selection always asks for it; it is not stripped from what comes back.
            if "sourcedId" not in names:
                names.insert(0, "sourcedId")
            fields_text = ",".join(names)
        if search is not None and (not isinstance(search, str) or not search):
            raise ValidationError("search must be a non-empty string", field="search")
        filter_text = build_filter(where=where, filter=filter)
        if filter_text is not None:
            check_text(filter_text, field="where" if where is not None else "filter")
        return cls(
            filter=filter_text,
            sort=sort,
            order_by=order_by,
            fields=fields_text,
            search=search,
            limit=limit,
        )

    def kwargs(self, offset: int, *, paged: bool) -> dict[str, Any]:
        """Keyword arguments for a generated list operation."""
        if not paged:
            asked = [n for n in ("filter", "sort", "fields", "search") if getattr(self, n) is not None]
            if asked:
                raise ValidationError(
                    f"this endpoint takes no {', '.join(asked)}: the provider would ignore it and return "
                    "unfiltered records",
                    field=asked[0],
                )
            return {}

        def value(v: object) -> object:
            return UNSET if v is None else v

        return {
            "limit": value(self.limit),
            "offset": offset,
            "sort": value(self.sort),
            "order_by": OrderBy(self.order_by) if self.order_by else UNSET,
            "filter_": value(self.filter),
            "fields": value(self.fields),
            "search": value(self.search),
        }


# Keys a collection answer may carry besides its records (TimeBack puts paging in the body).
_PAGING_KEYS = frozenset({"totalCount", "pageCount", "pageNumber", "offset", "limit", "total"})


def _raw_records(outcome: Outcome, *, key: str) -> tuple[list[dict[str, Any]], list[object]]:
    """Pull the raw records and any body totals out of a collection answer, tolerating odd envelopes."""
    body = outcome.json()
    if isinstance(body, dict):
        totals = [body.get("totalCount"), body.get("total")]
        records = body.get(key)
        if key not in body:
            # A provider may name the collection differently (TimeBack platform: {"terms": [...]}).
            # Only when that list is the sole unknown key: anything else is a wrong envelope.
            extra = [value for name, value in body.items() if name not in _PAGING_KEYS]
            if len(extra) == 1 and isinstance(extra[0], list):
                records = extra[0]
        if records is None and key in body:
            return [], totals
        if isinstance(records, list):
            if all(isinstance(item, dict) for item in records):
                return records, totals
            raise outcome.unparseable(f"the {key!r} list holds something that is not a record")
    found = sorted(body) if isinstance(body, dict) else type(body).__name__
    raise outcome.unparseable(f"expected a {key!r} list in the answer, found {found}")


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


def _single(outcome: Outcome, *, key: str, model: type[Any]) -> Any:
    """Pull one record out of a single-record answer; a bare record (no envelope) is accepted."""
    if outcome.parsed is not None:
        record = getattr(outcome.parsed, attr_name(key), None)
        if record is not None:
            return record
    body = outcome.json()
    if isinstance(body, dict):
        candidate = body.get(key, body if "sourcedId" in body else None)
        if isinstance(candidate, dict):
            try:
                return model.from_dict(candidate)
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                raise outcome.unparseable(
                    f"the {key!r} record does not fit the {model.__name__} model: {exc}"
                ) from exc
    raise outcome.unparseable(f"expected a {key!r} record in the answer")


class Listing(Generic[T]):
    """A collection reached through one or more generated list operations.

    Calling it (or ``.list()``) returns one ``Page``; ``.stream()`` yields every record
    lazily; ``.list_all()`` collects them; ``.first()`` returns the first match or ``None``.

    Example:
        ```python
        students = client.classes("c-1").students
        page = students(limit=20)
        for student in students.stream(sort="familyName"):
            ...
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
        what: str,
        page_size: int | None,
        max_pages: int = DEFAULT_MAX_PAGES,
        fallback: tuple[str, str, str] | None = None,
    ) -> None:
        self._engine = engine
        self._fallback = fallback
        self._op_ids = op_ids
        self._path = dict(path)
        self._key = key
        self._model = model
        self._what = what
        self._page_size = page_size
        self._max_pages = max_pages

    def _query(self, **args: Any) -> Query:
        if args.get("limit") is None:
            args["limit"] = self._page_size
        return Query.build(**args)

    def _fetch_raw(self, query: Query, offset: int) -> Page[dict[str, Any]]:
        if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
            raise ValidationError(f"offset must be a non-negative integer, got {offset!r}", field="offset")
        path: Mapping[str, str] = self._path
        if self._fallback is not None and not any(self._engine.available(o) for o in self._op_ids):
            # No nested endpoint on this provider: filter the top-level collection instead
            # (e.g. a class's enrollments as enrollments?filter=class.sourcedId='c-1').
            op_id, field, scope_id = self._fallback
            op_id = self._engine.first_available((op_id,), what=self._what)
            clause = (F(field) == scope_id).to_filter()
            combined = clause
            if query.filter:
                # Any OR (whatever whitespace surrounds it) must stay inside the scope's AND.
                has_or = re.search(r"\sOR\s", query.filter) is not None
                combined += f" AND ({query.filter})" if has_or else f" AND {query.filter}"
            query, path = dataclasses.replace(query, filter=combined), {}
        else:
            op_id = self._engine.first_available(self._op_ids, what=self._what)
        paged = self._engine.operation(op_id).paged
        outcome = self._engine.send(op_id, **path, **query.kwargs(offset, paged=paged))
        records, totals = _raw_records(outcome, key=self._key)
        return build_page(
            records,
            offset=offset,
            limit=query.limit,
            headers=outcome.response.headers,
            body_totals=totals,
            paged=paged,
        )

    def _fetch(self, query: Query, offset: int) -> Page[T]:
        page = self._fetch_raw(query, offset)
        convert = _converter(self._model)
        return Page(
            # convert_records: a record that does not fit its model is blamed with its offset
            data=builtins.list(convert_records(page.data, convert, offset=page.offset)),
            offset=page.offset,
            limit=page.limit,
            total=page.total,
            has_more=page.has_more,
            next_offset=page.next_offset,
            headers=page.headers,
        )

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
        """Fetch one page.

        Example:
            ```python
            page = client.users.list(where={"role": "teacher"}, limit=50, offset=100)
            ```

        """
        query = self._query(
            where=where,
            filter=filter,
            sort=sort,
            order_by=order_by,
            fields=fields,
            search=search,
            limit=limit,
        )
        return self._fetch(query, offset)

    __call__ = list

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
        continues without loss or repeats.

        Example:
            ```python
            for user in client.users.stream(where={"status": "active"}):
                save(user)
            for row in client.users.stream(raw=True, fields=["sourcedId", "email"]):
                emails[row["sourcedId"]] = row.get("email")
            ```

        """
        query = self._query(
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
        return iterate(
            lambda offset: self._fetch_raw(query, offset),
            start_offset=start_offset,
            max_pages=self._max_pages,
            max_items=max_items,
            key=_raw_sourced_id,
            convert=None if raw else _converter(self._model),
            read_ahead=True,
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
        query = self._query(
            where=where,
            filter=filter,
            sort=sort,
            order_by=order_by,
            fields=fields,
            search=search,
            limit=limit,
        )
        records = collect_concurrently(
            lambda offset: self._fetch_raw(query, offset),
            concurrency=concurrency,
            max_items=max_items,
            max_pages=self._max_pages,
            key=_raw_sourced_id,
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
        op_id = self._op(self.spec.get_ops, "get")
        query = Query.build(
            where=None, filter=None, sort=None, order_by=None, fields=fields, search=None, limit=None
        )
        outcome = self._engine.call(op_id, sourced_id=sourced_id, fields=query.fields or UNSET)
        return cast(T, _single(outcome, key=self.spec.single_key, model=self._model))

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

    def _body(self, record: dict[str, Any]) -> Any:
        envelope = getattr(models, f"Single{self.spec.schema}")
        # A create may leave the sourcedId to the provider and a patch need not repeat it; the
        # model requires one only of what is read, so a stand-in lets the rest be checked.
        probe = record if "sourcedId" in record else {**record, "sourcedId": "-"}
        try:
            # Parsing proves the record fits the model; the prepared text is what gets sent.
            envelope.from_dict({self.spec.single_key: probe})
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ValidationError(f"the {self.spec.schema} record cannot be sent: {exc}") from exc
        return _PreparedBody({self.spec.single_key: record})

    def create(self, data: Mapping[str, Any] | T) -> builtins.list[models.GUIDPair]:
        """Create a record with POST; returns the server's sourcedId pairs.

        Example:
            ```python
            pairs = client.users.create({"sourcedId": "u-9", "givenName": "Ana", ...})
            pairs[0].allocated_sourced_id
            ```

        """
        return self.create_at(self._op(self.spec.create_ops, "create"), data)

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
        record = prepare_record(data, model=self.spec.schema, full=False, href=self._engine.href)
        record.setdefault("status", "active")
        outcome = self._engine.call(op_id, **path, body=self._body(record))
        return guid_pairs(outcome)

    def _put(self, sourced_id: str, data: Mapping[str, Any] | T, verb: str) -> T | None:
        sourced_id = checked_id(sourced_id)
        op_id = self._op(self.spec.put_ops, verb)
        record = prepare_record(
            data, model=self.spec.schema, path_id=sourced_id, full=True, href=self._engine.href
        )
        outcome = self._engine.call(op_id, sourced_id=sourced_id, body=self._body(record))
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

    def upsert(self, sourced_id: str, data: Mapping[str, Any] | T) -> T | None:
        """Create or replace the record with this sourcedId (PUT).

        The path id is always the body's ``sourcedId`` (a different one raises
        ``ValidationError``). Gradebook/assessment upserts return the stored record;
        rostering/resources upserts return ``None``.

        Example:
            ```python
            client.users.upsert("u-1", {"givenName": "Ana", "familyName": "Lee", "enabledUser": True,
                                        "roles": [{"role": "student", "org": "school-1"}]})
            ```

        """
        return self._put(sourced_id, data, "upsert")

    def update(self, sourced_id: str, data: Mapping[str, Any] | T) -> T | None:
        """Replace an existing record (strict): raises ``NotFound`` if it does not exist.

        Example:
            ```python
            client.line_items.update("li-1", line_item)   # returns the stored LineItem
            ```

        """
        sourced_id = checked_id(sourced_id)
        self._op(self.spec.put_ops, "update")
        if not self.exists(sourced_id):
            raise NotFound(
                f"{self.spec.name} {sourced_id!r} does not exist; use upsert() to create it",
                status_code=404,
                method="GET",
                url=f"{self.spec.name}/{sourced_id}",
                code_minor="unknownobject",
            )
        return self._put(sourced_id, data, "update")

    def patch(self, sourced_id: str, data: Mapping[str, Any] | T) -> T | None:
        """Change some fields of a record (PATCH, where the provider offers it).

        Example:
            ```python
            client.enrollments.patch("e-1", {"status": "tobedeleted"})
            ```

        """
        sourced_id = checked_id(sourced_id)
        op_id = self._op(self.spec.patch_ops, "patch")
        record = prepare_record(data, model=self.spec.schema, full=False, href=self._engine.href)
        if record.get("sourcedId", sourced_id) != sourced_id:
            raise ValidationError("the body's sourcedId does not match the id in the path", field="sourcedId")
        outcome = self._engine.call(op_id, sourced_id=sourced_id, body=self._body(record))
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
    _row("students", "User", "user", "users", R, list_ops=("getAllStudents",), get_ops=("getStudent",)),
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


@dataclass(frozen=True)
class Route:
    """A scoped list call: the operations that serve it, their path parameters, and what they return."""

    op_ids: tuple[str, ...]
    params: tuple[str, ...]
    key: str
    model: str
    # (top-level list operation, filter field) used when the provider has no nested endpoint.
    fallback: tuple[str, str] | None = None
