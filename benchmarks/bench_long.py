"""How the language stages grow with one long sentence: linear or worse.

A page of one run-on sentence (clauses joined by commas, as scraped tables and lists can give)
is built at a base size and at twice it, and analysed once each in this process. For every
stage the script prints its time at both sizes and the growth ratio: about 2 is linear, about
4 quadratic. The reference is the analysis stage (the model) on the same texts. No absolute
time is a target; the check is that no stage after the model grows faster than
``MAX_GROWTH`` when the input doubles.

    .venv/bin/python benchmarks/bench_long.py [--clauses N] [--json]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict

from timing import timed_stages

from dateline.api import make_document
from dateline.pipeline import run_stages
from dateline.settings import Settings

# One clause of the run-on sentence: two events, two groups, a place.
CLAUSE = "les rebelles ont attaqué la ville de Homs et l'armée a bombardé les positions des insurgés, "
BASE_CLAUSES = 300
# A stage whose time more than triples when its input doubles is not linear.
MAX_GROWTH = 3.0


def stage_times(clauses: int) -> dict[str, float]:
    totals: dict[str, float] = defaultdict(float)
    text = "Titre\n\n" + CLAUSE * clauses + "."
    doc = make_document(text.encode(), "<long>", input="text", lang="fr")
    run_stages(doc, Settings(), stages=timed_stages(totals))
    return dict(totals)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clauses", type=int, default=BASE_CLAUSES)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    stage_times(10)  # load the model before timing
    small, large = stage_times(args.clauses), stage_times(2 * args.clauses)
    growth = {name: large[name] / small[name] for name in small if small[name] > 0.001}
    worst = {name: g for name, g in growth.items() if name != "analysis" and g > MAX_GROWTH}
    if args.json:
        print(json.dumps({"small": small, "large": large, "growth": growth}, indent=2))
    else:
        print(f"one sentence of {args.clauses} and {2 * args.clauses} clauses (fr)")
        for name in small:
            if name in growth:
                print(f"{name:<12} {small[name]:7.2f} s {large[name]:7.2f} s  growth {growth[name]:.2f}x")
        print(f"stages growing more than {MAX_GROWTH}x: {', '.join(worst) or 'none'}")
    return 1 if worst else 0


if __name__ == "__main__":
    sys.exit(main())
