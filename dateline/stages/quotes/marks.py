"""Quotation marks: the spans of text that stand between them, paragraph by paragraph.

Pure text work, no model: « », “ ”, „ “, ‹ › and " " pairs (from dateline/lang/all/quotes.toml),
a quote inside a quote kept inside its outer one, a quote that runs over several paragraphs
(each opening without closing) kept whole, and lines of dialogue opened by a dash.
Attribution is the quote stage's business (dateline/stages/quotes.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from dateline.lexicon import load

# Characters trimmed off the inside of a quotation (spaces French puts inside « »).
INNER_TRIM = " \u00a0\u202f\t\n"


@dataclass
class Segment:
    """Quoted content: one part per paragraph it runs over; offsets exclude the marks."""

    parts: list[tuple[int, int]]
    paragraph: int  # index of the paragraph it opens in
    opening: int  # offset of the opening mark (of the dash for dialogue)
    closing: int  # offset just past the closing mark (the content end when unclosed)
    dash: bool = False

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]

    def contains(self, offset: int) -> bool:
        return any(a <= offset < b for a, b in self.parts)


@cache
def pairs() -> dict[str, tuple[str, ...]]:
    return {opening: tuple(closing) for opening, closing in load("all", "quotes").get("pairs", {}).items()}


@cache
def dashes() -> frozenset[str]:
    return frozenset(load("all", "quotes").get("dashes", []))


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the spaces that pad it."""
    while start < end and text[start] in INNER_TRIM:
        start += 1
    while end > start and text[end - 1] in INNER_TRIM:
        end -= 1
    return start, end


def opens_here(text: str, i: int, limit: int) -> bool:
    """A straight quotation mark opens a quote after a space or bracket, before a non-space."""
    mark = text[i]
    if mark != '"':
        return True
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < limit else " "
    return (before.isspace() or before in "([{—–-/:") and not after.isspace()


def closing_mark(text: str, i: int, limit: int) -> int | None:
    """Offset of the mark that closes the one opening at ``i``, within ``limit``; a mark of
    the same kind opened in between nests ("“A “B” C”")."""
    opening = text[i]
    closers = pairs()[opening]
    if opening in closers:  # a straight mark closes at the next one
        found = text.find(opening, i + 1, limit)
        return found if found >= 0 else None
    depth = 0
    for j in range(i + 1, limit):
        if text[j] == opening:
            depth += 1
        elif text[j] in closers:
            if depth == 0:
                return j
            depth -= 1
    return None


def first_char(text: str, paragraph: tuple[int, int]) -> int:
    """Offset of the paragraph's first character that is not a space."""
    start, end = paragraph
    while start < end and text[start] in INNER_TRIM:
        start += 1
    return start


def quote_from(text: str, paragraphs: list[tuple[int, int]], index: int,
               i: int) -> tuple[Segment, int, int | None]:
    """The quote opening at offset ``i`` of paragraph ``index``, and where scanning resumes:
    (paragraph, offset), offset None for the start of that paragraph."""
    opening = text[i]
    segment = Segment([], index, i, i)
    while True:
        limit = paragraphs[index][1]
        close = closing_mark(text, i, limit)
        if close is not None:
            segment.parts.append(trimmed(text, i + 1, close))
            segment.closing = close + 1
            return segment, index, close + 1
        segment.parts.append(trimmed(text, i + 1, limit))
        segment.closing = limit
        nxt = index + 1
        if nxt >= len(paragraphs) or text[first_char(text, paragraphs[nxt])] != opening:
            return segment, nxt, None
        index, i = nxt, first_char(text, paragraphs[nxt])


def dialogue(text: str, start: int, end: int, index: int) -> Segment | None:
    """A paragraph opened by a dash and a space is a line of dialogue."""
    if end - start < 3 or text[start] not in dashes() or not text[start + 1].isspace():
        return None
    return Segment([trimmed(text, start + 1, end)], index, start, end, dash=True)


def find_segments(text: str, paragraphs: list[tuple[int, int]]) -> list[Segment]:
    """Every top-level quotation of the text, in order."""
    segments: list[Segment] = []
    index, offset = 0, None
    while index < len(paragraphs):
        start, end = paragraphs[index]
        if offset is None:
            line = dialogue(text, start, end, index)
            if line is not None:
                segments.append(line)
                index += 1
                continue
            offset = start
        if offset >= end:
            index, offset = index + 1, None
        elif text[offset] in pairs() and opens_here(text, offset, end):
            segment, index, offset = quote_from(text, paragraphs, index, offset)
            if segment.end > segment.start:
                segments.append(segment)
        else:
            offset += 1
    return segments
