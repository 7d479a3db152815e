"""Near-duplicate articles across outlets: MinHash signatures of word shingles, and an LSH index.

Exact copies share the record's content id (the same normalised text) and never reach here.
Syndicated copies with their own chrome, a reworded headline or an added sentence keep most of
their 5-word shingles; two articles written separately about the same story share few. The
signature is computed where the article is analysed (a worker), the index lives with the
single writer and is rebuilt from the stored signatures when a run starts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHash, MinHashLSH

from dateline.names import fold
from dateline.settings import DuplicateSettings

WORD = re.compile(r"\w+")
# A fixed seed: signatures written by one run must compare with those of the next.
MINHASH_SEED = 1
# datasketch's 32-bit affine permutations: as accurate as 64-bit ones for Jaccard estimates,
# half the bytes stored. Named explicitly, since stored values carry no trace of their scheme.
MINHASH_SCHEME = "affine32"
SIGNATURE_DTYPE = np.uint32


def words(text: str) -> list[str]:
    """Words folded for comparison: no case, no diacritics, no punctuation."""
    return WORD.findall(fold(text.casefold()))


def shingles(text: str, size: int) -> set[str]:
    """Overlapping runs of ``size`` words; a text shorter than that is one shingle."""
    tokens = words(text)
    if len(tokens) <= size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i:i + size]) for i in range(len(tokens) - size + 1)}


def signature(text: str, settings: DuplicateSettings) -> bytes:
    """The MinHash signature of a text's shingles, as bytes for the store."""
    minhash = MinHash(num_perm=settings.num_perm, seed=MINHASH_SEED, scheme=MINHASH_SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in sorted(shingles(text, settings.shingle_words))])
    return np.asarray(minhash.hashvalues, dtype=SIGNATURE_DTYPE).tobytes()


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures: the share of equal minima."""
    left, right = np.frombuffer(a, dtype=SIGNATURE_DTYPE), np.frombuffer(b, dtype=SIGNATURE_DTYPE)
    return float(np.mean(left == right))


@dataclass
class DuplicateIndex:
    """Articles already stored, findable by signature (LSH bands tuned to the threshold)."""

    settings: DuplicateSettings
    lsh: MinHashLSH = field(init=False)
    signatures: dict[str, bytes] = field(default_factory=dict)
    order: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.lsh = MinHashLSH(threshold=self.settings.near_threshold, num_perm=self.settings.num_perm)

    def _minhash(self, sig: bytes) -> MinHash:
        values = np.frombuffer(sig, dtype=SIGNATURE_DTYPE)
        return MinHash(num_perm=self.settings.num_perm, seed=MINHASH_SEED, hashvalues=values, scheme=MINHASH_SCHEME)

    def add(self, article_id: str, sig: bytes) -> None:
        if article_id in self.signatures:
            return
        self.signatures[article_id] = sig
        self.order[article_id] = len(self.order)
        self.lsh.insert(article_id, self._minhash(sig))

    def best_match(self, sig: bytes) -> tuple[str, float] | None:
        """The closest stored article at or above the threshold (the earliest on a tie)."""
        found = [(similarity(sig, self.signatures[c]), -self.order[c], c) for c in self.lsh.query(self._minhash(sig))]
        found = [f for f in found if f[0] >= self.settings.near_threshold]
        if not found:
            return None
        score, _, article_id = max(found)
        return article_id, score
