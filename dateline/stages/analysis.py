"""Analysis: sentences, tokens, parse and named entities of the clean text, from the
language's packaged model; degraded mode (flagged) where the language has none."""
from __future__ import annotations

from dateline import nlp
from dateline.record import Document
from dateline.settings import Settings


def attach(doc: Document, result: nlp.Analysis) -> Document:
    doc._analysis = result
    if result.degraded:
        doc.warnings.append(f"no packaged language model for '{doc.language}': degraded mode (sentences, "
                            "tokens, gazetteer places and dates; see `dateline models`)")
    return doc


def run(doc: Document, settings: Settings) -> Document:
    return attach(doc, nlp.analyze_text(doc.text, doc.language or ""))


def run_batch(docs: list[Document], settings: Settings) -> list[Document]:
    """The same as ``run`` on each document, with one ``nlp.pipe`` call per language."""
    by_language: dict[str, list[int]] = {}
    for i, doc in enumerate(docs):
        by_language.setdefault(doc.language or "", []).append(i)
    for language, indexes in by_language.items():
        results = nlp.analyze_many([docs[i].text for i in indexes], language)
        for i, result in zip(indexes, results):
            attach(docs[i], result)
    return docs
