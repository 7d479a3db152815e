"""Event argument phrases: the noun phrase an argument heads, its words, its prepositions,
and the entity whose mention it is.

The shared ground of actors.py and recipients.py: each argument is a phrase of
the text, trimmed of articles and of complements that name nothing, and the entity whose
mention holds its head (else most of it) gives its id and country.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from dateline import geo
from dateline.common.mentions import noun_phrase
from dateline.stages.events.lexicon import form
from dateline.stages.events.status import Context, feature

# Parts of speech that can head an argument phrase.
ARGUMENT_POS = {"NOUN", "PROPN", "PRON", "X", "NUM", "ADJ"}
# Tokens left out of an argument's text at its edges (articles, numbers, punctuation).
EDGE_POS = {"DET", "NUM", "PUNCT", "ADP", "CCONJ"}
# Characters between a title phrase and the name that follows it ("Генсек ООН Антониу Гутерриш").
NAME_GAP = 2
# Dependencies of a clause's subject.
SUBJECT_DEPS = {"nsubj", "csubj"}
# What holding an argument's head, and being a name, weigh in choosing its entity.
HEAD_BONUS = 1000
NAME_BONUS = 1


@dataclass
class Argument:
    text: str
    start: int
    end: int
    entity: str | None = None
    country: str | None = None


@dataclass
class Arguments:
    actors: list[Argument] = field(default_factory=list)
    recipients: list[Argument] = field(default_factory=list)


@dataclass(frozen=True, order=True)
class MentionRow:
    start: int
    end: int
    entity: str
    country: str | None
    type: str
    kind: str  # name, title, nominal, pronoun
    sector: str | None = None  # PLOVER sector of a group ("MIL" for an army)


class Mentions(list[MentionRow]):
    """The document's mentions in text order, with their starts for bisection."""

    def __init__(self, rows: list[MentionRow]) -> None:
        super().__init__(sorted(rows))
        self.starts = [row.start for row in self]
        self.longest = max((row.end - row.start for row in self), default=0)

    def between(self, low: int, high: int) -> list[MentionRow]:
        """The mentions that start in [low, high)."""
        return self[bisect.bisect_left(self.starts, low):bisect.bisect_left(self.starts, high)]


def mention_index(entities: list[dict[str, Any]]) -> Mentions:
    """Every mention of the document's entities, in text order."""
    return Mentions([MentionRow(m["start"], m["end"], e["id"], e.get("country"), e["type"], m.get("kind", "name"),
                                e.get("sector")) for e in entities for m in e["mentions"]])


def entity_at(mentions: Mentions, start: int, end: int, head: tuple[int, int]) -> MentionRow | None:
    """The mention that holds the phrase's head, else the one that covers most of it and at
    least half of it ("le président Emmanuel Macron"; not Alep in "infrastructures à Alep")."""
    best: tuple[int, MentionRow] | None = None
    for row in mentions.between(start - mentions.longest, end):
        if row.end <= start:
            continue
        holds = row.start <= head[0] and head[1] <= row.end
        overlap = min(end, row.end) - max(start, row.start)
        if not holds and overlap * 2 < end - start:
            continue
        score = overlap + (HEAD_BONUS if holds else 0) + (NAME_BONUS if row.kind == "name" else 0)
        if best is None or score > best[0]:
            best = (score, row)
    return best[1] if best else None


def phrase_of(ctx: Context, head: int) -> tuple[int, int]:
    """Token range (first, last) of the noun phrase an argument heads, edges trimmed."""
    indexes = noun_phrase(ctx.analysis, head, ctx.kids)
    tokens = ctx.analysis.tokens
    # A complement after the head that names nothing is left out ("rebelles de multiples
    # violations"), one that names something kept ("rebelles du M23").
    cut = next((i for i in indexes if i > head and tokens[i].pos == "ADP"
                and not any(tokens[j].pos == "PROPN" for j in indexes if i < j <= i + 3)), None)
    if cut is not None:
        indexes = [i for i in indexes if i < cut]
    while len(indexes) > 1 and tokens[indexes[0]].pos in EDGE_POS and indexes[0] != head:
        indexes = indexes[1:]
    while len(indexes) > 1 and tokens[indexes[-1]].pos in EDGE_POS and indexes[-1] != head:
        indexes = indexes[:-1]
    return indexes[0], indexes[-1]


