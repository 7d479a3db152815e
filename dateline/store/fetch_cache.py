"""HTTP validators (ETag, Last-Modified) kept in the store, for conditional GETs on the next run.

A validator is written only once what it validates is safely stored: a page's when the page's
batch has committed, a feed's at the end of a run that finished. Written earlier, a crash would
make the next run hear "304 Not Modified" for a page that never reached the store.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from dateline.store.write import utc_now


class StoreFetchCache:
    """The ``FetchCache`` protocol of ``dateline.corpus.polite``, on the writer connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.pending: dict[str, tuple[str | None, str | None]] = {}

    def validators(self, url: str) -> tuple[str | None, str | None] | None:
        if url in self.pending:
            return self.pending[url]
        row = self.conn.execute("SELECT etag, last_modified FROM fetch_cache WHERE url = ?", (url,)).fetchone()
        return (row[0], row[1]) if row else None

    def remember(self, url: str, etag: str | None, last_modified: str | None) -> None:
        if etag or last_modified:
            self.pending[url] = (etag, last_modified)

    def committed(self, sources: Iterable[str]) -> None:
        """The pages from these sources are stored: their validators may be kept."""
        self._write([url for url in sources if url in self.pending])

    def flush(self) -> None:
        """The run finished: every validator seen may be kept (feeds included)."""
        self._write(list(self.pending))

    def _write(self, urls: list[str]) -> None:
        if not urls:
            return
        at = utc_now()
        rows = [(url, *self.pending.pop(url), at) for url in urls]
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.executemany("INSERT OR REPLACE INTO fetch_cache VALUES (?, ?, ?, ?)", rows)
        self.conn.execute("COMMIT")
