"""Speakers: the entity of the document a quote's speaker phrase stands for.

A name or title in the phrase is its entity (a person before an organisation: "le porte-parole
du Département d'État John Kirby" is Kirby, not the department); a pronoun is the person the
entity stage resolved it to, else the person named before it; "the ministry" is the one
ministry the article names. An unnamed speaker keeps its words and no entity.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dateline import geo
from dateline.common import gender, roles
from dateline.common.pronouns import antecedent
from dateline.common.roles import bare_pronoun, norm, title_words, word_set
from dateline.nlp import Analysis
from dateline.stages.quotes.cues import Cue

# Preference among mentions of a speaker phrase: a person's name, then their title, then
# an organisation or a country acting.
TYPE_RANK = {"PERSON": 0, "ORG": 1, "GPE": 2, "MISC": 3, "LOC": 4}
KIND_RANK = {"name": 0, "title": 1, "nominal": 2, "pronoun": 3}
# Tokens before a person's name read for the nouns of their role ("главный врач … Сизова").
ROLE_WINDOW = 6
# Dependents that make a description someone in particular ("le maire de Saint-Nazaire").
COMPLEMENT_DEPS = {"nmod", "obl", "acl", "appos", "prep"}
QUOTE_MARKS = {"«", "»", "“", "”", '"', "„"}


@dataclass(frozen=True)
class EntityMention:
    start: int
    end: int
    entity: str
    type: str
    kind: str
    credit: bool = False  # a news agency credited in brackets ("(Reuters)", "/ТАСС/"), not an actor


# Entity types that can speak.
SPEAKER_TYPES = frozenset({"PERSON", "ORG", "GPE"})


def credited(text: str, start: int, end: int) -> bool:
    """A name in brackets or slashes of its own: an agency credit ("(Reuters)", "/ТАСС/")."""
    return text[start - 1:start] in {"(", "/"} and text[end:end + 1] in {")", "/"}


def mention_table(entities: list[dict[str, Any]], text: str = "") -> list[EntityMention]:
    """Every mention of every entity, in text order."""
    rows = [EntityMention(m["start"], m["end"], e["id"], e["type"], m.get("kind", "name"),
                          credited(text, m["start"], m["end"])) for e in entities for m in e["mentions"]]
    return sorted(rows, key=lambda r: r.start)


def word_list(language: str, key: str) -> frozenset[str]:
    """One list of the language's quotes.toml, normalised."""
    return roles.word_list(language, "quotes", key)


def pronouns(language: str) -> frozenset[str]:
    """Words that stand for a person speaking: "il", "lui", "he", "him", "он", "его"."""
    return word_list(language, "speaker_pronouns")


def can_speak(mention: EntityMention, entities: dict[str, dict[str, Any]]) -> bool:
    """People and organisations speak; of places, only a country (or its capital acting)."""
    if mention.type not in {"GPE", "LOC"}:
        return True
    entity = entities[mention.entity]
    return geo.country_by_name(entity.get("canonical") or entity["name"]) is not None


def appositive(analysis: Analysis, mention: EntityMention) -> bool:
    """A name set beside the speaker's title ("Okafor's coach, Tunde Bakare"), not one
    the title governs ("Okafor's")."""
    deps = {"appos", "flat:name", "flat"}
    return any(analysis.tokens[i].dep in deps for i in analysis.tokens_in(mention.start, mention.end))


def in_phrase(analysis: Analysis, table: list[EntityMention], entities: dict[str, dict[str, Any]],
              span: tuple[int, int], head: int, collective: bool) -> str | None:
    """The entity a speaker phrase names: the one at its head word; else a name set beside
    it, else a person named in it ("la déclaration du porte-parole … John Kirby"); else, for
    a ``collective`` head (a press office, a statement), the organisation it belongs to ("в
    пресс-службе компании X")."""
    inside = [m for m in table if m.start < span[1] and span[0] < m.end and can_speak(m, entities)]
    covering = [m for m in inside if m.start <= head < m.end]
    beside = [m for m in inside if m.type != "GPE" and appositive(analysis, m)] if not collective else []
    people = [m for m in inside if m.type == "PERSON"]
    groups = [m for m in inside if m.type == "ORG"] if collective else []
    for candidates in (covering, beside, people, groups):
        if candidates:
            best = min(candidates, key=lambda m: (TYPE_RANK.get(m.type, 9), KIND_RANK.get(m.kind, 9), m.start))
            return best.entity
    return None


