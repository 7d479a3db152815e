"""Event recipients: whom an event is directed at, from the complements of its trigger.

The direct object, else an oblique after one of the language's recipient prepositions
(``[arguments]`` in ``lang/<code>/events.toml``), the order depending on the type: where the
object is what is given, shared or asked for ("a acheminé des vivres aux déplacés") the
preposition comes first. A place after a locative preposition is where the event happens, not
its target; a thing is the recipient only of a physical act; the owner of a thing rejected or
condemned is ("la proposition de Moscou"); the actor's own forces are not ("a retiré ses
troupes"); a Russian dative, or "в" with the accusative of where something is sent, is.
"""
from __future__ import annotations

from dateline import geo
from dateline.common.roles import time_words
from dateline.stages.events.lexicon import form, is_one_of
from dateline.stages.events.phrases import (
    MentionRow,
    Mentions,
    coordinated,
    entity_at,
    feature_of,
    first_of,
    obliques,
    phrase_of,
)
from dateline.stages.events.status import Context

# Types whose recipient may be a thing, not an actor: the target of an attack or a seizure.
THING_TARGETS = {"ASSAULT", "COERCE"}
# Types whose direct object is mostly the thing given, shared, agreed or asked for, not the
# one it is for: their recipient is first looked for after a recipient preposition.
OBLIQUE_FIRST = {"AID", "COOPERATE", "AGREE", "REQUEST", "REJECT"}
# Types whose object may be the actor's own forces, and the sectors of armed forces.
OWN_FORCES_TYPES = {"MOBILIZE", "RETREAT", "CONCEDE", "AGREE", "THREATEN"}
ARMED_SECTORS = {"MIL", "PRM", "REB", "COP", "UAF"}
# Types whose object is never the recipient: a protest blocks roads, its target is whom it
# is against ("manifestent contre le gouvernement").
OBLIQUE_ONLY = {"PROTEST"}
# Types whose recipient is where it is sent ("доставило в Газу", "экстрадировала в Россию").
DIRECTED_TYPES = {"AID", "COOPERATE", "MOBILIZE", "CONSULT", "AGREE"}
# Parts of speech that end the stretch after a verb where its misattached object is looked for.
RIGHT_STOP = {"VERB", "SCONJ", "CCONJ", "PRON"}
# Types whose recipient may follow a target preposition ("sanctions on", "удар по").
TARGETED_TYPES = {"ASSAULT", "SANCTION", "COERCE", "THREATEN", "PROTEST"}
OBJECT_DEPS = {"obj", "dobj", "iobj", "obl:arg", "dative"}


def word_entity(ctx: Context, index: int, mentions: Mentions) -> MentionRow | None:
    """The entity mention a word is part of."""
    token = ctx.analysis.tokens[index]
    return entity_at(mentions, token.start, token.end, (token.start, token.end))


def owned_by(ctx: Context, head: int) -> list[int]:
    """The complements that say whose a word is: after an owner preposition ("of", "de") or a
    bare genitive ("позиции ВСУ")."""
    owners = ctx.lex.words("args", "owner_prepositions") | {""}
    return [h for p, h in obliques(ctx, head) if p in owners]


def is_place(ctx: Context, head: int, mentions: Mentions) -> bool:
    found = word_entity(ctx, head, mentions)
    return found is not None and found.type in {"GPE", "LOC"}


def recipient_oblique(ctx: Context, index: int, mentions: Mentions, kind: str = "") -> int | None:
    """The first oblique after a recipient preposition that is not a place where it happens
    (a target preposition, "frappes sur Gaza", only for the types that have targets)."""
    wanted = ctx.lex.words("args", "recipient_prepositions")
    if kind in TARGETED_TYPES:
        wanted = wanted | ctx.lex.words("args", "target_prepositions")
    locative = ctx.lex.words("args", "locative_prepositions")
    cases = ctx.lex.words("args", "recipient_cases")
    towards = ctx.lex.words("args", "direction_prepositions") if kind in DIRECTED_TYPES else frozenset()
    for prep, head in obliques(ctx, index):
        if is_time(ctx, head):
            continue  # "bombing on Sunday", "strike on the first day": when, not whom
        if kind not in THING_TARGETS and not actor_like(ctx, head, mentions):
            continue  # "agreed to a six-month extension": a thing is no recipient
        case = feature_of(ctx, head, "Case")
        if prep in towards and case == "Acc":  # "доставило в Газу": where it goes is whom it is for
            return head
        if not prep and case in cases or prep in wanted and not (prep in locative and is_place(ctx, head, mentions)):
            return head
    return None


