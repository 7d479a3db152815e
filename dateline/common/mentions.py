"""Mentions: every span of the text that names or describes an entity, before merging.

Names come from the model's named entities, corrected by rules that generalise: a capital
acting is its country's government, a lone title word is not a name, a date is not a person,
a capitalised noun with its adjectives is an organisation's name. Titles in apposition
("le secrétaire d'État américain John Kerry") become mentions and roles of the person they
stand beside; descriptions headed by an actor noun ("l'armée syrienne") become organisations.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from dateline import geo
from dateline.common.roles import (
    country_in,
    date_words,
    norm,
    office_of,
    opens_with_title,
    title_words,
    titled_at_head,
    word_list,
    word_set,
    words,
)
from dateline.nlp import Analysis, Span, Token

# A proper noun the model missed is taken for a city only above this population.
GAZETTEER_CITY_POPULATION = 500_000
# A title before a name is a few words long; further left is the rest of the sentence.
MAX_TITLE_TOKENS = 8
# Parts of speech a title phrase is built from (nouns, adjectives, linking words).
TITLE_POS = {"NOUN", "ADJ", "PROPN", "ADP", "DET"}
WEEKDAY_OR_MONTH = re.compile(r"\d")


@dataclass
class Mention:
    start: int
    end: int
    text: str
    type: str  # PERSON, ORG, GPE, LOC, MISC
    kind: str = "name"  # name, title, nominal, pronoun
    key: str = ""  # mentions with the same key are one entity
    country: str | None = None
    role: str | None = None
    office: str | None = None
    lemma: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


# How far back a capital's locative word is looked for, through a coordination ("between
# Warsaw and Kyiv", "à Paris, Berlin et Moscou").
LOCATIVE_WINDOW = 60


def preceded_by_locative(text: str, start: int, language: str) -> bool:
    """A capital after a locative word or a verb that takes a place ("a quitté Moscou") is the
    city; so is one joined to such a capital ("between Warsaw and Kyiv")."""
    places = word_set(language, "locative") | word_set(language, "place_verbs")
    joiners = word_set(language, "place_joiners")
    raw = text[max(0, start - LOCATIVE_WINDOW):start].replace(",", " ").split()
    before = [norm(w) for w in raw]
    tail = before[-1] if before else ""
    if tail in places or tail.endswith(("d'", "l'")):
        return True
    if tail not in joiners:
        return False
    # back over the capitalised names before the joiner to the word that governs them all
    i = len(raw) - 2
    while i >= 0 and (raw[i][:1].isupper() or before[i] in joiners):
        i -= 1
    return 0 <= i < len(raw) - 2 and before[i] in places


def is_date(span: Span, language: str) -> bool:
    tokens = {t.lower() for t in re.findall(r"\w+", span.text)}
    return bool(tokens & date_words(language)) or bool(WEEKDAY_OR_MONTH.search(span.text))


def opens_like_a_name(span: Span) -> bool:
    """Names open with a capital; a person's may open with a particle ("de Vries")."""
    first = span.text.split()[0] if span.text.split() else ""
    if first[:1].isupper():
        return True
    particles = word_list("all", "names", "particles")
    return span.label == "PERSON" and first.split("-")[0].lower() in particles


def place_mention(span: Span, text: str, language: str) -> Mention:
    """A place name: a country, a capital acting for its country, or a place."""
    name = span.lemma or span.text
    country = geo.country_by_name(name) or geo.country_by_name(span.text)
    if country is not None:
        return Mention(span.start, span.end, span.text, "GPE", key=f"country:{country.iso2}",
                       country=country.iso2, lemma=name)
    capital = geo.capital_country(name) or geo.capital_country(span.text)
    if capital and not preceded_by_locative(text, span.start, language):
        return Mention(span.start, span.end, span.text, "GPE", key=f"country:{capital}", country=capital,
                       lemma=name, extra={"metonymy": True})
    kind = "GPE" if geo.city_candidates(name) or span.label not in {"GPE", "LOC"} else span.label
    return Mention(span.start, span.end, span.text, kind, key=f"place:{norm(name)}", lemma=name)


def children_of(analysis: Analysis) -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for i, token in enumerate(analysis.tokens):
        if token.head != i:
            kids.setdefault(token.head, []).append(i)
    return kids


