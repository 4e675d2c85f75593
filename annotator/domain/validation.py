"""Checks of an annotation set against its document's text and the scheme.

Each function returns messages (empty when all is well) so that importers can
attach file and line, and services can refuse an action with the same words.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from annotator.domain.model import (
    AUTHOR,
    CLAIM_NODE,
    GOLD,
    RESERVED_OWNERS,
    SAYS,
    AnnotationSet,
    Claim,
    SetStatus,
    Span,
)
from annotator.domain.limits import NAME_LENGTH, name_problem, text_problem
from annotator.domain.scheme import Scheme
from annotator.i18n import _


# The names of the items a problem is about; a message starts with one: "span T1: ...".
def span_name(span_id: Any) -> str:
    # Translators: the subject of a problem, "{what}" in "{what}: unknown label {label!r}".
    return _("span {span}").format(span=span_id)


def claim_name(claim_id: Any) -> str:
    return _("claim {claim}").format(claim=claim_id)


def cue_name(claim_id: Any) -> str:
    return _("claim {claim} cue").format(claim=claim_id)


def relation_name(relation_id: Any) -> str:
    return _("relation {relation}").format(relation=relation_id)


def check_owner_name(owner: str, *, allow_gold: bool = True) -> list[str]:
    problem = name_problem(owner, _("annotator name"), NAME_LENGTH)
    if problem:
        return [problem]
    if owner in RESERVED_OWNERS and not (allow_gold and owner == "gold"):
        return [_("{owner!r} is a reserved name and cannot own a set").format(owner=owner)]
    return []


def check_offsets(start: Any, end: Any, text_length: int, what: str) -> list[str]:
    """``what`` names the item, already translated (as :func:`span_name` and the like make it)."""
    if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool) or isinstance(end, bool):
        # Translators: {what} names the item, translated on its own: "span T1", "claim C2 cue", "document".
        return [_("{what}: start and end must be integers").format(what=what)]
    if start < 0 or end < 0:
        return [_("{what}: negative offset ({start}, {end})").format(what=what, start=start, end=end)]
    if start >= end:
        return [_("{what}: start {start} is not before end {end}").format(what=what, start=start, end=end)]
    if end > text_length:
        return [_("{what}: end {end} is beyond the text's {length} characters").format(
            what=what, end=end, length=text_length)]
    return []


def check_attributes(attributes: dict[str, Any], label: str, scheme: Scheme, what: str,
                     *, relation: bool = False) -> list[str]:
    """A span's or claim's attributes (``label`` its label or type), or with ``relation`` a
    relation's (``label`` its type): each one the scheme defines for it, with a value it accepts."""
    problems = []
    for name, value in attributes.items():
        attr = scheme.attribute(name)
        if attr is None:
            problems.append(_("{what}: unknown attribute {name!r}").format(what=what, name=name))
        elif relation and not attr.applies_to_relation(label):
            problems.append(_("{what}: attribute {name!r} does not apply to relation type {label}").format(
                what=what, name=name, label=label))
        elif not relation and not attr.applies_to_label(label):
            problems.append(_("{what}: attribute {name!r} does not apply to label {label}").format(
                what=what, name=name, label=label))
        elif not attr.accepts(value):
            problems.append(_("{what}: attribute {name!r} cannot be {value!r}").format(
                what=what, name=name, value=value))
        elif isinstance(value, str) and (found := text_problem(value)) is not None:
            problems.append(_("{what}: attribute {name!r}: {problem}").format(what=what, name=name, problem=found[1]))
    return problems


def check_fragments(item: Span | Claim, text_length: int, what: str) -> list[str]:
    """A discontinuous span's pieces: each inside the text, in text order with a gap between each
    two, the first starting at ``start`` and the last ending at ``end`` (the outer bounds)."""
    fragments = item.fragments
    if not fragments:
        return []
    if len(fragments) < 2:
        return [_("{what}: one fragment is not a discontinuous span (leave 'fragments' out)").format(what=what)]
    for number, fragment in enumerate(fragments, start=1):
        # Translators: {what} is "span T1"; the subject of a problem with one of its pieces.
        piece = _("{what} fragment {number}").format(what=what, number=number)
        if not isinstance(fragment, (tuple, list)) or len(fragment) != 2:
            return [_("{what}: must be a start and an end").format(what=piece)]
        if problems := check_offsets(fragment[0], fragment[1], text_length, piece):
            return problems
    for (_a, end), (start, _b) in zip(fragments, fragments[1:]):
        if start <= end:
            return [_("{what}: fragments must be in text order with a gap between them").format(what=what)]
    if (fragments[0][0], fragments[-1][1]) != (item.start, item.end):
        return [_("{what}: start and end ({start}, {end}) are not the fragments' outer bounds ({first}, {last})")
                .format(what=what, start=item.start, end=item.end, first=fragments[0][0], last=fragments[-1][1])]
    return []


def check_span(span: Span, text_length: int, scheme: Scheme) -> list[str]:
    what = span_name(span.id)
    problems = check_offsets(span.start, span.end, text_length, what) or check_fragments(span, text_length, what)
    if not scheme.has_entity(span.label):
        problems.append(_("{what}: unknown label {label!r}").format(what=what, label=span.label))
    else:
        problems += check_attributes(span.attributes, span.label, scheme, what)
    return problems


