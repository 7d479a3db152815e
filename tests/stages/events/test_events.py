"""Events stage: PLOVER type, mode, CAMEO code, actors and recipients, status, links, repeats.

The sentences are written for these tests (not taken from any gold set); the seed page's
gold events are checked when the shared evaluation data is present.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dateline import plover
from dateline.api import make_document
from dateline.pipeline import run_stages
from dateline.settings import Settings, load_settings

SHARED = Path(__file__).parents[3].parent / "shared"
SEED = SHARED / "corpus/seed/sputnik-afrique-kerry-lavrov.fr.txt"
SEED_GOLD = SHARED / "gold/sputnik-afrique-kerry-lavrov.fr.json"


def record_of(text: str, lang: str, published: str | None = None, settings: Settings | None = None) -> dict[str, Any]:
    doc = make_document(text.encode(), "<test>", input="text", lang=lang, published=published)
    return run_stages(doc, settings or Settings()).to_json()


def names(record: dict[str, Any], ids: list[str]) -> list[str]:
    by_id = {e["id"]: e["name"] for e in record["entities"]}
    return [by_id[i] for i in ids]


def event_of(record: dict[str, Any], kind: str) -> dict[str, Any]:
    found = [e for e in record["events"] if e["type"] == kind]
    assert found, record["events"]
    return found[0]


def test_an_attack_has_its_actor_recipient_place_and_evidence() -> None:
    text = "L'armée russe a bombardé mardi la ville de Kharkiv."
    record = record_of(text, "fr")
    event = event_of(record, "ASSAULT")
    assert event["status"] == "asserted"
    assert any("armée" in a for a in event["actor_text"])
    assert any("Kharkiv" in r for r in event["recipient_text"])
    assert text[event["start"]:event["end"]] == event["trigger"] == "bombardé"
    assert (event["sentence_start"], event["sentence_end"]) == (0, len(text))


def test_each_event_has_the_cameo_code_and_score_of_its_type_and_mode() -> None:
    record = record_of("Vladimir Poutine s'est entretenu par téléphone avec Emmanuel Macron.", "fr")
    event = event_of(record, "CONSULT")
    assert event["mode"] == "phone"
    assert event["cameo"] == plover.code_for("CONSULT", "phone")
    assert plover.cameo(event["cameo"]).type == "CONSULT"
    assert event["score"] == plover.score("CONSULT", "phone")


def test_every_participant_of_a_consultation_is_an_actor() -> None:
    record = record_of("Vladimir Poutine s'est entretenu par téléphone avec Emmanuel Macron.", "fr")
    event = event_of(record, "CONSULT")
    assert set(names(record, event["actor"])) == {"Vladimir Poutine", "Emmanuel Macron"}
    assert event["recipient"] == []


def test_a_compound_actor_lists_each_entity_with_its_country() -> None:
    record = record_of("La Chine et la Russie ont condamné les frappes.", "fr")
    event = event_of(record, "ACCUSE")
    assert set(names(record, event["actor"])) >= {"Chine", "Russie"}
    assert set(event["actor_country"]) >= {"CN", "RU"}


def test_the_agent_of_a_passive_is_the_actor_and_its_subject_the_recipient() -> None:
    record = record_of("The convoy was attacked by Houthi rebels near the port.", "en")
    event = event_of(record, "ASSAULT")
    assert any("rebels" in a for a in event["actor_text"])
    assert any("convoy" in r for r in event["recipient_text"])


def test_the_subject_of_an_agentless_passive_is_the_recipient_not_the_actor() -> None:
    record = record_of("Three Kurdish civilians have been killed in an air strike near the border.", "en")
    event = event_of(record, "ASSAULT")
    assert event["actor_text"] == [] and any("civilians" in r for r in event["recipient_text"])


@pytest.mark.parametrize("text, lang, kind", [
    ("A suicide bombing near the market on Friday killed four police officers.", "en", "ASSAULT"),
    ("The shelling on Monday destroyed a school.", "en", "ASSAULT"),
    ("Workers stopped work on the first day of the strike over pay.", "en", "PROTEST"),
])
def test_a_stretch_of_time_is_never_a_recipient(text: str, lang: str, kind: str) -> None:
    event = event_of(record_of(text, lang), kind)
    assert not any(w in r.lower() for r in event["recipient_text"] for w in ("friday", "monday", "day"))


@pytest.mark.parametrize("text, lang, actor", [
    ("Dockers went on strike on Monday.", "en", "Dockers"),
    ("The miners have been on strike since March.", "en", "miners"),
    ("Les dockers sont entrés en grève lundi.", "fr", "dockers"),
    ("Шахтёры вышли на забастовку в понедельник.", "ru", "Шахтёры"),
])
def test_a_strike_told_as_a_state_is_a_protest_by_the_subject(text: str, lang: str, actor: str) -> None:
    event = event_of(record_of(text, lang), "PROTEST")
    assert event["mode"] == "strike" and event["actor_text"] == [actor]


def test_a_state_verb_going_ahead_with_a_plan_is_no_event_of_the_plan() -> None:
    record = record_of("The government went ahead with the deployment of new missiles.", "en")
    assert "MOBILIZE" not in {e["type"] for e in record["events"]}


def test_a_french_past_with_etre_is_not_a_passive() -> None:
    event = event_of(record_of("Les contrôleurs aériens sont entrés en grève à Marseille.", "fr"), "PROTEST")
    assert any("contrôleurs" in a for a in event["actor_text"]) and event["recipient_text"] == []


def test_a_threat_is_aimed_at_the_subject_of_the_condition_of_the_threatened_act() -> None:
    event = event_of(record_of("The rebels threatened to resume attacks if the army entered the valley.", "en"),
                     "THREATEN")
    assert event["recipient_text"] == ["army"]


def test_a_protest_takes_the_recipient_of_the_demand_it_is_made_for() -> None:
    record = record_of("Hundreds of students began a hunger strike to demand the release of Ahmed Nazif.", "en")
    assert names(record, event_of(record, "PROTEST")["recipient"]) == ["Ahmed Nazif"]


@pytest.mark.parametrize("text, lang, kind, recipient", [
    ("Security forces tortured dozens of refugees in the camp.", "en", "ASSAULT", "refugees"),
    ("Des soldats ont torturé des dizaines de civils.", "fr", "ASSAULT", "civils"),
    ("Israeli helicopters shelled positions of the Palestinian security forces near Rafah.", "en", "ASSAULT",
     "Palestinian security forces"),
    ("The United States is providing satellite photographs and other intelligence to Ukraine.", "en", "AID",
     "Ukraine"),
])
def test_the_recipient_is_whom_a_count_a_thing_or_a_conjunct_leads_to(text: str, lang: str, kind: str,
                                                                      recipient: str) -> None:
    assert event_of(record_of(text, lang), kind)["recipient_text"] == [recipient]


@pytest.mark.parametrize("text, lang, place", [
    ("Israel mounted an invasion of South Lebanon.", "en", "South Lebanon"),
    ("Обстрел Донецка продолжился ночью.", "ru", "Донецка"),
])
def test_the_place_an_attack_noun_governs_is_its_target(text: str, lang: str, place: str) -> None:
    assert event_of(record_of(text, lang), "ASSAULT")["recipient_text"] == [place]


def test_aid_counted_in_money_is_aid_from_the_giver_to_the_receiver() -> None:
    event = event_of(record_of("The European Union gave Chad 5 million euros of aid.", "en"), "AID")
    assert (event["actor_text"], event["recipient_text"]) == (["European Union"], ["Chad"])


@pytest.mark.parametrize("text, lang, actor", [
    ("The government accepted the demands of the striking miners.", "en", "government"),
    ("Le gouvernement a accepté les revendications des agriculteurs.", "fr", "gouvernement"),
    ("Правительство согласилось с требованиями шахтёров.", "ru", "Правительство"),
])
def test_accepting_demands_is_a_concession(text: str, lang: str, actor: str) -> None:
    assert event_of(record_of(text, lang), "CONCEDE")["actor_text"] == [actor]


@pytest.mark.parametrize("text, lang, kind, status", [
    ("Israeli troops did not attack the camp.", "en", "ASSAULT", "negated"),
    ("Le Hamas n'a pas libéré les otages.", "fr", "RETREAT", "negated"),
    ("The European Union will impose sanctions on Belarus.", "en", "SANCTION", "planned"),
    ("Washington s'apprête à suspendre la coopération avec Moscou.", "fr", "SANCTION", "planned"),
    ("Les rebelles auraient attaqué un convoi humanitaire.", "fr", "ASSAULT", "alleged"),
    ("Government forces reportedly attacked the village.", "en", "ASSAULT", "alleged"),
    ("Азербайджанские военные якобы обстреляли армянские позиции.", "ru", "ASSAULT", "alleged"),
    ("Si l'aviation israélienne frappait les sites nucléaires, la région s'embraserait.", "fr", "ASSAULT",
     "hypothetical"),
    ("Российские военные не обстреливали колонну.", "ru", "ASSAULT", "negated"),
])
def test_status_reads_negation_plans_reported_doubt_and_conditions(text: str, lang: str, kind: str,
                                                                    status: str) -> None:
    assert event_of(record_of(text, lang), kind)["status"] == status


def test_a_threat_is_a_threaten_event_not_the_act_it_threatens() -> None:
    record = record_of("Washington threatened to impose sanctions on Tehran.", "en")
    kinds = [e["type"] for e in record["events"]]
    assert kinds == ["THREATEN"]
    event = record["events"][0]
    assert event["status"] == "asserted"
    assert names(record, event["recipient"]) and event["mode"] is not None


def test_a_conflict_act_announced_on_a_condition_is_a_threat() -> None:
    record = record_of("The union said it would strike unless the government withdrew the bill.", "en")
    assert "THREATEN" in [e["type"] for e in record["events"]]


@pytest.mark.parametrize("text, lang, kind", [
    ("Le président Emmanuel Macron rencontrera son homologue chinois la semaine prochaine.", "fr", "AGREE"),
    ("Ankara a annoncé qu'il retirerait ses troupes du nord de la Syrie.", "fr", "CONCEDE"),
])
def test_future_cooperation_is_a_promise_and_a_future_retreat_a_concession(text: str, lang: str, kind: str) -> None:
    event = event_of(record_of(text, lang), kind)
    assert event["status"] == "asserted"


def test_an_accusation_is_coded_without_the_act_it_alleges() -> None:
    record = record_of("Moscou a accusé Kiev d'avoir bombardé une centrale nucléaire.", "fr")
    assert [e["type"] for e in record["events"]] == ["ACCUSE"]
    assert names(record, record["events"][0]["recipient"]) == ["Ukraine"] or \
        record["events"][0]["recipient_text"] == ["Kiev"]


def test_an_event_inside_a_quote_is_reported_by_its_speaker() -> None:
    text = "« L'armée a bombardé le village », a déclaré le maire Jean Dupont."
    record = record_of(text, "fr")
    event = event_of(record, "ASSAULT")
    assert names(record, [event["reported_by"]]) == ["Jean Dupont"]


def test_the_date_is_the_sentences_date_else_the_publication_marked_as_such() -> None:
    dated = event_of(record_of("Les rebelles ont attaqué la base vendredi dernier.", "fr", "2016-09-28"), "ASSAULT")
    assert (dated["date"], dated["date_source"]) == ("2016-09-23", "text")
    undated = event_of(record_of("Les rebelles ont attaqué la base.", "fr", "2016-09-28"), "ASSAULT")
    assert (undated["date"], undated["date_source"]) == ("2016-09-28", "published")
    unknown = event_of(record_of("Les rebelles ont attaqué la base.", "fr"), "ASSAULT")
    assert unknown["date"] is None


def test_the_place_is_where_it_happens_not_an_actor() -> None:
    record = record_of("Moscou et Damas ont bombardé des hôpitaux à Alep.", "fr")
    event = event_of(record, "ASSAULT")
    assert names(record, [event["place"]]) == ["Alep"]


def test_an_event_in_a_repeated_paragraph_points_to_the_one_it_repeats() -> None:
    lead = "L'armée syrienne a bombardé mardi les quartiers est de la ville d'Alep, selon l'agence officielle."
    record = record_of(f"{lead}\n\nLes combats se sont poursuivis.\n\n{lead}", "fr")
    assaults = [e for e in record["events"] if e["trigger"] == "bombardé"]
    assert len(assaults) == 2
    assert assaults[0]["duplicate_of"] is None
    assert record["events"][assaults[1]["duplicate_of"]] is assaults[0] or \
        record["events"][assaults[1]["duplicate_of"]] == assaults[0]


def test_negated_events_can_be_left_out_by_the_settings() -> None:
    settings = load_settings(overrides={"events": {"keep_negated": False}})
    record = record_of("Israeli troops did not attack the camp.", "en", settings=settings)
    assert record["events"] == []


def test_background_events_are_coded_only_when_the_settings_ask() -> None:
    text = "Le Hamas a libéré les otages enlevés le mois dernier."
    assert [e["type"] for e in record_of(text, "fr")["events"]] == ["RETREAT"]
    settings = load_settings(overrides={"events": {"background": True}})
    assert "ASSAULT" in [e["type"] for e in record_of(text, "fr", settings=settings)["events"]]


def test_a_language_without_an_event_lexicon_gives_no_events_and_no_error() -> None:
    assert record_of("Die Armee hat die Stadt bombardiert und die Rebellen angegriffen.", "de")["events"] == []


@pytest.mark.skipif(not SEED_GOLD.exists(), reason="shared evaluation data not found")
def test_the_seed_pages_gold_events_are_found_on_their_lines() -> None:
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    doc = make_document(SEED.read_bytes(), str(SEED), input="page", published=gold["given_published"])
    record = run_stages(doc, Settings()).to_json()
    lines = [p["line"] for p in record["paragraphs"]]
    found = {(lines[e["paragraph"]], e["type"]) for e in record["events"]}
    for event in gold["events"]:
        assert any((event["line"], kind) in found for kind in event["plover"]), event["id"]
    teaser_lines = {item["line"] for item in gold["not_events_of_the_article"]}
    assert not {line for line, _ in found} & teaser_lines


def test_the_human_view_lists_each_event_with_its_sides_and_status() -> None:
    from dateline.render import events as render_events

    record = record_of("Israeli troops did not attack the camp.", "en")
    lines = render_events(record)
    assert lines[1] == "events (1):"
    assert "ASSAULT" in lines[2] and "negated" in lines[2] and "«attack»" in lines[2]


def test_a_reported_obligation_is_a_request_from_the_reporter_to_the_obliged() -> None:
    record = record_of("Russia said on Tuesday that Sudan must return the captured helicopter.", "en")
    event = event_of(record, "REQUEST")
    assert names(record, event["actor"]) == ["Russia"]
    assert names(record, event["recipient"]) == ["Sudan"]


def test_an_unresolved_pronoun_actor_of_a_reported_clause_is_its_reporter() -> None:
    record = record_of("The rebels said they would release the hostages on Friday.", "en")
    assert any("rebels" in a for e in record["events"] for a in e["actor_text"])


def test_a_quantity_acts_through_what_it_counts() -> None:
    record = record_of("Des milliers de manifestants ont bloqué le centre de Paris.", "fr")
    assert any("manifestants" in a for e in record["events"] for a in e["actor_text"])


@pytest.mark.parametrize("text, lang, kind, mode", [
    ("Les autorités ont levé dimanche le couvre-feu à Dacca.", "fr", "CONCEDE", None),
    ("La France a expulsé vers l'Algérie un imam radical.", "fr", "COERCE", "deport"),
    ("Le tribunal a condamné l'entreprise à une amende de deux millions d'euros.", "fr", "SANCTION", "convict"),
    ("Китай списал Замбии долг на 300 млн долларов.", "ru", "AID", None),
    ("Суд заочно арестовал бывшего министра.", "ru", "THREATEN", "arrest"),
])
def test_what_a_trigger_acts_on_can_change_its_type(text: str, lang: str, kind: str, mode: str | None) -> None:
    event = event_of(record_of(text, lang), kind)
    assert event["mode"] == mode


def test_a_refusal_told_as_a_negated_future_is_a_rejection() -> None:
    record = record_of("Syria says it will not accept any more refugees.", "en")
    assert [e["type"] for e in record["events"]] == ["REJECT"]
    assert record["events"][0]["status"] == "asserted"


def test_an_event_noun_framed_by_another_noun_is_carried_with_it() -> None:
    record = record_of("L'Union européenne a adopté un nouveau paquet de sanctions contre la Russie.", "fr")
    assert names(record, event_of(record, "SANCTION")["recipient"]) == ["Russie"]


def test_the_mode_of_a_trigger_of_many_means_comes_from_its_complements() -> None:
    record = record_of("La police a tiré des gaz lacrymogènes sur les manifestants.", "fr")
    assert event_of(record, "ASSAULT")["mode"] == "crowd-control"


def test_an_object_the_parse_misattached_after_a_date_is_still_the_recipient() -> None:
    record = record_of("Les forces spéciales ont libéré dimanche 23 écoliers dans l'État de Kaduna.", "fr")
    event = record["events"][0]
    assert any("écoliers" in r for r in event["recipient_text"])
    assert not any("dimanche" in r for e in record["events"] for r in e["recipient_text"] + e["actor_text"])


def test_a_subject_the_parser_calls_passive_is_the_actor_when_the_verb_has_a_tense_auxiliary() -> None:
    record = record_of("Le Mexique a officiellement reconnu mardi le nouveau gouvernement bolivien.", "fr")
    assert event_of(record, "SUPPORT")["actor_text"] == ["Mexique"]


def test_a_title_before_a_name_gives_the_name_as_the_actor() -> None:
    record = record_of("Генсек ООН Антониу Гутерриш поддержал инициативу Бразилии.", "ru")
    assert event_of(record, "SUPPORT")["actor_text"] == ["Антониу Гутерриш"]


def test_in_a_pro_drop_language_an_unsaid_subject_is_the_one_of_the_verb_above() -> None:
    record = record_of("Командование израильской армии объявило, что выведет войска из Хан-Юниса.", "ru")
    assert any("Командование" in a for a in event_of(record, "CONCEDE")["actor_text"])


@pytest.mark.parametrize("text, kind, status", [
    ("El ejército israelí bombardeó el martes un campo de refugiados en Gaza.", "ASSAULT", "asserted"),
    ("Los rebeldes habrían atacado un convoy humanitario, según fuentes locales.", "ASSAULT", "alleged"),
    ("Moscú no expulsó a los diplomáticos alemanes.", "SANCTION", "negated"),
])
def test_spanish_events_are_coded_with_their_status(text: str, kind: str, status: str) -> None:
    assert event_of(record_of(text, "es"), kind)["status"] == status


def test_the_same_event_told_in_three_languages_has_one_merging_key() -> None:
    from dateline.stages.events.links import event_key

    keys = set()
    for text, lang in [("La Russie a condamné l'Ukraine.", "fr"), ("Russia condemned Ukraine.", "en"),
                       ("Россия осудила Украину.", "ru")]:
        record = record_of(text, lang)
        entities = {e["id"]: e for e in record["entities"]}
        keys |= {event_key(e, entities) for e in record["events"]}
    assert keys == {("ACCUSE", ("Russia",), ("Ukraine",), "")}


def test_a_warning_is_a_threat_only_when_it_warns_of_an_event() -> None:
    record = record_of("The port authority warned the backlog could take weeks.", "en")
    assert record["events"] == []
    record = record_of("Washington warned that it would impose sanctions on Tehran.", "en")
    assert [e["type"] for e in record["events"]] == ["THREATEN"]


def test_a_relative_or_participle_clause_is_background_but_names_the_author_of_what_it_describes() -> None:
    record = record_of("Washington n'a pas soutenu le projet de résolution présenté par Paris.", "fr")
    assert [e["type"] for e in record["events"]] == ["SUPPORT"]
    assert names(record, record["events"][0]["recipient"]) == ["France"] or \
        record["events"][0]["recipient_text"] == ["Paris"]


def test_a_threat_is_aimed_at_the_one_its_condition_asks_something_of() -> None:
    record = record_of("Профсоюз шахтёров пригрозил забастовкой, если работодатель не повысит зарплаты.", "ru")
    assert any("работодатель" in r for r in event_of(record, "THREATEN")["recipient_text"])
