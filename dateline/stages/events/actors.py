"""Event arguments: who did it (actors), and the recipients found with them, from the parse.

The actor is the verb's subject, or the agent of a passive; a verb without its own subject
takes the one of the verb it completes or is coordinated with ("s'apprête à suspendre",
"…, accusant les rebelles"); a source ("selon X") is never one. When the parse gives none,
the names right before the verb in its clause are the actor ("Moscou et Damas auraient
attaqué"). Coordinated phrases are compound actors; the partners of talks are actors too. A
nominal event takes the sides it is "between", else the subject of the verb that carries it
("a lancé une offensive"). Recipients come from recipients.py; what a demand asks of
someone is the subject of the clause it governs ("demanded that the US cancel …").
"""
from __future__ import annotations

from dateline.common.roles import norm
from dateline.stages.events.agents import agent_nouns
from dateline.stages.events.lexicon import is_one_of
from dateline.stages.events.phrases import (
    SUBJECT_DEPS,
    Arguments,
    Mentions,
    argument,
    coordinated,
    entity_at,
    first_of,
    obliques,
    preposition,
)
from dateline.stages.events.recipients import (
    OBJECT_DEPS,
    OBLIQUE_FIRST,
    OBLIQUE_ONLY,
    THING_TARGETS,
    between,
    is_place,
    object_recipient,
    own_means,
    owned_by,
    recipient_oblique,
    right_object,
)
from dateline.stages.events.status import Context
from dateline.stages.events.triggers import framing_noun

PASSIVE_SUBJECT_DEPS = {"nsubj:pass", "nsubjpass", "csubjpass"}
# Dependencies through which a verb without a subject takes the subject of its head.
INHERIT_DEPS = {"xcomp", "conj", "advcl", "acl", "ccomp"}
# How many verbs up a subject is looked for.
MAX_CLIMB = 6
# Separators between the names of a compound actor found left of the verb.
COMPOUND_JOINERS = {"et", "and", "и", "y"}
# Types whose recipient is the subject of the clause they govern ("exige que Moscou retire …").
ADDRESSEE_TYPES = {"REQUEST", "THREATEN"}
# Types whose partners ("talks with X") are actors too: every participant of a consultation
# is an actor (tests/gold/events/LABELLING.md); a visit's host is the recipient instead.
SYMMETRIC_TYPES = {"CONSULT"}


def attributed(ctx: Context, index: int) -> bool:
    """True when a phrase is a source introduced by an attribution ("selon la déclaration de X")."""
    phrases = {" ".join(p) for p in ctx.lex.args.get("attribution_prepositions", ())}
    prep = preposition(ctx, index)
    return bool(prep) and (prep in phrases or prep.split()[0] in phrases)


def finite(ctx: Context, verb: int) -> bool:
    """A finite verb has a subject of its own, even when the parse missed it."""
    tokens = ctx.analysis.tokens
    forms = [tokens[verb].morph] + [tokens[k].morph for k in ctx.kids.get(verb, []) if tokens[k].dep.startswith("aux")]
    return any("VerbForm=Fin" in m for m in forms)


def passive_voice(ctx: Context, verb: int) -> bool:
    """A "passive" subject is one only when the verb has no tense auxiliary without a passive
    one and is not a verb whose past takes "être": the French parser reads "Le Mexique a
    reconnu" and "sont entrés" as passives."""
    deps = {ctx.analysis.tokens[k].dep for k in ctx.kids.get(verb, [])}
    if is_one_of(ctx.analysis.tokens[verb], ctx.lex.words("args", "unaccusative_verbs")):
        return False  # "les dockers sont entrés en grève": past tense with "être", not a passive
    return not ("aux:tense" in deps and not deps & {"aux:pass", "auxpass"})


