"""Events: who did what to whom, coded in PLOVER and CAMEO, with status, place, date and the
sentence that proves it.

Dependency rules over verb and noun lexicons, the PETRARCH way, per sentence:
triggers (triggers.py; English ones checked against PETRARCH2's patterns, petrarch.py) ->
status (status.py) -> actors and recipients (actors.py), kept to parties that can act
(agents.py) and split into the sides a plural phrase names (parties.py) -> the PLOVER
conversions -> mode, CAMEO code and score (dateline/plover.py); then the sentences that do not
read as reporting an event lose their events (eventness.py) -> links to the rest of the record:
the place, the date, and who reports it (the speaker of the quote or attributed clause it is
told in). The PLOVER manual's conversions: a threat to do
X is THREATEN, not X; a future CONSULT, SUPPORT, COOPERATE or AID is an AGREE, a future
RETREAT a CONCEDE, both asserted (the promise is the event). And PLOVER's older readings kept
by its gold standard: a refused future of cooperation ("will not accept") is a REJECT, a
conflict act announced on a condition a THREATEN, "X said Y must …" a REQUEST from X to Y.

An event in a repeated paragraph points to the one it repeats (``duplicate_of``), so counts do
not multiply with copies; ``event_key`` gives the signature that cross-article merging (the
corpus layer) groups events by.
"""
from __future__ import annotations

from typing import Any

from dateline import plover
from dateline.common.mentions import children_of
from dateline.errors import Code, DatelineError
from dateline.record import Document
from dateline.settings import Settings
from dateline.stages.events import eventness, petrarch
from dateline.stages.events.actors import SYMMETRIC_TYPES, arguments, hosts
from dateline.stages.events.agents import is_agent, keep_agents
from dateline.stages.events.lexicon import is_one_of, lexicon, mode_of, named_code
from dateline.stages.events.links import link
from dateline.stages.events.parties import split_parties
from dateline.stages.events.phrases import Arguments, Mentions, mention_index
from dateline.stages.events.referents import bilateral_recipient, condition_recipient, resolve
from dateline.stages.events.status import STATUS_ORDER, Context, conditioned, local_subtree, refused, statuses
from dateline.stages.events.triggers import Trigger, sentence_triggers, threat_mode

# Future cooperation is a promise to cooperate: the PLOVER manual codes it AGREE, and an
# announced retreat CONCEDE, with the promise asserted.
FUTURE_TYPES = {"CONSULT": "AGREE", "SUPPORT": "AGREE", "COOPERATE": "AGREE", "AID": "AGREE",
                "RETREAT": "CONCEDE"}
# The mode of a consultation whose host is its recipient; in any other, all sides are actors.
VISIT = "visit"
# Cooperative acts that, refused for the future, are rejections (PLOVER REJECT).
REFUSABLE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
# Conflict acts that, announced on a condition, are threats.
THREAT_CONTENT = {"ASSAULT", "SANCTION", "COERCE", "PROTEST", "MOBILIZE", "REJECT"}
# How many words from its trigger a mode word may stand ("a frappé mardi avec des drones").
MODE_WINDOW = 12
# Types the labelling guide gives no mode (their CAMEO subcategories are not PLOVER modes).
MODELESS = {"AGREE", "SUPPORT", "CONCEDE", "COOPERATE", "AID"}


def converted(kind: str, found: set[str], condition: bool) -> tuple[str, str]:
    """The PLOVER conversions: future cooperation is a promise, a refused one a rejection, a
    conflict act announced on a condition ("will boycott unless …") a threat; all asserted."""
    state = next(s for s in STATUS_ORDER if s in found)
    if refused(found) and kind in REFUSABLE:
        return "REJECT", "asserted"
    if state == "planned" and kind in FUTURE_TYPES:
        return FUTURE_TYPES[kind], "asserted"
    if state in {"planned", "alleged"} and condition and kind in THREAT_CONTENT:
        return "THREATEN", "asserted"
    return kind, state


def borrow_recipients(args: Arguments, ctx: Context, text: str, trigger: Trigger, mentions: Mentions) -> None:
    """An event with no recipient of its own takes the one of its content ("threatened to
    strike Seoul", "a promis de livrer à Kiev")."""
    for inner in trigger.content or []:
        if args.recipients:
            return
        found = arguments(ctx, text, inner.head, inner.type, mentions)
        actor_ids = {a.entity for a in args.actors if a.entity}
        args.recipients = [r for r in found.recipients if r.entity is None or r.entity not in actor_ids]


