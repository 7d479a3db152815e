"""Cues: the words that attribute speech, and the clause each one attributes.

Three shapes, read from the parse and the language's cue lexicon (dateline/lang/<code>/quotes.toml):

- a reporting verb with its content clause: "X a précisé que …", "X said (that) …", "X заявил, что …";
- a reporting verb after its content, set off by a comma: "…, a indiqué X", "…, he said";
- an attribution phrase: "selon X, …", "according to X, …", "по словам X, …", "comme l'a dit X, …".

Each cue carries the span of its speaker phrase; resolving it to an entity is left to
dateline/stages/quotes/speakers.py. Direct quotations are found in marks.py.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from dateline.common.mentions import subtree
from dateline.common.roles import norm, word_list
from dateline.lexicon import load
from dateline.nlp import Analysis, Token

# Tokens that may stand between a comma and a postposed cue verb: its auxiliary, its
# subject ("…, a police spokesman said"), adverbs. Further away it is another clause.
MAX_CUE_GAP = 8
# Tokens after a postposed cue verb before its sentence ends: the speaker phrase and
# adverbials ("…, said John Smith, the mayor, on Tuesday"); more is a clause of its own.
MAX_TAIL = 18
# Tokens between a verb and its complementiser ("said on Monday in Paris that …").
COMPLEMENT_WINDOW = 10
# A content clause has at least this many words; fewer is a fragment, not reported speech.
MIN_CONTENT_WORDS = 3
# Parts of speech that cannot be a reporting verb whatever their lemma ("the report", "une note").
NOT_VERBS = {"NOUN", "PROPN", "ADJ", "ADP", "DET", "PRON", "NUM", "PUNCT", "CCONJ", "SCONJ"}
# Parts of speech that may sit between a comma and a postposed cue verb.
GAP_POS = {"AUX", "PRON", "PROPN", "NOUN", "DET", "ADJ", "ADV", "ADP", "CCONJ", "NUM", "PART", "PUNCT", "X", ""}
# Tokens that end a speaker phrase.
PHRASE_STOP_POS = {"VERB", "AUX", "SCONJ"}
PHRASE_STOP_TEXT = {",", ";", ":", "(", ")", ".", "!", "?", "—", "–"}
# Objects of a verb that are its hearer or its content, not a clause.
OBJECT_DEPS = {"obj", "dobj"}
SUBJECT_DEP = "nsubj"
PASSIVE_DEPS = {"nsubj:pass", "nsubjpass"}
# French inversion: "a-t-il déclaré" tags "-il" (and the euphonic "-t") as expl:subj.
INVERTED_SUBJECT = "expl:subj"
EUPHONIC_T = "t"
# Words between a verb and the noun of its inverted subject ("lance un jeune manifestant").
MAX_INVERTED_LEAD = 3
# A quotation closed, then a full stop, then the next sentence ("… plus ». « On nous …").
AFTER_QUOTE = re.compile(r"[»”“\"›][.!?…]\s+(?=\S)|[.!?…][»”“\"›]\s+(?=\S)")
# A verb chained to another shares its subject ("a tenu à préciser", "said, adding",
# "сказала, говоря о …").
CHAINED_DEPS = {"xcomp", "conj", "advcl"}
# Dependents that name the hearer, not the speaker ("told Reuters", "сказал «Интерфаксу»").
HEARER_DEPS = {"iobj"}
# Dependents that may carry an inverted or impersonal speaker ("a indiqué le porte-parole",
# "сообщили в пресс-службе").
INVERTED_DEPS = {"obj", "dobj", "obl", "nmod", "appos", "flat", "flat:name", "iobj", "nsubj", "obl:agent", "dep"}


@dataclass(frozen=True)
class Lexicon:
    verbs: frozenset[str]
    nouns: frozenset[str]
    according: tuple[str, ...]  # normalised phrases, longest first
    as_words: frozenset[str]
    complementizers: frozenset[str]
    addressee_verbs: frozenset[str]
    speaker_prepositions: frozenset[str]
    opinion_words: frozenset[str]  # "Pour X, « … »"
    dialogue_resumes: frozenset[str]  # marks after a cue that give a dialogue line back
    chain_verbs: frozenset[str]  # "a tenu à préciser": verbs that may stand before a cue verb
    inflections: tuple[tuple[str, str], ...]  # (ending of a form, ending of its lemma)


@cache
def lexicon(language: str) -> Lexicon:
    data = load(language, "quotes")
    phrases = sorted((norm(p) for p in data.get("according", [])), key=len, reverse=True)
    return Lexicon(frozenset(norm(v) for v in data.get("verbs", [])),
                   frozenset(norm(n) for n in data.get("nouns", [])), tuple(phrases),
                   frozenset(norm(w) for w in data.get("as_words", [])),
                   frozenset(norm(w) for w in data.get("complementizers", [])),
                   frozenset(norm(v) for v in data.get("addressee_verbs", [])),
                   frozenset(norm(v) for v in data.get("speaker_prepositions", [])),
                   frozenset(norm(v) for v in data.get("opinion_words", [])),
                   frozenset(data.get("dialogue_resumes", [])),
                   frozenset(norm(v) for v in data.get("chain_verbs", [])),
                   tuple((str(a), str(b)) for a, b in data.get("inflections", [])))


@dataclass
class Cue:
    """The words of an attribution and the phrase naming who speaks."""

    start: int
    end: int
    verb: int | None = None  # token index of the reporting verb, None for "selon X"
    speaker: tuple[int, int] | None = None  # character span of the speaker phrase
    head: int | None = None  # token index heading the speaker phrase


@dataclass
class Attribution:
    """An attributed clause: its content parts and its cue."""

    parts: list[tuple[int, int]]
    cue: Cue


def lemma(token: Token) -> str:
    return norm(token.lemma or token.text)


def in_gap(token: Token, lex: Lexicon) -> bool:
    """A word that may stand between a comma and a cue verb set after its content: the
    auxiliary, the subject, adverbs, a verb the cue is chained to ("a tenu à préciser")."""
    return token.pos in GAP_POS and token.pos != "PUNCT" or lemma(token) in lex.chain_verbs


def is_cue_verb(token: Token, lex: Lexicon) -> bool:
    """A reporting verb by its lemma, or by its form when the lemmatiser left it inflected
    ("indique-t-on": the form rewritten by the language's ``inflections``)."""
    if token.pos in NOT_VERBS:
        return False
    if lemma(token) in lex.verbs or norm(token.text) in lex.verbs:
        return True
    form = norm(token.text)
    return any(form.endswith(end) and form[:len(form) - len(end)] + base in lex.verbs for end, base in lex.inflections)


class Sentences:
    """Sentence bounds for reading quotes: the model's, except that a sentence never ends
    inside a quotation, and one does end after a quotation closed by a full stop ("…
    plus ». « On nous …")."""

    def __init__(self, text: str, analysis: Analysis, quoted: list[tuple[int, int]]) -> None:
        starts = {s for s, _ in analysis.sentences if not any(a < s < b for a, b in quoted)}
        starts |= {m.end() for m in AFTER_QUOTE.finditer(text)}
        self.starts = sorted(starts | {0})

    def around(self, offset: int, paragraph: tuple[int, int]) -> tuple[int, int]:
        """The sentence around an offset, never beyond its paragraph."""
        i = max(0, bisect.bisect_right(self.starts, offset) - 1)
        end = self.starts[i + 1] if i + 1 < len(self.starts) else paragraph[1]
        return max(self.starts[i], paragraph[0]), min(end, paragraph[1])


def phrase_span(analysis: Analysis, head: int, kids: dict[int, list[int]]) -> tuple[int, int]:
    """The contiguous phrase a speaker's head word makes, without clauses or punctuation,
    with a name set after it by a comma ("His barrister, Owen Prichard KC")."""
    members = set(subtree(head, kids))
    toks = analysis.tokens

    def fits(i: int) -> bool:
        return i in members and toks[i].pos not in PHRASE_STOP_POS and toks[i].text not in PHRASE_STOP_TEXT \
            and "relcl" not in toks[i].dep

    left = right = head
    while fits(left - 1):
        left -= 1
    while left < head and toks[left].pos == "ADV":  # "d'emblée la maire": the adverb is the verb's
        left += 1
    while fits(right + 1):
        right += 1
    honorific = right + 3 < len(toks) and norm(toks[right + 2].text) in word_list("all", "names", "honorifics")
    if right + 2 < len(toks) and toks[right + 1].text == "," and (toks[right + 2].pos == "PROPN" or honorific):
        run = right + 3 if honorific else right + 2
        while run + 1 < len(toks) and toks[run + 1].pos == "PROPN":
            run += 1
        after = toks[run + 1] if run + 1 < len(toks) else None
        if after is None or after.text in {",", ".", "!", "?", ";"} or after.pos in {"VERB", "AUX"}:
            right = run
    return toks[left].start, toks[right].end


def subject_of(analysis: Analysis, verb: int, kids: dict[int, list[int]], window: tuple[int, int],
               lex: Lexicon | None = None) -> int | None:
    """The subject of a verb within the window (never inside the content it reports: parses
    cross quotation marks), the nearer of two ("SAN FRANCISCO (AP) — Lumora Systems said");
    for a participle set after a comma or a verb joined by "and" ("…, adding that …", "said …
    and warned that …"), the subject of the reporting verb before it; else the subject of the
    verb it is chained to ("a tenu à préciser")."""
    toks = analysis.tokens
    own = nearest_subject(analysis, verb, kids, window)
    if own is not None:
        return own
    if lex is not None and verb > 0 and (toks[verb - 1].text in {",", "en"} or toks[verb - 1].pos == "CCONJ"):
        for j in range(verb - 1, -1, -1):
            if toks[j].start < window[0]:
                break
            if is_cue_verb(toks[j], lex) and (found := nearest_subject(analysis, j, kids, window)) is not None:
                return found
    if toks[verb].dep in CHAINED_DEPS:
        return nearest_subject(analysis, toks[verb].head, kids, window)
    return None


def nearest_subject(analysis: Analysis, verb: int, kids: dict[int, list[int]], window: tuple[int, int]) -> int | None:
    found = [child for child in kids.get(verb, []) if is_subject(analysis.tokens[child])
             and window[0] <= analysis.tokens[child].start < window[1]]
    return min(found, key=lambda child: abs(child - verb)) if found else None


def is_subject(token: Token) -> bool:
    subject = token.dep.startswith(SUBJECT_DEP) and token.dep not in PASSIVE_DEPS or token.dep == INVERTED_SUBJECT
    return subject and norm(token.text).lstrip("-") != EUPHONIC_T


def inverted_speaker(analysis: Analysis, verb: int, kids: dict[int, list[int]], window: tuple[int, int],
                     lex: Lexicon) -> int | None:
    """A speaker after its verb ("a indiqué le porte-parole", "explique-t-il", "lance un
    manifestant"), or, for a verb without a subject, in a place phrase before it ("В
    пресс-службе сообщили")."""
    toks = analysis.tokens
    candidates = [c for c in sorted(kids.get(verb, [])) if window[0] <= toks[c].start < window[1]
                  and toks[c].dep in INVERTED_DEPS and toks[c].pos in {"NOUN", "PROPN", "PRON"}
                  and norm(toks[c].text).lstrip("-") != EUPHONIC_T]
    # "сообщили «Интерфаксу» в пресс-службе суда": the place phrase names the speaker, the
    # dative names the hearer.
    placed = [c for c in candidates
              if {norm(toks[k].text) for k in kids.get(c, []) if toks[k].dep == "case"} & lex.speaker_prepositions]
    after = [c for c in candidates if c > verb and toks[c].dep not in HEARER_DEPS]
    chosen = placed or after
    return chosen[0] if chosen else right_after(analysis, verb, window)


def inverted_pronoun(word: str) -> bool:
    """"-il", "-elle", "-on" of French inversion (not the euphonic "-t")."""
    return word.startswith("-") and norm(word).lstrip("-") not in {EUPHONIC_T, ""} and word[1:].isalpha()


def right_after(analysis: Analysis, verb: int, window: tuple[int, int]) -> int | None:
    """The words right after a verb set after its quotation, whatever the parse made of them:
    an inverted pronoun ("-il", "-on") or a noun phrase ("un manifestant", "John Smith")."""
    toks = analysis.tokens
    for i in range(verb + 1, min(len(toks), verb + 1 + MAX_INVERTED_LEAD)):
        token = toks[i]
        if token.start >= window[1]:
            return None
        if inverted_pronoun(token.text):
            return i
        if token.pos in {"NOUN", "PROPN"}:
            return i
        if token.pos not in {"DET", "ADJ"}:
            return None
    return None


def verb_cue(analysis: Analysis, verb: int, kids: dict[int, list[int]], window: tuple[int, int],
             lex: Lexicon) -> Cue:
    """The cue of a reporting verb: its auxiliaries and inverted pronoun, and its speaker,
    looked for within ``window`` (the text outside the content it reports)."""
    toks = analysis.tokens
    start = verb
    for child in kids.get(verb, []):
        if child < verb and toks[child].dep.startswith("aux"):
            start = min(start, child)
    head = subject_of(analysis, verb, kids, window, lex)
    if head is None:  # "a-t-elle promis": the inverted pronoun between auxiliary and verb
        head = next((i for i in range(verb - 1, max(-1, verb - 1 - MAX_INVERTED_LEAD), -1)
                     if inverted_pronoun(toks[i].text) and window[0] <= toks[i].start), None)
    if head is None:
        head = inverted_speaker(analysis, verb, kids, window, lex)
    if head is not None and head < start and inverted_pronoun(toks[head].text):
        start = head - 2 if head >= 2 and toks[head - 1].text == "-t" and toks[head - 2].pos == "AUX" else head
    speaker = phrase_span(analysis, head, kids) if head is not None else None
    return Cue(toks[start].start, toks[verb].end, verb, speaker, head)


def complement_start(analysis: Analysis, verb: int, lex: Lexicon, kids: dict[int, list[int]],
                     sentence_end: int) -> int | None:
    """Token index where the reported clause of a verb starts, or None."""
    toks = analysis.tokens
    for i in range(verb + 1, min(len(toks), verb + 1 + COMPLEMENT_WINDOW)):
        if toks[i].start >= sentence_end or toks[i].text in {".", ":", "«", "“", '"', "„", "!", "?"}:
            break
        if norm(toks[i].text) in lex.complementizers:
            return i + 1 if i + 1 < len(toks) and toks[i + 1].start < sentence_end else None
        if toks[i].pos == "VERB" and toks[i].dep not in {"xcomp"}:
            break
    clauses = [c for c in kids.get(verb, []) if c > verb and toks[c].dep == "ccomp"]
    if clauses:
        first = subtree(clauses[0], kids)[0]
        if first > verb and toks[first].text not in PHRASE_STOP_TEXT and toks[first].start < sentence_end:
            return first
    return None
