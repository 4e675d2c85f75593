"""The whole agreement report in one call: :func:`report`.

It runs the registered measures (all, or those asked for) over one prepared
input and lays their results out as tables: pairs of annotators, labels,
coefficients over all annotators, each annotator against gold, claims.
``AgreementReport.to_dict()`` is its JSON form (undefined values are null,
with a note saying why).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from annotator.domain.agreement.coefficients import Coefficient
from annotator.domain.agreement.corpus import DocumentSets, prepare
from annotator.domain.agreement.registry import (
    REGISTRY, MeasureRegistry, PairClaims, PairLinking, PairCoefficient, PairCounts, pairwise_krippendorff,
)
from annotator.domain.agreement.spans import Counts
from annotator.domain.model import GOLD


@dataclass(frozen=True, slots=True)
class PairSpans:
    """A candidate's spans against a reference's: exact and relaxed, micro over the documents of both."""

    reference: str
    candidate: str
    documents: int
    exact: Counts | None
    relaxed: Counts | None

    def to_dict(self) -> dict[str, Any]:
        return {"reference": self.reference, "candidate": self.candidate, "documents": self.documents,
                "exact": _dict(self.exact), "relaxed": _dict(self.relaxed)}


@dataclass(frozen=True, slots=True)
class LabelSpans:
    """One label's counts; ``reference`` and ``candidate`` None: summed over all pairs."""

    label: str
    reference: str | None
    candidate: str | None
    exact: Counts | None
    relaxed: Counts | None

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "reference": self.reference, "candidate": self.candidate,
                "exact": _dict(self.exact), "relaxed": _dict(self.relaxed)}


@dataclass(frozen=True, slots=True)
class TokenAgreement:
    """Coefficients on the token label matrix (tokens x annotators)."""

    units: int  # tokens in the documents compared
    labels: tuple[str, ...]  # the categories, O included
    missing: int  # cells (token, annotator) without a value
    cohen: tuple[PairCoefficient, ...]
    fleiss: Coefficient | None
    krippendorff: Coefficient | None
    # Krippendorff's alpha of each pair (the tokens both labelled); computed with ``krippendorff``.
    # Not in ``to_dict`` (the command line's JSON stays as it was).
    pairwise_alpha: tuple[PairCoefficient, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"units": self.units, "labels": list(self.labels), "missing": self.missing,
                "cohen": [p.to_dict() for p in self.cohen],
                "fleiss": _dict(self.fleiss), "krippendorff": _dict(self.krippendorff)}


@dataclass(frozen=True, slots=True)
class AgreementReport:
    """Every table of the agreement report.

    - ``pairwise``: each pair of annotators (the first as reference), span P/R/F1;
    - ``per_label``: each pair and label; ``label_totals``: each label over all pairs;
    - ``tokens``: Cohen's kappa and Krippendorff's alpha per pair, Fleiss' kappa and
      Krippendorff's alpha over all annotators;
    - ``vs_gold`` / ``vs_gold_per_label``: each annotator with gold as reference
      (empty when no document has a gold set);
    - ``claims`` / ``claims_vs_gold``: claim agreement per pair / against gold.
    """

    annotators: tuple[str, ...]
    labels: tuple[str, ...] | None  # the label filter; None: all labels
    gold: str | None  # the gold owner, when some document has a gold set
    done_only: bool
    documents: int
    measures: tuple[str, ...]  # the ids of the measures computed
    pairwise: tuple[PairSpans, ...]
    per_label: tuple[LabelSpans, ...]
    label_totals: tuple[LabelSpans, ...]
    tokens: TokenAgreement | None
    vs_gold: tuple[PairSpans, ...]
    vs_gold_per_label: tuple[LabelSpans, ...]
    claims: tuple[PairClaims, ...]
    claims_vs_gold: tuple[PairClaims, ...]
    linking: tuple[PairLinking, ...] = ()  # entity linking per pair

    def to_dict(self) -> dict[str, Any]:
        return {
            "annotators": list(self.annotators),
            "labels": None if self.labels is None else list(self.labels),
            "gold": self.gold, "done_only": self.done_only, "documents": self.documents,
            "measures": list(self.measures),
            "pairwise": [r.to_dict() for r in self.pairwise],
            "per_label": [r.to_dict() for r in self.per_label],
            "label_totals": [r.to_dict() for r in self.label_totals],
            "tokens": _dict(self.tokens),
            "vs_gold": [r.to_dict() for r in self.vs_gold],
            "vs_gold_per_label": [r.to_dict() for r in self.vs_gold_per_label],
            "claims": [r.to_dict() for r in self.claims],
            "claims_vs_gold": [r.to_dict() for r in self.claims_vs_gold],
            "linking": [r.to_dict() for r in self.linking],
        }


