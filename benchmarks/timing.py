"""Shared by the benchmarks: timed stages, peak memory and the common command-line options."""
from __future__ import annotations

import argparse
import dataclasses
import resource
import sys
import time
from pathlib import Path

from dateline.corpus.worker import peak_rss_kib as worker_peak_rss_kib
from dateline.pipeline import STAGES, Stage
from dateline.record import Document
from dateline.settings import Settings


def timed_stages(totals: dict[str, float]) -> tuple[Stage, ...]:
    """The registry's stages, each (``run`` and ``run_batch``) adding its wall time to ``totals[name]``."""
    def wrap(stage: Stage) -> Stage:
        def run(doc: Document, settings: Settings) -> Document:
            started = time.perf_counter()
            try:
                return stage.run(doc, settings)
            finally:
                totals[stage.name] += time.perf_counter() - started

        def batch(docs: list[Document], settings: Settings) -> list[Document]:
            started = time.perf_counter()
            try:
                return stage.run_batch(docs, settings)  # type: ignore[misc]
            finally:
                totals[stage.name] += time.perf_counter() - started
        return dataclasses.replace(stage, run=run, run_batch=batch if stage.run_batch is not None else None)
    return tuple(wrap(stage) for stage in STAGES)


def peak_rss_kib() -> int:
    """Peak RSS of this process: VmHWM (what ingest reports per worker), as Linux's ru_maxrss
    also counts the parent's RSS at fork; ru_maxrss only where /proc is missing."""
    peak = worker_peak_rss_kib()
    if peak is not None:
        return peak
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss // 1024 if sys.platform == "darwin" else rss  # bytes on macOS, KiB elsewhere


def base_parser(description: str, default_shared: Path) -> argparse.ArgumentParser:
    """The options every benchmark takes: the shared data folder, repeats and JSON output."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--shared", type=Path, default=default_shared, help="shared data folder (default ../shared)")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes per system (median reported)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    return parser
