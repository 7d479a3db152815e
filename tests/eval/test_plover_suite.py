"""The PLOVER GSR suite's reading of the gold and its metrics, on hand-made records (no pipeline run)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.eval import plover_gsr
from dateline.eval.event_match import GoldEvent

RECORDS = [
    {"id": "PLOVER-GSR01-DOCUMENT-0001", "event": "DOCUMENT", "eventText": "file documentation"},
    {"id": "PLOVER-GSR01-AGREE-0001", "event": "AGREE", "text": "Senior Hungarian and Romanian officials agreed.",
     "source": [{"actorText": "Hungarian", "code": "HUN"}, {"actorText": "Romanian", "code": "ROU"}]},
    {"id": "PLOVER-GSR01-FIGHT-0001", "event": "FIGHT", "text": "Israeli tanks fired at targets in Jericho.",
     "source": [{"actorText": "Israeli"}], "target": [{"actorText": "Jericho"}]},
    {"id": "PLOVER-GSR01-AGREE-0003", "event": "AGREE", "text": "The United States and Jordan agreed a pact.",
     "source": [{"actorText": "United States"}, {"actorText": "Jordan"}], "target": ""},
    {"id": "PLOVER-GSR01-ASSAULT-0005", "event": "ASSAULT", "text": "Three civilians were killed in a bombing.",
     "source": None, "target": [{"actorText": "civilians"}]},
    {"id": "PLOVER-GSR01-AGREE-0099", "event": "AGREE"},
]


def test_old_names_map_to_the_current_manual():
    assert plover_gsr.gold_event(RECORDS[2]) == GoldEvent("ASSAULT", ("Israeli",), ("Jericho",))
    assert plover_gsr.OLD_TYPES == {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
                                    "FIGHT": "ASSAULT"}


def test_a_string_or_missing_target_is_no_recipient_and_a_null_source_no_actor():
    assert plover_gsr.gold_event(RECORDS[1]).recipient == ()
    assert plover_gsr.gold_event(RECORDS[3]).recipient == ()
    assert plover_gsr.gold_event(RECORDS[4]).actor == ()


def test_the_documentation_record_and_records_without_text_are_skipped(tmp_path: Path):
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(RECORDS), encoding="utf-8")
    assert [r["id"] for r in plover_gsr.gold_records(path)] == [r["id"] for r in RECORDS[1:5]]


def predicted(kind: str, actors: list[str], recipients: list[str]) -> dict:
    return {"events": [{"type": kind, "actor": [], "actor_text": actors, "recipient": [],
                        "recipient_text": recipients}], "entities": []}


def test_the_suite_gives_five_scores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / plover_gsr.GOLD).parent.mkdir(parents=True)
    (tmp_path / plover_gsr.GOLD).write_text(json.dumps(RECORDS), encoding="utf-8")
    answers = [predicted("AGREE", ["Senior Hungarian and Romanian officials"], []),
               predicted("ASSAULT", ["Israeli tanks"], ["targets in Jericho"]),
               predicted("AGREE", ["United States"], []),  # Jordan missing
               predicted("ASSAULT", [], ["Three civilians"])]
    monkeypatch.setattr(plover_gsr, "analyse_texts", lambda texts, names, lang, settings: answers[:len(texts)])
    scores = plover_gsr.run(tmp_path, None)  # type: ignore[arg-type]
    assert list(scores) == ["type_accuracy", "type_macro_f1", "actor_match", "recipient_match", "type_and_actor"]
    assert scores["type_accuracy"] == scores["type_macro_f1"] == 1.0
    assert scores["actor_match"] == pytest.approx(2 / 3)  # the sentence with no gold source is not judged
    assert scores["type_and_actor"] == pytest.approx(2 / 3)  # every type is right here
    assert scores["recipient_match"] == 1.0


def test_no_gold_file_gives_no_scores(tmp_path: Path):
    assert plover_gsr.run(tmp_path, None) == {}  # type: ignore[arg-type]
