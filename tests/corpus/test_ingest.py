"""Ingest into the store: copies, near-duplicates, failures, re-runs, and one writer's guarantees."""
from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from dateline.corpus.ingest import Report, ingest_items
from dateline.corpus.items import Item
from dateline.errors import Code, DatelineError
from dateline.settings import Settings
from dateline.store import write
from dateline.store.db import counts, open_reader

FIXTURES = Path(__file__).parents[1] / "fixtures"
EN_PAGE = (FIXTURES / "en_page.txt").read_bytes()
PARTNER = EN_PAGE.replace(b"Share this article", b"Reporting by our partner agency, republished with permission.\n"
                          b"Share this article")


def items() -> list[Item]:
    return [Item("site/en_article.html", (FIXTURES / "en_article.html").read_bytes()),
            Item("site/en_page.txt", EN_PAGE, url="https://valley-ledger.example/library"),
            Item("mirror/en_page.txt", EN_PAGE, url="https://mirror.example/library"),
            Item("partner/en_page.txt", PARTNER, url="https://partner.example/library"),
            Item("site/fr_page.txt", (FIXTURES / "fr_page.txt").read_bytes()),
            Item("site/empty.txt", b""),
            Item("site/missing.txt", error=DatelineError(Code.MISSING_PATH, "no such file: site/missing.txt"))]


def settings(workers: int = 0, **ingest: Any) -> Settings:
    base = Settings()
    return dataclasses.replace(base, ingest=dataclasses.replace(base.ingest, workers=workers, batch_size=3, **ingest))


def run(db: Path, batch: Iterable[Item], config: Settings | None = None) -> Report:
    listed = list(batch)
    return ingest_items(lambda cache: listed, db, config or settings())


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Report]:
    db = tmp_path_factory.mktemp("ingest") / "news.db"
    return db, run(db, items())


def rows(db: Path, sql: str, *args: Any) -> list[Any]:
    conn = open_reader(db)
    try:
        return [tuple(row) for row in conn.execute(sql, args)]
    finally:
        conn.close()


def test_tally_says_what_each_document_became(store: tuple[Path, Report]) -> None:
    _, report = store
    summary = report.to_json()
    assert {k: summary[k] for k in ("new", "near_duplicate", "exact_copy", "failed", "skipped")} == {
        "new": 3, "near_duplicate": 1, "exact_copy": 1, "failed": 2, "skipped": 0}
    assert summary["worker_peak_mib"] and min(summary["worker_peak_mib"]) > 0


def test_exact_copy_is_a_sighting_of_the_same_article(store: tuple[Path, Report]) -> None:
    db, _ = store
    found = rows(db, "SELECT s.source, s.exact_copy, s.article_id FROM sightings s JOIN sightings o "
                     "ON o.article_id = s.article_id AND o.source = 'site/en_page.txt' ORDER BY s.source")
    assert [(source, copy) for source, copy, _ in found] == [("mirror/en_page.txt", 1), ("site/en_page.txt", 0)]
    assert rows(db, "SELECT count(*) FROM articles WHERE id = ?", found[0][2]) == [(1,)]


def test_near_duplicate_points_to_the_original_and_shares_its_group_and_story(store: tuple[Path, Report]) -> None:
    db, _ = store
    (original,) = rows(db, "SELECT id, dup_group, story_id FROM articles WHERE origin = 'site/en_page.txt'")
    (copy,) = rows(db, "SELECT duplicate_of, dup_group, story_id, dup_similarity FROM articles "
                       "WHERE origin = 'partner/en_page.txt'")
    assert copy[:3] == original
    assert copy[3] >= Settings().duplicates.near_threshold
    assert rows(db, "SELECT size, copies FROM duplicate_groups WHERE id = ?", original[0]) == [(2, 3)]


def test_failures_keep_their_source_and_reason(store: tuple[Path, Report]) -> None:
    db, _ = store
    assert rows(db, "SELECT source, code FROM failures ORDER BY source") == [
        ("site/empty.txt", "E002"), ("site/missing.txt", "E001")]


