"""Published: the publication date, from a caller's hint, the HTML metadata or a date line.

It stays null when the page does not say: a photo credit's year is the photo's, never the
article's, and a bare year is not a date.
"""
from __future__ import annotations

import datetime as dt
import re

from dateline import lexicon
from dateline.common import chrome
from dateline.errors import Code, DatelineError
from dateline.lexicon import month_cues
from dateline.record import Document
from dateline.settings import Settings

# A dateline opens the first paragraph: "PARIS, 28 septembre 2016 (AFP) - ...".
DATELINE_HEAD = re.compile(r"^[^\W\d][^,.;:]{1,40},\s+(?P<date>[^()\-–—]{6,40}?)\s*(?:\([^)]{1,20}\))?\s*[-–—]")
PARTS_NEEDED = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first",
                "RETURN_AS_TIMEZONE_AWARE": False}


def normalise_hint(value: str) -> str:
    """Validate a caller's date; return it as ISO."""
    try:
        return dt.date.fromisoformat(value[:10]).isoformat() if len(value) <= 10 else \
            dt.datetime.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise DatelineError(Code.BAD_ARGUMENT, f"--published {value!r} is not an ISO date "
                            "(YYYY-MM-DD or YYYY-MM-DDTHH:MM)") from exc


def parse_date(text: str, language: str | None) -> str | None:
    """An ISO date from a short date expression, with the language passed to dateparser."""
    import dateparser
    from dateparser.search import search_dates

    languages = [language] if language else None
    # An all-digit date follows the language's order ("08/03/2026" is 8 March in French);
    # dateparser's search otherwise reads it month first whatever the language.
    order = str(lexicon.load(language, "dates").get("numeric_order", "dmy")) if language else "dmy"
    settings = {**PARTS_NEEDED, "DATE_ORDER": order.upper()}
    try:
        found = dateparser.parse(text, languages=languages, settings=settings)
        if found is None:
            hits = search_dates(text, languages=languages, settings=settings) or []
            found = hits[0][1] if hits else None
    except (ValueError, OverflowError, LookupError):
        return None
    return found.date().isoformat() if found else None


def dateline_date(first_paragraph: str) -> str | None:
    """The date in a wire-style dateline at the head of the article, as text."""
    match = DATELINE_HEAD.match(first_paragraph[:120])
    if not match:
        return None
    date = match.group("date")
    has_date = chrome.NUMERIC_DATE.search(date) or (month_cues().search(date) and chrome.YEAR.search(date))
    return date if has_date else None


def find_published(doc: Document) -> str | None:
    meta_date = doc._meta.get("date") if doc._meta else None
    if meta_date:
        return str(meta_date)
    for line in doc._lines:
        if line.kind == "other" and line.reason == "date line":
            value = parse_date(chrome.strip_bullet(line.text), doc.language)
            if value:
                return value
    if doc.paragraphs:
        first = doc.text[doc.paragraphs[0]["start"]:doc.paragraphs[0]["end"]]
        text = dateline_date(first)
        if text:
            return parse_date(text, doc.language)
    return None


def run(doc: Document, settings: Settings) -> Document:
    if doc.hint_published:
        doc.published = normalise_hint(doc.hint_published)
    else:
        doc.published = find_published(doc)
    return doc
