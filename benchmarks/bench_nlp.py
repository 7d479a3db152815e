"""Speed and memory of dateline's language stages against bare spaCy, on the English benchmark pages.

The 181 pages of the article-extraction benchmark go through dateline up to ``published`` once, untimed;
the English ones (about 161) are kept, as prepared documents and as their clean texts. Systems, timed in
one process on those same texts: ``nlp.pipe`` (the reference: ``nlp.pipe(texts, batch_size=16)`` of the
spaCy model dateline uses for English, consuming the Docs) and ``dateline`` (``run_batch`` over the
remaining stages: analysis, entities, places, dates, quotes, events, on fresh deep copies of the prepared
documents).

Each repeat interleaves the systems in chunks of 32 texts, alternating their order, and the ratio is the
median of the per-repeat ratios. The overhead of dateline's own stages is ``ratio - 1``. Each stage (its
``run`` and ``run_batch``) is wrapped with a timer to give its share of dateline's time; stages with a
budget of their own (the quotes stage: under 10%; the events stage: under 15%) are checked against it.
Memory is the peak RSS (VmHWM) of a fresh child process that loads the French, English and Russian models
and the gazetteer and analyses one short document per language. ``--profile N`` prints the top N
functions of one cProfiled dateline pass.

    .venv/bin/python benchmarks/bench_nlp.py [--shared ../shared] [--repeat N] [--json] [--profile N]
"""
from __future__ import annotations

import argparse
import copy
import cProfile
import io
import json
import pstats
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from timing import base_parser, peak_rss_kib, timed_stages

from dateline import nlp
from dateline.api import make_document
from dateline.errors import DatelineError
from dateline.eval.extraction import BENCH, load_pages
from dateline.pipeline import STAGES, run_batch, run_stages
from dateline.record import Document
from dateline.settings import Settings, load_settings

SYSTEMS = ("nlp.pipe", "dateline")
PREPARED_UNTIL = "published"
FIRST = next(i for i, stage in enumerate(STAGES) if stage.name == "analysis")
LANGUAGE = "en"
BATCH = 16  # nlp.pipe batch size, as dateline.nlp.analyze_many uses
CHUNK = 32  # texts per interleaving step (two pipe batches)
TARGET_OVERHEAD = 0.25  # (dateline - nlp.pipe) / nlp.pipe
TARGET_PEAK_MIB = 2048
# Stages with a budget of their own, as a share of dateline's language-stage time (analysis onwards).
TARGET_SHARE = {"quotes": 0.10, "events": 0.15}
DEFAULT_SHARED = Path(__file__).resolve().parents[2] / "shared"
# One short document per language for the memory probe: names, a place and a date for every stage.
SAMPLES = {
    "fr": "Le président Emmanuel Macron a reçu mardi 3 mars 2026 à Paris le chancelier allemand Olaf Scholz. "
          "Les deux dirigeants ont parlé de l'Ukraine et de la défense européenne.",
    "en": "President Joe Biden met German Chancellor Olaf Scholz in Washington on Tuesday, March 3, 2026. "
          "The two leaders discussed Ukraine and European defence.",
    "ru": "Президент России Владимир Путин во вторник, 3 марта 2026 года, встретился в Москве с канцлером "
          "Германии Олафом Шольцем. Лидеры обсудили ситуацию на Украине.",
}

# A system to time: how to slice its input for a chunk of documents, and how to run it on that slice.
Runner = tuple[Callable[[int, int], Any], Callable[[Any], Any]]


def crash(doc: Document, settings: Settings) -> str | None:
    """The exception (other than a refusal) that the remaining stages raise on a copy of ``doc``, if any."""
    try:
        run_stages(copy.deepcopy(doc), settings, STAGES[FIRST:])
    except DatelineError:
        return None
    except Exception as exc:  # noqa: BLE001 - any crash keeps the document out of the timed set
        return f"{type(exc).__name__}: {exc}"
    return None


def prepare(shared: Path, settings: Settings) -> dict[str, Any]:
    """English documents run up to ``published`` (untimed), with the counts of pages left out. A document
    on which a later stage crashes (an exception ``run_batch`` does not catch) is left out and listed, so
    one bug does not stop the benchmark."""
    pages = load_pages(shared)
    docs, refused, other, crashed = [], 0, 0, {}
    for key, raw, _ in pages:
        try:
            doc = run_stages(make_document(raw, key, input="html"), settings, until=PREPARED_UNTIL)
        except DatelineError:
            refused += 1
            continue
        if doc.language != LANGUAGE or not doc.text.strip():
            other += 1
        elif (error := crash(doc, settings)) is not None:
            crashed[key] = f"published={doc.published!r}: {error}"
        else:
            docs.append(doc)
    return {"docs": docs, "pages": len(pages), "refused_before": refused, "other_language": other,
            "crashed": crashed}


