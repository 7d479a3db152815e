"""PETRARCH: what PETRARCH2's verb dictionary says of an English trigger verb in its sentence.

``lang/en/petrarch_verbs.json`` (built from PETRARCH2's CAMEO.2.0.txt, MIT) holds synonym blocks
of verbs, each with a code for the verb alone and phrase patterns over the words around the verb:
the subject's side (``pre``), the object's side (``post``) and prepositional phrases (``preps``).
"sign" alone is no event, "sign * &TREATY" is 057 (AGREE); "decline" is 120 (REJECT) but
"STOCKS * decline" nothing; "call (FOR &CEASEFIRE)" is 0256 (REQUEST).

``verdict`` matches the patterns of the trigger verb's block on its dependency parse: a pattern
matches when each of its items is found, as consecutive words (forms or lemmas), in its region
(the subject's subtree, the rest of the verb's dependents, or the object of a preposition of the
verb); the most specific match (most words) wins. It returns the CAMEO code of that pattern
(``---`` for a pattern that codes nothing) or None when no pattern matched or the verb is not in
the dictionary: the verb's own code is not used, as the language's trigger lexicon already
decided the verb alone. The events stage drops a trigger whose matched pattern codes nothing.
Two other uses were tried and reverted. Retyping a trigger to the type its matched pattern names
raised the real-news development F1 (0.175 -> 0.189) but cut the held-out English type accuracy
(0.81 -> 0.69). Coding a verb the lexicon does not know when a pattern matches it, in a sentence
with no other trigger, raised the real-news development F1 (0.280 -> 0.310) and the one-sentence
held-out English type accuracy (0.83 -> 0.90) but lowered the real-news held-out F1 (0.257 ->
0.250) and the PLOVER development macro-F1 (0.733 -> 0.721).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from dateline.common.mentions import subtree
from dateline.lexicon import LANG_DIR
from dateline.nlp import Analysis

DICTIONARY = LANG_DIR / "en" / "petrarch_verbs.json"
# Dependents of the verb on the subject's side.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "csubj", "csubjpass", "expl"})
# Dependents that are not part of the verb's phrase: other clauses, coordination, punctuation.
OUTSIDE_DEPS = frozenset({"conj", "cc", "punct", "advcl", "parataxis", "mark", "aux", "auxpass", "aux:pass",
                          "ccomp", "relcl", "acl"})
# Dependents that carry a preposition and its object.
PREP_DEPS = frozenset({"prep", "agent", "dative"})
NO_EVENT = "---"
Sequence = tuple[str, ...]


@dataclass(frozen=True)
class Pattern:
    pre: tuple[tuple[Sequence, ...], ...]
    post: tuple[tuple[Sequence, ...], ...]
    preps: tuple[tuple[str, tuple[tuple[Sequence, ...], ...]], ...]
    code: str

    def size(self) -> int:
        items = [*self.pre, *self.post, *(w for _, words in self.preps for w in words)]
        return sum(max(len(s) for s in item) for item in items) + len(self.preps)


def _items(raw: list[list[list[str]]]) -> tuple[tuple[Sequence, ...], ...]:
    return tuple(tuple(tuple(seq) for seq in item) for item in raw)


def _pattern(raw: dict[str, Any]) -> Pattern:
    return Pattern(_items(raw["pre"]), _items(raw["post"]),
                   tuple((p["prep"], _items(p["words"])) for p in raw["preps"]), raw["code"])


@cache
def verbs() -> dict[str, list[tuple[str, tuple[Pattern, ...]]]]:
    """Verb lemma -> (the whole verb with its particle, the patterns of its block)."""
    data = json.loads(DICTIONARY.read_text(encoding="utf-8"))
    index: dict[str, list[tuple[str, tuple[Pattern, ...]]]] = {}
    for block in data["blocks"]:
        patterns = tuple(_pattern(p) for p in block["patterns"])
        for verb in block["verbs"]:
            index.setdefault(verb.split()[0], []).append((verb, patterns))
    return index


Forms = list[tuple[str, str]]  # (text, lemma) of each token of a region, lower case


def forms_of(analysis: Analysis, region: list[int]) -> Forms:
    return [(analysis.tokens[i].text.lower(), analysis.tokens[i].lemma.lower()) for i in region]


def has_sequence(forms: Forms, words: frozenset[str], item: tuple[Sequence, ...]) -> bool:
    """True when one of the item's word sequences stands, consecutively, in the region (its
    ``forms``; ``words`` is their set, which rules most sequences out at once)."""
    for sequence in item:
        if not all(word in words for word in sequence):
            continue
        size = len(sequence)
        for start in range(len(forms) - size + 1):
            if all(word in forms[start + k] for k, word in enumerate(sequence)):
                return True
    return False


Region = tuple[Forms, frozenset[str]]
Regions = tuple[Region, Region, dict[str, Region]]


def region(analysis: Analysis, indexes: list[int]) -> Region:
    forms = forms_of(analysis, sorted(indexes))
    return forms, frozenset(w for pair in forms for w in pair)


def regions(analysis: Analysis, kids: dict[int, list[int]], verb: int) -> Regions:
    """The subject's words, the object side's words, and each preposition's object's words."""
    subject: list[int] = []
    objects: list[int] = []
    preps: dict[str, list[int]] = {}
    for child in kids.get(verb, []):
        dep = analysis.tokens[child].dep
        if dep in SUBJECT_DEPS:
            subject += subtree(child, kids)
        elif dep in PREP_DEPS:
            preps.setdefault(analysis.tokens[child].text.lower(), []).extend(subtree(child, kids)[1:])
        elif dep not in OUTSIDE_DEPS:
            objects += subtree(child, kids)
    return (region(analysis, subject), region(analysis, objects),
            {prep: region(analysis, found) for prep, found in preps.items()})


def matches(pattern: Pattern, parts: Regions) -> bool:
    (subject, subject_words), (objects, object_words), preps = parts
    if not all(has_sequence(subject, subject_words, item) for item in pattern.pre):
        return False
    if not all(has_sequence(objects, object_words, item) for item in pattern.post):
        return False
    for prep, items in pattern.preps:
        found = preps.get(prep)
        if found is None or not all(has_sequence(found[0], found[1], item) for item in items):
            return False
    return True


def particle_ok(analysis: Analysis, kids: dict[int, list[int]], verb: int, whole: str) -> bool:
    """A compound verb ("rule out") needs its particle among the verb's dependents."""
    rest = whole.split()[1:]
    if not rest:
        return True
    found = {analysis.tokens[k].text.lower() for k in kids.get(verb, [])
             if analysis.tokens[k].dep in {"prt", "compound:prt"}}
    return all(word in found for word in rest)


def verdict(analysis: Analysis, kids: dict[int, list[int]], verb: int) -> str | None:
    """The CAMEO code of the most specific pattern of the verb's block that matches, else None."""
    lemma = analysis.tokens[verb].lemma.lower()
    entries = [(whole, patterns) for whole, patterns in verbs().get(lemma, [])
               if particle_ok(analysis, kids, verb, whole)]
    if not entries:
        return None
    parts = regions(analysis, kids, verb)
    best: Pattern | None = None
    for _, patterns in entries:
        for pattern in patterns:
            if (best is None or pattern.size() > best.size()) and matches(pattern, parts):
                best = pattern
    return best.code if best is not None else None
