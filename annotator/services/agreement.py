"""The agreement report over the store: the documents with sets, a page at a time, into the domain's measures."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import replace

from annotator.domain.agreement.corpus import DocumentSets
from annotator.domain.model import AnnotationSet
from annotator.domain.agreement.reporting import AgreementReport, report
from annotator.domain.query import DocumentQuery
from annotator.services.workspace import Workspace

PAGE = 200


def _copies(workspace: Workspace) -> dict[str, list[tuple[int, int]]]:
    """Per document, the regions that are copies of a passage whose first place (in corpus order) is
    elsewhere: what agreement leaves out when copies count as one unit."""
    from annotator.services.repeats import repeated_passages

    found: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for passage in repeated_passages(workspace):
        for document_id, start, end in passage.places[1:]:
            found[document_id].append((start, end))
    return found


def _without(aset: AnnotationSet, regions: list[tuple[int, int]]) -> AnnotationSet:
    def outside(start: int, end: int) -> bool:
        return not any(s <= start and end <= e for s, e in regions)

    spans = tuple(s for s in aset.spans if outside(s.start, s.end))
    claims = tuple(c for c in aset.claims if outside(c.start, c.end))
    kept = {s.id for s in spans} | {c.id for c in claims}
    relations = tuple(r for r in aset.relations if r.head in kept and r.tail in kept)
    return dataclasses.replace(aset, spans=spans, claims=claims, relations=relations)


def _entity_keys(repo, sets) -> dict[int, str]:
    """Each linked entity as the measures compare it across annotators (each owner has their own
    entity ids): its external id, else its name and type."""
    ids = {s.entity for aset in sets for s in aset.spans if isinstance(s.entity, int)}
    return {e.id: (f"id:{e.external_id}" if e.external_id else f"name:{e.name.casefold()}|{e.type or ''}")
            for e in repo.entities_by_ids(ids)}


def _documents(workspace: Workspace, document_ids: Sequence[str] | None,
               copies: dict[str, list[tuple[int, int]]] | None = None) -> Iterator[DocumentSets]:
    with workspace.store.read() as repo:
        query = DocumentQuery(ids=tuple(document_ids)) if document_ids is not None else DocumentQuery()
        ids = repo.document_ids(query)
        for i in range(0, len(ids), PAGE):
            page = ids[i:i + PAGE]
            by_document: dict[str, dict] = {}
            sets = repo.load_sets(repo.set_refs(page))
            keys = _entity_keys(repo, sets)
            for aset in sets:
                if keys:
                    aset = replace(aset, spans=tuple(replace(s, entity=keys.get(s.entity)) if s.entity is not None
                                                     else s for s in aset.spans))
                by_document.setdefault(aset.document_id, {})[aset.owner] = aset
            if not by_document:
                continue
            texts = repo.texts(list(by_document))
            for document_id in page:
                if document_id not in by_document:
                    continue
                sets, text = by_document[document_id], texts[document_id]
                if copies and document_id in copies:
                    sets = {owner: _without(aset, copies[document_id]) for owner, aset in sets.items()}
                    for start, end in copies[document_id]:  # no tokens there either: blanks keep offsets
                        text = text[:start] + " " * (end - start) + text[end:]
                yield DocumentSets(document_id, text, sets)


def agreement(workspace: Workspace, *, annotators: Sequence[str] | None = None,
              labels: Sequence[str] | None = None, document_ids: Sequence[str] | None = None,
              done_only: bool = False, copies_as_one: bool = False) -> AgreementReport:
    """Span, token and claim agreement between annotators, and each against gold where it exists.

    ``copies_as_one``: a repeated passage counts once, at its first place in corpus order; what lies
    inside its copies elsewhere is left out, so a disagreement in a repeated quote counts (and is
    settled) once."""
    copies = _copies(workspace) if copies_as_one else None
    return report(_documents(workspace, document_ids, copies), annotators=annotators, labels=labels,
                  done_only=done_only)
