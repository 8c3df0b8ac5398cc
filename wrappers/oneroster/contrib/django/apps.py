"""The Django application ``oneroster.contrib.django`` (app label ``oneroster``).

Example:
    ```python
    INSTALLED_APPS = [..., "oneroster.contrib.django"]
    ```

"""

from __future__ import annotations

from django.apps import AppConfig  # type: ignore[import-untyped]
from django.core import checks  # type: ignore[import-untyped]

__all__ = ["OneRosterConfig"]


class OneRosterConfig(AppConfig):  # type: ignore[misc]  # AppConfig is untyped (Any)
    """Register the ``ONEROSTER`` system check and refuse to start with an invalid setting.

    ``ready()`` raises ``ImproperlyConfigured`` for any error the check would report
    (warnings do not stop it). It does not build the client: that happens on the first
    ``get_client()``, after any worker fork.

    Example:
        ```python
        INSTALLED_APPS = [..., "oneroster.contrib.django"]
        # or explicitly:
        INSTALLED_APPS = [..., "oneroster.contrib.django.apps.OneRosterConfig"]
        ```

    """

    name = "oneroster.contrib.django"
    # The last part of the module path, "django", would be a confusing label.
    label = "oneroster"
    verbose_name = "OneRoster"

    def ready(self) -> None:
        """Register the system check, connect the settings signal and validate ``settings.ONEROSTER``.

        Example:
            ```python
            apps.get_app_config("oneroster").ready()  # ImproperlyConfigured if invalid
            ```

        """
        # Imported here: the client module connects the setting_changed receiver on import.
        from oneroster.contrib.django import client as _client  # noqa: F401
        from oneroster.contrib.django.checks import TAG, check_settings
        from oneroster.contrib.django.conf import load_settings

        checks.register(check_settings, TAG)
        load_settings()
