"""Canonical entities across articles: a person written in Cyrillic joins the Latin spelling of
the name by its sound, and only across scripts, only when the countries agree."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from dateline.corpus import stories
from dateline.store.db import open_reader, open_writer
from dateline.store.lookup import entities_named
from tests.store.conftest import Record, entity, record, store

EN = "US Secretary of State John Kerry arrived in Geneva."
RU = "Госсекретарь США Джон Керри прибыл в Женеву."
MARIA_EN = "Maria Sanchez, a Spanish nurse, won the prize."
MARIO_RU = "Испанский медик Марио Санчес получил премию."


def article(ident: str, text: str, language: str, canonical: str, name: str, country: str | None) -> Record:
    person = entity(text, "e1", canonical, "PERSON", country, name)
    return record(ident, ident, text, language, "2024-03-04", ("Wire", f"{ident}.example"), [person], [], [], [])


def stored(path: Path, *records: Record) -> sqlite3.Connection:
    conn = open_writer(path)
    index: dict[int, stories.Story] = {}
    conn.execute("BEGIN IMMEDIATE")
    for number, rec in enumerate(records, start=1):
        store(conn, rec, index, number)
    conn.execute("COMMIT")
    conn.close()
    return open_reader(path)


def persons(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    rows = conn.execute("SELECT canonical, country, script FROM entities WHERE type = 'PERSON' ORDER BY id")
    return [tuple(row) for row in rows]


def test_a_cyrillic_transcription_joins_the_latin_name_stored_before(tmp_path: Path) -> None:
    reader = stored(tmp_path / "a.db", article("en", EN, "en", "John Kerry", "John Kerry", "US"),
                    article("ru", RU, "ru", "Dzhon Kerri", "Джон Керри", "US"))
    assert persons(reader) == [("John Kerry", "US", "latin")]
    assert [e.canonical for e in entities_named(reader, "Джон Керри")] == ["John Kerry"]


def test_the_latin_spelling_arriving_second_becomes_the_canonical_name(tmp_path: Path) -> None:
    reader = stored(tmp_path / "b.db", article("ru", RU, "ru", "Dzhon Kerri", "Джон Керри", "US"),
                    article("en", EN, "en", "John Kerry", "John Kerry", None))
    assert persons(reader) == [("John Kerry", "US", "latin")]
    assert [e.canonical for e in entities_named(reader, "Dzhon Kerri")] == ["John Kerry"]


def test_names_that_sound_alike_in_one_script_stay_apart(tmp_path: Path) -> None:
    maria = article("a", MARIA_EN, "en", "Maria Sanchez", "Maria Sanchez", "ES")
    mario = article("b", MARIA_EN.replace("Maria", "Mario"), "en", "Mario Sanchez", "Mario Sanchez", "ES")
    reader = stored(tmp_path / "c.db", maria, mario)
    assert [row[0] for row in persons(reader)] == ["Maria Sanchez", "Mario Sanchez"]


def test_a_transcription_does_not_join_a_person_of_another_country(tmp_path: Path) -> None:
    reader = stored(tmp_path / "d.db", article("en", MARIA_EN, "en", "Maria Sanchez", "Maria Sanchez", "ES"),
                    article("ru", MARIO_RU, "ru", "Mario Sanches", "Марио Санчес", "MX"))
    assert [row[:2] for row in persons(reader)] == [("Maria Sanchez", "ES"), ("Mario Sanches", "MX")]
