"""Canonical person names across languages and scripts: "Sergueï Lavrov", "Sergey Lavrov",
"Sergei Lavrov" and "Сергей Лавров" all give "Sergey Lavrov".

Cyrillic is transliterated by table; Latin spellings are rewritten by per-language rules
(data under dateline/lang/<code>/names.toml); English variants are levelled last.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache

from dateline.lexicon import load

CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@cache
def translit_table() -> dict[str, str]:
    return {k: v for k, v in load("ru", "names").get("translit", {}).items()}


@cache
def rules(language: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern), repl) for pattern, repl in load(language, "names").get("to_english", []))


def transliterate(text: str) -> str:
    """Cyrillic letters to Latin, keeping capitals."""
    table = translit_table()
    out = []
    for char in text:
        latin = table.get(char.lower())
        if latin is None:
            out.append(char)
        else:
            out.append(latin.capitalize() if char.isupper() else latin)
    return "".join(out)


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def canonical_person(name: str, language: str | None) -> str:
    """The English-style Latin spelling of a person's name."""
    if CYRILLIC.search(name):
        latin = transliterate(name)
    else:
        latin = name.lower()
        for pattern, repl in rules(language or "en") if language != "en" else ():
            latin = pattern.sub(repl, latin)
        latin = fold(latin)
    for pattern, repl in rules("en"):
        latin = pattern.sub(repl, latin.lower())
    return " ".join(part[:1].upper() + part[1:] for part in latin.split())


def person_aliases(name: str, language: str | None) -> list[str]:
    """Spellings to look the person up by in other languages."""
    canonical = canonical_person(name, language)
    variants = {name, canonical, fold(name)}
    if canonical.endswith("ey") or " " in canonical:
        variants.add(re.sub(r"ey\b", "ei", canonical))
    return sorted(v for v in variants if v)


# A stem shorter than this is not stripped further: short names would all look alike.
MIN_STEM = 3


@cache
def case_endings(language: str | None) -> tuple[str, ...]:
    return tuple(sorted(load(language or "", "names").get("case_endings", []), key=len, reverse=True))


def stem(word: str, language: str | None) -> str:
    """A name word without its case ending, where the language inflects names."""
    lowered = word.casefold().replace("ё", "е")
    for ending in case_endings(language):
        if lowered.endswith(ending) and len(lowered) - len(ending) >= MIN_STEM:
            return lowered[:-len(ending)]
    return lowered

