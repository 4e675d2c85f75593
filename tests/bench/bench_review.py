"""What the curator's review costs on a big corpus: disagreements, the dashboard's list, the curation window's reads.

    .venv/bin/python -m tests.bench.bench_review                # 2,000 documents x 3 annotators + gold; ~40 s
    .venv/bin/python -m tests.bench.bench_review --docs 200     # a quick run

The corpus is ``bench_agreement.build(--docs, --seed)``: the five sample
articles (not cut, ~7-12 KB each), each copy with its own numbered first line,
a random "truth" of ~20 entity spans and 4 claims as gold, and 3 annotators'
sets perturbed from it (~5% of them missing). One change so that it imports: a
claim whose speaker mention was relabelled by the perturbation to a label that
may not speak (GPE, DATE, ...) is said by AUTHOR instead (the scheme's
``speaker_labels`` check would refuse the line); (a) and (b) see the same,
adjusted sets.

  (a) ``annotator.domain.disagreements.disagreements(sets)`` over every document,
      the annotators' sets only (not gold), in memory: seconds, documents/s,
      disagreements per document.
  (b) the store: the corpus written as our JSONL (one line per document and
      owner, gold included, made by ``annotator.formats.jsonl.to_json``) and
      imported with ``import_files`` into a fresh SQLite workspace (by a curator,
      who may write gold and the annotators' sets). Then
      ``review.disagreement_counts(workspace)`` (the dashboard's list of
      documents by disagreement) over the whole store, and per document (median
      of 50 documents with 2+ annotator sets, ms) what the curation window reads
      on open: ``curation.annotator_sets``, ``curation.gold_set``,
      ``curation.document_disagreements``, and "open" = annotator_sets +
      gold_set + ``disagreements`` over the sets just read (as
      ``annotator.services.views.curation_view.read_curation`` does, without its other reads).
      The counts are checked to equal (a)'s, document by document.
  (c) baseline, the same store and run: ``agreement.agreement(workspace)`` (the
      dashboard computes it too); ratio disagreement_counts / agreement.

Default 2,000 documents, for (a) as for (b)/(c): importing more takes long (the
JSONL is ~80 MB at 2,000, since each of a document's 4 lines carries its text;
~4 s here, growing linearly), and (c) takes ~8 s a run at this size. (a),
disagreement_counts and agreement run ``--repeat`` times (default 3), the latter
two alternating; the best time counts (the machine is shared). The corpus held
in memory is moved out of the cyclic GC's sight (``gc.freeze()``) before the
clocks start: the application does not hold it, so its GC passes should not
cost the store path here. No timed assertions: the figures are printed and
returned.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import math
import random
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a file
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import orjson  # noqa: E402

from annotator.domain.agreement import DocumentSets  # noqa: E402
from annotator.domain.disagreements import disagreements  # noqa: E402
from annotator.domain.model import AUTHOR, GOLD, AnnotationSet, Document, Role  # noqa: E402
from annotator.formats.base import ExportItem  # noqa: E402
from annotator.formats.jsonl import to_json  # noqa: E402
from tests.bench._corpus import WorkDir, common_arguments, median, profile, table, timed  # noqa: E402
from tests.bench.bench_agreement import ANNOTATORS, build  # noqa: E402

CURATOR = "lead"
SAMPLED = 50  # documents whose curation-window reads are timed


def _fit(aset: AnnotationSet, speaker_labels: frozenset[str]) -> tuple[AnnotationSet, int]:
    """The set with claims said by a mention that may not speak said by AUTHOR; and how many changed."""
    labels = {s.id: s.label for s in aset.spans}
    claims, changed = [], 0
    for claim in aset.claims:
        if claim.speaker not in (None, AUTHOR) and labels.get(claim.speaker) not in speaker_labels:
            claim = dataclasses.replace(claim, speaker=AUTHOR)
            changed += 1
        claims.append(claim)
    return (dataclasses.replace(aset, claims=tuple(claims)) if changed else aset), changed


def corpus(n_docs: int, seed: int, speaker_labels: frozenset[str]) -> tuple[list[DocumentSets], int]:
    """``bench_agreement.build``'s documents, fitted to the scheme's speaker labels; and how many claims changed."""
    docs, changed = [], 0
    for doc in build(n_docs, seed):
        sets = {}
        for owner, aset in doc.sets.items():
            sets[owner], count = _fit(aset, speaker_labels)
            changed += count
        docs.append(DocumentSets(doc.document_id, doc.text, sets))
    return docs, changed


def annotator_sets(doc: DocumentSets) -> list[AnnotationSet]:
    return [aset for owner, aset in sorted(doc.sets.items()) if owner != GOLD]


def all_disagreements(docs: list[DocumentSets]) -> list[int]:
    return [len(disagreements(annotator_sets(doc))) for doc in docs]


def write_jsonl(docs: list[DocumentSets], path: Path, scheme) -> int:
    lines = 0
    with open(path, "wb") as out:
        for doc in docs:
            document = Document(doc.document_id, doc.text, {})
            for owner in (*ANNOTATORS, GOLD):
                if owner in doc.sets:
                    out.write(orjson.dumps(to_json(ExportItem(document, doc.sets[owner]), scheme)) + b"\n")
                    lines += 1
    return lines


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f}"


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of (a), disagreement_counts and agreement; the best counts")
    common_arguments(parser)
    args = parser.parse_args(argv)
    repeat = max(1, args.repeat)

    from annotator.services import agreement as agreement_service
    from annotator.services import curation, review
    from annotator.services.importing import import_files
    from annotator.services.users import add_user
    from annotator.services.workspace import Workspace

    with WorkDir(args.dir, args.keep, "bench-review-") as work:
        db = work / "review.sqlite3"
        with Workspace.open(str(db)) as ws:
            scheme = ws.current_scheme()
            build_s, (docs, refitted) = timed(corpus, args.docs, args.seed, frozenset(scheme.speaker_labels))
            sets = sum(1 for d in docs for o in d.sets if o != GOLD)
            spans = sum(len(s.spans) for d in docs for s in annotator_sets(d))
            claims = sum(len(s.claims) for d in docs for s in annotator_sets(d))
            reviewable = sum(1 for d in docs if len(annotator_sets(d)) >= 2)
            gc.collect()
            gc.freeze()

            # (a) the domain function over every document, in memory
            domain_s = math.inf
            for _ in range(repeat):
                t, found = timed(all_disagreements, docs)
                domain_s = min(domain_s, t)
            if args.profile:
                print("(a) disagreements() over every document, under cProfile:")
                profile(all_disagreements, docs)

            # (b) the store: import, then the dashboard's list and the curation window's reads
            source = work / "review.jsonl"
            lines = write_jsonl(docs, source, scheme)
            jsonl_mb = source.stat().st_size / 1e6
            add_user(ws, CURATOR, Role.CURATOR)
            import_s, imported = timed(import_files, ws, [source], user=CURATOR)
            assert imported.committed, imported.problems[:3]

            counts_s = agreement_s = math.inf
            for _ in range(repeat):
                t, counts = timed(review.disagreement_counts, ws)
                counts_s = min(counts_s, t)
                t, report = timed(agreement_service.agreement, ws)
                agreement_s = min(agreement_s, t)
            expected = {d.document_id: n for d, n in zip(docs, found) if len(annotator_sets(d)) >= 2}
            got = {row.document_id: row.disagreements for row in counts}
            assert got == expected, sorted(set(got.items()) ^ set(expected.items()))[:5]
            if args.profile:
                print("(b) review.disagreement_counts(workspace), under cProfile:")
                profile(review.disagreement_counts, ws)

            rng = random.Random(args.seed)
            sample = rng.sample(sorted(expected), min(SAMPLED, len(expected)))
            curation.document_disagreements(ws, sample[0])  # warm-up, not counted
            per_doc: dict[str, list[float]] = {"sets": [], "gold": [], "document_disagreements": [], "open": []}
            for doc_id in sample:
                t_sets, window_sets = timed(curation.annotator_sets, ws, doc_id)
                t_gold, gold = timed(curation.gold_set, ws, doc_id)
                t_found, window_found = timed(disagreements, window_sets)
                t_doc, doc_found = timed(curation.document_disagreements, ws, doc_id)
                assert gold is not None and len(window_found) == len(doc_found) == expected[doc_id], doc_id
                per_doc["sets"].append(t_sets)
                per_doc["gold"].append(t_gold)
                per_doc["document_disagreements"].append(t_doc)
                per_doc["open"].append(t_sets + t_gold + t_found)
            medians = {name: median(values) for name, values in per_doc.items()}
        gc.unfreeze()

    total = sum(found)
    mean_all = total / len(docs)
    mean_listed = total / max(1, len(counts))
    ratio = counts_s / agreement_s
    print(f"{args.docs:,} documents ({reviewable:,} with 2+ annotator sets), {sets:,} annotator sets, "
          f"{spans:,} spans, {claims:,} claims (+ gold); corpus built in {build_s:.2f} s "
          f"({refitted} claims' speakers set to AUTHOR to fit the scheme)")
    print(f"store: {lines:,} JSONL lines ({jsonl_mb:.1f} MB) imported in {import_s:.1f} s "
          f"({args.docs / import_s:,.0f} docs/s): {imported.documents_added:,} documents, "
          f"{imported.spans:,} spans, {imported.claims:,} claims; timings: best of {repeat}\n")
    print(table([
        ("(a) disagreements(sets), every document, in memory", f"{domain_s:.3f}",
         f"{args.docs / domain_s:,.0f} docs/s", f"{mean_all:.2f} per doc"),
        ("(b) review.disagreement_counts(workspace)", f"{counts_s:.3f}",
         f"{args.docs / counts_s:,.0f} docs/s", f"{len(counts):,} docs listed, {mean_listed:.2f} per doc"),
        ("(c) baseline: agreement.agreement(workspace)", f"{agreement_s:.3f}",
         f"{args.docs / agreement_s:,.0f} docs/s", f"alpha {report.tokens.krippendorff.value:.4f}"),
    ], ("run", "seconds", "rate", "")))
    print(f"\nper document, median of {len(sample)} documents (ms):")
    print(table([
        ("curation.annotator_sets", _ms(medians["sets"])),
        ("curation.gold_set", _ms(medians["gold"])),
        ("curation.document_disagreements", _ms(medians["document_disagreements"])),
        ("open: annotator_sets + gold_set + disagreements(those sets)", _ms(medians["open"])),
    ], ("read", "ms")))
    kinds: dict[str, int] = {}
    for row in counts:
        for kind, n in row.kinds:
            kinds[kind] = kinds.get(kind, 0) + n
    print("\nkinds: " + ", ".join(f"{k} {n:,}" for k, n in sorted(kinds.items(), key=lambda kv: -kv[1])))
    print(f"ratio disagreement_counts / agreement (same store): {ratio:.3f}")
    return {"docs": args.docs, "listed": len(counts), "import_s": import_s, "domain_s": domain_s,
            "domain_docs_per_s": args.docs / domain_s, "disagreements_per_doc": mean_all,
            "counts_s": counts_s, "agreement_s": agreement_s, "ratio": ratio,
            "annotator_sets_ms": medians["sets"] * 1000, "gold_set_ms": medians["gold"] * 1000,
            "document_disagreements_ms": medians["document_disagreements"] * 1000,
            "open_ms": medians["open"] * 1000}


if __name__ == "__main__":
    main()
