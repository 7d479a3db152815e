"""Shared by the benchmarks: the registry's stages wrapped to add up their wall time."""
from __future__ import annotations

import dataclasses
import time

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
