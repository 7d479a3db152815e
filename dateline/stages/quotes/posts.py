"""Posts: social-media posts embedded in an article and rendered as text.

A page that embeds a post (a tweet) renders it as the post's paragraph followed by its signature
line: "— Cooper Lund (@cooperlund) November 18, 2019". The post is a direct quote of the signed
name, the handle its cue; its links ("https://t.co/…", "pic.twitter.com/…") are not words said and
are left out of the quote.
"""
from __future__ import annotations

import re

from dateline.stages.quotes.cues import Cue

# The signature line of an embedded post: a dash, the author's name, the handle in parentheses,
# and the date or nothing.
SIGNATURE = re.compile(r"^\s*[—–-]\s*(?P<name>[^()\n]{1,80}?)\s*(?P<handle>\(@\w{1,30}\))[^\n]{0,40}$")
# Links a post ends with, left out of the quote.
TRAILING_LINKS = re.compile(r"(?:\s*(?:https?://\S+|pic\.twitter\.com/\S+))+\s*$")
# A post is this long at most (a tweet's 280 characters): no paragraph further up belongs to it.
POST_MAX_CHARS = 280
# A line of a post split over several paragraphs ("on. meth. dot. com.") is this long at most;
# a longer paragraph above the post's last words is the article's own.
POST_LINE_CHARS = 60
# Characters trimmed from the signed name (an emoji, a flag, spaces).
NAME_EDGE = re.compile(r"[^\w.'’-]+$")


def post_parts(text: str, paragraphs: list[tuple[int, int]], signature: int) -> list[tuple[int, int]]:
    """The spans of a post's words: the nearest paragraph with letters above its signature (a
    row of emoji skipped), and the short lines above it as far as a post's length allows; the
    trailing links left out."""
    parts: list[tuple[int, int]] = []
    size = 0
    for index in range(signature - 1, -1, -1):
        start, end = paragraphs[index]
        chunk = text[start:end]
        if SIGNATURE.match(chunk) or size + len(chunk) > POST_MAX_CHARS or parts and (
                chunk.rstrip().endswith(":") or len(chunk) > POST_LINE_CHARS):
            break  # the article's own paragraph introducing the post, or an earlier post
        size += len(chunk)
        links = TRAILING_LINKS.search(chunk)
        end = start + links.start() if links else end
        if any(c.isalpha() for c in text[start:end]):
            parts.insert(0, (start, end))
    return parts


def signed_posts(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[list[tuple[int, int]], Cue]]:
    """(the spans of the post's words, its cue) for each embedded post."""
    found = []
    for index in range(1, len(paragraphs)):
        start, end = paragraphs[index]
        match = SIGNATURE.match(text[start:end])
        if match is None:
            continue
        name_start = start + match.start("name")
        name_end = name_start + len(NAME_EDGE.sub("", match.group("name")))
        parts = post_parts(text, paragraphs, index)
        if not parts or name_end <= name_start:
            continue
        cue = Cue(start + match.start("handle"), start + match.end("handle"), None, (name_start, name_end), None)
        found.append((parts, cue))
    return found
