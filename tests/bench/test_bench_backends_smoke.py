"""bench_backends still runs: tiny sizes, on the suite's throw-away server, numeric figures."""

from __future__ import annotations

import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.bench import bench_backends  # noqa: E402


def test_backends_benchmark_runs(tmp_path, capsys, pg_cluster):
    database = pg_cluster.create_database(empty=True)
    figures = bench_backends.main(["--actions", "10", "--per-writer", "5", "--docs", "20", "--dir", str(tmp_path),
                                   "--pg-url", pg_cluster.url(database)])
    for backend in ("sqlite", "postgresql"):
        for name in ("median_ms", "p99_ms", "writers_per_s", "import_s"):
            value = figures[f"{backend}_{name}"]
            assert math.isfinite(value) and value > 0, (backend, name, value)
    assert "PostgreSQL / SQLite" in capsys.readouterr().out


def test_search_backends_benchmark_runs(tmp_path, capsys, pg_cluster):
    from tests.bench import bench_search_backends

    database = pg_cluster.create_database(empty=True)
    figures = bench_search_backends.main(["--docs", "30", "--repeat", "1", "--dir", str(tmp_path),
                                          "--pg-url", pg_cluster.url(database)])
    for backend in ("sqlite", "postgresql"):
        for name in ("import_s", "search_common_ms", "search_spans_ms", "filter_ms"):
            value = figures[f"{backend}_{name}"]
            assert math.isfinite(value) and value > 0, (backend, name, value)
    assert "PostgreSQL / SQLite" in capsys.readouterr().out


def test_export_backends_benchmark_runs(tmp_path, capsys, pg_cluster):
    from tests.bench import bench_export_backends

    database = pg_cluster.create_database(empty=True)
    figures = bench_export_backends.main(["--docs", "20", "--repeat", "1", "--no-repeat-index", "--dir", str(tmp_path),
                                          "--pg-url", pg_cluster.url(database)])
    for backend in ("sqlite", "postgresql"):
        for name in ("import_s", "export_s", "baseline_export_s", "export_ratio"):
            value = figures[f"{backend}_{name}"]
            assert math.isfinite(value) and value > 0, (backend, name, value)
        assert figures[f"{backend}_identical"], backend  # orjson rewrote exactly what the export wrote


def test_member_import_benchmark_runs(tmp_path, capsys, pg_cluster):
    from tests.bench import bench_member_import

    database = pg_cluster.create_database(empty=True)
    figures = bench_member_import.main(["--docs", "10", "--repeat", "1", "--dir", str(tmp_path),
                                        "--pg-url", pg_cluster.url(database)])
    for name in ("owner_min_s", "owner_median_s", "member_min_s", "member_median_s", "member_over_owner"):
        assert math.isfinite(figures[name]) and figures[name] > 0, (name, figures[name])
    assert "member / owner" in capsys.readouterr().out
