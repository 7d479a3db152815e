"""Scoring shared by the event suites (``events``, ``plover`` and the seed's events).

Phrase matching (actors, recipients, triggers). A phrase's words are its ``\\w+`` runs after
case-folding, ’ → ' and ё → е. Its *content words* are the words of MIN_CONTENT letters or more
that are not in the language's STOPWORDS (articles, prepositions, conjunctions, possessives);
Russian words are then cut to their first PREFIX["ru"] letters, so inflected forms meet
(``Исламабадом`` and ``Исламабад``). Two phrases match when:

- both have content words, and they share one (``Hungarian`` and ``Senior Hungarian and Romanian
  officials``; ``U.N. Security Council`` and ``Security Council``); or
- one has no content word (``US``, ``ЕС``, a pronoun ``il``): its words that are not stopwords
  are all among the other phrase's words (``US`` and ``US officials``). A phrase made only of
  stopwords matches nothing.

A gold phrase also matches a predicted entity id when it matches, by the same rule, that
entity's name, canonical name, an alias or one of its mention texts.

Triggers are compared the same way, with the auxiliaries and negation words of AUXILIARIES
added to the stopwords, so ``a accusé`` and ``a publié`` do not meet on ``a`` nor ``n'a pas
attaqué`` and ``n'a pas signé`` on ``pas``.

Sentence scores (one gold event per sentence; see ``sentence_scores``). The *judged event* of a
sentence is its first predicted event of the gold type, else its first predicted event, else
none (a miss, which scores 0 wherever it is counted):

- ``type_accuracy``: share of sentences where the gold type is among the predicted types;
- ``type_macro_f1``: per PLOVER type T, sentence-level: TP = gold T and T predicted, FP = T
  predicted and gold not T, FN = gold T and T not predicted, F1 = 2TP / (2TP + FP + FN);
  averaged over the PLOVER types that occur in the gold (a type only ever predicted is not in
  the average: the sentences it took cost the recall of their gold types);
- ``actor_match``: over sentences with gold actors, the share where every gold actor phrase
  matches some ``actor_text`` phrase or ``actor`` entity of the judged event;
- ``type_and_actor``: over the same sentences, the share where the judged event has the gold
  type and its actor matches (type and actor both right);
- ``recipient_match``: the same for recipients, over sentences with gold recipients;
- ``recipient_absent``: over sentences with no gold recipient, the share whose judged event has
  neither ``recipient_text`` nor ``recipient`` ids;
- ``status_accuracy``, ``mode_accuracy``, ``trigger_match``: over sentences whose gold type was
  predicted, the judged event's status equals the gold's; its mode equals the gold's (None and
  "" are the same, so a null mode wants a null mode); its trigger matches the gold trigger.

A measure with nothing to count (no sentence in its denominator) scores 0.0, never a free 1.0.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from dateline import plover
from dateline.api import make_document
from dateline.pipeline import run_batch
from dateline.record import Document
from dateline.settings import Settings

WORD = re.compile(r"\w+")


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Shorter words carry no identity of their own (articles, "of", "de", "в"); a phrase with no
# longer word ("US") is matched by its whole words (see the module docstring).
MIN_CONTENT = 3
# Function words that do not make two actor phrases the same actor. Short words are listed too:
# a phrase with no content word is matched by its words that are not stopwords.
STOPWORDS: dict[str, frozenset[str]] = {
    "en": word_set("""a an the of and or in on at to by for from with into onto over under
        about against between among its their his her our your this that these those who which
        whose as"""),
    "fr": word_set("""le la les l un une des du de d et ou en au aux à a par pour sur sous
        dans avec sans chez entre vers contre son sa ses leur leurs notre nos votre vos ce cet
        cette ces qui que qu dont the of and"""),
    "ru": word_set("""и или а но в во на с со по к ко о об обо от до из за для при над под
        без через между перед его ее их который которая которые которых этот эта эти тот та
        те"""),
}
# Russian words meet on their first letters (case endings differ: Газа, Газу, Газой).
PREFIX: dict[str, int] = {"ru": 4}
# Auxiliaries, copulas, modals and negation words: they make no two triggers the same event.
AUXILIARIES: dict[str, frozenset[str]] = {
    "en": word_set("""has have had was were been being are is be will would shall should
        could can may might not did does do"""),
    "fr": word_set("""ont été sont est était étaient avait avaient aurait auraient sera seront
        serait seraient pas plus point jamais aucun aucune toujours"""),
    "ru": word_set("""не ни был была было были будет будут стал стала стали"""),
}


def _fold(text: str) -> str:
    return text.casefold().replace("’", "'").replace("ё", "е")


def stopwords(lang: str) -> frozenset[str]:
    """The language's stopwords; for a language without a list, all the lists together."""
    return STOPWORDS.get(lang) or frozenset().union(*STOPWORDS.values())


