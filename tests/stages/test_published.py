"""Published stage: the caller's hint, the HTML metadata, a date line or a dateline; else null."""
from __future__ import annotations

import pytest
from conftest import fixture_path, make_doc

from dateline.errors import Code, DatelineError
from dateline.pipeline import run_stages
from dateline.settings import Settings
from dateline.stages import published

BODY = ("Le port de plaisance a rouvert ses pontons aux visiteurs après deux mois de travaux sur la digue nord.\n"
        "Les plaisanciers devront réserver leur place en ligne au moins une semaine avant leur arrivée au port.\n")


def published_of(raw: bytes | str, **hints: object) -> str | None:
    return run_stages(make_doc(raw, **hints), Settings()).published


def test_the_credit_year_is_never_the_publication_date():
    assert published_of(fixture_path("fr_page.txt").read_bytes()) is None


def test_a_full_date_in_a_photo_credit_is_the_photos_not_the_articles():
    page = fixture_path("fr_page.txt").read_text("utf-8").replace("© Reuters 2021 JANE DOE",
                                                                   "© Reuters 14 mars 2019 JANE DOE")
    assert "14 mars 2019" in page
    assert published_of(page) is None


def test_a_bare_year_in_the_body_is_not_a_date():
    page = "Le festival fête ses vingt ans\nEn 2019 déjà, le festival avait attiré plus de dix mille visiteurs.\n"
    assert published_of(page + BODY, hint_input="page") is None


def test_a_french_date_line_gives_the_date():
    assert published_of(fixture_path("fr_page_dated.txt").read_bytes()) == "2021-03-12"


def test_an_english_date_line_gives_the_date():
    assert published_of(fixture_path("en_page.txt").read_bytes()) == "2021-03-12"


def test_a_russian_date_line_gives_the_date():
    assert published_of(fixture_path("ru_page.txt").read_bytes()) == "2021-03-12"


def test_the_html_published_time_meta_tag_gives_the_date():
    assert published_of(fixture_path("en_article.html").read_bytes()) == "2021-03-04"


def test_a_wire_dateline_at_the_head_of_the_article_gives_the_date():
    text = ("BREST, 28 septembre 2016 (AFP) - Le port de commerce a accueilli mardi le plus grand porte-conteneurs "
            "de son histoire, sous les yeux de centaines de curieux massés sur les quais.\n")
    assert published_of(text + BODY, hint_input="text") == "2016-09-28"


def test_the_callers_published_hint_wins_over_the_date_line():
    raw = fixture_path("fr_page_dated.txt").read_bytes()
    assert published_of(raw, hint_published="2016-09-28") == "2016-09-28"


def test_the_callers_published_hint_wins_over_the_html_metadata():
    raw = fixture_path("en_article.html").read_bytes()
    assert published_of(raw, hint_published="2016-09-28") == "2016-09-28"


def test_a_hint_with_a_time_keeps_the_time():
    assert published.normalise_hint("2016-09-28T14:30") == "2016-09-28T14:30:00"


@pytest.mark.parametrize("value", ["28/09/2016", "2016-13-01", "yesterday", "2016-09-28 at noon"])
def test_a_bad_published_hint_is_a_bad_argument(value):
    with pytest.raises(DatelineError) as exc:
        published.normalise_hint(value)
    assert exc.value.code is Code.BAD_ARGUMENT
    assert repr(value) in exc.value.message


def test_parse_date_reads_a_french_date_with_a_time():
    assert published.parse_date("Publié le 12 mars 2021 à 10h15", "fr") == "2021-03-12"


def test_parse_date_needs_day_month_and_year():
    assert published.parse_date("mars 2021", "fr") is None


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Publié le 08/03/2026 à 13h05", "fr", "2026-03-08"),
    ("Опубликовано 08.03.2026", "ru", "2026-03-08"),
    ("Published: 03/08/2026", "en", "2026-03-08"),
])
def test_an_all_digit_date_follows_the_languages_order(text: str, language: str, expected: str) -> None:
    assert published.parse_date(text, language) == expected
