"""The stage registry: the one place that lists the per-document stages, in order.

Each stage declares the fields it needs and the fields it adds (as spaCy components do),
so a later stage can be slotted in and checked. The scale-out engine maps this same list.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dateline.errors import Code, DatelineError
from dateline.record import Document
from dateline.settings import Settings
from dateline.stages import (
    analysis,
    clean,
    dates,
    entities,
    events,
    extract,
    language,
    paragraphs,
    places,
    published,
    quotes,
    read,
)

StageFn = Callable[[Document, Settings], Document]
BatchFn = Callable[[list[Document], Settings], list[Document]]
Outcome = Document | DatelineError


@dataclass(frozen=True)
class Stage:
    name: str
    run: StageFn
    needs: tuple[str, ...]
    adds: tuple[str, ...]
    # Optional batch form (the model stage feeds nlp.pipe); must equal ``run`` per document.
    run_batch: BatchFn | None = None


STAGES: tuple[Stage, ...] = (
    Stage("read", read.run, needs=("raw",), adds=("_decoded", "_encoding", "_input")),
    Stage("extract", extract.run, needs=("_decoded", "_input"),
          adds=("_lines", "_meta", "title", "author", "url", "source", "images")),
    Stage("clean", clean.run, needs=("_lines",), adds=("removed", "images", "related", "title", "source")),
    Stage("paragraphs", paragraphs.run, needs=("_lines",), adds=("text", "paragraphs", "id")),
    Stage("language", language.run, needs=("text", "paragraphs"), adds=("language",)),
    Stage("published", published.run, needs=("_lines", "language"), adds=("published",)),
    Stage("analysis", analysis.run, needs=("text", "language"), adds=("_analysis",),
          run_batch=analysis.run_batch),
    Stage("entities", entities.run, needs=("_analysis", "text", "language"), adds=("entities",)),
    Stage("places", places.run, needs=("entities", "language"), adds=("places",)),
    Stage("dates", dates.run, needs=("text", "language", "published"), adds=("dates",)),
    Stage("quotes", quotes.run, needs=("_analysis", "text", "paragraphs", "entities"), adds=("quotes",)),
    Stage("events", events.run, needs=("_analysis", "text", "paragraphs", "entities", "places", "dates", "quotes"),
          adds=("events",)),
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


def guarded(stage: Stage, doc: Document, settings: Settings) -> Outcome:
    """One stage on one document; any failure becomes that document's error, never the batch's."""
    try:
        return stage.run(doc, settings)
    except DatelineError as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 (a bug in one document must not stop the others)
        return DatelineError(Code.INTERNAL, f"internal error in the {stage.name} stage: "
                             f"{type(exc).__name__}: {exc} (please report it)")


def run_batch(docs: Sequence[Outcome], settings: Settings, stages: Sequence[Stage] = STAGES,
              until: str | None = None) -> list[Outcome]:
    """Run the stages over a batch: each document's outcome, a record or the error that
    stopped it. Batch stages get the documents still alive together; one bad document
    never stops the others, and an error already in the batch (reading failed) passes through."""
    outcomes: list[Outcome] = list(docs)
    for stage in stages:
        alive = [i for i, item in enumerate(outcomes) if isinstance(item, Document)]
        if stage.run_batch is not None and alive:
            done = stage.run_batch([outcomes[i] for i in alive], settings)  # type: ignore[misc]
            for i, doc in zip(alive, done):
                outcomes[i] = doc
        else:
            for i in alive:
                outcomes[i] = guarded(stage, outcomes[i], settings)  # type: ignore[arg-type]
        if stage.name == until:
            break
    return outcomes
