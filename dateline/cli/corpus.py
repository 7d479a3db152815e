"""The corpus commands: ``dateline search``, ``entity``, ``stories`` and ``export``.

They read a store written by ``dateline ingest`` (``--db``, default news.db), through a
read-only connection. Each prints a compact, readable summary, or JSON with ``--json``. A failure
is one line on stderr, ``error: E0xx name: what to do``, and exit status 1 (with ``--json``, the
error object is printed on stdout as well). ``dateline.cli`` adds them with ``add_corpus_commands``.
"""
from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from dateline.errors import Code, DatelineError
from dateline.store.db import open_reader
from dateline.store.entity_view import entity_report
from dateline.store.search import search
from dateline.store.story_view import list_stories, story_report

DEFAULT_DB = "news.db"
# Results, stories and items per entity section shown when no --limit is given.
DEFAULT_LIMIT = 20
# Characters of a quote or sentence shown in the readable output (the JSON has them whole).
SHOWN_CHARS = 160
# Width of the widest bar of an entity's timeline.
BAR_WIDTH = 30
EXPORT_FORMATS = ("jsonl", "parquet", "gdelt")
# Export formats inferred from the --out path when --format is not given.
SUFFIX_FORMATS = {".jsonl": "jsonl", ".tsv": "gdelt", ".csv": "gdelt", "": "parquet"}

Action = Callable[[sqlite3.Connection, argparse.Namespace], Any]
Render = Callable[[Any], list[str]]


def day(value: str | None) -> str:
    return (value or "")[:10] or "undated"


def plural(n: int, word: str, many: str | None = None) -> str:
    """"1 article", "2 articles"; ``many`` for an irregular plural ("exact copies")."""
    return f"{n} {word if n == 1 else many or word + 's'}"


def short(text: str | None, limit: int = SHOWN_CHARS) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= limit else flat[:limit - 1].rstrip() + "…"


def as_error(exc: Exception, db: str) -> DatelineError:
    """A failure as the coded error printed: a store that is not SQLite, or a path that cannot be written."""
    if isinstance(exc, DatelineError):
        return exc
    if isinstance(exc, sqlite3.DatabaseError):
        return DatelineError(Code.BAD_ARGUMENT, f"cannot read the database {db}: {exc}")
    return DatelineError(Code.MISSING_PATH, str(exc))


def run(args: argparse.Namespace, action: Action, render: Render, out: TextIO | None, err: TextIO | None) -> int:
    """Open the store, run one command, print its result; errors as one line and status 1."""
    out, err = out or sys.stdout, err or sys.stderr
    try:
        conn = open_reader(args.db)
        try:
            result = action(conn, args)
        finally:
            conn.close()
    except (DatelineError, sqlite3.DatabaseError, OSError) as exc:
        error = as_error(exc, args.db)
        if args.json:
            print(json.dumps(error.to_json(), ensure_ascii=False), file=out)
        print(f"error: {error}", file=err)
        return 1
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2), file=out)
    else:
        print("\n".join(render(result)), file=out)
    return 0


def search_lines(results: list[dict[str, Any]]) -> list[str]:
    if not results:
        return ["no article matches"]
    lines = []
    for rank, hit in enumerate(results, 1):
        copies = f", seen {hit['copies']} times" if hit["copies"] > 1 else ""
        lines.append(f"{rank:>3}. {hit['title'] or '(untitled)'} — {hit['source'] or 'unknown source'}, "
                     f"{day(hit['published'])}, {hit['language'] or '?'}{copies}  [{hit['id']}]")
        lines.append(f"     {hit['snippet']}")
    return lines


