"""The seed suite's event scores, on a hand-made record of the seed page (no pipeline run)."""
from __future__ import annotations

from dateline.eval.seed_events import score_events

LINES = {
    12: "John Kirby a précisé que les chefs de diplomatie se sont entretenus par téléphone ce mercredi.",
    16: "John Kerry a également accusé la partie russe d'avoir utilisé des bombes incendiaires dans les quartiers "
        "urbains d'Alep. Selon le chef de la diplomatie américaine, Moscou et Damas auraient attaqué des "
        "infrastructures civiles à Alep.",
    18: "Les combats à Alep se sont intensifiés lorsque l'armée syrienne a annoncé la fin du cessez-le-feu "
        "vendredi dernier, accusant les rebelles de multiples violations.",
}
ENTITIES = [
    {"id": "e1", "name": "John Kerry", "aliases": [], "mentions": [{"text": "John Kerry"}, {"text": "il"}]},
    {"id": "e2", "name": "Sergueï Lavrov", "canonical": "Sergey Lavrov", "aliases": [],
     "mentions": [{"text": "son homologue russe"}]},
    {"id": "e3", "name": "John Kirby", "aliases": [], "mentions": [{"text": "John Kirby"}]},
    {"id": "e4", "name": "Russie", "aliases": ["Moscou"], "mentions": [{"text": "la partie russe"}]},
    {"id": "e5", "name": "Syrie", "aliases": [], "mentions": [{"text": "Damas"}]},
    {"id": "e6", "name": "Alep", "aliases": [], "mentions": [{"text": "Alep"}]},
    {"id": "e7", "name": "l’armée syrienne", "aliases": [], "mentions": [{"text": "l’armée syrienne"}]},
]
GOLD = {
    "language": "fr",
    "entities": [{"name": "John Kerry", "surface": ["John Kerry", "Il"]},
                 {"name": "Sergueï Lavrov", "aliases_other_languages": ["Sergey Lavrov"], "surface": []},
                 {"name": "John Kirby", "surface": ["John Kirby"]},
                 {"name": "armée syrienne", "surface": ["l'armée syrienne"]},
                 {"name": "Russie", "surface": ["Russie", "Moscou"]},
                 {"name": "Syrie", "surface": ["Syrie", "Damas"]},
                 {"name": "Alep", "surface": ["Alep"]}],
    "events": [
        {"id": "consult-call", "line": 12, "source": "John Kerry", "target": "Sergueï Lavrov", "plover": ["CONSULT"],
         "status": "asserted", "date_given_published": "2016-09-28", "reported_by": "John Kirby", "symmetric": True},
        {"id": "attack-civilian", "line": 16, "source": ["Russie", "Syrie"], "target": "civilian infrastructure",
         "plover": ["ASSAULT"], "status": "alleged", "place": "Alep", "reported_by": "John Kerry"},
        {"id": "end-ceasefire", "line": 18, "source": "armée syrienne", "target": "rebelles",
         "plover": ["REJECT", "ASSAULT"], "status": "asserted"},
        {"id": "fighting-aleppo", "line": 18, "source": None, "target": None, "plover": ["ASSAULT"],
         "status": "asserted", "place": "Alep"},
    ],
    "not_events_of_the_article": [{"line": 11, "why": "related-article teaser"}],
}


def record(*events: dict, lines: dict[int, str] = LINES) -> dict:
    text, paragraphs = "", []
    for line, body in lines.items():
        start = len(text) + (2 if text else 0)
        text = f"{text}\n\n{body}" if text else body
        paragraphs.append({"start": start, "end": len(text), "line": line, "duplicate_of": None})
    return {"text": text, "paragraphs": paragraphs, "entities": ENTITIES, "events": list(events)}


def event(kind: str, paragraph: int, actor: list[str] | None = None, recipient: list[str] | None = None,
          actor_text: list[str] | None = None, recipient_text: list[str] | None = None, **fields) -> dict:
    return {"type": kind, "paragraph": paragraph, "actor": actor or [], "recipient": recipient or [],
            "actor_text": actor_text or [], "recipient_text": recipient_text or [], "status": "asserted",
            "place": None, "date": None, "reported_by": None, **fields}


CALL = event("CONSULT", 0, ["e1"], ["e2"], ["John Kerry"], ["Sergueï Lavrov"], reported_by="e3", date="2016-09-28")
ATTACK = event("ASSAULT", 1, ["e4", "e5"], [], ["Moscou", "Damas"], ["infrastructures civiles"], status="alleged",
               place="e6", reported_by="e1")
