"""Paragraphs: join the body lines into ``text`` and flag near-duplicate paragraphs.

Typography is normalised first (curly and straight apostrophes and quotes, dashes, spaces,
case), then a paragraph whose words are mostly contained in an earlier one's is its
near-duplicate: a repeated lead, re-worded or with other apostrophes.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any

from dateline.errors import Code, DatelineError
from dateline.record import Document, content_id
from dateline.settings import Settings

TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "“": '"', "”": '"',
                            "«": '"', "»": '"', "„": '"', "–": "-", "—": "-", "‑": "-",
                            "\u00a0": " ", "\u202f": " ", "\u2009": " "})
WORD = re.compile(r"\w+")


def normalise(text: str) -> str:
    """Typography-neutral, case-folded text for comparison."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(TYPOGRAPHY).casefold().split())


def containment(a: set[Any], b: set[Any]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def find_duplicates(paragraphs: list[str], settings: Settings) -> list[int | None]:
    """For each paragraph, the index of an earlier near-identical one, or None."""
    bags = [WORD.findall(normalise(p)) for p in paragraphs]
    words = [set(b) for b in bags]
    bigrams = [set(zip(b, b[1:])) for b in bags]
    result: list[int | None] = []
    for i, bag in enumerate(bags):
        match = None
        if len(bag) >= settings.clean.duplicate_min_words:
            for j in range(i):
                if (len(bags[j]) >= settings.clean.duplicate_min_words
                        and containment(words[i], words[j]) >= settings.clean.duplicate_containment
                        and containment(bigrams[i], bigrams[j]) >= settings.clean.duplicate_containment / 2):
                    match = result[j] if result[j] is not None else j
                    break
        result.append(match)
    return result


def layout(paragraphs: list[str], duplicates: list[int | None]) -> tuple[str, list[dict[str, Any]]]:
    """The text with blank lines between paragraphs, and each paragraph's offsets."""
    spans, offset = [], 0
    for text, dup in zip(paragraphs, duplicates):
        spans.append({"start": offset, "end": offset + len(text), "duplicate_of": dup})
        offset += len(text) + 2
    return "\n\n".join(paragraphs), spans


def run(doc: Document, settings: Settings) -> Document:
    body = [line for line in doc._lines if line.kind == "body"]
    if not body:
        raise DatelineError(Code.NO_TEXT, "no article text: every line reads as page chrome")
    paragraphs = [" ".join(line.text.split()) for line in body]
    doc.text, doc.paragraphs = layout(paragraphs, find_duplicates(paragraphs, settings))
    for span, line in zip(doc.paragraphs, body):
        span["line"] = line.number
    doc.id = content_id(doc.text)
    return doc
