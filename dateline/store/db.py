"""Opening the store: the one writer connection, and read-only readers.

The writer turns on WAL (readers never block it, and a crash loses nothing committed),
foreign keys, and migrates the schema. Readers open the file read-only through a URI, so a
query can never change it.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from dateline.errors import Code, DatelineError
from dateline.store.schema import LATEST, migrate, version

# Milliseconds a connection waits for a lock before failing (another process writing).
BUSY_TIMEOUT_MS = 30_000
# NORMAL in WAL mode: a commit is durable once the WAL is synced at checkpoints; a power cut
# can lose the last transactions but never corrupts the file, and a killed process loses nothing.
SYNCHRONOUS = "NORMAL"


def _check_fts5(conn: sqlite3.Connection) -> None:
    options = {row[0] for row in conn.execute("PRAGMA compile_options")}
    if "ENABLE_FTS5" not in options:
        raise DatelineError(Code.INTERNAL, "this Python's SQLite has no FTS5; install a Python built with it")


def open_writer(path: str | Path) -> sqlite3.Connection:
    """The writer: WAL, foreign keys, schema up to date. Transactions are explicit."""
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000,
                               check_same_thread=False)
    except sqlite3.Error as exc:
        raise DatelineError(Code.MISSING_PATH, f"cannot open the database {path}: {exc}") from exc
    _check_fts5(conn)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute(f"PRAGMA synchronous = {SYNCHRONOUS}")
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn)
    except sqlite3.DatabaseError as exc:  # not an SQLite file, or a damaged one: never written to
        conn.close()
        raise DatelineError(Code.BAD_ARGUMENT, f"{path} is not a dateline database: {exc}") from exc
    return conn


def open_reader(path: str | Path) -> sqlite3.Connection:
    """A read-only connection; a missing file or an old schema is a clear error."""
    if not Path(path).is_file():
        raise DatelineError(Code.MISSING_PATH, f"no database at {path} (create it with dateline ingest)")
    uri = f"{Path(path).resolve().as_uri()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    found = version(conn)
    if found != LATEST:
        conn.close()
        raise DatelineError(Code.BAD_ARGUMENT, f"the database {path} is at schema version {found}, "
                            f"this dateline reads version {LATEST}; run dateline ingest once to migrate it")
    return conn


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows per table: what a run added, and what the fault test compares."""
    tables = [row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'articles_fts%' "
        "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return {table: int(conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]) for table in tables}
