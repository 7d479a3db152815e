"""Gender: what the text says of a person's gender, for pronouns and for the record.

Evidence: an honorific or determiner before a name or title ("Mme", "Mrs", "la maire"), a
gendered title noun ("spokeswoman", "directrice"), a given name common in the language's news
("Hélène", "Frédéric"), and in Russian the past-tense verb a person is the subject of
("заявила") and the endings of names ("Сизова", "Елена"). Word lists are data in
dateline/lang/<code>/gender.toml and given_names.toml. A person with no evidence, or with
evidence both ways, has no gender; a pronoun may then stand for them whatever its own gender.
"""
from __future__ import annotations

from functools import cache
from typing import Any

from dateline.common.mentions import Mention
from dateline.common.roles import bare_pronoun, norm, word_list
from dateline.lexicon import load
from dateline.nlp import Analysis

FEMALE, MALE = "f", "m"


@cache
def data(language: str) -> dict[str, Any]:
    return load(language, "gender")


def words(language: str, key: str) -> frozenset[str]:
    return word_list(language, "gender", key)


def pronoun_gender(word: str, language: str) -> str | None:
    """The gender a pronoun refers to ("elle" is f), or None."""
    return data(language).get("pronouns", {}).get(bare_pronoun(word))


def ending_vote(word: str, female: list[str], male: list[str]) -> int:
    """+1 when the word ends like a woman's, -1 like a man's, 0 otherwise (longest wins)."""
    lowered = norm(word)
    best = max(((len(e), 1) for e in female if lowered.endswith(e)), default=(0, 0))
    best = max([best, *((len(e), -1) for e in male if lowered.endswith(e))])
    return best[1]


def verb_vote(analysis: Analysis, index: int, language: str) -> int:
    """The gender the verb agrees with, for a token that is its subject (Russian past tense)."""
    token = analysis.tokens[index]
    if not token.dep.startswith("nsubj"):
        return 0
    verb = analysis.tokens[token.head]
    if verb.pos not in {"VERB", "AUX"}:
        return 0
    return ending_vote(verb.text, data(language).get("verb_female", []), data(language).get("verb_male", []))


def verb_gender(analysis: Analysis, verb: int, language: str) -> str | None:
    """The gender a past-tense verb agrees with ("заявила" is f), or None."""
    vote = ending_vote(analysis.tokens[verb].text, data(language).get("verb_female", []),
                       data(language).get("verb_male", []))
    return FEMALE if vote > 0 else MALE if vote < 0 else None


@cache
def given_names(language: str) -> tuple[frozenset[str], frozenset[str]]:
    """(female, male) given names of the language (dateline/lang/<code>/given_names.toml)."""
    found = load(language, "given_names")
    return frozenset(norm(n) for n in found.get("female", [])), frozenset(norm(n) for n in found.get("male", []))


def name_vote(name: str, language: str) -> int:
    """A full name's given name when the language's list knows it; in Russian, else the
    surname's ending, else the given name's ending."""
    parts = name.split()
    female, male = given_names(language)
    if len(parts) > 1 and (norm(parts[0]) in female or norm(parts[0]) in male):
        return 1 if norm(parts[0]) in female else -1
    if not parts or not data(language).get("surname_female"):
        return 0
    vote = ending_vote(parts[-1], data(language)["surname_female"], data(language).get("surname_male", []))
    if vote == 0 and len(parts) > 1 and norm(parts[0]) not in words(language, "male_first_names_in_a"):
        vote = 1 if any(norm(parts[0]).endswith(e) for e in data(language).get("first_name_female", [])) else 0
    return vote


def mention_vote(analysis: Analysis, text: str, mention: Mention, language: str) -> int:
    """The gender evidence one mention gives: +1 female, -1 male, 0 none."""
    vote = 0
    before = text[max(0, mention.start - 14):mention.start].split()
    if before and norm(before[-1]) in words(language, "female_before"):
        vote += 1
    elif before and norm(before[-1]) in words(language, "male_before"):
        vote -= 1
    inside = {norm(w) for w in mention.text.split()}
    first = norm(mention.text.split()[0]) if mention.text.split() else ""
    if mention.kind != "name" and first in words(language, "female_before"):
        vote += 1
    elif mention.kind != "name" and first in words(language, "male_before"):
        vote -= 1
    vote += len(inside & words(language, "female_words")) - len(inside & words(language, "male_words"))
    if mention.kind == "name":
        vote += name_vote(mention.lemma or mention.text, language)
    for i in analysis.tokens_in(mention.start, mention.end):
        vote += verb_vote(analysis, i, language)
    return vote


def phrase_gender(phrase: str, language: str) -> str | None:
    """The gender a description's own words show ("son avocat" m, "la maire" f), or None."""
    found = [norm(w) for w in phrase.split()]
    vote = sum(w in words(language, "female_words") or w in words(language, "female_before") for w in found) \
        - sum(w in words(language, "male_words") or w in words(language, "male_before") for w in found)
    return vote_gender(vote)


def genders(analysis: Analysis, text: str, mentions: list[Mention], language: str) -> dict[str, str]:
    """The gender of each person (by mention key) the text gives evidence of."""
    votes: dict[str, int] = {}
    for mention in mentions:
        if mention.type == "PERSON" and mention.key and mention.kind != "pronoun":
            votes[mention.key] = votes.get(mention.key, 0) + mention_vote(analysis, text, mention, language)
    return {key: gender for key, vote in votes.items() if (gender := vote_gender(vote))}


def vote_gender(vote: int) -> str | None:
    return FEMALE if vote > 0 else MALE if vote < 0 else None


def agrees(pronoun: str | None, person: str | None) -> bool:
    """A pronoun may stand for a person of its gender, or of unknown gender."""
    return pronoun is None or person is None or pronoun == person
