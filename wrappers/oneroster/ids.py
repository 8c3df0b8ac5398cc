"""Check a sourcedId before it becomes one path segment of a URL.

The generated client percent-encodes every path parameter as one segment (``a/b`` becomes
``a%2Fb``, ``?`` becomes ``%3F``, unicode is UTF-8 encoded), so ids are passed to it raw.
Two ids can still not be sent safely: ``.`` and ``..`` are dot-segments that URL
normalisation removes, so ``client.users.delete("..")`` would address the collection
itself. Those, empty ids and ids with control characters are refused before sending.

Example:
    ```python
    from oneroster.ids import checked_id

    checked_id("a/b")      # "a/b" (encoded later as one segment)
    checked_id("..")       # raises ValidationError
    ```

"""

from __future__ import annotations

from oneroster.errors import ValidationError
from oneroster.validation import check_text

__all__ = ["checked_id"]


def checked_id(value: object, *, field: str = "sourcedId") -> str:
    """Return ``value`` if it can be sent as one path segment, else raise ``ValidationError``.

    Example:
        ```python
        checked_id("user 1")   # "user 1"
        checked_id(42)         # raises ValidationError: ids are strings
        ```

    """
    if not isinstance(value, str):
        raise ValidationError(f"{field} must be a string, got {type(value).__name__} {value!r}", field=field)
    if not value.strip():
        raise ValidationError(f"{field} must not be empty or blank", field=field)
    if value in {".", ".."}:
        raise ValidationError(
            f"{field} {value!r} cannot be sent: URL normalisation removes dot-segments, so the "
            "request would address a different resource",
            field=field,
        )
    check_text(value, field=field)
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in value):
        raise ValidationError(f"{field} {value!r} contains control characters", field=field)
    return value
