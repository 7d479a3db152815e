"""The stage registry and the batch runner: order, isolation of failures."""
from __future__ import annotations

import dataclasses

from dateline.api import make_document
from dateline.errors import Code, DatelineError
from dateline.pipeline import STAGES, run_batch, stage_names
from dateline.record import Document
from dateline.settings import Settings
from dateline.stages.extract.metadata import iso_date

PAGE = "Le conseil municipal a voté mardi le budget de la ville pour l'année prochaine, après un long débat."


def test_stages_run_in_the_documented_order():
    assert stage_names() == ["read", "extract", "clean", "paragraphs", "language", "published", "analysis",
                             "entities", "places", "dates", "quotes", "events"]


def test_a_bug_in_one_document_is_that_documents_error_and_the_batch_goes_on():
    def fragile(doc: Document, settings: Settings) -> Document:
        if "fragile" in doc.origin:
            raise RuntimeError("boom")
        return doc

    stages = [*STAGES[:5], dataclasses.replace(STAGES[5], run=fragile)]
    docs = [make_document(PAGE.encode(), name, input="text") for name in ("a", "fragile", "b")]
    outcomes = run_batch(docs, Settings(), stages=stages)
    assert isinstance(outcomes[1], DatelineError) and outcomes[1].code is Code.INTERNAL
    assert "published stage" in outcomes[1].message and "RuntimeError" in outcomes[1].message
    assert isinstance(outcomes[0], Document) and isinstance(outcomes[2], Document)


def test_batch_and_single_runs_give_the_same_entities():
    text = "Le maire de Lyon, Paul Roche, a reçu mardi le ministre italien Marco Bianchi à Lyon."
    batch = run_batch([make_document(text.encode(), "x", input="text", lang="fr")], Settings())[0]
    from dateline.pipeline import run_stages

    single = run_stages(make_document(text.encode(), "x", input="text", lang="fr"), Settings())
    assert isinstance(batch, Document)
    assert batch.to_json()["entities"] == single.to_json()["entities"]


def test_a_placeholder_date_in_page_metadata_is_not_a_publication_date():
    assert iso_date("0001-01-01T00:00:00") is None
    assert iso_date("1970-01-01") is None
    assert iso_date("2019-11-20T08:00:00Z") == "2019-11-20"
