"""A small corpus in a real store, written without the language models.

Hand-made records go through the store's own writers (``write_article``, ``write_sighting``,
the story functions) the way ``CorpusWriter.store_new`` does, so the read side is tested on the
tables ingest really fills. The corpus:

- ``en-3``: a Rotterdam dock strike (World Wire, 2024-02-20), a story of its own;
- ``fr-1``: "Sergueï Lavrov" accuses the "États-Unis" (Le Courrier, 2024-03-04), also seen word
  for word on relay.example (an exact copy: a second sighting, not an article);
- ``en-1``: "Sergey Lavrov" accuses the "United States"; John Kerry threatens Moscow (World Wire);
- ``en-2``: a near-duplicate of en-1 on echo.example (``duplicate_of`` en-1);
- ``ru-1``: "Сергей Лавров" accuses "США" the next day (Вести, 2024-03-05).
"""
from __future__ import annotations

import argparse
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from dateline.cli import corpus as cli_corpus
from dateline.corpus import stories
from dateline.embed import DIMENSIONS, to_bytes
from dateline.store.db import open_reader, open_writer
from dateline.store.write import write_article, write_sighting

Record = dict[str, Any]
INGESTED = "2024-03-06T10:00:00+00:00"

EN_TEXT = ("Russian Foreign Minister Sergey Lavrov accused the United States on Monday of breaking the truce in "
           "Aleppo.\n\n\"Washington is not keeping its promises,\" Lavrov said.\n\n"
           "US Secretary of State John Kerry threatened to suspend cooperation with Moscow on Syria.")
FR_TEXT = ("Le ministre russe des Affaires étrangères Sergueï Lavrov a accusé lundi les États-Unis de saboter la "
           "trêve à Alep.\n\n« Washington ne tient pas ses promesses », a déclaré Sergueï Lavrov devant la presse.")
RU_TEXT = ("Министр иностранных дел России Сергей Лавров обвинил США в срыве перемирия в Алеппо.\n\n"
           "«Вашингтон не выполняет обещаний», — заявил Лавров.")
STRIKE_TEXT = ("Dock workers in Rotterdam went on strike on Tuesday over pay.\n\n"
               "The port authority said talks would resume.")


def spans(text: str, phrases: tuple[str, ...]) -> list[Record]:
    """Every occurrence of the phrases, longest first, never two overlapping."""
    taken: list[Record] = []
    for words in sorted(phrases, key=len, reverse=True):
        start = text.find(words)
        while start >= 0:
            end = start + len(words)
            if all(end <= m["start"] or start >= m["end"] for m in taken):
                taken.append({"start": start, "end": end, "text": words, "kind": "name"})
            start = text.find(words, end)
    return sorted(taken, key=lambda m: m["start"])


def entity(text: str, local: str, canonical: str, type_: str, country: str | None, *names: str,
           sector: str | None = None) -> Record:
    return {"id": local, "name": names[0], "canonical": canonical, "type": type_, "country": country,
            "role": None, "sector": sector, "aliases": sorted({*names, canonical}), "mentions": spans(text, names)}


def quote(text: str, words: str, speaker: str | None, speaker_text: str | None, cue: str) -> Record:
    start = text.index(words)
    return {"speaker": speaker, "speaker_text": speaker_text, "text": words, "start": start,
            "end": start + len(words), "kind": "direct", "cue": cue}


def event(text: str, kind: str, cameo: str, trigger: str, actor: list[str], recipient: list[str], *,
          place: str | None, date: str, countries: tuple[list[str], list[str]], actor_text: list[str],
          score: float = -2.0, mode: str | None = None) -> Record:
    start = text.index(trigger)
    sentence_start = text.rfind("\n\n", 0, start)
    sentence_start = 0 if sentence_start < 0 else sentence_start + 2
    sentence_end = text.find(".", start) + 1
    return {"type": kind, "mode": mode, "cameo": cameo, "score": score, "status": "asserted",
            "actor": actor, "actor_text": actor_text, "actor_country": countries[0],
            "recipient": recipient, "recipient_text": [], "recipient_country": countries[1],
            "place": place, "date": date, "date_source": "text", "reported_by": None, "trigger": trigger,
            "start": start, "end": start + len(trigger), "sentence_start": sentence_start,
            "sentence_end": sentence_end, "duplicate_of": None}


