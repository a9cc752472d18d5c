"""Scale-out on Apache Spark: the per-article analysis of `chronique analyze`, mapped over partitions.

Each executor's Python worker loads the pipeline once (it is cached per process) and analyses its
partition in batches; the driver writes Parquet tables that DuckDB reads directly. Needs the `spark`
extra (PySpark) and Java 17.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .errors import InputError

TABLE_NAMES = ("articles", "actors", "mentions", "quotes", "events", "places", "times", "quarantine")


def record_rows(record: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(table, row) pairs for one contract record, keyed by the input id."""
    aid = record["id"]
    yield "articles", {"id": aid, "lang": record["lang"], "published": record.get("published"),
                       "title": record.get("title"), "url": record.get("url"), "outlet": record.get("outlet"),
                       "text": record["text"], "record": json.dumps(record, ensure_ascii=False, sort_keys=True)}
    for a in record["actors"]:
        yield "actors", {"article_id": aid, "actor_id": a["id"], "name": a["name"], "kind": a["kind"],
                         "country": a.get("country"), "role": a.get("role"), "code": a.get("code"),
                         "kb_id": a.get("kb_id")}
        for m in a["mentions"]:
            yield "mentions", {"article_id": aid, "actor_id": a["id"], "start": m["start"], "end": m["end"],
                               "text": m["text"], "form": m["form"]}
    for q in record["quotes"]:
        yield "quotes", {"article_id": aid, "quote_id": q["id"], "start": q["start"], "end": q["end"],
                         "text": q["text"], "kind": q["kind"], "speaker": q.get("speaker"), "via": q.get("via"),
                         "cue": (q.get("cue") or {}).get("text"), "confidence": float(q["confidence"])}
    for e in record["events"]:
        yield "events", {"article_id": aid, "event_id": e["id"], "type": e["type"], "mode": e.get("mode"),
                         "cameo": e.get("cameo"), "source": e.get("source"), "target": e.get("target"),
                         "trigger_start": e["trigger"]["start"], "trigger_end": e["trigger"]["end"],
                         "trigger_text": e["trigger"]["text"], "date": e.get("date"), "place_id": e.get("place"),
                         "negated": e["negated"], "modality": e["modality"], "quote_id": e.get("quote"),
                         "confidence": float(e["confidence"])}
    for p in record["places"]:
        for m in p["mentions"]:
            yield "places", {"article_id": aid, "place_id": p["id"], "name": p["name"], "country": p.get("country"),
                             "geonames_id": p.get("geonames_id"), "lat": p.get("lat"), "lon": p.get("lon"),
                             "feature": p["feature"], "start": m["start"], "end": m["end"], "text": m["text"]}
    for t in record["times"]:
        yield "times", {"article_id": aid, "start": t["start"], "end": t["end"], "text": t["text"],
                        "value": t["value"], "type": t["type"]}


def analyze_partition(rows: Iterable[Any], lang: str, published: str | None) -> Iterator[tuple[str, str]]:
    """Runs on an executor: Spark rows in, (table, JSON row) out."""
    from .analysis.analyze import analyze
    from .corpus.readers import MAX_CHARS, Article, check_date, check_text

    def articles() -> Iterator[Article | InputError]:
        for row in rows:
            data = row.asDict()
            source = f"spark:{data.get('id')}"
            try:
                text = check_text(data.get("text") or "", source, MAX_CHARS)
                yield Article(id=str(data.get("id")), text=text, source=source, title=data.get("title"),
                              published=check_date(data.get("published"), source), lang=data.get("lang"),
                              url=data.get("url"), outlet=data.get("outlet"))
            except InputError as error:
                yield error

    for result in analyze(articles(), lang=lang, published=published):
        if isinstance(result, InputError):
            yield "quarantine", json.dumps({"source": str(result.values.get("source")), "reason": str(result)})
        else:
            for table, row in record_rows(result):
                yield table, json.dumps(row, ensure_ascii=False)


def run(input_path: str, output: str, master: str | None = "local[2]", partitions: int | None = None,
        lang: str = "auto", published: str | None = None, fields: dict[str, str] | None = None) -> dict[str, int]:
    """Analyse a JSONL or Parquet file of articles on Spark and write one Parquet table per kind of
    row under `output`; returns the row count of each table."""
    from pyspark import StorageLevel
    from pyspark.sql import SparkSession

    # local workers run this interpreter (with chronique installed), not whatever `python3` is on PATH
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

    builder = SparkSession.builder.appName("chronique").config("spark.sql.shuffle.partitions", str(partitions or 4))
    if master:  # under spark-submit, the master comes from spark-submit
        builder = builder.master(master).config("spark.ui.enabled", "false")
    spark = builder.getOrCreate()
    try:
        reader = spark.read
        frame = reader.parquet(input_path) if input_path.endswith(".parquet") else reader.json(input_path)
        for ours, theirs in (fields or {}).items():
            frame = frame.withColumn(ours, frame[theirs])
        keep = [c for c in ("id", "text", "title", "published", "lang", "url", "outlet") if c in frame.columns]
        frame = frame.select(*keep)
        if partitions:
            frame = frame.repartition(partitions)
        rows = frame.rdd.mapPartitions(lambda part: analyze_partition(part, lang, published))
        rows.persist(StorageLevel.MEMORY_AND_DISK)
        counts = {}
        for table in TABLE_NAMES:
            lines = rows.filter(lambda pair, t=table: pair[0] == t).map(lambda pair: pair[1])
            counts[table] = lines.count()
            target = str(Path(output) / table)
            if counts[table]:
                spark.read.json(lines).write.mode("overwrite").parquet(target)
        rows.unpersist()
        return counts
    finally:
        spark.stop()


def main(argv: list[str] | None = None) -> int:
    """Entry point for spark-submit: `spark-submit .../chronique/spark.py INPUT OUTPUT [--partitions N]`."""
    import argparse

    parser = argparse.ArgumentParser(description="Chronique on Spark")
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--partitions", type=int)
    parser.add_argument("--lang", default="auto")
    parser.add_argument("--published")
    parser.add_argument("--field", action="append", default=[], help="e.g. text=body")
    args = parser.parse_args(argv)
    counts = run(args.input, args.output, master=None, partitions=args.partitions, lang=args.lang,
                 published=args.published, fields=dict(f.split("=", 1) for f in args.field))
    print(json.dumps(counts))
    return 1 if counts.get("quarantine") else 0


if __name__ == "__main__":
    sys.exit(main())
