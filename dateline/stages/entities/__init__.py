"""The entities stage: people, organisations and places, one entry per real-world entity.

Reads ``_analysis`` (the parse), ``text`` and ``language``; adds ``entities[]``, each merged from
its names, titles, descriptions and pronouns, with a role, a country and a canonical name.

- ``stage``: mentions merged by name, surname, alias and script; types, roles and countries settled.
- ``collectives``: organisations named by a description ("le ministère russe des Affaires
  étrangères"), acronyms joined to their names.
- ``groups``: unnamed collective actors ("l'armée syrienne", "the police", "боевики") with their
  country and PLOVER sector.

Mentions, roles, gender and pronouns are in ``dateline.common`` (the quote stage uses them too).
"""
from dateline.stages.entities.stage import run

__all__ = ["run"]
