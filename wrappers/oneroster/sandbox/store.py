"""The sandbox's database: every record as JSON text in one SQLite table.

One table serves every kind because the sandbox is generic over the spec: a kind is a
value, not a schema. Each row keeps

- ``pos``: the record's place in server order, dense per kind (0, 1, 2, ...). Records are
  never removed (DELETE is a soft delete), so an unfiltered page is the index range
  ``pos >= offset`` instead of an ``OFFSET`` scan, and paging through a million users
  stays linear.
- ``facet``: the words that views select on, padded with spaces (`` student parent ``
  for a user's roles, `` school `` for an org's type), so ``/students`` is an indexed
  ``instr`` rather than a JSON walk over every user.

Example:
    ```python
    store = Store(":memory:")
    store.insert_many("users", [{"sourcedId": "u-1", "roles": [{"role": "student"}]}])
    store.get("users", "u-1")["sourcedId"]     # 'u-1'
    ```

"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

__all__ = ["Store", "facet_of"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    kind TEXT NOT NULL,
    sourced_id TEXT NOT NULL,
    pos INTEGER NOT NULL,
    facet TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL,
    PRIMARY KEY (kind, sourced_id)
);
CREATE UNIQUE INDEX IF NOT EXISTS records_pos ON records (kind, pos);
-- Views that select on a facet (/students, /schools, /terms) count and page from this index
-- alone instead of reading every record of the kind for each page.
CREATE INDEX IF NOT EXISTS records_facet ON records (kind, pos, facet);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

# Nested routes join through these references; indexing the exact expressions the
# catalog's SQL uses keeps /classes/{id}/students fast on a 100k-user district.
_REFERENCE_INDEXES = (
    ("enrollments", "class"),
    ("enrollments", "user"),
    ("enrollments", "school"),
    ("classes", "school"),
    ("classes", "course"),
    ("lineItems", "class"),
    ("results", "lineItem"),
    ("results", "student"),
)


def facet_of(kind: str, record: Mapping[str, Any]) -> str:
    """Return the space-padded words a view selects ``record`` by (roles, org or session type).

    Example:
        ```python
        facet_of("users", {"roles": [{"role": "student"}]})    # ' student '
        ```

    """
    words: list[str] = []
    if kind == "users":
        roles = record.get("roles")
        if isinstance(roles, list):
            words = [str(r.get("role")) for r in roles if isinstance(r, Mapping) and r.get("role")]
        if isinstance(record.get("role"), str):
            words.append(record["role"])
    elif kind in ("orgs", "academicSessions") and isinstance(record.get("type"), str):
        words = [record["type"]]
    return " " + " ".join(words) + " " if words else ""


class Store:
    """A thread-safe SQLite store of OneRoster records, keyed by (kind, sourcedId).

    Example:
        ```python
        with Store("district.db") as store:
            store.count("users")
        ```

    """

    def __init__(self, path: str = ":memory:") -> None:
        self.path = path
        # One connection guarded by a lock: the app is async, but tests and the seeding
        # step use the store from other threads too.
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._lock = threading.RLock()
        self._db.execute("PRAGMA journal_mode=WAL" if path != ":memory:" else "PRAGMA journal_mode=MEMORY")
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.executescript(_SCHEMA)
        for kind, field in _REFERENCE_INDEXES:
            self._db.execute(
                f"CREATE INDEX IF NOT EXISTS ref_{kind}_{field} ON records "
                f"(kind, json_extract(data, '$.{field}.sourcedId')) WHERE kind = '{kind}'"
            )
        self._next_pos: dict[str, int] = dict(
            self._db.execute("SELECT kind, MAX(pos) + 1 FROM records GROUP BY kind").fetchall()
        )

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database connection.

        Example:
            ```python
            store.close()
            ```

        """
        with self._lock:
            self._db.close()

    # -- metadata ---------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        """Return a stored setting (such as the seed the database was built from), or None.

        Example:
            ```python
            store.get_meta("seed")
            ```

        """
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        """Store a setting.

        Example:
            ```python
            store.set_meta("seed", "1")
            ```

        """
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    # -- writes -----------------------------------------------------------------

    def insert_many(self, kind: str, records: Iterable[Mapping[str, Any]]) -> int:
        """Append new records of one kind in one transaction; return how many were added.

        Example:
            ```python
            store.insert_many("orgs", [{"sourcedId": "org-1", "type": "district"}])
            ```

        """
        with self._lock:
            start = self._next_pos.get(kind, 0)
            rows = (
                (kind, str(rec["sourcedId"]), start + i, facet_of(kind, rec), json.dumps(rec))
                for i, rec in enumerate(records)
            )
            self._db.execute("BEGIN")
            try:
                cursor = self._db.executemany(
                    "INSERT INTO records (kind, sourced_id, pos, facet, data) VALUES (?, ?, ?, ?, ?)", rows
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            added = cursor.rowcount
            self._next_pos[kind] = start + added
            return added

    def load(self, pairs: Iterable[tuple[str, Mapping[str, Any]]], *, batch: int = 5000) -> int:
        """Insert ``(kind, record)`` pairs (a seed generator's output) in batches.

        Example:
            ```python
            store.load([("orgs", {"sourcedId": "org-1", "type": "district"})])
            ```

        """
        total = 0
        pending: dict[str, list[Mapping[str, Any]]] = {}
        count = 0
        for kind, record in pairs:
            pending.setdefault(kind, []).append(record)
            count += 1
            if count >= batch:
                total += self._flush(pending)
                count = 0
        return total + self._flush(pending)

    def _flush(self, pending: dict[str, list[Mapping[str, Any]]]) -> int:
        added = sum(self.insert_many(kind, records) for kind, records in pending.items())
        pending.clear()
        return added

    def put(self, kind: str, record: Mapping[str, Any]) -> bool:
        """Insert or replace one record, keeping its place in server order; True if it was new.

        Example:
            ```python
            created = store.put("users", {"sourcedId": "u-9", "givenName": "Ada"})
            ```

        """
        sourced_id = str(record["sourcedId"])
        with self._lock:
            cursor = self._db.execute(
                "UPDATE records SET data = ?, facet = ? WHERE kind = ? AND sourced_id = ?",
                (json.dumps(record), facet_of(kind, record), kind, sourced_id),
            )
            if cursor.rowcount:
                return False
            self.insert_many(kind, [record])
            return True

    # -- reads ------------------------------------------------------------------

    def get(self, kind: str, sourced_id: str) -> dict[str, Any] | None:
        """Return one record, or None if there is no such record of that kind.

        Example:
            ```python
            store.get("classes", "cls-0001")
            ```

        """
        with self._lock:
            row = self._db.execute(
                "SELECT data FROM records WHERE kind = ? AND sourced_id = ?", (kind, sourced_id)
            ).fetchone()
        return None if row is None else dict(json.loads(row[0]))

    def count(self, kind: str) -> int:
        """Return how many records of ``kind`` exist (soft-deleted ones included).

        Example:
            ```python
            store.count("users")
            ```

        """
        with self._lock:
            return self._next_pos.get(kind, 0)

    def page_in_order(self, kind: str, *, offset: int, limit: int) -> list[str]:
        """Return the JSON text of an unfiltered page in server order, by index range.

        Example:
            ```python
            store.page_in_order("users", offset=0, limit=100)
            ```

        """
        with self._lock:
            rows = self._db.execute(
                "SELECT data FROM records WHERE kind = ? AND pos >= ? AND pos < ? ORDER BY pos",
                (kind, offset, offset + limit),
            ).fetchall()
        return [row[0] for row in rows]

    def select(
        self, where: str, params: Sequence[object], *, order: str = "r.pos", offset: int = 0, limit: int = -1
    ) -> list[str]:
        """Return the JSON text of records matching ``where`` (SQL over alias ``r``).

        Example:
            ```python
            store.select("r.kind = ?", ["users"], limit=10)
            ```

        """
        sql = f"SELECT r.data FROM records AS r WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?"
        with self._lock:
            rows = self._db.execute(sql, [*params, limit, offset]).fetchall()
        return [row[0] for row in rows]

    def count_where(self, where: str, params: Sequence[object]) -> int:
        """Return how many records match ``where`` (SQL over alias ``r``).

        Example:
            ```python
            store.count_where("r.kind = ?", ["users"])
            ```

        """
        with self._lock:
            row = self._db.execute(
                f"SELECT COUNT(*) FROM records AS r WHERE {where}", list(params)
            ).fetchone()
        return int(row[0])

    def iter_kind(self, kind: str) -> Iterator[dict[str, Any]]:
        """Yield every record of ``kind`` in server order (for exports and checks).

        Example:
            ```python
            names = [u["givenName"] for u in store.iter_kind("users")]
            ```

        """
        position = 0
        while True:
            page = self.page_in_order(kind, offset=position, limit=1000)
            if not page:
                return
            position += len(page)
            for text in page:
                yield json.loads(text)
