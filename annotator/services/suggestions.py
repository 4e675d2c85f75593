"""Suggestions: running the models, and an annotator's answers to what they propose.

``suggest`` fills a ``model:NAME`` set per document (resumable: a document that
already has the model's set is skipped). The answers are actions on the
annotator's own set, logged and undoable like any other: accepting copies the
suggestion into their set with its origin recorded (``spans.origin``), rejecting
records the place so that it is not offered again, and accepting a label takes
every open suggestion of it in the document.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from annotator.domain.agreement.spans import Counts, SpanComparison, compare_spans, total
from annotator.domain.changes import Changes
from annotator.domain.model import AUTHOR, GOLD, SAYS, Claim, SetStatus, Span
from annotator.domain.query import DocumentQuery
from annotator.domain.suggesters import MODELS, SUGGESTERS, map_labels
from annotator.domain.suggestions import (
    CLAIM,
    ENTITY,
    PREFIX,
    Key,
    Suggestion,
    next_suggestion as _next_suggestion,
    offered_to,
    open_suggestions as _open_suggestions,
    suggestion_at as _suggestion_at,
)
from annotator.i18n import _
from annotator.services.actions import run_action
from annotator.services.annotating import _document_length, _open_set
from annotator.services.errors import NotFound, ServiceError
from annotator.services.progress import CancelToken, Progress, no_progress
from annotator.services.retrying import retried
from annotator.services.workspace import Workspace
from annotator.storage.actions import CLAIMS, REJECTIONS, RELATIONS, SETS, SPANS, Op, insert_op
from annotator.storage.repository import Repository, claim_rows, set_row, span_row

BATCH = 20  # documents per transaction: an interrupted run keeps every finished batch


def model_owner(model: str) -> str:
    return PREFIX + model


# ------------------------------------------------------------------ running the models
@dataclass
class SuggestReport:
    models: tuple[str, ...]
    documents: int = 0  # documents suggested now
    skipped: int = 0  # documents that already had the model's set
    suggestions: int = 0
    seconds: float = 0.0  # time spent in the models (what suggestions per second divides by)
    against_gold: dict[str, Counts] = field(default_factory=dict)  # per label, exact match; empty: no gold

    @property
    def per_second(self) -> float | None:
        return self.suggestions / self.seconds if self.seconds else None


def _check_models(models: Sequence[str]) -> None:
    unknown = [m for m in models if m not in SUGGESTERS]
    if unknown:
        raise ServiceError(_("unknown model {model!r} (known: {known})").format(
            model=unknown[0], known=", ".join(MODELS)))


def suggest(workspace: Workspace, *, document_ids: Sequence[str] | None = None,
            models: Sequence[str] = MODELS, progress: Progress = no_progress,
            cancel: CancelToken | None = None, query: DocumentQuery | None = None) -> SuggestReport:
    """Run the models over the documents (all by default; those of ``query``, the window's list as
    filtered) into their ``model:NAME`` sets. A batch of documents is one transaction and one action
    per model; documents suggested before are skipped."""
    _check_models(models)
    report = SuggestReport(tuple(models))
    with workspace.store.read() as repo:
        ids = repo.document_ids(DocumentQuery(ids=tuple(document_ids)) if document_ids is not None
                                else query or DocumentQuery())
        if document_ids is not None and len(ids) < len(set(document_ids)):
            missing = sorted(set(document_ids) - set(ids))
            raise NotFound(_("no document {document!r}").format(document=missing[0]))
        scheme = workspace.scheme(repo)
    mapping = dict(scheme.suggestion_labels)
    for model in models:  # loading a model (natasha: about a second) is not suggesting: outside the timing
        SUGGESTERS[model]("", None)
    labels = frozenset(e.name for e in scheme.entities)
    for i in range(0, len(ids), BATCH):
        if cancel is not None:
            cancel.check()
        progress(i, len(ids), ids[i])
        page = ids[i:i + BATCH]
        for model in models:
            owner = model_owner(model)
            with workspace.store.write(owner=owner) as repo:
                done = repo.documents_with_set(owner, page)
                report.skipped += len(done)
                todo = repo.documents([d for d in page if d not in done])
                if not todo:
                    continue
                began = time.perf_counter()
                found = {d.id: map_labels(SUGGESTERS[model](d.text, d.date), mapping, labels) for d in todo}
                report.seconds += time.perf_counter() - began
                set_ids = repo.allocate_ids(SETS, len(todo))
                span_ids = iter(repo.allocate_ids(SPANS, sum(len(v) for v in found.values())))
                sets, spans = [], []
                for document, set_id in zip(todo, set_ids):
                    sets.append(set_row(set_id, document.id, owner, SetStatus.DONE))
                    for p in found[document.id]:
                        spans.append(span_row(set_id, next(span_ids), Span(None, p.start, p.end, p.label)))
                report.suggestions += len(spans)
                report.documents += len(todo) if model == models[0] else 0
                run_action(repo, owner=owner, user=None, kind="suggest",
                           label=_("Suggestions of {model}").format(model=model), document_id=None,
                           ops=[insert_op(SETS, sets), insert_op(SPANS, spans)], result=len(spans))
    progress(len(ids), len(ids), _("done"))
    report.against_gold = against_gold(workspace, models=models, document_ids=ids).exact
    return report


def against_gold(workspace: Workspace, *, models: Sequence[str] = MODELS,
                 document_ids: Sequence[str] | None = None) -> SpanComparison:
    """The models' suggestions (together) against gold, per label, over the documents that have both."""
    comparisons = []
    owners = {model_owner(m) for m in models}
    with workspace.store.read() as repo:
        ids = list(document_ids) if document_ids is not None else repo.document_ids(DocumentQuery())
        refs = [r for r in repo.set_refs(ids) if r.owner == GOLD or r.owner in owners]
        by_document: dict[str, list] = defaultdict(list)
        for aset in repo.load_sets(refs):
            by_document[aset.document_id].append(aset)
    for sets in by_document.values():
        gold = [s for s in sets if s.owner == GOLD]
        if not gold:
            continue
        suggested = {(s.start, s.end, s.label): s for a in sets if a.owner != GOLD for s in a.spans}
        comparisons.append(compare_spans(gold[0].spans, suggested.values()))
    return total(comparisons)


