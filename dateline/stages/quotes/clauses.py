"""Attributed clauses: reported speech found from its cue, with or without quotation marks.

"X a précisé que …" (complement), "…, a indiqué X" (postposed) and "selon X, …" (according).
A cue inside another attributed clause or inside a quotation is reported speech within
reported speech: it belongs to the outer quote and is dropped here.
"""
from __future__ import annotations

import re

from dateline.common.roles import norm
from dateline.nlp import Analysis
from dateline.record import paragraph_index
from dateline.stages.quotes.cues import (
    COMPLEMENT_WINDOW,
    MAX_CUE_GAP,
    MAX_TAIL,
    MIN_CONTENT_WORDS,
    OBJECT_DEPS,
    Attribution,
    Cue,
    Lexicon,
    Sentences,
    complement_start,
    in_gap,
    is_cue_verb,
    lemma,
    verb_cue,
)
from dateline.stages.quotes.marks import Segment, dashes, pairs

WORD = re.compile(r"\w+")
# A wire dateline opening a paragraph: a place in capitals, maybe an agency, then a dash.
UPPER = r"[^\W\d_a-zà-ÿа-я]"  # a letter that is not lower case
DATELINE = re.compile(rf"{UPPER}{UPPER}+(?:[ ,.'-]+{UPPER}+)*,?(?:\s*\([^)]{{1,30}}\))?\s*[—–-]+\s+")
# Tokens an opinion phrase may run before its comma ("Pour le chef de file de l'opposition,").
MAX_OPINION_PHRASE = 10
# Dependencies of a participle that describes a noun rather than reporting speech.
MODIFIER_DEPS = ("acl", "amod")
# Punctuation trimmed off the end of a reported clause.
TRAILING = " \u00a0,;:.—–-"
# Words that may open a sentence before "selon X," ("Mais selon lui, …", "Toujours d'après X, …").
MAX_OPENING_WORDS = 2
# Closing quotation marks: a comma right after one is a direct quote's cue, not a clause's.
CLOSERS = frozenset(c for closers in pairs().values() for c in closers)


