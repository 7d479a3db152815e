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


@cache
def transcribed(language: str) -> re.Pattern[str] | None:
    """The words that show a name is transcribed, for the language's rules; None: every name is
    rewritten (the rules are safe for all)."""
    pattern = load(language, "names").get("transcribed")
    return re.compile(pattern) if pattern else None


def to_english(words: list[str], language: str) -> list[str]:
    """A name's lower-case words in the language's transcription rewritten the English way;
    where the language says which names are transcriptions, others are left as they are."""
    marked = transcribed(language)
    if marked is not None and not any(marked.search(word) for word in words):
        return words
    out = []
    for word in words:
        for pattern, repl in rules(language):
            word = pattern.sub(repl, word)
        out.append(word)
    return out


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
        words = name.lower().split()
        if language and language != "en":
            words = to_english(words, language)
        latin = fold(" ".join(words))
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


# Fewer consonants than this in a sound key match too many names to join two spellings by it.
MIN_SOUND_KEY = 4


@cache
def sound_rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern), repl) for pattern, repl in load("all", "names").get("sound_key", []))


@cache
def reading_rules(language: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern), repl) for pattern, repl in load(language, "names").get("sound", []))


def sound_key(name: str, reading: str | None = None) -> str:
    """A name's consonant skeleton, word by word, the same for a Latin spelling and its Cyrillic
    transcription ("Donald Trump" and "Дональд Трамп" are "dnld trmp"); rules in all/names.toml.
    With a `reading`, each word is first rewritten the way that language pronounces it."""
    words = transliterate(name).casefold().split()
    for pattern, repl in reading_rules(reading) if reading else ():
        words = [pattern.sub(repl, word) for word in words]
    letters = load("all", "names").get("sound_letters", {})
    text = fold("".join(letters.get(char, char) for char in " ".join(words)))
    for pattern, repl in sound_rules():
        text = pattern.sub(repl, text)
    skeletons = (re.sub(r"(.)\1+", r"\1", word) for word in text.split())
    return " ".join(word for word in skeletons if word)


def sound_keys(name: str) -> set[str]:
    """Every sound key of a name: the plain one and, for a Latin spelling, one per language that
    may be how it is read (all/names.toml `sound_readings`). Cyrillic has the plain one only."""
    keys = {sound_key(name)}
    if not CYRILLIC.search(name):
        keys.update(sound_key(name, reading) for reading in load("all", "names").get("sound_readings", []))
    return {key for key in keys if key}


def joinable_by_sound(key: str) -> bool:
    """Whether a sound key is distinctive enough to join two spellings of a name."""
    return len(key.replace(" ", "")) >= MIN_SOUND_KEY


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

