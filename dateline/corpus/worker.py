"""The per-document half of ingest, run in worker processes: stages, signature, embedding.

A worker takes a batch of items, runs the very same stage functions as ``dateline analyze``
(the model stage batched through ``nlp.pipe``), and returns for each item either its record
with its MinHash signature and story embedding, or the error that stopped it. Everything
returned is plain data, so it crosses the process boundary cheaply.
"""
from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass
from typing import Any

from dateline import embed
from dateline.corpus import dedup
from dateline.corpus.items import Item
from dateline.errors import Code, DatelineError
from dateline.pipeline import run_batch
from dateline.record import Document
from dateline.settings import Settings

# BLAS libraries read these when first loaded: one thread each, as there is a worker per core
# (set in the environment the workers are spawned with).
SINGLE_THREAD_ENV = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
# Seconds between a worker's checks that the ingest which started it is still alive.
ORPHAN_CHECK_S = 1.0


@dataclass(frozen=True)
class Analysed:
    """One item's outcome, ready for the writer."""

    key: str
    source: str
    fetched: str | None
    record: dict[str, Any] | None = None
    minhash: bytes = b""
    embedding: bytes = b""
    error: DatelineError | None = None


def failed(item: Item, error: DatelineError) -> Analysed:
    return Analysed(item.key, item.source, item.fetched, error=error)


def documents(items: list[Item]) -> list[Document | DatelineError]:
    """Each item's starting record, or why it cannot start."""
    out: list[Document | DatelineError] = []
    for item in items:
        try:
            out.append(item.error or item.document())
        except DatelineError as exc:
            out.append(exc)
    return out


def analyse_batch(items: list[Item], settings: Settings) -> list[Analysed]:
    """Run the stages over a batch; one bad document never stops the others."""
    outcomes = run_batch(documents(items), settings)
    records = {i: o.to_json() for i, o in enumerate(outcomes) if isinstance(o, Document)}
    try:
        texts = [embed.lead_text(records[i], settings.stories) for i in sorted(records)]
        vectors = dict(zip(sorted(records), embed.embed(texts)))
    except Exception as exc:  # noqa: BLE001 (the encoder failing must not lose the batch's records)
        error = DatelineError(Code.INTERNAL, f"story embedding failed: {type(exc).__name__}: {exc}")
        return [failed(item, error) for item in items]
    results: list[Analysed] = []
    for i, item in enumerate(items):
        outcome = outcomes[i]
        if isinstance(outcome, DatelineError):
            results.append(failed(item, outcome))
            continue
        record = records[i]
        results.append(Analysed(item.key, item.source, item.fetched, record,
                                dedup.signature(record["text"], settings.duplicates),
                                embed.to_bytes(vectors[i])))
    return results


# Worker processes keep their settings here: set once by the pool's initializer, read by
# each task. The settings object still reaches every stage as an argument.
_WORKER_SETTINGS: list[Settings] = []


def exit_when_orphaned(parent: int) -> None:
    """Stop this worker when the ingest that started it is gone (killed with -9, say): an
    orphaned worker would otherwise wait for work forever, holding its models in memory."""
    while os.getppid() == parent:
        time.sleep(ORPHAN_CHECK_S)
    os._exit(1)


def init_worker(settings: Settings) -> None:
    # SINGLE_THREAD_ENV is set by the parent before it spawns the pool: here numpy is already
    # loaded (unpickling this function imported it), too late for the BLAS to read it.
    _WORKER_SETTINGS[:] = [settings]
    threading.Thread(target=exit_when_orphaned, args=(os.getppid(),), daemon=True).start()


@dataclass(frozen=True)
class Done:
    """A worker's answer for one batch, with its process's peak memory so far."""

    results: list[Analysed]
    pid: int
    peak_kib: int | None


def peak_rss_kib() -> int | None:
    """This process's peak resident memory (Linux VmHWM), or None where /proc is missing."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration, ValueError):
        return None


def work(items: list[Item]) -> Done:
    """The task a pool worker runs."""
    results = analyse_batch(items, _WORKER_SETTINGS[0])
    return Done(results, os.getpid(), peak_rss_kib())
