"""What several annotators' sets of one document all agree on (the curator's starting point).

Two annotations agree when they are the same in every field that matters:
a span by start, end, label and fragments; a claim by start, end, type, certainty and
speaker (the same mention, or both AUTHOR, or both none); a relation by label
and the agreed annotations at both ends.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from annotator.domain.model import AUTHOR, AnnotationSet, Claim, Span


def span_key(span: Span) -> Hashable:
    return ("span", span.start, span.end, span.label, span.fragments)


def _speaker_key(claim: Claim, spans: dict) -> Hashable:
    if claim.speaker in (None, AUTHOR):
        return claim.speaker
    mention = spans.get(claim.speaker)
    return span_key(mention) if mention else ("missing", claim.speaker)


def claim_key(claim: Claim, spans: dict) -> Hashable:
    return ("claim", claim.start, claim.end, claim.type, claim.fragments, claim.certainty.value,
            _speaker_key(claim, spans))


def keys_by_id(aset: AnnotationSet) -> dict:
    """Each span's and claim's agreement key, by its id in the set."""
    spans = {s.id: s for s in aset.spans}
    keys = {s.id: span_key(s) for s in aset.spans}
    keys.update({c.id: claim_key(c, spans) for c in aset.claims})
    return keys


def relation_key(relation, keys: dict) -> Hashable:
    # A relation's attributes are not part of its key, as a span's are not part of span_key:
    # two annotators who drew the same link agree on it (and curation does not copy it twice)
    # whatever attributes each gave it; gold takes the attributes of the version it copies.
    return ("relation", relation.label, keys.get(relation.head), keys.get(relation.tail))


def agreed(sets: Sequence[AnnotationSet]) -> AnnotationSet:
    """The annotations every set holds, taken from the first set (with its ids)."""
    if not sets:
        raise ValueError("no sets to compare")
    first = sets[0]
    key_maps = [keys_by_id(s) for s in sets]
    common = set(key_maps[0].values())
    for keys in key_maps[1:]:
        common &= set(keys.values())
    relation_sets = [{relation_key(r, keys) for r in s.relations} for s, keys in zip(sets, key_maps)]
    common_relations = set.intersection(*relation_sets)
    first_keys = key_maps[0]
    return AnnotationSet(
        first.document_id, first.owner, first.status,
        tuple(s for s in first.spans if first_keys[s.id] in common),
        tuple(c for c in first.claims if first_keys[c.id] in common),
        tuple(r for r in first.relations if relation_key(r, first_keys) in common_relations),
    )
