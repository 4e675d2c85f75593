"""A fuzz test of the JSONL import: a few hundred mutated copies of a valid export.

Each mutated file must end one of two ways, through the real command line:
- refused: exit 1, every line on stderr a ``FILE:LINE: message`` naming a line of the
  file (then the one-line summary), and the database file byte-for-byte as it was;
- accepted: exit 0, and exporting what was imported gives back what the file meant
  (the same document, spans, claims and relations; ids may be renumbered).
And whatever our own JSON Schema rejects must be refused (the reader checks by hand,
for speed; this holds the two together).

The mutations are drawn from a fixed seed, so a failure is reproducible; the counts
are printed (``pytest -s``) for the issue's note.
"""

from __future__ import annotations

import contextlib
import io
import random
import re
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import orjson
import pytest

from annotator import paths
from annotator.cli.main import main
from annotator.domain.model import text_sha256

SEED = 20261204
# Cyrillic, an emoji (outside the BMP), CRLF and a non-breaking space: offsets must survive them all.
TEXT = ("Президент Казахстана Касым-Жомарт Токаев 🇰🇿 заявил:\r\n«Товарооборот достиг $4 млрд»,"
        " — отметил он 15 ноября в\u00a0Ташкенте.")

WRONG_VALUES: list[Any] = [None, True, 0, -1, 1.5, "", "x", "2025-13-45", [], {}, [1], {"a": 1},
                           2**63, 2**64, -(2**63) - 1, 10**30, 1e308, "\x00", "a\x1b[31mb"]
CONTROL_CHARACTERS = ["\x00", "\x01", "\x07", "\x1b", "\x7f", "\x9b", "\u202e", "\x0b"]


def _span(fragment: str, span_id: str, label: str, **extra: Any) -> dict[str, Any]:
    start = TEXT.index(fragment)
    return {"id": span_id, "start": start, "end": start + len(fragment), "label": label, "text": fragment,
            **extra}


def base_line() -> dict[str, Any]:
    claim = _span("Товарооборот достиг $4 млрд", "C1", "x")
    del claim["label"]
    cue = _span("отметил он", "x", "x")
    claim.update(type="STAT", speaker="T1", certainty="HEDGED", checkworthy=True,
                 cue={"start": cue["start"], "end": cue["end"], "text": cue["text"]},
                 quantity={"value": 4e9, "unit": "USD", "period": "2025"}, attributes={"note": "проверить"})
    return {
        "id": "fuzz-doc", "text": TEXT,
        "meta": {"date": "2025-11-15", "source": "fuzz.txt", "sha256": text_sha256(TEXT)},
        "annotator": "anna", "status": "in_progress",
        "entities": [_span("Касым-Жомарт Токаев", "T1", "PER", attributes={"pronoun": False}, entity="Q1"),
                     _span("Президент Казахстана", "T2", "ROLE"),
                     _span("Казахстана", "T3", "GPE"),
                     _span("$4 млрд", "T4", "MONEY"),
                     _span("Ташкенте", "T5", "GPE")],
        "claims": [claim],
        "relations": [{"id": "R1", "label": "SAYS", "head": "T1", "tail": "C1"},
                      {"id": "R2", "label": "ABOUT", "head": "C1", "tail": "T4"},
                      {"id": "R3", "label": "HEAD_OF", "head": "T2", "tail": "T3"}],
    }


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def meaning(line: dict[str, Any]) -> dict[str, Any]:
    """What a line says, whatever its local ids and order (and with the documented defaults filled in)."""
    text = line["text"]
    entities = line.get("entities") or []
    ends = {e["id"]: ("span", e["start"], e["end"], e["label"]) for e in entities}
    claims = line.get("claims") or []
    ends.update({c["id"]: ("claim", c["start"], c["end"], c["type"]) for c in claims})

    relations = line.get("relations") or []
    # a claim's speaker and its SAYS relation complete each other on import (docs/jsonl.md)
    said_by = {r["tail"]: r["head"] for r in relations if r["label"] == "SAYS"}
    claims = [{**c, "speaker": c.get("speaker") or said_by.get(c["id"])} for c in claims]
    implied = [{"label": "SAYS", "head": c["speaker"], "tail": c["id"]} for c in claims if c["speaker"] in ends]

    def speaker(value: str | None) -> Any:
        return ends.get(value, value)

    meta = {k: v for k, v in (line.get("meta") or {}).items() if k != "sha256"}
    return {
        "id": line["id"], "text": text, "meta": meta, "annotator": line.get("annotator"),
        "status": line.get("status") or "new",
        "entities": sorted((e["start"], e["end"], e["label"], e["text"], orjson.dumps(_present(e.get("attributes")),
                            option=orjson.OPT_SORT_KEYS), e.get("entity")) for e in entities),
        "claims": sorted((c["start"], c["end"], c["type"], c["text"], repr(speaker(c.get("speaker"))),
                          repr(c.get("cue")), c.get("certainty") or "ASSERTED", bool(c.get("checkworthy")),
                          repr(_filled(c.get("quantity"), ("value", "unit", "period"))), orjson.dumps(_present(c.get("attributes")),
                                                                option=orjson.OPT_SORT_KEYS)) for c in claims),
        "relations": sorted({(r["label"], repr(ends.get(r["head"])), repr(ends.get(r["tail"])))
                             for r in [*relations, *implied]}),
    }


