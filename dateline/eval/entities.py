"""Suite ``entities``: the held-out entity gold (tests/gold/entities, see its LABELLING.md).

Per language, micro-averaged over its articles:

- ``mention_f1``: a predicted name mention matches a gold mention of the same type and the same
  surface (apostrophes and whitespace normalised), counted with multiplicity;
- ``entity_f1``: a predicted entity matches a gold entity of the same type that shares at least
  one mention surface, one to one, greedily by overlap size;
- ``merge``: the share of gold entities whose predicted mentions all sit in one predicted entity
  (gold entities none of whose mentions was predicted are left out).

The ``shared`` argument is unused: this gold lives in the repository.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from dateline.api import make_document
from dateline.errors import DatelineError
from dateline.eval.scoring import Counts
from dateline.pipeline import run_stages
from dateline.settings import Settings

GOLD_DIR = Path(__file__).parents[2] / "tests/gold/entities"
# An entity as the scorer sees it: its type and the surfaces of its name mentions.
Entity = tuple[str, list[str]]


def norm(surface: str) -> str:
    return " ".join(surface.replace("’", "'").split())


def predicted_entities(entities: list[dict[str, Any]]) -> list[Entity]:
    """The record's entities that have at least one name mention, with those names."""
    found = [(e["type"], [norm(m["text"]) for m in e["mentions"] if m.get("kind", "name") == "name"])
             for e in entities]
    return [(kind, surfaces) for kind, surfaces in found if surfaces]


def gold_entities(gold: dict[str, Any]) -> list[Entity]:
    return [(e["type"], [norm(s) for s in e["mentions"]]) for e in gold["entities"]]


def mention_counts(predicted: list[Entity], gold: list[Entity]) -> Counts:
    pred = Counter((kind, s) for kind, surfaces in predicted for s in surfaces)
    true = Counter((kind, s) for kind, surfaces in gold for s in surfaces)
    return Counts(sum((pred & true).values()), sum(pred.values()), sum(true.values()))


def entity_matches(predicted: list[Entity], gold: list[Entity]) -> list[tuple[int, int]]:
    """(predicted index, gold index) pairs, one to one, the largest overlaps first."""
    candidates = sorted(((len(set(p) & set(g)), i, j) for i, (pk, p) in enumerate(predicted)
                         for j, (gk, g) in enumerate(gold) if pk == gk and set(p) & set(g)),
                        key=lambda c: -c[0])
    used_pred: set[int] = set()
    used_gold: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_pred and j not in used_gold:
            used_pred.add(i)
            used_gold.add(j)
            pairs.append((i, j))
    return pairs


def entity_counts(predicted: list[Entity], gold: list[Entity]) -> Counts:
    return Counts(len(entity_matches(predicted, gold)), len(predicted), len(gold))


def merge_counts(predicted: list[Entity], gold: list[Entity]) -> tuple[int, int]:
    """(gold entities kept in one predicted entity, gold entities with a predicted mention)."""
    everywhere = Counter(s for _, surfaces in predicted for s in surfaces)
    merged = judged = 0
    for _, surfaces in gold:
        found = Counter(surfaces) & everywhere
        if not found:
            continue
        judged += 1
        merged += any(not (found - Counter(p)) for _, p in predicted)
    return merged, judged


def analyse(gold: dict[str, Any], name: str, settings: Settings) -> list[Entity]:
    doc = make_document(gold["text"].encode("utf-8"), name, input="text", lang=gold["language"])
    try:
        return predicted_entities(run_stages(doc, settings).entities)
    except DatelineError:
        return []


def run(shared: Path, settings: Settings, gold_dir: Path = GOLD_DIR) -> dict[str, float]:
    """Mention F1, entity F1 and merge accuracy per language of the gold articles."""
    totals: dict[str, tuple[Counts, Counts, list[int]]] = {}
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        mentions, entities, merge = totals.setdefault(gold["language"], (Counts(), Counts(), [0, 0]))
        predicted, true = analyse(gold, path.name, settings), gold_entities(gold)
        mentions.add(mention_counts(predicted, true))
        entities.add(entity_counts(predicted, true))
        merged, judged = merge_counts(predicted, true)
        merge[0] += merged
        merge[1] += judged
    scores: dict[str, float] = {}
    for lang, (mentions, entities, merge) in sorted(totals.items()):
        scores[f"{lang}_mention_f1"] = mentions.f1()
        scores[f"{lang}_entity_f1"] = entities.f1()
        scores[f"{lang}_merge"] = merge[0] / merge[1] if merge[1] else 1.0
    return scores
