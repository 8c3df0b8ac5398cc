"""Cassette machinery for tests/integration: readable YAML, allow-list scrubbing, matching, comparison.

Used by ``conftest.py`` (hooks and fixtures), by the hygiene and conformance tests (which read
the cassette files) and from a shell to compare two recordings::

    python tests/integration/cassette_kit.py compare /tmp/cassettes-before tests/cassettes

Cassettes never hold the recording host: every URL is rewritten to ``PLACEHOLDER_BASE``
(``http://oneroster.invalid``), the token endpoint to ``PLACEHOLDER_TOKEN_URL``, and replay
builds its client against those placeholders.
"""

from __future__ import annotations

import argparse
import copy
import difflib
import functools
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import yaml

PLACEHOLDER_BASE = "http://oneroster.invalid"
PLACEHOLDER_TOKEN_URL = PLACEHOLDER_BASE + "/oauth/token"
TOKEN_PLACEHOLDER = "cassette-access-token"
PASSWORD_PLACEHOLDER = "cassette-scrubbed-password"
SECRET_PLACEHOLDER = "cassette-scrubbed-secret"

# ONEROSTER_CASSETTE_DIR moves the cassettes elsewhere, e.g. to record a real provider without
# touching the committed sandbox recordings (a test skipped while recording loses its cassette).
CASSETTES_DIR = Path(
    os.environ.get("ONEROSTER_CASSETTE_DIR") or Path(__file__).resolve().parents[1] / "cassettes"
)

# Allow-lists: anything not named here is dropped before a cassette is written.
REQUEST_HEADERS = frozenset({"accept", "content-type"})
RESPONSE_HEADERS = frozenset(
    {"content-type", "x-total-count", "link", "retry-after", "www-authenticate", "location"}
)
TOKEN_FORM_FIELDS = ("grant_type", "scope")
# Keys whose values are credentials wherever they appear in a JSON body.
TOKEN_KEYS = frozenset({"access_token", "refresh_token", "id_token"})
PASSWORD_KEYS = frozenset({"password"})
DROPPED_KEYS = frozenset({"client_secret"})
# Request-body keys a recording cannot hold constant: the client stamps dateLastModified with
# its own clock, and password values are scrubbed in the cassette but real in a live request.
VOLATILE_KEYS = frozenset({"dateLastModified"}) | PASSWORD_KEYS

UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?")
_LINK_URL = re.compile(r"<([^>]*)>")


# ---------------------------------------------------------------------------------------------
# Bodies
# ---------------------------------------------------------------------------------------------


_ANY_URL = re.compile(r"https?://[^\s\"'<>\\]+")
KEPT_URL_PREFIXES = ("https://purl.imsglobal.org/",)


def _text(body: object) -> str | None:
    """The body as text, or None when it is absent or not UTF-8."""
    if body is None:
        return None
    if isinstance(body, bytes):
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            return None
    return body if isinstance(body, str) else None


def _header(headers: Mapping[str, Any], name: str) -> str:
    """First value of a header in vcrpy's ``{name: [values]}`` (or ``{name: value}``) shape, any case."""
    for key, value in headers.items():
        if key.lower() == name:
            if isinstance(value, list):
                return str(value[0]) if value else ""
            return str(value)
    return ""


def parse_json(body: object) -> tuple[bool, Any]:
    """Return ``(True, value)`` when ``body`` is JSON text (or UTF-8 bytes of it), else ``(False, None)``."""
    text = _text(body)
    if text is None or not text.strip():
        return False, None
    try:
        return True, json.loads(text)
    except ValueError:
        return False, None


