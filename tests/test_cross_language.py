"""The same people and places get the same canonical name in French, English and Russian.

Three parallel articles, hand-written for this test, about one visit. Each entity is found by
the surface it has in that language's article (Russian inflected where the text inflects it).
"""
from __future__ import annotations

from itertools import combinations
from typing import Any

import pytest

from dateline.api import make_document
from dateline.pipeline import run_stages
from dateline.settings import Settings

ARTICLES = {
    "fr": ("Le ministre russe des Affaires étrangères, Sergueï Lavrov, est arrivé mardi à Damas pour une "
           "visite de deux jours en Syrie. Lavrov doit ensuite se rendre à Alep, où la Russie finance la "
           "reconstruction de l'aéroport. Il rentrera à Moscou jeudi soir."),
    "en": ("Russian Foreign Minister Sergey Lavrov arrived in Damascus on Tuesday for a two-day visit to "
           "Syria. Lavrov will then travel to Aleppo, where Russia is paying for the reconstruction of the "
           "airport. He will return to Moscow on Thursday evening."),
    "ru": ("Министр иностранных дел России Сергей Лавров во вторник прибыл в Дамаск с двухдневным визитом "
           "в Сирию. Затем Лавров отправится в Алеппо, где Россия финансирует восстановление аэропорта. "
           "В четверг вечером он вернётся в Москву."),
}
# The surface of each referent in each article.
SURFACES = {
    "Lavrov": {"fr": "Sergueï Lavrov", "en": "Sergey Lavrov", "ru": "Сергей Лавров"},
    "Aleppo": {"fr": "Alep", "en": "Aleppo", "ru": "Алеппо"},
    "Russia": {"fr": "Russie", "en": "Russia", "ru": "Россия"},
    "Syria": {"fr": "Syrie", "en": "Syria", "ru": "Сирию"},
    "Damascus": {"fr": "Damas", "en": "Damascus", "ru": "Дамаск"},
    "Moscow": {"fr": "Moscou", "en": "Moscow", "ru": "Москву"},
}
# Referents known not to agree across the three languages yet (each a strict xfail).
KNOWN_GAPS: dict[str, str] = {}


@pytest.fixture(scope="module")
def entities() -> dict[str, list[dict[str, Any]]]:
    found = {}
    for lang, text in ARTICLES.items():
        doc = make_document(text.encode("utf-8"), f"<{lang}>", input="text", lang=lang)
        found[lang] = run_stages(doc, Settings()).entities
    return found


def entity_with(entities: list[dict[str, Any]], surface: str) -> dict[str, Any] | None:
    return next((e for e in entities if any(m["text"] == surface for m in e["mentions"])), None)


def cases() -> list[Any]:
    return [pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[name]))
            if name in KNOWN_GAPS else name for name in SURFACES]


@pytest.mark.parametrize("referent", cases())
def test_a_referent_has_one_canonical_name_and_shared_aliases_across_languages(referent, entities):
    found = {lang: entity_with(entities[lang], surface) for lang, surface in SURFACES[referent].items()}
    assert all(found.values()), {lang: e is not None for lang, e in found.items()}
    canonicals = {lang: e["canonical"] for lang, e in found.items() if e}
    assert len(set(canonicals.values())) == 1, canonicals
    for a, b in combinations(found, 2):
        assert set(found[a]["aliases"]) & set(found[b]["aliases"]), (referent, a, b)
