"""The README's claims about the code that a test can keep true."""
from __future__ import annotations

import re
from pathlib import Path

from dateline.pipeline import STAGES

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
# A path the README names inside backquotes: `dateline/...`, `tests/...`, `benchmarks/...`.
NAMED_PATH = re.compile(r"`((?:dateline|tests|benchmarks|scripts)/[\w./-]*[\w/])`")


def test_every_path_the_readme_names_exists() -> None:
    named = {m.group(1) for m in NAMED_PATH.finditer(README) if "<" not in m.group(1) and "{" not in m.group(1)}
    missing = sorted(path for path in named if not (ROOT / path).exists())
    assert named and not missing


def test_the_stages_folder_holds_one_entry_per_registered_stage() -> None:
    folder = ROOT / "dateline" / "stages"
    entries = {p.stem for p in folder.iterdir() if p.name != "__init__.py" and p.name != "__pycache__"
               and (p.suffix == ".py" or (p / "__init__.py").exists())}
    assert entries == {stage.name for stage in STAGES}
