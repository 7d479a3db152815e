"""``dateline ingest`` (with its progress bar) and ``dateline failures``."""
from __future__ import annotations

import argparse
import dataclasses
import glob
import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from dateline.fetch import is_url
from dateline.settings import Settings, load_settings

DEFAULT_DB = "news.db"
# Suffixes of files that are one document each, for the progress bar's total.
ONE_DOCUMENT = {".html", ".htm", ".xhtml", ".txt"}
# WARC files: their page responses are counted in a quick pass over the record headers.
WARC_SUFFIXES = (".warc", ".warc.gz")
# Suffixes of files with one document per line.
PER_LINE = {".jsonl"}
# Files a folder contributes (the others, a README, an image, are not read).
READ_IN_FOLDERS = re.compile(r"\.(html?|xhtml|txt|jsonl(\.gz)?|json|warc(\.gz)?|urls)$")


def count_in_file(path: Path) -> int | None:
    """Documents a file holds, when that is cheap to know (None for URL lists and damaged WARCs)."""
    suffix = path.suffix.lower()
    if path.name.lower().endswith(WARC_SUFFIXES):
        from dateline.corpus.archives import count_warc_pages

        return count_warc_pages(path)
    if suffix in PER_LINE:
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    return 1 if suffix in ONE_DOCUMENT else None


def files_of(source: str) -> list[Path]:
    """The files a path, folder or glob names (a folder's: only those ingest reads)."""
    files: list[Path] = []
    for path in [Path(p) for p in sorted(glob.glob(source, recursive=True))] or [Path(source)]:
        if path.is_dir():
            files += sorted(f for f in path.rglob("*") if f.is_file() and READ_IN_FOLDERS.search(f.name.lower()))
        else:
            files.append(path)
    return files


def estimate_total(sources: Sequence[str]) -> int | None:
    """How many documents the sources hold, or None when it cannot be known up front."""
    total = 0
    for source in sources:
        if is_url(source):
            return None
        for file in files_of(source):
            count = count_in_file(file) if file.is_file() else 1  # a missing file: one failure
            if count is None:
                return None
            total += count
    return total


def with_overrides(settings: Settings, args: argparse.Namespace) -> Settings:
    ingest = settings.ingest
    if args.workers is not None:
        ingest = dataclasses.replace(ingest, workers=args.workers)
    if args.batch_size is not None:
        ingest = dataclasses.replace(ingest, batch_size=max(1, args.batch_size))
    if args.retry_failures:
        ingest = dataclasses.replace(ingest, retry_failures=True)
    return dataclasses.replace(settings, ingest=ingest)


def progress_bar(total: int | None, quiet: bool) -> tuple[Any, Any]:
    """A tqdm bar on stderr (documents per second, ETA, failures) and its update callback."""
    from tqdm import tqdm

    bar = tqdm(total=total, unit="doc", disable=quiet, file=sys.stderr, dynamic_ncols=True,
               desc="ingest", smoothing=0.1)

    def update(tally: Counter[str], done: int) -> None:
        bar.update(done)
        bar.set_postfix(new=tally["new"], dup=tally["near_duplicate"] + tally["exact_copy"],
                        failed=tally["failed"], skipped=tally["skipped"], refresh=False)

    return bar, update


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else many or word + 's'}"


def summary(report: dict[str, Any]) -> str:
    return (f"{plural(report['new'] + report['near_duplicate'], 'article')} stored in {report['db']} "
            f"({plural(report['near_duplicate'], 'near-duplicate')}), "
            f"{plural(report['exact_copy'], 'exact copy', 'exact copies')}, {report['skipped']} already there, "
            f"{report['failed']} failed" + (" (see: dateline failures)" if report["failed"] else ""))


def cmd_ingest(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    from dateline.corpus.ingest import ingest
    from dateline.errors import DatelineError

    out, err = out or sys.stdout, err or sys.stderr
    settings = with_overrides(load_settings(args.config), args)
    bar, update = progress_bar(estimate_total(args.sources), args.quiet)
    try:
        report = ingest(args.sources, args.db, settings, progress=update).to_json()
    except DatelineError as exc:
        print(f"error: {exc}", file=err)
        return 1
    finally:
        bar.close()
    print(json.dumps(report) if args.json else summary(report), file=out)
    return 0


def cmd_failures(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    from dateline.errors import DatelineError
    from dateline.store.db import open_reader

    out, err = out or sys.stdout, err or sys.stderr
    try:
        conn = open_reader(args.db)
    except DatelineError as exc:
        print(f"error: {exc}", file=err)
        return 1
    rows = [dict(row) for row in conn.execute("SELECT source, code, reason, at FROM failures ORDER BY at, source")]
    conn.close()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2), file=out)
        return 0
    for row in rows:
        print(f"{row['code']}  {row['source']}: {row['reason']}", file=out)
    print(f"{len(rows)} failed document{'s' if len(rows) != 1 else ''}", file=out)
    return 0


def add_ingest_commands(sub: Any) -> None:
    ing = sub.add_parser("ingest", help="analyse sources into a corpus database (resumable)")
    ing.add_argument("sources", nargs="+", help="folders, globs, .html/.txt, .warc(.gz), .jsonl, feed or page URLs, "
                     "URL lists (.urls)")
    ing.add_argument("--db", default=DEFAULT_DB, help=f"the SQLite database (default {DEFAULT_DB})")
    ing.add_argument("--workers", type=int, help="worker processes (default: one per core; 0: in this process)")
    ing.add_argument("--batch-size", type=int, help="documents per batch and per transaction")
    ing.add_argument("--retry-failures", action="store_true", help="analyse again the sources that failed before")
    ing.add_argument("--quiet", action="store_true", help="no progress bar")
    ing.add_argument("--json", action="store_true", help="print the run's counts as JSON")
    ing.set_defaults(func=cmd_ingest)
    fa = sub.add_parser("failures", help="list the documents that could not be ingested, with their reasons")
    fa.add_argument("--db", default=DEFAULT_DB, help=f"the SQLite database (default {DEFAULT_DB})")
    fa.add_argument("--json", action="store_true", help="print them as JSON")
    fa.set_defaults(func=cmd_failures)
