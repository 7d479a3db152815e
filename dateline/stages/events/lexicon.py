"""Event lexicon: a language's trigger verbs and nouns by PLOVER type, their modes, and the
status, threat and argument words of ``dateline/lang/<code>/events.toml``, as phrases of
lemmas matched on the parse.

A phrase is a tuple of lower-case words ("call for", "mettre en garde"); a pronominal verb is
written without its reflexive pronoun. A token sequence matches a phrase when, word by word,
its lemmas or its surface forms do.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from dateline.lexicon import load
from dateline.nlp import Token

Phrase = tuple[str, ...]
# Reflexive pronouns dropped from the front of a data phrase ("s'apprêter à" is "apprêter à").
REFLEXIVE = ("se", "s'", "s’")
# Parts of speech a verb trigger may carry: a verb, or a participle the tagger read as an adjective.
VERB_POS = {"VERB"}
NOUN_POS = {"NOUN", "PROPN"}


@dataclass(frozen=True)
class Entry:
    words: Phrase
    type: str


@dataclass(frozen=True)
class Retype:
    """A trigger of one type that is another by what it acts on ("lever le couvre-feu" is a
    concession, not a retreat): ``[[retype]]`` in events.toml."""

    source: str
    target: str
    objects: tuple[Phrase, ...]
    verbs: frozenset[str]
    mode: str | None


@dataclass(frozen=True)
class EventLexicon:
    language: str
    verbs: dict[str, tuple[Entry, ...]]  # by first word, longest phrase first
    nouns: dict[str, tuple[Entry, ...]]
    modes: dict[str, tuple[tuple[str, tuple[Phrase, ...]], ...]]  # type -> ((mode, phrases), ...)
    threat_verbs: tuple[Phrase, ...]
    threat_nouns: tuple[Phrase, ...]
    status: dict[str, tuple[Phrase, ...]]
    args: dict[str, tuple[Phrase, ...]]
    retypes: tuple[Retype, ...] = ()
    cameo: dict[Phrase, str] = field(default_factory=dict)  # trigger phrase -> the CAMEO code it names
    pro_drop: bool = False  # a finite verb may leave its subject unsaid ("объявило, что выведет")
    # type -> first word -> (order of the mode in the data, mode, phrase): the mode phrases by first word
    mode_index: dict[str, dict[str, list[tuple[int, str, Phrase]]]] = field(default_factory=dict)
    # the threat phrases (verbs and nouns) by first word
    threat_index: dict[str, tuple[Phrase, ...]] = field(default_factory=dict)

    def words(self, group: str, key: str) -> frozenset[str]:
        """The one-word entries of a status or argument list, as a set."""
        source = self.status if group == "status" else self.args
        return frozenset(p[0] for p in source.get(key, ()) if len(p) == 1)


def phrase(text: str) -> Phrase:
    """A data entry as a tuple of lower-case words, apostrophes split off ("l'arme" -> l', arme)."""
    words: list[str] = []
    for word in text.lower().replace("’", "'").split():
        while "'" in word[:-1]:
            head, word = word.split("'", 1)
            words.append(head + "'")
        words.append(word)
    if len(words) > 1 and words[0] in REFLEXIVE:
        words = words[1:]
    return tuple(words)


def index(entries: Iterable[Entry]) -> dict[str, tuple[Entry, ...]]:
    by_first: dict[str, list[Entry]] = {}
    for entry in entries:
        by_first.setdefault(entry.words[0], []).append(entry)
    return {k: tuple(sorted(v, key=lambda e: -len(e.words))) for k, v in by_first.items()}


def phrases(items: Iterable[str]) -> tuple[Phrase, ...]:
    return tuple(phrase(item) for item in items if item.strip())


# The keys a ``[[retype]]`` entry may have; any other is a mistake in the data file (a key
# written after a ``[[retype]]`` header lands in that entry, not in ``[arguments]``).
RETYPE_KEYS = {"from", "to", "objects", "verbs", "mode"}


def retypes(entries: list[dict[str, Any]], language: str) -> tuple[Retype, ...]:
    for entry in entries:
        unknown = set(entry) - RETYPE_KEYS
        if unknown:
            raise ValueError(f"lang/{language}/events.toml: unknown keys {sorted(unknown)} in a [[retype]] entry")
    return tuple(Retype(r["from"], r["to"], phrases(r.get("objects", [])), frozenset(r.get("verbs", [])),
                        r.get("mode")) for r in entries)


def mode_index(modes: dict[str, tuple[tuple[str, tuple[Phrase, ...]], ...]]
               ) -> dict[str, dict[str, list[tuple[int, str, Phrase]]]]:
    found: dict[str, dict[str, list[tuple[int, str, Phrase]]]] = {}
    for kind, entries in modes.items():
        table = found.setdefault(kind, {})
        for order, (mode, words) in enumerate(entries):
            for w in words:
                table.setdefault(w[0], []).append((order, mode, w))
    return found


def build(data: dict[str, Any], language: str = "") -> EventLexicon:
    verbs: list[Entry] = []
    nouns: list[Entry] = []
    modes: dict[str, tuple[tuple[str, tuple[Phrase, ...]], ...]] = {}
    for kind, entry in data.get("triggers", {}).items():
        verbs.extend(Entry(phrase(w), kind) for w in entry.get("verbs", []))
        nouns.extend(Entry(phrase(w), kind) for w in entry.get("nouns", []))
        modes[kind] = tuple((mode, phrases(words)) for mode, words in entry.get("modes", {}).items())
    threat = data.get("threat", {})
    threat_verbs, threat_nouns = phrases(threat.get("verbs", [])), phrases(threat.get("nouns", []))
    return EventLexicon(
        language=language, verbs=index(verbs), nouns=index(nouns), modes=modes,
        threat_verbs=threat_verbs, threat_nouns=threat_nouns, threat_index=by_first_word(threat_verbs + threat_nouns),
        status={k: phrases(v) for k, v in data.get("status", {}).items()},
        args={k: phrases(v) for k, v in data.get("arguments", {}).items()},
        retypes=retypes(data.get("retype", []), language),
        pro_drop=bool(data.get("grammar", {}).get("pro_drop", False)), mode_index=mode_index(modes))


@cache
def lexicon(language: str) -> EventLexicon | None:
    """The event lexicon of a language, or None when it has none (no events are coded)."""
    data = load(language, "events")
    if not data.get("triggers"):
        return None
    lex = build(data, language)
    lex.cameo.update({phrase(k): str(v) for k, v in load(language, "cameo").get("codes", {}).items()})
    return lex


@lru_cache(maxsize=1 << 16)
def form(token: Token) -> tuple[str, str]:
    """A token's lemma and surface, lower case, apostrophes straightened."""
    return (token.lemma or token.text).lower().replace("’", "'"), token.text.lower().replace("’", "'")


def matches_at(tokens: Sequence[Token], indexes: Sequence[int], at: int, words: Phrase) -> bool:
    """True when the tokens at indexes[at:] begin with the phrase (lemma or surface, word by word)."""
    if at + len(words) > len(indexes):
        return False
    return all(word in form(tokens[indexes[at + k]]) for k, word in enumerate(words))


@lru_cache(maxsize=1024)
def by_first_word(items: tuple[Phrase, ...]) -> dict[str, tuple[Phrase, ...]]:
    """A list of phrases indexed by their first word, longest first."""
    table: dict[str, list[Phrase]] = {}
    for words in items:
        table.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in table.items()}


