"""Stories: articles about the same happening, grouped online across languages.

Each new article is compared with the stories active around its date: the cosine of its
multilingual embedding with the story's centroid, plus a bonus for each canonical entity it
shares with the story's most-cited ones (names agree across languages once canonical, and a
person's name transcribed from Cyrillic meets its Latin spelling by sound). The
best story above the join threshold takes it; otherwise it opens a new story. Nothing is
recomputed: a join updates one story's centroid and counts, so the cost per article stays flat
as the corpus grows (the candidates are a vector operation over the stories' arrays).
"""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

import numpy as np

from dateline.embed import DIMENSIONS, VECTOR_DTYPE, from_bytes, to_bytes
from dateline.names import joinable_by_sound, sound_key
from dateline.settings import StorySettings

# Entities of a story compared with an article's, and named in its label.
TOP_ENTITIES = 8
LABEL_ENTITIES = 3
# Entity types that identify a story (a date or a MISC term does not).
STORY_ENTITY_TYPES = {"PERSON", "ORG", "GPE", "LOC"}
# Arrays grow by this factor, so appending a story is amortised constant time.
GROWTH = 2
NO_DATE = -1
# What a story counts over its articles (stored as JSON in stories.counts).
COUNT_KINDS = ("entities", "mentions", "events", "languages", "outlets")


@dataclass(frozen=True)
class ArticleFacts:
    """What story assignment reads of an article."""

    id: str
    vector: np.ndarray
    day: int  # proleptic ordinal of its date, NO_DATE when unknown
    mentions: dict[str, int]  # mentions per named entity (canonical name): the label's tie-break
    events: tuple[str, ...]
    language: str | None
    outlet: str | None

    @property
    def entities(self) -> frozenset[str]:
        """The canonical names the article gives."""
        return frozenset(self.mentions)


@lru_cache(maxsize=65536)
def identity(name: str) -> str:
    """What two canonical names share when they name one entity in two scripts: the sound key
    ("Donald Trump" and "Donald Tramp", transcribed from Cyrillic), or the name itself when its
    sound key is too short to tell names apart."""
    key = sound_key(name)
    return key if joinable_by_sound(key) else name


def day_of(value: str | None) -> int:
    try:
        return dt.date.fromisoformat((value or "")[:10]).toordinal()
    except ValueError:
        return NO_DATE


def facts(record: dict[str, Any], vector: np.ndarray, fetched: str | None = None) -> ArticleFacts:
    named = [e for e in record.get("entities", []) if e.get("type") in STORY_ENTITY_TYPES
             and any(m.get("kind", "name") == "name" for m in e.get("mentions", []))]
    mentions: Counter[str] = Counter()
    for entity in named:
        mentions[str(entity.get("canonical") or entity["name"])] += len(entity.get("mentions", []))
    source = record.get("source") or {}
    return ArticleFacts(record["id"], vector, day_of(record.get("published") or fetched), dict(mentions),
                        tuple(ev["type"] for ev in record.get("events", [])), record.get("language"),
                        source.get("domain") or source.get("name"))


@dataclass
class Story:
    id: int
    centroid: np.ndarray  # sum of member vectors (not normalised)
    size: int
    first: int
    last: int
    counts: dict[str, Counter[str]]

    @cached_property
    def ranked_entities(self) -> list[str]:
        """Names cited by the most articles, then by the most mentions (computed once: a join
        makes a new Story)."""
        mentions = self.counts["mentions"]
        ranked = sorted(self.counts["entities"].items(), key=lambda kv: (-kv[1], -mentions[kv[0]], kv[0]))
        return [name for name, _ in ranked]

    def top_entities(self, n: int = TOP_ENTITIES) -> list[str]:
        return self.ranked_entities[:n]

    def label(self) -> str:
        names = ", ".join(self.top_entities(LABEL_ENTITIES)) or "(no named entity)"
        event = self.top_event()
        return f"{names} — {event}" if event else names

    def top_event(self) -> str | None:
        events = self.counts["events"]
        return min(events, key=lambda k: (-events[k], k)) if events else None


def new_story(story_id: int, article: ArticleFacts) -> Story:
    story = Story(story_id, np.zeros(DIMENSIONS, dtype=VECTOR_DTYPE), 0, article.day, article.day,
                  {kind: Counter() for kind in COUNT_KINDS})
    return joined(story, article)


def joined(story: Story, article: ArticleFacts, move_centroid: bool = True) -> Story:
    """The story with one more article (a near-duplicate copy adds to counts, not to the centroid)."""
    counts = {kind: Counter(values) for kind, values in story.counts.items()}
    counts["entities"].update(article.entities)
    counts["mentions"].update(article.mentions)
    # An article's lead event (its first) is what it reports; later ones are context.
    counts["events"].update(article.events[:1])
    counts["languages"].update([article.language] if article.language else [])
    counts["outlets"].update([article.outlet] if article.outlet else [])
    days = [d for d in (story.first, story.last, article.day) if d != NO_DATE]
    centroid = story.centroid + article.vector if move_centroid else story.centroid
    return Story(story.id, centroid, story.size + 1, min(days, default=NO_DATE), max(days, default=NO_DATE), counts)


