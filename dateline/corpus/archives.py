"""Archive sources: WARC crawls and news-please / Common Crawl news JSON dumps, as ``Item``s.

A WARC gives one item per ``response`` record with HTTP 200 and an HTML or text type
(``source`` = "path@offset"); a JSONL dump one item per line (``source`` = "path:line").
Damage never stops a run: a bad line is an error item and the next line goes on; a WARC cut
short or garbled gives one error item for the rest of the file after the records read so far.
"""
from __future__ import annotations

import datetime as dt
import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, cast

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from dateline.corpus.items import Item
from dateline.corpus.polite import HTML_TYPES, one_line
from dateline.errors import Code, DatelineError
from dateline.settings import Settings

# Response types kept from a WARC: pages (read as markup) and plain text (the read stage detects).
WARC_TEXT_TYPES = HTML_TYPES | {"text/plain"}
# Bytes read at a time when skipping the rest of an over-long JSONL line.
SKIP_CHUNK = 1 << 16
# Errors a damaged gzip stream raises while being read.
GZIP_ERRORS = (OSError, EOFError, zlib.error)


def iso_date(value: Any) -> str | None:
    """An ISO form of a dump's date ("2016-09-28 12:34:56", ISO, null), None when unreadable.

    A bad date is dropped rather than passed on: the published stage refuses a bad hint.
    """
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        if len(text) <= 10:
            return dt.date.fromisoformat(text).isoformat()
        return dt.datetime.fromisoformat(text).isoformat()
    except ValueError:
        return None


def language_code(value: Any) -> str | None:
    """The primary subtag of a language field ("fr", "pt-BR" -> "pt"), None when it is not one."""
    if not isinstance(value, str):
        return None
    code = value.split("-")[0].split("_")[0].strip().lower()
    return code if len(code) == 2 and code.isalpha() else None


