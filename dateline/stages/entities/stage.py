"""Entities: mentions merged into one entry per real-world entity of the document.

Names with the same key merge (a surname joins the full name it ends); titles in apposition
already carry their person's key; a description ("le ministre des Affaires étrangères")
joins the person whose office and country it matches, never the subject it is the object
of. Each entity gets a type, a country, a role, aliases and every mention with offsets.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Any

from dateline import geo, names
from dateline.common import gender
from dateline.common.mentions import Mention, collect
from dateline.common.pronouns import is_subject, resolve_pronouns
from dateline.common.roles import norm
from dateline.errors import Code, DatelineError
from dateline.geo import regions
from dateline.nlp import Analysis
from dateline.record import Document
from dateline.settings import Settings
from dateline.stages.entities.collectives import (
    add_collectives,
    designated_organisations,
    join_acronyms,
    join_places_of,
)
from dateline.stages.entities.groups import add_groups

# Words of a headline, hyphenated names kept whole ("États-Unis").
TITLE_WORD = re.compile(r"\w+(?:-\w+)*")
# An all-caps name this short is an acronym (USA, FBI) and keeps its capitals.
SHORT_ACRONYM = 5
# What a description's gender, matching a person's known gender, adds to its office match.
GENDER_BONUS = 0.5
# Offices through which a counterpart is named: "son homologue" holds the other's office.
COUNTERPART = "counterpart"


def merge_surnames(mentions: list[Mention], language: str | None = None) -> None:
    """A name that ends a person's fuller name in the document is that person ("de Vries" is
    Pieter de Vries), even when the model typed a lone word as an organisation ("Lavrov");
    inflected forms compare by stem where the language inflects names ("Сизовой")."""
    full = {m.key: [names.stem(w, language) for w in m.key.split(":", 1)[1].split()]
            for m in mentions if m.type == "PERSON" and m.kind == "name"}
    for mention in mentions:
        if mention.kind != "name" or mention.type not in {"PERSON", "ORG", "MISC"} and not unknown_place(mention):
            continue
        parts = [names.stem(w, language) for w in norm(mention.lemma or mention.text).split()]
        # The same name in another case ("Сизовой", "Сизова") joins too, but not the same
        # words typed otherwise by the model.
        typed = {f"{t}:{norm(mention.lemma or mention.text)}" for t in ("person", "org", "misc")}
        longer = [k for k, p in full.items()
                  if k != mention.key and (len(p) > len(parts) or len(p) == len(parts) and k not in typed)
                  and (len(parts) == 1 or mention.type == "PERSON") and p[-len(parts):] == parts]
        # "Vries" fits both "de Vries" and "Pieter de Vries": when each candidate ends the
        # longest one, they are one person; otherwise the surname is ambiguous and stays alone.
        longest = max(longer, key=lambda k: len(full[k]), default=None)
        if longest is not None and all(full[longest][-len(full[k]):] == full[k] for k in longer):
            longer = [longest]
        if len(longer) == 1:
            old = mention.key
            for other in mentions:
                if other.key == old:
                    other.key, other.type = longer[0], "PERSON"


def unknown_place(mention: Mention) -> bool:
    """A one-word "place" the gazetteer does not know: the model's guess, maybe a surname."""
    return mention.type in {"GPE", "LOC"} and " " not in mention.text and not mention.country \
        and geo.resolve_place(mention.lemma or mention.text, set(), None) is None


def nominative_subjects(analysis: Analysis, mentions: list[Mention], language: str) -> None:
    """Where names inflect, a person named as a subject is named in the nominative: its
    surface is its name ("Валентина Сизова заявила"), whatever the lemmatiser made of it."""
    if not names.case_endings(language):
        return
    for mention in mentions:
        if mention.type == "PERSON" and mention.kind == "name" and is_subject(analysis, mention.start, mention.end):
            mention.lemma = mention.text


def retype_lone_names(mentions: list[Mention]) -> None:
    """A one-word "person" the model also tagged as an organisation or a thing elsewhere in the
    article, with no fuller name of its own, is that organisation ("Domicilio")."""
    others = {norm(m.text): m for m in mentions if m.kind == "name" and m.type in {"ORG", "MISC"}}
    for mention in mentions:
        word = norm(mention.text)
        other = others.get(word)
        if other is None or mention.type != "PERSON" or mention.kind != "name" or " " in word \
                or mention.key != f"person:{norm(mention.lemma or mention.text)}":
            continue
        old = mention.key
        for same in mentions:
            if same.key == old:
                same.key, same.type = other.key, other.type


def merge_short_names(mentions: list[Mention]) -> None:
    """A one-word name that opens exactly one organisation's fuller name is that
    organisation ("Norvik" is Norvik Foods), whatever type the model gave the word."""
    full = {m.key: norm(m.lemma or m.text).split() for m in mentions if m.type == "ORG" and m.kind == "name"}
    for mention in mentions:
        parts = norm(mention.lemma or mention.text).split()
        if mention.kind != "name" or mention.type not in {"ORG", "MISC", "PERSON"} or len(parts) != 1:
            continue
        longer = {k for k, p in full.items() if len(p) > 1 and p[0] == parts[0]}
        if len(longer) == 1 and mention.key not in longer:
            old, new = mention.key, longer.pop()
            for other in mentions:
                if other.key == old:
                    other.key, other.type = new, "ORG"


