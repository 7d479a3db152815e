"""An entity's page: who it is, where it appears, what it said, what was said about it, what it did.

A name resolves through every name and alias the store has seen, in any language or script, so
"Sergueï Lavrov", "Sergey Lavrov" and "Сергей Лавров" open the same page. When a name belongs to
more than one canonical entity (another type or country), the page is the most reported one's
and the others are listed, to be asked for by type or country.

Everything is counted over original articles only: a near-duplicate copy (``duplicate_of`` set)
is the same article syndicated, and an exact copy is already one article with more sightings, so
a wire story picked up by ten outlets counts once. Events are merged across articles by their
``event_key`` (type, canonical parties, day), each with how many articles report it.
"""
from __future__ import annotations

import json
import sqlite3
from typing import Any

from dateline.errors import Code, DatelineError
from dateline.store.lookup import Entity, query, require_entities

# Entities named beside it, and outlets carrying it, listed on its page.
RELATED = 10
# Items listed per section (quotes, events, articles), newest first; the counts cover them all.
DEFAULT_ITEMS = 50
# The appearances of an entity in original articles (near-duplicate copies left out).
APPEARS = ("FROM doc_entities d JOIN articles a ON a.id = d.article_id "
           "WHERE d.entity_id = ? AND a.duplicate_of IS NULL")
QUOTE_COLUMNS = ("q.article_id, q.idx, q.text, q.kind, q.cue, coalesce(s.canonical, q.speaker_text) AS speaker, "
                 "a.title, a.published, a.language, coalesce(a.source_name, a.source_domain) AS source")
# Quotes whose speaker is the entity, in original articles, repeated paragraphs left out.
QUOTES_BY = ("FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN entities s ON s.id = q.speaker_entity "
             "WHERE q.speaker_entity = :id AND a.duplicate_of IS NULL AND q.duplicate_of IS NULL")
# Quotes of anyone else holding one of the entity's mentions: from its appearances (indexed by
# entity) to their mentions and the quotes of the same article that span one.
QUOTES_ABOUT = ("FROM doc_entities d JOIN articles a ON a.id = d.article_id "
                "JOIN mentions m ON m.article_id = d.article_id AND m.local_id = d.local_id "
                "JOIN quotes q ON q.article_id = d.article_id AND q.start <= m.start AND m.\"end\" <= q.\"end\" "
                "LEFT JOIN entities s ON s.id = q.speaker_entity WHERE d.entity_id = :id AND a.duplicate_of IS NULL "
                "AND q.duplicate_of IS NULL AND (q.speaker_entity IS NULL OR q.speaker_entity != :id)")
# Events where the entity has a role, one row per event key. With one min() aggregate, SQLite
# takes the other columns from the row of that minimum: the earliest article's report.
EVENTS = ("SELECT ev.event_key, ev.article_id, ev.idx, ev.type, ev.mode, ev.cameo, ev.status, ev.score, ev.date, "
          "ev.trigger, substr(a.text, ev.sentence_start + 1, ev.sentence_end - ev.sentence_start) AS sentence, "
          "pl.canonical AS place, a.title, a.published, a.language, count(DISTINCT ev.article_id) AS n_articles, "
          "min(coalesce(a.published, '~') || printf(' %012d %06d', a.rowid, ev.idx)) AS earliest "
          "FROM event_parties p JOIN events ev ON ev.article_id = p.article_id AND ev.idx = p.idx "
          "JOIN articles a ON a.id = ev.article_id LEFT JOIN entities pl ON pl.id = ev.place_entity "
          "WHERE p.entity_id = :id AND p.role = :role AND a.duplicate_of IS NULL AND ev.duplicate_of IS NULL "
          "GROUP BY ev.event_key ORDER BY coalesce(ev.date, a.published) DESC, earliest LIMIT :limit")


def choose(found: list[Entity], name: str, type_: str | None, country: str | None) -> tuple[Entity, list[Entity]]:
    """The entity the page is about (the most reported of those the filters keep), and the others."""
    kept = [e for e in found if (not type_ or e.type == type_.upper())
            and (not country or e.country == country.upper())]
    if not kept:
        known = "; ".join(f"{e.canonical} ({e.type}, {e.country or 'no country'})" for e in found)
        raise DatelineError(Code.BAD_ARGUMENT, f"no entity named {name!r} with that type or country; known: {known}")
    return kept[0], [e for e in found if e != kept[0]]


def aliases(conn: sqlite3.Connection, entity: Entity) -> list[str]:
    """The names the articles use for it, the most used first (all languages and scripts)."""
    rows = conn.execute(f"SELECT d.name, count(DISTINCT d.article_id) AS n {APPEARS} AND d.name IS NOT NULL "
                        "GROUP BY d.name ORDER BY n DESC, d.name", (entity.id,)).fetchall()
    return [str(r[0]) for r in rows]


def articles(conn: sqlite3.Connection, entity: Entity, limit: int) -> list[dict[str, Any]]:
    """The newest original articles naming it, each with how often its group was seen."""
    rows = query(
        conn,
        "SELECT a.id, a.title, a.published, a.language, coalesce(a.source_name, a.source_domain) AS source, "
        "a.url, a.story_id, coalesce(g.copies, 1) AS copies FROM articles a "
        "LEFT JOIN duplicate_groups g ON g.id = a.dup_group WHERE a.duplicate_of IS NULL "
        "AND a.id IN (SELECT article_id FROM doc_entities WHERE entity_id = ?) "
        "ORDER BY a.published IS NULL, a.published DESC, a.rowid DESC LIMIT ?", (entity.id, limit)).fetchall()
    return [dict(r) for r in rows]


