"""Entities stage: mentions merged into one entity each, with roles, countries and places."""
from __future__ import annotations

from typing import Any

import pytest

from dateline.api import make_document
from dateline.pipeline import run_stages
from dateline.settings import Settings


def entities_of(text: str, lang: str) -> list[dict[str, Any]]:
    doc = make_document(text.encode(), "<test>", input="text", lang=lang)
    return run_stages(doc, Settings(), until="places").entities


def entity_with(entities: list[dict[str, Any]], surface: str) -> dict[str, Any]:
    found = [e for e in entities if any(m["text"] == surface for m in e["mentions"])]
    assert len(found) == 1, f"{surface!r} in {[e['name'] for e in entities]}"
    return found[0]


def test_a_surname_joins_the_full_name_it_ends():
    entities = entities_of("Le juge Antoine Mercier a ouvert l'audience lundi. Mercier a ensuite "
                           "suspendu la séance pour une heure.", "fr")
    assert entity_with(entities, "Mercier") is entity_with(entities, "Antoine Mercier")


def test_a_title_in_apposition_is_a_mention_role_and_country_of_the_person():
    entities = entities_of("Le ministre allemand des Finances Karl Bauer a rencontré des banquiers à Lyon.", "fr")
    bauer = entity_with(entities, "Karl Bauer")
    assert any(m["text"].startswith("Le ministre allemand") for m in bauer["mentions"])
    assert bauer["role"].startswith("ministre allemand") and bauer["country"] == "DE"


def test_an_english_compound_title_becomes_the_role():
    entities = entities_of("Japanese Foreign Minister Kenji Sato met reporters in Geneva on Monday.", "en")
    sato = entity_with(entities, "Kenji Sato")
    assert sato["role"] == "Japanese Foreign Minister" and sato["country"] == "JP"


def test_a_capital_acting_is_its_country_and_merges_with_it():
    entities = entities_of("Pékin a dénoncé jeudi les nouvelles taxes. La Chine promet une réponse ferme.", "fr")
    china = entity_with(entities, "Pékin")
    assert china is entity_with(entities, "Chine")
    assert china["type"] == "GPE" and china["country"] == "CN"


def test_a_capital_after_a_locative_preposition_is_the_city():
    entities = entities_of("La délégation est arrivée à Pékin mercredi soir. La Chine a salué la visite.", "fr")
    assert entity_with(entities, "Pékin") is not entity_with(entities, "Chine")


@pytest.mark.parametrize(("text", "lang", "capital", "country"), [
    ("Le ministre a quitté Moscou lundi. La Russie attend un accord.", "fr", "Moscou", "Russie"),
    ("A new train will run between Warsaw and Kyiv. Poland and Ukraine agreed.", "en", "Kyiv", "Ukraine"),
])
def test_a_capital_a_verb_of_place_or_a_coordination_governs_is_the_city(text, lang, capital, country):
    entities = entities_of(text, lang)
    assert entity_with(entities, capital) is not entity_with(entities, country)


def test_a_capital_addressed_by_a_verb_is_still_its_country():
    entities = entities_of("Moscow warned Kyiv on Monday. Ukraine rejected the warning.", "en")
    assert entity_with(entities, "Kyiv") is entity_with(entities, "Ukraine")


def test_a_lone_title_word_is_not_an_entity():
    entities = entities_of("Le secrétaire d'État a démissionné. L'État devra nommer un remplaçant.", "fr")
    assert all(e["name"] not in {"État", "Etat"} for e in entities)


def test_a_description_joins_the_person_of_that_office_and_country():
    text = ("Le président brésilien Carlos Mendes a reçu le Premier ministre portugais Rui Costa. "
            "Selon le président brésilien, les deux pays signeront un accord.")
    entities = entities_of(text, "fr")
    mendes = entity_with(entities, "Carlos Mendes")
    assert any(m["text"] == "le président brésilien" and m["kind"] == "nominal" for m in mendes["mentions"])