def repeated_names(analysis: Analysis, text: str, mentions: list[Mention], language: str) -> list[Mention]:
    """Proper nouns the model missed that repeat a name already found: a person's surname
    ("Kamau said") or the first word of an organisation's name ("Northline")."""
    people = {m.key: [names.stem(w, language) for w in m.key.split(":", 1)[1].split()]
              for m in mentions if m.type == "PERSON" and m.kind == "name"}
    groups = {m.key: norm(m.lemma or m.text).split() for m in mentions if m.type == "ORG" and m.kind == "name"}
    found = []
    for token in analysis.tokens:
        if token.pos != "PROPN" or not token.text[:1].isupper() or overlaps_any(token.start, token.end, mentions):
            continue
        word = norm(token.text)
        person = {k for k, p in people.items() if len(p) > 1 and p[-1] == names.stem(word, language)}
        group = {k for k, p in groups.items() if len(p) > 1 and p[0] == word}
        if len(person) + len(group) == 1:
            key = (person or group).pop()
            kind = "PERSON" if person else "ORG"
            found.append(Mention(token.start, token.end, token.text, kind, key=key, lemma=token.text))
    return sorted(mentions + found, key=lambda m: m.start)


def overlaps_any(start: int, end: int, mentions: list[Mention]) -> bool:
    return any(start < m.end and m.start < end for m in mentions)


def offices(mentions: list[Mention]) -> dict[str, set[str]]:
    """The offices each person holds, a counterpart taking the office of the one it faces."""
    held: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.key and mention.office:
            held.setdefault(mention.key, set()).add(mention.office)
    for mention in mentions:
        if mention.key and mention.office == COUNTERPART:
            faced = [m for m in mentions if m.type == "PERSON" and m.key and m.key != mention.key
                     and m.start < mention.start and held.get(m.key, set()) - {COUNTERPART}]
            if faced:
                held[mention.key] |= held[faced[-1].key] - {COUNTERPART}
    return held


def subject_keys(analysis: Analysis, mention: Mention, mentions: list[Mention]) -> set[str]:
    """Keys of the subject of the clause a description is the object of."""
    inside = analysis.tokens_in(mention.start, mention.end)
    if not inside:
        return set()
    verb = analysis.tokens[inside[0]].head
    for i in inside:
        if analysis.tokens[i].head not in inside:
            verb = analysis.tokens[i].head
    subjects = [t for t in analysis.tokens if t.head == verb and t.dep.startswith("nsubj")]
    return {m.key for m in mentions for t in subjects if m.key and m.start <= t.start < m.end}


def resolve_descriptions(analysis: Analysis, mentions: list[Mention], known: dict[str, str],
                         wanted: dict[int, str | None]) -> list[Mention]:
    """Give each person description the key of the person it refers to (of its gender, when
    both are known: "la maire" is not a man); drop the rest."""
    held = offices(mentions)
    kept = []
    for mention in mentions:
        if mention.kind != "nominal" or mention.type != "PERSON":
            kept.append(mention)
            continue
        excluded = subject_keys(analysis, mention, mentions)
        best: tuple[float, int, str] | None = None
        for rank, other in enumerate(m for m in mentions if m.type == "PERSON" and m.key and m.start < mention.start):
            if other.key in excluded or not gender.agrees(wanted.get(mention.start), known.get(other.key)):
                continue
            score = 2.0 * (mention.office in held.get(other.key, set()))
            if score and wanted.get(mention.start) and known.get(other.key) == wanted.get(mention.start):
                score += GENDER_BONUS  # "la maire": the mayor known to be a woman first
            countries = {m.country for m in mentions if m.key == other.key and m.country}
            if mention.country and countries:
                score += 1.0 if mention.country in countries else -3.0
            if score > 0 and (best is None or (score, rank) >= best[:2]):
                best = (score, rank, other.key)
        if best is not None:
            mention.key = best[2]
            kept.append(mention)
    return kept


def entity_name(group: list[Mention], language: str | None) -> str:
    """The entity's name: its fullest proper name (nominative when the model gives it)."""
    named = [m for m in group if m.kind == "name" and not m.extra.get("metonymy")]
    if named:
        # The fullest form, and one written in ordinary case over an ALL-CAPS dateline.
        best = max(named, key=lambda m: (len((m.lemma or m.text).split()), not m.text.isupper(), -m.start))
        name = " ".join((best.lemma or best.text).split())
        return name.title() if name.isupper() and len(name) > SHORT_ACRONYM else name
    country = next((m.country for m in group if m.country and m.key.startswith("country:")), None)
    found = geo.country_by_code(country) if country else None
    if found is not None:
        return found.names.get(language or "en", found.name) if hasattr(found, "names") else found.name
    nominal = next((m for m in group if m.lemma), group[0])
    return nominal.lemma or nominal.text


def entity_country(group: list[Mention], place: geo.Place | None) -> str | None:
    counts = Counter(m.country for m in group if m.country)
    if counts:
        return counts.most_common(1)[0][0]
    return place.country if place is not None else None


