"""One document as the curation window shows it: the annotators' sets, gold, where they disagree,
read in one transaction (a snapshot: gold's version and gold itself agree)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.domain.consensus import keys_by_id
from annotator.domain.disagreements import Decision, Disagreement, disagreements, region_items
from annotator.domain.model import GOLD, AnnotationSet, Claim, Document, Quantity, Relation, Span
from annotator.domain.notes import Note
from annotator.i18n import _
from annotator.services import curation, history
from annotator.services.copy_gold import SettledCopy, settled_copies_in, settled_copy_for
from annotator.services.errors import NotFound
from annotator.services.views.set_view import proposals_for
from annotator.services.workspace import Workspace


@dataclass(frozen=True, slots=True)
class CurationView:
    """What the curation window shows of one document, read on the runner after each commit."""

    document: Document
    sets: tuple[AnnotationSet, ...]  # the annotators', by owner
    gold: AnnotationSet | None
    disagreements: tuple[Disagreement, ...]
    refusal: str | None  # why the user may not write gold; None: they may
    undo_label: str | None
    redo_label: str | None
    proposals: dict[Any, Quantity | None] = field(default_factory=dict)  # gold claim id -> the normaliser's
    notes: tuple[Note, ...] = ()  # the document's notes
    gold_seen: int | None = None  # the gold version read (see services.gold_conflicts): sent with each change
    decisions: tuple[Decision, ...] = ()  # the curators' explicit accepts and rejects of regions
    # Passages of this document copied from one whose gold settled them (services/copy_gold.py):
    # a disagreement inside one is offered that gold.
    settled_copies: tuple[SettledCopy, ...] = ()

    def settled_copy(self, disagreement: Disagreement) -> SettledCopy | None:
        """The settled copy offered for a disagreement (None: it lies in no settled repeated passage)."""
        return settled_copy_for(self.settled_copies, disagreement.start, disagreement.end)

    def open_indexes(self) -> list[int]:
        """The indexes of the disagreements not settled yet (see :func:`is_settled`)."""
        decided = {d.region for d in self.decisions}
        return [i for i, d in enumerate(self.disagreements) if not is_settled(d, self.gold, self.sets, decided)]

    # What the gold lane's keys read of the set they act on: gold's.
    @property
    def document_id(self) -> str:
        return self.document.id

    @property
    def spans(self) -> tuple[Span, ...]:
        return self.gold.spans if self.gold else ()

    @property
    def claims(self) -> tuple[Claim, ...]:
        return self.gold.claims if self.gold else ()

    @property
    def relations(self) -> tuple[Relation, ...]:
        return self.gold.relations if self.gold else ()

    @property
    def owners(self) -> list[str]:
        return [s.owner for s in self.sets]


def read_curation(workspace: Workspace, document_id: str, user: str) -> CurationView:
    """Everything the curation window shows, in one read transaction (runs on the runner)."""
    with workspace.store.read() as repo:
        seen = repo.last_action_id(GOLD, document_id)
        document = repo.document(document_id)
        if document is None:
            raise NotFound(_("no document {document!r}").format(document=document_id))
        sets = tuple(curation.annotator_sets_in(repo, document_id))
        gold = curation.gold_in(repo, document_id)
        refusal = curation.refusal(repo, GOLD, user)
        undo_label, redo_label = history.labels_in(repo, owner=GOLD, document_id=document_id)
        document_notes = tuple(repo.notes([document_id], None, False))
        copies = tuple(settled_copies_in(repo, document))
        decisions = tuple(curation.decisions_in(repo, document_id))
    found = tuple(disagreements(sets))  # as curation.document_disagreements, over the sets just read
    proposals = proposals_for(document, gold.claims) if gold is not None else {}
    return CurationView(document, sets, gold, found, refusal, undo_label, redo_label, proposals,
                        document_notes, seen, decisions, copies)


def settled_by(disagreement: Disagreement, gold: AnnotationSet | None,
               sets: Sequence[AnnotationSet]) -> list[str]:
    """The annotators whose annotations in the region gold now holds exactly (gold took their version)."""
    if gold is None:
        return []
    layer, start, end, pieces = disagreement.layer, disagreement.start, disagreement.end, disagreement.pieces
    gold_keys = keys_by_id(gold)
    held = {gold_keys[x.id] for x in region_items(gold, layer, start, end, pieces)}
    found = []
    for aset in sets:
        keys = keys_by_id(aset)
        if {keys[x.id] for x in region_items(aset, layer, start, end, pieces)} == held:
            found.append(aset.owner)
    return found


def is_settled(disagreement: Disagreement, gold: AnnotationSet | None, sets: Sequence[AnnotationSet],
               decided: set[tuple[str, int, int]]) -> bool:
    """Whether the curator has settled a region: a decision is recorded for it (accept or reject), or
    gold holds exactly what some annotator marked there. Gold holding nothing, as an annotator who
    marked nothing, settles nothing: an "only some have it" region stays open until decided."""
    if key_of(disagreement) in decided:
        return True
    for owner in settled_by(disagreement, gold, sets):
        version = disagreement.version(owner)
        if version is not None and version.items:
            return True
    return False


def key_of(d: Disagreement) -> tuple[str, int, int]:
    """A disagreement's identity across reads: its layer and extent."""
    return (d.layer, d.start, d.end)
