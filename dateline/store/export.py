"""Exports of the store: the records as JSONL, the tables as Parquet, the events as a GDELT-style table.

Every export is atomic: it is written to a temporary file beside its target and renamed over it
at the end, so a reader never sees half a file and a failure leaves the old file (or nothing) in
place. A Parquet export renames its tables only once all of them are written.

- ``export_jsonl``: one stored record per line, as ``dateline analyze --json`` printed it, plus
  what the corpus decided: ``duplicate_of``, ``dup_group`` and ``story_id``;
- ``export_parquet``: articles, entities, mentions, quotes and events tables, each with an
  explicit Arrow schema; an event's parties are list columns (store ids, canonical names,
  countries), so the events table answers "who did what to whom" without a join;
- ``export_gdelt``: one row per distinct event (see gdelt.py), tab-separated with a header (comma
  separated when the path ends in .csv, Parquet when it ends in .parquet).
"""
from __future__ import annotations

import contextlib
import csv
import json
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from dateline.store import gdelt
from dateline.store.lookup import query

Row = dict[str, Any]

# Rows per Parquet record batch: bounded memory on a large store, few row groups on a small one.
BATCH_ROWS = 10_000
# Permissions of an exported file: mkstemp's private 0600 would hide an export from its readers.
EXPORT_MODE = 0o644
# Characters that would break a line or a field of a delimited file; written as spaces.
CONTROL = str.maketrans({"\t": " ", "\n": " ", "\r": " ", "\x0b": " ", "\x0c": " "})


# --- the Parquet tables ----------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """One exported table: its file name, Arrow schema, SQL and row conversion."""

    name: str
    schema: pa.Schema
    sql: str
    convert: Callable[[sqlite3.Row], Row]


def plain(row: sqlite3.Row) -> Row:
    return dict(row)


def strings(*names: str) -> list[tuple[str, pa.DataType]]:
    return [(name, pa.string()) for name in names]


def ints(*names: str) -> list[tuple[str, pa.DataType]]:
    return [(name, pa.int64()) for name in names]


ARTICLES_SCHEMA = pa.schema([
    *strings("id", "url", "origin", "source_name", "source_domain", "title", "author", "language", "published",
             "fetched", "ingested", "text"),
    *ints("n_quotes", "n_events"), *strings("dup_group", "duplicate_of"), ("dup_similarity", pa.float64()),
    *ints("story_id", "sightings")])
ARTICLES_SQL = ("SELECT a.id, a.url, a.origin, a.source_name, a.source_domain, a.title, a.author, a.language, "
                "a.published, a.fetched, a.ingested, a.text, a.n_quotes, a.n_events, a.dup_group, a.duplicate_of, "
                "a.dup_similarity, a.story_id, (SELECT count(*) FROM sightings s WHERE s.article_id = a.id) "
                "AS sightings FROM articles a ORDER BY a.rowid")

ENTITIES_SCHEMA = pa.schema([("id", pa.int64()), *strings("canonical", "type", "country"),
                             *ints("n_articles", "n_mentions"), ("names", pa.list_(pa.string()))])
# n_articles counts original articles only (near-duplicate copies are the same article again).
ENTITIES_SQL = ("SELECT e.id, e.canonical, e.type, nullif(e.country, '') AS country, "
                "count(DISTINCT CASE WHEN a.duplicate_of IS NULL THEN a.id END) AS n_articles, "
                "coalesce(sum(CASE WHEN a.duplicate_of IS NULL THEN d.n_mentions END), 0) AS n_mentions, "
                "json_group_array(DISTINCT d.name) FILTER (WHERE d.name IS NOT NULL) AS names "
                "FROM entities e LEFT JOIN doc_entities d ON d.entity_id = e.id "
                "LEFT JOIN articles a ON a.id = d.article_id GROUP BY e.id ORDER BY e.id")


def entity_row(row: sqlite3.Row) -> Row:
    return {**dict(row), "names": sorted(json.loads(row["names"] or "[]"))}


