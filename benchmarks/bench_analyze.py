"""Speed and memory of ``dateline analyze`` against bare trafilatura, on the 181 benchmark pages.

Systems, timed in one process: ``trafilatura`` (``trafilatura.extract(html)``, the reference every
figure is divided by); ``html`` (dateline in HTML mode, stages read .. language); ``page`` (dateline
in page mode on the inscriptis rendering, rendered before timing; read .. language).

Each repeat interleaves the systems in chunks of 20 pages, rotating their order, and the ratio is the
median of the per-repeat ratios, so a slow spell on a shared machine hits both sides of a ratio. Each
stage is wrapped with a timer to give its share of dateline's time. Memory is the growth of peak RSS
(VmHWM, else ``ru_maxrss``) over a pass, each system in a fresh child process: ``cold`` on the first
pass (lazy model loads included), ``warm`` on a second pass after the peak mark is reset (Linux only).

    .venv/bin/python benchmarks/bench_analyze.py [--shared ../shared] [--repeat N] [--json]
"""
from __future__ import annotations

import argparse
import gc
import json
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import trafilatura
from timing import base_parser, peak_rss_kib, timed_stages

from dateline.api import make_document
from dateline.errors import DatelineError
from dateline.eval.extraction import BENCH, load_pages, render_page
from dateline.pipeline import STAGES, Stage, run_stages
from dateline.settings import Settings, load_settings

SYSTEMS = ("trafilatura", "html", "page")
UNTIL = "language"
TARGET_HTML_RATIO = 1.5
CHUNK = 20  # pages per interleaving step
DEFAULT_SHARED = Path(__file__).resolve().parents[2] / "shared"

Inputs = dict[str, list[bytes]]
Runner = Callable[[bytes], object]


def dateline_runner(kind: str, settings: Settings, stages: tuple[Stage, ...]) -> Runner:
    """dateline up to ``UNTIL``; a refused document returns its ``DatelineError``."""
    def run(raw: bytes) -> object:
        try:
            return run_stages(make_document(raw, "<bench>", input=kind), settings, stages, until=UNTIL)
        except DatelineError as exc:
            return exc
    return run


def bare_trafilatura(raw: bytes) -> object:
    """The reference: trafilatura's own defaults, nothing around it."""
    return trafilatura.extract(raw.decode("utf-8", errors="replace"))


def prepare(shared: Path) -> Inputs:
    """HTML bytes per page, and the page-mode input: its rendering, done once and untimed."""
    html = [raw for _, raw, _ in load_pages(shared)]
    return {"trafilatura": html, "html": html, "page": [render_page(raw).encode("utf-8") for raw in html]}


def runners(settings: Settings, shares: dict[str, dict[str, float]]) -> dict[str, Runner]:
    """One callable per system; dateline's stage times go to ``shares[mode]``."""
    return {"trafilatura": bare_trafilatura,
            "html": dateline_runner("html", settings, timed_stages(shares["html"])),
            "page": dateline_runner("page", settings, timed_stages(shares["page"]))}


def time_pass(run: Runner, docs: list[bytes]) -> tuple[float, int]:
    """Seconds for one pass and the number of documents dateline refused."""
    started = time.perf_counter()
    errors = sum(isinstance(run(raw), DatelineError) for raw in docs)
    return time.perf_counter() - started, errors


def measure_speed(inputs: Inputs, settings: Settings, repeat: int) -> dict[str, Any]:
    """Each repeat runs every system on a chunk of pages before the next chunk, rotating the order per
    chunk, so a burst of load hits all systems; medians of pass times and of per-repeat time ratios."""
    shares: dict[str, dict[str, float]] = {"html": defaultdict(float), "page": defaultdict(float)}
    run = runners(settings, shares)
    for name in SYSTEMS:  # warm-up: imports, lazy models, caches
        time_pass(run[name], inputs[name][:5])
    for totals in shares.values():
        totals.clear()
    seconds = {name: [0.0] * repeat for name in SYSTEMS}
    errors = dict.fromkeys(SYSTEMS, 0)
    for r in range(repeat):
        for c, start in enumerate(range(0, len(inputs["html"]), CHUNK)):
            for name in SYSTEMS[(r + c) % 3:] + SYSTEMS[:(r + c) % 3]:
                elapsed, refused = time_pass(run[name], inputs[name][start:start + CHUNK])
                seconds[name][r] += elapsed
                errors[name] += refused if r == 0 else 0
    ratios = {name: statistics.median(s / t for s, t in zip(seconds[name], seconds["trafilatura"], strict=True))
              for name in ("html", "page")}
    return {"systems": {name: {"seconds": statistics.median(seconds[name]), "runs": seconds[name],
                               "docs_per_second": len(inputs[name]) / statistics.median(seconds[name]),
                               "refused": errors[name]} for name in SYSTEMS},
            "time_ratio": ratios,
            "stage_share": {mode: {stage: t / sum(totals.values()) for stage, t in totals.items()}
                            for mode, totals in shares.items()}}


