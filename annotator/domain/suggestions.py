"""Suggestions: spans and claims proposed to an annotator, kept apart from their set.

A suggestion lives in a set owned by ``model:NAME``: a model's (``model:natasha``,
``model:rules``), another tool's predictions (Label Studio's ``model_version``), or
the copies of an annotator's repeated passages (``model:copies:NAME``, that
annotator's alone). It is *open* for an annotator while their set holds nothing at
its place with its label and they have not rejected it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from annotator.domain.model import AnnotationSet, Claim, Span

PREFIX = "model:"
COPIES = PREFIX + "copies:"
ENTITY, CLAIM = "entity", "claim"


def copies_owner(annotator: str) -> str:
    """The set that holds the copies of an annotator's repeated passages as their suggestions."""
    return COPIES + annotator


def is_suggestion_set(owner: str) -> bool:
    return owner.startswith(PREFIX)


def offered_to(owner: str, annotator: str) -> bool:
    """Whether a suggestion set's suggestions are offered to ``annotator`` (another's copies are not)."""
    return is_suggestion_set(owner) and (not owner.startswith(COPIES) or owner == copies_owner(annotator))


Key = tuple[str, int, int, str]  # (kind, start, end, label): a suggestion's place, as rejections keep it


@dataclass(frozen=True, slots=True)
class Suggestion:
    source: str  # the suggestion set's owner
    id: int  # the span's (or claim's) id in that set
    kind: str  # ENTITY or CLAIM
    start: int
    end: int
    label: str  # entity label, or claim type
    claim: Claim | None = None
    speaker: Span | None = None  # a claim's speaker mention in the suggestion set

    @property
    def key(self) -> Key:
        return (self.kind, self.start, self.end, self.label)


def open_suggestions(suggestion_sets: Iterable[AnnotationSet], annotator: str, own: AnnotationSet | None,
                     rejected: Iterable[Key]) -> list[Suggestion]:
    """The suggestions still open for ``annotator`` in one document, by place (the first source
    in ``suggestion_sets`` wins where two propose the same)."""
    done: set[Key] = set(rejected)
    if own is not None:
        done.update((ENTITY, s.start, s.end, s.label) for s in own.spans)
        done.update((CLAIM, c.start, c.end, c.type) for c in own.claims)
    found: dict[Key, Suggestion] = {}
    for aset in suggestion_sets:
        if not offered_to(aset.owner, annotator):
            continue
        mentions = {s.id: s for s in aset.spans}
        for span in aset.spans:
            found.setdefault((ENTITY, span.start, span.end, span.label),
                             Suggestion(aset.owner, span.id, ENTITY, span.start, span.end, span.label))  # type: ignore[arg-type]
        for claim in aset.claims:
            found.setdefault((CLAIM, claim.start, claim.end, claim.type), Suggestion(
                aset.owner, claim.id, CLAIM, claim.start, claim.end, claim.type, claim,  # type: ignore[arg-type]
                mentions.get(claim.speaker)))
    return sorted((s for k, s in found.items() if k not in done), key=lambda s: (s.start, -s.end, s.kind, s.label))


def suggestion_at(suggestions: Sequence[Suggestion], position: int) -> Suggestion | None:
    """The innermost suggestion under a caret at ``position`` (a caret just after a span is on it)."""
    under = [s for s in suggestions if s.start <= position <= s.end]
    return min(under, key=lambda s: (s.end - s.start, s.kind != ENTITY, s.start)) if under else None


def next_suggestion(suggestions: Sequence[Suggestion], position: int) -> Suggestion | None:
    """The first suggestion starting after ``position``, wrapping round to the document's first."""
    return next((s for s in suggestions if s.start > position), suggestions[0] if suggestions else None)
