"""Collectives: organisations named by a description, as entities of their own or joined."""
from __future__ import annotations

from typing import Any

from dateline.api import make_document
from dateline.pipeline import run_stages
from dateline.settings import Settings


def entities_of(text: str, lang: str) -> list[dict[str, Any]]:
    doc = make_document(text.encode(), "<test>", input="text", lang=lang)
    return run_stages(doc, Settings(), until="entities").entities


def holding(entities: list[dict[str, Any]], surface: str) -> dict[str, Any] | None:
    return next((e for e in entities if any(m["text"] == surface for m in e["mentions"])), None)


def test_an_institution_with_a_named_complement_is_an_organisation():
    entities = entities_of("Le parquet de Saint-Nazaire a ouvert une enquête mardi.", "fr")
    parquet = holding(entities, "Le parquet de Saint-Nazaire")
    assert parquet is not None and parquet["type"] == "ORG" and parquet["name"] == "parquet de Saint-Nazaire"


def test_a_bare_institution_joins_the_organisation_whose_name_holds_it():
    entities = entities_of("La société Valcor Industries a fermé son usine. Mardi, la société a promis "
                           "des reclassements.", "fr")
    company = holding(entities, "la société")
    assert company is not None and company["name"] == "Valcor Industries"


def test_a_bare_institution_that_means_nothing_in_the_article_is_left_out():
    entities = entities_of("La société a promis des reclassements aux salariés.", "fr")
    assert holding(entities, "La société") is None


def test_a_lone_person_name_tagged_elsewhere_as_an_organisation_is_that_organisation():
    from dateline.common.mentions import Mention
    from dateline.stages.entities.stage import retype_lone_names

    mentions = [Mention(0, 9, "Domicilio", "MISC", key="misc:domicilio", lemma="Domicilio"),
                Mention(40, 49, "Domicilio", "PERSON", key="person:domicilio", lemma="Domicilio"),
                Mention(60, 78, "Léa Vasseur-Nguyen", "PERSON", key="person:léa vasseur-nguyen")]
    retype_lone_names(mentions)
    assert [(m.key, m.type) for m in mentions[:2]] == [("misc:domicilio", "MISC")] * 2
    assert mentions[2].type == "PERSON"