def test_record_is_split_into_its_tables(store: tuple[Path, Report]) -> None:
    db, _ = store
    table = counts(open_reader(db))
    assert table["articles"] == 4 and table["sightings"] == 5 and table["signatures"] == 4
    (n_paragraphs,) = rows(db, "SELECT sum(json_array_length(record, '$.paragraphs')) FROM articles")[0]
    assert table["paragraphs"] == n_paragraphs
    (n_mentions,) = rows(db, "SELECT count(*) FROM articles, json_each(record, '$.entities') e, "
                             "json_each(e.value, '$.mentions')")[0]
    assert table["mentions"] == n_mentions
    assert rows(db, "SELECT count(*) FROM doc_entities d LEFT JOIN entities e ON e.id = d.entity_id "
                    "WHERE e.id IS NULL") == [(0,)]


def test_rerun_skips_everything_and_changes_nothing(store: tuple[Path, Report]) -> None:
    db, _ = store
    before = counts(open_reader(db))
    again = run(db, items())
    assert again.tally["skipped"] == len(items()) and again.tally["new"] == 0
    assert counts(open_reader(db)) == before


def test_retrying_failures_replaces_their_rows(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    run(db, [Item("empty.txt", b"")])
    report = run(db, [Item("empty.txt", b"")], settings(retry_failures=True))
    assert report.tally["failed"] == 1
    assert rows(db, "SELECT count(*) FROM failures") == [(1,)]


def test_a_bug_while_storing_one_article_loses_only_that_article(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    real = write.write_events

    def broken(conn: sqlite3.Connection, article_id: str, record: write.Record, ids: dict[str, int]) -> None:
        if record.get("language") == "fr":
            raise RuntimeError("disk says no")
        real(conn, article_id, record, ids)

    monkeypatch.setattr(write, "write_events", broken)
    db = tmp_path / "b.db"
    report = run(db, [Item("a/en_page.txt", EN_PAGE), Item("a/fr_page.txt", (FIXTURES / "fr_page.txt").read_bytes())])
    assert report.tally["new"] == 1 and report.tally["failed"] == 1
    assert rows(db, "SELECT count(*) FROM articles WHERE language = 'fr'") == [(0,)]
    assert rows(db, "SELECT count(*) FROM paragraphs p JOIN articles a ON a.id = p.article_id") == \
        rows(db, "SELECT count(*) FROM paragraphs")
    (reason,) = rows(db, "SELECT reason FROM failures")[0]
    assert "disk says no" in reason


def test_two_workers_build_the_same_store_as_one_process(store: tuple[Path, Report], tmp_path: Path) -> None:
    db, _ = store
    parallel = tmp_path / "p.db"
    ingest_items(lambda cache: items(), parallel, settings(workers=2))
    query = "SELECT id, dup_group, duplicate_of, story_id FROM articles ORDER BY id"
    assert rows(parallel, query) == rows(db, query)
    assert counts(open_reader(parallel)) == counts(open_reader(db))


STORY_GOLD = Path(__file__).parents[1] / "gold" / "stories" / "articles.jsonl"


def story_items(lines: list[int]) -> list[Item]:
    """Items for some lines (1-based) of the story gold set, as the JSONL source reads them."""
    from dateline.corpus.archives import iter_jsonl

    wanted = {f"{STORY_GOLD}:{n}" for n in lines}
    return [item for item in iter_jsonl(STORY_GOLD, Settings()) if item.source in wanted]


def test_a_later_run_adds_articles_to_stories_already_stored(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    run(db, story_items([12]))  # an English report of the Izmir earthquake
    (first,) = rows(db, "SELECT id, size FROM stories")
    run(db, story_items([14, 19]))  # a French report of it, then an English one on Chile's rate cut
    assert rows(db, "SELECT language, story_id FROM articles ORDER BY rowid") == [
        ("en", first[0]), ("fr", first[0]), ("en", first[0] + 1)]
    assert rows(db, "SELECT size FROM stories WHERE id = ?", first[0]) == [(2,)]
