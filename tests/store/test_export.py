"""Exports: JSONL round trip, Parquet tables, the GDELT-style event table, and atomic writing."""
from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq
import pytest

from dateline.store import export, gdelt
from dateline.store.db import open_reader, open_writer

TABLE_NAMES = ("articles", "entities", "mentions", "quotes", "events")


def test_jsonl_holds_each_record_and_what_the_corpus_decided(reader: sqlite3.Connection, corpus: Any,
                                                              tmp_path: Path) -> None:
    path = tmp_path / "out" / "records.jsonl"
    assert export.export_jsonl(reader, path) == 5
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    by_id = {line["id"]: line for line in lines}
    for ident, rec in corpus.records.items():
        assert {k: by_id[ident][k] for k in rec} == rec
    assert (by_id["en-2"]["duplicate_of"], by_id["en-2"]["dup_group"], by_id["en-2"]["story_id"]) == ("en-1", "en-1", 2)
    assert by_id["en-1"]["duplicate_of"] is None and by_id["en-1"]["dup_group"] == "en-1"


def test_parquet_tables_read_back_with_their_schemas(reader: sqlite3.Connection, tmp_path: Path) -> None:
    counts = export.export_parquet(reader, tmp_path / "tables")
    assert counts == {"articles": 5, "entities": 6, "mentions": 25, "quotes": 4, "events": 7}
    schemas = {t.name: t.schema for t in export.TABLES}
    for name in TABLE_NAMES:
        table = pq.read_table(tmp_path / "tables" / f"{name}.parquet")
        assert table.schema.equals(schemas[name]) and table.num_rows == counts[name]


def test_parquet_entities_count_original_articles_and_events_list_their_parties(reader: sqlite3.Connection,
                                                                               tmp_path: Path) -> None:
    export.export_parquet(reader, tmp_path)
    entities = {row["canonical"]: row for row in pq.read_table(tmp_path / "entities.parquet").to_pylist()}
    assert entities["Sergey Lavrov"]["n_articles"] == 3
    assert set(entities["Sergey Lavrov"]["names"]) == {"Sergey Lavrov", "Sergueï Lavrov", "Сергей Лавров"}
    events = pq.read_table(tmp_path / "events.parquet").to_pylist()
    accuse = next(e for e in events if e["article_id"] == "ru-1")
    assert (accuse["actor_names"], accuse["actor_countries"]) == (["Sergey Lavrov"], ["RU"])
    assert (accuse["recipient_names"], accuse["recipient_countries"]) == (["United States"], ["US"])
    assert (accuse["place_name"], accuse["place_canonical"], accuse["place_geonames_id"]) == ("Алеппо", "Aleppo",
                                                                                             170063)
    strike = next(e for e in events if e["type"] == "PROTEST")
    assert (strike["actor_names"], strike["actor_text"]) == ([], "Dock workers")


def test_parquet_of_an_empty_store_still_has_every_column(tmp_path: Path) -> None:
    open_writer(tmp_path / "empty.db").close()
    conn = open_reader(tmp_path / "empty.db")
    export.export_parquet(conn, tmp_path / "tables")
    conn.close()
    events = pq.read_table(tmp_path / "tables" / "events.parquet")
    assert events.num_rows == 0 and "actor_names" in events.schema.names


def test_gdelt_table_reads_in_one_line_one_row_per_merged_event(reader: sqlite3.Connection, tmp_path: Path) -> None:
    path = tmp_path / "events.tsv"
    assert export.export_gdelt(reader, path) == 4
    frame = pd.read_csv(path, sep="\t")
    assert tuple(frame.columns) == gdelt.NAMES and len(frame) == 4
    row = frame[(frame.PLOVERType == "ACCUSE") & (frame.SQLDATE == 20240304)].iloc[0]
    # fr-1 and en-1 report it; en-1 has a near-duplicate and fr-1 an exact copy elsewhere: four outlets.
    assert (row.NumArticles, row.NumSources) == (4, 4)
    assert (row.Actor1Name, row.Actor1CountryCode, row.Actor1Type1Code) == ("Sergey Lavrov", "RUS", "GOV")
    assert (row.Actor2Name, row.Actor2CountryCode) == ("United States", "USA")
    assert (str(row.EventCode), str(row.EventBaseCode), str(row.EventRootCode)) == ("112", "112", "11")
    assert (row.ActionGeo_FullName, row.ActionGeo_CountryCode, row.ActionGeo_FeatureID) == ("Aleppo, Syria", "SY",
                                                                                             170063)
    assert (row.SOURCEURL, row.ArticleID, row.Trigger) == ("https://courrier.example/fr-1", "fr-1", "a accusé")
    assert row.Sentence.startswith("Le ministre russe") and row.DATEADDED == 20240306100000


def test_gdelt_event_ids_are_stable_hashes_of_the_event_key(reader: sqlite3.Connection, tmp_path: Path) -> None:
    export.export_gdelt(reader, tmp_path / "a.tsv")
    export.export_gdelt(reader, tmp_path / "b.tsv")
    first, second = pd.read_csv(tmp_path / "a.tsv", sep="\t"), pd.read_csv(tmp_path / "b.tsv", sep="\t")
    assert list(first.GLOBALEVENTID) == list(second.GLOBALEVENTID) and first.GLOBALEVENTID.is_unique
    key = reader.execute("SELECT event_key FROM events WHERE article_id = 'en-3'").fetchone()[0]
    assert gdelt.event_id(key) in set(first.GLOBALEVENTID)


