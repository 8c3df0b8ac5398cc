"""The ``v1p1`` profile: the stored 1.2 district served as a OneRoster 1.1 provider.

OneRoster 1.1 has one root for every service (``/ims/oneroster/v1p1``) and a smaller
operation set (no score scales, no assessment results, no bulk POSTs, no categories of a
class). Its records are mostly the 1.2 ones; the differences are declared as data below
and applied by one function each way:

- :func:`to_v1p1` (answers): a user's ``roles`` become the 1.1 ``role`` (the primary role,
  :data:`ROLE_1P1` maps the roles 1.2 added) and ``orgs`` (every org the user has a role
  at, the primary org first); fields 1.2 added are left out (:data:`ADDED_IN_1P2`); a line
  item's period is ``gradingPeriod``; ``status`` is mapped through :data:`STATUS_1P1`
  (identical: 1.1 already had only ``active`` and ``tobedeleted``); hrefs point below the
  1.1 root.
- :func:`from_v1p1` (the gradebook PUTs 1.1 has): a 1.2 field in the body is refused as
  1.1 does not know it; a line item's ``gradingPeriod`` is also stored as its
  ``academicSession`` and its ``school`` is its class's school, which 1.2 requires.

The token endpoint also grants scopes by their 1.1 names (``.../or/v1p1/scope/roster.readonly``),
as a 1.1 provider's does.

Filters, ``fields`` and ``sort`` name 1.1 fields; :meth:`V1p1.filter` reads ``role`` as
the user's roles (``role='administrator'`` matches each 1.2 role that maps to it) and
``orgs.sourcedId`` as ``roles.org.sourcedId``. A ``role`` filter matches any role of a
user, not only the primary one that ``role`` shows (the district's secondary roles are
all teaching roles of teachers, so the difference does not show there).

Example:
    ```python
    to_v1p1("users", {"sourcedId": "u-1", "roles": [{"roleType": "primary", "role": "principal",
                                                      "org": {"sourcedId": "org-1", "type": "org"}}]})
    # {'sourcedId': 'u-1', 'role': 'administrator', 'orgs': [{'sourcedId': 'org-1', 'type': 'org'}]}
    ```

"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from oneroster.legacy import NOT_IN_1P1
from oneroster.operation_index import OPERATIONS, SCHEMA_FIELDS, Operation
from oneroster.sandbox.app import ApiError
from oneroster.sandbox.catalog import VIEWS
from oneroster.sandbox.flavour import Flavour, rebase_hrefs
from oneroster.sandbox.query import Comparison, Logical, Node, QueryError
from oneroster.sandbox.tokens import ALL_SCOPES

if TYPE_CHECKING:
    from oneroster.sandbox.store import Store

__all__ = [
    "ADDED_IN_1P2",
    "NOT_IN_1P1",
    "ROLE_1P1",
    "ROOT",
    "STATUS_1P1",
    "V1p1",
    "from_v1p1",
    "to_v1p1",
]

ROOT = "/ims/oneroster/v1p1"

# Fields of the 1.2 records (by schema) that 1.1 records do not have.
ADDED_IN_1P2: dict[str, frozenset[str]] = {
    "User": frozenset(
        {
            "userMasterIdentifier",
            "preferredFirstName",
            "preferredMiddleName",
            "preferredLastName",
            "pronouns",
            "roles",
            "userProfiles",
            "primaryOrg",
            "resources",
        }
    ),
    "Category": frozenset({"weight"}),
    "LineItem": frozenset({"school", "academicSession", "scoreScale", "learningObjectiveSet"}),
    "Result": frozenset(
        {"class", "scoreScale", "textScore", "learningObjectiveSet"}
        | {"inProgress", "incomplete", "late", "missing"}
    ),
}
# Fields of 1.1 records that 1.2 records do not have, and their shape.
ONLY_IN_1P1: dict[str, dict[str, str]] = {"User": {"role": "scalar", "orgs": "array"}}

# The 1.1 user role of each 1.2 role. 1.2 split 1.1's administrator into district, site and
# system administrators and added principal and counselor; a counselor is staff who supports
# students without administering, which 1.1 calls an aide. Anything else ('ext:...') is kept.
ROLE_1P1: dict[str, str] = {
    "districtAdministrator": "administrator",
    "siteAdministrator": "administrator",
    "systemAdministrator": "administrator",
    "principal": "administrator",
    "counselor": "aide",
}
# Status values: 1.1 already had only these two (1.0's 'inactive' was removed in 1.1).
STATUS_1P1: dict[str, str] = {"active": "active", "tobedeleted": "tobedeleted"}

_SCHEMA_OF_KIND = {view.kind: view.schema for view in VIEWS.values()}
_ROLES_1P2_OF: dict[str, tuple[str, ...]] = {}
for _new, _old in ROLE_1P1.items():
    _ROLES_1P2_OF.setdefault(_old, (_old,))
    _ROLES_1P2_OF[_old] += (_new,)


def _primary_role(roles: list[Any]) -> str | None:
    entries = [r for r in roles if isinstance(r, Mapping) and isinstance(r.get("role"), str)]
    primary = next((r for r in entries if r.get("roleType") == "primary"), entries[0] if entries else None)
    if primary is None:
        return None
    role = str(primary["role"])
    return ROLE_1P1.get(role, role)


def _orgs(record: Mapping[str, Any]) -> list[Any]:
    orgs: list[Any] = []
    seen: set[object] = set()
    candidates = [record.get("primaryOrg")] + [
        r.get("org") for r in record.get("roles") or [] if isinstance(r, Mapping)
    ]
    for org in candidates:
        if isinstance(org, Mapping) and org.get("sourcedId") not in seen:
            seen.add(org.get("sourcedId"))
            orgs.append(dict(org))
    return orgs


def to_v1p1(kind: str, record: Mapping[str, Any]) -> dict[str, Any]:
    """Return a stored 1.2 record of ``kind`` as OneRoster 1.1 has it (the one projection).

    Example:
        ```python
        to_v1p1("categories", {"sourcedId": "c", "title": "Quiz", "weight": 0.3})
        # {'sourcedId': 'c', 'title': 'Quiz'}
        ```

    """
    schema = _SCHEMA_OF_KIND.get(kind, "")
    dropped = ADDED_IN_1P2.get(schema, frozenset())
    out: dict[str, Any] = {}
    for key, value in record.items():
        if key == "roles" and schema == "User":
            # 1.1's two fields take the place of the 1.2 roles, where a reader expects them.
            out["role"] = _primary_role(value if isinstance(value, list) else [])
            out["orgs"] = _orgs(record)
        elif key == "status" and isinstance(value, str):
            out[key] = STATUS_1P1.get(value, value)
        elif key not in dropped:
            out[key] = value
    if schema == "LineItem" and "gradingPeriod" not in out and record.get("academicSession"):
        out["gradingPeriod"] = record["academicSession"]
    return dict(rebase_hrefs(out, ROOT))


def from_v1p1(kind: str, record: Any, *, store: Store) -> Any:
    """Return a 1.1 record written to ``kind`` as the 1.2 district stores it; refuse 1.2-only fields.

    Example:
        ```python
        from_v1p1("lineItems", {"title": "Quiz", "class": {...}, "gradingPeriod": {...}}, store=store)
        # ... plus 'academicSession' (the grading period) and 'school' (the class's school)
        ```

    """
    if not isinstance(record, dict):
        return record
    schema = _SCHEMA_OF_KIND.get(kind, "")
    foreign = sorted(set(record) & ADDED_IN_1P2.get(schema, frozenset()))
    if foreign:
        raise ApiError(422, "invaliddata", f"not OneRoster 1.1 field(s) of {schema}: {', '.join(foreign)}")
    stored = dict(record)
    if schema == "LineItem":
        if isinstance(stored.get("gradingPeriod"), dict):
            stored["academicSession"] = dict(stored["gradingPeriod"])
        klass = stored.get("class")
        parent = store.get("classes", str(klass.get("sourcedId"))) if isinstance(klass, dict) else None
        if parent is not None and isinstance(parent.get("school"), dict):
            stored["school"] = dict(parent["school"])
    return stored


def _fields_1p1(schema: str) -> dict[str, str]:
    dropped = ADDED_IN_1P2.get(schema, frozenset())
    fields = {name: shape for name, shape in SCHEMA_FIELDS[schema].items() if name not in dropped}
    fields.update(ONLY_IN_1P1.get(schema, {}))
    return fields


class V1p1(Flavour):
    """OneRoster 1.1: one root, the 1.1 operation set, 1.1 records projected from the 1.2 district.

    Example:
        ```python
        V1p1().selectable("User")["role"]     # 'scalar'
        ```

    """

    projects = True

    def __init__(self) -> None:
        super().__init__("v1p1")
        self.roots = {service: ROOT for service in ("rostering", "gradebook", "resources")}
        # A 1.1 token endpoint knows its scopes by their 1.1 names (.../or/v1p1/scope/...).
        self.scope_aliases = {
            scope.replace("/or/v1p2/scope/", "/or/v1p1/scope/"): scope
            for scope in ALL_SCOPES
            if "/or/v1p2/scope/" in scope
        }
        self._selectable = {name: _fields_1p1(name) for name in SCHEMA_FIELDS}

    def serves(self, op_id: str, op: Operation) -> bool:
        """Mount the official operations that OneRoster 1.1 already had."""
        return "ims" in op.profiles and op_id not in NOT_IN_1P1

    def selectable(self, schema: str) -> Mapping[str, str]:
        """Return the 1.1 fields of ``schema``."""
        return self._selectable[schema]

    def present(self, kind: str, record: dict[str, Any]) -> dict[str, Any]:
        """Project the stored record to 1.1 (:func:`to_v1p1`)."""
        return to_v1p1(kind, record)

    def accept(self, kind: str, record: Any, *, store: Store) -> Any:
        """Map a 1.1 write body to the stored 1.2 record (:func:`from_v1p1`)."""
        return from_v1p1(kind, record, store=store)

    def filter(self, node: Node, schema: str) -> Node:
        """Check the fields against 1.1 and read ``role``/``orgs`` as the stored roles."""
        if isinstance(node, Logical):
            return Logical(node.op, tuple(self.filter(part, schema) for part in node.parts))
        fields = self._selectable[schema]
        head, rest = node.field[0], node.field[1:]
        if head not in fields:
            known = ", ".join(sorted(fields))
            raise QueryError(
                f"unknown filter field {'.'.join(node.field)!r} in OneRoster 1.1; "
                f"this collection has: {known}",
                code_minor="invalid_filter_field",
                parameter="filter",
            )
        if schema == "User" and head == "orgs":
            return Comparison(("roles", "org", *rest), node.op, node.value)
        if schema == "User" and head == "role" and not rest:
            wanted = _ROLES_1P2_OF.get(node.value, (node.value,)) if node.op in ("=", "!=") else (node.value,)
            clauses = tuple(Comparison(("roles", "role"), node.op, value) for value in wanted)
            if len(clauses) == 1:
                return clauses[0]
            # Equal to any of them; unequal to each of them.
            return Logical("OR" if node.op == "=" else "AND", clauses)
        return node


def served_operations() -> list[str]:
    """Return the operationIds the v1p1 profile serves, sorted.

    Example:
        ```python
        "getAllUsers" in served_operations()     # True
        ```

    """
    flavour = V1p1()
    return sorted(op_id for op_id, op in OPERATIONS.items() if flavour.serves(op_id, op))
