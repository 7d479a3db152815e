"""The command line."""
from dateline.cli.analyze import main

__all__ = ["main"]