def mode_for(ctx: Context, trigger: Trigger, kind: str) -> str | None:
    if kind in MODELESS:
        return None
    tokens = ctx.analysis.tokens
    scope = sorted(set(local_subtree(ctx, trigger.head, MODE_WINDOW)) | set(trigger.span()))
    if kind == "THREATEN":
        return threat_mode(ctx, trigger, scope, ctx.lex)
    # A trigger of many means ("a frappé avec des drones", "a tiré des gaz lacrymogènes",
    # ``generic_mode_words``) takes its mode from the words around it first.
    if is_one_of(tokens[trigger.head], ctx.lex.words("args", "generic_mode_words")):
        around = [i for i in scope if i not in trigger.span()]
        return mode_of(kind, tokens, around, trigger.head, ctx.lex) or mode_of(kind, tokens, scope, trigger.head,
                                                                              ctx.lex)
    return mode_of(kind, tokens, scope, trigger.head, ctx.lex)


def plural_description(ctx: Context, args: Arguments) -> bool:
    """True when the only actor is a plural common noun that names no entity."""
    if len(args.actors) != 1 or args.actors[0].entity is not None:
        return False
    inside = ctx.analysis.tokens_in(args.actors[0].start, args.actors[0].end)
    return any(ctx.analysis.tokens[i].pos == "NOUN" and "Number=Plur" in ctx.analysis.tokens[i].morph
               for i in inside[:2])


def code(ctx: Context, text: str, trigger: Trigger, mentions: Mentions) -> dict[str, Any] | None:
    """One event from its trigger: type, mode, status, arguments and evidence."""
    tokens = ctx.analysis.tokens
    kind, state = converted(trigger.type, statuses(ctx, trigger.head), conditioned(ctx, trigger.head))
    if kind == "THREATEN" and trigger.type != "THREATEN":
        trigger = Trigger(trigger.first, trigger.last, trigger.head, "THREATEN", trigger.nominal, [trigger])
    args = arguments(ctx, text, trigger.head, kind, mentions, trigger.span())
    if trigger.reporter is not None:  # "X said Y must …": X asks Y
        args = Arguments(arguments(ctx, text, trigger.reporter, kind, mentions).actors, args.actors)
    resolve(ctx, args, mentions)
    borrow_recipients(args, ctx, text, trigger, mentions)
    bilateral_recipient(ctx, trigger.head, args, mentions)
    if kind == "THREATEN":
        condition_recipient(ctx, [trigger.head, *(t.head for t in trigger.content or [])], args, mentions)
    mode = trigger.mode if trigger.mode and kind == trigger.type else mode_for(ctx, trigger, kind)
    lists = (ctx.lex.words("args", "locative_prepositions"), ctx.lex.words("args", "abstract_suffixes"))
    if kind in SYMMETRIC_TYPES:  # "the prime ministers of Spain and Portugal met": two parties
        args.actors = split_parties(ctx.analysis, ctx.kids, args.actors, mentions, text, ctx.language)
    if kind in SYMMETRIC_TYPES and mode != VISIT:  # every participant of talks is an actor
        partners = [r for r in args.recipients if not ctx.require_agent
                    or is_agent(ctx.analysis, r, mentions, ctx.language, lists, strict=True)]
        args.actors, args.recipients = args.actors + partners, []
    if ctx.require_agent:
        keep_agents(ctx.analysis, args, mentions, ctx.language, lists, text)
    if not trigger.nominal and kind in SYMMETRIC_TYPES and hosts(ctx, trigger.head) and not args.actors:
        return None  # "a reçu une lettre": a host receives a party, or no visit happened
    start, end = tokens[trigger.first].start, tokens[trigger.last].end
    return {
        "type": kind, "mode": mode, "score": plover.score(kind, mode),
        "cameo": plover.code_for(kind, mode, named_code(tokens, trigger.first, trigger.last, ctx.lex)),
        "actor": list(dict.fromkeys(a.entity for a in args.actors if a.entity)),
        "actor_text": [a.text for a in args.actors],
        "actor_country": list(dict.fromkeys(a.country for a in args.actors if a.country)),
        "recipient": list(dict.fromkeys(r.entity for r in args.recipients if r.entity)),
        "recipient_text": [r.text for r in args.recipients],
        "recipient_country": list(dict.fromkeys(r.country for r in args.recipients if r.country)),
        "status": state, "trigger": text[start:end], "start": start, "end": end,
        "sentence_start": tokens[ctx.sentence[0]].start, "sentence_end": tokens[ctx.sentence[-1]].end,
        "_plural": plural_description(ctx, args),
    }


