"""Throughput of the full Chronique pipeline against bare spaCy, same model, same texts, same run.

    python benchmarks/throughput.py [DIR_OR_JSONL] [--limit N] [--lang fr] [--json] [--spark] [--field text=body]

Absolute times on shared machines are noise; the ratio (chronique articles/s over spaCy's) is the
figure. Both sides parse the same texts with `nlp.pipe`; each is timed after one warm-up pass so model
loading and lazy resource building are not counted. `stage_seconds` is each component's own time.
With --spark, the same texts also go through `chronique spark` on local[1] and local[2] (session
start and model loading included, as a user would see them) and `spark_speedup` is their ratio.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus-candidates" / "wikinews-fr-keyphrase" / "docsutf8"


def load_texts(source: Path, limit: int, fields: dict[str, str] | None = None) -> list[str]:
    from chronique.corpus.readers import Article, read_inputs

    return [a.text for a in read_inputs([str(source)], fields=fields) if isinstance(a, Article)][:limit]


def spark_seconds(texts: list[str], lang: str, published: str, master: str) -> float:
    import tempfile

    from chronique.spark import run

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "articles.jsonl"
        source.write_text("".join(json.dumps({"id": f"b{n}", "text": t}) + "\n" for n, t in enumerate(texts)),
                          encoding="utf-8")
        t0 = time.perf_counter()
        run(str(source), str(Path(tmp) / "out"), master=master, partitions=4, lang=lang, published=published)
        return time.perf_counter() - t0


def timed_stages(nlp, texts: list[str], published: str) -> tuple[float, dict[str, float]]:
    """Wall time of the full pipeline over texts, and the seconds spent in each component."""
    from chronique.analysis.builder import build_record
    from chronique.analysis.pipeline import make_doc

    stage_seconds = {name: 0.0 for name in nlp.pipe_names}
    start = time.perf_counter()
    for text in texts:
        doc = make_doc(nlp, text, {"id": "bench", "published": published})
        for name, component in nlp.pipeline:
            t0 = time.perf_counter()
            doc = component(doc)
            stage_seconds[name] += time.perf_counter() - t0
        build_record(doc)
    return time.perf_counter() - start, stage_seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=400)
    parser.add_argument("--lang", default="fr")
    parser.add_argument("--published", default="2012-06-01")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--spark", action="store_true", help="also time Spark local[1] and local[2]")
    parser.add_argument("--field", action="append", default=[], help="JSONL field mapping, e.g. text=body")
    args = parser.parse_args(argv)

    import spacy

    from chronique.analysis.builder import build_record
    from chronique.analysis.pipeline import analyze_docs, load_pipeline, model_name

    texts = load_texts(args.source, args.limit, dict(f.split("=", 1) for f in args.field))
    if not texts:
        print(f"no texts in {args.source}", file=sys.stderr)
        return 2
    bare = spacy.load(model_name(args.lang))
    full = load_pipeline(args.lang)
    meta = {"id": "bench", "published": args.published}
    list(bare.pipe(texts[:5]))  # warm-up: lazy tables, gazetteer, lexicons
    list(analyze_docs(full, [(t, meta) for t in texts[:5]]))

    t0 = time.perf_counter()
    for _ in bare.pipe(texts, batch_size=16):
        pass
    spacy_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for doc in analyze_docs(full, [(t, meta) for t in texts], batch_size=16):
        build_record(doc)
    chronique_s = time.perf_counter() - t0
    _, stages = timed_stages(full, texts[: min(len(texts), 100)], args.published)

    words = sum(len(t.split()) for t in texts)
    result = {
        "articles": len(texts), "words": words, "model": model_name(args.lang),
        "spacy_articles_per_s": round(len(texts) / spacy_s, 2),
        "chronique_articles_per_s": round(len(texts) / chronique_s, 2),
        "ratio_vs_spacy": round(spacy_s / chronique_s, 3),
        "stage_seconds": {k: round(v, 3) for k, v in stages.items()},
        "stage_seconds_articles": min(len(texts), 100),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    if args.spark:
        one = spark_seconds(texts, args.lang, args.published, "local[1]")
        two = spark_seconds(texts, args.lang, args.published, "local[2]")
        result.update(spark_local1_s=round(one, 2), spark_local2_s=round(two, 2), spark_speedup=round(one / two, 3))
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:28} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
