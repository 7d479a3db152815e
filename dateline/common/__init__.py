"""Helpers that more than one stage uses; nothing here imports a stage.

- ``chrome``: what each line of page text looks like (clean, language and publication date).
- ``mentions``: spans that name or describe an entity, and parse-tree helpers (entities, quotes, events).
- ``roles``: per-language word lists (titles, pronouns, time words) and what a phrase says of a
  person's office and country.
- ``gender``: what the text says of a person's gender (entities and quote speakers).
- ``pronouns``: the person a pronoun stands for (entities and quote speakers).
"""
