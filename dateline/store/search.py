"""Full-text search over the stored articles, with filters, ranking and snippets.

The user's query never reaches FTS5 as syntax: each word becomes a quoted phrase (so ``*``,
``:``, ``^``, parentheses and stray quotes are plain text), a "quoted phrase" stays a phrase,
``OR`` between two terms accepts either, and a leading ``-`` excludes a term. The tokenizer folds
diacritics, so "etats-unis" finds "États-Unis". Results are ranked by bm25 with the title weighted
above the body; an empty query with filters lists the matching articles by date, newest first.

Near-duplicate copies (syndicated articles) are collapsed by default: one result per duplicate
group, the group's first article when it matches, with ``copies``, how many times the group was
seen (near-duplicates and exact copies included).
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from dateline.errors import Code, DatelineError
from dateline.store.lookup import check_event_type, check_source, date_clauses, require_entities
from dateline.store.lookup import query as run_sql

# bm25 weights of the FTS columns (title, text): a word in the headline says more than one in the body.
TITLE_WEIGHT = 5.0
TEXT_WEIGHT = 1.0
# Snippet: the text column (FTS column 1), its hit markers, its ellipsis and its length in tokens.
SNIPPET_COLUMN = 1
HIT_OPEN, HIT_CLOSE = "[", "]"
ELLIPSIS = "…"
SNIPPET_TOKENS = 20
# Without a query there is no hit to show: the snippet is the article's opening, this long.
LEAD_CHARS = 160
# Significant digits of a score (bm25 of a word found in most articles is tiny, not zero).
SCORE_DIGITS = 4
# Most results one call may ask for: a page of results, not an export.
MAX_LIMIT = 1000
# A quoted phrase (maybe excluded, maybe unclosed), else a bare word.
TERM = re.compile(r'(-?)"([^"]*)"?|(\S+)')
# A term is searchable when it holds a letter or digit; "--" or "…" alone would be an empty phrase.
WORDY = re.compile(r"\w")
# SQLite's messages for a MATCH expression it cannot read (anything else is not the query's fault).
FTS_ERROR = re.compile(r"fts5|syntax|match", re.IGNORECASE)


@dataclass
class Parsed:
    """A query as groups of alternatives (all groups must match) and excluded phrases."""

    groups: list[list[str]] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)


def phrase(text: str) -> str:
    """An FTS5 string: the tokenizer reads it as a phrase, whatever characters it holds."""
    return '"' + text.replace('"', '""') + '"'


def parse_query(query: str) -> Parsed:
    """Terms, OR and NOT of a user query (OR binds the terms on either side of it)."""
    parsed = Parsed()
    joining = False
    for match in TERM.finditer(query):
        negated, quoted, bare = match.group(1) == "-", match.group(2), match.group(3)
        if bare in ("OR", "AND"):
            joining = bare == "OR" and bool(parsed.groups)
            continue
        if bare is not None and bare.startswith("-") and len(bare) > 1:
            negated, bare = True, bare[1:]
        text = quoted if quoted is not None else bare or ""
        if not WORDY.search(text):
            continue
        if negated:
            parsed.excluded.append(phrase(text))
        elif joining:
            parsed.groups[-1].append(phrase(text))
        else:
            parsed.groups.append([phrase(text)])
        joining = False
    return parsed


def fts_expression(query: str) -> str:
    """The FTS5 MATCH expression of a user query, or a BAD_ARGUMENT error when nothing is searchable."""
    parsed = parse_query(query)
    if not parsed.groups:
        reason = "only excluded words" if parsed.excluded else "no word to search for"
        raise DatelineError(Code.BAD_ARGUMENT, f"the query {query!r} has {reason}")
    expression = " AND ".join("(" + " OR ".join(group) + ")" for group in parsed.groups)
    if parsed.excluded:
        expression = f"({expression}) NOT ({' OR '.join(parsed.excluded)})"
    return expression


def entity_clause(conn: sqlite3.Connection, name: str, table: str, column: str, what: str) -> tuple[str, list[Any]]:
    """Articles where ``table.column`` is one of the entities known by ``name`` (all of them, when the
    name is ambiguous: "Washington" the country's government and the city)."""
    ids = [e.id for e in require_entities(conn, name, what)]
    marks = ", ".join("?" * len(ids))
    return f"a.id IN (SELECT article_id FROM {table} WHERE {column} IN ({marks}))", ids


def filters(conn: sqlite3.Connection, opts: dict[str, Any]) -> tuple[list[str], list[Any]]:
    """SQL conditions on ``articles a`` for the search filters, and their parameters."""
    wheres, dates = date_clauses("a.published", opts.get("since"), opts.get("until"))
    values: list[Any] = list(dates)
    if opts.get("language"):
        wheres.append("lower(a.language) = lower(?)")
        values.append(opts["language"].strip())
    if opts.get("source"):
        # The outlet of the article, or of any place it was seen again word for word.
        wheres.append("(lower(a.source_domain) = lower(?) OR lower(a.source_name) = lower(?) OR a.id IN "
                      "(SELECT article_id FROM sightings WHERE lower(source_domain) = lower(?) "
                      "OR lower(source_name) = lower(?)))")
        values.extend([opts["source"].strip()] * 4)
    if opts.get("event_type"):
        wheres.append("a.id IN (SELECT article_id FROM events WHERE type = ?)")
        values.append(check_event_type(opts["event_type"]))
    for key, table, column, what in (("entity", "doc_entities", "entity_id", "entity"),
                                     ("speaker", "quotes", "speaker_entity", "speaker")):
        if opts.get(key):
            clause, ids = entity_clause(conn, opts[key], table, column, what)
            wheres.append(clause)
            values.extend(ids)
    return wheres, values


def hits_sql(query: str | None, wheres: list[str]) -> str:
    """The matching articles with their rank (null without a query)."""
    condition = " AND ".join(wheres) or "1"
    if query:
        return (f"SELECT a.rowid AS rid, a.id, a.dup_group, bm25(articles_fts, {TITLE_WEIGHT}, {TEXT_WEIGHT}) AS rank "
                "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
                f"WHERE articles_fts MATCH ? AND {condition}")
    return f"SELECT a.rowid AS rid, a.id, a.dup_group, NULL AS rank FROM articles a WHERE {condition}"


def search_sql(query: str | None, wheres: list[str], include_duplicates: bool) -> str:
    """Hits, one per duplicate group unless duplicates are wanted, ranked, one page of them."""
    group = "h.id" if include_duplicates else "h.dup_group"
    order = "best, h.rid" if query else "a.published IS NULL, a.published DESC, h.rid DESC"
    # MATERIALIZED: bm25() must run in the full-text query itself, not in the window query over it.
    return (f"WITH hits AS MATERIALIZED ({hits_sql(query, wheres)}), "
            "ranked AS (SELECT h.*, row_number() OVER (PARTITION BY "
            f"{group} ORDER BY h.id = h.dup_group DESC, h.rank, h.rid) AS n, "
            f"min(h.rank) OVER (PARTITION BY {group}) AS best FROM hits h) "
            "SELECT h.rid, a.id, a.title, a.url, coalesce(a.source_name, a.source_domain) AS source, a.source_domain, "
            f"a.language, a.published, h.best AS rank, substr(a.text, 1, {LEAD_CHARS}) AS lead, a.story_id, "
            "a.dup_group, a.duplicate_of, coalesce(g.copies, 1) AS copies FROM ranked h "
            "JOIN articles a ON a.rowid = h.rid LEFT JOIN duplicate_groups g ON g.id = a.dup_group "
            f"WHERE h.n = 1 ORDER BY {order} LIMIT ? OFFSET ?")


def snippets(conn: sqlite3.Connection, expression: str, rowids: list[int]) -> dict[int, str]:
    """The hits of one page, marked in the text: computed for the page only, not for every match."""
    if not rowids:
        return {}
    marks = ", ".join("?" * len(rowids))
    rows = conn.execute(f"SELECT rowid, snippet(articles_fts, {SNIPPET_COLUMN}, '{HIT_OPEN}', '{HIT_CLOSE}', "
                        f"'{ELLIPSIS}', {SNIPPET_TOKENS}) FROM articles_fts WHERE articles_fts MATCH ? "
                        f"AND rowid IN ({marks})", [expression, *rowids])
    return {int(rowid): str(text) for rowid, text in rows}


def lead(text: str | None) -> str:
    """Without a query there is no hit to show: the article's opening, cut at a word."""
    text = text or ""
    return text.rsplit(" ", 1)[0] + " " + ELLIPSIS if len(text) >= LEAD_CHARS else text


def result(row: sqlite3.Row, snippet: str | None) -> dict[str, Any]:
    """One result; the score is bm25 negated, so a higher score is a better match."""
    rank = row["rank"]
    score = None if rank is None else float(f"{-float(rank):.{SCORE_DIGITS}g}")
    shown = snippet if snippet is not None else lead(row["lead"])
    return {"id": row["id"], "title": row["title"], "url": row["url"], "source": row["source"],
            "domain": row["source_domain"], "language": row["language"], "published": row["published"],
            "score": score, "snippet": " ".join(shown.split()), "story_id": row["story_id"],
            "copies": int(row["copies"]), "dup_group": row["dup_group"], "duplicate_of": row["duplicate_of"]}


def fetch(conn: sqlite3.Connection, sql: str, params: list[Any], query: str | None) -> list[sqlite3.Row]:
    """Run the search; a MATCH expression FTS5 still refuses is the user's to fix (BAD_ARGUMENT)."""
    try:
        return run_sql(conn, sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        if not FTS_ERROR.search(str(exc)):
            raise
        raise DatelineError(Code.BAD_ARGUMENT, f"cannot search for {query!r}: {exc}") from exc


def search(conn: sqlite3.Connection, query: str | None, *, language: str | None = None, source: str | None = None,
           since: str | None = None, until: str | None = None, entity: str | None = None,
           event_type: str | None = None, speaker: str | None = None, limit: int = 20, offset: int = 0,
           include_duplicates: bool = False) -> list[dict[str, Any]]:
    """Articles matching the query and filters, best first (newest first without a query)."""
    if not 1 <= limit <= MAX_LIMIT or offset < 0:
        raise DatelineError(Code.BAD_ARGUMENT, f"limit must be 1 to {MAX_LIMIT} and offset 0 or more")
    opts = {"language": language, "source": source, "since": since, "until": until, "entity": entity,
            "event_type": event_type, "speaker": speaker}
    wheres, values = filters(conn, opts)
    text = (query or "").strip()
    expression = fts_expression(text) if text else None
    params = ([expression] if expression else []) + values + [limit, offset]
    rows = fetch(conn, search_sql(text, wheres, include_duplicates), params, query)
    if not rows and source:
        check_source(conn, source)  # nothing found: say so if the outlet itself is unknown (a typo)
    marked = snippets(conn, expression, [int(row["rid"]) for row in rows]) if expression else {}
    return [result(row, marked.get(int(row["rid"]))) for row in rows]
