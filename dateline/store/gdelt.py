"""The corpus's events as a GDELT-style event table: one row per distinct event.

An event told by several articles (in any language) is one row: events of original articles
are merged by their ``event_key`` (PLOVER type, canonical actors and recipients, day), and the
first article to report it (by publication, then ingest order) gives the row's evidence: its
URL, trigger and sentence. ``NumArticles`` counts every article that reported it, near-duplicate
copies and exact copies included (GDELT's count of the articles a story ran in); ``NumSources``
the distinct outlets among them.

Columns follow GDELT 2.0's names where they mean the same thing. Actor country codes are ISO
3166 alpha-3, as CAMEO's country codes are; ``ActorNType1Code`` is the entity's PLOVER sector
(GOV, MIL, REB…) and ``ActorNCode`` the two together as CAMEO writes an actor ("RUSGOV"). An event
of several actors and no recipient (a meeting, a clash) gives one row per ordered pair of sides,
``DyadExpanded`` true (see ``dyads``); the record's ``events[]`` keep PLOVER's form.
``ActionGeo_CountryCode`` is ISO alpha-2 (GDELT uses FIPS 10-4 there, which dateline does not
know). ``Score`` is PLOVER's intensity, where GDELT has Goldstein's scale.
CAMEO codes have leading zeros ("030"): read the delimited file with ``dtype={"EventCode": str,
"EventBaseCode": str, "EventRootCode": str}`` to keep them (the Parquet table stores strings).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterator
from functools import cache
from typing import Any

import pyarrow as pa
import pycountry

from dateline import geo
from dateline.store.lookup import query

# Bits of the hash kept as GLOBALEVENTID: 53, so the id is exact in tools that read numbers as floats.
EVENT_ID_BITS = 53
# Digits of a CAMEO event's base code and root code (GDELT's EventBaseCode, EventRootCode).
BASE_DIGITS, ROOT_DIGITS = 3, 2
COLUMNS: tuple[tuple[str, pa.DataType], ...] = (
    ("GLOBALEVENTID", pa.int64()), ("SQLDATE", pa.int64()),
    ("Actor1Code", pa.string()), ("Actor1Name", pa.string()), ("Actor1CountryCode", pa.string()),
    ("Actor1Type1Code", pa.string()),
    ("Actor2Code", pa.string()), ("Actor2Name", pa.string()), ("Actor2CountryCode", pa.string()),
    ("Actor2Type1Code", pa.string()), ("DyadExpanded", pa.bool_()),
    ("EventCode", pa.string()), ("EventBaseCode", pa.string()), ("EventRootCode", pa.string()),
    ("PLOVERType", pa.string()), ("PLOVERMode", pa.string()), ("Status", pa.string()), ("Score", pa.float64()),
    ("NumArticles", pa.int64()), ("NumSources", pa.int64()),
    ("ActionGeo_FullName", pa.string()), ("ActionGeo_CountryCode", pa.string()), ("ActionGeo_Lat", pa.float64()),
    ("ActionGeo_Long", pa.float64()), ("ActionGeo_FeatureID", pa.int64()),
    ("DATEADDED", pa.int64()), ("SOURCEURL", pa.string()), ("ArticleID", pa.string()),
    ("SentenceStart", pa.int64()), ("SentenceEnd", pa.int64()), ("Trigger", pa.string()), ("Sentence", pa.string()),
)
SCHEMA = pa.schema(list(COLUMNS))
NAMES = tuple(name for name, _ in COLUMNS)

# Each event's parties in stored order, one JSON array per event, with what GDELT asks of an actor
# (canonical name, country, PLOVER sector in that article). Built in one pass and joined: event_parties
# has no index by event, so a lookup per event would scan the whole table each time. "+d.entity_id"
# keeps SQLite on the article's few doc_entities rows rather than on every appearance of the entity.
PARTIES = """(SELECT x.article_id, x.idx, json_group_array(json_object('role', x.role, 'id', x.entity_id,
        'name', x.canonical, 'country', nullif(x.country, ''), 'sector', x.sector)) AS parties
    FROM (SELECT p.article_id, p.idx, p.role, p.entity_id, e.canonical, e.country,
              (SELECT d.sector FROM doc_entities d WHERE d.article_id = p.article_id AND +d.entity_id = p.entity_id
               AND d.sector IS NOT NULL LIMIT 1) AS sector
          FROM event_parties p JOIN entities e ON e.id = p.entity_id ORDER BY p.article_id, p.idx, p.rowid) x
    GROUP BY x.article_id, x.idx)"""

# Reports of events in original articles; the first report of each event key; the articles
# reporting it (their groups' copies counted); the outlets those copies were seen at.
EVENTS_SQL = f"""
WITH reports AS (
    SELECT e.event_key, e.article_id, e.idx, a.rowid AS arow, a.published FROM events e
    JOIN articles a ON a.id = e.article_id WHERE a.duplicate_of IS NULL AND e.duplicate_of IS NULL),
