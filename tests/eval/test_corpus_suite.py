"""The corpus suite's scoring: pairwise story precision and recall, people merged across languages,
duplicate groups from the README."""
from __future__ import annotations

import json
import tomllib

import pytest

from dateline.eval.corpus import PEOPLE_GOLD, STORY_GOLD, duplicate_pairs, pairwise, people_agreement, same_group_pairs


def test_pairwise_counts_pairs_not_clusters() -> None:
    gold = {"a": "s1", "b": "s1", "c": "s1", "d": "s2"}
    languages = {"a": "fr", "b": "en", "c": "fr", "d": "ru"}
    found = {"a": 1, "b": 1, "c": 2, "d": 2}
    scores = pairwise(found, gold, languages)
    # predicted pairs: a-b (right), c-d (wrong); gold pairs: a-b, a-c, b-c.
    assert scores["stories_precision"] == pytest.approx(0.5)
    assert scores["stories_recall"] == pytest.approx(1 / 3)
    assert scores["cross_language_recall"] == pytest.approx(0.5)  # a-b found, b-c missed (a-c is fr-fr)


def test_articles_without_a_story_pair_with_nothing() -> None:
    scores = pairwise({"a": None, "b": None}, {"a": "s", "b": "s"}, {"a": "fr", "b": "fr"})
    assert scores["stories_recall"] == 0.0


def test_a_copy_of_a_copy_is_in_the_same_group() -> None:
    assert same_group_pairs({("b", "a"), ("c", "b")}) == {frozenset(p) for p in (("a", "b"), ("b", "c"), ("a", "c"))}


def test_sample_readme_declares_the_near_and_the_exact_copy() -> None:
    assert duplicate_pairs() == {("geneva-talks.syndicated.fr.html", "geneva-talks.fr.html"),
                                 ("airline-order.mirror.en.txt", "airline-order.en.txt")}


def test_a_person_is_merged_only_when_every_spelling_leads_to_one_entity() -> None:
    # Person 0: both spellings find entity 1. Person 1: its spellings find 2 and 3. Person 2: 3.
    scores = people_agreement([[{1}, {1}], [{2}, {3}], [{3}, {3}]])
    assert scores["people_merged"] == pytest.approx(2 / 3)
    # Entity 3 is both person 1's and person 2's: only person 0 is apart.
    assert scores["people_apart"] == pytest.approx(1 / 3)


def test_every_spelling_of_the_people_gold_is_in_the_story_articles() -> None:
    text = STORY_GOLD.read_text(encoding="utf-8")
    for person in tomllib.loads(PEOPLE_GOLD.read_text(encoding="utf-8"))["person"]:
        assert all(json.dumps(name, ensure_ascii=False)[1:-1] in text for name in person["spellings"]), person
