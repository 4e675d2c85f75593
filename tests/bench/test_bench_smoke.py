"""The benchmarks still run: each main at a tiny size gives numeric figures (not a performance test)."""

from __future__ import annotations

import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # the checkout, so that ``tests.bench`` imports without an editable install
    sys.path.insert(0, str(ROOT))

from tests.bench import bench_action, bench_claims, bench_import_export  # noqa: E402


def _positive(figures: dict, *names: str) -> None:
    for name in names:
        value = figures[name]
        assert isinstance(value, (int, float)) and not isinstance(value, bool), (name, value)
        assert math.isfinite(value) and value > 0, (name, value)


def test_import_export_runs(tmp_path, capsys):
    figures = bench_import_export.main(["--docs", "50", "--repeat", "1", "--dir", str(tmp_path)])
    _positive(figures, "import_s", "baseline_import_s", "import_ratio", "text_import_s", "text_docs_per_s",
              "export_s", "baseline_export_s", "export_ratio", "floor_export_s", "peak_rss_half", "peak_rss_full")
    assert isinstance(figures["rss_growth_pct"], float) and math.isfinite(figures["rss_growth_pct"])
    assert "baseline_time / our_time" in capsys.readouterr().out


def test_action_runs(tmp_path, capsys):
    figures = bench_action.main(["--actions", "20", "--dir", str(tmp_path)])
    _positive(figures, "ours_median_ms", "ours_p99_ms", "base_median_ms", "base_p99_ms", "p99_ratio")
    assert "ours_p99 / baseline_p99" in capsys.readouterr().out


def test_claims_report_runs(tmp_path, capsys):
    figures = bench_claims.main(["--docs", "20", "--dir", str(tmp_path)])
    assert figures["claims"] == 20 * bench_claims.CLAIMS_PER_DOC
    _positive(figures, "cli_seconds", "report_seconds", "baseline_seconds")
    assert "annotator claims --json" in capsys.readouterr().out


def test_formats_runs(tmp_path, capsys):
    from tests.bench import bench_formats

    figures = bench_formats.main(["--docs", "20", "--dir", str(tmp_path)])
    for format_id in bench_formats.FORMATS:
        _positive(figures, f"{format_id}_export_s", f"{format_id}_import_s", f"{format_id}_import_ratio")
        assert figures[f"{format_id}_spans"] > 0
    assert figures["brat_spans"] == figures["jsonl_spans"] == 20 * 20  # every span comes back
    assert "ratio = the format's time / our JSONL's" in capsys.readouterr().out


def test_entities_runs(tmp_path, capsys):
    from tests.bench import bench_entities

    figures = bench_entities.main(["--docs", "20", "--claims", "5", "--dir", str(tmp_path)])
    assert figures["claims"] == 20 * 5
    _positive(figures, "import_plain_s", "import_linked_s", "first_page_s", "all_rows_s", "baseline_all_rows_s",
              "compare_figures_s", "entity_page_s", "proposal_median_ms", "link_like_corpus_s", "import_ratio")
    assert "ratio browser / bare query" in capsys.readouterr().out