# ------------------------------------------------------------------ what is open
def _open(repo: Repository, document_id: str, owner: str) -> list[Suggestion]:
    refs = [r for r in repo.suggestion_set_refs([document_id], PREFIX) if offered_to(r.owner, owner)]
    if not refs:  # nothing suggested here: the owner's own set need not be read (again) to compare
        return []
    own = repo.set_ref(document_id, owner)
    sets = repo.load_sets(refs + ([own] if own else []))
    mine = sets[-1] if own else None
    return _open_suggestions(sets[:len(refs)], owner, mine, repo.rejections(document_id, owner))


def open_in(repo: Repository, document_id: str, owner: str) -> list[Suggestion]:
    """The suggestions of a document open for ``owner``, in the caller's transaction (the window's read model)."""
    return _open(repo, document_id, owner)


def open_suggestions(workspace: Workspace, document_id: str, *, owner: str) -> list[Suggestion]:
    """The suggestions of a document still open for ``owner``, by place."""
    with workspace.store.read() as repo:
        return _open(repo, document_id, owner)


def suggestion_at(workspace: Workspace, document_id: str, position: int, *, owner: str) -> Suggestion | None:
    with workspace.store.read() as repo:
        return _suggestion_at(_open(repo, document_id, owner), position)


def next_suggestion(workspace: Workspace, document_id: str, position: int, *, owner: str) -> Suggestion | None:
    """The next open suggestion after ``position`` (Tab), wrapping round; None when none is open."""
    with workspace.store.read() as repo:
        return _next_suggestion(_open(repo, document_id, owner), position)


