"""A claim's speaker and its SAYS relation say the same thing; the store keeps them in step."""

from __future__ import annotations

from dataclasses import replace

from annotator.domain.model import AUTHOR, SAYS, AnnotationSet, Relation


def speakers_in_step(aset: AnnotationSet) -> AnnotationSet:
    """The set with each claim's speaker and SAYS relation completed from each other.

    A claim with no speaker takes the head of its SAYS relation; a claim said by
    a mention with no SAYS relation gets one. (Where both are given they must
    already agree: ``validation.check_says_agrees``.) Files from other tools
    often carry only one of the two.
    """
    says_head = {rel.tail: rel.head for rel in aset.relations if rel.label == SAYS}
    claims = tuple(
        replace(claim, speaker=says_head[claim.id]) if claim.speaker is None and claim.id in says_head else claim
        for claim in aset.claims
    )
    taken = {str(rel.id) for rel in aset.relations}
    added = []
    for claim in claims:
        if claim.speaker not in (None, AUTHOR) and claim.id not in says_head:
            rel_id = f"SAYS:{claim.id}"
            while rel_id in taken:
                rel_id += "'"
            taken.add(rel_id)
            added.append(Relation(rel_id, SAYS, claim.speaker, claim.id))  # type: ignore[arg-type]
    if not added and claims == aset.claims:
        return aset
    return replace(aset, claims=claims, relations=aset.relations + tuple(added))
