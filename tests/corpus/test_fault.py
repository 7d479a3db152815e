"""Crash safety: ``kill -9`` in the middle of an ingest, then a restart, gives the clean run's store."""
from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).parents[1] / "fixtures"
EXAMPLE = Path(__file__).parents[2] / "examples" / "harbour-strike.en.txt"
# Seconds the killed run may take to commit its first batches before the test gives up.
START_TIMEOUT_S = 240


def corpus(folder: Path) -> int:
    """A folder of pages with an exact copy, a near-duplicate and a bad file; returns its size."""
    folder.mkdir()
    names = ["en_page.txt", "fr_page.txt", "ru_page.txt", "en_article.html", "fr_page_dated.txt", "fr_bom.txt"]
    for name in names:
        shutil.copyfile(FIXTURES / name, folder / f"a-{name}")
    shutil.copyfile(EXAMPLE, folder / "b-harbour.txt")
    shutil.copyfile(FIXTURES / "en_page.txt", folder / "c-mirror-en_page.txt")
    text = (FIXTURES / "fr_page.txt").read_text(encoding="utf-8")
    (folder / "d-partner-fr_page.txt").write_text(text + "\nCet article a été publié par notre partenaire.\n",
                                                  encoding="utf-8")
    (folder / "e-empty.txt").write_bytes(b"")
    (folder / "f-binary.txt").write_bytes(bytes(range(256)) * 8)
    shutil.copyfile(FIXTURES / "ru_cp1251.html", folder / "g-ru.html")
    return len(list(folder.iterdir()))


def command(folder: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "dateline", "ingest", str(folder), "--db", str(db), "--workers", "1",
            "--batch-size", "2", "--quiet"]


def committed(db: Path) -> int:
    """Articles plus failures committed so far, read as any reader would (0 before the schema exists)."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute("SELECT (SELECT count(*) FROM sightings) + (SELECT count(*) FROM failures)")
                       .fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def snapshot(db: Path) -> dict[str, Any]:
    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                             "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'articles_fts_%'")]
        return {
            "counts": {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables},
            "articles": conn.execute("SELECT id, origin, dup_group, duplicate_of, story_id, n_quotes, n_events "
                                     "FROM articles ORDER BY id").fetchall(),
            "sightings": conn.execute("SELECT key, article_id, exact_copy FROM sightings ORDER BY key").fetchall(),
            "failures": conn.execute("SELECT key, source, code FROM failures ORDER BY key").fetchall(),
            "stories": conn.execute("SELECT id, label, size, languages FROM stories ORDER BY id").fetchall(),
            "entities": conn.execute("SELECT id, canonical, type, country, n_articles FROM entities "
                                     "ORDER BY id").fetchall(),
            "search": conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'library OR greve' "
                                   "ORDER BY rowid").fetchall(),
        }
    finally:
        conn.close()


def whole_articles(db: Path) -> bool:
    """Every stored article has all its paragraphs, its signature and its sighting."""
    conn = sqlite3.connect(db)
    try:
        broken = conn.execute(
            "SELECT count(*) FROM articles a WHERE json_array_length(a.record, '$.paragraphs') != "
            "(SELECT count(*) FROM paragraphs p WHERE p.article_id = a.id) "
            "OR NOT EXISTS (SELECT 1 FROM signatures s WHERE s.article_id = a.id) "
            "OR NOT EXISTS (SELECT 1 FROM sightings s WHERE s.article_id = a.id)").fetchone()[0]
        return broken == 0 and conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def kill_midway(folder: Path, db: Path, total: int) -> int:
    """Start an ingest, kill -9 its whole process group once some batches are in; return what was in."""
    process = subprocess.Popen(command(folder, db), start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + START_TIMEOUT_S
    try:
        while committed(db) < total // 3 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    return committed(db)


def test_kill_9_mid_ingest_then_restart_equals_a_clean_run(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    total = corpus(folder)
    clean, crashed = tmp_path / "clean.db", tmp_path / "crashed.db"
    subprocess.run(command(folder, clean), check=True, capture_output=True)
    before_restart = kill_midway(folder, crashed, total)
    assert 0 < before_restart < total, f"the kill came at {before_restart} of {total} documents: not mid-run"
    assert whole_articles(crashed)
    subprocess.run(command(folder, crashed), check=True, capture_output=True)
    assert whole_articles(crashed)
    assert snapshot(crashed) == snapshot(clean)
    assert snapshot(clean)["counts"]["failures"] == 2
