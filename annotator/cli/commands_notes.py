"""Commands for notes: note (a comment or "unsure" flag), notes (the list), unnote."""

from __future__ import annotations

import argparse
import sys

import orjson

from annotator.cli.commands import open_workspace, split_list
from annotator.domain.notes import Note, target_excerpt
from annotator.services import notes as note_service
from annotator.services.errors import ServiceError

MAX_EXCERPT = 40


def _owner(args: argparse.Namespace) -> str:
    owner = args.annotator or args.user
    if not owner:
        raise ServiceError("say whose set the note is in: --annotator NAME (or --user NAME)")
    return owner


def note(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        changes = note_service.add_note(workspace, args.document_id, owner=_owner(args), text=args.text,
                                        unsure=args.unsure, target_id=args.span, user=args.user)
    print(changes.result)
    return 0


def unnote(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        changes = note_service.remove_note(workspace, args.note_id, owner=args.annotator, user=args.user)
    print(f"removed note {changes.result}")
    return 0


def _target(record: Note, text: str | None) -> str:
    """"document", or the label with its id and covered text: 'PER#12 "Касым-Жомарт Токаев"'."""
    if record.target_id is None:
        return "document"
    shown = target_excerpt(record, text, MAX_EXCERPT)
    claim = "-claim" if record.target_kind == "claim" else ""
    return f"{record.target_label}{claim}#{record.target_id}" + (f" \"{shown}\"" if shown is not None else "")


def _as_dict(record: Note, text: str | None) -> dict:
    covered = None
    if text is not None and record.target_start is not None and record.target_end is not None:
        covered = text[record.target_start:record.target_end]
    return {
        "id": record.id, "document": record.document_id, "annotator": record.owner,
        "target": record.target_kind, "target_id": record.target_id, "target_label": record.target_label,
        "target_start": record.target_start, "target_end": record.target_end, "target_text": covered,
        "unsure": record.unsure, "text": record.text, "author": record.author,
        "created_at": record.created_at.isoformat(timespec="seconds"),
    }


def notes(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        found = note_service.notes(workspace, owner=args.annotator, unsure_only=args.unsure,
                                   document_ids=split_list(args.docs) or None)
        texts = note_service.texts(workspace, [n.document_id for n in found])
    if args.json:
        sys.stdout.buffer.write(orjson.dumps([_as_dict(n, texts.get(n.document_id)) for n in found],
                                             option=orjson.OPT_INDENT_2) + b"\n")
        return 0
    if not found:
        print("no notes")
        return 0
    # The text is last and never cut: the other columns are padded to their widest cell.
    header = ("id", "document", "annotator", "target", "unsure", "author", "text")
    rows = [(str(n.id), n.document_id, n.owner, _target(n, texts.get(n.document_id)), "yes" if n.unsure else "",
             n.author, " ".join(n.text.split()) or "-") for n in found]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header) - 1)]
    for row in [header, *rows]:
        cells = [cell.rjust(width) if i == 0 else cell.ljust(width)
                 for i, (cell, width) in enumerate(zip(row, widths))]
        print("  ".join([*cells, row[-1]]).rstrip())
    return 0
