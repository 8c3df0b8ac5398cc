"""Run the sandbox: in a background thread (tests, notebooks) or in the foreground (command line).

Example:
    ```python
    from oneroster.sandbox import serve

    with serve(users=500) as sandbox:
        client = OneRoster(base_url=sandbox.base_url, client_id=sandbox.client_id,
                           client_secret=sandbox.client_secret, token_url=sandbox.token_url,
                           profile=sandbox.profile)
        ...
    ```

"""

from __future__ import annotations

import contextlib
import dataclasses
import ipaddress
import os
import socket
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import uvicorn

from oneroster.dialects import Dialect
from oneroster.sandbox.app import CONTROL_HEADER, TOKEN_PATH, Sandbox, SandboxConfig, create_app
from oneroster.sandbox.faults import Faults
from oneroster.sandbox.store import Store

__all__ = ["CONTROL_HEADERS", "RunningSandbox", "exposure_warning", "open_store", "serve"]

CONTROL_HEADERS: dict[str, str] = {CONTROL_HEADER[0]: CONTROL_HEADER[1]}
"""The header every ``POST /_sandbox/*`` needs (with a JSON body): ``{"X-Sandbox-Control": "1"}``."""


def open_store(
    *, db: str = ":memory:", seed: int = 1, users: int = 2000, kinds: Sequence[str] | None = None
) -> Store:
    """Open ``db`` and fill it with the seeded district unless it already holds that district.

    A file database built from the same ``seed``, ``users`` and ``kinds`` is reused as is,
    so a million-user benchmark district is generated once. ``kinds`` keeps only those
    kinds of records (``["users"]`` for a bare user directory).

    Example:
        ```python
        store = open_store(db="district.db", seed=1, users=100_000)
        ```

    """
    store = Store(db)
    wanted = f"{seed}:{users}" + (f":{','.join(sorted(kinds))}" if kinds else "")
    built = store.get_meta("district")
    if built == wanted:
        return store
    if built is not None:
        store.close()
        raise ValueError(f"{db} holds district {built} (seed:users), not {wanted}; use another --db")
    from oneroster.sandbox.seed import generate_district

    district = generate_district(seed=seed, users=users)
    store.load(district if not kinds else ((k, r) for k, r in district if k in kinds))
    store.set_meta("district", wanted)
    return store


@dataclass
class RunningSandbox:
    """A started sandbox: where it listens and how to authenticate against it."""

    host: str
    port: int
    profile: str
    client_id: str
    client_secret: str
    app_state: Sandbox

    @property
    def base_url(self) -> str:
        """Return the server's root URL (``http://127.0.0.1:PORT``)."""
        return f"http://{self.host}:{self.port}"

    @property
    def token_url(self) -> str:
        """Return the OAuth 2 token endpoint."""
        return self.base_url + TOKEN_PATH

    # The controls behind the /_sandbox/* endpoints, in-process (nothing goes over HTTP, so
    # recorded cassettes never see them).

    def set_faults(self, **changes: Any) -> None:
        """Change fault injection (see :class:`Faults`); a bad setting raises ValueError.

        Example:
            ```python
            sandbox.set_faults(script=["503", "ok"], retry_after=2)
            ```

        """
        self.app_state.faults.update(changes)

    def quiet(self) -> None:
        """Switch every fault off again.

        Example:
            ```python
            sandbox.quiet()
            ```

        """
        self.app_state.faults.reset()

    def stats(self) -> dict[str, Any]:
        """Return the counters: requests, token grants, TCP connections, calls per operation.

        Example:
            ```python
            assert sandbox.stats()["tokens"] == 1
            ```

        """
        return self.app_state.counters()

    def reset_stats(self) -> None:
        """Start the counters again from zero.

        Example:
            ```python
            sandbox.reset_stats()
            ```

        """
        self.app_state.reset_counters()

    @property
    def dialect(self) -> Dialect:
        """Return the dialect the sandbox plays now (see :mod:`oneroster.dialects`)."""
        return self.app_state.dialect

    def set_dialect(self, dialect: str | Dialect | None = None, **changes: Any) -> Dialect:
        """Play another dialect from the next request on; return it.

        ``dialect`` is a preset name (``"edfi"``...) or a :class:`Dialect`; ``changes`` are
        capabilities changed on top of it (or of the current dialect), as ``POST
        /_sandbox/dialect`` takes them. A bad setting raises ValueError and changes nothing.

        Example:
            ```python
            sandbox.set_dialect("baseline", nested_routes=False)
            sandbox.set_dialect(max_clauses=4)
            sandbox.set_dialect("full")
            ```

        """
        if isinstance(dialect, Dialect):
            return self.app_state.set_dialect(dialect.replace(**changes) if changes else dialect)
        request: dict[str, Any] = dict(changes)
        if dialect is not None:
            request["preset"] = dialect
        for name in ("dotted_fields", "nested_routes"):
            if isinstance(request.get(name), set | frozenset | tuple):
                request[name] = sorted(request[name])
        return self.app_state.set_dialect(request)

    def expire_tokens(self) -> None:
        """Make every issued token expired (the client's next call must fetch a new one).

        Example:
            ```python
            sandbox.expire_tokens()
            ```

        """
        self.app_state.issuer.expire_all()

    def environ(self) -> dict[str, str]:
        """Return the ``ONEROSTER_*`` variables that point ``OneRoster.from_env()`` here.

        Example:
            ```python
            subprocess.run(["python", "sync.py"], env={**os.environ, **sandbox.environ()})
            ```

        """
        return {
            "ONEROSTER_BASE_URL": self.base_url,
            "ONEROSTER_CLIENT_ID": self.client_id,
            "ONEROSTER_CLIENT_SECRET": self.client_secret,
            "ONEROSTER_TOKEN_URL": self.token_url,
            "ONEROSTER_PROFILE": self.profile,
        }

    def client_kwargs(self) -> dict[str, Any]:
        """Return the keyword arguments of ``OneRoster(...)`` for this sandbox.

        Example:
            ```python
            client = OneRoster(**sandbox.client_kwargs())
            ```

        """
        return {
            "base_url": self.base_url,
            "client_id": self.client_id,
            "client_secret": self.client_secret,
            "token_url": self.token_url,
            "profile": self.profile,
        }


