"""Suggestions and repeated passages: how fast, how good, how much work they save.

On the sample corpus (the five articles, with the hand-made gold of
``tests/fixtures/gold_sample.jsonl``: PER, ORG, GPE, LOC, MONEY, DATE, ROLE):

- suggestions per second of each model (``annotator suggest``'s own figure: the
  models' time, loading excluded), over ``--rounds`` passes of the five articles;
- precision, recall and F1 per label of the models' suggestions (both together)
  against gold, exact (same start, end, label) and relaxed (overlapping, same label);
- repeated passages: how many, of how many sentences;
- keystrokes propagation saves: an annotator labels the articles in corpus order,
  and before each one propagates what they did in the earlier ones into it. Every
  proposed span that gold holds is accepted with one key instead of being selected
  word by word (Ctrl+Shift+Right per token) and labelled (one key): saved = tokens
  + 1 - 1 per span. Proposals that gold does not hold are counted as wrong.

At ``--sizes`` (default 10000,30000) documents of the benchmark corpus (``_corpus``:
the sample articles numbered, so every document repeats one fifth of the corpus):
the time to index every document's sentences (``index_corpus`` with ``rebuild``:
the index alone, on documents already stored), documents per second, and the
time to list the passages; and what indexing adds to an import: the same JSONL
of documents imported into a fresh file, then indexed (``index_pending``, as after every
import), against the import alone: the difference per document (best of ``--import-repeat``).

Run by hand (not in CI)::

    python -m tests.bench.bench_suggestions                      # 10k and 30k: a few minutes
    python -m tests.bench.bench_suggestions --sizes 100000       # 100k: ~10 min on 2 shared cores
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import orjson

if __package__ in (None, ""):  # run as a file
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench._corpus import WorkDir, build_corpus, common_arguments, table, timed  # noqa: E402

GOLD_FILE = Path(__file__).resolve().parents[1] / "fixtures" / "gold_sample.jsonl"
ANNOTATOR = "anna"
CURATOR = "lead"


def _f(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _gold_lines() -> list[dict]:
    return [orjson.loads(line) for line in GOLD_FILE.read_bytes().splitlines() if line.strip()]


def quality(work: Path, rounds: int) -> dict[str, float]:
    from annotator.domain.model import Role
    from annotator.services import importing, repeats, suggestions, users
    from annotator.services.workspace import Workspace

    figures: dict[str, float] = {}
    with Workspace.open(str(work / "sample.sqlite3")) as ws:
        importing.import_sample(ws)
        users.add_user(ws, CURATOR, Role.CURATOR)
        report = importing.import_files(ws, [GOLD_FILE], format_id="jsonl", user=CURATOR)
        assert report.committed, report.problems
        rows = []
        for model in suggestions.MODELS:
            counted, seconds = 0, 0.0
            for n in range(rounds):
                if n:  # the same five articles again: drop the model's sets first
                    _forget_model(ws, model)
                run = suggestions.suggest(ws, models=[model])
                counted += run.suggestions
                seconds += run.seconds
            figures[f"{model}_per_s"] = counted / seconds
            rows.append([model, counted // rounds, f"{seconds / rounds:.3f}", f"{counted / seconds:.0f}"])
        print("Suggestions on the five sample articles (models' time, loading excluded):")
        print(table(rows, ["model", "suggestions", "seconds", "suggestions/s"]))

        comparison = suggestions.against_gold(ws)
        rows = []
        for label in sorted(set(comparison.exact) | set(comparison.relaxed)):
            exact, relaxed = comparison.exact[label], comparison.relaxed[label]
            rows.append([label, exact.reference, exact.candidate, exact.matched, _f(exact.precision),
                         _f(exact.recall), _f(exact.f1), _f(relaxed.precision), _f(relaxed.recall)])
            if exact.reference:
                figures[f"{label}_f1"] = exact.f1 or 0.0
        total = comparison.exact_total
        rows.append(["all", total.reference, total.candidate, total.matched, _f(total.precision),
                     _f(total.recall), _f(total.f1), _f(comparison.relaxed_total.precision),
                     _f(comparison.relaxed_total.recall)])
        print("\nSuggestions (natasha and rules together) against the hand-made gold:")
        print(table(rows, ["label", "gold", "suggested", "exact", "P", "R", "F1", "relaxed P", "relaxed R"]))

        repeats.index_pending(ws)  # what the imports left for after their commit
        found = repeats.repeated_passages(ws)
        figures["passages"] = len(found)
        figures["passage_sentences"] = sum(len(p.groups) for p in found)
        print(f"\nRepeated passages in the sample corpus: {len(found)} "
              f"({figures['passage_sentences']} sentences; places: "
              + "; ".join(", ".join(f"{d[:3]} {s}-{e}" for d, s, e in p.places) for p in found) + ")")
    with Workspace.open(str(work / "propagate.sqlite3")) as ws:
        figures.update(keystrokes(ws, work))
    return figures


def _forget_model(ws, model: str) -> None:
    from annotator.services.suggestions import model_owner

    from annotator.storage.actions import SETS, delete_op

    with ws.store.write() as repo:
        refs = repo.suggestion_set_refs(repo.document_ids(), model_owner(model))
        repo.apply([delete_op(SETS, [r.id for r in refs])])


def keystrokes(ws, work: Path) -> dict[str, float]:
    """Annotate in corpus order with gold as the annotator's answers, propagating before each article."""
    from annotator.domain.tokens import tokenize
    from annotator.services import documents, importing, repeats

    importing.import_sample(ws)
    gold = {line["id"]: line for line in _gold_lines()}
    order = [summary.id for summary in documents.iter_summaries(ws)]  # corpus order
    accepted = wrong = saved = typed_keys = 0
    for document_id in order:
        line = gold[document_id]
        expected = {(e["start"], e["end"], e["label"]) for e in line["entities"]}
        typed_keys += sum(len(tokenize(e["text"])) + 1 for e in line["entities"])
        sets = documents.annotation_sets(ws, document_id, f"model:copies:{ANNOTATOR}")
        for span in (sets[0].spans if sets else ()):
            if (span.start, span.end, span.label) in expected:
                accepted += 1
                saved += len(tokenize(line["text"][span.start:span.end]))  # tokens + label key - accept key
            else:
                wrong += 1
        path = work / f"{document_id}.jsonl"
        path.write_bytes(orjson.dumps({**line, "annotator": ANNOTATOR, "status": "done"}) + b"\n")
        assert importing.import_files(ws, [path], format_id="jsonl").committed
        repeats.propagate(ws, document_id, annotator=ANNOTATOR)
    print(f"\nPropagation in corpus order: {accepted} proposed spans accepted as gold, {wrong} not in gold; "
          f"keystrokes saved: {saved} of {typed_keys} ({saved / typed_keys:.1%}) that labelling the "
          f"{sum(len(g['entities']) for g in gold.values())} gold spans by hand takes")
    return {"accepted": accepted, "keystrokes_saved": saved, "keystrokes_by_hand": typed_keys,
            "wrong": wrong + 0.0}


