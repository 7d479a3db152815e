"""Groups: unnamed collective actors (armies, governments, rebels, protesters, police) as
organisation entities with a country and a PLOVER sector."""
from __future__ import annotations

from typing import Any

from dateline.api import make_document
from dateline.common.mentions import Mention, subtree
from dateline.nlp import analyze_text
from dateline.pipeline import run_stages
from dateline.settings import Settings
from dateline.stages.entities.groups import add_groups


def entities_of(text: str, lang: str) -> list[dict[str, Any]]:
    doc = make_document(text.encode(), "<test>", input="text", lang=lang)
    return run_stages(doc, Settings(), until="entities").entities


def holding(entities: list[dict[str, Any]], surface: str) -> dict[str, Any] | None:
    return next((e for e in entities if any(m["text"] == surface for m in e["mentions"])), None)


def group(entities: list[dict[str, Any]], surface: str) -> dict[str, Any]:
    found = holding(entities, surface)
    assert found is not None, f"{surface!r} in {[e['name'] for e in entities]}"
    assert found["type"] == "ORG" and all(m["kind"] == "nominal" for m in found["mentions"])
    return found


def test_french_rebels_are_an_organisation_of_the_rebel_sector_with_no_country():
    rebels = group(entities_of("Les rebelles ont pris le contrôle de la ville mardi.", "fr"), "Les rebelles")
    assert rebels["sector"] == "REB" and rebels["country"] is None


def test_a_french_army_takes_its_country_from_the_nationality_adjective():
    army = group(entities_of("L'armée syrienne a repris plusieurs quartiers d'Alep.", "fr"), "L'armée syrienne")
    assert army["country"] == "SY" and army["sector"] == "MIL" and army["name"] == "armée syrienne"


def test_a_government_named_by_adjective_and_by_country_is_one_entity():
    entities = entities_of("Le gouvernement malien a suspendu les négociations. Le porte-parole a précisé "
                           "mercredi que le gouvernement du Mali reprendrait contact avec la Cédéao.", "fr")
    government = group(entities, "Le gouvernement malien")
    assert government["country"] == "ML" and government["sector"] == "GOV"
    assert holding(entities, "le gouvernement du Mali") is government


def test_a_later_bare_group_joins_the_earlier_one_with_its_complement():
    entities = entities_of("Les rebelles du M23 ont attaqué la ville de Sake. Mardi, les rebelles ont "
                           "reculé vers les collines.", "fr")
    rebels = group(entities, "Les rebelles du M23")
    assert holding(entities, "les rebelles") is rebels and rebels["country"] is None


def test_one_soldier_or_one_policeman_is_a_person_not_a_group():
    entities = entities_of("Un soldat a été blessé et le policier a été hospitalisé.", "fr")
    assert holding(entities, "Un soldat") is None and holding(entities, "le policier") is None


def test_a_name_already_covering_the_group_noun_stays_and_gets_no_duplicate():
    text = "L'armée syrienne a bombardé la ville."
    analysis = analyze_text(text, "fr")
    start = text.index("armée")
    named = Mention(start, start + len("armée syrienne"), "armée syrienne", "ORG", key="org:armée syrienne",
                    lemma="armée syrienne")
    mentions = add_groups(analysis, text, [named], "fr")
    assert mentions == [named] and named.key == "org:armée syrienne" and named.kind == "name"


def test_a_bare_body_noun_joins_the_one_organisation_whose_name_holds_it():
    entities = entities_of("Westmoor Police arrested two men on Friday. The police said the men were "
                           "released on bail.", "en")
    police = holding(entities, "Westmoor Police")
    assert police is not None and holding(entities, "The police") is police
    assert police["name"] == "Westmoor Police" and police["sector"] == "COP"


def test_english_troops_take_their_country_and_protesters_are_civilians():
    entities = entities_of("Israeli troops fired tear gas at protesters on Friday.", "en")
    troops = group(entities, "Israeli troops")
    assert troops["country"] == "IL" and troops["sector"] == "MIL"
    assert group(entities, "protesters")["sector"] == "CVL"


def test_an_english_government_takes_the_country_of_its_complement():
    government = group(entities_of("The government of Mali expelled the French ambassador.", "en"),
                       "The government of Mali")
    assert government["country"] == "ML" and government["sector"] == "GOV"


def test_repeated_english_protesters_merge_and_a_modifier_noun_heads_no_group():
    entities = entities_of("Police officers detained several protesters. Protesters gathered again on "
                           "Sunday.", "en")
    protesters = group(entities, "several protesters")
    assert holding(entities, "Protesters") is protesters
    assert not any(e.get("sector") == "COP" for e in entities)


def test_opposition_is_a_group_only_with_its_article():
    entities = entities_of("The opposition said the plan faced opposition from shopkeepers.", "en")
    assert group(entities, "The opposition")["sector"] == "OPP"
    assert holding(entities, "opposition from shopkeepers") is None


def test_russian_soldiers_take_their_country_from_the_inflected_adjective():
    military = group(entities_of("Российские военные нанесли удар по позициям противника.", "ru"),
                     "Российские военные")
    assert military["country"] == "RU" and military["sector"] == "MIL"


def test_a_russian_government_takes_the_country_of_its_genitive_complement():
    government = group(entities_of("Правительство Мали потребовало вывести иностранные войска.", "ru"),
                       "Правительство Мали")
    assert government["country"] == "ML" and government["sector"] == "GOV"


def test_russian_militants_in_two_cases_are_one_group_named_in_the_nominative():
    entities = entities_of("Армия отразила атаку боевиков. Боевики отступили к границе.", "ru")
    militants = group(entities, "боевиков")
    assert holding(entities, "Боевики") is militants and militants["name"] == "боевики"
    assert militants["sector"] == "REB"


def test_a_russian_participle_used_as_a_noun_is_a_group_and_one_soldier_is_not():
    entities = entities_of("Полиция задержала протестующих. Один военный погиб.", "ru")
    assert group(entities, "протестующих")["sector"] == "CVL"
    assert group(entities, "Полиция")["name"] == "полиция"
    assert holding(entities, "военный") is None and holding(entities, "Один военный") is None


def test_a_cyclic_parse_does_not_loop_forever():
    assert subtree(0, {0: [1], 1: [0, 2]}) == [0, 1, 2]
