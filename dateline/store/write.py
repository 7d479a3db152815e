"""Writing one analysed article into the store, inside the caller's transaction.

The record is split into its tables: the article and its search row, paragraphs, canonical
entities (shared across articles and languages) with their appearances and mentions, places,
dates, quotes and events. Nothing here commits: the ingest loop wraps a batch in one
transaction, so a crash leaves each article either whole or absent.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from typing import Any

from dateline.names import CYRILLIC, fold, joinable_by_sound, sound_keys
from dateline.stages.events.links import event_key

Record = dict[str, Any]
# Entity types joined across scripts by sound: people's names are transcribed from one script to
# the other; organisations' and places' names are translated, and places are geocoded anyway.
CROSS_SCRIPT_TYPES = {"PERSON"}


def utc_now() -> str:
    """The time a row is written, ISO UTC to the second."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def name_key(name: str) -> str:
    """A name folded for lookup: no diacritics, no case, single spaces, one apostrophe."""
    return " ".join(fold(name.replace("’", "'")).casefold().split())


def canonical_of(entity: Record) -> str:
    return str(entity.get("canonical") or entity["name"])


def resolve_entity(conn: sqlite3.Connection, canonical: str, type_: str, country: str | None,
                   script: str = "latin", spelling: str | None = None) -> int:
    """The store's id for an entity known by canonical name, type and country.

    An article that does not know the country joins the most-cited entity of that name and
    type; one that knows it fills in an entity first stored without a country. A person not
    found by name is looked for by the sound of the name in the other script."""
    key, country = name_key(canonical), country or ""
    found = by_name(conn, key, type_, country)
    if found is not None or type_ not in CROSS_SCRIPT_TYPES:
        return found if found is not None else insert_entity(conn, canonical, type_, country, script)
    # The name as written keeps letters the canonical folds away ("Türkeş" sounds "Türkesh").
    sounds = sound_keys(canonical) | (sound_keys(spelling) if spelling else set())
    found = by_sound(conn, canonical, sounds, (type_, country, script))
    if found is None:
        found = insert_entity(conn, canonical, type_, country, script)
    conn.executemany("INSERT OR IGNORE INTO entity_sounds VALUES (?, ?)", [(key, found) for key in sorted(sounds)])
    return found


def insert_entity(conn: sqlite3.Connection, canonical: str, type_: str, country: str, script: str) -> int:
    cursor = conn.execute("INSERT INTO entities (canonical, type, country, name_key, script) VALUES (?, ?, ?, ?, ?)",
                          (canonical, type_, country, name_key(canonical), script))
    return int(cursor.lastrowid or 0)


def by_name(conn: sqlite3.Connection, key: str, type_: str, country: str) -> int | None:
    row = conn.execute("SELECT id FROM entities WHERE name_key = ? AND type = ? AND country = ?",
                       (key, type_, country)).fetchone()
    if row:
        return int(row[0])
    if not country:
        row = conn.execute("SELECT id FROM entities WHERE name_key = ? AND type = ? "
                           "ORDER BY n_articles DESC, id LIMIT 1", (key, type_)).fetchone()
        return int(row[0]) if row else None
    row = conn.execute("SELECT id FROM entities WHERE name_key = ? AND type = ? AND country = ''",
                       (key, type_)).fetchone()
    if not row:
        return None
    conn.execute("UPDATE entities SET country = ? WHERE id = ?", (country, row[0]))
    return int(row[0])


def by_sound(conn: sqlite3.Connection, canonical: str, sounds: set[str], kind: tuple[str, str, str]) -> int | None:
    """A person stored under the other script's spelling of the name, with no other country.

    Only across scripts: within one, spellings that sound alike are different people as often
    as not ("Maria" and "Mario"), and the canonical name already levels transliterations. When
    the Latin spelling comes second it becomes the entity's canonical name."""
    type_, country, script = kind
    keys = sorted(key for key in sounds if joinable_by_sound(key))
    if not keys:
        return None
    row = conn.execute(
        "SELECT e.id, e.country FROM entity_sounds s JOIN entities e ON e.id = s.entity_id "
        f"WHERE s.key IN ({', '.join('?' * len(keys))}) AND e.type = ? AND e.script != ? "
        "AND (e.country = ? OR e.country = '' OR ? = '') ORDER BY e.n_articles DESC, e.id LIMIT 1",
        (*keys, type_, script, country, country)).fetchone()
    if row is None:
        return None
    entity_id = int(row[0])
    if script == "latin":
        # The Latin name may be taken by an entity of another country: the old name stays then.
        with contextlib.suppress(sqlite3.IntegrityError):
            conn.execute("UPDATE entities SET canonical = ?, name_key = ?, script = 'latin', country = ? "
                         "WHERE id = ?", (canonical, name_key(canonical), row[1] or country, entity_id))
    return entity_id


def write_entities(conn: sqlite3.Connection, article_id: str, record: Record) -> dict[str, int]:
    """Each entity of the record as a canonical entity; returns local id -> store id."""
    ids: dict[str, int] = {}
    for entity in record.get("entities", []):
        script = "cyrillic" if CYRILLIC.search(entity["name"]) else "latin"
        store_id = resolve_entity(conn, canonical_of(entity), entity["type"], entity.get("country"), script,
                                  entity["name"])
        ids[entity["id"]] = store_id
        mentions = entity.get("mentions", [])
        conn.execute("UPDATE entities SET n_articles = n_articles + 1 WHERE id = ?", (store_id,))
        conn.execute("INSERT INTO doc_entities VALUES (?, ?, ?, ?, ?, ?, ?)",
                     (article_id, entity["id"], store_id, entity["name"], entity.get("role"),
                      entity.get("sector"), len(mentions)))
        names = {name_key(n) for n in [entity["name"], canonical_of(entity), *entity.get("aliases", [])]}
        conn.executemany("INSERT OR IGNORE INTO entity_names VALUES (?, ?)",
                         [(key, store_id) for key in sorted(names) if key])
        conn.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?)",
                         [(article_id, entity["id"], m["start"], m["end"], m["text"]) for m in mentions])
    return ids


