"""Parties: the several sides one plural phrase names.

"The prime ministers of Spain and Portugal met", "les présidents ghanéen et ivoirien se sont
entretenus": one noun phrase, two parties. PLOVER codes a meeting between them, so the phrase
gives one actor per side: the country named in each coordinated complement ("of Spain and
Portugal", "de la France et de l'Allemagne"), or by each coordinated nationality adjective
("ghanéen et ivoirien", "French and German"). Each side keeps the entity the text names for it,
when there is one, and its country.
"""
from __future__ import annotations

from dateline import geo
from dateline.nlp import Analysis
from dateline.stages.events.agents import head_index
from dateline.stages.events.phrases import Argument, Mentions, entity_at

# Dependencies by which a complement or an adjective hangs on the plural noun.
COMPLEMENT_DEPS = frozenset({"prep", "nmod", "amod", "pobj", "obl", "nmod:poss"})
# Dependencies from a preposition to its object (spaCy's English) or from a noun to its case marker.
OBJECT_DEPS = frozenset({"pobj"})


def conjuncts(analysis: Analysis, kids: dict[int, list[int]], first: int) -> list[int]:
    """A word and the words coordinated with it ("Spain and Portugal")."""
    found, stack = [first], [first]
    while stack:
        for child in kids.get(stack.pop(), []):
            if analysis.tokens[child].dep == "conj":
                found.append(child)
                stack.append(child)
    return sorted(found)


def sides_of(analysis: Analysis, kids: dict[int, list[int]], head: int) -> list[int]:
    """The coordinated complements or adjectives of a plural noun, when there are two or more."""
    for child in kids.get(head, []):
        dep = analysis.tokens[child].dep
        if dep not in COMPLEMENT_DEPS:
            continue
        target = child
        if dep == "prep":  # "of Spain and Portugal": the preposition's object
            target = next((k for k in kids.get(child, []) if analysis.tokens[k].dep in OBJECT_DEPS), child)
        group = conjuncts(analysis, kids, target)
        if len(group) >= 2:
            return group
    return []


def side(analysis: Analysis, index: int, mentions: Mentions, text: str, language: str) -> Argument | None:
    """One side: the entity named at the word, else the country a nationality adjective names."""
    token = analysis.tokens[index]
    row = entity_at(mentions, token.start, token.end, (token.start, token.end))
    if row is not None:
        return Argument(text[row.start:row.end], row.start, row.end, row.entity, row.country)
    named = geo.country_by_name(token.text)
    country = geo.demonym_country(token.text, language) or (named.iso2 if named else None)
    if country is None:
        return None
    return Argument(token.text, token.start, token.end, None, country)


def split_parties(analysis: Analysis, kids: dict[int, list[int]], actors: list[Argument],
                  mentions: Mentions, text: str, language: str) -> list[Argument]:
    """The actors, a plural phrase naming several sides replaced by one actor per side."""
    result: list[Argument] = []
    for actor in actors:
        head = head_index(analysis, actor.start, actor.end)
        plural = head is not None and "Number=Plur" in analysis.tokens[head].morph
        words = sides_of(analysis, kids, head) if head is not None and plural else []
        sides = [side(analysis, i, mentions, text, language) for i in words]
        found = [s for s in sides if s is not None]
        result.extend(found if len(found) >= 2 else [actor])
    return result
