"""Collectives: organisations named by a description rather than a name.

"le parquet de Saint-Nazaire", "la préfecture de la Manche", "прокуратура Москвы": an
institution noun (dateline/lang/<code>/entities.toml, ``institution_nouns``) with a complement
that names something is an organisation of its own. A bare one ("la société", "the company",
"le tribunal") is the organisation already in the article that it can only mean: the one
whose name holds the noun, else an earlier description with the same noun. These mentions are
descriptions (kind "nominal"); they give quotes and events an actor that has no proper name.
"""
from __future__ import annotations

from dateline.common.mentions import Mention, add_containing, children_of, noun_phrase, span_text, strip_edges
from dateline.common.roles import norm, word_set
from dateline.nlp import Analysis


def names_something(analysis: Analysis, indexes: list[int], head: int) -> bool:
    """True when the words after the head name something: a capitalised word or a name."""
    return any(analysis.tokens[i].pos == "PROPN" or analysis.tokens[i].text[:1].isupper()
               for i in indexes if i > head)


def bare_target(mentions: list[Mention], noun: str, before: int) -> str | None:
    """The organisation a bare description means: the one whose name holds its noun, else
    the latest description with the same head noun."""
    named = {m.key for m in mentions if m.type == "ORG" and m.kind == "name"
             and (noun in norm(m.lemma or m.text).split() or noun in m.extra.get("heads", set()))}
    if len(named) == 1:
        return named.pop()
    described = [m for m in mentions if m.kind == "nominal" and m.type == "ORG" and m.start < before
                 and m.extra.get("head") == noun]
    return described[-1].key if described else None


def collective(analysis: Analysis, text: str, index: int, language: str, kids: dict[int, list[int]],
               mentions: list[Mention]) -> Mention | None:
    """The organisation mention a noun heads, or None."""
    tokens = analysis.tokens
    noun = norm(tokens[index].lemma or tokens[index].text)
    phrase = noun_phrase(analysis, index, kids)
    whole, core = strip_edges(tokens, phrase, language)
    if not core or whole[0] > index:
        return None
    start, end, surface = span_text(text, tokens, whole)
    following = tokens[phrase[-1] + 1].start if phrase[-1] + 1 < len(tokens) else end
    named = [m for m in mentions if m.type == "ORG" and m.kind == "name" and start <= m.start
             and (m.end <= end or m.start == following)]
    if named:  # "la société Valmont": the name is the mention, and "la société" will mean it
        named[0].extra.setdefault("heads", set()).add(noun)
        return None
    core_text = span_text(text, tokens, core)[2]
    if names_something(analysis, core, index):
        return Mention(start, end, surface, "ORG", kind="nominal", key=f"org:{norm(core_text)}",
                       lemma=core_text, extra={"head": noun})
    target = bare_target(mentions, noun, start)
    if target is None:
        return None
    return Mention(start, end, surface, "ORG", kind="nominal", key=target, lemma=core_text, extra={"head": noun})


def add_collectives(analysis: Analysis, text: str, mentions: list[Mention], language: str) -> list[Mention]:
    """The mentions with organisation descriptions added, in text order."""
    nouns = word_set(language, "institution_nouns")
    kids = children_of(analysis)
    found = list(mentions)
    for i, token in enumerate(analysis.tokens):
        if token.pos != "NOUN" or norm(token.lemma or token.text) not in nouns or not token.text[:1].islower():
            continue
        if any(m.start <= token.start < m.end for m in found):
            continue
        mention = collective(analysis, text, i, language, kids, found)
        if mention is not None:
            add_containing(mention, found)
    return sorted(found, key=lambda m: m.start)


def rekey(mentions: list[Mention], old: str, new: str) -> None:
    for mention in mentions:
        if mention.key == old:
            mention.key = new


def join_acronyms(text: str, mentions: list[Mention]) -> None:
    """"Силы быстрого реагирования (СБР)", "Bureau de la coordination … (OCHA)": the acronym in
    brackets after a name is that name's entity."""
    names = [m for m in mentions if m.kind == "name"]
    for long, short in zip(names, names[1:]):
        between = text[long.end:short.start].strip()
        closing = text[short.end:short.end + 2].lstrip()[:1]
        if between == "(" and closing == ")" and short.text.isupper() and long.type in {"ORG", "MISC", "GPE"}:
            short.type = long.type
            rekey(mentions, short.key, long.key)


def join_places_of(analysis: Analysis, text: str, mentions: list[Mention], language: str) -> list[Mention]:
    """"Министерство здравоохранения Новосибирской области", "Госавтоинспекция по Челябинской
    области": a place set right after an organisation's name (or after a linking preposition,
    ``org_place_links``) and governed by it is part of the name, not a mention of its own."""
    kept: list[Mention] = []
    for mention in mentions:
        before = kept[-1] if kept else None
        between = norm(text[before.end:mention.start]) if before is not None else ""
        linked = between == "" or between in word_set(language, "org_place_links")
        if before is not None and before.type == "ORG" and before.kind == "name" and mention.kind == "name" \
                and mention.type in {"GPE", "LOC"} and linked and governed_by(analysis, mention, before):
            old = before.key
            before.text = text[before.start:mention.end]
            before.lemma = f"{before.lemma or before.text} {mention.text}" if before.lemma else before.text
            before.end = mention.end
            before.key = f"org:{norm(before.lemma)}"
            rekey(kept, old, before.key)
            continue
        kept.append(mention)
    return kept


def governed_by(analysis: Analysis, mention: Mention, owner: Mention) -> bool:
    """True when the mention's head word depends on a word of the owner."""
    inside = analysis.tokens_in(mention.start, mention.end)
    heads = [analysis.tokens[i].head for i in inside if analysis.tokens[i].head not in inside]
    return bool(heads) and all(owner.start <= analysis.tokens[h].start < owner.end for h in heads)


def designated_organisations(analysis: Analysis, text: str, mentions: list[Mention], language: str) -> list[Mention]:
    """"Norvik Foods", "Lumora Systems": a run of proper nouns the model missed that ends with
    an organisation word (``org_designators`` in entities.toml) is an organisation's name."""
    designators = word_set(language, "org_designators")
    tokens, found = analysis.tokens, []
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and tokens[j].pos == "PROPN" and tokens[j].text[:1].isupper():
            j += 1
        if j - i >= 2 and norm(tokens[j - 1].text) in designators \
                and not any(tokens[i].start < m.end and m.start < tokens[j - 1].end for m in mentions):
            start, end = tokens[i].start, tokens[j - 1].end
            found.append(Mention(start, end, text[start:end], "ORG", key=f"org:{norm(text[start:end])}",
                                 lemma=text[start:end]))
        i = max(j, i + 1)
    return sorted(mentions + found, key=lambda m: m.start)