def check_claim(claim: Claim, text_length: int, scheme: Scheme, spans_by_id: dict[Any, Span]) -> list[str]:
    what = claim_name(claim.id)
    problems = check_offsets(claim.start, claim.end, text_length, what) or check_fragments(claim, text_length, what)
    if not scheme.has_claim_type(claim.type):
        problems.append(_("{what}: unknown claim type {type!r}").format(what=what, type=claim.type))
    if claim.speaker is not None and claim.speaker != AUTHOR:
        speaker = spans_by_id.get(claim.speaker)
        if speaker is None:
            problems.append(_("{what}: speaker {speaker!r} is not a mention of this set").format(
                what=what, speaker=claim.speaker))
        elif speaker.label not in scheme.speaker_labels:
            problems.append(_("{what}: speaker {speaker!r} is a {label}, not one of {labels}").format(
                what=what, speaker=claim.speaker, label=speaker.label, labels=", ".join(scheme.speaker_labels)))
    if claim.cue is not None:
        problems += check_offsets(claim.cue.start, claim.cue.end, text_length, cue_name(claim.id))
    problems += check_attributes(claim.attributes, claim.type, scheme, what)
    return problems


def check_set(aset: AnnotationSet, text_length: int, scheme: Scheme) -> list[str]:
    """Every problem of a set read from a file, in a stable order."""
    problems = check_owner_name(aset.owner)
    if (status := status_problem(aset.status, aset.owner)) is not None:
        problems.append(status)
    ids = Counter(str(x.id) for x in (*aset.spans, *aset.claims, *aset.relations))
    for dup in sorted(i for i, n in ids.items() if n > 1):
        problems.append(_("id {id!r} is used more than once").format(id=dup))
    spans_by_id = {s.id: s for s in aset.spans}
    for span in aset.spans:
        problems += check_span(span, text_length, scheme)
    for claim in aset.claims:
        problems += check_claim(claim, text_length, scheme, spans_by_id)
    claims_by_id = {c.id: c for c in aset.claims}
    for rel in aset.relations:
        problems += check_relation_ends(rel.id, rel.label, rel.head, rel.tail, spans_by_id, claims_by_id, scheme)
        problems += check_says_agrees(rel.id, rel.label, rel.head, rel.tail, claims_by_id)
        if rel.attributes and scheme.relation(rel.label) is not None:
            problems += check_attributes(rel.attributes, rel.label, scheme, relation_name(rel.id), relation=True)
    problems += _repeats(aset)
    return problems


def status_problem(status: SetStatus, owner: str) -> str | None:
    """Only the gold set can be curated."""
    if status == SetStatus.CURATED and owner != GOLD:
        return _("only the gold set can be curated")
    return None


def _repeats(aset: AnnotationSet) -> list[str]:
    """Items that repeat an earlier one exactly: a set holds a span (or claim) at a place with a label
    once, and a relation between two ends with a label once (the store refuses a second span)."""
    problems: list[str] = []
    keyed = [(span_name(s.id), ("span", s.start, s.end, s.label)) for s in aset.spans]
    keyed += [(claim_name(c.id), ("claim", c.start, c.end, c.type)) for c in aset.claims]
    first: dict[tuple, str] = {}
    for what, key in keyed:
        if key in first:
            problems.append(_("{what} repeats {other}: the same {label} at {start}-{end}").format(
                what=what, other=first[key], label=key[3], start=key[1], end=key[2]))
        else:
            first[key] = what
    for rel in aset.relations:
        key = ("relation", rel.label, rel.head, rel.tail)
        if key in first:
            problems.append(_("{what} repeats {other}: the same {label} from {head} to {tail}").format(
                what=relation_name(rel.id), other=first[key], label=rel.label, head=rel.head, tail=rel.tail))
        else:
            first[key] = relation_name(rel.id)
    return problems


def check_says_agrees(rel_id: Any, label: str, head: Any, tail: Any, claims_by_id: dict[Any, Claim]) -> list[str]:
    """A SAYS relation names the claim's speaker; where both are given they must agree."""
    claim = claims_by_id.get(tail)
    if label != SAYS or claim is None or claim.speaker is None or claim.speaker == head:
        return []
    return [_("relation {relation}: SAYS names {head!r} but claim {claim}'s speaker is {speaker!r}").format(
        relation=rel_id, head=head, claim=claim.id, speaker=claim.speaker)]


def node_label(node_id: Any, spans_by_id: dict[Any, Span], claims_by_id: dict[Any, Claim]) -> str | None:
    """The label a relation end has for the scheme: its entity label, or CLAIM."""
    if node_id in spans_by_id:
        return spans_by_id[node_id].label
    if node_id in claims_by_id:
        return CLAIM_NODE
    return None


def check_relation_ends(rel_id: Any, label: str, head: Any, tail: Any,
                        spans_by_id: dict[Any, Span], claims_by_id: dict[Any, Claim],
                        scheme: Scheme) -> list[str]:
    what = relation_name(rel_id)
    rtype = scheme.relation(label)
    if rtype is None:
        return [_("{what}: unknown relation type {label!r}").format(what=what, label=label)]
    problems = []
    head_label = node_label(head, spans_by_id, claims_by_id)
    tail_label = node_label(tail, spans_by_id, claims_by_id)
    if head_label is None:
        problems.append(_("{what}: head {head!r} does not exist").format(what=what, head=head))
    if tail_label is None:
        problems.append(_("{what}: tail {tail!r} does not exist").format(what=what, tail=tail))
    if head_label and tail_label and not rtype.allows(head_label, tail_label):
        problems.append(_("{what}: {label} does not allow {head} -> {tail}").format(
            what=what, label=label, head=head_label, tail=tail_label))
    return problems
