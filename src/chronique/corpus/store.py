"""The corpus store: contract records in a DuckDB file, one transaction per article.

Articles are keyed by a hash of their text, so storing the same article twice is a no-op and an
ingest killed at any point can simply be run again. Failed inputs go to `quarantine` with their
reason. Near-duplicates (syndicated copies, lightly edited reprints) are found with MinHash LSH and
linked to their first appearance in `duplicates`. Document actors are linked to corpus actors (one
per real-world actor across articles) by canonical name, spelling key and country.

This module consumes records; it never imports spaCy.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
from datasketch import MinHash, MinHashLSH

from ..names import name_parts
from ..resources import fold

MERGE_DAYS = 2  # reports of one event may date it a day or two apart

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    article_id VARCHAR PRIMARY KEY,   -- hash of the text: the same text is one article
    input_id VARCHAR, source VARCHAR, lang VARCHAR, published DATE, title VARCHAR, url VARCHAR,
    outlet VARCHAR, text VARCHAR, record JSON, stored_at TIMESTAMP DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS actors (
    actor_id VARCHAR PRIMARY KEY, key VARCHAR UNIQUE, name VARCHAR, kind VARCHAR, country VARCHAR,
    role VARCHAR, code VARCHAR, kb_id VARCHAR
);
CREATE TABLE IF NOT EXISTS mentions (
    article_id VARCHAR, doc_actor VARCHAR, actor_id VARCHAR, "start" INTEGER, "end" INTEGER,
    text VARCHAR, form VARCHAR
);
CREATE TABLE IF NOT EXISTS quotes (
    article_id VARCHAR, quote_id VARCHAR, "start" INTEGER, "end" INTEGER, text VARCHAR, kind VARCHAR,
    speaker VARCHAR, via VARCHAR, cue VARCHAR, confidence DOUBLE
);
CREATE TABLE IF NOT EXISTS events (
    article_id VARCHAR, event_id VARCHAR, type VARCHAR, mode VARCHAR, cameo VARCHAR,
    source VARCHAR, target VARCHAR, trigger_start INTEGER, trigger_end INTEGER, trigger_text VARCHAR,
    sentence_start INTEGER, sentence_end INTEGER, date VARCHAR, date_source VARCHAR, place_id VARCHAR,
    negated BOOLEAN, modality VARCHAR, quote_id VARCHAR, confidence DOUBLE
);
CREATE TABLE IF NOT EXISTS places (
    article_id VARCHAR, place_id VARCHAR, name VARCHAR, country VARCHAR, geonames_id BIGINT,
    lat DOUBLE, lon DOUBLE, feature VARCHAR, "start" INTEGER, "end" INTEGER, text VARCHAR
);
CREATE TABLE IF NOT EXISTS times (
    article_id VARCHAR, "start" INTEGER, "end" INTEGER, text VARCHAR, value VARCHAR, type VARCHAR
);
CREATE TABLE IF NOT EXISTS duplicates (
    article_id VARCHAR PRIMARY KEY, original_id VARCHAR, similarity DOUBLE
);
CREATE TABLE IF NOT EXISTS signatures (article_id VARCHAR PRIMARY KEY, hashvalues BLOB);
CREATE TABLE IF NOT EXISTS quarantine (
    source VARCHAR PRIMARY KEY, reason VARCHAR, seen_at TIMESTAMP DEFAULT current_timestamp
);
CREATE INDEX IF NOT EXISTS mentions_actor ON mentions (actor_id);
-- one real event, many reports: same type, corpus actors and place, dates at most MERGE_DAYS apart
-- (day-dated reports chain into one event; month- or year-dated ones merge on the same value);
-- near-duplicate articles are not reports of their own
CREATE OR REPLACE VIEW merged_events AS
WITH reports AS (
    SELECT e.*, a.outlet, p.name AS place, try_cast(e.date AS DATE) AS day
    FROM events e JOIN articles a USING (article_id)
    LEFT JOIN (SELECT DISTINCT article_id, place_id, name FROM places) p
           ON p.article_id = e.article_id AND p.place_id = e.place_id
    WHERE e.article_id NOT IN (SELECT article_id FROM duplicates)
), gaps AS (
    SELECT *, CASE WHEN day IS NULL THEN 1
                   WHEN day - lag(day) OVER w > MERGE_DAYS OR lag(day) OVER w IS NULL THEN 1 ELSE 0 END AS starts
    FROM reports
    WINDOW w AS (PARTITION BY type, source, target, place, day IS NULL ORDER BY day, date)
), islands AS (
    SELECT *, CASE WHEN day IS NULL THEN coalesce(date, '') ELSE sum(starts) OVER (
        PARTITION BY type, source, target, place, day IS NULL ORDER BY day, date
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)::VARCHAR END AS island
    FROM gaps
)
SELECT type, source, target, place, min(date) AS first_date, max(date) AS last_date,
       count(*) AS reports, count(DISTINCT article_id) AS articles, count(DISTINCT outlet) AS outlets,
       list(article_id || '/' || event_id ORDER BY article_id, event_id) AS report_ids
FROM islands
GROUP BY type, source, target, place, island;
CREATE INDEX IF NOT EXISTS events_dyad ON events (source, target);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (speaker);
"""
TABLES = ("articles", "actors", "mentions", "quotes", "events", "places", "times", "duplicates", "quarantine")
SHINGLE = 3  # word 3-grams: a changed word touches three shingles, a rewrite touches them all
PERMUTATIONS = 128
SCHEME = "affine32"  # datasketch's hashing scheme, stated so stored signatures reload the same


