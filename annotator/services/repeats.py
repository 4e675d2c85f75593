"""Repeated passages: the index built after each import, the list of passages, and copying a passage's
annotations into its copies as suggestions (``propagate``).

What propagation proposes goes into the annotator's own suggestion set of each copy,
``model:copies:NAME``, never into their set: they accept it there like any suggestion.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from annotator.domain.changes import Changes
from annotator.domain.model import AUTHOR, SAYS, Claim, Cue, Document, Span
from annotator.domain.query import DocumentQuery
from annotator.domain.repeats import Alignment, Passage, Place, Unit, chains, passages, similar, units_of
from annotator.domain.suggestions import copies_owner
from annotator.i18n import _
from annotator.services.actions import run_action
from annotator.services.annotating import _open_set
from annotator.services.errors import NotFound, ServiceError
from annotator.services.progress import CancelToken, Progress, no_progress
from annotator.services.retrying import retried
from annotator.services.workspace import Workspace
from annotator.storage.actions import CLAIMS, RELATIONS, SPANS, Op, insert_op
from annotator.storage.repeat_index import GROUPS, PLACES, RepeatIndex
from annotator.storage.repository import CLAIM, ENTITY, Repository, claim_rows, span_row

# ------------------------------------------------------------------ the index
# The index is built after an import has committed, not inside it: signatures cost about 2 ms of
# CPU per document, three times what storing the document costs, and nobody should wait for them
# to start annotating. Whoever finds documents the index has not read (the window, on a thread of
# its own; `annotator import` once its import is in; `repeats` and `propagate`) reads them a small
# batch at a time: the signatures, the look-ups and the comparisons are done before the write
# transaction, so the write lock is held only for the inserts, and a concurrent indexer's work is
# never done twice.
BATCH = 50  # documents per write transaction (ten hold the lock about 8 ms, commit included)


@dataclass
class _Choice:
    """Where a batch's sentences go, chosen against the index as it stood when its last group was
    ``stamp``: groups only ever grow (ids are never reused) or all go at once (``forget``), so an
    unchanged last group means an unchanged index of bands and groups."""

    stamp: int | None
    chosen: list[list[int]]  # per document, per unit: a stored group id, or -1 - a new group's number
    new_texts: list[str]  # the batch's new groups, numbered from 0 until their ids are allocated
    pending: dict[int, list[int]]  # band -> the batch's new groups that have it


def _looked_up(index: RepeatIndex, found_of: Sequence[Sequence[Unit]]) -> tuple[int | None, dict, dict]:
    """(stamp, band -> stored groups, group -> its first sentence) for the batch's bands. The stamp
    is read first: a group added after it changes the stamp, whatever the look-ups saw."""
    stamp = index.last_group()
    stored = index.groups_of_bands(b for found in found_of for u in found for b in u.bands)
    texts = index.group_texts({g for groups in stored.values() for g in groups})
    return stamp, stored, texts


def _choose(found_of: Sequence[Sequence[Unit]], stamp: int | None, stored: dict[int, list[int]],
            texts: dict[int, str], pause: Callable[[], None] | None = None) -> _Choice:
    """Each sentence's group: the first stored or new group of a band it shares whose sentence is
    similar, else a new group. Copies inside the batch find each other through the groups it makes
    (``pending``), in document order. ``pause`` is called before each sentence's comparisons."""
    choice = _Choice(stamp, [], [], defaultdict(list))
    for found in found_of:
        chosen: list[int] = []
        for unit in found:
            if pause is not None:
                pause()
            candidates = sorted({g for b in unit.bands for g in stored.get(b, ())})
            group = next((g for g in candidates if similar(texts[g], unit.text)), None)
            if group is None:
                made = sorted({n for b in unit.bands for n in choice.pending.get(b, ())})
                number = next((n for n in made if similar(choice.new_texts[n], unit.text)), None)
                if number is None:
                    number = len(choice.new_texts)
                    choice.new_texts.append(unit.text)
                    for band in dict.fromkeys(unit.bands):
                        choice.pending[band].append(number)
                group = -1 - number
            chosen.append(group)
        choice.chosen.append(chosen)
    return choice


def _insert(repo: Repository, documents: Sequence[Document], found_of: Sequence[Sequence[Unit]],
            choice: _Choice) -> int:
    """Store a choice made against the index as it is now: its groups, bands and places, and the
    documents marked read. Returns the number of sentences indexed."""
    group_ids = repo.allocate_ids(GROUPS, len(choice.new_texts))
    group_rows = [{"id": gid, "text": text} for gid, text in zip(group_ids, choice.new_texts)]
    band_rows = [{"band": band, "group_id": group_ids[n]}
                 for band, numbers in choice.pending.items() for n in numbers]
    indexed = sum(len(found) for found in found_of)
    place_ids = iter(repo.allocate_ids(PLACES, indexed))
    place_rows = [
        {"id": next(place_ids), "group_id": group if group >= 0 else group_ids[-1 - group],
         "document_id": document.id, "ordinal": u.ordinal, "start": u.start, "end": u.end}
        for document, found, chosen in zip(documents, found_of, choice.chosen) for u, group in zip(found, chosen)]
    repo.repeat_index.add(group_rows, band_rows, place_rows)
    repo.repeat_index.mark_indexed([d.id for d in documents])
    return indexed


