"""A local OneRoster 1.2 provider for development and tests (``pip install 'oneroster-client[sandbox]'``).

Like stripe-mock or moto: a real HTTP server (Starlette + uvicorn) over a real database
(SQLite), serving the operations of this project's spec as each built-in profile of the
client serves them (``timeback``, ``ims``, ``timeback-platform``, ``v1p1``: see
:mod:`oneroster.sandbox.flavour`), with OAuth 2 client credentials, a deterministic seeded
district and optional fault injection. It shares the spec's operation index with the client,
never the client.

Example:
    ```python
    from oneroster import OneRoster
    from oneroster.sandbox import serve

    with serve(users=500) as sandbox, OneRoster(**sandbox.client_kwargs()) as client:
        print(client.schools.first().name)
    ```

Or from a shell: ``python -m oneroster.sandbox --port 8000``.

"""

from oneroster.sandbox.app import SandboxConfig, create_app
from oneroster.sandbox.faults import Faults
from oneroster.sandbox.server import RunningSandbox, open_store, serve
from oneroster.sandbox.store import Store

__all__ = ["Faults", "RunningSandbox", "SandboxConfig", "Store", "create_app", "open_store", "serve"]
