"""The extract stage: the article's text and metadata out of the input.

Reads ``_decoded`` and ``_input`` (from read); adds ``_lines``, ``_meta``, ``title``, ``author``,
``url``, ``source`` and ``images``.

- ``stage``: HTML through trafilatura (with image captions from the markup); a rendered page or
  clean text split into lines.
- ``metadata``: title, author, publication date, site name and language from a page's markup.
"""
from dateline.stages.extract.stage import run

__all__ = ["run"]
