"""Clean stage: every line of a rendered page sorted into body or chrome, chrome kept with its kind."""
from __future__ import annotations

import pytest
from conftest import fixture_path, make_doc

from dateline.common import chrome
from dateline.pipeline import run_stages
from dateline.record import Document, Line
from dateline.settings import Settings
from dateline.stages.clean import stage as clean


def cleaned(name: str, **hints: object) -> Document:
    return run_stages(make_doc(fixture_path(name).read_bytes(), **hints), Settings(), until="clean")


@pytest.fixture(scope="module")
def fr_page() -> Document:
    return cleaned("fr_page.txt")


def kind_of(doc: Document, start: str) -> str:
    [line] = [line for line in doc._lines if line.text.startswith(start)]
    return line.kind


# --- the French page ----------------------------------------------------------------------

def test_the_headline_above_the_article_is_the_title(fr_page):
    assert fr_page.title == "Annecy vote un plan de dix ans pour protéger les berges du lac"


def test_the_outlet_is_inferred_from_captions_signed_with_its_name(fr_page):
    assert fr_page.source["name"] == "Le Courrier du Lac"


def test_every_article_paragraph_stays_in_the_body(fr_page):
    body = [line.text for line in fr_page._lines if line.kind == "body"]
    assert [text[:30] for text in body] == [
        "Le conseil municipal d'Annecy ", "Le projet prévoit de replanter",
        "« Nous voulons que nos enfants", "L'opposition a voté contre, es",
        "Les premiers travaux doivent c", "Le conseil municipal d’Annecy ",
    ]


def test_the_photo_credit_line_is_removed_as_credit(fr_page):
    assert kind_of(fr_page, "© Reuters 2021 JANE DOE") == "credit"


@pytest.mark.parametrize("start", ["S'abonner", "Se connecter", "Abonnez-vous à notre newsletter"])
def test_subscribe_and_login_prompts_are_removed_as_cta(fr_page, start):
    assert kind_of(fr_page, start) == "cta"


def test_a_related_article_teaser_is_removed_as_related(fr_page):
    assert kind_of(fr_page, "Lire aussi : la baignade interdite") == "related"


def test_captions_signed_with_the_outlet_are_removed_as_caption(fr_page):
    assert kind_of(fr_page, "Des cygnes sur le port gelé") == "caption"
    assert kind_of(fr_page, "Un marché de Noël installé") == "caption"


@pytest.mark.parametrize("start", ["Commentaires", "Connectez-vous pour réagir", "Marc74 il y a 2 heures",
                                   "Répondre", "Signaler un abus"])
def test_the_comment_section_is_removed_as_comments(fr_page, start):
    assert kind_of(fr_page, start) == "comments"


def test_a_template_placeholder_is_removed_as_template(fr_page):
    assert kind_of(fr_page, "{{ article.tags }}") == "template"


def test_a_stray_line_in_another_script_is_removed(fr_page):
    [line] = [line for line in fr_page._lines if line.text.startswith("Вы читаете")]
    assert line.kind == "template"
    assert line.reason == "cyrillic script in a latin page"


def test_an_advertising_label_is_removed_as_widget(fr_page):
    assert kind_of(fr_page, "Publicité") == "widget"


def test_menu_items_above_the_article_are_navigation(fr_page):
    assert {kind_of(fr_page, item) for item in ("Région", "Économie", "Culture", "Sport")} == {"navigation"}


def test_every_removed_line_is_listed_with_its_line_number(fr_page):
    lines = fixture_path("fr_page.txt").read_text("utf-8").splitlines()
    assert fr_page.removed
    for item in fr_page.removed:
        assert lines[item["line"] - 1] == item["text"]
        assert item["reason"]


def test_nothing_is_dropped_silently(fr_page):
    body_and_title = [line for line in fr_page._lines if line.kind in {"body", "title"}]
    assert len(body_and_title) + len(fr_page.removed) == len(fr_page._lines)


# --- images and teasers -------------------------------------------------------------------

def test_a_credit_line_becomes_an_image_with_agency_year_photographer_and_caption(fr_page):
    image = fr_page.images[0]
    assert image["line"] == 10
    assert (image["agency"].lower(), image["year"], image["photographer"]) == ("reuters", 2021, "Jane Doe")
    assert image["caption"] == "Des promeneurs longent la rive sud au coucher du soleil"


def test_a_credit_keeps_the_agency_name_as_written(fr_page):
    assert fr_page.images[0]["agency"] == "Reuters"


def test_signed_captions_become_images_without_the_outlet_suffix(fr_page):
    captions = [image["caption"] for image in fr_page.images[1:]]
    assert captions == ["Des cygnes sur le port gelé en plein mois de janvier",
                        "Un marché de Noël installé pour la première fois sur le Pâquier"]


