"""Claims in the formats that have none: a claim is written as a span labelled with its type, its
fields as the span's attributes, and read back the same way.

- the span's label is the claim type (``STAT``); its fragments are the claim's;
- ``claim_certainty``: ``HEDGED`` (absent: ASSERTED); ``claim_checkworthy``: true;
- ``claim_quantity_value`` (the number as text, exactly), ``claim_quantity_unit``,
  ``claim_quantity_period``;
- ``claim_speaker``: ``AUTHOR`` for the outlet's own voice; a mention who speaks is the SAYS
  relation from it to the claim, as in our JSONL;
- the cue: a span labelled ``CUE`` with a ``CUE`` relation from the claim to it;
- the claim's own attributes (the scheme's) beside these.

The formats that carry spans with attributes (brat, Label Studio, WebAnno TSV) write this; any
reader whose spans go through ``SetDraft`` reads it back, since a span whose label is a claim type of
the scheme (and not an entity label) is a claim.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from annotator.domain.model import AUTHOR, AnnotationSet, Certainty, Claim, Cue, Quantity, Relation, Span
from annotator.domain.scheme import Scheme
from annotator.i18n import _

CERTAINTY = "claim_certainty"
CHECKWORTHY = "claim_checkworthy"
QUANTITY_VALUE = "claim_quantity_value"
QUANTITY_UNIT = "claim_quantity_unit"
QUANTITY_PERIOD = "claim_quantity_period"
SPEAKER = "claim_speaker"
FIELDS = (CERTAINTY, CHECKWORTHY, QUANTITY_VALUE, QUANTITY_UNIT, QUANTITY_PERIOD, SPEAKER)
CUE = "CUE"  # the cue span's label, and the relation's from the claim to it


def is_claim_label(label: str, scheme: Scheme) -> bool:
    return scheme.has_claim_type(label) and not scheme.has_entity(label)


def claim_attributes(claim: Claim) -> dict[str, Any]:
    """The claim's fields (those that differ from the defaults) and its own attributes, as attributes."""
    out: dict[str, Any] = dict(claim.attributes)
    if claim.certainty is Certainty.HEDGED:
        out[CERTAINTY] = Certainty.HEDGED.value
    if claim.checkworthy:
        out[CHECKWORTHY] = True
    if claim.quantity is not None:
        if claim.quantity.value is not None:
            out[QUANTITY_VALUE] = repr(claim.quantity.value)
        if claim.quantity.unit is not None:
            out[QUANTITY_UNIT] = claim.quantity.unit
        if claim.quantity.period is not None:
            out[QUANTITY_PERIOD] = claim.quantity.period
    if claim.speaker == AUTHOR:
        out[SPEAKER] = AUTHOR
    return out


def as_spans(aset: AnnotationSet) -> AnnotationSet:
    """The set with each claim as a span (see the module's docstring) and each cue as a ``CUE`` span
    with its relation; ids stay unique (a cue's id is ``("cue", claim id)``)."""
    if not aset.claims:
        return aset
    spans = list(aset.spans)
    relations = list(aset.relations)
    for claim in aset.claims:
        spans.append(Span(claim.id, claim.start, claim.end, claim.type, claim_attributes(claim), None,
                          claim.fragments))
        if claim.cue is not None:
            cue_id = ("cue", claim.id)
            spans.append(Span(cue_id, claim.cue.start, claim.cue.end, CUE))
            relations.append(Relation(cue_id, CUE, claim.id, cue_id))
    return dataclasses.replace(aset, spans=tuple(spans), claims=(), relations=tuple(relations))


def claim_from_attributes(claim_id: Any, start: int, end: int, claim_type: str, attributes: dict[str, Any],
                          fragments: tuple = ()) -> Claim | str:
    """A claim from a span's label and attributes, or why not (a field that cannot be read)."""
    rest = {k: v for k, v in attributes.items() if k not in FIELDS}
    certainty = attributes.get(CERTAINTY, Certainty.ASSERTED.value)
    if certainty not in Certainty.__members__:
        return _("{name} must be ASSERTED or HEDGED, not {value!r}").format(name=CERTAINTY, value=certainty)
    checkworthy = attributes.get(CHECKWORTHY, False)
    if isinstance(checkworthy, str):
        checkworthy = checkworthy.lower() in ("true", "yes", "1")
    quantity = None
    if any(name in attributes for name in (QUANTITY_VALUE, QUANTITY_UNIT, QUANTITY_PERIOD)):
        value = attributes.get(QUANTITY_VALUE)
        try:
            number = None if value is None else float(value)
        except (TypeError, ValueError):
            return _("{name} must be a number, not {value!r}").format(name=QUANTITY_VALUE, value=value)
        unit, period = attributes.get(QUANTITY_UNIT), attributes.get(QUANTITY_PERIOD)
        quantity = Quantity(number, None if unit is None else str(unit), None if period is None else str(period))
    speaker = attributes.get(SPEAKER)
    if speaker not in (None, AUTHOR):
        return _("{name} may only be {author} (a mention speaks through a SAYS relation)").format(
            name=SPEAKER, author=AUTHOR)
    return Claim(claim_id, start, end, claim_type, speaker, None, Certainty(certainty), bool(checkworthy),
                 quantity, rest, tuple(fragments))


def with_cue(claim: Claim, start: int, end: int) -> Claim:
    return dataclasses.replace(claim, cue=Cue(start, end))