def quotes(conn: sqlite3.Connection, entity: Entity, source: str, limit: int) -> tuple[int, list[dict[str, Any]]]:
    """How many quotes a query's FROM…WHERE finds (each once), and the newest of them."""
    params = {"id": entity.id, "limit": limit}
    total = int(conn.execute(f"SELECT count(*) FROM (SELECT DISTINCT q.article_id, q.idx {source})",
                             params).fetchone()[0])
    rows = query(conn, f"SELECT DISTINCT {QUOTE_COLUMNS} {source} ORDER BY a.published IS NULL, a.published DESC, "
                 "q.article_id, q.idx LIMIT :limit", params).fetchall()
    return total, [dict(r) for r in rows]


def parties(event_key: str) -> dict[str, list[str]]:
    """Canonical names of an event's actors and recipients, as its key holds them (sorted)."""
    _type, actors, recipients, _day = json.loads(event_key)
    return {"actors": list(actors), "recipients": list(recipients)}


def events(conn: sqlite3.Connection, entity: Entity, role: str, limit: int) -> tuple[int, list[dict[str, Any]]]:
    """Distinct events (by event key) where the entity is actor or recipient, and the newest of them."""
    params = {"id": entity.id, "role": role, "limit": limit}
    total = int(conn.execute(
        "SELECT count(DISTINCT ev.event_key) FROM event_parties p JOIN events ev ON ev.article_id = p.article_id "
        "AND ev.idx = p.idx JOIN articles a ON a.id = ev.article_id WHERE p.entity_id = :id AND p.role = :role "
        "AND a.duplicate_of IS NULL AND ev.duplicate_of IS NULL", params).fetchone()[0])
    found = []
    for row in query(conn, EVENTS, params).fetchall():
        item = {k: v for k, v in dict(row).items() if k not in ("earliest", "event_key")}
        found.append({**item, **parties(row["event_key"])})
    return total, found


def related(conn: sqlite3.Connection, entity: Entity, limit: int = RELATED) -> list[dict[str, Any]]:
    """The entities most often named in the same original articles."""
    rows = query(conn, "SELECT e.canonical, e.type, nullif(e.country, '') AS country, "
                 "count(DISTINCT o.article_id) AS articles FROM doc_entities d "
                 "JOIN articles a ON a.id = d.article_id AND a.duplicate_of IS NULL "
                 "JOIN doc_entities o ON o.article_id = d.article_id AND o.entity_id != d.entity_id "
                 "JOIN entities e ON e.id = o.entity_id WHERE d.entity_id = ? "
                 "GROUP BY e.id ORDER BY articles DESC, e.canonical LIMIT ?", (entity.id, limit))
    return [dict(r) for r in rows]


def outlets(conn: sqlite3.Connection, entity: Entity, limit: int = RELATED) -> list[dict[str, Any]]:
    """Where articles naming it were seen, copies included: each outlet that carried one counts it."""
    rows = query(conn, "SELECT lower(coalesce(s.source_domain, s.source_name)) AS outlet, count(*) AS sightings "
                 "FROM sightings s JOIN articles m ON m.id = s.article_id WHERE m.dup_group IN "
                 f"(SELECT a.id {APPEARS}) AND coalesce(s.source_domain, s.source_name) IS NOT NULL "
                 "GROUP BY outlet ORDER BY sightings DESC, outlet LIMIT ?", (entity.id, limit))
    return [dict(r) for r in rows]


def timeline(conn: sqlite3.Connection, entity: Entity) -> list[dict[str, Any]]:
    """Original articles naming it, per day of publication."""
    rows = conn.execute(f"SELECT substr(a.published, 1, 10) AS day, count(DISTINCT a.id) {APPEARS} "
                        "AND a.published IS NOT NULL GROUP BY day ORDER BY day", (entity.id,)).fetchall()
    return [{"date": str(r[0]), "articles": int(r[1])} for r in rows]


def entity_report(conn: sqlite3.Connection, name: str, *, type_: str | None = None, country: str | None = None,
                  limit: int = DEFAULT_ITEMS) -> dict[str, Any]:
    """Everything the store knows of the entity named ``name`` (BAD_ARGUMENT, with close names, if none)."""
    entity, others = choose(require_entities(conn, name), name, type_, country)
    mentions = conn.execute(f"SELECT coalesce(sum(d.n_mentions), 0) {APPEARS}", (entity.id,)).fetchone()[0]
    n_by, said = quotes(conn, entity, QUOTES_BY, limit)
    n_about, about = quotes(conn, entity, QUOTES_ABOUT, limit)
    n_acted, acted = events(conn, entity, "actor", limit)
    n_received, received = events(conn, entity, "recipient", limit)
    return {"entity": entity.to_json(), "others": [e.to_json() for e in others], "aliases": aliases(conn, entity),
            "n_articles": entity.n_articles, "mentions": int(mentions),
            "articles": articles(conn, entity, limit),
            "n_quotes_by": n_by, "quotes_by": said, "n_quotes_about": n_about, "quotes_about": about,
            "n_events_as_actor": n_acted, "events_as_actor": acted,
            "n_events_as_recipient": n_received, "events_as_recipient": received,
            "related": related(conn, entity), "outlets": outlets(conn, entity), "timeline": timeline(conn, entity)}
