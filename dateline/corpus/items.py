"""One document to ingest, as a source gives it, before any analysis.

Sources (folders, WARC files, JSONL dumps, feeds) all yield ``Item``s; the ingest loop turns
each into a ``Document`` for the stages. An item whose reading already failed carries its
error and goes straight to the failures table.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from dateline.api import make_document
from dateline.errors import DatelineError
from dateline.record import Document, InputKind


@dataclass(frozen=True)
class Item:
    # Where it came from, precise enough to find it again: a path, "dump.jsonl:12",
    # "crawl.warc.gz@3127" (the record's byte offset) or a URL.
    source: str
    raw: bytes = b""
    input: InputKind | None = None  # html, page or text; None lets the read stage detect it
    url: str | None = None
    published: str | None = None
    title: str | None = None
    language: str | None = None
    source_name: str | None = None
    fetched: str | None = None  # ISO datetime of the crawl (WARC-Date, HTTP fetch time)
    error: DatelineError | None = None  # reading the source failed

    @property
    def key(self) -> str:
        """Stable id of this sighting: the same bytes from the same place give the same key,
        so a re-run skips it before any analysis."""
        digest = hashlib.sha256(self.source.encode("utf-8") + b"\0" + self.raw)
        return digest.hexdigest()[:24]

    def document(self) -> Document:
        """The record the stages start from (raises DatelineError on a bad hint)."""
        return make_document(self.raw, self.source, input=self.input, published=self.published,
                             url=self.url, source=self.source_name, lang=self.language, title=self.title)
