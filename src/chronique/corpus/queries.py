"""The questions asked of a store, in one place: the `query` commands, the web pages and the JSON API
all call these. Each takes a DuckDB connection (a `Store`'s, or a read-only one) and returns plain
data. Near-duplicate articles are left out of every count of events."""

from __future__ import annotations

import json
from typing import Any

import duckdb

Connection = duckdb.DuckDBPyConnection

NOT_DUPLICATE = "e.article_id NOT IN (SELECT article_id FROM duplicates)"
EVENT_COLUMNS = """
    e.article_id, e.event_id, e.type, e.mode, e.cameo, e.date, e.negated, e.modality, e.confidence,
    e.trigger_text, e.source AS source_id, s.name AS source_name, s.country AS source_country,
    e.target AS target_id, t.name AS target_name, t.country AS target_country,
    p.name AS place, a.title, a.outlet, substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)
    AS sentence
"""
EVENT_JOINS = """
    FROM events e JOIN articles a USING (article_id)
    LEFT JOIN actors s ON s.actor_id = e.source LEFT JOIN actors t ON t.actor_id = e.target
    LEFT JOIN (SELECT DISTINCT article_id, place_id, name, country, lat, lon FROM places) p
           ON p.article_id = e.article_id AND p.place_id = e.place_id
"""