def _present(attributes: dict[str, Any] | None) -> dict[str, Any]:
    """Attributes without the null ones (a null attribute is an absent one)."""
    return {k: v for k, v in (attributes or {}).items() if v is not None}


def _filled(value: dict[str, Any] | None, keys: tuple[str, ...]) -> dict[str, Any] | None:
    """An optional object with its absent fields as null (docs/jsonl.md: absent and null are one)."""
    return None if value is None else {key: value.get(key) for key in keys}


# ---------------------------------------------------------------- mutations
def _paths(value: Any, prefix: tuple = ()) -> Iterator[tuple]:
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*prefix, index))


def _replaced(line: dict[str, Any], path: tuple, value: Any, *, delete: bool = False) -> dict[str, Any]:
    copy = orjson.loads(orjson.dumps(line))
    target = copy
    for key in path[:-1]:
        target = target[key]
    if delete:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return copy


def _deep(depth: int) -> Any:
    value: Any = 1
    for n in range(depth):
        value = [value] if n % 2 else {"k": value}
    return value


def _dump(obj: Any) -> bytes:
    # orjson cannot write integers beyond 64 bits; the standard library can
    import json

    return json.dumps(obj, ensure_ascii=False).encode("utf-8")


def mutations(line: dict[str, Any], rng: random.Random) -> Iterator[tuple[str, bytes]]:
    raw = orjson.dumps(line)
    every_path = [p for p in _paths(line) if p]
    for _ in range(25):
        yield "truncated", raw[: rng.randrange(1, len(raw))]
    for path in every_path:
        for value in rng.sample(WRONG_VALUES, 2):
            yield f"wrong type: {path} = {value!r}", _dump(_replaced(line, path, value))
    for path in rng.sample(every_path, 30):
        yield f"field removed: {path}", _dump(_replaced(line, path, None, delete=True))
    int_paths = [p for p in every_path if isinstance(_get(line, p), int) and not isinstance(_get(line, p), bool)]
    for path in int_paths:
        yield f"huge number: {path}", _dump(_replaced(line, path, rng.choice([2**63, 2**64, -(2**63) - 1, 10**30])))
    for depth in (40, 300):
        for path in rng.sample(every_path, 4):
            yield f"deep nesting: {path}", _dump(_replaced(line, path, _deep(depth)))
        yield "deep nesting", _dump({**line, "meta": {**line["meta"], "deep": _deep(depth)}})
    for _ in range(20):
        at = rng.randrange(len(raw))
        yield "invalid UTF-8", raw[:at] + rng.choice([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x80"]) + raw[at:]
    string_paths = [p for p in every_path if isinstance(_get(line, p), str)]
    for path in rng.sample(string_paths, min(30, len(string_paths))):
        value = _get(line, path)
        at = rng.randrange(len(value) + 1)
        yield f"control character: {path}", _dump(_replaced(line, path, value[:at] + rng.choice(CONTROL_CHARACTERS)
                                                   + value[at:]))
    for key in ("id", "text", "annotator", "status", "meta"):
        duplicate = orjson.dumps({key: rng.choice(WRONG_VALUES[:9])})[1:-1]
        yield "duplicate key", b"{" + duplicate + b"," + raw[1:]
    for where in ((), ("entities", 0), ("claims", 0), ("claims", 0, "cue"), ("relations", 0)):
        yield "unknown field", _dump(_replaced(line, (*where, "lable"), "PER"))
    yield "curated, not gold", _dump({**line, "status": "curated"})
    yield "repeated span", _dump({**line, "entities": [*line["entities"], {**line["entities"][0], "id": "T9"}]})


def _get(line: Any, path: tuple) -> Any:
    for key in path:
        line = line[key]
    return line


# -------------------------------------------------------------------- test
@pytest.fixture(scope="module")
def base(tmp_path_factory) -> tuple[Path, bytes]:
    """A database of the sample corpus, and the base line as our own export writes it.

    The base line's document is not in that database, so every accepted mutation adds
    it anew (and its metadata is the file's, not a stored document's)."""
    work = tmp_path_factory.mktemp("fuzz-base")
    source = work / "base.jsonl"
    source.write_bytes(orjson.dumps(base_line()) + b"\n")
    exporter = work / "exporter.sqlite3"
    assert run_cli("--db", str(exporter), "import", str(source))[0] == 0
    exported = work / "exported.jsonl"
    assert run_cli("--db", str(exporter), "export", "-o", str(exported), "--annotator", "anna")[0] == 0
    (line,) = exported.read_bytes().splitlines()
    assert meaning(orjson.loads(line)) == meaning(base_line())
    db = work / "base.sqlite3"
    assert run_cli("--db", str(db), "import", "--sample")[0] == 0
    return db, line


PROBLEM_LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+): \S")


def test_mutated_exports_are_refused_cleanly_or_round_trip(base, tmp_path: Path) -> None:
    db, line = base
    schema = orjson.loads(paths.jsonl_schema_file().read_bytes())
    validator = jsonschema.Draft202012Validator(schema)
    good_first = orjson.dumps(base_line() | {"id": "good-doc", "text": "Другой текст.", "entities": [],
                                             "claims": [], "relations": [],
                                             "meta": {"date": "2025-11-16"}})
    counts: Counter[str] = Counter()
    by_kind: Counter[tuple[str, str]] = Counter()
    for number, (kind, mutated) in enumerate(mutations(orjson.loads(line), random.Random(SEED))):
        case = tmp_path / f"case{number}.jsonl"
        case.write_bytes(good_first + b"\n" + mutated + b"\n")
        work_db = tmp_path / "work.sqlite3"
        shutil.copyfile(db, work_db)
        before = work_db.read_bytes()
        code, _out, err = run_cli("--db", str(work_db), "import", str(case))
        counts["tried"] += 1
        schema_rejects = _schema_rejects(validator, mutated)
        context = f"case {number} ({kind})\nstderr: {err}"
        if code == 1:
            *problems, summary = err.strip().splitlines()
            assert summary.startswith("annotator: ") and "nothing was imported" in summary, context
            assert problems, context
            for problem in problems:
                match = PROBLEM_LINE.match(problem)
                assert match and match["file"] == str(case) and int(match["line"]) >= 2, context
            assert "Traceback" not in err, context
            assert work_db.read_bytes() == before, context
            counts["refused cleanly"] += 1
            by_kind[(kind.split(":")[0], "refused")] += 1
        else:
            assert code == 0, context
            assert not schema_rejects, f"our JSON Schema rejects what the reader took: {context}"
            exported = tmp_path / "out.jsonl"
            doc_id = orjson.loads(mutated)["id"]
            owner = orjson.loads(mutated).get("annotator") or "anna"
            assert run_cli("--db", str(work_db), "export", "-o", str(exported), "--force", "--docs", doc_id,
                           "--annotator", owner)[0] == 0
            (written,) = exported.read_bytes().splitlines()
            assert meaning(orjson.loads(written)) == meaning(orjson.loads(mutated)), context
            counts["accepted and round-tripped"] += 1
            by_kind[(kind.split(":")[0], "accepted")] += 1
    print("\nfuzz:", dict(counts), "\nby kind:", dict(sorted(by_kind.items())))
    assert counts["tried"] >= 300
    assert counts["refused cleanly"] + counts["accepted and round-tripped"] == counts["tried"]


def _schema_rejects(validator: jsonschema.Draft202012Validator, raw: bytes) -> bool:
    try:
        obj = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return True
    return not validator.is_valid(obj)
