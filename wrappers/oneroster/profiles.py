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
| `v1p1`              | `/ims/oneroster/v1p1` for every service     | 1EdTech operations 1.1 had |

Example:
    ```python
    from oneroster import OneRoster, Profile

    custom = Profile(name="district", roots={"rostering": "/api/or/v1p2"}, operations="ims")
    client = OneRoster(base_url="https://sis.example", token="...", profile=custom)
    ```

"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from oneroster.dialects import BASELINE, PLATFORM, TIMEBACK, Dialect, resolve_dialect
from oneroster.errors import ValidationError
from oneroster.legacy import NOT_IN_1P1
from oneroster.operation_index import OPERATIONS

__all__ = [
    "ENVIRONMENTS",
    "PROFILES",
    "SCOPE_PREFIX",
    "SERVICES",
    "Environment",
    "Profile",
    "environment",
    "resolve_profile",
]

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
    ``timeback-platform``), less the operationIds in ``lacks`` (``v1p1``: what OneRoster 1.1
    did not have yet); a call of one it does not serve is ``UnsupportedOperation`` before
    anything is sent. ``trailing_slash`` adds ``/`` to top-level collection paths.
    ``dialect`` says what the provider can express (a :class:`~oneroster.dialects.Dialect`
    or a preset name such as ``"full"``); the default is what the 1EdTech documents
    guarantee, so a query never depends on more than that unless you say so.

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
    dialect: Dialect = BASELINE
    lacks: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if not isinstance(self.dialect, Dialect):
            object.__setattr__(self, "dialect", resolve_dialect(self.dialect))
        if isinstance(self.lacks, str) or not all(isinstance(op_id, str) for op_id in self.lacks):
            raise ValidationError("lacks must be a collection of operationIds", field="lacks")
        object.__setattr__(self, "lacks", frozenset(self.lacks))
        strange = sorted(self.lacks - set(OPERATIONS))
        if strange:
            raise ValidationError(f"lacks names unknown operations: {', '.join(strange)}", field="lacks")
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

    def serves(self, op_id: str) -> bool:
        """Whether this provider serves the operation ``op_id`` (its set, its root, not lacked).

        Example:
            ```python
            PROFILES["v1p1"].serves("getAllScoreScales")   # False: OneRoster 1.1 has no score scales
            ```

        """
        op = OPERATIONS[op_id]
        return self.operations in op.profiles and op.service in self.roots and op_id not in self.lacks

    def to_dict(self) -> dict[str, Any]:
        """Return the profile as JSON-able data (what :meth:`save` writes).

        Example:
            ```python
            PROFILES["ims"].to_dict()["roots"]["rostering"]   # '/ims/oneroster/rostering/v1p2'
            ```

        """
        return {
            "name": self.name,
            "roots": dict(self.roots),
            "operations": self.operations,
            "trailing_slash": self.trailing_slash,
            "default_scopes": list(self.default_scopes),
            "dialect": self.dialect.to_dict(),
            "lacks": sorted(self.lacks),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Profile:
        """Build a profile from :meth:`to_dict` output; unknown keys are refused.

        Example:
            ```python
            Profile.from_dict(PROFILES["timeback"].to_dict()) == PROFILES["timeback"]   # True
            ```

        """
        known = {"name", "roots", "operations", "trailing_slash", "default_scopes", "dialect", "lacks"}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValidationError(f"unknown profile settings: {', '.join(unknown)}", field=unknown[0])
        values = dict(data)
        if isinstance(values.get("dialect"), Mapping):
            values["dialect"] = Dialect.from_dict(values["dialect"])
        if "default_scopes" in values:
            values["default_scopes"] = tuple(values["default_scopes"])
        if isinstance(values.get("lacks"), list):
            values["lacks"] = frozenset(values["lacks"])
        try:
            return cls(**values)
        except TypeError as exc:
            raise ValidationError(f"not a profile: {exc}", field="profile") from None

    def save(self, path: str | Path) -> None:
        """Write the profile as JSON (e.g. what ``oneroster probe --save`` found).

        Example:
            ```python
            report.profile.save("provider.json")
            ```

        """
        Path(path).write_text(json.dumps(self.to_dict(), indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> Profile:
        """Read a profile saved by :meth:`save` (``ONEROSTER_PROFILE=provider.json`` does the same).

        Example:
            ```python
            client = OneRoster(base_url=..., token=..., profile=Profile.load("provider.json"))
            ```

        """
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ValidationError(
                f"cannot read a profile from {str(path)!r}: {exc}", field="profile"
            ) from None
        if not isinstance(data, Mapping):
            raise ValidationError(f"{str(path)!r} does not hold a profile object", field="profile")
        return cls.from_dict(data)


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
        dialect=TIMEBACK,
    ),
    # The platform is for onboarding (writing students, users and agent links; seed 004 asks for
    # roster.createput), so, as for TimeBack, the default token carries its write scope too.
    "timeback-platform": Profile(
        name="timeback-platform",
        roots={"rostering": "/rostering/1.0"},
        operations="timeback-platform",
        default_scopes=_scopes_of("timeback-platform"),
        dialect=PLATFORM,
    ),
    "v1p1": Profile(
        name="v1p1",
        roots={service: "/ims/oneroster/v1p1" for service in SERVICES},
        dialect=BASELINE.replace(name="v1p1", legacy_roles=True, legacy_records=True),
        lacks=NOT_IN_1P1,
    ),
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
    if isinstance(profile, str) and profile not in PROFILES and profile.endswith(".json"):
        return Profile.load(profile)
    try:
        return PROFILES[profile]
    except KeyError:
        raise ValidationError(
            f"unknown profile {profile!r}; use one of {sorted(PROFILES)}, a saved profile's .json path "
            "or a Profile(...)",
            field="profile",
        ) from None


@dataclass(frozen=True)
class Environment:
    """Where one deployment of a provider lives: its host and its OAuth2 token endpoint.

    Example:
        ```python
        ENVIRONMENTS["timeback"]["staging"].base_url   # "https://api.staging.alpha-1edtech.ai"
        ```

    """

    base_url: str
    token_url: str


# TimeBack's deployments as TimeBack's own clients name them (timeback-common 0.4.0 config, the
# hosts in BINDING §7): the OneRoster API behind Cognito, and the platform API with its own token.
ENVIRONMENTS: dict[str, dict[str, Environment]] = {
    "timeback": {
        "production": Environment(
            base_url="https://api.alpha-1edtech.ai",
            token_url="https://prod-beyond-timeback-api-2-idp.auth.us-east-1.amazoncognito.com/oauth2/token",
        ),
        "staging": Environment(
            base_url="https://api.staging.alpha-1edtech.ai",
            token_url="https://staging-beyond-timeback-api-2-idp.auth.us-east-1.amazoncognito.com/oauth2/token",
        ),
    },
    "timeback-platform": {
        "production": Environment(
            base_url="https://platform.timeback.com",
            token_url="https://platform.timeback.com/auth/1.0/token",
        ),
        "staging": Environment(
            base_url="https://platform.dev.timeback.com",
            token_url="https://platform.dev.timeback.com/auth/1.0/token",
        ),
    },
}


def environment(profile: str, env: str) -> Environment:
    """Return the preset ``env`` (``"production"`` or ``"staging"``) of the provider of ``profile``.

    Example:
        ```python
        environment("timeback-platform", "production").token_url
        # "https://platform.timeback.com/auth/1.0/token"
        ```

    """
    presets = ENVIRONMENTS.get(profile)
    if presets is None:
        raise ValidationError(
            f"env= presets exist for the profiles {sorted(ENVIRONMENTS)}, not {profile!r}; pass base_url= "
            "and token_url= instead",
            field="env",
        )
    try:
        return presets[env]
    except KeyError:
        raise ValidationError(
            f"unknown env {env!r} for the {profile!r} profile; use one of {sorted(presets)}", field="env"
        ) from None
