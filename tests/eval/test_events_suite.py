"""The event suites' shared scoring and the ``events`` suite, on hand-made records (no pipeline run)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from dateline import plover
from dateline.eval import events
from dateline.eval.event_match import (
    GoldEvent,
    judged_event,
    macro_f1,
    phrases_match,
    sentence_scores,
    triggers_match,
)

MACRON = {"id": "e1", "name": "Emmanuel Macron", "canonical": "Emmanuel Macron", "aliases": ["Macron"],
          "mentions": [{"start": 13, "end": 28, "text": "Emmanuel Macron", "kind": "name"},
                       {"start": 60, "end": 62, "text": "il", "kind": "pronoun"}]}
BEIJING = {"id": "e2", "name": "Pékin", "aliases": [], "mentions": [{"start": 40, "end": 45, "text": "Pékin"}]}


def event(kind: str, actor_text: list[str] | None = None, recipient_text: list[str] | None = None, **fields) -> dict:
    return {"type": kind, "mode": None, "status": "asserted", "trigger": "", "actor": [], "recipient": [],
            "actor_text": actor_text or [], "recipient_text": recipient_text or [], **fields}


def record(*items: dict, entities: list[dict] | None = None) -> dict:
    return {"events": list(items), "entities": entities or []}


def test_phrases_meet_on_a_content_word():
    assert phrases_match("Hungarian", "Senior Hungarian and Romanian officials", "en")
    assert phrases_match("U.N. Security Council", "Security Council", "en")
    assert phrases_match("armée syrienne", "l’armée syrienne", "fr")
    assert not phrases_match("armée syrienne", "les rebelles", "fr")


def test_articles_and_prepositions_make_no_match():
    assert not phrases_match("la Commission de Bruxelles", "la Cour de justice", "fr")
    assert not phrases_match("the Army of Chad", "the Bank of England", "en")
    assert not phrases_match("de la", "de la", "fr")


def test_a_phrase_without_a_long_word_is_matched_by_its_words():
    assert phrases_match("US", "US officials", "en")
    assert phrases_match("ЕС", "ЕС", "ru")
    assert not phrases_match("US", "Russia", "en")
    assert not phrases_match("John Kerry", "il", "fr")


def test_russian_words_meet_on_their_first_four_letters():
    assert phrases_match("Исламабадом", "Исламабад", "ru")
    assert phrases_match("госсекретарём США", "госсекретарь", "ru")
    assert not phrases_match("Москва", "Киев", "ru")


def test_triggers_do_not_meet_on_auxiliaries():
    assert triggers_match("bloqué", "ont bloqué", "fr")
    assert not triggers_match("a publié", "a accusé", "fr")
    assert not triggers_match("n'a pas signé", "n'a pas attaqué", "fr")
    assert triggers_match("обстрел", "обстреляли", "ru")
    assert triggers_match("attacked", "has attacked", "en")


def test_the_judged_event_is_the_first_of_the_gold_type_else_the_first():
    first, second = event("ACCUSE"), event("ASSAULT")
    assert judged_event([first, second], "ASSAULT") is second
    assert judged_event([first, second], "PROTEST") is first
    assert judged_event([], "PROTEST") is None


def test_macro_f1_averages_over_the_gold_types_only():
    # AGREE: TP 1, FN 1 -> 2/3. ACCUSE: TP 1, FP 1 -> 2/3. PROTEST (only predicted) is not averaged.
    predicted = [{"AGREE"}, {"ACCUSE", "PROTEST"}, {"ACCUSE"}]
    assert macro_f1(predicted, ["AGREE", "AGREE", "ACCUSE"]) == pytest.approx(2 / 3)
    assert macro_f1([set(), set()], ["AGREE", "ACCUSE"]) == 0.0
    assert macro_f1([], []) == 0.0


GOLDS = [
    GoldEvent("AGREE", ("Emmanuel Macron",), ("Pékin",), "asserted", None, "se rendra"),
    GoldEvent("PROTEST", ("agriculteurs",), (), "planned", "strike", "seront en grève"),
]


def test_a_perfect_prediction_scores_one_everywhere():
    records = [record(event("AGREE", actor=["e1"], recipient=["e2"], recipient_text=["Pékin"], trigger="se rendra"),
                      entities=[MACRON, BEIJING]),
               record(event("PROTEST", ["Les agriculteurs"], mode="strike", status="planned", trigger="en grève"))]
    scores = sentence_scores(GOLDS, records, "fr")
    assert list(scores)[:2] == ["type_accuracy", "type_macro_f1"]
    assert scores == dict.fromkeys(scores, 1.0)
    assert set(scores) == {"type_accuracy", "type_macro_f1", "actor_match", "recipient_match", "recipient_absent",
                           "type_and_actor", "status_accuracy", "mode_accuracy", "trigger_match"}


def test_records_without_events_score_zero_everywhere():
    scores = sentence_scores(GOLDS, [{"entities": []}, {}], "fr")
    assert scores == dict.fromkeys(scores, 0.0)


def test_an_actor_entity_matches_by_its_names_and_every_gold_actor_is_wanted():
    gold = [GoldEvent("CONSULT", ("Macron", "Pékin"), (), "asserted", "visit", "a reçu")]
    both = record(event("CONSULT", actor=["e1", "e2"]), entities=[MACRON, BEIJING])
    one = record(event("CONSULT", actor=["e1"]), entities=[MACRON, BEIJING])
    assert sentence_scores(gold, [both], "fr")["actor_match"] == 1.0
    assert sentence_scores(gold, [one], "fr")["actor_match"] == 0.0


def test_status_mode_and_trigger_are_judged_only_where_the_gold_type_was_found():
    records = [record(event("AGREE", ["Macron"], ["Pékin"], trigger="se rendra")),
               record(event("COERCE", ["agriculteurs"], status="planned", mode="strike"))]
    scores = sentence_scores(GOLDS, records, "fr")
    assert scores["type_accuracy"] == 0.5
    assert scores["status_accuracy"] == scores["mode_accuracy"] == scores["trigger_match"] == 1.0
    # the PROTEST sentence is judged on its first event anyway for actors and recipients
    assert scores["actor_match"] == 1.0 and scores["recipient_absent"] == 1.0
    # ... but type and actor are both right only in the AGREE sentence
    assert scores["type_and_actor"] == 0.5


def test_a_null_mode_wants_a_null_mode():
    gold = [GoldEvent("AGREE", ("Macron",), (), "asserted", None, "a promis")]
    assert sentence_scores(gold, [record(event("AGREE", ["Macron"], mode=""))], "fr")["mode_accuracy"] == 1.0
    assert sentence_scores(gold, [record(event("AGREE", ["Macron"], mode="visit"))], "fr")["mode_accuracy"] == 0.0


def test_a_recipient_where_the_gold_has_none_is_wrong():
    gold = [GoldEvent("PROTEST", ("agriculteurs",), (), "asserted", "obstruct", "ont bloqué")]
    wrong = record(event("PROTEST", ["agriculteurs"], ["autoroute A7"]))
    assert sentence_scores(gold, [wrong], "fr")["recipient_absent"] == 0.0


def test_the_suite_names_its_metrics_by_language_and_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    dev, heldout = tmp_path / "dev", tmp_path / "heldout"
    dev.mkdir()
    heldout.mkdir()
    line = {"id": "fr-1", "text": "Les agriculteurs seront en grève lundi.", "type": "PROTEST", "mode": "strike",
            "actor": ["agriculteurs"], "recipient": [], "status": "planned", "trigger": "seront en grève"}
    (dev / "fr.jsonl").write_text(json.dumps(line) + "\n\n", encoding="utf-8")
    (heldout / "en.jsonl").write_text(json.dumps({**line, "id": "en-1"}) + "\n", encoding="utf-8")
    predicted = record(event("PROTEST", ["agriculteurs"], mode="strike", status="planned", trigger="grève"))
    monkeypatch.setattr(events, "analyse_texts", lambda texts, names, lang, settings: [predicted] * len(texts))
    scores = events.run(tmp_path, None, dev, heldout)  # type: ignore[arg-type]
    assert scores["fr_type_accuracy"] == 1.0 and scores["fr_trigger_match"] == 1.0
    assert scores["heldout_en_type_accuracy"] == 1.0
    assert not any(name.startswith("heldout_fr") for name in scores)
    assert events.score_dir(tmp_path / "missing", None) == {}  # type: ignore[arg-type]


def test_every_gold_label_is_well_formed():
    for path in sorted(events.GOLD_DIR.glob("*.jsonl")):
        items = events.read_gold(path)
        assert len(items) >= 100, path.name
        for item in items:
            assert item["type"] in plover.types(), item["id"]
            assert item["status"] in {"asserted", "planned", "alleged", "negated", "hypothetical"}, item["id"]
            assert item["actor"], item["id"]
            for span in [*item["actor"], *item["recipient"], item["trigger"]]:
                assert span in item["text"], (item["id"], span)
                assert re.search(r"\w", span), (item["id"], span)
