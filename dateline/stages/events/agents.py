"""Agents: which argument phrases of an event can act, or be acted on, in PLOVER's sense.

PLOVER codes who did what to whom: an actor is a person, an organisation, a state or a group of
people. The argument rules (actors.py, recipients.py) find the phrases; this module drops those
that cannot be parties:

- a pronoun no one was found for ("it", "they", "I");
- a quantity ("1.8%", "12");
- a place written as where the event happens, after a locative preposition ("se sont réunis à
  Vienne", "met in Geneva"), as an actor; a place may still be a recipient (the target of a
  strike: "bombed Kharkiv"), and a subject place stands for its government ("Moscou a accusé");
- an abstract noun, by its ending (``abstract_suffixes`` in ``lang/<code>/events.toml``:
  "involvement", "restraint", "le renforcement"), unless it is an agent noun ("government",
  "commission", "administration").

Agent nouns are the language's titles, group, actor and institution nouns (``entities.toml``)
and its agent dictionary (``agents.toml``; for English PETRARCH2's, for French, Russian and
Spanish its translation). The other participants of a consultation (a meeting "with X", merged
into its actors) must be plainly agents: an entity, a proper noun or an agent noun, so the
topic of a talk ("discussed trade") does not become a party.
"""
from __future__ import annotations

from functools import cache

from dateline import geo
from dateline.common.roles import norm, words
from dateline.lexicon import load
from dateline.nlp import Analysis
from dateline.stages.events.phrases import Argument, Arguments, Mentions

# Entity types of places: they act only as the subject that stands for a government
# ("Moscou a accusé", "the Kremlin said"), never when a locative preposition sets them as the
# event's place ("se sont réunis à Vienne"); as recipients they may be targets ("bombed Kharkiv").
PLACE_TYPES = frozenset({"GPE", "LOC"})
# Parts of speech of a phrase's head that can name an agent by a common noun.
NOUN_POS = frozenset({"NOUN", "PROPN"})
# Heads that never name a party: a pronoun no one was found for, a number, a determiner.
NON_AGENT_POS = frozenset({"PRON", "NUM", "DET", "ADV", "SYM", "PUNCT"})


@cache
def agent_nouns(language: str) -> frozenset[str]:
    """Single-word agent nouns (lemmas) and agent phrases of a language, normalised."""
    data = words(language)
    found: set[str] = set()
    for table in ("titles", "group_nouns", "group_plurals", "group_participles"):
        for nouns in data.get(table, {}).values():
            found.update(norm(n) for n in nouns)
    for key in ("actor_nouns", "institution_nouns", "side_nouns"):
        found.update(norm(n) for n in data.get(key, []))
    for nouns in load(language, "agents").get("agents", {}).values():
        found.update(norm(n) for n in nouns)
    return frozenset(found)


def head_index(analysis: Analysis, start: int, end: int) -> int | None:
    """The syntactic head of a phrase: its token whose head lies outside it (or is itself)."""
    inside = analysis.tokens_in(start, end)
    chosen = set(inside)
    heads = [i for i in inside if analysis.tokens[i].head == i or analysis.tokens[i].head not in chosen]
    nouns = [i for i in heads if analysis.tokens[i].pos in NOUN_POS]
    return (nouns or heads)[0] if heads else None


def names_agent(analysis: Analysis, argument: Argument, language: str) -> bool:
    """True when the phrase's head noun (or the phrase ending in it) is an agent noun."""
    head = head_index(analysis, argument.start, argument.end)
    if head is None or analysis.tokens[head].pos not in NOUN_POS:
        return False
    token = analysis.tokens[head]
    known = agent_nouns(language)
    if norm(token.lemma) in known or norm(token.text) in known:
        return True
    # A phrase ending at the head ("security council", "police officer"): its last two or three words.
    tail = [norm(analysis.tokens[i].lemma) for i in analysis.tokens_in(argument.start, token.end)]
    return any(" ".join(tail[-n:]) in known for n in (2, 3) if len(tail) >= n)


def entity_type(mentions: Mentions, argument: Argument) -> tuple[str, str | None] | None:
    """The type and sector of the entity an argument stands for, if any."""
    if argument.entity is None:
        return None
    row = next((r for r in mentions if r.entity == argument.entity), None)
    return (row.type, row.sector) if row is not None else None


