"""Near-duplicates: the documented threshold separates syndicated copies from other articles."""
from __future__ import annotations

import json
import re
from itertools import combinations
from pathlib import Path

import pytest

from dateline.corpus.dedup import DuplicateIndex, shingles, signature, similarity
from dateline.settings import DuplicateSettings

ROOT = Path(__file__).parents[2]
SETTINGS = DuplicateSettings()
ARTICLE = "\n\n".join(p for p in (ROOT / "examples" / "harbour-strike.en.txt").read_text().split("\n\n")[1:])
OTHER = (ROOT / "tests" / "fixtures" / "fr_page.txt").read_text()
STORIES = ROOT / "tests" / "gold" / "stories" / "articles.jsonl"


def sim(a: str, b: str) -> float:
    return similarity(signature(a, SETTINGS), signature(b, SETTINGS))


def test_shingles_fold_case_accents_and_punctuation() -> None:
    assert shingles("États-Unis, a dit M. Kerry.", 3) == shingles("etats unis a DIT m kerry", 3)


def test_short_text_is_one_shingle() -> None:
    assert shingles("Breaking news", 5) == {"breaking news"}


def test_identical_texts_score_one() -> None:
    assert sim(ARTICLE, ARTICLE) == 1.0


def test_copy_with_an_added_sentence_is_a_near_duplicate() -> None:
    copy = ARTICLE + "\n\nThis article was first published by our partner agency and is republished with permission."
    assert sim(ARTICLE, copy) >= SETTINGS.near_threshold


def test_copy_with_edits_and_new_punctuation_is_a_near_duplicate() -> None:
    words = ARTICLE.split()
    for i in (10, 60, 120):  # three words changed, as a sub-editor would
        words[i] = "changed"
    copy = "Strike at the harbour: what we know\n\n" + " ".join(words).upper().replace(",", ";")
    assert sim(ARTICLE, copy) >= SETTINGS.near_threshold


def test_copy_cut_after_two_thirds_is_a_near_duplicate() -> None:
    words = ARTICLE.split()
    assert sim(ARTICLE, " ".join(words[: len(words) * 2 // 3])) >= SETTINGS.near_threshold


def test_unrelated_articles_are_far_below_the_threshold() -> None:
    assert sim(ARTICLE, OTHER) < 0.1


def test_index_finds_the_copy_and_not_the_other() -> None:
    index = DuplicateIndex(SETTINGS)
    index.add("a", signature(ARTICLE, SETTINGS))
    index.add("b", signature(OTHER, SETTINGS))
    found = index.best_match(signature(ARTICLE + " One more line for the copy.", SETTINGS))
    assert found is not None and found[0] == "a" and found[1] >= SETTINGS.near_threshold
    assert index.best_match(signature("A completely different short note about gardening tools.", SETTINGS)) is None


def test_index_prefers_the_earliest_of_equal_matches() -> None:
    index = DuplicateIndex(SETTINGS)
    for article_id in ("first", "second"):
        index.add(article_id, signature(ARTICLE, SETTINGS))
    assert index.best_match(signature(ARTICLE, SETTINGS)) == ("first", 1.0)


@pytest.mark.skipif(not STORIES.is_file(), reason="story gold set not present")
def test_separately_written_articles_on_one_story_are_not_duplicates() -> None:
    by_story: dict[str, list[str]] = {}
    for line in STORIES.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        by_story.setdefault(row["story"], []).append(re.sub(r"\s+", " ", row["maintext"]))
    pairs = [(a, b) for texts in by_story.values() for a, b in combinations(texts, 2)]
    assert pairs
    assert max(sim(a, b) for a, b in pairs) < SETTINGS.near_threshold
