"""Agreement on entity linking between two annotators.

Linking is a clustering of mentions: the mentions linked to one entity form a
cluster, and an unlinked mention is a cluster of its own. Two annotators'
clusterings are compared over the mentions both marked (the same start and end
in the same document; their labels may differ), across the whole corpus, since
an entity is corpus-wide. Entities are each owner's own, so what is compared
is the grouping, never the entity ids.

- **Pairs linked the same way** (the Rand index): of all pairs of common
  mentions, the share that both annotators put together or both keep apart.
  Counted from the contingency table of the two clusterings, not pair by pair,
  so that 100,000 mentions cost no more than reading them. Pairwise precision,
  recall and F1 over the pairs put together (the reference's pairs are the
  truth) show whether disagreement is over-linking or under-linking.
- **B-cubed** (Bagga and Baldwin, 1998): for each mention, precision is the
  share of the candidate's cluster that is also in the reference's cluster,
  recall the share of the reference's cluster that is also in the candidate's;
  both averaged over the mentions, F1 their harmonic mean.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

Mention = tuple[Hashable, int, int]  # (document, start, end)


@dataclass(frozen=True, slots=True)
class LinkingAgreement:
    mentions: int  # mentions both marked
    pairs: int  # pairs of them
    same_way: int  # pairs both link together or both keep apart
    together_both: int  # pairs both link together
    together_reference: int  # pairs the reference links together
    together_candidate: int
    b_cubed_precision: float | None
    b_cubed_recall: float | None

    @property
    def share(self) -> float | None:
        """The share of mention pairs linked the same way (the Rand index)."""
        return self.same_way / self.pairs if self.pairs else None

    @property
    def pair_precision(self) -> float | None:
        return self.together_both / self.together_candidate if self.together_candidate else None

    @property
    def pair_recall(self) -> float | None:
        return self.together_both / self.together_reference if self.together_reference else None

    @property
    def b_cubed_f1(self) -> float | None:
        p, r = self.b_cubed_precision, self.b_cubed_recall
        if p is None or r is None or p + r == 0:
            return None
        return 2 * p * r / (p + r)

    def to_dict(self) -> dict[str, Any]:
        return {"mentions": self.mentions, "pairs": self.pairs, "same_way": self.same_way, "share": self.share,
                "pair_precision": self.pair_precision, "pair_recall": self.pair_recall,
                "b_cubed_precision": self.b_cubed_precision, "b_cubed_recall": self.b_cubed_recall,
                "b_cubed_f1": self.b_cubed_f1}


def _clusters(links: Mapping[Mention, Hashable | None], common: Iterable[Mention]) -> dict[Mention, Hashable]:
    """Each common mention's cluster: its entity, or itself when unlinked."""
    return {m: (("entity", links[m]) if links[m] is not None else ("alone", m)) for m in common}


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def linking_agreement(reference: Mapping[Mention, Hashable | None],
                      candidate: Mapping[Mention, Hashable | None]) -> LinkingAgreement:
    """Agreement of ``candidate``'s links with ``reference``'s: each maps a mention
    (document, start, end) to its entity (any hashable: only equality counts) or None."""
    common = sorted(set(reference) & set(candidate), key=repr)
    ref, cand = _clusters(reference, common), _clusters(candidate, common)
    cells = Counter((ref[m], cand[m]) for m in common)
    ref_sizes = Counter(ref.values())
    cand_sizes = Counter(cand.values())
    n = len(common)
    both = sum(_pairs(c) for c in cells.values())
    in_ref = sum(_pairs(c) for c in ref_sizes.values())
    in_cand = sum(_pairs(c) for c in cand_sizes.values())
    total = _pairs(n)
    apart_both = total - in_ref - in_cand + both
    if n:
        precision = sum(cells[(ref[m], cand[m])] / cand_sizes[cand[m]] for m in common) / n
        recall = sum(cells[(ref[m], cand[m])] / ref_sizes[ref[m]] for m in common) / n
    else:
        precision = recall = None
    return LinkingAgreement(n, total, both + apart_both, both, in_ref, in_cand, precision, recall)
