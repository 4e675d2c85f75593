"""The suggestions benchmark still runs: the sample corpus and a tiny index give positive figures
(not a performance test), and the hand-made gold fixture imports as gold."""

from __future__ import annotations

import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.bench import bench_suggestions  # noqa: E402


def test_suggestions_benchmark_runs(tmp_path, capsys):
    figures = bench_suggestions.main(["--sizes", "40", "--rounds", "1", "--dir", str(tmp_path)])
    sample = figures["sample"]
    for name in ("natasha_per_s", "rules_per_s", "PER_f1", "GPE_f1", "MONEY_f1", "DATE_f1", "ORG_f1", "LOC_f1",
                 "passages", "accepted", "keystrokes_saved", "keystrokes_by_hand"):
        assert math.isfinite(sample[name]) and sample[name] > 0, (name, sample[name])
    assert sample["passages"] == 4 and sample["keystrokes_saved"] < sample["keystrokes_by_hand"]
    assert figures[40]["index_s"] > 0 and figures[40]["passages"] > 0
    assert figures[40]["import"]["with_s"] > 0 and figures[40]["import"]["without_s"] > 0
    out = capsys.readouterr().out
    assert "against the hand-made gold" in out and "keystrokes saved" in out
