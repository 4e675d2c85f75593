"""The layering in docs/architecture.md, held by the import-linter contracts in pyproject.toml."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_lint(cwd: Path) -> subprocess.CompletedProcess:
    code = "from importlinter.cli import lint_imports; raise SystemExit(lint_imports())"
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True)


def test_contracts_are_kept():
    result = run_lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
    assert "Qt only in annotator.gui KEPT" in result.stdout
    assert "SQLAlchemy and Alembic only in the store KEPT" in result.stdout


def test_contracts_catch_a_violation(tmp_path):
    """A domain module importing SQLAlchemy breaks a contract (so the check is live)."""
    copy = tmp_path / "repo"
    copy.mkdir()
    (copy / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text(encoding="utf-8"), encoding="utf-8")
    subprocess.run(["cp", "-r", str(ROOT / "annotator"), str(copy / "annotator")], check=True)
    (copy / "annotator" / "domain" / "leak.py").write_text("import sqlalchemy\n", encoding="utf-8")
    env_code = (
        "import sys; sys.path.insert(0, %r); "
        "from importlinter.cli import lint_imports; raise SystemExit(lint_imports())" % str(copy)
    )
    result = subprocess.run([sys.executable, "-c", env_code], cwd=copy, capture_output=True, text=True)
    assert result.returncode != 0
    assert "BROKEN" in result.stdout
    assert "annotator.domain.leak" in result.stdout


def import_circles(package: str) -> list[tuple[str, str]]:
    """Pairs (a, b) where a imports b directly and b imports a back (directly or through others)."""
    import grimp  # import-linter's own import graph

    graph = grimp.build_graph(package)
    circles = set()
    for module in graph.modules:
        for imported in graph.find_modules_directly_imported_by(module):
            if imported.startswith(package + ".") and graph.find_shortest_chain(importer=imported, imported=module):
                circles.add(tuple(sorted((module, imported))))
    return sorted(circles)


def test_no_module_of_annotator_imports_one_that_imports_it_back():
    assert import_circles("annotator") == []


def test_the_circle_check_sees_a_circle(tmp_path, monkeypatch):
    package = tmp_path / "circled"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from circled import b\n")
    (package / "b.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from circled import a\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert import_circles("circled") == [("circled.a", "circled.b")]


def test_the_window_contracts_are_kept():
    result = run_lint(ROOT)
    for name in ("The window works through the services", "The window and the command line are two shells",
                 "The window's sub-packages in layers"):
        line = next((line for line in result.stdout.splitlines() if line.startswith(name)), None)
        assert line is not None, result.stdout
    assert "0 broken" in result.stdout


def test_the_window_starts_without_the_heavy_parts_it_does_not_show():
    """Start-up: the annotation window imports no format module beyond our JSONL, no numpy (agreement's
    coefficients) and no Alembic (a database at the head is opened without it)."""
    import subprocess
    import sys

    probe = ("import sys; import annotator.gui.app, annotator.gui.annotate.main_window; "
             "print(sorted(m for m in sys.modules if m.split('.')[0] in ('numpy', 'alembic', 'charset_normalizer')"
             " or m in ('annotator.formats.brat', 'annotator.formats.webanno_tsv', 'annotator.formats.doccano',"
             " 'annotator.formats.labelstudio', 'annotator.formats.conll')))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.strip() == "[]"
