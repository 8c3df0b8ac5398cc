"""``python -m oneroster.sandbox``: start the local OneRoster provider, or run a command against it.

Example:
    ```console
    $ python -m oneroster.sandbox --port 8000                  # serve until Ctrl-C
    $ python -m oneroster.sandbox -- python examples/roster_sync.py   # start, run, stop
    $ python -m oneroster.sandbox --dialect edfi --port 8000   # behave like the Ed-Fi provider
    ```

"""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from types import FrameType

__all__ = ["main", "parser"]

# The exit status when the sandbox extra is missing (as the CLI's for its own extra).
MISSING_EXTRA = 2
# Signals the runner passes on to its command (then waits for the command to end).
FORWARDED = (signal.SIGTERM, signal.SIGINT)


def _missing_extra() -> str | None:
    """Return the install line when starlette or uvicorn is not importable, else None."""
    missing = []
    for name in ("starlette", "uvicorn"):
        try:
            importlib.import_module(name)
        except ImportError:
            missing.append(name)
    if not missing:
        return None
    return f"install oneroster-client[sandbox] to run the sandbox (missing: {', '.join(missing)})"


def parser() -> argparse.ArgumentParser:
    """Return the command-line parser (shared with ``oneroster sandbox``).

    Example:
        ```python
        parser().parse_args(["--users", "500"])
        ```

    """
    from oneroster.dialects import DIALECTS
    from oneroster.sandbox.dialect import QUIRK_FLAGS
    from oneroster.sandbox.flavour import SERVED_PROFILES

    p = argparse.ArgumentParser(
        prog="python -m oneroster.sandbox",
        description="A local OneRoster 1.2 provider with a seeded sample district "
        "(no credentials, no internet). "
        "With a command after '--', start the sandbox, run the command with ONEROSTER_* set, stop, "
        "and exit with the command's status.",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument(
        "--port", type=int, default=None, help="port (default: 8000, or a free one with a command)"
    )
    p.add_argument("--db", default=":memory:", help="SQLite file, reused if it holds the same district")
    p.add_argument("--seed", type=int, default=1, help="seed of the generated district (default: 1)")
    p.add_argument("--users", type=int, default=2000, help="number of users in the district (default: 2000)")
    p.add_argument(
        "--kinds", default=None, help="keep only these kinds of records, comma-separated (e.g. users)"
    )
    p.add_argument("--profile", choices=SERVED_PROFILES, default="timeback", help="operations and answers")
    p.add_argument("--client-id", default="sandbox-client")
    p.add_argument("--client-secret", default="sandbox-secret")
    p.add_argument("--token-ttl", type=float, default=3600.0, help="token lifetime in seconds")
    p.add_argument("--max-limit", type=int, default=3000, help="largest page the server sends")
    faults = p.add_argument_group("fault injection (off by default)")
    faults.add_argument("--latency-ms", type=float, default=0.0)
    for name in ("429", "500", "503", "drop", "truncate", "short"):
        faults.add_argument(
            f"--rate-{name}",
            type=float,
            default=0.0,
            metavar="P",
            help=f"probability of a {name} fault per API request",
        )
    faults.add_argument("--retry-after", type=float, default=1.0, help="Retry-After seconds on 429")
    faults.add_argument("--fault-seed", type=int, default=0)
    dialect = p.add_argument_group(
        "provider dialect (what the sandbox refuses, ignores, and how it answers; quirks combine)"
    )
    dialect.add_argument(
        "--dialect", choices=sorted(DIALECTS), default="full", help="a preset to start from (default: full)"
    )
    dialect.add_argument(
        "--max-clauses", type=int, default=None, metavar="N", help="most clauses in one filter"
    )
    for flag, (_, text) in QUIRK_FLAGS.items():
        dialect.add_argument(flag, dest="quirks", action="append_const", const=flag, default=[], help=text)
    p.add_argument(
        "command", nargs=argparse.REMAINDER, help="-- COMMAND [ARGS...] to run against the sandbox"
    )
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Example:
        ```python
        main(["--users", "300", "--", "pytest", "-q"])
        ```

    """
    missing = _missing_extra()
    if missing is not None:
        print(missing, file=sys.stderr)
        return MISSING_EXTRA
    from oneroster.sandbox.app import SandboxConfig
    from oneroster.sandbox.dialect import dialect_from_flags
    from oneroster.sandbox.faults import Faults
    from oneroster.sandbox.seed import KINDS
    from oneroster.sandbox.server import child_environ, exposure_warning, serve

    args = parser().parse_args(argv)
    command = list(args.command)
    if command[:1] == ["--"]:
        command = command[1:]
    if args.users < 20 or args.seed < 0:
        # Fewer than 20 users cannot fill a school's grades and classes.
        print("error: --users must be at least 20 and --seed not negative", file=sys.stderr)
        return 2
    try:
        faults = Faults(
            latency_ms=args.latency_ms,
            rate_429=args.rate_429,
            rate_500=args.rate_500,
            rate_503=args.rate_503,
            rate_drop=args.rate_drop,
            rate_truncate=args.rate_truncate,
            rate_short=args.rate_short,
            retry_after=args.retry_after,
            seed=args.fault_seed,
        )
        dialect = dialect_from_flags(args.dialect, flags=args.quirks, max_clauses=args.max_clauses)
        config = SandboxConfig(
            dialect=dialect,
            profile=args.profile,
            clients={args.client_id: args.client_secret},
            token_ttl=args.token_ttl,
            max_limit=args.max_limit,
            faults=faults,
        )
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    port = args.port if args.port is not None else (0 if command else 8000)
    warning = exposure_warning(args.host)
    if warning is not None:
        print(warning, file=sys.stderr, flush=True)
    started = time.perf_counter()
    try:
        kinds = [k.strip() for k in args.kinds.split(",") if k.strip()] if args.kinds else None
        unknown = sorted(set(kinds or ()) - set(KINDS))
        if unknown:
            print(f"error: unknown kind(s) {', '.join(unknown)}; known: {', '.join(KINDS)}", file=sys.stderr)
            return 2
        with serve(
            host=args.host,
            port=port,
            db=args.db,
            seed=args.seed,
            users=args.users,
            kinds=kinds,
            config=config,
        ) as sb:
            elapsed = time.perf_counter() - started
            print(
                f"oneroster sandbox: {sb.base_url} (profile {sb.profile}, dialect {sb.dialect.name}, "
                f"seed {args.seed}, {args.users} users) ready in {elapsed:.2f} s; "
                f"token URL {sb.token_url}, client id {sb.client_id}",
                file=sys.stderr,
                flush=True,
            )
            if command:
                return _run(command, env=child_environ(sb))
            stop = threading.Event()

            def _stop(signum: int, frame: FrameType | None) -> None:
                stop.set()

            signal.signal(signal.SIGTERM, _stop)
            try:
                while not stop.wait(0.5):
                    pass
            except KeyboardInterrupt:
                pass
            return 0
    except (OSError, ValueError, RuntimeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


def _terminal_sent_it() -> bool:
    """Whether a SIGINT now most likely came from a terminal's Ctrl-C (we are its foreground group)."""
    try:
        return os.tcgetpgrp(sys.stdin.fileno()) == os.getpgrp()
    except (OSError, ValueError, AttributeError):
        return False


def _run(command: list[str], *, env: dict[str, str]) -> int:
    """Run ``command``, passing SIGTERM/SIGINT on to it; return its status (128+N if killed by N).

    The sandbox stops only once the command has ended, so a ``kill`` of the runner never
    leaves the command running against a server that is gone.
    """
    try:
        child = subprocess.Popen(command, env=env)
    except FileNotFoundError:
        print(f"error: command not found: {command[0]}", file=sys.stderr)
        return 127

    def forward(signum: int, frame: FrameType | None) -> None:
        # A Ctrl-C in a terminal already reaches the whole foreground process group, the
        # command included: sending it again would interrupt the command's own clean-up.
        if signum == signal.SIGINT and _terminal_sent_it():
            return
        if child.poll() is None:
            child.send_signal(signum)

    previous = {signum: signal.signal(signum, forward) for signum in FORWARDED}
    try:
        while True:
            try:
                status = child.wait()
                break
            except KeyboardInterrupt:  # pragma: no cover - the handler above replaces it
                continue
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    return 128 - status if status < 0 else status


if __name__ == "__main__":
    sys.exit(main())
