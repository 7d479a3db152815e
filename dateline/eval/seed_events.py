"""Event scores of the ``seed`` suite: the gold page's ``events`` and ``not_events_of_the_article``
against the record analysed with the gold's ``given_published``.

Matching. A predicted event is a candidate for a gold event when the raw line of its paragraph
(``record["paragraphs"][event["paragraph"]]["line"]``) is the gold ``line`` and its type is in
the gold ``plover`` list. A candidate's score is the number of the checks below it passes; gold
and predicted events are paired one to one, highest score first (ties: gold order, then the
record's order), so one predicted event never stands for two gold events.

Names. A gold name that is a gold entity's ``name`` is judged on entity ids: it matches a
predicted entity when that entity's name, canonical name, an alias or a mention text is the gold
name or one of its ``aliases_other_languages`` (compared after case-folding, ’ → ', collapsing
spaces and dropping a leading French article of LEADING_ARTICLES: "l'armée syrienne" is "armée
syrienne"). Any other gold name ("rebelles") matches a predicted phrase (``actor_text``,
``recipient_text``) by the content-word rule of ``event_match``. A gold name of that kind that
matches nothing in its paragraph (the gold's "civilian infrastructure" is English, the page is
French: "des infrastructures civiles") is accepted for any non-empty list of predicted phrases on
its side, provided no predicted id or phrase on that side is a gold entity (``Alep`` as the
target of the attack is wrong).

Sides. ``source`` (a name, a list of names that are all wanted, or null) is judged on the event's
actors, ``target`` (a name or null) on its recipients. Null wants an empty side: no ids and no
phrases. A ``symmetric`` gold event also accepts the target as actor and the source as recipient,
or both as actors with no recipient; the best reading counts.

Scores, over all gold events (an unmatched gold event counts 0) unless said otherwise:

- ``events_found``: share of gold events matched;
- ``event_actors``, ``event_recipients``: the matched event's actor side, recipient side is right;
- ``event_statuses``: the matched event has the gold status;
- ``event_reporters``: over gold events with ``reported_by``, the predicted ``reported_by``
  entity matches that name;
- ``event_places``: over gold events with ``place``, the predicted ``place`` entity matches it;
- ``event_dates``: over gold events with ``date_given_published``, the predicted ``date``
  starts with it;
- ``event_cameos``: over gold events with ``cameo``, the predicted CAMEO code is one of the gold
  codes or a subcategory of one ("124" refines an accepted "12");
- ``teaser_no_event``: share of the ``not_events_of_the_article`` lines (removed chrome such as
  a related-article teaser) on which no predicted event lies.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dateline.eval.event_match import entity_surfaces, events_of, phrases_match

# Leading articles that do not change a French name ("l'armée syrienne", "la Russie").
LEADING_ARTICLES = ("l'", "le ", "la ", "les ")
# Checks made for every gold event, and those made only for gold events with the given label.
ALWAYS_CHECKED = ("event_actors", "event_recipients", "event_statuses")
CHECKED_WHEN = {"event_reporters": "reported_by", "event_places": "place", "event_dates": "date_given_published",
                "event_cameos": "cameo"}


def norm(name: str) -> str:
    plain = " ".join(name.casefold().replace("’", "'").split())
    for article in LEADING_ARTICLES:
        if plain.startswith(article):
            return plain[len(article):].strip()
    return plain


def ratio(hits: int, total: int) -> float:
    return hits / total if total else 1.0


def as_names(value: Any) -> list[str]:
    """A gold source or target: a name, a list of names, or null (none)."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


@dataclass
class Context:
    """What judging one gold event needs: the record's entities, the gold entities' forms and
    surfaces, the gold line's paragraph text and the language."""

    entities: dict[str, dict[str, Any]]
    forms: dict[str, set[str]]  # normalised gold entity name -> its normalised names
    surfaces: set[str]  # every normalised name and surface of every gold entity
    paragraph: str
    lang: str

    def is_entity(self, name: str, entity_id: str | None) -> bool:
        """The predicted entity is the gold entity of this name."""
        entity = self.entities.get(entity_id or "")
        if entity is None:
            return False
        forms = self.forms.get(norm(name), {norm(name)})
        return bool(forms & {norm(s) for s in entity_surfaces(entity)})

    def names_gold_entity(self, ids: list[str], texts: list[str]) -> bool:
        """Some predicted id or phrase of a side is one of the gold entities."""
        return any(norm(t) in self.surfaces for t in texts) \
            or any(self.is_entity(name, i) for i in ids for name in self.forms)


def gold_forms(gold: dict[str, Any]) -> tuple[dict[str, set[str]], set[str]]:
    """(normalised name -> normalised names, all normalised surfaces) of the gold entities."""
    forms = {norm(e["name"]): {norm(n) for n in [e["name"], *e.get("aliases_other_languages", [])]}
             for e in gold.get("entities", [])}
    surfaces = {norm(s) for e in gold.get("entities", []) for s in [e["name"], *e.get("surface", [])]}
    return forms, surfaces


