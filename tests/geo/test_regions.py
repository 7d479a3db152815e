"""Regions written next to a place name: "Paris, Texas", "Moscow (Idaho)", "Florence, Alabama"."""
from __future__ import annotations

import pytest

from dateline.geo import regions
from dateline.stages import places


@pytest.mark.parametrize(("text", "end", "region"), [
    ("a fire in Paris, Texas, on Sunday", 15, ("US", "TX")),
    ("police in Moscow (Idaho) said", 16, ("US", "ID")),
    ("talks in Tbilisi, Georgia", 16, ("US", "GA")),
    ("shelling near Kharkiv, Ukraine", 21, ("UA", "")),
    ("a storm hit Halifax, Nova Scotia, on Monday", 19, ("CA", "07")),
    ("floods in Melbourne (Victoria)", 19, ("AU", "07")),
    ("police in Perth, Scotland", 15, ("GB", "SCT")),
    ("Paris, London and Berlin", 5, None),
    ("Paris, where the talks", 5, None),
])
def test_the_region_right_after_a_name_is_read(text: str, end: int, region: tuple[str, str] | None) -> None:
    assert regions.region_after(text, end) == region


def test_an_entity_name_that_carries_its_region_is_split() -> None:
    assert regions.split_region("Florence, Alabama") == ("Florence", ("US", "AL"))
    assert regions.split_region("Saint-Denis") == ("Saint-Denis", None)


def place_entity(text: str, name: str) -> dict[str, object]:
    start = text.index(name)
    return {"id": "e1", "name": name, "type": "GPE", "country": None, "aliases": [],
            "mentions": [{"start": start, "end": start + len(name), "text": name}]}


@pytest.mark.parametrize(("text", "name", "country"), [
    ("A fire in Paris, Texas destroyed two homes.", "Paris", "US"),
    ("The Texas governor flew to Paris for talks.", "Paris", "FR"),
    ("Police in Moscow, Idaho, arrested a suspect.", "Moscow", "US"),
])
def test_the_region_after_a_city_picks_its_homonym(text: str, name: str, country: str) -> None:
    assert places.geocode_entities([place_entity(text, name)], "en", text)[0]["country"] == country


def test_a_region_that_names_no_homonym_is_ignored() -> None:
    text = "Talks in Paris, Georgia and Armenia agreed."
    assert places.geocode_entities([place_entity(text, "Paris")], "en", text)[0]["country"] == "FR"


def test_a_division_written_as_a_region_is_no_place_of_its_own() -> None:
    text = "Flooding in Melbourne, Victoria, closed roads."
    melbourne, victoria = place_entity(text, "Melbourne"), place_entity(text, "Victoria")
    victoria["id"] = "e2"
    assert [p["entity"] for p in places.geocode_entities([melbourne, victoria], "en", text)] == ["e1"]
