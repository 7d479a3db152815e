"""Suite ``real``: quotes and events on real published news (tests/gold/real-news, see its README).

Two sources, each split into a development half and a held-out half that is never read while
tuning (its scores carry the prefix ``heldout_``):

- ``en``: real English articles of the extraction benchmark in ``../shared`` (their true bodies);
  the repository keeps only the labels, as character offsets into each body, with the body's
  checksum. Left out when ``../shared`` is absent.
- ``fr``, ``ru``, ``es``: Wikinews articles (CC BY 2.5), text and labels in the repository.

Each article is analysed as clean text of its language. Quotes are scored as in the ``quotes``
suite (``quote_precision``, ``quote_recall``, ``quote_f1``, ``speaker_accuracy``,
``kind_accuracy``), plus ``indirect_recall`` and ``mixed_recall``. Events (the sentences the
annotators labelled, one event each at most):

- ``event_precision``, ``event_recall``, ``event_f1``: a predicted event (not a repeat) matches a
  gold event when its sentence overlaps the gold sentence and its type is the gold type, one to one;
- ``event_actor``: of the matched events, the share where every gold actor phrase matches an
  actor phrase or entity of the predicted event (the phrase rule of ``event_match``);
- ``event_recipient``: the same for recipients, over matched events with a gold recipient;
- ``event_type_accuracy``: of the gold events, the share whose sentence has a predicted event of
  the gold type (the PLOVER suite's type accuracy, on whole articles).
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dateline.eval.event_match import all_found
from dateline.eval.quotes import analyse, score_article
from dateline.eval.scoring import Counts
from dateline.settings import Settings

GOLD_DIR = Path(__file__).parents[2] / "tests/gold/real-news"
GROUND_TRUTH = Path("bench/article-extraction/ground-truth.json")
SPACE = re.compile(r"\s+")


def squeeze(text: str) -> str:
    return SPACE.sub(" ", text).strip()


def cut(body: str, span: list[int]) -> str:
    return body[span[0]:span[1]]


def quote_from(body: str, item: dict[str, Any]) -> dict[str, Any]:
    parts = [cut(body, s) for s in item.get("parts") or [item["span"]]]
    return {**item, "text": " ".join(parts)}


def event_from(body: str, item: dict[str, Any]) -> dict[str, Any]:
    return {**item, "sentence": cut(body, item["sentence"]),
            "actor": [cut(body, s) for s in item["actor"]], "recipient": [cut(body, s) for s in item["recipient"]],
            "trigger": cut(body, item["trigger"]) if item.get("trigger") else None}


def english_articles(shared: Path, split: str) -> Iterator[dict[str, Any]]:
    """The labelled benchmark articles of one split, rebuilt from ../shared; none without it."""
    truth_path = shared / GROUND_TRUTH
    if not truth_path.exists():
        return
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    for line in (GOLD_DIR / f"en.{split}.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        body = truth[row["page"]]["articleBody"]
        if hashlib.sha1(body.encode("utf-8")).hexdigest()[:16] != row["sha1"]:
            raise ValueError(f"the benchmark body of {row['page']} changed: its labels no longer apply")
        yield {"language": "en", "name": row["page"], "text": body,
               "quotes": None if row["quotes"] is None else [quote_from(body, q) for q in row["quotes"]],
               "events": None if row["events"] is None else [event_from(body, e) for e in row["events"]]}


def wikinews_articles(split: str) -> Iterator[dict[str, Any]]:
    """The Wikinews articles of one split, every language (``wikinews-<code>/``)."""
    for path in sorted(GOLD_DIR.glob("wikinews-*/*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        if article["split"] == split:
            yield {**article, "name": path.name}


class EventTally:
    """Matched, predicted and gold events, and the matched events' right actors and recipients."""

    def __init__(self) -> None:
        self.counts = Counts()
        self.actor = [0, 0]
        self.recipient = [0, 0]
        self.typed = [0, 0]

    def scores(self) -> dict[str, float]:
        def ratio(pair: list[int]) -> float:
            return pair[0] / pair[1] if pair[1] else 0.0
        return {"event_precision": self.counts.precision(), "event_recall": self.counts.recall(),
                "event_f1": self.counts.f1(), "event_actor": ratio(self.actor),
                "event_recipient": ratio(self.recipient), "event_type_accuracy": ratio(self.typed)}


