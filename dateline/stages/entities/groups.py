"""Groups: collective actors with no proper name ("l'armée syrienne", "les rebelles", "la
police", "Israeli troops", "боевики", "правительство Мали") as organisations of the document.

A noun phrase headed by a group noun (``group_nouns``, ``group_plurals`` and, for Russian
participles used as nouns, ``group_participles`` in dateline/lang/<code>/entities.toml) is a
description (kind "nominal") of an ORG entity with the PLOVER ``sector`` listed beside its
noun (MIL, REB, GOV, COP, CVL, LAB, ...; ``group_phrases`` refine it: "les forces de l'ordre"
are police). Its country is the one a nationality adjective or a country or place complement
names ("armée syrienne" SY, "gouvernement malien" ML, "правительство Мали" ML, "police de
Marseille" FR); otherwise it has none, the article's country is not guessed.

Which phrases are groups: nouns of bodies ("armée", "police", "gouvernement") in either
number; nouns of people ("soldat", "rebelle", "manifestant", "policier", "военный") only in
the plural. A singular "le soldat", "un policier", "полицейский" is one person, not a group:
it is left to the person descriptions (titles, pronouns) and never becomes a group entity.
A group noun used as a modifier ("police officers", "Army spokesman") heads no group, and one
inside a name or a title ("le porte-parole de l'armée") is that mention's.

How mentions merge: a group qualified only by its country (and adjectives) is one entity
per head noun and country ("l'armée syrienne" = "l'armée de la Syrie"); a group with its own
complement ("les rebelles du M23", "la police de Marseille") is an entity of its own; a bare
one ("les rebelles", "the army") is the latest group with the same head noun before it, or,
for a body, the one organisation the article names with that noun ("the police" is Westmoor
Police), and else a new entity. A name the model found for the phrase wins: "l'armée
syrienne" tagged as an organisation stays that organisation, and descriptions made earlier
(dateline/stages/entities/collectives.py, actor nouns in mentions.py) only gain a sector here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from dateline import geo
from dateline.common.mentions import Mention, add_containing, children_of, noun_phrase, span_text, strip_edges
from dateline.common.roles import country_in, norm, words
from dateline.nlp import Analysis, Token
from dateline.stages.entities.collectives import bare_target, rekey

# Parts of speech of the words that give a group its own identity ("du M23", "de Marseille").
SPECIFIER_POS = {"NOUN", "PROPN"}
# Dependencies of a noun that only modifies the next one ("police officers", "Army spokesman").
MODIFIER_DEPS = {"compound", "amod", "acl", "flat", "flat:name"}
# Dependencies of the words that count a group ("at least 14 civilians"), left out of its name.
QUANTIFIER_DEPS = {"nummod", "advmod", "quantmod", "det"}
# A feature of the morphology string ("Gender=Fem|Number=Plur").
FEATURE = re.compile(r"(\w+)=(\w+)")


@dataclass(frozen=True)
class Lexicon:
    """A language's group nouns, each with its sector."""

    nouns: dict[str, str]  # a group in either number
    plurals: dict[str, str]  # a group only in the plural
    participles: dict[str, str]  # verbs whose plural participle, used as a noun, is a group
    phrases: tuple[tuple[str, str], ...]  # phrases that give another sector than the head's
    with_article: frozenset[str]  # groups only after a definite article ("the opposition")


def fold(word: str) -> str:
    return norm(word).replace("ё", "е")


def by_sector(table: dict[str, list[str]]) -> dict[str, str]:
    return {fold(noun): sector for sector, nouns in table.items() for noun in nouns}


@cache
def lexicon(language: str) -> Lexicon:
    data = words(language)
    phrases = tuple((fold(p), s) for p, s in data.get("group_phrases", {}).items())
    return Lexicon(by_sector(data.get("group_nouns", {})), by_sector(data.get("group_plurals", {})),
                   by_sector(data.get("group_participles", {})), phrases,
                   frozenset(fold(w) for w in data.get("group_with_article", [])))


def features(token: Token) -> dict[str, str]:
    """The token's morphological features; none when the model gives no morphology."""
    return dict(FEATURE.findall(token.morph))


def plural(token: Token) -> bool:
    """True for a plural word; without morphology, for a word inflected away from its lemma."""
    number = features(token).get("Number")
    return number == "Plur" if number else fold(token.text) != fold(token.lemma or token.text)


def sector_of(token: Token, lex: Lexicon) -> str | None:
    """The sector of the group a word names, or None when it names no group."""
    lemma, surface = fold(token.lemma or token.text), fold(token.text)
    if token.pos == "NOUN":
        found = lex.nouns.get(lemma) or lex.nouns.get(surface)
        if found is not None:
            return found
        found = lex.plurals.get(lemma) or lex.plurals.get(surface)
        return found if found is not None and plural(token) else None
    if token.pos == "VERB" and features(token).get("VerbForm") == "Part" and plural(token) \
            and token.dep not in MODIFIER_DEPS:  # "протестующих", not "протестующих граждан"
        return lex.participles.get(lemma)
    return None


