"""Reading the corpus: pages of documents, one document with its sets, the scheme."""

from __future__ import annotations

from collections.abc import Iterator

from annotator.domain.model import AnnotationSet, Document, DocumentSummary, SetStatus
from annotator.domain.query import DocumentQuery
from annotator.i18n import _
from annotator.services.errors import NotFound
from annotator.services.workspace import Workspace

PAGE = 200


def count(workspace: Workspace, query: DocumentQuery = DocumentQuery()) -> int:
    with workspace.store.read() as repo:
        return repo.count_documents(query)


def page(workspace: Workspace, query: DocumentQuery = DocumentQuery(), *, offset: int = 0,
         limit: int = PAGE, after: DocumentSummary | None = None, owner: str | None = None) -> list[DocumentSummary]:
    """One page of the document list, without texts: the rows after ``after`` (the last row of
    the page before, read by keyset, so a walk reads each row once), else from ``offset``; with
    ``owner``, each row counts the entity spans of that owner's set."""
    with workspace.store.read() as repo:
        keys = None if after is None else (sort_value(query, after), after.ordinal)
        return repo.document_summaries(repo.document_ids(query, 0 if keys else offset, limit, after=keys), owner)


def next_open(workspace: Workspace, query: DocumentQuery, after: DocumentSummary | None, owner: str,
              page_size: int = PAGE) -> str | None:
    """The first document of ``query`` after ``after`` (round from the start) whose set of ``owner``
    is neither done nor skipped: what "done, next" opens. Reads page by page from where it is, so
    the cost is the distance walked, not the corpus."""
    finished = {SetStatus.DONE, SetStatus.SKIPPED}

    def is_open(summary: DocumentSummary) -> bool:
        return dict(summary.sets).get(owner) not in finished

    for start in ((after, None) if after is not None else (None,)):
        last = start
        while True:
            rows = page(workspace, query, after=last, limit=page_size) if last is not None else \
                page(workspace, query, offset=0, limit=page_size)
            for summary in rows:
                if after is not None and summary.id == after.id:
                    return None  # round the whole list: nothing open
                if is_open(summary):
                    return summary.id
            if len(rows) < page_size:
                break
            last = rows[-1]
    return None


def sort_value(query: DocumentQuery, summary: DocumentSummary):
    """The value a row is sorted by in ``query``."""
    return getattr(summary, query.sort)


def position(workspace: Workspace, query: DocumentQuery, document_id: str) -> int | None:
    """The row of a document in the list of ``query`` (0-based), None when it is not in it:
    two counts through the indexes, whatever the row."""
    with workspace.store.read() as repo:
        return repo.position(query, document_id)


def count_and_position(workspace: Workspace, query: DocumentQuery,
                       document_id: str | None) -> tuple[int, int | None]:
    """The number of rows of ``query`` and the row of a document among them (None: not in them)."""
    with workspace.store.read() as repo:
        return repo.count_and_position(query, document_id)


def iter_summaries(workspace: Workspace, query: DocumentQuery = DocumentQuery(),
                   page_size: int = PAGE) -> Iterator[DocumentSummary]:
    last = None
    while True:
        rows = page(workspace, query, limit=page_size, after=last)
        yield from rows
        if len(rows) < page_size:
            return
        last = rows[-1]


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


def ids_in_rows(workspace: Workspace, query: DocumentQuery, ranges: list[tuple[int, int]]) -> list[str]:
    """The ids of the documents in rows ``[first, last]`` of ``query``'s list, for each range (a
    selection of the list whose pages are not held): one index read per range, in row order."""
    found: list[str] = []
    with workspace.store.read() as repo:
        for first, last in sorted(ranges):
            found.extend(repo.document_ids(query, first, last - first + 1))
    return list(dict.fromkeys(found))
