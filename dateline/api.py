"""The Python API: ``dateline.analyze`` turns one page (path, URL, bytes or str) into a record."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from dateline.errors import Code, DatelineError
from dateline.fetch import fetch, is_url
from dateline.pipeline import run_stages
from dateline.record import Document, InputKind
from dateline.settings import Settings, load_settings

INPUT_KINDS = ("html", "page", "text")


def read_source(source: str | Path, settings: Settings) -> tuple[bytes, str | None]:
    """Bytes of a path or URL, and the URL they came from when fetched."""
    if isinstance(source, str) and is_url(source):
        body, final_url = fetch(source, settings.fetch)
        return body, final_url
    path = Path(source)
    if not path.exists():
        raise DatelineError(Code.MISSING_PATH, f"no such file: {path}")
    if path.is_dir():
        raise DatelineError(Code.MISSING_PATH, f"{path} is a directory, not a page")
    size = path.stat().st_size
    if size > settings.read.max_bytes:
        raise DatelineError(Code.TOO_LARGE, f"{size:,} bytes is above the cap of "
                            f"{settings.read.max_bytes:,} (setting read.max_bytes)")
    return path.read_bytes(), None


def make_document(raw: bytes, origin: str, *, input: str | None = None, published: str | None = None,
                  url: str | None = None, source: str | None = None, lang: str | None = None,
                  title: str | None = None) -> Document:
    if input is not None and input not in INPUT_KINDS:
        raise DatelineError(Code.BAD_ARGUMENT, f"--input must be one of {', '.join(INPUT_KINDS)}")
    kind: InputKind | None = input  # type: ignore[assignment]
    return Document(origin=origin, raw=raw, hint_input=kind, hint_published=published,
                    hint_url=url, hint_source=source, hint_language=lang, hint_title=title)


def analyze(source: str | Path | bytes, *, input: str | None = None, published: str | None = None,
            url: str | None = None, source_name: str | None = None, lang: str | None = None,
            settings: Settings | None = None) -> dict[str, Any]:
    """Analyse one page and return its document record (see DESIGN.md).

    ``source`` is a path, an http(s) URL, or the page itself as bytes.
    Raises ``DatelineError`` with a code and a one-line reason on bad input.
    """
    settings = settings or load_settings()
    if isinstance(source, bytes):
        raw, origin, fetched = source, "<bytes>", None
    else:
        raw, fetched = read_source(source, settings)
        origin = str(source)
    doc = make_document(raw, origin, input=input, published=published, url=url or fetched,
                        source=source_name, lang=lang)
    return run_stages(doc, settings).to_json()
