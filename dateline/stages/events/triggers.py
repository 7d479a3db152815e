"""Event triggers: the words of a sentence that express a PLOVER event, and which of them are
events of their own rather than the content of another.

A verb whose lemma (or a phrase of lemmas) is a trigger of the lexicon, or a noun that is:
the subject of its clause ("les combats se sont intensifiés"), its root, or the object of a
verb that only carries it (``light_verbs``: "a lancé une offensive", "held talks"). A
cooperative noun under an ending word (``reversal_nouns``: "la fin du cessez-le-feu") is a
rejection. A trigger inside the complement of another ("a accusé X d'avoir attaqué",
"threatened to impose", "agreed to cooperate") is that event's content, not an event: it
gives the other its mode and, when it has none, its recipient. Triggers told as background
(a relative clause, a participle modifying a noun) are left out unless the settings ask.
"""
from __future__ import annotations

from dataclasses import dataclass

from dateline.stages.events.lexicon import EventLexicon, entry_at, find_phrase, form, is_one_of, is_threat, mode_of
from dateline.stages.events.phrases import SUBJECT_DEPS
from dateline.stages.events.status import Context, local_subtree

# Dependencies by which a clause is coordinated with or adjoined to another: a trigger
# reached through one of them is an event of its own, not the other's content.
INDEPENDENT_DEPS = {"conj", "parataxis", "advcl", "root", "ROOT", "list"}
# Dependencies of a clause told as background: a relative clause or a participle modifying a
# noun ("les otages enlevés le mois dernier"); PLOVER codes the sentence's main event.
BACKGROUND_DEPS = {"acl", "acl:relcl", "relcl"}
# Dependencies by which a noun trigger is carried by its verb.
CARRIED_DEPS = {"obj", "dobj", "obl", "obl:arg", "obl:mod", "pobj", "iobj", "attr", "nsubj:pass", "nsubjpass"}
# How many words before its verb a clause's complementizer may stand ("que les États-Unis s'apprêtent").
CLAUSE_LOOKBACK = 8
# How many words from a complement's head its words are read for a retyping ("a levé dimanche le couvre-feu").
COMPLEMENT_WINDOW = 8
# How far up the tree a trigger's governor is looked for.
MAX_DEPTH = 30
# Type of a cooperative event that is ended, broken or violated ("la fin du cessez-le-feu").
REVERSED_TYPE = "REJECT"
REVERSIBLE_TYPES = {"RETREAT", "AGREE", "COOPERATE", "CONSULT", "SUPPORT"}
# The mode of a threat whose words show none, from the type of what it threatens.
THREAT_CONTENT_MODES = (("ASSAULT", "violence"), ("SANCTION", "restrict"), ("COERCE", "restrict"),
                        ("PROTEST", "restrict"), ("MOBILIZE", "violence"))


@dataclass
class Trigger:
    first: int  # token indexes of the trigger phrase, inclusive
    last: int
    head: int  # the token that carries it in the parse
    type: str
    nominal: bool
    content: list[Trigger] | None = None  # triggers inside its complement
    reporter: int | None = None  # the verb that reports it, for an obligation told as a request
    mode: str | None = None  # a mode its retyping gives

    def span(self) -> range:
        return range(self.first, self.last + 1)


def verb_like(ctx: Context, i: int) -> bool:
    token = ctx.analysis.tokens[i]
    return token.pos == "VERB" or token.pos == "ADJ" and "VerbForm=Part" in token.morph


def raw_triggers(ctx: Context) -> list[Trigger]:
    """Every trigger phrase of the sentence, longest first at each word, without overlaps."""
    tokens, sentence, lex = ctx.analysis.tokens, ctx.sentence, ctx.lex
    found: list[Trigger] = []
    at = 0
    while at < len(sentence):
        i = sentence[at]
        nominal = tokens[i].pos in {"NOUN", "PROPN"}
        table = lex.verbs if verb_like(ctx, i) else lex.nouns if nominal or tokens[i].pos == "ADJ" else None
        entry = entry_at(tokens, sentence, at, table) if table is not None else None
        if entry is not None and tokens[i].pos == "ADJ" and not verb_like(ctx, i):
            nominal = True  # a noun phrase that opens with its adjective ("совместные учения")
            entry = entry if len(entry.words) > 1 else None
        if entry is None and verb_like(ctx, i) and is_threat(tokens, sentence, at, lex):
            found.append(Trigger(i, i, i, "THREATEN", False))
        if entry is None:
            at += 1
            continue
        last = sentence[at + len(entry.words) - 1]
        head = i if not nominal else head_of(ctx, i, last)
        found.append(Trigger(i, last, head, entry.type, nominal))
        at += len(entry.words)
    return found


def head_of(ctx: Context, first: int, last: int) -> int:
    """The token of a phrase whose head lies outside it."""
    tokens = ctx.analysis.tokens
    return next((i for i in range(first, last + 1) if not first <= tokens[i].head <= last
                 or tokens[i].head == i), last)


