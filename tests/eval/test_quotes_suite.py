"""The quote suite's scoring, on hand-made predicted and gold quotes (no pipeline run)."""
from __future__ import annotations

import json
import re

from dateline.eval.quotes import GOLD_DIR, matches, score_article, share, speaker_right

ENTITIES = {"e1": {"id": "e1", "name": "John Kirby", "canonical": "John Kirby", "aliases": ["Kirby"]},
            "e2": {"id": "e2", "name": "Norvik", "canonical": "Norvik", "aliases": []}}


def quote(text: str, speaker: str | None = None, kind: str = "direct") -> dict:
    return {"text": text, "speaker": speaker, "kind": kind}


def test_half_the_words_on_both_sides_make_a_match():
    assert share("the talks will resume on Monday", "talks will resume") == 0.5
    assert matches([quote("the talks will resume on Monday")], [quote("talks will resume")]) == [(0, 0)]


def test_a_long_prediction_around_a_short_quote_does_not_match():
    predicted = [quote("the minister said that the talks will resume on Monday in Geneva after a pause")]
    assert matches(predicted, [quote("talks will resume")]) == []


def test_matching_is_one_to_one_largest_overlap_first():
    gold = [quote("the talks will resume on Monday"), quote("the talks will resume")]
    predicted = [quote("the talks will resume on Monday")]
    assert matches(predicted, gold) == [(0, 0)]


def test_a_speaker_matches_by_name_alias_or_surname():
    assert speaker_right(quote("x", "e1"), {"speaker": "John Kirby"}, ENTITIES)
    assert speaker_right(quote("x", "e1"), {"speaker": "Kirby"}, ENTITIES)
    assert not speaker_right(quote("x", "e2"), {"speaker": "Norvik Foods"}, ENTITIES)
    assert speaker_right(quote("x", None), {"speaker": None}, ENTITIES)
    assert not speaker_right(quote("x", "e1"), {"speaker": None}, ENTITIES)


def test_repeated_quotes_are_left_out_of_the_score():
    record = {"quotes": [quote("talks will resume", "e1"), {**quote("talks will resume", "e1"), "duplicate_of": 0}],
              "entities": list(ENTITIES.values())}
    counts, matched, speakers, kinds, _ = score_article(record, {"quotes": [quote("talks will resume", "John Kirby")]})
    assert (counts.hits, counts.predicted, counts.gold, matched, speakers, kinds) == (1, 1, 1, 1, 1, 1)


def test_every_gold_quote_is_written_in_its_article():
    files = sorted(GOLD_DIR.glob("*.json"))
    languages = [json.loads(p.read_text(encoding="utf-8"))["language"] for p in files]
    assert all(languages.count(lang) >= 10 for lang in ("fr", "en", "ru"))
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        plain = re.sub(r"\W+", " ", gold["text"]).casefold()
        for item in gold["quotes"]:
            assert item["kind"] in {"direct", "indirect", "mixed"}, path.name
            words = re.sub(r"\W+", " ", item["text"]).casefold().split()
            assert all(w in plain.split() for w in words), (path.name, item["text"])
