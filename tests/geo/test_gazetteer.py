"""The offline gazetteer: names in many languages and scripts to countries, cities and coordinates."""
from __future__ import annotations

import math

import pytest

from dateline import geo

ALEPPO = (36.20, 37.13)  # the city centre of the brief; geonames puts Aleppo 3 km east of it
EARTH_RADIUS_KM = 6371.0


def km_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


@pytest.mark.parametrize("name", ["Alep", "Aleppo", "Halab", "Алеппо", "ALEP"])
def test_aleppo_in_any_language_is_geocoded_within_25_km(name):
    place = geo.resolve_place(name, set(), None)
    assert isinstance(place, geo.City)
    assert (place.country, place.geonames_id) == ("SY", 170063)
    assert km_between((place.lat, place.lon), ALEPPO) < 25


@pytest.mark.parametrize("name", ["Москва", "Москве", "Москвы", "Москвой"])
def test_moscow_in_a_russian_article_is_the_russian_capital(name):
    place = geo.resolve_place(name, set(), "ru")
    assert place is not None and place.country == "RU"


def test_moscow_idaho_is_a_candidate_for_moscow():
    assert {c.country for c in geo.city_candidates("Moscow")} >= {"RU", "US"}


def test_moscow_in_an_english_article_mentioning_russia_is_in_russia():
    place = geo.resolve_place("Moscow", {"US", "RU"}, "en")
    assert place is not None and place.country == "RU"


@pytest.mark.parametrize(("name", "country"), [("Moscow", "RU"), ("Paris", "FR")])
def test_a_capital_outweighs_a_small_homonym_in_a_mentioned_country(name, country):
    # An English article that mentions only the United States still means Moscow, Russia and
    # Paris, France, not the towns of 25,000 in Idaho and Texas.
    place = geo.resolve_place(name, {"US"}, "en")
    assert place is not None and place.country == country


def test_an_entity_placed_in_the_united_states_gets_moscow_idaho():
    place = geo.resolve_place("Moscow", {"US"}, "en", country_hint="US")
    assert place is not None and (place.country, place.name) == ("US", "Moscow")
    assert place.lon < -100


@pytest.mark.parametrize(("context", "country"), [(set(), "LY"), ({"LB"}, "LB"), ({"LY"}, "LY")])
def test_a_country_the_document_mentions_settles_homonyms(context, country):
    place = geo.resolve_place("Tripoli", context, "en")
    assert place is not None and place.country == country


@pytest.mark.parametrize(("language", "country"), [("fr", "FR"), ("en", "US"), (None, "US")])
def test_the_articles_language_breaks_a_near_tie_between_homonyms(language, country):
    # Orange, California is four times the size of Orange, Vaucluse: a French article means the latter.
    place = geo.resolve_place("Orange", set(), language)
    assert place is not None and place.country == country


def test_the_language_prior_is_weaker_than_a_tenfold_population():
    # London, Ontario is in a French-speaking country, but London, England is twenty times its size.
    place = geo.resolve_place("Londres", set(), "fr")
    assert place is not None and place.country == "GB"


@pytest.mark.parametrize(("name", "iso2"), [
    ("Washington", "US"), ("Moscou", "RU"), ("Moscow", "RU"), ("Москва", "RU"), ("Damas", "SY"),
    ("Paris", "FR"), ("Pékin", "CN"), ("Beijing", "CN"), ("Kyiv", "UA"), ("Kiev", "UA"), ("Киев", "UA"),
    ("Londres", "GB"), ("Berlin", "DE"),
])
def test_a_capitals_name_gives_its_country(name, iso2):
    assert geo.capital_country(name) == iso2


@pytest.mark.parametrize("name", ["Lyon", "Aleppo", "Saint Petersburg"])
def test_a_city_that_is_no_capital_gives_no_country_as_capital(name):
    assert geo.city_candidates(name)
    assert geo.capital_country(name) is None


@pytest.mark.parametrize(("name", "iso2"), [
    ("Russie", "RU"), ("Russia", "RU"), ("Россия", "RU"), ("России", "RU"), ("Russland", "RU"),
    ("États-Unis", "US"), ("Etats-Unis", "US"), ("etats unis", "US"), ("USA", "US"), ("U.S.", "US"),
    ("United States", "US"), ("les États-Unis", "US"), ("the United States", "US"), ("США", "US"),
    ("Syrie", "SY"), ("Сирия", "SY"), ("Сирии", "SY"), ("Siria", "SY"), ("Syrien", "SY"),
    ("UK", "GB"), ("Royaume-Uni", "GB"), ("l'Iran", "IR"), ("Corée du Nord", "KP"),
])
def test_country_names_in_any_language_and_short_form_give_the_country(name, iso2):
    country = geo.country_by_name(name)
    assert country is not None and country.iso2 == iso2


