"""Eventness: the sentence classifier that keeps the events stage to sentences about events."""
from __future__ import annotations

from dateline.api import make_document
from dateline.pipeline import run_stages
from dateline.settings import EventSettings, Settings
from dateline.stages.events import eventness

SPORT = "The striker beat two defenders before scoring the winning goal."


def test_political_events_in_any_language_read_as_events() -> None:
    kept = eventness.eventful(["Rebels attacked an army convoy near the border, killing five soldiers.",
                               "Le gouvernement a expulsé deux diplomates russes lundi."])
    assert kept == [True, True]


def test_a_sentence_of_sport_reads_as_no_event() -> None:
    assert eventness.eventful([SPORT]) == [False]


def test_the_setting_turns_the_filter_off() -> None:
    def events(settings: Settings) -> list[dict]:
        doc = make_document(SPORT.encode(), "<test>", input="text", lang="en")
        return run_stages(doc, settings).events

    assert events(Settings()) == []
    assert events(Settings(events=EventSettings(eventness=False)))
