"""Dialects: what a OneRoster provider can express, and how it answers.

Providers agree on the records and disagree on the query language around them. A
:class:`Dialect` lists those differences as capabilities: the filter grammar (how many
clauses, whether AND and OR may be mixed, parentheses, dotted fields such as
``class.sourcedId``, whether ``''`` escapes a quote, ``~``), ``search``, which nested
routes exist (``/classes/{id}/students``), whether ``fields=`` is honoured on single
GETs, and whether totals and ``Link`` headers come back. The client's query planner
(:mod:`oneroster.planner`) reads it to decide which requests to send; the sandbox reads it
to behave like such a provider (``python -m oneroster.sandbox --dialect edfi``).

The answer habits at the end (singular envelopes, extra envelope keys, ``null``
references, short pages) do not change what the client sends: it reads all of them
whatever the dialect. They are here so the sandbox can produce them.

Built-in presets (``DIALECTS``):

- ``FULL``: everything our filter builder emits (any number of clauses, parentheses,
  dotted fields, ``''`` escapes, ``search``, a ``role`` filter field on users).
- ``BASELINE``: what the 1EdTech OneRoster 1.2 documents guarantee: two clauses joined by one
  operator, no parentheses, no dotted fields, no quote escape, no ``search``.
- ``TIMEBACK``: the baseline plus ``search`` and a ``role`` filter field on users.
- ``PLATFORM``: the TimeBack platform (``/rostering/1.0``): the baseline plus ``search``,
  ``role`` on users and the dotted fields its documents use.
- ``EDFI``: shaped like the Ed-Fi Alliance's open-source provider: up to 20 clauses of one
  operator, no parentheses, no dotted fields, no quote escape, no nested routes, ``fields``
  ignored on single GETs, no ``search``, no totals, a singular demographics envelope, flat
  error bodies.

Example:
    ```python
    from oneroster.dialects import BASELINE, Dialect

    BASELINE.max_clauses                          # 2
    lenient = Dialect(name="district", max_clauses=None, parentheses=True, mixed_connectors=True)
    ```

"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from oneroster.errors import ValidationError

__all__ = [
    "BASELINE",
    "DIALECTS",
    "EDFI",
    "FULL",
    "PLATFORM",
    "TIMEBACK",
    "Dialect",
    "capability_table",
    "resolve_dialect",
]


@dataclass(frozen=True)
class Dialect:
    """The query capabilities and answer habits of one kind of provider.

    Filter grammar:
        ``max_clauses``: most ``field<op>'value'`` clauses in one filter (``None``: no limit).
        ``mixed_connectors``: AND and OR may appear in one filter (grouped by parentheses).
        ``parentheses``: parentheses are understood at all.
        ``dotted_fields``: ``True`` (any dotted field such as ``roles.role``), ``False``
        (none), or the set of dotted fields the provider accepts.
        ``quote_escape``: ``''`` inside a quoted value means one ``'``; without it a value
        holding a quote cannot be sent.
        ``contains``: the ``~`` operator.
        ``filter_fields``: filter fields beyond the schema, by record schema
        (``{"User": ("role",)}``: TimeBack filters users by ``role``).
        ``search``: the ``search`` parameter is honoured.

    Routes and answers:
        ``nested_routes``: ``True`` (every nested listing the profile offers exists),
        ``False`` (none) or the set of operationIds that do.
        ``fields_on_get``: ``fields=`` is honoured on single-record GETs.
        ``totals`` / ``links``: ``X-Total-Count`` (or a body total) / ``Link`` come back.
        ``legacy_roles``: the provider's data uses OneRoster 1.1 role names (``administrator``).
        ``legacy_records``: records come in the OneRoster 1.1 shape (``role`` and ``orgs``
        instead of ``roles``); the client maps them into the 1.2 shape.

    Answer habits (read by the client in every dialect; produced by the sandbox on request):
        ``singular_envelopes`` (``{"demographic": …}``, ``{"term": …}``,
        ``{"gradingPeriod": …}``), ``extra_envelope_keys`` (``{"users": […], "x": 1}``),
        ``null_references`` (``"course": null``), ``short_pages`` (fewer records than asked
        in mid-collection), ``flat_errors`` (Ed-Fi's error bodies: a flat
        ``"imsx_codeMinor": "invalid_data"`` string instead of the structured
        ``imsx_CodeMinor``, and none at all on a 404).

    Example:
        ```python
        Dialect(name="my-sis", max_clauses=5, dotted_fields=frozenset({"class.sourcedId"}))
        ```

    """

    name: str = "custom"
    max_clauses: int | None = None
    mixed_connectors: bool = True
    parentheses: bool = True
    dotted_fields: bool | frozenset[str] = True
    quote_escape: bool = True
    contains: bool = True
    filter_fields: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    search: bool = True
    nested_routes: bool | frozenset[str] = True
    fields_on_get: bool = True
    totals: bool = True
    links: bool = True
    legacy_roles: bool = False
    legacy_records: bool = False
    singular_envelopes: bool = False
    extra_envelope_keys: bool = False
    null_references: bool = False
    short_pages: bool = False
    flat_errors: bool = False

    def __post_init__(self) -> None:
        if self.max_clauses is not None and (
            isinstance(self.max_clauses, bool)
            or not isinstance(self.max_clauses, int)
            or self.max_clauses < 1
        ):
            raise ValidationError(
                f"max_clauses must be a positive integer or None, got {self.max_clauses!r}",
                field="max_clauses",
            )
        if self.mixed_connectors and not self.parentheses:
            # Mixing AND with OR needs parentheses to say which binds first.
            raise ValidationError("mixed_connectors needs parentheses=True", field="mixed_connectors")
        for name in ("dotted_fields", "nested_routes"):
            value = getattr(self, name)
            if isinstance(value, list | set | tuple):
                object.__setattr__(self, name, frozenset(value))
            elif not isinstance(value, bool | frozenset):
                raise ValidationError(f"{name} must be True, False or a set of names", field=name)
        object.__setattr__(
            self,
            "filter_fields",
            {schema: tuple(names) for schema, names in dict(self.filter_fields).items()},
        )

    def allows_dotted(self, name: str) -> bool:
        """Whether the dotted filter field ``name`` can be sent.

        Example:
            ```python
            PLATFORM.allows_dotted("course.sourcedId")   # True
            ```

        """
        if isinstance(self.dotted_fields, bool):
            return self.dotted_fields
        return name in self.dotted_fields

    def has_route(self, op_id: str) -> bool:
        """Whether the nested listing ``op_id`` exists on such a provider.

        Example:
            ```python
            EDFI.has_route("getStudentsForClass")   # False
            ```

        """
        if isinstance(self.nested_routes, bool):
            return self.nested_routes
        return op_id in self.nested_routes

    def extra_fields(self, schema: str) -> tuple[str, ...]:
        """Return the filter fields beyond the schema that records of ``schema`` take."""
        return self.filter_fields.get(schema, ())

    def replace(self, **changes: Any) -> Dialect:
        """Return a copy with some capabilities changed.

        Example:
            ```python
            BASELINE.replace(name="mine", max_clauses=4)
            ```

        """
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """Return the dialect as JSON-able data (sets become sorted lists)."""
        data: dict[str, Any] = {}
        for item in dataclasses.fields(self):
            value = getattr(self, item.name)
            if isinstance(value, frozenset):
                value = sorted(value)
            elif isinstance(value, Mapping):
                value = {key: list(names) for key, names in value.items()}
            data[item.name] = value
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Dialect:
        """Build a dialect from :meth:`to_dict` output; unknown keys are refused.

        Example:
            ```python
            Dialect.from_dict({"name": "x", "max_clauses": 2})
            ```

        """
        known = {item.name for item in dataclasses.fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValidationError(f"unknown dialect capabilities: {', '.join(unknown)}", field=unknown[0])
        values = dict(data)
        for name in ("dotted_fields", "nested_routes"):
            if isinstance(values.get(name), list):
                values[name] = frozenset(values[name])
        return cls(**values)


# TimeBack filters users by ``role``; the fullest dialect takes it too, so every dialect's fallback
# for a role condition can be compared with the direct one.
FULL = Dialect(name="full", filter_fields={"User": ("role",)})

BASELINE = Dialect(
    name="baseline",
    max_clauses=2,
    mixed_connectors=False,
    parentheses=False,
    dotted_fields=False,
    quote_escape=False,
    search=False,
)

TIMEBACK = BASELINE.replace(name="timeback", search=True, filter_fields={"User": ("role",)})

# The platform's own documents filter classes by course and enrollments by user and class.
PLATFORM = BASELINE.replace(
    name="timeback-platform",
    search=True,
    filter_fields={"User": ("role",)},
    dotted_fields=frozenset({"course.sourcedId", "user.sourcedId", "class.sourcedId"}),
    links=False,
)

EDFI = Dialect(
    name="edfi",
    max_clauses=20,
    mixed_connectors=False,
    parentheses=False,
    dotted_fields=False,
    quote_escape=False,
    search=False,
    nested_routes=False,
    fields_on_get=False,
    totals=False,
    links=False,
    singular_envelopes=True,
    flat_errors=True,
)

DIALECTS: dict[str, Dialect] = {d.name: d for d in (FULL, BASELINE, TIMEBACK, PLATFORM, EDFI)}


def resolve_dialect(dialect: str | Dialect | Path) -> Dialect:
    """Return the preset named ``dialect``, a dialect saved as JSON at a path, or ``dialect`` itself.

    Example:
        ```python
        resolve_dialect("edfi").nested_routes   # False
        ```

    """
    if isinstance(dialect, Dialect):
        return dialect
    if isinstance(dialect, Path):
        return Dialect.from_dict(json.loads(dialect.read_text(encoding="utf-8")))
    try:
        return DIALECTS[dialect]
    except KeyError:
        raise ValidationError(
            f"unknown dialect {dialect!r}; use one of {sorted(DIALECTS)} or a Dialect(...)", field="dialect"
        ) from None


def _cell(dialect: Dialect, name: str) -> str:
    value = getattr(dialect, name)
    if name == "max_clauses":
        return "any" if value is None else str(value)
    if name == "filter_fields":
        return "yes" if "role" in dialect.extra_fields("User") else "no"
    if isinstance(value, frozenset):
        return ", ".join(f"`{item}`" for item in sorted(value)) or "none"
    return "yes" if value else "no"


_ROWS = (
    ("max_clauses", "clauses in one filter"),
    ("mixed_connectors", "AND mixed with OR"),
    ("parentheses", "parentheses"),
    ("dotted_fields", "dotted fields (`class.sourcedId`, `roles.role`)"),
    ("quote_escape", "`''` escapes a quote"),
    ("contains", "`~` (contains)"),
    ("filter_fields", "`role` filter field on users"),
    ("search", "`search=`"),
    ("nested_routes", "nested routes (`/classes/{id}/students`)"),
    ("fields_on_get", "`fields=` on a single GET"),
    ("totals", "totals (`X-Total-Count` or body)"),
    ("links", "`Link` header"),
    ("legacy_records", "1.1 records and role names"),
)


def capability_table(columns: Mapping[str, Dialect]) -> str:
    """Return a Markdown table of capabilities (rows) by dialect (columns), as docs/profiles.md shows it.

    Example:
        ```python
        print(capability_table({"ims": BASELINE, "edfi": EDFI}))
        ```

    """
    header = "| capability | " + " | ".join(f"`{name}`" for name in columns) + " |"
    rule = "|---|" + "---|" * len(columns)
    rows = [
        f"| {label} | " + " | ".join(_cell(dialect, name) for dialect in columns.values()) + " |"
        for name, label in _ROWS
    ]
    return "\n".join([header, rule, *rows])
