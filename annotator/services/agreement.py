"""The agreement report over the store: the documents with sets, a page at a time, into the domain's measures."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from annotator.domain.agreement.corpus import DocumentSets
from annotator.domain.agreement.report import AgreementReport, report
from annotator.domain.query import DocumentQuery
from annotator.services.workspace import Workspace

PAGE = 200


def _documents(workspace: Workspace, document_ids: Sequence[str] | None) -> Iterator[DocumentSets]:
    with workspace.store.read() as repo:
        query = DocumentQuery(ids=tuple(document_ids)) if document_ids is not None else DocumentQuery()
        ids = repo.document_ids(query)
        for i in range(0, len(ids), PAGE):
            page = ids[i:i + PAGE]
            by_document: dict[str, dict] = {}
            for aset in repo.load_sets(repo.set_refs(page)):
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
