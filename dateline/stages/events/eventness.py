"""Eventness: does a sentence report a political or social event at all?

The trigger rules find a verb or noun of the lexicon; in real news most such sentences are no
PLOVER event: markets that "declined", a team that "beat" another, a company that "offered"
repairs. A logistic regression over the multilingual sentence embeddings that dateline ships for
stories (USE multilingual v3) scores each sentence with a trigger; below the threshold its
triggers are dropped. The weights and the threshold are data (``lang/all/eventness.json``),
trained by ``scripts/train_eventness.py`` on development sets only; one model serves every
language, as the embeddings are multilingual.
"""
from __future__ import annotations

import json
from functools import cache

import numpy as np

from dateline.embed import embed
from dateline.lexicon import LANG_DIR

MODEL = LANG_DIR / "all" / "eventness.json"


@cache
def model() -> tuple[np.ndarray, float, float]:
    """(weights, bias, threshold)."""
    data = json.loads(MODEL.read_text(encoding="utf-8"))
    return np.asarray(data["weights"], dtype=np.float32), float(data["bias"]), float(data["threshold"])


def scores(sentences: list[str]) -> list[float]:
    """P(event) of each sentence."""
    if not sentences:
        return []

    weights, bias, _ = model()
    logits = embed(sentences) @ weights + bias
    return [float(p) for p in 1 / (1 + np.exp(-logits))]


def eventful(sentences: list[str], threshold: float | None = None) -> list[bool]:
    """Whether each sentence scores at least the threshold (the model's own by default)."""
    cut = model()[2] if threshold is None else threshold
    return [p >= cut for p in scores(sentences)]
