"""One function per command: parse nothing, call services, print results."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import orjson

from annotator.cli import terminal
from annotator.cli.progress import progress_bar
from annotator.cli.render import marked_text, span_table

from annotator.domain.model import SetStatus
from annotator.domain.query import DocumentQuery
from annotator.domain.scheme import Scheme
from annotator.services import annotating, documents, exporting, history, importing
from annotator.services.errors import ServiceError
from annotator.services.workspace import Workspace, default_scheme_body


def open_workspace(args: argparse.Namespace) -> Workspace:
    return Workspace.open(args.db)


def split_list(value: str | None) -> list[str]:
    """A comma-separated option as a list: "a, b,,c" -> ["a", "b", "c"]."""
    return [v.strip() for v in value.split(",") if v.strip()] if value else []


def require_in_set(workspace: Workspace, document_id: str, ids: list[int], owner: str, *,
                   relations: bool = False) -> None:
    """Refuse span and claim ids (or relation ids) that are not in the owner's set of this document."""
    sets = documents.annotation_sets(workspace, document_id, owner)
    if relations:
        known, what = {r.id for aset in sets for r in aset.relations}, "relation"
    else:
        known, what = {x.id for aset in sets for x in (*aset.spans, *aset.claims)}, "span"
    missing = [str(i) for i in ids if i not in known]
    if missing:
        raise ServiceError(f"document {document_id!r} has no {what} {', '.join(missing)} in {owner!r}'s set")


