"""Claim agreement: do two annotators mark the same claims, and say the same about them?

1. Extents: claims are matched as spans whose label is ignored (every claim
   counts as one label, its type plays no part in matching): exact (same start
   and end) and relaxed (overlapping, one to one by largest overlap; see
   :mod:`.spans`) precision/recall/F1.
2. Over the relaxed matched pairs: the share of pairs that agree on
   - ``type``, with Cohen's kappa over the pairs;
   - ``speaker``: the same when both are AUTHOR, or both are unset, or both are
     mentions that are the same mention (the two speaker spans have the same
     extent or overlap, whatever their labels) or are linked to the same
     corpus-wide ``entity``. A speaker id that names no span of its set agrees
     with nothing. No kappa: speakers are not a fixed set of categories;
   - ``certainty``, with Cohen's kappa over the pairs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from annotator.domain.agreement.coefficients import Coefficient, cohen_kappa
from annotator.domain.agreement.spans import Counts, extent, match_exact, match_relaxed
from annotator.domain.model import AUTHOR, AnnotationSet, Claim, Span

CLAIM = "CLAIM"  # the one label of every claim extent


@dataclass(frozen=True, slots=True)
class FieldAgreement:
    """Agreement on one field over the matched claim pairs."""

    pairs: int
    agreeing: int
    kappa: Coefficient | None = None  # None where kappa is not meaningful (speaker)

    @property
    def share(self) -> float | None:
        return self.agreeing / self.pairs if self.pairs else None

    def to_dict(self) -> dict[str, Any]:
        return {"pairs": self.pairs, "agreeing": self.agreeing, "share": self.share,
                "kappa": None if self.kappa is None else self.kappa.to_dict()}


@dataclass(frozen=True, slots=True)
class ClaimAgreement:
    """Claims of a candidate against a reference, summed over documents."""

    documents: int
    exact: Counts
    relaxed: Counts
    type: FieldAgreement
    speaker: FieldAgreement
    certainty: FieldAgreement

    def to_dict(self) -> dict[str, Any]:
        return {"documents": self.documents, "exact": self.exact.to_dict(), "relaxed": self.relaxed.to_dict(),
                "type": self.type.to_dict(), "speaker": self.speaker.to_dict(),
                "certainty": self.certainty.to_dict()}


def _extents(claims: Sequence[Claim]) -> list[tuple]:
    return [extent(c, CLAIM) for c in claims]


def match_claims(reference: Sequence[Claim], candidate: Sequence[Claim]) -> list[tuple[Claim, Claim]]:
    """The relaxed one-to-one pairs of claims (type ignored), in the reference's order."""
    pairs = match_relaxed(_extents(reference), _extents(candidate))
    return [(reference[i], candidate[j]) for i, j in pairs]


def _mentions(aset: AnnotationSet) -> dict[Any, Span]:
    out: dict[Any, Span] = {}
    for span in aset.spans:
        out[span.id] = span
        out.setdefault(str(span.id), span)
    return out


def _mention(speaker: Any, mentions: dict[Any, Span]) -> Span | None:
    found = mentions.get(speaker)
    return found if found is not None else mentions.get(str(speaker))


def same_speaker(first: Claim, first_set: AnnotationSet, second: Claim, second_set: AnnotationSet,
                 *, mentions: tuple[dict, dict] | None = None) -> bool:
    """Whether two claims have the same speaker (see the module's docstring)."""
    a, b = first.speaker, second.speaker
    if a is None or b is None:
        return a is None and b is None
    if a == AUTHOR or b == AUTHOR:
        return a == b
    ma_index, mb_index = mentions or (_mentions(first_set), _mentions(second_set))
    ma, mb = _mention(a, ma_index), _mention(b, mb_index)
    if ma is None or mb is None:
        return False
    if (ma.start, ma.end) == (mb.start, mb.end):
        return True
    if min(ma.end, mb.end) > max(ma.start, mb.start):
        return True
    return ma.entity is not None and ma.entity == mb.entity


def _field(pairs: list[tuple[str, str]], agreeing: int, with_kappa: bool) -> FieldAgreement:
    kappa = None
    if with_kappa:
        if pairs:
            values = np.array(pairs, dtype=object)
            kappa = cohen_kappa(values[:, 0], values[:, 1])
        else:
            kappa = Coefficient(None, None, None, 0, 0, "no matched claim pair")
    return FieldAgreement(len(pairs), agreeing, kappa)


def claim_agreement(set_pairs: Iterable[tuple[AnnotationSet, AnnotationSet]]) -> ClaimAgreement:
    """Claim agreement of the candidate (second) sets against the reference (first) ones.

    ``set_pairs``: for each document where both have a set, (reference's, candidate's).
    """
    documents = 0
    exact = relaxed = Counts()
    types: list[tuple[str, str]] = []
    certainties: list[tuple[str, str]] = []
    speakers = same_types = same_certainty = 0
    for ref, cand in set_pairs:
        documents += 1
        r_ext, c_ext = _extents(ref.claims), _extents(cand.claims)
        same = match_exact(r_ext, c_ext)
        exact += Counts(len(same), len(r_ext), len(c_ext))
        matched = match_relaxed(r_ext, c_ext, same)
        relaxed += Counts(len(matched), len(r_ext), len(c_ext))
        if not matched:
            continue
        cache = (_mentions(ref), _mentions(cand))
        for i, j in matched:
            a, b = ref.claims[i], cand.claims[j]
            types.append((a.type, b.type))
            same_types += a.type == b.type
            certainties.append((str(a.certainty), str(b.certainty)))
            same_certainty += a.certainty == b.certainty
            speakers += same_speaker(a, ref, b, cand, mentions=cache)
    return ClaimAgreement(documents, exact, relaxed, _field(types, same_types, True),
                          FieldAgreement(len(types), speakers), _field(certainties, same_certainty, True))
