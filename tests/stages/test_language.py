"""Language stage: a length-weighted vote of the paragraphs, or the caller's --lang."""
from __future__ import annotations

import pytest
from conftest import fixture_path, make_doc

from dateline.errors import Code, DatelineError
from dateline.pipeline import run_stages
from dateline.settings import Settings
from dateline.stages import language

FRENCH = [
    "La médiathèque du quartier sera fermée tout le mois d'août pour remplacer les rayonnages et repeindre "
    "la salle de lecture des enfants.",
    "Les lecteurs pourront rendre leurs livres dans la boîte installée devant l'entrée, qui sera vidée "
    "chaque matin par les bibliothécaires.",
]
STRAY_RUSSIAN = "Вы читаете новости в бесплатном режиме"


def detected(name: str, **hints: object) -> str | None:
    return run_stages(make_doc(fixture_path(name).read_bytes(), **hints), Settings(), until="language").language


@pytest.mark.parametrize(("name", "code"), [("fr_page.txt", "fr"), ("en_page.txt", "en"), ("ru_page.txt", "ru"),
                                            ("en_article.html", "en"), ("ru_cp1251.html", "ru")])
def test_the_body_language_is_detected(name, code):
    assert detected(name) == code


def test_a_stray_cyrillic_line_does_not_swing_a_french_body():
    assert language.detect([FRENCH[0], STRAY_RUSSIAN, FRENCH[1]], Settings()) == "fr"


def test_a_french_page_kept_whole_in_text_mode_is_still_french():
    assert detected("fr_page.txt", hint_input="text") == "fr"


def test_the_callers_language_wins_over_detection():
    assert detected("fr_page.txt", hint_language="ru") == "ru"


def test_the_callers_language_is_lower_cased():
    assert detected("fr_page.txt", hint_language="FR") == "fr"


def test_too_little_text_has_no_language():
    with pytest.raises(DatelineError) as exc:
        language.detect(["Oui."], Settings())
    assert exc.value.code is Code.UNKNOWN_LANGUAGE
    assert "pass --lang" in exc.value.message


def test_a_body_of_random_consonant_strings_has_no_language():
    with pytest.raises(DatelineError) as exc:
        detected("gibberish.txt")
    assert exc.value.code is Code.UNKNOWN_LANGUAGE


def test_a_single_paragraph_of_random_consonant_strings_has_no_language():
    text = "jlnzvlp nfmkz gxwfnc dqggnf xqdxwkx lpm wfslfcm zbrt kvdrs pltkw mrnsk"
    with pytest.raises(DatelineError) as exc:
        run_stages(make_doc(text), Settings(), until="language")
    assert exc.value.code is Code.UNKNOWN_LANGUAGE


def test_a_body_of_consonant_strings_is_accepted_with_lang():
    assert detected("gibberish.txt", hint_language="pl") == "pl"


def test_the_language_the_html_declares_is_used_when_the_text_cannot_tell():
    html = ('<html lang="fr-FR"><head><title>Scores</title></head><body><article>'
            "<p>Rennes 2 1 Nantes</p><p>Lyon 0 0 Lille</p><p>Nice 3 2 Metz</p><p>Brest 1 1 Lens</p>"
            "</article></body></html>")
    doc = run_stages(make_doc(html.encode(), hint_input="html"), Settings(), until="paragraphs")
    doc._meta["language_hint"] = "fr-FR"
    doc.text, doc.paragraphs = "1 2", [{"start": 0, "end": 3, "duplicate_of": None}]
    assert language.run(doc, Settings()).language == "fr"
    assert any("declares fr" in w for w in doc.warnings)


def test_a_text_the_detector_is_unsure_of_is_kept_with_the_best_guess_and_a_warning():
    german = ("Der Stadtrat hat am Dienstag beschlossen, die alte Bibliothek in der Mühlenstraße zu "
              "schließen und die Bücher in die Schule zu bringen.")
    doc = make_doc(german.encode())
    unsure = DatelineError(Code.UNKNOWN_LANGUAGE, "the text mixes languages with no clear majority; pass --lang")
    assert language.uncertain_language(doc, [german], unsure, Settings()) == "de"
    assert any("language uncertain" in w and "best guess de" in w for w in doc.warnings)


def test_too_little_text_to_guess_from_is_still_refused():
    unsure = DatelineError(Code.UNKNOWN_LANGUAGE, "too little text")
    with pytest.raises(DatelineError):
        language.uncertain_language(make_doc(b"Oui."), ["Oui."], unsure, Settings())


def test_a_page_of_results_tables_with_few_function_words_is_kept_with_a_warning():
    rows = ["Rennes 2 Nantes 1 Lyon 0 Lille 0 Nice 3 Metz 2 Brest 1 Lens 1 Monaco 4 Reims 0"] * 6
    doc = run_stages(make_doc("\n\n".join(rows), hint_input="text"), Settings(), until="language")
    assert doc.language is not None
    assert doc.warnings
