"""``dateline analyze``: output formats, batches, stdin, flags and one-line errors."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import fixture_path, paragraph_texts

FR_PAGE = str(fixture_path("fr_page.txt"))
FR_DATED = str(fixture_path("fr_page_dated.txt"))
EN_HTML = str(fixture_path("en_article.html"))
ROOT = Path(__file__).resolve().parents[2]


# --- output formats -----------------------------------------------------------------------

def test_json_prints_one_record_naming_its_document(run_cli):
    result = run_cli("analyze", FR_PAGE, "--json")
    record = json.loads(result.out)
    assert result.code == 0
    assert record["document"] == FR_PAGE
    assert record["title"] == "Annecy vote un plan de dix ans pour protéger les berges du lac"
    assert record["language"] == "fr"


def test_json_keeps_non_ascii_characters_readable(run_cli):
    result = run_cli("analyze", FR_PAGE, "--json")
    assert "protéger" in result.out
    assert "\\u00e9" not in result.out


def test_jsonl_prints_the_record_on_one_line(run_cli):
    result = run_cli("analyze", FR_PAGE, "--jsonl")
    assert len(result.out_lines) == 1
    assert json.loads(result.out_lines[0])["language"] == "fr"


def test_json_and_jsonl_cannot_be_combined(run_cli):
    with pytest.raises(SystemExit) as exc:
        run_cli("analyze", FR_PAGE, "--json", "--jsonl")
    assert exc.value.code == 2


def test_human_output_shows_title_source_language_and_date(run_cli):
    result = run_cli("analyze", FR_DATED)
    lines = result.out.splitlines()
    assert result.code == 0
    assert lines[0] == "# Grenoble prolonge la gratuité des bus pour les moins de dix-huit ans"
    assert "language: fr" in lines[1]
    assert "published: 2021-03-12" in lines[1]


def test_human_output_names_the_source_inferred_from_caption_suffixes(run_cli):
    result = run_cli("analyze", FR_PAGE)
    assert "source: Le Courrier du Lac" in result.out.splitlines()[1]


def test_human_output_says_when_no_date_is_stated(run_cli):
    result = run_cli("analyze", FR_PAGE)
    assert "published: not stated" in result.out.splitlines()[1]


def test_human_output_marks_the_repeated_lead_as_a_near_duplicate(run_cli):
    result = run_cli("analyze", FR_PAGE)
    marked = [line for line in result.out.splitlines() if "≈" in line]
    assert len(marked) == 1
    assert marked[0].startswith("[¶5 ≈ ¶0] Le conseil municipal d’Annecy")


def test_human_output_lists_removed_lines_grouped_by_kind(run_cli):
    result = run_cli("analyze", FR_PAGE)
    tail = result.out.split("removed (", 1)[1]
    for kind in ("credit", "cta", "related", "comments", "template", "widget"):
        assert f"\n  {kind}:\n" in tail
    assert "    - © Reuters 2021 JANE DOE" in tail


# --- batches ------------------------------------------------------------------------------

def test_several_paths_give_one_json_line_per_document(run_cli):
    result = run_cli("analyze", FR_PAGE, FR_DATED, EN_HTML)
    records = [json.loads(line) for line in result.out_lines]
    assert [r["document"] for r in records] == [FR_PAGE, FR_DATED, EN_HTML]
    assert result.code == 0


def test_a_directory_gives_one_json_line_per_page_inside_it(run_cli, tmp_path):
    shutil.copy(fixture_path("fr_page.txt"), tmp_path / "b.txt")
    (tmp_path / "nested").mkdir()
    shutil.copy(fixture_path("en_article.html"), tmp_path / "nested" / "a.html")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not a page")
    result = run_cli("analyze", str(tmp_path), "--jsonl")
    documents = [json.loads(line)["document"] for line in result.out_lines]
    assert documents == [str(tmp_path / "b.txt"), str(tmp_path / "nested" / "a.html")]


def test_an_empty_directory_is_an_error(run_cli, tmp_path):
    result = run_cli("analyze", str(tmp_path))
    assert result.code == 1
    assert result.err_lines == ["error: no pages found in the given paths"]


def test_one_bad_document_in_a_batch_gives_one_error_line_naming_it(run_cli, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run_cli("analyze", FR_PAGE, str(empty), EN_HTML)
    lines = [json.loads(line) for line in result.out_lines]
    assert len(lines) == 3
    assert lines[1] == {"error": {"code": "E002", "name": "empty_input", "message": "the input is empty",
                                  "document": str(empty)}}


def test_the_rest_of_a_batch_goes_on_after_a_bad_document(run_cli, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run_cli("analyze", str(empty), FR_PAGE, EN_HTML)
    lines = [json.loads(line) for line in result.out_lines]
    assert [line.get("document") for line in lines[1:]] == [FR_PAGE, EN_HTML]
    assert lines[2]["title"] == "Harbour ferry returns after winter repairs"


def test_a_batch_with_a_bad_document_exits_with_status_1(run_cli, tmp_path):
    result = run_cli("analyze", FR_PAGE, str(tmp_path / "missing.html"))
    assert result.code == 1
    assert len(result.err_lines) == 1


def test_a_single_bad_document_in_json_mode_prints_the_error_object(run_cli, tmp_path):
    missing = str(tmp_path / "missing.html")
    result = run_cli("analyze", missing, "--json")
    assert json.loads(result.out)["error"]["code"] == "E001"
    assert json.loads(result.out)["error"]["document"] == missing
    assert result.code == 1


# --- stdin --------------------------------------------------------------------------------

def test_a_dash_reads_the_page_from_stdin(run_cli):
    result = run_cli("analyze", "-", "--json", stdin=fixture_path("fr_page_dated.txt").read_bytes())
    record = json.loads(result.out)
    assert record["document"] == "-"
    assert record["published"] == "2021-03-12"


# --- flags --------------------------------------------------------------------------------

def test_text_input_keeps_every_line_as_a_paragraph(run_cli):
    result = run_cli("analyze", FR_PAGE, "--input", "text", "--json")
    record = json.loads(result.out)
    lines = [line.strip() for line in fixture_path("fr_page.txt").read_text("utf-8").splitlines() if line.strip()]
    assert paragraph_texts(record) == lines
    assert record["removed"] == []


def test_published_hint_wins_over_the_date_line(run_cli):
    result = run_cli("analyze", FR_DATED, "--published", "2016-09-28", "--json")
    assert json.loads(result.out)["published"] == "2016-09-28"


def test_a_bad_published_value_is_a_one_line_error(run_cli):
    result = run_cli("analyze", FR_DATED, "--published", "28/09/2016")
    assert result.code == 1
    assert len(result.err_lines) == 1
    assert "E010" in result.err and "--published '28/09/2016' is not an ISO date" in result.err


def test_lang_flag_overrides_detection(run_cli):
    result = run_cli("analyze", FR_PAGE, "--lang", "DE", "--json")
    assert json.loads(result.out)["language"] == "de"


def test_source_flag_names_the_outlet(run_cli):
    result = run_cli("analyze", FR_DATED, "--source", "L'Écho des Vallées", "--json")
    assert json.loads(result.out)["source"]["name"] == "L'Écho des Vallées"


def test_an_unknown_input_kind_is_refused_by_the_parser(run_cli):
    with pytest.raises(SystemExit) as exc:
        run_cli("analyze", FR_PAGE, "--input", "pdf")
    assert exc.value.code == 2


# --- bad inputs ---------------------------------------------------------------------------

def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Each bad input as a file, with the error code it must get."""
    files: dict[str, tuple[bytes, str]] = {
        "empty": (b"", "E002"),
        "whitespace": (b"  \n\n\t \n", "E002"),
        "pdf": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "E003"),
        "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10", "E003"),
        "invalid_utf8": (b'<html><head><meta charset="utf-8"><title>x</title></head><body><p>'
                         + b"\xff\xfe" * 300 + b"</p></body></html>", "E005"),
        # Cut before the article: nothing to extract. A page cut later is extracted with a warning.
        "truncated": (fixture_path("en_article.html").read_bytes().split(b"<article")[0], "E006"),
        "menus_only": (fixture_path("menus_only.html").read_bytes(), "E007"),
        "unknown_language": (fixture_path("gibberish.txt").read_bytes(), "E008"),
    }
    out = {}
    for name, (data, code) in files.items():
        path = tmp_path / f"{name}.html"
        path.write_bytes(data)
        out[name] = (path, code)
    out["missing"] = (tmp_path / "nowhere" / "page.html", "E001")
    return out


