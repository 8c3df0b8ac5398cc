"""What sets one served profile apart: its roots, its operations, its answers and its refusals.

The sandbox stores one OneRoster 1.2 district and serves it as each built-in profile of the
client. A :class:`Flavour` is what differs between them; the application (``app.py``) asks
its flavour at a few fixed points and is otherwise the same for every profile:

- ``roots`` and ``serves``: which operations are mounted, below which root per service;
- ``limits``, ``list_body``, ``paging_headers``: the paging conventions of list answers;
- ``filter``, ``selectable``: what a ``filter``/``fields`` query may name, and how it is read;
- ``present``/``accept``: the record shape of answers and of write bodies (a projection of
  the stored 1.2 record, and back);
- ``handlers``: operations served by the flavour's own code instead of the generic handlers;
- ``prepare``: records the profile needs beside the seeded district.

The base class is the ``ims`` and ``timeback`` behaviour (the 1.2 roots, records as stored).
``oneroster.sandbox.platform`` (``timeback-platform``) and ``oneroster.sandbox.v1p1``
(``v1p1``) are the others.

Example:
    ```python
    flavour = flavour_of("v1p1")
    flavour.roots["gradebook"]          # '/ims/oneroster/v1p1'
    flavour.present("users", {"sourcedId": "u-1", "roles": [...]})   # a 1.1 user: role, orgs
    ```

"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any

from oneroster.operation_index import SCHEMA_FIELDS, Operation
from oneroster.sandbox.query import Node

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response

    from oneroster.sandbox.app import Sandbox, _Bound
    from oneroster.sandbox.store import Store

__all__ = ["SERVED_PROFILES", "Flavour", "Handler", "flavour_of", "rebase_hrefs"]

SERVED_PROFILES = ("ims", "timeback", "timeback-platform", "v1p1")

Handler = Callable[["Request", "_Bound", dict[str, str]], Awaitable["Response"]]
"""An operation's handler: the request, the mounted operation, its path parameters."""

SERVICES = ("rostering", "gradebook", "resources")
# A reference's href as the 1.2 roots spell it, relative (/orgs/x) or absolute (http://h/ims/.../v1p2/orgs/x).
_V1P2_ROOT = re.compile(r"/ims/oneroster/(?:rostering|gradebook|resources)/v1p2(?=/)")


def rebase_hrefs(value: Any, root: str) -> Any:
    """Return ``value`` with every 1.2 service root inside an ``href`` replaced by ``root``.

    References are stored as the 1.2 district has them; a profile that serves them below
    another root (``/ims/oneroster/v1p1``, ``/rostering/1.0``) points them at itself.
    Relative hrefs (``/orgs/org-1``) have no root and stay as they are.

    Example:
        ```python
        rebase_hrefs({"href": "http://h/ims/oneroster/rostering/v1p2/orgs/o"}, "/rostering/1.0")
        # {'href': 'http://h/rostering/1.0/orgs/o'}
        ```

    """
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            if key == "href" and isinstance(item, str):
                out[key] = _V1P2_ROOT.sub(root, item, count=1)
            else:
                out[key] = rebase_hrefs(item, root)
        return out
    if isinstance(value, list):
        return [rebase_hrefs(item, root) for item in value]
    return value


class Flavour:
    """The ``ims``/``timeback`` behaviour; subclasses override what their provider does differently.

    Example:
        ```python
        Flavour("ims").serves("getAllUsers", OPERATIONS["getAllUsers"])    # True
        ```

    """

    #: Whether answers differ from the stored records (``present`` is then applied to each one).
    projects = False
    #: Whether list answers carry ``X-Total-Count`` and ``Link`` (the platform sends neither).
    paging_headers = True

    def __init__(self, name: str) -> None:
        self.name = name
        self.roots: Mapping[str, str] = {service: f"/ims/oneroster/{service}/v1p2" for service in SERVICES}
        #: Other names the token endpoint accepts for scopes, by the name it grants.
        self.scope_aliases: Mapping[str, str] = {}
        #: Where the provider serves its token endpoint besides the sandbox's own ``/oauth/token``.
        self.token_paths: tuple[str, ...] = ()

    def serves(self, op_id: str, op: Operation) -> bool:
        """Whether the profile mounts ``op_id``: by default, the spec's ``x-oneroster-profiles``."""
        return self.name in op.profiles

    def limits(self, default: int, maximum: int) -> tuple[int, int]:
        """Return the default and the largest ``limit`` of a page, from the configured ones."""
        return default, maximum

    def list_body(
        self, op_id: str, key: str, texts: list[str], *, total: int, offset: int, limit: int
    ) -> str | None:
        """Return a list answer's body, or None for the application's own (envelope + paging)."""
        return None

    def filter(self, node: Node, schema: str) -> Node:
        """Check a parsed ``filter`` against the profile's rules and return it over stored fields."""
        return node

    def selectable(self, schema: str) -> Mapping[str, str]:
        """Return the fields a ``fields=`` selection may name in answers of ``schema``."""
        return SCHEMA_FIELDS[schema]

    def present(self, kind: str, record: dict[str, Any]) -> dict[str, Any]:
        """Return the record of ``kind`` as the profile answers it (only called when ``projects``)."""
        return record

    def accept(self, kind: str, record: Any, *, store: Store) -> Any:
        """Return a written record of ``kind`` as the district stores it (1.2)."""
        return record

    def handlers(self, sandbox: Sandbox) -> Mapping[str, Handler]:
        """Return the operations this profile serves with its own code, by operationId."""
        return {}

    def prepare(self, store: Store) -> None:
        """Add the records the profile needs beside the seeded district (idempotent)."""


def flavour_of(profile: str) -> Flavour:
    """Return the flavour serving ``profile`` (one of :data:`SERVED_PROFILES`).

    Example:
        ```python
        flavour_of("timeback-platform").roots    # {'rostering': '/rostering/1.0'}
        ```

    """
    # Imported here: the flavours import the application's helpers, which import this module.
    if profile == "timeback-platform":
        from oneroster.sandbox.platform import Platform

        return Platform()
    if profile == "v1p1":
        from oneroster.sandbox.v1p1 import V1p1

        return V1p1()
    if profile in ("ims", "timeback"):
        return Flavour(profile)
    raise ValueError(f"profile must be one of {', '.join(SERVED_PROFILES)}, not {profile!r}")