def argument(ctx: Context, text: str, head: int, mentions: Mentions) -> Argument:
    """An argument phrase; when it is an entity's mention, the entity's name inside it is its
    text ("Le président Emmanuel Macron" is "Emmanuel Macron")."""
    tokens = ctx.analysis.tokens
    first, last = phrase_of(ctx, head)
    start, end = tokens[first].start, tokens[last].end
    found = entity_at(mentions, start, end, (tokens[head].start, tokens[head].end))
    apposed = next((m for m in mentions.between(end, end + NAME_GAP + 1) if m.type == "PERSON"
                    and m.kind == "name" and tokens[head].pos == "NOUN"), None)
    if found is None and apposed is not None:  # a title the entity stage left alone, then its name
        return Argument(text[apposed.start:apposed.end], apposed.start, apposed.end, apposed.entity, apposed.country)
    if found is None:
        country = geo.demonym_country(tokens[head].text, ctx.lex.language) if tokens[head].pos == "ADJ" else None
        row = next((m for m in mentions if country and m.country == country and m.type == "GPE"), None)
        return Argument(text[start:end], start, end, row.entity if row else None, country)
    # The name inside the phrase, or right after it ("Генсек ООН Антониу Гутерриш").
    name = next((m for m in mentions.between(start, end + NAME_GAP + 1) if m.entity == found.entity
                 and m.kind == "name" and (m.end <= end or m.start >= end)), None)
    if name is not None:
        start, end = name.start, name.end
    return Argument(text[start:end], start, end, found.entity, found.country)


def coordinated(ctx: Context, head: int) -> list[int]:
    """The head and the phrases coordinated with it ("Moscou et Pékin")."""
    heads = [head]
    for k in ctx.kids.get(head, []):
        if ctx.analysis.tokens[k].dep == "conj" and ctx.analysis.tokens[k].pos in ARGUMENT_POS:
            heads.extend(coordinated(ctx, k))
    return heads


def preposition(ctx: Context, index: int) -> str:
    """The preposition that introduces a dependent (its ``case`` child, or its English ``prep`` head)."""
    tokens = ctx.analysis.tokens
    case = [k for k in ctx.kids.get(index, []) if tokens[k].dep in {"case", "fixed"} and k < index]
    if case:
        return " ".join(form(tokens[k])[1] for k in case)
    if tokens[index].dep == "pobj":
        return form(tokens[tokens[index].head])[1]
    return ""


def obliques(ctx: Context, index: int) -> list[tuple[str, int]]:
    """(preposition, head) of the prepositional dependents of a word."""
    tokens, found = ctx.analysis.tokens, list[tuple[str, int]]()
    for k in ctx.kids.get(index, []):
        dep = tokens[k].dep
        if dep in {"prep", "agent"}:
            found.extend((form(tokens[k])[1], g) for g in ctx.kids.get(k, []) if tokens[g].dep == "pobj")
        elif dep.startswith(("obl", "nmod")) and tokens[k].pos in ARGUMENT_POS:
            found.append((preposition(ctx, k), k))
    return found


def first_of(ctx: Context, index: int, deps: set[str]) -> int | None:
    return next((k for k in ctx.kids.get(index, []) if ctx.analysis.tokens[k].dep in deps
                 and ctx.analysis.tokens[k].pos in ARGUMENT_POS), None)


def feature_of(ctx: Context, index: int, name: str) -> str:
    """One morphological feature of a token ("Case" of "Газу" is "Acc")."""
    return feature(ctx.analysis.tokens[index].morph, name)