firsts AS (
    SELECT event_key, article_id, idx, row_number() OVER (PARTITION BY event_key
        ORDER BY published IS NULL, published, arow, idx) AS n FROM reports),
reporting AS (SELECT DISTINCT event_key, article_id FROM reports),
counted AS (
    SELECT r.event_key, sum(coalesce(g.copies, 1)) AS num_articles FROM reporting r
    LEFT JOIN duplicate_groups g ON g.id = r.article_id GROUP BY r.event_key),
sourced AS (
    SELECT r.event_key, count(DISTINCT lower(coalesce(s.source_domain, s.source_name))) AS num_sources
    FROM reporting r JOIN articles m ON m.dup_group = r.article_id JOIN sightings s ON s.article_id = m.id
    GROUP BY r.event_key)
SELECT e.*, a.url, a.ingested, a.published, a.fetched, c.num_articles, so.num_sources, pp.parties,
    substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence,
    coalesce(pe.canonical, pl.name) AS place_name, pl.country AS place_country, pl.lat, pl.lon, pl.geonames_id
FROM firsts f JOIN events e ON e.article_id = f.article_id AND e.idx = f.idx
JOIN articles a ON a.id = f.article_id JOIN counted c ON c.event_key = f.event_key
LEFT JOIN sourced so ON so.event_key = f.event_key
LEFT JOIN {PARTIES} pp ON pp.article_id = e.article_id AND pp.idx = e.idx
LEFT JOIN places pl ON pl.rowid = (SELECT min(rowid) FROM places WHERE article_id = e.article_id
                                   AND local_id = e.place_local)
LEFT JOIN entities pe ON pe.id = e.place_entity
WHERE f.n = 1 ORDER BY coalesce(e.date, a.published), f.event_key
"""


def event_id(key: str) -> int:
    """GLOBALEVENTID: the same event key gives the same id on every export and every machine."""
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") >> (64 - EVENT_ID_BITS)


@cache
def alpha3(code: str | None) -> str | None:
    """ISO 3166 alpha-3 of an alpha-2 code ("RU" -> "RUS"), None when unknown."""
    if not code:
        return None
    found = pycountry.countries.get(alpha_2=code.upper())
    return str(found.alpha_3) if found is not None else None


def country_name(code: str | None) -> str | None:
    """The country's English short name, from the gazetteer the places stage uses ("SY" -> "Syria")."""
    found = geo.country_by_code(code) if code else None
    return str(found.name) if found is not None else None


def digits(value: str | None, length: int) -> int | None:
    """A date or datetime as GDELT's number: 2024-03-04 -> 20240304, with time -> 20240304120000."""
    if not value:
        return None
    packed = "".join(c for c in value if c.isdigit())[:length]
    return int(packed) if len(packed) == length else None


def sql_date(event_date: str | None, published: str | None, fetched: str | None) -> int | None:
    """The event's day; without one, its article's (published, else fetched), as GDELT dates an
    event by its article when the text gives no date."""
    return digits(event_date or published or fetched, 8)


def date_added(ingested: str | None) -> int | None:
    """When the article was stored, in UTC, as YYYYMMDDHHMMSS."""
    try:
        moment = dt.datetime.fromisoformat(ingested or "")
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC)
    return int(moment.strftime("%Y%m%d%H%M%S"))


# Actor1, Actor2 and whether the pair was expanded from an event of several actors.
Dyad = tuple[dict[str, Any] | None, dict[str, Any] | None, bool]


def parties_of(row: sqlite3.Row, role: str) -> list[dict[str, Any]]:
    """The event's parties in a role; without any, one made of the record's text and country."""
    parties = [p for p in json.loads(row["parties"] or "[]") if p["role"] == role]
    if parties:
        return [{**p, "country": p["country"] or row[f"{role}_country"]} for p in parties]
    text = (row[f"{role}_text"] or "").split("; ")[0]
    return [{"id": None, "name": text, "country": row[f"{role}_country"], "sector": None}] if text else []


