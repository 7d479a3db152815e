"""The events stage: who did what to whom, coded in PLOVER and CAMEO.

Reads ``_analysis``, ``text``, ``paragraphs``, ``entities``, ``places``, ``dates`` and ``quotes``;
adds ``events[]`` (type, mode, CAMEO code, actor and recipient, status, place, date, evidence).

- ``stage``: one sentence at a time, triggers to coded events.
- ``lexicon``: the language's trigger words by PLOVER type, with modes and status words
  (``dateline/lang/<code>/events.toml``).
- ``triggers``: the words of a sentence that express an event, and which are events of their own.
- ``status``: asserted, planned, alleged, negated or hypothetical, from the parse.
- ``actors`` and ``recipients``: who did it and at whom it is directed, from the parse.
- ``agents``: which argument phrases can be parties (no pronoun without a referent, no place of
  the event, no abstract noun); ``parties``: the sides a plural phrase names.
- ``petrarch``: what PETRARCH2's verb patterns say of an English trigger verb in its sentence.
- ``eventness``: whether a sentence reads as reporting an event at all (a classifier over the
  multilingual sentence embeddings).
- ``phrases``: the noun phrase an argument heads and the entity it mentions.
- ``referents``: who an argument stands for when it names no one directly.
- ``links``: each event tied to its place, date, reporter and paragraph; repeats marked.
"""
from dateline.stages.events.stage import run

__all__ = ["run"]
