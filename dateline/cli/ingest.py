"""``dateline ingest`` (with its progress bar) and ``dateline failures``.

The corpus modules are imported when a command runs, so ``dateline analyze`` does not load them."""
from __future__ import annotations

import argparse
import dataclasses
import json
import sqlite3
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from dateline.cli.corpus import DEFAULT_DB, plural, run
from dateline.fetch import is_url
from dateline.settings import Settings, load_settings


def count_in_file(path: Path) -> int | None:
    """Documents a file holds, when that is cheap to know (None for URL lists, gzipped dumps
    and damaged WARCs). A .txt counts as one page: telling a URL list means reading it."""
    from dateline.corpus.archives import count_warc_pages
    from dateline.corpus.sources import kind_of

    kind = kind_of(path) or "page"
    if kind == "warc":
        return count_warc_pages(path)
    if kind == "jsonl" and path.suffix.lower() == ".jsonl":
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    return 1 if kind in ("page", "txt", "json") else None


def estimate_total(sources: Sequence[str]) -> int | None:
    """How many documents the sources hold, or None when it cannot be known up front."""
    from dateline.corpus.sources import argument_paths

    total = 0
    for source in sources:
        if is_url(source.strip()):
            return None
        paths, _ = argument_paths(source)
        for path in paths:
            count = count_in_file(path)
            if count is None:
                return None
            total += count
        total += not paths  # a path that names nothing: one failure
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
    def action(conn: sqlite3.Connection, _: argparse.Namespace) -> list[dict[str, Any]]:
        return [dict(row) for row in conn.execute("SELECT source, code, reason, at FROM failures ORDER BY at, source")]

    def render(rows: list[dict[str, Any]]) -> list[str]:
        lines = [f"{row['code']}  {row['source']}: {row['reason']}" for row in rows]
        return [*lines, f"{plural(len(rows), 'failed document')}"]

    return run(args, action, render, out, err)


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