def record(ident: str, title: str, text: str, language: str, published: str, source: tuple[str, str],
           entities: list[Record], quotes: list[Record], events: list[Record], places: list[Record]) -> Record:
    paragraphs, start = [], 0
    for part in text.split("\n\n"):
        paragraphs.append({"start": start, "end": start + len(part), "duplicate_of": None})
        start += len(part) + 2
    return {"id": ident, "url": f"https://{source[1]}/{ident}", "source": {"name": source[0], "domain": source[1]},
            "title": title, "author": None, "language": language, "published": published, "text": text,
            "paragraphs": paragraphs, "removed": [], "entities": entities, "places": places, "dates": [],
            "quotes": quotes, "events": events}


def aleppo(local: str, name: str) -> Record:
    return {"entity": local, "name": name, "lat": 36.2021, "lon": 37.1343, "country": "SY", "geonames_id": 170063}


def english(ident: str, text: str, published: str, source: tuple[str, str]) -> Record:
    ents = [entity(text, "e1", "Sergey Lavrov", "PERSON", "RU", "Sergey Lavrov", "Lavrov", sector="GOV"),
            entity(text, "e2", "United States", "GPE", "US", "United States", "Washington"),
            entity(text, "e3", "Aleppo", "GPE", "SY", "Aleppo"),
            entity(text, "e4", "John Kerry", "PERSON", "US", "John Kerry", sector="GOV"),
            entity(text, "e5", "Moscow", "GPE", "RU", "Moscow")]
    accuse = event(text, "ACCUSE", "112", "accused", ["e1"], ["e2"], place="e3", date="2024-03-04",
                   countries=(["RU"], ["US"]), actor_text=["Sergey Lavrov"])
    threat = event(text, "THREATEN", "138", "threatened", ["e4"], ["e5"], place=None, date="2024-03-04",
                   countries=(["US"], ["RU"]), actor_text=["John Kerry"], score=-4.0)
    said = quote(text, "Washington is not keeping its promises,", "e1", "Lavrov", "said")
    return record(ident, "Lavrov accuses Washington of breaking the Aleppo truce", text, "en", published,
                  source, ents, [said], [accuse, threat], [aleppo("e3", "Aleppo")])


def french() -> Record:
    text = FR_TEXT
    ents = [entity(text, "e1", "Sergey Lavrov", "PERSON", "RU", "Sergueï Lavrov", sector="GOV"),
            entity(text, "e2", "United States", "GPE", "US", "États-Unis", "Washington"),
            entity(text, "e3", "Aleppo", "GPE", "SY", "Alep")]
    accuse = event(text, "ACCUSE", "112", "a accusé", ["e1"], ["e2"], place="e3", date="2024-03-04",
                   countries=(["RU"], ["US"]), actor_text=["Sergueï Lavrov"])
    said = quote(text, "Washington ne tient pas ses promesses", "e1", "Sergueï Lavrov", "a déclaré")
    return record("fr-1", "Sergueï Lavrov accuse les États-Unis", text, "fr", "2024-03-04T09:00:00+00:00",
                  ("Le Courrier", "courrier.example"), ents, [said], [accuse], [aleppo("e3", "Alep")])


def russian() -> Record:
    text = RU_TEXT
    ents = [entity(text, "e1", "Sergey Lavrov", "PERSON", "RU", "Сергей Лавров", "Лавров", sector="GOV"),
            entity(text, "e2", "United States", "GPE", "US", "США", "Вашингтон"),
            entity(text, "e3", "Aleppo", "GPE", "SY", "Алеппо")]
    accuse = event(text, "ACCUSE", "112", "обвинил", ["e1"], ["e2"], place="e3", date="2024-03-05",
                   countries=(["RU"], ["US"]), actor_text=["Сергей Лавров"])
    said = quote(text, "Вашингтон не выполняет обещаний", "e1", "Лавров", "заявил")
    return record("ru-1", "Лавров обвинил США в срыве перемирия", text, "ru", "2024-03-05",
                  ("Вести", "vesti.example"), ents, [said], [accuse], [aleppo("e3", "Алеппо")])


def strike() -> Record:
    text = STRIKE_TEXT
    ents = [entity(text, "e1", "Rotterdam", "GPE", "NL", "Rotterdam")]
    walkout = event(text, "PROTEST", "143", "went on strike", [], [], place="e1", date="2024-02-20",
                    countries=([], []), actor_text=["Dock workers"], score=-1.0, mode="strike")
    place = {"entity": "e1", "name": "Rotterdam", "lat": 51.9225, "lon": 4.4792, "country": "NL",
             "geonames_id": 2747891}
    return record("en-3", "Dock workers strike in Rotterdam", text, "en", "2024-02-20", ("World Wire", "wire.example"),
                  ents, [], [walkout], [place])


@dataclass
class Corpus:
    path: Path
    records: dict[str, Record]


def vector(axis: int) -> np.ndarray:
    out = np.zeros(DIMENSIONS, dtype=np.float32)
    out[axis] = 1.0
    return out


