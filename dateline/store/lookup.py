"""Finding things in the store by what a user types: entity names, dates, event types.

Every read command shares these, so a name resolves the same way in ``search --entity``,
``search --speaker`` and ``entity``: folded by ``name_key`` (case, diacritics, apostrophes) and
looked up among every name and alias the store has seen, in any language or script. A name that
resolves to nothing is an error that suggests the closest names the store knows.
"""
from __future__ import annotations

import difflib
import re
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from dateline import plover
from dateline.errors import Code, DatelineError
from dateline.store.write import name_key

# Close names offered when a name is unknown, and how alike they must be (difflib's ratio).
SUGGESTIONS = 5
SUGGESTION_CUTOFF = 0.6
# Single words shorter than this are not compared on their own ("al", "de" would match anything).
MIN_WORD = 3
# What a date bound may look like: a year, a month, a day, or a full ISO datetime.
ISO_PREFIX = re.compile(r"^\d{4}(-\d{2}(-\d{2}([T ][0-9:.+\-Z]*)?)?)?$")


@dataclass(frozen=True)
class Entity:
    """A canonical entity, with its articles counted once per group of near-duplicate copies."""

    id: int
    canonical: str
    type: str
    country: str
    n_articles: int

    def to_json(self) -> dict[str, object]:
        return {"id": self.id, "canonical": self.canonical, "type": self.type,
                "country": self.country or None, "n_articles": self.n_articles}


def query(conn: sqlite3.Connection, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> sqlite3.Cursor:
    """A cursor whose rows read by column name, whatever connection (reader or writer) it is on."""
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    return cursor.execute(sql, params)


# Articles of an entity, near-duplicate copies left out (an exact copy is already one article).
ENTITY_ARTICLES = ("SELECT count(DISTINCT d.article_id) FROM doc_entities d JOIN articles a ON a.id = d.article_id "
                   "WHERE d.entity_id = e.id AND a.duplicate_of IS NULL")


def entities_named(conn: sqlite3.Connection, name: str) -> list[Entity]:
    """Every canonical entity known by this name or alias, the most reported first."""
    rows = conn.execute(
        f"SELECT e.id, e.canonical, e.type, e.country, ({ENTITY_ARTICLES}) AS n FROM entity_names k "
        "JOIN entities e ON e.id = k.entity_id WHERE k.key = ? ORDER BY n DESC, e.id", (name_key(name),)).fetchall()
    return [Entity(int(r[0]), str(r[1]), str(r[2]), str(r[3] or ""), int(r[4])) for r in rows]


def require_entities(conn: sqlite3.Connection, name: str, what: str = "entity") -> list[Entity]:
    """The entities of a name; none is a BAD_ARGUMENT error naming the closest known names."""
    if not name_key(name):
        raise DatelineError(Code.BAD_ARGUMENT, f"an empty {what} name")
    found = entities_named(conn, name)
    if found:
        return found
    close = suggestions(conn, name)
    hint = f"; did you mean: {', '.join(close)}?" if close else "; no similar name is stored either"
    raise DatelineError(Code.BAD_ARGUMENT, f"no {what} named {name!r} in this database{hint}")


def suggestions(conn: sqlite3.Connection, name: str, n: int = SUGGESTIONS) -> list[str]:
    """Canonical names of the stored entities whose names (or one of their words) are closest."""
    wanted = name_key(name)
    candidates: dict[str, str] = {}
    for (key,) in conn.execute("SELECT DISTINCT key FROM entity_names"):
        candidates.setdefault(key, key)
        if " " not in wanted:  # one word typed: compare it with each word of the stored names too
            for word in key.split():
                if len(word) >= MIN_WORD:
                    candidates.setdefault(word, key)
    close = difflib.get_close_matches(wanted, list(candidates), n=n * 2, cutoff=SUGGESTION_CUTOFF)
    names: list[str] = []
    for match in close:
        top = entities_named(conn, candidates[match])
        if top and top[0].canonical not in names:
            names.append(top[0].canonical)
    return names[:n]


def check_source(conn: sqlite3.Connection, source: str) -> None:
    """Nothing when some article was seen at this outlet (name or domain, any case); else a
    BAD_ARGUMENT error naming the closest outlets the store knows."""
    wanted = source.strip().lower()
    outlets = {str(name).lower() for row in conn.execute("SELECT DISTINCT source_domain, source_name FROM sightings")
               for name in row if name}
    if wanted in outlets:
        return
    close = difflib.get_close_matches(wanted, sorted(outlets), n=SUGGESTIONS, cutoff=SUGGESTION_CUTOFF)
    hint = f"; did you mean: {', '.join(close)}?" if close else ""
    raise DatelineError(Code.BAD_ARGUMENT, f"no article was seen at the source {source!r}{hint}")


def check_date(value: str | None, option: str) -> str | None:
    """A date bound as given (an ISO prefix), or a BAD_ARGUMENT error."""
    if value is None:
        return None
    value = value.strip()
    if not ISO_PREFIX.match(value):
        raise DatelineError(Code.BAD_ARGUMENT, f"{option} {value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


def check_event_type(value: str) -> str:
    """A PLOVER event type, any case, or a BAD_ARGUMENT error listing the types."""
    kind = value.strip().upper()
    if kind not in plover.types():
        raise DatelineError(Code.BAD_ARGUMENT, f"{value!r} is not a PLOVER event type; one of: "
                            f"{', '.join(plover.types())}")
    return kind


def date_clauses(column: str, since: str | None, until: str | None) -> tuple[list[str], list[str]]:
    """SQL conditions (and their parameters) keeping ``column`` within [since, until].

    Dates are ISO strings, so a prefix compares as a range: until 2024-03 keeps all of March."""
    clauses: list[str] = []
    params: list[str] = []
    if since := check_date(since, "--since"):
        clauses.append(f"{column} >= ?")
        params.append(since)
    if until := check_date(until, "--until"):
        clauses.append(f"substr({column}, 1, {len(until)}) <= ?")
        params.append(until)
    return clauses, params