MENTIONS_SCHEMA = pa.schema([*strings("article_id", "local_id"), *ints("entity_id", "start", "end"),
                             ("text", pa.string())])
MENTIONS_SQL = ("SELECT m.article_id, m.local_id, d.entity_id, m.start, m.\"end\", m.text FROM mentions m "
                "JOIN doc_entities d ON d.article_id = m.article_id AND d.local_id = m.local_id "
                "ORDER BY m.rowid")

QUOTES_SCHEMA = pa.schema([("article_id", pa.string()), *ints("idx", "speaker_entity"),
                           *strings("speaker", "speaker_local", "speaker_text", "text"), *ints("start", "end"),
                           *strings("kind", "cue"), ("duplicate_of", pa.int64())])
QUOTES_SQL = ("SELECT q.article_id, q.idx, q.speaker_entity, e.canonical AS speaker, q.speaker_local, "
              "q.speaker_text, q.text, q.start, q.\"end\", q.kind, q.cue, q.duplicate_of FROM quotes q "
              "JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.speaker_entity "
              "ORDER BY a.rowid, q.idx")


def party_columns(role: str) -> list[tuple[str, pa.DataType]]:
    return [(f"{role}_entities", pa.list_(pa.int64())), (f"{role}_names", pa.list_(pa.string())),
            (f"{role}_countries", pa.list_(pa.string())), (f"{role}_text", pa.string())]


EVENTS_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("idx", pa.int64()), *strings("event_key", "type", "mode", "cameo"),
    ("score", pa.float64()), *strings("status", "date", "date_source"), *party_columns("actor"),
    *party_columns("recipient"), *strings("place_name", "place_canonical", "place_country"),
    ("place_lat", pa.float64()), ("place_lon", pa.float64()), ("place_geonames_id", pa.int64()),
    ("reported_by", pa.string()), ("trigger", pa.string()), *ints("start", "end", "sentence_start", "sentence_end"),
    ("sentence", pa.string()), ("duplicate_of", pa.int64())])
# The place row of the event's place entity in that article (the first, should the record list it twice).
PLACE_ROW = ("(SELECT min(rowid) FROM places WHERE article_id = ev.article_id AND local_id = ev.place_local)")
EVENTS_SQL = ("SELECT ev.article_id, ev.idx, ev.event_key, ev.type, ev.mode, ev.cameo, ev.score, ev.status, ev.date, "
              "ev.date_source, ev.actor_text, ev.actor_country, ev.recipient_text, ev.recipient_country, "
              "pp.parties, pl.name AS place_name, pe.canonical AS place_canonical, "
              "pl.country AS place_country, pl.lat AS place_lat, pl.lon AS place_lon, "
              "pl.geonames_id AS place_geonames_id, rb.canonical AS reported_by, ev.trigger, "
              "ev.start, ev.\"end\", ev.sentence_start, ev.sentence_end, "
              "substr(a.text, ev.sentence_start + 1, ev.sentence_end - ev.sentence_start) AS sentence, "
              "ev.duplicate_of FROM events ev JOIN articles a ON a.id = ev.article_id "
              f"LEFT JOIN {gdelt.PARTIES} pp ON pp.article_id = ev.article_id AND pp.idx = ev.idx "
              f"LEFT JOIN places pl ON pl.rowid = {PLACE_ROW} LEFT JOIN entities pe ON pe.id = ev.place_entity "
              "LEFT JOIN entities rb ON rb.id = ev.reported_by_entity ORDER BY a.rowid, ev.idx")


def parties(row: sqlite3.Row, role: str) -> Row:
    """One side of an event as list columns: its entities' ids, canonical names and countries.

    The countries are the entities' and then the record's own (a party without an entity, such as
    "the Russian side", may still give a country)."""
    found = [p for p in json.loads(row["parties"] or "[]") if p["role"] == role]
    countries = list(dict.fromkeys(c for c in [*(p["country"] for p in found), row[f"{role}_country"]] if c))
    return {f"{role}_entities": [p["id"] for p in found], f"{role}_names": [p["name"] for p in found],
            f"{role}_countries": countries, f"{role}_text": row[f"{role}_text"] or None}