def index_documents(repo: Repository, documents: Sequence[Document],
                    found_of: Sequence[Sequence[Unit]] | None = None) -> int:
    """Put the documents' sentences in the index, each in the group of its copies (a new group
    when it has none yet), and mark the documents read; runs in the caller's write transaction.
    ``found_of``: their ``units_of``, when computed before the transaction. Returns the number of
    sentences indexed.

    One pass for the whole batch: one look-up of the stored groups for all the batch's bands, one
    insert of its groups, bands and places."""
    if found_of is None:
        found_of = units_of([d.text for d in documents])
    return _insert(repo, documents, found_of, _choose(found_of, *_looked_up(repo.repeat_index, found_of)))


@dataclass
class IndexReport:
    documents: int = 0
    sentences: int = 0
    seconds: float = 0.0


@dataclass
class Batch:
    """What one ``index_batch`` did; ``last``: the ordinal to go on after, None when none was left."""

    documents: int
    sentences: int
    last: int | None


def unread_count(workspace: Workspace) -> int:
    """How many documents the index has not read yet."""
    with workspace.store.read() as repo:
        return repo.repeat_index.unread_count()


def index_batch(workspace: Workspace, *, after: int = 0, limit: int = BATCH,
                pause: Callable[[], None] | None = None) -> Batch:
    """Index the next ``limit`` documents past ordinal ``after`` that the index has not read, in
    one short write transaction. Pass the returned ``last`` as ``after`` to go on. ``pause`` is
    called before each sentence, before each sentence's comparisons and before the write: a
    background indexer waits there while the annotator is at work, instead of competing for the
    interpreter.

    Everything but the inserts happens before the write lock is taken: the signatures, the
    look-ups of the stored groups (in a read) and the comparisons with their sentences. The write
    checks that no group was added since the look-ups (another indexer, another desktop) and
    chooses again under the lock if one was; an action waiting for the lock then waits for the
    inserts only (at 10,000 documents a batch's write held it 8-25 ms with the comparisons
    inside)."""
    with workspace.store.read() as repo:
        page = repo.repeat_index.unread_documents(after, limit)
        documents = repo.documents([document_id for document_id, _ordinal in page])
    if not page:
        return Batch(0, 0, None)
    if pause is None:
        found_of = units_of([d.text for d in documents])  # the CPU-heavy part, before taking the lock
    else:
        found_of = [units for document in documents for units in units_of([document.text], pause)]
    with workspace.store.read() as repo:
        looked_up = _looked_up(repo.repeat_index, found_of)
    choice = _choose(found_of, *looked_up, pause=pause)  # outside any transaction: a pause may last
    if pause is not None:
        pause()

    @retried
    def write() -> tuple[int, int]:
        # not durable: the index is made again from the texts, so its commit need not wait for the
        # disk and the write lock is let go in milliseconds (an action waits for it)
        with workspace.store.write(durable=False) as repo:
            done = repo.repeat_index.indexed_documents([d.id for d in documents])  # by a concurrent indexer
            if not done and repo.repeat_index.last_group() == choice.stamp:
                return len(documents), _insert(repo, documents, found_of, choice)
            todo = [(d, found) for d, found in zip(documents, found_of) if d.id not in done]
            return len(todo), index_documents(repo, [d for d, _ in todo], [found for _, found in todo])

    indexed, sentences = write()
    return Batch(indexed, sentences, page[-1][1])


def index_pending(workspace: Workspace, *, progress: Progress = no_progress,
                  cancel: CancelToken | None = None) -> IndexReport:
    """Index every document the index has not read, a batch per transaction: an interrupted run
    keeps what it did, and the next one goes on from there."""
    report = IndexReport()
    began = time.perf_counter()
    total = unread_count(workspace)
    after = 0
    while True:
        if cancel is not None:
            cancel.check()
        progress(report.documents, total, _("repeated passages"))
        batch = index_batch(workspace, after=after)
        if batch.last is None:
            break
        after = batch.last
        report.documents += batch.documents
        report.sentences += batch.sentences
    progress(total, total, _("done"))
    report.seconds = time.perf_counter() - began
    return report