def dump_json(value: Any) -> str:
    """JSON text for a body read back from a cassette (compact, key order kept)."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _map_json(value: Any, fn: Callable[[str, Any], tuple[bool, Any]]) -> Any:
    """Rebuild a JSON value; ``fn(key, child)`` returns (keep, new child) for every object member."""
    if isinstance(value, dict):
        rebuilt: dict[str, Any] = {}
        for key, child in value.items():
            keep, new = fn(key, child)
            if keep:
                rebuilt[key] = _map_json(new, fn)
        return rebuilt
    if isinstance(value, list):
        return [_map_json(item, fn) for item in value]
    return value


def scrub_json(value: Any) -> Any:
    """Replace tokens and passwords with placeholders and drop client secrets, at any depth."""

    def member(key: str, child: Any) -> tuple[bool, Any]:
        lowered = key.lower()
        if lowered in DROPPED_KEYS:
            return False, None
        if lowered in TOKEN_KEYS and isinstance(child, str):
            return True, TOKEN_PLACEHOLDER
        if lowered in PASSWORD_KEYS and child is not None:
            return True, PASSWORD_PLACEHOLDER
        return True, child

    return _map_json(value, member)


def mask_volatile(value: Any) -> Any:
    """Drop volatile keys and mask UUIDs: the part of a request body a replay must reproduce."""

    def member(key: str, child: Any) -> tuple[bool, Any]:
        return key not in VOLATILE_KEYS, child

    def mask(node: Any) -> Any:
        if isinstance(node, str):
            return UUID.sub("<uuid>", node)
        if isinstance(node, list):
            return [mask(item) for item in node]
        if isinstance(node, dict):
            return {key: mask(child) for key, child in node.items()}
        return node

    return mask(_map_json(value, member))


# ---------------------------------------------------------------------------------------------
# Readable serializer
# ---------------------------------------------------------------------------------------------


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Safe YAML without anchors: a body repeated in a cassette is written out again, not aliased."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _readable_body(body: object, content_type: str) -> object:
    """JSON and form bodies as YAML structures; anything else (truncated JSON, empty) as it was."""
    ctype = content_type.lower()
    if "json" in ctype:
        ok, value = parse_json(body)
        if ok:
            return {"json": value}
    if "x-www-form-urlencoded" in ctype:
        text = _text(body)
        if text is not None:
            pairs = parse_qsl(text, keep_blank_values=True)
            if len({k for k, _ in pairs}) == len(pairs) and urlencode(pairs) == text:
                return {"form": dict(pairs)}
    return body


def _wire_body(body: object) -> object:
    """Inverse of ``_readable_body``: the text a client gets (JSON compact, forms url-encoded)."""
    if isinstance(body, dict) and set(body) == {"json"}:
        return dump_json(body["json"])
    if isinstance(body, dict) and set(body) == {"form"}:
        return urlencode(list(body["form"].items()))
    return body


class ReadableYaml:
    """A vcrpy serializer writing JSON and form bodies as YAML structures instead of escaped strings.

    Registered under vcrpy's own name ``yaml`` (so cassettes keep the ``.yaml`` suffix that
    pytest-recording computes). Reading gives back compact JSON text: not byte-identical to what
    the server sent, but the same JSON, which is all a client sees.

    Example:
        ```python
        def pytest_recording_configure(config, vcr):
            vcr.register_serializer("yaml", ReadableYaml())
        ```

    """

    @staticmethod
    def serialize(cassette_dict: dict[str, Any]) -> str:
        """Render vcrpy's cassette dict as readable YAML."""
        data = copy.deepcopy(cassette_dict)
        for interaction in data.get("interactions", []):
            request, response = interaction["request"], interaction["response"]
            request["body"] = _readable_body(
                request.get("body"), _header(request.get("headers") or {}, "content-type")
            )
            body = response.get("body") or {}
            if "string" in body:
                readable = _readable_body(
                    body["string"], _header(response.get("headers") or {}, "content-type")
                )
                response["body"] = readable if isinstance(readable, dict) else {"string": readable}
        return str(yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110))

    @staticmethod
    def deserialize(cassette_string: str) -> dict[str, Any]:
        """Parse readable YAML back into vcrpy's cassette dict (bodies as text)."""
        data: dict[str, Any] = yaml.load(cassette_string, Loader=_Loader) or {}
        for interaction in data.get("interactions", []):
            request, response = interaction["request"], interaction["response"]
            request["body"] = _wire_body(request.get("body"))
            body = response.get("body") or {}
            if set(body) in ({"json"}, {"form"}):
                response["body"] = {"string": _wire_body(body)}
        return data


def load_cassette(path: Path) -> list[dict[str, Any]]:
    """Return the interactions of a cassette file with bodies in their readable form (not re-encoded).

    Cached while the file is unchanged (the hygiene and conformance tests read every cassette
    several times); callers must not modify what they get.
    """
    stat = path.stat()
    return _load(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=512)
def _load(path: str, mtime_ns: int, size: int) -> list[dict[str, Any]]:
    data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_Loader) or {}
    interactions: list[dict[str, Any]] = data.get("interactions", [])
    return interactions


def cassette_files(root: Path = CASSETTES_DIR) -> list[Path]:
    """Every cassette under ``root``, sorted."""
    return sorted(root.rglob("*.yaml")) if root.is_dir() else []


# ---------------------------------------------------------------------------------------------
# Scrubbing (vcrpy before_record_request / before_record_response)
# ---------------------------------------------------------------------------------------------