def text_field(record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    return value.strip() or None if isinstance(value, str) else None


# --- WARC -----------------------------------------------------------------------------------

class DamagedArchive(Exception):
    """A WARC record that cannot be read; the rest of the file is given up."""


def iter_warc(path: Path, settings: Settings) -> Iterator[Item]:
    """The page responses of a .warc or .warc.gz file, in file order."""
    size = path.stat().st_size
    kept = 0
    with path.open("rb") as handle:
        archive = ArchiveIterator(handle)
        records = iter(archive)
        while True:
            offset = archive.offset
            try:
                record = next(records, None)
                item = None if record is None else warc_item(record, archive, path, settings)
            except DamagedArchive as exc:
                yield damaged(path, offset, kept, str(exc))
                return
            except Exception as exc:  # warcio raises assorted errors (TypeError, ValueError...) on damage
                yield damaged(path, offset, kept, one_line(f"{type(exc).__name__}: {exc}"))
                return
            if record is None:
                break
            if item is not None:
                kept += 1
                yield item
    if archive.offset < size:
        yield damaged(path, archive.offset, kept, "cut short or garbled")


def damaged(path: Path, offset: int, kept: int, reason: str) -> Item:
    message = f"{path} is damaged from byte {offset} ({reason}); page records read before it: {kept}"
    return Item(source=f"{path}@{offset}", error=DatelineError(Code.BINARY_INPUT, message))


def warc_item(record: ArcWarcRecord, archive: ArchiveIterator, path: Path, settings: Settings) -> Item | None:
    """The item of a page response; None for any other record. Raises DamagedArchive."""
    if record.rec_type is None:
        raise DamagedArchive("no WARC record header")
    kind = page_response_type(record)
    content = read_at_most(record.content_stream(), settings.read.max_bytes) if kind is not None else b""
    offset = archive.get_record_offset()  # reads the rest of the record, so call it after the content
    if getattr(record.raw_stream, "limit", 0) > 0:
        raise DamagedArchive(f"the record at byte {offset} is cut short")
    if kind is None:
        return None
    source = f"{path}@{offset}"
    url = record.rec_headers.get_header("WARC-Target-URI")
    if len(content) > settings.read.max_bytes:
        error = DatelineError(Code.TOO_LARGE, f"{source} holds more than {settings.read.max_bytes:,} bytes "
                              "(setting read.max_bytes)")
        return Item(source=source, url=url, error=error)
    return Item(source=source, raw=content, input="html" if kind in HTML_TYPES else None, url=url,
                fetched=iso_date(record.rec_headers.get_header("WARC-Date")))


def count_warc_pages(path: Path) -> int | None:
    """How many page responses a WARC file holds (a quick pass that reads no payload), for the
    progress bar's total; None when the file cannot be read through."""
    try:
        with path.open("rb") as handle:
            return sum(1 for record in ArchiveIterator(handle) if page_response_type(record))
    except Exception:  # noqa: BLE001 (a damaged file is reported by iter_warc; here it only has no count)
        return None


def page_response_type(record: ArcWarcRecord) -> str | None:
    """The media type of an HTTP 200 response holding a page or text, else None."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    kind = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return kind if kind in WARC_TEXT_TYPES else None


def read_at_most(stream: IO[bytes], cap: int) -> bytes:
    """Up to ``cap`` + 1 bytes: one more than the cap is enough to refuse it."""
    return stream.read(cap + 1)


# --- news-please JSON -----------------------------------------------------------------------

def article_item(record: Any, source: str) -> Item:
    """A news-please article object as a clean-text item (an error item when it has no text)."""
    if not isinstance(record, dict):
        return Item(source=source, error=DatelineError(Code.BAD_ENCODING, f"{source} is not a JSON object"))
    text = text_field(record, "maintext") or text_field(record, "text")
    url = text_field(record, "url")
    if text is None:
        error = DatelineError(Code.NO_TEXT, f"{source} has no article text (fields maintext, text)")
        return Item(source=source, url=url, error=error)
    # source_domain names the site only when there is no URL to give the domain.
    site = None if url else text_field(record, "source_domain")
    return Item(source=source, raw=text.encode("utf-8"), input="text", url=url,
                title=text_field(record, "title"), published=iso_date(record.get("date_publish")),
                language=language_code(record.get("language")), source_name=site,
                fetched=iso_date(record.get("date_download")))


def parse_article(line: bytes, source: str) -> Item:
    try:
        record = json.loads(line)
    except (UnicodeDecodeError, ValueError) as exc:
        reason = one_line(f"{source} is not valid JSON ({exc})")
        return Item(source=source, error=DatelineError(Code.BAD_ENCODING, reason))
    return article_item(record, source)


def iter_jsonl(path: Path, settings: Settings) -> Iterator[Item]:
    """One item per non-blank line of a .jsonl or .jsonl.gz dump, in file order."""
    cap = settings.read.max_bytes
    number = 0
    with open_dump(path) as handle:
        try:
            for number, line in enumerate(bounded_lines(handle, cap), start=1):
                source = f"{path}:{number}"
                if line is None:
                    error = DatelineError(Code.TOO_LARGE, f"{source} is longer than {cap:,} bytes "
                                          "(setting read.max_bytes)")
                    yield Item(source=source, error=error)
                elif line.strip():
                    yield parse_article(line, source)
        except GZIP_ERRORS as exc:
            reason = one_line(f"{path} is damaged after line {number} ({type(exc).__name__}: {exc}); "
                              "the lines before it were read")
            yield Item(source=f"{path}:{number + 1}", error=DatelineError(Code.BINARY_INPUT, reason))


def open_dump(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))  # a GzipFile reads like any binary file
    return path.open("rb")


def bounded_lines(handle: IO[bytes], cap: int) -> Iterator[bytes | None]:
    """Lines of at most ``cap`` bytes; None for a longer one, skipped without holding it."""
    while True:
        line = handle.readline(cap + 1)
        if not line:
            return
        if len(line) > cap and not line.endswith(b"\n"):
            while (rest := handle.readline(SKIP_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def read_json(path: Path, raw: bytes) -> Item:
    """A .json file holding one news-please article (``raw``: its bytes, read within the cap)."""
    return parse_article(raw, str(path))
