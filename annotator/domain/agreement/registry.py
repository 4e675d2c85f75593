"""The agreement measures, one class each, registered by id (as INCEpTION's measure registry).

Each measure has an ``id``, a ``title`` and a ``compute(data)`` over an
:class:`~annotator.domain.agreement.corpus.AgreementInput`; the report runs
them. Adding a measure is adding a class and registering it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from annotator.domain.agreement.claims import ClaimAgreement, claim_agreement
from annotator.domain.agreement.coefficients import (
    Coefficient, cohen_kappa_codes, fleiss_kappa_codes, krippendorff_alpha_codes,
)
from annotator.domain.agreement.corpus import AgreementInput
from annotator.domain.agreement.linking import LinkingAgreement, linking_agreement
from annotator.domain.agreement.spans import Counts
from annotator.domain.model import AnnotationSet


@dataclass(frozen=True, slots=True)
class PairCounts:
    """One pair's span counts (exact or relaxed): the total and per label."""

    reference: str
    candidate: str
    documents: int
    total: Counts
    per_label: tuple[tuple[str, Counts], ...]


@dataclass(frozen=True, slots=True)
class PairCoefficient:
    first: str
    second: str
    coefficient: Coefficient

    def to_dict(self) -> dict[str, Any]:
        return {"first": self.first, "second": self.second, **self.coefficient.to_dict()}


@dataclass(frozen=True, slots=True)
class PairClaims:
    reference: str
    candidate: str
    agreement: ClaimAgreement

    def to_dict(self) -> dict[str, Any]:
        return {"reference": self.reference, "candidate": self.candidate, **self.agreement.to_dict()}


class Measure:
    """A measure: ``id`` (stable, for the command line and JSON), ``title`` (for people)."""

    id: ClassVar[str]
    title: ClassVar[str]
    description: ClassVar[str] = ""

    def compute(self, data: AgreementInput) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError


# --------------------------------------------------------------------------- spans
class _SpanMeasure(Measure):
    relaxed: ClassVar[bool]
    against_gold: ClassVar[bool] = False

    def pairs(self, data: AgreementInput) -> list[tuple[str, str]]:
        if self.against_gold:
            return [(data.gold, a) for a in data.annotators] if data.has_gold else []
        return data.pairs

    def compute(self, data: AgreementInput) -> tuple[PairCounts, ...]:
        rows = []
        for reference, candidate in self.pairs(data):
            documents, comparison = data.compare(reference, candidate)
            table = comparison.relaxed if self.relaxed else comparison.exact
            rows.append(PairCounts(reference, candidate, documents, sum(table.values(), Counts()),
                                   tuple(table.items())))
        return tuple(rows)


class ExactSpanAgreement(_SpanMeasure):
    id = "span-exact"
    title = "Span agreement, exact match (P/R/F1)"
    description = "Same start, end and label; micro over the corpus and per label; each pair of annotators."
    relaxed = False


class RelaxedSpanAgreement(_SpanMeasure):
    id = "span-relaxed"
    title = "Span agreement, relaxed match (P/R/F1)"
    description = "Overlapping spans of the same label, one to one by largest overlap; each pair."
    relaxed = True


class ExactSpanAgainstGold(_SpanMeasure):
    id = "gold-span-exact"
    title = "Span P/R/F1 against gold, exact match"
    description = "Each annotator with the gold set as reference (documents with both)."
    relaxed = False
    against_gold = True


class RelaxedSpanAgainstGold(_SpanMeasure):
    id = "gold-span-relaxed"
    title = "Span P/R/F1 against gold, relaxed match"
    description = "Each annotator with the gold set as reference, overlapping spans of the same label."
    relaxed = True
    against_gold = True


# --------------------------------------------------------------------------- tokens
class TokenCohenKappa(Measure):
    id = "token-cohen-kappa"
    title = "Cohen's kappa on token labels, each pair"
    description = "Each razdel token labelled by its outermost span (or O); units both annotators labelled."

    def compute(self, data: AgreementInput) -> tuple[PairCoefficient, ...]:
        matrix = data.token_matrix
        n_values = len(matrix.labels)
        return tuple(PairCoefficient(a, b, cohen_kappa_codes(matrix.column(a), matrix.column(b), n_values))
                     for a, b in data.pairs)


class TokenFleissKappa(Measure):
    id = "token-fleiss-kappa"
    title = "Fleiss' kappa on token labels, all annotators"
    description = "Only the tokens labelled by every annotator (documents where all have a set) count."

    def compute(self, data: AgreementInput) -> Coefficient:
        matrix = data.token_matrix
        return fleiss_kappa_codes(matrix.codes, len(matrix.labels))