def memory_probe(name: str, docs_file: Path) -> dict[str, int]:
    """In a fresh process, KiB of peak-RSS growth: ``cold`` over a first pass (lazy model loads included),
    ``warm`` over a second pass once the peak mark is reset (left out where it cannot be reset).
    Documents are unpickled as a stream from a file, so loading them leaves no spike above the baseline.
    """
    with docs_file.open("rb") as handle:
        docs: list[bytes] = pickle.load(handle)
    run = runners(load_settings(), {"html": defaultdict(float), "page": defaultdict(float)})[name]
    growth: dict[str, int] = {}
    for phase in ("cold", "warm"):
        gc.collect()
        if phase == "warm":
            try:  # Linux >= 4.0: "5" resets the peak-RSS mark to the current RSS
                Path("/proc/self/clear_refs").write_text("5")
            except OSError:
                break
        before = peak_rss_kib()
        time_pass(run, docs)
        growth[phase] = peak_rss_kib() - before
    return growth


def measure_memory(inputs: Inputs) -> dict[str, Any]:
    """Peak-RSS growth (KiB) per phase and system, each system in its own child process; ratios to trafilatura."""
    growth: dict[str, dict[str, int]] = defaultdict(dict)
    with tempfile.TemporaryDirectory() as tmp:
        for name in SYSTEMS:
            docs_file = Path(tmp) / f"{name}.pickle"
            docs_file.write_bytes(pickle.dumps(inputs[name]))
            out = subprocess.run([sys.executable, __file__, "--memory-probe", name, "--docs-file", str(docs_file)],
                                 capture_output=True, text=True, check=True).stdout
            for phase, kib in json.loads(out.strip().splitlines()[-1]).items():
                growth[phase][name] = kib
    ratio = {phase: {name: kib[name] / max(kib["trafilatura"], 1) for name in SYSTEMS} for phase, kib in growth.items()}
    return {"peak_rss_growth_kib": dict(growth), "ratio": ratio}


def table(result: dict[str, Any]) -> str:
    systems, ratio, memory = result["systems"], result["time_ratio"], result["memory"]
    phases = list(memory["ratio"])
    rows = [f"{'system':<13}{'docs/s':>8}{'median s':>10}{'time ratio':>12}"
            + "".join(f"{phase + ' MiB':>11}{'':>7}" for phase in phases) + f"{'refused':>9}"]
    for name in SYSTEMS:
        s = systems[name]
        rows.append(f"{name:<13}{s['docs_per_second']:>8.1f}{s['seconds']:>10.2f}{ratio.get(name, 1.0):>11.2f}x"
                    + "".join(f"{memory['peak_rss_growth_kib'][phase][name] / 1024:>11.1f}"
                              f"{memory['ratio'][phase][name]:>6.1f}x" for phase in phases) + f"{s['refused']:>9}")
    verdict = "met" if ratio["html"] <= TARGET_HTML_RATIO else "MISSED"
    rows.append(f"\nHTML mode target: time ratio <= {TARGET_HTML_RATIO} ({verdict})")
    shares = result["stage_share"]
    names = [stage.name for stage in STAGES if any(stage.name in share for share in shares.values())]
    rows.append(f"\n{'stage share':<13}" + "".join(f"{name:>12}" for name in names))
    for mode, share in shares.items():
        rows.append(f"{mode:<13}" + "".join(f"{share.get(name, 0.0):>12.1%}" for name in names))
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = base_parser(__doc__.splitlines()[0], DEFAULT_SHARED)
    parser.add_argument("--memory-probe", choices=SYSTEMS, help=argparse.SUPPRESS)
    parser.add_argument("--docs-file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_probe:
        print(json.dumps(memory_probe(args.memory_probe, args.docs_file)))
        return 0
    if not (args.shared / BENCH).is_dir():
        print(f"skipped: {args.shared / BENCH} not found")
        return 0
    inputs = prepare(args.shared)
    result: dict[str, Any] = {"pages": len(inputs["html"]), "repeat": args.repeat, "until": UNTIL,
                              "target_html_ratio": TARGET_HTML_RATIO,
                              **measure_speed(inputs, load_settings(), max(args.repeat, 1)),
                              "memory": measure_memory(inputs)}
    print(json.dumps(result, indent=2) if args.json else table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
