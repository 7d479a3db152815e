"""Event links: each event tied to the rest of the record, and repeats marked.

- ``place``: the place named after a locative preposition in the event's sentence ("à Alep",
  "dans les quartiers d'Alep", "in Aleppo"), the nearest to the trigger; never one of its
  actors (a capital acting for its government is not where the event happens).
- ``date``: the resolved date of its sentence nearest to the trigger (``date_source`` "text"),
  else the publication date (``date_source`` "published"), else null.
- ``reported_by``: the speaker of the quote or attributed clause that holds the trigger.
- ``duplicate_of``: an event of a paragraph that repeats an earlier one (``paragraphs[].
  duplicate_of``), or of a sentence told word for word before, points to the event it repeats.
"""
from __future__ import annotations

import bisect
from typing import Any

from dateline.common.mentions import children_of
from dateline.nlp import Analysis
from dateline.record import Document, paragraph_index

# Entity types that are places.
PLACE_TYPES = {"GPE", "LOC"}
# How far from its trigger, in characters, an event's place may be named (a sentence can run long).
PLACE_REACH = 400
# How many nouns up from a place name its locative preposition may stand ("dans les quartiers d'Alep").
LOCATIVE_HOPS = 3


def locative(analysis: Analysis, kids: dict[int, list[int]], start: int, end: int, words: frozenset[str]) -> bool:
    """True when the mention's phrase, or a phrase it completes (LOCATIVE_HOPS nouns up), is
    introduced by a locative preposition ("à Alep", "dans les quartiers urbains d'Alep")."""
    inside = analysis.tokens_in(start, end)
    if not inside:
        return False
    tokens = analysis.tokens
    head = next((i for i in inside if tokens[i].head not in inside or tokens[i].head == i), inside[-1])
    for _ in range(LOCATIVE_HOPS):
        preps = [tokens[k].text.lower() for k in kids.get(head, []) if tokens[k].dep == "case"]
        if tokens[head].dep == "pobj":
            preps.append(tokens[tokens[head].head].text.lower())
            head = tokens[head].head
        if any(p in words for p in preps):
            return True
        if tokens[head].pos not in {"NOUN", "PROPN"} or tokens[head].head == head:
            return False
        head = tokens[head].head
    return False


def located_places(doc: Document, locatives: frozenset[str]) -> list[tuple[int, int, str]]:
    """(start, end, entity id) of every place mention introduced by a locative, in text order."""
    kids = children_of(doc._analysis)
    places = {p["entity"] for p in doc.places} | {e["id"] for e in doc.entities if e["type"] in PLACE_TYPES}
    return sorted((m["start"], m["end"], e["id"]) for e in doc.entities if e["id"] in places
                  for m in e["mentions"] if locative(doc._analysis, kids, m["start"], m["end"], locatives))


def place_of(event: dict[str, Any], located: list[tuple[int, int, str]]) -> str | None:
    """The place after a locative preposition in the event's sentence nearest to its trigger
    (within PLACE_REACH characters), none of its actors."""
    low = max(event["sentence_start"], event["start"] - PLACE_REACH)
    high = min(event["sentence_end"], event["end"] + PLACE_REACH)
    actors = set(event["actor"])
    near = [(abs(start - event["start"]), ident) for start, end, ident in
            located[bisect.bisect_left(located, (low,)):bisect.bisect_right(located, (high,))]
            if end <= high and ident not in actors]
    return min(near)[1] if near else None


def date_of(event: dict[str, Any], doc: Document) -> tuple[str | None, str | None, str | None]:
    """(value, source, text) of the event's date."""
    dated = [d for d in doc.dates if d.get("value") and event["sentence_start"] <= d["start"] < event["sentence_end"]]
    if dated:
        nearest = min(dated, key=lambda d: abs(d["start"] - event["start"]))
        return nearest["value"], "text", nearest["text"]
    if doc.published:
        return doc.published, "published", None
    return None, None, None


def reporter_of(event: dict[str, Any], quotes: list[dict[str, Any]]) -> str | None:
    for quote in quotes:
        parts = quote.get("parts") or [[quote["start"], quote["end"]]]
        if any(a <= event["start"] < b for a, b in parts) and quote.get("speaker"):
            return str(quote["speaker"])
    return None


def signature(event: dict[str, Any]) -> tuple[Any, ...]:
    return (event["type"], tuple(sorted(event["actor"])), tuple(sorted(event["recipient"])))


def mark_repeats(events: list[dict[str, Any]], doc: Document) -> None:
    """``duplicate_of``: the earlier event an event repeats, by paragraph or by sentence."""
    sentences: dict[tuple[int, str], int] = {}
    texts: dict[tuple[int, int], str] = {}  # each sentence normalised once, however many events it holds
    for i, event in enumerate(events):
        event["duplicate_of"] = None
        original = doc.paragraphs[event["paragraph"]].get("duplicate_of") if event["paragraph"] is not None else None
        if original is not None:
            same = [j for j, e in enumerate(events[:i]) if e["paragraph"] == original and e["duplicate_of"] is None]
            exact = [j for j in same if signature(events[j]) == signature(event)]
            typed = [j for j in same if events[j]["type"] == event["type"]]
            event["duplicate_of"] = next(iter(exact or typed), None)
        span = (event["sentence_start"], event["sentence_end"])
        if span not in texts:
            texts[span] = " ".join(doc.text[span[0]:span[1]].split())
        sentence = texts[span]
        key = (event["start"] - event["sentence_start"], sentence)
        if event["duplicate_of"] is None and key in sentences:
            event["duplicate_of"] = sentences[key]
        sentences.setdefault(key, i)


def link(events: list[dict[str, Any]], doc: Document, locatives: frozenset[str]) -> list[dict[str, Any]]:
    """The events with their place, date, reporter, paragraph and repeats."""
    located = located_places(doc, locatives)
    spans = [(p["start"], p["end"]) for p in doc.paragraphs]
    for event in events:
        event["place"] = place_of(event, located)
        event["date"], event["date_source"], event["date_text"] = date_of(event, doc)
        event["reported_by"] = reporter_of(event, doc.quotes)
        event["paragraph"] = paragraph_index(spans, event["start"])
    mark_repeats(events, doc)
    return events


def event_key(event: dict[str, Any], entities: dict[str, dict[str, Any]]) -> tuple[Any, ...]:
    """What makes two articles' events one, for the corpus layer's cross-article merging: the
    type, the canonical names of actors and recipients, and the day."""
    def names(ids: list[str]) -> tuple[str, ...]:
        return tuple(sorted(str(entities[i].get("canonical") or entities[i]["name"]) for i in ids if i in entities))
    return (event["type"], names(event["actor"]), names(event["recipient"]), (event.get("date") or "")[:10])
