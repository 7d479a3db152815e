"""Regenerate dateline/lang/all/plover.toml from the PLOVER reference (../shared/ref/plover).

The CAMEO->PLOVER conversion table and the conflict-cooperation score table of the PLOVER
manual are facts published by the Open Event Data Alliance under CC BY-SA 4.0; the derived
file carries that licence. Run: .venv/bin/python scripts/build_plover_table.py [REF_DIR]
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

REF = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared/ref/plover"
OUT = Path(__file__).resolve().parents[1] / "dateline/lang/all/plover.toml"
ROW = re.compile(r"^(\d{2,4}):\s*([A-Z]+)?\s*(?:,\s*([^,#]*?)\s*(?:,\s*([^#]*?))?)?\s*(?:#\s*(.*))?$")
GREY = r"(?:\\cellcolor\{gray!25\})?"  # the shading of a type's own row
SCORE = re.compile(GREY + r"([A-Z]+)(?::\s*([A-Za-z-]+))?\s*&\s*" + GREY + r"(-?\d+(?:\.\d+)?)")
QUADS = {"VERBAL COOPERATION": "verbal cooperation", "MATERIAL COOPERATION": "material cooperation",
         "VERBAL CONFLICT": "verbal conflict", "MATERIAL CONFLICT": "material conflict"}


def cameo_rows(text: str) -> dict[str, dict[str, str]]:
    rows: dict[str, dict[str, str]] = {}
    for line in text.splitlines():
        match = ROW.match(line.strip())
        if not match or not match.group(2):
            continue
        code, kind, mode, context, label = match.groups()
        rows.setdefault(code, {"type": kind, "mode": (mode or "").strip().lower(),
                               "context": " ".join((context or "").split()), "label": (label or "").strip()})
    return rows


def scores(tex: str) -> dict[str, dict[str, float]]:
    table = tex[tex.index(r"\caption{PLOVER conflict--cooperation scores}", tex.index(r"\end{tabular}") + 1):]
    table = table[:table.index(r"\end{tabular}")]
    found: dict[str, dict[str, float]] = {}
    for kind, mode, value in SCORE.findall(table):
        found.setdefault(kind, {})["" if not mode else mode.lower()] = float(value)
    return found


def facts(tex: str) -> dict[str, dict[str, object]]:
    """Per type: whether it requires a recipient and its quad category."""
    out: dict[str, dict[str, object]] = {}
    for section in re.split(r"\\section\{", tex)[1:]:
        name = section[:section.index("}")]
        if not name.isupper():
            continue
        recipient = re.search(r"Requires recipient:\s*(Yes|No)", section)
        quad = re.search(r"Quad category:\s*([A-Z ]+)\}", section)
        out[name] = {"requires_recipient": bool(recipient and recipient.group(1) == "Yes"),
                     "quad": QUADS.get(quad.group(1).strip(), "") if quad else ""}
    return out


def main() -> int:
    rows = cameo_rows((REF / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8"))
    tex = (REF / "PLOVER_MANUAL.tex").read_text(encoding="utf-8")
    score, fact = scores(tex), facts(tex)
    lines = ["# PLOVER event types and the CAMEO->PLOVER conversion, as data.",
             "# Derived from the PLOVER manual (draft 0.8, 17 September 2021) and its CAMEO2PLOVER table,",
             "# Open Event Data Alliance, https://github.com/openeventdata/PLOVER. This file is licensed under",
             "# Creative Commons Attribution-ShareAlike 4.0 International, as its source is.",
             "# Regenerate with scripts/build_plover_table.py; do not edit by hand.", ""]
    for kind in sorted(score):
        lines.append(f"[types.{kind}]")
        lines.append(f"score = {score[kind].get('', 0.0)}")
        lines.append(f"quad = {json.dumps(fact.get(kind, {}).get('quad', ''))}")
        lines.append(f"requires_recipient = {str(fact.get(kind, {}).get('requires_recipient', False)).lower()}")
        modes = {m: v for m, v in score[kind].items() if m}
        lines.append("modes = { " + ", ".join(f"{json.dumps(m)} = {v}" for m, v in sorted(modes.items())) + " }")
        lines.append("")
    lines.append("[cameo]")
    for code, row in sorted(rows.items()):
        lines.append(f"{json.dumps(code)} = {{ type = {json.dumps(row['type'])}, mode = {json.dumps(row['mode'])}, "
                     f"context = {json.dumps(row['context'])}, label = {json.dumps(row['label'])} }}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(score)} types, {len(rows)} CAMEO codes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
