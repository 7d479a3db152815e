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

from dateline.lexicon import load
from dateline.nlp import Analysis
from dateline.stages.mentions import antecedent
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
def pronouns(language: str) -> frozenset[str]:
    """Words that stand for a person speaking: "il", "lui", "he", "him", "он", "его"."""
    return frozenset(norm(w) for w in load(language, "quotes").get("speaker_pronouns", []))


def bare(word: str) -> str:
    """A pronoun without the hyphens of French inversion ("-t-il" is "il")."""
    return norm(word).lstrip("-").removeprefix("t-")


def in_phrase(table: list[EntityMention], start: int, end: int, head: int | None) -> str | None:
    """The best entity among the mentions inside a speaker phrase."""
    inside = [m for m in table if m.start < end and start < m.end]
    if not inside:
        return None
    best = min(inside, key=lambda m: (TYPE_RANK.get(m.type, 9), head is not None and not (m.start <= head < m.end),
                                      KIND_RANK.get(m.kind, 9), m.start))
    return best.entity


def organisation_by_noun(entities: list[dict[str, Any]], head_word: str) -> str | None:
    """"the ministry", "la société": the one organisation whose name holds that noun."""
    found = [e["id"] for e in entities if e["type"] == "ORG"
             and head_word in norm(" ".join([e["name"], *e.get("aliases", [])])).split()]
    return found[0] if len(found) == 1 else None


def pronoun_speaker(analysis: Analysis, table: list[EntityMention], offset: int,
                    quoted: list[tuple[int, int]], previous: str | None) -> str | None:
    """A pronoun's person: as the entity stage resolved it, else the person named before
    it outside quotations, else the speaker of the quote before."""
    covering = [m for m in table if m.start <= offset < m.end and m.type == "PERSON"]
    if covering:
        return covering[0].entity
    people = [(m.start, m.end, m.entity) for m in table if m.type == "PERSON" and m.kind in {"name", "title"}
              and not any(a <= m.start < b for a, b in quoted)]
    return antecedent(analysis, people, offset) or previous


def speaker_words(text: str, cue: Cue, analysis: Analysis, language: str) -> tuple[str | None, int | None]:
    """The words standing for the speaker and the offset of their head word; a pronoun
    inside the cue itself ("по его словам") when the phrase is empty."""
    if cue.speaker is not None:
        words = " ".join(text[cue.speaker[0]:cue.speaker[1]].split())
        head = analysis.tokens[cue.head].start if cue.head is not None else cue.speaker[0]
        return (bare(words) if bare(words) in pronouns(language) else words), head
    for i in analysis.tokens_in(cue.start, cue.end):
        if bare(analysis.tokens[i].text) in pronouns(language):
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
    if bare(words) in pronouns(language):
        return pronoun_speaker(analysis, table, head, quoted, previous), words
    start, end = cue.speaker or (head, head + len(words))
    found = in_phrase(table, start, end, head)
    if found is None and cue.head is not None:
        found = organisation_by_noun(entities, norm(analysis.tokens[cue.head].lemma or analysis.tokens[cue.head].text))
    return found, words
