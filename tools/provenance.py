"""Print openapi/GENERATED.md: what produced oneroster_client/ (versions and input hashes, no timestamps)."""

from __future__ import annotations

from importlib.metadata import version

import yaml
from generation import CONFIG, PACKAGE, SPEC, TEMPLATES, sha256_of

METHODS = ("get", "put", "post", "patch", "delete")


def main() -> None:
    """Write the provenance note to stdout."""
    spec = yaml.safe_load(SPEC.read_text())
    operations = [op for item in spec["paths"].values() for m, op in item.items() if m in METHODS]
    by_kind: dict[str, int] = {}
    for op in operations:
        kind = op.get("x-oneroster-extension", "official")
        by_kind[kind] = by_kind.get(kind, 0) + 1
    models = sorted(p.stem for p in (PACKAGE / "models").glob("*.py") if p.stem != "__init__")
    print("# How oneroster_client/ was generated\n")
    print(
        "Regenerate with `make generate`; `make check-generated` fails if this package drifts from the spec.\n"
    )
    print(
        f"- generator: openapi-python-client {version('openapi-python-client')} (post-hooks: ruff {version('ruff')})"
    )
    print(f"- spec: `openapi/oneroster-1.2.yaml` sha256 `{sha256_of(SPEC)}`")
    print(f"- config: `generator-config.yml` sha256 `{sha256_of(CONFIG)}`")
    print(f"- templates: `openapi/templates/` sha256 `{sha256_of(TEMPLATES)}`")
    print(f"- operations: {len(operations)} ({', '.join(f'{k} {v}' for k, v in sorted(by_kind.items()))})")
    print(
        f"- paths: {len(spec['paths'])}; schemas: {len(spec['components']['schemas'])}; model modules: {len(models)}"
    )


if __name__ == "__main__":
    main()