BAD_INPUTS = ["empty", "whitespace", "pdf", "png", "invalid_utf8", "truncated", "menus_only",
              "unknown_language", "missing"]


@pytest.mark.parametrize("name", BAD_INPUTS)
def test_a_bad_input_gives_a_one_line_reason_and_status_1(run_cli, tmp_path, name):
    path, code = _bad_inputs(tmp_path)[name]
    result = run_cli("analyze", str(path))
    assert result.code == 1
    assert result.out == ""
    assert len(result.err_lines) == 1
    assert result.err_lines[0].startswith(f"error: {path}: {code} ")


def test_utf8_with_a_few_stray_bytes_is_read_as_utf8_not_as_another_codec(run_cli, tmp_path):
    # Valid UTF-8 French but for a few bytes near its end: it was read as cp932 ("Le prﾃｩsident").
    text = fixture_path("fr_page.txt").read_text(encoding="utf-8")
    page = tmp_path / "stray.txt"
    page.write_bytes(text.encode("utf-8") + b"\n\nFin \x93du\x94 texte \xe9.\n")
    result = run_cli("analyze", str(page), "--json")
    record = json.loads(result.out)
    assert result.code == 0
    assert record["language"] == "fr" and "é" in record["text"]
    assert any("invalid UTF-8" in w for w in record["warnings"])