def text_key(text: str) -> str:
    """The article key: a hash of its text with whitespace normalised."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:24]


def minhash(text: str) -> MinHash:
    words = re.findall(r"\w+", fold(text))
    signature = MinHash(num_perm=PERMUTATIONS, seed=1, scheme=SCHEME)
    signature.update_batch([" ".join(words[i:i + SHINGLE]).encode("utf-8")
                            for i in range(max(1, len(words) - SHINGLE + 1))])
    return signature


@dataclass
class StoreResult:
    article_id: str
    stored: bool                  # False when the article was already there
    duplicate_of: str | None = None


class Store:
    """A DuckDB file holding analysed articles. Use as a context manager."""

    def __init__(self, path: str | Path, duplicate_threshold: float = 0.6) -> None:
        self.path = Path(path)
        self.db = duckdb.connect(str(self.path))
        self.db.execute(SCHEMA.replace("MERGE_DAYS", str(MERGE_DAYS)))
        self.threshold = duplicate_threshold
        self.lsh = MinHashLSH(threshold=duplicate_threshold, num_perm=PERMUTATIONS)
        self.signatures: dict[str, MinHash] = {}
        self.actor_ids: dict[str, str] = dict(self.db.execute("SELECT key, actor_id FROM actors").fetchall())
        for article_id, values in self.db.execute("SELECT article_id, hashvalues FROM signatures").fetchall():
            signature = MinHash(num_perm=PERMUTATIONS, seed=1, hashvalues=_unpack(values), scheme=SCHEME)
            self.signatures[article_id] = signature
            self.lsh.insert(article_id, signature)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # ------------------------------------------------------------------ reading
    def has_text(self, text: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE article_id = ?", [text_key(text)]).fetchone() is not None

    def counts(self) -> dict[str, int]:
        return {table: self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}

    # ------------------------------------------------------------------ writing
    def quarantine(self, source: str, reason: str) -> None:
        self.db.execute("INSERT INTO quarantine (source, reason) VALUES (?, ?) ON CONFLICT (source) DO UPDATE "
                        "SET reason = excluded.reason", [source, reason])

    def add(self, record: dict[str, Any], source: str = "", outlet: str | None = None) -> StoreResult:
        """Store one analysed article, all its rows in one transaction; a no-op if its text is there."""
        article_id = text_key(record["text"])
        if self.db.execute("SELECT 1 FROM articles WHERE article_id = ?", [article_id]).fetchone():
            return StoreResult(article_id, stored=False)
        signature = minhash(record["text"])
        original = self.first_similar(article_id, signature)
        self.db.execute("BEGIN TRANSACTION")
        self.new_actors: dict[str, tuple] = {}  # corpus actors first seen in this article
        try:
            self._insert(article_id, record, source, outlet)
            if original is not None:
                similarity = signature.jaccard(self.signatures[original])
                self.db.execute("INSERT INTO duplicates VALUES (?, ?, ?)", [article_id, original, similarity])
            self.db.execute("INSERT INTO signatures VALUES (?, ?)", [article_id, _pack(signature.hashvalues)])
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.actor_ids.update({key: row[0] for key, row in self.new_actors.items()})  # only once committed
        self.signatures[article_id] = signature
        self.lsh.insert(article_id, signature)
        return StoreResult(article_id, stored=True, duplicate_of=original)

    def first_similar(self, article_id: str, signature: MinHash) -> str | None:
        """The earliest stored article this one is a near-copy of (following a copy to its original)."""
        candidates = [c for c in self.lsh.query(signature) if c != article_id
                      and signature.jaccard(self.signatures[c]) >= self.threshold]
        if not candidates:
            return None
        rows = self.db.execute(
            "SELECT a.article_id, coalesce(d.original_id, a.article_id) FROM articles a LEFT JOIN duplicates d "
            "ON d.article_id = a.article_id WHERE a.article_id IN (SELECT unnest(?)) ORDER BY a.stored_at, "
            "a.article_id", [candidates]).fetchall()
        return rows[0][1] if rows else None

    def _insert(self, article_id: str, record: dict[str, Any], source: str, outlet: str | None) -> None:
        self.db.execute(
            "INSERT INTO articles (article_id, input_id, source, lang, published, title, url, outlet, text, record) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [article_id, record.get("id"), source, record.get("lang"), record.get("published"), record.get("title"),
             record.get("url"), outlet, record["text"], json.dumps(record, ensure_ascii=False)])
        corpus_ids = {actor["id"]: self.corpus_actor(actor) for actor in record["actors"]}
        self._rows("actors", list(self.new_actors.values()))
        self._rows("mentions", [(article_id, a["id"], corpus_ids[a["id"]], m["start"], m["end"], m["text"], m["form"])
                                for a in record["actors"] for m in a["mentions"]])
        self._rows("quotes", [(article_id, q["id"], q["start"], q["end"], q["text"], q["kind"],
                               corpus_ids.get(q.get("speaker")), corpus_ids.get(q.get("via")),
                               (q.get("cue") or {}).get("text"), q.get("confidence")) for q in record["quotes"]])
        self._rows("events", [(article_id, e["id"], e["type"], e.get("mode"), e.get("cameo"),
                               corpus_ids.get(e.get("source")), corpus_ids.get(e.get("target")),
                               e["trigger"]["start"], e["trigger"]["end"], e["trigger"]["text"],
                               e["sentence"]["start"], e["sentence"]["end"], e.get("date"), e.get("date_source"),
                               e.get("place"), e["negated"], e["modality"], e.get("quote"), e.get("confidence"))
                              for e in record["events"]])
        self._rows("places", [(article_id, p["id"], p["name"], p.get("country"), p.get("geonames_id"), p.get("lat"),
                               p.get("lon"), p["feature"], m["start"], m["end"], m["text"])
                              for p in record["places"] for m in p["mentions"]])
        self._rows("times", [(article_id, t["start"], t["end"], t["text"], t["value"], t["type"])
                             for t in record["times"]])

    def _rows(self, table: str, rows: list[tuple]) -> None:
        """Insert rows with multi-row VALUES statements (DuckDB's executemany runs one statement a row)."""
        if not rows:
            return
        group = "(" + ", ".join("?" * len(rows[0])) + ")"
        for first in range(0, len(rows), 200):
            chunk = rows[first:first + 200]
            self.db.execute(f"INSERT INTO {table} VALUES " + ", ".join([group] * len(chunk)),
                            [value for row in chunk for value in row])

    def corpus_actor(self, actor: dict[str, Any]) -> str:
        """The corpus actor a document actor is: same knowledge-base id, else same canonical name and
        country, else (persons) same surname spelling key, given-name initial and country."""
        key = actor_key(actor)
        if key in self.actor_ids:
            return self.actor_ids[key]
        if key not in self.new_actors:
            actor_id = "A" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]
            self.new_actors[key] = (actor_id, key, actor["name"], actor["kind"], actor.get("country"),
                                    actor.get("role"), actor.get("code"), actor.get("kb_id"))
        return self.new_actors[key][0]


def actor_key(actor: dict[str, Any]) -> str:
    if actor.get("kb_id"):
        return f"kb|{actor['kb_id']}"
    country = actor.get("country") or ""
    if actor["kind"] == "person":
        given, surname = name_parts(actor["name"])
        if surname:
            return f"person|{surname}|{given[0][:1] if given else ''}|{country}"
    return f"{actor['kind']}|{fold(actor['name'])}|{country}"


def _pack(values: Iterable[int]) -> bytes:
    import numpy as np

    return np.asarray(list(values), dtype=np.uint64).tobytes()


def _unpack(blob: bytes):
    import numpy as np

    return np.frombuffer(blob, dtype=np.uint64).copy()
