"""The command line: one parser, its commands wired in from one module per group.

- ``analyze``: ``analyze``, ``models`` and ``eval`` (documents one at a time);
- ``ingest``: ``ingest`` and ``failures`` (building a corpus);
- ``corpus``: ``search``, ``entity``, ``stories`` and ``export`` (reading one).
"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from dateline.cli.analyze import add_analyze_commands
from dateline.cli.corpus import add_corpus_commands
from dateline.cli.ingest import add_ingest_commands

DESCRIPTION = ("dateline turns raw news pages into a clean, searchable record of who said and did "
               "what to whom, where and when.")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dateline", description=DESCRIPTION)
    parser.add_argument("--config", help="TOML settings file (see dateline/settings.py)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add_analyze_commands(sub)
    add_ingest_commands(sub)
    add_corpus_commands(sub)
    return parser


def quiet_closed_pipe() -> int:
    """A reader that stopped early (``| head``) ends the command quietly, as Unix tools do:
    further writes go to /dev/null so the interpreter's final flush raises nothing."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return quiet_closed_pipe()
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
