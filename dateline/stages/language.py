"""Language: the ISO 639-1 code of the article body.

Each paragraph votes with its length, so a stray line in another script cannot swing it.
langid is fast and covers 97 languages; a caller's ``--lang`` wins over detection.
"""
from __future__ import annotations

from collections import Counter
from functools import cache

from dateline.errors import Code, DatelineError
from dateline.record import Document
from dateline.settings import Settings

# langid's normalised probability under which one paragraph's vote is not counted.
MIN_PARAGRAPH_CONFIDENCE = 0.5


@cache
def _identifier() -> object:
    from langid.langid import LanguageIdentifier, model
    return LanguageIdentifier.from_modelstring(model, norm_probs=True)


def classify(text: str) -> tuple[str, float]:
    lang, prob = _identifier().classify(text)  # type: ignore[attr-defined]
    return str(lang), float(prob)


def letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())


def detect(paragraphs: list[str], settings: Settings) -> str:
    """Length-weighted vote of the paragraphs; raises when the body does not tell."""
    total = sum(letters(p) for p in paragraphs)
    if total < settings.language.min_letters:
        raise DatelineError(Code.UNKNOWN_LANGUAGE, f"too little text ({total} letters) to tell "
                            "its language; pass --lang")
    votes: Counter[str] = Counter()
    for paragraph in paragraphs:
        lang, prob = classify(paragraph)
        if prob >= MIN_PARAGRAPH_CONFIDENCE:
            votes[lang] += letters(paragraph)
    if not votes:
        lang, prob = classify(" ".join(paragraphs))
        if prob < MIN_PARAGRAPH_CONFIDENCE:
            raise DatelineError(Code.UNKNOWN_LANGUAGE, "the language of the text cannot be "
                                "identified; pass --lang")
        return lang
    lang, weight = votes.most_common(1)[0]
    if weight < settings.language.min_share * sum(votes.values()):
        raise DatelineError(Code.UNKNOWN_LANGUAGE, "the text mixes languages with no clear "
                            "majority; pass --lang")
    return lang


def run(doc: Document, settings: Settings) -> Document:
    if doc.hint_language:
        doc.language = doc.hint_language.lower()
        return doc
    paragraphs = [doc.text[p["start"]:p["end"]] for p in doc.paragraphs]
    doc.language = detect(paragraphs, settings)
    return doc
