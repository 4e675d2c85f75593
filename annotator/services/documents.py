"""Reading the corpus: pages of documents, one document with its sets, the scheme."""

from __future__ import annotations

from collections.abc import Iterator

from annotator.domain.model import AnnotationSet, Document, DocumentSummary
from annotator.domain.query import DocumentQuery
from annotator.i18n import _
from annotator.services.errors import NotFound
from annotator.services.workspace import Workspace

PAGE = 200


def count(workspace: Workspace, query: DocumentQuery = DocumentQuery()) -> int:
    with workspace.store.read() as repo:
        return repo.count_documents(query)


def page(workspace: Workspace, query: DocumentQuery = DocumentQuery(), *, offset: int = 0,
         limit: int = PAGE) -> list[DocumentSummary]:
    """One page of the document list, without texts."""
    with workspace.store.read() as repo:
        return repo.document_summaries(repo.document_ids(query, offset, limit))


def iter_summaries(workspace: Workspace, query: DocumentQuery = DocumentQuery(),
                   page_size: int = PAGE) -> Iterator[DocumentSummary]:
    offset = 0
    while True:
        rows = page(workspace, query, offset=offset, limit=page_size)
        yield from rows
        if len(rows) < page_size:
            return
        offset += page_size


def document(workspace: Workspace, document_id: str) -> Document:
    with workspace.store.read() as repo:
        found = repo.document(document_id)
    if found is None:
        raise NotFound(_("no document {document!r}").format(document=document_id))
    return found


def annotation_sets(workspace: Workspace, document_id: str, owner: str | None = None) -> list[AnnotationSet]:
    """The document's sets (one owner's, or all), with store ids."""
    with workspace.store.read() as repo:
        if repo.document_length(document_id) is None:
            raise NotFound(_("no document {document!r}").format(document=document_id))
        return repo.load_sets(repo.set_refs([document_id], owner))


def counts(workspace: Workspace) -> dict[str, int]:
    with workspace.store.read() as repo:
        return repo.counts()
