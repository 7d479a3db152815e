"""Benchmark of ``dateline ingest`` at volume: throughput, worker scaling, memory, size, search, stories.

The corpus is generated from the article-extraction benchmark's true article bodies (and the
repository's own multilingual story set): each variant keeps a seeded sample of a body's
sentences in a shuffled order, re-grouped into paragraphs, and is rendered either as an HTML page
with navigation, teasers and a footer, or as a page text with the same chrome. One document in
ten is then copied exactly under another name and one in ten is republished with an added
sentence, so the store meets both kinds of duplicates. Figures are ratios against a reference
measured in the same run (bare ``run_batch`` over the same documents; a bare FTS5 query).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import resource
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from dateline.corpus.ingest import Report, ingest
from dateline.corpus.items import Item
from dateline.pipeline import run_batch
from dateline.settings import Settings

ROOT = Path(__file__).parents[1]
STORY_SET = ROOT / "tests" / "gold" / "stories" / "articles.jsonl"
SENTENCE = re.compile(r"(?<=[.!?»”])\s+(?=[A-ZÀ-ÖА-Я«“])")
# Share of a body's sentences each variant keeps, and share of another body's it mixes in: two
# variants of one body then share about a quarter of their sentences, in another order, which
# keeps them apart as articles (below the near-duplicate threshold) but on one topic.
KEEP = 0.5
MIXED = 0.3
SENTENCES_PER_PARAGRAPH = 3
EXACT_EVERY, NEAR_EVERY = 10, 10  # one exact copy and one near-duplicate per ten documents
DAYS = 60  # publication dates spread over two months, so the story window matters
QUERIES = 100
CHROME_TOP = ["Home", "World", "Politics", "Business", "Sport", "Subscribe", "Sign in"]
CHROME_BOTTOM = ["Read more:", "Markets close higher as oil slips", "Share this article", "Comments (12)",
                 "© 2026 The Example Herald. All rights reserved."]


def bases(shared: Path) -> list[tuple[str, str, str]]:
    """(title, body, language) of every article the variants are drawn from."""
    out: list[tuple[str, str, str]] = []
    truth = json.loads((shared / "bench" / "article-extraction" / "ground-truth.json").read_text())
    for value in truth.values():
        body = str(value.get("articleBody", "") if isinstance(value, dict) else value)
        if len(body.split()) >= 80:
            first = SENTENCE.split(body.strip(), maxsplit=1)[0]
            out.append((" ".join(first.split()[:12]), body, "en"))
    if STORY_SET.is_file():
        for line in STORY_SET.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            out.append((row["title"], row["maintext"], row["language"]))
    return out


def sentences_of(body: str) -> list[str]:
    return [s for s in SENTENCE.split(" ".join(body.split())) if s]


def sample(sentences: list[str], share: float, rng: random.Random) -> list[str]:
    return rng.sample(sentences, max(1, int(len(sentences) * share))) if len(sentences) > 3 else sentences


def variant(body: str, other: str, rng: random.Random) -> list[str]:
    """A new article: part of a body's sentences with some of another's, shuffled, re-paragraphed."""
    kept = sample(sentences_of(body), KEEP, rng) + sample(sentences_of(other), MIXED, rng)
    rng.shuffle(kept)
    return [" ".join(kept[i:i + SENTENCES_PER_PARAGRAPH]) for i in range(0, len(kept), SENTENCES_PER_PARAGRAPH)]


def render(title: str, paragraphs: list[str], date: str, language: str, as_html: bool, n: int) -> str:
    if not as_html:
        return "\n".join(["The Example Herald", *CHROME_TOP, title, f"Published: {date}", *paragraphs, *CHROME_BOTTOM])
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    nav = "".join(f"<li><a href='/{c.lower()}'>{c}</a></li>" for c in CHROME_TOP)
    return (f"<!doctype html><html lang='{language}'><head><title>{title}</title>"
            f"<meta property='article:published_time' content='{date}T08:00:00Z'>"
            f"<link rel='canonical' href='https://herald.example/a/{n}'></head><body><nav><ul>{nav}</ul></nav>"
            f"<article><h1>{title}</h1>{body}</article><aside><h2>Read more</h2><ul><li>"
            f"<a href='/b'>{CHROME_BOTTOM[1]}</a></li></ul></aside><footer>{CHROME_BOTTOM[-1]}</footer></body></html>")


def generate(folder: Path, count: int, shared: Path, seed: int = 7) -> None:
    """Write ``count`` documents (copies included) into ``folder``, sorted by name in ingest order."""
    rng = random.Random(seed)
    pool = bases(shared)
    written: list[Path] = []
    for n in range(count):
        if n and n % EXACT_EVERY == 0:
            source = written[rng.randrange(len(written))]
            target = folder / f"{n:06d}-copy{source.suffix}"
            shutil.copyfile(source, target)
        elif n and n % NEAR_EVERY == 5:
            source = written[rng.randrange(len(written))]
            target = folder / f"{n:06d}-syndicated{source.suffix}"
            text = source.read_text(encoding="utf-8")
            added = "This report was republished from a partner outlet under a syndication agreement."
            target.write_text(text.replace("</article>", f"<p>{added}</p></article>") if source.suffix == ".html"
                              else text.replace(CHROME_BOTTOM[0], f"{added}\n{CHROME_BOTTOM[0]}"), encoding="utf-8")
        else:
            title, body, language = pool[n % len(pool)]
            other = next(p[1] for p in pool[(n * 7 + 3) % len(pool):] + pool if p[2] == language)
            # Dates advance with the stream, as a crawl's do: the story window sees a steady load.
            date = (dt.date(2026, 1, 1) + dt.timedelta(days=n * DAYS // count)).isoformat()
            as_html = rng.random() < 0.5
            target = folder / f"{n:06d}.{'html' if as_html else 'txt'}"
            target.write_text(render(title, variant(body, other, rng), date, language, as_html, n),
                              encoding="utf-8")
        written.append(target)


def with_workers(settings: Settings, workers: int) -> Settings:
    import dataclasses

    return dataclasses.replace(settings, ingest=dataclasses.replace(settings.ingest, workers=workers))


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timed_ingest(folder: Path, db: Path, settings: Settings) -> tuple[float, float, Report]:
    """Wall seconds of an ingest, the calling process's CPU seconds (reading, writing), its report."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    started, cpu = time.perf_counter(), cpu_seconds()
    report = ingest([str(folder)], db, settings)
    return time.perf_counter() - started, cpu_seconds() - cpu, report


