"""The list benchmark still runs: main at a tiny size gives positive finite figures (not a performance test)."""

from __future__ import annotations

import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.bench import bench_list  # noqa: E402


def test_list_bench_runs(tmp_path, capsys):
    figures = bench_list.main(["--sizes", "300,600", "--repeat", "1", "--dir", str(tmp_path)])
    assert set(figures) == {300, 600}
    for values in figures.values():
        assert all(math.isfinite(v) and v > 0 for v in values.values())
    assert "600 / 300" in capsys.readouterr().out