def organisation_by_noun(entities: list[dict[str, Any]], head_word: str) -> str | None:
    """"the ministry", "la société": the one organisation whose name holds that noun."""
    found = [e["id"] for e in entities if e["type"] == "ORG"
             and head_word in norm(" ".join([e["name"], *e.get("aliases", [])])).split()]
    return found[0] if len(found) == 1 else None


def last_named(analysis: Analysis, table: list[EntityMention], offset: int, quoted: list[tuple[int, int]],
               types: set[str], subjects: bool = False) -> str | None:
    """The entity of those types named last before ``offset`` outside quotations (its
    sentence's subject when the last one named is an object); with ``subjects``, only
    those named as the subject of a clause ("Norvik Foods said … The company said")."""
    named = [(m.start, m.end, m.entity) for m in table if m.type in types and m.kind in {"name", "title"}
             and not any(a <= m.start < b for a, b in quoted) and not m.credit]
    if subjects:
        acting = [n for n in named if any(analysis.tokens[i].dep.startswith("nsubj")
                                          for i in analysis.tokens_in(n[0], n[1])) and n[1] <= offset]
        named = acting or named
    return antecedent(analysis, named, offset)


def pronoun_speaker(analysis: Analysis, table: list[EntityMention], offset: int, quoted: list[tuple[int, int]],
                    previous: str | None, wanted: str | None, genders: dict[str, str | None]) -> str | None:
    """A pronoun's person: as the entity stage resolved it, else the person of its gender
    named before it outside quotations, else the speaker of the quote before."""
    covering = [m for m in table if m.start <= offset < m.end and m.type == "PERSON"]
    if covering:
        return covering[0].entity
    agreeing = [m for m in table if gender.agrees(wanted, genders.get(m.entity))]
    fallback = previous if previous is None or gender.agrees(wanted, genders.get(previous)) else None
    return last_named(analysis, agreeing, offset, quoted, {"PERSON"}) or fallback


def before_verb(analysis: Analysis, table: list[EntityMention], entities: dict[str, dict[str, Any]],
                verb: int | None) -> str | None:
    """The name standing right before the cue verb ("… - Lumora Systems said"), for when
    the parse gave the verb a wrong subject."""
    if verb is None:
        return None
    toks = analysis.tokens
    i = verb - 1
    while i >= 0 and toks[i].pos in {"AUX", "ADV", "PART"}:
        i -= 1
    return next((m.entity for m in table if i >= 0 and m.start <= toks[i].start < m.end
                 and m.type in {"PERSON", "ORG"} and can_speak(m, entities)), None)


def speaker_words(text: str, cue: Cue, analysis: Analysis, language: str) -> tuple[str | None, int | None]:
    """The words standing for the speaker and the offset of their head word; a pronoun
    inside the cue itself ("по его словам") when the phrase is empty."""
    known = pronouns(language) | word_list(language, "group_pronouns")
    if cue.speaker is not None:
        words = " ".join(text[cue.speaker[0]:cue.speaker[1]].split())
        head = analysis.tokens[cue.head].start if cue.head is not None else cue.speaker[0]
        return (bare_pronoun(words) if bare_pronoun(words) in known or words.startswith("-") else words), head
    for i in analysis.tokens_in(cue.start, cue.end):
        if bare_pronoun(analysis.tokens[i].text) in known:
            return bare_pronoun(analysis.tokens[i].text), analysis.tokens[i].start
    return None, None


