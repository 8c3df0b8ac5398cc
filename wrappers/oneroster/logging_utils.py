"""Redaction helpers and DEBUG logging hooks for the ``oneroster`` logger.

Everything that ends up in a log line or an exception message goes through these
helpers first, so that bearer tokens, client secrets, cookies and credential-bearing
query parameters never leave the process in clear text.

Example:
    ```python
    import httpx
    from oneroster.logging_utils import log_request, log_response, redact_url

    redact_url("https://sis.example/ims/oneroster?access_token=abc")
    # 'https://sis.example/ims/oneroster?access_token=***'
    client = httpx.Client(event_hooks={"request": [log_request], "response": [log_response]})
    ```

"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterable, Mapping
from urllib.parse import unquote

import httpx

__all__ = [
    "MASK",
    "SENSITIVE_HEADERS",
    "SENSITIVE_QUERY_PARAMS",
    "log_request",
    "log_response",
    "redact_headers",
    "redact_text",
    "redact_url",
]

logger = logging.getLogger("oneroster")

MASK = "***"

SENSITIVE_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})

SENSITIVE_QUERY_PARAMS = frozenset(
    {"access_token", "token", "client_secret", "password", "refresh_token", "id_token"}
)

# Set on request.extensions by ``log_request``; ``response.elapsed`` is not available
# yet when a response hook runs (the body is still unread), so the hook times itself.
_STARTED_EXTENSION = "oneroster.started"

_MIN_SECRET = 4
# A known secret this short that is an ordinary word ("wrong", "secret") is masked only where
# it stands as a credential (key=value, a JSON member, after Bearer/Basic): elsewhere it is
# far more likely the server's own wording ("unknown client or wrong secret").
_WORD_SECRET_MAX = 7

_SENSITIVE_KEYS_PATTERN = "|".join(sorted(SENSITIVE_QUERY_PARAMS, key=len, reverse=True))
_QUERY_PAIR_RE = re.compile(
    rf"(?i)(?P<key>\b(?:{_SENSITIVE_KEYS_PATTERN}))=(?P<value>[^&\s\"'<>#]*)",
)
_JSON_PAIR_RE = re.compile(
    rf"(?i)(?P<key>\"(?:{_SENSITIVE_KEYS_PATTERN})\"\s*:\s*)\"(?:[^\"\\]|\\.)*\"",
)
_AUTH_SCHEME_RE = re.compile(r"(?i)\b(?P<scheme>bearer|basic)(?P<space>\s+)(?P<value>[A-Za-z0-9._~+/=-]+)")
# Words of prose, as opposed to credentials: "token", "Token", "INVALID" (sentence punctuation
# after them aside). A credential has digits or symbols, mixed case, or is longer than words are.
_PLAIN_WORD_RE = re.compile(r"(?:[A-Z]?[a-z]{1,19}|[A-Z]{1,20})[.,;:]?")
_ESCAPE_MARKS = ("\\", "%", "&")


def _is_plain_word(value: str) -> bool:
    return _PLAIN_WORD_RE.fullmatch(value) is not None


def _hex_pattern(number: int, width: int) -> str:
    """Return a case-insensitive pattern of ``number`` in hexadecimal (``2b`` matches ``2B`` too)."""
    return "".join(f"[{d}{d.upper()}]" if d.isalpha() else d for d in f"{number:0{width}x}")


def _char_pattern(char: str) -> str:
    r"""Return the ways one character of a secret can be written in an error body.

    As itself, JSON-escaped (``\u002B``, ``\/``), percent-encoded (``%2B``) or as an HTML
    character reference (``&#43;``).
    """
    forms = [re.escape(char)]
    code = ord(char)
    if code <= 0xFFFF:
        forms.append(r"\\u" + _hex_pattern(code, 4))
    if char in '/"\\':
        forms.append(re.escape("\\" + char))
    if not (char.isascii() and char.isalnum()):
        forms.append("".join("%" + _hex_pattern(byte, 2) for byte in char.encode("utf-8")))
        forms.append(f"&#(?:[xX]0*{_hex_pattern(code, 1)}|0*{code});")
        named = {"&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "(?:apos|#39)"}.get(char)
        if named:
            forms.append(f"&{named};")
    return forms[0] if len(forms) == 1 else "(?:" + "|".join(forms) + ")"


def _mask_secret(text: str, secret: str) -> str:
    if not any(mark in text for mark in _ESCAPE_MARKS):
        # No escape can be hiding a secret: the plain replacement is all there is to do.
        return text.replace(secret, MASK)
    return re.sub("".join(map(_char_pattern, secret)), MASK, text)


def redact_text(text: str, *, secrets: Iterable[str | None] = ()) -> str:
    r"""Mask credentials that may appear inside free text (error bodies, exception messages).

    Masks, verbatim or escaped as JSON (``\/``, ``\u002B``), URLs (``%2B``) or HTML
    (``&#43;``) write them, every string in ``secrets`` of at least four characters; then,
    whatever their value, ``Bearer``/``Basic`` credentials, ``access_token=...``-style pairs
    and JSON ``"access_token": "..."`` members. Values, not words: "unknown bearer token"
    is left as it is, and a known secret that is a short ordinary word ("wrong") is masked
    only where it stands as a credential.

    Example:
        ```python
        redact_text('{"access_token": "abc"} Bearer eyJ0eXAi.x1 s3cr3t', secrets=["s3cr3t"])
        # '{"access_token": "***"} Bearer *** ***'
        ```

    """
    known: set[str] = set()
    for secret in sorted({s for s in secrets if s and len(s) >= _MIN_SECRET}, key=len, reverse=True):
        known.add(secret)
        # Longest first, so a secret that contains another one is masked whole.
        if len(secret) > _WORD_SECRET_MAX or not _is_plain_word(secret):
            text = _mask_secret(text, secret)

    def scheme(match: re.Match[str]) -> str:
        value = match.group("value")
        if value in known or not _is_plain_word(value):
            return f"{match.group('scheme')}{match.group('space')}{MASK}"
        return match.group(0)

    text = _AUTH_SCHEME_RE.sub(scheme, text)
    text = _QUERY_PAIR_RE.sub(lambda m: f"{m.group('key')}={MASK}", text)
    return _JSON_PAIR_RE.sub(lambda m: f'{m.group("key")}"{MASK}"', text)


def _redact_query(query: str) -> str:
    pairs = []
    for pair in query.split("&"):
        key, sep, _value = pair.partition("=")
        if sep and unquote(key.replace("+", " ")).lower() in SENSITIVE_QUERY_PARAMS:
            pair = f"{key}={MASK}"
        pairs.append(pair)
    return "&".join(pairs)


def redact_url(url: httpx.URL | str) -> str:
    """Return ``url`` as text with credential query values and any URL password masked.

    The values of ``access_token``, ``token``, ``client_secret``, ``password`` (and the
    other names in ``SENSITIVE_QUERY_PARAMS``) are replaced by ``***``; every other part
    of the URL is kept byte for byte.

    Example:
        ```python
        redact_url(httpx.URL("https://u:pw@sis.example/users?token=abc&limit=10"))
        # 'https://u:***@sis.example/users?token=***&limit=10'
        ```

    """
    try:
        parsed = url if isinstance(url, httpx.URL) else httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError):
        return redact_text(str(url))
    if not parsed.scheme:
        # A relative URL: nothing structural to rebuild, the query is all that can leak.
        text = str(parsed)
        base, sep, query = text.partition("?")
        return base + sep + _redact_query(query) if sep else text

    userinfo = ""
    if parsed.userinfo:
        username = parsed.userinfo.decode("ascii", "replace").partition(":")[0]
        userinfo = f"{username}:{MASK}@" if parsed.password else f"{username}@"
    raw_path = parsed.raw_path.decode("ascii", "replace")
    path, sep, query = raw_path.partition("?")
    text = f"{parsed.scheme}://{userinfo}{parsed.netloc.decode('ascii', 'replace')}{path}"
    if sep:
        text += "?" + _redact_query(query)
    if parsed.fragment:
        text += "#" + parsed.fragment
    return text


def redact_headers(
    headers: httpx.Headers | Mapping[str, str] | Iterable[tuple[str, str]],
) -> dict[str, str]:
    """Return a plain dict of ``headers`` with credential-bearing values replaced by ``***``.

    ``Authorization``, ``Proxy-Authorization``, ``Cookie`` and ``Set-Cookie`` are masked,
    whatever their case.

    Example:
        ```python
        redact_headers({"Authorization": "Bearer abc", "Accept": "application/json"})
        # {'Authorization': '***', 'Accept': 'application/json'}
        ```

    """
    items = headers.items() if isinstance(headers, httpx.Headers | Mapping) else headers
    return {name: MASK if name.lower() in SENSITIVE_HEADERS else value for name, value in items}


def log_request(request: httpx.Request) -> None:
    """Request event hook for httpx: log method and redacted URL at DEBUG on ``oneroster``.

    Headers and bodies are never logged (token requests carry the client secret).

    Example:
        ```python
        client = httpx.Client(event_hooks={"request": [log_request]})
        ```

    """
    request.extensions[_STARTED_EXTENSION] = time.perf_counter()
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug("HTTP request: %s %s", request.method, redact_url(request.url))


def log_response(response: httpx.Response) -> None:
    """Response event hook for httpx: log method, redacted URL, status and elapsed time at DEBUG.

    Pair it with ``log_request`` to get the elapsed time; without it the time is omitted.

    Example:
        ```python
        client = httpx.Client(event_hooks={"request": [log_request], "response": [log_response]})
        ```

    """
    if not logger.isEnabledFor(logging.DEBUG):
        return
    request = response.request
    started = request.extensions.get(_STARTED_EXTENSION)
    elapsed = f"{(time.perf_counter() - started) * 1000:.0f} ms" if isinstance(started, float) else "? ms"
    logger.debug(
        "HTTP response: %s %s -> %d (%s)",
        request.method,
        redact_url(request.url),
        response.status_code,
        elapsed,
    )