def _dict(value: Any) -> Any:
    return None if value is None else value.to_dict()


def _merge_pairs(exact: Sequence[PairCounts] | None, relaxed: Sequence[PairCounts] | None
                 ) -> tuple[tuple[PairSpans, ...], tuple[LabelSpans, ...], tuple[LabelSpans, ...]]:
    """Pair rows, (pair, label) rows and label totals from the exact and relaxed results."""
    keyed: dict[tuple[str, str], dict[str, PairCounts]] = {}
    for kind, rows in (("exact", exact), ("relaxed", relaxed)):
        for row in rows or ():
            keyed.setdefault((row.reference, row.candidate), {})[kind] = row
    pairs, labels = [], []
    totals: dict[str, dict[str, Counts]] = {}
    for (reference, candidate), kinds in keyed.items():
        e, r = kinds.get("exact"), kinds.get("relaxed")
        documents = (e or r).documents  # type: ignore[union-attr]
        pairs.append(PairSpans(reference, candidate, documents, e.total if e else None, r.total if r else None))
        e_labels, r_labels = dict(e.per_label) if e else {}, dict(r.per_label) if r else {}
        for label in sorted(e_labels.keys() | r_labels.keys()):
            le, lr = e_labels.get(label), r_labels.get(label)
            labels.append(LabelSpans(label, reference, candidate, le, lr))
            sums = totals.setdefault(label, {})
            for kind, value in (("exact", le), ("relaxed", lr)):
                if value is not None:
                    sums[kind] = sums.get(kind, Counts()) + value
    label_totals = tuple(LabelSpans(label, None, None, totals[label].get("exact") if exact is not None else None,
                                    totals[label].get("relaxed") if relaxed is not None else None)
                         for label in sorted(totals))
    return tuple(pairs), tuple(labels), label_totals


def report(documents: Iterable[DocumentSets], *, annotators: Sequence[str] | None = None,
           labels: Iterable[str] | None = None, done_only: bool = False, gold: str = GOLD,
           measures: Iterable[str] | None = None, registry: MeasureRegistry = REGISTRY) -> AgreementReport:
    """The agreement report over ``documents``.

    - ``annotators``: whom to compare, in this order (the first of a pair is its
      reference); default: every owner but gold and ``model:`` suggestions, sorted;
    - ``labels``: only spans with these labels count (spans, tokens); None: all;
    - ``done_only``: only sets marked done (gold: curated) count; skipped sets never do;
    - ``measures``: the ids to compute (default: all registered); the others'
      tables are empty (or None).
    """
    data = prepare(documents, annotators=annotators, labels=labels, done_only=done_only, gold=gold)
    chosen = tuple(measures) if measures is not None else registry.ids()
    results = {measure_id: registry.get(measure_id).compute(data) for measure_id in chosen}
    pairwise, per_label, label_totals = _merge_pairs(results.get("span-exact"), results.get("span-relaxed"))
    vs_gold, vs_gold_per_label, _ = _merge_pairs(results.get("gold-span-exact"), results.get("gold-span-relaxed"))
    tokens = None
    if any(m in results for m in ("token-cohen-kappa", "token-fleiss-kappa", "token-krippendorff-alpha")):
        matrix = data.token_matrix
        tokens = TokenAgreement(matrix.units, matrix.labels, int((matrix.codes < 0).sum()),
                                results.get("token-cohen-kappa", ()), results.get("token-fleiss-kappa"),
                                results.get("token-krippendorff-alpha"),
                                pairwise_krippendorff(data) if "token-krippendorff-alpha" in results else ())
    return AgreementReport(
        annotators=data.annotators,
        labels=None if data.labels is None else tuple(sorted(data.labels)),
        gold=data.gold if data.has_gold else None,
        done_only=done_only, documents=len(data.documents), measures=chosen,
        pairwise=pairwise, per_label=per_label, label_totals=label_totals, tokens=tokens,
        vs_gold=vs_gold, vs_gold_per_label=vs_gold_per_label,
        claims=results.get("claim-agreement", ()), claims_vs_gold=results.get("gold-claim-agreement", ()),
        linking=results.get("entity-linking", ()))