def store(conn: sqlite3.Connection, rec: Record, index: dict[int, stories.Story], story_id: int,
          duplicate_of: str | None = None) -> None:
    """What CorpusWriter.store_new writes for one analysed article."""
    facts = stories.facts(rec, vector(story_id))
    story = (stories.joined(index[story_id], facts, move_centroid=duplicate_of is None) if story_id in index
             else stories.new_story(story_id, facts))
    index[story_id] = story
    stories.save_story(conn, story)
    group = duplicate_of or rec["id"]
    meta = {"origin": f"/corpus/{rec['id']}.html", "fetched": None, "ingested": INGESTED, "dup_group": group,
            "duplicate_of": duplicate_of, "dup_similarity": 0.93 if duplicate_of else None, "story_id": story.id}
    write_article(conn, rec, meta)
    write_sighting(conn, f"key-{rec['id']}", rec["id"], rec, meta, exact_copy=False)
    conn.execute("INSERT INTO signatures VALUES (?, ?, ?)", (rec["id"], b"", to_bytes(vector(story_id))))
    conn.execute("INSERT INTO duplicate_groups VALUES (?, 1, 1) ON CONFLICT (id) DO UPDATE SET "
                 "size = size + 1, copies = copies + 1", (group,))


def exact_copy(conn: sqlite3.Connection, rec: Record, domain: str) -> None:
    """The same article seen again elsewhere: a sighting, and one more copy of its group."""
    seen = {**rec, "url": f"https://{domain}/{rec['id']}", "source": {"name": None, "domain": domain}}
    write_sighting(conn, f"key-{rec['id']}-{domain}", rec["id"], seen, {"origin": "relay", "fetched": None},
                   exact_copy=True)
    conn.execute("UPDATE duplicate_groups SET copies = copies + 1 WHERE id = ?", (rec["id"],))


def build(path: Path) -> Corpus:
    records = {"en-3": strike(), "fr-1": french(),
               "en-1": english("en-1", EN_TEXT, "2024-03-04T12:00:00+00:00", ("World Wire", "wire.example")),
               "en-2": english("en-2", EN_TEXT.replace("on Monday", "on Monday morning"),
                               "2024-03-04T15:00:00+00:00", ("Daily Echo", "echo.example")),
               "ru-1": russian()}
    conn = open_writer(path)
    index: dict[int, stories.Story] = {}
    conn.execute("BEGIN IMMEDIATE")
    store(conn, records["en-3"], index, 1)
    store(conn, records["fr-1"], index, 2)
    exact_copy(conn, records["fr-1"], "relay.example")
    store(conn, records["en-1"], index, 2)
    store(conn, records["en-2"], index, 2, duplicate_of="en-1")
    store(conn, records["ru-1"], index, 2)
    conn.execute("COMMIT")
    conn.close()
    return Corpus(path, records)


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    return build(tmp_path / "news.db")


@pytest.fixture
def reader(corpus: Corpus) -> Iterator[sqlite3.Connection]:
    conn = open_reader(corpus.path)
    yield conn
    conn.close()


def george_washington() -> Record:
    text = "George Washington crossed the Delaware River in 1776, Washington wrote in his diary."
    ents = [entity(text, "e1", "George Washington", "PERSON", "US", "George Washington", "Washington")]
    return record("en-4", "Washington's crossing", text, "en", "2024-01-10", ("History Desk", "history.example"),
                  ents, [], [], [])


@pytest.fixture
def washington(corpus: Corpus) -> Corpus:
    """The corpus with a second entity called "Washington" (a person; the first is the United States)."""
    rec = george_washington()
    conn = open_writer(corpus.path)
    conn.execute("BEGIN IMMEDIATE")
    store(conn, rec, {}, 3)
    conn.execute("COMMIT")
    conn.close()
    return Corpus(corpus.path, {**corpus.records, rec["id"]: rec})


@dataclass
class Ran:
    code: int
    out: str
    err: str


@pytest.fixture
def run_corpus_cli(corpus: Corpus, capsys: pytest.CaptureFixture[str]) -> Callable[..., Ran]:
    """Parse and run one corpus command on the test store, the way dateline's parser will."""
    parser = argparse.ArgumentParser(prog="dateline")
    cli_corpus.add_corpus_commands(parser.add_subparsers(dest="command", required=True))

    def run(*argv: str) -> Ran:
        args = parser.parse_args([*argv, "--db", str(corpus.path)] if "--db" not in argv else list(argv))
        code = int(args.func(args))
        captured = capsys.readouterr()
        return Ran(code, captured.out, captured.err)

    return run
