"""The events stage."""
from dateline.stages.events.stage import run

__all__ = ["run"]