def name_on_side(name: str, ids: list[str], texts: list[str], ctx: Context) -> bool:
    """The gold name is one of the side's entities (a gold entity) or phrases (anything else)."""
    if norm(name) in ctx.forms:
        return any(ctx.is_entity(name, i) for i in ids)
    if any(phrases_match(name, text, ctx.lang) for text in texts):
        return True
    if phrases_match(name, ctx.paragraph, ctx.lang):
        return False
    return bool(texts) and not ctx.names_gold_entity(ids, texts)


def side_right(wanted: list[str], event: dict[str, Any], role: str, ctx: Context) -> bool:
    """Every wanted name is on the event's side ``role`` (actor or recipient); none wants it empty."""
    ids, texts = list(event.get(role) or []), list(event.get(f"{role}_text") or [])
    if not wanted:
        return not ids and not texts
    return all(name_on_side(name, ids, texts, ctx) for name in wanted)


def sides_right(gold: dict[str, Any], event: dict[str, Any], ctx: Context) -> tuple[bool, bool]:
    """(actors right, recipients right) under the best reading the gold allows."""
    source, target = as_names(gold.get("source")), as_names(gold.get("target"))
    readings = [(source, target)]
    if gold.get("symmetric"):
        readings += [(target, source), (source + target, [])]
    judged = [(side_right(a, event, "actor", ctx), side_right(r, event, "recipient", ctx)) for a, r in readings]
    return max(judged, key=lambda pair: (sum(pair), pair))


def checks(gold: dict[str, Any], event: dict[str, Any], ctx: Context) -> dict[str, bool]:
    """The checks of one candidate, only those the gold event has a label for."""
    actors, recipients = sides_right(gold, event, ctx)
    found = {"event_actors": actors, "event_recipients": recipients,
             "event_statuses": event.get("status") == gold.get("status")}
    if gold.get("reported_by"):
        found["event_reporters"] = ctx.is_entity(gold["reported_by"], event.get("reported_by"))
    if gold.get("place"):
        found["event_places"] = ctx.is_entity(gold["place"], event.get("place"))
    if gold.get("date_given_published"):
        found["event_dates"] = str(event.get("date") or "").startswith(gold["date_given_published"])
    if gold.get("cameo"):
        found["event_cameos"] = any(str(event.get("cameo") or "").startswith(code) for code in gold["cameo"])
    return found


def event_line(record: dict[str, Any], event: dict[str, Any]) -> int | None:
    index = event.get("paragraph")
    paragraphs = record.get("paragraphs") or []
    return paragraphs[index].get("line") if isinstance(index, int) and 0 <= index < len(paragraphs) else None


def paragraph_text(record: dict[str, Any], line: int) -> str:
    """The text of the record's paragraph(s) on a raw line."""
    paragraphs = record.get("paragraphs") or []
    return " ".join(record["text"][p["start"]:p["end"]] for p in paragraphs if p.get("line") == line)


def pair_events(record: dict[str, Any], golds: list[dict[str, Any]],
                context: Callable[[int], Context]) -> dict[int, dict[str, bool]]:
    """Gold index -> the checks of its predicted event, one to one, best candidates first."""
    events = events_of(record)
    candidates = []
    for gi, gold in enumerate(golds):
        for pi, event in enumerate(events):
            if event_line(record, event) == gold["line"] and event.get("type") in gold["plover"]:
                found = checks(gold, event, context(gold["line"]))
                candidates.append((-sum(found.values()), gi, pi, found))
    paired: dict[int, dict[str, bool]] = {}
    used: set[int] = set()
    for _, gi, pi, found in sorted(candidates, key=lambda c: c[:3]):
        if gi not in paired and pi not in used:
            paired[gi] = found
            used.add(pi)
    return paired


def score_events(record: dict[str, Any], gold: dict[str, Any]) -> dict[str, float]:
    """The module's event scores of one gold page (none when the gold has no events)."""
    golds = gold.get("events")
    if not golds:
        return {}
    forms, surfaces = gold_forms(gold)
    entities = {e["id"]: e for e in record.get("entities") or []}
    lang = gold.get("language") or record.get("language") or "fr"

    def context(line: int) -> Context:
        return Context(entities, forms, surfaces, paragraph_text(record, line), lang)

    paired = pair_events(record, golds, context)
    scores = {"events_found": ratio(len(paired), len(golds))}
    for name in ALWAYS_CHECKED:
        scores[name] = ratio(sum(found[name] for found in paired.values()), len(golds))
    for name, label in CHECKED_WHEN.items():
        labelled = [i for i, g in enumerate(golds) if g.get(label)]
        scores[name] = ratio(sum(paired.get(i, {}).get(name, False) for i in labelled), len(labelled))
    lines = {event_line(record, e) for e in events_of(record)}
    teasers = [item["line"] for item in gold.get("not_events_of_the_article", [])]
    scores["teaser_no_event"] = ratio(sum(line not in lines for line in teasers), len(teasers))
    return scores
