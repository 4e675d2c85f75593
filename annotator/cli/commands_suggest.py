"""Commands for suggestions and repeated passages: suggest, suggestions, repeats, propagate."""

from __future__ import annotations

import argparse
import sys

import orjson

from annotator.cli.commands import open_workspace, split_list
from annotator.cli.progress import progress_bar
from annotator.domain.agreement.spans import Counts


def _f(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _counts_rows(per_label: dict[str, Counts]) -> list[list[str]]:
    rows = [[label, str(c.matched), str(c.reference), str(c.candidate), _f(c.precision), _f(c.recall), _f(c.f1)]
            for label, c in per_label.items()]
    all_ = sum(per_label.values(), Counts())
    return rows + [["all", str(all_.matched), str(all_.reference), str(all_.candidate), _f(all_.precision),
                    _f(all_.recall), _f(all_.f1)]]


def _table(header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(x)) for x in column) for column in zip(header, *rows)]
    for row in (header, *rows):
        print("  ".join(str(x).ljust(w) for x, w in zip(row, widths)).rstrip())


def suggest(args: argparse.Namespace) -> int:
    from annotator.services import suggestions

    models = split_list(args.model) or list(suggestions.MODELS)
    with open_workspace(args) as workspace, progress_bar("docs") as progress:
        report = suggestions.suggest(workspace, document_ids=split_list(args.docs) or None, models=models,
                                     progress=progress)
    rate = report.per_second
    print(f"{report.suggestions} suggestion(s) in {report.documents} document(s) by {', '.join(report.models)}"
          f"{f'; {rate:.0f} suggestions/s' if rate else ''}"
          f"{f'; {report.skipped} document(s) already suggested, skipped' if report.skipped else ''}")
    if report.against_gold:
        print("Against gold (exact: same start, end and label):")
        _table(["label", "matched", "gold", "suggested", "precision", "recall", "f1"],
               _counts_rows(report.against_gold))
    return 0


def suggestions_(args: argparse.Namespace) -> int:
    from annotator.services import suggestions

    with open_workspace(args) as workspace:
        use = suggestions.suggestion_use(workspace)
        agreement = suggestions.model_agreement(workspace)
    if args.json:
        data = {
            "answers": [{"annotator": u.annotator, "source": u.source, "label": u.label, "accepted": u.accepted,
                         "rejected": u.rejected, "precision": u.precision} for u in use],
            "agreement_with_models": {owner: {label: c.to_dict() for label, c in comparison.exact.items()}
                                      for owner, comparison in agreement.items()},
        }
        sys.stdout.buffer.write(orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n")
        return 0
    print("Answers to suggestions (precision: accepted / answered):")
    _table(["annotator", "source", "label", "accepted", "rejected", "precision"],
           [[u.annotator, u.source, u.label, str(u.accepted), str(u.rejected), _f(u.precision)] for u in use])
    for owner, comparison in agreement.items():
        print(f"\n{owner} against the models' suggestions (exact; {owner} is the reference):")
        _table(["label", "matched", owner, "suggested", "precision", "recall", "f1"], _counts_rows(comparison.exact))
    return 0


def _index(workspace, *, rebuild: bool) -> None:
    """The documents not indexed yet (imported with --no-repeat-index, or before the index existed)
    go into the index of repeated passages first; with ``rebuild``, every document again."""
    from annotator.services import repeats as repeat_service

    with progress_bar("docs") as progress:
        report = repeat_service.index_corpus(workspace, rebuild=rebuild, progress=progress)
    if report.sentences or rebuild:
        print(f"indexed {report.sentences} sentence(s) of {report.documents} document(s) "
              f"in {report.seconds:.1f} s", file=sys.stderr)


def repeats(args: argparse.Namespace) -> int:
    from annotator.services import repeats as repeat_service

    with open_workspace(args) as workspace:
        _index(workspace, rebuild=args.reindex)
        found = repeat_service.repeated_passages(workspace)
    if args.json:
        data = [{"sentences": len(p.groups), "places": [{"document": d, "start": s, "end": e} for d, s, e in p.places]}
                for p in found]
        sys.stdout.buffer.write(orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n")
        return 0
    print(f"{len(found)} repeated passage(s)")
    for n, passage in enumerate(found, start=1):
        print(f"#{n} ({len(passage.groups)} sentence(s)): "
              + ", ".join(f"{d} {s}-{e}" for d, s, e in passage.places))
    return 0


def propagate(args: argparse.Namespace) -> int:
    from annotator.services import repeats as repeat_service

    with open_workspace(args) as workspace:
        _index(workspace, rebuild=False)
        result = repeat_service.propagate(workspace, args.source, annotator=args.annotator, user=args.user)
    print(f"proposed {result.spans} span(s) and {result.claims} claim(s) in {len(result.documents)} "
          f"document(s){': ' + ', '.join(result.documents) if result.documents else ''}")
    if result.unmapped:
        print(f"{result.unmapped} span(s) or claim(s) inside a copied passage not proposed: "
              f"the copy's text differs inside them")
    return 0
