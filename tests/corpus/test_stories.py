"""Online stories: join by embedding and shared names within the time window, else open a story."""
from __future__ import annotations

import numpy as np

from dateline.corpus.stories import (
    ArticleFacts,
    StoryIndex,
    day_of,
    facts,
    joined,
    load_stories,
    new_story,
    save_story,
)
from dateline.embed import DIMENSIONS, embed
from dateline.settings import StorySettings
from dateline.store.db import open_writer

SETTINGS = StorySettings()


def unit(*pairs: tuple[int, float]) -> np.ndarray:
    vector = np.zeros(DIMENSIONS, dtype=np.float32)
    for axis, value in pairs:
        vector[axis] = value
    return vector / np.linalg.norm(vector)


def article(name: str, vector: np.ndarray, date: str = "2026-03-01", entities: tuple[str, ...] = (),
            events: tuple[str, ...] = (), language: str = "en") -> ArticleFacts:
    return ArticleFacts(name, vector, day_of(date), dict.fromkeys(entities, 1), events,
                        language, f"{name}.example")


def index_with(*articles: ArticleFacts) -> StoryIndex:
    index = StoryIndex(SETTINGS)
    for item in articles:
        chosen, _ = index.choose(item)
        index.put(joined(index.stories[chosen], item) if chosen else new_story(index.next_id(), item))
    return index


def test_first_article_opens_a_story() -> None:
    assert StoryIndex(SETTINGS).choose(article("a", unit((0, 1)))) == (None, 0.0)


def test_similar_article_joins_and_different_one_does_not() -> None:
    index = index_with(article("a", unit((0, 1))))
    assert index.choose(article("b", unit((0, 1), (1, 0.3))))[0] == 1
    assert index.choose(article("c", unit((5, 1))))[0] is None


def test_article_outside_the_time_window_opens_a_new_story() -> None:
    index = index_with(article("a", unit((0, 1)), date="2026-03-01"))
    late = f"2026-03-{1 + SETTINGS.window_days + 1:02d}"
    assert index.choose(article("b", unit((0, 1)), date=late))[0] is None
    assert index.choose(article("c", unit((0, 1)), date=f"2026-03-{1 + SETTINGS.window_days:02d}"))[0] == 1


def test_shared_names_tip_a_borderline_article_into_the_story() -> None:
    # cosine just under the join threshold: the shared canonical names decide.
    angle = np.arccos(SETTINGS.join_similarity - 0.05)
    story = article("a", unit((0, 1)), entities=("Sergey Lavrov", "Geneva", "United States"))
    near = unit((0, float(np.cos(angle))), (1, float(np.sin(angle))))
    index = index_with(story)
    assert index.choose(article("b", near))[0] is None
    assert index.choose(article("c", near, entities=("Sergey Lavrov", "Geneva")))[0] == 1


def test_a_name_transcribed_from_cyrillic_counts_as_shared_with_its_latin_spelling() -> None:
    index = index_with(article("a", unit((0, 1)), entities=("Daniel Whitaker", "Joe Li")))
    story = index.stories[1]
    # "Deniel Uitaker" is how "Дэниел Уитакер" transliterates; a short key ("Dzho Li") joins nothing.
    assert index.bonus(story, article("b", unit((0, 1)), entities=("Deniel Uitaker",))) == SETTINGS.entity_bonus
    assert index.bonus(story, article("c", unit((0, 1)), entities=("Dzho Li",))) == 0.0


def test_story_counts_languages_outlets_dates_and_label() -> None:
    a = article("a", unit((0, 1)), "2026-03-01", ("Sergey Lavrov", "Geneva"), ("CONSULT",), "fr")
    b = article("b", unit((0, 1)), "2026-03-02", ("Sergey Lavrov",), ("CONSULT", "ACCUSE"), "ru")
    story = joined(new_story(1, a), b)
    assert story.size == 2 and sorted(story.counts["languages"]) == ["fr", "ru"]
    assert (story.first, story.last) == (day_of("2026-03-01"), day_of("2026-03-02"))
    assert story.label() == "Sergey Lavrov, Geneva — CONSULT"


def test_near_duplicate_counts_but_leaves_the_centroid() -> None:
    a = article("a", unit((0, 1)))
    story = new_story(1, a)
    copy = joined(story, article("copy", unit((3, 1))), move_centroid=False)
    assert copy.size == 2 and np.array_equal(copy.centroid, story.centroid)


def test_stories_survive_a_round_trip_through_the_store(tmp_path: object) -> None:
    conn = open_writer(f"{tmp_path}/s.db")
    story = joined(new_story(1, article("a", unit((0, 1)), entities=("Geneva",))), article("b", unit((1, 1))))
    save_story(conn, story)
    loaded = load_stories(conn, SETTINGS).stories[1]
    assert loaded.size == 2 and loaded.counts["entities"]["Geneva"] == 1
    assert np.allclose(loaded.centroid, story.centroid)


def test_facts_take_named_entities_by_canonical_name() -> None:
    record = {"id": "x", "published": "2026-03-01", "language": "fr", "source": {"domain": "le.example"},
              "entities": [{"name": "Sergueï Lavrov", "canonical": "Sergey Lavrov", "type": "PERSON",
                            "mentions": [{"kind": "name"}, {"kind": "pronoun"}]},
                           {"name": "l'armée", "type": "ORG", "mentions": [{"kind": "nominal"}]}],
              "events": [{"type": "CONSULT"}]}
    found = facts(record, unit((0, 1)))
    assert found.entities == {"Sergey Lavrov"} and found.mentions == {"Sergey Lavrov": 2}
    assert found.events == ("CONSULT",) and found.outlet == "le.example"


def test_encoder_puts_translations_together_and_other_news_apart() -> None:
    fr, en, ru, other = embed(["Les rebelles ont attaqué un convoi humanitaire près d'Alep",
                               "Rebels attacked an aid convoy near Aleppo",
                               "Боевики атаковали гуманитарный конвой под Алеппо",
                               "The central bank left interest rates unchanged"])
    together, apart = min(fr @ en, fr @ ru, en @ ru), max(fr @ other, en @ other, ru @ other)
    assert together > SETTINGS.join_similarity - SETTINGS.max_entity_bonus  # names shared then decide
    assert apart < SETTINGS.join_similarity - SETTINGS.max_entity_bonus
    assert together - apart > 0.3
