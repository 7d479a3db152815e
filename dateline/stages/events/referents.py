"""Event referents: who an event's argument phrases stand for when they name no one directly.

- A pronoun actor in a reported clause is the one who reports it ("Syria says it will not
  accept", "les rebelles ont dit qu'ils libéreraient"), when the entity stage left it unresolved.
- A quantity heads no actor: "a group of diplomats", "tens of thousands of students", "des
  milliers de manifestants", "тысячи сторонников" act through what they count
  (``quantity_nouns`` in ``lang/<code>/events.toml``).
- A threat is aimed at the one its condition asks something of ("… unless Baghdad accepted").
- A two-country adjective names the other side ("la coopération américano-russe" of the
  United States is with Russia).
"""
from __future__ import annotations

from dateline import geo
from dateline.stages.events.actors import attributed, subject_of
from dateline.stages.events.lexicon import find_phrase, form
from dateline.stages.events.phrases import Argument, Arguments, Mentions, argument, first_of, obliques
from dateline.stages.events.recipients import OBJECT_DEPS
from dateline.stages.events.status import Context

# Endings of the first parts of two-country adjectives, and the demonym endings they stand for.
COMBINING_ENDS = (("ano", "ain"), ("co", "çais"), ("o", "e"), ("ско", "ский"), ("ско", "кий"))
# Dependencies by which a quantity noun's counted phrase hangs on it.
COUNTED_DEPS = {"nmod", "pobj"}


def head_in(ctx: Context, arg: Argument) -> int | None:
    """The token of an argument phrase whose head lies outside it."""
    inside = ctx.analysis.tokens_in(arg.start, arg.end)
    tokens = ctx.analysis.tokens
    return next((i for i in inside if tokens[i].head not in inside or tokens[i].head == i), None)


def counted(ctx: Context, head: int) -> int | None:
    """What a quantity noun counts ("group of diplomats" -> diplomats), through chains of them."""
    quantities = ctx.lex.words("args", "quantity_nouns")
    found = None
    for _ in range(3):
        if form(ctx.analysis.tokens[head])[0] not in quantities:
            break
        nxt = next((h for p, h in obliques(ctx, head) if p in {"", "of", "de", "d'", "des", "du"}), None)
        if nxt is None:
            break
        head = found = nxt
    return found


def reporter_subject(ctx: Context, verb: int) -> int | None:
    """The subject of the verb that reports the clause a word is in ("Syria says it …")."""
    tokens = ctx.analysis.tokens
    i = verb
    for _ in range(8):
        if tokens[i].head == i:
            return None
        dep, i = tokens[i].dep, tokens[i].head
        if dep in {"ccomp", "xcomp", "advcl", "parataxis"} or tokens[i].pos in {"VERB", "AUX"}:
            subject, _, _ = subject_of(ctx, i)
            if subject is not None and tokens[subject].pos != "PRON" and not attributed(ctx, subject):
                return subject
    return None


def resolve(ctx: Context, args: Arguments, mentions: Mentions) -> None:
    """Actors that are quantities or unresolved pronouns, replaced by whom they stand for."""
    for n, arg in enumerate(args.actors):
        head = head_in(ctx, arg)
        if head is None:
            continue
        target = counted(ctx, head)
        if target is None and arg.entity is None and ctx.analysis.tokens[head].pos == "PRON":
            target = reporter_subject(ctx, head)
        if target is not None:
            args.actors[n] = argument(ctx, ctx.text, target, mentions)


def bilateral_countries(ctx: Context, index: int) -> list[str]:
    """The countries of a two-country adjective on a word ("coopération américano-russe",
    "US-Russian talks", "российско-американские переговоры"), in order."""
    language = ctx.lex.language
    for k in ctx.kids.get(index, []):
        word = ctx.analysis.tokens[k].text
        parts = [p for p in word.split("-") if p]
        if ctx.analysis.tokens[k].pos != "ADJ" and not word[:1].isupper() or len(parts) < 2:
            continue
        found = [geo.demonym_country(p, language) or geo.demonym_country(combining(p), language)
                 or (c.iso2 if (c := geo.country_by_name(p)) else None) for p in parts]
        if all(found):
            return [str(c) for c in found]
    return []


def combining(part: str) -> str:
    """A demonym's combining form to a demonym's stem ("américano" -> "américain", "russo" ->
    "russe", "российско" -> "российский"), the forms the gazetteer knows."""
    for end, full in COMBINING_ENDS:
        if part.endswith(end):
            return part[: -len(end)] + full
    return part


def bilateral_recipient(ctx: Context, trigger: int, args: Arguments, mentions: Mentions) -> None:
    """With no recipient, the other country of a two-country adjective on the trigger or its
    object ("suspendre la coopération américano-russe": the United States act on Russia)."""
    if args.recipients:
        return
    obj = first_of(ctx, trigger, OBJECT_DEPS)
    countries = bilateral_countries(ctx, trigger) or (bilateral_countries(ctx, obj) if obj is not None else [])
    own = {a.country for a in args.actors}
    others = [c for c in countries if c not in own]
    if len(others) != 1 or len(others) == len(countries):
        return
    row = next((m for m in mentions if m.country == others[0] and m.type == "GPE"), None)
    if row is not None:
        name = next((m for m in mentions if m.entity == row.entity and m.kind == "name"), row)
        args.recipients.append(Argument(ctx.text[name.start:name.end], name.start, name.end, row.entity, row.country))


def condition_recipient(ctx: Context, heads: list[int], args: Arguments, mentions: Mentions) -> None:
    """A threat with no recipient is aimed at the one its condition asks something of ("menacé
    d'imposer des droits si Bruxelles ne retirait pas sa taxe", "unless Baghdad accepted")."""
    if args.recipients:
        return
    tokens = ctx.analysis.tokens
    # the condition may hang on the threatened verb ("threatened to stop talks if X …")
    heads = heads + [k for h in heads for k in ctx.kids.get(h, []) if tokens[k].dep == "xcomp"]
    for head in heads:
        for clause in ctx.kids.get(head, []):
            marks = [k for k in ctx.kids.get(clause, []) if tokens[k].dep == "mark"]
            if tokens[clause].dep.split(":")[0] != "advcl" or not marks \
                    or find_phrase(tokens, marks, ctx.lex.status.get("hypothetical", ())) is None:
                continue
            subject, _, _ = subject_of(ctx, clause)
            if subject is not None and tokens[subject].pos != "PRON":
                args.recipients.append(argument(ctx, ctx.text, subject, mentions))
                return
