"""The undo log benchmark still runs: tiny sizes give positive finite figures (not a performance test)."""

from __future__ import annotations

import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.bench import bench_undo_log  # noqa: E402


def test_undo_log_bench_runs(tmp_path, capsys):
    figures = bench_undo_log.main(["--sizes", "10,200", "--repeat", "1", "--dir", str(tmp_path)])
    assert set(figures) == {10, 200}
    for values in figures.values():
        assert all(math.isfinite(v) and v > 0 for v in values.values())
    assert "whole-log replay" in capsys.readouterr().out
