"""Quotation marks: the spans between them, paragraph by paragraph (no model)."""
from __future__ import annotations

from dateline.stages.quotes.marks import find_segments


def segments_of(text: str) -> list[list[str]]:
    spans, start = [], 0
    for paragraph in text.split("\n\n"):
        spans.append((start, start + len(paragraph)))
        start += len(paragraph) + 2
    return [[text[a:b] for a, b in s.parts] for s in find_segments(text, spans)]


def test_each_mark_style_closes_with_its_own_mark():
    text = "A « un » b “deux” c „drei“ d ‹ quatre › e \"five\" f"
    assert segments_of(text) == [["un"], ["deux"], ["drei"], ["quatre"], ["five"]]


def test_a_quote_inside_a_quote_stays_inside_the_outer_one():
    assert segments_of("Il a dit « le mot “fin” est tombé » hier.") == [["le mot “fin” est tombé"]]
    assert segments_of("She said “the word “end” was used” today.") == [["the word “end” was used"]]


def test_a_quote_carried_over_paragraphs_is_one_segment():
    text = "« Première partie.\n\n« Seconde partie. » Fin."
    assert segments_of(text) == [["Première partie.", "Seconde partie."]]


def test_an_unclosed_quote_ends_with_its_paragraph():
    assert segments_of("« Jamais fermé\n\nSuite sans guillemet.") == [["Jamais fermé"]]


def test_a_paragraph_opened_by_a_dash_is_a_line_of_dialogue():
    assert segments_of("— Nous restons, a dit la maire.\n\nLe conseil - réuni hier - a voté.") == \
        [["Nous restons, a dit la maire."]]


def test_a_straight_apostrophe_or_inch_mark_inside_a_word_opens_nothing():
    assert segments_of('Un écran de 27" et un câble.') == []
