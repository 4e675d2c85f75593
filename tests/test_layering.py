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
