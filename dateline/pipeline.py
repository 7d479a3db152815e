"""The stage registry: the one place that lists the per-document stages, in order.

Each stage declares the fields it needs and the fields it adds (as spaCy components do),
so a later stage can be slotted in and checked. The scale-out engine maps this same list.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dateline.record import Document
from dateline.settings import Settings
from dateline.stages import clean, extract, language, paragraphs, published, read

StageFn = Callable[[Document, Settings], Document]


@dataclass(frozen=True)
class Stage:
    name: str
    run: StageFn
    needs: tuple[str, ...]
    adds: tuple[str, ...]


STAGES: tuple[Stage, ...] = (
    Stage("read", read.run, needs=("raw",), adds=("_decoded", "_encoding", "_input")),
    Stage("extract", extract.run, needs=("_decoded", "_input"),
          adds=("_lines", "_meta", "title", "author", "url", "source", "images")),
    Stage("clean", clean.run, needs=("_lines",), adds=("removed", "images", "related", "title", "source")),
    Stage("paragraphs", paragraphs.run, needs=("_lines",), adds=("text", "paragraphs", "id")),
    Stage("language", language.run, needs=("text", "paragraphs"), adds=("language",)),
    Stage("published", published.run, needs=("_lines", "language"), adds=("published",)),
)


def stage_names() -> list[str]:
    return [stage.name for stage in STAGES]


def run_stages(doc: Document, settings: Settings, stages: Sequence[Stage] = STAGES,
               until: str | None = None) -> Document:
    """Run the stages in order; ``until`` stops after the named stage."""
    for stage in stages:
        doc = stage.run(doc, settings)
        if stage.name == until:
            break
    return doc