def test_a_counterpart_takes_the_office_of_the_person_it_faces():
    text = ("Le ministre des Affaires étrangères canadien Paul Roy a appelé son homologue mexicain Luis Ortega. "
            "Il a demandé au ministre des Affaires étrangères de rouvrir la frontière.")
    entities = entities_of(text, "fr")
    ortega = entity_with(entities, "Luis Ortega")
    assert any(m["text"] == "son homologue mexicain" for m in ortega["mentions"])
    assert ortega["country"] == "MX"


def test_a_pronoun_glossed_by_a_name_is_that_person():
    entities = entities_of("Le maire Jean Colin a parlé. « Il (Jean Colin, ndlr) a refusé », a rapporté un élu.", "fr")
    colin = entity_with(entities, "Jean Colin")
    assert any(m["kind"] == "pronoun" and m["text"] == "Il" for m in colin["mentions"])


def test_a_date_is_not_a_person():
    entities = entities_of("Les combats ont repris vendredi dernier près de la frontière, selon Marc Petit.", "fr")
    assert all("vendredi" not in e["name"] for e in entities)


def test_russian_inflected_names_merge_under_the_nominative():
    text = "Журналисты спросили Сергея Лаврова о переговорах. Сергей Лавров ответил, что Москва готова."
    entities = entities_of(text, "ru")
    lavrov = entity_with(entities, "Сергея Лаврова")
    assert lavrov is entity_with(entities, "Сергей Лавров")
    assert lavrov["name"] == "Сергей Лавров" and lavrov["canonical"] == "Sergey Lavrov"


@pytest.mark.parametrize(("text", "lang", "surface"), [
    ("Sergueï Lavrov est arrivé à Genève.", "fr", "Sergueï Lavrov"),
    ("Sergey Lavrov arrived in Geneva.", "en", "Sergey Lavrov"),
    ("Сергей Лавров прибыл в Женеву.", "ru", "Сергей Лавров"),
])
def test_a_person_gets_the_same_canonical_name_in_every_language(text, lang, surface):
    assert entity_with(entities_of(text, lang), surface)["canonical"] == "Sergey Lavrov"


def test_places_are_geocoded_and_a_russian_moscow_is_not_in_idaho():
    entities = entities_of("В Москве прошли переговоры.", "ru")
    doc = make_document("В Москве прошли переговоры о поставках зерна.".encode(), "<t>", input="text", lang="ru")
    places = run_stages(doc, Settings(), until="places").places
    assert entities and places and places[0]["country"] == "RU"


@pytest.mark.parametrize(("text", "lang", "name", "pronoun"), [
    ('Mayor Anne Hill opened the bridge on Monday. "It is a great day for the city," she said.',
     "en", "Anne Hill", "she"),
    ("Министр Олег Смирнов посетил завод. «Мы справимся», — заявил он.", "ru", "Олег Смирнов", "он"),
    ("La juge Claire Morel a rendu sa décision. « Le dossier est clos », a-t-elle déclaré.",
     "fr", "Claire Morel", "-elle"),
])
def test_the_pronoun_subject_of_a_reporting_verb_is_the_person_last_named(text, lang, name, pronoun):
    person = entity_with(entities_of(text, lang), name)
    assert any(m["kind"] == "pronoun" and m["text"] == pronoun for m in person["mentions"])


def test_a_name_inside_a_quote_is_not_who_a_reporting_pronoun_means():
    text = ("Le porte-parole Marc Aubert a parlé aux journalistes. « Il (Paul Girard, ndlr) a signé l'accord », "
            "a-t-il déclaré.")
    aubert = entity_with(entities_of(text, "fr"), "Marc Aubert")
    assert any(m["text"] == "-il" for m in aubert["mentions"])


def test_a_surname_with_a_particle_joins_the_full_name():
    from dateline.common.mentions import Mention
    from dateline.stages.entities.stage import merge_surnames

    full = Mention(0, 15, "Pieter de Vries", "PERSON", key="person:pieter de vries")
    short = Mention(60, 68, "de Vries", "PERSON", key="person:de vries")
    other = Mention(80, 85, "Vries", "ORG", key="org:vries")
    merge_surnames([full, short, other])
    assert short.key == full.key == other.key and other.type == "PERSON"
