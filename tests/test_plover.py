"""PLOVER data: the sixteen types, their scores and modes, and the CAMEO->PLOVER table."""
from __future__ import annotations

from dateline import plover

SIXTEEN = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
           "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def test_the_sixteen_types_are_all_there():
    assert set(plover.types()) == SIXTEEN


def test_every_cameo_code_maps_to_one_of_the_sixteen_types():
    rows = plover.table()["cameo"]
    assert len(rows) > 250 and {row["type"] for row in rows.values()} <= SIXTEEN


def test_cameo_codes_carry_their_plover_mode():
    consult = plover.cameo("041")
    assert consult is not None and (consult.type, consult.mode) == ("CONSULT", "phone")
    arrest = plover.cameo("173")
    assert arrest is not None and (arrest.type, arrest.mode) == ("COERCE", "arrest")
    assert plover.cameo("999") is None


def test_scores_follow_the_manual_and_fall_back_to_the_type():
    assert plover.score("CONSULT", "phone") == 1.5 and plover.score("CONSULT", "visit") == 4.0
    assert plover.score("ASSAULT", "aerial") == -9.5 and plover.score("ASSAULT", "no-such-mode") == -9.0
    assert plover.score("AID") == 10.0 and plover.score("NOT-A-TYPE") is None


def test_a_type_and_mode_give_the_most_specific_cameo_code():
    assert plover.cameo_for("CONSULT", "phone") == "041"
    assert plover.cameo_for("ASSAULT") == "18"


def test_a_code_named_by_the_trigger_wins_when_it_is_of_the_events_type() -> None:
    assert plover.code_for("ACCUSE", None, "115") == "115"
    assert plover.code_for("ACCUSE", None, "190") != "190"  # an ASSAULT code cannot code an accusation
    assert plover.cameo(plover.code_for("THREATEN", "relations") or "").type == "THREATEN"
