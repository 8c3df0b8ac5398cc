"""oneroster: a typed, synchronous client for the OneRoster 1.2 REST API (and TimeBack's extensions).

Example:
    ```python
    from oneroster import F, OneRoster

    client = OneRoster.from_env()
    for student in client.students.stream(where=F("familyName").contains("Smi")):
        print(student.sourced_id, student.given_name)
    ```

Code written for the ``oneroster`` 0.0.x package keeps working: ``oneroster.ClasslinkConnector``
and ``oneroster.CleverConnector`` are the migration shim of :mod:`oneroster.compat`, imported on
first use so that ``import oneroster`` stays light.

"""

from typing import TYPE_CHECKING, Any

from oneroster.client import OneRoster
from oneroster.deadlines import deadline
from oneroster.engine import UnsupportedOperation
from oneroster.errors import (
    APIError,
    BadRequest,
    Conflict,
    DeadlineExceeded,
    Forbidden,
    NotFound,
    OneRosterError,
    PaginationError,
    RateLimited,
    ResponseDecodingError,
    ResponseParseError,
    ResponseTooLarge,
    ServerError,
    Timeout,
    TransportError,
    Unauthorized,
    UnprocessableEntity,
    ValidationError,
)
from oneroster.filters import F, build_filter, where
from oneroster.paging import Page
from oneroster.profiles import ENVIRONMENTS, PROFILES, Profile
from oneroster.retries import RetryPolicy

if TYPE_CHECKING:
    from oneroster.compat import ClasslinkConnector, CleverConnector, OneRosterConnector

__all__ = [
    "ENVIRONMENTS",
    "PROFILES",
    "APIError",
    "BadRequest",
    "ClasslinkConnector",
    "CleverConnector",
    "Conflict",
    "DeadlineExceeded",
    "F",
    "Forbidden",
    "NotFound",
    "OneRoster",
    "OneRosterConnector",
    "OneRosterError",
    "Page",
    "PaginationError",
    "Profile",
    "RateLimited",
    "ResponseDecodingError",
    "ResponseParseError",
    "ResponseTooLarge",
    "RetryPolicy",
    "ServerError",
    "Timeout",
    "TransportError",
    "Unauthorized",
    "UnprocessableEntity",
    "UnsupportedOperation",
    "ValidationError",
    "build_filter",
    "deadline",
    "where",
]

__version__ = "0.1.0"

# The 0.0.x package's top-level names, served by the shim when first asked for.
_COMPAT = frozenset({"ClasslinkConnector", "CleverConnector", "OneRosterConnector"})


def __getattr__(name: str) -> Any:
    if name in _COMPAT:
        from oneroster import compat

        return getattr(compat, name)
    raise AttributeError(f"module 'oneroster' has no attribute {name!r}")
