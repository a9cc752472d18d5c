"""Precision and recall of Chronique's person-name matcher on the name-variant pairs written for the
project (benchmarks/data/name_pairs.tsv: the same person across transliterations and languages, and
different people with similar names).

    python benchmarks/names.py [--json] [--errors]

A pair counts as matched when `chronique names` would put both names in one group: the string
matcher (names.same_person), or the knowledge base knowing both as one person.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from chronique.people import group_names
from chronique.resources import read_table

PAIRS = Path(__file__).resolve().parent / "data" / "name_pairs.tsv"


def evaluate(path: Path = PAIRS) -> dict:
    tp = fp = fn = tn = 0
    errors = []
    for row in read_table(path):
        groups = group_names([row["a"], row["b"]])
        together = len(groups) == 1
        same = row["same"] == "1"
        tp += same and together
        fn += same and not together
        fp += together and not same
        tn += not same and not together
        if together != same:
            errors.append(f"{'missed' if same else 'merged'}: {row['a']} / {row['b']} ({row['note']})")
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    return {"pairs": tp + fp + fn + tn, "tp": tp, "fp": fp, "fn": fn, "tn": tn,
            "precision": round(precision, 4) if precision is not None else None,
            "recall": round(recall, 4) if recall is not None else None, "errors": errors}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--errors", action="store_true", help="list the pairs it gets wrong")
    args = parser.parse_args(argv)
    result = evaluate()
    errors = result.pop("errors")
    print(json.dumps(result) if args.json else "\n".join(f"{k:10} {v}" for k, v in result.items()))
    if args.errors:
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
