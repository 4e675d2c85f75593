"""The document list's first read of a query: how many rows, where a document is among them, one page.

Each row (a ``DocumentSummary``) carries its title (``meta.title``, else the text's first line, read
from the text's first characters only) and, for the list's annotator, how many entity spans their set
holds: one grouped count per page, never a count over the corpus."""

from __future__ import annotations

from annotator.domain.model import DocumentSummary
from annotator.domain.query import DocumentQuery
from annotator.services import documents
from annotator.services.workspace import Workspace

ListRead = tuple[int, tuple[str, int | None] | None, dict[int, list[DocumentSummary]]]


def read_query(workspace: Workspace, query: DocumentQuery, keep: str | None, page_size: int,
               owner: str | None = None) -> ListRead:
    """The row count and ``keep``'s row in one pass, then the page that row is on (or the first page),
    its rows with ``owner``'s span counts (one grouped query for the page)."""
    count, row = documents.count_and_position(workspace, query, keep)
    number = (row or 0) // page_size
    pages = {number: documents.page(workspace, query, offset=number * page_size, limit=page_size, owner=owner)
             } if count else {}
    return count, (None if keep is None else (keep, row)), pages