def sentence_indexes(doc: Document) -> list[list[int]]:
    analysis = doc._analysis
    found = []
    for start, end in analysis.sentences:
        indexes = analysis.tokens_in(start, end)
        if indexes:
            found.append(indexes)
    return found


def plural_participants(events: list[dict[str, Any]], doc: Document) -> None:
    """A consultation whose actor is a plural description naming no one ("les chefs de
    diplomatie se sont entretenus", "the two ministers met") is between the people of the
    event told just before it, when there are at least two of them."""
    people = {e["id"] for e in doc.entities if e["type"] == "PERSON"}
    for i, event in enumerate(events):
        if event["type"] not in SYMMETRIC_TYPES or event["actor"] or not event["_plural"]:
            continue
        for before in reversed(events[:i]):
            sides = [x for x in before["actor"] + before["recipient"] if x in people]
            if len(set(sides)) >= 2:
                event["actor"] = list(dict.fromkeys(sides))
                break


def same_actors(one: dict[str, Any], other: dict[str, Any]) -> bool:
    """Two events of one sentence have the same actors: the same entities, or, where none is an
    entity ("Islamic fundamentalists"), the same words."""
    if one["actor"] or other["actor"]:
        return bool(one["actor"]) and one["actor"] == other["actor"]
    return bool(one["actor_text"]) and one["actor_text"] == other["actor_text"]


def sibling_recipients(events: list[dict[str, Any]]) -> None:
    """An event with no recipient takes the one of an event of the same actors told in the
    same sentence ("a annoncé la fin du cessez-le-feu, accusant les rebelles de violations",
    "began a hunger strike to demand the resignation of the minister")."""
    for event in events:
        if event["recipient"] or event["recipient_text"] or not (event["actor"] or event["actor_text"]):
            continue
        twin = next((e for e in events if e is not event and e["sentence_start"] == event["sentence_start"]
                     and same_actors(e, event) and e["recipient"]), None)
        if twin is not None:
            event["recipient"], event["recipient_text"] = list(twin["recipient"]), list(twin["recipient_text"])
            event["recipient_country"] = list(twin["recipient_country"])


def petrarch_checked(ctx: Context, kids: dict[int, list[int]], trigger: Trigger,
                     settings: Settings) -> Trigger | None:
    """An English verbal trigger as PETRARCH2's patterns judge it: dropped when the pattern
    that matches the words around it codes nothing ("STOCKS * decline"; petrarch.py)."""
    if not settings.events.petrarch_patterns or trigger.nominal:
        return trigger
    return None if petrarch.verdict(ctx.analysis, kids, trigger.head) == petrarch.NO_EVENT else trigger


def eventful_only(events: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """The events of the sentences that read as reporting an event (eventness.py)."""
    sentences = sorted({(e["sentence_start"], e["sentence_end"]) for e in events})
    keep = dict(zip(sentences, eventness.eventful([text[a:b] for a, b in sentences])))
    return [e for e in events if keep[(e["sentence_start"], e["sentence_end"])]]


def find_events(doc: Document, settings: Settings) -> list[dict[str, Any]]:
    """The events of the document, sentence by sentence, before their links."""
    lex = lexicon(doc.language or "")
    if lex is None or doc._analysis is None or doc._analysis.degraded:
        return []
    kids = children_of(doc._analysis)
    mentions = mention_index(doc.entities)
    events: list[dict[str, Any]] = []
    for indexes in sentence_indexes(doc):
        ctx = Context(doc._analysis, kids, indexes, lex, doc.text, doc.language or "",
                      settings.events.require_agent)
        for trigger in sentence_triggers(ctx, settings.events.background):
            checked = petrarch_checked(ctx, kids, trigger, settings) if doc.language == "en" else trigger
            event = code(ctx, doc.text, checked, mentions) if checked is not None else None
            if event is not None:
                events.append(event)
    if settings.events.eventness and events:
        events = eventful_only(events, doc.text)
    plural_participants(events, doc)
    sibling_recipients(events)
    return events


def attach(doc: Document, events: list[dict[str, Any]], settings: Settings) -> Document:
    """The events into the record: working fields dropped, negated ones kept unless the settings say."""
    lex = lexicon(doc.language or "")
    locatives = lex.words("args", "locative_prepositions") if lex else frozenset()
    kept = [e for e in events if settings.events.keep_negated or e["status"] != "negated"]
    for event in kept:
        event.pop("_plural", None)
    doc.events = link(kept, doc, locatives)
    return doc


def run(doc: Document, settings: Settings) -> Document:
    if doc._analysis is None:
        raise DatelineError(Code.BAD_ARGUMENT, "the events stage needs the analysis stage first")
    return attach(doc, find_events(doc, settings), settings)