def bare_pipeline(folder: Path, settings: Settings) -> float:
    """The reference: the same stages over documents of the same kind, in this process, no
    store, models loaded before the clock starts (so the ratio shows the corpus layer's own
    cost: embedding, signature and writing, plus the workers' model loading)."""
    paths = sorted(folder.iterdir())
    run_batch([Item(str(p), p.read_bytes()).document() for p in paths[:settings.ingest.batch_size]], settings)
    docs = [Item(str(p), p.read_bytes()).document() for p in paths]
    started = time.perf_counter()
    for i in range(0, len(docs), settings.ingest.batch_size):
        run_batch(docs[i:i + settings.ingest.batch_size], settings)
    return time.perf_counter() - started


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def search_latency(db: Path) -> dict[str, float]:
    """p50/p95 of ``dateline search`` over 100 queries (entity names and words of the corpus),
    and the same for a bare FTS5 MATCH of the same words (the reference)."""
    from dateline.store.db import open_reader
    from dateline.store.search import search

    conn = open_reader(db)
    names = [r[0] for r in conn.execute("SELECT canonical FROM entities ORDER BY n_articles DESC LIMIT ?",
                                        (QUERIES // 2,))]
    words = [r[0] for r in conn.execute("SELECT title FROM articles ORDER BY rowid LIMIT ?", (QUERIES,))]
    queries = (names + [" ".join(w.split()[:2]) for w in words if w])[:QUERIES]
    ours, bare = [], []
    for query in queries:
        started = time.perf_counter()
        search(conn, query, limit=20)
        ours.append(time.perf_counter() - started)
        tokens = " ".join('"' + t.replace('"', "") + '"' for t in query.split())
        started = time.perf_counter()
        conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT 20",
                     (tokens,)).fetchall()
        bare.append(time.perf_counter() - started)
    conn.close()
    return {"queries": len(queries), "p50_ms": percentile(ours, 0.5) * 1000, "p95_ms": percentile(ours, 0.95) * 1000,
            "bare_p50_ms": percentile(bare, 0.5) * 1000, "bare_p95_ms": percentile(bare, 0.95) * 1000}


def story_cost(seconds: list[float], buckets: int = 5) -> list[dict[str, float]]:
    """Mean time to place an article, per slice of the ingest: flat means no growth with the corpus."""
    size = max(1, len(seconds) // buckets)
    return [{"articles_before": i * size, "mean_ms": statistics.fmean(seconds[i * size:(i + 1) * size]) * 1000}
            for i in range(buckets) if seconds[i * size:(i + 1) * size]]


def db_size(db: Path) -> int:
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return db.stat().st_size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="shared data (default ../shared)")
    parser.add_argument("--docs", type=int, default=5000, help="documents in the full run (default 5000)")
    parser.add_argument("--reference-docs", type=int, default=300,
                        help="documents of the bare run_batch reference (default 300)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    if not (args.shared / "bench" / "article-extraction").is_dir():
        print(f"skipped: {args.shared / 'bench' / 'article-extraction'} not found")
        return 0
    settings = Settings()
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        work = Path(tmp)
        small, full = work / "small", work / "full"
        small.mkdir()
        full.mkdir()
        generate(small, args.reference_docs, args.shared)
        generate(full, args.docs, args.shared, seed=11)
        bare = bare_pipeline(small, settings)
        one, _, _ = timed_ingest(full, work / "one.db", with_workers(settings, 1))
        seconds, writer_cpu, report = timed_ingest(full, work / "full.db", with_workers(settings, 2))
        size = db_size(work / "full.db")
        result: dict[str, Any] = {
            "docs": args.docs, "tally": report.to_json(),
            "docs_per_s": args.docs / seconds, "writer_cpu_share": writer_cpu / seconds,
            "reference_docs": args.reference_docs, "bare_pipeline_docs_per_s": args.reference_docs / bare,
            "one_worker_docs_per_s": args.docs / one, "two_workers_docs_per_s": args.docs / seconds,
            "one_worker_vs_bare": (args.docs / one) / (args.reference_docs / bare), "speedup_1_to_2": one / seconds,
            "worker_peak_mib": report.to_json()["worker_peak_mib"],
            "db_mib_per_1000_docs": size / 2**20 / args.docs * 1000,
            "search": search_latency(work / "full.db"),
            "story_cost": story_cost(report.story_seconds),
        }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_table(result)
    return 0


def print_table(r: dict[str, Any]) -> None:
    s = r["search"]
    costs = r["story_cost"]
    flat = costs[-1]["mean_ms"] / costs[0]["mean_ms"] if costs and costs[0]["mean_ms"] else float("nan")
    rows = [
        ("documents ingested (2 workers)", f"{r['docs']}  ({r['tally']})"),
        ("throughput, 2 workers", f"{r['docs_per_s']:.2f} docs/s (the writer process busy "
         f"{r['writer_cpu_share']:.0%} of the time)"),
        ("1 worker vs bare run_batch", f"{r['one_worker_vs_bare']:.2f}x "
         f"({r['one_worker_docs_per_s']:.2f} vs {r['bare_pipeline_docs_per_s']:.2f} docs/s)"),
        ("speed-up 1 -> 2 workers", f"{r['speedup_1_to_2']:.2f}x (target >= 1.7)"
         + ("" if r["speedup_1_to_2"] >= 1.7 else "  MISSED")),
        ("peak memory per worker", ", ".join(f"{m} MiB" for m in r["worker_peak_mib"])),
        ("database size", f"{r['db_mib_per_1000_docs']:.1f} MiB per 1,000 documents"),
        ("search p50 / p95", f"{s['p50_ms']:.1f} / {s['p95_ms']:.1f} ms over {s['queries']} queries "
         f"({s['p50_ms'] / max(s['bare_p50_ms'], 1e-9):.1f}x / "
         f"{s['p95_ms'] / max(s['bare_p95_ms'], 1e-9):.1f}x bare FTS5)"),
        ("placing an article, per fifth of the run", " -> ".join(f"{c['mean_ms']:.2f}" for c in costs)
         + f" ms (last/first {flat:.2f}x)"),
    ]
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")


if __name__ == "__main__":
    sys.exit(main())
