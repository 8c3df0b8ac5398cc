"""A local OneRoster 1.2 provider for development and tests (``pip install 'oneroster-client[sandbox]'``).

Like stripe-mock or moto: a real HTTP server (Starlette + uvicorn) over a real database
(SQLite), serving the operations of this project's spec as each built-in profile of the
client serves them (``timeback``, ``ims``, ``timeback-platform``, ``v1p1``: see
:mod:`oneroster.sandbox.flavour`), with OAuth 2 client credentials, a deterministic seeded
district, optional fault injection, and the dialect of the provider it plays (``full`` by
default; ``baseline``, ``timeback``, ``timeback-platform``, ``edfi`` or any
:class:`~oneroster.dialects.Dialect`). It shares the spec's operation index with the client,
never the client.

Example:
    ```python
    from oneroster import OneRoster
    from oneroster.sandbox import serve

    with serve(users=500) as sandbox, OneRoster(**sandbox.client_kwargs()) as client:
        print([school.name for school in client.schools.list(limit=3).data])
    ```

Or from a shell: ``python -m oneroster.sandbox --port 8000``.

"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from oneroster.sandbox.app import SandboxConfig, create_app
    from oneroster.sandbox.faults import Faults
    from oneroster.sandbox.server import CONTROL_HEADERS, RunningSandbox, open_store, serve
    from oneroster.sandbox.store import Store

__all__ = [
    "CONTROL_HEADERS",
    "Faults",
    "RunningSandbox",
    "SandboxConfig",
    "Store",
    "create_app",
    "open_store",
    "serve",
]

# Imported on first use, so ``python -m oneroster.sandbox`` can say which extra is missing
# instead of failing on ``import starlette`` before its own code runs.
_HOMES = {
    "CONTROL_HEADERS": "server",
    "Faults": "faults",
    "RunningSandbox": "server",
    "SandboxConfig": "app",
    "Store": "store",
    "create_app": "app",
    "open_store": "server",
    "serve": "server",
}
INSTALL_HINT = "install oneroster-client[sandbox] to run the sandbox (starlette and uvicorn)"


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'oneroster.sandbox' has no attribute {name!r}")
    try:
        module = importlib.import_module(f"oneroster.sandbox.{home}")
    except ModuleNotFoundError as exc:
        if exc.name in ("starlette", "uvicorn"):
            raise ModuleNotFoundError(f"{exc}; {INSTALL_HINT}", name=exc.name) from exc
        raise
    value = getattr(module, name)
    globals()[name] = value
    return value
