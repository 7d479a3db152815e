"""Quotes: every quotation and reported statement of the text, with its speaker.

Direct quotations come from quotation marks and dialogue dashes (marks.py), reported
speech from its cue (clauses.py); a quotation inside a reported clause makes it mixed.
A quotation takes the cue set beside it (after it, before it with a colon, or inside it); a
quotation split by its cue is one quote; a cue-less quotation paragraph carries on the quote
before it; any other quoted words (scare quotes, titles, nicknames) are not quotes. Speakers
are resolved to the entities of the document (speakers.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dateline.common.mentions import children_of
from dateline.common.roles import norm
from dateline.errors import Code, DatelineError
from dateline.nlp import Analysis
from dateline.record import Document, paragraph_index
from dateline.settings import Settings
from dateline.stages.quotes import speakers as quote_speakers
from dateline.stages.quotes.clauses import (
    CLOSERS,
    WORD,
    according_speaker,
    attributions,
    clipped,
    words_in,
)
from dateline.stages.quotes.cues import (
    MAX_CUE_GAP,
    Attribution,
    Cue,
    Lexicon,
    in_gap,
    is_cue_verb,
    lemma,
    lexicon,
    verb_cue,
)
from dateline.stages.quotes.marks import Segment, dashes, find_segments, pairs
from dateline.stages.quotes.posts import signed_posts

# A reported clause with fewer words than this outside its quotation is that quotation
# with its cue ("…» , a-t-il dit"), not a mixed quote.
MIXED_MIN_OUTSIDE_WORDS = 2
# Tokens of a cue set inside a quotation ("« A, a-t-il dit, B »", "«A, — сказал он. — B»"),
# and at most how far into it its verb comes ("a-t-elle déclaré").
MAX_INSERT = 14
MAX_INSERT_LEAD = 4
# A quotation set right after its verb without a colon has at least this many words.
MIN_BARE_WORDS = 3
# A quote split by its cue has at most this many words between its parts.
MAX_SPLIT_GAP_WORDS = 12
# Words outside a quotation in its paragraph for it to stand alone as a floating quote.
FLOATING_MAX_OUTSIDE = 2
# Share of a quote's words an earlier quote must hold to be the one it repeats.
DUPLICATE_OVERLAP = 0.5
SENTENCE_END = {".", "!", "?", "…"}


@dataclass
class Quote:
    parts: list[tuple[int, int]]
    kind: str
    cue: Cue | None
    paragraph: int
    closing: int  # offset past the quote's last mark or clause

    @property
    def start(self) -> int:
        return self.parts[0][0]


def paragraph_at(paragraphs: list[tuple[int, int]], offset: int) -> int:
    """Index of the paragraph holding an offset (the first when none does)."""
    return paragraph_index(paragraphs, offset) or 0


def inner_cue(text: str, analysis: Analysis, segment: Segment, lex: Lexicon, kids: dict[int, list[int]]) -> Cue | None:
    """A cue set inside the quotation ("« A, a-t-il dit, B »", "«A, — сказал он. — B»",
    "— A, a répondu la maire."): cut it out of the parts and return it."""
    toks = analysis.tokens
    for p, (a, b) in enumerate(segment.parts):
        inside = analysis.tokens_in(a, b)
        for k, d in enumerate(inside[:-1]):
            if toks[d].text != "," and toks[d].text not in dashes():
                continue
            verb = next((j for j in inside[k + 1:k + 1 + MAX_INSERT_LEAD] if is_cue_verb(toks[j], lex)), None)
            if verb is None or any(toks[j].pos not in {"AUX", "PRON", "ADV", "PUNCT"}
                                   for j in inside[k + 1:inside.index(verb)]):
                continue
            resume = insert_end(analysis, inside, inside.index(verb), segment.dash, lex)
            if resume is None:
                continue
            new = [span for span in (clipped(text, a, toks[d].start), clipped(text, resume, b)) if span[1] > span[0]]
            if not new or new[0][0] != a:
                continue
            segment.parts[p:p + 1] = new
            return verb_cue(analysis, verb, kids, (toks[d].start, resume), lex)
    return None


def insert_end(analysis: Analysis, inside: list[int], at: int, dash: bool, lex: Lexicon) -> int | None:
    """Offset where the quotation resumes after a cue set inside it (the part's end when it
    does not); in a line of dialogue only a dash resumes it ("— A, — сказал X, который …")."""
    toks = analysis.tokens
    # In a line of dialogue a comma goes on with the speaker ("— A, — сказал X, который …");
    # a dash gives the line back to them, and in French a full stop does ("— A, a répondu la
    # maire. B"; ``dialogue_resumes`` in quotes.toml).
    stops = {",", "."} | dashes() if not dash else dashes() | lex.dialogue_resumes
    for n in range(at + 1, min(len(inside), at + MAX_INSERT)):
        if toks[inside[n]].text in stops:
            while n + 1 < len(inside) and toks[inside[n + 1]].text in dashes():
                n += 1
            return toks[inside[n + 1]].start if n + 1 < len(inside) else toks[inside[-1]].end
    if dash or len(inside) - at <= MAX_INSERT:
        return toks[inside[-1]].end
    return None


def after_cue(text: str, analysis: Analysis, segment: Segment, lex: Lexicon, kids: dict[int, list[int]],
              paragraph: tuple[int, int]) -> Cue | None:
    """"« … », a-t-il déclaré", "“…,” said Jane Doe", "«…», — заявил он"."""
    toks = analysis.tokens
    following = analysis.tokens_in(segment.closing, paragraph[1])
    if not set_off(text[segment.end - 1:segment.closing + 2]):
        return None  # "представитель «Уралтехснаба» опроверг": a name inside the subject
    skipped = 0
    while skipped < len(following) and toks[following[skipped]].text in {",", *SENTENCE_END, *dashes()}:
        skipped += 1
    for j in following[skipped:skipped + MAX_CUE_GAP]:
        if is_cue_verb(toks[j], lex):
            return verb_cue(analysis, j, kids, (segment.closing, paragraph[1]), lex)
        if not in_gap(toks[j], lex) or toks[j].text in pairs():
            return None
    return None


def set_off(around_close: str) -> bool:
    """True when punctuation ends the quotation or follows it, as it does before a cue."""
    return any(mark in around_close for mark in (",", ".", "!", "?", "…", ":", *dashes()))


def before_cue(text: str, analysis: Analysis, segment: Segment, lex: Lexicon, kids: dict[int, list[int]],
               floor: int) -> Cue | None:
    """"X a déclaré : « … »", "He told reporters: “…”", or a verb right before the mark."""
    toks = analysis.tokens
    before = analysis.tokens_in(floor, segment.opening)
    if not before:
        return None
    last = before[-1]
    opinion = opinion_cue(text, analysis, before, lex)
    if opinion is not None:
        return opinion
    if toks[last].text in {":", ","}:
        for j in reversed(before[:-1]):
            if toks[j].text in SENTENCE_END or toks[j].text in CLOSERS:
                return None
            if is_cue_verb(toks[j], lex):
                return verb_cue(analysis, j, kids, (floor, segment.opening), lex)
            if toks[last].text == ":" and lemma(toks[j]) in lex.nouns and toks[toks[j].head].pos == "VERB":
                return verb_cue(analysis, toks[j].head, kids, (floor, segment.opening), lex)  # "a lu un communiqué :"
        return None
    near = [j for j in before[-2:] if is_cue_verb(toks[j], lex)]
    if words_in(text, segment.start, segment.end) < MIN_BARE_WORDS:
        return None  # "сообщил «Интерфаксу»": a name, not words said
    if near and all(toks[j].pos in {"ADV", "PRON"} for j in before if j > near[-1]):
        return verb_cue(analysis, near[-1], kids, (floor, segment.opening), lex)
    return None


def opinion_cue(text: str, analysis: Analysis, before: list[int], lex: Lexicon) -> Cue | None:
    """"Pour le chef de l'opposition, Yannick Le Bihan, « … »": a quotation set after an
    opinion phrase that opens its sentence and ends with a comma."""
    toks = analysis.tokens
    starts = [k for k, j in enumerate(before) if k == 0 or toks[before[k - 1]].text in SENTENCE_END]
    if not starts or toks[before[-1]].text != ",":
        return None
    first = before[starts[-1]]
    if norm(toks[first].text) not in lex.opinion_words or first == before[-1]:
        return None
    cue = according_speaker(analysis, toks[first].end, toks[before[-1]].start, lex)
    cue.start, cue.end = toks[first].start, max(cue.end, toks[first].end)
    return cue if cue.speaker is not None else None


def cue_floor(text: str, segment: Segment, paragraphs: list[tuple[int, int]], previous_closing: int) -> int:
    """Where to look back from for a cue before a quotation: its paragraph's start, or the
    previous paragraph when that one ends with a colon and the quotation opens this one."""
    start, _ = paragraphs[segment.paragraph]
    floor = max(start, previous_closing)
    if segment.paragraph and text[start:segment.opening].strip() == "":
        prev_start, prev_end = paragraphs[segment.paragraph - 1]
        if text[prev_start:prev_end].rstrip().endswith(":"):
            floor = max(prev_start, previous_closing)
    return floor


def overlaps(attribution: Attribution, segment: Segment) -> bool:
    return any(a < e and s < b for a, b in attribution.parts for s, e in segment.parts)


def absorb(text: str, found: list[Attribution], segments: list[Segment],
           paragraphs: list[tuple[int, int]]) -> tuple[list[Quote], list[Segment]]:
    """Quotes from attributed clauses; a quotation inside one makes it mixed, or is the
    whole of it (then it is a direct quote with that cue). Returns the quotations left."""
    quotes, taken = [], set()
    for attribution in found:
        inside = [i for i, s in enumerate(segments) if i not in taken and overlaps(attribution, s)]
        taken.update(inside)
        parts = list(attribution.parts)
        closing = parts[-1][1]
        if inside:
            first, last = segments[inside[0]], segments[inside[-1]]
            parts[0] = (min(parts[0][0], first.opening), parts[0][1])
            parts[-1] = (parts[-1][0], max(parts[-1][1], last.closing))
            closing = max(closing, last.closing)
        quoted = sum(words_in(text, a, b) for i in inside for a, b in segments[i].parts)
        outside = sum(words_in(text, a, b) for a, b in parts) - quoted
        if inside and text[parts[0][0]:segments[inside[0]].opening].rstrip().endswith(":"):
            # "Le ministre est catégorique : « … », a-t-il dit": a lead-in, not reported speech
            outside -= words_in(text, parts[0][0], segments[inside[0]].opening)
        paragraph = paragraph_at(paragraphs, parts[0][0])
        if inside and outside < MIXED_MIN_OUTSIDE_WORDS:
            quoted_parts = [p for i in inside for p in segments[i].parts]
            quotes.append(Quote(quoted_parts, "direct", attribution.cue, paragraph, closing))
        else:
            kind = "mixed" if inside else "indirect"
            quotes.append(Quote(parts, kind, attribution.cue, paragraph, closing))
    return quotes, [s for i, s in enumerate(segments) if i not in taken]


def only_cue_between(text: str, earlier: Quote, segment: Segment) -> bool:
    """True when only the earlier quote's cue clause stands between them: one sentence
    at most, a few words ("“A,” Helen Marsh said in a statement. “B.”")."""
    cue = earlier.cue
    if cue is None or not earlier.closing <= cue.start < segment.opening:
        return False
    between = text[earlier.closing:segment.opening]
    ends = sum(between.rstrip().count(mark) for mark in SENTENCE_END) - any(
        between.rstrip().endswith(mark) for mark in SENTENCE_END)
    return ends == 0 and len(WORD.findall(between)) <= MAX_SPLIT_GAP_WORDS


def says_something(text: str, segment: Segment) -> bool:
    """Words said, not a name: a few words, or a sentence ("— сказала она «Интерфаксу»")."""
    content = text[segment.start:segment.end].rstrip()
    return words_in(text, segment.start, segment.end) >= MIN_BARE_WORDS or content[-1:] in SENTENCE_END


def stands_alone(text: str, segment: Segment, paragraphs: list[tuple[int, int]]) -> bool:
    start, end = paragraphs[segment.paragraph]
    outside = text[start:segment.opening] + text[segment.closing:end] if len(segment.parts) == 1 else ""
    return len(WORD.findall(outside)) <= FLOATING_MAX_OUTSIDE


def direct_quotes(text: str, analysis: Analysis, segments: list[Segment], quotes: list[Quote],
                  paragraphs: list[tuple[int, int]], lex: Lexicon, kids: dict[int, list[int]]) -> list[Quote]:
    """Quotations with their cue, split quotations joined, floating quotations carried on."""
    done = sorted(quotes, key=lambda q: q.start)
    for segment in segments:
        earlier = [q for q in done if q.closing <= segment.opening]
        # Look back for a cue no further than the last quote: a name in quotation marks before
        # it ("директор «Северного алюминия» … заявила: «…»") does not cut the sentence.
        closing = earlier[-1].closing if earlier else 0
        cue = inner_cue(text, analysis, segment, lex, kids) \
            or after_cue(text, analysis, segment, lex, kids, paragraphs[paragraph_at(paragraphs, segment.closing)]) \
            or before_cue(text, analysis, segment, lex, kids, cue_floor(text, segment, paragraphs, closing))
        last = earlier[-1] if earlier else None
        if last is not None and last.kind == "direct" and last.paragraph == segment.paragraph \
                and says_something(text, segment) and (
                    cue is not None and last.cue is not None and cue.verb is not None and cue.verb == last.cue.verb
                    or cue is None and only_cue_between(text, last, segment)):
            last.parts += segment.parts
            last.closing = segment.closing
            continue
        if cue is not None:
            done.append(Quote(list(segment.parts), "direct", cue, segment.paragraph, segment.closing))
        elif last is not None and segment.paragraph - last_paragraph(last, paragraphs) in {0, 1} \
                and stands_alone(text, segment, paragraphs) and WORD.search(text[segment.start:segment.end]) \
                and not text[segment.start:segment.end].rstrip().endswith("?"):  # an interviewer's question
            done.append(Quote(list(segment.parts), "direct", None, segment.paragraph, segment.closing))
        done.sort(key=lambda q: q.start)
    return done


def last_paragraph(quote: Quote, paragraphs: list[tuple[int, int]]) -> int:
    return paragraph_at(paragraphs, quote.parts[-1][1])


def quote_text(text: str, parts: list[tuple[int, int]]) -> str:
    return " ".join(" ".join(text[a:b].split()) for a, b in parts)


def repeats(text: str, quote: Quote, earlier: list[tuple[int, Quote]], original: int | None) -> int | None:
    """Index of the earlier quote this one repeats, when it sits in a repeated paragraph."""
    if original is None:
        return None
    words = set(WORD.findall(quote_text(text, quote.parts).casefold()))
    best = None
    for index, other in earlier:
        if other.paragraph != original or not words:
            continue
        share = len(words & set(WORD.findall(quote_text(text, other.parts).casefold()))) / len(words)
        if share >= DUPLICATE_OVERLAP and (best is None or share > best[0]):
            best = (share, index)
    return best[1] if best else None


def records(doc: Document, analysis: Analysis, quotes: list[Quote]) -> list[dict[str, Any]]:
    """The quotes as record entries, speakers resolved in reading order."""
    language = doc.language or ""
    table = quote_speakers.mention_table(doc.entities, doc.text)
    quoted = [p for q in quotes for p in q.parts]
    out: list[dict[str, Any]] = []
    previous: Quote | None = None
    seen: list[tuple[int, Quote]] = []
    for quote in quotes:
        last_speaker = out[-1]["speaker"] if out else None
        if quote.cue is None:
            speaker, words = last_speaker, None
        else:
            speaker, words = quote_speakers.resolve(doc.text, quote.cue, analysis, doc.entities, table, language,
                                                    quoted, last_speaker)
            if words is None and previous is not None and previous.paragraph == quote.paragraph:
                speaker = last_speaker  # "…, adding: « … »": the same voice
        cue = " ".join(doc.text[quote.cue.start:quote.cue.end].split()) if quote.cue else None
        original = doc.paragraphs[quote.paragraph].get("duplicate_of") if doc.paragraphs else None
        out.append({"speaker": speaker, "speaker_text": words, "text": quote_text(doc.text, quote.parts),
                    "start": quote.parts[0][0], "end": quote.parts[-1][1], "kind": quote.kind, "cue": cue,
                    "parts": [list(p) for p in quote.parts], "paragraph": quote.paragraph,
                    "duplicate_of": repeats(doc.text, quote, seen, original)})
        seen.append((len(out) - 1, quote))
        previous = quote
    return out


def find_quotes(text: str, paragraphs: list[tuple[int, int]], analysis: Analysis, language: str) -> list[Quote]:
    """The quotes of a text (pure: compute only), in reading order, speakers unresolved."""
    lex = lexicon(language)
    segments = find_segments(text, paragraphs)
    kids = children_of(analysis)
    found = attributions(text, analysis, paragraphs, lex, segments, kids)
    quotes, left = absorb(text, found, segments, paragraphs)
    return with_posts(text, paragraphs, direct_quotes(text, analysis, left, quotes, paragraphs, lex, kids))


def with_posts(text: str, paragraphs: list[tuple[int, int]], quotes: list[Quote]) -> list[Quote]:
    """The quotes, each embedded post (posts.py) one direct quote of its author in place of
    whatever was found inside it or in its signature line."""
    posts = signed_posts(text, paragraphs)
    taken = [(parts[0][0], cue.end) for parts, cue in posts]
    kept = [q for q in quotes if not any(a <= q.start < b for a, b in taken)]
    kept += [Quote(parts, "direct", cue, paragraph_at(paragraphs, parts[0][0]), parts[-1][1]) for parts, cue in posts]
    return sorted(kept, key=lambda q: q.start)


def run(doc: Document, settings: Settings) -> Document:
    if doc._analysis is None:
        raise DatelineError(Code.BAD_ARGUMENT, "the quotes stage needs the analysis stage first")
    paragraphs = [(p["start"], p["end"]) for p in doc.paragraphs]
    quotes = find_quotes(doc.text, paragraphs, doc._analysis, doc.language or "")
    doc.quotes = records(doc, doc._analysis, quotes)
    return doc
