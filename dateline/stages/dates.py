"""Dates: date expressions in the clean text, as character spans with an ISO value.

The words (months, weekdays and their modifiers, "yesterday", "two days ago", vague spans) are
data in ``dateline/lang/<code>/dates.toml``. Relative expressions resolve against the
publication date and stay null without it; a date written with its year always resolves.
A bare year, a time or a stray number is never a date. Weekday phrases ("ce mercredi",
"last Friday", "в прошлую пятницу") are resolved here, because dateparser does not read them.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

from dateline.lexicon import load
from dateline.record import Document
from dateline.settings import Settings

# An alternation that never matches: stands in for an empty word list.
NOTHING = r"(?!x)x"
# A day of the month, never the tail of a longer number, a decimal or another date.
DAY = r"(?<![\w/.,:])(?P<d>3[01]|[12]\d|0?[1-9])"
# A year of four digits (1000-2999), never the head of a longer number.
YEAR = r"(?P<y>[12]\d{3})(?!\d)"
# "2016-09-28", also at the head of a timestamp ("2016-09-28T10:00").
ISO_DATE = re.compile(r"(?<![\w/.-])(?P<y>[12]\d{3})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?!\d)")
# Day, month and year in digits, one separator used twice: "28/09/2016", "28.09.2016".
# Two-digit years are left out: "28/09/16" is as often a score or a reference as a date.
NUMERIC_DATE = re.compile(r"(?<![\w/.,:-])(?P<a>\d{1,2})(?P<s>[./-])(?P<b>\d{1,2})(?P=s)(?P<y>[12]\d{3})"
                          r"(?!\d|[./-]\d)")
# How a weekday modifier shifts from the publication date (see weekday_before in the data).
RULES = ("this", "last", "next")
# A weekday phrase with no modifier is read as past-tense news: the latest such day.
DEFAULT_RULE = "this"


class Span(NamedTuple):
    start: int
    end: int
    value: str | None
    keep: bool = True  # False for a span listed as no date: it only hides what it covers


@dataclass(frozen=True)
class Lexicon:
    """One language's date words, with the patterns built from them."""

    months: dict[str, int]  # month form -> 1..12
    weekdays: dict[str, int]  # weekday form -> 0 (Monday)..6
    relative: dict[str, int]  # relative-day phrase -> days from the publication date
    rules: dict[str, str]  # weekday modifier -> one of RULES
    guarded: frozenset[str]  # weekday forms that need a modifier
    capitalised_only: frozenset[str]  # month forms that need a capital
    numbers: dict[str, int]  # number word -> value
    numeric_order: str  # "dmy" or "mdy"
    patterns: dict[str, re.Pattern[str]]
    ago: tuple[tuple[re.Pattern[str], int], ...]  # template pattern, days per unit


def norm(word: str) -> str:
    return " ".join(word.lower().replace("’", "'").split())


def phrase(word: str) -> str:
    """One word or phrase as a regex: any run of spaces, either apostrophe."""
    parts = [re.escape(part).replace("'", "['’]") for part in word.lower().split(" ")]
    return r"\s+".join(parts)


def alternation(words: Iterable[str]) -> str:
    """Words as a regex alternation, longest first so that the longest phrase wins."""
    ordered = sorted({norm(w) for w in words}, key=len, reverse=True)
    return "|".join(phrase(w) for w in ordered) or NOTHING


def whole(words: Iterable[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternation(words)})(?!\w)", re.IGNORECASE)


def indexed(groups: list[list[str]], first: int) -> dict[str, int]:
    return {norm(form): number for number, forms in enumerate(groups, first) for form in forms}


def absolute_patterns(data: dict[str, Any], months: Iterable[str], weekdays: Iterable[str]) -> dict[str, str]:
    """Day-month(-year) and month-day(-year) patterns, with an optional weekday before them."""
    month = rf"(?<!\w)(?P<m>{alternation(months)})(?!\w)"
    suffix = rf"(?:{alternation(data.get('day_suffixes', []))})?"
    join = rf"(?:(?:{alternation(data.get('date_joiners', []))})\s+)?"
    year_word = rf"(?:\s+(?:{alternation(data.get('year_words', []))})(?!\w))?"
    lead = rf"(?:(?<!\w)(?:{alternation(weekdays)}),?\s+)?"
    found = {"day_month": rf"{lead}{DAY}{suffix}\s+{join}{month}(?:\.?,?\s+{join}{YEAR}{year_word})?"}
    if data.get("month_first"):
        found["month_day"] = rf"{lead}{month}\.?\s+{DAY}{suffix}(?![\w:])(?:,?\s+{YEAR})?"
    return found


