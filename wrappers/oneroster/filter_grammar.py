"""Read OneRoster ``filter`` text back into conditions, and check conditions against a dialect.

:mod:`oneroster.filters` builds filter strings; this module is its inverse, shared by the
client (a raw ``filter=`` string is parsed and planned like a ``where=``, so it can never
widen a scoped listing) and the sandbox (which answers a filter the way a provider of a given
:class:`~oneroster.dialects.Dialect` would).

The canonical grammar is the one :mod:`oneroster.filters` emits: ``field<op>'value'`` clauses
joined by upper-case ``AND``/``OR`` with a space on each side, parentheses to group, ``''`` for
a quote inside a value. Mixing AND with OR at one level without parentheses is refused as
ambiguous (servers disagree on which binds first).

Example:
    ```python
    from oneroster.filter_grammar import parse_filter, unquote, violation
    from oneroster.dialects import BASELINE

    cond = parse_filter("status='active' AND (familyName='O''Neill' OR familyName='Smith')")
    violation(cond, BASELINE)          # 'mixed_connectors'
    unquote("'O''Neill'")             # "O'Neill"
    ```

"""

from __future__ import annotations

import re
from typing import Final, Literal, NoReturn

from oneroster.dialects import FULL, Dialect
from oneroster.errors import ValidationError
from oneroster.filters import Clause, Condition, Group, Operator, check_field_name

__all__ = ["FilterError", "clauses", "parse_filter", "unquote", "violation"]

# Far beyond any real client; keeps a hostile filter from costing unbounded work.
MAX_CLAUSES: Final = 20
_MAX_DEPTH: Final = 20
_MAX_ECHO: Final = 200

_SEGMENT: Final = r"(?:[A-Za-z0-9_]+:)?[A-Za-z_][A-Za-z0-9_\-]*"
_FIELD_RE: Final = re.compile(rf"{_SEGMENT}(?:\.{_SEGMENT})*")
# Longest operators first, so ``>=`` is never read as ``>`` followed by garbage.
_OP_RE: Final = re.compile(r"!=|>=|<=|=|>|<|~")
_CONNECTOR_RE: Final = re.compile(r"(AND|OR)\b")
_WORD_RE: Final = re.compile(r"\S+")
_WHITESPACE: Final = " \t\r\n"
# Without an escape, a value runs to the quote that ends the token (what a regex-based
# server does with 'O''Neill': it keeps both quotes and matches nothing).
_TOKEN_END: Final = frozenset(" \t\r\n)")


class FilterError(ValueError):
    """A filter that cannot be read, or that uses a capability the dialect lacks.

    ``capability`` names the :class:`~oneroster.dialects.Dialect` attribute at fault
    (``"parentheses"``, ``"max_clauses"``...) or is ``None`` for plain syntax errors.

    Example:
        ```python
        try:
            parse_filter("a='1' AND b='2' OR c='3'")
        except FilterError as exc:
            print(exc)
        ```

    """

    def __init__(self, message: str, *, capability: str | None = None) -> None:
        super().__init__(message)
        self.capability = capability


def _echo(text: str) -> str:
    # Long input is cut so messages stay readable (and bounded) in a 400 body or a log line.
    return repr(text if len(text) <= _MAX_ECHO else text[:_MAX_ECHO] + "...")


def unquote(literal: str) -> str:
    """Return the value of a quoted literal as :mod:`oneroster.filters` writes it (``'O''B'`` -> ``O'B``).

    Example:
        ```python
        unquote("'O''Brien'")   # "O'Brien"
        ```

    """
    return literal[1:-1].replace("''", "'")