def index_corpus(workspace: Workspace, *, rebuild: bool = False, progress: Progress = no_progress,
                 cancel: CancelToken | None = None) -> IndexReport:
    """Index the documents not indexed yet (all of them again with ``rebuild``)."""
    if rebuild:
        with workspace.store.write() as repo:
            repo.repeat_index.forget()
    return index_pending(workspace, progress=progress, cancel=cancel)


def repeated_passages(workspace: Workspace) -> list[Passage]:
    """Every passage copied in more than one document, with its places, in corpus order."""
    with workspace.store.read() as repo:
        places = repo.repeat_index.repeated_places()
        order = repo.document_ids(DocumentQuery())
    return passages(places, order)


@dataclass(frozen=True, slots=True)
class Copy:
    """A region of one document copied in another (for the window's margin and its jump key)."""

    start: int
    end: int
    document_id: str  # where else it is
    other_start: int
    other_end: int


def copies_of(workspace: Workspace, document_id: str) -> list[Copy]:
    """The regions of a document repeated elsewhere, each with where its copy is, by place."""
    with workspace.store.read() as repo:
        index = repo.repeat_index
        mine = index.places_of_documents([document_id])
        others = _places_by_document([p for p in index.places_of_groups({p.group for p in mine})
                                      if p.document_id != document_id])
    return sorted((Copy(a[0], a[1], other, b[0], b[1]) for other, places in others.items()
                   for a, b in chains(mine, places)), key=lambda c: (c.start, c.document_id))


# ------------------------------------------------------------------ propagation
@dataclass
class Propagation:
    """What ``propagate`` proposed: per copy, the spans and claims, and what it could not map."""

    spans: int = 0
    claims: int = 0
    unmapped: int = 0  # a span or claim inside a copied region that the copy does not hold exactly
    documents: list[str] = field(default_factory=list)
    changes: list[Changes] = field(default_factory=list)


def _places_by_document(places: Sequence[Place]) -> dict[str, list[Place]]:
    by_document: dict[str, list[Place]] = defaultdict(list)
    for place in places:
        by_document[place.document_id].append(place)
    return by_document


class _Proposal:
    """The spans and claims proposed for one copy, with their mapped places."""

    def __init__(self, alignments: list[Alignment]):
        self.alignments = alignments
        self.spans: dict[int | str | None, Span] = {}  # source span id -> mapped span
        self.claims: list[tuple[Claim, int | str | None]] = []  # mapped claim, source speaker id

    def map(self, start: int, end: int) -> tuple[int, int] | None:
        for alignment in self.alignments:
            if alignment.covers(start, end):
                return alignment.map(start, end)
        return None

    def inside(self, start: int, end: int) -> bool:
        return any(a.covers(start, end) for a in self.alignments)


def _proposals(spans: Sequence[Span], claims: Sequence[Claim], copies: dict[str, list[Alignment]]
               ) -> tuple[dict[str, _Proposal], int]:
    by_id = {s.id: s for s in spans}
    found: dict[str, _Proposal] = {}
    unmapped = 0
    for document_id, alignments in copies.items():
        proposal = found[document_id] = _Proposal(alignments)
        for span in spans:
            if not proposal.inside(span.start, span.end):
                continue
            mapped = proposal.map(span.start, span.end)
            if mapped is None:
                unmapped += 1
                continue
            proposal.spans[span.id] = Span(None, *mapped, span.label, span.attributes, span.entity)
        for claim in claims:
            if not proposal.inside(claim.start, claim.end):
                continue
            mapped = proposal.map(claim.start, claim.end)
            if mapped is None:
                unmapped += 1
                continue
            cue = None
            if claim.cue is not None and (where := proposal.map(claim.cue.start, claim.cue.end)) is not None:
                cue = Cue(*where)
            speaker: int | str | None = claim.speaker if claim.speaker == AUTHOR else None
            if isinstance(claim.speaker, int) and claim.speaker in by_id:
                mention = by_id[claim.speaker]
                # the speaker mention: inside the copied region, or in another passage copied there
                if claim.speaker not in proposal.spans and (where := proposal.map(mention.start, mention.end)):
                    proposal.spans[claim.speaker] = Span(None, *where, mention.label, mention.attributes,
                                                         mention.entity)
                if claim.speaker in proposal.spans:
                    speaker = claim.speaker
            proposal.claims.append((Claim(None, *mapped, claim.type, None, cue, claim.certainty,
                                          claim.checkworthy, claim.quantity, claim.attributes), speaker))
    return found, unmapped


