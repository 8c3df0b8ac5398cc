"""Every example of the README and the guides in docs/, executed or parsed.

Python blocks run against a real sandbox, in order, one namespace per page, with ``ONEROSTER_*``
pointing at it. Shell commands that start the sandbox or run ``oneroster`` are parsed with their
real argument parsers; ``make`` targets must exist.
"""

from __future__ import annotations

import ast
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from docs_examples_support import (
    COMMAND_DOCS,
    EXECUTED_DOCS,
    REPO,
    Block,
    check_command,
    makefile_targets,
    parse_blocks,
    read_blocks,
    shell_commands,
    split_pipeline,
)
from oneroster.sandbox import RunningSandbox
from oneroster.sandbox.flavour import SERVED_PROFILES

pytestmark = pytest.mark.sandbox

# Blocks that cannot run against the sandbox (a real vendor, say) must stay the exception.
MAX_NOT_EXECUTED = 3
SHELL_LANGUAGES = {"bash", "sh", "shell", "console"}


def _python_blocks(path: str) -> list[Block]:
    return [block for block in read_blocks(path) if block.language == "python"]


def _executed(path: str) -> list[Block]:
    return [block for block in _python_blocks(path) if block.not_executed is None]


@pytest.mark.parametrize("path", EXECUTED_DOCS)
def test_python_examples_run_against_the_sandbox(
    path: str,
    docs_environ: RunningSandbox,
    docs_sandboxes: Callable[[str], RunningSandbox],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    blocks = _executed(path)
    assert blocks, f"{path} has no executed Python example"
    namespace: dict[str, object] = {"__name__": f"docs_{Path(path).stem.replace('-', '_')}"}
    for block in blocks:
        # A block marked <!-- sandbox: PROFILE --> talks to that profile's sandbox; the others to the page's.
        provider = docs_sandboxes(block.sandbox) if block.sandbox else docs_environ
        for name, value in provider.environ().items():
            monkeypatch.setenv(name, value)
        # Padding with blank lines makes tracebacks point at the Markdown line.
        code = compile("\n" * (block.line - 1) + block.code, str(REPO / block.path), "exec")
        started = time.perf_counter()
        exec(code, namespace)
        assert time.perf_counter() - started < 20, f"{block.where} is too slow for a docs example"


@pytest.mark.parametrize("path", EXECUTED_DOCS)
def test_every_executed_example_checks_its_result(path: str) -> None:
    for block in _executed(path):
        tree = ast.parse(block.code, filename=block.where)
        asserts = [node for node in ast.walk(tree) if isinstance(node, ast.Assert)]
        assert asserts, f"{block.where}: an executed example must end with assert lines the reader can see"


def test_not_executed_examples_are_few_and_explained() -> None:
    skipped = [
        block for path in EXECUTED_DOCS for block in _python_blocks(path) if block.not_executed is not None
    ]
    for block in skipped:
        assert len(block.not_executed or "") >= 10, f"{block.where}: say why the block cannot run"
        compile(block.code, block.where, "exec")  # still valid Python
    assert len(skipped) <= MAX_NOT_EXECUTED, [block.where for block in skipped]
    executed = sum(len(_executed(path)) for path in EXECUTED_DOCS)
    assert executed >= 10 * max(1, len(skipped))


def test_marker_only_precedes_python_blocks() -> None:
    for path in EXECUTED_DOCS:
        for block in read_blocks(path):
            if block.not_executed is not None or block.sandbox is not None:
                assert block.language == "python", f"{block.where}: only Python blocks are executed"
            if block.sandbox is not None:
                assert block.sandbox in SERVED_PROFILES, f"{block.where}: no sandbox serves {block.sandbox!r}"


@pytest.mark.parametrize("path", COMMAND_DOCS)
def test_documented_commands_parse(path: str) -> None:
    targets = makefile_targets()
    checked: list[str] = []
    for block in read_blocks(path):
        if block.language not in SHELL_LANGUAGES:
            continue
        for words in shell_commands(block):
            for command in split_pipeline(words):
                try:
                    kind = check_command(command, make_targets=targets)
                except AssertionError as exc:
                    raise AssertionError(f"{block.where}: {exc}") from None
                if kind is not None:
                    checked.append(kind)
    if path in ("README.md", "docs/sandbox.md", "docs/cli.md"):
        assert checked, f"{path}: expected commands to check"


def test_the_command_checker_catches_typos() -> None:
    targets = makefile_targets()
    assert check_command(["oneroster", "users", "list", "--limit", "5"], make_targets=targets) == "oneroster"
    bad = [
        ["oneroster", "users", "lsit"],
        ["oneroster", "users", "list", "--limt", "5"],
        ["oneroster", "export"],  # --out is required
        ["python", "-m", "oneroster.sandbox", "--usres", "5"],
        ["python", "-m", "oneroster.sandbox", "--", "oneroster", "clases", "list"],
        ["oneroster", "sandbox", "--profile", "nope"],
        ["make", "no-such-target"],
    ]
    for words in bad:
        with pytest.raises(AssertionError):
            check_command(words, make_targets=targets)


_LINK = re.compile(r"\[[^\]]*\]\((?P<target>[^)\s]+)\)")


@pytest.mark.parametrize("path", EXECUTED_DOCS)
def test_relative_links_point_at_files(path: str) -> None:
    text = (REPO / path).read_text(encoding="utf-8")
    for match in _LINK.finditer(text):
        target = match.group("target")
        if re.match(r"[a-z]+:", target) or target.startswith("#"):
            continue
        file, _, anchor = target.partition("#")
        resolved = (REPO / path).parent / file
        assert resolved.exists(), f"{path}: broken link {target}"
        if anchor and resolved.suffix == ".md":
            headings = re.findall(r"^#+\s+(.*)$", resolved.read_text(encoding="utf-8"), flags=re.MULTILINE)
            slugs = {re.sub(r"[^\w\- ]", "", h).strip().lower().replace(" ", "-") for h in headings}
            assert anchor in slugs, f"{path}: no heading for #{anchor} in {file}"


def test_readme_keeps_its_set_up_facts() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    for fact in (
        "make demo    # the main job",
        "make test    # everything CI runs",
        "openapi/oneroster-1.2.yaml   hand-curated spec",
        "oneroster_client/            generated low-level client",
        "wrappers/oneroster/          `import oneroster`",
        "| `ims` (default) |",
        "| `timeback` |",
        "| `timeback-platform` |",
        "| `v1p1` |",
        "| `Profile(...)` |",
    ):
        assert fact in text, fact


def test_the_block_reader_sees_markers_indentation_and_output() -> None:
    text = "\n".join(
        [
            "Intro.",
            "<!-- not-executed: talks to a real vendor -->",
            "",
            "```python",
            "client.users.list()",
            "```",
            "- a list item:",
            "",
            "  ```console",
            "  $ oneroster users list \\",
            "      --limit 5",
            "  some output",
            "  ```",
            "<!-- not-executed -->",
            "```python",
            "x = 1",
            "```",
            "````text",
            "```python",
            "````",
        ]
    )
    first, console, unexplained, text_block = parse_blocks(text, path="t.md")
    assert (first.language, first.line, first.not_executed) == ("python", 5, "talks to a real vendor")
    assert first.code == "client.users.list()\n"
    assert console.language == "console" and console.not_executed is None
    assert shell_commands(console) == [["oneroster", "users", "list", "--limit", "5"]]
    assert unexplained.not_executed == ""
    assert text_block.language == "text" and text_block.code == "```python\n"
    assert split_pipeline(["oneroster", "users", "exists", "u", "&&", "echo", "x", ">", "f"]) == [
        ["oneroster", "users", "exists", "u"],
        ["echo", "x"],
    ]


def test_the_dialect_table_in_the_docs_is_the_one_the_code_has() -> None:
    from oneroster.dialects import EDFI, FULL, capability_table
    from oneroster.profiles import PROFILES

    text = (REPO / "docs" / "profiles.md").read_text(encoding="utf-8")
    start = text.index("<!-- capability-table")
    begin = text.index("\n", start) + 1
    end = text.index("<!-- /capability-table -->")
    columns = {name: profile.dialect for name, profile in PROFILES.items()}
    columns.update({"full": FULL, "edfi": EDFI})
    assert text[begin:end].strip() == capability_table(columns)