@cache
def lexicon(code: str) -> Lexicon | None:
    """The date words of one language; None when it has no weekday data."""
    data: dict[str, Any] = dict(load(code, "dates"))
    if not data.get("weekdays") or not data.get("month_forms"):
        return None
    months, weekdays = indexed(data["month_forms"], 1), indexed(data["weekdays"], 0)
    before, after = data.get("weekday_before", {}), data.get("weekday_after", {})
    numbers = {norm(k): int(v) for k, v in data.get("number_words", {}).items()}
    number = rf"(?P<n>\d{{1,2}}|{alternation(numbers)})"
    ago = tuple((re.compile(rf"(?<!\w){number.join(phrase(p) for p in norm(t).split('{n}'))}(?!\w)",
                            re.IGNORECASE), int(days)) for t, days in data.get("days_ago", {}).items())
    weekday = (rf"(?<!\w)(?:(?P<b>{alternation(before)})\s+)?(?P<w>{alternation(weekdays)})(?!\w)"
               rf"(?:\s+(?P<a>{alternation(after)})(?!\w))?")
    patterns = {name: re.compile(p, re.IGNORECASE) for name, p in absolute_patterns(data, months, weekdays).items()}
    patterns |= {"weekday": re.compile(weekday, re.IGNORECASE), "relative": whole(data.get("relative_days", {})),
                 "vague": whole(data.get("vague", [])), "not_dates": whole(data.get("not_dates", []))}
    rules = {norm(k): v for k, v in {**before, **after}.items() if v in RULES}
    return Lexicon(months, weekdays, {norm(k): int(v) for k, v in data.get("relative_days", {}).items()},
                   rules, frozenset(norm(w) for w in data.get("guarded", [])),
                   frozenset(norm(w) for w in data.get("capitalised_only", [])), numbers,
                   str(data.get("numeric_order", "dmy")), patterns, ago)


def make_date(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def shift(published: dt.date | None, days: int) -> str | None:
    if published is None:
        return None
    try:
        return (published + dt.timedelta(days=days)).isoformat()
    except OverflowError:
        return None


def numeric_spans(text: str, order: str) -> Iterator[Span]:
    """ISO dates and all-digit dates, in the language's order, the other order as a fallback."""
    for match in ISO_DATE.finditer(text):
        value = make_date(int(match["y"]), int(match["m"]), int(match["d"]))
        if value:
            yield Span(match.start(), match.end(), value)
    for match in NUMERIC_DATE.finditer(text):
        a, b, year = int(match["a"]), int(match["b"]), int(match["y"])
        first, second = (make_date(year, a, b), make_date(year, b, a))
        value = (first or second) if order == "mdy" else (second or first)
        if value:
            yield Span(match.start(), match.end(), value)


def absolute_spans(text: str, lex: Lexicon, published: dt.date | None) -> Iterator[Span]:
    """Dates written with a month name; without a year they take the publication's year."""
    for name in ("day_month", "month_day"):
        pattern = lex.patterns.get(name)
        for match in pattern.finditer(text) if pattern else ():
            month_word = match["m"]
            if norm(month_word) in lex.capitalised_only and not month_word[0].isupper():
                continue
            month, day = lex.months[norm(month_word)], int(match["d"])
            if match["y"]:
                value = make_date(int(match["y"]), month, day)
                if value is None:
                    continue
            else:
                value = make_date(published.year, month, day) if published else None
            yield Span(match.start(), match.end(), value)


def weekday_value(weekday: int, rule: str, published: dt.date | None) -> str | None:
    """The day a weekday phrase names, seen from the publication date."""
    if published is None:
        return None
    back = (published.weekday() - weekday) % 7
    if rule == "last":
        return shift(published, -(back or 7))
    if rule == "next":
        return shift(published, (weekday - published.weekday()) % 7 or 7)
    return shift(published, -back)


def weekday_spans(text: str, lex: Lexicon, published: dt.date | None) -> Iterator[Span]:
    for match in lex.patterns["weekday"].finditer(text):
        modifier = match["a"] or match["b"]
        if modifier is None and norm(match["w"]) in lex.guarded:
            continue
        rule = lex.rules.get(norm(modifier), DEFAULT_RULE) if modifier else DEFAULT_RULE
        yield Span(match.start(), match.end(), weekday_value(lex.weekdays[norm(match["w"])], rule, published))


def word_spans(text: str, lex: Lexicon, published: dt.date | None) -> Iterator[Span]:
    """Relative days, "N days ago", vague spans (null) and spans listed as no date."""
    for match in lex.patterns["relative"].finditer(text):
        yield Span(match.start(), match.end(), shift(published, lex.relative[norm(match[0])]))
    for pattern, unit in lex.ago:
        for match in pattern.finditer(text):
            count = lex.numbers.get(norm(match["n"])) or int(match["n"])
            yield Span(match.start(), match.end(), shift(published, -count * unit))
    for match in lex.patterns["vague"].finditer(text):
        yield Span(match.start(), match.end(), None)
    for match in lex.patterns["not_dates"].finditer(text):
        yield Span(match.start(), match.end(), None, keep=False)


def choose(spans: Iterable[Span]) -> list[Span]:
    """The longest spans first, then those that overlap none already taken; in text order."""
    taken: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start - s.end, s.start)):
        if all(span.end <= other.start or span.start >= other.end for other in taken):
            taken.append(span)
    return sorted((s for s in taken if s.keep), key=lambda s: s.start)


def published_date(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def find_dates(text: str, language: str | None, published: str | None) -> list[dict[str, Any]]:
    """Every date expression of the text as ``{text, start, end, value}``, in text order."""
    day = published_date(published)
    lex = lexicon(language) if language and language.isalpha() else None
    spans = list(numeric_spans(text, lex.numeric_order if lex else "dmy"))
    if lex:
        spans += [*absolute_spans(text, lex, day), *weekday_spans(text, lex, day), *word_spans(text, lex, day)]
    return [{"text": text[s.start:s.end], "start": s.start, "end": s.end, "value": s.value} for s in choose(spans)]


def run(doc: Document, settings: Settings) -> Document:
    doc.dates = find_dates(doc.text, doc.language, doc.published)
    return doc
