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
import datetime as dt
import functools
import json
import math
import re
import urllib.parse
import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

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
from oneroster.sandbox.faults import Faults
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

__all__ = ["TOKEN_PATH", "SandboxConfig", "create_app"]

TOKEN_PATH = "/oauth/token"
SERVED_PROFILES = ("ims", "timeback")
_ROOTS = {service: f"/ims/oneroster/{service}/v1p2" for service in ("rostering", "gradebook", "resources")}
# Filled in by the server, never required from a client's write.
_SERVER_FIELDS = {"sourcedId", "status", "dateLastModified"}


@dataclass
class SandboxConfig:
    """How the sandbox behaves: profile, clients, paging limits, faults.

    ``profile`` is ``timeback`` (the 1EdTech operations plus TimeBack's writes, agents,
    credentials; paging totals also in the body) or ``ims`` (the official operation set
    and answers only).

    Example:
        ```python
        SandboxConfig(profile="ims", clients={"me": "my-secret"}, max_limit=1000)
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

    def __post_init__(self) -> None:
        if self.profile not in SERVED_PROFILES:
            raise ValueError(f"profile must be one of {', '.join(SERVED_PROFILES)}, not {self.profile!r}")
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


def _error_response(exc: ApiError, *, headers: Mapping[str, str] | None = None) -> JSONResponse:
    body = imsx_body(code_minor=exc.code_minor, description=exc.description, major=exc.major)
    return JSONResponse(body, status_code=exc.status, headers=dict(headers or {}))


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
    names = tuple(re.findall(r"\{(\w+)\}", path))
    regex = re.sub(r"\\\{\w+\\\}", "([^/]+)", re.escape(root + path))
    return re.compile(regex + r"\Z"), names


def _literal_rank(path: str) -> tuple[int, ...]:
    # Literal segments must win over parameters: /courses/components before /courses/{sourcedId}.
    return tuple(1 if seg.startswith("{") else 0 for seg in path.strip("/").split("/"))


def _mount(profile: str) -> list[_Bound]:
    bound = []
    for op_id, op in OPERATIONS.items():
        if profile in op.profiles:
            pattern, params = _compile(_ROOTS[op.service], op.path)
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


class Sandbox:
    """The application state and handlers; :func:`create_app` wraps it in Starlette."""

    def __init__(self, *, store: Store, config: SandboxConfig) -> None:
        self.store = store
        self.config = config
        self.faults = config.faults
        self.issuer = TokenIssuer(
            clients=config.clients, ttl=config.token_ttl, static_tokens=config.static_tokens
        )
        self.stats = Stats()
        self.routes = _mount(config.profile)
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

    # -- dispatch -----------------------------------------------------------------

    def match(self, method: str, path: str) -> tuple[_Bound, dict[str, str]]:
        """Return the operation serving ``method path`` and its path parameters (or raise 404/405)."""
        if len(path) > 1 and path.endswith("/"):
            # TimeBack needs the trailing slash on collections; accept both spellings.
            path = path[:-1]
        allowed = False
        for bound in self.routes:
            found = bound.pattern.match(path)
            if found is None:
                continue
            if bound.op.method != method:
                allowed = True
                continue
            return bound, dict(zip(bound.params, found.groups(), strict=True))
        if allowed:
            raise ApiError(405, "invaliddata", f"{method} is not allowed on {path}")
        raise ApiError(404, "unknownobject", f"no operation at {path} in the {self.config.profile} profile")

    async def handle(self, request: Request) -> Response:
        """Serve one API request: match, authorise, inject faults, run the handler."""
        bound, params = self.match(request.method, request.url.path)
        self.stats.by_operation[bound.op_id] = self.stats.by_operation.get(bound.op_id, 0) + 1
        try:
            self.issuer.check(request.headers.get("authorization"), required=bound.op.scopes)
        except AuthFailure as exc:
            code = "unauthorisedrequest" if exc.status == 401 else "forbidden"
            headers = {"WWW-Authenticate": f'Bearer error="{exc.error}"'} if exc.status == 401 else {}
            return _error_response(ApiError(exc.status, code, exc.message), headers=headers)
        if bound.op_id in NOT_MODELLED:
            raise ApiError(501, "unsupported", NOT_MODELLED[bound.op_id], major="unsupported")
        return await self._handlers[bound.op_id](request, bound, params)

    def _handler_for(self, bound: _Bound) -> Callable[[Request, _Bound, dict[str, str]], Awaitable[Response]]:
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

    @staticmethod
    def _fields_param(request: Request, schema: str) -> tuple[str, ...] | None:
        text = request.query_params.get("fields")
        return None if text is None else parse_fields(text, schema_fields=SCHEMA_FIELDS[schema])

    def _int_param(self, request: Request, name: str, default: int, minimum: int) -> int:
        text = request.query_params.get(name)
        if text is None:
            return default
        try:
            value = int(text)
        except ValueError:
            raise ApiError(400, "invaliddata", f"{name} must be an integer, got {text!r}") from None
        if value < minimum:
            raise ApiError(400, "invaliddata", f"{name} must be at least {minimum}, got {value}")
        return value

    # -- reads --------------------------------------------------------------------

    async def list_records(self, request: Request, bound: _Bound, params: dict[str, str]) -> Response:
        """Serve a collection GET: filter, search, sort, fields, limit/offset, totals and Link."""
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
        limit = min(self._int_param(request, "limit", self.config.default_limit, 1), self.config.max_limit)
        offset = self._int_param(request, "offset", 0, 0)
        selected = self._fields_param(request, schema)
        narrowed = False
        if query.get("filter") is not None:
            sql, extra = filter_sql(parse_filter(query["filter"]), schema_fields=fields, column="r.data")
            where, narrowed = f"{where} AND ({sql})", True
            args.extend(extra)
        if query.get("search") is not None:
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
        if action == "short" and len(texts) > 1 and offset + len(texts) < total:
            texts = texts[: max(1, len(texts) // 2)]
        if selected is not None:
            texts = [json.dumps(project(json.loads(t), selected)) for t in texts]
        body = '{"' + key + '":[' + ",".join(texts) + "]"
        if self.timeback:
            pages = math.ceil(total / limit) if limit else 0
            body += (
                f',"totalCount":{total},"pageCount":{pages},"pageNumber":{offset // limit + 1},'
                f'"offset":{offset},"limit":{limit}'
            )
        body += "}"
        headers = {} if self.faults.omit_total else {"X-Total-Count": str(total)}
        if not self.faults.omit_link:
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
        """Serve a single-record GET, with ``fields`` selection."""
        _, view = self.view_of(bound.op.path)
        key, schema, _ = bound.op.answer
        assert key is not None and schema is not None
        selected = self._fields_param(request, schema)
        record = self.load(view, params["sourcedId"])
        if selected is not None:
            record = project(record, selected)
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
        raw = await request.body()
        try:
            return json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            raise ApiError(400, "invaliddata", "the request body is not valid JSON") from None

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
        sourced_id = params["sourcedId"]
        if isinstance(record, dict) and record.get("sourcedId", sourced_id) != sourced_id:
            raise ApiError(422, "invaliddata", "the sourcedId in the body differs from the one in the path")
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
        user = self.load(VIEWS["users"], params["userSourcedId"])
        body = await self._json_body(request)
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
        user = self.load(VIEWS["users"], params["userSourcedId"])
        body = await self._json_body(request)
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
            return _error_response(
                ApiError(429, "server_busy", "too many requests (injected)"),
                headers={"Retry-After": f"{self.faults.retry_after:g}"},
            )
        if action in ("500", "503"):
            code = "internal_server_error" if action == "500" else "server_busy"
            return _error_response(ApiError(int(action), code, f"injected {action}"))
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
            return _error_response(exc)
        except QueryError as exc:
            return _error_response(ApiError(400, exc.code_minor, exc.message))

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

    async def stats(request: Request) -> Response:
        return JSONResponse(sandbox.counters())

    async def reset(request: Request) -> Response:
        sandbox.reset_counters()
        return Response(status_code=204)

    async def faults(request: Request) -> Response:
        if request.method == "POST":
            try:
                changes = json.loads(await request.body() or b"{}")
                if not isinstance(changes, dict):
                    raise ValueError("send a JSON object of fault settings")
                sandbox.faults.update(changes)
            except ValueError as exc:
                return JSONResponse({"error": str(exc)}, 400)
        return JSONResponse(sandbox.faults.describe())

    async def expire(request: Request) -> Response:
        sandbox.issuer.expire_all()
        return Response(status_code=204)

    methods = ["GET", "PUT", "POST", "PATCH", "DELETE"]
    app = Starlette(
        routes=[
            Route(TOKEN_PATH, token, methods=["POST"]),
            Route("/_sandbox/stats", stats, methods=["GET"]),
            Route("/_sandbox/reset", reset, methods=["POST"]),
            Route("/_sandbox/faults", faults, methods=["GET", "POST"]),
            Route("/_sandbox/expire-tokens", expire, methods=["POST"]),
            Route("/{path:path}", api, methods=methods),
        ]
    )
    app.state.sandbox = sandbox
    return app
