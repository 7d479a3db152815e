"""The store file: migrations, WAL, foreign keys, FTS5, and readers that cannot write."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dateline.errors import Code, DatelineError
from dateline.store.db import counts, open_reader, open_writer
from dateline.store.schema import LATEST, migrate, version


def test_new_file_is_migrated_to_the_latest_version_in_wal_mode(tmp_path: Path) -> None:
    conn = open_writer(tmp_path / "n.db")
    assert version(conn) == LATEST
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_migrating_twice_changes_nothing(tmp_path: Path) -> None:
    conn = open_writer(tmp_path / "n.db")
    assert migrate(conn) == LATEST
    assert counts(conn)["articles"] == 0


def test_file_from_a_newer_dateline_is_refused(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "new.db")
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    with pytest.raises(DatelineError) as info:
        open_writer(tmp_path / "new.db")
    assert info.value.code is Code.BAD_ARGUMENT and "newer" in info.value.message


def test_reader_cannot_write(tmp_path: Path) -> None:
    open_writer(tmp_path / "r.db").close()
    reader = open_reader(tmp_path / "r.db")
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        reader.execute("INSERT INTO failures VALUES ('k', 's', 'E001', 'r', 'now')")


def test_reader_of_a_missing_file_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(DatelineError) as info:
        open_reader(tmp_path / "none.db")
    assert info.value.code is Code.MISSING_PATH and "dateline ingest" in info.value.message
    assert not (tmp_path / "none.db").exists()


def test_foreign_keys_refuse_an_orphan_row(tmp_path: Path) -> None:
    conn = open_writer(tmp_path / "f.db")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO paragraphs VALUES ('no-such-article', 0, 0, 10, NULL)")


def test_full_text_index_folds_diacritics(tmp_path: Path) -> None:
    conn = open_writer(tmp_path / "t.db")
    conn.execute("INSERT INTO articles_fts (rowid, title, text) VALUES (1, 'x', 'Les États-Unis et la Russie')")
    found = conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'etats unis'").fetchall()
    assert found == [(1,)]


def test_a_failed_migration_leaves_the_file_at_its_old_version(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline.store import schema

    conn = sqlite3.connect(tmp_path / "m.db", isolation_level=None)
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS + ((LATEST + 1, "broken", "CREATE TABLE x (;", None),))
    monkeypatch.setattr(schema, "LATEST", LATEST + 1)
    with pytest.raises(sqlite3.Error):
        schema.migrate(conn)
    assert version(conn) == LATEST
    assert "x" not in {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}


def test_a_version_1_file_is_upgraded_in_place_keeping_its_rows(tmp_path: Path) -> None:
    from dateline.store.schema import INITIAL

    conn = sqlite3.connect(tmp_path / "v1.db", isolation_level=None)
    conn.executescript(f"BEGIN;\n{INITIAL}\nPRAGMA user_version = 1;\nCOMMIT;")
    conn.execute("INSERT INTO failures VALUES ('k', 'old.html', 'E002', 'the input is empty', 'then')")
    conn.close()
    writer = open_writer(tmp_path / "v1.db")
    assert version(writer) == LATEST
    assert writer.execute("SELECT source FROM failures").fetchall() == [("old.html",)]
    indexes = {row[1] for row in writer.execute("PRAGMA index_list('event_parties')")}
    assert "event_parties_event" in indexes


def test_a_file_that_is_not_a_database_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"shopping list: bread, milk\n" * 200)
    before = path.read_bytes()
    with pytest.raises(DatelineError) as info:
        open_writer(path)
    assert info.value.code is Code.BAD_ARGUMENT and "not a dateline database" in info.value.message
    assert path.read_bytes() == before


def test_a_version_2_file_gets_sound_keys_and_scripts_for_the_persons_it_holds(tmp_path: Path) -> None:
    from dateline.store.schema import EVENT_PARTIES_BY_EVENT, INITIAL

    conn = sqlite3.connect(tmp_path / "v2.db", isolation_level=None)
    conn.executescript(f"BEGIN;\n{INITIAL}\n{EVENT_PARTIES_BY_EVENT}\nPRAGMA user_version = 2;\nCOMMIT;")
    conn.executemany("INSERT INTO entities (id, canonical, type, country, name_key, n_articles) "
                     "VALUES (?, ?, 'PERSON', 'US', ?, 1)",
                     [(1, "Dzhon Kerri", "dzhon kerri"), (2, "John Kelly", "john kelly")])
    conn.executemany("INSERT INTO doc_entities VALUES (?, 'e1', ?, ?, NULL, NULL, 1)",
                     [("ru-1", 1, "Джон Керри"), ("en-1", 2, "John Kelly")])
    conn.close()
    writer = open_writer(tmp_path / "v2.db")
    rows = writer.execute("SELECT canonical, script FROM entities ORDER BY id").fetchall()
    assert rows == [("Dzhon Kerri", "cyrillic"), ("John Kelly", "latin")]
    sounds = set(writer.execute("SELECT entity_id, key FROM entity_sounds").fetchall())
    assert {(1, "Jn kr"), (2, "Jn kl")} <= sounds and (1, "Jn kl") not in sounds