def phrase_at(tokens: Sequence[Token], indexes: Sequence[int], at: int, items: tuple[Phrase, ...]) -> Phrase | None:
    """The longest of the phrases that begins at indexes[at], or None."""
    table = by_first_word(items)
    for first in dict.fromkeys(form(tokens[indexes[at]])):
        for words in table.get(first, ()):
            if matches_at(tokens, indexes, at, words):
                return words
    return None


def find_phrase(tokens: Sequence[Token], indexes: Sequence[int], items: Iterable[Phrase]) -> int | None:
    """The position in ``indexes`` where the first of the phrases begins, or None."""
    candidates = tuple(items)
    return next((at for at in range(len(indexes)) if phrase_at(tokens, indexes, at, candidates)), None)


def entry_at(tokens: Sequence[Token], indexes: Sequence[int], at: int,
             table: dict[str, tuple[Entry, ...]]) -> Entry | None:
    """The longest trigger entry that starts with the token at indexes[at]."""
    lemma, surface = form(tokens[indexes[at]])
    for first in dict.fromkeys((lemma, surface)):
        for entry in table.get(first, ()):
            if matches_at(tokens, indexes, at, entry.words):
                return entry
    return None


def is_threat(tokens: Sequence[Token], indexes: Sequence[int], at: int, lex: EventLexicon) -> bool:
    return any(matches_at(tokens, indexes, at, words)
               for first in dict.fromkeys(form(tokens[indexes[at]])) for words in lex.threat_index.get(first, ()))


def mode_of(kind: str, tokens: Sequence[Token], indexes: Sequence[int], near: int, lex: EventLexicon) -> str | None:
    """The mode whose words occur among the tokens: the one nearest to the trigger, the
    longest phrase at the same distance ("grève de la faim" is hunger, not strike)."""
    table = lex.mode_index.get(kind, {})
    best: tuple[int, int, int, str] | None = None
    for at, i in enumerate(indexes):
        for first in set(form(tokens[i])):
            for order, mode, w in table.get(first, ()):
                if matches_at(tokens, indexes, at, w):
                    rank = (abs(i - near), -len(w), order, mode)
                    best = rank if best is None or rank < best else best
    return best[3] if best else None


# A surface form may stand for a lemma it begins with when at most this many letters follow
# ("staged" for "stage" where the lemmatiser gave "stag").
INFLECTION_TAIL = 3
MIN_STEM = 4


def is_one_of(token: Token, words: frozenset[str]) -> bool:
    """True when a token's lemma, its surface, or its surface less a short ending is in the list."""
    lemma, surface = form(token)
    if lemma in words or surface in words:
        return True
    return any(surface[:n] in words for n in range(max(MIN_STEM, len(surface) - INFLECTION_TAIL), len(surface)))


def named_code(tokens: Sequence[Token], first: int, last: int, lex: EventLexicon) -> str | None:
    """The CAMEO code a trigger phrase names (``lang/<code>/cameo.toml``): the whole phrase by
    lemmas or surface, else its first word."""
    span = list(range(first, last + 1))
    table = cameo_phrases(lex.language)
    for word in dict.fromkeys(form(tokens[first])):
        whole = next((w for w in table.get(word, ()) if len(w) == len(span) and matches_at(tokens, span, 0, w)), None)
        if whole is not None:
            return lex.cameo[whole]
    return next((lex.cameo[(word,)] for word in form(tokens[first]) if (word,) in lex.cameo), None)


@cache
def cameo_phrases(language: str) -> dict[str, tuple[Phrase, ...]]:
    """The phrases of a language's CAMEO table by their first word, read once."""
    lex = lexicon(language)
    return by_first_word(tuple(lex.cameo)) if lex else {}
