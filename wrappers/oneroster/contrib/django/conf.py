"""The ``ONEROSTER`` Django setting: its keys, its validation and its parsed form.

```python
ONEROSTER = {
    "BASE_URL": "https://sis.example",          # required
    "CLIENT_ID": "...", "CLIENT_SECRET": "...", "TOKEN_URL": "https://sis.example/oauth/token",
    # or, instead of client credentials:  "TOKEN": "a static bearer token",
    "PROFILE": "ims",                           # ims | timeback | timeback-platform | v1p1 | Profile(...)
    "SCOPES": None,                             # default: the profile's read scopes
    "TIMEOUT": 30,                              # seconds, per connect/read/write
    "DEADLINE": 20,                             # seconds a request waits on the provider, in all
    "MAX_RETRIES": 3,
    "PAGE_SIZE": None,                          # default: the provider's page size
}
```

``None`` and ``""`` count as "not set", so a settings file can pass ``os.environ.get(...)``
straight through. Every problem has a system-check id (``oneroster.E001``...);
:func:`find_problems` lists them, :func:`parse_settings` raises ``ImproperlyConfigured``
on the errors. No message ever contains the value of ``CLIENT_SECRET`` or ``TOKEN``.

Example:
    ```python
    from oneroster.contrib.django.conf import parse_settings

    config = parse_settings({"BASE_URL": "https://sis.example", "TOKEN": "t"})
    config.client_kwargs()["base_url"]  # 'https://sis.example'
    ```

"""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final
from urllib.parse import urlsplit

# Django ships no type information (and django-stubs is not a dependency of this project).
from django.core.exceptions import ImproperlyConfigured  # type: ignore[import-untyped]

from oneroster.profiles import PROFILES, Profile

__all__ = [
    "DEFAULT_DEADLINE",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_PROFILE",
    "DEFAULT_TIMEOUT",
    "KNOWN_KEYS",
    "MISSING",
    "SETTING_NAME",
    "OneRosterSettings",
    "Problem",
    "find_problems",
    "load_settings",
    "parse_settings",
]

SETTING_NAME: Final = "ONEROSTER"

KNOWN_KEYS: Final = (
    "BASE_URL",
    "CLIENT_ID",
    "CLIENT_SECRET",
    "TOKEN_URL",
    "TOKEN",
    "PROFILE",
    "SCOPES",
    "TIMEOUT",
    "DEADLINE",
    "MAX_RETRIES",
    "PAGE_SIZE",
)

# Used for keys that are absent (or ``None``/``""``).
DEFAULT_PROFILE: Final = "ims"
DEFAULT_TIMEOUT: Final = 30.0
DEFAULT_MAX_RETRIES: Final = 3
#: Seconds a Django request may wait on the provider in all (every call, retry, back-off and
#: the token together): a dead provider gets a 504 page well before gunicorn's default 30 s
#: worker timeout kills the worker, with time to spare for the rest of the view.
DEFAULT_DEADLINE: Final = 20.0

_LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
_CREDENTIAL_KEYS = ("CLIENT_ID", "CLIENT_SECRET", "TOKEN_URL")
_STRING_KEYS = ("BASE_URL", "CLIENT_ID", "CLIENT_SECRET", "TOKEN_URL", "TOKEN")


class _Missing:
    """The type of :data:`MISSING`: the settings module defines no ``ONEROSTER`` at all."""

    def __repr__(self) -> str:
        return "MISSING"


