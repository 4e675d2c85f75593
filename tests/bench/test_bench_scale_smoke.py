"""The scale benchmark still runs: main at a tiny size gives positive finite figures (not a performance test)."""

from __future__ import annotations

import math
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.bench import bench_scale  # noqa: E402


def test_scale_bench_runs(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ANNOTATOR_CONFIG_DIR", str(tmp_path / "config"))
    figures = bench_scale.main(["--sizes", "30,60", "--repeat", "1", "--keys", "3", "--opens", "2",
                                "--idle-keys", "2", "--pause", "0.05",
                                "--dir", str(tmp_path)])
    assert set(figures) == {30, 60}
    for size, values in figures.items():
        for name in ("start_s", "start_rss_mb", "key_p99_ms", "open_ms", "filter_ms", "search_common_ms",
                     "search_rare_ms", "search_lemma_ms", "search_spans_ms", "import_ratio", "export_ratio",
                     "key_indexing_p99_ms"):
            assert math.isfinite(values[name]) and values[name] > 0, (size, name, values[name])
    out = capsys.readouterr().out
    assert "60 / 30" in out
