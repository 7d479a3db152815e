"""Stories: listing with filters, and one story's articles, coverage, events and speakers."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

import pytest

from dateline.errors import Code, DatelineError
from dateline.store.story_view import list_stories, story_report


def test_stories_are_listed_largest_first_with_their_summary(reader: sqlite3.Connection) -> None:
    lavrov, strike = list_stories(reader)
    assert (lavrov["id"], lavrov["size"], lavrov["originals"]) == (2, 4, 3)
    assert set(lavrov["languages"]) == {"en", "fr", "ru"}
    assert (lavrov["first_date"], lavrov["last_date"], lavrov["top_event"]) == ("2024-03-04", "2024-03-05", "ACCUSE")
    assert lavrov["top_entities"][:2] == ["Sergey Lavrov", "United States"]
    assert (strike["id"], strike["label"]) == (1, "Rotterdam — PROTEST")


@pytest.mark.parametrize(("options", "expected"), [
    ({"min_size": 2}, [2]),
    ({"language": "RU"}, [2]),
    ({"language": "nl"}, []),
    ({"since": "2024-03-01"}, [2]),
    ({"until": "2024-02"}, [1]),
    ({"since": "2024-03-05", "until": "2024-03-05"}, [2]),
    ({"limit": 1}, [2]),
])
def test_list_filters(reader: sqlite3.Connection, options: dict[str, Any], expected: list[int]) -> None:
    assert [s["id"] for s in list_stories(reader, **options)] == expected


def test_a_bad_filter_is_a_bad_argument(reader: sqlite3.Connection) -> None:
    with pytest.raises(DatelineError, match="ISO"):
        list_stories(reader, since="yesterday")
    with pytest.raises(DatelineError):
        list_stories(reader, min_size=0)


def test_a_storys_articles_come_in_date_order_with_copies_marked(reader: sqlite3.Connection) -> None:
    articles = story_report(reader, 2)["articles"]
    assert [a["id"] for a in articles] == ["fr-1", "en-1", "en-2", "ru-1"]
    assert [a["duplicate_of"] for a in articles] == [None, None, "en-1", None]
    assert [a["language"] for a in articles] == ["fr", "en", "en", "ru"]
    assert articles[0]["source"] == "Le Courrier" and articles[0]["sightings"] == 2


def test_a_storys_timeline_counts_original_articles_per_day_and_language(reader: sqlite3.Connection) -> None:
    assert story_report(reader, 2)["timeline"] == [
        {"date": "2024-03-04", "articles": 2, "languages": {"en": 1, "fr": 1}},
        {"date": "2024-03-05", "articles": 1, "languages": {"ru": 1}}]


def test_a_storys_events_merge_across_languages(reader: sqlite3.Connection) -> None:
    first = story_report(reader, 2)["events"][0]
    assert (first["type"], first["n_articles"], first["n_languages"]) == ("ACCUSE", 2, 2)
    assert (first["actors"], first["recipients"]) == (["Sergey Lavrov"], ["United States"])


def test_a_storys_speakers(reader: sqlite3.Connection) -> None:
    (speaker,) = story_report(reader, 2)["speakers"]
    assert speaker == {"speaker": "Sergey Lavrov", "quotes": 3, "articles": 3, "languages": ["en", "fr", "ru"]}


def test_an_unknown_story_is_a_bad_argument(reader: sqlite3.Connection) -> None:
    with pytest.raises(DatelineError, match="highest story id is 2") as caught:
        story_report(reader, 7)
    assert caught.value.code is Code.BAD_ARGUMENT


def test_the_stories_command_prints_one_line_per_story(run_corpus_cli: Callable[..., Any]) -> None:
    ran = run_corpus_cli("stories", "--min-size", "1")
    lines = ran.out.splitlines()
    assert ran.code == 0 and len(lines) == 2
    assert lines[0].startswith("#2") and "4 articles" in lines[0] and "en,fr,ru" in lines[0]
    assert "2024-03-04..2024-03-05" in lines[0] and lines[0].endswith("Sergey Lavrov, United States, Aleppo — ACCUSE")


def test_the_stories_command_shows_one_story(run_corpus_cli: Callable[..., Any]) -> None:
    ran = run_corpus_cli("stories", "2")
    assert "(copy of en-1)" in ran.out
    assert json.loads(run_corpus_cli("stories", "2", "--json").out)["id"] == 2
    missing = run_corpus_cli("stories", "99")
    assert missing.code == 1 and missing.err.startswith("error: E010")
