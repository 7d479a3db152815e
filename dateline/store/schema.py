"""The store's schema as numbered migrations, applied in order and recorded in the file.

``PRAGMA user_version`` holds the version of the newest migration applied; each migration runs
in its own transaction, so a file is always at one version or the next, never in between.
A file written by a newer dateline is refused rather than guessed at.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable

from dateline.errors import Code, DatelineError
from dateline.names import CYRILLIC, sound_keys

# Version 1: the corpus. Offsets are character offsets into articles.text, as in the record.
# Canonical entities are shared across documents and languages; doc_entities are their
# appearances in one article (with the record's local id, "e1"…).
INITIAL = """
CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,          -- the FTS index's key
    id TEXT NOT NULL UNIQUE,            -- the record's content id
    url TEXT, origin TEXT NOT NULL, source_name TEXT, source_domain TEXT,
    title TEXT, author TEXT, language TEXT, published TEXT, fetched TEXT,
    text TEXT NOT NULL,
    n_quotes INTEGER NOT NULL, n_events INTEGER NOT NULL,
    dup_group TEXT NOT NULL,            -- id of the group's first article (itself when first)
    duplicate_of TEXT REFERENCES articles(id),  -- null for the group's first article
    dup_similarity REAL,                -- estimated Jaccard with duplicate_of
    story_id INTEGER REFERENCES stories(id),
    record TEXT NOT NULL,               -- the full document record, JSON
    ingested TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_language ON articles(language);
CREATE INDEX articles_domain ON articles(source_domain);
CREATE INDEX articles_group ON articles(dup_group);
CREATE INDEX articles_story ON articles(story_id);

-- Every place an article was seen: its first sighting and exact copies (same clean text) elsewhere.
CREATE TABLE sightings (
    key TEXT PRIMARY KEY,               -- Item.key: source and bytes
    article_id TEXT NOT NULL REFERENCES articles(id),
    source TEXT NOT NULL, url TEXT, source_name TEXT, source_domain TEXT,
    published TEXT, fetched TEXT, exact_copy INTEGER NOT NULL
);
CREATE INDEX sightings_article ON sightings(article_id);

CREATE TABLE duplicate_groups (
    id TEXT PRIMARY KEY REFERENCES articles(id),
    size INTEGER NOT NULL,              -- articles in the group (near-duplicates included)
    copies INTEGER NOT NULL             -- sightings of all of them (exact copies included)
);

CREATE TABLE paragraphs (
    article_id TEXT NOT NULL REFERENCES articles(id), idx INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, duplicate_of INTEGER,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    canonical TEXT NOT NULL, type TEXT NOT NULL, country TEXT NOT NULL DEFAULT '',
    name_key TEXT NOT NULL,             -- canonical, case and diacritics folded
    n_articles INTEGER NOT NULL DEFAULT 0,
    UNIQUE (name_key, type, country)
);
CREATE TABLE entity_names (             -- every name and alias seen, folded, for lookup
    key TEXT NOT NULL, entity_id INTEGER NOT NULL REFERENCES entities(id),
    PRIMARY KEY (key, entity_id)
);
CREATE TABLE doc_entities (
    article_id TEXT NOT NULL REFERENCES articles(id), local_id TEXT NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    name TEXT, role TEXT, sector TEXT, n_mentions INTEGER NOT NULL,
    PRIMARY KEY (article_id, local_id)
);
CREATE INDEX doc_entities_entity ON doc_entities(entity_id);
CREATE TABLE mentions (
    article_id TEXT NOT NULL, local_id TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    FOREIGN KEY (article_id, local_id) REFERENCES doc_entities(article_id, local_id)
);
CREATE INDEX mentions_entity ON mentions(article_id, local_id);

CREATE TABLE places (
    article_id TEXT NOT NULL REFERENCES articles(id), local_id TEXT,
    entity_id INTEGER REFERENCES entities(id),
    name TEXT NOT NULL, lat REAL, lon REAL, country TEXT, geonames_id INTEGER
);
CREATE INDEX places_article ON places(article_id);

CREATE TABLE dates (
    article_id TEXT NOT NULL REFERENCES articles(id),
    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, value TEXT
);
CREATE INDEX dates_article ON dates(article_id);

