"""The Django system check of the ``ONEROSTER`` setting (``manage.py check``).

| id               | problem                                                        |
|------------------|----------------------------------------------------------------|
| ``oneroster.E001`` | no ``ONEROSTER`` setting                                       |
| ``oneroster.E002`` | ``ONEROSTER`` is not a dict                                    |
| ``oneroster.E003`` | unknown key (with a "did you mean")                            |
| ``oneroster.E004`` | ``BASE_URL`` not set                                           |
| ``oneroster.E005`` | ``BASE_URL`` or ``TOKEN_URL`` is not an http(s) URL, or        |
|                    | ``BASE_URL`` holds credentials (``user:password@``)            |
| ``oneroster.E006`` | no credentials, or incomplete client credentials               |
| ``oneroster.E007`` | both ``TOKEN`` and client credentials                          |
| ``oneroster.E008`` | a value of the wrong type or out of range                      |
| ``oneroster.E009`` | unknown ``PROFILE``                                            |
| ``oneroster.W001`` | plain ``http://`` to a host other than this machine            |

Example:
    ```python
    from django.core import checks

    checks.run_checks(tags=["oneroster"])  # [] when the setting is fine
    ```

"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from django.core import checks  # type: ignore[import-untyped]

from oneroster.contrib.django.conf import MISSING, SETTING_NAME, find_problems

__all__ = ["TAG", "check_settings"]

#: The check's tag: ``manage.py check --tag oneroster`` runs it alone.
TAG: Final = "oneroster"


def check_settings(app_configs: Sequence[Any] | None = None, **kwargs: Any) -> list[Any]:
    """Return Django check messages (``Error``/``Warning``) for the ``ONEROSTER`` setting.

    Example:
        ```python
        from oneroster.contrib.django.checks import check_settings

        with override_settings(ONEROSTER={"BASE_URL": "https://sis.example"}):
            [m.id for m in check_settings()]  # ['oneroster.E006']
        ```

    """
    from django.conf import settings  # type: ignore[import-untyped]

    messages: list[Any] = []
    for problem in find_problems(getattr(settings, SETTING_NAME, MISSING)):
        kind = checks.Error if problem.is_error else checks.Warning
        messages.append(kind(problem.message, hint=problem.hint, id=problem.check_id))
    return messages
