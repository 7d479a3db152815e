"""The extract stage."""
from dateline.stages.extract.stage import run

__all__ = ["run"]