def _cut(word: str, lang: str) -> str:
    size = PREFIX.get(lang)
    return word[:size] if size else word


def words(text: str, lang: str) -> set[str]:
    """All the phrase's words, cut to the language's prefix."""
    return {_cut(w, lang) for w in WORD.findall(_fold(text))}


def content_words(text: str, lang: str, extra: frozenset[str] = frozenset()) -> set[str]:
    stop = stopwords(lang) | extra
    return {_cut(w, lang) for w in WORD.findall(_fold(text)) if len(w) >= MIN_CONTENT and w not in stop}


def _plain_words(text: str, lang: str, extra: frozenset[str]) -> set[str]:
    stop = stopwords(lang) | extra
    return {_cut(w, lang) for w in WORD.findall(_fold(text)) if w not in stop}


def phrases_match(a: str, b: str, lang: str, extra: frozenset[str] = frozenset()) -> bool:
    """The module's phrase rule: a shared content word, or a content-less phrase inside the other."""
    ca, cb = content_words(a, lang, extra), content_words(b, lang, extra)
    if ca and cb:
        return bool(ca & cb)
    for short, other in ((a, b), (b, a)):
        if not content_words(short, lang, extra):
            key = _plain_words(short, lang, extra)
            if key and key <= words(other, lang):
                return True
    return False


def triggers_match(predicted: str, gold: str, lang: str) -> bool:
    return phrases_match(predicted, gold, lang, AUXILIARIES.get(lang, frozenset()))


def entity_surfaces(entity: dict[str, Any]) -> list[str]:
    """Name, canonical name, aliases and mention texts of a record entity."""
    found = [entity.get("name") or "", entity.get("canonical") or "", *entity.get("aliases", []),
             *(m.get("text") or "" for m in entity.get("mentions", []))]
    return [s for s in found if s]


def phrase_found(gold: str, texts: Iterable[str], ids: Iterable[str],
                 entities: dict[str, dict[str, Any]], lang: str) -> bool:
    """A gold phrase matches one of the predicted phrases or one of the predicted entities."""
    if any(phrases_match(gold, text, lang) for text in texts):
        return True
    return any(phrases_match(gold, surface, lang)
               for i in ids if i in entities for surface in entity_surfaces(entities[i]))


def all_found(gold: Sequence[str], texts: Sequence[str], ids: Sequence[str],
              entities: dict[str, dict[str, Any]], lang: str) -> bool:
    return all(phrase_found(g, texts, ids, entities, lang) for g in gold)