def paragraph_of(paragraphs: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    index = paragraph_index(paragraphs, offset)
    return paragraphs[index] if index is not None else (0, offset)


def clipped(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without leading spaces and trailing punctuation."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in TRAILING:
        end -= 1
    return start, end


def words_in(text: str, start: int, end: int) -> int:
    return len(WORD.findall(text[start:end]))


def inside(offset: int, segments: list[Segment]) -> bool:
    return any(segment.contains(offset) for segment in segments)


def clause_end(analysis: Analysis, first: int, sentence: tuple[int, int], lex: Lexicon,
               segments: list[Segment], kids: dict[int, list[int]]) -> int:
    """Where a reported clause ends: its sentence's end, past a quotation it opens, before a
    further cue that adds to it (", ajoutant que …", ", adding that …") or a cue set after it
    (", a indiqué X")."""
    toks, end = analysis.tokens, sentence[1]
    for segment in segments:
        if toks[first].start <= segment.opening < end < segment.closing:
            end = segment.closing
    for u in range(first + 1, len(toks)):
        if toks[u].start >= end:
            break
        if not is_cue_verb(toks[u], lex):
            continue
        if toks[u - 1].pos == "CCONJ" and u - 1 > first and complement_start(analysis, u, lex, kids, end) is not None:
            return toks[u - 1].start  # "said X and warned that Y": a second quote
        comma = comma_before(analysis, u, sentence, lex)
        if comma is None or comma <= first:
            continue
        if complement_start(analysis, u, lex, kids, end) is not None \
                or tail_is_speaker(analysis, u, lex, kids, end):
            return toks[comma].start
    return end


def complement(text: str, analysis: Analysis, verb: int, lex: Lexicon, kids: dict[int, list[int]],
               sentence: tuple[int, int], segments: list[Segment]) -> Attribution | None:
    """"X a précisé que …": the clause after the verb's complementiser."""
    first = complement_start(analysis, verb, lex, kids, sentence[1])
    if first is None:
        return None
    start, end = clipped(text, analysis.tokens[first].start, clause_end(analysis, first, sentence, lex, segments, kids))
    if words_in(text, start, end) < MIN_CONTENT_WORDS:
        return None
    return Attribution([(start, end)], verb_cue(analysis, verb, kids, (sentence[0], start), lex))


def comma_before(analysis: Analysis, verb: int, paragraph: tuple[int, int], lex: Lexicon) -> int | None:
    """The comma (or dash) that sets a postposed cue off from its content, if the words
    between are only the cue's auxiliary, subject and adverbs."""
    toks = analysis.tokens
    for i in range(verb - 1, max(-1, verb - 1 - MAX_CUE_GAP), -1):
        token = toks[i]
        if token.start < paragraph[0]:
            return None
        if token.text == "," or token.text in dashes():
            return i
        if not in_gap(token, lex) or norm(token.text) in lex.complementizers:
            return None
    return None


def tail_is_speaker(analysis: Analysis, verb: int, lex: Lexicon, kids: dict[int, list[int]],
                    sentence_end: int) -> bool:
    """After a postposed cue verb come only its speaker and adverbials: no clause, no object."""
    toks = analysis.tokens
    tail = [i for i in range(verb + 1, len(toks)) if toks[i].start < sentence_end]
    if len(tail) > MAX_TAIL or any(norm(toks[i].text) in lex.complementizers for i in tail):
        return False
    subject_before = any(c < verb and toks[c].dep.startswith("nsubj") for c in kids.get(verb, []))
    for child in kids.get(verb, []):
        dep = toks[child].dep
        # With no subject before it, the noun after the verb is its inverted subject, whatever
        # the parse calls it ("…, a déclaré la procureure"); otherwise an object is content.
        if child > verb and (dep == "ccomp" or dep in OBJECT_DEPS and subject_before
                             and lemma(toks[verb]) not in lex.addressee_verbs):
            return False
    return True


def after_dateline(text: str, start: int, end: int) -> int:
    """Past a dateline that opens the clause ("ROTTERDAM — Dock workers …")."""
    match = DATELINE.match(text, start, end)
    return match.end() if match else start


def postposed(text: str, analysis: Analysis, verb: int, lex: Lexicon, kids: dict[int, list[int]],
              sentence: tuple[int, int], paragraph: tuple[int, int]) -> Attribution | None:
    """"…, a indiqué X": the clause before the comma that sets off the cue."""
    comma = comma_before(analysis, verb, paragraph, lex)
    if comma is None or analysis.tokens[verb].dep.startswith(MODIFIER_DEPS):
        return None  # "une enquête, confiée à la police": a participle describing a noun
    if not tail_is_speaker(analysis, verb, lex, kids, sentence[1]):
        return None
    cue = verb_cue(analysis, verb, kids, (analysis.tokens[comma].start, sentence[1]), lex)
    if cue.head is None and not any(analysis.tokens[c].dep.startswith("aux") for c in kids.get(verb, [])):
        return None  # "une enquête, confiée à la police": no one speaks
    start, end = clipped(text, sentence[0], analysis.tokens[comma].start)
    start = after_dateline(text, start, end)
    content = analysis.tokens_in(start, end)
    has_verb = analysis.degraded or any(analysis.tokens[i].pos in {"VERB", "AUX"} for i in content)
    if words_in(text, start, end) < MIN_CONTENT_WORDS or not has_verb:
        return None
    return Attribution([(start, end)], cue)


def verb_attributions(text: str, analysis: Analysis, paragraphs: list[tuple[int, int]], lex: Lexicon,
                      segments: list[Segment], sentences: Sentences, kids: dict[int, list[int]]) -> list[Attribution]:
    found = []
    for verb, token in enumerate(analysis.tokens):
        if not is_cue_verb(token, lex) or inside(token.start, segments):
            continue
        paragraph = paragraph_of(paragraphs, token.start)
        sentence = sentences.around(token.start, paragraph)
        attribution = complement(text, analysis, verb, lex, kids, sentence, segments) \
            or postposed(text, analysis, verb, lex, kids, sentence, paragraph)
        if attribution is not None:
            found.append(attribution)
    return found


def phrase_at(text: str, offset: int, lex: Lexicon) -> int | None:
    """End offset of an attribution phrase ("selon", "according to") starting at ``offset``."""
    lowered = norm(text[offset:offset + 40])
    for phrase in lex.according:
        if lowered.startswith(phrase) and not lowered[len(phrase):len(phrase) + 1].isalnum():
            return offset + len(phrase)
    return None


def opinion_at(analysis: Analysis, i: int, sentence: tuple[int, int], lex: Lexicon) -> int | None:
    """"Pour le maire, …", "Pour lui, …": an opinion word opening its sentence before someone
    named or a pronoun, up to a comma; its end offset, or None ("Pour la première fois" is not)."""
    toks = analysis.tokens
    if norm(toks[i].text) not in lex.opinion_words or toks[i].start != sentence[0]:
        return None
    for j in range(i + 1, min(len(toks) - 1, i + 1 + MAX_OPINION_PHRASE)):
        if toks[j].text == ",":  # a name may follow in apposition ("Pour le président, Jean Arnal,")
            return toks[i].end if toks[j + 1].pos == "PROPN" else None
        if toks[j].pos in {"PROPN", "PRON"}:
            return toks[i].end
    return None


def as_phrase(analysis: Analysis, i: int, lex: Lexicon) -> int | None:
    """"comme l'a indiqué X", "как сообщил X", "as X said": the cue verb's index, or None."""
    toks = analysis.tokens
    if norm(toks[i].text) not in lex.as_words:
        return None
    for j in range(i + 1, min(len(toks), i + 1 + COMPLEMENT_WINDOW // 2)):
        if is_cue_verb(toks[j], lex):
            return j
        if toks[j].text == ",":
            return None
    return None


def according_speaker(analysis: Analysis, start: int, end: int, lex: Lexicon) -> Cue:
    """The speaker phrase after "selon"/"according to", up to its comma, headed by its word
    whose own head lies outside it; a statement noun heading it joins the cue ("Selon la
    déclaration du porte-parole X")."""
    indexes = analysis.tokens_in(start, end)
    while indexes and analysis.tokens[indexes[-1]].pos == "PUNCT":
        indexes = indexes[:-1]
    if not indexes:
        return Cue(start, start)
    toks = analysis.tokens
    roots = [i for i in indexes if toks[i].head not in indexes or toks[i].head == i]
    head = next((i for i in roots if toks[i].pos in {"NOUN", "PROPN", "PRON"}), indexes[0])
    cue_end = start
    if toks[head].pos == "NOUN" and norm(toks[head].lemma or toks[head].text) in lex.nouns:
        cue_end = toks[head].end
    return Cue(start, cue_end, None, (toks[indexes[0]].start, toks[indexes[-1]].end), head)


def appositive_name(analysis: Analysis, comma: int | None, sentence_end: int) -> int | None:
    """"selon l'adjoint à l'urbanisme, Hervé Galliot, …": the comma after a name set in
    apposition to the speaker phrase, or None."""
    if comma is None:
        return None
    toks = analysis.tokens
    following = analysis.tokens_in(toks[comma].end, sentence_end)
    run = 0
    while run < len(following) and toks[following[run]].pos == "PROPN":
        run += 1
    if run and run < len(following) and toks[following[run]].text == ",":
        return following[run]
    return None


def according_parts(text: str, phrase: tuple[int, int], close: int | None,
                    sentence: tuple[int, int]) -> list[tuple[int, int]]:
    """Content of "selon X": the rest of the sentence when it opens with it, the clause
    before it when set off by a comma, both sides when it stands in the middle."""
    before = text[sentence[0]:phrase[0]].strip()
    after = clipped(text, close + 1, sentence[1]) if close is not None else None
    if len(WORD.findall(before)) <= MAX_OPENING_WORDS and not before.endswith(","):
        return [after] if after and words_in(text, *after) >= MIN_CONTENT_WORDS else []
    if not before.endswith(","):
        return []
    parts = [clipped(text, sentence[0], phrase[0])]
    if after is not None:
        parts.append(after)
    return [p for p in parts if words_in(text, *p) >= 1] if words_in(text, *parts[0]) >= MIN_CONTENT_WORDS else []


def according_attributions(text: str, analysis: Analysis, paragraphs: list[tuple[int, int]], lex: Lexicon,
                           segments: list[Segment], sentences: Sentences,
                           kids: dict[int, list[int]]) -> list[Attribution]:
    """Every "selon X, …" / "comme l'a dit X, …" of the text."""
    found = []
    toks = analysis.tokens
    for i, token in enumerate(toks):
        if inside(token.start, segments) or i and toks[i - 1].end == token.start and toks[i - 1].text.isalnum():
            continue
        paragraph = paragraph_of(paragraphs, token.start)
        sentence = sentences.around(token.start, paragraph)
        phrase_end = phrase_at(text, token.start, lex) or opinion_at(analysis, i, sentence, lex)
        verb = as_phrase(analysis, i, lex) if phrase_end is None else None
        if phrase_end is None and verb is None:
            continue
        comma = next((j for j in range(i + 1, len(toks)) if toks[j].start < sentence[1] and toks[j].text == ","),
                     None)
        if verb is None:
            comma = appositive_name(analysis, comma, sentence[1]) or comma
        close = toks[comma].start if comma is not None else None
        limit = close if close is not None else sentence[1]
        if verb is not None:
            cue = verb_cue(analysis, verb, kids, (token.start, limit), lex)
            cue.start = token.start
        else:
            cue = according_speaker(analysis, phrase_end or token.end, limit, lex)
            cue.start, cue.end = token.start, max(cue.end, phrase_end or token.end)
        parts = according_parts(text, (token.start, limit), close, sentence)
        if parts:
            found.append(Attribution(parts, cue))
    return found


def without_nested(found: list[Attribution]) -> list[Attribution]:
    """Drop the attributions whose cue stands inside another one's content."""
    return [a for a in found
            if not any(b is not a and any(s <= a.cue.start < e for s, e in b.parts) for b in found)]


def attributions(text: str, analysis: Analysis, paragraphs: list[tuple[int, int]], lex: Lexicon,
                 segments: list[Segment], kids: dict[int, list[int]]) -> list[Attribution]:
    """Every attributed clause of the text, outermost only, in order."""
    sentences = Sentences(text, analysis, [(s.opening, s.closing) for s in segments])
    found = verb_attributions(text, analysis, paragraphs, lex, segments, sentences, kids)
    found += according_attributions(text, analysis, paragraphs, lex, segments, sentences, kids)
    return sorted(without_nested(found), key=lambda a: a.parts[0][0])
