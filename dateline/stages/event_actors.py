"""Event arguments: who did it (actors) and to whom (recipients), from the parse.

The actor is the verb's subject, or the agent of a passive; a verb without its own subject
takes the one of the verb it completes or is coordinated with ("s'apprête à suspendre",
"…, accusant les rebelles"). When the parse gives none, the names right before the verb in its
clause are the actor ("Moscou et Damas auraient attaqué"). The recipient is the direct
object, else an oblique after one of the language's recipient prepositions (``[arguments]`` in
``lang/<code>/events.toml``), a place after a locative preposition being where the event
happens, not its target. Coordinated phrases are compound actors. A nominal event takes the
subject of the verb that carries it ("a lancé une offensive") and its own "against"/"with"
complements.

Each argument is a phrase of the text; the entity whose mention it is gives its id.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dateline import geo
from dateline.stages.event_lexicon import form
from dateline.stages.event_status import Context
from dateline.stages.mentions import noun_phrase
from dateline.stages.roles import date_words

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubj:pass", "nsubjpass", "csubjpass"}
OBJECT_DEPS = {"obj", "dobj", "iobj", "obl:arg", "dative"}
# Dependencies through which a verb without a subject takes the subject of its head.
INHERIT_DEPS = {"xcomp", "conj", "advcl", "acl", "ccomp"}
# How many verbs up a subject is looked for.
MAX_CLIMB = 6
# Parts of speech that can head an argument phrase.
ARGUMENT_POS = {"NOUN", "PROPN", "PRON", "X", "NUM", "ADJ"}
# Tokens left out of an argument's text at its edges (articles, numbers, punctuation).
EDGE_POS = {"DET", "NUM", "PUNCT", "ADP", "CCONJ"}
# Separators between the names of a compound actor found left of the verb.
COMPOUND_JOINERS = {"et", "and", "и", "y"}
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
# Types whose recipient is the subject of the clause they govern ("exige que Moscou retire …").
ADDRESSEE_TYPES = {"REQUEST", "THREATEN"}
# Types whose recipient may follow a target preposition ("sanctions on", "удар по").
TARGETED_TYPES = {"ASSAULT", "SANCTION", "COERCE", "THREATEN", "PROTEST"}
# Types whose partners ("talks with X") are actors too: every participant of a consultation
# is an actor (tests/gold/events/LABELLING.md); a visit's host is the recipient instead.
SYMMETRIC_TYPES = {"CONSULT"}


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


def mention_index(entities: list[dict[str, Any]]) -> list[MentionRow]:
    """Every mention of the document's entities, in text order."""
    return sorted(MentionRow(m["start"], m["end"], e["id"], e.get("country"), e["type"], m.get("kind", "name"),
                             e.get("sector")) for e in entities for m in e["mentions"])


def entity_at(mentions: list[MentionRow], start: int, end: int, head: tuple[int, int]) -> MentionRow | None:
    """The mention that holds the phrase's head, else the one that covers most of it and at
    least half of it ("le président Emmanuel Macron"; not Alep in "infrastructures à Alep")."""
    best: tuple[int, MentionRow] | None = None
    for row in mentions:
        if row.start >= end:
            break
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


def argument(ctx: Context, text: str, head: int, mentions: list[MentionRow]) -> Argument:
    """An argument phrase; when it is an entity's mention, the entity's name inside it is its
    text ("Le président Emmanuel Macron" is "Emmanuel Macron")."""
    tokens = ctx.analysis.tokens
    first, last = phrase_of(ctx, head)
    start, end = tokens[first].start, tokens[last].end
    found = entity_at(mentions, start, end, (tokens[head].start, tokens[head].end))
    if found is None:
        country = geo.demonym_country(tokens[head].text, ctx.lex.language) if tokens[head].pos == "ADJ" else None
        row = next((m for m in mentions if country and m.country == country and m.type == "GPE"), None)
        return Argument(text[start:end], start, end, row.entity if row else None, country)
    name = next((m for m in mentions if m.entity == found.entity and m.kind == "name"
                 and start <= m.start and m.end <= end), None)
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
                return k, True, verb
        climbs = tokens[verb].dep == "xcomp" or tokens[verb].dep in INHERIT_DEPS and not finite(ctx, verb) \
            or tokens[verb].dep == "conj"
        if not climbs or tokens[verb].head == verb:
            break
        verb = tokens[verb].head
    return None, False, verb


def agent_of(ctx: Context, verb: int) -> int | None:
    agents = ctx.lex.words("args", "agent_prepositions")
    return next((h for p, h in obliques(ctx, verb) if p in agents), None)


def left_names(ctx: Context, trigger: int, mentions: list[MentionRow]) -> list[int]:
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


def first_of(ctx: Context, index: int, deps: set[str]) -> int | None:
    return next((k for k in ctx.kids.get(index, []) if ctx.analysis.tokens[k].dep in deps
                 and ctx.analysis.tokens[k].pos in ARGUMENT_POS), None)


def is_place(ctx: Context, head: int, mentions: list[MentionRow]) -> bool:
    token = ctx.analysis.tokens[head]
    found = entity_at(mentions, token.start, token.end, (token.start, token.end))
    return found is not None and found.type in {"GPE", "LOC"}


