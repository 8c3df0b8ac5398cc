"""Every make target that runs a tool from .venv installs it first, so each works on a fresh clone."""

from __future__ import annotations

import re
from pathlib import Path

MAKEFILE = Path(__file__).resolve().parents[2] / "Makefile"


def _rules() -> dict[str, tuple[list[str], list[str]]]:
    """target -> (prerequisites, recipe lines), order-only prerequisites included."""
    rules: dict[str, tuple[list[str], list[str]]] = {}
    current: str | None = None
    for line in MAKEFILE.read_text(encoding="utf-8").splitlines():
        if line.startswith("\t") and current is not None:
            rules[current][1].append(line.strip())
            continue
        match = re.match(r"^([A-Za-z$()/._-]+)\s*:(?!=)\s*([^#]*)", line)
        if match and not line.startswith(".PHONY"):
            current = match.group(1)
            prerequisites = match.group(2).replace("|", " ").split()
            rules[current] = (prerequisites, [])
        elif not line.strip() or line.startswith("#"):
            continue
        else:
            current = None
    return rules


def _installs(
    target: str, rules: dict[str, tuple[list[str], list[str]]], seen: frozenset[str] = frozenset()
) -> bool:
    if target in ("$(VENV)/.installed", "install"):
        return True
    prerequisites = rules.get(target, ([], []))[0]
    return any(_installs(p, rules, seen | {target}) for p in prerequisites if p not in seen)


def test_every_target_that_runs_a_venv_tool_installs_first() -> None:
    rules = _rules()
    assert {"generate", "check-generated", "validate-spec", "lint", "typecheck", "test", "demo"} <= set(rules)
    needing = [
        target
        for target, (_, recipe) in rules.items()
        if any("$(BIN)/" in line for line in recipe) and not target.startswith("$(")
    ]
    assert "generate" in needing and "typecheck" in needing
    missing = [target for target in needing if not _installs(target, rules)]
    assert not missing, f"make targets that run .venv tools without installing them first: {missing}"