@dataclass
class Scrubber:
    """Allow-list scrubbing and host rewriting for one test's recording.

    ``add_target`` names a provider being recorded (its base URL, token URL and secret);
    URLs below them are rewritten to the placeholders and the secret is replaced wherever it
    appears. With no target (replay) the hooks only normalise what the client sends.

    Example:
        ```python
        scrubber = Scrubber()
        scrubber.add_target(base_url=sb.base_url, token_url=sb.token_url, secrets=[sb.client_secret])
        vcr_config = {"before_record_request": scrubber.request, "before_record_response": scrubber.response}
        ```

    """

    bases: list[str] = field(default_factory=list)
    token_urls: list[str] = field(default_factory=list)
    secrets: list[str] = field(default_factory=list)

    def add_target(self, *, base_url: str, token_url: str | None, secrets: Iterable[str] = ()) -> None:
        """Rewrite ``base_url`` and ``token_url`` to the placeholders and scrub ``secrets``."""
        self.bases.append(base_url.rstrip("/"))
        if token_url:
            self.token_urls.append(token_url)
        self.secrets.extend(s for s in secrets if s)

    def rewrite_url(self, url: str) -> str:
        """Move ``url`` from a recorded provider onto the placeholder host (and token path)."""
        for token_url in sorted(self.token_urls, key=len, reverse=True):
            if url == token_url or url.startswith(token_url + "?"):
                return PLACEHOLDER_TOKEN_URL + url[len(token_url) :]
        for base in sorted(self.bases, key=len, reverse=True):
            if url == base or url.startswith((base + "/", base + "?")):
                return PLACEHOLDER_BASE + url[len(base) :]
        parts = urlsplit(url)
        if parts.scheme and parts.netloc:
            # An unknown host (a Link to a sibling host, say) still never reaches a cassette.
            placeholder = urlsplit(PLACEHOLDER_BASE)
            return urlunsplit((placeholder.scheme, placeholder.netloc, parts.path, parts.query, ""))
        return url

    def _scrub_text(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, SECRET_PLACEHOLDER)
        for base in self.bases:
            text = text.replace(base, PLACEHOLDER_BASE)
        # Any other absolute URL in a body (a reference's href, say) names the recording host too;
        # scope names are URLs of 1EdTech's namespace, not of a host we talked to.
        return _ANY_URL.sub(
            lambda m: (
                m.group(0) if m.group(0).startswith(KEPT_URL_PREFIXES) else self.rewrite_url(m.group(0))
            ),
            text,
        )

    def request(self, request: Any) -> Any:
        """before_record_request: drop admin calls, rewrite the URL, keep allowed headers, scrub bodies."""
        if urlsplit(request.uri).path.startswith("/_sandbox/"):
            return None
        request.uri = self.rewrite_url(request.uri)
        kept = {k: v for k, v in request.headers.items() if k.lower() in REQUEST_HEADERS}
        request.headers = kept
        ctype = _header(kept, "content-type").lower()
        text = _text(request.body)
        if text is None:
            return request
        if urlsplit(request.uri).path == urlsplit(PLACEHOLDER_TOKEN_URL).path or "form-urlencoded" in ctype:
            pairs = parse_qsl(text, keep_blank_values=True)
            request.body = urlencode([(k, v) for k, v in pairs if k in TOKEN_FORM_FIELDS])
            return request
        ok, value = parse_json(text)
        request.body = self._scrub_text(dump_json(scrub_json(value)) if ok else text)
        return request

    def response(self, response: dict[str, Any]) -> dict[str, Any]:
        """before_record_response: keep allow-listed headers (Link rewritten), scrub tokens and passwords."""
        headers: dict[str, list[str]] = {}
        for name, values in (response.get("headers") or {}).items():
            lowered = name.lower()
            if lowered not in RESPONSE_HEADERS:
                continue
            values = values if isinstance(values, list) else [values]
            if lowered in ("link", "location"):
                values = [_LINK_URL.sub(lambda m: f"<{self.rewrite_url(m.group(1))}>", v) for v in values]
                if lowered == "location":
                    values = [self.rewrite_url(v) for v in values]
            headers[lowered] = [str(v) for v in values]
        response["headers"] = headers
        body = response.get("body") or {}
        text = _text(body.get("string"))
        if text is not None and text:
            ok, value = parse_json(text)
            scrubbed = dump_json(scrub_json(value)) if ok else text
            body["string"] = self._scrub_text(scrubbed).encode("utf-8")
        return response


# ---------------------------------------------------------------------------------------------
# Matching
# ---------------------------------------------------------------------------------------------