def subtree(index: int, kids: dict[int, list[int]]) -> list[int]:
    """The word and every word below it; safe on a cyclic parse (natasha may give two
    coordinated words each other as head: "Силовики и сирийская армия")."""
    found, stack = {index}, [index]
    while stack:
        for kid in kids.get(stack.pop(), []):
            if kid not in found:
                found.add(kid)
                stack.append(kid)
    return sorted(found)


def contiguous_left(indexes: list[int], upto: int) -> list[int]:
    """The run of ``indexes`` that ends right before ``upto``, without gaps."""
    run: list[int] = []
    for i in sorted((i for i in indexes if i < upto), reverse=True):
        if run and i != run[-1] - 1 or not run and i != upto - 1:
            break
        run.append(i)
    return sorted(run)


def strip_edges(tokens: list[Token], indexes: list[int], language: str) -> tuple[list[int], list[int]]:
    """(mention tokens, role tokens): punctuation off both ends, the determiner off the role."""
    while indexes and tokens[indexes[-1]].pos in {"PUNCT", "CCONJ", "ADP"}:
        indexes = indexes[:-1]
    while indexes and tokens[indexes[0]].pos in {"PUNCT", "ADP"}:
        indexes = indexes[1:]
    role = list(indexes)
    definite = {norm(w) for w in words(language).get("definite", [])}
    while role and (tokens[role[0]].pos == "DET" or norm(tokens[role[0]].text) in definite):
        role = role[1:]
    return indexes, role


def title_before(analysis: Analysis, first: int, kids: dict[int, list[int]], language: str) -> list[int]:
    """Tokens of a title standing right before a name: the phrase its head noun makes when
    the name is in apposition, else the longest run of title words ending at the name that
    opens with a title ("Le ministre allemand des Finances", "Japanese Foreign Minister")."""
    tokens = analysis.tokens
    if first > 0 and tokens[first - 1].pos == "ADP":
        return []  # "la directrice technique de Domicilio": the name is the title's complement
    head = tokens[first].head
    if tokens[first].dep == "appos" and head < first and tokens[head].pos in {"NOUN", "PROPN"}:
        return contiguous_left(subtree(head, kids), first)
    window: list[int] = []
    for i in range(first - 1, max(-1, first - MAX_TITLE_TOKENS), -1):
        if tokens[i].pos not in TITLE_POS:
            break
        window.insert(0, i)
    for j, index in enumerate(window):
        phrase = analysis_text(analysis, window[j:])
        if tokens[index].pos not in {"ADP", "DET"} and opens_with_title(phrase, language):
            return window[max(0, j - 1):] if j and tokens[window[j - 1]].pos == "DET" else window[j:]
    return []


def analysis_text(analysis: Analysis, indexes: list[int]) -> str:
    return " ".join(analysis.tokens[i].text for i in indexes)


def title_after(analysis: Analysis, last: int, kids: dict[int, list[int]]) -> list[int]:
    """Tokens of an appositive title right after a name ("John Kerry, the Secretary of State")."""
    tokens = analysis.tokens
    for child in kids.get(last, []) + kids.get(tokens[last].head, []):
        if (tokens[child].dep == "appos" and child > last + 1 and tokens[child].pos in {"NOUN", "PROPN"}
                and tokens[last + 1].text in {",", "("}):
            return subtree(child, kids)
    return []


def span_text(text: str, tokens: list[Token], indexes: list[int]) -> tuple[int, int, str]:
    start, end = tokens[indexes[0]].start, tokens[indexes[-1]].end
    return start, end, text[start:end]


def title_mention(analysis: Analysis, text: str, indexes: list[int], language: str) -> Mention | None:
    """A title phrase as a mention carrying its role, office and country, or None."""
    whole, role = strip_edges(analysis.tokens, indexes, language)
    if not role:
        return None
    start, end, phrase = span_text(text, analysis.tokens, whole)
    role_text = span_text(text, analysis.tokens, role)[2]
    office = office_of(role_text, language)
    if office is None:
        return None
    return Mention(start, end, phrase, "PERSON", kind="title", role=role_text, office=office,
                   country=country_in(role_text, language))


def person_titles(analysis: Analysis, text: str, person: Mention, language: str,
                  kids: dict[int, list[int]]) -> list[Mention]:
    """Titles in apposition to a person's name, as mentions of that person."""
    inside = analysis.tokens_in(person.start, person.end)
    if not inside:
        return []
    found = []
    for indexes in (title_before(analysis, inside[0], kids, language), title_after(analysis, inside[-1], kids)):
        mention = title_mention(analysis, text, indexes, language) if indexes else None
        if mention is not None:
            mention.key = person.key
            found.append(mention)
    return found