def rows(con: Connection, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    cursor = con.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def like(words: str) -> list[str]:
    """LIKE patterns for each word of a query, with LIKE's own wildcards taken literally."""
    return ["%" + w.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            for w in words.split()]


def all_words(column: str, words: str) -> tuple[str, list[str]]:
    """A condition that `column` contains every word (case-insensitive), with its parameters."""
    patterns = like(words)
    return " AND ".join([f"lower({column}) LIKE ? ESCAPE '\\'"] * len(patterns)) or "TRUE", patterns


def counts(con: Connection) -> dict[str, int]:
    return {table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("articles", "actors", "quotes", "events", "places", "duplicates", "quarantine")}


# ---------------------------------------------------------------------------------------------- actors
def actor_ids_named(con: Connection, name: str) -> list[str]:
    """Corpus actors whose canonical name or any mention is this name (case-insensitive)."""
    return [r[0] for r in con.execute(
        "SELECT DISTINCT a.actor_id FROM actors a LEFT JOIN mentions m USING (actor_id) "
        "WHERE lower(a.name) = lower(?) OR lower(m.text) = lower(?) ORDER BY 1", [name, name]).fetchall()]


def find_actors(con: Connection, words: str = "", limit: int = 20, offset: int = 0) -> tuple[list[dict], int]:
    """Actors whose name or a spelling contains every word, busiest first; and how many there are."""
    condition, params = all_words("m.text", words)
    name_condition, name_params = all_words("a.name", words)
    matching = (f"SELECT DISTINCT a.actor_id FROM actors a JOIN mentions m USING (actor_id) "
                f"WHERE ({condition}) OR ({name_condition})")
    total = con.execute(f"SELECT count(*) FROM ({matching})", params + name_params).fetchone()[0]
    found = rows(con, f"""
        SELECT a.actor_id AS id, a.name, a.kind, a.country, a.role, a.code,
               (SELECT count(*) FROM mentions m WHERE m.actor_id = a.actor_id) AS mentions,
               (SELECT count(DISTINCT article_id) FROM mentions m WHERE m.actor_id = a.actor_id) AS articles,
               (SELECT count(*) FROM events e WHERE (e.source = a.actor_id OR e.target = a.actor_id)
                  AND {NOT_DUPLICATE}) AS events,
               (SELECT count(*) FROM quotes q WHERE q.speaker = a.actor_id) AS quotes
        FROM actors a WHERE a.actor_id IN ({matching})
        ORDER BY mentions DESC, a.name, a.actor_id LIMIT ? OFFSET ?""", params + name_params + [limit, offset])
    return found, total


def actor_name(con: Connection, actor_id: str) -> str:
    """The canonical name of a corpus actor, or the id itself when there is no such actor."""
    found = con.execute("SELECT name FROM actors WHERE actor_id = ?", [actor_id]).fetchone()
    return found[0] if found else actor_id


def actor(con: Connection, actor_id: str) -> dict[str, Any] | None:
    """One corpus actor: every spelling with counts, the roles it is given, its quotes and events."""
    found = rows(con, "SELECT actor_id AS id, name, kind, country, role, code, kb_id FROM actors "
                      "WHERE actor_id = ?", [actor_id])
    if not found:
        return None
    profile = found[0]
    profile["spellings"] = rows(con, "SELECT text, form, count(*) AS count, count(DISTINCT article_id) AS articles "
                                     "FROM mentions WHERE actor_id = ? GROUP BY text, form "
                                     "ORDER BY count DESC, text", [actor_id])
    profile["roles"] = [r for (r,) in con.execute("""
        SELECT DISTINCT x.role FROM (SELECT DISTINCT article_id, doc_actor FROM mentions WHERE actor_id = ?) m
        JOIN articles a USING (article_id),
        LATERAL (SELECT unnest(from_json(json_extract(a.record, '$.actors'), '[{"id": "VARCHAR", "role": "VARCHAR"}]'),
                               recursive := true)) x
        WHERE x.id = m.doc_actor AND x.role IS NOT NULL ORDER BY 1""", [actor_id]).fetchall()]
    profile["quotes"] = quotes(con, speaker=actor_id, limit=50)[0]
    profile["events_by_month"] = events_by_month(con, actor=actor_id)
    profile["events"], profile["event_count"] = events(con, actor=actor_id, limit=50)
    return profile


def actor_profile(con: Connection, name: str) -> dict[str, Any]:
    """Every corpus actor a name or spelling designates, with its profile (the `query actor` command)."""
    profiles = []
    for actor_id in actor_ids_named(con, name):
        found = actor(con, actor_id)
        assert found is not None
        profiles.append({"id": actor_id, "name": found["name"], "kind": found["kind"], "country": found["country"],
                         "role": found["role"], "code": found["code"],
                         "spellings": {s["text"]: s["count"] for s in found["spellings"] if s["form"] == "name"},
                         "quotes": [q["text"] for q in found["quotes"]],
                         "events": events_by_type(found["events_by_month"])})
    return {"query": name, "actors": profiles}


# ---------------------------------------------------------------------------------------------- events
def side(column: str, value: str) -> tuple[str, list[str]]:
    """A dyad side: a corpus actor id, a country (ISO3: the country itself and every actor of it), or a
    name or spelling of an actor."""
    return (f"({column} = ? OR {column} IN (SELECT actor_id FROM actors WHERE country = upper(?) "
            f"OR lower(name) = lower(?)) OR {column} IN (SELECT actor_id FROM mentions WHERE lower(text) = lower(?)))",
            [value, value, value, value])


def event_filter(actor: str | None = None, source: str | None = None, target: str | None = None,
                 month: str | None = None, type: str | None = None, place: str | None = None,
                 country: str | None = None) -> tuple[str, list[Any]]:
    conditions, params = [NOT_DUPLICATE], []
    if actor:
        conditions.append("(e.source = ? OR e.target = ?)")
        params += [actor, actor]
    for column, value in (("e.source", source), ("e.target", target)):
        if value:
            condition, values = side(column, value)
            conditions.append(condition)
            params += values
    if month:
        conditions.append("substr(e.date, 1, 7) = ?" if month != "undated" else "e.date IS NULL")
        params += [month] if month != "undated" else []
    if type:
        conditions.append("e.type = ?")
        params.append(type)
    if place:
        conditions.append("p.name = ?")
        params.append(place)
    if country:
        conditions.append("e.place_id IN (SELECT place_id FROM places pc WHERE pc.article_id = e.article_id "
                          "AND pc.country = ?)")
        params.append(country)
    return " AND ".join(conditions), params


def events(con: Connection, limit: int = 20, offset: int = 0, **filters: str | None) -> tuple[list[dict], int]:
    """Event reports matching the filters (see `event_filter`), oldest first; and how many there are."""
    condition, params = event_filter(**filters)
    total = con.execute(f"SELECT count(*) {EVENT_JOINS} WHERE {condition}", params).fetchone()[0]
    found = rows(con, f"SELECT {EVENT_COLUMNS} {EVENT_JOINS} WHERE {condition} "
                      f"ORDER BY e.date NULLS LAST, e.article_id, e.event_id LIMIT ? OFFSET ?",
                 [*params, limit, offset])
    return found, total


def events_by_month(con: Connection, **filters: str | None) -> list[dict[str, Any]]:
    """Event reports counted by month and PLOVER type (month None when undated), for charts."""
    condition, params = event_filter(**filters)
    return rows(con, f"SELECT substr(e.date, 1, 7) AS month, e.type, count(*) AS events, "
                     f"count(DISTINCT e.article_id) AS articles {EVENT_JOINS} WHERE {condition} "
                     f"GROUP BY ALL ORDER BY month NULLS LAST, e.type", params)


def events_by_type(by_month: list[dict[str, Any]]) -> dict[str, int]:
    """Monthly counts (`events_by_month`) summed by type, the most frequent first."""
    totals: dict[str, int] = {}
    for row in by_month:
        totals[row["type"]] = totals.get(row["type"], 0) + row["events"]
    return dict(sorted(totals.items(), key=lambda kv: (-kv[1], kv[0])))


def dyad_by_month(con: Connection, source: str, target: str) -> list[tuple]:
    """Events between two actors or countries by month and PLOVER type (the `query dyad` command)."""
    return [(r["month"], r["type"], r["events"], r["articles"])
            for r in events_by_month(con, source=source, target=target)]


def top_dyads(con: Connection, limit: int = 10) -> list[dict[str, Any]]:
    """The country pairs with the most events (an actor without a country stands for itself)."""
    return rows(con, f"""
        SELECT coalesce(s.country, s.name) AS source, coalesce(t.country, t.name) AS target, count(*) AS events
        FROM events e JOIN actors s ON s.actor_id = e.source JOIN actors t ON t.actor_id = e.target
        WHERE {NOT_DUPLICATE} GROUP BY ALL ORDER BY events DESC, source, target LIMIT ?""", [limit])


def event(con: Connection, article_id: str, event_id: str) -> dict[str, Any] | None:
    """One event report, and every report of the same real event (the `merged_events` view)."""
    found = rows(con, f"SELECT {EVENT_COLUMNS}, e.sentence_start, e.sentence_end, e.trigger_start, e.trigger_end, "
                      f"e.quote_id, e.date_source {EVENT_JOINS} WHERE e.article_id = ? AND e.event_id = ?",
                 [article_id, event_id])
    if not found:
        return None
    report = found[0]
    merged = con.execute("SELECT report_ids FROM merged_events WHERE list_contains(report_ids, ?)",
                         [f"{article_id}/{event_id}"]).fetchone()
    ids = merged[0] if merged else [f"{article_id}/{event_id}"]
    reports = []
    for report_id in ids:
        other_article, _, other_event = report_id.partition("/")
        reports += rows(con, f"SELECT {EVENT_COLUMNS}, e.sentence_start, e.trigger_start - e.sentence_start AS "
                             f"trigger_from, e.trigger_end - e.sentence_start AS trigger_to {EVENT_JOINS} "
                             f"WHERE e.article_id = ? AND e.event_id = ?", [other_article, other_event])
    report["reports"] = reports
    return report


# ---------------------------------------------------------------------------------------------- quotes
def quotes(con: Connection, words: str = "", speaker: str | None = None, limit: int = 20,
           offset: int = 0) -> tuple[list[dict], int]:
    """Quotes containing every word, optionally of one speaker, with speaker and relay names."""
    condition, params = all_words("q.text", words)
    if speaker:
        condition += " AND q.speaker = ?"
        params.append(speaker)
    total = con.execute(f"SELECT count(*) FROM quotes q WHERE {condition}", params).fetchone()[0]
    found = rows(con, f"""
        SELECT q.article_id, q.quote_id, q.text, q.kind, q.cue, q.confidence, q.speaker AS speaker_id,
               s.name AS speaker_name, q.via AS via_id, v.name AS via_name, a.title, a.published
        FROM quotes q JOIN articles a USING (article_id)
        LEFT JOIN actors s ON s.actor_id = q.speaker LEFT JOIN actors v ON v.actor_id = q.via
        WHERE {condition} ORDER BY a.published NULLS LAST, q.article_id, q.start LIMIT ? OFFSET ?""",
                 [*params, limit, offset])
    return found, total


def search_quotes(con: Connection, words: str, limit: int = 50) -> list[tuple]:
    """(text, speaker name or '?', article id) of quotes containing every word (`query quotes`)."""
    return [(q["text"], q["speaker_name"] or "?", q["article_id"]) for q in quotes(con, words, limit=limit)[0]]


# ---------------------------------------------------------------------------------------------- articles
def articles(con: Connection, words: str = "", limit: int = 20, offset: int = 0) -> tuple[list[dict], int]:
    """Articles whose title or text contains every word, newest first."""
    condition, params = all_words("coalesce(title, '') || ' ' || text", words)
    total = con.execute(f"SELECT count(*) FROM articles WHERE {condition}", params).fetchone()[0]
    found = rows(con, f"""
        SELECT article_id AS id, input_id, title, published, lang, outlet, url, length(text) AS chars,
               article_id IN (SELECT article_id FROM duplicates) AS duplicate
        FROM articles WHERE {condition} ORDER BY published DESC NULLS LAST, article_id LIMIT ? OFFSET ?""",
                 [*params, limit, offset])
    return found, total


def article(con: Connection, article_id: str) -> dict[str, Any] | None:
    """One stored article: its row, its full contract record and the corpus actor of each document actor."""
    found = rows(con, "SELECT article_id AS id, input_id, source, title, published, lang, outlet, url, record "
                      "FROM articles WHERE article_id = ?", [article_id])
    if not found:
        return None
    result = found[0]
    record = result.pop("record")
    result["record"] = json.loads(record) if isinstance(record, str) else record
    result["corpus_actors"] = dict(con.execute("SELECT DISTINCT doc_actor, actor_id FROM mentions "
                                               "WHERE article_id = ?", [article_id]).fetchall())
    original = con.execute("SELECT original_id FROM duplicates WHERE article_id = ?", [article_id]).fetchone()
    result["duplicate_of"] = original[0] if original else None
    return result


# ---------------------------------------------------------------------------------------------- places
def event_places(con: Connection, limit: int = 500) -> list[dict[str, Any]]:
    """Places where events happened, with coordinates and how many event reports each."""
    return rows(con, f"""
        SELECT p.name, p.country, p.lat, p.lon, p.feature, count(DISTINCT e.article_id || '/' || e.event_id) AS events
        FROM events e JOIN places p ON p.article_id = e.article_id AND p.place_id = e.place_id
        WHERE {NOT_DUPLICATE} AND p.lat IS NOT NULL AND p.lon IS NOT NULL
        GROUP BY ALL ORDER BY events DESC, p.name LIMIT ?""", [limit])
