"""The Spark path gives the same records as `chronique analyze` (a real local[2] session)."""

import json
import shutil

import pytest

pyspark = pytest.importorskip("pyspark")
pytestmark = pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java")

ARTICLES = [
    {"id": "s1", "text": "Visite à Rome\nLa ministre Claire Vautrin est arrivée à Rome mardi soir. "
                         "« Nous resterons unis », a déclaré Claire Vautrin.", "published": "2024-03-14"},
    {"id": "s2", "text": "Sommet à Berlin\nLe président Luc Martin a rencontré son homologue allemand à Berlin.",
     "published": "2024-03-15"},
    {"id": "s3", "text": "Talks in London\nForeign Secretary Jack Harding said the talks were \"useful\".",
     "published": "2024-03-16"},
    {"id": "s4", "text": "   ", "published": "2024-03-16"},
]


def test_spark_records_equal_analyze_records(tmp_path):
    import duckdb

    from chronique.analysis.analyze import analyze
    from chronique.corpus.readers import read_inputs
    from chronique.spark import run

    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    expected = {r["id"]: r for r in analyze(read_inputs([str(source)])) if isinstance(r, dict)}
    counts = run(str(source), str(tmp_path / "out"), master="local[2]", partitions=2)
    assert counts["articles"] == 3 and counts["quarantine"] == 1
    db = duckdb.connect()
    rows = db.execute(f"SELECT id, record FROM read_parquet('{tmp_path / 'out' / 'articles'}/*.parquet')").fetchall()
    got = {rid: json.loads(record) for rid, record in rows}
    assert got == expected
    events = db.execute(f"SELECT count(*) FROM read_parquet('{tmp_path / 'out' / 'events'}/*.parquet')").fetchone()
    assert events[0] == sum(len(r["events"]) for r in expected.values())

    from chronique.corpus.ingest import ingest_parquet
    from chronique.corpus.store import Store

    summary = ingest_parquet(str(tmp_path / "out"), str(tmp_path / "store.duckdb"))
    assert summary.stored == 3
    with Store(tmp_path / "store.duckdb") as store:
        stored = {json.loads(r)["id"] for (r,) in store.db.execute("SELECT record FROM articles").fetchall()}
    assert stored == set(expected)