def actor_code(country: str | None, sector: str | None) -> str | None:
    """CAMEO's actor code: the country's alpha-3 and the sector, as GDELT writes them ("RUSGOV")."""
    code = (country or "") + (sector or "")
    return code or None


def actor_columns(party: dict[str, Any] | None, number: int) -> dict[str, Any]:
    """Actor1 or Actor2 columns of one party (all empty for none)."""
    party = party or {}
    country = alpha3(party.get("country"))
    return {f"Actor{number}Code": actor_code(country, party.get("sector")), f"Actor{number}Name": party.get("name"),
            f"Actor{number}CountryCode": country, f"Actor{number}Type1Code": party.get("sector")}


def dyads(row: sqlite3.Row) -> list[Dyad]:
    """(Actor1, Actor2, expanded) of each row an event gives. PLOVER codes the sides of a meeting
    or a clash all as actors with no recipient; GDELT and CAMEO users count Actor1 -> Actor2 pairs,
    so such an event gives each ordered pair of distinct sides (A -> B and B -> A), marked as
    expanded, as CAMEO coders do. Any other event is one row: its first actor and first recipient."""
    actors, recipients = parties_of(row, "actor"), parties_of(row, "recipient")
    sides = list({(p["id"] or p["name"]): p for p in actors}.values())
    if not recipients and len(sides) >= 2:
        return [(a, b, True) for a in sides for b in sides if a is not b]
    return [(actors[0] if actors else None, recipients[0] if recipients else None, False)]


def place(row: sqlite3.Row) -> dict[str, Any]:
    """ActionGeo columns from the event's place: its canonical name and country ("Aleppo, Syria"),
    whatever language the first article named it in, and its point."""
    name, country = row["place_name"], row["place_country"]
    full = country_name(country)
    full_name = name if not full or full == name else f"{name}, {full}" if name else full
    return {"ActionGeo_FullName": full_name, "ActionGeo_CountryCode": country or None,
            "ActionGeo_Lat": row["lat"], "ActionGeo_Long": row["lon"], "ActionGeo_FeatureID": row["geonames_id"]}


def cameo_codes(cameo: str | None) -> dict[str, Any]:
    code = cameo or None
    return {"EventCode": code, "EventBaseCode": code[:BASE_DIGITS] if code else None,
            "EventRootCode": code[:ROOT_DIGITS] if code else None}


def party_key(party: dict[str, Any] | None) -> str:
    return str((party or {}).get("id") or (party or {}).get("name"))


def gdelt_row(row: sqlite3.Row, dyad: Dyad | None = None) -> dict[str, Any]:
    """One GDELT-style row of an event (its first report, with the merged counts); ``dyad`` picks
    the pair of parties of an expanded event (its own GLOBALEVENTID: the key and the pair)."""
    key = json.loads(row["event_key"])
    first, second, expanded = dyad or dyads(row)[0]
    day = sql_date(key[3], row["published"], row["fetched"])
    pair = f"|{party_key(first)}>{party_key(second)}"
    out: dict[str, Any] = {"GLOBALEVENTID": event_id(row["event_key"] + (pair if expanded else "")), "SQLDATE": day}
    out.update(actor_columns(first, 1))
    out.update(actor_columns(second, 2))
    out["DyadExpanded"] = expanded
    out.update(cameo_codes(row["cameo"]))
    out.update({"PLOVERType": row["type"], "PLOVERMode": row["mode"], "Status": row["status"],
                "Score": row["score"], "NumArticles": int(row["num_articles"]),
                "NumSources": max(1, int(row["num_sources"] or 0))})  # an outlet of unknown name is still one
    out.update(place(row))
    out.update({"DATEADDED": date_added(row["ingested"]), "SOURCEURL": row["url"], "ArticleID": row["article_id"],
                "SentenceStart": row["sentence_start"], "SentenceEnd": row["sentence_end"],
                "Trigger": row["trigger"], "Sentence": row["sentence"]})
    return out


def gdelt_rows(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Every distinct event of the corpus, in date order, as GDELT-style rows: one per event, or
    one per ordered pair of sides for an event of several actors and no recipient (``dyads``)."""
    for row in query(conn, EVENTS_SQL):
        for dyad in dyads(row):
            yield gdelt_row(row, dyad)
