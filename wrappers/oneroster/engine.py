"""The one place that calls generated operations: availability, path ids, raw-response capture.

``Engine.call("getAllUsers", ...)`` checks that the client's profile serves the operation
(otherwise ``UnsupportedOperation`` before anything is sent), imports the generated module
``oneroster_client.api.<service>.<module>`` on first use, calls its ``sync_detailed`` with
the service's generated client, and turns transport failures and parse failures into
``oneroster`` errors. Error statuses never reach the generated parser: the response hook
raises them first (see :func:`oneroster.errors.raise_for_response`).
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Literal

import httpx

from oneroster.deadlines import deadline as _deadline
from oneroster.errors import ResponseParseError, ValidationError, response_text
from oneroster.operation_index import OPERATIONS, Operation
from oneroster.paging import DEFAULT_MAX_PAGES
from oneroster.profiles import Profile
from oneroster.retries import translate_transport_errors
from oneroster.validation import REFERENCE_PATHS, relative_href
from oneroster_client import AuthenticatedClient

# One decoder for the generated endpoints and the client: orjson when installed, the stdlib deciding what
# orjson refuses (see oneroster_client.types.decode_json).
from oneroster_client.types import decode_json, released

__all__ = ["Engine", "Outcome", "UnsupportedOperation", "decode_json"]


class UnsupportedOperation(ValidationError):
    """The chosen profile's provider does not offer this call; nothing was sent.

    Example:
        ```python
        OneRoster(base_url=..., token=..., profile="ims").users.create({...})
        # raises UnsupportedOperation: createUser is a TimeBack extension
        ```

    """


@dataclass(frozen=True)
class Outcome:
    """What a generated call produced: the parsed model (``None`` if parsing failed) and the raw response."""

    parsed: Any
    response: httpx.Response
    parse_error: Exception | None = None

    def json(self) -> Any:
        """Decode the raw body, or raise ``ResponseParseError`` keeping the text."""
        try:
            return decode_json(self.response.content)
        except (ValueError, RecursionError) as exc:  # RecursionError: absurdly nested JSON
            raise self.unparseable(
                f"{self.response.status_code} answer to {self.response.request.method} is not JSON"
            ) from exc

    def unparseable(self, message: str) -> ResponseParseError:
        """Build the ``ResponseParseError`` for this answer: the raw text, the status, and as cause
        the generated parser's own error when it failed first.
        """  # noqa: D205
        error = ResponseParseError(
            message, text=response_text(self.response, limit=2000), status_code=self.response.status_code
        )
        error.__cause__ = self.parse_error
        return error


class Engine:
    """Calls generated operations for one profile over per-service generated clients.

    Each call runs under its own ``deadline`` (seconds; ``None``: none) or any earlier one set
    around it with ``oneroster.deadline()``: the retry transport and the auth flow keep to it.
    """

    def __init__(
        self,
        *,
        profile: Profile,
        clients: Mapping[str, AuthenticatedClient],
        deadline: float | None = None,
    ) -> None:
        self.profile = profile
        self.deadline = deadline
        self._clients = dict(clients)
        self._modules: dict[str, ModuleType] = {}
        self._last = threading.local()
        # Nested routes this provider answered 404 for while their parents existed: the planner
        # answers them from top-level collections from then on (see oneroster.planner).
        self.missing_routes: set[str] = set()
        self.max_pages = DEFAULT_MAX_PAGES
        # "warn": a plan reading a whole collection for a narrower question logs a WARNING;
        # "refuse": it raises UnsupportedQuery before anything is sent.
        self.full_scans: Literal["warn", "refuse"] = "warn"

    def record_response(self, response: httpx.Response) -> None:
        """Response hook: remember the raw response of this thread's current call."""
        self._last.response = response

    def available(self, op_id: str) -> bool:
        """Whether the profile serves ``op_id`` and has a root for its service."""
        return self.profile.serves(op_id) and OPERATIONS[op_id].service in self._clients

    def first_available(self, op_ids: tuple[str, ...], *, what: str) -> str:
        """Return the first of ``op_ids`` the profile serves, or raise ``UnsupportedOperation``."""
        for op_id in op_ids:
            if self.available(op_id):
                return op_id
        offered = ", ".join(op_ids) or "no operation"
        raise UnsupportedOperation(
            f"{what} is not offered by the {self.profile.name!r} profile ({offered}); "
            "choose a profile whose provider supports it"
        )

    def href(self, ref_type: str, sourced_id: str) -> str:
        """Return the absolute URL of a record of GUIDRef ``ref_type`` on this provider.

        Used as the ``href`` of references written from a bare id; a service the profile
        does not offer gives the path alone.
        """
        path = relative_href(ref_type, sourced_id)
        service = REFERENCE_PATHS.get(ref_type, ("", ""))[0]
        client = self._clients.get(service)
        if client is None:
            return path
        return str(client.get_httpx_client().base_url).rstrip("/") + path

    def operation(self, op_id: str) -> Operation:
        """Return the spec facts of ``op_id``."""
        return OPERATIONS[op_id]

    def _module(self, op: Operation) -> ModuleType:
        module = self._modules.get(op.module)
        if module is None:
            module = importlib.import_module(f"oneroster_client.api.{op.service}.{op.module}")
            self._modules[op.module] = module
        return module

    closed = False
    # The org of a user's role given as role="student" without one (OneRoster(default_org=...)).
    default_org: str | None = None

    def _sendable(self, op_id: str) -> Operation:
        """Return ``op_id``'s facts, or raise if the client is closed or the profile lacks it."""
        if self.closed:
            raise ValidationError("this OneRoster client is closed; create a new one to make more calls")
        if not self.available(op_id):
            self.first_available((op_id,), what=op_id)
        return OPERATIONS[op_id]

    def send(self, op_id: str, **kwargs: Any) -> Outcome:
        """Send ``op_id`` as its generated module builds it, but leave the answer unparsed.

        List pages are decoded by the caller record by record, which lets a stream parse
        one page while the next is on the wire, and lets raw mode skip models altogether.
        """
        op = self._sendable(op_id)
        request = self._module(op)._get_kwargs(**kwargs)
        with _deadline(self.deadline), translate_transport_errors(method=op.method):
            response = released(self._clients[op.service].get_httpx_client().request(**request))
        return Outcome(parsed=None, response=response)

    def call(self, op_id: str, **kwargs: Any) -> Outcome:
        """Send ``op_id`` with keyword arguments of its generated ``sync_detailed``."""
        op = self._sendable(op_id)
        module = self._module(op)
        self._last.response = None
        with _deadline(self.deadline), translate_transport_errors(method=op.method):
            try:
                result = module.sync_detailed(client=self._clients[op.service], **kwargs)
            except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
                # The generated parser met a body that does not fit the spec (wrong envelope,
                # truncated JSON, absurd nesting...). The raw response is kept so callers can be tolerant.
                response = getattr(self._last, "response", None)
                if not isinstance(response, httpx.Response):
                    raise
                return Outcome(parsed=None, response=response, parse_error=exc)
        response = self._last.response
        if not isinstance(response, httpx.Response):  # pragma: no cover - hook always runs
            raise ResponseParseError("no response was recorded for the call")
        return Outcome(parsed=result.parsed, response=response)
