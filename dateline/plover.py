"""PLOVER, the event ontology, as data: the sixteen event types with their intensity scores,
modes, quad categories and whether they need a recipient, and the CAMEO->PLOVER conversion.

The data (dateline/lang/all/plover.toml) is derived from the PLOVER manual and its CAMEO2PLOVER
table (Open Event Data Alliance, CC BY-SA 4.0) by scripts/build_plover_table.py. Scores are
as the manual publishes them (its table gives ACCUSE a base score of +3, against the sign of
its modes; it is kept as published).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from dateline.lexicon import load


@dataclass(frozen=True)
class Cameo:
    code: str
    type: str  # PLOVER type
    mode: str  # PLOVER mode, "" when none
    context: str
    label: str  # the CAMEO category's name


@cache
def table() -> dict[str, Any]:
    return load("all", "plover")


def types() -> tuple[str, ...]:
    """The sixteen PLOVER event types."""
    return tuple(sorted(table().get("types", {})))


def cameo(code: str) -> Cameo | None:
    """The PLOVER type and mode of a CAMEO code ("041" is CONSULT by phone), or None."""
    row = table().get("cameo", {}).get(code)
    return Cameo(code, row["type"], row["mode"], row["context"], row["label"]) if row else None


def score(kind: str, mode: str | None = None) -> float | None:
    """The conflict-cooperation score of a type, of its mode when the manual scores it."""
    entry = table().get("types", {}).get(kind)
    if entry is None:
        return None
    return float(entry.get("modes", {}).get(mode or "", entry["score"]))


def cameo_for(kind: str, mode: str | None = None) -> str | None:
    """The CAMEO code of a type and mode: the category that defines that mode (the shortest
    code with both, "041" for CONSULT by phone), else the type's root category ("18")."""
    rows = table().get("cameo", {})
    exact = [code for code, row in rows.items() if row["type"] == kind and mode and row["mode"] == mode]
    general = [code for code, row in rows.items() if row["type"] == kind]
    found = exact or general
    return min(found, key=lambda code: (len(code), code)) if found else None


@cache
def defaults() -> dict[str, str]:
    """The representative CAMEO code of each type and of each type's mode
    (lang/all/cameo_defaults.toml), empty when the file is absent."""
    return dict(load("all", "cameo_defaults").get("defaults", {}))


@cache
def has_mode(kind: str, mode: str) -> bool:
    """Whether any CAMEO category of the table is of this type and mode."""
    return any(row["type"] == kind and row["mode"] == mode for row in table().get("cameo", {}).values())


def code_for(kind: str, mode: str | None = None, named: str | None = None) -> str | None:
    """The most specific CAMEO code an event supports: the code its trigger word names when
    that code is of its type and (if both have one, and the table knows the event's mode) its
    mode, else the representative code of
    its type and mode, else of its type, else the table's own choice (``cameo_for``)."""
    entry = cameo(named) if named else None
    if entry is not None and entry.type == kind and (not mode or not entry.mode or entry.mode == mode
                                                     or not has_mode(kind, mode)):
        return entry.code
    table = defaults()
    if mode and f"{kind}.{mode}" in table:
        return table[f"{kind}.{mode}"]
    return table.get(kind) or cameo_for(kind, mode)