def subject_of(ctx: Context, verb: int) -> tuple[int | None, bool, int]:
    """The subject head of a verb, whether it is passive, and the verb it belongs to: an
    infinitive, a participle or a coordinated verb without one takes its head's subject."""
    tokens = ctx.analysis.tokens
    for _ in range(MAX_CLIMB):
        for k in ctx.kids.get(verb, []):
            if attributed(ctx, k):
                continue
            if tokens[k].dep in SUBJECT_DEPS:
                return k, False, verb
            if tokens[k].dep in PASSIVE_SUBJECT_DEPS:
                return k, passive_voice(ctx, verb), verb
        climbs = tokens[verb].dep == "xcomp" or tokens[verb].dep in INHERIT_DEPS and not finite(ctx, verb) \
            or tokens[verb].dep == "conj"
        if not climbs or tokens[verb].head == verb:
            break
        verb = tokens[verb].head
    return None, False, verb


def agent_of(ctx: Context, verb: int) -> int | None:
    agents = ctx.lex.words("args", "agent_prepositions")
    return next((h for p, h in obliques(ctx, verb) if p in agents), None)


def left_names(ctx: Context, trigger: int, mentions: Mentions) -> list[int]:
    """Heads of the names right before the verb in its clause, when the parse gave no subject
    ("Moscou et Damas auraient attaqué"): the last word of each entity mention in the run of
    names, joiners and articles that ends at the verb's auxiliaries."""
    tokens, first = ctx.analysis.tokens, ctx.sentence[0]
    i = trigger - 1
    while i >= first and (tokens[i].pos in {"AUX", "PART", "ADV"} or tokens[i].dep in {"expl:comp", "neg"}):
        i -= 1
    heads: dict[str, int] = {}
    while i >= first and (tokens[i].pos in {"PROPN", "NOUN", "DET", "ADJ"}
                          or tokens[i].text.lower() in COMPOUND_JOINERS and heads):
        token = tokens[i]
        found = entity_at(mentions, token.start, token.end, (token.start, token.end))
        if found is not None and token.pos in {"PROPN", "NOUN"}:
            heads.setdefault(found.entity, i)
        elif token.pos in {"PROPN", "NOUN"} and not heads:
            return []
        i -= 1
    return sorted(heads.values())


def hosts(ctx: Context, verb: int) -> bool:
    """True for a verb whose subject hosts a visit ("hosted", "a reçu", "принял")."""
    return is_one_of(ctx.analysis.tokens[verb], ctx.lex.words("args", "host_verbs"))


def is_party(ctx: Context, head: int, mentions: Mentions) -> bool:
    """True when a word names a party: a proper noun, an entity's mention or an agent noun."""
    token = ctx.analysis.tokens[head]
    if token.pos == "PROPN" or entity_at(mentions, token.start, token.end, (token.start, token.end)) is not None:
        return True
    return norm(token.lemma) in agent_nouns(ctx.language)


def verb_heads(ctx: Context, verb: int, kind: str, mentions: Mentions) -> tuple[list[int], list[int]]:
    subject, passive, owner = subject_of(ctx, verb)
    actors: list[int] = []
    recipients: list[int] = []
    if passive:
        agent = agent_of(ctx, verb)
        actors = coordinated(ctx, agent) if agent is not None else []
        recipients = coordinated(ctx, subject) if subject is not None else []
        if kind in SYMMETRIC_TYPES:  # "X a été reçu par Y": the visitor acts, the host receives
            actors, recipients = recipients, actors
    elif subject is not None:
        actors = coordinated(ctx, subject)
    guest = first_of(ctx, verb, OBJECT_DEPS) if not passive and kind in SYMMETRIC_TYPES and hosts(ctx, verb) else None
    if guest is not None:  # "X a reçu Y": Y visits X; "X a reçu une lettre": no visit at all
        guests = [h for h in coordinated(ctx, guest) if is_party(ctx, h, mentions)]
        return guests, actors if guests else []
    if not actors and not passive:  # before a passive verb stands whom it is done to
        actors = left_names(ctx, owner, mentions)
    if not actors and not passive and ctx.lex.pro_drop and ctx.analysis.tokens[owner].head != owner:
        # "объявило, что выведет войска": an unsaid subject is the one of the verb above
        above, _, _ = subject_of(ctx, ctx.analysis.tokens[owner].head)
        actors = coordinated(ctx, above) if above is not None and not attributed(ctx, above) else []
    if not recipients:
        recipients = [h for h in object_recipient(ctx, verb, kind, mentions)
                      if h not in actors and not own_means(ctx, h, kind, mentions)]
    if not recipients and kind in ADDRESSEE_TYPES:  # "demanded that the US cancel …": whom it asks
        clause = next((k for k in ctx.kids.get(verb, []) if ctx.analysis.tokens[k].dep == "ccomp"), None)
        inner, _, _ = subject_of(ctx, clause) if clause is not None else (None, False, 0)
        recipients = coordinated(ctx, inner) if inner is not None and not attributed(ctx, inner) else []
    for infinitive in [k for k in ctx.kids.get(verb, []) if ctx.analysis.tokens[k].dep == "xcomp"]:
        if recipients:
            break  # "a promis de livrer à Kiev", "пообещала выделить Филиппинам"
        recipients = [h for h in object_recipient(ctx, infinitive, kind, mentions)
                      if h not in actors and not own_means(ctx, h, kind, mentions)]
    if not recipients and kind not in OBLIQUE_FIRST | OBLIQUE_ONLY and first_of(ctx, verb, OBJECT_DEPS) is None:
        found = right_object(ctx, verb, kind, mentions)
        recipients = [h for h in coordinated(ctx, found) if h not in actors] if found is not None else []
    return actors, recipients


