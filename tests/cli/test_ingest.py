"""``dateline ingest`` and ``dateline failures`` from the command line, over every kind of source."""
from __future__ import annotations

import io
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CliResult, LocalServer, fixture_path
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.cli.ingest import estimate_total

WARC_DATE = "2026-03-02T10:00:00Z"


def write_warc(path: Path, url: str, html: bytes) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(html), http_headers=headers,
                                           warc_headers_dict={"WARC-Date": WARC_DATE})
        writer.write_record(record)


def write_jsonl(path: Path) -> None:
    rows = [{"url": "https://wire.example/kerry", "title": "Kerry warns Lavrov over Syria",
             "maintext": fixture_path("en_page.txt").read_text(encoding="utf-8"),
             "date_publish": "2026-03-01 09:30:00", "language": "en"},
            {"url": "https://wire.example/empty", "title": "Nothing", "maintext": ""}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\nnot json\n", encoding="utf-8")


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "pages").mkdir(parents=True)
    (folder / "pages" / "fr.txt").write_bytes(fixture_path("fr_page.txt").read_bytes())
    (folder / "pages" / "notes.md").write_text("not a page: a folder's other files are not read")
    write_warc(folder / "crawl.warc.gz", "https://news.example/harbour", fixture_path("en_article.html").read_bytes())
    write_jsonl(folder / "dump.jsonl")
    return folder


def db_rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_ingest_reads_folders_warc_and_jsonl_and_records_failures(
        sources: Path, tmp_path: Path, run_cli: Callable[..., CliResult]) -> None:
    db = tmp_path / "news.db"
    result = run_cli("ingest", str(sources), str(tmp_path / "missing.html"), "--db", str(db), "--workers", "0",
                     "--quiet", "--json")
    assert result.code == 0, result.err
    report = json.loads(result.out)
    assert (report["new"], report["failed"]) == (3, 3)
    assert db_rows(db, "SELECT url, fetched FROM articles WHERE origin LIKE '%crawl.warc.gz@%'") == [
        ("https://news.example/harbour", "2026-03-02T10:00:00+00:00")]
    assert db_rows(db, "SELECT title, published, language FROM articles WHERE url = 'https://wire.example/kerry'") == [
        ("Kerry warns Lavrov over Syria", "2026-03-01T09:30:00", "en")]
    listed = run_cli("failures", "--db", str(db))
    assert listed.code == 0
    assert "missing.html" in listed.out and "dump.jsonl:2" in listed.out and "dump.jsonl:3" in listed.out
    assert listed.out_lines[-1] == "3 failed documents"


def test_second_ingest_of_the_same_sources_skips_them(sources: Path, tmp_path: Path,
                                                       run_cli: Callable[..., CliResult]) -> None:
    db = tmp_path / "news.db"
    run_cli("ingest", str(sources), "--db", str(db), "--workers", "0", "--quiet")
    again = run_cli("ingest", str(sources), "--db", str(db), "--workers", "0", "--quiet")
    assert again.code == 0
    assert again.out.startswith("0 articles stored") and "5 already there" in again.out


def test_feed_entries_are_ingested_and_a_304_adds_nothing(http_server: LocalServer, tmp_path: Path,
                                                         run_cli: Callable[..., CliResult],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATELINE_CRAWL__PER_HOST_DELAY_S", "0")
    page = fixture_path("en_article.html").read_bytes()
    http_server.routes["/news/1"] = (200, {"Content-Type": "text/html; charset=utf-8"}, page)
    feed = (f"<?xml version='1.0'?><rss version='2.0'><channel><title>News</title><item><title>Harbour</title>"
            f"<link>{http_server.url('/news/1')}</link><pubDate>Mon, 02 Mar 2026 08:00:00 GMT</pubDate></item>"
            "</channel></rss>").encode()
    http_server.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml", "ETag": '"v1"'}, feed)
    db = tmp_path / "feed.db"
    first = run_cli("ingest", http_server.url("/feed.xml"), "--db", str(db), "--workers", "0", "--quiet", "--json")
    assert json.loads(first.out)["new"] == 1
    assert db_rows(db, "SELECT etag FROM fetch_cache WHERE url LIKE '%feed.xml'") == [('"v1"',)]
    http_server.routes["/feed.xml"] = (304, {"ETag": '"v1"'}, b"")
    second = run_cli("ingest", http_server.url("/feed.xml"), "--db", str(db), "--workers", "0", "--quiet", "--json")
    assert json.loads(second.out)["new"] == 0
    assert any(headers.get("If-None-Match") == '"v1"' for path, headers in http_server.seen if path == "/feed.xml")
    assert db_rows(db, "SELECT count(*) FROM articles") == [(1,)]


def test_failures_of_a_missing_database_is_a_clear_error(tmp_path: Path, run_cli: Callable[..., CliResult]) -> None:
    result = run_cli("failures", "--db", str(tmp_path / "none.db"))
    assert result.code == 1 and "E001" in result.err and "dateline ingest" in result.err


def test_progress_total_counts_documents_when_it_can(sources: Path, tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"maintext": "x"}\n{"maintext": "y"}\n\n')
    assert estimate_total([str(tmp_path / "a.jsonl"), str(sources / "pages")]) == 3
    assert estimate_total([str(sources)]) == 1 + 1 + 3  # the page, the WARC's one response, the dump's lines
    (tmp_path / "broken.warc.gz").write_bytes(b"\x1f\x8b not really gzip")
    assert estimate_total([str(tmp_path / "broken.warc.gz")]) is None
    assert estimate_total(["https://example.org/feed.xml"]) is None


def test_progress_bar_shows_documents_per_second_and_failures(tmp_path: Path,
                                                              run_cli: Callable[..., CliResult]) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run_cli("ingest", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "p.db"), "--workers", "0")
    assert "ingest" in result.err and "doc/s" in result.err and "failed=1" in result.err


SAMPLE = Path(__file__).parents[2] / "examples" / "corpus"


def test_readme_sample_ingest_then_search_finds_across_languages(tmp_path: Path,
                                                                   run_cli: Callable[..., CliResult]) -> None:
    db = str(tmp_path / "news.db")
    assert run_cli("ingest", str(SAMPLE), "--db", db, "--workers", "0", "--quiet").code == 0
    folded = json.loads(run_cli("search", "etats-unis", "--db", db, "--json").out)
    assert any(hit["language"] == "fr" and "Genève" in hit["title"] for hit in folded)
    named = json.loads(run_cli("search", "--entity", "Sergey Lavrov", "--db", db, "--json").out)
    assert {"fr", "en", "ru"} <= {hit["language"] for hit in named}
    stories = json.loads(run_cli("stories", "--min-size", "2", "--db", db, "--json").out)
    assert len(stories) == 1 and {"fr", "en", "ru", "es"} <= set(stories[0]["languages"])
    person = json.loads(run_cli("entity", "Дэниел Уитакер", "--db", db, "--json").out)
    assert person["entity"]["canonical"] == "Daniel Whitaker" and "Дэниел Уитакер" in person["aliases"]
