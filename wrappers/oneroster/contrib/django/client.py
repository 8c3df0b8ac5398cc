"""One ``OneRoster`` client per process, built lazily from the ``ONEROSTER`` setting.

Every request handler of a Django process shares the client, so the process holds one
OAuth token and one connection pool whatever the number of threads. The client is built
on the first :func:`get_client` call (never at import or start-up: a server that forks
workers after loading the app must not share sockets between them), rebuilt after
``override_settings(ONEROSTER=...)`` or any other change that sends Django's
``setting_changed`` signal, dropped in a forked child, and closed at interpreter exit or
by :func:`close_client`.

Example:
    ```python
    from oneroster.contrib.django import get_client

    def roster(request, class_id):
        students = get_client().classes(class_id).students.list_all()
        ...
    ```

"""

from __future__ import annotations

import atexit
import os
import threading
from typing import Any

from django.core.exceptions import ImproperlyConfigured  # type: ignore[import-untyped]
from django.core.signals import setting_changed  # type: ignore[import-untyped]

from oneroster.client import OneRoster
from oneroster.contrib.django.conf import SETTING_NAME, OneRosterSettings, load_settings
from oneroster.errors import ValidationError

__all__ = ["close_client", "current_settings", "get_client"]


class _Shared:
    """The process-wide client, the parsed setting, and the lock that guards building and replacing them."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.client: OneRoster | None = None
        self.settings: OneRosterSettings | None = None


def current_settings() -> OneRosterSettings:
    """Return ``settings.ONEROSTER`` parsed, once per process (again after it changes).

    Example:
        ```python
        from oneroster.contrib.django.client import current_settings

        current_settings().deadline  # 20.0 unless ONEROSTER sets DEADLINE
        ```

    """
    config = _shared.settings
    if config is None:
        config = _shared.settings = load_settings()
    return config


_shared = _Shared()


def get_client() -> OneRoster:
    """Return the process-wide client, building it from ``settings.ONEROSTER`` on first use.

    Safe to call from any thread; concurrent first calls build a single client. Raises
    ``ImproperlyConfigured`` if the setting is missing or invalid.

    Example:
        ```python
        from oneroster.contrib.django import get_client

        client = get_client()
        assert client is get_client()
        page = client.classes.list(limit=20)
        ```

    """
    client = _shared.client
    if client is not None:
        return client
    with _shared.lock:
        # Another thread may have built it while this one waited for the lock.
        if _shared.client is None:
            config = current_settings()
            try:
                _shared.client = OneRoster(**config.client_kwargs())
            except ValidationError as exc:
                # The settings passed our checks but not the client's own (a new rule there).
                raise ImproperlyConfigured(f"{SETTING_NAME}: {exc}") from None
        return _shared.client


def close_client() -> None:
    """Close the process-wide client, if one was built; the next ``get_client()`` builds a new one.

    Registered with ``atexit``; call it yourself to release connections earlier (for
    example at the end of a management command). Requests still running on the old
    client may fail once it is closed.

    Example:
        ```python
        from oneroster.contrib.django import close_client

        close_client()
        ```

    """
    with _shared.lock:
        client, _shared.client = _shared.client, None
        _shared.settings = None
    if client is not None:
        client.close()


def _on_setting_changed(*, setting: str, **kwargs: Any) -> None:
    """Drop the client when ``ONEROSTER`` changes (``override_settings`` in tests)."""
    if setting == SETTING_NAME:
        close_client()


def _forget_in_child() -> None:
    # The child inherits the parent's sockets and maybe a held lock: start from nothing,
    # and do not close the parent's connections from here.
    _shared.lock = threading.Lock()
    _shared.client = None
    _shared.settings = None


setting_changed.connect(_on_setting_changed, dispatch_uid="oneroster.contrib.django.client")
atexit.register(close_client)
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_in_child)