def reversed_trigger(ctx: Context, trigger: Trigger) -> Trigger | None:
    """A cooperative noun under an ending word is a rejection spanning both ("fin du cessez-le-feu")."""
    tokens = ctx.analysis.tokens
    head = tokens[trigger.head].head
    words = ctx.lex.words("args", "reversal_nouns")
    if trigger.type not in REVERSIBLE_TYPES or head == trigger.head or not trigger.nominal \
            or form(tokens[head])[0] not in words or head > trigger.first:
        return None
    return Trigger(head, trigger.last, head, REVERSED_TYPE, True)


def complement_clause(ctx: Context, verb: int) -> bool:
    """True when a clause opens with a complementizer ("que", "that"), whatever the parse
    attached it to: looking left from its verb over its subject, to the clause's start."""
    words, tokens = ctx.lex.words("args", "complementizers"), ctx.analysis.tokens
    for i in range(verb - 1, max(ctx.sentence[0], verb - CLAUSE_LOOKBACK) - 1, -1):
        if form(tokens[i])[1] in words:
            return True
        if tokens[i].pos in {"VERB", "PUNCT"}:
            return False
    return False


def in_background(ctx: Context, head: int) -> bool:
    """True when a word lies in a relative clause or a participle modifying a noun."""
    tokens, i = ctx.analysis.tokens, head
    for _ in range(MAX_DEPTH):
        if tokens[i].dep in BACKGROUND_DEPS:
            return True
        if tokens[i].head == i:
            return False
        i = tokens[i].head
    return False


def governor(ctx: Context, trigger: Trigger, heads: dict[int, Trigger]) -> Trigger | None:
    """The trigger whose complement this one is in, or None when it stands on its own (a
    background clause does too: it is left out, or coded apart when the settings ask)."""
    tokens, i = ctx.analysis.tokens, trigger.head
    for _ in range(MAX_DEPTH):
        if tokens[i].head == i or tokens[i].dep in INDEPENDENT_DEPS and not complement_clause(ctx, i) \
                or tokens[i].dep in BACKGROUND_DEPS \
                or i == trigger.head and tokens[i].dep in SUBJECT_DEPS:
            return None  # a clause of its own, or the subject of its verb ("les affrontements ont opposé")
        i = tokens[i].head
        if i in heads and heads[i] is not trigger:
            return heads[i]
    return None


def framing_noun(ctx: Context, noun: int) -> int | None:
    """The noun that only counts or frames an event noun ("un paquet de sanctions", "10 days of
    war games", "a mediation effort"; ``quantity_nouns`` and ``frame_nouns``), or None."""
    tokens = ctx.analysis.tokens
    head = tokens[noun].head
    if tokens[noun].dep == "pobj" and tokens[head].dep == "prep":
        head = tokens[head].head
    elif tokens[noun].dep.split(":")[0] not in {"nmod", "compound"}:
        return None
    frames = ctx.lex.words("args", "quantity_nouns") | ctx.lex.words("args", "frame_nouns") \
        | ctx.lex.words("args", "unit_nouns")
    return head if head != noun and is_one_of(tokens[head], frames) else None


def stands(ctx: Context, trigger: Trigger) -> bool:
    """Whether a trigger can be an event: a verb, or a noun carried as subject, root or object
    of a light verb (background was left out before, by ``in_background``)."""
    tokens = ctx.analysis.tokens
    token = tokens[trigger.head]
    if not trigger.nominal:
        return True
    if token.head == trigger.head:
        return True
    frame = framing_noun(ctx, trigger.head)
    if frame is not None:  # "un paquet de sanctions", "a mediation effort": the frame is carried
        token = tokens[frame]
    carrier = tokens[token.head]
    if token.dep in SUBJECT_DEPS:
        return is_one_of(carrier, ctx.lex.words("args", "occurrence_verbs"))
    light = ctx.lex.words("args", "light_verbs")
    if token.dep in CARRIED_DEPS and carrier.pos in {"VERB", "AUX"} and is_one_of(carrier, light):
        return True
    return in_state(ctx, trigger.head)


def in_state(ctx: Context, noun: int) -> bool:
    """A noun after a state verb's preposition ("went on strike", "sont entrés en grève",
    "вышли на забастовку"; ``state_verbs``, verb and preposition): the state is the event."""
    tokens = ctx.analysis.tokens
    token, verb = tokens[noun], tokens[tokens[noun].head]
    preposition = next((tokens[k].text.lower() for k in ctx.kids.get(noun, []) if tokens[k].dep == "case"), None)
    if token.dep == "pobj" and verb.dep == "prep":  # English hangs the noun on its preposition
        preposition, verb = verb.text.lower(), tokens[verb.head]
    if preposition is None or verb.pos not in {"VERB", "AUX"}:
        return False
    return (form(verb)[0], preposition) in ctx.lex.args.get("state_verbs", ())


