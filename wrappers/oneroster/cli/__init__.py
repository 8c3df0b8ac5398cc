"""The ``oneroster`` command line (needs the ``cli`` extra: typer and rich).

This package imports nothing heavy: ``main`` loads typer, rich and the command tree only
when the command runs, so ``import oneroster`` never pays for them and a missing extra
gives one clear line instead of a traceback.

Example:
    ```python
    from oneroster.cli import main

    main(argv=["users", "list", "--limit", "5"])   # exits the process
    ```

"""

from __future__ import annotations

import sys
from collections.abc import Sequence

__all__ = ["main"]

_MISSING_EXTRA = 2


def main(*, argv: Sequence[str] | None = None) -> None:
    """Run ``oneroster`` with ``argv`` (default: the process arguments) and exit with its status.

    Exits 2 with ``install oneroster-client[cli]`` on stderr when typer or rich is missing.

    Example:
        ```python
        main(argv=["--help"])
        ```

    """
    try:
        import rich  # noqa: F401
        import typer  # noqa: F401
    except ImportError:
        print("install oneroster-client[cli] to use the oneroster command (typer and rich)", file=sys.stderr)
        raise SystemExit(_MISSING_EXTRA) from None
    from oneroster.cli.app import EXIT_INTERRUPTED, run

    try:
        run(argv=argv)
    except KeyboardInterrupt:
        # Outside a command (while parsing, importing...): the same status as inside one.
        print("error: interrupted", file=sys.stderr)
        raise SystemExit(EXIT_INTERRUPTED) from None