def test_a_file_above_the_size_cap_is_refused(run_cli, tmp_path, monkeypatch):
    monkeypatch.setenv("DATELINE_READ__MAX_BYTES", "1000")
    page = tmp_path / "long.txt"
    page.write_bytes(fixture_path("fr_page.txt").read_bytes())
    assert page.stat().st_size > 1000
    result = run_cli("analyze", str(page))
    assert result.code == 1
    assert len(result.err_lines) == 1
    assert "E004 too_large" in result.err and "read.max_bytes" in result.err


def test_a_file_under_the_size_cap_is_read(run_cli, monkeypatch):
    monkeypatch.setenv("DATELINE_READ__MAX_BYTES", "100000")
    assert run_cli("analyze", FR_PAGE, "--json").code == 0


def test_a_bad_settings_file_is_a_one_line_error(run_cli, tmp_path):
    config = tmp_path / "dateline.toml"
    config.write_text("[read]\nmax_bites = 10\n", encoding="utf-8")
    result = run_cli("--config", str(config), "analyze", FR_PAGE)
    assert result.code == 2
    assert result.err_lines == ["error: unknown settings in [read]: ['max_bites']"]


# --- the real command ---------------------------------------------------------------------

def _command(*args: str, stdin: bytes | None = None, env_extra: dict[str, str] | None = None
             ) -> subprocess.CompletedProcess[bytes]:
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("DATELINE_")}
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "dateline", *args], input=stdin, capture_output=True,
                          cwd=ROOT, env=env, timeout=120, check=False)


def test_python_m_dateline_prints_json_from_stdin():
    done = _command("analyze", "-", "--json", stdin=fixture_path("fr_page.txt").read_bytes())
    record = json.loads(done.stdout.decode("utf-8"))
    assert done.returncode == 0
    assert record["source"]["name"] == "Le Courrier du Lac"
    assert done.stderr == b""


def test_python_m_dateline_reports_each_bad_input_in_one_line_without_traceback(tmp_path):
    bad = _bad_inputs(tmp_path)
    cap = max(path.stat().st_size for path, _ in bad.values() if path.exists()) + 1
    big = tmp_path / "big.txt"
    big.write_bytes(fixture_path("fr_page.txt").read_bytes() * 3)
    assert big.stat().st_size > cap
    paths = [str(path) for path, _ in bad.values()] + [str(big)]
    done = _command("analyze", *paths, env_extra={"DATELINE_READ__MAX_BYTES": str(cap)})
    err = done.stderr.decode("utf-8").splitlines()
    out = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert done.returncode == 1
    assert "Traceback" not in done.stderr.decode("utf-8")
    assert len(err) == len(paths)
    assert [o["error"]["code"] for o in out] == [code for _, code in bad.values()] + ["E004"]


# --- known bug ----------------------------------------------------------------------------

def test_main_writes_to_the_current_sys_stdout(capsys):
    from dateline import cli

    code = cli.main(["analyze", FR_PAGE, "--jsonl"])
    out = capsys.readouterr().out
    assert code == 0
    assert '"language": "fr"' in out


def test_a_url_argument_is_fetched_and_analysed(run_cli, http_server):
    page = fixture_path("en_article.html").read_bytes()
    http_server.routes["/story"] = (200, {"Content-Type": "text/html; charset=utf-8"}, page)
    result = run_cli("analyze", http_server.url("/story"), "--json")
    assert result.code == 0
    record = json.loads(result.out)
    assert record["url"] == http_server.url("/story")
    assert record["text"]


def test_an_unreachable_url_gives_one_error_line(run_cli, http_server):
    result = run_cli("analyze", http_server.url("/missing"))
    assert result.code == 1
    assert len(result.err_lines) == 1 and result.err_lines[0].startswith("error:")
    assert "HTTP 404" in result.err