CEASEFIRE = event("REJECT", 2, ["e7"], [], ["l'armée syrienne"], ["les rebelles"])
FIGHTING = event("ASSAULT", 2, place="e6")


def test_a_perfect_prediction_scores_one_everywhere():
    scores = score_events(record(CALL, ATTACK, CEASEFIRE, FIGHTING), GOLD)
    assert scores == dict.fromkeys(["events_found", "event_actors", "event_recipients", "event_statuses",
                                    "event_reporters", "event_places", "event_dates", "event_cameos",
                                    "teaser_no_event"], 1.0)


def test_a_record_without_events_scores_zero_but_for_the_teaser():
    scores = score_events({**record(), "events": None}, GOLD)
    assert scores.pop("teaser_no_event") == 1.0
    assert scores.pop("event_cameos") == 1.0  # this gold labels no CAMEO code: nothing to judge
    assert scores == dict.fromkeys(scores, 0.0)


def test_a_symmetric_event_may_swap_its_sides_or_have_two_actors():
    swapped = event("CONSULT", 0, ["e2"], ["e1"], reported_by="e3", date="2016-09-28")
    together = event("CONSULT", 0, ["e1", "e2"], [], reported_by="e3", date="2016-09-28")
    for call in (swapped, together):
        scores = score_events(record(call), GOLD)
        assert scores["events_found"] == 0.25 and scores["event_actors"] == scores["event_recipients"] == 0.25


def test_an_event_on_another_line_or_of_another_type_is_no_match():
    assert score_events(record({**CALL, "paragraph": 1}), GOLD)["events_found"] == 0.0
    assert score_events(record({**CALL, "type": "AGREE"}), GOLD)["events_found"] == 0.0


def test_one_predicted_event_stands_for_one_gold_event():
    # The one ASSAULT on line 18 fits both end-ceasefire and fighting-aleppo; it goes to the better fit.
    scores = score_events(record(FIGHTING), GOLD)
    assert scores["events_found"] == 0.25 and scores["event_actors"] == scores["event_recipients"] == 0.25
    assert scores["event_places"] == 0.5


def test_a_null_source_wants_no_actor_at_all():
    with_actor = {**FIGHTING, "actor_text": ["combats"]}
    scores = score_events(record(CEASEFIRE, with_actor), GOLD)
    assert scores["events_found"] == 0.5 and scores["event_actors"] == 0.25


def test_a_gold_name_absent_from_the_text_accepts_a_phrase_that_is_no_gold_entity():
    on_aleppo = {**ATTACK, "recipient": ["e6"], "recipient_text": ["Alep"]}
    nothing = {**ATTACK, "recipient_text": []}
    assert score_events(record(ATTACK), GOLD)["event_recipients"] == 0.25
    assert score_events(record(on_aleppo), GOLD)["event_recipients"] == 0.0
    assert score_events(record(nothing), GOLD)["event_recipients"] == 0.0


def test_a_gold_name_written_in_the_text_wants_a_matching_phrase():
    wrong = {**CEASEFIRE, "recipient_text": ["cessez-le-feu"]}
    assert score_events(record(wrong), GOLD)["event_recipients"] == 0.0


def test_a_gold_entity_is_judged_on_ids_not_phrases():
    phrases_only = {**CALL, "actor": [], "recipient": []}
    assert score_events(record(phrases_only), GOLD)["event_actors"] == 0.0


def test_reporters_places_and_dates():
    wrong = {**CALL, "reported_by": "e1", "date": "2016-09-23"}
    scores = score_events(record(wrong), GOLD)
    assert scores["events_found"] == 0.25 and scores["event_reporters"] == 0.0 and scores["event_dates"] == 0.0
    assert score_events(record({**CALL, "date": "2016-09-28T10:00"}), GOLD)["event_dates"] == 1.0


def test_an_event_on_the_teaser_line_is_flagged():
    teaser = {11: "Moscou a publié le texte de l'accord avec les États-Unis sur la Syrie"}
    assert score_events(record(event("AGREE", 3), lines={**LINES, **teaser}), GOLD)["teaser_no_event"] == 0.0


def test_a_gold_without_events_gives_no_event_scores():
    assert score_events(record(CALL), {"entities": []}) == {}


def test_a_cameo_code_counts_when_it_is_a_gold_code_or_refines_one():
    gold = {**GOLD, "events": [{**GOLD["events"][2], "cameo": ["12", "196"]}]}
    assert score_events(record({**CEASEFIRE, "cameo": "124"}), gold)["event_cameos"] == 1.0
    assert score_events(record({**CEASEFIRE, "cameo": "1"}), gold)["event_cameos"] == 0.0
