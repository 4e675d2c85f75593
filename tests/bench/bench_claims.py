"""Time of ``annotator claims --json`` over 100,000 claims, against bare sqlite3 + orjson.

    .venv/bin/python -m tests.bench.bench_claims                 # 5,000 documents x 20 claims
    .venv/bin/python -m tests.bench.bench_claims --docs 200      # a quick run

The corpus is built here from the sample articles (see ``_corpus.py``): each
document gets 4 PER mentions and 20 claims over random token ranges, their
speakers a mention or AUTHOR, some with a cue and a quantity, imported as our
JSONL. Ours: the command line as a user runs it (a subprocess, interpreter
start included) and the report in-process. Baseline: one bare sqlite3 query
of the same columns, the texts sliced in Python, ``orjson`` dumping the dicts.
"""

from __future__ import annotations

import argparse
import io
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a file
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import orjson  # noqa: E402

from tests.bench._corpus import WorkDir, build_corpus, common_arguments, jsonl_line, table  # noqa: E402

CLAIMS_PER_DOC = 20
TYPES = ("STAT", "FACT", "PLAN", "PROPOSAL", "OPINION")


def claim_lines(n_docs: int, seed: int):
    rng = random.Random(seed)
    for doc in build_corpus(n_docs, spans_per_doc=4, seed=seed):
        line = jsonl_line(doc)
        text = doc.text
        for entity in line["entities"]:
            entity["label"] = "PER"
        # two spans at one place, once both PER, would be the same span twice (refused on import)
        line["entities"] = list({(e["start"], e["end"]): e for e in reversed(line["entities"])}.values())[::-1]
        claims, seen = [], set()
        while len(claims) < CLAIMS_PER_DOC:
            start = rng.randrange(0, len(text) - 200)
            end = start + rng.randrange(20, 180)
            if (start, end) in seen or not text[start:end].strip():
                continue
            seen.add((start, end))
            speaker = rng.choice([e["id"] for e in line["entities"]] + ["AUTHOR"])
            cue = None
            if rng.random() < 0.5:
                cue = {"start": end, "end": end + 7, "text": text[end:end + 7]}
            quantity = {"value": rng.choice((4e9, 1.3e9, 15000.0)), "unit": "USD", "period": "2030"} \
                if rng.random() < 0.3 else None
            claims.append({"id": f"C{len(claims) + 1}", "start": start, "end": end, "text": text[start:end],
                           "type": rng.choice(TYPES), "speaker": speaker, "cue": cue,
                           "certainty": rng.choice(("ASSERTED", "HEDGED")), "checkworthy": rng.random() < 0.5,
                           "quantity": quantity, "attributes": {}})
        line["claims"] = claims
        yield line


BASELINE_SQL = """
SELECT s.document_id, s.owner, c.id, c.start, c."end", c.label, cl.speaker_span_id, cl.speaker_is_author,
       sp.start, sp."end", sp.label, sp.entity, cl.cue_start, cl.cue_end, cl.certainty, cl.checkworthy,
       cl.quantity_value, cl.quantity_unit, cl.quantity_period, t.text
FROM spans c JOIN claims cl ON cl.span_id = c.id JOIN annotation_sets s ON s.id = c.set_id
JOIN document_texts t ON t.document_id = s.document_id LEFT JOIN spans sp ON sp.id = cl.speaker_span_id
ORDER BY s.document_id, c.start
"""


def baseline(db: Path, out: Path) -> int:
    connection = sqlite3.connect(db)
    count = 0
    with open(out, "wb") as handle:
        for (doc, owner, cid, start, end, ctype, sid, author, s0, s1, slabel, sentity, c0, c1, certainty,
             checkworthy, qv, qu, qp, text) in connection.execute(BASELINE_SQL):
            handle.write(orjson.dumps({
                "document": doc, "annotator": owner, "id": cid, "type": ctype, "start": start, "end": end,
                "text": text[start:end], "speaker": "AUTHOR" if author else (text[s0:s1] if sid else None),
                "speaker_id": sid, "speaker_label": slabel, "speaker_entity": sentity,
                "cue": text[c0:c1] if c0 is not None else None, "certainty": certainty,
                "checkworthy": bool(checkworthy), "quantity_value": qv, "quantity_unit": qu,
                "quantity_period": qp}) + b"\n")
            count += 1
    connection.close()
    return count


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=5_000)
    common_arguments(parser)
    args = parser.parse_args(argv)

    from annotator.services.claim_report import iter_claims
    from annotator.services.importing import import_files
    from annotator.services.workspace import Workspace

    with WorkDir(args.dir, args.keep, "bench-claims-") as work:
        source = work / "claims.jsonl"
        with open(source, "wb") as handle:
            for line in claim_lines(args.docs, args.seed):
                handle.write(orjson.dumps(line) + b"\n")
        db = work / "claims.sqlite3"
        with Workspace.open(str(db)) as ws:
            t0 = time.perf_counter()
            report = import_files(ws, [source])
            import_seconds = time.perf_counter() - t0
            assert report.committed, report.problems[:3]
            claims = report.claims

            t0 = time.perf_counter()
            buffer = io.BytesIO()
            in_process = sum(1 for record in iter_claims(ws) if buffer.write(orjson.dumps(record.text)))
            report_seconds = time.perf_counter() - t0

        t0 = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "annotator", "--db", str(db), "claims", "--json"],
                                stdout=open(work / "cli.json", "wb"), stderr=subprocess.PIPE, check=True)
        cli_seconds = time.perf_counter() - t0
        cli_count = len(orjson.loads((work / "cli.json").read_bytes()))
        del result

        t0 = time.perf_counter()
        base_count = baseline(db, work / "baseline.jsonl")
        base_seconds = time.perf_counter() - t0
        assert cli_count == in_process == base_count == claims, (cli_count, in_process, base_count, claims)

    print(f"{args.docs:,} documents, {claims:,} claims (import of the JSONL: {import_seconds:.2f} s)\n")
    print(table([
        ("annotator claims --json (subprocess, start-up included)", f"{cli_seconds:.2f}",
         f"{claims / cli_seconds:,.0f}"),
        ("claims report in-process (iter_claims)", f"{report_seconds:.2f}", f"{claims / report_seconds:,.0f}"),
        ("baseline: bare sqlite3 query + orjson", f"{base_seconds:.2f}", f"{claims / base_seconds:,.0f}"),
    ], ("run", "seconds", "claims/s")))
    print(f"\nratio baseline_time / cli_time: {base_seconds / cli_seconds:.2f}")
    return {"claims": claims, "cli_seconds": cli_seconds, "report_seconds": report_seconds,
            "baseline_seconds": base_seconds}


if __name__ == "__main__":
    main()