def test_gdelt_csv_and_parquet_follow_the_path(reader: sqlite3.Connection, tmp_path: Path) -> None:
    export.export_gdelt(reader, tmp_path / "events.csv")
    assert tuple(pd.read_csv(tmp_path / "events.csv").columns) == gdelt.NAMES
    export.export_gdelt(reader, tmp_path / "events.parquet")
    table = pq.read_table(tmp_path / "events.parquet")
    assert table.schema.equals(gdelt.SCHEMA) and table.num_rows == 4


def test_delimited_fields_stay_on_one_line(tmp_path: Path) -> None:
    row = dict.fromkeys(gdelt.NAMES)
    row.update(Sentence='He said "no"\tand\nleft.', Trigger="said", NumArticles=1)
    export.write_delimited([row], tmp_path / "x.tsv", "\t")
    (read,) = pd.read_csv(tmp_path / "x.tsv", sep="\t").itertuples()
    assert read.Sentence == 'He said "no" and left.' and read.NumArticles == 1


def failing(after: int) -> Callable[..., Any]:
    calls = {"n": 0}
    original = gdelt.gdelt_row

    def row(found: sqlite3.Row, *dyad: Any) -> dict[str, Any]:
        calls["n"] += 1
        if calls["n"] > after:
            raise RuntimeError("disk on fire")
        return original(found, *dyad)
    return row


def test_a_failed_export_leaves_no_partial_file(reader: sqlite3.Connection, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gdelt, "gdelt_row", failing(after=2))
    with pytest.raises(RuntimeError):
        export.export_gdelt(reader, tmp_path / "out" / "events.tsv")
    assert list((tmp_path / "out").iterdir()) == []


def test_a_failed_export_keeps_the_previous_file(reader: sqlite3.Connection, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "out" / "events.tsv"
    path.parent.mkdir()
    path.write_text("the previous export\n")
    monkeypatch.setattr(gdelt, "gdelt_row", failing(after=0))
    with pytest.raises(RuntimeError):
        export.export_gdelt(reader, path)
    assert [p.name for p in path.parent.iterdir()] == ["events.tsv"] and path.read_text() == "the previous export\n"


def test_a_failed_parquet_export_renames_no_table(reader: sqlite3.Connection, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(row: sqlite3.Row) -> dict[str, Any]:
        raise RuntimeError("bad row")
    tables = tuple(dataclasses.replace(t, convert=boom) if t.name == "events" else t for t in export.TABLES)
    monkeypatch.setattr(export, "TABLES", tables)
    with pytest.raises(RuntimeError):
        export.export_parquet(reader, tmp_path / "tables")
    assert list((tmp_path / "tables").iterdir()) == []


@pytest.mark.parametrize(("argv", "made"), [(("--format", "gdelt", "--out", "ev.tsv"), "ev.tsv"),
                                            (("--out", "records.jsonl"), "records.jsonl"),
                                            (("--out", "tables"), "tables/events.parquet")])
def test_the_export_command_writes_the_format_asked(run_corpus_cli: Callable[..., Any], tmp_path: Path,
                                                    argv: tuple[str, ...], made: str) -> None:
    args = [a if a.startswith("--") or a == "gdelt" else str(tmp_path / a) for a in argv]
    ran = run_corpus_cli("export", *args)
    assert ran.code == 0 and ran.out.startswith("exported ")
    assert (tmp_path / made).is_file()


def test_the_export_command_refuses_an_unknown_suffix(run_corpus_cli: Callable[..., Any], tmp_path: Path) -> None:
    ran = run_corpus_cli("export", "--out", str(tmp_path / "events.xlsx"), "--json")
    assert ran.code == 1 and ran.err.startswith("error: E010 bad_argument: cannot tell the format")
    assert json.loads(ran.out)["error"]["code"] == "E010"


def meeting_row(parties: list[dict[str, Any]]) -> dict[str, Any]:
    """The columns ``gdelt.dyads`` reads of an event row, for a meeting of the given parties."""
    return {"parties": json.dumps(parties), "actor_text": "; ".join(p["name"] for p in parties),
            "actor_country": None, "recipient_text": "", "recipient_country": None}


def party(ident: str, name: str, country: str, role: str = "actor", sector: str | None = "GOV") -> dict[str, Any]:
    return {"role": role, "id": ident, "name": name, "country": country, "sector": sector}


def test_a_meeting_of_two_sides_gives_both_dyads_marked_as_expanded() -> None:
    row = meeting_row([party("e1", "Pedro Sánchez", "ES"), party("e2", "Luís Montenegro", "PT")])
    pairs = [(a["name"], b["name"], expanded) for a, b, expanded in gdelt.dyads(row)]  # type: ignore[arg-type]
    assert pairs == [("Pedro Sánchez", "Luís Montenegro", True), ("Luís Montenegro", "Pedro Sánchez", True)]


def test_an_event_with_a_recipient_stays_one_row_with_cameo_actor_codes() -> None:
    row = meeting_row([party("e1", "Sergey Lavrov", "RU"), party("e2", "United States", "US", "recipient", None)])
    [(first, second, expanded)] = gdelt.dyads(row)  # type: ignore[arg-type]
    assert not expanded
    assert gdelt.actor_columns(first, 1)["Actor1Code"] == "RUSGOV"
    assert gdelt.actor_columns(second, 2) == {"Actor2Code": "USA", "Actor2Name": "United States",
                                              "Actor2CountryCode": "USA", "Actor2Type1Code": None}
