"""``python -m oneroster.sandbox``: start the local OneRoster provider, or run a command against it.

Example:
    ```console
    $ python -m oneroster.sandbox --port 8000                  # serve until Ctrl-C
    $ python -m oneroster.sandbox -- python examples/roster_sync.py   # start, run, stop
    ```

"""

from __future__ import annotations

import argparse
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from types import FrameType

from oneroster.sandbox.app import SandboxConfig
from oneroster.sandbox.faults import Faults
from oneroster.sandbox.flavour import SERVED_PROFILES
from oneroster.sandbox.seed import KINDS
from oneroster.sandbox.server import child_environ, serve

__all__ = ["main", "parser"]


def parser() -> argparse.ArgumentParser:
    """Return the command-line parser (shared with ``oneroster sandbox``).

    Example:
        ```python
        parser().parse_args(["--users", "500"])
        ```

    """
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
        config = SandboxConfig(
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
                f"oneroster sandbox: {sb.base_url} (profile {sb.profile}, seed {args.seed}, "
                f"{args.users} users) ready in {elapsed:.2f} s; "
                f"token URL {sb.token_url}, client id {sb.client_id}",
                file=sys.stderr,
                flush=True,
            )
            if command:
                try:
                    return subprocess.run(command, env=child_environ(sb), check=False).returncode
                except FileNotFoundError:
                    print(f"error: command not found: {command[0]}", file=sys.stderr)
                    return 127
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


if __name__ == "__main__":
    sys.exit(main())