@dataclass
class StoryIndex:
    """The stories of the store, in arrays for a vectorised comparison."""

    settings: StorySettings
    stories: dict[int, Story] = field(default_factory=dict)
    ids: list[int] = field(default_factory=list)
    rows: dict[int, int] = field(default_factory=dict)
    matrix: np.ndarray = field(default_factory=lambda: np.zeros((0, DIMENSIONS), dtype=VECTOR_DTYPE))
    first: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    last: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    def next_id(self) -> int:
        return max(self.ids, default=0) + 1

    def choose(self, article: ArticleFacts) -> tuple[int | None, float]:
        """The story the article joins and its score, or (None, best score) for a new one."""
        n = len(self.ids)
        if n == 0:
            return None, 0.0
        window = self.settings.window_days
        live = np.ones(n, dtype=bool) if article.day == NO_DATE else (
            (self.first[:n] == NO_DATE) | ((self.first[:n] - window <= article.day)
                                           & (article.day <= self.last[:n] + window)))
        candidates = np.flatnonzero(live)
        if candidates.size == 0:
            return None, 0.0
        cosines = self.matrix[candidates] @ article.vector
        # Only a story close enough for the bonus to matter is looked at by name: the cost per
        # article stays flat however many stories are live.
        close = np.flatnonzero(cosines >= self.settings.join_similarity - self.settings.max_entity_bonus)
        if close.size == 0:
            return None, float(cosines.max())
        scores = cosines[close] + np.array([self.bonus(self.stories[self.ids[candidates[i]]], article)
                                            for i in close])
        best = int(np.argmax(scores))
        score = float(scores[best])
        if score < self.settings.join_similarity:
            return None, score
        return self.ids[int(candidates[close[best]])], score

    def bonus(self, story: Story, article: ArticleFacts) -> float:
        top = story.top_entities()
        sounds = {identity(name) for name in top}
        shared = sum(1 for name in article.entities if name in top or identity(name) in sounds)
        return min(self.settings.max_entity_bonus, self.settings.entity_bonus * shared)

    def put(self, story: Story) -> None:
        """Add or replace a story in memory."""
        norm = float(np.linalg.norm(story.centroid)) or 1.0
        if story.id not in self.rows:
            self._grow()
            self.rows[story.id] = len(self.ids)
            self.ids.append(story.id)
        row = self.rows[story.id]
        self.stories[story.id] = story
        self.matrix[row] = story.centroid / norm
        self.first[row], self.last[row] = story.first, story.last

    def _grow(self) -> None:
        n = len(self.ids)
        if n < self.matrix.shape[0]:
            return
        size = max(16, n * GROWTH)
        self.matrix = np.resize(self.matrix, (size, DIMENSIONS))
        self.first, self.last = np.resize(self.first, size), np.resize(self.last, size)


def story_row(story: Story) -> tuple[Any, ...]:
    """The stories table's row for a story."""
    def iso(day: int) -> str | None:
        return None if day == NO_DATE else dt.date.fromordinal(day).isoformat()

    def ranked(kind: str) -> list[str]:
        return [k for k, _ in sorted(story.counts[kind].items(), key=lambda kv: (-kv[1], kv[0]))]

    counts = {kind: dict(sorted(values.items())) for kind, values in story.counts.items()}
    return (story.id, story.label(), story.size, iso(story.first), iso(story.last),
            json.dumps(ranked("languages")), json.dumps(ranked("outlets"), ensure_ascii=False),
            json.dumps(story.top_entities(), ensure_ascii=False), story.top_event(),
            to_bytes(story.centroid), json.dumps(counts, ensure_ascii=False))


def save_story(conn: sqlite3.Connection, story: Story) -> None:
    conn.execute("INSERT OR REPLACE INTO stories (id, label, size, first_date, last_date, languages, outlets, "
                 "top_entities, top_event, centroid, counts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 story_row(story))


def load_stories(conn: sqlite3.Connection, settings: StorySettings) -> StoryIndex:
    """The index as the store holds it, for a run that continues the corpus."""
    index = StoryIndex(settings)
    for row in conn.execute("SELECT id, size, first_date, last_date, centroid, counts FROM stories ORDER BY id"):
        stored = json.loads(row[5])
        counts = {kind: Counter(stored.get(kind, {})) for kind in COUNT_KINDS}
        index.put(Story(int(row[0]), from_bytes(row[4]).copy(), int(row[1]), day_of(row[2]), day_of(row[3]),
                        counts))
    return index
