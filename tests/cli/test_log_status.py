"""`annotator status` and `annotator log`: set status from the command line, and the audit trail."""

from __future__ import annotations

from annotator.cli.main import main
from annotator.services import documents

DOC = "003_7fa7a90ba42b20d6"


def run(capsys, db, *args) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_status_marks_done_and_log_shows_who_did_what(capsys, db_target):
    assert run(capsys, db_target, "import", "--sample")[0] == 0
    assert run(capsys, db_target, "label", DOC, "21", "28", "ORG", "--annotator", "anna")[0] == 0
    code, out, _ = run(capsys, db_target, "status", DOC, "done", "--annotator", "anna")
    assert code == 0 and out.strip() == "Mark done"
    code, out, _ = run(capsys, db_target, "docs")
    assert f"anna:done" in next(line for line in out.splitlines() if line.startswith(DOC))

    code, out, _ = run(capsys, db_target, "log", "--annotator", "anna")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    assert lines[0].endswith("Mark done") and lines[1].endswith("Add ORG span")
    assert DOC in lines[0] and "anna" in lines[0]


def test_curated_is_refused_for_an_annotator(capsys, db_target):
    run(capsys, db_target, "import", "--sample")
    code, _, err = run(capsys, db_target, "status", DOC, "curated", "--annotator", "anna")
    assert code == 1 and "only the gold set can be curated" in err
    from annotator.services.workspace import Workspace

    with Workspace.open(db_target) as ws:
        assert documents.annotation_sets(ws, DOC) == []


def test_undo_of_status_restores_the_previous_status(capsys, db_target):
    run(capsys, db_target, "import", "--sample")
    run(capsys, db_target, "label", DOC, "21", "28", "ORG", "--annotator", "anna")
    run(capsys, db_target, "status", DOC, "done", "--annotator", "anna")
    assert run(capsys, db_target, "undo", "--annotator", "anna")[1].strip() == "Undo: Mark done"
    out = run(capsys, db_target, "docs")[1]
    assert "anna:in_progress" in next(line for line in out.splitlines() if line.startswith(DOC))
