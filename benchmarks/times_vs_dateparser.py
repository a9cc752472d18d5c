"""Chronique's times against dateparser's `search_dates` on the same gold files, scored by the
project's scorer in the same run.

    python benchmarks/times_vs_dateparser.py [GOLD.jsonl ...] [--json]

dateparser is given the same anchor (the record's publication date, as RELATIVE_BASE) and the
record's language; each date it finds becomes a time with day granularity.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import datetime
from pathlib import Path

from quality import SHARED, load_scorer

DEFAULT_GOLD = ("seed", "dev-fr", "fr-timebank.dev", "tempeval3-en.dev")


def dateparser_times(record: dict) -> list[dict]:
    from dateparser.search import search_dates

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if record.get("published"):
        settings["RELATIVE_BASE"] = datetime.fromisoformat(record["published"])
    found = search_dates(record["text"], languages=[record.get("lang") or "fr"], settings=settings) or []
    times, cursor = [], 0
    for text, moment in found:
        start = record["text"].find(text, cursor)
        if start < 0:
            continue
        cursor = start + len(text)
        times.append({"start": start, "end": cursor, "text": text, "value": moment.date().isoformat(),
                      "type": "date"})
    return times


def empty(record: dict) -> dict:
    return {"id": record["id"], "lang": record.get("lang") or "fr", "text": record["text"], "actors": [],
            "quotes": [], "events": [], "places": [], "times": []}


def compare(gold_path: Path) -> dict:
    from chronique.analysis.analyze import analyze
    from chronique.corpus.readers import read_inputs

    scorer = load_scorer()
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    t0 = time.perf_counter()
    ours = [r for r in analyze(read_inputs([str(gold_path)])) if isinstance(r, dict)]
    ours_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    theirs = [dict(empty(g), times=dateparser_times(g)) for g in gold]
    theirs_s = time.perf_counter() - t0
    out = {}
    for name, records, seconds in (("chronique", ours, ours_s), ("dateparser", theirs, theirs_s)):
        summary, _ = scorer.evaluate(gold, records, areas=("times",), log=lambda *a: None)
        out[name] = {k: summary["times"][k] for k in ("precision", "recall", "f1")} | {"seconds": round(seconds, 2)}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    paths = args.gold or [SHARED / "gold" / f"{name}.jsonl" for name in DEFAULT_GOLD]
    results = {path.stem: compare(path) for path in paths}
    if args.json:
        print(json.dumps(results))
        return 0
    print(f"{'gold':22}{'system':12}{'P':>7}{'R':>7}{'F1':>7}{'seconds':>9}")
    for gold, systems in results.items():
        for system, m in systems.items():
            cells = "".join(f"{m[k]:>7.3f}" if m[k] is not None else f"{'n/a':>7}"
                            for k in ("precision", "recall", "f1"))
            print(f"{gold:22}{system:12}{cells}{m['seconds']:>9}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
