"""HTML metadata: title, author, publication date, site name and language of a page.

Read from what publishers declare for search engines and social cards (JSON-LD, Open Graph,
``<meta>`` names), then the ``<title>`` and ``<h1>``; the date falls back to htmldate. This is
a light reader of declared fields, not a boilerplate engine: trafilatura extracts the body.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from htmldate import find_date

# No news page online predates the web; earlier years are placeholders.
EARLIEST_NEWS_YEAR = 1990
EPOCH = "1970-01-01"
# <meta> keys per field, most trusted first.
TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "headline")
AUTHOR_KEYS = ("author", "article:author", "dc.creator", "byl", "parsely-author", "sailthru.author")
DATE_KEYS = ("article:published_time", "datepublished", "pubdate", "publishdate", "date",
             "dc.date.issued", "dc.date", "og:published_time", "parsely-pub-date", "sailthru.date")
SITE_KEYS = ("og:site_name", "application-name", "publisher", "twitter:site")
JSONLD_ARTICLE = ("NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "WebPage",
                  "AnalysisNewsArticle", "OpinionNewsArticle", "LiveBlogPosting")


def meta_values(tree: Any) -> dict[str, str]:
    """Every <meta> name/property/itemprop in lower case, first value kept."""
    values: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if key and content and key not in values:
            values[key] = content
    return values


def jsonld_objects(tree: Any) -> Iterator[dict[str, Any]]:
    """The JSON-LD objects of the page, @graph lists flattened; broken blocks are skipped."""
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                stack.extend(item.get("@graph", []) if isinstance(item.get("@graph"), list) else [])
                yield item


def name_of(value: Any) -> str | None:
    """A person or organisation name from a JSON-LD value (string, object or list)."""
    if isinstance(value, list):
        names = [n for n in (name_of(v) for v in value) if n]
        return "; ".join(names) or None
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


def from_jsonld(tree: Any) -> dict[str, str | None]:
    for item in jsonld_objects(tree):
        kind = item.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if any(k in JSONLD_ARTICLE for k in kinds):
            return {"title": name_of(item.get("headline")), "author": name_of(item.get("author")),
                    "date": name_of(item.get("datePublished")), "sitename": name_of(item.get("publisher"))}
    return {}


def first(values: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((values[k] for k in keys if values.get(k)), None)


def text_of(tree: Any, tag: str) -> str | None:
    element = next(iter(tree.iter(tag)), None)
    text = " ".join(" ".join(element.itertext()).split()) if element is not None else ""
    return text or None


def iso_date(value: str | None) -> str | None:
    """The date part of an ISO date or datetime, or None when it is not one."""
    if not value:
        return None
    try:
        found = dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None
    # CMS placeholders ("0001-01-01", "1970-01-01T00:00") are not publication dates.
    return found.isoformat() if found.year >= EARLIEST_NEWS_YEAR and found.isoformat() != EPOCH else None


def page_date(tree: Any, declared: str | None) -> str | None:
    """The publication date as ISO: what the publisher declares, else htmldate's quick search."""
    if iso_date(declared):
        return iso_date(declared)
    try:
        return iso_date(find_date(tree, extensive_search=False, original_date=True))
    except (ValueError, TypeError):
        return None


def read_metadata(tree: Any) -> dict[str, str | None]:
    """Title, author, date, site name and declared language of a parsed page."""
    values = meta_values(tree)
    ld = from_jsonld(tree)
    declared_date = ld.get("date") or first(values, DATE_KEYS)
    return {
        "title": ld.get("title") or first(values, TITLE_KEYS) or text_of(tree, "h1") or text_of(tree, "title"),
        "author": ld.get("author") or first(values, AUTHOR_KEYS),
        "date": page_date(tree, declared_date),
        "sitename": first(values, SITE_KEYS) or ld.get("sitename"),
        "language_hint": tree.get("lang") or values.get("content-language") or values.get("og:locale"),
    }
