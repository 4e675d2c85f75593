"""What every measure reads: documents with their sets, the annotators compared, the label filter.

:class:`AgreementInput` is built once by :func:`prepare`; the work that several
measures share (the token matrix, the span comparisons of each pair) is done
on first use and kept on it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from annotator.domain.agreement.spans import SpanComparison, compare_extents, extents, total
from annotator.domain.agreement.tokens import TokenMatrix, build_token_matrix, categories, tokens_of
from annotator.domain.model import GOLD, AnnotationSet, SetStatus
from annotator.domain.tokens import Token

SUGGESTION_PREFIX = "model:"  # owners of suggestion sets; not annotators unless asked for


@dataclass(frozen=True, slots=True)
class DocumentSets:
    """One document: its text (or its tokens) and the sets of its owners, ``{owner: set}``.

    An owner without a set here is missing for this document. ``tokens``, when
    given, are used instead of tokenizing ``text`` (razdel tokens, sorted).
    """

    document_id: str
    text: str | None
    sets: Mapping[str, AnnotationSet] = field(default_factory=dict, hash=False)
    tokens: Sequence[Token] | None = field(default=None, hash=False, compare=False)


def _usable(aset: AnnotationSet | None, done_only: bool) -> AnnotationSet | None:
    if aset is None or aset.status == SetStatus.SKIPPED:
        return None
    if done_only and aset.status not in (SetStatus.DONE, SetStatus.CURATED):
        return None
    return aset


@dataclass(frozen=True, eq=False)
class AgreementInput:
    """The documents, each with the sets that count: ``sets[d]`` maps an owner to its set.

    A set counts unless it is skipped (the annotator declined the document), or,
    with ``done_only``, unless it is done (or curated, for gold).
    """

    documents: tuple[DocumentSets, ...]
    annotators: tuple[str, ...]
    labels: frozenset[str] | None
    gold: str
    done_only: bool
    sets: tuple[dict[str, AnnotationSet], ...]

    @property
    def pairs(self) -> list[tuple[str, str]]:
        """Each pair of annotators once, in the given order; the first is the reference."""
        a = self.annotators
        return [(a[i], a[j]) for i in range(len(a)) for j in range(i + 1, len(a))]

    @property
    def has_gold(self) -> bool:
        return any(self.gold in sets for sets in self.sets)

    def both(self, first: str, second: str) -> list[tuple[AnnotationSet, AnnotationSet]]:
        """The (first's, second's) sets of each document where both have one."""
        return [(s[first], s[second]) for s in self.sets if first in s and second in s]

    def compare(self, reference: str, candidate: str) -> tuple[int, SpanComparison]:
        """Documents compared and the summed exact/relaxed counts of ``candidate`` against ``reference``."""
        key = (reference, candidate)
        cache = self._comparisons
        if key not in cache:
            both = self.both(reference, candidate)
            cache[key] = (len(both), total(compare_extents(extents(ref.spans, self.labels),
                                                           extents(cand.spans, self.labels))
                                           for ref, cand in both))
        return cache[key]

    @cached_property
    def _comparisons(self) -> dict[tuple[str, str], tuple[int, SpanComparison]]:
        return {}

    @cached_property
    def token_matrix(self) -> TokenMatrix:
        """Tokens x annotators (gold not included), tokenized once."""
        # Tokenized one document at a time as the matrix is built: the tokens are not kept.
        rows = ((doc.document_id, tokens_of(doc.text, doc.tokens), sets)
                for doc, sets in zip(self.documents, self.sets))
        return build_token_matrix(rows, self.annotators, self.labels,
                                  names=categories(self.sets, self.annotators, self.labels))


def owners(documents: Iterable[DocumentSets], gold: str = GOLD) -> list[str]:
    """The annotators found in the documents, sorted: every owner but gold and ``model:`` suggestions."""
    found = {owner for doc in documents for owner in doc.sets}
    return sorted(o for o in found if o != gold and not o.startswith(SUGGESTION_PREFIX))


def prepare(documents: Iterable[DocumentSets], *, annotators: Sequence[str] | None = None,
            labels: Iterable[str] | None = None, done_only: bool = False, gold: str = GOLD) -> AgreementInput:
    """The input of the measures: which annotators (default: :func:`owners`), which labels (None: all)."""
    documents = tuple(documents)
    chosen = tuple(annotators) if annotators is not None else tuple(owners(documents, gold))
    if len(set(chosen)) != len(chosen):
        raise ValueError(f"an annotator is named twice: {chosen}")
    if gold in chosen:
        raise ValueError(f"{gold!r} is the reference of the gold measures, not an annotator")
    keep = set(chosen) | {gold}
    sets = []
    for doc in documents:
        usable = {}
        for owner, aset in doc.sets.items():
            if owner in keep and (aset := _usable(aset, done_only)) is not None:
                usable[owner] = aset
        sets.append(usable)
    return AgreementInput(documents, chosen, None if labels is None else frozenset(labels), gold,
                          done_only, tuple(sets))
