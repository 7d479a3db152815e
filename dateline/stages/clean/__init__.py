"""The clean stage: page text sorted into the article's body and its chrome.

Reads ``_lines`` (from extract); adds ``removed[]`` (each chrome line with its kind), ``images[]``,
``related[]``, and the ``title`` and ``source`` a rendered page shows.

- ``stage``: classify every line as body or chrome (credits, captions, teasers, calls to
  action, widgets, comments, navigation, templates), from its signals and its neighbours.
- ``media``: credit, caption and teaser lines turned into ``images[]``, ``related[]`` and
  ``removed[]``, so nothing is dropped silently.

The line signals themselves live in ``dateline.common.chrome`` (the language and publication-date
stages read them too).
"""
from dateline.stages.clean.stage import run

__all__ = ["run"]
