"""The GUI benchmark still runs: main at a tiny size gives positive finite figures (not a performance test)."""

from __future__ import annotations

import math
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # the checkout, so that ``tests.bench`` imports without an editable install
    sys.path.insert(0, str(ROOT))

from tests.bench import bench_gui  # noqa: E402


def test_gui_bench_runs(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ANNOTATOR_CONFIG_DIR", str(tmp_path / "config"))
    started = time.monotonic()
    figures = bench_gui.main(["--kb", "50", "--spans", "200", "--keys", "10", "--repeat", "1",
                              "--dir", str(tmp_path)])
    assert time.monotonic() - started < 15
    for name in ("text_bytes", "spans", "open_s", "baseline_open_s", "open_ratio", "claims", "open_with_claims_ratio", "keys",
                 "key_median_ms", "key_p99_ms", "key_max_ms", "shown_median_ms", "shown_p99_ms"):
        value = figures[name]
        assert isinstance(value, (int, float)) and not isinstance(value, bool), (name, value)
        assert math.isfinite(value) and value > 0, (name, value)
    assert figures["spans"] == 200 and figures["keys"] == 10
    assert figures["text_bytes"] >= 50 * 1024
    assert figures["shown_median_ms"] >= figures["key_median_ms"]
    out = capsys.readouterr().out
    assert "ours / baseline" in out and "durable p99" in out