def model() -> Any:
    """The spaCy pipeline dateline loads for English."""
    found = nlp.analyzer(LANGUAGE)
    if not isinstance(found, nlp.SpacyAnalyzer):
        raise SystemExit(f"skipped: no spaCy model for '{LANGUAGE}' (dateline would run in degraded mode)")
    return found.nlp


def runners(docs: list[Document], settings: Settings, totals: dict[str, float]) -> dict[str, Runner]:
    """Per system: ``prepare(start, end)`` (untimed) returns the input, ``run(input)`` is what is timed."""
    texts = [doc.text for doc in docs]
    spacy_nlp, stages = model(), timed_stages(totals)[FIRST:]
    analyzer, convert = nlp.analyzer(LANGUAGE), nlp.SpacyAnalyzer.convert

    def timed_convert(doc: Any) -> nlp.Analysis:  # spaCy Doc -> dateline's Analysis, inside the analysis stage
        started = time.perf_counter()
        try:
            return convert(analyzer, doc)  # type: ignore[arg-type]
        finally:
            totals["analysis: convert"] += time.perf_counter() - started
    analyzer.convert = timed_convert  # type: ignore[union-attr]  # instance attribute: this process only

    def pipe(chunk: list[str]) -> int:
        return sum(len(doc) for doc in spacy_nlp.pipe(chunk, batch_size=BATCH))

    def stages_run(chunk: list[Document]) -> Sequence[object]:
        return run_batch(chunk, settings, stages=stages)

    return {"nlp.pipe": (lambda start, end: texts[start:end], pipe),
            "dateline": (lambda start, end: copy.deepcopy(docs[start:end]), stages_run)}


def measure_speed(docs: list[Document], settings: Settings, repeat: int) -> dict[str, Any]:
    """Each repeat runs both systems on a chunk of texts before the next chunk, alternating the order per
    chunk; medians of pass times and of per-repeat time ratios."""
    totals: dict[str, float] = defaultdict(float)
    run = runners(docs, settings, totals)
    for name in SYSTEMS:  # warm-up: lazy loads (model, gazetteer, lexicons), caches
        make, go = run[name]
        go(make(0, 5))
    totals.clear()
    seconds = {name: [0.0] * repeat for name in SYSTEMS}
    refused = 0
    for r in range(repeat):
        for c, start in enumerate(range(0, len(docs), CHUNK)):
            for name in SYSTEMS[(r + c) % 2:] + SYSTEMS[:(r + c) % 2]:
                make, go = run[name]
                chunk = make(start, start + CHUNK)
                started = time.perf_counter()
                out = go(chunk)
                seconds[name][r] += time.perf_counter() - started
                if name == "dateline" and r == 0:
                    refused += sum(isinstance(item, DatelineError) for item in out)
    ratios = [d / p for d, p in zip(seconds["dateline"], seconds["nlp.pipe"], strict=True)]
    ratio = statistics.median(ratios)
    convert = totals.pop("analysis: convert", 0.0)
    stage_total = sum(totals.values())
    return {"systems": {name: {"seconds": statistics.median(seconds[name]), "runs": seconds[name],
                               "docs_per_second": len(docs) / statistics.median(seconds[name])} for name in SYSTEMS},
            "ratios": ratios, "time_ratio": ratio, "overhead": ratio - 1, "refused_in_stages": refused,
            "stage_share": {stage.name: totals[stage.name] / stage_total for stage in STAGES[FIRST:]},
            # Each stage's time as a fraction of the nlp.pipe reference (summed over the timed passes).
            "stage_vs_pipe": {stage.name: totals[stage.name] / sum(seconds["nlp.pipe"]) for stage in STAGES[FIRST:]},
            # Part of the analysis stage spent turning spaCy Docs into dateline Analyses (SpacyAnalyzer.convert).
            "convert_share": convert / stage_total, "convert_vs_pipe": convert / sum(seconds["nlp.pipe"])}


def profile(docs: list[Document], settings: Settings, top: int) -> str:
    """The top functions (by own time) of one cProfiled dateline pass over all documents."""
    batch = copy.deepcopy(docs)
    profiler = cProfile.Profile()
    profiler.enable()
    run_batch(batch, settings, stages=STAGES[FIRST:])
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def memory_probe() -> dict[str, Any]:
    """In a fresh process: peak RSS (KiB) after each step of loading everything a three-language run needs."""
    from dateline import geo

    settings = load_settings()
    steps = {"imports": peak_rss_kib()}
    models = {}
    for language in SAMPLES:
        found = nlp.analyzer(language)
        models[language] = found.name if found is not None else None
        steps[f"model {language}"] = peak_rss_kib()
    geo.city_candidates("Paris")
    steps["gazetteer"] = peak_rss_kib()
    for language, text in SAMPLES.items():
        doc = make_document(text.encode("utf-8"), f"<{language}>", input="text", lang=language)
        run_stages(doc, settings)
    steps["documents"] = peak_rss_kib()
    return {"steps_kib": steps, "peak_kib": peak_rss_kib(), "models": models}


