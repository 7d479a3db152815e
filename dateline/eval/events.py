"""Suite ``events``: the one-sentence event gold (tests/gold/events, see its LABELLING.md).

Each gold line is one sentence with one labelled event; the language is the file's stem
(``fr.jsonl`` is French). Every sentence is analysed alone as clean text of that language
(a sentence whose analysis fails has no events). Per language, over its sentences (the
definitions, the phrase-matching rule and the *judged event* are in ``event_match``):

- ``type_accuracy``: share of sentences whose gold type is among the predicted types;
- ``type_macro_f1``: sentence-level multi-label F1 per PLOVER type, averaged over the gold's types;
- ``actor_match``: every gold actor phrase matches an actor phrase or entity of the judged event;
- ``recipient_match``: the same for recipients, over sentences with a gold recipient;
- ``recipient_absent``: over sentences with no gold recipient, the judged event has none either;
- ``status_accuracy``, ``mode_accuracy``: over sentences whose gold type was predicted, the
  judged event has the gold status, the gold mode (a null mode wants a null mode);
- ``trigger_match``: over the same sentences, the judged event's trigger shares a content word
  (not an auxiliary) with the gold trigger.

Metric names are ``<lang>_<measure>`` (``fr_type_accuracy``). The same scores, prefixed
``heldout_``, for tests/gold/events-heldout (same format, written by another hand, never looked
at while the stage was tuned); a language or a directory not there yet is left out.

The ``shared`` argument is unused: this gold lives in the repository.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dateline.eval.event_match import GoldEvent, analyse_texts, sentence_scores
from dateline.settings import Settings

GOLD_DIR = Path(__file__).parents[2] / "tests/gold/events"
# A second set written by another hand to the same guide: its scores carry the prefix "heldout_".
HELDOUT_DIR = Path(__file__).parents[2] / "tests/gold/events-heldout"


def read_gold(path: Path) -> list[dict[str, Any]]:
    """The gold lines of one JSONL file (blank lines skipped)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_event(item: dict[str, Any]) -> GoldEvent:
    return GoldEvent(type=item["type"], actor=tuple(item.get("actor") or ()),
                     recipient=tuple(item.get("recipient") or ()), status=item.get("status"),
                     mode=item.get("mode"), trigger=item.get("trigger"))


def score_file(path: Path, settings: Settings) -> dict[str, float]:
    """The sentence scores of one language's file."""
    items = read_gold(path)
    lang = path.stem
    records = analyse_texts([i["text"] for i in items], [str(i.get("id", n)) for n, i in enumerate(items)],
                            lang, settings)
    return sentence_scores([gold_event(i) for i in items], records, lang)


def score_dir(gold_dir: Path, settings: Settings, prefix: str = "") -> dict[str, float]:
    """Every language file of a gold directory; nothing when the directory is not there."""
    scores: dict[str, float] = {}
    for path in sorted(gold_dir.glob("*.jsonl")) if gold_dir.is_dir() else []:
        for name, value in score_file(path, settings).items():
            scores[f"{prefix}{path.stem}_{name}"] = value
    return scores


def run(shared: Path, settings: Settings, gold_dir: Path = GOLD_DIR,
        heldout_dir: Path = HELDOUT_DIR) -> dict[str, float]:
    """The development set's scores, then the held-out set's."""
    return {**score_dir(gold_dir, settings), **score_dir(heldout_dir, settings, "heldout_")}