def is_time(ctx: Context, index: int) -> bool:
    return form(ctx.analysis.tokens[index])[0] in time_words(ctx.lex.language)


def authors(ctx: Context, thing: int) -> list[int]:
    """Who made a thing, by the clause that describes it: the agent of a participle ("le projet
    présenté par Paris", "заявление, подготовленное Вашингтоном") or the subject of a relative
    clause ("выборы, которых требует оппозиция")."""
    tokens, agents = ctx.analysis.tokens, ctx.lex.words("args", "agent_prepositions")
    found: list[int] = []
    for clause in ctx.kids.get(thing, []):
        if tokens[clause].dep not in {"acl", "acl:relcl", "relcl"}:
            continue
        for k in ctx.kids.get(clause, []):
            subject = tokens[k].dep in {"nsubj"} and tokens[k].pos != "PRON"
            instrumental = tokens[k].dep.startswith("obl") and "Case=Ins" in tokens[k].morph \
                and not any(tokens[c].dep == "case" for c in ctx.kids.get(k, []))
            if subject or instrumental:
                found.append(k)
        found += [h for p, h in obliques(ctx, clause) if p in agents]
    return found


def owner(ctx: Context, thing: int, mentions: Mentions) -> int | None:
    """The entity a thing belongs to or comes from ("a rejeté la proposition de Moscou",
    "отверг предложение Москвы", "condemned Iran's execution"): whom the event is directed at."""
    tokens = ctx.analysis.tokens
    complements = owned_by(ctx, thing)
    heads = [k for k in ctx.kids.get(thing, []) if tokens[k].dep.split(":")[0] == "poss"]
    heads += complements
    # the clause may describe the thing's complement ("le projet de résolution présenté par Paris")
    heads += [a for t in [thing, *complements] for a in authors(ctx, t)]
    for k in sorted(set(heads)):
        if word_entity(ctx, k, mentions):
            return k
    # "rejected an Australian ultimatum": a nationality adjective names the country it comes from
    return next((k for k in ctx.kids.get(thing, []) if tokens[k].pos == "ADJ" and tokens[k].dep == "amod"
                 and geo.demonym_country(tokens[k].text, ctx.lex.language)), None)


def between(ctx: Context, index: int) -> list[int]:
    """The sides of an event "between" several parties ("affrontements entre X et Y")."""
    words = ctx.lex.words("args", "between_prepositions")
    return next((coordinated(ctx, h) for p, h in obliques(ctx, index) if p in words), [])


def actor_like(ctx: Context, index: int, mentions: Mentions) -> bool:
    """True when a word can be an actor: an entity's mention, a pronoun, an animate noun (where
    the model marks animacy), or a common noun that is no event and no thing of the lexicon."""
    token = ctx.analysis.tokens[index]
    if token.pos == "PRON" or word_entity(ctx, index, mentions) is not None:
        return True
    if is_time(ctx, index):
        return False
    if "Animacy=" in token.morph:
        return "Animacy=Anim" in token.morph
    lemma = form(token)[0]
    if lemma in ctx.lex.words("args", "things"):
        return False
    return token.pos in {"NOUN", "PROPN"} and lemma not in ctx.lex.nouns


