"""Ingest sources on disk: folders, globs, pages, WARC crawls, news-please dumps and URL lists."""
from __future__ import annotations

import dataclasses
import gzip
import io
import json
from pathlib import Path

import pytest
from conftest import LocalServer
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.corpus.items import Item
from dateline.corpus.sources import iter_items
from dateline.errors import Code
from dateline.settings import CrawlSettings, ReadSettings, Settings

HTML = b"<html><head><title>T</title></head><body><p>Le ministre a parl\xc3\xa9.</p></body></html>"
WARC_DATE = "2016-09-28T12:34:56Z"


def no_wait() -> Settings:
    """Settings for local runs: no delay between requests to 127.0.0.1."""
    return dataclasses.replace(Settings(), crawl=CrawlSettings(per_host_delay_s=0.0))


def read_all(*sources: str | Path, settings: Settings | None = None) -> list[Item]:
    return list(iter_items([str(source) for source in sources], settings or no_wait()))


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --- folders, globs, single files ------------------------------------------------------------

def test_folder_is_read_recursively_in_sorted_order_skipping_hidden_and_unknown_files(tmp_path: Path) -> None:
    write(tmp_path / "b.html", HTML)
    write(tmp_path / "a" / "d.htm", HTML)
    write(tmp_path / "a" / "c.txt", "A page of text.\nWith lines.")
    write(tmp_path / "sub" / "e.xhtml", HTML)
    write(tmp_path / "sub" / "f.html.gz", gzip.compress(HTML))
    write(tmp_path / ".git" / "x.html", HTML)
    write(tmp_path / "notes.md", "# not a page")
    items = read_all(tmp_path)
    names = [Path(item.source).relative_to(tmp_path).as_posix() for item in items]
    assert names == ["a/c.txt", "a/d.htm", "b.html", "sub/e.xhtml", "sub/f.html.gz"]
    assert all(item.error is None and item.input is None for item in items)
    assert items[2].raw == HTML


def test_glob_matches_pages_in_subfolders(tmp_path: Path) -> None:
    write(tmp_path / "pages" / "x" / "one.html", HTML)
    write(tmp_path / "pages" / "two.html", HTML)
    write(tmp_path / "pages" / "three.txt", "text")
    items = read_all(f"{tmp_path}/pages/**/*.html")
    assert [Path(item.source).relative_to(tmp_path).as_posix() for item in items] == \
        ["pages/two.html", "pages/x/one.html"]


def test_glob_matching_nothing_is_a_missing_path_error(tmp_path: Path) -> None:
    [item] = read_all(f"{tmp_path}/*.html")
    assert item.error is not None and item.error.code is Code.MISSING_PATH
    assert "matches" in item.error.message


def test_missing_path_is_an_error_item_and_the_next_source_is_still_read(tmp_path: Path) -> None:
    page = write(tmp_path / "page.html", HTML)
    missing, found = read_all(tmp_path / "gone.html", page)
    assert missing.error is not None and missing.error.code is Code.MISSING_PATH
    assert missing.source == str(tmp_path / "gone.html")
    assert found.error is None and found.raw == HTML


def test_folder_without_readable_files_is_a_missing_path_error(tmp_path: Path) -> None:
    write(tmp_path / "empty" / "readme.md", "nothing here")
    [item] = read_all(tmp_path / "empty")
    assert item.error is not None and item.error.code is Code.MISSING_PATH


def test_oversized_file_is_refused_without_being_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = write(tmp_path / "big.html", HTML * 10)
    settings = dataclasses.replace(no_wait(), read=ReadSettings(max_bytes=len(HTML)))

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the oversized file was opened")

    monkeypatch.setattr(Path, "open", refuse)
    [item] = read_all(page, settings=settings)
    assert item.error is not None and item.error.code is Code.TOO_LARGE
    assert item.raw == b""


def test_single_file_with_unknown_ending_is_read_as_a_page(tmp_path: Path) -> None:
    [item] = read_all(write(tmp_path / "article", HTML))
    assert item.error is None and item.raw == HTML and item.input is None


def test_two_runs_over_the_same_inputs_yield_the_same_items(tmp_path: Path) -> None:
    for name in ("z.html", "m.txt", "a/b.htm"):
        write(tmp_path / name, HTML)
    write(tmp_path / "dump.jsonl", json.dumps({"maintext": "Texte."}) + "\n")
    first = [(item.source, item.key) for item in read_all(tmp_path)]
    assert first == [(item.source, item.key) for item in read_all(tmp_path)]
    assert len(first) == 4


# --- WARC ------------------------------------------------------------------------------------

def response(writer: WARCWriter, url: str, body: bytes, status: str = "200 OK",
             content_type: str = "text/html; charset=utf-8") -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body),
                                                  http_headers=headers, warc_headers_dict={"WARC-Date": WARC_DATE}))


