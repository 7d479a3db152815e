"""Language: the ISO 639-1 code of the article body.

Each paragraph votes with its length, so a stray line in another script cannot swing it.
langid is fast and covers 97 languages; a caller's ``--lang`` wins over detection.
"""
from __future__ import annotations

import re
import tomllib
from collections import Counter
from functools import cache

from dateline.common.chrome import script_of
from dateline.errors import Code, DatelineError
from dateline.lexicon import LANG_DIR
from dateline.record import Document
from dateline.settings import Settings

# Share of function words ("the", "de", "и") below which text is not language at all
# (sports box scores hold about 2%, gibberish none).
MIN_STOPWORD_SHARE = 0.01
# Fewer words than this are too few to judge the share of function words.
STOPWORD_CHECK_WORDS = 8
WORD = re.compile(r"\w+")
# Words of this many letters or more are judged for vowels ("Mr", "St", "km" have none);
# acronyms in capitals are not judged.
MIN_JUDGED_WORD = 3
# Vowels of the Latin script, accented ones and y included (Welsh "w" is rare enough in news).
VOWEL = re.compile(r"[aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿœąęėįųůű]", re.I)
# Beyond this share of vowelless words the text is no language (real prose has a few: "Mr", "BBC").
MAX_VOWELLESS_SHARE = 0.5
# A whole-body verdict this sure needs no paragraph vote (each langid call costs ~10 ms).
CLEAR_CUT = 0.95
# Characters of the body given to langid: more do not change its verdict, only its time.
LANGID_SAMPLE = 2000
# The paragraph vote asks the longest paragraphs only.
MAX_VOTERS = 7
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
    return sum(map(str.isalpha, text))


def in_main_script(paragraphs: list[str]) -> list[str]:
    """The paragraphs written in the body's main script: a stray line in another script
    would weigh more than its share in langid's byte n-grams."""
    scripts = [script_of(p) for p in paragraphs]
    weights: Counter[str] = Counter()
    for paragraph, script in zip(paragraphs, scripts):
        weights[script] += letters(paragraph)
    main = weights.most_common(1)[0][0]
    return [p for p, script in zip(paragraphs, scripts) if script == main]


def detect(paragraphs: list[str], settings: Settings) -> str:
    """The body's language: one call on the whole body when it is clear-cut, else a
    length-weighted vote of the longest paragraphs. Raises when the body does not tell."""
    total = sum(letters(p) for p in paragraphs)
    if total < settings.language.min_letters:
        raise DatelineError(Code.UNKNOWN_LANGUAGE, f"too little text ({total} letters) to tell "
                            "its language; pass --lang")
    paragraphs = in_main_script(paragraphs)
    lang, prob = classify(" ".join(paragraphs)[:LANGID_SAMPLE])
    if prob >= CLEAR_CUT:
        return lang
    votes: Counter[str] = Counter()
    for paragraph in sorted(paragraphs, key=len, reverse=True)[:MAX_VOTERS]:
        voter, confidence = classify(paragraph[:LANGID_SAMPLE])
        if confidence >= MIN_PARAGRAPH_CONFIDENCE:
            votes[voter] += letters(paragraph)
    if not votes:
        if prob < MIN_PARAGRAPH_CONFIDENCE:
            raise DatelineError(Code.UNKNOWN_LANGUAGE, "the language of the text cannot be "
                                "identified; pass --lang")
        return lang
    lang, weight = votes.most_common(1)[0]
    if weight < settings.language.min_share * sum(votes.values()):
        raise DatelineError(Code.UNKNOWN_LANGUAGE, "the text mixes languages with no clear "
                            "majority; pass --lang")
    return lang


@cache
def stopwords(language: str) -> frozenset[str]:
    """jusText's stop-word list for a language, or an empty set when it has none."""
    with (LANG_DIR / "stoplists.toml").open("rb") as handle:
        name = tomllib.load(handle).get(language)
    if not name:
        return frozenset()
    import justext

    return frozenset(w.lower() for w in justext.get_stoplist(name))


def looks_like_language(text: str, language: str) -> bool:
    """False for gibberish: real prose is full of its language's function words."""
    words = [w.lower() for w in WORD.findall(text[:LANGID_SAMPLE])]
    known = stopwords(language)
    if not known or len(words) < STOPWORD_CHECK_WORDS:
        return True
    return sum(1 for w in words if w in known) >= MIN_STOPWORD_SHARE * len(words)


def page_language(doc: Document) -> str | None:
    """The primary subtag of the language the HTML declares (``<html lang="fr-FR">``)."""
    hint = (doc._meta or {}).get("language_hint") or ""
    code = hint.split("-")[0].split("_")[0].strip().lower()
    return code if len(code) == 2 and code.isalpha() else None


def run(doc: Document, settings: Settings) -> Document:
    if doc.hint_language:
        doc.language = doc.hint_language.lower()
        return doc
    paragraphs = [doc.text[p["start"]:p["end"]] for p in doc.paragraphs]
    try:
        language = detect(paragraphs, settings)
    except DatelineError as exc:
        refuse_no_language(doc.text)
        doc.language = uncertain_language(doc, paragraphs, exc, settings)
        return doc
    if not looks_like_language(doc.text, language):
        refuse_no_language(doc.text)
        doc.warnings.append(f"language: few {language} function words (a table or a list?); "
                            f"kept as {language}")
    doc.language = language
    return doc


def refuse_no_language(text: str) -> None:
    """E008 for text in no language at all; checked only where detection has doubts."""
    if is_no_language(text):
        raise DatelineError(Code.UNKNOWN_LANGUAGE, "the text reads as no language at all (words "
                            "without vowels); pass --lang if it is one")


def uncertain_language(doc: Document, paragraphs: list[str], exc: DatelineError, settings: Settings) -> str:
    """The language of a text the detector is unsure of: the page's declared language, else
    langid's best guess, with a warning. Too little text to guess from is still refused."""
    declared = page_language(doc)
    if declared:
        doc.warnings.append(f"language not detectable from the text; the page declares {declared}")
        return declared
    if sum(letters(p) for p in paragraphs) < settings.language.min_letters:
        raise exc
    guess, prob = classify(" ".join(in_main_script(paragraphs))[:LANGID_SAMPLE])
    doc.warnings.append(f"language uncertain ({exc.message.split(';')[0]}); best guess {guess} "
                        f"(p={prob:.2f})")
    return guess


def is_no_language(text: str) -> bool:
    """True for strings of letters that no language writes: most words of the Latin script
    with no vowel at all ("brk trnvz glpx"). Other scripts are not judged."""
    words = [w for w in WORD.findall(text[:LANGID_SAMPLE]) if w.isalpha() and len(w) >= MIN_JUDGED_WORD]
    latin = [w for w in words if script_of(w) == "LATIN" and not w.isupper()]
    if len(latin) < STOPWORD_CHECK_WORDS or len(latin) < len(words) / 2:
        return False
    voiceless = sum(1 for w in latin if not VOWEL.search(w))
    return voiceless > MAX_VOWELLESS_SHARE * len(latin)