def obligation_triggers(ctx: Context, found: list[Trigger]) -> list[Trigger]:
    """"X said Y must do Z": a reported obligation is a request of the reporter to Y (PLOVER's
    REQUEST, the old DEMAND), whatever Z is; an event Z becomes its content."""
    tokens, words = ctx.analysis.tokens, ctx.lex.words("args", "obligation_words")
    by_head = {t.head: t for t in found}
    made = []
    for v in ctx.sentence:
        modal = next((k for k in ctx.kids.get(v, [])
                      if tokens[k].dep.startswith("aux") and is_one_of(tokens[k], words)), None)
        if modal is None and tokens[v].dep == "xcomp" and is_one_of(tokens[tokens[v].head], words):
            modal = tokens[v].head
        clause = modal if modal is not None and tokens[modal].dep == "ccomp" else v
        if modal is None or tokens[clause].dep != "ccomp" or tokens[clause].head in by_head:
            continue
        inner = by_head.get(v)
        made.append(Trigger(min(modal, v), max(modal, v), v, "REQUEST", False, [inner] if inner else None,
                            tokens[clause].head))
    return made


def complements(ctx: Context, head: int) -> list[int]:
    """The words of a trigger's complements (objects and obliques, not its subject), in order."""
    tokens, found = ctx.analysis.tokens, list[int]()
    for k in ctx.kids.get(head, []):
        if tokens[k].dep.split(":")[0] in {"nsubj", "csubj", "punct", "aux", "mark", "cc", "conj"}:
            continue
        found.extend(local_subtree(ctx, k, COMPLEMENT_WINDOW))
    return sorted(set(found))


def retyped(ctx: Context, trigger: Trigger) -> Trigger:
    """The trigger under the type its complements give it (``[[retype]]``: "a levé le
    couvre-feu" is CONCEDE, "a expulsé un imam" COERCE, "a condamné X à une amende" SANCTION;
    an empty type is no event: "принял закон" is no visit)."""
    rules = [r for r in ctx.lex.retypes if r.source == trigger.type
             and (not r.verbs or form(ctx.analysis.tokens[trigger.head])[0] in r.verbs)]
    if not rules:
        return trigger
    words = complements(ctx, trigger.head)
    for rule in rules:
        if find_phrase(ctx.analysis.tokens, words, rule.objects) is not None:
            return Trigger(trigger.first, trigger.last, trigger.head, rule.target, trigger.nominal,
                           trigger.content, trigger.reporter, rule.mode)
    return trigger


def sentence_triggers(ctx: Context, background: bool = False) -> list[Trigger]:
    """The triggers of a sentence that are events, each with its content triggers."""
    found = [t for t in (retyped(ctx, reversed_trigger(ctx, t) or t) for t in raw_triggers(ctx)) if t.type]
    requests = obligation_triggers(ctx, found)
    absorbed = {id(t) for r in requests for t in r.content or []}
    found = [t for t in found if id(t) not in absorbed] + requests
    heads: dict[int, Trigger] = {}
    for trigger in found:
        heads.setdefault(trigger.head, trigger)
    events: list[Trigger] = []
    nouns = {t.head for t in found if t.nominal}
    occurrence = ctx.lex.words("args", "occurrence_verbs")
    for trigger in found:
        if not background and in_background(ctx, trigger.head):
            continue  # told as background ("the curfew that was imposed"): neither event nor content
        if not trigger.nominal and is_one_of(ctx.analysis.tokens[trigger.head], occurrence) \
                and any(ctx.analysis.tokens[k].dep in SUBJECT_DEPS for k in ctx.kids.get(trigger.head, [])
                        if k in nouns):
            continue  # "des affrontements ont opposé X à Y": the verb only tells the clashes
        above = governor(ctx, trigger, heads)
        if above is not None and carried_by_light_verb(ctx, above, trigger):
            above.type, above.last = trigger.type, max(above.last, trigger.last)
        elif above is not None:
            above.content = [*(above.content or []), trigger]
        elif stands(ctx, trigger):
            events.append(trigger)
    weak = ctx.lex.words("args", "weak_threats")
    return [t for t in events if not (t.type == "THREATEN" and not t.content and not t.nominal
                                      and is_one_of(ctx.analysis.tokens[t.head], weak))]


def carried_by_light_verb(ctx: Context, verb: Trigger, noun: Trigger) -> bool:
    """A trigger verb that only carries its object, an event noun, takes the noun's type
    ("granted asylum" is AID, "a accordé sa grâce" CONCEDE)."""
    tokens = ctx.analysis.tokens
    return not verb.nominal and noun.nominal and tokens[noun.head].head == verb.head \
        and tokens[noun.head].dep in {"obj", "dobj"} \
        and is_one_of(tokens[verb.head], ctx.lex.words("args", "light_verbs"))


def threat_mode(ctx: Context, trigger: Trigger, indexes: list[int], lex: EventLexicon) -> str | None:
    """A threat's mode is what it threatens: the content's words, then its type."""
    mode = mode_of("THREATEN", ctx.analysis.tokens, indexes, trigger.head, lex)
    if mode is not None:
        return mode
    kinds = {t.type for t in trigger.content or []}
    for kind, name in THREAT_CONTENT_MODES:
        if kind in kinds:
            return name
    return None
