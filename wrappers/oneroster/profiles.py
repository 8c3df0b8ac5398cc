"""Profiles: where each OneRoster service lives on a host, and the provider's URL quirks.

A profile maps the three services (``rostering``, ``gradebook``, ``resources``) to path
prefixes below ``base_url``, names the set of operations the provider serves (the spec's
``x-oneroster-profiles``), and carries quirks such as TimeBack's trailing slash on
collection paths (``GET .../users/``: without the slash the live API answers 404).

Built-in profiles:

| name                | roots                                      | operations          |
|---------------------|--------------------------------------------|---------------------|
| `ims`               | `/ims/oneroster/<service>/v1p2`            | 1EdTech (read, gradebook writes) |
| `timeback`          | as `ims`, collections as `.../users/`       | 1EdTech + TimeBack writes, agents |
| `timeback-platform` | `/rostering/1.0` (rostering only)          | TimeBack platform API |
| `v1p1`              | `/ims/oneroster/v1p1` for every service     | 1EdTech operation set on a 1.1 root |

Example:
    ```python
    from oneroster import OneRoster, Profile

    custom = Profile(name="district", roots={"rostering": "/api/or/v1p2"}, operations="ims")
    client = OneRoster(base_url="https://sis.example", token="...", profile=custom)
    ```

"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from oneroster.errors import ValidationError
from oneroster.operation_index import OPERATIONS

__all__ = ["PROFILES", "SCOPE_PREFIX", "SERVICES", "Profile", "resolve_profile"]

SERVICES = ("rostering", "gradebook", "resources")
SCOPE_PREFIX = "https://purl.imsglobal.org/spec/or/v1p2/scope/"

# The operation sets the spec names in x-oneroster-profiles: a new one needs no code change here.
_OPERATION_SETS = frozenset(name for op in OPERATIONS.values() for name in op.profiles)

_READ_SCOPES = tuple(
    SCOPE_PREFIX + s
    for s in (
        "roster-core.readonly",
        "roster.readonly",
        "roster-demographics.readonly",
        "gradebook.readonly",
        "assessment.readonly",
        "resource.readonly",
    )
)


@dataclass(frozen=True)
class Profile:
    """Service roots and quirks of one kind of OneRoster provider.

    ``roots`` maps a service name to its path prefix below ``base_url``; a service that is
    missing is not offered by the provider. ``operations`` is the ``x-oneroster-profiles``
    value whose operations the provider serves (``ims``, ``timeback`` or
    ``timeback-platform``). ``trailing_slash`` adds ``/`` to top-level collection paths.

    Example:
        ```python
        Profile(name="custom", roots={"rostering": "/oneroster/v1p2"}, operations="ims")
        ```

    """

    name: str
    roots: Mapping[str, str]
    operations: str = "ims"
    trailing_slash: bool = False
    default_scopes: tuple[str, ...] = field(default=_READ_SCOPES)

    def __post_init__(self) -> None:
        unknown = set(self.roots) - set(SERVICES)
        if unknown:
            raise ValidationError(f"unknown service(s) in profile roots: {sorted(unknown)}", field="roots")
        if self.operations not in _OPERATION_SETS:
            raise ValidationError(
                f"operations must be one of {sorted(_OPERATION_SETS)} (the spec's x-oneroster-profiles), "
                f"not {self.operations!r}",
                field="operations",
            )
        for service, root in self.roots.items():
            if not root.startswith("/") or root.endswith("/"):
                raise ValidationError(
                    f"root of {service} must start with '/' and not end with one: {root!r}", field="roots"
                )


def _scopes_of(operations: str) -> tuple[str, ...]:
    """Every scope that some operation of the profile asks for (reads and writes)."""
    return tuple(sorted({s for op in OPERATIONS.values() if operations in op.profiles for s in op.scopes}))


def _ims_roots() -> dict[str, str]:
    return {service: f"/ims/oneroster/{service}/v1p2" for service in SERVICES}


PROFILES: dict[str, Profile] = {
    "ims": Profile(name="ims", roots=_ims_roots(), operations="ims"),
    # TimeBack's point is writing (users, enrollments, agents), and its own docs request the
    # write scopes, so its default token asks for every scope its operations use.
    "timeback": Profile(
        name="timeback",
        roots=_ims_roots(),
        operations="timeback",
        trailing_slash=True,
        default_scopes=_scopes_of("timeback"),
    ),
    "timeback-platform": Profile(
        name="timeback-platform",
        roots={"rostering": "/rostering/1.0"},
        operations="timeback-platform",
        default_scopes=(SCOPE_PREFIX + "roster.readonly",),
    ),
    "v1p1": Profile(name="v1p1", roots={service: "/ims/oneroster/v1p1" for service in SERVICES}),
}


def resolve_profile(profile: str | Profile) -> Profile:
    """Return the built-in profile named ``profile``, or ``profile`` itself.

    Example:
        ```python
        resolve_profile("timeback").trailing_slash   # True
        ```

    """
    if isinstance(profile, Profile):
        return profile
    try:
        return PROFILES[profile]
    except KeyError:
        raise ValidationError(
            f"unknown profile {profile!r}; use one of {sorted(PROFILES)} or a Profile(...)", field="profile"
        ) from None
