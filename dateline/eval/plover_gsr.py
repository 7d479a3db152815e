"""Suite ``plover``: the PLOVER gold-standard records (../shared/gold/plover, development half).

Each record is one English sentence with one event; the 2016 record "DOCUMENT" (file
documentation) and any record without ``text`` are skipped. Old type names are mapped to the
current manual's (OLD_TYPES). Gold actors are the ``actorText`` values of ``source``; gold
recipients those of ``target`` when it is a list (a string target such as "" or "diplomatic",
or a missing one, means no recipient). The GSR labels neither status, mode nor a trigger span,
so only these are scored (definitions, phrase rule and judged event in ``event_match``):

- ``type_accuracy``: share of sentences whose gold type is among the predicted types;
- ``type_macro_f1``: sentence-level multi-label F1 per PLOVER type, averaged over the gold's types;
- ``actor_match``: over sentences with a gold source, every gold actor phrase matches an actor
  phrase or entity of the judged event (``Hungarian`` matches ``Senior Hungarian and Romanian
  officials``, ``U.N. Security Council`` matches ``Security Council``);
- ``recipient_match``: the same for recipients, over sentences with a gold target list;
- ``type_and_actor``: over sentences with a gold source, the judged event has the gold type and
  its actor matches (type and actor both right).

Every sentence is analysed alone as clean English text.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dateline.eval.event_match import GoldEvent, analyse_texts, sentence_scores
from dateline.settings import Settings

GOLD = Path("gold/plover/plover-gsr-dev.json")
LANGUAGE = "en"
# Type names of the 2016 GSR renamed in the current PLOVER manual (see the GSR's README).
OLD_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# The GSR's own documentation record, not an event.
NOT_AN_EVENT = "DOCUMENT"
MEASURES = ("type_accuracy", "type_macro_f1", "actor_match", "recipient_match", "type_and_actor")


def actor_texts(actors: Any) -> tuple[str, ...]:
    """The ``actorText`` values of a source or target list; anything else is no actor."""
    if not isinstance(actors, list):
        return ()
    return tuple(a["actorText"] for a in actors if isinstance(a, dict) and a.get("actorText"))


def gold_event(record: dict[str, Any]) -> GoldEvent:
    kind = record["event"]
    return GoldEvent(type=OLD_TYPES.get(kind, kind), actor=actor_texts(record.get("source")),
                     recipient=actor_texts(record.get("target")))


def gold_records(path: Path) -> list[dict[str, Any]]:
    """The GSR's event records that have a sentence."""
    records = json.loads(path.read_text(encoding="utf-8"))
    return [r for r in records if r.get("event") != NOT_AN_EVENT and r.get("text")]


def run(shared: Path, settings: Settings) -> dict[str, float]:
    """The five scores over the GSR's sentences; nothing when the file is not there."""
    if not (shared / GOLD).is_file():
        return {}
    items = gold_records(shared / GOLD)
    records = analyse_texts([r["text"] for r in items], [r["id"] for r in items], LANGUAGE, settings)
    scores = sentence_scores([gold_event(r) for r in items], records, LANGUAGE, detail=False)
    return {name: scores[name] for name in MEASURES}
