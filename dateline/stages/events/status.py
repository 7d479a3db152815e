"""Event status: asserted, planned, alleged, negated or hypothetical, read off the parse.

PLOVER's auxiliary modes (future, hypothetical, negation), which its manual says no coder
implements yet, plus the reporter's distance (alleged). The words are data (``[status]`` in
``lang/<code>/events.toml``); where they count is here:

- words attached to the event's verb or to the verbs it is the complement of ("s'apprête à
  suspendre", "did not attack", "якобы обстреляли", "could strike");
- the verb's own mood and tense: a future is planned; the French conditional is alleged
  ("auraient attaqué"), except in a clause reported by a past verb, where it is the future of
  the past and planned ("a annoncé qu'il retirerait");
- phrases with a scope: a condition ("si", "jusqu'à ce que", "если", "in the event of") covers
  the rest of its clause and the clause it introduces; an unverified source ("selon des
  sources", "по данным СМИ") covers its sentence.

When several apply, the first of STATUS_ORDER wins (tests/gold/events/LABELLING.md).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from dateline.nlp import Analysis
from dateline.stages.events.lexicon import EventLexicon, Phrase, find_phrase, phrase_at

STATUS_ORDER = ("hypothetical", "negated", "alleged", "planned", "asserted")
# How many verbs up a chain of infinitives ("prévoit de commencer à retirer") still govern the status.
MAX_CHAIN = 4
# Dependencies (before any ":" subtype) of the words that modify a verb's status.
ATTACHED_DEPS = {"aux", "auxpass", "neg", "advmod", "mark", "det", "expl", "cop", "discourse", "compound"}
# Punctuation that closes the scope of a condition.
CLAUSE_END = {",", ";", ":", "—", "–"}


@dataclass(frozen=True)
class Context:
    analysis: Analysis
    kids: dict[int, list[int]]
    sentence: list[int]  # token indexes of the sentence
    lex: EventLexicon
    text: str = ""
    language: str = ""
    # Drop the arguments that are not agents (settings.events.require_agent).
    require_agent: bool = False
    # Where each scoped phrase list occurs in the sentence, found once per sentence.
    found: dict[str, list[tuple[int, Phrase]]] = field(default_factory=dict, compare=False)


def occurrences(ctx: Context, key: str) -> list[tuple[int, Phrase]]:
    """(position in the sentence, phrase) of every phrase of a status list in the sentence."""
    if key not in ctx.found:
        items = ctx.lex.status.get(key, ())
        tokens, sentence = ctx.analysis.tokens, ctx.sentence
        ctx.found[key] = [(at, words) for at in range(len(sentence))
                          if (words := phrase_at(tokens, sentence, at, items)) is not None]
    return ctx.found[key]


def feature(morph: str, name: str) -> str:
    """One morphological feature's value ("Mood" in "Mood=Cnd|Tense=Pres" is "Cnd"), "" when absent."""
    for part in morph.split("|"):
        key, _, value = part.partition("=")
        if key == name:
            return value
    return ""


def governing_verb(ctx: Context, trigger: int) -> int:
    """The verb a noun trigger depends on ("n'a procédé à aucune interpellation"), else itself."""
    token = ctx.analysis.tokens[trigger]
    if token.pos in {"NOUN", "PROPN"} and token.head != trigger \
            and ctx.analysis.tokens[token.head].pos in {"VERB", "AUX"}:
        return token.head
    return trigger


def verb_chain(ctx: Context, verb: int) -> list[int]:
    """The verb and the verbs it is the infinitive or clausal complement of, upwards."""
    chain, tokens = [verb], ctx.analysis.tokens
    while tokens[chain[-1]].dep == "xcomp" and tokens[chain[-1]].head != chain[-1] and len(chain) < MAX_CHAIN:
        chain.append(tokens[chain[-1]].head)
    return chain


def attached(ctx: Context, chain: list[int], trigger: int) -> list[int]:
    """The status-bearing words of the chain's verbs and of the trigger itself."""
    found = [k for v in dict.fromkeys([trigger, *chain]) for k in ctx.kids.get(v, [])
             if ctx.analysis.tokens[k].dep.split(":")[0] in ATTACHED_DEPS]
    return sorted(found)


def has_word(ctx: Context, indexes: list[int], key: str) -> bool:
    items: tuple[Phrase, ...] = ctx.lex.status.get(key, ())
    return find_phrase(ctx.analysis.tokens, indexes, items) is not None


def ancestors(ctx: Context, index: int) -> list[int]:
    found, tokens = [index], ctx.analysis.tokens
    while tokens[found[-1]].head != found[-1] and len(found) < 30:
        found.append(tokens[found[-1]].head)
    return found


