"""Extract: main text and metadata from HTML with trafilatura, image captions from the markup.

Page text and clean text pass through untouched: their lines go straight to clean-up.
"""
from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlparse

import trafilatura

from dateline.errors import Code, DatelineError
from dateline.record import Document, Line
from dateline.settings import Settings
from dateline.stages.extract.metadata import read_metadata
from dateline.stages.read import TRUNCATED_WARNING

# trafilatura leaves comments out only when asked; reader comments are never the article.
# Metadata comes from html_meta, a quarter of the cost of trafilatura's own.
TRAFILATURA_OPTIONS: dict[str, Any] = {"include_comments": False, "favor_precision": True,
                                       "with_metadata": False, "include_tables": True}
# The second pass, when the precise one finds nothing: what bare trafilatura keeps.
RECALL_OPTIONS: dict[str, Any] = {**TRAFILATURA_OPTIONS, "favor_precision": False, "favor_recall": True}
# ...trusted only when it finds prose, a line of this many words: menus and a site's name are not.
RECALL_PROSE_WORDS = 8
CREDIT_CLASS = re.compile(r"credit|copyright|byline-photo|photographer", re.I)


def split_lines(text: str) -> list[Line]:
    """Number every line of the input; blank lines are kept out but counted."""
    return [Line(text=line.strip(), number=number)
            for number, line in enumerate(text.split("\n"), start=1) if line.strip()]


def _text_of(element: Any) -> str:
    return " ".join(" ".join(element.itertext()).split())


def image_metadata(tree: Any) -> list[dict[str, Any]]:
    """Captions and credits of the figures in the page (metadata, never body)."""
    images: list[dict[str, Any]] = []
    for figure in tree.iter("figure"):
        caption_el = next(iter(figure.iter("figcaption")), None)
        img = next(iter(figure.iter("img")), None)
        caption = _text_of(caption_el) if caption_el is not None else ""
        credit = " ".join(_text_of(el) for el in figure.iter()
                          if isinstance(el.tag, str) and CREDIT_CLASS.search(el.get("class", "")))
        alt = (img.get("alt") or "").strip() if img is not None else ""
        if caption or credit or alt:
            images.append({"caption": caption or alt or None, "credit": credit or None,
                           "src": img.get("src") if img is not None else None})
    return images


def extract_html(html: str, url: str | None) -> dict[str, Any]:
    """Run trafilatura for the body; read metadata and figures from the markup."""
    # One parse, with trafilatura's own loader (it repairs markup better than a bare lxml
    # parse); metadata and figures are read before extraction prunes the tree.
    tree = trafilatura.load_html(html)
    if tree is None:
        raise DatelineError(Code.NO_TEXT, "the HTML cannot be parsed")
    meta = read_metadata(tree)
    images = image_metadata(tree)
    canonical = next((link.get("href") for link in tree.iter("link")
                      if (link.get("rel") or "").lower() == "canonical" and link.get("href")), None)
    text, recall = body_text(tree, html, url)
    page_url = url or canonical
    return {**meta, "text": text, "url": page_url, "recall_fallback": recall,
            "hostname": urlparse(page_url).hostname if page_url else None, "images": images}


def body_text(tree: Any, html: str, url: str | None) -> tuple[str, bool]:
    """The article body: trafilatura favouring precision, else favouring recall (a short post
    or a page of tables that the precise pass finds too thin). True when recall was needed."""
    result: Any = trafilatura.bare_extraction(tree, url=url, **TRAFILATURA_OPTIONS)
    if result is not None and (result.text or "").strip():
        return str(result.text), False
    # The first pass pruned the tree: the second parses the page afresh (rare, so not paid twice).
    result = trafilatura.bare_extraction(trafilatura.load_html(html), url=url, **RECALL_OPTIONS)
    text = str(result.text or "") if result is not None else ""
    if any(len(line.split()) >= RECALL_PROSE_WORDS for line in text.split("\n")):
        return text, True
    raise DatelineError(Code.NO_TEXT, "no article text found in the HTML")


def run(doc: Document, settings: Settings) -> Document:
    if doc._input != "html":
        doc._lines = split_lines(doc._decoded)
        if doc.hint_title:
            doc.title = doc.hint_title
        if doc.hint_url:
            doc.url = doc.hint_url
            doc.source = {**doc.source, "domain": urlparse(doc.hint_url).hostname}
        return doc
    try:
        meta = extract_html(doc._decoded, doc.hint_url)
    except DatelineError as exc:
        if exc.code is Code.NO_TEXT and TRUNCATED_WARNING in doc.warnings:
            raise DatelineError(Code.TRUNCATED_HTML, "the HTML stops before </body></html> (a cut-off "
                                "download?) and no article text can be extracted from what is there") from exc
        raise
    if meta["recall_fallback"]:
        doc.warnings.append("extraction: the precise pass found no article text; kept what a recall pass finds")
    doc._meta = meta
    doc._lines = split_lines(meta["text"])
    doc.title = meta["title"] or doc.hint_title
    doc.author = meta["author"]
    doc.images = meta["images"]
    doc.url = doc.hint_url or meta["url"]
    if meta["sitename"]:
        doc.source = {"name": meta["sitename"], "domain": meta["hostname"]}
    elif doc.url:
        doc.source = {"name": None, "domain": urlparse(doc.url).hostname}
    return doc