class _Parser:
    """Recursive descent over the filter text; every error names the position."""

    def __init__(self, text: str, dialect: Dialect) -> None:
        self.text = text
        self.dialect = dialect
        self.pos = 0
        self.clauses = 0

    def fail(self, message: str, capability: str | None = None) -> NoReturn:
        raise FilterError(
            f"{message} (at position {self.pos} of filter {_echo(self.text)})", capability=capability
        )

    def peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def skip_ws(self) -> bool:
        start = self.pos
        while self.pos < len(self.text) and self.text[self.pos] in _WHITESPACE:
            self.pos += 1
        return self.pos > start

    def parse(self) -> Condition:
        self.skip_ws()
        if self.pos == len(self.text):
            self.fail("the filter is empty; leave the parameter out to list everything")
        node = self.expression(0)
        self.skip_ws()
        if self.peek() == ")":
            self.fail("unbalanced ')'")
        if self.pos < len(self.text):
            self.fail("unexpected text after the filter")
        return node

    def expression(self, depth: int) -> Condition:
        parts = [self.operand(depth)]
        connector: Literal["AND", "OR"] | None = None
        while True:
            spaced = self.skip_ws()
            if self.pos == len(self.text) or self.peek() == ")":
                break
            match = _CONNECTOR_RE.match(self.text, self.pos)
            if match is None:
                word = _WORD_RE.match(self.text, self.pos)
                found = word.group() if word else self.peek()
                self.fail(f"expected AND or OR (upper case) between clauses, found {_echo(found)}")
            # The grammar puts a space on each side of the connector; a parenthesis is an
            # equally clear boundary, so ``(a='1')AND b='2'`` is tolerated.
            if not spaced and self.text[self.pos - 1] != ")":
                self.fail(f"{match.group(1)} needs a space before it")
            op: Literal["AND", "OR"] = "AND" if match.group(1) == "AND" else "OR"
            if connector is not None and op != connector:
                self.fail(
                    "AND and OR are mixed at one level, which is ambiguous; group with parentheses, "
                    "for example a='1' AND (b='2' OR c='3')",
                    "mixed_connectors" if not self.dialect.mixed_connectors else None,
                )
            connector = op
            self.pos = match.end()
            if not self.skip_ws() and self.peek() not in ("(", ""):
                self.fail(f"{op} needs a space after it")
            parts.append(self.operand(depth))
        if connector is None:
            return parts[0]
        flat: list[Condition] = []
        for part in parts:
            # ``a AND (b AND c)`` means ``a AND b AND c``.
            if isinstance(part, Group) and part.op == connector:
                flat.extend(part.parts)
            else:
                if isinstance(part, Group) and not self.dialect.mixed_connectors:
                    self.fail("this provider does not mix AND and OR in one filter", "mixed_connectors")
                flat.append(part)
        return Group(connector, tuple(flat))

    def operand(self, depth: int) -> Condition:
        self.skip_ws()
        if self.peek() != "(":
            return self.clause()
        if not self.dialect.parentheses:
            self.fail("this provider does not take parentheses in a filter", "parentheses")
        if depth >= _MAX_DEPTH:
            self.fail(f"parentheses are nested deeper than {_MAX_DEPTH} levels")
        self.pos += 1
        self.skip_ws()
        if self.peek() == ")":
            self.fail("empty parentheses")
        node = self.expression(depth + 1)
        self.skip_ws()
        if self.peek() != ")":
            self.fail("missing ')'")
        self.pos += 1
        return node

    def clause(self) -> Clause:
        if self.pos == len(self.text):
            self.fail("expected a clause such as givenName='Ann'")
        field = _FIELD_RE.match(self.text, self.pos)
        if field is None:
            self.fail("expected a field name such as givenName or course.sourcedId")
        name = field.group()
        if "." in name and not self.dialect.allows_dotted(name):
            self.fail(f"this provider does not filter on the dotted field {name!r}", "dotted_fields")
        self.pos = field.end()
        self.skip_ws()
        op = _OP_RE.match(self.text, self.pos)
        if op is None:
            self.fail(f"expected an operator (= != > >= < <= ~) after field {name!r}")
        if op.group() == "~" and not self.dialect.contains:
            self.fail("this provider has no ~ (contains) operator", "contains")
        self.pos = op.end()
        self.skip_ws()
        if self.peek() != "'":
            self.fail("values must be single-quoted, for example givenName='Ann' or score>='90'")
        value = self.quoted() if self.dialect.quote_escape else self.raw_quoted()
        self.clauses += 1
        limit = min(self.dialect.max_clauses or MAX_CLAUSES, MAX_CLAUSES)
        if self.clauses > limit:
            capability = "max_clauses" if limit < MAX_CLAUSES else None
            self.fail(f"the filter has more than {limit} clauses", capability)
        try:
            check_field_name(name)
            operator: Operator = op.group()  # type: ignore[assignment]
            return Clause(name, operator, "'" + value.replace("'", "''") + "'")
        except ValidationError as exc:
            self.fail(str(exc))

    def quoted(self) -> str:
        start = self.pos
        self.pos += 1
        pieces: list[str] = []
        while True:
            end = self.text.find("'", self.pos)
            if end < 0:
                self.pos = start
                self.fail("unterminated quoted value (write a quote inside a value as '')")
            pieces.append(self.text[self.pos : end])
            if self.text.startswith("''", end):
                pieces.append("'")
                self.pos = end + 2
                continue
            self.pos = end + 1
            return "".join(pieces)

    def raw_quoted(self) -> str:
        start = self.pos
        end = self.pos + 1
        while True:
            end = self.text.find("'", end)
            if end < 0:
                self.pos = start
                self.fail("unterminated quoted value")
            after = self.text[end + 1 : end + 2]
            if after == "" or after in _TOKEN_END:
                self.pos = end + 1
                return self.text[start + 1 : end]
            end += 1