# ------------------------------------------------------------------ answers
def _at(repo: Repository, document_id: str, position: int, owner: str, place: Key | None = None) -> Suggestion:
    """The open suggestion under the caret; ``place`` (kind, start, end, label) names it exactly
    (the window's key on a suggestion it selected, where two are nested or adjacent)."""
    if _document_length(repo, document_id) is not None:
        suggestions = _open(repo, document_id, owner)
        if place is not None:
            found = next((s for s in suggestions if s.key == tuple(place)), None)
        else:
            found = _suggestion_at(suggestions, position)
        if found is not None:
            return found
    raise NotFound(_("no open suggestion at {position} in {document}").format(
        position=position, document=document_id))


def _accept_ops(repo: Repository, set_id: int, owner: str, document_id: str,
                accepted: Sequence[Suggestion]) -> tuple[list[Op], list[int]]:
    """Rows for the accepted suggestions in the owner's set (a claim's speaker mention too, when the
    set does not hold it yet), each with its origin."""
    own = repo.set_ref(document_id, owner)
    have = {(s.start, s.end, s.label): s.id for s in (repo.load_sets([own])[0].spans if own else ())}
    speakers = [s.speaker for s in accepted
                if s.speaker is not None and (s.speaker.start, s.speaker.end, s.speaker.label) not in have]
    speakers = list({(m.start, m.end, m.label): m for m in speakers}.values())
    entities = [s for s in accepted if s.kind == ENTITY and (s.start, s.end, s.label) not in have]
    claims = [s for s in accepted if s.kind == CLAIM]
    ids = list(repo.allocate_ids(SPANS, len(entities) + len(speakers) + len(claims)))
    spans, new_ids = [], []
    for suggestion, span_id in zip(entities, ids):
        spans.append(span_row(set_id, span_id, Span(None, suggestion.start, suggestion.end, suggestion.label),
                              origin=suggestion.source))
        have[(suggestion.start, suggestion.end, suggestion.label)] = span_id
        new_ids.append(span_id)
    for mention, span_id in zip(speakers, ids[len(entities):]):
        if (mention.start, mention.end, mention.label) in have:  # accepted in this same action
            continue
        source = next(s.source for s in accepted if s.speaker is mention)
        spans.append(span_row(set_id, span_id, Span(None, mention.start, mention.end, mention.label,
                                                    mention.attributes, mention.entity), origin=source))
        have[(mention.start, mention.end, mention.label)] = span_id
    claim_details, relations = [], []
    for suggestion, claim_id in zip(claims, ids[len(entities) + len(speakers):]):
        claim = suggestion.claim
        assert claim is not None
        speaker_id = None
        if suggestion.speaker is not None:
            m = suggestion.speaker
            speaker_id = have[(m.start, m.end, m.label)]
        stored = Claim(None, claim.start, claim.end, claim.type, AUTHOR if claim.speaker == AUTHOR else speaker_id,
                       claim.cue, claim.certainty, claim.checkworthy, claim.quantity, claim.attributes)
        span_part, details = claim_rows(set_id, claim_id, stored, speaker_id, origin=suggestion.source)
        spans.append(span_part)
        claim_details.append(details)
        new_ids.append(claim_id)
        if speaker_id is not None:
            relations.append({"label": SAYS, "head_id": speaker_id, "tail_id": claim_id, "set_id": set_id})
    ops = [insert_op(SPANS, spans)]
    if claim_details:
        ops.append(insert_op(CLAIMS, claim_details))
    if relations:
        for row, relation_id in zip(relations, repo.allocate_ids(RELATIONS, len(relations))):
            row["id"] = relation_id
        ops.append(insert_op(RELATIONS, relations))
    return ops, new_ids


@retried
def accept_suggestion(workspace: Workspace, document_id: str, position: int, *, owner: str,
                      user: str | None = None, place: Key | None = None) -> Changes:
    """Accept the open suggestion under the caret (or at ``place``) into ``owner``'s set;
    ``Changes.result`` is the new id."""
    with workspace.store.write(owner=owner, document_id=document_id) as repo:
        suggestion = _at(repo, document_id, position, owner, place)
        ops: list[Op] = []
        set_id = _open_set(repo, document_id, owner, ops)
        more, new_ids = _accept_ops(repo, set_id, owner, document_id, [suggestion])
        return run_action(repo, owner=owner, user=user, kind="accept_suggestion",
                          label=_("Accept {label} suggestion").format(label=suggestion.label),
                          document_id=document_id, ops=ops + more, result=new_ids[0] if new_ids else None)


