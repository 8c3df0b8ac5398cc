"""The ``timeback-platform`` profile: TimeBack's platform API (``/rostering/1.0``) over the district.

What the platform does differently, from its own documents (seeds 003 and 004, and
BINDING.md section 7), each modelled here:

- **One root**, ``/rostering/1.0``, with exactly the operations the spec marks
  ``timeback-platform`` (26): reads of users, orgs, courses, classes, enrollments and terms,
  the nested enrollments of a user and of a class, upserts (``PUT``) and soft deletes, and
  the onboarding calls: ``PUT /students`` (upsertStudent), ``PUT``/``DELETE
  /students/{id}/agents/{agentId}``, ``GET /users/{id}/agents`` and
  ``GET /users/{id}/linked-users``. Tokens are issued at ``/auth/1.0/token`` on the same host
  (seed 004, step 1), as well as at the sandbox's own ``/oauth/token``.
- **Paging**: default ``limit`` 10, at most 100 (a larger one is clamped, as servers do); the
  total is in the body (``{"users": [...], "offset", "limit", "total"}``) and there are no
  ``X-Total-Count``/``Link`` headers; terms are listed under the key ``terms``. An enrollment
  names its class's ``course`` and a term its district (``org``), as seed 003's field lists say.
- **Filters**: at most two predicates and no mixing of AND with OR (OneRoster 1.1's rule,
  which the platform keeps); beyond that, 400 ``invalid_filter_field``. ``role='student'`` on
  users reads the user's roles (seed 003 filters users by role).
- **Ownership**: the platform records which client app wrote a record
  (``metadata.createdByApp``, set by the server from the token's client id) and refuses with
  403 ``forbidden`` to change or delete another app's records, and the platform's own (the
  seeded district has no app: "Alpha-owned"). Users whose primary org is
  ``partner-sandbox`` are everyone's. A class belongs to the app of its course, an
  enrollment to that of its class's course (seed 003).
- **Cascade protection**: deleting a course that still has an active enrollment in one of
  its classes is refused with 409 and the platform's own body
  ``{"error": "Cannot delete course with active enrollments"}``. Seed 003 documents no 409
  for deleting users, classes or enrollments, so those are not refused.
- **Pitfalls refused** (seed 004) with 400 ``invaliddata``: a path id that differs from the
  body's ``sourcedId``, a boolean ``enabledUser`` (it must be the string ``"true"`` or
  ``"false"``), an upserted student without ``primaryOrg`` (or any other field of the
  platform's list: ``username``, ``grades``...), a user without an org on each role.
- **Answers to writes**: ``PUT /users/{id}`` and the other upserts answer 201 when they
  create and 200 when they replace, with ``{"status": "created"|"updated", "sourcedId"}``;
  upsertStudent always answers 200 (seed 004); an agent link answers 201 when it is new and
  200 when it changes, ``DELETE`` 204.
- **Agents**: a link has its own id (the ``{agentId}`` of the path: seed 004 calls it the
  relationship's id) and names the agent in its body's ``user`` (seed 003's body-less form
  means the agent is the path id). ``GET /users/{id}/agents`` answers
  ``{"agents": [{"user": {"sourcedId", "type"}, "relationshipType"}]}``; a link the
  district was seeded with has the agent's role (parent, guardian) as its relationship.

Writes read the whole body before they load the record they change and do not wait on
anything between loading and storing, so two requests to one record cannot interleave.

Example:
    ```python
    from oneroster.sandbox import SandboxConfig, serve

    with serve(config=SandboxConfig(profile="timeback-platform")) as sandbox:
        ...   # http://127.0.0.1:PORT/rostering/1.0/users
    ```

"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from starlette.responses import JSONResponse, Response

from oneroster.operation_index import OPERATIONS, SCHEMA_FIELDS, Operation
from oneroster.sandbox.app import ApiError, _timestamp
from oneroster.sandbox.catalog import RELATIONS, VIEWS, reference
from oneroster.sandbox.flavour import Flavour, Handler, rebase_hrefs
from oneroster.sandbox.query import Comparison, Logical, Node, QueryError
from oneroster.sandbox.seed import PARTNER_SANDBOX_ORG, platform_records

if TYPE_CHECKING:
    from starlette.requests import Request

    from oneroster.sandbox.app import Sandbox, _Bound
    from oneroster.sandbox.store import Store

__all__ = ["DEFAULT_LIMIT", "MAX_LIMIT", "MAX_PREDICATES", "OWNER", "ROOT", "TOKEN_PATH", "Platform"]

ROOT = "/rostering/1.0"
#: The platform's token endpoint, on the API's host (the ``timeback-platform`` environments' token URL).
TOKEN_PATH = "/auth/1.0/token"
DEFAULT_LIMIT = 10
MAX_LIMIT = 100
MAX_PREDICATES = 2
#: The metadata key that names the client app which wrote a record.
OWNER = "createdByApp"
#: Where the platform keeps agent links (a link has an id and a relationship, which 1.2 lacks).
LINKS = "agentLinks"

# What a platform write must carry, beyond the sourcedId, status and dateLastModified the
# server checks and fills (seed 003's "Required fields" of each PUT).
REQUIRED: dict[str, tuple[str, ...]] = {
    "users": ("givenName", "familyName", "email", "roles"),
    "courses": ("title", "org"),
    "classes": ("title", "course", "school", "classType"),
    "enrollments": ("user", "class", "role"),
}
# References the platform's answers carry beyond the 1.2 records (seed 003's field lists).
_ADDED_REFERENCES = {"Enrollment": ("course",), "AcademicSession": ("org",)}
# Relationships a link the district was seeded with gets: the agent's own role.
_RELATIONSHIP_ROLES = ("parent", "guardian", "relative")
# The platform lists terms under their own name (seed 003), not academicSessions.
_LIST_KEYS = {"getAllTerms": "terms"}
_COURSE_ENROLLMENTS = (
    "r.kind = 'enrollments' AND json_extract(r.data, '$.status') = 'active' "
    "AND json_extract(r.data, '$.class.sourcedId') IN (SELECT c.sourced_id FROM records AS c "
    "WHERE c.kind = 'classes' AND json_extract(c.data, '$.course.sourcedId') = ?)"
)


def _invalid(message: str) -> ApiError:
    return ApiError(400, "invaliddata", message)


def _count_predicates(node: Node) -> int:
    return 1 if isinstance(node, Comparison) else sum(_count_predicates(part) for part in node.parts)


def _connectors(node: Node) -> set[str]:
    if isinstance(node, Comparison):
        return set()
    return {node.op}.union(*(_connectors(part) for part in node.parts))


def _alias_role(node: Node) -> Node:
    if isinstance(node, Logical):
        return Logical(node.op, tuple(_alias_role(part) for part in node.parts))
    if node.field == ("role",):
        return Comparison(("roles", "role"), node.op, node.value)
    return node


def _ref_id(value: object) -> str | None:
    if isinstance(value, Mapping) and isinstance(value.get("sourcedId"), str) and value["sourcedId"]:
        return str(value["sourcedId"])
    return None


class Platform(Flavour):
    """The TimeBack platform: ``/rostering/1.0``, its paging, filter rules, ownership and onboarding.

    Example:
        ```python
        Platform().limits(100, 3000)    # (10, 100)
        ```

    """

    paging_headers = False
    projects = True

    def __init__(self) -> None:
        super().__init__("timeback-platform")
        self.roots = {"rostering": ROOT}
        self._store: Store | None = None
        # Seed 004, step 1: the platform issues its tokens at /auth/1.0/token on the API's own host.
        self.token_paths = (TOKEN_PATH,)

    # -- what is served, and how lists look ---------------------------------------------------------

    def serves(self, op_id: str, op: Operation) -> bool:
        """Mount the operations the spec marks ``timeback-platform``."""
        return self.name in op.profiles

    def limits(self, default: int, maximum: int) -> tuple[int, int]:
        """Default 10 and at most 100 per page; a sandbox configured lower stays lower."""
        return min(DEFAULT_LIMIT, default), min(MAX_LIMIT, maximum)

    def list_body(
        self, op_id: str, key: str, texts: list[str], *, total: int, offset: int, limit: int
    ) -> str | None:
        """Answer ``{"<collection>": [...], "offset": o, "limit": l, "total": n}``."""
        name = _LIST_KEYS.get(op_id, key)
        return (
            '{"' + name + '":[' + ",".join(texts) + f'],"offset":{offset},"limit":{limit},"total":{total}}}'
        )

    def filter(self, node: Node, schema: str) -> Node:
        """Refuse more than two predicates or AND mixed with OR; read ``role`` on users as their roles."""
        # Mixing first: its message says more than the count about a=1 AND (b=2 OR c=3).
        if len(_connectors(node)) > 1:
            raise QueryError(
                "the filter mixes AND and OR, which the platform does not accept",
                code_minor="invalid_filter_field",
                parameter="filter",
            )
        count = _count_predicates(node)
        if count > MAX_PREDICATES:
            raise QueryError(
                f"the filter has {count} predicates; the platform accepts at most {MAX_PREDICATES} "
                "joined by one AND or OR",
                code_minor="invalid_filter_field",
                parameter="filter",
            )
        return _alias_role(node) if schema == "User" else node

    def selectable(self, schema: str) -> Mapping[str, str]:
        """Return the 1.2 fields, and the references the platform adds (enrollment course, term org)."""
        added = _ADDED_REFERENCES.get(schema)
        return {**SCHEMA_FIELDS[schema], **dict.fromkeys(added, "object")} if added else SCHEMA_FIELDS[schema]

    def present(self, kind: str, record: dict[str, Any]) -> dict[str, Any]:
        """Answer records as stored, their hrefs below ``/rostering/1.0``.

        An enrollment also names its class's ``course``, and a term the district it belongs to
        (``org``): seed 003 lists both among the fields of its answers, as TimeBack's own
        records require them.
        """
        record = dict(record)
        if self._store is not None and kind == "enrollments" and "course" not in record:
            klass = self._store.get("classes", _ref_id(record.get("class")) or "")
            if klass is not None and _ref_id(klass.get("course")) is not None:
                record["course"] = dict(klass["course"])
        if self._store is not None and kind == "academicSessions" and "org" not in record:
            district = next((o for o in self._store.iter_kind("orgs") if o.get("type") == "district"), None)
            if district is not None:
                record["org"] = reference("orgs", str(district["sourcedId"]))
        return dict(rebase_hrefs(record, ROOT))

    def prepare(self, store: Store) -> None:
        """Load the platform's partner records (the sandbox org, another app's records) once."""
        self._store = store
        if store.get("orgs", PARTNER_SANDBOX_ORG) is None:
            for kind, record in platform_records():
                if store.get(kind, str(record["sourcedId"])) is None:
                    store.put(kind, record)

    def handlers(self, sandbox: Sandbox) -> Mapping[str, Handler]:
        """Serve the platform's writes, agent links and linked users with the platform's code."""
        served = _Served(sandbox)
        return {
            "upsertStudent": served.upsert_student,
            "updateUser": served.put_record,
            "putCourse": served.put_record,
            "updateClass": served.put_record,
            "updateEnrollment": served.put_record,
            "deleteUser": served.delete_record,
            "deleteCourse": served.delete_record,
            "deleteClass": served.delete_record,
            "deleteEnrollment": served.delete_record,
            "upsertStudentAgent": served.put_agent,
            "deleteStudentAgent": served.delete_agent,
            "getAgents": served.get_agents,
            "getLinkedUsers": served.get_linked_users,
        }


class _Served:
    """The platform's own handlers, over the sandbox's store, faults and answers."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sb = sandbox
        self.store = sandbox.store

    # -- who may write what ----------------------------------------------------------------------------

    @staticmethod
    def caller(request: Request) -> str:
        """Return the client app of the request's token (kept by the sandbox's authorisation step)."""
        grant = getattr(request.state, "grant", None)
        return str(getattr(grant, "client_id", ""))

    @staticmethod
    def _app_of(record: Mapping[str, Any] | None) -> str | None:
        metadata = record.get("metadata") if record else None
        owner = metadata.get(OWNER) if isinstance(metadata, Mapping) else None
        return owner if isinstance(owner, str) else None

    def owner_of(self, kind: str, record: Mapping[str, Any]) -> str | None:
        """Return the app a record belongs to: its own, or its course's (classes, enrollments)."""
        if kind == "enrollments":
            klass = self.store.get("classes", _ref_id(record.get("class")) or "")
            return self.owner_of("classes", klass) if klass else self._app_of(record)
        if kind == "classes":
            course = self.store.get("courses", _ref_id(record.get("course")) or "")
            return self._app_of(course) if course else self._app_of(record)
        return self._app_of(record)

    def check_owner(self, kind: str, record: Mapping[str, Any], caller: str) -> None:
        """Raise 403 unless ``caller`` may change ``record`` (its own, or a sandbox-scoped user)."""
        if kind == "users" and _ref_id(record.get("primaryOrg")) == PARTNER_SANDBOX_ORG:
            return
        if self.owner_of(kind, record) != caller:
            what = f"{VIEWS[kind].schema.lower()} {record.get('sourcedId')!r}"
            raise ApiError(403, "forbidden", f"{what} is not owned by your client application")

    # -- checks of a written record ------------------------------------------------------------------

    @staticmethod
    def envelope(body: Any, key: str) -> dict[str, Any]:
        """Return the record of a ``{key: {...}}`` body, or raise 400."""
        if not isinstance(body, dict) or not isinstance(body.get(key), dict):
            raise _invalid(f'the request body must be {{"{key}": {{...}}}}')
        return dict(body[key])

    @staticmethod
    def pitfalls(record: Mapping[str, Any]) -> None:
        """Refuse what the platform's onboarding guide names as pitfalls (boolean enabledUser)."""
        value = record.get("enabledUser")
        if isinstance(value, bool):
            raise _invalid(f"enabledUser must be the string 'true' or 'false', not the boolean {value}")
        if value is not None and value not in ("true", "false"):
            raise _invalid(f"enabledUser must be 'true' or 'false', not {value!r}")

    @staticmethod
    def require(record: Mapping[str, Any], fields: tuple[str, ...], what: str) -> None:
        """400 naming every field of ``fields`` the record lacks (null, '' and [] count as missing)."""
        missing = [name for name in fields if record.get(name) in (None, "", [])]
        if missing:
            raise _invalid(f"{what} is missing required field(s): {', '.join(missing)}")

    def require_org(self, value: object, field: str) -> None:
        """422 unless ``value`` is a reference to an existing org."""
        org_id = _ref_id(value)
        if org_id is None:
            raise _invalid(f"{field} must be a reference {{'sourcedId': ...}} to an org")
        if self.store.get("orgs", org_id) is None:
            raise ApiError(422, "invaliddata", f"{field} points at unknown org {org_id!r}")

    def check_roles(self, record: dict[str, Any]) -> None:
        """Each role needs a role and an existing org (seed 003: at least one, each with an org)."""
        roles = record.get("roles")
        if not isinstance(roles, list) or not roles:
            raise _invalid("a user needs roles: at least one {'role': ..., 'org': {'sourcedId': ...}}")
        for index, role in enumerate(roles):
            if not isinstance(role, dict) or not isinstance(role.get("role"), str) or not role["role"]:
                raise _invalid(f"roles[{index}] needs a role such as 'student'")
            self.require_org(role.get("org"), f"roles[{index}].org")
            role.setdefault("roleType", "primary")
        if record.get("primaryOrg") is not None:
            self.require_org(record["primaryOrg"], "primaryOrg")

    def normalise(self, kind: str, record: dict[str, Any]) -> dict[str, Any]:
        """Fill in what the platform fills in, and accept its spellings, before the record is checked."""
        if kind == "users":
            record.setdefault("enabledUser", "true")
        if kind == "classes" and "org" in record:
            # The platform names a class's school ``org`` (seed 003); the district stores ``school``.
            record.setdefault("school", record["org"])
            del record["org"]
        if kind == "classes" and record.get("terms") is None:
            record["terms"] = []
        if kind == "enrollments" and record.get("school") is None:
            # The platform does not ask for the enrollment's school: it is its class's.
            klass = self.store.get("classes", _ref_id(record.get("class")) or "")
            if klass is not None and isinstance(klass.get("school"), dict):
                record["school"] = dict(klass["school"])
        return record

    def stamp(self, record: dict[str, Any], current: Mapping[str, Any] | None, caller: str) -> None:
        """Record the writing app (a replaced record keeps its owner) and the modification time."""
        metadata = dict(record.get("metadata") or {})
        metadata[OWNER] = self._app_of(current) if current is not None else caller
        if metadata[OWNER] is None:
            del metadata[OWNER]
        record["metadata"] = metadata
        record.setdefault("status", "active")
        record["dateLastModified"] = _timestamp(self.sb.config.now())

    async def _written(
        self, action: str, sourced_id: str, *, created: bool, status: int | None = None
    ) -> Response:
        answer = {"status": "created" if created else "updated", "sourcedId": sourced_id}
        code = status if status is not None else (201 if created else 200)
        return await self.sb._send(action, json.dumps(answer), {}, status=code)

    # -- upserts ------------------------------------------------------------------------------------------

    async def put_record(self, request: Request, bound: _Bound, params: dict[str, str]) -> Response:
        """``PUT /users|courses|classes|enrollments/{id}``: create (201) or replace (200) one's own record."""
        action = self.sb._next_action()
        if (refused := await self.sb._refused(action)) is not None:
            return refused
        caller = self.caller(request)
        key, schema, _ = bound.op.body
        assert key is not None and schema is not None
        # The whole body is read before the record is loaded: nothing is awaited from here to the write.
        record = self.envelope(await self.sb._json_body(request), key)
        _, view = self.sb.view_of(bound.op.path)
        sourced_id = params["sourcedId"]
        if record.get("sourcedId", sourced_id) != sourced_id:
            raise _invalid(
                f"the sourcedId in the body ({record.get('sourcedId')!r}) must match the one in the path "
                f"({sourced_id!r})"
            )
        record["sourcedId"] = sourced_id
        record = self.normalise(view.kind, record)
        self.pitfalls(record)
        self.require(record, REQUIRED[view.kind], schema)
        if view.kind == "users":
            self.check_roles(record)
        record = self.sb._check_record(view.kind, schema, record, partial=True)
        current = self.store.get(view.kind, sourced_id)
        if current is not None:
            self.check_owner(view.kind, current, caller)
        self.stamp(record, current, caller)
        created = self.store.put(view.kind, record)
        return await self._written(action, sourced_id, created=created)

    async def upsert_student(self, request: Request, bound: _Bound, params: dict[str, str]) -> Response:
        """``PUT /students`` with ``{"student": {...}}``: create or replace a student; always 200."""
        action = self.sb._next_action()
        if (refused := await self.sb._refused(action)) is not None:
            return refused
        caller = self.caller(request)
        record = self.envelope(await self.sb._json_body(request), "student")
        sourced_id = record.get("sourcedId")
        if not isinstance(sourced_id, str) or not sourced_id:
            raise _invalid("the student needs a sourcedId (you choose it)")
        self.pitfalls(record)
        own = dict(OPERATIONS["upsertStudent"].profile_required)["timeback-platform"]
        required = tuple(f for f in own if f != "dateLastModified")
        self.require(record, required, "the student")
        self.require_org(record["primaryOrg"], "primaryOrg")
        if not record.get("roles"):
            record["roles"] = [{"roleType": "primary", "role": "student", "org": dict(record["primaryOrg"])}]
        self.check_roles(record)
        record = self.sb._check_record("users", "User", record, partial=True)
        current = self.store.get("users", sourced_id)
        if current is not None:
            self.check_owner("users", current, caller)
        self.stamp(record, current, caller)
        created = self.store.put("users", record)
        return await self._written(action, sourced_id, created=created, status=200)

    # -- soft deletes ------------------------------------------------------------------------------------

    async def delete_record(self, request: Request, bound: _Bound, params: dict[str, str]) -> Response:
        """Soft-delete one's own record; a course with active enrollments is a 409."""
        action = self.sb._next_action()
        if (refused := await self.sb._refused(action)) is not None:
            return refused
        _, view = self.sb.view_of(bound.op.path)
        record = self.sb.load(view, params["sourcedId"])
        self.check_owner(view.kind, record, self.caller(request))
        if view.kind == "courses" and self.store.count_where(_COURSE_ENROLLMENTS, [record["sourcedId"]]):
            # The platform's own body here, not an imsx one (seed 003).
            return JSONResponse({"error": "Cannot delete course with active enrollments"}, status_code=409)
        if record.get("status") != "tobedeleted":
            record["status"] = "tobedeleted"
            record["dateLastModified"] = _timestamp(self.sb.config.now())
            self.store.put(view.kind, record)
        return await self.sb._send(action, "", {}, status=204)

    # -- agents -------------------------------------------------------------------------------------------

    def _links(self, student_id: str) -> dict[str, dict[str, Any]]:
        """Return the student's active agent links, by the agent's sourcedId."""
        texts = self.store.select(
            "r.kind = ? AND json_extract(r.data, '$.student') = ? "
            "AND json_extract(r.data, '$.status') = 'active'",
            [LINKS, student_id],
        )
        links = [json.loads(text) for text in texts]
        return {str(link["user"]["sourcedId"]): link for link in links}

    async def put_agent(self, request: Request, bound: _Bound, params: dict[str, str]) -> Response:
        """``PUT /students/{id}/agents/{agentId}``: link an agent (201 when new, 200 when changed)."""
        action = self.sb._next_action()
        if (refused := await self.sb._refused(action)) is not None:
            return refused
        caller = self.caller(request)
        raw = await request.body()
        body: Any = {}
        if raw.strip():
            body = await self.sb._json_body(request)
        if not isinstance(body, dict):
            raise _invalid('the body must be {"user": {"sourcedId": ...}, "relationshipType": "..."}')
        link_id = params["agentSourcedId"]
        agent_id = _ref_id(body.get("user")) if body.get("user") is not None else link_id
        if agent_id is None:
            raise _invalid("user must be a reference {'sourcedId': ..., 'type': 'user'} to the agent")
        relationship = body.get("relationshipType")
        if relationship is not None and (not isinstance(relationship, str) or not relationship):
            raise _invalid("relationshipType must be a non-empty string such as 'parent'")
        student = self.sb.load(VIEWS["students"], params["studentSourcedId"])
        self.check_owner("users", student, caller)
        if agent_id == student["sourcedId"]:
            raise _invalid("a student cannot be their own agent")
        if self.store.get("users", agent_id) is None:
            raise ApiError(422, "invaliddata", f"no user with sourcedId {agent_id!r} to link as an agent")
        key = f"{student['sourcedId']}/{link_id}"
        existing = self.store.get(LINKS, key)
        active = existing is not None and existing.get("status") == "active"
        previous = existing["user"]["sourcedId"] if existing is not None and active else None
        now = _timestamp(self.sb.config.now())
        self.store.put(
            LINKS,
            {
                "sourcedId": key,
                "status": "active",
                "dateLastModified": now,
                "student": student["sourcedId"],
                "link": link_id,
                "user": {"sourcedId": agent_id, "type": "user"},
                "relationshipType": relationship,
                "metadata": {OWNER: caller},
            },
        )
        agents = [a for a in student.get("agents") or [] if isinstance(a, Mapping)]
        if previous is not None and previous != agent_id:
            still = set(self._links(student["sourcedId"]))
            agents = [a for a in agents if a.get("sourcedId") != previous or previous in still]
        if not any(a.get("sourcedId") == agent_id for a in agents):
            agents.append(reference("users", agent_id))
        student["agents"] = agents
        student["dateLastModified"] = now
        self.store.put("users", student)
        created = previous is None
        return await self.sb._send(action, json.dumps({"status": "ok"}), {}, status=201 if created else 200)

    async def delete_agent(self, request: Request, bound: _Bound, params: dict[str, str]) -> Response:
        """``DELETE /students/{id}/agents/{agentId}``: unlink, by the link's id or the agent's; 204."""
        action = self.sb._next_action()
        if (refused := await self.sb._refused(action)) is not None:
            return refused
        student = self.sb.load(VIEWS["students"], params["studentSourcedId"])
        self.check_owner("users", student, self.caller(request))
        student_id, wanted = str(student["sourcedId"]), params["agentSourcedId"]
        link = self.store.get(LINKS, f"{student_id}/{wanted}")
        if link is not None and link.get("status") == "active":
            gone = [link]
        else:
            # No link with that id: the path names the agent (seed 003), every link to whom goes.
            gone = [other for agent_id, other in self._links(student_id).items() if agent_id == wanted]
        agent_id = str(gone[0]["user"]["sourcedId"]) if gone else wanted
        agents = [a for a in student.get("agents") or [] if isinstance(a, Mapping)]
        if not gone and not any(a.get("sourcedId") == agent_id for a in agents):
            raise ApiError(404, "unknownobject", f"{wanted!r} is not an agent of {student_id!r}")
        for old in gone:
            old["status"] = "tobedeleted"
            self.store.put(LINKS, old)
        if agent_id not in self._links(student_id):
            student["agents"] = [a for a in agents if a.get("sourcedId") != agent_id]
            student["dateLastModified"] = _timestamp(self.sb.config.now())
            self.store.put("users", student)
        return await self.sb._send(action, "", {}, status=204)

    async def get_agents(self, request: Request, bound: _Bound, params: dict[str, str]) -> Response:
        """``{"agents": [{"user": {"sourcedId", "type"}, "relationshipType"}]}`` of a user."""
        user = self.sb.load(VIEWS["users"], params["userSourcedId"])
        links = self._links(user["sourcedId"])
        agents = []
        for ref in user.get("agents") or []:
            agent_id = _ref_id(ref)
            if agent_id is None:
                continue
            link = links.get(agent_id)
            if link is not None:
                relationship = link.get("relationshipType")
            else:
                agent = self.store.get("users", agent_id)
                roles = [r.get("role") for r in (agent or {}).get("roles") or [] if isinstance(r, Mapping)]
                relationship = next((r for r in roles if r in _RELATIONSHIP_ROLES), None)
            agents.append({"user": {"sourcedId": agent_id, "type": "user"}, "relationshipType": relationship})
        return await self.sb._send(self.sb._next_action(), json.dumps({"agents": agents}), {})

    async def get_linked_users(self, request: Request, bound: _Bound, params: dict[str, str]) -> Response:
        """``{"agents": [users], "students": [users]}``: whom the user lists, and who lists the user."""
        user = self.sb.load(VIEWS["users"], params["userSourcedId"])
        found = (self.store.get("users", _ref_id(ref) or "") for ref in user.get("agents") or [])
        agents = [rebase_hrefs(agent, ROOT) for agent in found if agent is not None]
        texts = self.store.select(
            f"r.kind = 'users' AND ({RELATIONS['getAgentFor'].where})", [user["sourcedId"]]
        )
        students = [rebase_hrefs(json.loads(text), ROOT) for text in texts]
        body = json.dumps({"agents": agents, "students": students})
        return await self.sb._send(self.sb._next_action(), body, {})
