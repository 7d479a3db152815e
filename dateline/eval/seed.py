"""Suite ``seed``: the reference page against its gold annotation (../shared/gold).

Each check is a score in [0, 1]. Chrome kinds are judged "sensible" by the words of the
gold description ("image credit" wants credit, "teaser" wants related, ...). The event scores
(``events_found``, ``event_actors`` ...) are defined in ``seed_events``.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dateline.api import make_document
from dateline.errors import DatelineError
from dateline.eval.seed_events import score_events
from dateline.geo.homonyms import distance_km
from dateline.pipeline import run_stages
from dateline.settings import Settings

GOLD = Path("gold")
# A place counts as geocoded within this distance of its gold coordinates.
GEOCODE_KM = 25.0
# Words of a gold chrome description and the kinds that fit them, most specific first.
KIND_WORDS: tuple[tuple[str, frozenset[str]], ...] = (
    ("teaser", frozenset({"related"})),
    ("credit", frozenset({"credit"})),
    ("caption", frozenset({"caption", "related"})),
    ("button", frozenset({"cta"})),
    ("call to", frozenset({"cta"})),
    ("counter", frozenset({"widget", "comments"})),
    ("comments", frozenset({"comments", "cta"})),
    ("widget", frozenset({"widget", "navigation"})),
    ("template", frozenset({"template"})),
    ("placeholder", frozenset({"template"})),
)


def sensible_kinds(description: str) -> frozenset[str] | None:
    lowered = description.lower()
    return next((kinds for word, kinds in KIND_WORDS if word in lowered), None)


def gold_files(shared: Path) -> list[Path]:
    return sorted(p for p in (shared / GOLD).glob("*.json") if p.is_file())


def ratio(hits: int, total: int) -> float:
    return hits / total if total else 1.0


def score_record(record: dict[str, Any], gold: dict[str, Any]) -> dict[str, float]:
    body_lines = [p["line"] for p in record["paragraphs"]]
    removed = {item["line"]: item["kind"] for item in record["removed"]}
    gold_body = gold["body_lines"]
    kinds_ok = sum(1 for line, desc in gold["boilerplate_lines"].items()
                   if int(line) in removed and removed[int(line)] in (sensible_kinds(desc) or {removed[int(line)]}))
    dups = {(p["line"], body_lines[p["duplicate_of"]]) for p in record["paragraphs"]
            if p["duplicate_of"] is not None}
    gold_dups = {(b, a) for a, b in gold.get("near_duplicate_body_lines", [])}
    return {
        "title_exact": float(record["title"] == gold["title"]),
        "body_recall": ratio(len(set(body_lines) & set(gold_body)), len(gold_body)),
        "body_precision": ratio(len(set(body_lines) & set(gold_body)), len(body_lines)),
        "duplicates_flagged": ratio(len(dups & gold_dups), len(gold_dups)) * float(dups <= gold_dups),
        "chrome_removed": ratio(sum(1 for line in gold["boilerplate_lines"] if int(line) in removed),
                                len(gold["boilerplate_lines"])),
        "chrome_kinds_sensible": ratio(kinds_ok, len(gold["boilerplate_lines"])),
        "language": float(record["language"] == gold["language"]),
        "source": float((record["source"] or {}).get("name") == gold["source"]),
        "published": float(record["published"] == gold["published"]),
    }


def analyze_gold_doc(shared: Path, gold: dict[str, Any], settings: Settings,
                     published: str | None = None) -> dict[str, Any]:
    raw = (shared / gold["doc"]).read_bytes()
    doc = make_document(raw, gold["doc"], input="page", published=published)
    return run_stages(doc, settings).to_json()


def surfaces(entity: dict[str, Any]) -> set[str]:
    return {m["text"] for m in entity["mentions"]} | set(entity.get("aliases", []))


def score_entities(record: dict[str, Any], gold: dict[str, Any]) -> dict[str, float]:
    """Gold entities found as ONE entity with all their surfaces, right type and country;
    the page's non-entities absent; places within GEOCODE_KM; relative dates resolved."""
    found: dict[str, dict[str, Any]] = {}
    for g in gold["entities"]:
        match = next((e for e in record["entities"] if set(g["surface"]) <= surfaces(e)), None)
        if match is not None:
            found[g["name"]] = match
    golds = gold["entities"]
    typed = sum(1 for g in golds if g["name"] in found and found[g["name"]]["type"] == g["type"])
    with_country = [g for g in golds if g.get("country")]
    countried = sum(1 for g in with_country if g["name"] in found and found[g["name"]]["country"] == g["country"])
    names = {s for e in record["entities"] for s in surfaces(e)} | {e["name"] for e in record["entities"]}
    absent = sum(1 for n in gold.get("not_entities_of_the_article", []) if n not in names)
    located = [g for g in golds if "lat" in g]
    near = sum(1 for g in located for p in record["places"] if g["name"] in found
               and p["entity"] == found[g["name"]]["id"]
               and distance_km(p["lat"], p["lon"], g["lat"], g["lon"]) <= GEOCODE_KM)
    dated = [d for d in gold.get("dates", []) if d.get("value_given_published")]
    resolved = sum(1 for d in dated if any(p["text"].lower() == d["text"].lower()
                                           and p["value"] == d["value_given_published"] for p in record["dates"]))
    return {"entities_found": ratio(len(found), len(golds)),
            "entity_types": ratio(typed, len(golds)), "entity_countries": ratio(countried, len(with_country)),
            "non_entities_absent": ratio(absent, len(gold.get("not_entities_of_the_article", []))),
            "places_within_25km": ratio(near, len(located)), "dates_resolved": ratio(resolved, len(dated))}