def measure_memory() -> dict[str, Any]:
    out = subprocess.run([sys.executable, __file__, "--memory-probe"], capture_output=True, text=True,
                         check=True).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def table(result: dict[str, Any]) -> str:
    systems, ratio = result["systems"], result["time_ratio"]
    rows = [f"{result['english']} English documents of {result['pages']} pages "
            f"({result['refused_before']} refused before '{PREPARED_UNTIL}', {result['other_language']} in "
            f"another language, {len(result['crashed'])} crashing a later stage), model {result['model']}, "
            f"{result['repeat']} repeats"]
    crashed = list(result["crashed"].items())
    rows += [f"  left out, crashed: {key[:16]} {error}" for key, error in crashed[:5]]
    rows += [f"  ... and {len(crashed) - 5} more (see --json)"] if len(crashed) > 5 else []
    if len(crashed) > result["english"]:
        rows.append("  WARNING: most English documents crash; the figures below cover only the rest")
    rows += ["",
            f"{'system':<11}{'docs/s':>8}{'median s':>10}{'time ratio':>12}"]
    for name in SYSTEMS:
        s = systems[name]
        rows.append(f"{name:<11}{s['docs_per_second']:>8.1f}{s['seconds']:>10.2f}"
                    f"{(ratio if name == 'dateline' else 1.0):>11.2f}x")
    verdict = "met" if result["overhead"] <= TARGET_OVERHEAD else "MISSED"
    rows.append(f"\nper-repeat ratios: {', '.join(f'{r:.2f}' for r in result['ratios'])}")
    rows.append(f"overhead of dateline's stages: {result['overhead']:+.1%} "
                f"(target <= {TARGET_OVERHEAD:.0%}: {verdict})")
    names = list(result["stage_share"])
    rows.append(f"\n{'stage':<15}" + "".join(f"{name:>11}" for name in names))
    rows.append(f"{'share':<15}" + "".join(f"{result['stage_share'][n]:>11.1%}" for n in names))
    rows.append(f"{'x nlp.pipe':<15}" + "".join(f"{result['stage_vs_pipe'][n]:>10.2f}x" for n in names))
    for name, target in TARGET_SHARE.items():
        share = result["stage_share"].get(name, 0.0)
        rows.append(f"{name} stage share: {share:.1%} (target < {target:.0%}: {'met' if share < target else 'MISSED'})")
    rows.append(f"of which analysis converting spaCy Docs (SpacyAnalyzer.convert): {result['convert_share']:.1%} "
                f"of stage time, {result['convert_vs_pipe']:.2f}x nlp.pipe")
    memory = result["memory"]
    peak = memory["peak_kib"] / 1024
    rows.append(f"\nmemory (fresh process, models {', '.join(f'{k}={v}' for k, v in memory['models'].items())}):")
    rows.append("  " + ", ".join(f"{step} {kib / 1024:.0f}" for step, kib in memory["steps_kib"].items()) + " MiB")
    rows.append(f"  peak RSS {peak:.0f} MiB (target < {TARGET_PEAK_MIB} MiB: "
                f"{'met' if peak < TARGET_PEAK_MIB else 'MISSED'})")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = base_parser(__doc__.splitlines()[0], DEFAULT_SHARED)
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="also print the top N functions of one cProfiled dateline pass")
    parser.add_argument("--memory-probe", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_probe:
        print(json.dumps(memory_probe()))
        return 0
    if not (args.shared / BENCH).is_dir():
        print(f"skipped: {args.shared / BENCH} not found")
        return 0
    settings = load_settings()
    prepared = prepare(args.shared, settings)
    docs = prepared.pop("docs")
    if not docs:
        print(f"skipped: no '{LANGUAGE}' document among the {prepared['pages']} pages")
        return 0
    result: dict[str, Any] = {**prepared, "english": len(docs),
                              "repeat": args.repeat, "model": getattr(nlp.analyzer(LANGUAGE), "name", None),
                              "stages": [stage.name for stage in STAGES[FIRST:]],
                              "target_overhead": TARGET_OVERHEAD, "target_peak_mib": TARGET_PEAK_MIB,
                              **measure_speed(docs, settings, max(args.repeat, 1)),
                              "memory": measure_memory()}
    print(json.dumps(result, indent=2) if args.json else table(result))
    if args.profile:
        print("\n" + profile(docs, settings, args.profile))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except SystemExit as exc:  # a missing model prints "skipped: ..."; always exit 0
        if isinstance(exc.code, str):
            print(exc.code)
        sys.exit(0)