#: Stands for "the settings module has no ``ONEROSTER``" (different from ``ONEROSTER = {}``).
MISSING: Final = _Missing()


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the ``ONEROSTER`` setting, as a system check reports it.

    ``check_id`` is ``oneroster.E0xx`` for errors (the client cannot be built) and
    ``oneroster.W0xx`` for warnings.

    Example:
        ```python
        problem = find_problems({})[0]
        problem.check_id, problem.message  # ('oneroster.E004', "ONEROSTER['BASE_URL'] is not set.")
        ```

    """

    check_id: str
    message: str
    hint: str | None = None

    @property
    def is_error(self) -> bool:
        """Return whether this problem stops the client from being built.

        Example:
            ```python
            Problem("oneroster.E004", "...").is_error  # True
            ```

        """
        return self.check_id.startswith("oneroster.E")

    def __str__(self) -> str:
        return f"{self.message} Hint: {self.hint}" if self.hint else self.message


@dataclass(frozen=True)
class OneRosterSettings:
    """A validated ``ONEROSTER`` setting; ``client_kwargs()`` gives the ``OneRoster(...)`` arguments.

    Example:
        ```python
        config = parse_settings({"BASE_URL": "https://sis.example", "TOKEN": "t", "PAGE_SIZE": 500})
        client = OneRoster(**config.client_kwargs())
        ```

    """

    base_url: str
    client_id: str | None = None
    # Kept out of repr: a settings object ends up in debug pages and logs.
    client_secret: str | None = field(default=None, repr=False)
    token_url: str | None = None
    token: str | None = field(default=None, repr=False)
    profile: str | Profile = DEFAULT_PROFILE
    scopes: tuple[str, ...] | None = None
    timeout: float = DEFAULT_TIMEOUT
    max_retries: int = DEFAULT_MAX_RETRIES
    page_size: int | None = None
    deadline: float = DEFAULT_DEADLINE

    def client_kwargs(self) -> dict[str, Any]:
        """Return the keyword arguments of ``oneroster.OneRoster`` for these settings.

        Example:
            ```python
            OneRoster(**parse_settings({"BASE_URL": "https://sis.example", "TOKEN": "t"}).client_kwargs())
            ```

        """
        kwargs: dict[str, Any] = {
            "base_url": self.base_url,
            "profile": self.profile,
            "timeout": self.timeout,
            "deadline": self.deadline,
            "max_retries": self.max_retries,
            "page_size": self.page_size,
        }
        if self.token is not None:
            kwargs["token"] = self.token
        else:
            kwargs.update(
                client_id=self.client_id, client_secret=self.client_secret, token_url=self.token_url
            )
        if self.scopes is not None:
            kwargs["scopes"] = list(self.scopes)
        return kwargs


def _key(name: str) -> str:
    return f"{SETTING_NAME}[{name!r}]"


def _is_set(value: object) -> bool:
    return value is not None and value != ""


def _url_problem(name: str, value: str) -> Problem | None:
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        parts, host = None, None
    if parts is None or parts.scheme not in ("http", "https") or not host:
        # The value itself is left out: a URL may carry credentials (https://user:pass@host).
        return Problem(
            "oneroster.E005",
            f"{_key(name)} is not an http:// or https:// URL.",
            "Give the full URL, e.g. 'https://sis.example'.",
        )
    if name == "BASE_URL" and (parts.username is not None or parts.password is not None):
        # The client refuses them too: they would show in logs and in the hrefs a write stores.
        return Problem(
            "oneroster.E005",
            f"{_key(name)} holds credentials (user:password@).",
            "Remove them from the URL; give CLIENT_ID/CLIENT_SECRET/TOKEN_URL or TOKEN instead.",
        )
    if parts.scheme == "http" and host not in _LOOPBACK_HOSTS and not host.endswith(".localhost"):
        return Problem(
            "oneroster.W001",
            f"{_key(name)} uses plain http:// to a remote host: credentials, tokens and student "
            "records would travel unencrypted.",
            "Use https:// for every host other than this machine.",
        )
    return None


def _number_problem(
    name: str, value: object, *, integer: bool, minimum: float, inclusive: bool
) -> str | None:
    kind = "an integer" if integer else "a number"
    if isinstance(value, bool) or not isinstance(value, int if integer else int | float):
        return f"{_key(name)} must be {kind}, not {type(value).__name__}."
    # Only floats can be nan or infinite (math.isfinite would overflow on a huge int).
    if (
        (isinstance(value, float) and not math.isfinite(value))
        or value < minimum
        or (value == minimum and not inclusive)
    ):
        bound = f">= {minimum:g}" if inclusive else f"> {minimum:g}"
        return f"{_key(name)} must be {kind} {bound}."
    return None


def _shape_problems(config: Mapping[str, object]) -> list[Problem]:
    """Check the type of each value that is set (E008) and the profile name (E009)."""
    problems: list[Problem] = []

    def bad(message: str, hint: str | None = None) -> None:
        problems.append(Problem("oneroster.E008", message, hint))

    for name in _STRING_KEYS:
        value = config.get(name)
        if _is_set(value) and not isinstance(value, str):
            bad(f"{_key(name)} must be a string, not {type(value).__name__}.")
    profile = config.get("PROFILE")
    if _is_set(profile):
        if isinstance(profile, str):
            if profile not in PROFILES:
                problems.append(
                    Problem(
                        "oneroster.E009",
                        f"{_key('PROFILE')} is {profile!r}, which is not a known profile.",
                        f"Use one of {', '.join(sorted(PROFILES))}, or a oneroster.Profile(...).",
                    )
                )
        elif not isinstance(profile, Profile):
            bad(
                f"{_key('PROFILE')} must be a profile name or a oneroster.Profile, "
                f"not {type(profile).__name__}."
            )
    scopes = config.get("SCOPES")
    if scopes is not None and (
        isinstance(scopes, str)
        or not isinstance(scopes, Sequence)
        or not all(isinstance(s, str) and s for s in scopes)
    ):
        bad(
            f"{_key('SCOPES')} must be a list of scope strings.",
            "For example ['https://purl.imsglobal.org/spec/or/v1p2/scope/roster-core.readonly'].",
        )
    numbers = (
        ("TIMEOUT", False, 0.0, False),
        ("DEADLINE", False, 0.0, False),
        ("MAX_RETRIES", True, 0, True),
        ("PAGE_SIZE", True, 1, True),
    )
    for name, integer, minimum, inclusive in numbers:
        value = config.get(name)
        if _is_set(value):
            message = _number_problem(name, value, integer=integer, minimum=minimum, inclusive=inclusive)
            if message:
                bad(message)
    return problems


def _auth_problems(config: Mapping[str, object]) -> list[Problem]:
    """Check that exactly one way to authenticate is configured, completely (E006, E007)."""
    has_token = _is_set(config.get("TOKEN"))
    given = [name for name in _CREDENTIAL_KEYS if _is_set(config.get(name))]
    if has_token and given:
        return [
            Problem(
                "oneroster.E007",
                f"{_key('TOKEN')} and client credentials ({', '.join(given)}) are both set.",
                "Keep either TOKEN or CLIENT_ID, CLIENT_SECRET and TOKEN_URL.",
            )
        ]
    if has_token:
        return []
    missing = [name for name in _CREDENTIAL_KEYS if name not in given]
    if not given:
        return [
            Problem(
                "oneroster.E006",
                f"{SETTING_NAME} has no credentials.",
                "Set CLIENT_ID, CLIENT_SECRET and TOKEN_URL (OAuth 2 client credentials), or TOKEN.",
            )
        ]
    if missing:
        return [
            Problem(
                "oneroster.E006",
                f"{SETTING_NAME} client credentials are incomplete: {', '.join(missing)} not set.",
                "OAuth 2 client credentials need CLIENT_ID, CLIENT_SECRET and TOKEN_URL together.",
            )
        ]
    return []


def find_problems(value: object) -> list[Problem]:
    """List what is wrong with ``value``, a candidate ``ONEROSTER`` setting (errors first).

    Pass :data:`MISSING` when the settings module has no ``ONEROSTER`` at all.

    Example:
        ```python
        [p.check_id for p in find_problems({"BASE_URL": "https://sis.example", "TOKN": "t"})]
        # ['oneroster.E003', 'oneroster.E006']
        ```

    """
    if value is MISSING:
        return [
            Problem(
                "oneroster.E001",
                f"The {SETTING_NAME} setting is missing.",
                f"Add {SETTING_NAME} = {{'BASE_URL': ..., 'CLIENT_ID': ..., 'CLIENT_SECRET': ..., "
                "'TOKEN_URL': ...} to your settings.",
            )
        ]
    if not isinstance(value, Mapping):
        return [
            Problem(
                "oneroster.E002",
                f"The {SETTING_NAME} setting must be a dict, not {type(value).__name__}.",
            )
        ]
    problems: list[Problem] = []
    unknown = [key for key in value if key not in KNOWN_KEYS]
    for key in sorted(unknown, key=str):
        close = difflib.get_close_matches(str(key).upper(), KNOWN_KEYS, n=1) if isinstance(key, str) else []
        hint = f"Did you mean {close[0]!r}?" if close else f"Known keys: {', '.join(KNOWN_KEYS)}."
        problems.append(Problem("oneroster.E003", f"{SETTING_NAME} has an unknown key {key!r}.", hint))
    base_url = value.get("BASE_URL")
    if not _is_set(base_url):
        problems.append(
            Problem(
                "oneroster.E004",
                f"{_key('BASE_URL')} is not set.",
                "Set it to the provider's root URL, e.g. 'https://sis.example' (the profile adds "
                "the /ims/oneroster/... paths).",
            )
        )
    problems += _shape_problems(value)
    problems += _auth_problems(value)
    for name in ("BASE_URL", "TOKEN_URL"):
        url = value.get(name)
        if _is_set(url) and isinstance(url, str):
            found = _url_problem(name, url)
            if found is not None:
                problems.append(found)
    return sorted(problems, key=lambda p: (not p.is_error, p.check_id))


def parse_settings(value: object) -> OneRosterSettings:
    """Validate ``value`` (an ``ONEROSTER`` setting) and return it parsed.

    Raises ``ImproperlyConfigured`` naming every error; warnings do not stop it.

    Example:
        ```python
        parse_settings({"BASE_URL": "https://sis.example", "TOKEN": "t"}).profile  # 'ims'
        parse_settings({})  # ImproperlyConfigured: ONEROSTER['BASE_URL'] is not set. ...
        ```

    """
    errors = [p for p in find_problems(value) if p.is_error]
    if errors:
        raise ImproperlyConfigured("\n".join(str(p) for p in errors))
    assert isinstance(value, Mapping)

    def text(name: str) -> str | None:
        item = value.get(name)
        return item if isinstance(item, str) and item else None

    def number(name: str) -> int | float | None:
        item = value.get(name)
        return item if isinstance(item, int | float) and not isinstance(item, bool) else None

    profile = value.get("PROFILE")
    scopes = value.get("SCOPES")
    timeout = number("TIMEOUT")
    deadline = number("DEADLINE")
    max_retries = number("MAX_RETRIES")
    page_size = number("PAGE_SIZE")
    return OneRosterSettings(
        base_url=str(text("BASE_URL")),
        client_id=text("CLIENT_ID"),
        client_secret=text("CLIENT_SECRET"),
        token_url=text("TOKEN_URL"),
        token=text("TOKEN"),
        profile=profile if isinstance(profile, str | Profile) and _is_set(profile) else DEFAULT_PROFILE,
        scopes=tuple(scopes) if isinstance(scopes, Sequence) else None,
        timeout=float(timeout) if timeout is not None else DEFAULT_TIMEOUT,
        max_retries=int(max_retries) if max_retries is not None else DEFAULT_MAX_RETRIES,
        page_size=int(page_size) if page_size is not None else None,
        deadline=float(deadline) if deadline is not None else DEFAULT_DEADLINE,
    )


def load_settings() -> OneRosterSettings:
    """Read and validate ``settings.ONEROSTER`` from Django's settings.

    Example:
        ```python
        from oneroster.contrib.django.conf import load_settings

        load_settings().base_url  # 'https://sis.example'
        ```

    """
    from django.conf import settings  # type: ignore[import-untyped]

    return parse_settings(getattr(settings, SETTING_NAME, MISSING))