def organisation_name(analysis: Analysis, index: int, kids: dict[int, list[int]], text: str) -> Mention | None:
    """A capitalised common noun with its adjectives ("Centre exécutif conjoint") is a name;
    the noun alone is a title word, not an entity."""
    tokens = analysis.tokens
    adjectives = [k for k in kids.get(index, []) if k > index and tokens[k].pos == "ADJ"]
    if not adjectives or not tokens[index].text[:1].isupper():
        return None
    run: list[int] = [index]
    while run[-1] + 1 in adjectives:
        run.append(run[-1] + 1)
    if len(run) == 1:
        return None
    start, end, name = span_text(text, tokens, run)
    return Mention(start, end, name, "ORG", key=f"org:{norm(name)}", extra={"weak": True})


def name_mention(analysis: Analysis, span: Span, text: str, language: str,
                 kids: dict[int, list[int]]) -> Mention | None:
    """The mention a model's named entity stands for, corrected by rule, or None."""
    inside = analysis.tokens_in(span.start, span.end)
    honorifics = word_list("all", "names", "honorifics")
    while len(inside) > 1 and (analysis.tokens[inside[0]].pos == "DET"
                               or norm(analysis.tokens[inside[0]].text) in honorifics):
        dropped = analysis.tokens[inside[0]].text
        inside = inside[1:]
        first = analysis.tokens[inside[0]]
        lemma = span.lemma.split(" ", 1)[1] if span.lemma.split(" ", 1)[0] == dropped and " " in span.lemma \
            else span.lemma
        span = Span(first.start, span.end, span.label, text[first.start:span.end], lemma)
    post = word_list("all", "names", "post_honorifics")
    while len(inside) > 1 and span.label == "PERSON" and norm(analysis.tokens[inside[-1]].text) in post:
        inside = inside[:-1]
        last = analysis.tokens[inside[-1]]
        lemma = span.lemma.rsplit(" ", 1)[0] if " " in span.lemma else span.lemma
        span = Span(span.start, last.end, span.label, text[span.start:last.end], lemma)
    if not inside or is_date(span, language) or not opens_like_a_name(span):
        return None
    if len(inside) == 1 and analysis.tokens[inside[0]].pos in {"NOUN", "ADJ"}:
        return organisation_name(analysis, inside[0], kids, text)
    if len(inside) == 1 and geo.demonym_country(span.text, language):
        return None
    if span.label in {"GPE", "LOC"} or geo.capital_country(span.lemma or span.text) \
            or geo.country_by_name(span.lemma or span.text):
        return place_mention(span, text, language)
    lemma = span.lemma or span.text
    if span.label == "PERSON":
        return Mention(span.start, span.end, span.text, "PERSON", key=f"person:{norm(lemma)}", lemma=lemma)
    return Mention(span.start, span.end, span.text, span.label, key=f"{span.label.lower()}:{norm(lemma)}",
                   lemma=lemma, country=country_in(span.text, language))


def noun_phrase(analysis: Analysis, index: int, kids: dict[int, list[int]]) -> list[int]:
    """The contiguous phrase a noun heads, stopping at punctuation, verbs and clauses."""
    tokens, members = analysis.tokens, set(subtree(index, kids))
    stop = {"PUNCT", "VERB", "AUX", "SCONJ", "PRON", "CCONJ"}
    left = index
    while left - 1 in members and tokens[left - 1].pos not in stop:
        left -= 1
    right = index
    # A name in apposition ends the description: "le ministre X" is a title of X.
    while right + 1 in members and tokens[right + 1].pos not in stop and tokens[right + 1].dep != "appos":
        right += 1
    return list(range(left, right + 1))


