"""The document record that flows through the stages and is printed by ``analyze --json``.

Field names of the contract (../shared/DESIGN.md) are fixed; fields whose name starts with
an underscore are working state shared between stages and never printed.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

InputKind = Literal["html", "page", "text"]
CHROME_KINDS = ("credit", "caption", "related", "cta", "widget", "comments",
                "navigation", "template", "other")


@dataclass
class Line:
    """One block of page text with its verdict from the clean-up stage."""

    text: str
    number: int  # 1-based line number in the input text (0 when unknown)
    kind: str = "body"  # "body", "title" or one of CHROME_KINDS
    reason: str = ""


@dataclass
class Document:
    # Hints and raw input (set by the caller or the read stage).
    origin: str = "-"
    raw: bytes = b""
    hint_input: InputKind | None = None
    hint_published: str | None = None
    hint_url: str | None = None
    hint_source: str | None = None
    hint_language: str | None = None
    hint_title: str | None = None
    # Working state.
    _decoded: str = ""
    _encoding: str = ""
    _input: InputKind | None = None
    _lines: list[Line] = field(default_factory=list)
    _meta: dict[str, Any] = field(default_factory=dict)
    # Contract fields.
    id: str = ""
    url: str | None = None
    source: dict[str, str | None] = field(default_factory=lambda: {"name": None, "domain": None})
    title: str | None = None
    author: str | None = None
    language: str | None = None
    published: str | None = None
    text: str = ""
    paragraphs: list[dict[str, Any]] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)
    images: list[dict[str, Any]] = field(default_factory=list)
    related: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    dates: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Linguistic analysis (set by the nlp stage): sentences, tokens and named-entity spans.
    _analysis: Any = None

    def to_json(self) -> dict[str, Any]:
        """The printable record: contract fields first, working state left out."""
        return {
            "id": self.id, "url": self.url, "source": self.source, "title": self.title,
            "author": self.author, "language": self.language, "published": self.published,
            "input": self._input, "encoding": self._encoding, "text": self.text,
            "paragraphs": self.paragraphs, "removed": self.removed, "images": self.images,
            "related": self.related, "entities": self.entities, "places": self.places,
            "dates": self.dates, "quotes": self.quotes, "events": self.events, "warnings": self.warnings,
        }


def content_id(text: str) -> str:
    """A stable id from the clean text: the same article gives the same id anywhere."""
    normalised = " ".join(text.split()).casefold()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


def paragraph_index(paragraphs: list[tuple[int, int]], offset: int) -> int | None:
    """Index of the paragraph holding an offset, or None."""
    return next((i for i, (s, e) in enumerate(paragraphs) if s <= offset <= e), None)