def index_time(work: Path, size: int) -> dict[str, float]:
    from annotator.domain.model import Document
    from annotator.services import repeats
    from annotator.services.workspace import Workspace

    docs = build_corpus(size, spans_per_doc=1)
    with Workspace.open(str(work / f"index-{size}.sqlite3")) as ws:
        with ws.store.write() as repo:  # the documents alone (an import would index them on the way)
            repo.insert_documents([(Document(d.id, d.text, {"date": d.date}), d.sha256) for d in docs], 1)
        seconds, report = timed(repeats.index_corpus, ws, rebuild=True)
        list_s, found = timed(repeats.repeated_passages, ws)
    return {"index_s": seconds, "docs_per_s": size / seconds, "sentences": report.sentences,
            "list_s": list_s, "passages": len(found)}


def import_cost(work: Path, size: int, repeat: int) -> dict[str, float]:
    """What the repeat index adds to an import, per document: with it and without it, best of ``repeat``."""
    from tests.bench._corpus import write_jsonl

    from annotator.services import repeats
    from annotator.services.importing import import_files
    from annotator.services.workspace import Workspace

    docs = build_corpus(size, spans_per_doc=1)
    path = work / f"import-{size}.jsonl"
    write_jsonl(docs, path, annotated=False)
    best = {True: float("inf"), False: float("inf")}
    for r in range(repeat):
        for index in (False, True):  # alternating: the machine is shared
            with Workspace.open(str(work / f"import-{size}-{index}-{r}.sqlite3")) as ws:
                seconds, report = timed(import_files, ws, [path], format_id="jsonl")
                assert report.committed and report.documents_added == size
                if index:  # built after the import's commit (in the window: in the background)
                    more, _indexed = timed(repeats.index_pending, ws)
                    seconds += more
            best[index] = min(best[index], seconds)
    added = best[True] - best[False]
    return {"with_s": best[True], "without_s": best[False], "ms_per_doc": 1000 * added / size}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,30000", help="corpus sizes to index, comma-separated")
    parser.add_argument("--rounds", type=int, default=3, help="passes of the models over the sample articles")
    parser.add_argument("--import-repeat", type=int, default=1,
                        help="imports with and without the repeat index per size (0: not measured)")
    parser.add_argument("--index-only", action="store_true", help="skip the models' quality on the sample")
    common_arguments(parser)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    figures: dict = {}
    with WorkDir(args.dir, args.keep, "bench-suggestions-") as work:
        if not args.index_only:
            figures["sample"] = quality(work, max(1, args.rounds))
        rows = []
        imports = []
        for size in sizes:
            figures[size] = index_time(work, size)
            f = figures[size]
            rows.append([size, f["sentences"], f"{f['index_s']:.1f}", f"{f['docs_per_s']:.0f}",
                         f["passages"], f"{f['list_s']:.2f}"])
            if args.import_repeat > 0:
                f["import"] = cost = import_cost(work, size, args.import_repeat)
                imports.append([size, f"{cost['without_s']:.1f}", f"{cost['with_s']:.1f}", f"{cost['ms_per_doc']:.2f}"])
        if rows:
            print("\nIndex of repeated sentences (every document, from scratch):")
            print(table(rows, ["documents", "sentences", "index s", "docs/s", "passages", "list s"]))
        if imports:
            print("\nWhat the index adds to a JSONL import of documents:")
            print(table(imports, ["documents", "import s without", "import s with", "ms/document added"]))
    return figures


if __name__ == "__main__":
    main()