class TokenKrippendorffAlpha(Measure):
    id = "token-krippendorff-alpha"
    title = "Krippendorff's alpha (nominal) on token labels, all annotators"
    description = "Missing values allowed: a document without an annotator's set is missing for its tokens."

    def compute(self, data: AgreementInput) -> Coefficient:
        matrix = data.token_matrix
        return krippendorff_alpha_codes(matrix.codes, len(matrix.labels))


def pairwise_krippendorff(data: AgreementInput) -> tuple[PairCoefficient, ...]:
    """Krippendorff's alpha (nominal) of each pair of annotators on their token labels.

    The pair's two columns of the token matrix: a token counts when both
    labelled it (the only pairable units of two coders), as Cohen's kappa per pair.
    """
    matrix = data.token_matrix
    n_values = len(matrix.labels)
    return tuple(PairCoefficient(a, b, krippendorff_alpha_codes(matrix.subset((a, b)).codes, n_values))
                 for a, b in data.pairs)


# --------------------------------------------------------------------------- claims
class ClaimAgreementMeasure(Measure):
    id = "claim-agreement"
    title = "Claim agreement: extents, then type, speaker and certainty of matched claims"
    description = "Claims matched by overlap whatever their type; each pair of annotators."

    def compute(self, data: AgreementInput) -> tuple[PairClaims, ...]:
        return tuple(PairClaims(a, b, claim_agreement(data.both(a, b))) for a, b in data.pairs)


class ClaimAgreementAgainstGold(Measure):
    id = "gold-claim-agreement"
    title = "Claim agreement against gold"
    description = "Each annotator's claims with the gold set as reference."

    def compute(self, data: AgreementInput) -> tuple[PairClaims, ...]:
        if not data.has_gold:
            return ()
        return tuple(PairClaims(data.gold, a, claim_agreement(data.both(data.gold, a))) for a in data.annotators)


# --------------------------------------------------------------------------- entity linking
@dataclass(frozen=True, slots=True)
class PairLinking:
    reference: str
    candidate: str
    agreement: LinkingAgreement

    def to_dict(self) -> dict[str, Any]:
        return {"reference": self.reference, "candidate": self.candidate, **self.agreement.to_dict()}


def _links(sets: Iterable[AnnotationSet]) -> dict[tuple[str, int, int], Any]:
    """Each mention (document, start, end) of the sets with its entity (a mention marked twice
    with two labels counts once: linked if either is)."""
    links: dict[tuple[str, int, int], Any] = {}
    for aset in sets:
        for span in aset.spans:
            key = (aset.document_id, span.start, span.end)
            if links.get(key) is None:
                links[key] = span.entity
    return links


class EntityLinkingAgreement(Measure):
    id = "entity-linking"
    title = "Entity linking: mention pairs linked the same way, and B-cubed"
    description = "Over the mentions both annotators marked, across the corpus; each pair of annotators."

    def compute(self, data: AgreementInput) -> tuple[PairLinking, ...]:
        rows = []
        for a, b in data.pairs:
            both = data.both(a, b)
            rows.append(PairLinking(a, b, linking_agreement(_links(x for x, _ in both), _links(y for _, y in both))))
        return tuple(rows)


# --------------------------------------------------------------------------- the registry
class MeasureRegistry:
    def __init__(self) -> None:
        self._measures: dict[str, Measure] = {}

    def register(self, measure: Measure) -> Measure:
        if measure.id in self._measures:
            raise ValueError(f"measure id {measure.id!r} is taken")
        self._measures[measure.id] = measure
        return measure

    def get(self, measure_id: str) -> Measure:
        try:
            return self._measures[measure_id]
        except KeyError:
            raise KeyError(f"no agreement measure {measure_id!r}; known: {', '.join(self._measures)}") from None

    def __iter__(self) -> Iterator[Measure]:
        return iter(self._measures.values())

    def __contains__(self, measure_id: object) -> bool:
        return measure_id in self._measures

    def ids(self) -> tuple[str, ...]:
        return tuple(self._measures)


REGISTRY = MeasureRegistry()
for _cls in (ExactSpanAgreement, RelaxedSpanAgreement, ExactSpanAgainstGold, RelaxedSpanAgainstGold,
             TokenCohenKappa, TokenFleissKappa, TokenKrippendorffAlpha, ClaimAgreementMeasure,
             ClaimAgreementAgainstGold, EntityLinkingAgreement):
    REGISTRY.register(_cls())


def measures() -> list[Measure]:
    """Every registered measure, in registration order."""
    return list(REGISTRY)


def get_measure(measure_id: str) -> Measure:
    return REGISTRY.get(measure_id)
