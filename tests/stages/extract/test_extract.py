"""Extract stage: trafilatura's body and metadata for HTML, numbered lines for page and text."""
from __future__ import annotations

import pytest
from conftest import fixture_path, make_doc

from dateline.errors import Code, DatelineError
from dateline.settings import Settings
from dateline.stages import read
from dateline.stages.extract import stage as extract


def extracted(name: str, **hints: object):
    settings = Settings()
    return extract.run(read.run(make_doc(fixture_path(name).read_bytes(), **hints), settings), settings)


def test_html_title_comes_from_the_page_metadata():
    assert extracted("en_article.html").title == "Harbour ferry returns after winter repairs"


def test_html_author_comes_from_the_author_meta_tag():
    assert extracted("en_article.html").author == "Priya Natarajan"


def test_html_published_time_meta_tag_is_kept_for_the_date_stage():
    assert extracted("en_article.html")._meta["date"] == "2021-03-04"


def test_html_site_name_and_domain_come_from_the_meta_tags():
    doc = extracted("en_article.html")
    assert doc.source == {"name": "The Bay Courier", "domain": "baycourier.example"}
    assert doc.url == "https://baycourier.example/news/harbour-ferry-returns"


def test_the_callers_url_wins_over_the_canonical_link():
    doc = extracted("en_article.html", hint_url="https://mirror.example/ferry")
    assert doc.url == "https://mirror.example/ferry"


def test_html_body_keeps_the_article_paragraphs_in_order():
    texts = [line.text for line in extracted("en_article.html")._lines]
    assert texts[1].startswith("The little ferry that links the old town")
    assert texts[-1].endswith("when visitor numbers usually begin to climb.")


def test_html_body_leaves_out_navigation_and_footer():
    body = " ".join(line.text for line in extracted("en_article.html")._lines)
    assert "Privacy policy" not in body
    assert "Sport" not in body


def test_figcaption_goes_to_images_not_to_the_body():
    doc = extracted("en_article.html")
    assert doc.images[0]["caption"].startswith("The refitted ferry waits at the north pier")
    assert doc.images[0]["src"] == "/img/ferry.jpg"
    assert not any("refitted ferry" in line.text for line in doc._lines)


def test_a_credit_inside_a_figure_is_kept_as_the_image_credit():
    assert extracted("en_article.html").images[0]["credit"] == "Photo: AP / Tom Reilly"


def test_the_html_lang_attribute_is_kept_as_a_hint():
    assert extracted("ru_cp1251.html")._meta["language_hint"] == "ru"


def test_html_with_only_menus_has_no_article_text():
    with pytest.raises(DatelineError) as exc:
        extracted("menus_only.html")
    assert exc.value.code is Code.NO_TEXT


def test_page_text_lines_are_numbered_as_in_the_input():
    lines = extract.split_lines("Titre\n\n  Premier paragraphe.  \n\nSecond paragraphe.\n")
    assert [(line.number, line.text) for line in lines] == [(1, "Titre"), (3, "Premier paragraphe."),
                                                             (5, "Second paragraphe.")]


def test_page_text_is_not_sent_to_the_html_extractor():
    doc = extracted("fr_page.txt")
    assert len(doc._lines) == len([line for line in fixture_path("fr_page.txt").read_text("utf-8").splitlines()
                                   if line.strip()])
    assert doc._meta == {}


def test_an_article_the_precise_pass_misses_is_kept_from_the_recall_pass_with_a_warning():
    # A post trafilatura's precise pass drops (it sits in an <aside>) but bare trafilatura keeps.
    html = ("<html><body><aside><p>The council voted on Tuesday to close the old library on Mill Street "
            "and move its books to the school.</p><p>The mayor said the building would be sold to pay "
            "for the repairs at the pool.</p></aside></body></html>")
    doc = extract.run(read.run(make_doc(html.encode()), Settings()), Settings())
    assert "old library on Mill Street" in " ".join(line.text for line in doc._lines)
    assert any("recall pass" in w for w in doc.warnings)


def test_a_truncated_page_with_no_text_before_the_cut_is_refused_as_truncated():
    raw = fixture_path("en_article.html").read_bytes().split(b"<article")[0]
    with pytest.raises(DatelineError) as exc:
        extract.run(read.run(make_doc(raw), Settings()), Settings())
    assert exc.value.code is Code.TRUNCATED_HTML
