"""The places suite's scoring: a gold place is judged by the place record of the entity at its first occurrence."""
from __future__ import annotations

import pytest

from dateline.eval.places import score

TEXT = "Talks opened in Geneva on Monday. Officials flew in from Paris, Texas, and from Moscou."


def record(*places: tuple[str, str, float, float]) -> dict[str, object]:
    entities, records = [], []
    for n, (name, country, lat, lon) in enumerate(places, start=1):
        start = TEXT.index(name)
        entities.append({"id": f"e{n}", "mentions": [{"start": start, "end": start + len(name)}]})
        records.append({"entity": f"e{n}", "country": country, "lat": lat, "lon": lon})
    return {"entities": entities, "places": records}


GOLD = [{"text": TEXT, "places": [{"name": "Geneva", "country": "CH", "lat": 46.20, "lon": 6.14},
                                  {"name": "Paris", "country": "US", "lat": 33.66, "lon": -95.56},
                                  {"name": "Moscou", "country": "RU", "lat": 55.75, "lon": 37.62}]}]


def test_a_place_is_right_by_its_country_and_near_by_its_point() -> None:
    scores = score(GOLD, [record(("Geneva", "CH", 46.21, 6.15), ("Paris", "FR", 48.85, 2.35))])
    assert scores["found"] == pytest.approx(2 / 3)  # Moscou has no place record
    assert scores["country_accuracy"] == pytest.approx(1 / 3)
    assert scores["within_25km"] == pytest.approx(1 / 3)
    # Geneva and Paris have homonyms in other countries: one of the two is right.
    assert scores["homonym_accuracy"] == pytest.approx(1 / 2)
