"""User code type-checks: Python blocks of README and docs/, examples/ and tests/typing pass mypy --strict.

The blocks of one page are one module, in order (as tests/docs runs them), padded with blank lines
so that mypy's line numbers are the Markdown's. Django ships no types, so its modules count as
untyped (Any) here, as they do for a user without django-stubs; everything of ours is checked.
The check shares ``.mypy_cache`` with ``make typecheck``, which runs just before it in ``make test``
(the page modules are written to ``.mypy_cache/user-code/``).
"""

from __future__ import annotations

import glob
import os
import textwrap
from pathlib import Path

import pytest
from docs_examples_support import REPO, read_blocks

mypy_api = pytest.importorskip("mypy.api")

CONFIG = textwrap.dedent(
    """
    [mypy]
    strict = True
    python_version = 3.11
    mypy_path = {wrappers}

    [mypy-django.*]
    ignore_missing_imports = True
    """
)


def documented_pages() -> list[str]:
    """README.md and every guide in docs/ that has a Python block."""
    guides = sorted(Path(p).relative_to(REPO).as_posix() for p in glob.glob(str(REPO / "docs/*.md")))
    pages = ["README.md", *guides]
    return [page for page in pages if any(block.language == "python" for block in read_blocks(page))]


def page_module(page: str) -> str:
    """The Python blocks of ``page`` as one module whose line numbers are the page's."""
    lines: list[str] = []
    for block in read_blocks(page):
        if block.language != "python":
            continue
        lines.extend([""] * (block.line - 1 - len(lines)))
        lines.extend(block.code.splitlines())
    return "\n".join(lines) + "\n"


def test_user_code_passes_mypy_strict() -> None:
    # A fixed place, not tmp_path: mypy's cache remembers a module's file, and would report
    # errors under the path of an earlier run.
    tmp_path = REPO / ".mypy_cache" / "user-code"
    tmp_path.mkdir(parents=True, exist_ok=True)
    pages = documented_pages()
    assert "README.md" in pages and "docs/writes.md" in pages
    modules: dict[str, str] = {}
    for page in pages:
        module = tmp_path / f"page_{Path(page).stem.replace('-', '_')}.py"
        module.write_text(page_module(page), encoding="utf-8")
        modules[str(module)] = page
    config = tmp_path / "mypy.ini"
    config.write_text(CONFIG.format(wrappers=REPO / "wrappers"), encoding="utf-8")
    code = sorted(str(p) for p in (REPO / "examples").rglob("*.py")) + sorted(
        str(p) for p in (REPO / "tests" / "typing").glob("*.py")
    )
    assert code, "examples/ and tests/typing/ hold Python files"
    stdout, stderr, status = mypy_api.run(
        [
            "--config-file",
            str(config),
            "--cache-dir",
            str(REPO / ".mypy_cache"),
            "--no-error-summary",
            "--hide-error-context",
            *modules,
            *code,
        ]
    )
    report = stdout
    for module, page in modules.items():
        # mypy names a file as it was given, or relative to the working directory
        for spelling in (module, os.path.relpath(module)):
            report = report.replace(spelling + ":", page + ":")
    if status != 0:
        pytest.fail(f"mypy --strict finds errors in user code:\n{report}{stderr}", pytrace=False)
