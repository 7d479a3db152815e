"""Human-readable rendering of a document record for the terminal."""
from __future__ import annotations

import textwrap
from collections import defaultdict
from typing import Any

WIDTH = 88


def header(record: dict[str, Any]) -> list[str]:
    source = record.get("source") or {}
    who = source.get("name") or source.get("domain") or "unknown source"
    return [f"# {record.get('title') or '(no title)'}",
            f"source: {who}   language: {record.get('language')}   "
            f"published: {record.get('published') or 'not stated'}   input: {record.get('input')}",
            ""]


def body(record: dict[str, Any]) -> list[str]:
    out: list[str] = []
    text = record["text"]
    for i, para in enumerate(record["paragraphs"]):
        mark = f"[¶{i}]" if para["duplicate_of"] is None else f"[¶{i} ≈ ¶{para['duplicate_of']}]"
        wrapped = textwrap.fill(text[para["start"]:para["end"]], WIDTH, initial_indent=f"{mark} ",
                                subsequent_indent="    ")
        out.extend([wrapped, ""])
    return out


def removed(record: dict[str, Any]) -> list[str]:
    by_kind: dict[str, list[str]] = defaultdict(list)
    for item in record["removed"]:
        by_kind[item["kind"]].append(item["text"])
    if not by_kind:
        return ["removed: nothing"]
    out = [f"removed ({len(record['removed'])} pieces of page chrome):"]
    for kind in sorted(by_kind):
        out.append(f"  {kind}:")
        out.extend(f"    - {textwrap.shorten(text, WIDTH - 6)}" for text in by_kind[kind])
    return out


def entities(record: dict[str, Any]) -> list[str]:
    if not record.get("entities"):
        return []
    places = {p["entity"]: p for p in record.get("places", [])}
    out = ["", f"entities ({len(record['entities'])}):"]
    for entity in record["entities"]:
        details = [entity["type"]]
        if entity.get("country"):
            details.append(entity["country"])
        if entity.get("role"):
            details.append(entity["role"])
        place = places.get(entity["id"])
        if place:
            details.append(f"{place['lat']:.2f}, {place['lon']:.2f}")
        forms = sorted({m["text"] for m in entity["mentions"]} - {entity["name"]})
        also = f"  also: {', '.join(forms)}" if forms else ""
        line = f"{entity['name']} [{'; '.join(details)}] ×{len(entity['mentions'])}{also}"
        out.append("  " + textwrap.shorten(line, WIDTH + 20))
    return out


def dates(record: dict[str, Any]) -> list[str]:
    if not record.get("dates"):
        return []
    return ["", "dates:", *(f"  {d['text']} → {d['value'] or 'unresolved'}" for d in record["dates"])]


def quotes(record: dict[str, Any]) -> list[str]:
    """Each quote with who said it: the speaker's name, else the words that stand for them."""
    if not record.get("quotes"):
        return []
    names = {e["id"]: e["name"] for e in record.get("entities", [])}
    out = ["", f"quotes ({len(record['quotes'])}):"]
    for quote in record["quotes"]:
        who = names.get(quote["speaker"]) or (f"({quote['speaker_text']}, unnamed)" if quote["speaker_text"]
                                              else "(unattributed)")
        repeat = f" [repeats quote {quote['duplicate_of'] + 1}]" if quote.get("duplicate_of") is not None else ""
        line = f"{who} — {quote['kind']}, {quote['cue'] or 'no cue'}{repeat}: «{quote['text']}»"
        out.append(textwrap.fill(line, WIDTH, initial_indent="  ", subsequent_indent="      "))
    return out


def events(record: dict[str, Any]) -> list[str]:
    """Each event: type and mode, who to whom, status, where, when, who reports it, the trigger."""
    if not record.get("events"):
        return []
    names = {e["id"]: e["name"] for e in record.get("entities", [])}

    def side(ids: list[str], texts: list[str]) -> str:
        return " + ".join(names.get(i, i) for i in ids) or " + ".join(texts) or "—"

    out = ["", f"events ({len(record['events'])}):"]
    for event in record["events"]:
        kind = event["type"] + (f"/{event['mode']}" if event["mode"] else "") + f" (CAMEO {event['cameo']})"
        extra = [f"in {names[event['place']]}" if event.get("place") in names else "",
                 f"on {event['date']}" + (" (published)" if event.get("date_source") == "published" else "")
                 if event.get("date") else "",
                 f"reported by {names[event['reported_by']]}" if event.get("reported_by") in names else "",
                 f"[repeats event {event['duplicate_of'] + 1}]" if event.get("duplicate_of") is not None else ""]
        line = (f"{kind}: {side(event['actor'], event['actor_text'])} → "
                f"{side(event['recipient'], event['recipient_text'])}, {event['status']}, "
                f"{' '.join(x for x in extra if x)} «{event['trigger']}»")
        out.append(textwrap.fill(" ".join(line.split()), WIDTH, initial_indent="  ", subsequent_indent="      "))
    return out


def render(record: dict[str, Any]) -> str:
    lines = header(record) + body(record) + removed(record) + entities(record) + quotes(record) + dates(record) \
        + events(record)
    if record.get("warnings"):
        lines += ["", *(f"warning: {w}" for w in record["warnings"])]
    return "\n".join(lines)
