"""Full-text search of the store: folding, query syntax, filters, duplicates, snippets, errors."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dateline.errors import Code, DatelineError
from dateline.store import search as search_module
from dateline.store.search import fts_expression, search


def ids(results: list[dict]) -> list[str]:
    return [r["id"] for r in results]


def test_a_query_without_diacritics_finds_the_accented_word(reader: sqlite3.Connection) -> None:
    results = search(reader, "etats-unis")
    assert ids(results) == ["fr-1"]
    assert "[États-Unis]" in results[0]["snippet"]


def test_snippets_mark_each_hit_in_the_text(reader: sqlite3.Connection) -> None:
    (hit,) = search(reader, "truce Aleppo")
    assert "[truce]" in hit["snippet"] and "[Aleppo]" in hit["snippet"]
    assert hit["score"] is not None and hit["score"] > 0


def test_a_result_carries_what_a_reader_needs(reader: sqlite3.Connection) -> None:
    (hit,) = search(reader, "etats-unis")
    assert {"id", "title", "url", "source", "language", "published", "score", "snippet", "story_id",
            "copies"} <= set(hit)
    assert (hit["source"], hit["language"], hit["story_id"]) == ("Le Courrier", "fr", 2)


@pytest.mark.parametrize("name", ["Sergey Lavrov", "Sergueï Lavrov", "sergueï lavrov", "Сергей Лавров"])
def test_the_entity_filter_finds_its_articles_in_every_language(reader: sqlite3.Connection, name: str) -> None:
    assert set(ids(search(reader, None, entity=name))) == {"fr-1", "en-1", "ru-1"}


def test_the_entity_filter_combines_with_a_query(reader: sqlite3.Connection) -> None:
    assert ids(search(reader, "saboter", entity="Sergey Lavrov")) == ["fr-1"]


def test_an_unknown_entity_is_a_bad_argument_suggesting_close_names(reader: sqlite3.Connection) -> None:
    with pytest.raises(DatelineError) as caught:
        search(reader, None, entity="Sergei Lavrof")
    assert caught.value.code is Code.BAD_ARGUMENT
    assert "Sergey Lavrov" in caught.value.message


@pytest.mark.parametrize(("kind", "expected"), [("protest", ["en-3"]), ("THREATEN", ["en-1"]),
                                                ("Accuse", ["ru-1", "en-1", "fr-1"])])
def test_the_event_type_filter_ignores_case(reader: sqlite3.Connection, kind: str, expected: list[str]) -> None:
    assert ids(search(reader, None, event_type=kind)) == expected


def test_an_unknown_event_type_is_a_bad_argument(reader: sqlite3.Connection) -> None:
    with pytest.raises(DatelineError, match="PLOVER") as caught:
        search(reader, None, event_type="FIGHTING")
    assert caught.value.code is Code.BAD_ARGUMENT


def test_the_speaker_filter_keeps_articles_quoting_that_entity(reader: sqlite3.Connection) -> None:
    assert set(ids(search(reader, None, speaker="Lavrov"))) == {"fr-1", "en-1", "ru-1"}
    assert ids(search(reader, None, speaker="Sergey Lavrov", language="fr")) == ["fr-1"]
    assert search(reader, None, speaker="John Kerry") == []  # named, never quoted
    assert ids(search(reader, None, entity="John Kerry")) == ["en-1"]


@pytest.mark.parametrize(("since", "until", "expected"), [
    ("2024-03-04", "2024-03-04", {"fr-1", "en-1"}),
    ("2024-03-05", None, {"ru-1"}),
    (None, "2024-02", {"en-3"}),
    ("2024-03", "2024-03", {"fr-1", "en-1", "ru-1"}),
])
def test_date_bounds_compare_as_iso_prefixes(reader: sqlite3.Connection, since: str | None, until: str | None,
                                             expected: set[str]) -> None:
    assert set(ids(search(reader, None, since=since, until=until))) == expected


def test_a_date_that_is_not_iso_is_a_bad_argument(reader: sqlite3.Connection) -> None:
    with pytest.raises(DatelineError, match="ISO"):
        search(reader, "truce", since="March 2024")


def test_near_duplicates_collapse_into_their_groups_first_article(reader: sqlite3.Connection) -> None:
    (hit,) = search(reader, "truce")
    assert hit["id"] == "en-1" and hit["copies"] == 2
    assert set(ids(search(reader, "truce", include_duplicates=True))) == {"en-1", "en-2"}


def test_a_copy_that_alone_matches_stands_for_its_group(reader: sqlite3.Connection) -> None:
    (hit,) = search(reader, "morning")
    assert (hit["id"], hit["duplicate_of"]) == ("en-2", "en-1")


def test_an_exact_copy_elsewhere_counts_and_its_outlet_finds_the_article(reader: sqlite3.Connection) -> None:
    (hit,) = search(reader, None, source="RELAY.example")
    assert hit["id"] == "fr-1" and hit["copies"] == 2
    assert ids(search(reader, None, source="le courrier")) == ["fr-1"]


def test_an_unknown_source_suggests_the_known_ones(reader: sqlite3.Connection) -> None:
    with pytest.raises(DatelineError, match="courrier.example"):
        search(reader, None, source="courier.example")


@pytest.mark.parametrize(("query", "expected"), [
    ("strike OR truce", {"en-3", "en-1"}),
    ("strike OR truce -Rotterdam", {"en-1"}),
    ('"Foreign Minister"', {"en-1"}),
    ('"Minister Foreign"', set()),
    ("Lavrov -saboter", {"en-1"}),
])
def test_or_phrases_and_exclusions(reader: sqlite3.Connection, query: str, expected: set[str]) -> None:
    assert set(ids(search(reader, query))) == expected


@pytest.mark.parametrize("query", ["NEAR(truce Aleppo)", "title:truce", '"unclosed truce', "truce AND", "(truce",
                                   "tru*", "^truce", "truce OR", "a:b) OR (c"])
def test_fts_syntax_in_a_query_is_plain_text(reader: sqlite3.Connection, query: str) -> None:
    search(reader, query)  # never an FTS5 syntax error


@pytest.mark.parametrize("query", ["-truce", "!!! ???", '""'])
def test_a_query_with_nothing_to_look_for_is_a_bad_argument(reader: sqlite3.Connection, query: str) -> None:
    with pytest.raises(DatelineError) as caught:
        search(reader, query)
    assert caught.value.code is Code.BAD_ARGUMENT


def test_an_expression_fts5_refuses_is_a_bad_argument(reader: sqlite3.Connection,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_module, "fts_expression", lambda query: "truce AND")
    with pytest.raises(DatelineError) as caught:
        search(reader, "truce")
    assert caught.value.code is Code.BAD_ARGUMENT


def test_each_word_becomes_a_quoted_phrase() -> None:
    assert fts_expression('lavrov "foreign minister" OR kerry -syria') == \
        '(("lavrov") AND ("foreign minister" OR "kerry")) NOT ("syria")'


def test_without_a_query_the_filtered_articles_come_newest_first(reader: sqlite3.Connection) -> None:
    results = search(reader, None, language="en")
    assert ids(results) == ["en-1", "en-3"]
    assert results[0]["score"] is None and results[0]["snippet"].startswith("Russian Foreign Minister")


def test_limit_and_offset_page_through_the_results(reader: sqlite3.Connection) -> None:
    everything = ids(search(reader, None))
    assert ids(search(reader, None, limit=2, offset=1)) == everything[1:3]
    with pytest.raises(DatelineError):
        search(reader, None, limit=0)


def test_the_search_command_prints_rank_title_and_snippet(run_corpus_cli: Callable[..., Any]) -> None:
    ran = run_corpus_cli("search", "etats-unis")
    lines = ran.out.splitlines()
    assert ran.code == 0
    assert lines[0].startswith("  1. Sergueï Lavrov accuse les États-Unis — Le Courrier, 2024-03-04, fr")
    assert "[États-Unis]" in lines[1]


def test_the_search_command_prints_json_and_errors_on_one_line(run_corpus_cli: Callable[..., Any]) -> None:
    assert [hit["id"] for hit in json.loads(run_corpus_cli("search", "--lang", "ru", "--json").out)] == ["ru-1"]
    ran = run_corpus_cli("search", "--speaker", "Nobody Known")
    assert ran.code == 1
    assert ran.err.startswith("error: E010 bad_argument: no speaker named 'Nobody Known'")
    assert len(ran.err.strip().splitlines()) == 1


def test_a_file_that_is_not_a_store_is_one_error_line(run_corpus_cli: Callable[..., Any], tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not SQLite" * 100)
    ran = run_corpus_cli("search", "truce", "--db", str(junk))
    assert ran.code == 1 and ran.err.startswith("error: E010 bad_argument: cannot read the database")


def test_a_word_in_the_headline_outranks_the_same_word_in_a_body(reader: sqlite3.Connection) -> None:
    # "Washington" is in en-1's headline and body, and in fr-1's shorter body only.
    assert ids(search(reader, "Washington")) == ["en-1", "fr-1"]
