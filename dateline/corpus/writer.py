"""The single writer: decides duplicates and stories for analysed articles and stores them.

One batch is one transaction, and each article inside it a savepoint: an article is stored
whole or not at all, a bug on one becomes its failure row, and a crash loses only the batch
being written (its sources are not marked seen, so the next run does them again). The
in-memory indexes change only after an article's rows are written.
"""
from __future__ import annotations

import sqlite3
import time
from collections import Counter
from dataclasses import dataclass, field

from dateline.corpus import stories
from dateline.corpus.dedup import DuplicateIndex
from dateline.corpus.worker import Analysed
from dateline.embed import from_bytes
from dateline.errors import Code
from dateline.settings import Settings
from dateline.store import write


@dataclass
class Placed:
    """Where an article belongs in the store (its duplicate group and story)."""

    dup_group: str
    story_id: int


@dataclass
class CorpusWriter:
    conn: sqlite3.Connection
    settings: Settings
    tally: Counter[str] = field(default_factory=Counter)
    story_seconds: list[float] = field(default_factory=list)  # per new article, for the benchmark

    def __post_init__(self) -> None:
        self.duplicates = DuplicateIndex(self.settings.duplicates)
        for article_id, sig in self.conn.execute(
                "SELECT s.article_id, s.minhash FROM signatures s JOIN articles a ON a.id = s.article_id "
                "WHERE a.duplicate_of IS NULL ORDER BY a.rowid"):
            self.duplicates.add(article_id, sig)
        self.stories = stories.load_stories(self.conn, self.settings.stories)
        self.placed = {row[0]: Placed(row[1], row[2]) for row in self.conn.execute(
            "SELECT id, dup_group, story_id FROM articles")}
        self.keys = {row[0] for row in self.conn.execute("SELECT key FROM sightings")}
        self.failed = {row[0] for row in self.conn.execute("SELECT key FROM failures")}

    def seen(self, key: str) -> bool:
        """Already stored (or failed, unless failures are retried): a re-run skips it."""
        return key in self.keys or (key in self.failed and not self.settings.ingest.retry_failures)

    def write_batch(self, results: list[Analysed]) -> None:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            for result in results:
                self.write_one(result)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            self.__post_init__()  # the indexes as the store now holds them
            raise

    def write_one(self, result: Analysed) -> None:
        if result.key in self.keys:
            self.tally["skipped"] += 1
            return
        self.conn.execute("SAVEPOINT article")
        try:
            kind = self.store(result)
        except Exception as exc:  # noqa: BLE001 (a bug on one article must not lose the batch)
            self.conn.execute("ROLLBACK TO article")
            write.write_failure(self.conn, result.key, result.source, Code.INTERNAL.value,
                                f"could not store it: {type(exc).__name__}: {exc} (please report it)", write.utc_now())
            kind = "failed"
        self.conn.execute("RELEASE article")
        self.tally[kind] += 1

    def store(self, result: Analysed) -> str:
        """Write one outcome; return what it was (failed, copy, near_duplicate, new)."""
        if result.error is not None or result.record is None:
            error = result.error
            write.write_failure(self.conn, result.key, result.source, error.code.value if error else "E011",
                                error.message if error else "no record", write.utc_now())
            self.failed.add(result.key)
            return "failed"
        self.conn.execute("DELETE FROM failures WHERE key = ?", (result.key,))
        record = result.record
        meta = {"origin": result.source, "fetched": result.fetched, "ingested": write.utc_now()}
        if record["id"] in self.placed:
            write.write_sighting(self.conn, result.key, record["id"], record, meta, exact_copy=True)
            self.conn.execute("UPDATE duplicate_groups SET copies = copies + 1 WHERE id = ?",
                              (self.placed[record["id"]].dup_group,))
            self.keys.add(result.key)
            return "exact_copy"
        return self.store_new(result, record, meta)

    def store_new(self, result: Analysed, record: write.Record, meta: write.Record) -> str:
        started = time.perf_counter()
        near = self.duplicates.best_match(result.minhash)
        article = stories.facts(record, from_bytes(result.embedding), result.fetched)
        if near:
            original = self.placed[near[0]]
            story = stories.joined(self.stories.stories[original.story_id], article, move_centroid=False)
            meta.update(dup_group=original.dup_group, duplicate_of=near[0], dup_similarity=round(near[1], 3))
        else:
            chosen, _score = self.stories.choose(article)
            story = (stories.joined(self.stories.stories[chosen], article) if chosen is not None
                     else stories.new_story(self.stories.next_id(), article))
            meta.update(dup_group=record["id"])
        stories.save_story(self.conn, story)
        meta["story_id"] = story.id
        self.story_seconds.append(time.perf_counter() - started)
        write.write_article(self.conn, record, meta)
        write.write_sighting(self.conn, result.key, record["id"], record, meta, exact_copy=False)
        self.conn.execute("INSERT INTO signatures VALUES (?, ?, ?)", (record["id"], result.minhash, result.embedding))
        self.conn.execute("INSERT INTO duplicate_groups VALUES (?, 1, 1) ON CONFLICT (id) DO UPDATE SET "
                          "size = size + 1, copies = copies + 1", (meta["dup_group"],))
        # Rows written: now the indexes may learn the article.
        if not near:
            self.duplicates.add(record["id"], result.minhash)
        self.stories.put(story)
        self.placed[record["id"]] = Placed(meta["dup_group"], story.id)
        self.keys.add(result.key)
        return "near_duplicate" if near else "new"
