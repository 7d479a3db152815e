"""``dateline.analyze``: one page (path, bytes or URL) to one record, or a coded error."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import fixture_path, paragraph_texts, removed_kinds

import dateline
from dateline.errors import Code, DatelineError
from dateline.settings import ReadSettings, Settings

CONTRACT_FIELDS = ["id", "url", "source", "title", "author", "language", "published", "input", "encoding",
                   "text", "paragraphs", "removed", "images", "related", "entities", "places", "dates", "quotes",
                   "events", "warnings"]


@pytest.fixture(scope="module")
def fr_record() -> dict:
    return dateline.analyze(str(fixture_path("fr_page.txt")))


def test_a_record_has_the_contract_fields_in_order_and_no_working_state(fr_record):
    assert list(fr_record) == CONTRACT_FIELDS


def test_the_french_page_gives_its_exact_title(fr_record):
    assert fr_record["title"] == "Annecy vote un plan de dix ans pour protéger les berges du lac"


def test_the_french_page_keeps_its_body_paragraphs_complete(fr_record):
    paragraphs = paragraph_texts(fr_record)
    assert len(paragraphs) == 6
    assert paragraphs[0] == ("Le conseil municipal d'Annecy a adopté jeudi soir, après trois heures de débat, "
                             "un plan de dix ans destiné à protéger les berges du lac contre l'érosion et la "
                             "foule estivale.")
    assert paragraphs[4].endswith("sur les effets du chantier pour les oiseaux nicheurs.")


def test_the_french_page_flags_its_repeated_lead(fr_record):
    assert [p["duplicate_of"] for p in fr_record["paragraphs"]] == [None, None, None, None, None, 0]


def test_the_french_page_lists_every_kind_of_chrome_it_holds(fr_record):
    kinds = set(removed_kinds(fr_record).values())
    assert {"credit", "cta", "related", "comments", "template", "widget", "caption", "navigation"} <= kinds


def test_the_french_page_takes_its_source_from_the_outlet_suffix(fr_record):
    assert fr_record["source"] == {"name": "Le Courrier du Lac", "domain": None}


def test_the_french_page_has_no_publication_date_despite_its_credit_year(fr_record):
    assert fr_record["published"] is None


def test_the_french_page_is_french(fr_record):
    assert fr_record["language"] == "fr"


def test_the_french_page_says_how_it_was_read(fr_record):
    assert (fr_record["input"], fr_record["encoding"]) == ("page", "utf-8")


def test_html_gives_title_author_date_and_images():
    record = dateline.analyze(fixture_path("en_article.html"))
    assert record["title"] == "Harbour ferry returns after winter repairs"
    assert record["author"] == "Priya Natarajan"
    assert record["published"] == "2021-03-04"
    assert record["images"][0]["src"] == "/img/ferry.jpg"
    assert "refitted ferry" not in record["text"]


def test_an_undeclared_latin1_french_file_keeps_its_accents():
    record = dateline.analyze(fixture_path("fr_latin1.txt"))
    assert record["encoding"] == "cp1252"
    assert "La télécabine qui relie l'aiguille du Midi à la pointe Helbronner" in record["text"]


def test_bytes_give_the_same_record_as_the_file():
    path = fixture_path("en_page.txt")
    assert dateline.analyze(path.read_bytes()) == dateline.analyze(path)


def test_the_same_article_gets_the_same_id_from_html_and_from_text():
    html = dateline.analyze(fixture_path("en_article.html"))
    text = dateline.analyze(html["text"].encode("utf-8"), input="text")
    assert text["id"] == html["id"]


def test_hints_are_passed_through():
    record = dateline.analyze(fixture_path("en_page.txt"), published="2020-01-02",
                              source_name="The Valley Ledger", lang="EN")
    assert record["published"] == "2020-01-02"
    assert record["source"]["name"] == "The Valley Ledger"
    assert record["language"] == "en"


def test_the_callers_url_is_kept_for_html():
    record = dateline.analyze(fixture_path("en_article.html"), url="https://mirror.example/ferry")
    assert record["url"] == "https://mirror.example/ferry"


def test_the_callers_url_is_kept_for_page_text():
    record = dateline.analyze(fixture_path("en_page.txt"), url="https://ledger.example/library-sundays")
    assert record["url"] == "https://ledger.example/library-sundays"
    assert record["source"]["domain"] == "ledger.example"


def test_settings_are_used():
    with pytest.raises(DatelineError) as exc:
        dateline.analyze(fixture_path("fr_page.txt"), settings=Settings(read=ReadSettings(max_bytes=100)))
    assert exc.value.code is Code.TOO_LARGE


def test_a_missing_path_is_a_coded_error(tmp_path: Path):
    with pytest.raises(DatelineError) as exc:
        dateline.analyze(tmp_path / "absent.html")
    assert exc.value.code is Code.MISSING_PATH


def test_a_directory_is_not_a_page(tmp_path: Path):
    with pytest.raises(DatelineError) as exc:
        dateline.analyze(tmp_path)
    assert exc.value.code is Code.MISSING_PATH
    assert "is a directory" in exc.value.message


def test_an_unknown_input_kind_is_a_bad_argument():
    with pytest.raises(DatelineError) as exc:
        dateline.analyze(fixture_path("en_page.txt"), input="pdf")
    assert exc.value.code is Code.BAD_ARGUMENT


def test_errors_print_as_one_line_with_code_and_name():
    error = DatelineError(Code.EMPTY_INPUT, "the input is empty")
    assert str(error) == "E002 empty_input: the input is empty"
    assert "\n" not in str(error)


def test_errors_have_one_json_shape_naming_the_document():
    error = DatelineError(Code.NO_TEXT, "no article text")
    assert error.to_json("a.html") == {"error": {"code": "E007", "name": "no_text", "message": "no article text",
                                                 "document": "a.html"}}