@retried
def accept_label(workspace: Workspace, document_id: str, label: str, *, owner: str,
                 user: str | None = None) -> Changes:
    """Accept every open entity suggestion of ``label`` in the document; ``Changes.result``: the new ids."""
    with workspace.store.write(owner=owner, document_id=document_id) as repo:
        _document_length(repo, document_id)
        chosen = [s for s in _open(repo, document_id, owner) if s.kind == ENTITY and s.label == label]
        if not chosen:
            raise NotFound(_("no open {label} suggestion in {document}").format(label=label, document=document_id))
        ops: list[Op] = []
        set_id = _open_set(repo, document_id, owner, ops)
        more, new_ids = _accept_ops(repo, set_id, owner, document_id, chosen)
        return run_action(repo, owner=owner, user=user, kind="accept_label",
                          label=_("Accept every {label} suggestion").format(label=label),
                          document_id=document_id, ops=ops + more, result=new_ids)


@retried
def reject_suggestion(workspace: Workspace, document_id: str, position: int, *, owner: str,
                      user: str | None = None, place: Key | None = None) -> Changes:
    """Reject the open suggestion under the caret (or at ``place``): it is no longer offered to ``owner``."""
    with workspace.store.write(owner=owner, document_id=document_id) as repo:
        s = _at(repo, document_id, position, owner, place)
        rejection_id = repo.allocate_ids(REJECTIONS, 1)[0]
        row = {"id": rejection_id, "document_id": document_id, "owner": owner, "source": s.source,
               "kind": s.kind, "start": s.start, "end": s.end, "label": s.label}
        return run_action(repo, owner=owner, user=user, kind="reject_suggestion",
                          label=_("Reject {label} suggestion").format(label=s.label),
                          document_id=document_id, ops=[insert_op(REJECTIONS, [row])], result=rejection_id)


# ------------------------------------------------------------------ measures
@dataclass(frozen=True, slots=True)
class SuggestionUse:
    """How one annotator answered one source's suggestions of one label."""

    annotator: str
    source: str
    label: str
    accepted: int  # spans (and claims) in their set that came from the source
    rejected: int

    @property
    def precision(self) -> float | None:
        """The share of the answered suggestions that the annotator kept: the source's precision as
        they judge it."""
        answered = self.accepted + self.rejected
        return self.accepted / answered if answered else None


def suggestion_use(workspace: Workspace) -> list[SuggestionUse]:
    """Per annotator, source and label: suggestions accepted (still in their set) and rejected."""
    table: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    with workspace.store.read() as repo:
        for owner, origin, label, count in repo.origin_counts():
            table[(owner, origin, label)][0] += count
        for owner, source, label, count in repo.rejection_counts():
            table[(owner, source, label)][1] += count
    return [SuggestionUse(a, s, lab, *counts) for (a, s, lab), counts in sorted(table.items())]


def model_agreement(workspace: Workspace, *, models: Sequence[str] = MODELS) -> dict[str, SpanComparison]:
    """Each annotator's spans against the models' suggestions (the annotator as reference: recall is
    how much of their work the models proposed), over the documents where both exist."""
    owners = {model_owner(m) for m in models}
    comparisons: dict[str, list[SpanComparison]] = defaultdict(list)
    with workspace.store.read() as repo:
        ids = repo.document_ids(DocumentQuery())
        for i in range(0, len(ids), 200):
            by_document: dict[str, list] = defaultdict(list)
            for aset in repo.load_sets(repo.set_refs(ids[i:i + 200])):
                by_document[aset.document_id].append(aset)
            for sets in by_document.values():
                suggested = {(s.start, s.end, s.label): s for a in sets if a.owner in owners for s in a.spans}
                if not suggested:
                    continue
                for aset in sets:
                    if aset.owner.startswith(PREFIX) or aset.status == SetStatus.SKIPPED:
                        continue
                    comparisons[aset.owner].append(compare_spans(aset.spans, suggested.values()))
    return {owner: total(found) for owner, found in sorted(comparisons.items())}