def noun_heads(ctx: Context, noun: int, kind: str, mentions: Mentions) -> tuple[list[int], list[int]]:
    """A nominal event: the sides it is "between", else the subject of the verb that carries it."""
    tokens = ctx.analysis.tokens
    event = noun
    noun = framing_noun(ctx, noun) or noun  # "5 million euros of aid", "a mediation effort"
    sides = between(ctx, event)
    if sides:
        return sides, []
    inner = recipient_oblique(ctx, event, mentions, kind)
    if inner is None and kind in THING_TARGETS:  # "the invasion of South Lebanon", "обстрел Донецка"
        inner = next((h for h in owned_by(ctx, event) if is_place(ctx, h, mentions)), None)
    recipients = coordinated(ctx, inner) if inner is not None else []
    carrier = tokens[noun].head
    if tokens[noun].dep == "pobj" and tokens[carrier].dep == "prep":  # "went on strike": the verb
        carrier = tokens[carrier].head
    if tokens[noun].dep in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS or carrier == noun \
            or tokens[carrier].pos not in {"VERB", "AUX"}:
        return [], recipients
    actors, carried = verb_heads(ctx, carrier, kind, mentions)
    if noun != event:  # a framed event noun: of the verb's other complements, only whom it goes to
        return actors, recipients or [h for h in carried if tokens[h].dep in {"iobj", "dative"}
                                      or "Case=Dat" in tokens[h].morph]
    return actors, recipients or [h for h in carried if h != noun]


def arguments(ctx: Context, text: str, trigger: int, kind: str, mentions: Mentions,
              span: range = range(0)) -> Arguments:
    """Actors and recipients of the event a trigger expresses (never a word of the trigger
    phrase itself, nor a reflexive pronoun: "ввели чрезвычайное положение", "подорвал себя")."""
    token = ctx.analysis.tokens[trigger]
    nominal = token.pos in {"NOUN", "PROPN"}
    actors, recipients = (noun_heads if nominal else verb_heads)(ctx, trigger, kind, mentions)
    for word in [i for i in span if i != trigger]:  # "открыли огонь по паломникам"
        found = recipient_oblique(ctx, word, mentions, kind) if not recipients else None
        recipients = coordinated(ctx, found) if found is not None else recipients
    recipients = [h for h in recipients if h not in span and "Reflex=Yes" not in ctx.analysis.tokens[h].morph]
    if kind in SYMMETRIC_TYPES and not nominal:
        # "s'est entretenu par téléphone avec X": the partner may hang on the means.
        nested = [pair for _, h in obliques(ctx, trigger) for pair in obliques(ctx, h)]
        partners = [h for p, h in obliques(ctx, trigger) + nested
                    if p in ctx.lex.words("args", "partner_prepositions")]
        actors = actors + [h for p in partners for h in coordinated(ctx, p)]
    result = Arguments([argument(ctx, text, h, mentions) for h in dict.fromkeys(actors)],
                       [argument(ctx, text, h, mentions) for h in dict.fromkeys(recipients) if h not in actors])
    return result
