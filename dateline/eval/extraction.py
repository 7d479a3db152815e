"""Suite ``extraction``: article bodies of the 181 benchmark pages, in HTML and page mode.

HTML mode feeds each page to ``analyze``; page mode first renders it to full-page plain text
(block elements on their own lines, navigation and footers kept), the way a scraper's text
dump looks: with inscriptis (``page_*``) and, as a check on another layout, html-text.
Bare trafilatura and the raw rendering are scored in the same run as references.
"""
from __future__ import annotations

import gzip
import json
import time
from collections.abc import Callable
from pathlib import Path

from dateline.api import make_document
from dateline.errors import DatelineError
from dateline.eval.scoring import aggregate, match_counts
from dateline.pipeline import run_stages
from dateline.settings import Settings

BENCH = Path("bench/article-extraction")


def load_pages(shared: Path) -> list[tuple[str, bytes, str]]:
    """(key, html bytes, true body) for every benchmark page."""
    folder = shared / BENCH
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    return [(key, gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes()),
             truth[key].get("articleBody", "")) for key in sorted(truth)]


def render_page(html: bytes) -> str:
    """Full-page plain text, chrome and all, as inscriptis renders it."""
    import inscriptis

    return inscriptis.get_text(html.decode("utf-8", errors="replace"))


def render_page_html_text(html: bytes) -> str:
    """The same page as html-text renders it: a second renderer, so the clean-up is not
    tuned to one renderer's layout."""
    import html_text

    return str(html_text.extract_text(html.decode("utf-8", errors="replace"), guess_layout=True))


def dateline_body(raw: bytes, kind: str, settings: Settings) -> str:
    doc = make_document(raw, "<bench>", input=kind)
    try:
        return run_stages(doc, settings, until="paragraphs").text
    except DatelineError:
        return ""


def bare_trafilatura(raw: bytes) -> str:
    import trafilatura

    return trafilatura.extract(raw.decode("utf-8", errors="replace")) or ""


def score(pages: list[tuple[str, bytes, str]], system: Callable[[bytes], str]) -> dict[str, float]:
    started = time.perf_counter()
    result = aggregate([match_counts(truth, system(raw)) for _, raw, truth in pages])
    result["seconds"] = time.perf_counter() - started
    return result


def run(shared: Path, settings: Settings) -> dict[str, float]:
    pages = load_pages(shared)
    rendered = [(key, render_page(raw).encode("utf-8"), truth) for key, raw, truth in pages]
    html = score(pages, lambda raw: dateline_body(raw, "html", settings))
    page = score(rendered, lambda raw: dateline_body(raw, "page", settings))
    second = [(key, render_page_html_text(raw).encode("utf-8"), truth) for key, raw, truth in pages]
    page_html_text = score(second, lambda raw: dateline_body(raw, "page", settings))
    trafilatura = score(pages, bare_trafilatura)
    raw_render = score(rendered, lambda raw: raw.decode("utf-8"))
    return {
        "html_f1": html["f1"], "html_precision": html["precision"], "html_recall": html["recall"],
        "page_f1": page["f1"], "page_precision": page["precision"], "page_recall": page["recall"],
        "page_html_text_f1": page_html_text["f1"],
        "reference_trafilatura_f1": trafilatura["f1"], "reference_raw_render_f1": raw_render["f1"],
    }