def resolve(text: str, cue: Cue | None, analysis: Analysis, entities: list[dict[str, Any]],
            table: list[EntityMention], language: str, quoted: list[tuple[int, int]],
            previous: str | None) -> tuple[str | None, str | None]:
    """(entity id or None, speaker text or None) for a quote's cue."""
    if cue is None:
        return None, None
    words, head = speaker_words(text, cue, analysis, language)
    if words is None or head is None:
        return None, None
    head_token = analysis.tokens[cue.head] if cue.head is not None else None
    head_word = norm(head_token.lemma or head_token.text) if head_token else ""
    genders = {e["id"]: e.get("gender") for e in entities}
    generic = head_word in word_list(language, "person_nouns") and cue.head is not None \
        and not indefinite(analysis, cue.head, language)
    if words in pronouns(language) or generic:  # "a-t-il déclaré", "a déclaré l'élue"
        wanted = gender.pronoun_gender(words, language) or gender.phrase_gender(words, language) or \
            (gender.verb_gender(analysis, cue.verb, language) if cue.verb is not None else None)
        return pronoun_speaker(analysis, table, head, quoted, previous, wanted, genders), words
    if words in word_list(language, "relatives"):  # "Nathalie Bessière, qui rappelle que …"
        return named_before(analysis, table, head), words
    if words in word_list(language, "group_pronouns"):
        return last_named(analysis, table, head, quoted, {"ORG"}), words
    if any(phrase in f" {norm(words)} " for phrase in word_list(language, "unnamed_phrases")):
        return None, words  # "врач одной из городских больниц", "one of the officials": someone not named
    # "data": the lemmatiser's "datum" is in no list, so a statement noun is read as written
    noun = norm(head_token.text) if head_token and norm(head_token.text) in word_list(language, "nouns") \
        else head_word
    collective = noun in word_set(language, "institution_nouns") | word_list(language, "nouns")
    span = cue.speaker or (head, head + len(words))
    by_id = {e["id"]: e for e in entities}
    found = in_phrase(analysis, table, by_id, span, head, collective)
    if found is None and cue.head is not None and not indefinite(analysis, cue.head, language):
        found = organisation(analysis, table, entities, span, head, quoted, language) if collective \
            else by_role(analysis, entities, noun, gender.phrase_gender(words, language))
    if found is None and cue.head is not None and definite_person(analysis, cue.head, language, collective):
        found = pronoun_speaker(analysis, table, head, quoted, previous, gender.phrase_gender(words, language),
                                genders)  # "le technicien", "the coach"
    if found is None and head_token is not None and head_token.pos == "PROPN":
        found = by_name(entities, words) or before_verb(analysis, table, by_id, cue.verb)
    return found, words


def by_name(entities: list[dict[str, Any]], words: str) -> str | None:
    """The one entity the speaker's name is another form of: a name the entity stage did not
    link here ("Jeff Sanborn" where it found "Sanborn"), met by its last word or as an alias."""
    wanted = norm(words)
    last = wanted.split()[-1:] if wanted else []
    found = {e["id"] for e in entities if e.get("type") in SPEAKER_TYPES and any(
        norm(s) == wanted or last and norm(s).split()[-1:] == last
        for s in [e.get("name") or "", e.get("canonical") or "", *e.get("aliases", [])] if s)}
    return found.pop() if len(found) == 1 else None


def named_before(analysis: Analysis, table: list[EntityMention], offset: int) -> str | None:
    """The entity named right before a relative pronoun, past its comma."""
    for mention in reversed([m for m in table if m.end <= offset]):
        between = analysis.tokens_in(mention.end, offset)
        if all(analysis.tokens[i].text == "," for i in between):
            return mention.entity
        return None
    return None


def definite_person(analysis: Analysis, head: int, language: str, collective: bool) -> bool:
    """"le technicien", "l'attaquant malien", "the coach": a bare singular definite description
    of a person (a person noun with no complement: "le maire de Saint-Nazaire" is someone else)."""
    articles = word_list(language, "definite")
    toks = analysis.tokens
    token = toks[head]
    determined = any(t.head == head and t.dep.startswith("det") and norm(t.text) in articles
                     for t in toks[max(0, head - 3):head])
    complements = any(t.head == head and t.dep.split(":")[0] in COMPLEMENT_DEPS for t in toks[head + 1:head + 8])
    return not collective and determined and not complements and token.pos == "NOUN" \
        and token.text[:1].islower() and person_noun(norm(token.lemma or token.text), language)


