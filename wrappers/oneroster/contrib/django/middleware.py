"""``OneRosterErrorMiddleware`` and ``handle_oneroster_errors``: OneRoster errors as HTTP answers.

Use the middleware for a whole site, or the decorator for a few views; both answer with
:func:`oneroster.contrib.django.errors.map_error` (404, 400, 502, 503 + ``Retry-After``,
504...) as JSON for clients that ask for it and as plain text otherwise. Set
``template_name`` on a subclass of the middleware to render HTML pages instead.

Both also give the request its time budget: every call the view makes to the provider
shares ``ONEROSTER["DEADLINE"]`` seconds (20 by default), so a dead provider becomes a 504
page before a worker timeout kills the process (gunicorn's default is 30 s).

Only errors raised while the view runs are caught: a streaming response that pages
through the provider after the view returned fails mid-body, as with any middleware
(its calls still keep to the per-call deadline, not to the request's budget).

Example:
    ```python
    MIDDLEWARE = [
        ...,
        "oneroster.contrib.django.middleware.OneRosterErrorMiddleware",
    ]
    ```

"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar, cast

from django.core.exceptions import ImproperlyConfigured  # type: ignore[import-untyped]
from django.shortcuts import render  # type: ignore[import-untyped]

from oneroster.contrib.django.client import current_settings
from oneroster.contrib.django.errors import (
    MappedError,
    error_response,
    log_error,
    map_error,
    plain_or_json_response,
    wants_json,
    with_headers,
)
from oneroster.deadlines import deadline
from oneroster.errors import OneRosterError

__all__ = ["OneRosterErrorMiddleware", "handle_oneroster_errors"]

ViewT = TypeVar("ViewT", bound=Callable[..., Any])


def _request_budget() -> float | None:
    """Seconds the request may wait on the provider; None (no budget) while the setting is invalid.

    An invalid setting is for ``get_client()`` to report, in the views that use the provider,
    not for every page of the site to fail on.
    """
    try:
        return current_settings().deadline
    except ImproperlyConfigured:
        return None


class OneRosterErrorMiddleware:
    """Answer a view's ``oneroster.OneRosterError`` with the mapped HTTP status instead of a 500.

    The view's calls to the provider share one budget of ``ONEROSTER["DEADLINE"]`` seconds
    (``DeadlineExceeded``, a ``Timeout``: a 504). Other exceptions are left to Django. With
    ``template_name`` set (on a subclass), clients that do not ask for JSON get that
    template, rendered with ``error`` (a ``MappedError``: ``status``, ``reason``,
    ``code``, ``message``, ``retry_after``).

    Example:
        ```python
        class RosterErrorMiddleware(OneRosterErrorMiddleware):
            template_name = "roster/error.html"

        MIDDLEWARE = [..., "mysite.middleware.RosterErrorMiddleware"]
        ```

    """

    template_name: str | None = None
    # The client is synchronous; Django adapts async requests to this middleware.
    sync_capable = True
    async_capable = False

    def __init__(self, get_response: Callable[[Any], Any]) -> None:
        self.get_response = get_response

    def __call__(self, request: Any) -> Any:
        """Pass the request on under its time budget; errors are caught in ``process_exception``.

        Example:
            ```python
            response = OneRosterErrorMiddleware(view)(request)
            ```

        """
        with deadline(_request_budget()):
            return self.get_response(request)

    def process_exception(self, request: Any, exception: Exception) -> Any:
        """Return the error answer for a ``OneRosterError``; ``None`` lets Django handle anything else.

        Example:
            ```python
            middleware.process_exception(request, oneroster.NotFound(...)).status_code  # 404
            ```

        """
        if not isinstance(exception, OneRosterError):
            return None
        mapped = map_error(exception)
        log_error(request, exception, mapped)
        return self.render(request, mapped)

    def render(self, request: Any, mapped: MappedError) -> Any:
        """Build the response for a mapped error; override to change the page.

        Example:
            ```python
            class Custom(OneRosterErrorMiddleware):
                def render(self, request, mapped):
                    return HttpResponse(mapped.message, status=mapped.status)
            ```

        """
        if self.template_name is not None and not wants_json(request):
            response = render(request, self.template_name, {"error": mapped}, status=mapped.status)
            return with_headers(response, mapped)
        return plain_or_json_response(request, mapped)


def handle_oneroster_errors(view: ViewT) -> ViewT:
    """Decorate a view so that a ``OneRosterError`` becomes its mapped HTTP answer (404, 502...).

    Its calls to the provider share one budget of ``ONEROSTER["DEADLINE"]`` seconds, as with
    the middleware.

    Example:
        ```python
        from oneroster.contrib.django import get_client, handle_oneroster_errors

        @handle_oneroster_errors
        def user_detail(request, user_id):
            user = get_client().users.get(user_id)
            return JsonResponse({"name": f"{user.given_name} {user.family_name}"})
        ```

    """

    @functools.wraps(view)
    def wrapped(request: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            with deadline(_request_budget()):
                return view(request, *args, **kwargs)
        except OneRosterError as exc:
            return error_response(request, exc)

    return cast(ViewT, wrapped)
