"""Places: the gazetteer, homonymous cities and regions."""
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
