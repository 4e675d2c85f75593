"""`annotator claim`, `relate`, `unrelate` and `claims` (the report) as scripts call them."""

from __future__ import annotations

import csv
import io

import orjson
import pytest

from annotator.cli.main import main

DOC = "003_7fa7a90ba42b20d6"  # Sputnik: "... товарооборот достиг $4 млрд ..."


def run(capsys, db, *args) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def text_of(capsys, db) -> str:
    code, out, _ = run(capsys, db, "export", "-o", "-", "--docs", DOC)
    return orjson.loads(out.splitlines()[0])["text"]


def at(text: str, needle: str) -> tuple[str, str]:
    start = text.index(needle)
    return str(start), str(start + len(needle))


@pytest.fixture
def db(capsys, tmp_path, db_target):
    path = db_target
    assert run(capsys, path, "import", "--sample")[0] == 0
    return path


@pytest.fixture
def scene(capsys, db):
    """anna: Мирзиёев (PER) says a STAT claim with a cue; the press service (ORG) a FACT; AUTHOR a PLAN."""
    text = text_of(capsys, db)
    per = run(capsys, db, "label", DOC, *at(text, "Шавката Мирзиёева"), "PER", "--annotator", "anna")[1].strip()
    org = run(capsys, db, "label", DOC, *at(text, "пресс-служба узбекского лидера"), "ORG",
              "--annotator", "anna")[1].strip()
    stat = run(capsys, db, "claim", DOC, *at(text, "с начала года товарооборот достиг $4 млрд"), "STAT",
               "--speaker", per, "--annotator", "anna", "--cue", *at(text, "отмечего"), "--checkworthy",
               "--quantity", "auto")
    assert stat[0] == 0, stat[2]
    fact = run(capsys, db, "claim", DOC, *at(text, "запущен Международный центр промышленной кооперации"), "FACT",
               "--speaker", org, "--annotator", "anna")
    plan = run(capsys, db, "claim", DOC, *at(text, "Поставлена цель довести данный показатель до $10 млрд к 2030 году"),
               "PLAN", "--speaker", "AUTHOR", "--annotator", "anna", "--hedged", "--quantity", "1e10", "USD", "2030")
    assert fact[0] == 0 and plan[0] == 0, (fact, plan)
    return {"per": int(per), "org": int(org), "stat": int(stat[1]), "fact": int(fact[1]), "plan": int(plan[1])}


def claims_json(capsys, db, *args) -> list[dict]:
    code, out, err = run(capsys, db, "claims", "--json", *args)
    assert code == 0, err
    return orjson.loads(out)


def test_claims_json_lists_every_field(capsys, db, scene):
    rows = {r["id"]: r for r in claims_json(capsys, db)}
    assert set(rows) == {scene["stat"], scene["fact"], scene["plan"]}
    stat = rows[scene["stat"]]
    assert stat["document"] == DOC and stat["annotator"] == "anna" and stat["type"] == "STAT"
    assert stat["text"] == "с начала года товарооборот достиг $4 млрд"
    assert (stat["speaker"], stat["speaker_id"], stat["speaker_label"]) == ("Шавката Мирзиёева", scene["per"], "PER")
    assert stat["cue"] == "отмечего" and stat["checkworthy"] is True and stat["certainty"] == "ASSERTED"
    # from the normaliser; "с начала года" in an article of 2025-11-15
    assert (stat["quantity_value"], stat["quantity_unit"], stat["quantity_period"]) == (4e9, "USD", "2025")
    plan = rows[scene["plan"]]
    assert (plan["speaker"], plan["certainty"]) == ("AUTHOR", "HEDGED")
    assert (plan["quantity_value"], plan["quantity_unit"], plan["quantity_period"]) == (1e10, "USD", "2030")


@pytest.mark.parametrize("query, expected", [
    ("Мирзиёев", {"stat"}),  # a lemma of "Мирзиёева"
    ("шавкат", {"stat"}),  # any part, any case
    ("пресс-служба", {"fact"}),
    ("AUTHOR", {"plan"}),
    ("Токаев", set()),
])
def test_speaker_filter(capsys, db, scene, query, expected):
    ids = {r["id"] for r in claims_json(capsys, db, "--speaker", query)}
    assert ids == {scene[name] for name in expected}


def test_type_and_docs_filters(capsys, db, scene):
    assert {r["id"] for r in claims_json(capsys, db, "--type", "STAT,PLAN")} == {scene["stat"], scene["plan"]}
    assert claims_json(capsys, db, "--docs", "000_598509fc61278558") == []
    assert len(claims_json(capsys, db, "--docs", DOC)) == 3


def test_claims_csv_and_text(capsys, db, scene):
    code, out, _ = run(capsys, db, "claims", "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 3 and {r["type"] for r in rows} == {"STAT", "FACT", "PLAN"}
    code, out, _ = run(capsys, db, "claims", "--speaker", "Мирзиёев")
    assert code == 0 and "speaker=Шавката Мирзиёева (отмечего)" in out and "[4e+09 USD" in out


def test_claim_speaker_makes_a_says_relation_that_relate_and_unrelate_keep_in_step(capsys, db, scene):
    code, out, _ = run(capsys, db, "export", "-o", "-", "--annotator", "anna")
    line = orjson.loads(out)
    assert [(r["label"]) for r in line["relations"]] == ["SAYS", "SAYS"]  # PER -> STAT, ORG -> FACT
    # ABOUT: claim -> entity
    code, out, err = run(capsys, db, "relate", DOC, str(scene["stat"]), str(scene["per"]), "ABOUT",
                         "--annotator", "anna")
    assert code == 0, err
    about = int(out)
    # a SAYS from the ORG to the PER's claim contradicts its speaker
    code, _, err = run(capsys, db, "relate", DOC, str(scene["org"]), str(scene["stat"]), "SAYS",
                       "--annotator", "anna")
    assert code == 1 and "must agree with the claim's speaker" in err
    assert run(capsys, db, "unrelate", DOC, str(about), "--annotator", "anna")[0] == 0
    code, _, err = run(capsys, db, "unrelate", DOC, str(about), "--annotator", "anna")
    assert code == 1 and f"has no relation {about}" in err


def test_bad_claims_are_refused_with_a_message(capsys, db, scene):
    text = text_of(capsys, db)
    code, _, err = run(capsys, db, "claim", DOC, *at(text, "Sputnik"), "RUMOUR", "--speaker", "AUTHOR",
                       "--annotator", "anna")
    assert code == 1 and "unknown claim type 'RUMOUR'" in err
    code, _, err = run(capsys, db, "claim", DOC, *at(text, "Sputnik"), "FACT", "--speaker", "999999",
                       "--annotator", "anna")
    assert code == 1 and "no span 999999" in err
    with pytest.raises(SystemExit) as usage:
        run(capsys, db, "claim", DOC, *at(text, "Sputnik"), "FACT", "--annotator", "anna")
    assert usage.value.code == 2  # --speaker is required
    assert len(claims_json(capsys, db)) == 3


def test_undo_removes_a_claim_made_from_the_command_line(capsys, db, scene):
    code, out, _ = run(capsys, db, "undo", "--annotator", "anna")
    assert code == 0 and out.strip() == "Undo: Add PLAN claim"
    assert {r["id"] for r in claims_json(capsys, db)} == {scene["stat"], scene["fact"]}