def recipient_oblique(ctx: Context, index: int, mentions: list[MentionRow], kind: str = "") -> int | None:
    """The first oblique after a recipient preposition that is not a place where it happens
    (a target preposition, "frappes sur Gaza", only for the types that have targets)."""
    wanted = ctx.lex.words("args", "recipient_prepositions")
    if kind in TARGETED_TYPES:
        wanted = wanted | ctx.lex.words("args", "target_prepositions")
    locative = ctx.lex.words("args", "locative_prepositions")
    cases = ctx.lex.words("args", "recipient_cases")
    towards = ctx.lex.words("args", "direction_prepositions") if kind in DIRECTED_TYPES else frozenset()
    for prep, head in obliques(ctx, index):
        if kind not in THING_TARGETS and not actor_like(ctx, head, mentions):
            continue  # "agreed to a six-month extension": a thing is no recipient
        case = feature_of(ctx, head, "Case")
        if prep in towards and case == "Acc":  # "доставило в Газу": where it goes is whom it is for
            return head
        if not prep and case in cases or prep in wanted and not (prep in locative and is_place(ctx, head, mentions)):
            return head
    return None


def feature_of(ctx: Context, index: int, name: str) -> str:
    morph = ctx.analysis.tokens[index].morph
    return next((part.split("=", 1)[1] for part in morph.split("|") if part.startswith(name + "=")), "")


def owner(ctx: Context, thing: int, mentions: list[MentionRow]) -> int | None:
    """The entity a thing belongs to or comes from ("a rejeté la proposition de Moscou",
    "отверг предложение Москвы", "condemned Iran's execution"): whom the event is directed at."""
    tokens = ctx.analysis.tokens
    owners = ctx.lex.words("args", "owner_prepositions") | {""}
    heads = [k for k in ctx.kids.get(thing, []) if tokens[k].dep.split(":")[0] == "poss"]
    heads += [h for p, h in obliques(ctx, thing) if p in owners]
    for k in sorted(set(heads)):
        if entity_at(mentions, tokens[k].start, tokens[k].end, (tokens[k].start, tokens[k].end)):
            return k
    # "rejected an Australian ultimatum": a nationality adjective names the country it comes from
    return next((k for k in ctx.kids.get(thing, []) if tokens[k].pos == "ADJ" and tokens[k].dep == "amod"
                 and geo.demonym_country(tokens[k].text, ctx.lex.language)), None)


def between(ctx: Context, index: int) -> list[int]:
    """The sides of an event "between" several parties ("affrontements entre X et Y")."""
    words = ctx.lex.words("args", "between_prepositions")
    return next((coordinated(ctx, h) for p, h in obliques(ctx, index) if p in words), [])


def actor_like(ctx: Context, index: int, mentions: list[MentionRow]) -> bool:
    """True when a word can be an actor: an entity's mention, a pronoun, an animate noun (where
    the model marks animacy), or a common noun that is no event and no thing of the lexicon."""
    token = ctx.analysis.tokens[index]
    if token.pos == "PRON" or entity_at(mentions, token.start, token.end, (token.start, token.end)) is not None:
        return True
    if form(token)[0] in date_words(ctx.lex.language):
        return False
    if "Animacy=" in token.morph:
        return "Animacy=Anim" in token.morph
    lemma = form(token)[0]
    if lemma in date_words(ctx.lex.language) or lemma in ctx.lex.words("args", "things"):
        return False
    return token.pos in {"NOUN", "PROPN"} and lemma not in ctx.lex.nouns


def object_recipient(ctx: Context, verb: int, kind: str, mentions: list[MentionRow]) -> list[int]:
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
    token = ctx.analysis.tokens[obj]
    if actor_like(ctx, obj, mentions) and not (kind in OBLIQUE_FIRST and token.pos == "NOUN"
                                               and entity_at(mentions, token.start, token.end,
                                                             (token.start, token.end)) is None):
        return coordinated(ctx, obj)
    same = any(e.type == kind for e in ctx.lex.nouns.get(form(token)[0], ()))
    inner = recipient_oblique(ctx, obj, mentions, kind if same else "")
    if inner is None and kind not in THING_TARGETS:
        inner = owner(ctx, obj, mentions)
    if inner is not None:
        return coordinated(ctx, inner)
    return coordinated(ctx, obj) if kind in THING_TARGETS else []


def verb_heads(ctx: Context, verb: int, kind: str, mentions: list[MentionRow]) -> tuple[list[int], list[int]]:
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
    if not actors:
        actors = left_names(ctx, owner, mentions)
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
    return actors, recipients


def own_means(ctx: Context, head: int, kind: str, mentions: list[MentionRow]) -> bool:
    """True when an object is the actor's own forces, moved or withdrawn, not whom the event is
    for ("a retiré ses troupes", "стянула войска к границе", "deployed soldiers")."""
    if kind not in OWN_FORCES_TYPES:
        return False
    token = ctx.analysis.tokens[head]
    row = entity_at(mentions, token.start, token.end, (token.start, token.end))
    if row is None or row.sector is None:
        return False
    possessive = any(ctx.analysis.tokens[k].dep in {"det", "poss", "nmod:poss"}
                     and "Poss=Yes" in ctx.analysis.tokens[k].morph for k in ctx.kids.get(head, []))
    return possessive or row.sector in ARMED_SECTORS


def noun_heads(ctx: Context, noun: int, kind: str, mentions: list[MentionRow]) -> tuple[list[int], list[int]]:
    """A nominal event: the sides it is "between", else the subject of the verb that carries it."""
    tokens = ctx.analysis.tokens
    sides = between(ctx, noun)
    if sides:
        return sides, []
    inner = recipient_oblique(ctx, noun, mentions, kind)
    recipients = coordinated(ctx, inner) if inner is not None else []
    carrier = tokens[noun].head
    if tokens[noun].dep in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS or carrier == noun \
            or tokens[carrier].pos not in {"VERB", "AUX"}:
        return [], recipients
    actors, carried = verb_heads(ctx, carrier, kind, mentions)
    return actors, recipients or [h for h in carried if h != noun]


def arguments(ctx: Context, text: str, trigger: int, kind: str, mentions: list[MentionRow],
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
