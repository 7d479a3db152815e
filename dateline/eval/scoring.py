"""Scores shared by the suites: the article-extraction benchmark's 4-word shingle F1, and
micro precision/recall/F1 counts."""
from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

TOKEN = re.compile(r"\w+")
SHINGLE = 4


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def match_counts(true: str, pred: str) -> tuple[float, float, float]:
    """(tp, fp, fn) over shingles, normalised so that every page weighs the same."""
    gold, got = shingles(true), shingles(pred)
    tp = sum((gold & got).values())
    fp = sum((got - gold).values())
    fn = sum((gold - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def aggregate(counts: Sequence[tuple[float, float, float]]) -> dict[str, float]:
    """Macro precision and recall over pages, and their harmonic mean (the benchmark's F1)."""
    precision = statistics.mean(_precision(*c) for c in counts if c[0] + c[1] > 0) if counts else 0.0
    recall = statistics.mean(_recall(*c) for c in counts if c[0] + c[2] > 0) if counts else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": f1, "precision": precision, "recall": recall}


@dataclass
class Counts:
    """True positives, predicted and gold totals of one measure."""

    hits: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.hits += other.hits
        self.predicted += other.predicted
        self.gold += other.gold

    def precision(self) -> float:
        return self.hits / self.predicted if self.predicted else 1.0

    def recall(self) -> float:
        return self.hits / self.gold if self.gold else 1.0

    def f1(self) -> float:
        """Micro F1, the harmonic mean of precision and recall (1.0 when both sides are empty)."""
        if self.predicted == 0 and self.gold == 0:
            return 1.0
        return 2 * self.hits / (self.predicted + self.gold)
