"""Names the tests need to be unknown to the spec, made so that a real property can never collide.

A test that says "the server refuses an unknown field" must not pick a name a maintainer may add
to openapi/oneroster-1.2.yaml one day (``nickname`` was such a name): it asks for one here.
"""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

SPEC = Path(__file__).resolve().parents[1] / "openapi" / "oneroster-1.2.yaml"


@functools.cache
def spec_property_names() -> frozenset[str]:
    """Every property name of every schema of the spec."""
    schemas = yaml.safe_load(SPEC.read_text(encoding="utf-8"))["components"]["schemas"]
    return frozenset(name for schema in schemas.values() for name in schema.get("properties", {}))


@functools.cache
def unknown_field(stem: str = "notInTheSpec") -> str:
    """A camelCase field name that no schema of the spec has: ``stem``, else ``stem2``, ``stem3``..."""
    names = spec_property_names()
    candidate, number = stem, 1
    while candidate in names:
        number += 1
        candidate = f"{stem}{number}"
    return candidate