def request_key(request: Any) -> tuple[str, str, tuple[tuple[str, str], ...], object]:
    """What a replayed request must reproduce: method, path, sorted query, body without volatile parts.

    Scheme, host and port are ignored (replay runs against the placeholder host); UUIDs are
    masked (client-made ids such as ``enroll()``'s fallback differ on every run).
    """
    parts = urlsplit(request.uri)
    query = tuple(
        sorted((k, UUID.sub("<uuid>", v)) for k, v in parse_qsl(parts.query, keep_blank_values=True))
    )
    path = UUID.sub("<uuid>", parts.path)
    body: object = request.body
    ctype = _header(request.headers or {}, "content-type").lower()
    text = _text(body)
    if text is not None and "form-urlencoded" in ctype:
        body = tuple(sorted(parse_qsl(text, keep_blank_values=True)))
    else:
        ok, value = parse_json(body)
        if ok:
            body = json.dumps(mask_volatile(value), sort_keys=True)
        elif not body:
            body = None
    return request.method.upper(), path, query, body


def match_oneroster(r1: Any, r2: Any) -> None:
    """vcrpy matcher: raise AssertionError naming the first part of ``request_key`` that differs.

    Example:
        ```python
        vcr.register_matcher("oneroster", match_oneroster)  # then match_on=["oneroster"]
        ```

    """
    k1, k2 = request_key(r1), request_key(r2)
    for name, a, b in zip(("method", "path", "query", "body"), k1, k2, strict=True):
        if a != b:
            raise AssertionError(f"{name} differs: {a!r} != {b!r}")


# ---------------------------------------------------------------------------------------------
# Secret scan
# ---------------------------------------------------------------------------------------------

# A challenge's auth-params (WWW-Authenticate: Bearer error="invalid_token") are not a token.
_BEARER = re.compile(r'Bearer[ \t]+(?![A-Za-z_]+=")([A-Za-z0-9._~+/=-]+)')
_BASIC = re.compile(r"Basic[ \t]+[A-Za-z0-9+/]{6,}={0,2}")
_JWT = re.compile(r"\b[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b")
_FORBIDDEN_HEADERS = frozenset({"authorization", "cookie", "set-cookie", "proxy-authorization"})


def _walk(value: Any, path: str = "") -> Iterator[tuple[str, str, Any]]:
    """Yield (path, key, value) for every object member of a YAML/JSON value."""
    if isinstance(value, dict):
        for key, child in value.items():
            yield f"{path}.{key}", str(key), child
            yield from _walk(child, f"{path}.{key}")
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _walk(child, f"{path}[{index}]")


def find_secrets(text: str, *, known_secrets: Iterable[str] = (), parsed: Any = None) -> list[str]:
    """Return a description of everything secret-shaped in one cassette's text (empty: clean).

    ``parsed`` is the text already loaded as YAML, when the caller has it.

    Example:
        ```python
        assert find_secrets(path.read_text(), known_secrets=["sandbox-secret"]) == []
        ```

    """
    problems: list[str] = []
    for match in _BEARER.finditer(text):
        if match.group(1) != TOKEN_PLACEHOLDER:
            problems.append(f"bearer token {match.group(0)[:16]}...")
    problems += [f"Basic credentials {m.group(0)[:12]}..." for m in _BASIC.finditer(text)]
    problems += [f"JWT-like string {m.group(0)[:16]}..." for m in _JWT.finditer(text)]
    if "client_secret" in text:
        problems.append("the text 'client_secret'")
    for secret in known_secrets:
        if secret and secret in text:
            problems.append(f"a known secret ({secret[:3]}...)")
    if re.search(r"password=(?!" + re.escape(PASSWORD_PLACEHOLDER) + r")", text):
        problems.append("a password in a form body")
    data = yaml.load(text, Loader=_Loader) if parsed is None else parsed
    for path, key, value in _walk(data or {}):
        lowered = key.lower()
        if lowered in _FORBIDDEN_HEADERS and ".headers." in path:
            problems.append(f"header {key} at {path}")
        if lowered in PASSWORD_KEYS and value != PASSWORD_PLACEHOLDER:
            problems.append(f"password value at {path}")
        if lowered in TOKEN_KEYS and value != TOKEN_PLACEHOLDER:
            problems.append(f"token value at {path}")
    return problems


# ---------------------------------------------------------------------------------------------
# Comparing two recordings
# ---------------------------------------------------------------------------------------------


def normalise_recording(text: str) -> str:
    """Mask what legitimately differs between two recordings: server-allocated ids and timestamps."""
    return TIMESTAMP.sub("<timestamp>", UUID.sub("<uuid>", text))


