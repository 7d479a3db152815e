"""An entity's page: one entity across languages, counts without copies, quotes by and about it, events."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

import pytest

from dateline.errors import Code, DatelineError
from dateline.store.db import open_reader
from dateline.store.entity_view import entity_report


@pytest.mark.parametrize("name", ["Sergey Lavrov", "Sergueï Lavrov", "SERGUEI LAVROV", "Сергей Лавров", "Lavrov"])
def test_every_spelling_opens_the_same_entity(reader: sqlite3.Connection, name: str) -> None:
    entity = entity_report(reader, name)["entity"]
    assert (entity["canonical"], entity["type"], entity["country"]) == ("Sergey Lavrov", "PERSON", "RU")


def test_the_names_seen_are_listed_in_every_language(reader: sqlite3.Connection) -> None:
    aliases = entity_report(reader, "Sergey Lavrov")["aliases"]
    assert set(aliases) == {"Sergey Lavrov", "Sergueï Lavrov", "Сергей Лавров"}


def test_counts_leave_out_near_duplicate_copies(reader: sqlite3.Connection) -> None:
    report = entity_report(reader, "Sergey Lavrov")
    # Four stored articles name him, one of them a near-duplicate copy of another.
    assert report["n_articles"] == report["entity"]["n_articles"] == 3
    assert report["mentions"] == 6
    assert {a["id"] for a in report["articles"]} == {"fr-1", "en-1", "ru-1"}


def test_the_timeline_counts_original_articles_per_day(reader: sqlite3.Connection) -> None:
    assert entity_report(reader, "Sergey Lavrov")["timeline"] == [{"date": "2024-03-04", "articles": 2},
                                                                  {"date": "2024-03-05", "articles": 1}]


def test_quotes_by_the_entity_come_from_every_language(reader: sqlite3.Connection) -> None:
    report = entity_report(reader, "Sergey Lavrov")
    assert report["n_quotes_by"] == 3
    assert {q["language"] for q in report["quotes_by"]} == {"en", "fr", "ru"}
    assert report["n_quotes_about"] == 0  # his own quotes are not about him


def test_quotes_about_an_entity_are_other_speakers_quotes_naming_it(reader: sqlite3.Connection) -> None:
    report = entity_report(reader, "United States")
    assert report["n_quotes_about"] == 3 and report["n_quotes_by"] == 0
    assert {(q["speaker"], q["text"]) for q in report["quotes_about"]} >= {
        ("Sergey Lavrov", "Washington ne tient pas ses promesses")}


def test_events_merge_across_articles_and_carry_their_sentence(reader: sqlite3.Connection) -> None:
    report = entity_report(reader, "Sergey Lavrov")
    assert report["n_events_as_actor"] == 2 and report["n_events_as_recipient"] == 0
    by_date = {ev["date"]: ev for ev in report["events_as_actor"]}
    march_4 = by_date["2024-03-04"]
    # fr-1 and en-1 report the same accusation; the copy en-2 does not add a report.
    assert (march_4["type"], march_4["cameo"], march_4["n_articles"]) == ("ACCUSE", "112", 2)
    assert march_4["article_id"] == "fr-1"  # the first to report it
    assert march_4["sentence"].startswith("Le ministre russe") and march_4["sentence"].endswith("Alep.")
    assert (march_4["actors"], march_4["recipients"], march_4["place"]) == (["Sergey Lavrov"], ["United States"],
                                                                          "Aleppo")


def test_events_as_recipient(reader: sqlite3.Connection) -> None:
    report = entity_report(reader, "Moscow")
    (threat,) = report["events_as_recipient"]
    assert (threat["type"], threat["actors"], threat["n_articles"]) == ("THREATEN", ["John Kerry"], 1)


def test_related_entities_and_outlets(reader: sqlite3.Connection) -> None:
    report = entity_report(reader, "John Kerry")
    assert {r["canonical"] for r in report["related"]} == {"Sergey Lavrov", "United States", "Aleppo", "Moscow"}
    # He is named in one original article, carried by two outlets (its near-duplicate copy is on echo.example).
    assert {o["outlet"]: o["sightings"] for o in report["outlets"]} == {"wire.example": 1, "echo.example": 1}


def test_an_unknown_name_suggests_close_names(reader: sqlite3.Connection) -> None:
    with pytest.raises(DatelineError) as caught:
        entity_report(reader, "Sergei Lavrof")
    assert caught.value.code is Code.BAD_ARGUMENT
    assert "did you mean: Sergey Lavrov" in caught.value.message


def test_an_ambiguous_name_opens_the_most_reported_and_lists_the_others(washington: Any) -> None:
    conn = open_reader(washington.path)
    report = entity_report(conn, "Washington")
    assert report["entity"]["canonical"] == "United States"
    assert [o["canonical"] for o in report["others"]] == ["George Washington"]
    assert entity_report(conn, "Washington", type_="person")["entity"]["canonical"] == "George Washington"
    with pytest.raises(DatelineError, match="known: United States"):
        entity_report(conn, "Washington", type_="ORG")
    conn.close()


def test_the_entity_command_prints_sections(run_corpus_cli: Callable[..., Any]) -> None:
    ran = run_corpus_cli("entity", "Sergueï", "Lavrov")
    assert ran.code == 0
    lines = ran.out.splitlines()
    assert lines[0] == "Sergey Lavrov — PERSON, RU"
    assert "3 articles, 6 mentions" in lines[1]
    assert {"Timeline", "Quotes by (3)", "Events as actor (2)", "Articles (3)"} <= set(lines)


def test_the_entity_command_json_and_unknown_name(run_corpus_cli: Callable[..., Any]) -> None:
    assert json.loads(run_corpus_cli("entity", "Сергей Лавров", "--json").out)["n_articles"] == 3
    ran = run_corpus_cli("entity", "Lavrof")
    assert ran.code == 1 and ran.err.startswith("error: E010 bad_argument: no entity named 'Lavrof'")