def events_of(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The record's events; a record from before the events stage has none."""
    return list(record.get("events") or [])


def judged_event(events: Sequence[dict[str, Any]], gold_type: str) -> dict[str, Any] | None:
    """The first predicted event of the gold type, else the first one, else None."""
    return next((e for e in events if e.get("type") == gold_type), events[0] if events else None)


@dataclass(frozen=True)
class GoldEvent:
    """One sentence's gold event. ``status``, ``mode`` and ``trigger`` are None when the gold
    set does not label them (the PLOVER GSR)."""

    type: str
    actor: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()
    status: str | None = None
    mode: str | None = None
    trigger: str | None = None


class Tally:
    """Hits and totals of several ratio measures."""

    def __init__(self, names: Iterable[str]) -> None:
        self.counts = {name: [0, 0] for name in names}

    def count(self, name: str, hit: bool) -> None:
        self.counts[name][0] += int(hit)
        self.counts[name][1] += 1

    def ratios(self) -> dict[str, float]:
        return {name: hits / total if total else 0.0 for name, (hits, total) in self.counts.items()}


def same_mode(predicted: Any, gold: Any) -> bool:
    """Modes are equal; None and "" both mean no mode."""
    return str(predicted or "").casefold() == str(gold or "").casefold()


def macro_f1(predicted: Sequence[set[str]], gold: Sequence[str]) -> float:
    """Sentence-level multi-label F1 per PLOVER type, averaged over the types of the gold."""
    scores = []
    for kind in sorted(set(gold) & set(plover.types())):
        tp = sum(1 for p, g in zip(predicted, gold) if g == kind and kind in p)
        fp = sum(1 for p, g in zip(predicted, gold) if g != kind and kind in p)
        fn = sum(1 for p, g in zip(predicted, gold) if g == kind and kind not in p)
        scores.append(2 * tp / (2 * tp + fp + fn))
    return sum(scores) / len(scores) if scores else 0.0


PHRASE_MEASURES = ("type_accuracy", "actor_match", "recipient_match", "recipient_absent", "type_and_actor")
DETAIL_MEASURES = ("status_accuracy", "mode_accuracy", "trigger_match")


def sentence_scores(golds: Sequence[GoldEvent], records: Sequence[dict[str, Any]], lang: str,
                    detail: bool = True) -> dict[str, float]:
    """The sentence scores of the module docstring over aligned gold events and records;
    ``detail=False`` leaves out status, mode and trigger (a gold set without them)."""
    tally = Tally(PHRASE_MEASURES + (DETAIL_MEASURES if detail else ()))
    predicted_types: list[set[str]] = []
    for gold, record in zip(golds, records):
        events = events_of(record)
        entities = {e["id"]: e for e in record.get("entities") or []}
        kinds = {str(e["type"]) for e in events if e.get("type")}
        predicted_types.append(kinds)
        judged = judged_event(events, gold.type)
        tally.count("type_accuracy", gold.type in kinds)
        if gold.actor:
            actor_right = judged is not None and all_found(
                gold.actor, judged.get("actor_text") or [], judged.get("actor") or [], entities, lang)
            tally.count("actor_match", actor_right)
            tally.count("type_and_actor", actor_right and gold.type in kinds and judged is not None
                        and judged.get("type") == gold.type)
        if gold.recipient:
            tally.count("recipient_match", judged is not None and all_found(
                gold.recipient, judged.get("recipient_text") or [], judged.get("recipient") or [], entities, lang))
        else:
            tally.count("recipient_absent", judged is not None
                        and not judged.get("recipient_text") and not judged.get("recipient"))
        if detail and gold.type in kinds and judged is not None:
            tally.count("status_accuracy", judged.get("status") == gold.status)
            tally.count("mode_accuracy", same_mode(judged.get("mode"), gold.mode))
            tally.count("trigger_match", triggers_match(judged.get("trigger") or "", gold.trigger or "", lang))
    scores = tally.ratios()
    return {"type_accuracy": scores.pop("type_accuracy"),
            "type_macro_f1": macro_f1(predicted_types, [g.type for g in golds]), **scores}


def analyse_texts(texts: Sequence[str], names: Sequence[str], lang: str, settings: Settings) -> list[dict[str, Any]]:
    """Each text analysed as clean text of the language, in one batch; a text whose analysis
    fails is a record with no events and no entities."""
    docs = [make_document(t.encode("utf-8"), n, input="text", lang=lang) for t, n in zip(texts, names)]
    return [outcome.to_json() if isinstance(outcome, Document) else {"events": [], "entities": []}
            for outcome in run_batch(docs, settings)]
