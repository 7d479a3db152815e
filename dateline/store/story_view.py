"""Stories: the groups of articles about one happening, across outlets and languages.

The ingest writer keeps each story's summary up to date (its label, size, languages, outlets,
dates, most-cited entities and lead event type); listing reads those rows, so it costs the same
on a large corpus. A story's page adds its articles in order of publication, near-duplicate
copies marked with the article they copy, its coverage per day and language, what happened in it
(events merged across articles and languages by their ``event_key``) and who is quoted.
"""
from __future__ import annotations

import json
import sqlite3
from typing import Any

from dateline.errors import Code, DatelineError
from dateline.store.entity_view import parties
from dateline.store.lookup import check_date, query

# Stories listed when no limit is given, and the most one call may ask for.
DEFAULT_LIMIT = 20
MAX_LIMIT = 1000
# Events and speakers shown on a story's page, the most reported first.
STORY_ITEMS = 10
# The story's events in original articles, one row per event key; with one min() aggregate,
# SQLite takes the other columns from the earliest report.
STORY_EVENTS = ("SELECT ev.event_key, ev.article_id, ev.idx, ev.type, ev.mode, ev.cameo, ev.status, ev.date, "
                "ev.trigger, substr(a.text, ev.sentence_start + 1, ev.sentence_end - ev.sentence_start) AS sentence, "
                "count(DISTINCT ev.article_id) AS n_articles, count(DISTINCT a.language) AS n_languages, "
                "min(coalesce(a.published, '~') || printf(' %012d %06d', a.rowid, ev.idx)) AS earliest "
                "FROM events ev JOIN articles a ON a.id = ev.article_id WHERE a.story_id = ? "
                "AND a.duplicate_of IS NULL AND ev.duplicate_of IS NULL GROUP BY ev.event_key "
                "ORDER BY n_articles DESC, earliest LIMIT ?")
STORY_COLUMNS = ("s.id, s.label, s.size, s.languages, s.outlets, s.first_date, s.last_date, s.top_entities, "
                 "s.top_event, (SELECT count(*) FROM articles a WHERE a.story_id = s.id "
                 "AND a.duplicate_of IS NULL) AS originals")


def story_summary(row: sqlite3.Row) -> dict[str, Any]:
    """A stories row as JSON; ``originals`` is its size without near-duplicate copies."""
    return {"id": int(row["id"]), "label": row["label"], "size": int(row["size"]),
            "originals": int(row["originals"]), "languages": json.loads(row["languages"]),
            "outlets": json.loads(row["outlets"]), "first_date": row["first_date"], "last_date": row["last_date"],
            "top_entities": json.loads(row["top_entities"]), "top_event": row["top_event"]}


def story_filters(min_size: int, language: str | None, since: str | None,
                  until: str | None) -> tuple[list[str], list[Any]]:
    """SQL conditions on ``stories s``: its size, a language among its articles', and dates overlapping
    [since, until] (an ISO prefix: until 2024-03 keeps a story that starts in March)."""
    wheres: list[str] = ["s.size >= ?"]
    params: list[Any] = [min_size]
    if language:
        wheres.append("EXISTS (SELECT 1 FROM json_each(s.languages) WHERE lower(value) = lower(?))")
        params.append(language.strip())
    if start := check_date(since, "--since"):
        wheres.append("s.last_date >= ?")
        params.append(start)
    if end := check_date(until, "--until"):
        wheres.append(f"substr(s.first_date, 1, {len(end)}) <= ?")
        params.append(end)
    return wheres, params


def list_stories(conn: sqlite3.Connection, *, limit: int = DEFAULT_LIMIT, min_size: int = 1,
                 language: str | None = None, since: str | None = None,
                 until: str | None = None) -> list[dict[str, Any]]:
    """The largest stories first (then the most recent), filtered by size, language and dates."""
    if not 1 <= limit <= MAX_LIMIT or min_size < 1:
        raise DatelineError(Code.BAD_ARGUMENT, f"limit must be 1 to {MAX_LIMIT} and the minimum size 1 or more")
    wheres, params = story_filters(min_size, language, since, until)
    rows = query(conn, f"SELECT {STORY_COLUMNS} FROM stories s WHERE {' AND '.join(wheres)} "
                        "ORDER BY s.size DESC, s.last_date IS NULL, s.last_date DESC, s.id LIMIT ?",
                        [*params, limit]).fetchall()
    return [story_summary(row) for row in rows]


