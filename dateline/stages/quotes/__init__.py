"""The quotes stage: every direct, indirect and mixed quote, with its speaker.

Reads ``_analysis``, ``text``, ``paragraphs`` and ``entities``; adds ``quotes[]``.

- ``stage``: quotes assembled (split and carried-over quotes joined, repeats marked), speakers set.
- ``marks``: the spans between quotation marks or after a dialogue dash, paragraph by paragraph.
- ``cues``: the reporting words ("a déclaré", "said", "according to", "заявил") and what
  each attributes.
- ``clauses``: reported speech found from its cue, with or without quotation marks.
- ``speakers``: the entity a speaker phrase ("il", "the spokesman", a name) stands for.
- ``posts``: social-media posts embedded in the page and rendered as text, quotes of their author.
"""
from dateline.stages.quotes.stage import run

__all__ = ["run"]
