"""Suite ``quotes``: the quote gold (tests/gold/quotes, see its LABELLING.md).

Per language, micro-averaged over its articles:

- ``quote_precision``, ``quote_recall``, ``quote_f1``: a predicted quote matches a gold quote
  when the words they share (case-folded, as multisets) are at least MATCH_SHARE of the gold
  quote's words and of the predicted quote's words; one to one, largest overlaps first;
- ``speaker_accuracy``: of the matched quotes, the share whose speaker is right: the gold
  speaker's name is the predicted entity's name, canonical name or an alias, or shares its
  last word (a surname); a gold ``null`` wants ``null``;
- ``kind_accuracy``: of the matched quotes, the share with the gold kind.

The same scores, prefixed ``heldout_``, for tests/gold/quotes-heldout: articles written by
another hand to the same guide and never looked at while the stage was tuned.

The ``shared`` argument is unused: this gold lives in the repository.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from dateline.api import make_document
from dateline.errors import DatelineError
from dateline.eval.scoring import Counts
from dateline.pipeline import run_stages
from dateline.settings import Settings

GOLD_DIR = Path(__file__).parents[2] / "tests/gold/quotes"
# A second set written by another hand to the same guide and never looked at while the stage
# was tuned: its scores carry the prefix "heldout_".
HELDOUT_DIR = Path(__file__).parents[2] / "tests/gold/quotes-heldout"
# Share of words two quotes must have in common to be the same quote (the 50%).
MATCH_SHARE = 0.5
WORD = re.compile(r"\w+")


def words(text: str) -> Counter[str]:
    return Counter(WORD.findall(text.casefold().replace("ё", "е")))


def share(pred: str, gold: str) -> float:
    """The smaller of the two sides' shares of common words."""
    a, b = words(pred), words(gold)
    common = sum((a & b).values())
    return min(common / max(1, sum(a.values())), common / max(1, sum(b.values())))


def matches(predicted: list[dict[str, Any]], gold: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """(predicted index, gold index) pairs, one to one, the largest overlaps first."""
    candidates = sorted(((share(p["text"], g["text"]), i, j) for i, p in enumerate(predicted)
                         for j, g in enumerate(gold)), key=lambda c: -c[0])
    used_pred: set[int] = set()
    used_gold: set[int] = set()
    pairs = []
    for value, i, j in candidates:
        if value >= MATCH_SHARE and i not in used_pred and j not in used_gold:
            used_pred.add(i)
            used_gold.add(j)
            pairs.append((i, j))
    return pairs


def norm(name: str) -> str:
    return " ".join(WORD.findall(name.casefold().replace("ё", "е")))


def speaker_right(quote: dict[str, Any], gold: dict[str, Any], entities: dict[str, dict[str, Any]]) -> bool:
    if gold.get("speaker") is None:
        return quote.get("speaker") is None
    entity = entities.get(quote.get("speaker") or "")
    if entity is None:
        return False
    wanted = norm(gold["speaker"])
    names = {norm(n) for n in [entity["name"], entity.get("canonical") or "", *entity.get("aliases", [])] if n}
    if wanted in names:
        return True
    return any(n.split()[-1:] == wanted.split()[-1:] for n in names if n)


def analyse(gold: dict[str, Any], name: str, settings: Settings) -> dict[str, Any]:
    doc = make_document(gold["text"].encode("utf-8"), name, input="text", lang=gold["language"])
    try:
        return run_stages(doc, settings).to_json()
    except DatelineError:
        return {"quotes": [], "entities": []}


def score_article(record: dict[str, Any], gold: dict[str, Any]) -> tuple[Counts, int, int, int, list[int]]:
    """(quote counts, matched, right speakers, right kinds, the gold quotes found) of one article."""
    predicted = [q for q in record["quotes"] if q.get("duplicate_of") is None]
    pairs = matches(predicted, gold["quotes"])
    entities = {e["id"]: e for e in record["entities"]}
    speakers = sum(speaker_right(predicted[i], gold["quotes"][j], entities) for i, j in pairs)
    kinds = sum(predicted[i]["kind"] == gold["quotes"][j]["kind"] for i, j in pairs)
    return (Counts(len(pairs), len(predicted), len(gold["quotes"])), len(pairs), speakers, kinds,
            [j for _, j in pairs])


def score_dir(gold_dir: Path, settings: Settings, prefix: str = "") -> dict[str, float]:
    """Quote precision, recall and F1, speaker and kind accuracy, per language of one set."""
    totals: dict[str, tuple[Counts, list[int]]] = {}
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        counts, tallies = totals.setdefault(gold["language"], (Counts(), [0, 0, 0]))
        article, matched, speakers, kinds, _ = score_article(analyse(gold, path.name, settings), gold)
        counts.add(article)
        for k, value in enumerate((matched, speakers, kinds)):
            tallies[k] += value
    scores: dict[str, float] = {}
    for lang, (counts, (matched, speakers, kinds)) in sorted(totals.items()):
        scores[f"{prefix}{lang}_quote_precision"] = counts.precision()
        scores[f"{prefix}{lang}_quote_recall"] = counts.recall()
        scores[f"{prefix}{lang}_quote_f1"] = counts.f1()
        scores[f"{prefix}{lang}_speaker_accuracy"] = speakers / matched if matched else 0.0
        scores[f"{prefix}{lang}_kind_accuracy"] = kinds / matched if matched else 0.0
    return scores


def run(shared: Path, settings: Settings, gold_dir: Path = GOLD_DIR) -> dict[str, float]:
    """The development set's scores, then the held-out set's."""
    return {**score_dir(gold_dir, settings), **score_dir(HELDOUT_DIR, settings, "heldout_")}
