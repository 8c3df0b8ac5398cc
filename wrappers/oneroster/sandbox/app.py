"""The sandbox's ASGI application: the spec's operations served from a SQLite store.

Routing comes from :data:`oneroster.operation_index.OPERATIONS` (path, method, envelope,
scopes, profiles); meaning comes from :mod:`oneroster.sandbox.catalog`. Each operation is
served by one of a few generic handlers (list, get, put, create, patch, delete) plus the
TimeBack specials (agents, credentials). Errors are 1EdTech ``imsx_StatusInfo`` bodies.

Example:
    ```python
    from oneroster.sandbox import SandboxConfig, create_app
    from oneroster.sandbox.store import Store, facet_of

    app = create_app(store=Store(), config=SandboxConfig(profile="ims"))
    ```

"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import contextvars
import datetime as dt
import functools
import json
import math
import re
import urllib.parse
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from oneroster.dialects import Dialect, resolve_dialect
from oneroster.operation_index import OPERATIONS, REQUIRED_FIELDS, SCHEMA_FIELDS, Operation
from oneroster.sandbox.catalog import (
    NOT_MODELLED,
    PATH_DEFAULTS,
    REFERENCES,
    RELATIONS,
    VIEWS,
    View,
    ref_type,
    reference,
)
from oneroster.sandbox.dialect import (
    EXTRA_ENVELOPE,
    error_body,
    filter_aliases,
    null_reference_texts,
    null_references,
    route_absent,
    short_page,
    single_key,
    unknown_route,
    updated_dialect,
)
from oneroster.sandbox.faults import Faults
from oneroster.sandbox.flavour import SERVED_PROFILES, Flavour, flavour_of
from oneroster.sandbox.hrefs import Hrefs
from oneroster.sandbox.query import (
    QueryError,
    filter_sql,
    order_sql,
    parse_fields,
    parse_filter,
    project,
    search_sql,
)
from oneroster.sandbox.store import Store, facet_of
from oneroster.sandbox.tokens import AuthFailure, TokenIssuer

__all__ = ["CONTROL_HEADER", "TOKEN_PATH", "SandboxConfig", "create_app"]

TOKEN_PATH = "/oauth/token"
# Filled in by the server, never required from a client's write.
_SERVER_FIELDS = {"sourcedId", "status", "dateLastModified"}
# Changing the sandbox (POST /_sandbox/*) needs this header and a JSON body: a web page open in
# the developer's browser cannot send either cross-site without a CORS preflight, which the
# sandbox never grants.
CONTROL_HEADER = ("X-Sandbox-Control", "1")
# limit and offset are int32 in the documents; anything beyond is refused, never sent to SQLite.
_INT32_MAX = 2**31 - 1
_INTEGER = re.compile(r"[+-]?[0-9]{1,20}")
# Deeper JSON than any OneRoster record needs (metadata included) is refused before it is used.
_MAX_JSON_DEPTH = 64
# The scheme, host and port the current request reached the sandbox at (hrefs are built from it).
_BASE_URL: contextvars.ContextVar[str] = contextvars.ContextVar("sandbox_base_url", default="")


@dataclass
class SandboxConfig:
    """How the sandbox behaves: profile, dialect, clients, paging limits, faults.

    ``profile`` is ``timeback`` (the 1EdTech operations plus TimeBack's writes, agents,
    credentials; paging totals also in the body), ``ims`` (the official operation set
    and answers only), ``timeback-platform`` (TimeBack's platform API at ``/rostering/1.0``:
    see :mod:`oneroster.sandbox.platform`) or ``v1p1`` (OneRoster 1.1 at
    ``/ims/oneroster/v1p1``: see :mod:`oneroster.sandbox.v1p1`). ``dialect`` is a preset name
    of :data:`oneroster.dialects.DIALECTS` (``full``, the default, ``baseline``, ``timeback``,
    ``timeback-platform``, ``edfi``) or a :class:`~oneroster.dialects.Dialect`: what the
    sandbox refuses, ignores and how it answers.

    Example:
        ```python
        SandboxConfig(profile="ims", dialect="edfi", clients={"me": "my-secret"}, max_limit=1000)
        ```

    """

    profile: str = "timeback"
    clients: dict[str, str] = field(default_factory=lambda: {"sandbox-client": "sandbox-secret"})
    token_ttl: float = 3600.0
    static_tokens: tuple[str, ...] = ()
    default_limit: int = 100
    max_limit: int = 3000
    faults: Faults = field(default_factory=Faults)
    now: Callable[[], dt.datetime] = field(default=lambda: dt.datetime.now(dt.UTC))
    dialect: str | Dialect = "full"

    def __post_init__(self) -> None:
        if self.profile not in SERVED_PROFILES:
            raise ValueError(f"profile must be one of {', '.join(SERVED_PROFILES)}, not {self.profile!r}")
        # Resolved here so a bad name fails when the configuration is made, not at start-up.
        self.dialect = resolve_dialect(self.dialect)
        if not 1 <= self.default_limit <= self.max_limit:
            raise ValueError("need 1 <= default_limit <= max_limit")


class ApiError(Exception):
    """An answer in the imsx error format; raised anywhere inside a handler."""

    def __init__(self, status: int, code_minor: str, description: str, *, major: str = "failure") -> None:
        super().__init__(description)
        self.status = status
        self.code_minor = code_minor
        self.description = description
        self.major = major


def imsx_body(*, code_minor: str, description: str, major: str = "failure") -> dict[str, Any]:
    """Return a 1EdTech ``imsx_StatusInfo`` error body.

    Example:
        ```python
        imsx_body(code_minor="unknownobject", description="no user u-1")
        ```

    """
    return {
        "imsx_codeMajor": major,
        "imsx_severity": "error",
        "imsx_description": description,
        "imsx_CodeMinor": {
            "imsx_codeMinorField": [
                {"imsx_codeMinorFieldName": "TargetEndSystem", "imsx_codeMinorFieldValue": code_minor}
            ]
        },
    }


def _timestamp(now: dt.datetime) -> str:
    return now.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"


@dataclass(frozen=True)
class _Bound:
    """One operation mounted at a concrete root: its compiled path and parameter names."""

    op_id: str
    op: Operation
    pattern: re.Pattern[str]
    params: tuple[str, ...]


def _compile(root: str, path: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    # Matched against the raw (still percent-encoded) path: an encoded "/" is part of an id.
    names = tuple(re.findall(r"\{(\w+)\}", path))
    regex = re.sub(r"\\\{\w+\\\}", "([^/]+)", re.escape(root + path))
    return re.compile(regex + r"\Z"), names


def _literal_rank(path: str) -> tuple[int, ...]:
    # Literal segments must win over parameters: /courses/components before /courses/{sourcedId}.
    return tuple(1 if seg.startswith("{") else 0 for seg in path.strip("/").split("/"))


def _mount(flavour: Flavour) -> list[_Bound]:
    bound = []
    for op_id, op in OPERATIONS.items():
        if op.service in flavour.roots and flavour.serves(op_id, op):
            pattern, params = _compile(flavour.roots[op.service], op.path)
            bound.append(_Bound(op_id, op, pattern, params))
    bound.sort(key=lambda b: _literal_rank(b.op.path))
    return bound


@dataclass
class Stats:
    """Counters the tests and benchmarks read from ``GET /_sandbox/stats``."""

    requests: int = 0
    by_operation: dict[str, int] = field(default_factory=dict)
    connections: set[tuple[str, int]] = field(default_factory=set)

    def describe(self, *, tokens: int) -> dict[str, Any]:
        """Return the counters as JSON-able data."""
        return {
            "requests": self.requests,
            "tokens": tokens,
            "connections": len(self.connections),
            "by_operation": dict(sorted(self.by_operation.items())),
        }


class _RecordLocks:
    """One asyncio lock per record being written, dropped when nobody holds or waits for it.

    Every read-modify-write of a record (PATCH, DELETE, agents...) holds its lock from loading
    to storing, so two concurrent writes to one record never lose one another's change.
    """

    def __init__(self) -> None:
        self._held: dict[tuple[str, str], tuple[asyncio.Lock, list[int]]] = {}

    @contextlib.asynccontextmanager
    async def hold(self, kind: str, sourced_id: str) -> AsyncIterator[None]:
        key = (kind, sourced_id)
        lock, users = self._held.setdefault(key, (asyncio.Lock(), [0]))
        users[0] += 1
        try:
            async with lock:
                yield
        finally:
            users[0] -= 1
            if users[0] == 0:
                del self._held[key]


class Sandbox:
    """The application state and handlers; :func:`create_app` wraps it in Starlette."""

    def __init__(self, *, store: Store, config: SandboxConfig) -> None:
        self.store = store
        self.config = config
        self.faults = config.faults
        # What the profile's provider does differently (roots, answers, refusals): see flavour.py.
        self.flavour = flavour_of(config.profile)
        # Replaced whole (never mutated) by set_dialect: a request reads it once and keeps it.
        self.dialect: Dialect = resolve_dialect(config.dialect)
        self.roots = dict(self.flavour.roots)
        self.hrefs = Hrefs(self.roots)
        self.locks = _RecordLocks()
        self.issuer = TokenIssuer(
            clients=config.clients,
            ttl=config.token_ttl,
            static_tokens=config.static_tokens,
            aliases=self.flavour.scope_aliases,
        )
        self.stats = Stats()
        self.flavour.prepare(store)
        self.routes = _mount(self.flavour)
        self._flavour_handlers = self.flavour.handlers(self)
        # Which handler serves an operation is fixed by the spec: decided once, not per request.
        self._handlers = {bound.op_id: self._handler_for(bound) for bound in self.routes}
        self.timeback = config.profile == "timeback"

    # -- the admin endpoints' state ----------------------------------------------

    def counters(self) -> dict[str, Any]:
        """Return requests, token grants, TCP connections and calls per operation so far."""
        return self.stats.describe(tokens=self.issuer.issued)

    def reset_counters(self) -> None:
        """Start the counters again from zero."""
        self.stats = Stats()
        self.issuer.issued = 0

    def set_dialect(self, changes: Mapping[str, Any] | Dialect) -> Dialect:
        """Play another dialect from now on; return the dialect now played.

        ``changes`` is a :class:`Dialect`, or JSON-style changes (see
        :func:`oneroster.sandbox.dialect.updated_dialect`).
        """
        self.dialect = changes if isinstance(changes, Dialect) else updated_dialect(self.dialect, changes)
        return self.dialect

    def error_response(self, exc: ApiError, *, headers: Mapping[str, str] | None = None) -> JSONResponse:
        """Answer ``exc`` in the error form of the dialect played (structured imsx, or Ed-Fi's flat one)."""
        body = error_body(
            self.dialect, code_minor=exc.code_minor, description=exc.description, major=exc.major
        ) or imsx_body(code_minor=exc.code_minor, description=exc.description, major=exc.major)
        return JSONResponse(body, status_code=exc.status, headers=dict(headers or {}))

    # -- dispatch -----------------------------------------------------------------

    def match(self, method: str, path: str) -> tuple[_Bound, dict[str, str]] | None:
        """Return the operation serving ``method path`` and its decoded path parameters.

        ``path`` is the raw request path, still percent-encoded: ``/users/a%2Fclasses`` is the
        user ``a/classes``, never the classes of user ``a``. Returns ``None`` when no route
        serves the path (nested listings the dialect lacks included); raises 405 when another
        method would.
        """
        if len(path) > 1 and path.endswith("/"):
            # TimeBack needs the trailing slash on collections; accept both spellings.
            path = path[:-1]
        dialect = self.dialect
        allowed = absent = False
        for bound in self.routes:
            found = bound.pattern.match(path)
            if found is None:
                continue
            if route_absent(dialect, bound.op_id):
                # A provider without the listing has no route there at all: 404, never a 405
                # because a write happens to share the path.
                absent = absent or bound.op.method == method
                continue
            if bound.op.method != method:
                allowed = True
                continue
            values = (urllib.parse.unquote(value) for value in found.groups())
            return bound, dict(zip(bound.params, values, strict=True))
        if allowed and not absent:
            raise ApiError(405, "invaliddata", f"{method} is not allowed on {urllib.parse.unquote(path)}")
        return None

    async def handle(self, request: Request) -> Response:
        """Serve one API request: match, authorise, inject faults, run the handler."""
        _BASE_URL.set(f"{request.url.scheme}://{request.url.netloc}")
        raw = request.scope.get("raw_path")
        path = raw.decode("latin-1") if isinstance(raw, bytes) else urllib.parse.quote(request.url.path)
        matched = self.match(request.method, path)
        if matched is None:
            description = f"no operation at {request.url.path} in the {self.config.profile} profile"
            plain = unknown_route(self.dialect, description)
            if plain is not None:
                return plain
            raise ApiError(404, "unknownobject", description)
        bound, params = matched
        self.stats.by_operation[bound.op_id] = self.stats.by_operation.get(bound.op_id, 0) + 1
        try:
            # Kept for handlers that decide by the calling client app (the platform's ownership).
            request.state.grant = self.issuer.check(
                request.headers.get("authorization"), required=bound.op.scopes
            )
        except AuthFailure as exc:
            code = "unauthorisedrequest" if exc.status == 401 else "forbidden"
            headers = {"WWW-Authenticate": f'Bearer error="{exc.error}"'} if exc.status == 401 else {}
            return self.error_response(ApiError(exc.status, code, exc.message), headers=headers)
        if bound.op_id in NOT_MODELLED:
            raise ApiError(501, "unsupported", NOT_MODELLED[bound.op_id], major="unsupported")
        return await self._handlers[bound.op_id](request, bound, params)

    def _handler_for(self, bound: _Bound) -> Callable[[Request, _Bound, dict[str, str]], Awaitable[Response]]:
        if bound.op_id in self._flavour_handlers:
            return self._flavour_handlers[bound.op_id]
        special = {
            "getAgents": self.get_agents,
            "addAgent": self.add_agent,
            "deleteAgent": self.delete_agent,
            "getUserWithDemographics": self.get_user_with_demographics,
            "registerStudentCredentials": self.register_credentials,
            "decryptCredential": self.decrypt_credential,
        }.get(bound.op_id)
        if special is not None:
            return special
        from oneroster.sandbox.courseware import HANDLERS  # built on this module's helpers

        if bound.op_id in HANDLERS:
            return functools.partial(HANDLERS[bound.op_id], self)
        method = bound.op.method
        if method == "GET":
            return self.list_records if bound.op.answer[2] else self.get_record
        if method == "PUT":
            return self.put_record
        if method == "PATCH":
            return self.patch_record
        if method == "DELETE":
            return self.delete_record
        return self.create_records

    # -- helpers ------------------------------------------------------------------

    @staticmethod
    @functools.cache
    def view_of(path: str) -> tuple[str, View]:
        """Return the collection name and view of an operation path (``/users/{id}`` -> users)."""
        name = re.sub(r"/\{\w+\}$", "", path).strip("/")
        return name, VIEWS[name]

    def load(self, view: View, sourced_id: str) -> dict[str, Any]:
        """Return one record of a view, or raise 404 unknownobject."""
        record = self.store.get(view.kind, sourced_id)
        if record is None or (view.facet and not self._in_facet(view, record)):
            raise ApiError(
                404, "unknownobject", f"no {view.facet or view.kind} with sourcedId {sourced_id!r}"
            )
        return record

    @staticmethod
    def _in_facet(view: View, record: Mapping[str, Any]) -> bool:
        return f" {view.facet} " in facet_of(view.kind, record)

    def _fields_param(self, request: Request, schema: str) -> tuple[str, ...] | None:
        text = request.query_params.get("fields")
        return None if text is None else parse_fields(text, schema_fields=self.flavour.selectable(schema))

    def _shaped(self, kind: str, texts: list[str], selected: tuple[str, ...] | None) -> list[str]:
        """Return the records' JSON as the profile answers them, with ``fields`` selection applied."""
        if not self.flavour.projects and selected is None:
            return texts
        shaped = []
        for text in texts:
            record = json.loads(text)
            if self.flavour.projects:
                record = self.flavour.present(kind, record)
            shaped.append(json.dumps(record if selected is None else project(record, selected)))
        return shaped

    def _int_param(self, request: Request, name: str, default: int, minimum: int) -> int:
        text = request.query_params.get(name)
        if text is None:
            return default
        # ASCII digits only (int() also takes "1_000" and other scripts' digits), bounded to
        # int32 as the documents type it: a larger number never reaches SQLite.
        if not _INTEGER.fullmatch(text):
            raise ApiError(400, "invaliddata", f"{name} must be an integer, got {text[:40]!r}")
        value = int(text)
        if value < minimum:
            raise ApiError(400, "invaliddata", f"{name} must be at least {minimum}, got {value}")
        if value > _INT32_MAX:
            raise ApiError(400, "invaliddata", f"{name} must be at most {_INT32_MAX}, got {text[:40]}")
        return value

    # -- reads --------------------------------------------------------------------

    async def list_records(self, request: Request, bound: _Bound, params: dict[str, str]) -> Response:
        """Serve a collection GET: filter, search, sort, fields, limit/offset, totals and Link.

        The dialect decides what is refused (a filter it cannot take), ignored (``search``),
        left out (totals, ``Link``) and how the page looks (short, nulls, an extra key); never
        which records a query it accepts selects.
        """
        dialect = self.dialect
        relation = RELATIONS.get(bound.op_id)
        if relation is not None:
            view = VIEWS[relation.view]
            values = list(params.values())
            for parent, value in zip(relation.parents, values, strict=True):
                self.load(VIEWS[parent], value)
            positions = relation.params or tuple(range(len(values)))
            where = f"r.kind = ? AND ({relation.where})"
            args: list[object] = [view.kind, *(values[i] for i in positions)]
        else:
            _, view = self.view_of(bound.op.path)
            where, args = "r.kind = ?", [view.kind]
        if view.facet:
            where += " AND instr(r.facet, ?) > 0"
            args.append(f" {view.facet} ")
        key, schema, _ = bound.op.answer
        assert key is not None and schema is not None
        fields = SCHEMA_FIELDS[schema]
        query = request.query_params
        default_limit, max_limit = self.flavour.limits(self.config.default_limit, self.config.max_limit)
        limit = min(self._int_param(request, "limit", default_limit, 1), max_limit)
        offset = self._int_param(request, "offset", 0, 0)
        selected = self._fields_param(request, schema)
        narrowed = False
        if query.get("filter") is not None:
            node = self.flavour.filter(parse_filter(query["filter"], dialect=dialect), schema)
            sql, extra = filter_sql(
                node, schema_fields=fields, column="r.data", field_aliases=filter_aliases(dialect, schema)
            )
            where, narrowed = f"{where} AND ({sql})", True
            args.extend(extra)
        if dialect.search and query.get("search") is not None:
            sql, extra = search_sql(query["search"], schema_fields=fields, column="r.data")
            where, narrowed = f"{where} AND ({sql})", True
            args.extend(extra)
        order, order_args = "r.pos", list[object]()
        if query.get("sort") is not None or query.get("orderBy") is not None:
            sort_sql, sort_args = order_sql(
                sort=query.get("sort"), order_by=query.get("orderBy"), schema_fields=fields, column="r.data"
            )
            order, order_args = f"{sort_sql}, r.pos", sort_args
        action = self.faults.next_action()
        if relation is None and not view.facet and not narrowed and order == "r.pos":
            total = self.store.count(view.kind)
            texts = self.store.page_in_order(view.kind, offset=offset, limit=limit)
        else:
            total = self.store.count_where(where, args)
            texts = self.store.select(where, [*args, *order_args], order=order, offset=offset, limit=limit)
        if dialect.short_pages or action == "short":
            texts = short_page(texts, more=offset + len(texts) < total)
        if dialect.null_references:
            texts = null_reference_texts(schema, texts)
        texts = self._shaped(view.kind, texts, selected)
        body = self.flavour.list_body(bound.op_id, key, texts, total=total, offset=offset, limit=limit)
        if body is None:
            body = '{"' + key + '":[' + ",".join(texts) + "]"
            if self.timeback and dialect.totals:
                pages = math.ceil(total / limit) if limit else 0
                body += (
                    f',"totalCount":{total},"pageCount":{pages},"pageNumber":{offset // limit + 1},'
                    f'"offset":{offset},"limit":{limit}'
                )
            if dialect.extra_envelope_keys:
                body += f',"{EXTRA_ENVELOPE}":' + json.dumps({"dialect": dialect.name})
            body += "}"
        paging_headers = self.flavour.paging_headers and dialect.totals
        headers = {} if self.faults.omit_total or not paging_headers else {"X-Total-Count": str(total)}
        if dialect.links and self.flavour.paging_headers and not self.faults.omit_link:
            headers["Link"] = self._link_header(
                request, offset=offset, limit=limit, received=len(texts), total=total
            )
        return await self._send(action, body, headers)

    @staticmethod
    def _link_header(request: Request, *, offset: int, limit: int, received: int, total: int) -> str:
        def url(at: int) -> str:
            return str(request.url.include_query_params(offset=at, limit=limit))

        links = [f'<{url(0)}>; rel="first"']
        if offset > 0:
            links.append(f'<{url(max(0, offset - limit))}>; rel="prev"')
        # After a short page the next page starts right after what was sent, so nothing is skipped.
        if offset + received < total:
            links.append(f'<{url(offset + received)}>; rel="next"')
        last = max(0, ((total - 1) // limit) * limit) if total else 0
        links.append(f'<{url(last)}>; rel="last"')
        return ", ".join(links)

    async def get_record(self, request: Request, bound: _Bound, params: dict[str, str]) -> Response:
        """Serve a single-record GET, with ``fields`` selection (unless the dialect ignores it)."""
        dialect = self.dialect
        _, view = self.view_of(bound.op.path)
        key, schema, _ = bound.op.answer
        assert key is not None and schema is not None
        selected = self._fields_param(request, schema) if dialect.fields_on_get else None
        record = self.load(view, params["sourcedId"])
        if self.flavour.projects:
            record = self.flavour.present(view.kind, record)
        if dialect.null_references:
            record = null_references(schema, record)
        if selected is not None:
            record = project(record, selected)
        key = single_key(dialect, bound.op_id, key)
        return await self._send(self._next_action(), json.dumps({key: record}), {})

    async def get_user_with_demographics(
        self, request: Request, bound: _Bound, params: dict[str, str]
    ) -> Response:
        """Serve TimeBack's user-with-demographics: the user plus its demographics record."""
        user = self.load(VIEWS["users"], params["userSourcedId"])
        demographics = self.store.get("demographics", user["sourcedId"])
        if demographics is not None:
            user["demographics"] = demographics
        return await self._send(self._next_action(), json.dumps({"user": user}), {})

    async def get_agents(self, request: Request, bound: _Bound, params: dict[str, str]) -> Response:
        """Serve the agents (parents, guardians...) a user lists."""
        user = self.load(VIEWS["users"], params["userSourcedId"])
        agents = [
            agent
            for ref in user.get("agents") or []
            if isinstance(ref, Mapping)
            and (agent := self.store.get("users", str(ref.get("sourcedId")))) is not None
        ]
        return await self._send(self._next_action(), json.dumps({"agents": agents}), {})

    # -- writes -------------------------------------------------------------------

    async def _json_body(self, request: Request) -> Any:
        """Read the whole body as JSON (before any record is loaded), hrefs to here made relative."""
        raw = await request.body()
        try:
            value = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            raise ApiError(400, "invaliddata", "the request body is not valid JSON") from None
        except RecursionError:
            raise ApiError(400, "invaliddata", "the request body is nested too deeply") from None
        if json_depth(value) > _MAX_JSON_DEPTH:
            raise ApiError(
                400, "invaliddata", f"the request body is nested deeper than {_MAX_JSON_DEPTH} levels"
            )
        return self.hrefs.relative(value, base=_BASE_URL.get())

    async def _envelope(self, request: Request, bound: _Bound) -> tuple[str, Any]:
        key, schema, _ = bound.op.body
        assert key is not None and schema is not None
        body = await self._json_body(request)
        if not isinstance(body, dict) or key not in body:
            raise ApiError(400, "invaliddata", f"the request body must be a JSON object with the key {key!r}")
        return schema, body[key]

    def _check_record(self, kind: str, schema: str, record: Any, *, partial: bool = False) -> dict[str, Any]:
        if not isinstance(record, dict):
            raise ApiError(422, "invaliddata", f"a {schema} record must be a JSON object")
        shapes = SCHEMA_FIELDS[schema]
        unknown = sorted(set(record) - set(shapes))
        if unknown:
            raise ApiError(422, "invaliddata", f"unknown field(s) for {schema}: {', '.join(unknown)}")
        for name, value in record.items():
            shape = shapes[name]
            ok = (
                value is None
                or (shape == "array" and isinstance(value, list))
                or (shape == "object" and isinstance(value, dict))
                or (shape == "scalar" and isinstance(value, str | int | float | bool))
            )
            if not ok:
                raise ApiError(
                    422, "invaliddata", f"{schema}.{name} must be {shape}, got {type(value).__name__}"
                )
        if not partial:
            missing = [
                f
                for f in REQUIRED_FIELDS.get(schema, ())
                if f not in _SERVER_FIELDS and record.get(f) in (None, [])
            ]
            if missing:
                raise ApiError(
                    422, "invaliddata", f"{schema} is missing required field(s): {', '.join(missing)}"
                )
        status = record.get("status")
        if status is not None and status not in ("active", "tobedeleted"):
            raise ApiError(422, "invaliddata", f"status must be 'active' or 'tobedeleted', not {status!r}")
        for name, target in REFERENCES.get(kind, {}).items():
            ref = record.get(name)
            if ref is None:
                continue
            if not isinstance(ref.get("sourcedId"), str):
                raise ApiError(422, "invaliddata", f"{schema}.{name} must be a reference with a sourcedId")
            if self.store.get(target, ref["sourcedId"]) is None:
                raise ApiError(
                    422, "invaliddata", f"{schema}.{name} points at unknown {target} {ref['sourcedId']!r}"
                )
        return record

    def _stamp(self, view: View, record: dict[str, Any]) -> dict[str, Any]:
        record.setdefault("status", "active")
        record["dateLastModified"] = _timestamp(self.config.now())
        if view.facet and view.kind in ("orgs", "academicSessions"):
            record.setdefault("type", view.facet)
            if record["type"] != view.facet:
                raise ApiError(
                    422, "invaliddata", f"a record of /{view.facet}s must have type {view.facet!r}"
                )
        return record

    async def put_record(self, request: Request, bound: _Bound, params: dict[str, str]) -> Response:
        """Create or replace a record with a client-supplied sourcedId (PUT)."""
        action = self._next_action()
        if (refused := await self._refused(action)) is not None:
            return refused
        _, view = self.view_of(bound.op.path)
        schema, record = await self._envelope(request, bound)
        record = self.flavour.accept(view.kind, record, store=self.store)
        sourced_id = params["sourcedId"]
        if isinstance(record, dict) and record.get("sourcedId", sourced_id) != sourced_id:
            raise ApiError(422, "invaliddata", "the sourcedId in the body differs from the one in the path")
        async with self.locks.hold(view.kind, sourced_id):
            record = self._check_record(view.kind, schema, record)
            record["sourcedId"] = sourced_id
            created = self.store.put(view.kind, self._stamp(view, record))
        if not self.timeback:
            return await self._send(action, "", {}, status=201)
        # TimeBack answers with the record under the same key the request used.
        key = bound.op.body[0]
        return await self._send(action, json.dumps({key: record}), {}, status=201 if created else 200)

    async def patch_record(self, request: Request, bound: _Bound, params: dict[str, str]) -> Response:
        """Merge the given fields into an existing record (PATCH)."""
        action = self._next_action()
        if (refused := await self._refused(action)) is not None:
            return refused
        _, view = self.view_of(bound.op.path)
        schema, changes = await self._envelope(request, bound)
        async with self.locks.hold(view.kind, params["sourcedId"]):
            current = self.load(view, params["sourcedId"])
            changes = self._check_record(view.kind, schema, changes, partial=True)
            if changes.get("sourcedId", current["sourcedId"]) != current["sourcedId"]:
                raise ApiError(422, "invaliddata", "a PATCH cannot change the sourcedId")
            merged = self._stamp(view, {**current, **changes})
            self.store.put(view.kind, merged)
        return await self._send(action, json.dumps({bound.op.body[0]: merged}), {}, status=200)

    async def delete_record(self, request: Request, bound: _Bound, params: dict[str, str]) -> Response:
        """Soft-delete: the record stays, with status ``tobedeleted`` (a retried DELETE is a no-op)."""
        action = self._next_action()
        if (refused := await self._refused(action)) is not None:
            return refused
        _, view = self.view_of(bound.op.path)
        async with self.locks.hold(view.kind, params["sourcedId"]):
            record = self.load(view, params["sourcedId"])
            if record.get("status") != "tobedeleted":
                record["status"] = "tobedeleted"
                record["dateLastModified"] = _timestamp(self.config.now())
                self.store.put(view.kind, record)
        return await self._send(action, "", {}, status=204)

    async def create_records(self, request: Request, bound: _Bound, params: dict[str, str]) -> Response:
        """Create one record (``POST /users``) or a batch under a parent (``POST /classes/{id}/results``)."""
        action = self._next_action()
        if (refused := await self._refused(action)) is not None:
            return refused
        key, schema, is_list = bound.op.body
        assert key is not None and schema is not None
        if bound.op_id in PATH_DEFAULTS:
            kind = next(v.kind for v in VIEWS.values() if v.schema == schema)
            view = VIEWS.get(kind, View(kind, schema))
        else:
            _, view = self.view_of(bound.op.path)
        _, payload = await self._envelope(request, bound)
        records = payload if is_list else [payload]
        if not isinstance(records, list) or not records:
            raise ApiError(400, "invaliddata", f"{key!r} must hold at least one record")
        values = list(params.values())
        prepared = []
        seen: set[str] = set()
        # Check every record before writing any, so a bad batch leaves nothing half-written.
        for record in records:
            if not isinstance(record, dict):
                raise ApiError(422, "invaliddata", f"a {schema} record must be a JSON object")
            record = dict(record)
            for default in PATH_DEFAULTS.get(bound.op_id, ()):
                parent_id = values[default.index]
                if self.store.get(default.kind, parent_id) is None:
                    raise ApiError(404, "unknownobject", f"no {default.kind} with sourcedId {parent_id!r}")
                record[default.target] = reference(default.kind, parent_id)
                for name, value in default.overrides.items():
                    record.setdefault(name, value)
            supplied = record.get("sourcedId")
            if supplied is not None and not isinstance(supplied, str):
                raise ApiError(422, "invaliddata", "sourcedId must be a string")
            allocated = supplied or f"{ref_type(view.kind)}-{uuid.uuid4()}"
            if allocated in seen or self.store.get(view.kind, allocated) is not None:
                raise ApiError(
                    409, "invaliddata", f"a {view.kind} record with sourcedId {allocated!r} already exists"
                )
            seen.add(allocated)
            record = self._check_record(view.kind, schema, record)
            record["sourcedId"] = allocated
            prepared.append((supplied, self._stamp(view, record)))
        for _, record in prepared:
            self.store.put(view.kind, record)
        pairs = [
            {"suppliedSourcedId": s or a["sourcedId"], "allocatedSourcedId": a["sourcedId"]}
            for s, a in prepared
        ]
        # TimeBack's single-record creates answer one pair object; 1EdTech batches answer a list.
        answer: Any = pairs[0] if (self.timeback and not is_list) else pairs
        return await self._send(action, json.dumps({"sourcedIdPairs": answer}), {}, status=201)

    async def add_agent(self, request: Request, bound: _Bound, params: dict[str, str]) -> Response:
        """Link an agent (parent, guardian) to a user; both must exist."""
        action = self._next_action()
        if (refused := await self._refused(action)) is not None:
            return refused
        # The body first: a slow body must not hold a loaded copy of the user while others write it.
        body = await self._json_body(request)
        async with self.locks.hold("users", params["userSourcedId"]):
            user = self.load(VIEWS["users"], params["userSourcedId"])
            agent_id = body.get("agentSourcedId") if isinstance(body, dict) else None
            if not isinstance(agent_id, str) or not agent_id:
                raise ApiError(400, "invaliddata", 'the body must be {"agentSourcedId": "..."}')
            if self.store.get("users", agent_id) is None:
                raise ApiError(422, "invaliddata", f"no user with sourcedId {agent_id!r} to link as an agent")
            agents = list(user.get("agents") or [])
            if not any(isinstance(a, Mapping) and a.get("sourcedId") == agent_id for a in agents):
                agents.append(reference("users", agent_id))
                user["agents"] = agents
                user["dateLastModified"] = _timestamp(self.config.now())
                self.store.put("users", user)
        return await self._send(action, "", {}, status=200)

    async def delete_agent(self, request: Request, bound: _Bound, params: dict[str, str]) -> Response:
        """Unlink an agent from a user (404 if it was not linked)."""
        action = self._next_action()
        if (refused := await self._refused(action)) is not None:
            return refused
        async with self.locks.hold("users", params["userSourcedId"]):
            user = self.load(VIEWS["users"], params["userSourcedId"])
            agent_id = params["agentSourcedId"]
            agents = [
                a
                for a in user.get("agents") or []
                if not (isinstance(a, Mapping) and a.get("sourcedId") == agent_id)
            ]
            if len(agents) == len(user.get("agents") or []):
                raise ApiError(404, "unknownobject", f"{agent_id!r} is not an agent of {user['sourcedId']!r}")
            user["agents"] = agents
            user["dateLastModified"] = _timestamp(self.config.now())
            self.store.put("users", user)
        return await self._send(action, "", {}, status=204)

    async def register_credentials(self, request: Request, bound: _Bound, params: dict[str, str]) -> Response:
        """Store a user's credentials for an application; the password is only given back by decrypt."""
        action = self._next_action()
        if (refused := await self._refused(action)) is not None:
            return refused
        body = await self._json_body(request)
        user = self.load(VIEWS["users"], params["userSourcedId"])
        creds = body.get("credentials") if isinstance(body, dict) else None
        app_name = body.get("applicationName") if isinstance(body, dict) else None
        if (
            not isinstance(app_name, str)
            or not isinstance(creds, dict)
            or not all(isinstance(creds.get(k), str) for k in ("username", "password"))
        ):
            raise ApiError(422, "invaliddata", "need applicationName and credentials {username, password}")
        credential_id = f"cred-{user['sourcedId']}-{app_name}"
        existed = self.store.get("credentials", credential_id) is not None
        self.store.put(
            "credentials",
            {
                "sourcedId": credential_id,
                "user": user["sourcedId"],
                "applicationName": app_name,
                "username": creds["username"],
                # Kept reversible on purpose: decrypt must give it back. Never listed anywhere.
                "secret": base64.b64encode(creds["password"].encode()).decode(),
            },
        )
        answer = {
            "userProfileId": f"profile-{user['sourcedId']}",
            "credentialId": credential_id,
            "message": "updated" if existed else "created",
        }
        return await self._send(action, json.dumps(answer), {}, status=200 if existed else 201)

    async def decrypt_credential(self, request: Request, bound: _Bound, params: dict[str, str]) -> Response:
        """Give back the password of one of a user's credentials."""
        action = self._next_action()
        if (refused := await self._refused(action)) is not None:
            return refused
        stored = self.store.get("credentials", params["credentialId"])
        if stored is None or stored.get("user") != params["userSourcedId"]:
            raise ApiError(404, "unknownobject", "no such credential for this user")
        try:
            password = base64.b64decode(stored["secret"]).decode()
        except (binascii.Error, UnicodeDecodeError):
            raise ApiError(500, "internal_server_error", "stored credential is corrupt") from None
        return await self._send(action, json.dumps({"password": password}), {})

    # -- faults and sending ----------------------------------------------------------

    def _next_action(self) -> str:
        action = self.faults.next_action()
        return "ok" if action == "short" else action

    async def _refused(self, action: str) -> Response | None:
        """Answer an injected 429/500/503 before a write touches anything, as real servers do.

        A dropped or truncated answer, by contrast, comes after the write: that is the case
        in which a client must not blindly re-send a POST.
        """
        if action in ("429", "500", "503"):
            return await self._send(action, "", {})
        return None

    async def _send(self, action: str, body: str, headers: dict[str, str], *, status: int = 200) -> Response:
        if self.faults.latency_ms:
            await asyncio.sleep(self.faults.latency_ms / 1000)
        if action == "429":
            return self.error_response(
                ApiError(429, "server_busy", "too many requests (injected)"),
                headers={"Retry-After": f"{self.faults.retry_after:g}"},
            )
        if action in ("500", "503"):
            code = "internal_server_error" if action == "500" else "server_busy"
            return self.error_response(ApiError(int(action), code, f"injected {action}"))
        base = _BASE_URL.get()
        if body and base:
            # Stored hrefs are relative to a service root; answers carry absolute URLs (format: uri).
            body = self.hrefs.absolute(body, base=base)
        data = body.encode()
        if action == "truncate" and data:
            return Response(
                data[: max(1, len(data) // 2)],
                status_code=status,
                media_type="application/json",
                headers=headers,
            )
        if action == "drop":
            return _Dropped(data)
        if not data:
            return Response(status_code=status, headers=headers)
        return Response(data, status_code=status, media_type="application/json", headers=headers)


class _Dropped(Response):
    """An answer whose connection dies halfway through the body (Content-Length promises more).

    Always a 200 with a body: a 204 has no body to cut, and the client never sees the
    status of a dropped answer anyway.
    """

    def __init__(self, data: bytes) -> None:
        super().__init__(status_code=200)
        self._data = data or b'{"dropped": true}'

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send(
            {
                "type": "http.response.start",
                "status": self.status_code,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(self._data)).encode()),
                ],
            }
        )
        await send(
            {"type": "http.response.body", "body": self._data[: len(self._data) // 2], "more_body": True}
        )
        # Returning now leaves the response incomplete; the server closes the connection.


def json_depth(value: Any) -> int:
    """Return how deeply a parsed JSON value nests (a scalar is 0), without recursing.

    Example:
        ```python
        json_depth({"a": [1, {"b": 2}]})    # 3
        ```

    """
    deepest = 0
    stack = [(value, 0)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            stack.extend((child, depth + 1) for child in node.values())
        elif isinstance(node, list):
            stack.extend((child, depth + 1) for child in node)
        else:
            deepest = max(deepest, depth)
            continue
        deepest = max(deepest, depth + 1)
    return deepest


def _basic_credentials(header: str | None) -> tuple[str, str] | None:
    if not header or not header.lower().startswith("basic "):
        return None
    try:
        decoded = base64.b64decode(header[6:].strip(), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        return None
    client_id, sep, secret = decoded.partition(":")
    return (client_id, secret) if sep else None


def create_app(*, store: Store, config: SandboxConfig | None = None) -> Starlette:
    """Return the sandbox as a Starlette application over ``store``.

    Example:
        ```python
        import uvicorn

        uvicorn.run(create_app(store=Store()), host="127.0.0.1", port=8000)
        ```

    """
    sandbox = Sandbox(store=store, config=config or SandboxConfig())

    async def api(request: Request) -> Response:
        sandbox.stats.requests += 1
        client = request.scope.get("client")
        if client:
            sandbox.stats.connections.add((str(client[0]), int(client[1])))
        try:
            return await sandbox.handle(request)
        except ApiError as exc:
            return sandbox.error_response(exc)
        except QueryError as exc:
            return sandbox.error_response(ApiError(400, exc.code_minor, exc.message))

    async def token(request: Request) -> Response:
        # RFC 6749 token requests are always form-urlencoded; parsed here to avoid a multipart dependency.
        fields = dict(urllib.parse.parse_qsl((await request.body()).decode("utf-8", "replace")))
        try:
            answer = sandbox.issuer.issue(
                form=fields, basic=_basic_credentials(request.headers.get("authorization"))
            )
        except AuthFailure as exc:
            headers = {"WWW-Authenticate": "Basic"} if exc.status == 401 else {}
            return JSONResponse({"error": exc.error, "error_description": exc.message}, exc.status, headers)
        return JSONResponse(answer, headers={"Cache-Control": "no-store"})

    def control(
        handler: Callable[[dict[str, Any]], Response],
    ) -> Callable[[Request], Awaitable[Response]]:
        """Guard a control endpoint: a change needs the control header and a JSON object body."""

        async def endpoint(request: Request) -> Response:
            if request.method == "GET":
                return handler({})
            name, value = CONTROL_HEADER
            if request.headers.get(name) != value:
                return JSONResponse({"error": f"a control request needs the header {name}: {value}"}, 403)
            ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype != "application/json":
                return JSONResponse({"error": "a control request needs Content-Type: application/json"}, 415)
            try:
                changes = json.loads(await request.body() or b"{}")
            except (ValueError, RecursionError):
                return JSONResponse({"error": "the body is not valid JSON"}, 400)
            if not isinstance(changes, dict):
                return JSONResponse({"error": "send a JSON object"}, 400)
            try:
                return handler(changes)
            except ValueError as exc:
                return JSONResponse({"error": str(exc)}, 400)

        return endpoint

    def stats(changes: dict[str, Any]) -> Response:
        return JSONResponse(sandbox.counters())

    def reset(changes: dict[str, Any]) -> Response:
        sandbox.reset_counters()
        return Response(status_code=204)

    def faults(changes: dict[str, Any]) -> Response:
        if changes:
            sandbox.faults.update(changes)
        return JSONResponse(sandbox.faults.describe())

    def dialect(changes: dict[str, Any]) -> Response:
        if changes:
            sandbox.set_dialect(changes)
        return JSONResponse(sandbox.dialect.to_dict())

    def expire(changes: dict[str, Any]) -> Response:
        sandbox.issuer.expire_all()
        return Response(status_code=204)

    methods = ["GET", "PUT", "POST", "PATCH", "DELETE"]
    app = Starlette(
        routes=[
            Route(TOKEN_PATH, token, methods=["POST"]),
            *(Route(path, token, methods=["POST"]) for path in sandbox.flavour.token_paths),
            Route("/_sandbox/stats", control(stats), methods=["GET"]),
            Route("/_sandbox/reset", control(reset), methods=["POST"]),
            Route("/_sandbox/faults", control(faults), methods=["GET", "POST"]),
            Route("/_sandbox/dialect", control(dialect), methods=["GET", "POST"]),
            Route("/_sandbox/expire-tokens", control(expire), methods=["POST"]),
            Route("/{path:path}", api, methods=methods),
        ]
    )
    app.state.sandbox = sandbox
    return app