def test_a_name_shared_by_two_countries_names_neither():
    # "Corée" heads pycountry's French names of both Koreas.
    assert geo.country_by_name("Corée") is None


def test_a_country_resolves_to_its_entry_with_a_population_centre_inside_it():
    russia = geo.resolve_place("Russie", set(), "fr")
    assert isinstance(russia, geo.Country)
    assert (russia.iso2, russia.name, russia.geonames_id) == ("RU", "Russia", 2017370)
    assert russia.lat is not None and russia.lon is not None
    assert 50 < russia.lat < 60 and 30 < russia.lon < 90
    syria = geo.country_by_name("Syrie")
    assert syria is not None and syria.lat is not None and syria.lon is not None
    assert km_between((syria.lat, syria.lon), ALEPPO) < 400


@pytest.mark.parametrize("name", ["Zorblax", "Qwertyvillebourg", "", "   "])
def test_unknown_names_give_nothing(name):
    assert geo.country_by_name(name) is None
    assert geo.city_candidates(name) == []
    assert geo.resolve_place(name, {"RU"}, "fr") is None
    assert geo.capital_country(name) is None


def test_airport_codes_are_not_names():
    assert all(c.name != "Moscow" for c in geo.city_candidates("MOW"))


@pytest.mark.parametrize(("name", "english"), [("Alep", "Aleppo"), ("Damas", "Damascus"),
                                               ("Россия", "Russia"), ("Etats-Unis", "United States")])
def test_the_canonical_name_is_english(name, english):
    place = geo.resolve_place(name, set(), None)
    assert place is not None and geo.canonical_place_name(place) == english


def test_city_aliases_span_languages_and_scripts():
    aleppo = geo.resolve_place("Aleppo", set(), None)
    assert aleppo is not None
    assert {"Alep", "Halab", "Алеппо"} <= set(geo.place_aliases(aleppo))
    assert "Aleppo" not in geo.place_aliases(aleppo)


def test_country_aliases_span_languages_and_scripts():
    russia = geo.country_by_name("Russia")
    assert russia is not None
    assert {"Russie", "Россия", "Rusia", "Russland"} <= set(geo.place_aliases(russia))
    assert (russia.names["fr"], russia.names["ru"], russia.names["en"]) == ("Russie", "Россия", "Russia")


@pytest.mark.parametrize(("word", "language", "iso2"), [
    ("américain", "fr", "US"), ("américaines", "fr", "US"), ("russe", "fr", "RU"), ("syrienne", "fr", "SY"),
    ("Français", "fr", "FR"), ("nord-coréens", "fr", "KP"),
    ("American", "en", "US"), ("Russians", "en", "RU"), ("Syrian", "en", "SY"),
    ("американский", "ru", "US"), ("американского", "ru", "US"), ("американская", "ru", "US"),
    ("российских", "ru", "RU"), ("русский", "ru", "RU"), ("сирийской", "ru", "SY"),
    ("estadounidenses", "es", "US"), ("rusa", "es", "RU"), ("russischen", "de", "RU"), ("Amerikaner", "de", "US"),
])
def test_nationality_words_give_their_country(word, language, iso2):
    assert geo.demonym_country(word, language) == iso2


@pytest.mark.parametrize(("word", "language"), [("maison", "fr"), ("house", "en"), ("дом", "ru"),
                                                ("russe", "xx"), ("", "fr")])
def test_other_words_and_unknown_languages_give_no_country(word, language):
    assert geo.demonym_country(word, language) is None


@pytest.mark.parametrize(("language", "least"), [("fr", 60), ("en", 60), ("ru", 60), ("es", 30), ("de", 30)])
def test_demonym_tables_cover_the_newsworthy_countries(language, least):
    assert len(set(geo.demonym_forms(language).values())) >= least


def test_weekdays_written_as_lists_of_spellings_are_date_words() -> None:
    from dateline.common.roles import date_words

    assert {"mercredi", "miércoles", "miercoles"} <= date_words("fr") | date_words("es")