def sentence_span(text: str, sentence: str) -> tuple[int, int] | None:
    """Where a gold sentence lies in the analysed text (whose spaces the paragraphs stage squeezed)."""
    wanted = squeeze(sentence)
    start = text.find(wanted)
    return None if start < 0 else (start, start + len(wanted))


def score_events(record: dict[str, Any], golds: list[dict[str, Any]], lang: str, tally: EventTally) -> None:
    predicted = [e for e in record.get("events") or [] if e.get("duplicate_of") is None]
    entities = {e["id"]: e for e in record.get("entities") or []}
    text = record.get("text") or ""
    used: set[int] = set()
    matched = 0
    for gold in golds:
        span = sentence_span(text, gold["sentence"])
        inside = [i for i, e in enumerate(predicted) if span is not None
                  and e.get("sentence_start", -1) < span[1] and e.get("sentence_end", -1) > span[0]]
        tally.typed[1] += 1
        tally.typed[0] += any(predicted[i].get("type") == gold["type"] for i in inside)
        hit = next((i for i in inside if i not in used and predicted[i].get("type") == gold["type"]), None)
        if hit is None:
            continue
        used.add(hit)
        matched += 1
        event = predicted[hit]
        tally.actor[1] += 1
        tally.actor[0] += all_found(gold["actor"], event.get("actor_text") or [], event.get("actor") or [],
                                    entities, lang)
        if gold["recipient"]:
            tally.recipient[1] += 1
            tally.recipient[0] += all_found(gold["recipient"], event.get("recipient_text") or [],
                                            event.get("recipient") or [], entities, lang)
    tally.counts.add(Counts(matched, len(predicted), len(golds)))


def score_split(articles: list[dict[str, Any]], settings: Settings, prefix: str) -> dict[str, float]:
    scores: dict[str, float] = {}
    for lang in sorted({a["language"] for a in articles}):
        counts, tallies, recalls = Counts(), [0, 0, 0], {"indirect": [0, 0], "mixed": [0, 0]}
        events = EventTally()
        for article in (a for a in articles if a["language"] == lang):
            record = analyse(article, article["name"], settings)
            if article["quotes"] is not None:
                quote_counts, matched, speakers, kinds, found = score_article(record, article)
                counts.add(quote_counts)
                for k, value in enumerate((matched, speakers, kinds)):
                    tallies[k] += value
                for kind, pair in recalls.items():
                    pair[0] += sum(1 for j in found if article["quotes"][j]["kind"] == kind)
                    pair[1] += sum(1 for q in article["quotes"] if q["kind"] == kind)
            if article["events"] is not None:
                score_events(record, article["events"], lang, events)
        matched, speakers, kinds = tallies
        head = f"{prefix}{lang}_"
        scores.update({f"{head}quote_precision": counts.precision(), f"{head}quote_recall": counts.recall(),
                       f"{head}quote_f1": counts.f1(),
                       f"{head}speaker_accuracy": speakers / matched if matched else 0.0,
                       f"{head}kind_accuracy": kinds / matched if matched else 0.0,
                       **{f"{head}{kind}_recall": hit / total if total else 0.0
                          for kind, (hit, total) in recalls.items()},
                       **{f"{head}{name}": value for name, value in events.scores().items()}})
    return scores


def run(shared: Path, settings: Settings) -> dict[str, float]:
    """The development halves' scores, then the held-out halves'."""
    scores: dict[str, float] = {}
    for split, prefix in (("dev", ""), ("heldout", "heldout_")):
        articles = [*english_articles(shared, split), *wikinews_articles(split)]
        scores.update(score_split(articles, settings, prefix))
    return scores
