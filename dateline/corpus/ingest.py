"""``dateline ingest``: sources into the store, in parallel, resumable and crash-safe.

The calling process reads the sources, skips what the store already holds, and hands batches
to a pool of worker processes (one per core; each loads its models once and batches them).
Results come back in submission order and the calling process, the single writer, commits
each batch in one transaction. The order of the sources fixes every decision (which copy is
the original, which story an article opens), so a run cut short and resumed ends with the same
store as a clean run.
"""
from __future__ import annotations

import multiprocessing
import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.corpus import worker
from dateline.corpus.items import Item
from dateline.corpus.writer import CorpusWriter
from dateline.settings import Settings
from dateline.store.db import open_writer
from dateline.store.fetch_cache import StoreFetchCache

Progress = Callable[[Counter[str], int], None]


@dataclass
class Report:
    """What one run did, by outcome: new, near_duplicate, exact_copy, failed, skipped."""

    tally: Counter[str]
    db: str
    # Peak resident memory of each worker process (KiB; the calling process when workers = 0).
    worker_peak_kib: dict[int, int] = field(default_factory=dict)
    # Seconds spent placing each new article (near-duplicate lookup, story choice and update).
    story_seconds: list[float] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        peaks = sorted(self.worker_peak_kib.values())
        return {"db": self.db, **{k: self.tally.get(k, 0) for k in
                                  ("new", "near_duplicate", "exact_copy", "failed", "skipped")},
                "worker_peak_mib": [round(kib / 1024) for kib in peaks]}


def batches(items: Iterable[Item], writer: CorpusWriter, size: int) -> Iterator[tuple[list[Item], int]]:
    """Batches of items the store does not hold yet, with how many were skipped before each."""
    batch: list[Item] = []
    skipped = 0
    for item in items:
        if writer.seen(item.key):
            skipped += 1
            continue
        batch.append(item)
        if len(batch) >= size:
            yield batch, skipped
            batch, skipped = [], 0
    if batch or skipped:
        yield batch, skipped


Handler = Callable[[worker.Done | None, int], None]


def run_inline(work: Iterator[tuple[list[Item], int]], settings: Settings, done: Handler) -> None:
    """Workers = 0: analyse in this process (tests, debugging)."""
    for items, skipped in work:
        results = worker.analyse_batch(items, settings) if items else []
        done(worker.Done(results, os.getpid(), worker.peak_rss_kib()), skipped)


def run_pool(work: Iterator[tuple[list[Item], int]], settings: Settings, done: Handler) -> None:
    """Keep every worker busy, and hand results to ``done`` in submission order."""
    saved = {k: os.environ.get(k) for k in worker.SINGLE_THREAD_ENV}
    os.environ.update(worker.SINGLE_THREAD_ENV)  # inherited by the spawned workers
    context = multiprocessing.get_context("spawn")  # no fork of a process with threads
    try:
        with ProcessPoolExecutor(settings.ingest.workers, mp_context=context, initializer=worker.init_worker,
                                 initargs=(settings,)) as pool:
            pending: deque[tuple[Future[worker.Done] | None, int]] = deque()
            ahead = settings.ingest.workers * settings.ingest.prefetch
            for items, skipped in work:
                pending.append((pool.submit(worker.work, items) if items else None, skipped))
                while len(pending) > ahead:
                    future, before = pending.popleft()
                    done(future.result() if future else None, before)
            while pending:
                future, before = pending.popleft()
                done(future.result() if future else None, before)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def ingest(sources: Sequence[str], db: str | Path, settings: Settings,
           progress: Progress | None = None) -> Report:
    """Ingest the sources (paths, globs, WARC, JSONL, feed and page URLs) into the store at ``db``."""
    from dateline.corpus.sources import iter_items

    return ingest_items(lambda cache: iter_items(sources, settings, cache), db, settings, progress)


def ingest_items(make_items: Callable[[StoreFetchCache], Iterable[Item]], db: str | Path, settings: Settings,
                 progress: Progress | None = None) -> Report:
    """Ingest the items ``make_items`` yields (given the store's fetch cache); return the run's tally."""
    conn = open_writer(db)
    try:
        writer = CorpusWriter(conn, settings)
        cache = StoreFetchCache(conn)

        report = Report(writer.tally, str(db), story_seconds=writer.story_seconds)

        def done(batch: worker.Done | None, skipped: int) -> None:
            writer.tally["skipped"] += skipped
            results = batch.results if batch else []
            if batch and batch.peak_kib is not None:
                report.worker_peak_kib[batch.pid] = batch.peak_kib
            if results:
                writer.write_batch(results)
                cache.committed([r.source for r in results])
            if progress:
                progress(writer.tally, len(results) + skipped)

        work = batches(make_items(cache), writer, settings.ingest.batch_size)
        if settings.ingest.workers <= 0:
            run_inline(work, settings, done)
        else:
            run_pool(work, settings, done)
        cache.flush()
        return report
    finally:
        conn.close()