def story_articles(conn: sqlite3.Connection, story_id: int) -> list[dict[str, Any]]:
    """A story's articles in order of publication (undated last), copies marked."""
    rows = query(
        conn,
        "SELECT a.id, a.title, a.url, a.language, coalesce(a.source_name, a.source_domain) AS source, "
        "a.source_domain AS domain, a.published, a.duplicate_of, a.dup_similarity, a.n_quotes, a.n_events, "
        "(SELECT count(*) FROM sightings s WHERE s.article_id = a.id) AS sightings FROM articles a "
        "WHERE a.story_id = ? ORDER BY a.published IS NULL, a.published, a.rowid", (story_id,)).fetchall()
    return [dict(row) for row in rows]


def story_timeline(conn: sqlite3.Connection, story_id: int) -> list[dict[str, Any]]:
    """Original articles of the story per day, with how many in each language."""
    days: dict[str, dict[str, int]] = {}
    for row in query(conn, "SELECT substr(published, 1, 10) AS day, coalesce(language, '?') AS language, "
                     "count(*) AS n FROM articles WHERE story_id = ? AND duplicate_of IS NULL AND published IS NOT "
                     "NULL GROUP BY day, language ORDER BY day, language", (story_id,)):
        days.setdefault(row["day"], {})[row["language"]] = int(row["n"])
    return [{"date": d, "articles": sum(langs.values()), "languages": langs} for d, langs in days.items()]


def story_events(conn: sqlite3.Connection, story_id: int, limit: int = STORY_ITEMS) -> list[dict[str, Any]]:
    """What happened in the story: distinct events, the most reported first, with their parties."""
    found = []
    for row in query(conn, STORY_EVENTS, (story_id, limit)).fetchall():
        item = {k: v for k, v in dict(row).items() if k not in ("earliest", "event_key")}
        found.append({**item, **parties(row["event_key"])})
    return found


def story_speakers(conn: sqlite3.Connection, story_id: int, limit: int = STORY_ITEMS) -> list[dict[str, Any]]:
    """Who is quoted in the story's original articles, by how many articles, in which languages."""
    rows = query(conn, "SELECT coalesce(e.canonical, q.speaker_text) AS speaker, count(*) AS quotes, "
                 "count(DISTINCT q.article_id) AS articles, json_group_array(DISTINCT a.language) AS languages "
                 "FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.speaker_entity "
                 "WHERE a.story_id = ? AND a.duplicate_of IS NULL AND q.duplicate_of IS NULL "
                 "AND coalesce(e.canonical, q.speaker_text) IS NOT NULL GROUP BY 1 "
                 "ORDER BY articles DESC, quotes DESC, speaker LIMIT ?", (story_id, limit)).fetchall()
    return [{**dict(r), "languages": sorted(x for x in json.loads(r["languages"]) if x)} for r in rows]


def story_report(conn: sqlite3.Connection, story_id: int) -> dict[str, Any]:
    """One story: its summary, what its articles count, and the articles (BAD_ARGUMENT if unknown)."""
    row = query(conn, f"SELECT {STORY_COLUMNS}, s.counts FROM stories s WHERE s.id = ?", (story_id,)).fetchone()
    if row is None:
        last = conn.execute("SELECT max(id) FROM stories").fetchone()[0]
        known = f"the highest story id is {last}" if last else "the database holds no story yet"
        raise DatelineError(Code.BAD_ARGUMENT, f"no story {story_id}; {known} (list them with dateline stories)")
    counts = json.loads(row["counts"])
    return {**story_summary(row), "counts": {kind: counts.get(kind, {}) for kind in ("entities", "events")},
            "timeline": story_timeline(conn, story_id), "events": story_events(conn, story_id),
            "speakers": story_speakers(conn, story_id), "articles": story_articles(conn, story_id)}
