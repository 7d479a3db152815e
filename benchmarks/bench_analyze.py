"""Speed and memory of ``dateline analyze`` against bare trafilatura, on the 181 benchmark pages.

Systems, each a full pass over the pages, timed in the same process:

- ``trafilatura``: ``trafilatura.extract(html)``, the reference every figure is divided by;
- ``html``: dateline in HTML mode, stages read .. language;
- ``page``: dateline in page mode on the inscriptis rendering (rendered before timing), read .. language.

Repeats rotate the order of the systems and the ratio is the median of the per-repeat ratios, so a
slow spell on a shared machine hits both sides of a ratio. Each stage is wrapped with a timer to
give its share of dateline's time. Peak memory is the growth of peak RSS (``ru_maxrss``) over one
pass, each system in a fresh child process (RSS only rises, so one process cannot measure three).

    .venv/bin/python benchmarks/bench_analyze.py [--shared ../shared] [--repeat N] [--json]
"""
from __future__ import annotations

import argparse
import dataclasses
import gc
import json
import pickle
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import trafilatura

from dateline.api import make_document
from dateline.errors import DatelineError
from dateline.eval.extraction import BENCH, load_pages, render_page
from dateline.pipeline import STAGES, Stage, run_stages
from dateline.record import Document
from dateline.settings import Settings, load_settings

SYSTEMS = ("trafilatura", "html", "page")
UNTIL = "language"
TARGET_HTML_RATIO = 1.5
DEFAULT_SHARED = Path(__file__).resolve().parents[2] / "shared"

Inputs = dict[str, list[bytes]]
Runner = Callable[[bytes], object]


def timed_stages(totals: dict[str, float]) -> tuple[Stage, ...]:
    """The registry's stages, each adding its wall time to ``totals[name]`` (errors included)."""
    def wrap(stage: Stage) -> Stage:
        def run(doc: Document, settings: Settings) -> Document:
            started = time.perf_counter()
            try:
                return stage.run(doc, settings)
            finally:
                totals[stage.name] += time.perf_counter() - started
        return dataclasses.replace(stage, run=run)
    return tuple(wrap(stage) for stage in STAGES)


def dateline_runner(kind: str, settings: Settings, stages: tuple[Stage, ...]) -> Runner:
    def run(raw: bytes) -> object:
        try:
            return run_stages(make_document(raw, "<bench>", input=kind), settings, stages, until=UNTIL)
        except DatelineError as exc:
            return exc
    return run


def bare_trafilatura(raw: bytes) -> object:
    return trafilatura.extract(raw.decode("utf-8", errors="replace"))


def prepare(shared: Path) -> Inputs:
    """HTML bytes per page, and the page-mode input: its rendering, done once and untimed."""
    html = [raw for _, raw, _ in load_pages(shared)]
    return {"trafilatura": html, "html": html, "page": [render_page(raw).encode("utf-8") for raw in html]}


def runners(settings: Settings, shares: dict[str, dict[str, float]]) -> dict[str, Runner]:
    return {"trafilatura": bare_trafilatura,
            "html": dateline_runner("html", settings, timed_stages(shares["html"])),
            "page": dateline_runner("page", settings, timed_stages(shares["page"]))}


def time_pass(run: Runner, docs: list[bytes]) -> tuple[float, int]:
    """Seconds for one pass and the number of documents dateline refused."""
    started = time.perf_counter()
    errors = sum(isinstance(run(raw), DatelineError) for raw in docs)
    return time.perf_counter() - started, errors


def measure_speed(inputs: Inputs, settings: Settings, repeat: int) -> dict[str, object]:
    shares: dict[str, dict[str, float]] = {"html": defaultdict(float), "page": defaultdict(float)}
    run = runners(settings, shares)
    for name in SYSTEMS:  # warm-up: imports, lazy models, caches
        time_pass(run[name], inputs[name][:5])
    for totals in shares.values():
        totals.clear()
    seconds: dict[str, list[float]] = {name: [] for name in SYSTEMS}
    errors: dict[str, int] = {}
    for r in range(repeat):
        for name in SYSTEMS[r % 3:] + SYSTEMS[:r % 3]:
            elapsed, errors[name] = time_pass(run[name], inputs[name])
            seconds[name].append(elapsed)
    ref = seconds["trafilatura"]
    ratios = {name: statistics.median(s / t for s, t in zip(seconds[name], ref, strict=True))
              for name in ("html", "page")}
    return {
        "systems": {name: {"seconds": statistics.median(seconds[name]), "runs": seconds[name],
                           "docs_per_second": len(inputs[name]) / statistics.median(seconds[name]),
                           "refused": errors[name]} for name in SYSTEMS},
        "time_ratio": ratios,
        "stage_share": {mode: {stage: t / sum(totals.values()) for stage, t in totals.items()}
                        for mode, totals in shares.items()},
    }


