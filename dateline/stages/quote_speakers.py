"""Speakers: the entity of the document a quote's speaker phrase stands for.

A name or title in the phrase is its entity (a person before an organisation: "le porte-parole
du Département d'État John Kirby" is Kirby, not the department); a pronoun is the person the
entity stage resolved it to, else the person named before it; "the ministry" is the one
ministry the article names. An unnamed speaker keeps its words and no entity.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from dateline import geo
from dateline.lexicon import load
from dateline.nlp import Analysis
from dateline.stages.pronouns import antecedent
from dateline.stages.quote_cues import Cue
from dateline.stages.roles import norm

# Preference among mentions of a speaker phrase: a person's name, then their title, then
# an organisation or a country acting.
TYPE_RANK = {"PERSON": 0, "ORG": 1, "GPE": 2, "MISC": 3, "LOC": 4}
KIND_RANK = {"name": 0, "title": 1, "nominal": 2, "pronoun": 3}


@dataclass(frozen=True)
class EntityMention:
    start: int
    end: int
    entity: str
    type: str
    kind: str


def mention_table(entities: list[dict[str, Any]]) -> list[EntityMention]:
    """Every mention of every entity, in text order."""
    rows = [EntityMention(m["start"], m["end"], e["id"], e["type"], m.get("kind", "name"))
            for e in entities for m in e["mentions"]]
    return sorted(rows, key=lambda r: r.start)


@cache
def word_list(language: str, key: str) -> frozenset[str]:
    """One list of the language's quotes.toml, normalised."""
    return frozenset(norm(w) for w in load(language, "quotes").get(key, []))


def pronouns(language: str) -> frozenset[str]:
    """Words that stand for a person speaking: "il", "lui", "he", "him", "он", "его"."""
    return word_list(language, "speaker_pronouns")


def bare(word: str) -> str:
    """A pronoun without the hyphens of French inversion ("-t-il" is "il")."""
    return norm(word).lstrip("-").removeprefix("t-")


def can_speak(mention: EntityMention, entities: dict[str, dict[str, Any]]) -> bool:
    """People and organisations speak; of places, only a country (or its capital acting)."""
    if mention.type not in {"GPE", "LOC"}:
        return True
    entity = entities[mention.entity]
    return geo.country_by_name(entity.get("canonical") or entity["name"]) is not None


def in_phrase(table: list[EntityMention], entities: dict[str, dict[str, Any]], span: tuple[int, int],
              head: int, head_noun: str, language: str) -> str | None:
    """The entity a speaker phrase names: the one at its head word; else a person named in
    it ("la déclaration du porte-parole … John Kirby"); else, for a press office or a
    statement, the organisation it belongs to ("в пресс-службе компании X")."""
    inside = [m for m in table if m.start < span[1] and span[0] < m.end and can_speak(m, entities)]
    covering = [m for m in inside if m.start <= head < m.end]
    people = [m for m in inside if m.type == "PERSON"]
    groups = [m for m in inside if m.type == "ORG"] \
        if head_noun in word_list(language, "org_nouns") | word_list(language, "nouns") else []
    for candidates in (covering, people, groups):
        if candidates:
            best = min(candidates, key=lambda m: (TYPE_RANK.get(m.type, 9), KIND_RANK.get(m.kind, 9), m.start))
            return best.entity
    return None


def organisation_by_noun(entities: list[dict[str, Any]], head_word: str) -> str | None:
    """"the ministry", "la société": the one organisation whose name holds that noun."""
    found = [e["id"] for e in entities if e["type"] == "ORG"
             and head_word in norm(" ".join([e["name"], *e.get("aliases", [])])).split()]
    return found[0] if len(found) == 1 else None


def last_named(analysis: Analysis, table: list[EntityMention], offset: int, quoted: list[tuple[int, int]],
               types: set[str]) -> str | None:
    """The entity of those types named last before ``offset`` outside quotations (its
    sentence's subject when the last one named is an object)."""
    named = [(m.start, m.end, m.entity) for m in table if m.type in types and m.kind in {"name", "title"}
             and not any(a <= m.start < b for a, b in quoted)]
    return antecedent(analysis, named, offset)


def pronoun_speaker(analysis: Analysis, table: list[EntityMention], offset: int,
                    quoted: list[tuple[int, int]], previous: str | None) -> str | None:
    """A pronoun's person: as the entity stage resolved it, else the person named before
    it outside quotations, else the speaker of the quote before."""
    covering = [m for m in table if m.start <= offset < m.end and m.type == "PERSON"]
    if covering:
        return covering[0].entity
    return last_named(analysis, table, offset, quoted, {"PERSON"}) or previous


def before_verb(analysis: Analysis, table: list[EntityMention], entities: dict[str, dict[str, Any]],
                verb: int | None) -> str | None:
    """The name standing right before the cue verb ("… - Lumora Systems said"), for when
    the parse gave the verb a wrong subject."""
    if verb is None:
        return None
    toks = analysis.tokens
    i = verb - 1
    while i >= 0 and toks[i].pos in {"AUX", "ADV", "PART"}:
        i -= 1
    return next((m.entity for m in table if i >= 0 and m.start <= toks[i].start < m.end
                 and m.type in {"PERSON", "ORG"} and can_speak(m, entities)), None)


def speaker_words(text: str, cue: Cue, analysis: Analysis, language: str) -> tuple[str | None, int | None]:
    """The words standing for the speaker and the offset of their head word; a pronoun
    inside the cue itself ("по его словам") when the phrase is empty."""
    known = pronouns(language) | word_list(language, "group_pronouns")
    if cue.speaker is not None:
        words = " ".join(text[cue.speaker[0]:cue.speaker[1]].split())
        head = analysis.tokens[cue.head].start if cue.head is not None else cue.speaker[0]
        return (bare(words) if bare(words) in known else words), head
    for i in analysis.tokens_in(cue.start, cue.end):
        if bare(analysis.tokens[i].text) in known:
            return bare(analysis.tokens[i].text), analysis.tokens[i].start
    return None, None


def resolve(text: str, cue: Cue | None, analysis: Analysis, entities: list[dict[str, Any]],
            table: list[EntityMention], language: str, quoted: list[tuple[int, int]],
            previous: str | None) -> tuple[str | None, str | None]:
    """(entity id or None, speaker text or None) for a quote's cue."""
    if cue is None:
        return None, None
    words, head = speaker_words(text, cue, analysis, language)
    if words is None or head is None:
        return None, None
    if words in pronouns(language):
        return pronoun_speaker(analysis, table, head, quoted, previous), words
    if words in word_list(language, "group_pronouns"):
        return last_named(analysis, table, head, quoted, {"ORG"}), words
    by_id = {e["id"]: e for e in entities}
    head_token = analysis.tokens[cue.head] if cue.head is not None else None
    noun = norm(head_token.lemma or head_token.text) if head_token else ""
    found = in_phrase(table, by_id, cue.speaker or (head, head + len(words)), head, noun, language)
    if found is None and noun in word_list(language, "org_nouns"):
        found = organisation_by_noun(entities, noun) or last_named(analysis, table, head, quoted, {"ORG"})
    if found is None and head_token is not None and head_token.pos == "PROPN":
        found = before_verb(analysis, table, by_id, cue.verb)
    return found, words
