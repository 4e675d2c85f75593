"""Commands for corpus-wide entities and who said what: entities, link, unlink, who-said,
and ``claims --entity`` / ``--group-by`` / ``--figures`` (the claims browser's read model)."""

from __future__ import annotations

import argparse
import csv
import sys

import orjson

from annotator.cli.commands import open_workspace, require_in_set, split_list
from annotator.domain.entities import Entity
from annotator.services import claims_browser, entities
from annotator.services.claims_browser import BrowsedClaim, BrowseFilter, GroupBy
from annotator.services.errors import ServiceError

WHO_SAID_FIELDS = ["speaker", "entity_id", "claim_type", "text", "figure", "unit", "period", "document", "date",
                   "claim_id", "annotator"]


def _entity_dict(entity: Entity) -> dict:
    return {"id": entity.id, "owner": entity.owner, "name": entity.name, "type": entity.type,
            "aliases": list(entity.aliases), "external_id": entity.external_id, "notes": entity.notes}


def _ids(value: str | None, what: str) -> list[int]:
    try:
        return [int(v) for v in split_list(value)]
    except ValueError:
        raise ServiceError(f"{what} takes entity ids (numbers, comma-separated), not {value!r}") from None


def entities_(args: argparse.Namespace) -> int:
    """List an owner's entity table, an entity's mentions, or change the table."""
    with open_workspace(args) as workspace:
        if args.new:
            changes = entities.create_entity(workspace, args.new, owner=args.annotator, type=args.type,
                                             aliases=split_list(args.aliases), external_id=args.external_id,
                                             user=args.user)
            print(changes.result)
            return 0
        if args.merge:
            sources, target = _ids(args.merge[0], "--merge"), _ids(args.merge[1], "--merge")
            if len(target) != 1:
                raise ServiceError("--merge SOURCES INTO: INTO is one entity id")
            entities.merge_entities(workspace, sources, target[0], owner=args.annotator, user=args.user)
            print(f"merged into {target[0]}")
            return 0
        if args.mentions is not None:
            mentions = entities.entity_mentions(workspace, args.mentions)
            if args.json:
                sys.stdout.buffer.write(orjson.dumps([
                    {"document": m.document_id, "annotator": m.owner, "span_id": m.span_id, "start": m.start,
                     "end": m.end, "label": m.label, "text": m.text} for m in mentions], option=orjson.OPT_INDENT_2)
                    + b"\n")
            else:
                for m in mentions:
                    print(f"{m.document_id} {m.owner} #{m.span_id} {m.start}-{m.end} {m.label} {m.text}")
            return 0
        table = entities.entity_list(workspace, args.annotator)
    if args.json:
        sys.stdout.buffer.write(orjson.dumps([
            {**_entity_dict(s.entity), "mentions": s.mentions, "documents": s.documents} for s in table],
            option=orjson.OPT_INDENT_2) + b"\n")
        return 0
    for s in table:
        e = s.entity
        extra = f" {e.external_id}" if e.external_id else ""
        aliases = f"  aka {', '.join(e.aliases)}" if e.aliases else ""
        print(f"{e.id}\t{e.name} [{e.type or '-'}]{extra}\t{s.mentions} mentions in {s.documents} documents{aliases}")
    return 0


def link(args: argparse.Namespace) -> int:
    """``link DOC SPAN ENTITY``: ENTITY is an entity id, or ``new`` (an entity made from the mention)."""
    with open_workspace(args) as workspace:
        require_in_set(workspace, args.document_id, [args.span_id], args.annotator)
        if args.entity.lower() == "new":
            changes = entities.create_from_mention(workspace, args.span_id, owner=args.annotator, user=args.user)
            entity_id = changes.result
        else:
            (entity_id,) = _ids(args.entity, "ENTITY") or [None]
            if entity_id is None:
                raise ServiceError("ENTITY is an entity id or 'new'")
            entities.link_mention(workspace, args.span_id, entity_id, owner=args.annotator, user=args.user)
        linked = 1
        if args.like:
            changes = entities.link_like(workspace, args.span_id, owner=args.annotator, corpus=args.like == "corpus",
                                         user=args.user)
            linked += changes.result
    print(entity_id)
    print(f"{linked} mention(s) linked", file=sys.stderr)
    return 0


