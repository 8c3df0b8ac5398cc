"""Django integration: ``settings.ONEROSTER``, one shared client, system checks, error pages.

Set-up (``pip install 'oneroster-client[django]'``)::

    INSTALLED_APPS = [..., "oneroster.contrib.django"]
    MIDDLEWARE = [..., "oneroster.contrib.django.middleware.OneRosterErrorMiddleware"]
    ONEROSTER = {"BASE_URL": ..., "CLIENT_ID": ..., "CLIENT_SECRET": ..., "TOKEN_URL": ...}

See ``docs/django.md`` for the whole guide.

Example:
    ```python
    from django.shortcuts import render
    from oneroster.contrib.django import get_client

    def class_roster(request, class_id):
        client = get_client()
        klass = client.classes.get(class_id)  # NotFound -> 404 through the middleware
        students = client.classes(class_id).students.list_all()
        return render(request, "roster.html", {"class": klass, "students": students})
    ```

"""

from oneroster.contrib.django.client import close_client, get_client
from oneroster.contrib.django.conf import OneRosterSettings, find_problems, load_settings, parse_settings
from oneroster.contrib.django.errors import MappedError, error_response, map_error
from oneroster.contrib.django.middleware import OneRosterErrorMiddleware, handle_oneroster_errors

__all__ = [
    "MappedError",
    "OneRosterErrorMiddleware",
    "OneRosterSettings",
    "close_client",
    "error_response",
    "find_problems",
    "get_client",
    "handle_oneroster_errors",
    "load_settings",
    "map_error",
    "parse_settings",
]
