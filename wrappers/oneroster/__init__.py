"""oneroster: a typed, synchronous client for the OneRoster 1.2 REST API (and TimeBack's extensions).

Example:
    ```python
    from oneroster import F, OneRoster

    client = OneRoster.from_env()
    for student in client.students.stream(where=F("familyName").contains("Smi")):
        print(student.sourced_id, student.given_name)
    ```

"""

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
from oneroster.profiles import PROFILES, Profile
from oneroster.retries import RetryPolicy

__all__ = [
    "PROFILES",
    "APIError",
    "BadRequest",
    "Conflict",
    "DeadlineExceeded",
    "F",
    "Forbidden",
    "NotFound",
    "OneRoster",
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