def unlink(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        require_in_set(workspace, args.document_id, [args.span_id], args.annotator)
        entities.unlink_mention(workspace, args.span_id, owner=args.annotator, user=args.user)
    print(f"unlinked span {args.span_id}")
    return 0


def browse_filter(args: argparse.Namespace) -> BrowseFilter:
    speakers = _ids(getattr(args, "entity", None), "--entity") or None
    return BrowseFilter(owner=args.annotator, speakers=tuple(speakers) if speakers else None,
                        types=tuple(split_list(args.type)), document_ids=tuple(split_list(args.docs)) or None,
                        date_from=getattr(args, "date_from", None), date_to=getattr(args, "date_to", None),
                        checkworthy=True if getattr(args, "checkworthy", False) else None,
                        unit=getattr(args, "unit", None), value_min=getattr(args, "min", None),
                        value_max=getattr(args, "max", None), text=getattr(args, "text", None))


def _figure(row: BrowsedClaim) -> str:
    q = row.claim.quantity
    if q is None or q.value is None:
        return ""
    return f"{q.value:g} {q.unit or ''}{' ' + q.period if q.period else ''}".strip()


def _line(row: BrowsedClaim) -> str:
    claim = row.claim
    about = f"  about {', '.join(a.entity or a.text for a in row.about)}" if row.about else ""
    figure = f"  [{_figure(row)}]" if _figure(row) else ""
    return (f"{claim.document_id} {claim.owner} #{claim.id} {claim.type} speaker={row.speaker_name or '-'}"
            f"{figure}{about}\n    {claim.text}")


def browse(args: argparse.Namespace) -> int:
    """``claims`` with ``--entity``, ``--group-by`` or ``--figures``: through the claims browser."""
    chosen = browse_filter(args)
    with open_workspace(args) as workspace:
        if args.figures:
            comparisons = claims_browser.compare_figures(workspace, chosen)
            if args.json:
                sys.stdout.buffer.write(orjson.dumps([
                    {"unit": c.unit, "period": c.period, "differs": c.differs, "speakers": c.speakers,
                     "documents": c.documents,
                     "statements": [_who_said(s.claim) for s in c.statements]} for c in comparisons],
                    option=orjson.OPT_INDENT_2) + b"\n")
                return 0
            for c in comparisons:
                mark = "  DIFFERS" if c.differs else ""
                print(f"{c.unit or '-'} {c.period or '-'}: {len(c.statements)} statements by {c.speakers} "
                      f"speaker(s) in {c.documents} document(s){mark}")
                for s in c.statements:
                    print(f"    {s.value:g}  {s.claim.speaker_name or '-'}  {s.claim.claim.document_id} "
                          f"#{s.claim.claim.id}  {s.claim.claim.text}")
            return 0
        if args.group_by:
            groups = claims_browser.grouped(workspace, chosen, GroupBy(args.group_by))
            if args.json:
                sys.stdout.buffer.write(orjson.dumps([
                    {"key": g.key, "title": g.title, "entity_id": g.entity_id,
                     "claims": [_who_said(r) for r in g.rows]} for g in groups], option=orjson.OPT_INDENT_2) + b"\n")
                return 0
            for g in groups:
                entity = f" (entity {g.entity_id})" if g.entity_id is not None else ""
                print(f"{g.title}{entity}: {len(g.rows)} claim(s)")
                for row in g.rows:
                    print("  " + _line(row).replace("\n", "\n  "))
            return 0
        rows = claims_browser.iter_browse(workspace, chosen)
        if args.json:
            out = sys.stdout.buffer
            out.write(b"[")
            for n, row in enumerate(rows):
                out.write((b",\n" if n else b"\n") + orjson.dumps(_who_said(row)))
            out.write(b"\n]\n")
        elif args.csv:
            _write_csv(rows)
        else:
            for row in rows:
                print(_line(row))
    return 0


def _who_said(row: BrowsedClaim) -> dict:
    claim = row.claim
    q = claim.quantity
    return {"speaker": row.speaker_name or None, "entity_id": claim.speaker_entity_id, "claim_type": claim.type,
            "text": claim.text, "figure": q.value if q else None, "unit": q.unit if q else None,
            "period": q.period if q else None, "document": claim.document_id, "date": claim.date,
            "claim_id": claim.id, "annotator": claim.owner}


def _write_csv(rows) -> None:
    writer = csv.DictWriter(sys.stdout, fieldnames=WHO_SAID_FIELDS)
    writer.writeheader()
    for row in rows:
        writer.writerow(_who_said(row))


def who_said(args: argparse.Namespace) -> int:
    """Who said what: one row per claim (speaker, entity id, claim type, text, figure, document,
    date), for a spreadsheet (``--csv``) or a notebook (``--json``)."""
    with open_workspace(args) as workspace:
        rows = claims_browser.iter_browse(workspace, browse_filter(args))
        if args.csv:
            _write_csv(rows)
        elif args.json:
            sys.stdout.buffer.write(orjson.dumps([_who_said(r) for r in rows], option=orjson.OPT_INDENT_2) + b"\n")
        else:
            for row in rows:
                said = _who_said(row)
                figure = f"  [{_figure(row)}]" if _figure(row) else ""
                print(f"{said['speaker'] or '-'}\t{said['claim_type']}\t{said['document']}\t{said['date'] or '-'}"
                      f"{figure}\t{said['text']}")
    return 0
