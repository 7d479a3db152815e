"""What ``dateline ingest SOURCES...`` reads: every argument turned into ``Item``s, in a fixed order.

An argument is an http(s) URL, a file, a folder (searched recursively) or a glob
(``pages/**/*.html``). Files are taken by name: pages (``.html``, ``.htm``, ``.xhtml``, ``.txt``,
also gzipped), WARC crawls (``.warc``, ``.warc.gz``), news-please dumps (``.jsonl``, ``.jsonl.gz``,
``.json``) and URL lists (``.urls``, or a ``.txt`` holding only URLs). Arguments are read in the
order given, the files of a folder or glob in sorted order, records in file order, so two runs
over the same inputs yield the same items. Nothing here raises for one bad input: a missing
path, an oversized file or a failed fetch is an item carrying its error.
"""
from __future__ import annotations

import glob
from collections.abc import Iterator, Sequence
from pathlib import Path

from dateline.corpus.archives import iter_jsonl, iter_warc, read_json
from dateline.corpus.items import Item
from dateline.corpus.polite import FetchCache, PoliteFetcher, url_items
from dateline.errors import Code, DatelineError
from dateline.fetch import is_url
from dateline.settings import Settings

# Characters that make an argument that is not an existing path a glob pattern.
GLOB_CHARS = frozenset("*?[")
# Page files, read whole and left to the read stage, which also opens gzip.
PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".txt")
PAGE_NAMES = PAGE_SUFFIXES + tuple(suffix + ".gz" for suffix in PAGE_SUFFIXES)
# Name endings of the other file kinds, checked before the page names.
KIND_SUFFIXES = (((".warc", ".warc.gz"), "warc"), ((".jsonl", ".jsonl.gz"), "jsonl"), ((".json",), "json"),
                 ((".urls",), "urls"), ((".txt",), "txt"))
# Lines of a URL list that are comments.
COMMENT = "#"


def iter_items(sources: Sequence[str], settings: Settings, cache: FetchCache | None = None, *,
               fetcher: PoliteFetcher | None = None) -> Iterator[Item]:
    """Every item of every source, in a deterministic order.

    URLs are fetched through ``fetcher`` (pass one to share it or read its ``unchanged`` count;
    ``cache`` is then ignored), else through one made for this run with ``cache`` (default: an
    in-memory one) and closed at the end.
    """
    active = fetcher if fetcher is not None else PoliteFetcher(settings, cache)
    try:
        for argument in sources:
            yield from argument_items(argument, settings, active)
    finally:
        if fetcher is None:
            active.close()


def argument_items(argument: str, settings: Settings, fetcher: PoliteFetcher) -> Iterator[Item]:
    if is_url(argument.strip()):
        yield from url_items(argument.strip(), fetcher)
        return
    paths, nothing = argument_paths(argument)
    if not paths:
        yield Item(source=argument, error=DatelineError(Code.MISSING_PATH, nothing))
    for found in paths:
        yield from file_items(found, settings, fetcher)


def argument_paths(argument: str) -> tuple[list[Path], str]:
    """The files a path, folder or glob argument names, and the reason when it names none."""
    path = Path(argument)
    if path.is_file():
        return [path], ""
    if path.is_dir():
        return folder_files(path), f"no pages, archives or dumps in folder {argument}"
    if GLOB_CHARS & set(argument):
        return glob_files(argument), f"nothing to read matches {argument}"
    return [], f"no such file or folder: {argument}"


def kind_of(path: Path) -> str | None:
    """warc, jsonl, json, urls, txt (a page or a URL list) or page; None for other files."""
    name = path.name.lower()
    for suffixes, kind in KIND_SUFFIXES:
        if name.endswith(suffixes):
            return kind
    return "page" if name.endswith(PAGE_NAMES) else None


def folder_files(root: Path) -> list[Path]:
    """The readable files under ``root``, sorted; hidden files and folders (.git) are left out."""
    return sorted(path for path in root.rglob("*") if path.is_file() and kind_of(path) is not None
                  and not any(part.startswith(".") for part in path.relative_to(root).parts))


def glob_files(pattern: str) -> list[Path]:
    """The readable files a glob matches (a matched folder gives its files), sorted, each once."""
    found: set[Path] = set()
    for match in glob.glob(pattern, recursive=True):
        path = Path(match)
        if path.is_dir():
            found.update(folder_files(path))
        elif path.is_file() and kind_of(path) is not None:
            found.add(path)
    return sorted(found)


def file_items(path: Path, settings: Settings, fetcher: PoliteFetcher) -> Iterator[Item]:
    """The items of one file, taken by its name (an unknown ending is read as a page)."""
    kind = kind_of(path) or "page"
    try:
        if kind == "warc":
            yield from iter_warc(path, settings)
        elif kind == "jsonl":
            yield from iter_jsonl(path, settings)
        else:
            raw = read_capped(path, settings)
            if kind == "json":
                yield read_json(path, raw)
            elif kind == "urls" or (kind == "txt" and is_url_list(raw)):
                yield from url_list_items(path, raw, fetcher)
            else:
                yield Item(source=str(path), raw=raw)
    except DatelineError as exc:
        yield Item(source=str(path), error=exc)
    except OSError as exc:
        yield Item(source=str(path), error=DatelineError(Code.MISSING_PATH, f"cannot read {path}: {exc.strerror}"))


def read_capped(path: Path, settings: Settings) -> bytes:
    """The file's bytes; TOO_LARGE, without reading it, when it is above read.max_bytes."""
    cap = settings.read.max_bytes
    size = path.stat().st_size
    if size > cap:
        raise DatelineError(Code.TOO_LARGE, f"{path}: {size:,} bytes is above the cap of {cap:,} "
                            "(setting read.max_bytes)")
    with path.open("rb") as handle:
        # One byte over the cap is enough for the read stage to refuse a file that grew meanwhile.
        return handle.read(cap + 1)


def list_lines(raw: bytes) -> list[tuple[int, str]]:
    """(line number, text) of a URL list's lines that are neither blank nor comments."""
    text = raw.decode("utf-8", errors="replace").lstrip("\ufeff")
    stripped = ((number, line.strip()) for number, line in enumerate(text.splitlines(), start=1))
    return [(number, line) for number, line in stripped if line and not line.startswith(COMMENT)]


def is_url_list(raw: bytes) -> bool:
    """True when every line that is not blank or a comment is one http(s) URL."""
    lines = list_lines(raw)
    return bool(lines) and all(is_url(line) and len(line.split()) == 1 for _, line in lines)


def url_list_items(path: Path, raw: bytes, fetcher: PoliteFetcher) -> Iterator[Item]:
    """The items of each URL of a list, in list order; a line that is not a URL is an error item."""
    for number, line in list_lines(raw):
        if is_url(line) and len(line.split()) == 1:
            yield from url_items(line, fetcher)
        else:
            error = DatelineError(Code.BAD_ARGUMENT, f"{path}:{number} is not an http(s) URL: {line[:80]}")
            yield Item(source=f"{path}:{number}", error=error)
