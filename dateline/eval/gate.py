"""``dateline eval``: run the suites, compare each score with its floor, fail below a floor.

Floors live in ``dateline/eval/baseline.json``. ``--update-baseline`` raises floors to the
new scores (rounded down) and adds new metrics; it never lowers a floor. Lowering one is a
deliberate, reviewed edit of that file, never a side effect.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable
from pathlib import Path

from dateline.eval import corpus, entities, events, extraction, places, plover_gsr, quotes, real_news, seed
from dateline.settings import Settings, load_settings

BASELINE = Path(__file__).with_name("baseline.json")
DEFAULT_SHARED = Path("../shared")
SUITES: dict[str, Callable[[Path, Settings], dict[str, float]]] = {
    "seed": seed.run,
    "extraction": extraction.run,
    "entities": entities.run,
    "places": places.run,
    "quotes": quotes.run,
    "events": events.run,
    "plover": plover_gsr.run,
    "real": real_news.run,
    "corpus": corpus.run,
}
# Suites that read ../shared; the others use gold sets kept in this repository.
NEEDS_SHARED = {"seed", "extraction", "plover"}
# Scores that are references (other systems), reported but never gated.
REFERENCE_PREFIX = "reference_"
# Floors keep three decimals, rounded down, so the same code always passes its own floor.
PRECISION = 1000


def floor_of(score: float) -> float:
    return math.floor(score * PRECISION) / PRECISION


def load_baseline(path: Path) -> dict[str, float]:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def compare(scores: dict[str, float], floors: dict[str, float]) -> list[str]:
    """The metrics that fell below their floor, as readable lines."""
    return [f"{name}: {scores[name]:.4f} < floor {floor:.3f}"
            for name, floor in sorted(floors.items()) if name in scores and scores[name] < floor]


def raised(scores: dict[str, float], floors: dict[str, float]) -> dict[str, float]:
    """New floors: never lower than before, never above the measured score."""
    updated = dict(floors)
    for name, score in scores.items():
        if not name.rsplit(".", 1)[-1].startswith(REFERENCE_PREFIX):
            updated[name] = max(floors.get(name, 0.0), floor_of(score))
    return dict(sorted(updated.items()))


def run_suites(shared: Path, names: list[str], settings: Settings) -> dict[str, float]:
    scores: dict[str, float] = {}
    for name in names:
        for metric, value in SUITES[name](shared, settings).items():
            scores[f"{name}.{metric}"] = value
    return scores


def main(args: argparse.Namespace) -> int:
    shared = Path(args.shared) if args.shared else DEFAULT_SHARED
    baseline = Path(args.baseline) if args.baseline else BASELINE
    names = args.suite or list(SUITES)
    unknown = set(names) - set(SUITES)
    if unknown:
        print(f"error: unknown suite(s) {sorted(unknown)}; known: {sorted(SUITES)}", file=sys.stderr)
        return 2
    if not shared.is_dir():
        skipped = [n for n in names if n in NEEDS_SHARED]
        names = [n for n in names if n not in NEEDS_SHARED]
        if skipped:
            print(f"skipped {', '.join(skipped)}: evaluation data not found at {shared} (pass --shared)")
        if not names:
            return 0
    scores = run_suites(shared, names, load_settings(getattr(args, "config", None)))
    floors = load_baseline(baseline)
    if args.json:
        print(json.dumps({"scores": scores, "floors": floors}, indent=2))
    else:
        for name, value in scores.items():
            floor = floors.get(name)
            mark = "" if floor is None else f"  (floor {floor:.3f})"
            print(f"{name:<45} {value:.4f}{mark}")
    failures = compare(scores, floors)
    if args.update_baseline:
        baseline.write_text(json.dumps(raised(scores, floors), indent=2) + "\n", encoding="utf-8")
        print(f"baseline updated: {baseline}")
    for line in failures:
        print(f"FAIL {line}", file=sys.stderr)
    return 1 if failures else 0
