"""The quality gate: the scorer's figures on the dev gold may rise, never fall below the checked-in
baseline (tests/quality_baseline.json, written by `python benchmarks/quality.py --update`)."""

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from quality import BASELINE, GOLD_FILES, SHARED, figures  # noqa: E402

pytestmark = pytest.mark.skipif(not (SHARED / "gold").exists(), reason="../shared is absent")


@pytest.mark.parametrize("gold_name", GOLD_FILES)
def test_no_figure_falls_below_the_baseline(gold_name):
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))[gold_name]
    now = figures(gold_name)
    assert now["invalid_records"] == 0 and now["span_errors"] == 0
    fallen = {k: (baseline[k], now[k]) for k in baseline
              if k not in ("invalid_records", "span_errors") and baseline[k] is not None
              and (now[k] is None or now[k] < baseline[k] - 1e-9)}
    assert not fallen, f"figures below the baseline (baseline, now): {fallen}"
