"""Media and teasers: turn credit, caption and teaser lines into ``images[]``, ``related[]``
and every non-body line into ``removed[]`` (nothing is dropped silently)."""
from __future__ import annotations

import re
from typing import Any

from dateline.common import chrome
from dateline.lexicon import chrome_cues
from dateline.record import Document, Line

CREDIT_HEAD = re.compile(r"^(?:©|\(c\)|copyright)\s*", re.I)
ALL_CAPS_WORD = re.compile(r"^[^\W\d_]{2,}$")


def parse_credit(text: str) -> dict[str, Any]:
    """Split a credit line into agency, year, photographer (an upper-case run) and caption."""
    rest = CREDIT_HEAD.sub("", text).strip()
    found = chrome_cues("agencies").pattern.search(rest[:40])
    agency = found.group(0) if found else None
    if agency:
        rest = re.sub(re.escape(agency), "", rest, count=1, flags=re.I).strip(" /,-:")
    year_match = chrome.YEAR.match(rest)
    year = int(year_match.group(0)) if year_match else None
    if year_match:
        rest = rest[year_match.end():].strip(" /,-:")
    tokens = rest.split()
    caps = 0
    while caps < len(tokens) and ALL_CAPS_WORD.match(tokens[caps]) and tokens[caps].isupper():
        caps += 1
    photographer = " ".join(t.capitalize() for t in tokens[:caps]) or None
    caption = " ".join(tokens[caps:]) or None
    return {"agency": agency,
            "year": year, "photographer": photographer, "caption": caption}


def caption_head(text: str) -> str:
    match = chrome.SITE_SUFFIX.match(text)
    return match.group("head").strip() if match else text


def collect_images(lines: list[Line]) -> list[dict[str, Any]]:
    """Images from credit and caption lines; a caption right after its credit joins it."""
    images: list[dict[str, Any]] = []
    prev: Line | None = None
    for line in lines:
        if line.kind == "credit" and (chrome.COPYRIGHT.search(line.text) is None or line.number <= 0
                                      or chrome_cues("agencies").search(line.text)):
            images.append({"line": line.number, "credit": line.text, **parse_credit(line.text)})
        elif line.kind == "caption":
            caption = caption_head(line.text)
            if prev is not None and prev.kind == "credit" and images and images[-1]["line"] == prev.number:
                images[-1].setdefault("caption_line", line.number)
                images[-1]["caption"] = images[-1]["caption"] or caption
            else:
                images.append({"line": line.number, "caption": caption, "credit": None})
        prev = line
    return images


def collect_related(lines: list[Line]) -> list[dict[str, Any]]:
    """Teasers of other articles, with the image caption that sat above them."""
    related: list[dict[str, Any]] = []
    for i, line in enumerate(lines):
        if line.kind != "related" or chrome_cues("related").pattern.fullmatch(line.text.strip(" :")):
            continue
        above = lines[i - 1] if i else None
        image = caption_head(above.text) if above is not None and above.kind == "caption" else None
        title = chrome_cues("related").pattern.sub("", line.text, count=1).strip(" :—-")
        related.append({"line": line.number, "title": title or line.text, "image_caption": image})
    return related


def attach(doc: Document) -> Document:
    """Add images[], related[] and removed[] from the classified lines."""
    lines = doc._lines
    doc.images = doc.images + collect_images(lines)
    doc.related = collect_related(lines)
    doc.removed = [{"text": line.text, "kind": line.kind, "line": line.number, "reason": line.reason}
                   for line in lines if line.kind not in {"body", "title"}]
    return doc