def max_rss_kib() -> int:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss // 1024 if sys.platform == "darwin" else rss  # bytes on macOS, KiB on Linux


def memory_probe(name: str, docs_file: Path) -> int:
    """In a fresh process: KiB of peak-RSS growth over one pass of ``name``, lazy model loads included.

    The documents are unpickled from a file as a stream, so loading them leaves no spike above the baseline.
    """
    with docs_file.open("rb") as handle:
        docs: list[bytes] = pickle.load(handle)
    run = runners(load_settings(), {"html": defaultdict(float), "page": defaultdict(float)})[name]
    gc.collect()
    before = max_rss_kib()
    time_pass(run, docs)
    return max_rss_kib() - before


def measure_memory(inputs: Inputs) -> dict[str, object]:
    growth: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in SYSTEMS:
            docs_file = Path(tmp) / f"{name}.pickle"
            docs_file.write_bytes(pickle.dumps(inputs[name]))
            out = subprocess.run([sys.executable, __file__, "--memory-probe", name, "--docs-file", str(docs_file)],
                                 capture_output=True, text=True, check=True).stdout
            growth[name] = int(out.strip().splitlines()[-1])
    ref = max(growth["trafilatura"], 1)
    return {"peak_rss_growth_kib": growth, "ratio": {name: growth[name] / ref for name in ("html", "page")}}


def table(result: dict[str, object]) -> str:
    systems, ratio = result["systems"], result["time_ratio"]
    memory = result["memory"]
    assert isinstance(systems, dict) and isinstance(ratio, dict) and isinstance(memory, dict)
    rows = [f"{'system':<14}{'docs/s':>9}{'median s':>10}{'time ratio':>12}{'peak RSS +MiB':>15}"
            f"{'mem ratio':>11}{'refused':>9}"]
    for name in SYSTEMS:
        s = systems[name]
        rows.append(f"{name:<14}{s['docs_per_second']:>9.1f}{s['seconds']:>10.2f}"
                    f"{ratio.get(name, 1.0):>12.2f}{memory['peak_rss_growth_kib'][name] / 1024:>15.1f}"
                    f"{memory['ratio'].get(name, 1.0):>11.2f}{s['refused']:>9}")
    verdict = "met" if ratio["html"] <= TARGET_HTML_RATIO else "MISSED"
    rows.append(f"\nHTML mode target: time ratio <= {TARGET_HTML_RATIO} ({verdict})")
    shares = result["stage_share"]
    assert isinstance(shares, dict)
    names = [stage.name for stage in STAGES if any(stage.name in share for share in shares.values())]
    rows.append(f"\n{'stage share':<14}" + "".join(f"{name:>12}" for name in names))
    for mode, share in shares.items():
        rows.append(f"{mode:<14}" + "".join(f"{share.get(name, 0.0):>12.1%}" for name in names))
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="shared data folder (default ../shared)")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes per system (median reported)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    parser.add_argument("--memory-probe", choices=SYSTEMS, help=argparse.SUPPRESS)
    parser.add_argument("--docs-file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_probe:
        print(memory_probe(args.memory_probe, args.docs_file))
        return 0
    if not (args.shared / BENCH).is_dir():
        print(f"skipped: {args.shared / BENCH} not found")
        return 0
    inputs = prepare(args.shared)
    result = {"pages": len(inputs["html"]), "repeat": args.repeat, "until": UNTIL,
              "target_html_ratio": TARGET_HTML_RATIO, **measure_speed(inputs, load_settings(), max(args.repeat, 1)),
              "memory": measure_memory(inputs)}
    print(json.dumps(result, indent=2) if args.json else table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
