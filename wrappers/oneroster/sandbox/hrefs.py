r"""Absolute ``href``s on the way out, relative ones in the store.

The 1EdTech documents type a reference's ``href`` as ``format: uri``: an absolute URL. The
sandbox only learns its own URL from each request (scheme, host and port, which change from
run to run and behind a proxy), so the store keeps every href relative to its service root
(``/orgs/org-0001``, as seeded) and answers make them absolute from the request's base URL
and the profile's service roots. A ``--db`` district reused on another port stays right.

Writes go the other way: an href pointing at this sandbox (as a client builds it from its
own base URL) is stored relative again; an href to anywhere else is kept as it is.

The rewriting works on JSON text as :func:`json.dumps` writes it (``"href": "/orgs/..."``),
so a page of thousands of records is not parsed again; a ``"href"`` inside a string value is
escaped (``\"href\"``) and never matches.

Example:
    ```python
    from oneroster.sandbox.hrefs import Hrefs

    hrefs = Hrefs({"rostering": "/ims/oneroster/rostering/v1p2"})
    hrefs.absolute('{"href": "/orgs/org-1"}', base="http://127.0.0.1:8000")
    # '{"href": "http://127.0.0.1:8000/ims/oneroster/rostering/v1p2/orgs/org-1"}'
    ```

"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from oneroster.validation import REFERENCE_PATHS

__all__ = ["Hrefs"]

# First path segment of each referenced collection -> its service (courses/components and
# courses/component-resources share /courses with courses, all in rostering).
_SERVICE_OF: dict[str, str] = {path.split("/")[1]: service for service, path in REFERENCE_PATHS.values()}
_HREF = re.compile(
    r'"href": ?"/(' + "|".join(sorted(map(re.escape, _SERVICE_OF), key=len, reverse=True)) + r")/"
)


class Hrefs:
    """Turns stored relative hrefs absolute for one profile's service roots, and back.

    Example:
        ```python
        Hrefs(roots).relative({"href": "http://h/ims/oneroster/rostering/v1p2/orgs/o"}, base="http://h")
        # {'href': '/orgs/o'}
        ```

    """

    def __init__(self, roots: Mapping[str, str]) -> None:
        self.roots = dict(roots)
        self._prefixes: dict[str, dict[str, str]] = {}

    def _prefix_table(self, base: str) -> dict[str, str]:
        table = self._prefixes.get(base)
        if table is None:
            table = {
                segment: f'"href": "{base}{self.roots[service]}/{segment}/'
                for segment, service in _SERVICE_OF.items()
                if service in self.roots
            }
            if len(self._prefixes) > 64:
                # Host headers are client-chosen: keep the cache bounded.
                self._prefixes.clear()
            self._prefixes[base] = table
        return table

    def absolute(self, text: str, *, base: str) -> str:
        """Return JSON ``text`` with every relative reference href made absolute below ``base``."""
        if '"href"' not in text:
            return text
        table = self._prefix_table(base.rstrip("/"))
        return _HREF.sub(lambda m: table.get(m.group(1), m.group(0)), text)

    def relative(self, value: Any, *, base: str) -> Any:
        """Return ``value`` (a JSON record) with hrefs pointing at this sandbox made relative again.

        Changes the dicts in place and returns ``value``.
        """
        base = base.rstrip("/")
        prefixes = sorted((base + root for root in self.roots.values()), key=len, reverse=True)
        stack = [value]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                href = node.get("href")
                if isinstance(href, str):
                    for prefix in prefixes:
                        if href.startswith(prefix + "/"):
                            node["href"] = href[len(prefix) :]
                            break
                stack.extend(node.values())
            elif isinstance(node, list):
                stack.extend(node)
        return value
