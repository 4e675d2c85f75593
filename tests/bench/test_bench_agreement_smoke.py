"""The agreement benchmark still runs: a tiny corpus gives positive, finite figures (not a performance test)."""

from __future__ import annotations

import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # the checkout, so that ``tests.bench`` imports without an editable install
    sys.path.insert(0, str(ROOT))

from tests.bench import bench_agreement  # noqa: E402


def test_agreement_benchmark_runs(capsys):
    start = time.perf_counter()
    figures = bench_agreement.main(["--docs", "30"])
    assert time.perf_counter() - start < 10
    for name in ("docs", "tokens", "spans", "matrix_s", "ours_alpha_s", "ours_codes_alpha_s", "theirs_alpha_s",
                 "ratio", "report_s", "alpha"):
        value = figures[name]
        assert isinstance(value, (int, float)) and not isinstance(value, bool), (name, value)
        assert math.isfinite(value) and value > 0, (name, value)
    assert figures["docs"] == 30 and figures["tokens"] > 30 * 200
    out = capsys.readouterr().out
    assert "ratio ours / krippendorff.alpha" in out and "(d) report()" in out