def _write_proposal(repo: Repository, document_id: str, owner: str, user: str, annotator: str, source: str,
                    proposal: _Proposal) -> tuple[Changes | None, int, int]:
    """One action in the copy: the proposed spans and claims not already there (in the suggestion set,
    or in the annotator's own set)."""
    refs = [r for r in (repo.set_ref(document_id, owner), repo.set_ref(document_id, annotator)) if r]
    have: dict[tuple[str, int, int, str], int | None] = {}
    for aset in repo.load_sets(refs):  # the suggestion set first: its ids win
        for s in aset.spans:
            have.setdefault((ENTITY, s.start, s.end, s.label), s.id if aset.owner == owner else None)
        for c in aset.claims:
            have[(CLAIM, c.start, c.end, c.type)] = c.id
    new_spans = [(key, s) for key, s in proposal.spans.items() if (ENTITY, s.start, s.end, s.label) not in have]
    new_claims = [(c, who) for c, who in proposal.claims if (CLAIM, c.start, c.end, c.type) not in have]
    if not new_spans and not new_claims:
        return None, 0, 0
    ops: list[Op] = []
    set_id = _open_set(repo, document_id, owner, ops, repo.set_ref(document_id, owner))
    ids = list(repo.allocate_ids(SPANS, len(new_spans) + len(new_claims)))
    span_ids: dict[int | str | None, int] = {key: new_id for (key, _s), new_id in zip(new_spans, ids)}
    for key, span in proposal.spans.items():
        existing = have.get((ENTITY, span.start, span.end, span.label))
        if key not in span_ids and existing is not None:
            span_ids[key] = existing  # already suggested there: the claim's speaker is that suggestion
    rows = [span_row(set_id, span_ids[key], span) for key, span in new_spans]
    claim_span_rows, claim_detail_rows, relation_rows = [], [], []
    for (claim, speaker), claim_id in zip(new_claims, ids[len(new_spans):]):
        speaker_id = span_ids.get(speaker) if speaker not in (None, AUTHOR) else None
        stored = Claim(None, claim.start, claim.end, claim.type, AUTHOR if speaker == AUTHOR else speaker_id,
                       claim.cue, claim.certainty, claim.checkworthy, claim.quantity, claim.attributes)
        span_part, details = claim_rows(set_id, claim_id, stored, speaker_id)
        claim_span_rows.append(span_part)
        claim_detail_rows.append(details)
        if speaker_id is not None:
            relation_rows.append({"label": SAYS, "head_id": speaker_id, "tail_id": claim_id, "set_id": set_id})
    ops += [insert_op(SPANS, rows + claim_span_rows)]
    if claim_detail_rows:
        ops.append(insert_op(CLAIMS, claim_detail_rows))
    if relation_rows:
        for row, relation_id in zip(relation_rows, repo.allocate_ids(RELATIONS, len(relation_rows))):
            row["id"] = relation_id
        ops.append(insert_op(RELATIONS, relation_rows))
    changes = run_action(repo, owner=owner, user=user, kind="propagate",
                         label=_("Propose copies from {document}").format(document=source),
                         document_id=document_id, ops=ops, result=len(rows) + len(new_claims))
    return changes, len(rows), len(new_claims)


@retried
def propagate(workspace: Workspace, document_id: str, *, annotator: str, user: str | None = None) -> Propagation:
    """Propose the annotator's spans and claims of a document's repeated passages in every copy, as
    suggestions in their ``model:copies:NAME`` set. A span is proposed only where the copy holds it
    exactly (mapped through the alignment of the passage and its copy); a claim's speaker comes with
    it when the mention is inside the copied region or in another passage copied into the same
    document. Each copy is one action (undoable). Documents an import left out of the index are
    read into it first: a copy not yet indexed would be passed over."""
    index_pending(workspace)
    owner = copies_owner(annotator)
    result = Propagation()
    with workspace.store.write(owner=owner) as repo:
        document = repo.document(document_id)
        if document is None:
            raise NotFound(_("no document {document!r}").format(document=document_id))
        ref = repo.set_ref(document_id, annotator)
        if ref is None:
            raise ServiceError(_("{owner!r} has no set of {document}").format(owner=annotator, document=document_id))
        aset = repo.load_sets([ref])[0]
        index = repo.repeat_index
        mine = index.places_of_documents([document_id])
        others = _places_by_document([p for p in index.places_of_groups({p.group for p in mine})
                                      if p.document_id != document_id])
        copies_text = repo.texts(list(others))
        copies = {d: [Alignment(document.text, a, copies_text[d], b) for a, b in chains(mine, places)]
                  for d, places in others.items()}
        proposals, result.unmapped = _proposals(aset.spans, aset.claims, copies)
        for copy in sorted(proposals):
            changes, spans, claims = _write_proposal(repo, copy, owner, user or annotator, annotator,
                                                     document_id, proposals[copy])
            if changes is not None:
                result.changes.append(changes)
                result.documents.append(copy)
                result.spans += spans
                result.claims += claims
    return result
