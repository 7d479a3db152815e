"""The command line (``dateline``): ``main`` parses and runs one command.

- ``main``: the parser and the entry point;
- ``analyze``: ``analyze``, ``models`` and ``eval``;
- ``ingest``: ``ingest`` and ``failures``;
- ``corpus``: ``search``, ``entity``, ``stories`` and ``export``.

``serve``, ``spark``, ``load`` and ``watch`` will join as modules of their own.
"""
from dateline.cli.main import build_parser, main

__all__ = ["build_parser", "main"]