def described_mention(analysis: Analysis, index: int, text: str, language: str,
                      kids: dict[int, list[int]], people: list[Mention]) -> Mention | None:
    """A description: a side acting for its country, an army or government of a country, or
    a title that refers to a person named elsewhere (resolved when entities merge)."""
    tokens, lexicon = analysis.tokens, words(language)
    head = norm(tokens[index].text)
    phrase = noun_phrase(analysis, index, kids)
    named = [i for i in phrase if i > index and any(p.start <= tokens[i].start < p.end for p in people)]
    if named:
        phrase = [i for i in phrase if i < named[0]]
    whole, core = strip_edges(tokens, phrase, language)
    if not core or whole[0] > index:
        return None
    start, end, surface = span_text(text, tokens, whole)
    core_text = span_text(text, tokens, core)[2]
    country = country_in(core_text, language)
    if head in word_set(language, "side_nouns") and country:
        return Mention(start, end, surface, "GPE", kind="nominal", key=f"country:{country}", country=country)
    if head in word_set(language, "actor_nouns") and country:
        return Mention(start, end, surface, "ORG", kind="nominal", key=f"org:{norm(core_text)}",
                       country=country, lemma=core_text)
    has_determiner = whole[0] < index and (tokens[whole[0]].pos == "DET" or not lexicon.get("definite"))
    from_head = text[tokens[index].start:end]
    office = office_of(from_head, language) if has_determiner or not lexicon.get("definite") else None
    if office and titled_at_head(from_head, office, language):
        return Mention(start, end, surface, "PERSON", kind="nominal", role=core_text, office=office,
                       country=country)
    return None


def overlaps(mention: Mention, taken: list[Mention]) -> bool:
    return any(mention.start < other.end and other.start < mention.end for other in taken)


def crosses(mention: Mention, taken: list[Mention]) -> bool:
    """Overlaps a mention it does not wholly contain (a title may contain an organisation)."""
    return any(mention.start < other.end and other.start < mention.end
               and not (mention.start <= other.start and other.end <= mention.end) for other in taken)


def add_containing(mention: Mention, mentions: list[Mention]) -> None:
    """Add a title or description; weak names inside it (a capitalised title word) go."""
    if crosses(mention, mentions):
        return
    mentions[:] = [m for m in mentions if not (m.extra.get("weak") and mention.start <= m.start
                                                 and m.end <= mention.end)]
    mentions.append(mention)


def gazetteer_countries(analysis: Analysis, text: str, taken: list[Mention]) -> list[Mention]:
    """Country names the model missed ("USA", "Syrie" tagged as nothing)."""
    found: list[Mention] = []
    for token in analysis.tokens:
        if token.pos == "PROPN" or token.text.isupper() and len(token.text) > 1:
            country = geo.country_by_name(token.text)
            mention = Mention(token.start, token.end, token.text, "GPE", key=f"country:{country.iso2}",
                              country=country.iso2) if country else None
            if mention and not overlaps(mention, taken + found):
                found.append(mention)
    return found


def gazetteer_cities(analysis: Analysis, text: str, taken: list[Mention], language: str) -> list[Mention]:
    """Big cities the model missed: a lone proper noun that names a city of at least
    GAZETTEER_CITY_POPULATION people (smaller ones are too often surnames)."""
    tokens = analysis.tokens
    found: list[Mention] = []
    for i, token in enumerate(tokens):
        if token.pos != "PROPN" or not token.text[:1].isupper():
            continue
        if any(0 <= j < len(tokens) and tokens[j].pos == "PROPN" for j in (i - 1, i + 1)):
            continue
        cities = geo.city_candidates(token.text)
        if cities and cities[0].population >= GAZETTEER_CITY_POPULATION:
            span = Span(token.start, token.end, "GPE", token.text)
            mention = place_mention(span, text, language)
            if not overlaps(mention, taken + found):
                found.append(mention)
    return found


def collect(analysis: Analysis, text: str, language: str) -> list[Mention]:
    """Every mention of the text, sorted, none overlapping another."""
    kids = children_of(analysis)
    mentions: list[Mention] = []
    for span in analysis.entities:
        mention = name_mention(analysis, span, text, language, kids)
        if mention is not None and not overlaps(mention, mentions):
            mentions.append(mention)
    mentions += gazetteer_countries(analysis, text, mentions)
    mentions += gazetteer_cities(analysis, text, mentions, language)
    for person in [m for m in mentions if m.type == "PERSON"]:
        for title in person_titles(analysis, text, person, language, kids):
            add_containing(title, mentions)
    candidates = title_words(language)
    for i, token in enumerate(analysis.tokens):
        if token.pos != "NOUN" or norm(token.text) not in candidates:
            continue
        covered = any(m.start <= token.start < m.end and not m.extra.get("weak") for m in mentions)
        if not covered:
            people = [m for m in mentions if m.type == "PERSON" and m.kind == "name"]
            described = described_mention(analysis, i, text, language, kids, people)
            if described is not None:
                add_containing(described, mentions)
    return sorted(mentions, key=lambda m: m.start)