def entity_sector(group: list[Mention]) -> str | None:
    """The PLOVER sector its group descriptions give an organisation ("les rebelles": REB)."""
    counts = Counter(m.extra["sector"] for m in group if m.extra.get("sector"))
    return counts.most_common(1)[0][0] if counts else None


def entity_role(group: list[Mention]) -> str | None:
    roles = [m for m in group if m.role]
    preferred = [m for m in roles if m.office != COUNTERPART] or roles
    return " ".join((preferred[0].role or "").replace("’", "'").split()) if preferred else None


def entity_aliases(group: list[Mention], kind: str, name: str, language: str | None) -> list[str]:
    aliases = {" ".join(m.text.split()) for m in group if m.kind == "name"} | {name}
    if kind == "PERSON":
        aliases.update(names.person_aliases(name, language))
    elif kind in {"GPE", "LOC"}:
        place = geo.resolve_place(name, set(), language)
        if place is not None:
            aliases.update(geo.place_aliases(place))
    return sorted(a for a in aliases if a)


def build(group: list[Mention], number: int, language: str | None, context: set[str],
          known: dict[str, str], text: str = "", near: list[geo.Point] | None = None) -> dict[str, Any]:
    kind = Counter(m.type for m in group if m.kind == "name").most_common(1)
    entity_type = kind[0][0] if kind else group[0].type
    name = entity_name(group, language)
    canonical = names.canonical_person(name, language) if entity_type == "PERSON" else name
    place = None
    if entity_type in {"GPE", "LOC"}:  # "Paris, Texas": the region written with it picks the homonym
        bare, region = regions.entity_region(text, name, (m.end for m in group))
        hint, admin1 = region or (None, "")
        place = geo.resolve_place(bare, context, language, hint, admin1, near or [])
    if place is not None:
        canonical = geo.canonical_place_name(place)
    return {"id": f"e{number}", "name": name, "canonical": canonical, "type": entity_type,
            "country": entity_country(group, place), "role": entity_role(group), "sector": entity_sector(group),
            "gender": known.get(group[0].key) if entity_type == "PERSON" else None,
            "aliases": entity_aliases(group, entity_type, name, language),
            "mentions": [{"start": m.start, "end": m.end, "text": m.text, "kind": m.kind} for m in group]}


def group_mentions(mentions: list[Mention]) -> list[list[Mention]]:
    """Mentions grouped by key, in order of first mention."""
    groups: dict[str, list[Mention]] = {}
    for mention in mentions:
        groups.setdefault(mention.key or f"solo:{mention.start}", []).append(mention)
    return list(groups.values())


def find_entities(analysis: Analysis, text: str, language: str) -> list[dict[str, Any]]:
    """The entities of a text (pure: compute only)."""
    mentions = collect(analysis, text, language)
    mentions = join_places_of(analysis, text, mentions, language)
    nominative_subjects(analysis, mentions, language)
    mentions = designated_organisations(analysis, text, mentions, language)
    join_acronyms(text, mentions)
    merge_surnames(mentions, language)
    merge_short_names(mentions)
    retype_lone_names(mentions)
    mentions = repeated_names(analysis, text, mentions, language)
    mentions = add_collectives(analysis, text, mentions, language)
    mentions = add_groups(analysis, text, mentions, language)
    mentions = resolve_pronouns(analysis, text, mentions, language)
    known = gender.genders(analysis, text, [m for m in mentions if m.kind != "nominal"], language)
    wanted = {m.start: gender.vote_gender(gender.mention_vote(analysis, text, m, language))
              for m in mentions if m.kind == "nominal" and m.type == "PERSON"}
    mentions = resolve_descriptions(analysis, mentions, known, wanted)
    known = gender.genders(analysis, text, mentions, language)
    context = {m.country for m in mentions if m.country and m.key.startswith("country:")}
    near = regions.near_points({m.text for m in mentions if m.kind == "name" and m.type in {"GPE", "LOC"}})
    return [build(group, i, language, context, known, text, near)
            for i, group in enumerate(group_mentions(mentions), start=1)]


def add_title_names(entities: list[dict[str, Any]], title: str | None) -> None:
    """Countries the headline names ("Les USA prêts à…") become aliases of their entity;
    the headline is not part of ``text``, so they carry no offsets."""
    for word in TITLE_WORD.findall(title or ""):
        country = geo.country_by_name(word) if word[:1].isupper() else None
        entity = next((e for e in entities if country and e["type"] == "GPE" and e["country"] == country.iso2
                       and e["canonical"] == country.name), None)
        if entity is not None and word not in entity["aliases"]:
            entity["aliases"] = sorted([*entity["aliases"], word])
            entity.setdefault("title_mentions", []).append(word)


def run(doc: Document, settings: Settings) -> Document:
    if doc._analysis is None:
        raise DatelineError(Code.BAD_ARGUMENT, "the entities stage needs the analysis stage first")
    doc.entities = find_entities(doc._analysis, doc.text, doc.language or "")
    add_title_names(doc.entities, doc.title)
    return doc
