"""Pronouns: the person a pronoun stands for, when the text makes it plain.

A pronoun glossed by a name ("Il (John Kerry, ndlr)") is that person; a pronoun subject of a
reporting verb outside quotation marks ("a-t-il déclaré", "he said") is the person named
before it, or the subject of that sentence when the last one named is its object. Runs after
surnames have merged, so "Varga" already counts as the person Lena Varga.
"""
from __future__ import annotations

import re

from dateline.common import gender
from dateline.common.mentions import Mention, overlaps
from dateline.common.roles import bare_pronoun, norm, word_list, word_set
from dateline.nlp import Analysis

# Dependencies that set a name beside a noun ("le président Henri Castel").
APPOSITION = {"appos", "flat:name", "flat", "compound"}
# Text between quotation marks, in the styles news uses.
QUOTED = re.compile(r"«[^»]*»|“[^”]*”|„[^“”]*[“”]|\"[^\"\n]*\"")


def pronoun_mentions(analysis: Analysis, names: list[Mention], language: str) -> list[Mention]:
    """A pronoun glossed by a name ("Il (John Kerry, ndlr)", "he [Smith]") is that person."""
    pronouns = word_set(language, "pronouns")
    tokens, found = analysis.tokens, []
    for i, token in enumerate(tokens[:-2]):
        if norm(token.text) not in pronouns or tokens[i + 1].text not in {"(", "["}:
            continue
        person = next((m for m in names if m.type == "PERSON" and m.start == tokens[i + 2].start), None)
        if person is not None:
            found.append(Mention(token.start, token.end, token.text, "PERSON", kind="pronoun", key=person.key))
    return found


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Spans between opening and closing quotation marks."""
    return [(m.start(), m.end()) for m in QUOTED.finditer(text)]


def is_subject(analysis: Analysis, start: int, end: int) -> bool:
    """True for the subject of a clause, or a name set in apposition to it ("Le président
    Henri Castel a …")."""
    toks = analysis.tokens
    return any(toks[i].dep.startswith("nsubj")
               or toks[i].dep in APPOSITION and toks[toks[i].head].dep.startswith("nsubj")
               for i in analysis.tokens_in(start, end))


def antecedent(analysis: Analysis, candidates: list[tuple[int, int, str]], offset: int) -> str | None:
    """The key of the person a pronoun at ``offset`` stands for: the last person named
    before it, or the subject of that sentence when the last one named is its object
    ("Kerry a averti Lavrov … », a-t-il déclaré" is Kerry). Candidates: (start, end, key)."""
    before = [c for c in candidates if c[1] <= offset]
    if not before:
        return None
    last = before[-1]
    sentence = next(((a, b) for a, b in analysis.sentences if a <= last[0] < b), (last[0], last[1]))

    def subject(candidate: tuple[int, int, str]) -> bool:
        return is_subject(analysis, candidate[0], candidate[1])

    if subject(last):
        return last[2]
    subjects = [c for c in before if sentence[0] <= c[0] and subject(c)]
    return subjects[-1][2] if subjects else last[2]


def reporting_pronouns(analysis: Analysis, text: str, names: list[Mention], language: str) -> list[Mention]:
    """A pronoun subject of a reporting verb ("a-t-il déclaré", "he said") is the person
    named before it outside quotation marks (see ``antecedent``) whose gender, when the
    text shows it, agrees with the pronoun's (and with the verb's, "добавила")."""
    pronouns = word_set(language, "pronouns")
    verbs = word_list(language, "quotes", "verbs")
    quotes = quoted_ranges(text)
    known = gender.genders(analysis, text, names, language)
    outside = [m for m in names if m.type == "PERSON" and m.kind == "name"
               and not any(a <= m.start < b for a, b in quotes)]
    found = []
    for token in analysis.tokens:
        bare = bare_pronoun(token.text)
        if bare not in pronouns or not token.dep.startswith(("nsubj", "expl:subj")):
            continue
        verb = analysis.tokens[token.head]
        if norm(verb.lemma) not in verbs:
            continue
        wanted = gender.pronoun_gender(bare, language) or gender.verb_gender(analysis, token.head, language)
        candidates = [(m.start, m.end, m.key) for m in outside if gender.agrees(wanted, known.get(m.key))]
        key = antecedent(analysis, candidates, token.start)
        if key is not None:
            found.append(Mention(token.start, token.end, token.text, "PERSON", kind="pronoun", key=key))
    return found


def resolve_pronouns(analysis: Analysis, text: str, mentions: list[Mention], language: str) -> list[Mention]:
    """The mentions with the pronouns that can be resolved added, in text order."""
    found = pronoun_mentions(analysis, mentions, language)
    found += [m for m in reporting_pronouns(analysis, text, mentions + found, language)
              if not overlaps(m, mentions + found)]
    return sorted(mentions + found, key=lambda m: m.start)
