"""Commands for claims and relations: claims (the report), claim, relate, unrelate."""

from __future__ import annotations

import argparse
import csv
import sys

import orjson

from annotator.cli.commands import open_workspace, require_in_set, split_list
from annotator.domain.model import AUTHOR, ClaimRecord, Document, Quantity
from annotator.domain.quantities import normalise
from annotator.services import claims as claim_actions
from annotator.services import documents
from annotator.services.claim_report import ClaimFilter, iter_claims
from annotator.services.errors import ServiceError

CSV_FIELDS = ["document", "annotator", "id", "type", "start", "end", "text", "speaker", "speaker_id",
              "speaker_label", "speaker_entity", "cue", "certainty", "checkworthy", "quantity_value",
              "quantity_unit", "quantity_period"]


def _as_dict(record: ClaimRecord) -> dict:
    q = record.quantity
    return {
        "document": record.document_id, "annotator": record.owner, "id": record.id, "type": record.type,
        "start": record.start, "end": record.end, "text": record.text, "speaker": record.speaker,
        "speaker_id": record.speaker_id, "speaker_label": record.speaker_label,
        "speaker_entity": record.speaker_entity, "cue": record.cue, "certainty": record.certainty.value,
        "checkworthy": record.checkworthy, "quantity_value": q.value if q else None,
        "quantity_unit": q.unit if q else None, "quantity_period": q.period if q else None,
    }


def claims(args: argparse.Namespace) -> int:
    claim_filter = ClaimFilter(speaker=args.speaker, types=tuple(split_list(args.type)),
                               document_ids=tuple(split_list(args.docs)) or None, owner=args.annotator)
    with open_workspace(args) as workspace:
        records = iter_claims(workspace, claim_filter)
        if args.json:
            out = sys.stdout.buffer
            out.write(b"[")
            for n, record in enumerate(records):
                out.write((b",\n" if n else b"\n") + orjson.dumps(_as_dict(record)))
            out.write(b"\n]\n")
        elif args.csv:
            writer = csv.DictWriter(sys.stdout, fieldnames=CSV_FIELDS)
            writer.writeheader()
            for record in records:
                writer.writerow(_as_dict(record))
        else:
            for record in records:
                q = record.quantity
                figure = f"  [{q.value:g} {q.unit or ''}{' ' + q.period if q.period else ''}]" \
                    if q and q.value is not None else ""
                hedged = " HEDGED" if record.certainty.value == "HEDGED" else ""
                check = " checkworthy" if record.checkworthy else ""
                print(f"{record.document_id} {record.owner} #{record.id} {record.type}{hedged}{check} "
                      f"speaker={record.speaker or '-'}{' (' + record.cue + ')' if record.cue else ''}{figure}")
                print(f"    {record.text}")
    return 0


def _quantity(args: argparse.Namespace, document: Document) -> Quantity | None:
    if not args.quantity:
        return None
    if args.quantity == ["auto"]:  # the article's date resolves "с начала года", "в прошлом году"
        return normalise(document.text[args.start:args.end], date=document.date)
    if len(args.quantity) not in (2, 3):
        raise ServiceError("--quantity takes 'auto' or VALUE UNIT [PERIOD]")
    try:
        value = float(args.quantity[0].replace(",", "."))
    except ValueError:
        raise ServiceError(f"--quantity value {args.quantity[0]!r} is not a number") from None
    return Quantity(value, args.quantity[1], args.quantity[2] if len(args.quantity) == 3 else None)


def claim(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        document = documents.document(workspace, args.document_id)
        speaker = AUTHOR if args.speaker.upper() == AUTHOR else args.speaker
        changes = claim_actions.add_claim(
            workspace, args.document_id, args.start, args.end, args.type, owner=args.annotator,
            speaker=speaker, cue=tuple(args.cue) if args.cue else None, hedged=args.hedged,
            checkworthy=args.checkworthy, quantity=_quantity(args, document), user=args.user)
    print(changes.result)
    return 0


def relate(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        require_in_set(workspace, args.document_id, [args.head, args.tail], args.annotator)
        changes = claim_actions.add_relation(workspace, args.head, args.tail, args.label, owner=args.annotator,
                                             user=args.user)
    print(changes.result)
    return 0


def unrelate(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        require_in_set(workspace, args.document_id, [args.relation_id], args.annotator, relations=True)
        changes = claim_actions.remove_relation(workspace, args.relation_id, owner=args.annotator, user=args.user)
    print(f"removed relation {changes.result}")
    return 0