def _print_problems(problems) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def import_(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace, progress_bar("files") as progress:
        options = dict(annotator=args.annotator, user=args.user, skip_bad=args.skip_bad, dry_run=args.dry_run,
                       progress=progress)
        if args.sample:
            report = importing.import_sample(workspace, **options)
        else:
            report = importing.import_files(workspace, [Path(p) for p in args.paths],
                                            format_id=args.format, **options)
    for notice in report.notices:
        print(f"{notice.file}:{notice.line}: note: {notice.message}", file=sys.stderr)
    _print_problems(report.problems)
    summary = (f"{report.documents_added} document(s) added, {report.documents_existing} already stored; "
               f"{report.sets_added} set(s) added, {report.sets_replaced} replaced; "
               f"{report.spans} span(s), {report.claims} claim(s), {report.relations} relation(s)"
               + (f", {report.notes} note(s)" if report.notes else ""))
    if report.committed:
        skipped = f"; {report.records_skipped} bad record(s) skipped" if report.problems else ""
        print(f"imported: {summary}{skipped}", flush=True)
        if report.documents_added and not args.no_repeat_index:
            _index_repeats(args)
        return 0
    if report.problems:
        print(f"annotator: {len(report.problems)} problem(s); nothing was imported", file=sys.stderr)
        return 1
    print(f"dry run, nothing written: would import {summary}")
    return 0


def _index_repeats(args: argparse.Namespace) -> None:
    """The new documents into the index of repeated passages, now that the import is in: Ctrl+C
    leaves the rest to the window or the next `annotator repeats`, and keeps the import."""
    from annotator.services import repeats

    try:
        with open_workspace(args) as workspace, progress_bar("docs") as progress:
            report = repeats.index_pending(workspace, progress=progress)
    except KeyboardInterrupt:
        print("repeated passages: indexing interrupted; the window or `annotator repeats` goes on with it",
              file=sys.stderr)
        return
    print(f"repeated passages: indexed {report.sentences} sentence(s) of {report.documents} document(s) "
          f"in {report.seconds:.1f} s", file=sys.stderr)


def validate(args: argparse.Namespace) -> int:
    db = Path(args.db)
    if "://" in args.db or db.exists():
        with open_workspace(args) as workspace:
            scheme = workspace.current_scheme()
    else:
        scheme = Scheme.from_dict(default_scheme_body())
    problems = importing.validate_files([Path(p) for p in args.paths], scheme, format_id=args.format)
    _print_problems(problems)
    if problems:
        print(f"annotator: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("ok")
    return 0


def export(args: argparse.Namespace) -> int:
    ids = split_list(args.docs) or None
    with open_workspace(args) as workspace, progress_bar("docs") as progress:
        if exporting.writes_directory(args.format):
            if args.output == "-":
                raise ServiceError(f"{args.format} is written as a directory, not to stdout: give -o NEW_DIRECTORY")
            report = exporting.export_to_directory(workspace, Path(args.output), format_id=args.format,
                                                   owner=args.annotator, document_ids=ids, progress=progress)
        elif args.output == "-":
            report = exporting.export(workspace, sys.stdout.buffer, format_id=args.format,
                                      owner=args.annotator, document_ids=ids, progress=progress)
            sys.stdout.flush()
        else:
            # a failed export never leaves a half-written file behind
            report = exporting.export_to_path(workspace, Path(args.output), force=args.force,
                                              format_id=args.format, owner=args.annotator, document_ids=ids,
                                              progress=progress)
    for notice in report.notices:
        print(f"note: {notice}", file=sys.stderr)
    print(f"exported {report.records} record(s) of {report.documents} document(s)", file=sys.stderr)
    return 0


def release(args: argparse.Namespace) -> int:
    from annotator.services import release as releasing

    ratios = releasing.parse_split(args.split)
    command = " ".join(["annotator", "release", "-o", args.output, "--split", args.split, "--seed", str(args.seed),
                        "--format", args.format, "--annotator", args.annotator])
    with open_workspace(args) as workspace:
        report = releasing.release(workspace, Path(args.output), format_id=args.format, owner=args.annotator,
                                   ratios=ratios, seed=args.seed, command=command)
    for notice in report.notices:
        print(f"note: {notice}", file=sys.stderr)
    counts = ", ".join(f"{name} {len(ids)}" for name, ids in report.documents.items())
    print(f"released {counts} document(s) to {args.output}", file=sys.stderr)
    return 0


def docs(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        query = DocumentQuery(assigned_to=args.annotator) if args.annotator else DocumentQuery()
        rows = documents.iter_summaries(workspace, query)
        if args.json:
            out = sys.stdout.buffer
            out.write(b"[")
            for n, row in enumerate(rows):
                out.write((b",\n" if n else b"\n") + orjson.dumps({
                    "id": row.id, "date": row.date, "length": row.length, "sha256": row.sha256,
                    "sets": [{"annotator": owner, "status": status.value} for owner, status in row.sets],
                }))
            out.write(b"\n]\n")
            return 0
        print(f"{'id':<28} {'date':<10} {'length':>7}  sets")
        for row in rows:
            sets = ", ".join(f"{owner}:{status.value}" for owner, status in row.sets) or "-"
            print(f"{row.id:<28} {row.date or '-':<10} {row.length:>7}  {sets}")
    return 0


def show(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        document = documents.document(workspace, args.document_id)
        sets = documents.annotation_sets(workspace, args.document_id, args.annotator)
    print(f"# {document.id}  date={document.date or '-'}  length={len(document.text)}")
    if not sets:
        who = f"{args.annotator!r} has no set" if args.annotator else "no annotation sets"
        print(f"# {who}")
        print(document.text)
        return 0
    colour = sys.stdout.isatty()
    for aset in sets:
        print(f"\n## {aset.owner} ({aset.status.value})")
        if colour:  # our colour codes pass; the text in them is escaped by marked_text
            terminal.write_trusted(marked_text(document, aset, colour=True) + "\n")
        else:
            print(marked_text(document, aset))
        print()
        print("\n".join(span_table(document, aset)))
    return 0


def label(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        changes = annotating.add_span(workspace, args.document_id, args.start, args.end, args.label,
                                      owner=args.annotator, user=args.user)
    print(changes.result)
    return 0


def unlabel(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        require_in_set(workspace, args.document_id, [args.span_id], args.annotator)
        changes = annotating.remove_span(workspace, args.span_id, owner=args.annotator, user=args.user)
    print(f"removed span {changes.result}")
    return 0


def status(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        changes = annotating.set_status(workspace, args.document_id, SetStatus(args.status), owner=args.annotator,
                                        user=args.user)
    print(changes.label)
    return 0


def log(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        entries = history.log(workspace, owner=args.annotator, limit=args.limit)
    for entry in entries:
        by = entry.user if entry.user == entry.owner else f"{entry.user} for {entry.owner}"
        print(f"{entry.id:>7}  {entry.at:%Y-%m-%d %H:%M:%S}  {by:<16} {entry.document_id or '-':<24} {entry.label}")
    return 0


def _history(args: argparse.Namespace, step, nothing: str) -> int:
    with open_workspace(args) as workspace:
        changes = step(workspace, owner=args.annotator, user=args.user)
    if changes is None:
        print(f"annotator: {nothing} for {args.annotator!r}", file=sys.stderr)
        return 1
    print(changes.label)
    return 0


def undo(args: argparse.Namespace) -> int:
    return _history(args, history.undo, "nothing to undo")


def redo(args: argparse.Namespace) -> int:
    return _history(args, history.redo, "nothing to redo")


def schema(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        scheme = workspace.current_scheme()
    if args.json:
        sys.stdout.buffer.write(orjson.dumps({"version": scheme.version, **scheme.to_dict()},
                                             option=orjson.OPT_INDENT_2) + b"\n")
        return 0
    print(f"scheme {scheme.name!r}, version {scheme.version}")
    print("entities:")
    for e in scheme.entities:
        print(f"  {e.hotkey:>2}  {e.name:<6} {e.color}  {e.description}")
    print("claim types:")
    for c in scheme.claim_types:
        print(f"  {c.hotkey:>2}  {c.name:<9} {c.description}")
    print("relations:")
    for r in scheme.relations:
        print(f"      {r.name:<10} {'|'.join(r.heads)} -> {'|'.join(r.tails)}")
    if scheme.attributes:
        print("attributes:")
        for a in scheme.attributes:
            applies = ", ".join(a.labels) if a.labels or a.relations else "all labels"
            if a.relations:
                applies = "; ".join(x for x in (applies, "relations " + ", ".join(a.relations)) if x)
            print(f"      {a.name:<10} {a.type:<8} {applies}")
    return 0