def condition_scope(ctx: Context, key: str, trigger: int) -> bool:
    """True when a phrase of the list opens a clause that holds the trigger: the words after
    it up to the clause's end, and the clause of the verb it marks."""
    tokens, sentence = ctx.analysis.tokens, ctx.sentence
    lineage = set(ancestors(ctx, trigger))
    for at, words in occurrences(ctx, key):
        first, last = sentence[at], sentence[at + len(words) - 1]
        end = next((i for i in sentence if i > last and tokens[i].text in CLAUSE_END), sentence[-1] + 1)
        if last < trigger < end:
            return True
        if tokens[first].dep == "mark" and tokens[first].head in lineage:
            return True
    return False


def reported_past(ctx: Context, verb: int) -> bool:
    """True when the verb's clause is the complement of a verb in the past ("a annoncé que …")."""
    tokens = ctx.analysis.tokens
    for v in ancestors(ctx, verb)[1:]:
        if tokens[v].pos in {"VERB", "AUX"}:
            aux_past = any(tokens[k].dep.startswith("aux") for k in ctx.kids.get(v, []))
            return feature(tokens[v].morph, "Tense") == "Past" or aux_past
    return False


def conditional(ctx: Context, verb: int, words: list[int]) -> bool:
    tokens = ctx.analysis.tokens
    return any(feature(tokens[i].morph, "Mood") == "Cnd" for i in [verb, *words]
               if i == verb or tokens[i].dep.startswith("aux"))


def future(ctx: Context, chain: list[int], words: list[int]) -> bool:
    tokens = ctx.analysis.tokens
    return any(feature(tokens[i].morph, "Tense") == "Fut" for i in [*chain, *words]
               if i in chain or tokens[i].dep.startswith("aux"))


def past(ctx: Context, verb: int, words: list[int]) -> bool:
    tokens = ctx.analysis.tokens
    return feature(tokens[verb].morph, "Tense") == "Past" and not any(
        feature(tokens[i].morph, "Tense") in {"Pres", "Fut"} for i in words if tokens[i].dep.startswith("aux"))


def statuses(ctx: Context, trigger: int) -> set[str]:
    """Every status the sentence shows for the event."""
    verb = governing_verb(ctx, trigger)
    chain = verb_chain(ctx, verb)
    words = attached(ctx, chain, trigger)
    governors = chain[1:]
    found = {"asserted"}
    if has_word(ctx, words + governors, "hypothetical") or condition_scope(ctx, "hypothetical", trigger) \
            or has_word(ctx, [i for i in words + governors if not past(ctx, i, [])], "modal"):
        found.add("hypothetical")
    if has_word(ctx, words, "negation") or has_word(ctx, governors, "negation"):
        found.add("negated")
    cnd = conditional(ctx, verb, words)
    if has_word(ctx, words + governors, "alleged") or bool(occurrences(ctx, "alleged_phrases")) \
            or (cnd and not reported_past(ctx, verb)):
        found.add("alleged")
    if cnd or future(ctx, chain, words) or has_word(ctx, governors, "planned") \
            or has_word(ctx, words, "planned") and not past(ctx, verb, words):
        found.add("planned")
    return found


def status(ctx: Context, trigger: int) -> str:
    """The event's status, the first of STATUS_ORDER that the sentence shows."""
    found = statuses(ctx, trigger)
    return next(s for s in STATUS_ORDER if s in found)


def refused(found: set[str]) -> bool:
    """A negated future ("will not accept", "не будет выводить") is a refusal, not a negation."""
    return {"negated", "planned"} <= found and "hypothetical" not in found


def conditioned(ctx: Context, trigger: int) -> bool:
    """True when the event's own verb governs a condition ("would boycott unless …",
    "frappera si …", "нанесёт удар, если …")."""
    verb = governing_verb(ctx, trigger)
    tokens = ctx.analysis.tokens
    for clause in ctx.kids.get(verb, []):
        if tokens[clause].dep.split(":")[0] not in {"advcl", "ccomp"}:
            continue
        marks = [k for k in ctx.kids.get(clause, []) if tokens[k].dep == "mark"]
        if marks and has_word(ctx, marks, "hypothetical"):
            return True
    return False


def local_subtree(ctx: Context, head: int, window: int) -> list[int]:
    """The words of the sentence within ``window`` of a word that depend on it, in order: its
    subtree near it, found without walking a whole long sentence."""
    tokens, sentence = ctx.analysis.tokens, ctx.sentence
    found = []
    for i in range(max(sentence[0], head - window), min(sentence[-1], head + window) + 1):
        j = i
        for _ in range(window):
            if j == head:
                found.append(i)
                break
            if tokens[j].head == j:
                break
            j = tokens[j].head
    return found
