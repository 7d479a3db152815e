"""The command line's entry point: its description and how it ends."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from dateline.cli import build_parser

ROOT = Path(__file__).resolve().parents[2]


def test_help_describes_dateline_to_a_user_in_one_sentence() -> None:
    description = build_parser().description or ""
    assert description.startswith("dateline turns raw news pages")
    assert description.count(". ") == 0 and description.endswith(".")
    assert "cli_" not in build_parser().format_help()


def test_a_reader_that_closes_the_pipe_early_ends_the_command_quietly() -> None:
    # `dateline analyze … | head -c 1`: the reader closes after one byte, the batch goes on writing.
    pages = [str(ROOT / "examples" / "corpus")]
    command = f"{sys.executable} -m dateline analyze {' '.join(pages)} --jsonl --lang en | head -c 1"
    done = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, check=False)
    assert "Broken pipe" not in done.stderr and "Traceback" not in done.stderr
    assert done.returncode == 0
