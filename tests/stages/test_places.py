"""Places stage: place entities geocoded, homonyms settled by the countries the document names."""
from __future__ import annotations

import pytest
from conftest import make_doc

from dateline.settings import Settings
from dateline.stages import places


def entity(eid: str, name: str, kind: str = "GPE", country: str | None = None,
           aliases: list[str] | None = None) -> dict:
    return {"id": eid, "name": name, "type": kind, "country": country, "role": None,
            "aliases": aliases or [], "mentions": [{"start": 0, "end": len(name), "text": name}]}


def test_place_entities_get_a_place_record_and_other_entities_none():
    found = places.geocode_entities([entity("e1", "Alep"), entity("e2", "Bachar al-Assad", "PER"),
                                     entity("e3", "Syrie")], "fr")
    assert [p["entity"] for p in found] == ["e1", "e3"]
    aleppo = found[0]
    assert (aleppo["name"], aleppo["country"], aleppo["geonames_id"]) == ("Aleppo", "SY", 170063)
    assert abs(aleppo["lat"] - 36.20) < 0.1 and abs(aleppo["lon"] - 37.16) < 0.1
    assert set(found[1]) == {"entity", "name", "lat", "lon", "country", "geonames_id"}


def test_moscow_in_an_english_article_mentioning_russia_is_never_moscow_idaho():
    found = places.geocode_entities([entity("e1", "United States"), entity("e2", "Moscow"),
                                     entity("e3", "Russia")], "en")
    assert [(p["name"], p["country"]) for p in found] == [("United States", "US"), ("Moscow", "RU"),
                                                          ("Russia", "RU")]


def test_an_entity_placed_in_a_country_takes_that_countrys_homonym():
    found = places.geocode_entities([entity("e1", "Moscow", country="US")], "en")
    assert found[0]["country"] == "US" and found[0]["lon"] < -100


def test_a_country_named_in_the_document_settles_a_homonym():
    alone = places.geocode_entities([entity("e1", "Tripoli")], "fr")
    with_lebanon = places.geocode_entities([entity("e1", "Tripoli"), entity("e2", "Liban")], "fr")
    assert alone[0]["country"] == "LY"
    assert with_lebanon[0]["country"] == "LB"


def test_only_gpe_names_and_entity_countries_make_the_context():
    context = places.context_countries([entity("e1", "Liban"), entity("e2", "Syrie", "ORG"),
                                        entity("e3", "Pierre", "PER", country="fr")])
    assert context == {"LB", "FR"}


def test_an_alias_is_tried_when_the_name_is_unknown():
    found = places.geocode_entities([entity("e1", "Alep-Zorblax", "LOC", aliases=["Halab"])], None)
    assert [p["geonames_id"] for p in found] == [170063]


def test_unknown_places_are_left_out():
    assert places.geocode_entities([entity("e1", "Zorblax"), entity("e2", "Qwertyvillebourg", "LOC")], "en") == []


def test_run_sets_the_documents_places_from_its_entities():
    doc = make_doc("", language="ru")
    doc.entities = [entity("e1", "Москве"), entity("e2", "Вашингтон")]
    assert [(p["name"], p["country"]) for p in places.run(doc, Settings()).places] == \
        [("Moscow", "RU"), ("Washington", "US")]


def test_naming_a_country_does_not_send_a_world_city_to_its_small_homonym_there():
    found = places.geocode_entities([entity("e1", "United States"), entity("e2", "Geneva"), entity("e3", "Russia"),
                                     entity("e4", "Frankfurt")], "en")
    assert [p["country"] for p in found] == ["US", "CH", "RU", "DE"]


def test_a_city_of_the_articles_country_beats_a_larger_foreign_exonym():
    found = places.geocode_entities([entity("e1", "Valence"), entity("e2", "France")], "fr")
    assert found[0]["country"] == "FR"


def test_a_small_town_named_with_its_country_is_still_reached():
    found = places.geocode_entities([entity("e1", "Geneva", country="US")], "en")
    assert found[0]["country"] == "US"


@pytest.mark.parametrize(("name", "nearby", "lang", "country"), [
    ("Florence", "Nashville", "en", "US"),  # Florence, Alabama; alone, Florence is Italy's
    ("Vienne", "Lyon", "fr", "FR"),  # Vienne, Isère; alone, Vienne is Vienna
])
def test_a_named_town_nearby_settles_a_homonym(name: str, nearby: str, lang: str, country: str) -> None:
    alone = places.geocode_entities([entity("e1", name)], lang)
    found = places.geocode_entities([entity("e1", name), entity("e2", nearby)], lang)
    assert alone[0]["country"] != country and found[0]["country"] == country


def test_a_town_across_a_border_is_no_evidence() -> None:
    found = places.geocode_entities([entity("e1", "Genève"), entity("e2", "Vienne")], "fr")
    assert [p["country"] for p in found] == ["CH", "AT"]
