"""What a curator reviews first: each document's disagreements between its annotators, and each owner's sets.

:func:`disagreement_counts` lists every document that two or more annotators
labelled (their sets: not gold, not ``model:`` suggestions, not skipped), with
the number of disagreements the curation view steps through
(:func:`annotator.domain.disagreements.disagreements`, as
:func:`annotator.services.curation.document_disagreements`) and the number of
annotations all of them agree on, the document with the most disagreement
first. The store is read a page of documents at a time.

:func:`set_counts` counts each owner's sets by status (progress where nothing
is assigned).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from annotator.domain.agreement.corpus import SUGGESTION_PREFIX
from annotator.domain.disagreements import agreed_count, disagreements
from annotator.domain.model import GOLD, AnnotationSet, SetStatus
from annotator.domain.query import DocumentQuery
from annotator.services.progress import CancelToken, Progress, no_progress
from annotator.services.workspace import Workspace

PAGE = 200


@dataclass(frozen=True, slots=True)
class DocumentDisagreement:
    """One document's disagreements between its annotators (``owners``, sorted)."""

    document_id: str
    date: str | None
    owners: tuple[str, ...]
    disagreements: int  # regions where the annotators' versions differ
    agreed: int  # spans and claims every annotator's set holds
    kinds: tuple[tuple[str, int], ...]  # (kind, how many): missing, label, boundary, speaker, other
    gold: SetStatus | None  # the gold set's status, None when there is none


@dataclass(frozen=True, slots=True)
class SetCounts:
    """One owner's sets by status."""

    owner: str
    new: int = 0
    in_progress: int = 0
    done: int = 0
    skipped: int = 0

    @property
    def total(self) -> int:
        return self.new + self.in_progress + self.done + self.skipped


def _annotator(owner: str) -> bool:
    return owner != GOLD and not owner.startswith(SUGGESTION_PREFIX)


def _counts(document_id: str, date: str | None, sets: Sequence[AnnotationSet],
            gold: SetStatus | None) -> DocumentDisagreement:
    found = disagreements(sets)
    kinds = Counter(d.kind for d in found)
    return DocumentDisagreement(document_id, date, tuple(s.owner for s in sets), len(found), agreed_count(sets),
                                tuple(sorted(kinds.items())), gold)


def _pages(workspace: Workspace, document_ids: Sequence[str] | None, done_only: bool,
           progress: Progress, cancel: CancelToken | None) -> Iterator[tuple[int, DocumentDisagreement]]:
    """(document ordinal, its counts) of each document with two or more annotator sets, in document order."""
    with workspace.store.read() as repo:
        query = DocumentQuery(ids=tuple(document_ids)) if document_ids is not None else DocumentQuery()
        ids = repo.document_ids(query)
        for begin in range(0, len(ids), PAGE):
            if cancel is not None:
                cancel.check()
            page = ids[begin:begin + PAGE]
            refs_by_document: dict[str, list] = {}
            gold: dict[str, SetStatus] = {}
            for ref in repo.set_refs(page):
                if ref.owner == GOLD:
                    gold[ref.document_id] = ref.status
                elif _annotator(ref.owner) and ref.status != SetStatus.SKIPPED and (
                        not done_only or ref.status == SetStatus.DONE):
                    refs_by_document.setdefault(ref.document_id, []).append(ref)
            wanted = [doc for doc in page if len(refs_by_document.get(doc, ())) >= 2]
            if wanted:
                sets: dict[str, list[AnnotationSet]] = {}
                for aset in repo.load_sets([r for doc in wanted for r in refs_by_document[doc]]):
                    sets.setdefault(aset.document_id, []).append(aset)
                summaries = {s.id: s for s in repo.document_summaries(wanted)}
                for doc in wanted:
                    summary = summaries[doc]
                    by_owner = sorted(sets[doc], key=lambda s: s.owner)
                    yield summary.ordinal, _counts(doc, summary.date, by_owner, gold.get(doc))
            progress(min(begin + PAGE, len(ids)), len(ids), "")


def disagreement_counts(workspace: Workspace, *, document_ids: Sequence[str] | None = None,
                        done_only: bool = False, limit: int | None = None, progress: Progress = no_progress,
                        cancel: CancelToken | None = None) -> list[DocumentDisagreement]:
    """Each document with two or more annotator sets, the most disagreement first.

    Ties keep the documents' order. ``done_only``: only sets marked done count
    (as in :func:`annotator.services.agreement.agreement`); ``limit``: the first
    so many. A document's ``disagreements`` is ``len(document_disagreements(...))``
    of the same sets.
    """
    rows = sorted(_pages(workspace, document_ids, done_only, progress, cancel),
                  key=lambda item: (-item[1].disagreements, item[0]))
    found = [row for _, row in rows]
    return found if limit is None else found[:limit]


def set_counts(workspace: Workspace) -> list[SetCounts]:
    """Each annotator's sets by status (not gold, not suggestions), by name; read a page of documents at a time."""
    tally: dict[str, Counter] = {}
    with workspace.store.read() as repo:
        ids = repo.document_ids()
        for begin in range(0, len(ids), PAGE):
            for ref in repo.set_refs(ids[begin:begin + PAGE]):
                if _annotator(ref.owner):
                    tally.setdefault(ref.owner, Counter())[ref.status] += 1
    return [SetCounts(owner, c[SetStatus.NEW], c[SetStatus.IN_PROGRESS], c[SetStatus.DONE], c[SetStatus.SKIPPED])
            for owner, c in sorted(tally.items())]