def request(writer: WARCWriter, url: str) -> None:
    headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
    writer.write_record(writer.create_warc_record(url, "request", http_headers=headers))


def make_warc(path: Path, *, gz: bool, big: bytes | None = None) -> Path:
    """warcinfo, then request/response pairs: a page, a 404, an image, a text file (and a big page)."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    writer.write_record(writer.create_warcinfo_record(path.name, {"software": "dateline tests"}))
    request(writer, "https://example.org/a")
    response(writer, "https://example.org/a", HTML)
    request(writer, "https://example.org/missing")
    response(writer, "https://example.org/missing", b"<html>gone</html>", status="404 Not Found")
    response(writer, "https://example.org/logo.png", b"\x89PNG\r\n", content_type="image/png")
    if big is not None:
        response(writer, "https://example.org/big", big)
    response(writer, "https://example.org/b.txt", b"Plain text article.", content_type="text/plain")
    return write(path, buffer.getvalue())


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_response_records_keep_url_and_fetch_date(tmp_path: Path, name: str) -> None:
    path = make_warc(tmp_path / name, gz=name.endswith(".gz"))
    page, text = read_all(path)
    assert (page.url, page.raw, page.input) == ("https://example.org/a", HTML, "html")
    assert page.fetched == "2016-09-28T12:34:56+00:00"
    assert (text.url, text.raw, text.input) == ("https://example.org/b.txt", b"Plain text article.", None)
    assert page.error is None and text.error is None


def test_warc_item_source_gives_the_byte_offset_of_its_record(tmp_path: Path) -> None:
    path = make_warc(tmp_path / "crawl.warc.gz", gz=True)
    for item in read_all(path):
        where, offset = item.source.rsplit("@", 1)
        assert where == str(path)
        with path.open("rb") as handle:
            handle.seek(int(offset))
            record = next(iter(ArchiveIterator(handle)))
            assert record.rec_headers.get_header("WARC-Target-URI") == item.url


def test_truncated_warc_gz_keeps_records_read_and_reports_the_rest(tmp_path: Path) -> None:
    path = make_warc(tmp_path / "crawl.warc.gz", gz=True)
    data = path.read_bytes()
    cut = write(tmp_path / "cut.warc.gz", data[:len(data) - 40])
    page, failure = read_all(cut)
    assert page.url == "https://example.org/a" and page.error is None
    assert failure.error is not None and failure.error.code is Code.BINARY_INPUT
    assert "damaged" in failure.error.message and "read before it: 1" in failure.error.message
    assert failure.source.startswith(f"{cut}@")


def test_truncated_plain_warc_reports_the_cut_record_instead_of_a_partial_page(tmp_path: Path) -> None:
    path = make_warc(tmp_path / "crawl.warc", gz=False)
    data = path.read_bytes()
    cut = write(tmp_path / "cut.warc", data[:len(data) - 10])
    page, failure = read_all(cut)
    assert page.url == "https://example.org/a"
    assert failure.error is not None and "cut short" in failure.error.message


def test_file_that_is_not_a_warc_is_one_error_item(tmp_path: Path) -> None:
    [item] = read_all(write(tmp_path / "fake.warc", HTML))
    assert item.error is not None and item.error.code is Code.BINARY_INPUT
    assert item.source == f"{tmp_path / 'fake.warc'}@0"


def test_oversized_warc_record_is_refused_and_the_next_record_is_read(tmp_path: Path) -> None:
    big = b"<html><body>" + b"x" * 5000 + b"</body></html>"
    path = make_warc(tmp_path / "crawl.warc.gz", gz=True, big=big)
    settings = dataclasses.replace(no_wait(), read=ReadSettings(max_bytes=1000))
    page, refused, text = read_all(path, settings=settings)
    assert page.error is None
    assert refused.error is not None and refused.error.code is Code.TOO_LARGE and refused.url.endswith("/big")
    assert text.error is None and text.url.endswith("/b.txt")


# --- news-please JSON ------------------------------------------------------------------------

ARTICLE = {"url": "https://www.lemonde.fr/a.html", "title": "Alep", "maintext": "Les bombardements ont repris.",
           "date_publish": "2016-09-28 12:34:56", "language": "fr", "source_domain": "www.lemonde.fr"}


def dump_lines() -> list[str]:
    return [json.dumps(ARTICLE), "{not json", "",
            json.dumps({"url": "https://x.org/1", "title": "No text", "maintext": None}),
            json.dumps({"text": "Texto limpio.", "date_publish": "2016-09-28T10:00:00Z", "language": "pt-BR",
                        "source_domain": "g1.globo.com", "date_download": "garbage"})]


def test_jsonl_dump_gives_clean_text_items_with_hints_and_line_sources(tmp_path: Path) -> None:
    path = write(tmp_path / "dump.jsonl", "\n".join(dump_lines()) + "\n")
    good, bad, no_text, other = read_all(path)
    assert good.source == f"{path}:1" and good.input == "text"
    assert good.raw == b"Les bombardements ont repris."
    assert (good.url, good.title, good.language) == (ARTICLE["url"], "Alep", "fr")
    assert good.published == "2016-09-28T12:34:56"
    assert good.source_name is None  # the URL gives the domain
    assert bad.source == f"{path}:2" and bad.error is not None and bad.error.code is Code.BAD_ENCODING
    assert no_text.source == f"{path}:4" and no_text.error is not None and no_text.error.code is Code.NO_TEXT
    assert other.source == f"{path}:5" and other.raw == b"Texto limpio."
    assert (other.published, other.language, other.source_name) == ("2016-09-28T10:00:00+00:00", "pt", "g1.globo.com")
    assert other.fetched is None  # an unreadable date is dropped, not passed on


def test_jsonl_item_becomes_a_text_document_with_its_hints(tmp_path: Path) -> None:
    [item] = read_all(write(tmp_path / "dump.jsonl", json.dumps(ARTICLE)))
    doc = item.document()
    assert (doc.hint_input, doc.hint_title, doc.hint_published) == ("text", "Alep", "2016-09-28T12:34:56")


def test_gzipped_jsonl_is_read_and_a_cut_one_keeps_its_first_lines(tmp_path: Path) -> None:
    data = gzip.compress(("\n".join(json.dumps({**ARTICLE, "title": str(n)}) for n in range(200)) + "\n").encode())
    assert len(read_all(write(tmp_path / "dump.jsonl.gz", data))) == 200
    items = read_all(write(tmp_path / "cut.jsonl.gz", data[:len(data) // 2]))
    assert all(item.error is None for item in items[:-1]) and len(items) > 1
    assert items[-1].error is not None and items[-1].error.code is Code.BINARY_INPUT


def test_overlong_jsonl_line_is_refused_and_the_next_line_read(tmp_path: Path) -> None:
    long_line = json.dumps({**ARTICLE, "maintext": "mot " * 2000})
    path = write(tmp_path / "dump.jsonl", long_line + "\n" + json.dumps(ARTICLE) + "\n")
    settings = dataclasses.replace(no_wait(), read=ReadSettings(max_bytes=1000))
    refused, good = read_all(path, settings=settings)
    assert refused.error is not None and refused.error.code is Code.TOO_LARGE
    assert good.source == f"{path}:2" and good.error is None


def test_json_file_holding_one_article_is_one_item(tmp_path: Path) -> None:
    path = write(tmp_path / "article.json", json.dumps(ARTICLE, indent=2))
    [item] = read_all(path)
    assert item.source == str(path) and item.title == "Alep" and item.error is None
    [listed] = read_all(write(tmp_path / "list.json", json.dumps([ARTICLE])))
    assert listed.error is not None and "not a JSON object" in listed.error.message


# --- URL lists -------------------------------------------------------------------------------

def serve_pages(server: LocalServer) -> None:
    for name in ("a", "b"):
        server.routes[f"/{name}"] = (200, {"Content-Type": "text/html; charset=utf-8"}, HTML)


def test_txt_file_of_urls_is_a_url_list_fetched_in_list_order(tmp_path: Path, http_server: LocalServer) -> None:
    serve_pages(http_server)
    listing = write(tmp_path / "seeds.txt", f"# seeds\n{http_server.url('/b')}\n\n  {http_server.url('/a')}\n")
    items = read_all(listing)
    assert [item.source for item in items] == [http_server.url("/b"), http_server.url("/a")]
    assert all(item.raw == HTML and item.input == "html" and item.fetched for item in items)


def test_txt_page_that_mentions_a_url_is_read_as_a_page(tmp_path: Path, http_server: LocalServer) -> None:
    page = write(tmp_path / "page.txt", f"Read more at\n{http_server.url('/a')}\n")
    [item] = read_all(page)
    assert item.source == str(page) and item.raw.startswith(b"Read more")
    assert http_server.seen == []


def test_urls_file_line_that_is_not_a_url_is_an_error_item(tmp_path: Path, http_server: LocalServer) -> None:
    serve_pages(http_server)
    listing = write(tmp_path / "seeds.urls", f"{http_server.url('/a')}\nftp://example.org/x\n")
    page, bad = read_all(listing)
    assert page.error is None
    assert bad.source == f"{listing}:2" and bad.error is not None and bad.error.code is Code.BAD_ARGUMENT


def test_url_argument_is_fetched_and_a_failed_one_is_an_error_item(http_server: LocalServer) -> None:
    serve_pages(http_server)
    page, gone = read_all(http_server.url("/a"), http_server.url("/gone"))
    assert (page.source, page.url, page.raw) == (http_server.url("/a"), http_server.url("/a"), HTML)
    assert gone.error is not None and gone.error.code is Code.FETCH_FAILED and "HTTP 404" in gone.error.message