def person_noun(noun: str, language: str) -> bool:
    """A noun naming a person: a title word, a listed person noun, or an agent suffix."""
    if noun in title_words(language) or noun in word_list(language, "person_nouns"):
        return True
    suffixes, excluded = word_list(language, "person_suffixes"), word_list(language, "not_person_suffixes")
    return any(noun.endswith(s) for s in suffixes) and not any(noun.endswith(s) for s in excluded)


def indefinite(analysis: Analysis, head: int, language: str) -> bool:
    """"a police spokesman", "un témoin": a speaker the article does not name."""
    articles = word_list(language, "indefinite")
    return any(t.head == head and t.dep.startswith(("det", "nummod")) and norm(t.text) in articles
               for t in analysis.tokens[max(0, head - 4):head])


def role_words(analysis: Analysis, entity: dict[str, Any]) -> set[str]:
    """Lemmas of the nouns in a person's titles and descriptions and of the nouns set right
    before their name ("режиссёр спектакля Олег Мирский", "Okafor's coach, Tunde Bakare")."""
    found: set[str] = set()
    toks = analysis.tokens
    for mention in entity["mentions"]:
        inside = analysis.tokens_in(mention["start"], mention["end"])
        if mention.get("kind") in {"title", "nominal"}:
            found.update(norm(toks[i].lemma or toks[i].text) for i in inside if toks[i].pos in {"NOUN", "PROPN"})
        elif mention.get("kind") == "name" and inside:
            i = inside[0] - 1
            if i >= 0 and toks[i].text == "," and any(toks[k].dep == "appos" for k in inside):
                i -= 1  # "Okafor's coach, Tunde Bakare": the name is set beside its role
            for j in range(i, max(-1, i - ROLE_WINDOW), -1):
                ends = toks[j].pos == "PUNCT" and toks[j].text not in QUOTE_MARKS | {"-"}
                if ends or toks[j].pos in {"VERB", "AUX", "SCONJ"}:
                    break
                if toks[j].pos == "NOUN":
                    found.add(norm(toks[j].lemma or toks[j].text))
    return found


def by_role(analysis: Analysis, entities: list[dict[str, Any]], noun: str, wanted: str | None) -> str | None:
    """"the coach said", "Режиссёр рассказал": the one person of that gender (when known)
    whose title holds that noun."""
    found = [e["id"] for e in entities if e["type"] == "PERSON" and noun in role_words(analysis, e)
             and gender.agrees(wanted, e.get("gender"))]
    return found[0] if len(found) == 1 else None


def organisation(analysis: Analysis, table: list[EntityMention], entities: list[dict[str, Any]],
                 span: tuple[int, int], head: int, quoted: list[tuple[int, int]], language: str) -> str | None:
    """"the company", "пресс-служба суда", "в заявлении комбината": the organisation whose
    name holds the noun, else the organisation named last."""
    org_nouns = word_set(language, "institution_nouns")
    nouns = [norm(analysis.tokens[i].lemma or analysis.tokens[i].text) for i in analysis.tokens_in(*span)]
    nouns = [n for n in nouns if n in org_nouns]
    if not nouns:
        return None
    named = next((found for n in reversed(nouns) if (found := organisation_by_noun(entities, n))), None)
    bare_description = not any(analysis.tokens[i].pos == "PROPN" for i in analysis.tokens_in(*span))
    # The organisation may be named in the very clause it reports ("X a été piratée, a annoncé
    # l'entreprise"), so quotations do not hide it as they hide people.
    return named or (last_named(analysis, table, head, [], {"ORG", "MISC"}, subjects=True) if bare_description
                     else None)