def exposure_warning(host: str) -> str | None:
    """Return a warning when ``host`` makes the sandbox reachable beyond this machine, else None.

    Example:
        ```python
        exposure_warning("0.0.0.0")      # 'warning: ...'
        exposure_warning("127.0.0.1")    # None
        ```

    """
    if host == "localhost":
        return None
    try:
        if ipaddress.ip_address(host.strip("[]")).is_loopback:
            return None
    except ValueError:
        pass
    return (
        f"warning: listening on {host} makes the sandbox reachable from other machines: its fixed "
        "credentials, every record and the /_sandbox/* controls (faults, dialect, tokens) with them; "
        "use --host 127.0.0.1 unless you mean it"
    )


def _free_port(host: str) -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def serve(
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    db: str = ":memory:",
    seed: int = 1,
    users: int = 2000,
    kinds: Sequence[str] | None = None,
    store: Store | None = None,
    config: SandboxConfig | None = None,
    faults: Mapping[str, Any] | None = None,
    dialect: str | Dialect | None = None,
) -> Iterator[RunningSandbox]:
    """Start the sandbox in a background thread; stop it (and close its store) on exit.

    ``port=0`` picks a free port. ``faults`` sets fault injection (see :class:`Faults`);
    ``dialect`` the provider it plays (a preset name such as ``"edfi"``, or a
    :class:`~oneroster.dialects.Dialect`; default ``config.dialect``, ``"full"``).

    Example:
        ```python
        with serve(users=300, faults={"rate_503": 0.1}) as sandbox:
            print(sandbox.base_url)
        ```

    """
    config = config or SandboxConfig()
    if faults:
        config.faults = Faults(**faults)
    if dialect is not None:
        config = dataclasses.replace(config, dialect=dialect)
    own_store = store is None
    store = store if store is not None else open_store(db=db, seed=seed, users=users, kinds=kinds)
    app = create_app(store=store, config=config)
    port = port or _free_port(host)
    server = uvicorn.Server(
        uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False, lifespan="off")
    )
    thread = threading.Thread(target=server.run, name=f"oneroster-sandbox-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the sandbox did not start on {host}:{port}")
        time.sleep(0.01)
    client_id, client_secret = next(iter(config.clients.items()))
    try:
        yield RunningSandbox(host, port, config.profile, client_id, client_secret, app.state.sandbox)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        if own_store:
            store.close()


def child_environ(sandbox: RunningSandbox) -> dict[str, str]:
    """Return this process's environment with the sandbox's ``ONEROSTER_*`` settings on top.

    Example:
        ```python
        env = child_environ(sandbox)
        ```

    """
    return {**os.environ, **sandbox.environ()}
