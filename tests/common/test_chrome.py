"""Line signals: what one line of page text looks like, on its own."""
from __future__ import annotations

import pytest

from dateline.common import chrome


def kind(text: str, site: str | None = None) -> str:
    return chrome.signals(text, site, 12).kind


# --- strong chrome signals ----------------------------------------------------------------

@pytest.mark.parametrize("text", ["© Reuters 2021 JANE DOE Un pêcheur relève ses filets à l'aube",
                                  "(c) AFP", "Copyright 2020 Gazette du Port"])
def test_copyright_lines_are_credits(text):
    assert kind(text) == "credit"


def test_a_bare_agency_name_is_a_credit():
    assert kind("Reuters") == "credit"


def test_a_photo_label_with_an_agency_is_a_credit():
    assert kind("Photo : AFP / Marie Curtet") == "credit"


@pytest.mark.parametrize("text", ["S'abonner", "Subscribe", "Подписаться", "Sign in",
                                  "Follow us on Telegram to get the news first"])
def test_subscribe_and_login_buttons_are_calls_to_action(text):
    assert kind(text) == "cta"


@pytest.mark.parametrize("text", [
    "Inscrivez-vous pour recevoir chaque matin notre lettre d'information : l'essentiel de l'actualité régionale.",
    "Подпишитесь на нашу рассылку, чтобы каждое утро получать главные новости региона и прогноз погоды.",
    "Suscríbete a nuestro boletín y recibe cada mañana las noticias más importantes de tu ciudad.",
])
def test_a_sentence_inviting_to_the_outlets_newsletter_is_a_call_to_action(text):
    assert kind(text) == "cta"


def test_a_long_sentence_that_mentions_sharing_is_not_a_call_to_action():
    text = ("Les habitants ont décidé de partager les frais de réparation du lavoir, a expliqué le maire "
            "lors de la réunion publique organisée mardi soir dans la salle des fêtes.")
    assert kind(text) == ""


@pytest.mark.parametrize("text", ["Comments", "Commentaires", "Комментарии", "Leave a comment"])
def test_comment_section_headings_are_comments(text):
    assert kind(text) == "comments"


@pytest.mark.parametrize("text", ["jdoe42 says:", "3 hours ago", "il y a 5 minutes"])
def test_comment_metadata_is_comments(text):
    assert kind(text) == "comments"


@pytest.mark.parametrize("text", ["{{ article.tags }}", "Hello ${user}", "[object Object]", "undefined"])
def test_template_leftovers_are_templates(text):
    assert kind(text) == "template"


@pytest.mark.parametrize("text", ["1 234", "12:45", "42%"])
def test_a_number_without_words_is_a_widget(text):
    assert kind(text) == "widget"


@pytest.mark.parametrize("text", ["Advertisement", "Publicité", "Loading…"])
def test_ad_and_loading_labels_are_widgets(text):
    assert kind(text) == "widget"


@pytest.mark.parametrize("text", ["Read more: Dockers vote to end the strike", "Lire aussi : La piscine rouvre",
                                  "Читайте также: В парке появится новая площадка"])
def test_related_article_prefixes_are_related(text):
    assert kind(text) == "related"


def test_a_caption_signed_with_the_outlet_is_a_caption():
    assert kind("Des barques au ponton - Gazette du Port", site="Gazette du Port") == "caption"


def test_a_line_signed_with_another_name_is_not_a_caption():
    assert kind("Des barques au ponton - Le Petit Journal", site="Gazette du Port") != "caption"


def test_an_article_sentence_has_no_chrome_signal():
    text = "Le conseil municipal a voté jeudi soir un budget en hausse pour l'entretien des écoles de la ville."
    assert kind(text) == ""


# --- shape signals ------------------------------------------------------------------------

def test_a_long_sentence_is_prose():
    sig = chrome.signals("The council voted on Thursday to keep the library open on Sundays for another year.",
                         None, 12)
    assert sig.prose and not sig.headline


def test_a_few_capitalised_words_without_a_full_stop_are_a_headline():
    sig = chrome.signals("Library opens on Sundays for the first time", None, 12)
    assert sig.headline and not sig.prose


def test_a_teaser_cut_off_with_an_ellipsis_is_not_prose():
    assert not chrome.signals("The council voted on Thursday to keep the library open on Sundays for...",
                              None, 12).prose


@pytest.mark.parametrize(("text", "script"), [("Le port de Brest", "LATIN"), ("Порт Бреста", "CYRILLIC"),
                                              ("東京の港", "CJK"), ("123 456", "")])
def test_script_of_a_line_is_its_dominant_writing_system(text, script):
    assert chrome.script_of(text) == script


def test_apostrophes_and_hyphens_stay_inside_words():
    assert chrome.count_words("l’aujourd’hui d'après-midi") == 2


def test_cjk_characters_count_as_half_words():
    assert chrome.count_words("東京の港湾") == 2


@pytest.mark.parametrize("text", ["* Accueil", "• Sport", "1. Culture", "o Politique"])
def test_list_bullets_are_stripped(text):
    assert chrome.strip_bullet(text) in {"Accueil", "Sport", "Culture", "Politique"}


def test_a_table_row_is_recognised():
    assert chrome.signals("Lyon    12    4    33", None, 12).table