def phrase_sector(analysis: Analysis, text: str, core: list[int], lex: Lexicon) -> str | None:
    """The sector a listed phrase gives ("forces de l'ordre"), by its words or lemmas."""
    lemmas = " ".join(fold(analysis.tokens[i].lemma or analysis.tokens[i].text) for i in core)
    forms = {f" {fold(span_text(text, analysis.tokens, core)[2])} ", f" {lemmas} "}
    return next((s for p, s in lex.phrases if any(f" {p} " in form for form in forms)), None)


def first_words(analysis: Analysis) -> set[int]:
    """Indexes of the first word of each sentence, where a group noun may be capitalised."""
    starts = sorted(s for s, _ in analysis.sentences)
    found: set[int] = set()
    waiting, next_start = False, 0
    for i, token in enumerate(analysis.tokens):
        while next_start < len(starts) and token.start >= starts[next_start]:
            waiting, next_start = True, next_start + 1
        if waiting and token.pos != "PUNCT":
            found.add(i)
            waiting = False
    return found


def country_of(analysis: Analysis, text: str, core: list[int], mentions: list[Mention], language: str) -> str | None:
    """The country a group's words name: a nationality adjective, a country, else a place."""
    start, end, core_text = span_text(text, analysis.tokens, core)
    country = country_in(core_text, language)
    if country:
        return country
    for place in (m for m in mentions if m.type in {"GPE", "LOC"} and start <= m.start and m.end <= end):
        resolved = None if place.country else geo.resolve_place(place.lemma or place.text, set(), language)
        found = place.country or (resolved.country if resolved is not None else None)
        if found:
            return found
    return None


def specified(analysis: Analysis, core: list[int], head: int, mentions: list[Mention]) -> bool:
    """True when words besides the head, its adjectives and its country name the group
    ("rebelles du M23", "police de Marseille")."""
    countries = [m for m in mentions if m.key.startswith("country:")]
    return any(analysis.tokens[i].pos in SPECIFIER_POS and i != head
               and not any(m.start <= analysis.tokens[i].start < m.end for m in countries) for i in core)


def earlier_group(mentions: list[Mention], noun: str, before: int) -> str | None:
    """The key of the latest group with this head noun mentioned before ``before``."""
    earlier = [m for m in mentions if m.kind == "nominal" and m.type == "ORG" and m.start < before
               and m.extra.get("head") == noun]
    return max(earlier, key=lambda m: m.start).key if earlier else None


def group_key(mention: Mention, noun: str, body: bool, is_specified: bool, mentions: list[Mention]) -> str:
    """The key that merges a group's mentions (see the module docstring)."""
    if is_specified:
        return f"org:{norm(mention.lemma)}"
    if mention.country:
        return f"group:{noun}:{mention.country}"
    joined = bare_target(mentions, noun, mention.start) if body else earlier_group(mentions, noun, mention.start)
    return joined or f"group:{noun}:"


def noun_of(token: Token) -> str:
    return fold(token.lemma or token.text)


def definite(analysis: Analysis, whole: list[int], head: int, language: str) -> bool:
    """True when a definite article opens the phrase before its head ("the opposition")."""
    articles = {fold(w) for w in words(language).get("definite", [])}
    return any(fold(analysis.tokens[i].text) in articles for i in whole if i < head)


def named_beside(analysis: Analysis, head: int, core: list[int], mentions: list[Mention]) -> bool:
    """"l'opposition Les Républicains", "the militia Wagner": a name right after the head and
    its adjectives is the group's own; the description only adds its noun to that name's."""
    tokens = analysis.tokens
    after = head + 1
    while after in core and tokens[after].pos in {"ADJ", "DET"}:
        after += 1
    if after not in core:
        return False
    named = next((m for m in mentions if m.kind == "name" and m.type in {"ORG", "MISC"}
                  and m.start == tokens[after].start), None)
    if named is not None:
        named.extra.setdefault("heads", set()).add(noun_of(tokens[head]))
    return named is not None


def group_name(analysis: Analysis, text: str, core: list[int], initial: set[int]) -> str:
    """A group's name: its words past numbers ("deux soldats" is "soldats"), a common noun
    capitalised only as the first word of its sentence in lower case ("Полиция")."""
    tokens = analysis.tokens
    while len(core) > 1 and (tokens[core[0]].pos in {"NUM", "ADV"} or tokens[core[0]].dep in QUANTIFIER_DEPS):
        core = core[1:]
    name = span_text(text, tokens, core)[2]
    if core[0] in initial and tokens[core[0]].pos == "NOUN":
        name = name[:1].lower() + name[1:]
    return name


