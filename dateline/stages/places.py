"""Places: geocode the document's place entities (GPE, LOC) with the offline gazetteer.

Homonyms are settled by the document itself: the countries its place entities name (and
the countries the entities stage already gave them) are the context of every other place, so
"Moscow" next to "Russia" is never Moscow, Idaho. See ``dateline.geo.resolve_place``.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from dateline import geo
from dateline.geo import regions
from dateline.record import Document
from dateline.settings import Settings

# Entity types that name a place: geopolitical entities (countries, cities) and other
# locations (regions, rivers); names the gazetteer does not know are skipped.
PLACE_TYPES = ("GPE", "LOC")


def _names(entity: Mapping[str, Any]) -> list[str]:
    """The entity's name, then its aliases and mention texts, each once."""
    texts = [entity.get("name"), *entity.get("aliases", []),
             *(m.get("text") for m in entity.get("mentions", []))]
    return list(dict.fromkeys(t for t in texts if isinstance(t, str) and t.strip()))


def context_countries(entities: Iterable[Mapping[str, Any]]) -> set[str]:
    """ISO codes of the countries the document names or its entities are placed in."""
    found: set[str] = set()
    for entity in entities:
        if entity.get("country"):
            found.add(str(entity["country"]).upper())
        if entity.get("type") == "GPE":
            country = next((c for n in _names(entity) if (c := geo.country_by_name(n))), None)
            if country is not None:
                found.add(country.iso2)
    return found


def _resolve(entity: Mapping[str, Any], context: set[str], language: str | None, text: str = "",
             near: list[geo.Point] | None = None) -> geo.Place | None:
    ends = [int(m["end"]) for m in entity.get("mentions", [])]
    _, region = regions.entity_region(text, str(entity.get("name") or ""), ends)
    hint, admin1 = region or (entity.get("country"), "")
    for name in _names(entity):
        name, _ = regions.split_region(name)
        place = geo.resolve_place(name, context, language, hint, admin1, near or [])
        if place is not None:
            return place
    return None


def place_record(entity_id: str, place: geo.Place) -> dict[str, Any]:
    """The contract's place record for one geocoded entity."""
    return {"entity": entity_id, "name": geo.canonical_place_name(place), "lat": place.lat,
            "lon": place.lon, "country": place.country, "geonames_id": place.geonames_id}


def only_regions(entity: Mapping[str, Any], divisions: set[tuple[int, int]]) -> bool:
    """Every mention of the entity is the region written after another place."""
    mentions = entity.get("mentions", [])
    return bool(mentions) and all((int(m["start"]), int(m["end"])) in divisions for m in mentions)


def geocode_entities(entities: list[dict[str, Any]], language: str | None, text: str = "") -> list[dict[str, Any]]:
    """One place record per place entity the gazetteer knows, in the entities' order; ``text``
    is the document's, where a region may follow a name ("Paris, Texas")."""
    context = context_countries(entities)
    near = regions.near_points(str(e.get("name") or "") for e in entities if e.get("type") in PLACE_TYPES)
    divisions = regions.division_spans(text, (int(m["end"]) for e in entities if e.get("type") in PLACE_TYPES
                                              for m in e.get("mentions", [])))
    places: list[dict[str, Any]] = []
    for entity in entities:
        if entity.get("type") not in PLACE_TYPES or only_regions(entity, divisions):
            continue
        place = _resolve(entity, context, language, text, near)
        if place is not None:
            places.append(place_record(str(entity.get("id", "")), place))
    return places


def run(doc: Document, settings: Settings) -> Document:
    """Set ``doc.places`` from ``doc.entities``."""
    doc.places = geocode_entities(doc.entities, doc.language, doc.text)
    return doc
