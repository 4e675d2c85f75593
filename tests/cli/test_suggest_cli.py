"""`annotator suggest`, `suggestions`, `repeats`, `propagate` and `agreement --copies-as-one`."""

from __future__ import annotations

import orjson
import pytest

from annotator.cli.main import main
from annotator.services import documents
from annotator.services.workspace import Workspace

D001, D002 = "001_1fc550a04f713c8c", "002_c0882ce87bb2ddc4"


def text_of(db, doc: str) -> str:
    with Workspace.open(db) as workspace:
        return documents.document(workspace, doc).text


def run(capsys, db, *args):
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(capsys, db_target):
    assert run(capsys, db_target, "import", "--sample")[0] == 0
    return db_target


def test_suggest_reports_its_rate_and_resumes(capsys, db):
    code, out, _ = run(capsys, db, "suggest", "--docs", D001, "--model", "rules")
    assert code == 0 and "1 document(s) by rules" in out and "suggestions/s" in out
    code, out, _ = run(capsys, db, "suggest", "--model", "rules")
    assert code == 0 and "4 document(s) by rules" in out and "1 document(s) already suggested, skipped" in out
    assert run(capsys, db, "suggest", "--model", "spacy")[0] == 1


def test_repeats_lists_the_passages_with_their_places(capsys, db):
    code, out, _ = run(capsys, db, "repeats", "--json")
    passages = orjson.loads(out)
    assert code == 0 and len(passages) == 4
    places = {(p["document"]) for passage in passages for p in passage["places"]}
    assert places == {"000_598509fc61278558", D001, D002, "004_c352576d79d9da91"}
    code, text, _ = run(capsys, db, "repeats")
    assert text.startswith("4 repeated passage(s)")


def test_propagate_and_agreement_with_copies_as_one(capsys, db):
    start = text_of(db, D002).index("UzKazTrade")
    code, _, _ = run(capsys, db, "label", D002, str(start), str(start + 10), "ORG", "--annotator", "anna")
    assert code == 0
    code, out, _ = run(capsys, db, "propagate", "--from", D002, "--annotator", "anna")
    assert code == 0 and out.startswith(f"proposed 1 span(s) and 0 claim(s) in 1 document(s): {D001}")
    start_001 = text_of(db, D001).index("UzKazTrade")
    assert run(capsys, db, "label", D001, str(start_001), str(start_001 + 10), "ORG", "--annotator", "boris")[0] == 0
    assert run(capsys, db, "label", D001, str(start_001), str(start_001 + 10), "ORG", "--annotator", "anna")[0] == 0
    assert run(capsys, db, "label", D002, str(start), str(start + 10), "PER", "--annotator", "boris")[0] == 0
    plain = orjson.loads(run(capsys, db, "agreement", "--json")[1])
    once = orjson.loads(run(capsys, db, "agreement", "--json", "--copies-as-one")[1])
    # the passage's first place is 001 (corpus order); the disagreement is in its copy in 002: gone
    assert "PER" in orjson.dumps(plain["label_totals"]).decode()
    assert "PER" not in orjson.dumps(once["label_totals"]).decode()


def test_suggestions_reports_answers(capsys, db):
    run(capsys, db, "suggest", "--docs", D001, "--model", "rules")
    code, out, _ = run(capsys, db, "suggestions", "--json")
    assert code == 0 and orjson.loads(out) == {"answers": [], "agreement_with_models": {}}


def test_documents_imported_without_the_index_are_indexed_by_repeats(capsys, db_target):
    assert run(capsys, db_target, "import", "--sample", "--no-repeat-index")[0] == 0
    with Workspace.open(db_target) as workspace:
        from annotator.services import repeats

        assert repeats.repeated_passages(workspace) == []
    code, out, err = run(capsys, db_target, "repeats")
    assert code == 0 and out.startswith("4 repeated passage(s)") and "indexed" in err
    code, out, err = run(capsys, db_target, "repeats")
    assert out.startswith("4 repeated passage(s)") and "indexed" not in err  # nothing left to index


def test_import_indexes_its_documents_after_its_commit(capsys, db_target):
    code, out, err = run(capsys, db_target, "import", "--sample")
    assert code == 0 and out.startswith("imported: 5 document(s) added")
    assert "repeated passages: indexed" in err and "of 5 document(s)" in err
    with Workspace.open(db_target) as workspace:
        from annotator.services import repeats

        assert repeats.unread_count(workspace) == 0 and len(repeats.repeated_passages(workspace)) == 4


def test_import_without_the_index_leaves_it_to_the_window_or_repeats(capsys, db_target):
    code, _out, err = run(capsys, db_target, "import", "--sample", "--no-repeat-index")
    assert code == 0 and "repeated passages" not in err
    with Workspace.open(db_target) as workspace:
        from annotator.services import repeats

        assert repeats.unread_count(workspace) == 5
