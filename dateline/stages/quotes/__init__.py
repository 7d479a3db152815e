"""The quotes stage."""
from dateline.stages.quotes.stage import run

__all__ = ["run"]
