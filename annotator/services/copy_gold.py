"""Curation treats the copies of a repeated passage as one unit: what was settled once is offered again.

A passage repeated across documents (the index of ``services/repeats.py``) that
a curator has settled in one document's gold need not be argued again in its
copy. What a curator expects there is not a silent copy (the copy may differ by
a word, and each document's gold is still theirs to decide) but a proposal: in
the curation view, a disagreement lying inside a passage copied from a document
whose gold is settled (its gold holds something in that passage, or is marked
curated) comes with that gold, mapped onto the copy's own characters through the
alignment (as propagation maps an annotator's spans: a span the copy does not
hold exactly is not proposed, and is counted). Accepting it (``accept_copy``)
is one gold action in the region, like accepting an annotator's version, and
undoable; the annotators' sets are untouched.

Where several documents hold a settled copy of the same passage, the first in
document order is offered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from annotator.domain.changes import Changes
from annotator.domain.model import AUTHOR, GOLD, SAYS, AnnotationSet, Claim, Document, Relation, SetStatus, Span
from annotator.domain.repeats import Alignment, chains
from annotator.i18n import _
from annotator.services.annotating import _document_length
from annotator.domain.disagreements import ACCEPT
from annotator.services.curation import _decision_ops, make_region
from annotator.services.errors import NotFound, ServiceError
from annotator.services.gold_conflicts import check_unchanged
from annotator.services.permissions import check_may_write
from annotator.services.repeats import _places_by_document, _proposals
from annotator.services.retrying import retried
from annotator.services.workspace import Workspace
from annotator.storage.repository import Repository

COPY = "copy"  # the owner named on a settled copy's set (it is gold's, mapped; never stored as such)


@dataclass(frozen=True, slots=True)
class SettledCopy:
    """A region of this document copied from another whose gold is settled there, with that gold mapped."""

    start: int  # the region in this document
    end: int
    source: str  # the document whose gold settled the passage
    source_start: int
    source_end: int
    gold: AnnotationSet  # the source gold's spans and claims of the region, on this document's characters
    unmapped: int  # gold items in the region the copy does not hold exactly (not proposed)

    def covers(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


def _settled(gold: AnnotationSet, start: int, end: int) -> bool:
    """Whether gold settled the passage: it holds something there, or it is marked curated."""
    return gold.status in (SetStatus.DONE, SetStatus.CURATED) or any(
        x.start < end and x.end > start for x in (*gold.spans, *gold.claims))


def _mapped_set(document_id: str, gold: AnnotationSet, alignment: Alignment) -> tuple[AnnotationSet, int]:
    proposals, unmapped = _proposals(gold.spans, gold.claims, {document_id: [alignment]})
    proposal = proposals[document_id]
    ids = {source_id: f"copy:T{n}" for n, source_id in enumerate(proposal.spans, start=1)}
    spans = tuple(Span(ids[k], s.start, s.end, s.label, s.attributes, s.entity, s.fragments)
                  for k, s in proposal.spans.items())
    claims: list[Claim] = []
    relations: list[Relation] = []
    for n, (claim, speaker) in enumerate(proposal.claims, start=1):
        claim_id = f"copy:C{n}"
        said_by = AUTHOR if speaker == AUTHOR else ids.get(speaker)
        claims.append(Claim(claim_id, claim.start, claim.end, claim.type, said_by, claim.cue, claim.certainty,
                            claim.checkworthy, claim.quantity, claim.attributes))
        if said_by not in (None, AUTHOR):
            relations.append(Relation(f"copy:R{n}", SAYS, said_by, claim_id))
    return AnnotationSet(document_id, COPY, SetStatus.DONE, spans, tuple(claims), tuple(relations)), unmapped


def settled_copies_in(repo: Repository, document: Document) -> list[SettledCopy]:
    """The regions of ``document`` copied from a document whose gold settled them, in text order
    (one read; the curation view calls it)."""
    index = repo.repeat_index
    mine = index.places_of_documents([document.id])
    if not mine:
        return []
    others = _places_by_document([p for p in index.places_of_groups({p.group for p in mine})
                                  if p.document_id != document.id])
    gold_refs = repo.set_refs(sorted(others), GOLD)
    if not gold_refs:
        return []
    golds = {s.document_id: s for s in repo.load_sets(gold_refs)}
    texts = repo.texts(sorted(golds))
    found: list[SettledCopy] = []
    for source in sorted(golds):
        gold = golds[source]
        for here, there in chains(mine, others[source]):
            if any(c.start < here[1] and c.end > here[0] for c in found) or not _settled(gold, *there):
                continue
            mapped, unmapped = _mapped_set(document.id, gold, Alignment(texts[source], there, document.text, here))
            found.append(SettledCopy(here[0], here[1], source, there[0], there[1], mapped, unmapped))
    return sorted(found, key=lambda c: c.start)


def settled_copy_for(copies: Sequence[SettledCopy], start: int, end: int) -> SettledCopy | None:
    """The settled copy whose region holds [start, end) (a disagreement's extent), if any."""
    return next((c for c in copies if c.covers(start, end)), None)


@retried
def accept_copy(workspace: Workspace, document_id: str, layer: str, start: int, end: int, *, user: str,
                seen: int | None = None) -> Changes:
    """Make gold, in [start, end) and one layer, what the settled copy of the passage holds there
    (mapped onto this document). One action, curators only; refused where no settled copy covers
    the region, or gold already holds it."""
    with workspace.store.write(owner=GOLD, document_id=document_id) as repo:
        check_unchanged(repo, document_id, seen, user, (start, end))
        _document_length(repo, document_id)
        check_may_write(repo, GOLD, user)
        document = repo.document(document_id)
        if document is None:
            raise NotFound(_("no document {document!r}").format(document=document_id))
        copy = settled_copy_for(settled_copies_in(repo, document), start, end)
        if copy is None:
            raise ServiceError(_("no settled copy of a repeated passage holds {start}-{end} of {document}").format(
                start=start, end=end, document=document_id))
        label = _("Accept the gold of the copy in {source} at {start}-{end}").format(
            source=copy.source, start=start, end=end)
        refused = _("gold already holds what the copy in {source} was settled with").format(source=copy.source)
        # Recorded as an accept of the copy's document's gold, so the region counts as decided.
        decided = _decision_ops(repo, document_id, layer, start, end, ACCEPT, copy.source, user)
        return make_region(repo, document_id, copy.gold, layer, start, end, user=user, kind="accept_copy",
                           label=label, refused=refused, decided=decided)
