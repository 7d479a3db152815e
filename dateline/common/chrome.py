"""Line signals for the clean-up stage: what each line of page text looks like.

Pure functions over one line (and the page's site name and script), no state. The clean
stage combines them with position and context.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from dateline.lexicon import chrome_cues

WORD = re.compile(r"\w+(?:['’-]\w+)*")
# Han, kana and Hangul are written without spaces: two characters make about one word.
CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
SENTENCE_END = re.compile(r"[.!?…:;。！？][\"'»”’)\]」』]*$|[»”\"」』]$")
# List markers as renderers write them (inscriptis nests lists with *, + and o).
BULLET = re.compile(r"^(?:[*•·▪►‣◦–—+-]|o(?=\s)|\d+[.)])\s+")
# Sentences carry punctuation; a long line without any is a tag cloud or a menu.
INNER_PUNCTUATION = re.compile(r"[.,;:!?،、。，]\s")
# A teaser's summary is cut off with an ellipsis; an article paragraph ends its sentence.
TRUNCATED = re.compile(r"(?:\.\.\.|…)\s*$")
# A table row as renderers lay it out: three or more cells parted by runs of spaces.
TABLE_ROW = re.compile(r"^\S.*?(?:\S\s{2,}\S.*?){2,}\S$")
DIGITS_ONLY = re.compile(r"^[\d\s.,:/()%+-]*$")
TEMPLATE_MARK = re.compile(r"\{\{|\}\}|\$\{|%[sd]\b|\[object \w+\]|\bundefined\b|\bNaN\b|lorem ipsum", re.I)
COPYRIGHT = re.compile(r"©|\(c\)\s|\bcopyright\b", re.I)
NUMERIC_DATE = re.compile(r"\b(?:\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d\d|(?:19|20)\d\d-\d\d-\d\d)\b")
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
SITE_SUFFIX = re.compile(r"^(?P<head>.+?)\s+[-|–—•:]\s+(?P<site>[^-|–—•]{2,40})$")
# Headlines and teasers: a few words, no sentence ending.
HEADLINE_WORDS = (3, 25)
# Lines this short cannot carry an article paragraph on their own.
SHORT_WORDS = 6
# A call to action is a sentence or two; a longer paragraph is an article's own.
CTA_MAX_WORDS = 80
# A button or share link: a few words that open with an action and end without a period.
BUTTON_WORDS = 15
# Characters of a line looked at to tell its script.
SCRIPT_SAMPLE = 300
# Shorter words of an outlet's name ("The", "Le") say nothing about who is named.
SITE_WORD_MIN = 4
# Comment metadata (author, time, votes) fits in a few words.
COMMENT_META_WORDS = 8


@dataclass
class Signals:
    """What one line looks like; ``kind`` is set when a strong chrome signal fires."""

    words: int
    prose: bool
    headline: bool
    script: str
    table: bool = False
    kind: str = ""
    reason: str = ""


def strip_bullet(text: str) -> str:
    return BULLET.sub("", text).strip()


@cache
def script_of_char(char: str) -> str:
    name = unicodedata.name(char, "")
    script = name.split(" ")[0] if name else ""
    return "CJK" if script in {"CJK", "HIRAGANA", "KATAKANA"} else script


def script_of(text: str) -> str:
    """The dominant writing system of a line (LATIN, CYRILLIC, CJK, ...) or '' if none.
    The first SCRIPT_SAMPLE characters tell as well as the whole line."""
    sample = text[:SCRIPT_SAMPLE]
    if sample.isascii():
        return "LATIN" if any(char.isalpha() for char in sample) else ""
    counts: dict[str, int] = {}
    for char in sample:
        if char.isalpha():
            script = script_of_char(char)
            counts[script] = counts.get(script, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else ""


def count_words(text: str) -> int:
    cjk = len(CJK_CHAR.findall(text))
    if not cjk:
        return len(WORD.findall(text))
    return len(WORD.findall(CJK_CHAR.sub(" ", text))) + cjk // 2


def is_prose(text: str, words: int, min_words: int) -> bool:
    """Sentence-shaped: long enough, or ends like a sentence with several words."""
    ends = bool(SENTENCE_END.search(text)) and not TRUNCATED.search(text)
    punctuated = ends or bool(INNER_PUNCTUATION.search(text))
    if words >= min_words and (ends or (words >= 2 * min_words and punctuated)):
        return True
    return ends and words >= SHORT_WORDS and opens_sentence(text)


def opens_sentence(text: str) -> bool:
    """Starts like a sentence: a capital, a quote or dash, or a letter of a caseless script."""
    first = text.lstrip("«“\"'‘„—–-( ")[:1]
    return first.isupper() or first.isdigit() or (first.isalpha() and first.lower() == first.upper())


def credit_signal(text: str) -> str:
    """'credit' for a copyright or agency photo credit, '' otherwise."""
    if COPYRIGHT.search(text):
        return "credit"
    head = text.split(":")[0].split("/")[0].strip()
    if chrome_cues("photo_label").search(text[:20]) and (chrome_cues("agencies").search(text) or "/" in text):
        return "credit"
    if len(head.split()) <= 3 and chrome_cues("agencies").whole(head) and len(text.split()) <= 12:
        return "credit"
    return ""


def cta_signal(text: str, words: int, site: str | None) -> bool:
    """A call to action: short UI wording, a button-like line that opens with it, or a
    sentence that opens with it and points to an app, a network or the outlet itself."""
    cues = chrome_cues("cta").search(text)
    if not cues:
        return False
    opens = chrome_cues("cta").starts(text)
    if words <= SHORT_WORDS or (opens and words <= BUTTON_WORDS and not SENTENCE_END.search(text)):
        return True
    if words > CTA_MAX_WORDS:
        return False
    pointers = len(chrome_cues("platforms").search(text)) + int(names_site(text, site))
    return pointers >= 1 and (opens or len(set(cues)) >= 3)


def names_site(text: str, site: str | None) -> bool:
    """True when the line names the outlet (any distinctive word of its name)."""
    if not site:
        return False
    words = [w for w in WORD.findall(site) if len(w) >= SITE_WORD_MIN and w[:1].isupper()]
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text) for w in words)


def comment_meta(text: str, words: int) -> bool:
    """Comment furniture: "2 days ago", "john says:", "Reply", "12 Votes"."""
    return (words <= COMMENT_META_WORDS and not text.rstrip("\"'»”’) ").endswith((".", "!", "?"))
            and bool(chrome_cues("comment_meta").search(text)))


def kind_signal(text: str, words: int, site: str | None) -> tuple[str, str]:
    """The strongest chrome signal of a line as (kind, reason), or ('', '')."""
    if TEMPLATE_MARK.search(text):
        return "template", "template placeholder"
    credit = credit_signal(text)
    if credit:
        return credit, "copyright or agency credit"
    if DIGITS_ONLY.match(text):
        return "widget", "number without words"
    if site:
        match = SITE_SUFFIX.match(text)
        if match and match.group("site").strip().lower() == site.lower():
            return "caption", "image caption signed with the outlet name"
    if words <= 12 and not SENTENCE_END.search(text) and chrome_cues("comments").search(text):
        return "comments", "comment-section wording"
    if comment_meta(text, words):
        return "comments", "comment metadata"
    if cta_signal(text, words, site):
        return "cta", "call to action"
    if words <= 3 and chrome_cues("widget").whole(text.rstrip(" :.…")):
        return "widget", "widget wording"
    if words <= 25 and chrome_cues("related").starts(text):
        return "related", "related-article prefix"
    return "", ""


def signals(text: str, site: str | None, min_words: int) -> Signals:
    """All signals of one line."""
    core = strip_bullet(text)
    words = count_words(core)
    prose = is_prose(core, words, min_words)
    headline = (HEADLINE_WORDS[0] <= words <= HEADLINE_WORDS[1] and not SENTENCE_END.search(core)
                and core[:1].isupper()) or (words >= HEADLINE_WORDS[0] and core.endswith("?") and words < min_words)
    found = Signals(words=words, prose=prose, headline=headline, script=script_of(core),
                    table=bool(TABLE_ROW.match(text.strip())))
    found.kind, found.reason = kind_signal(core, words, site)
    return found
