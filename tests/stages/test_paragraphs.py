"""Paragraphs stage: body lines joined into text, with near-duplicate paragraphs flagged."""
from __future__ import annotations

import pytest
from conftest import fixture_path, make_doc, paragraph_texts

from dateline.errors import Code, DatelineError
from dateline.pipeline import run_stages
from dateline.record import Document, Line
from dateline.settings import CleanSettings, Settings
from dateline.stages import paragraphs

LEAD = ("Le conseil municipal d'Annecy a adopté jeudi soir, après trois heures de débat, un plan de dix ans "
        "destiné à protéger les berges du lac.")
CURLY_LEAD = LEAD.replace("'", "’")
OTHER = ("Les premiers travaux doivent commencer au printemps prochain, une fois rendu l'avis des services "
         "de l'État.")


def duplicates(texts: list[str], settings: Settings | None = None) -> list[int | None]:
    return paragraphs.find_duplicates(texts, settings or Settings())


def test_a_repeated_lead_with_other_apostrophes_is_a_near_duplicate_of_the_first():
    assert duplicates([LEAD, OTHER, CURLY_LEAD]) == [None, None, 0]


def test_a_lead_repeated_in_other_case_and_spacing_is_a_near_duplicate():
    assert duplicates([LEAD, "  ".join(LEAD.upper().split())]) == [None, 0]


def test_distinct_paragraphs_are_not_duplicates():
    assert duplicates([LEAD, OTHER]) == [None, None]


def test_paragraphs_sharing_words_in_another_order_are_not_duplicates():
    shuffled = " ".join(reversed(LEAD.split()))
    assert duplicates([LEAD, shuffled]) == [None, None]


def test_short_paragraphs_are_never_duplicates():
    assert duplicates(["Il pleut.", "Il pleut."]) == [None, None]


def test_a_third_copy_points_to_the_first_not_the_second():
    assert duplicates([LEAD, CURLY_LEAD, LEAD]) == [None, 0, 0]


def test_the_containment_threshold_comes_from_settings():
    extended = LEAD + " Les plages du nord resteront ouvertes."
    strict = Settings(clean=CleanSettings(duplicate_containment=1.0))
    assert duplicates([extended, CURLY_LEAD.replace("dix ans", "douze ans")]) == [None, 0]
    assert duplicates([extended, CURLY_LEAD.replace("dix ans", "douze ans")], strict) == [None, None]


def test_normalise_makes_typography_and_case_neutral():
    assert paragraphs.normalise("L’État « décide » – déjà\u00a0fini") == paragraphs.normalise(
        "l'état \" décide \" - DÉJÀ fini")


def test_text_joins_paragraphs_with_blank_lines_and_offsets_point_into_it():
    text, spans = paragraphs.layout(["Un.", "Deux trois."], [None, None])
    assert text == "Un.\n\nDeux trois."
    assert [text[s["start"]:s["end"]] for s in spans] == ["Un.", "Deux trois."]


def test_each_paragraph_records_its_input_line():
    doc = run_stages(make_doc(fixture_path("fr_page.txt").read_bytes()), Settings(), until="paragraphs")
    assert [p["line"] for p in doc.paragraphs] == [11, 12, 13, 15, 16, 17]


def test_the_repeated_lead_of_the_french_page_is_flagged_and_kept():
    doc = run_stages(make_doc(fixture_path("fr_page.txt").read_bytes()), Settings(), until="paragraphs")
    texts = paragraph_texts(doc.to_json())
    assert [p["duplicate_of"] for p in doc.paragraphs] == [None, None, None, None, None, 0]
    assert "d’Annecy" in texts[5] and "d'Annecy" in texts[0]


def test_the_id_depends_only_on_the_clean_text():
    first = run_stages(make_doc(fixture_path("fr_page.txt").read_bytes()), Settings(), until="paragraphs")
    reflowed = first.text.replace("\n\n", "\n\n\n").encode("utf-8")
    second = run_stages(make_doc(reflowed, hint_input="text"), Settings(), until="paragraphs")
    assert first.id == second.id
    assert len(first.id) == 16


def test_a_page_where_every_line_is_chrome_has_no_text():
    doc = Document(_lines=[Line("Accueil", 1, kind="navigation"), Line("S'abonner", 2, kind="cta")])
    with pytest.raises(DatelineError) as exc:
        paragraphs.run(doc, Settings())
    assert exc.value.code is Code.NO_TEXT
