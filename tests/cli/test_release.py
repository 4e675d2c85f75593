"""`annotator release`: gold split into train/dev/test by a seeded shuffle, with a manifest."""

from __future__ import annotations

import orjson

from annotator.cli.main import main


def _gold_corpus(tmp_path, n: int = 10):
    lines = []
    for i in range(n):
        text = f"Документ {i}: Токаев прибыл в Ташкент."
        start = text.index("Токаев")
        lines.append({"id": f"d{i}", "text": text, "annotator": "gold", "status": "curated",
                      "entities": [{"id": "T1", "start": start, "end": start + 6, "label": "PER", "text": "Токаев"}]})
    lines.append({"id": "anna-only", "text": "Только Анна.", "annotator": "anna", "entities": []})
    path = tmp_path / "gold.jsonl"
    path.write_bytes(b"".join(orjson.dumps(line) + b"\n" for line in lines))
    return path


def test_release_splits_gold_with_a_manifest_and_the_same_seed_gives_the_same_split(tmp_path, capsys):
    db = str(tmp_path / "r.sqlite3")
    assert main(["--db", db, "users", "add", "cora", "--role", "curator"]) == 0
    assert main(["--db", db, "import", str(_gold_corpus(tmp_path)), "--user", "cora"]) == 0
    assert main(["--db", db, "release", "-o", str(tmp_path / "r1"), "--split", "80/10/10", "--seed", "7"]) == 0
    manifest = orjson.loads((tmp_path / "r1" / "manifest.json").read_bytes())
    splits = manifest["splits"]
    assert [len(splits[s]["documents"]) for s in ("train", "dev", "test")] == [8, 1, 1]
    assert sorted(sum((splits[s]["documents"] for s in splits), [])) == sorted(f"d{i}" for i in range(10))
    assert splits["train"]["labels"] == {"PER": 8} and manifest["owner"] == "gold"
    assert "--seed 7" in manifest["command"]
    train = [orjson.loads(line) for line in (tmp_path / "r1" / "train.jsonl").read_bytes().splitlines()]
    assert sorted(line["id"] for line in train) == sorted(splits["train"]["documents"])
    assert all(line["annotator"] == "gold" for line in train)

    assert main(["--db", db, "release", "-o", str(tmp_path / "r2"), "--seed", "7", "--format", "brat"]) == 0
    again = orjson.loads((tmp_path / "r2" / "manifest.json").read_bytes())["splits"]
    assert again["test"]["documents"] == splits["test"]["documents"]
    assert sorted(p.name for p in (tmp_path / "r2" / "test" / "gold").iterdir()) == [
        f"{splits['test']['documents'][0]}.ann", f"{splits['test']['documents'][0]}.txt"]
    assert main(["--db", db, "release", "-o", str(tmp_path / "r2")]) == 1  # never over an existing directory
    assert "already exists" in capsys.readouterr().err