def plain(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).strip(" .,;:").casefold()


def gold_quote_match(record: dict[str, Any], gold: dict[str, Any]) -> int | None:
    """Index of the predicted quote on the gold quote's line with its first and last words."""
    lines = [p["line"] for p in record["paragraphs"]]
    for i, quote in enumerate(record["quotes"]):
        text = plain(quote["text"])
        if lines[quote["paragraph"]] == gold["line"] and text.startswith(plain(gold["content_starts"])) \
                and text.endswith(plain(gold["content_ends"])):
            return i
    return None


def score_quotes(record: dict[str, Any], gold: dict[str, Any]) -> dict[str, float]:
    """Gold quotes found (same line, same first and last words), with the gold speaker and
    kind; the repeated lead's quote marked as a repeat of the first; no other quote."""
    golds = gold.get("quotes", [])
    found = {i: gold_quote_match(record, g) for i, g in enumerate(golds)}
    names = {e["id"]: {e["name"], *e.get("aliases", [])} for e in record["entities"]}
    speakers = sum(1 for i, j in found.items() if j is not None
                   and golds[i]["speaker"] in names.get(record["quotes"][j]["speaker"] or "", set()))
    kinds = sum(1 for i, j in found.items() if j is not None and record["quotes"][j]["kind"] == golds[i]["kind"])
    by_line = {g["line"]: found[i] for i, g in enumerate(golds)}
    repeats = [(found[i], by_line.get(g["duplicate_of_line"])) for i, g in enumerate(golds) if "duplicate_of_line" in g]
    flagged = sum(1 for j, k in repeats if j is not None and k is not None and record["quotes"][j]["duplicate_of"] == k)
    matched = {j for j in found.values() if j is not None}
    return {"quotes_found": ratio(len(matched), len(golds)), "quote_speakers": ratio(speakers, len(golds)),
            "quote_kinds": ratio(kinds, len(golds)), "quote_repeat_flagged": ratio(flagged, len(repeats)),
            "quote_precision": ratio(len(matched), len(record["quotes"]))}


def run(shared: Path, settings: Settings) -> dict[str, float]:
    """Scores averaged over the gold pages."""
    totals: dict[str, float] = {}
    files = gold_files(shared)
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        try:
            scores = score_record(analyze_gold_doc(shared, gold, settings), gold)
            given = gold.get("given_published")
            dated = analyze_gold_doc(shared, gold, settings, given)
            scores.update(score_entities(dated, gold))
            scores.update(score_quotes(dated, gold))
            scores.update(score_events(dated, gold))
        except DatelineError:
            scores = dict.fromkeys(("title_exact", "body_recall", "body_precision", "entities_found"), 0.0)
        for key, value in scores.items():
            totals[key] = totals.get(key, 0.0) + value / len(files)
    return totals