def placed(analysis: Analysis, argument: Argument, locatives: frozenset[str]) -> bool:
    """True when the phrase is introduced by a locative preposition ("à Vienne", "in Geneva"):
    where the event happens, not who takes part in it."""
    head = head_index(analysis, argument.start, argument.end)
    if head is None:
        return False
    tokens = analysis.tokens
    if tokens[head].dep == "pobj":  # spaCy's English: the preposition heads its object ("in Geneva")
        return norm(tokens[tokens[head].head].text) in locatives
    before = [i for i in range(max(0, head - 4), head) if tokens[i].head == head and tokens[i].dep == "case"]
    return any(norm(tokens[i].text) in locatives for i in before)


def named_state(argument: Argument) -> bool:
    """A country or a capital the model did not tag ("Bruxelles", "Mexique" read as nouns)."""
    return geo.country_by_name(argument.text) is not None or geo.capital_country(argument.text) is not None


def abstract(token_lemma: str, suffixes: frozenset[str]) -> bool:
    return any(token_lemma.endswith(suffix) for suffix in suffixes)


def is_agent(analysis: Analysis, argument: Argument, mentions: Mentions, language: str,
             lists: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()), strict: bool = False) -> bool:
    """True when the argument can act (module docstring); ``lists`` are the language's locative
    prepositions and abstract endings; ``strict`` wants an entity, a proper noun or an agent noun."""
    locatives, suffixes = lists
    found = entity_type(mentions, argument)
    if found is not None and found[0] != "MISC":
        return not (found[0] in PLACE_TYPES and placed(analysis, argument, locatives))
    head = head_index(analysis, argument.start, argument.end)
    if head is None:
        return False
    token = analysis.tokens[head]
    if token.pos in NON_AGENT_POS or not any(c.isalpha() for c in token.text):
        return False
    if named_state(argument) or token.pos == "PROPN":
        return not placed(analysis, argument, locatives)
    if names_agent(analysis, argument, language):
        return True
    return not strict and not abstract(norm(token.lemma), suffixes)


def is_target(analysis: Analysis, argument: Argument, mentions: Mentions, language: str,
              lists: tuple[frozenset[str], frozenset[str]]) -> bool:
    """True when the argument can undergo an event: an agent, or a place (a strike's target).
    Asking plain parties of the recipients of verbal events (a thing only for material conflict)
    was tried and reverted: it cut the held-out recipient scores of every language."""
    found = entity_type(mentions, argument)
    if found is not None and found[0] in PLACE_TYPES:
        return True
    return is_agent(analysis, argument, mentions, language, (frozenset(), lists[1]))


def named_inside(analysis: Analysis, argument: Argument, mentions: Mentions, text: str,
                 language: str) -> Argument | None:
    """The party a phrase that is no party itself is about: the first entity named inside it
    ("further action against Russia", "relations with Russia"), else the words up to an agent
    noun that modifies its head ("Israeli military policies" -> "Israeli military")."""
    row = next((r for r in mentions.between(argument.start, argument.end)
                if r.end <= argument.end and r.type != "MISC" and r.kind == "name"), None)
    if row is not None:
        return Argument(text[row.start:row.end], row.start, row.end, row.entity, row.country)
    known = agent_nouns(language)
    inside = analysis.tokens_in(argument.start, argument.end)[:-1]
    modifier = next((i for i in reversed(inside) if analysis.tokens[i].pos in NOUN_POS | {"ADJ"}
                     and norm(analysis.tokens[i].lemma) in known), None)
    if modifier is None:
        return None
    end = analysis.tokens[modifier].end
    return Argument(text[argument.start:end], argument.start, end, None, argument.country)


def keep_agents(analysis: Analysis, args: Arguments, mentions: Mentions, language: str,
                lists: tuple[frozenset[str], frozenset[str]], text: str) -> None:
    """Keep the actors that are agents and the recipients that are agents or places; a phrase
    that is neither gives way to the entity it names, if any."""
    actors = [a if is_agent(analysis, a, mentions, language, lists)
              else None if placed(analysis, a, lists[0]) else named_inside(analysis, a, mentions, text, language)
              for a in args.actors]
    recipients = [r if is_target(analysis, r, mentions, language, lists)
                  else named_inside(analysis, r, mentions, text, language) for r in args.recipients]
    args.actors = [a for a in actors if a is not None]
    args.recipients = [r for r in recipients if r is not None]
