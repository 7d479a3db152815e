"""The extraction score: 4-word shingle precision, recall and F1, macro-averaged over pages."""
from __future__ import annotations

import pytest

from dateline.eval.scoring import aggregate, match_counts, shingles

ARTICLE = ("The little ferry that links the old town to the island resumed service on Thursday after three "
           "months in dry dock.")
OTHER = "Volunteers agreed to staff the front desk of the library for six months while money is found."


def f1(true: str, pred: str) -> float:
    return aggregate([match_counts(true, pred)])["f1"]


def test_identical_texts_score_one():
    assert f1(ARTICLE, ARTICLE) == 1.0


def test_disjoint_texts_score_zero():
    assert f1(ARTICLE, OTHER) == 0.0


def test_half_the_text_scores_between_zero_and_one():
    half = " ".join(ARTICLE.split()[:10])
    assert 0.0 < f1(ARTICLE, half) < 1.0


def test_extra_chrome_lowers_precision_not_recall():
    scores = aggregate([match_counts(ARTICLE, ARTICLE + " Subscribe now to read every story on the island.")])
    assert scores["recall"] == 1.0
    assert scores["precision"] < 1.0


def test_missing_text_lowers_recall_not_precision():
    scores = aggregate([match_counts(ARTICLE, " ".join(ARTICLE.split()[:12]))])
    assert scores["precision"] == 1.0
    assert scores["recall"] < 1.0


def test_punctuation_and_spacing_do_not_change_the_score():
    assert f1(ARTICLE, ARTICLE.replace(",", "").replace(" ", "\n")) == 1.0


def test_shingles_are_four_words_long():
    assert list(shingles("a b c d e")) == [("a", "b", "c", "d"), ("b", "c", "d", "e")]


def test_a_short_text_is_one_shingle():
    assert list(shingles("a b")) == [("a", "b")]


def test_every_page_weighs_the_same_in_the_average():
    long_article = ARTICLE * 10
    scores = aggregate([match_counts(long_article, long_article), match_counts(ARTICLE, OTHER)])
    assert scores["recall"] == pytest.approx(0.5)
