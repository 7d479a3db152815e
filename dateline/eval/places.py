"""Suite ``places``: geocoding in running news text (tests/gold/places, see its LABELLING.md).

Each paragraph is analysed alone as clean text of its language. A gold place is the first
occurrence of its name in the text; the predicted place is the place record of the entity with a
mention over that occurrence. Over all gold places:

- ``found``: a place record is there;
- ``country_accuracy``: its country is the gold country (a missing place counts as wrong);
- ``within_25km``: over the gold places that are not country names, the predicted point is
  within 25 km of the gold one;
- ``homonym_accuracy``: ``country_accuracy`` over the names the gazetteer has in more than one
  country (Geneva, Paris, Tripoli, Córdoba…): the traps the text has to settle.

The ``shared`` argument is unused: this gold lives in the repository.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dateline import geo
from dateline.eval.event_match import analyse_texts
from dateline.eval.seed import GEOCODE_KM
from dateline.geo.homonyms import distance_km
from dateline.settings import Settings

GOLD = Path(__file__).parents[2] / "tests/gold/places/places.jsonl"


def read_gold(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def place_at(record: dict[str, Any], start: int, end: int) -> dict[str, Any] | None:
    """The place record of the entity that has a mention over [start, end)."""
    by_entity = {p["entity"]: p for p in record.get("places") or []}
    for entity in record.get("entities") or []:
        if entity["id"] in by_entity and any(m["start"] < end and start < m["end"] for m in entity["mentions"]):
            return by_entity[entity["id"]]
    return None


def homonym(name: str) -> bool:
    return len({c.country for c in geo.city_candidates(name)}) > 1


def score(items: list[dict[str, Any]], records: list[dict[str, Any]]) -> dict[str, float]:
    tally = {name: [0, 0] for name in ("found", "country_accuracy", "within_25km", "homonym_accuracy")}

    def count(name: str, hit: bool) -> None:
        tally[name][0] += int(hit)
        tally[name][1] += 1

    for item, record in zip(items, records):
        for gold in item["places"]:
            start = item["text"].index(gold["name"])
            found = place_at(record, start, start + len(gold["name"]))
            right = found is not None and found["country"] == gold["country"]
            count("found", found is not None)
            count("country_accuracy", right)
            if homonym(gold["name"]):
                count("homonym_accuracy", right)
            if geo.country_by_name(gold["name"]) is None:
                count("within_25km", found is not None and found["lat"] is not None and distance_km(
                    found["lat"], found["lon"], gold["lat"], gold["lon"]) <= GEOCODE_KM)
    return {name: hits / total if total else 0.0 for name, (hits, total) in tally.items()}


def run(shared: Path, settings: Settings, gold: Path = GOLD) -> dict[str, float]:
    """The scores over every language's paragraphs; nothing when the gold is not there."""
    if not gold.is_file():
        return {}
    items = read_gold(gold)
    records: list[dict[str, Any]] = [{}] * len(items)
    for lang in sorted({i["language"] for i in items}):
        indexes = [n for n, i in enumerate(items) if i["language"] == lang]
        analysed = analyse_texts([items[n]["text"] for n in indexes], [items[n]["id"] for n in indexes], lang, settings)
        for n, record in zip(indexes, analysed):
            records[n] = record
    return score(items, records)