@dataclass
class RecordingDiff:
    """How two cassette directories differ, before and after masking ids and timestamps."""

    only_in_first: list[str] = field(default_factory=list)
    only_in_second: list[str] = field(default_factory=list)
    raw_changes: dict[str, int] = field(default_factory=dict)
    reordered: list[str] = field(default_factory=list)
    real_changes: dict[str, list[str]] = field(default_factory=dict)

    @property
    def equivalent(self) -> bool:
        """True when the recordings differ only in masked ids and timestamps."""
        return not (self.only_in_first or self.only_in_second or self.real_changes)

    def report(self) -> str:
        """A human-readable summary."""
        lines = [
            f"files only in the first: {len(self.only_in_first)}",
            f"files only in the second: {len(self.only_in_second)}",
            f"files whose text differs: {len(self.raw_changes)} "
            f"({sum(self.raw_changes.values())} changed lines)",
            f"files whose requests only come in another order (pages fetched concurrently): "
            f"{len(self.reordered)}",
            f"files that still differ with ids/timestamps masked: {len(self.real_changes)}",
        ]
        lines += [f"  only in first: {name}" for name in self.only_in_first]
        lines += [f"  only in second: {name}" for name in self.only_in_second]
        for name, diff in self.real_changes.items():
            lines.append(f"  {name}:")
            lines += [f"    {line}" for line in diff[:20]]
        return "\n".join(lines)


def _changed_lines(old: list[str], new: list[str]) -> int:
    """Lines that differ: pairwise when the line counts agree (a re-recording), else via a diff."""
    if len(old) == len(new):
        return sum(a != b for a, b in zip(old, new, strict=True))
    return sum(
        1
        for line in difflib.unified_diff(old, new, lineterm="", n=0)
        if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))
    )


def _by_request(text: str) -> tuple[str, dict[tuple[str, str], list[str]]]:
    """A cassette as (everything but its interactions, its interactions grouped by method and URI).

    Two cassettes with equal groups replay identically: vcrpy answers a request with the first
    unplayed interaction that matches it, so only the order among equal requests matters.
    ``list_all()`` fetches pages from several threads, so their order across URIs may change.
    """
    data = yaml.load(text, Loader=_Loader) or {}
    if not isinstance(data, dict):
        return text, {}
    groups: dict[tuple[str, str], list[str]] = {}
    for interaction in data.get("interactions") or []:
        request = interaction["request"]
        groups.setdefault((request["method"], request["uri"]), []).append(
            json.dumps(interaction, sort_keys=True)
        )
    rest = json.dumps({k: v for k, v in data.items() if k != "interactions"}, sort_keys=True, default=str)
    return rest, groups


def compare_recordings(first: Path, second: Path) -> RecordingDiff:
    """Compare two cassette directories (e.g. a copy taken before ``make record`` and the new one).

    Example:
        ```python
        diff = compare_recordings(Path("/tmp/cassettes-before"), CASSETTES_DIR)
        assert diff.equivalent, diff.report()
        ```

    """
    a = {p.relative_to(first).as_posix(): p for p in cassette_files(first)}
    b = {p.relative_to(second).as_posix(): p for p in cassette_files(second)}
    diff = RecordingDiff(only_in_first=sorted(set(a) - set(b)), only_in_second=sorted(set(b) - set(a)))
    for name in sorted(set(a) & set(b)):
        old, new = a[name].read_text(encoding="utf-8"), b[name].read_text(encoding="utf-8")
        if old == new:
            continue
        diff.raw_changes[name] = _changed_lines(old.splitlines(), new.splitlines())
        old_n, new_n = normalise_recording(old), normalise_recording(new)
        if old_n == new_n:
            continue
        if _by_request(old_n) == _by_request(new_n):
            diff.reordered.append(name)
        else:
            diff.real_changes[name] = list(
                difflib.unified_diff(old_n.splitlines(), new_n.splitlines(), lineterm="", n=0)
            )[2:]
    return diff


def main(argv: list[str] | None = None) -> int:
    """Command line: ``compare FIRST SECOND`` exits 1 when recordings differ beyond ids/timestamps."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    compare = sub.add_parser("compare", help="compare two cassette directories")
    compare.add_argument("first", type=Path)
    compare.add_argument("second", type=Path)
    args = parser.parse_args(argv)
    diff = compare_recordings(args.first, args.second)
    print(diff.report())
    return 0 if diff.equivalent else 1


if __name__ == "__main__":
    sys.exit(main())