def parse_filter(text: str, *, dialect: Dialect = FULL) -> Condition:
    """Parse a ``filter`` value into a :class:`~oneroster.filters.Condition`.

    With the default (``FULL``) dialect this reads everything :mod:`oneroster.filters`
    writes. A stricter ``dialect`` refuses what such a provider refuses (parentheses, more
    clauses, dotted fields...), naming the capability in :attr:`FilterError.capability`;
    without ``quote_escape`` a doubled quote is kept as two quotes, as such a provider would.

    Example:
        ```python
        parse_filter("familyName='O''Brien'").to_filter()   # "familyName='O''Brien'"
        parse_filter("a='1' AND b='2' OR c='3'")            # raises FilterError (ambiguous)
        ```

    """
    if not isinstance(text, str):
        raise FilterError(f"a filter is text, got {type(text).__name__}")
    return _Parser(text, dialect).parse()


def clauses(condition: Condition) -> list[Clause]:
    """Return every clause of ``condition``, left to right.

    Example:
        ```python
        [c.field for c in clauses(parse_filter("a='1' OR b='2'"))]   # ['a', 'b']
        ```

    """
    if isinstance(condition, Clause):
        return [condition]
    assert isinstance(condition, Group)
    return [clause for part in condition.parts for clause in clauses(part)]


def violation(condition: Condition, dialect: Dialect, *, schema: str | None = None) -> str | None:
    """Return the first capability ``dialect`` lacks to take ``condition`` as one filter, or ``None``.

    ``schema`` (the record schema, e.g. ``"User"``) lets the dialect's extra filter fields
    count as plain fields.

    Example:
        ```python
        violation(parse_filter("roles.role='student'"), BASELINE)   # 'dotted_fields'
        ```

    """
    found = clauses(condition)
    if dialect.max_clauses is not None and len(found) > dialect.max_clauses:
        return "max_clauses"
    if isinstance(condition, Group) and any(isinstance(part, Group) for part in condition.parts):
        # A nested group of the other connector is what needs parentheses.
        if not dialect.mixed_connectors:
            return "mixed_connectors"
        if not dialect.parentheses:  # pragma: no cover - mixed_connectors implies parentheses
            return "parentheses"
    extra = dialect.extra_fields(schema) if schema else ()
    for clause in found:
        if "." in clause.field and clause.field not in extra and not dialect.allows_dotted(clause.field):
            return "dotted_fields"
        if clause.op == "~" and not dialect.contains:
            return "contains"
        if "''" in clause.literal[1:-1] and not dialect.quote_escape:
            return "quote_escape"
    return None
