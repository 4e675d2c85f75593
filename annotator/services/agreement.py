"""The agreement report over the store: the documents with sets, a page at a time, into the domain's measures."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from annotator.domain.agreement.corpus import DocumentSets
from annotator.domain.agreement.report import AgreementReport, report
from annotator.domain.query import DocumentQuery
from annotator.services.workspace import Workspace

PAGE = 200


def _entity_keys(repo, sets) -> dict[int, str]:
    """Each linked entity as the measures compare it across annotators (each owner has their own
    entity ids): its external id, else its name and type."""
    ids = {s.entity for aset in sets for s in aset.spans if isinstance(s.entity, int)}
    return {e.id: (f"id:{e.external_id}" if e.external_id else f"name:{e.name.casefold()}|{e.type or ''}")
            for e in repo.entities_by_ids(ids)}


def _documents(workspace: Workspace, document_ids: Sequence[str] | None) -> Iterator[DocumentSets]:
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
                if document_id in by_document:
                    yield DocumentSets(document_id, texts[document_id], by_document[document_id])


def agreement(workspace: Workspace, *, annotators: Sequence[str] | None = None,
              labels: Sequence[str] | None = None, document_ids: Sequence[str] | None = None,
              done_only: bool = False) -> AgreementReport:
    """Span, token and claim agreement between annotators, and each against gold where it exists."""
    return report(_documents(workspace, document_ids), annotators=annotators, labels=labels,
                  done_only=done_only)