def object_recipient(ctx: Context, verb: int, kind: str, mentions: Mentions) -> list[int]:
    """The recipient among a verb's complements. Where the direct object is what is given,
    shared or asked for (OBLIQUE_FIRST: "a acheminé des vivres aux déplacés"), a recipient
    preposition's complement comes first; elsewhere the object does ("a gracié les journalistes").
    A thing is the recipient only of a physical act (THING_TARGETS); otherwise its own
    recipient complement is ("impose sanctions on Iran")."""
    obj = first_of(ctx, verb, OBJECT_DEPS) if kind not in OBLIQUE_ONLY else None
    oblique = recipient_oblique(ctx, verb, mentions, kind)
    if oblique is not None and (obj is None or kind in OBLIQUE_FIRST or not actor_like(ctx, obj, mentions)):
        return coordinated(ctx, oblique)
    if obj is None:
        return []
    obj = counted(ctx, obj, kind, mentions)
    token = ctx.analysis.tokens[obj]
    if actor_like(ctx, obj, mentions) and not (kind in OBLIQUE_FIRST and token.pos == "NOUN"
                                               and entity_at(mentions, token.start, token.end,
                                                             (token.start, token.end)) is None):
        return coordinated(ctx, obj)
    same = any(e.type == kind for e in ctx.lex.nouns.get(form(token)[0], ()))
    # "photographs and other intelligence to Macedonia": any conjunct may carry the complement
    inner = next((found for conjunct in coordinated(ctx, obj)
                  if (found := recipient_oblique(ctx, conjunct, mentions, kind if same else "")) is not None), None)
    if inner is None:
        inner = owner(ctx, obj, mentions) if kind not in THING_TARGETS \
            else holder(ctx, obj, mentions)
    if inner is not None:
        return coordinated(ctx, inner)
    return coordinated(ctx, obj) if kind in THING_TARGETS and not is_time(ctx, obj) else []


def counted(ctx: Context, head: int, kind: str, mentions: Mentions) -> int:
    """The people a quantity noun counts ("scores of refugees", "des dizaines de civils"), else
    the head: a counted thing ("un paquet de sanctions") or an actor's forces moved (OWN_FORCES_TYPES)."""
    if kind in OWN_FORCES_TYPES or not is_one_of(ctx.analysis.tokens[head], ctx.lex.words("args", "quantity_nouns")):
        return head
    return next((h for h in owned_by(ctx, head) if actor_like(ctx, h, mentions)), head)


def holder(ctx: Context, thing: int, mentions: Mentions) -> int | None:
    """Whose is the thing a physical act hits ("shelled positions of the army", "hacked the
    computers of officers"): the party it belongs to (a place only says where), where the
    thing's own phrase does not already name it ("frappé les sites nucléaires de l'Iran" keeps
    the sites, Iran inside)."""
    first, last = phrase_of(ctx, thing)
    return next((h for h in owned_by(ctx, thing) if not first <= h <= last and is_party(ctx, h, mentions)), None)


def is_party(ctx: Context, head: int, mentions: Mentions) -> bool:
    """An entity that can be a party, not a place: a person, an organisation, a group."""
    found = word_entity(ctx, head, mentions)
    return found is not None and found.type not in {"GPE", "LOC"}


def own_means(ctx: Context, head: int, kind: str, mentions: Mentions) -> bool:
    """True when an object is the actor's own forces, moved or withdrawn, not whom the event is
    for ("a retiré ses troupes", "стянула войска к границе", "deployed soldiers")."""
    if kind not in OWN_FORCES_TYPES:
        return False
    row = word_entity(ctx, head, mentions)
    if row is None or row.sector is None:
        return False
    possessive = any(ctx.analysis.tokens[k].dep in {"det", "poss", "nmod:poss"}
                     and "Poss=Yes" in ctx.analysis.tokens[k].morph for k in ctx.kids.get(head, []))
    return possessive or row.sector in ARMED_SECTORS


def right_object(ctx: Context, verb: int, kind: str, mentions: Mentions) -> int | None:
    """The object right after the verb when the parse attached it elsewhere ("a libéré
    dimanche 23 écoliers", "a bombardé dans la nuit Kharkiv"): the first noun of the clause
    after it that no preposition introduces, past dates, numbers and adverbs, if it can be a
    recipient. Only for verbs the parse gave no object."""
    tokens = ctx.analysis.tokens
    dates = time_words(ctx.lex.language)
    after_preposition = False
    for i in range(verb + 1, ctx.sentence[-1] + 1):
        token = tokens[i]
        if token.pos in RIGHT_STOP or token.pos == "PUNCT" and token.text not in {"-", "'"}:
            return None
        if token.pos == "ADP":
            after_preposition = True
        elif token.pos in {"NOUN", "PROPN"}:
            lemma = form(token)[0]
            if after_preposition or lemma in dates:  # "dans la nuit", "dimanche": not the object
                after_preposition = False
                continue
            if lemma in ctx.lex.nouns or not (kind in THING_TARGETS or actor_like(ctx, i, mentions)):
                return None
            return i
    return None
