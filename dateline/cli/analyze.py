"""The document commands: ``dateline analyze``, ``models`` and ``eval``."""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from dateline.api import INPUT_KINDS, make_document, read_source
from dateline.errors import DatelineError
from dateline.fetch import is_url
from dateline.pipeline import run_batch
from dateline.record import Document
from dateline.render import render
from dateline.settings import Settings, load_settings

# Documents analysed together: the model stage batches them through nlp.pipe.
BATCH_SIZE = 16
# Files a directory argument expands to.
PAGE_SUFFIXES = {".html", ".htm", ".txt", ".gz", ".xhtml"}


def expand(sources: Sequence[str]) -> Iterator[str]:
    """Each argument, with a directory replaced by the pages inside it, sorted."""
    for source in sources:
        path = Path(source)
        if source != "-" and not is_url(source) and path.is_dir():
            yield from (str(p) for p in sorted(path.rglob("*"))
                        if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES)
        else:
            yield source


def load_one(source: str, args: argparse.Namespace, settings: Settings) -> Document:
    """The document of one source, ready for the stages (reading may already fail)."""
    if source == "-":
        # One byte over the cap is enough for the read stage to refuse it.
        raw, fetched = sys.stdin.buffer.read(settings.read.max_bytes + 1), None
    else:
        raw, fetched = read_source(source, settings)
    return make_document(raw, source, input=args.input, published=args.published,
                         url=args.url or fetched, source=args.source, lang=args.lang)


def chunks(sources: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(sources), size):
        yield sources[i:i + size]


def emit(source: str, outcome: Document | DatelineError, args: argparse.Namespace, batch: bool,
         out: TextIO, err: TextIO) -> bool:
    """Print one document's record or error; True when it failed."""
    if isinstance(outcome, DatelineError):
        if args.json or args.jsonl or batch:
            print(json.dumps(outcome.to_json(source), ensure_ascii=False), file=out, flush=True)
        print(f"error: {source}: {outcome}", file=err, flush=True)
        return True
    record = {**outcome.to_json(), "document": source}
    if args.jsonl or batch:
        print(json.dumps(record, ensure_ascii=False), file=out, flush=True)
    elif args.json:
        print(json.dumps(record, ensure_ascii=False, indent=2), file=out)
    else:
        print(render(record), file=out)
    return False


def cmd_analyze(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    settings = load_settings(args.config)
    sources = list(expand(args.sources))
    if not sources:
        print("error: no pages found in the given paths", file=err)
        return 1
    batch = len(sources) > 1
    failures = 0
    for group in chunks(sources, BATCH_SIZE):
        loaded: list[Document | DatelineError] = []
        for source in group:
            try:
                loaded.append(load_one(source, args, settings))
            except DatelineError as exc:
                loaded.append(exc)
        outcomes = run_batch(loaded, settings)
        failures += sum(emit(source, outcome, args, batch, out, err) for source, outcome in zip(group, outcomes))
    return 1 if failures else 0


def cmd_models(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """What each language gets: the installed model, or degraded mode."""
    from dateline import nlp

    out = out or sys.stdout
    rows: list[dict[str, Any]] = []
    for language, entry in sorted(nlp.model_table().items()):
        chosen = nlp.choice(language)
        known: list[str] = ["natasha"] if entry.get("natasha") else []
        known += list(entry.get("spacy", []))
        rows.append({"language": language, "model": chosen, "mode": "full" if chosen else "degraded",
                     "candidates": known})
    if args.json:
        print(json.dumps(rows, indent=2), file=out)
        return 0
    for row in rows:
        print(f"{row['language']:<4} {row['mode']:<9} {row['model'] or '-':<28} "
              f"(best first: {', '.join(row['candidates'])})", file=out)
    print("other languages: degraded (sentences, tokens, gazetteer places and dates; no parse)", file=out)
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from dateline.eval.gate import main as eval_main
    return eval_main(args)


def add_analyze_commands(sub: Any) -> None:
    """``analyze``, ``models`` and ``eval``."""
    an = sub.add_parser("analyze", help="analyse news pages and print their records")
    an.add_argument("sources", nargs="+", help="paths, directories, URLs, or - for stdin")
    fmt = an.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="one JSON object per document")
    fmt.add_argument("--jsonl", action="store_true", help="one JSON line per document")
    an.add_argument("--input", choices=INPUT_KINDS, help="input kind (default: detect)")
    an.add_argument("--published", help="publication date hint, ISO (YYYY-MM-DD)")
    an.add_argument("--url", help="the page's URL, when reading a file")
    an.add_argument("--source", help="the outlet's name")
    an.add_argument("--lang", help="the article's language, ISO 639-1 (skips detection)")
    an.set_defaults(func=cmd_analyze)
    mo = sub.add_parser("models", help="list the language models installed and what each language gets")
    mo.add_argument("--json", action="store_true", help="print the table as JSON")
    mo.set_defaults(func=cmd_models)
    ev = sub.add_parser("eval", help="score the gold sets against the floors in the baseline")
    ev.add_argument("--shared", default=None, help="the shared evaluation folder (default ../shared)")
    ev.add_argument("--baseline", default=None, help="baseline file with the floors")
    ev.add_argument("--suite", action="append", help="run only this suite (repeatable)")
    ev.add_argument("--update-baseline", action="store_true",
                    help="raise floors to the new scores (never lowers one)")
    ev.add_argument("--json", action="store_true", help="print the scores as JSON")
    ev.set_defaults(func=cmd_eval)
