"""Score Chronique on the gold files with the project's scorer (../shared/eval/score.py).

    python benchmarks/quality.py              # print the figures per gold file
    python benchmarks/quality.py --update     # also write them to tests/quality_baseline.json

The baseline is what tests/test_quality_gate.py holds every change to: a figure may rise, never fall.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BASELINE = ROOT / "tests" / "quality_baseline.json"
GOLD_FILES = ("seed", "dev-fr", "dev-fr-intl", "dev-en")
METRICS = {"quotes": ("f1", "speaker_accuracy"), "actors": ("f1", "country_accuracy"),
           "events": ("f1", "type_f1"), "times": ("f1",), "places": ("f1", "accuracy_161km")}


def load_scorer():
    spec = importlib.util.spec_from_file_location("chronique_score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def figures(gold_name: str) -> dict[str, float | None]:
    from chronique.analysis.analyze import analyze
    from chronique.corpus.readers import read_inputs

    scorer = load_scorer()
    path = SHARED / "gold" / f"{gold_name}.jsonl"
    gold = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = [r for r in analyze(read_inputs([str(path)])) if isinstance(r, dict)]
    summary, _ = scorer.evaluate(gold, records, log=lambda *a: None)
    out: dict[str, float | None] = {"invalid_records": summary["invalid_records"],
                                    "span_errors": summary["span_errors"]}
    for area, names in METRICS.items():
        for name in names:
            out[f"{area}.{name}"] = summary[area].get(name)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="write the figures as the new baseline")
    args = parser.parse_args(argv)
    if not SHARED.exists():
        print("../shared is not here: nothing to score against", file=sys.stderr)
        return 2
    results = {name: figures(name) for name in GOLD_FILES}
    print(json.dumps(results, indent=2))
    if args.update:
        BASELINE.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
