"""Exports of the store: JSON Lines of records, Parquet tables, GDELT-style event TSV, PLOVER/POLECAT-
style event JSON. Near-duplicate articles are left out of event exports (the questions asked of a store
are in `queries`)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from .queries import EVENT_JOINS, NOT_DUPLICATE, rows
from .store import TABLES, Store

FORMATS = ("jsonl", "parquet", "gdelt", "plover")
GDELT_COLUMNS = ("GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor2Code",
                 "Actor2Name", "Actor2CountryCode", "EventCode", "EventRootCode", "PLOVERType", "PLOVERMode",
                 "IsNegated", "Modality", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat",
                 "ActionGeo_Long", "SOURCEURL", "Outlet", "ArticleID", "TriggerText", "SentenceStart",
                 "SentenceEnd")
EVENT_ROWS = f"""
SELECT e.article_id || '/' || e.event_id AS id, e.date, s.code AS s_code, s.name AS s_name, s.country AS s_country,
       t.code AS t_code, t.name AS t_name, t.country AS t_country, e.cameo, e.type, e.mode, e.negated, e.modality,
       p.name AS place, p.country AS place_country, p.lat, p.lon, a.url, a.outlet, e.article_id, e.trigger_text,
       e.sentence_start, e.sentence_end, e.confidence, a.text
{EVENT_JOINS}
WHERE {NOT_DUPLICATE}
ORDER BY e.date NULLS LAST, e.article_id, e.event_id
"""


def event_rows(store: Store) -> list[dict[str, Any]]:
    return rows(store.db, EVENT_ROWS)


def export(store: Store, fmt: str, out: Path) -> int:
    """Write the store in one format; returns the number of rows (records, events) written."""
    if fmt == "jsonl":
        rows = store.db.execute("SELECT record FROM articles ORDER BY stored_at, article_id").fetchall()
        with out.open("w", encoding="utf-8") as handle:
            for (record,) in rows:
                handle.write(record if isinstance(record, str) else json.dumps(record, ensure_ascii=False))
                handle.write("\n")
        return len(rows)
    if fmt == "parquet":
        out.mkdir(parents=True, exist_ok=True)
        for table in TABLES:
            target = str(out / f"{table}.parquet").replace("'", "''")
            store.db.execute(f"COPY {table} TO '{target}' (FORMAT parquet)")
        return len(TABLES)
    if fmt == "gdelt":
        n = 0
        with out.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
            writer.writerow(GDELT_COLUMNS)
            for e in event_rows(store):
                n += 1
                cameo = e["cameo"] or ""
                writer.writerow([e["id"], (e["date"] or "").replace("-", ""), e["s_code"], e["s_name"], e["s_country"],
                                 e["t_code"], e["t_name"], e["t_country"], cameo, cameo[:2], e["type"], e["mode"],
                                 int(bool(e["negated"])), e["modality"], e["place"], e["place_country"], e["lat"],
                                 e["lon"], e["url"], e["outlet"], e["article_id"], e["trigger_text"],
                                 e["sentence_start"], e["sentence_end"]])
        return n
    if fmt == "plover":
        n = 0
        with out.open("w", encoding="utf-8") as handle:
            for e in event_rows(store):
                n += 1
                handle.write(json.dumps({
                    "id": e["id"], "date": e["date"], "event_type": e["type"], "mode": e["mode"],
                    "context": [], "actor1": e["s_name"], "actor1_country": e["s_country"],
                    "actor2": e["t_name"], "actor2_country": e["t_country"], "cameo": e["cameo"],
                    "negated": bool(e["negated"]), "modality": e["modality"],
                    "location": {"name": e["place"], "country": e["place_country"], "lat": e["lat"], "lon": e["lon"]},
                    "source": {"article_id": e["article_id"], "url": e["url"], "outlet": e["outlet"],
                               "sentence": (e["text"] or "")[e["sentence_start"]:e["sentence_end"]],
                               "trigger": e["trigger_text"]},
                    "confidence": e["confidence"]}, ensure_ascii=False) + "\n")
        return n
    raise ValueError(fmt)

