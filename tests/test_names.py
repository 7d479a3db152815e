"""Canonical person names: one English-style spelling whatever the language of the article."""
from __future__ import annotations

import pytest

from dateline.names import canonical_person


@pytest.mark.parametrize(("name", "language"), [
    ("Sergey Lavrov", "en"), ("Sergei Lavrov", "en"), ("Sergueï Lavrov", "fr"),
    ("Serguéi Lavrov", "es"), ("Сергей Лавров", "ru"),
])
def test_transcriptions_of_one_name_meet(name: str, language: str) -> None:
    assert canonical_person(name, language) == "Sergey Lavrov"


@pytest.mark.parametrize("name", ["Miguel Ángel Moratinos", "Guillermo Lasso", "José Luis Rodríguez"])
def test_spanish_names_keep_their_spelling_bar_accents(name: str) -> None:
    folded = name.replace("Á", "A").replace("é", "e").replace("í", "i")
    assert canonical_person(name, "es") == folded