CREATE TABLE quotes (
    article_id TEXT NOT NULL REFERENCES articles(id), idx INTEGER NOT NULL,
    speaker_local TEXT, speaker_entity INTEGER REFERENCES entities(id), speaker_text TEXT,
    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    kind TEXT, cue TEXT, duplicate_of INTEGER,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX quotes_speaker ON quotes(speaker_entity);

CREATE TABLE events (
    article_id TEXT NOT NULL REFERENCES articles(id), idx INTEGER NOT NULL,
    type TEXT NOT NULL, mode TEXT, cameo TEXT, score REAL, status TEXT,
    actor_text TEXT, actor_country TEXT, recipient_text TEXT, recipient_country TEXT,
    place_local TEXT, place_entity INTEGER REFERENCES entities(id),
    date TEXT, date_source TEXT, reported_by_entity INTEGER REFERENCES entities(id),
    trigger TEXT, start INTEGER, "end" INTEGER, sentence_start INTEGER, sentence_end INTEGER,
    duplicate_of INTEGER,
    event_key TEXT NOT NULL,            -- type, canonical actors and recipients, day: the same event across articles
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_key ON events(event_key);
CREATE TABLE event_parties (
    article_id TEXT NOT NULL, idx INTEGER NOT NULL, role TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    FOREIGN KEY (article_id, idx) REFERENCES events(article_id, idx)
);
CREATE INDEX event_parties_entity ON event_parties(entity_id, role);

CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    label TEXT NOT NULL, size INTEGER NOT NULL,
    first_date TEXT, last_date TEXT,
    languages TEXT NOT NULL, outlets TEXT NOT NULL,      -- JSON lists
    top_entities TEXT NOT NULL, top_event TEXT,          -- JSON list of canonical names; PLOVER type
    centroid BLOB NOT NULL,                              -- float32 sum of member embeddings
    counts TEXT NOT NULL            -- JSON {"entities"|"events"|"languages"|"outlets": {name: articles}}
);
CREATE INDEX stories_last ON stories(last_date);

-- What the cross-document stages need again on the next run, so nothing is recomputed.
CREATE TABLE signatures (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    minhash BLOB NOT NULL, embedding BLOB NOT NULL
);

CREATE TABLE failures (
    key TEXT PRIMARY KEY, source TEXT NOT NULL,
    code TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL
);

CREATE TABLE fetch_cache (
    url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, at TEXT NOT NULL
);

-- Full-text search: diacritics folded, so "etats-unis" finds "États-Unis".
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2'
);
"""

# Version 2: an event's parties looked up by the event (entity and story pages join on it).
EVENT_PARTIES_BY_EVENT = "CREATE INDEX event_parties_event ON event_parties(article_id, idx);"

# Version 3: a person is joined across scripts by the sound of the name ("Donald Trump" is
# "Дональд Трамп"): entity_sounds holds each entity's sound keys (names.sound_keys), and
# entities.script says whether the entity has only ever been seen in Cyrillic, so a Latin
# spelling, when it comes, can become its canonical name. Both are filled in for stored rows.
SOUND_KEYS = """
ALTER TABLE entities ADD COLUMN script TEXT NOT NULL DEFAULT 'latin';
UPDATE entities SET script = 'cyrillic' WHERE id IN (
    SELECT entity_id FROM doc_entities GROUP BY entity_id HAVING min(dateline_is_cyrillic(name)) = 1);
CREATE TABLE entity_sounds (
    key TEXT NOT NULL, entity_id INTEGER NOT NULL REFERENCES entities(id),
    PRIMARY KEY (key, entity_id)
);
"""


def fill_sound_keys(conn: sqlite3.Connection) -> None:
    """Sound keys for the persons a version-2 file already holds."""
    rows = conn.execute("SELECT id, canonical FROM entities WHERE type = 'PERSON'").fetchall()
    conn.executemany("INSERT OR IGNORE INTO entity_sounds VALUES (?, ?)",
                     [(key, entity_id) for entity_id, canonical in rows for key in sound_keys(canonical)])


# Each migration: its number, what it does, its SQL and a Python step run after the SQL in the
# same transaction (for columns whose values only dateline's own functions can compute).
Step = Callable[[sqlite3.Connection], None] | None

MIGRATIONS: tuple[tuple[int, str, str, Step], ...] = (
    (1, "corpus: articles, sightings, duplicates, entities, quotes, events, stories, search", INITIAL, None),
    (2, "index event parties by event", EVENT_PARTIES_BY_EVENT, None),
    (3, "persons joined across scripts by sound key", SOUND_KEYS, fill_sound_keys),
)
LATEST = MIGRATIONS[-1][0]


def version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def register_functions(conn: sqlite3.Connection) -> None:
    """The Python functions that migrations call to fill new columns in."""
    conn.create_function("dateline_is_cyrillic", 1, lambda text: int(bool(CYRILLIC.search(text or ""))),
                         deterministic=True)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the file up to the latest schema; return the version it was at."""
    found = version(conn)
    if found > LATEST:
        raise DatelineError(Code.BAD_ARGUMENT, f"the database is at schema version {found}, newer than "
                            f"this dateline knows ({LATEST}); upgrade dateline")
    register_functions(conn)
    for number, _name, sql, step in MIGRATIONS:
        if number <= found:
            continue
        # executescript commits whatever is pending first, so the migration opens its own
        # explicit transaction, and the rest runs as single statements inside it.
        try:
            conn.executescript(f"BEGIN IMMEDIATE;\n{sql}")
            if step is not None:
                step(conn)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except sqlite3.Error:
            if conn.in_transaction:
                conn.rollback()
            raise
    return found