def group_mention(analysis: Analysis, text: str, index: int, context: tuple[dict[int, list[int]], set[int]],
                  mentions: list[Mention], language: str) -> Mention | None:
    """The group mention a word heads, or None (``context``: the parse's children, the
    sentences' first words)."""
    tokens, lex = analysis.tokens, lexicon(language)
    sector = sector_of(tokens[index], lex)
    if sector is None:
        return None
    whole, core = strip_edges(tokens, noun_phrase(analysis, index, context[0]), language)
    if not core or whole[0] > index or index not in core or named_beside(analysis, index, core, mentions):
        return None
    if noun_of(tokens[index]) in lex.with_article and not definite(analysis, whole, index, language):
        return None
    start, end, surface = span_text(text, tokens, whole)
    noun = noun_of(tokens[index])
    mention = Mention(start, end, surface, "ORG", kind="nominal", lemma=group_name(analysis, text, core, context[1]),
                      country=country_of(analysis, text, core, mentions, language),
                      extra={"head": noun, "sector": phrase_sector(analysis, text, core, lex) or sector,
                             "nominative": features(tokens[index]).get("Case", "Nom") == "Nom"})
    mention.key = group_key(mention, noun, noun in lex.nouns, specified(analysis, core, index, mentions), mentions)
    return mention


def name_groups(mentions: list[Mention]) -> None:
    """Every mention of a group named after its first one in the nominative, where the
    language has cases ("боевики", not "боевиков")."""
    best: dict[str, Mention] = {}
    for mention in mentions:
        if mention.extra.get("nominative") is not None and mention.key.startswith("group:"):
            held = best.get(mention.key)
            if held is None or mention.extra["nominative"] and not held.extra["nominative"]:
                best[mention.key] = mention
    for mention in mentions:
        if mention.key in best:
            mention.lemma = best[mention.key].lemma


def head_of(analysis: Analysis, mention: Mention) -> int | None:
    """The word of a mention whose head lies outside it."""
    inside = analysis.tokens_in(mention.start, mention.end)
    outer = [i for i in inside if analysis.tokens[i].head not in inside or analysis.tokens[i].head == i]
    return outer[0] if len(outer) == 1 else None


def annotate(analysis: Analysis, text: str, mentions: list[Mention], language: str) -> None:
    """Descriptions made earlier that a group noun heads ("l'armée syrienne" from the actor
    nouns, "la police de Marseille" from the institutions) gain a sector and a country; one
    of its own qualified by its country alone takes the group key of that country."""
    lex = lexicon(language)
    named = {m.key for m in mentions if m.kind == "name"}
    for mention in [m for m in mentions if m.kind == "nominal" and m.type == "ORG"]:
        head = head_of(analysis, mention)
        sector = sector_of(analysis.tokens[head], lex) if head is not None else None
        if head is None or sector is None:
            continue
        noun = noun_of(analysis.tokens[head])
        core = strip_edges(analysis.tokens, analysis.tokens_in(mention.start, mention.end), language)[1]
        mention.extra.update(head=noun, sector=phrase_sector(analysis, text, core, lex) or sector)
        mention.country = mention.country or country_of(analysis, text, core, mentions, language)
        own = mention.key not in named and mention.key == f"org:{norm(mention.lemma)}"
        if own and mention.country and not specified(analysis, core, head, mentions):
            rekey(mentions, mention.key, f"group:{noun}:{mention.country}")


def may_head(analysis: Analysis, index: int, initial: set[int], found: list[Mention]) -> bool:
    """A word in lower case (or first in its sentence), not a modifier, not inside a mention."""
    token = analysis.tokens[index]
    if token.dep in MODIFIER_DEPS and token.pos == "NOUN" or not (token.text[:1].islower() or index in initial):
        return False
    return not any(m.start <= token.start < m.end for m in found)


def add_groups(analysis: Analysis, text: str, mentions: list[Mention], language: str) -> list[Mention]:
    """The mentions with the document's groups added, in text order."""
    if not lexicon(language).nouns and not lexicon(language).plurals:
        return mentions
    found = sorted(mentions, key=lambda m: m.start)
    annotate(analysis, text, found, language)
    context = children_of(analysis), first_words(analysis)
    for i in range(len(analysis.tokens)):
        if not may_head(analysis, i, context[1], found):
            continue
        mention = group_mention(analysis, text, i, context, found, language)
        if mention is not None:
            add_containing(mention, found)
    name_groups(found)
    return sorted(found, key=lambda m: m.start)
