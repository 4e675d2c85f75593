"""The review benchmark still runs: a tiny corpus gives positive, finite figures (not a performance test)."""

from __future__ import annotations

import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # the checkout, so that ``tests.bench`` imports without an editable install
    sys.path.insert(0, str(ROOT))

from tests.bench import bench_review  # noqa: E402


def test_review_benchmark_runs(tmp_path, capsys):
    start = time.perf_counter()
    figures = bench_review.main(["--docs", "30", "--repeat", "1", "--dir", str(tmp_path)])
    assert time.perf_counter() - start < 20
    for name in ("docs", "listed", "import_s", "domain_s", "domain_docs_per_s", "disagreements_per_doc",
                 "counts_s", "agreement_s", "ratio", "annotator_sets_ms", "gold_set_ms",
                 "document_disagreements_ms", "open_ms"):
        value = figures[name]
        assert isinstance(value, (int, float)) and not isinstance(value, bool), (name, value)
        assert math.isfinite(value) and value > 0, (name, value)
    assert figures["docs"] == 30 and 0 < figures["listed"] <= 30
    out = capsys.readouterr().out
    assert "ratio disagreement_counts / agreement" in out and "curation.document_disagreements" in out
    assert not any(tmp_path.iterdir())  # the scratch directory went