# Columns read into the list columns of parties() rather than copied as they are.
SIDE_COLUMNS = ("parties", "actor_country", "recipient_country", "actor_text", "recipient_text")


def event_row(row: sqlite3.Row) -> Row:
    out = {k: v for k, v in dict(row).items() if k not in SIDE_COLUMNS}
    return {**out, **parties(row, "actor"), **parties(row, "recipient")}


TABLES = (
    Table("articles", ARTICLES_SCHEMA, ARTICLES_SQL, plain),
    Table("entities", ENTITIES_SCHEMA, ENTITIES_SQL, entity_row),
    Table("mentions", MENTIONS_SCHEMA, MENTIONS_SQL, plain),
    Table("quotes", QUOTES_SCHEMA, QUOTES_SQL, plain),
    Table("events", EVENTS_SCHEMA, EVENTS_SQL, event_row),
)


# --- writing ---------------------------------------------------------------------------------


@contextlib.contextmanager
def atomic_file(target: str | Path) -> Iterator[Path]:
    """A temporary path beside ``target``, renamed over it when the block succeeds, removed when not."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    temp = Path(name)
    temp.chmod(EXPORT_MODE)
    try:
        yield temp
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)


def export_jsonl(conn: sqlite3.Connection, path: str | Path) -> int:
    """Every stored record, one JSON object per line, in ingest order; returns how many."""
    count = 0
    with atomic_file(path) as temp, temp.open("w", encoding="utf-8") as out:
        for row in query(conn, "SELECT record, duplicate_of, dup_group, story_id FROM articles ORDER BY rowid"):
            record = {**json.loads(row["record"]), "duplicate_of": row["duplicate_of"],
                      "dup_group": row["dup_group"], "story_id": row["story_id"]}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def batches(rows: Iterable[dict[str, Any]], size: int = BATCH_ROWS) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def write_parquet(rows: Iterable[dict[str, Any]], schema: pa.Schema, path: Path) -> int:
    """Rows into a Parquet file of exactly this schema (an empty table still has its columns)."""
    count = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        for batch in batches(rows):
            writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=schema))
            count += len(batch)
    return count


def table_rows(conn: sqlite3.Connection, table: Table) -> Iterator[dict[str, Any]]:
    for row in query(conn, table.sql):
        yield table.convert(row)


def export_parquet(conn: sqlite3.Connection, folder: str | Path) -> dict[str, int]:
    """The store's tables as ``<folder>/<table>.parquet``; returns the rows written per table."""
    folder = Path(folder)
    counts: dict[str, int] = {}
    with contextlib.ExitStack() as stack:
        # Every table is written before any is renamed: the ExitStack renames them as it unwinds.
        for table in TABLES:
            temp = stack.enter_context(atomic_file(folder / f"{table.name}.parquet"))
            counts[table.name] = write_parquet(table_rows(conn, table), table.schema, temp)
    return counts


def delimiter_for(path: Path) -> str:
    return "," if path.suffix.lower() == ".csv" else "\t"


def cell(value: Any) -> Any:
    """A field of a delimited file: missing values empty, text on one line."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.translate(CONTROL)
    return value


def write_delimited(rows: Iterable[dict[str, Any]], path: Path, delimiter: str) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
        writer.writerow(gdelt.NAMES)
        for row in rows:
            writer.writerow([cell(row[name]) for name in gdelt.NAMES])
            count += 1
    return count


def export_gdelt(conn: sqlite3.Connection, path: str | Path) -> int:
    """One row per distinct event, GDELT-style; returns how many events were written."""
    target = Path(path)
    with atomic_file(target) as temp:
        if target.suffix.lower() == ".parquet":
            return write_parquet(gdelt.gdelt_rows(conn), gdelt.SCHEMA, temp)
        return write_delimited(gdelt.gdelt_rows(conn), temp, delimiter_for(target))