def cmd_search(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    def action(conn: sqlite3.Connection, a: argparse.Namespace) -> Any:
        return search(conn, " ".join(a.query), language=a.lang, source=a.source, since=a.since, until=a.until,
                      entity=a.entity, event_type=a.event_type, speaker=a.speaker, limit=a.limit, offset=a.offset,
                      include_duplicates=a.all)
    return run(args, action, search_lines, out, err)


def quote_lines(title: str, total: int, quotes: list[dict[str, Any]]) -> list[str]:
    lines = [f"{title} ({total})"]
    for q in quotes:
        lines.append(f"  {day(q['published'])} {q['language'] or '?'}  “{short(q['text'])}” — "
                     f"{q['speaker'] or 'unknown speaker'}, {q['source'] or '?'}")
    return lines if quotes else []


def event_lines(title: str, total: int, events: list[dict[str, Any]]) -> list[str]:
    lines = [f"{title} ({total})"]
    for ev in events:
        where = f" in {ev['place']}" if ev["place"] else ""
        reports = f", {ev['n_articles']} articles" if ev["n_articles"] > 1 else ""
        lines.append(f"  {day(ev['date'] or ev['published'])} {ev['type']} {ev['cameo'] or '-'} {ev['status']}: "
                     f"{', '.join(ev['actors']) or '?'} → {', '.join(ev['recipients']) or '?'}{where}{reports}")
        lines.append(f"      {short(ev['sentence'])}")
    return lines if events else []


def related_name(entity: dict[str, Any], related: list[dict[str, Any]]) -> str:
    """A canonical name, with type and country when two entities listed share it."""
    if sum(r["canonical"] == entity["canonical"] for r in related) < 2:
        return str(entity["canonical"])
    return f"{entity['canonical']} [{entity['type']}, {entity['country'] or 'no country'}]"


def entity_lines(report: dict[str, Any]) -> list[str]:
    entity = report["entity"]
    lines = [f"{entity['canonical']} — {entity['type']}{', ' + entity['country'] if entity['country'] else ''}",
             f"  {report['n_articles']} articles, {report['mentions']} mentions, {report['n_quotes_by']} quotes by, "
             f"{report['n_quotes_about']} about, {report['n_events_as_actor']} events as actor, "
             f"{report['n_events_as_recipient']} as recipient"]
    if report["aliases"]:
        lines.append(f"  names: {', '.join(report['aliases'])}")
    if report["related"]:
        lines.append("  named with: " + ", ".join(f"{related_name(r, report['related'])} ({r['articles']})"
                                                  for r in report["related"]))
    if report["outlets"]:
        lines.append("  outlets: " + ", ".join(f"{o['outlet']} ({o['sightings']})" for o in report["outlets"]))
    for other in report["others"]:
        lines.append(f"  also named so: {other['canonical']} ({other['type']}, {other['country'] or 'no country'}, "
                     f"{other['n_articles']} articles): ask with --type/--country")
    peak = max((d["articles"] for d in report["timeline"]), default=1)
    lines += ["Timeline"] + [f"  {d['date']} {d['articles']:>4} {'█' * max(1, d['articles'] * BAR_WIDTH // peak)}"
                             for d in report["timeline"]]
    lines += quote_lines("Quotes by", report["n_quotes_by"], report["quotes_by"])
    lines += quote_lines("Quotes about", report["n_quotes_about"], report["quotes_about"])
    lines += event_lines("Events as actor", report["n_events_as_actor"], report["events_as_actor"])
    lines += event_lines("Events as recipient", report["n_events_as_recipient"], report["events_as_recipient"])
    lines.append(f"Articles ({report['n_articles']})")
    lines += [f"  {day(a['published'])} {a['language'] or '?'}  {a['title'] or '(untitled)'} — {a['source'] or '?'}"
              for a in report["articles"]]
    return lines


def cmd_entity(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    def action(conn: sqlite3.Connection, a: argparse.Namespace) -> Any:
        return entity_report(conn, " ".join(a.name), type_=a.type, country=a.country, limit=a.limit)
    return run(args, action, entity_lines, out, err)


def story_line(story: dict[str, Any]) -> str:
    dates = day(story["first_date"]) if story["first_date"] == story["last_date"] else \
        f"{day(story['first_date'])}..{day(story['last_date'])}"
    return (f"#{story['id']:<5} {plural(story['size'], 'article'):>12}  {','.join(story['languages']) or '?':<10} "
            f"{dates:<22} {story['label']}")


def stories_lines(result: Any) -> list[str]:
    if isinstance(result, list):
        return [story_line(s) for s in result] or ["no story matches"]
    lines = [story_line(result), f"  outlets: {', '.join(result['outlets']) or '?'}"]
    for ev in result["events"]:
        lines.append(f"  event: {ev['type']} {ev['cameo'] or '-'} {', '.join(ev['actors']) or '?'} → "
                     f"{', '.join(ev['recipients']) or '?'} ({plural(ev['n_articles'], 'article')}, "
                     f"{plural(ev['n_languages'], 'language')})")
    for who in result["speakers"]:
        lines.append(f"  quoted: {who['speaker']} ({plural(who['quotes'], 'quote')} in "
                     f"{plural(who['articles'], 'article')}: "
                     f"{', '.join(who['languages'])})")
    for a in result["articles"]:
        copy = f"  (copy of {a['duplicate_of']})" if a["duplicate_of"] else ""
        lines.append(f"  {day(a['published'])} {a['language'] or '?'}  {a['title'] or '(untitled)'} — "
                     f"{a['source'] or '?'}  [{a['id']}]{copy}")
    return lines


def cmd_stories(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    def action(conn: sqlite3.Connection, a: argparse.Namespace) -> Any:
        if a.id is not None:
            return story_report(conn, a.id)
        return list_stories(conn, limit=a.limit, min_size=a.min_size, language=a.lang, since=a.since, until=a.until)
    return run(args, action, stories_lines, out, err)


def export_format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    inferred = SUFFIX_FORMATS.get(Path(args.out).suffix.lower())
    if inferred is None:
        raise DatelineError(Code.BAD_ARGUMENT, f"cannot tell the format of {args.out}; give --format "
                            f"{'|'.join(EXPORT_FORMATS)}")
    return inferred


def cmd_export(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    def action(conn: sqlite3.Connection, a: argparse.Namespace) -> Any:
        from dateline.store import export  # pyarrow: loaded only when exporting

        kind = export_format(a)
        writers: dict[str, Callable[[sqlite3.Connection, str], Any]] = {
            "jsonl": export.export_jsonl, "parquet": export.export_parquet, "gdelt": export.export_gdelt}
        return {"format": kind, "path": a.out, "rows": writers[kind](conn, a.out)}

    def render(result: dict[str, Any]) -> list[str]:
        rows = result["rows"]
        what = ", ".join(f"{n} {t}" for t, n in rows.items()) if isinstance(rows, dict) else \
            f"{rows} {'records' if result['format'] == 'jsonl' else 'events'}"
        return [f"exported {what} to {result['path']} ({result['format']})"]
    return run(args, action, render, out, err)


def common(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--db", default=DEFAULT_DB, help=f"the store (default {DEFAULT_DB})")
    parser.add_argument("--json", action="store_true", help="print JSON")
    return parser


def dates(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", help="from this date on (ISO: YYYY, YYYY-MM or YYYY-MM-DD)")
    parser.add_argument("--until", help="up to this date, included (ISO prefix: 2024-03 keeps all of March)")


def add_corpus_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add search, entity, stories and export to the ``dateline`` subcommands."""
    se = common(sub.add_parser("search", help="full-text search of the stored articles, with filters"))
    se.add_argument("query", nargs="*", help='words, "a phrase", OR between terms, -word to exclude; '
                    "none lists the filtered articles by date")
    se.add_argument("--lang", help="articles in this language (ISO 639-1)")
    se.add_argument("--source", help="outlet name or domain")
    dates(se)
    se.add_argument("--entity", help="articles naming this entity (any name or alias, any language)")
    se.add_argument("--event-type", help="articles with an event of this PLOVER type (ACCUSE, PROTEST…)")
    se.add_argument("--speaker", help="articles quoting this entity")
    se.add_argument("--limit", type=int, default=DEFAULT_LIMIT, help="results (default %(default)s)")
    se.add_argument("--offset", type=int, default=0, help="skip this many results (the next page)")
    se.add_argument("--all", action="store_true", help="list near-duplicate copies too, not one per group")
    se.set_defaults(func=cmd_search)
    en = common(sub.add_parser("entity", help="an entity's page: names, articles, quotes, events, timeline"))
    en.add_argument("name", nargs="+", help="a name or alias, in any language")
    en.add_argument("--type", help="PERSON, ORG, GPE, LOC or MISC, when the name is ambiguous")
    en.add_argument("--country", help="ISO 3166 alpha-2 country, when the name is ambiguous")
    en.add_argument("--limit", type=int, default=DEFAULT_LIMIT, help="items per section (default %(default)s)")
    en.set_defaults(func=cmd_entity)
    st = common(sub.add_parser("stories", help="list the stories, or show one with its articles"))
    st.add_argument("id", nargs="?", type=int, help="a story id: show that story")
    st.add_argument("--limit", type=int, default=DEFAULT_LIMIT, help="stories (default %(default)s)")
    st.add_argument("--min-size", type=int, default=1, help="stories of at least this many articles")
    st.add_argument("--lang", help="stories with an article in this language")
    dates(st)
    st.set_defaults(func=cmd_stories)
    ex = common(sub.add_parser("export", help="write the store as JSONL, Parquet tables or a GDELT-style table"))
    ex.add_argument("--format", choices=EXPORT_FORMATS,
                    help="default: from --out (.jsonl: jsonl, .tsv/.csv: gdelt, a folder: parquet)")
    ex.add_argument("--out", required=True, help="the file (or, for parquet, the folder) to write")
    ex.set_defaults(func=cmd_export)
