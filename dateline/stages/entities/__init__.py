"""The entities stage."""
from dateline.stages.entities.stage import run

__all__ = ["run"]
