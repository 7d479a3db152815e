"""The entity suite's scoring, on tiny hand-made predicted and gold entities (no pipeline run)."""
from __future__ import annotations

from dateline.eval.entities import (
    GOLD_DIR,
    Entity,
    entity_counts,
    entity_matches,
    gold_entities,
    mention_counts,
    merge_counts,
    predicted_entities,
)

GOLD: list[Entity] = [
    ("PERSON", ["Sergueï Lavrov", "Lavrov"]),
    ("GPE", ["Damas"]),
    ("ORG", ["Organisation des Nations unies"]),
]


def merge_accuracy(predicted: list[Entity], gold: list[Entity]) -> float:
    merged, judged = merge_counts(predicted, gold)
    return merged / judged


def test_a_perfect_prediction_scores_one_everywhere():
    assert mention_counts(GOLD, GOLD).f1() == 1.0
    assert entity_counts(GOLD, GOLD).f1() == 1.0
    assert merge_accuracy(GOLD, GOLD) == 1.0


def test_a_type_mismatch_is_neither_a_mention_nor_an_entity_match():
    predicted: list[Entity] = [GOLD[0], ("LOC", ["Damas"]), GOLD[2]]
    mentions = mention_counts(predicted, GOLD)
    assert (mentions.hits, mentions.predicted, mentions.gold) == (3, 4, 4)
    assert entity_matches(predicted, GOLD) == [(0, 0), (2, 2)]


def test_a_split_entity_lowers_merge_accuracy_but_keeps_every_mention():
    predicted: list[Entity] = [("PERSON", ["Sergueï Lavrov"]), ("PERSON", ["Lavrov"]), GOLD[1], GOLD[2]]
    assert mention_counts(predicted, GOLD).f1() == 1.0
    assert merge_accuracy(predicted, GOLD) == 2 / 3


def test_a_split_entity_is_matched_once_and_the_other_half_is_a_false_positive():
    predicted: list[Entity] = [("PERSON", ["Lavrov"]), ("PERSON", ["Sergueï Lavrov", "Lavrov"]), GOLD[1], GOLD[2]]
    assert entity_matches(predicted, GOLD)[0] == (1, 0)
    counts = entity_counts(predicted, GOLD)
    assert (counts.hits, counts.predicted, counts.gold) == (3, 4, 3)
    assert counts.recall() == 1.0 and counts.precision() == 0.75


def test_mentions_count_with_multiplicity():
    gold: list[Entity] = [("PERSON", ["Grace Wanjiru", "Wanjiru", "Wanjiru"])]
    predicted: list[Entity] = [("PERSON", ["Grace Wanjiru", "Wanjiru"])]
    counts = mention_counts(predicted, gold)
    assert (counts.hits, counts.predicted, counts.gold) == (2, 2, 3)


def test_a_mention_split_off_by_multiplicity_is_not_merged():
    gold: list[Entity] = [("PERSON", ["Grace Wanjiru", "Wanjiru", "Wanjiru"])]
    predicted: list[Entity] = [("PERSON", ["Grace Wanjiru", "Wanjiru"]), ("PERSON", ["Wanjiru"])]
    assert merge_accuracy(predicted, gold) == 0.0


def test_unpredicted_gold_entities_are_left_out_of_merge_accuracy():
    assert merge_counts([GOLD[0]], GOLD) == (1, 1)


def test_predicted_entities_keep_name_mentions_and_normalise_apostrophes():
    record = [
        {"type": "ORG", "mentions": [{"text": "ministère de l’Intérieur", "kind": "name"},
                                     {"text": "le  ministère", "kind": "nominal"}]},
        {"type": "PERSON", "mentions": [{"text": "le ministre", "kind": "title"}]},
    ]
    assert predicted_entities(record) == [("ORG", ["ministère de l'Intérieur"])]


def test_every_gold_file_has_its_mentions_in_its_text():
    import json

    files = sorted(GOLD_DIR.glob("*.json"))
    assert {json.loads(p.read_text(encoding="utf-8"))["language"] for p in files} == {"fr", "en", "ru"}
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        for _, surfaces in gold_entities(gold):
            assert all(s in gold["text"].replace("’", "'") for s in surfaces), path.name


def test_the_gate_runs_repository_suites_when_the_shared_data_is_absent(tmp_path, capsys):
    import argparse

    from dateline.eval import gate

    args = argparse.Namespace(shared=str(tmp_path / "absent"), baseline=str(tmp_path / "floors.json"),
                              suite=None, update_baseline=False, json=False, config=None)
    assert gate.main(args) == 0
    out = capsys.readouterr().out
    assert "skipped seed, extraction" in out and "entities.fr_entity_f1" in out
