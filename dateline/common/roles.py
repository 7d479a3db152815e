"""Roles: what a phrase says about a person's office and country, from per-language data.

"le secrétaire d'État américain" names the office foreign_minister and the country US;
"Département d'État" is a US institution. Titles, nationality words and institutions are
data under dateline/lang/<code>/ (entities.toml, demonyms.toml, institutions.toml).
"""
from __future__ import annotations

import re
from functools import cache
from typing import Any

from dateline import geo
from dateline.lexicon import load


@cache
def words(language: str) -> dict[str, Any]:
    """The entity stage's word lists of a language (dateline/lang/<code>/entities.toml)."""
    return load(language, "entities")


@cache
def date_words(language: str) -> frozenset[str]:
    data = load(language, "dates")
    found: set[str] = set()
    for key in ("months", "weekdays"):
        value = data.get(key, [])
        items = value if isinstance(value, list) else list(value.values())
        # A weekday may be a list of its spellings ([["miércoles", "miercoles"], …]).
        found.update(str(w).lower() for item in items for w in (item if isinstance(item, list) else [item]))
    return frozenset(found)


@cache
def time_words(language: str) -> frozenset[str]:
    """Months, weekdays and nouns of time ("day", "semaine", "год"): words that date an event."""
    return date_words(language) | frozenset(load(language, "dates").get("time_nouns", []))


def norm(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).casefold()


@cache
def title_patterns(language: str) -> tuple[tuple[re.Pattern[str], str, int], ...]:
    """Each title as a compiled word-bounded pattern with its office, longest first."""
    found = [(re.compile(rf"(?<!\w){re.escape(norm(title))}(?!\w)"), office, len(title))
             for office, titles in words(language).get("titles", {}).items() for title in titles]
    return tuple(sorted(found, key=lambda item: -item[2]))


@cache
def title_words(language: str) -> frozenset[str]:
    """Every word of every title, side noun and actor noun: a noun outside it heads no description."""
    lexicon = words(language)
    phrases = [t for titles in lexicon.get("titles", {}).values() for t in titles]
    phrases += lexicon.get("side_nouns", []) + lexicon.get("actor_nouns", [])
    return frozenset(w for phrase in phrases for w in norm(phrase).split())


@cache
def word_list(language: str, name: str, key: str) -> frozenset[str]:
    """One word list of a language's data file (dateline/lang/<code>/<name>.toml), normalised."""
    return frozenset(norm(w) for w in load(language, name).get(key, []))


def word_set(language: str, key: str) -> frozenset[str]:
    """One word list of the language's entities.toml, normalised."""
    return word_list(language, "entities", key)


def bare_pronoun(word: str) -> str:
    """A pronoun without the hyphens of French inversion ("-t-il" is "il")."""
    return norm(word).lstrip("-").removeprefix("t-")


@cache
def institution_patterns(language: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(rf"(?<!\w){re.escape(norm(name))}(?!\w)"), str(code))
                 for name, code in load(language, "institutions").items())


def office_of(phrase: str, language: str) -> str | None:
    """The office a title phrase names (foreign_minister, spokesperson, ...), most specific first."""
    lowered = norm(phrase)
    return next((office for pattern, office, _ in title_patterns(language) if pattern.search(lowered)), None)


def titled_at_head(phrase: str, office: str, language: str) -> bool:
    """True when the phrase opens with a title of that office ("ministre des…", not
    "déclaration du porte-parole")."""
    lowered = norm(phrase)
    return any(lowered.startswith(norm(t)) for t in words(language).get("titles", {}).get(office, []))


def country_in(phrase: str, language: str) -> str | None:
    """The country a phrase points to: a nationality adjective ("américain" -> US), else an
    institution whose name says no country ("Département d'État" -> US)."""
    for word in re.findall(r"\w+(?:-\w+)*", phrase):
        iso = geo.demonym_country(word, language)
        country = geo.country_by_name(word) if word[:1].isupper() and not iso else None
        if iso or country:
            return iso or (country.iso2 if country else None)
    lowered = norm(phrase)
    return next((code for pattern, code in institution_patterns(language) if pattern.search(lowered)), None)


def opens_with_title(phrase: str, language: str) -> bool:
    """True when the phrase, past nationality adjectives, opens with a title."""
    parts = phrase.split()
    while parts and geo.demonym_country(parts[0], language):
        parts = parts[1:]
    rest = " ".join(parts)
    office = office_of(rest, language)
    return office is not None and titled_at_head(rest, office, language)
