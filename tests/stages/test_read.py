"""Read stage: refusing what is not a page, decoding bytes, telling html, page and text apart."""
from __future__ import annotations

import gzip

import pytest
from conftest import fixture_path, make_doc

from dateline.errors import Code, DatelineError
from dateline.settings import ReadSettings, Settings
from dateline.stages import read


def run_read(raw: bytes, settings: Settings | None = None, **hints: object):
    return read.run(make_doc(raw, **hints), settings or Settings())


def refusal(raw: bytes, settings: Settings | None = None) -> DatelineError:
    with pytest.raises(DatelineError) as exc:
        run_read(raw, settings)
    return exc.value


# --- refusals -----------------------------------------------------------------------------

def test_empty_input_is_refused():
    assert refusal(b"").code is Code.EMPTY_INPUT


def test_whitespace_only_input_is_refused_as_empty():
    assert refusal(b" \n\t\r\n  ").code is Code.EMPTY_INPUT


@pytest.mark.parametrize(("head", "what"), [
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
    (b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive"),
])
def test_binary_formats_are_refused_by_name(head, what):
    error = refusal(head + b"\x00" * 64)
    assert error.code is Code.BINARY_INPUT
    assert what in error.message


def test_text_full_of_nul_bytes_is_refused_as_binary():
    assert refusal(b"abc\x00def\x00" * 50).code is Code.BINARY_INPUT


def test_input_above_the_size_cap_is_refused():
    settings = Settings(read=ReadSettings(max_bytes=1000))
    error = refusal(b"a" * 1001, settings)
    assert error.code is Code.TOO_LARGE
    assert "read.max_bytes" in error.message


def test_input_at_the_size_cap_is_accepted():
    settings = Settings(read=ReadSettings(max_bytes=1000))
    assert run_read(b"word " * 200, settings)._decoded.startswith("word word")


def test_declared_utf8_full_of_bad_bytes_is_refused():
    raw = b'<html><head><meta charset="utf-8"></head><body><p>' + b"\xff\xfe" * 300 + b"</p></body></html>"
    error = refusal(raw)
    assert error.code is Code.BAD_ENCODING


def test_declared_utf8_with_one_bad_byte_is_repaired():
    page = "<html><head><meta charset='utf-8'></head><body><p>" + "Le lac est calme ce matin. " * 20
    raw = page.encode("utf-8") + b"\xff" + b"</p></body></html>"
    doc = run_read(raw)
    assert doc._encoding == "utf-8 (repaired)"
    assert "\ufffd" in doc._decoded


def test_html_cut_in_the_middle_of_the_body_is_read_with_a_truncated_warning():
    raw = fixture_path("en_article.html").read_bytes().split(b"<p>Commuters")[0]
    doc = run_read(raw)
    assert doc.warnings == [read.TRUNCATED_WARNING]


def test_truncated_html_is_refused_when_the_setting_says_so():
    raw = fixture_path("en_article.html").read_bytes().split(b"<p>Commuters")[0]
    assert refusal(raw, Settings(read=ReadSettings(allow_truncated_html=False))).code is Code.TRUNCATED_HTML


def test_utf8_with_a_few_stray_bytes_and_no_declaration_is_read_as_utf8_with_a_warning():
    # Valid UTF-8 French but for three stray bytes near its end: no legacy codec may win.
    text = "Le président a rencontré les élus à l'hôtel de ville, où la séance a duré deux heures. " * 12
    raw = text.encode("utf-8") + b"\x93 fin \x94 du \xe9 texte."
    doc = run_read(raw)
    assert doc._encoding == "utf-8 (repaired)"
    assert "Le président" in doc._decoded and doc._decoded.count("\ufffd") == 3
    assert any("invalid UTF-8" in w for w in doc.warnings)


def test_utf8_with_too_many_stray_bytes_is_refused_as_badly_encoded():
    # Plainly UTF-8 (its accents decode), but 5% of it is invalid: past repairing.
    text = "Le président a rencontré les élus à l'hôtel de ville, où la séance a duré deux heures. " * 12
    raw = b"".join(part.encode("utf-8") + b"\xff" * 5 for part in text.split(". "))
    assert refusal(raw).code is Code.BAD_ENCODING


def test_a_single_byte_legacy_page_is_still_detected_as_its_encoding():
    text = "Le président a rencontré les élus à l'hôtel de ville, où la séance a duré deux heures. " * 12
    doc = run_read(text.encode("cp1252"))
    assert doc._encoding == "cp1252"
    assert "Le président" in doc._decoded and not doc.warnings


def test_damaged_gzip_is_refused_as_binary():
    raw = gzip.compress(b"<html><body><p>x</p></body></html>")[:12]
    assert refusal(raw).code is Code.BINARY_INPUT


def test_gzip_compressed_pages_are_opened():
    raw = gzip.compress(fixture_path("en_page.txt").read_bytes())
    assert run_read(raw)._decoded.startswith("The Valley Ledger\n")


# --- decoding -----------------------------------------------------------------------------

def test_latin1_french_text_without_declaration_keeps_its_accents():
    doc = run_read(fixture_path("fr_latin1.txt").read_bytes())
    assert "La télécabine qui relie l'aiguille du Midi à la pointe" in doc._decoded
    assert "dès le début du mois, à un tarif inchangé" in doc._decoded


def test_a_short_latin1_french_line_without_declaration_keeps_its_accents():
    doc = run_read(fixture_path("fr_latin1_short.txt").read_bytes())
    assert "l'arrêté qui interdisait la pêche dans la rivière" in doc._decoded


def test_utf8_bom_is_honoured_and_stripped():
    doc = run_read(fixture_path("fr_bom.txt").read_bytes())
    assert doc._encoding == "utf-8-sig"
    assert doc._decoded.startswith("Lyon : les quais du Rhône")


def test_utf16_bom_is_honoured():
    text = "Le marché couvert rouvre ses portes samedi matin après trois mois de travaux.\n"
    doc = run_read(text.encode("utf-16"))
    assert doc._decoded == text


def test_charset_declared_in_html_meta_is_used():
    doc = run_read(fixture_path("ru_cp1251.html").read_bytes())
    assert doc._encoding == "cp1251"
    assert "<h1>В Казани открылся новый мост через Казанку</h1>" in doc._decoded


def test_declared_iso_8859_1_is_read_as_cp1252():
    raw = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head>'
           "<body><p>L’été – déjà fini</p></body></html>").encode("cp1252")
    doc = run_read(raw)
    assert doc._encoding == "cp1252"
    assert "L’été – déjà fini" in doc._decoded


def test_windows_line_endings_become_newlines():
    doc = run_read(b"Premier paragraphe.\r\nSecond paragraphe.\rTroisieme.")
    assert doc._decoded == "Premier paragraphe.\nSecond paragraphe.\nTroisieme."


# --- input kind ---------------------------------------------------------------------------

def test_markup_is_detected_as_html():
    assert run_read(fixture_path("en_article.html").read_bytes())._input == "html"


def test_rendered_page_text_with_menus_is_detected_as_page():
    assert run_read(fixture_path("fr_page.txt").read_bytes())._input == "page"


def test_plain_article_text_is_detected_as_text():
    assert run_read(fixture_path("fr_bom.txt").read_bytes())._input == "text"


def test_the_callers_input_kind_wins_over_detection():
    doc = run_read(fixture_path("fr_page.txt").read_bytes(), hint_input="text")
    assert doc._input == "text"

