"""Read the code blocks of the README and the guides, and check shell commands with the real parsers.

A block is a fenced block at the start of a line (```` ```python ````...), possibly indented (inside a
list item). ``<!-- not-executed: reason -->`` on the last non-blank line before a Python block marks
it as not runnable against the sandbox; the reason is required. ``<!-- sandbox: PROFILE -->`` there
instead runs the block against a sandbox serving that profile (``v1p1``: a OneRoster 1.1 provider)
rather than the page's, with ``ONEROSTER_*`` pointing at it for that block only.
"""

from __future__ import annotations

import contextlib
import functools
import io
import re
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer

REPO = Path(__file__).resolve().parents[2]

# The pages whose Python blocks tests/docs runs. django.md, cli.md and cassettes.md belong to other
# suites (tests/django runs django.md's blocks).
EXECUTED_DOCS = (
    "README.md",
    "docs/migrating.md",
    "docs/index.md",
    "docs/sandbox.md",
    "docs/profiles.md",
    "docs/filters.md",
    "docs/paging.md",
    "docs/writes.md",
    "docs/errors-and-retries.md",
    "docs/csv.md",
)
# Pages whose shell commands are parsed too (typos in a documented command line are caught).
COMMAND_DOCS = (*EXECUTED_DOCS, "docs/cli.md", "docs/django.md")

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,})(?P<info>[^`]*)$")
_NOT_EXECUTED = re.compile(r"^\s*<!--\s*not-executed\s*:?(?P<reason>.*?)-->\s*$")
_SANDBOX = re.compile(r"^\s*<!--\s*sandbox\s*:\s*(?P<profile>[\w-]+)\s*-->\s*$")


@dataclass(frozen=True)
class Block:
    """One fenced code block: where it is, its language, its text, and why it is not run (if so)."""

    path: str
    line: int  # 1-based line of the first line of code
    language: str
    code: str
    not_executed: str | None  # the reason given, "" when the marker has none, None when unmarked
    sandbox: str | None = None  # the profile of the sandbox it runs against, None for the page's

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"


def read_blocks(path: str) -> list[Block]:
    """Return every fenced block of ``path`` (relative to the repository) in order."""
    return parse_blocks((REPO / path).read_text(encoding="utf-8"), path=path)


def parse_blocks(text: str, *, path: str) -> list[Block]:
    """Return every fenced block of the Markdown ``text`` in order; ``path`` names it in messages."""
    lines = text.splitlines()
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        match = _FENCE.match(lines[index])
        if match is None:
            index += 1
            continue
        indent, fence = match.group("indent"), match.group("fence")
        language = match.group("info").strip().split(" ")[0].lower()
        marker = profile = None
        previous = index - 1
        while previous >= 0 and not lines[previous].strip():
            previous -= 1
        if previous >= 0:
            found = _NOT_EXECUTED.match(lines[previous])
            if found is not None:
                marker = found.group("reason").strip()
            elsewhere = _SANDBOX.match(lines[previous])
            if elsewhere is not None:
                profile = elsewhere.group("profile")
        end = index + 1
        while end < len(lines) and lines[end].strip() != fence:
            end += 1
        if end == len(lines):
            raise AssertionError(f"{path}:{index + 1}: unclosed code fence")
        body = [line[len(indent) :] if line.startswith(indent) else line for line in lines[index + 1 : end]]
        blocks.append(Block(path, index + 2, language, "\n".join(body) + "\n", marker, profile))
        index = end + 1
    return blocks


def shell_commands(block: Block) -> list[list[str]]:
    """Return the commands of a bash/console block as argument lists (comments and output dropped)."""
    commands: list[list[str]] = []
    pending = ""
    for raw in block.code.splitlines():
        line = raw.rstrip()
        if block.language == "console" and not pending:
            if not line.startswith("$ "):
                continue  # output, not a command
            line = line[2:]
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        line, pending = pending + line, ""
        words = shlex.split(line, comments=True)
        if words:
            commands.append(words)
    return commands


def split_pipeline(words: list[str]) -> list[list[str]]:
    """Split one command line at ``|``, ``&&``, ``||`` and ``;`` and drop redirections."""
    parts: list[list[str]] = [[]]
    skip = False
    for word in words:
        if skip:
            skip = False
            continue
        if word in {"|", "&&", "||", ";"}:
            parts.append([])
        elif word in {">", ">>", "<", "2>"}:
            skip = True
        elif re.fullmatch(r"\d?[<>]{1,2}\S+", word):
            continue
        else:
            parts[-1].append(word)
    return [part for part in parts if part]


def _without_env_assignments(words: list[str]) -> list[str]:
    index = 0
    while index < len(words) and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*=.*", words[index]):
        index += 1
    return words[index:]


def check_command(words: list[str], *, make_targets: set[str]) -> str | None:
    """Parse ``words`` with the parser of the program it runs; return what was checked, or None.

    Raises AssertionError with the parser's message when the command would not parse.
    ``make`` targets must exist in the Makefile; other programs are not checked.
    """
    words = _without_env_assignments(words)
    if not words:
        return None
    if words[0] == "python" or words[0].endswith("/python"):
        if words[1:3] == ["-m", "oneroster.sandbox"]:
            check_sandbox_args(words[3:], make_targets=make_targets)
            return "sandbox"
        return None
    if words[0] == "oneroster":
        check_cli_args(words[1:], make_targets=make_targets)
        return "oneroster"
    if words[0] == "make":
        unknown = [target for target in words[1:] if "=" not in target and target not in make_targets]
        assert not unknown, f"make target(s) {unknown} not in the Makefile"
        return "make"
    return None


def check_sandbox_args(args: list[str], *, make_targets: set[str]) -> None:
    """Parse sandbox arguments with ``oneroster.sandbox.__main__.parser()``; check a command after ``--``."""
    from oneroster.sandbox.__main__ import parser

    messages = io.StringIO()
    try:
        with contextlib.redirect_stderr(messages):
            namespace = parser().parse_args(args)
    except SystemExit as exc:  # argparse reports errors by exiting, and --help too (status 0)
        if not exc.code:
            return
        detail = messages.getvalue().strip().splitlines()[-1:] or [f"exit {exc.code}"]
        raise AssertionError(f"python -m oneroster.sandbox {shlex.join(args)}: {detail[0]}") from None
    command = list(namespace.command)
    if command[:1] == ["--"]:
        command = command[1:]
    if command:
        check_command(command, make_targets=make_targets)


def check_cli_args(args: list[str], *, make_targets: set[str]) -> None:
    """Parse ``oneroster`` arguments down to the last subcommand with the real typer command tree."""
    from oneroster.cli.app import app

    # typer ships its own copy of click, so the tree is walked by duck typing, not click's classes.
    command: Any = _cli_command(app)
    try:
        context = command.make_context("oneroster", list(args))
        while hasattr(command, "resolve_command"):
            # The group keeps the subcommand's name apart from its arguments until it is invoked.
            rest = [*getattr(context, "_protected_args", []), *context.args]
            if not rest:
                break
            name, sub, sub_args = command.resolve_command(context, rest)
            assert name is not None and sub is not None, f"no subcommand in {rest}"
            command = sub
            context = command.make_context(name, sub_args, parent=context)
    except typer.Exit as exc:  # --help, --version
        assert exc.exit_code == 0, f"oneroster {shlex.join(args)}: exit {exc.exit_code}"
        return
    except typer.TyperException as exc:
        raise AssertionError(f"oneroster {shlex.join(args)}: {exc}") from None
    if context.info_name == "sandbox":
        # `oneroster sandbox` hands everything to the sandbox's own parser.
        check_sandbox_args(list(context.args), make_targets=make_targets)


@functools.cache
def _cli_command(app: typer.Typer) -> Any:
    # Building the command tree from ~20 resource apps is the slow part; it never changes in a run.
    return typer.main.get_command(app)


def makefile_targets() -> set[str]:
    """Return the targets defined in the Makefile."""
    text = (REPO / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Za-z][\w.-]*)\s*:(?!=)", text, flags=re.MULTILINE))
