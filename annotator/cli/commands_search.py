"""``annotator search``: hits of a query in the texts, in spans of a label, or in claims."""

from __future__ import annotations

import argparse
import sys

import orjson

from annotator.cli.commands import open_workspace, split_list
from annotator.domain.model import SetStatus
from annotator.domain.query import DocumentQuery
from annotator.services import search
from annotator.services.errors import ServiceError


def _filter(args: argparse.Namespace) -> search.SearchFilter:
    if args.status and not args.annotator:
        raise ServiceError("--status needs --annotator (whose status)")
    documents = DocumentQuery(
        date_from=args.date_from, date_to=args.date_to, owner=args.annotator if args.status else None,
        status=SetStatus(args.status) if args.status else None, ids=tuple(split_list(args.ids)) or None)
    return search.SearchFilter(
        labels=tuple(split_list(args.label)), speaker=args.speaker, types=tuple(split_list(args.type)),
        figure_min=args.min, figure_max=args.max, owner=args.annotator, documents=documents)


def _as_dict(hit: search.Hit) -> dict:
    out = {"document": hit.document_id, "start": hit.start, "end": hit.end, "text": hit.text,
           "snippet": {"before": hit.snippet.before, "match": hit.snippet.match, "after": hit.snippet.after}}
    if hit.kind != "text":
        out.update({"kind": hit.kind, "id": hit.annotation_id, "label": hit.label, "annotator": hit.owner})
    if hit.kind == "claim":
        out["speaker"] = hit.speaker
    return out


def run(args: argparse.Namespace) -> int:
    search_filter = _filter(args)
    with open_workspace(args) as workspace:
        out = sys.stdout.buffer
        if args.docs:
            rows = search.matching_documents(workspace, args.query, search_filter)
            if args.json:
                out.write(b"[")
                for n, (document_id, count) in enumerate(rows):
                    out.write((b",\n" if n else b"\n") + orjson.dumps({"document": document_id, "hits": count}))
                out.write(b"\n]\n")
            else:
                for document_id, count in rows:
                    print(f"{document_id}\t{count}")
            return 0
        hits = search.iter_hits(workspace, args.query, search_filter)
        if args.json:
            out.write(b"[")
            for n, hit in enumerate(hits):
                out.write((b",\n" if n else b"\n") + orjson.dumps(_as_dict(hit)))
            out.write(b"\n]\n")
            return 0
        for hit in hits:
            extra = f"\t{hit.label}#{hit.annotation_id}@{hit.owner}" if hit.kind != "text" else ""
            s = hit.snippet
            print(f"{hit.document_id}\t{hit.start}\t{hit.end}\t{s.before}[{s.match}]{s.after}{extra}")
    return 0
