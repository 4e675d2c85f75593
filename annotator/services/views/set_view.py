"""One owner's set of one document as the annotation window shows it, read in one transaction."""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from typing import Any

from annotator.domain.model import Claim, Document, Quantity, Relation, SetStatus, Span
from annotator.domain.notes import Note
from annotator.domain.quantities import normalise
from annotator.domain.suggestions import Suggestion
from annotator.domain.query import DocumentQuery
from annotator.i18n import _
from annotator.services import history
from annotator.services.suggestions import open_in
from annotator.services.errors import NotFound
from annotator.services.workspace import Workspace


@dataclass(frozen=True, slots=True)
class SetView:
    """What the window shows of the owner's set of one document, read after a commit."""

    document_id: str
    spans: tuple[Span, ...]
    status: SetStatus | None
    done: int  # documents the owner has marked done
    undo_label: str | None
    redo_label: str | None
    total: int | None = None  # documents in the corpus, whatever the list's filters
    claims: tuple[Claim, ...] = ()
    relations: tuple[Relation, ...] = ()
    proposals: dict[Any, Quantity | None] = dataclasses.field(default_factory=dict)  # claim id -> normaliser's
    notes: tuple[Note, ...] = ()  # the owner's notes on this document
    suggestions: tuple[Suggestion, ...] = ()  # open for the owner (models', predictions', copies'), by place


@functools.lru_cache(maxsize=4096)
def proposal(text: str, date: str | None) -> Quantity | None:
    """The normaliser's quantity for a claim's text (cached: every action reads the claims back)."""
    return normalise(text, date=date)


def proposals_for(document: Document, claims: tuple[Claim, ...]) -> dict[Any, Quantity | None]:
    """Claim id -> the normaliser's quantity for its text, dated by the document."""
    date = document.meta.get("date") if isinstance(document.meta, dict) else None
    return {c.id: proposal(document.text[c.start:c.end], date) for c in claims}


def read_set_view(workspace: Workspace, document_id: str, owner: str | None,
                  document: Document | None = None, counts: tuple[int, int | None] | None = None) -> SetView:
    """The owner's set of one document and the counts around it, in one read transaction.

    ``document``: the document itself when the caller has it (its text never changes), so that
    an action on a long text does not read the text again for the claims' quantity proposals.
    ``counts``: (done, total) when the caller knows they have not changed (no re-count)."""
    spans: tuple[Span, ...] = ()
    status = None
    done = 0
    undo_label = redo_label = None
    claims: tuple[Claim, ...] = ()
    relations: tuple[Relation, ...] = ()
    proposals: dict[Any, Quantity | None] = {}
    owner_notes: tuple[Note, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    with workspace.store.read() as repo:
        if owner is not None:
            if repo.document_length(document_id) is None:
                raise NotFound(_("no document {document!r}").format(document=document_id))
            sets = repo.load_sets(repo.set_refs([document_id], owner))
            if sets:
                spans, status = sets[0].spans, sets[0].status
                claims, relations = sets[0].claims, sets[0].relations
                if claims:
                    document = document or repo.document(document_id)
                    if document is not None:
                        proposals = proposals_for(document, claims)
            owner_notes = tuple(repo.notes([document_id], owner, False))
            suggestions = tuple(open_in(repo, document_id, owner))
            if counts is None:
                done = repo.count_documents(DocumentQuery(owner=owner, status=SetStatus.DONE))
            undo_label, redo_label = history.labels_in(repo, owner=owner)
        if counts is not None:
            done, total = counts
        else:
            total = repo.count_documents(DocumentQuery())
    return SetView(document_id, spans, status, done, undo_label, redo_label, total, claims, relations, proposals,
                   owner_notes, suggestions)


def read_document_and_view(workspace: Workspace, document_id: str, owner: str | None) -> tuple[Document, SetView]:
    """A document opened in the window: its text and the owner's set."""
    with workspace.store.read() as repo:
        document = repo.document(document_id)
    if document is None:
        raise NotFound(_("no document {document!r}").format(document=document_id))
    return document, read_set_view(workspace, document_id, owner, document)
