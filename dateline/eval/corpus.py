"""Suite ``corpus``: stories and duplicates, scored over a store built by ``dateline ingest``.

- Stories: the story gold set (tests/gold/stories, written for dateline: fr/en/ru/es articles on
  the same few happenings, with hard negatives sharing names or dates) is ingested as a JSONL
  dump into a fresh store. Pairwise scores: over all pairs of articles, a pair is predicted
  positive when both got the same story, and gold positive when both carry the same label.
  ``stories_precision``, ``stories_recall`` and ``stories_f1``; ``cross_language_recall`` counts
  only gold pairs in two different languages (the multilingual part of the job).
- People: the people the story set names in several languages (tests/gold/stories/people.toml,
  every spelling the articles give each one) are looked up in the same store by each spelling.
  ``people_merged``: the share of people whose spellings all lead to one entity, across scripts
  ("Olivier Masson" and "Оливье Массон") and transcriptions ("Rustam" and "Roustam");
  ``people_apart``: the share of people whose entity is none of the other people's.
- Duplicates: the sample corpus (examples/corpus, see its README) is ingested; every file the
  README marks as a near or exact copy must land in its original's duplicate group, and no other
  pair may: ``duplicates_precision`` and ``duplicates_recall`` over those pairs.

The ``shared`` argument is unused: these gold sets live in the repository.
"""
from __future__ import annotations

import dataclasses
import json
import re
import tempfile
import tomllib
from itertools import combinations
from pathlib import Path
from typing import Any

from dateline.settings import Settings

ROOT = Path(__file__).parents[2]
STORY_GOLD = ROOT / "tests" / "gold" / "stories" / "articles.jsonl"
PEOPLE_GOLD = STORY_GOLD.with_name("people.toml")
SAMPLE = ROOT / "examples" / "corpus"
# A row of the README's file table that says "near-duplicate of `x`" or "exact copy of `x`".
DUPLICATE_NOTE = re.compile(r"(?:near-duplicate|exact copy) of `([\w.-]+)`", re.IGNORECASE)


def inline(settings: Settings) -> Settings:
    """Analyse in this process: the gate must not depend on spawning workers."""
    return dataclasses.replace(settings, ingest=dataclasses.replace(settings.ingest, workers=0))


def pairwise(predicted: dict[str, object], gold: dict[str, str], languages: dict[str, str]) -> dict[str, float]:
    tp = fp = fn = cross_gold = cross_found = 0
    for a, b in combinations(sorted(gold), 2):
        same_gold = gold[a] == gold[b]
        same_found = predicted.get(a) is not None and predicted.get(a) == predicted.get(b)
        tp += same_gold and same_found
        fp += same_found and not same_gold
        fn += same_gold and not same_found
        if same_gold and languages[a] != languages[b]:
            cross_gold += 1
            cross_found += same_found
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"stories_precision": precision, "stories_recall": recall, "stories_f1": f1,
            "cross_language_recall": cross_found / cross_gold if cross_gold else 0.0}


def ingested(source: Path, db: Path, settings: Settings, sql: str) -> dict[Any, Any]:
    """Ingest ``source`` into a fresh store at ``db`` (in this process) and read back ``sql``'s
    two columns as a mapping."""
    from dateline.corpus.ingest import ingest
    from dateline.store.db import open_reader

    ingest([str(source)], db, inline(settings))
    conn = open_reader(db)
    try:
        return {row[0]: row[1] for row in conn.execute(sql)}
    finally:
        conn.close()


def story_scores(settings: Settings, work: Path) -> dict[str, float]:
    rows = [json.loads(line) for line in STORY_GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    found = ingested(STORY_GOLD, work / "stories.db", settings, "SELECT url, story_id FROM articles")
    gold = {row["url"]: row["story"] for row in rows}
    return pairwise(found, gold, {row["url"]: row["language"] for row in rows})


def people_scores(db: Path) -> dict[str, float]:
    """Over the people of the gold list: are a person's spellings one entity, and only theirs?"""
    from dateline.store.db import open_reader
    from dateline.store.lookup import entities_named

    people = tomllib.loads(PEOPLE_GOLD.read_text(encoding="utf-8"))["person"]
    conn = open_reader(db)
    try:
        found = [[{e.id for e in entities_named(conn, name)} for name in person["spellings"]] for person in people]
    finally:
        conn.close()
    return people_agreement(found)


def people_agreement(found: list[list[set[int]]]) -> dict[str, float]:
    """Scores from the entity ids each spelling of each person leads to."""
    common = [set.intersection(*ids) for ids in found]
    merged = sum(1 for ids in common if ids)
    everyone = [set.union(*ids) for ids in found]
    apart = sum(1 for i, ids in enumerate(everyone)
                if ids and not any(ids & other for j, other in enumerate(everyone) if j != i))
    return {"people_merged": merged / len(found), "people_apart": apart / len(found)}


def duplicate_pairs() -> set[tuple[str, str]]:
    """(copy, original) file pairs the sample corpus README declares."""
    pairs: set[tuple[str, str]] = set()
    for line in (SAMPLE / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip(" `") for c in line.split("|")]
        match = DUPLICATE_NOTE.search(line)
        if match and len(cells) > 2:
            pairs.add((cells[1], match.group(1)))
    return pairs


def same_group_pairs(links: set[tuple[str, str]]) -> set[frozenset[str]]:
    """Every pair inside the groups the links make (a copy of a copy is in the same group)."""
    root: dict[str, str] = {}

    def find(x: str) -> str:
        while root.setdefault(x, x) != x:
            x = root[x]
        return x

    for a, b in links:
        root[find(a)] = find(b)
    members: dict[str, list[str]] = {}
    for name in list(root):
        members.setdefault(find(name), []).append(name)
    return {frozenset(pair) for group in members.values() for pair in combinations(sorted(group), 2)}


def duplicate_scores(settings: Settings, work: Path) -> dict[str, float]:
    stored = ingested(SAMPLE, work / "sample.db", settings,
                      "SELECT s.source, a.dup_group FROM sightings s JOIN articles a ON a.id = s.article_id")
    group = {Path(source).name: dup_group for source, dup_group in stored.items()}
    declared = same_group_pairs(duplicate_pairs())
    found = {frozenset((a, b)) for a, b in combinations(sorted(group), 2) if group[a] == group[b]}
    hits = len(declared & found)
    return {"duplicates_precision": hits / len(found) if found else 1.0,
            "duplicates_recall": hits / len(declared) if declared else 0.0}


def run(shared: Path, settings: Settings) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="dateline-eval-") as tmp:
        scores = story_scores(settings, Path(tmp))
        scores.update(people_scores(Path(tmp) / "stories.db"))
        scores.update(duplicate_scores(settings, Path(tmp)))
    return scores