def test_a_teaser_keeps_the_caption_of_the_image_above_it(fr_page):
    assert fr_page.related == [{"line": 22, "title": "la baignade interdite sur trois plages après un épisode "
                                "d'algues", "image_caption": "Des cygnes sur le port gelé en plein mois de janvier"}]


# --- other pages --------------------------------------------------------------------------

def test_a_date_line_under_the_title_is_removed_as_a_date_line():
    doc = cleaned("fr_page_dated.txt")
    [line] = [line for line in doc._lines if line.text.startswith("Publié le")]
    assert (line.kind, line.reason) == ("other", "date line")


def test_the_callers_source_name_marks_captions_signed_with_it():
    sentence = "Le port a fermé ses quais aux piétons samedi après une nuit de fortes chutes de neige sur la côte.\n"
    page = "Un quai désert sous la neige - Gazette du Port\n" + sentence * 2
    doc = run_stages(make_doc(page, hint_source="Gazette du Port", hint_input="page"), Settings(), until="clean")
    assert doc._lines[0].kind == "caption"


def test_text_mode_classifies_nothing_as_chrome():
    doc = cleaned("fr_page.txt", hint_input="text")
    assert {line.kind for line in doc._lines} == {"body"}
    assert doc.removed == []


def test_the_headline_repeated_at_the_top_of_html_body_is_the_title_not_a_paragraph():
    doc = cleaned("en_article.html")
    assert (doc._lines[0].text, doc._lines[0].kind) == ("Harbour ferry returns after winter repairs", "title")


def test_an_extracted_line_equal_to_an_image_caption_is_removed_as_caption():
    lines = [Line("Des barques amarrées au ponton du village.", 1),
             Line("Le village a inauguré son nouveau ponton en présence des pêcheurs et du maire de la commune.", 2)]
    found = [chrome.signals(line.text, None, 12) for line in lines]
    clean.classify_extracted(lines, found, "LATIN", {"des barques amarrées au ponton du village."})
    assert [line.kind for line in lines] == ["caption", "body"]


def test_a_single_signed_line_does_not_name_the_outlet():
    lines = [Line("Le marché rouvre demain - Le Petit Journal", 1), Line("Un texte sans signature.", 2)]
    assert clean.infer_site(lines) is None


BYLINE_PAGE = (
    "Council approves new harbour plan after months of debate\n"
    "Home\nNews\n"
    "By Jane Doe\n"
    "The city council approved on Tuesday a new plan for the harbour, after months of debate among "
    "residents and shipping firms.\n\n"
    "The plan includes new quays and a park along the water, the mayor said in a statement released "
    "after the vote.\n"
    "Share\n"
)


def test_a_byline_names_the_author_and_leaves_the_body():
    doc = run_stages(make_doc(BYLINE_PAGE.encode(), hint_input="page"), Settings(), until="clean")
    assert doc.author == "Jane Doe"
    assert kind_of(doc, "By Jane Doe") == "other"


def test_a_list_announced_by_a_colon_stays_in_the_article():
    items = "\n".join(f"* item number {n} of the list" for n in range(1, 6))
    page = ("Menu\nSearch\nHome\n"
            "The committee published the measures it will vote on next week, after a long consultation "
            "with residents, and listed them in its report:\n" + items + "\n"
            "Each measure will be debated separately, and the final vote is expected before the summer "
            "break, the chair of the committee said.\nShare\nComments\n")
    doc = run_stages(make_doc(page.encode(), hint_input="page"), Settings(), until="clean")
    assert all(kind_of(doc, f"* item number {n}") == "body" for n in range(1, 6))


def _html_doc(lines: list[tuple[str, str]]) -> Document:
    doc = Document(_input="html")
    doc._lines = [Line(text=text, number=i + 1, kind=kind) for i, (text, kind) in enumerate(lines)]
    return doc


def test_when_the_clean_up_would_keep_little_of_the_html_extract_the_extract_is_kept_flagged():
    prose = "A short post of the blog says what happened at the harbour on Sunday morning."
    doc = _html_doc([(prose, "navigation"), (prose.replace("Sunday", "Monday"), "related"), ("Home", "navigation")])
    clean.keep_extracted(doc)
    assert [line.kind for line in doc._lines] == ["body", "body", "body"]
    assert any("clean-up" in w for w in doc.warnings)


def test_an_html_extract_of_menus_only_stays_chrome():
    doc = _html_doc([("Home", "navigation"), ("News and sport", "navigation"), ("Contact us", "navigation")])
    clean.keep_extracted(doc)
    assert {line.kind for line in doc._lines} == {"navigation"} and not doc.warnings


def test_an_html_extract_the_clean_up_mostly_keeps_is_left_as_sorted():
    prose = "The ferry resumed service on Thursday after three months in dry dock at the yard."
    doc = _html_doc([(prose, "body"), (prose + " Again.", "body"), ("Subscribe now", "cta")])
    clean.keep_extracted(doc)
    assert [line.kind for line in doc._lines] == ["body", "body", "cta"] and not doc.warnings
