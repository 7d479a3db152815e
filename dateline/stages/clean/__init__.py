"""The clean stage."""
from dateline.stages.clean.stage import run

__all__ = ["run"]