def write_article_row(conn: sqlite3.Connection, record: Record, meta: Record) -> None:
    """The article, its search row, and its paragraphs."""
    source = record.get("source") or {}
    values = (record["id"], record.get("url"), meta["origin"], source.get("name"), source.get("domain"),
              record.get("title"), record.get("author"), record.get("language"), record.get("published"),
              meta.get("fetched"), record["text"], len(record.get("quotes", [])), len(record.get("events", [])),
              meta["dup_group"], meta.get("duplicate_of"), meta.get("dup_similarity"), meta.get("story_id"),
              json.dumps(record, ensure_ascii=False), meta["ingested"])
    cursor = conn.execute(
        "INSERT INTO articles (id, url, origin, source_name, source_domain, title, author, language, published, "
        "fetched, text, n_quotes, n_events, dup_group, duplicate_of, dup_similarity, story_id, record, ingested) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values)
    conn.execute("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
                 (cursor.lastrowid, record.get("title") or "", record["text"]))
    conn.executemany("INSERT INTO paragraphs VALUES (?, ?, ?, ?, ?)",
                     [(record["id"], i, p["start"], p["end"], p.get("duplicate_of"))
                      for i, p in enumerate(record.get("paragraphs", []))])


def write_places_and_dates(conn: sqlite3.Connection, article_id: str, record: Record,
                           ids: dict[str, int]) -> None:
    conn.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     [(article_id, p.get("entity"), ids.get(p.get("entity") or ""), p["name"], p.get("lat"),
                       p.get("lon"), p.get("country"), p.get("geonames_id")) for p in record.get("places", [])])
    conn.executemany("INSERT INTO dates VALUES (?, ?, ?, ?, ?)",
                     [(article_id, d["text"], d["start"], d["end"], d.get("value"))
                      for d in record.get("dates", [])])


def write_quotes(conn: sqlite3.Connection, article_id: str, record: Record, ids: dict[str, int]) -> None:
    conn.executemany("INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     [(article_id, i, q.get("speaker"), ids.get(q.get("speaker") or ""), q.get("speaker_text"),
                       q["text"], q["start"], q["end"], q.get("kind"), q.get("cue"), q.get("duplicate_of"))
                      for i, q in enumerate(record.get("quotes", []))])


def first(values: Any) -> Any:
    """The first of a list field (actor_country…), or the value itself."""
    if isinstance(values, list):
        return values[0] if values else None
    return values


def write_events(conn: sqlite3.Connection, article_id: str, record: Record, ids: dict[str, int]) -> None:
    by_id = {e["id"]: e for e in record.get("entities", [])}
    for i, ev in enumerate(record.get("events", [])):
        key = json.dumps(event_key(ev, by_id), ensure_ascii=False)
        conn.execute(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article_id, i, ev["type"], ev.get("mode"), ev.get("cameo"), ev.get("score"), ev.get("status"),
             "; ".join(ev.get("actor_text") or []), first(ev.get("actor_country")),
             "; ".join(ev.get("recipient_text") or []), first(ev.get("recipient_country")),
             ev.get("place"), ids.get(ev.get("place") or ""), ev.get("date"), ev.get("date_source"),
             ids.get(ev.get("reported_by") or ""), ev.get("trigger"), ev.get("start"), ev.get("end"),
             ev.get("sentence_start"), ev.get("sentence_end"), ev.get("duplicate_of"), key))
        parties = [("actor", ids[local]) for local in ev.get("actor", []) if local in ids]
        parties += [("recipient", ids[local]) for local in ev.get("recipient", []) if local in ids]
        conn.executemany("INSERT INTO event_parties VALUES (?, ?, ?, ?)",
                         [(article_id, i, role, entity) for role, entity in parties])


def write_article(conn: sqlite3.Connection, record: Record, meta: Record) -> None:
    """One new article and everything found in it. ``meta`` carries what the corpus stages
    decided: origin, fetched, ingested, dup_group, duplicate_of, dup_similarity, story_id."""
    write_article_row(conn, record, meta)
    ids = write_entities(conn, record["id"], record)
    write_places_and_dates(conn, record["id"], record, ids)
    write_quotes(conn, record["id"], record, ids)
    write_events(conn, record["id"], record, ids)


def write_sighting(conn: sqlite3.Connection, key: str, article_id: str, record: Record, meta: Record,
                   exact_copy: bool) -> None:
    """Where an article was seen; an exact copy elsewhere adds a sighting, not an article."""
    source = record.get("source") or {}
    conn.execute("INSERT INTO sightings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 (key, article_id, meta["origin"], record.get("url"), source.get("name"), source.get("domain"),
                  record.get("published"), meta.get("fetched"), int(exact_copy)))


def write_failure(conn: sqlite3.Connection, key: str, source: str, code: str, reason: str, at: str) -> None:
    """A document that could not be ingested, with its reason; a retry replaces the row."""
    conn.execute("INSERT OR REPLACE INTO failures VALUES (?, ?, ?, ?, ?)", (key, source, code, reason, at))
