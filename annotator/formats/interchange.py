"""What the readers and writers of other tools' formats share.

A reader collects a document's spans and relations into a :class:`SetDraft`, which checks each
item where it was read (so a problem names its file and line), drops exact repeats, and counts
what it had to change (repeats read once); a writer counts what its format cannot carry in a
:class:`Losses` and states each kind once.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from annotator.domain.entities import Entity
from annotator.domain.limits import name_problem
from annotator.domain.model import AnnotationSet, Claim, Fragments, Relation, SetStatus, Span, normal_fragments
from annotator.domain.problems import Problem
from annotator.domain.scheme import Scheme
from annotator.domain.validation import (
    check_attributes,
    check_claim,
    check_offsets,
    check_owner_name,
    check_relation_ends,
    check_span,
    claim_name,
    cue_name,
    relation_name,
    span_name,
)
from annotator.formats import claim_spans
from annotator.formats.base import ExportItem, Notice
from annotator.i18n import _, ngettext


def same_text(covered: str, stated: str) -> bool:
    """Whether a span's stated text is the text it covers. Tools that keep the text on one line
    (brat's .ann, TSV cells) write a line break inside a span as a space, so whitespace runs
    compare equal; any other difference (a shifted span) does not."""
    return covered == stated or covered.split() == stated.split()


@dataclass
class SetDraft:
    """One owner's spans and relations of one document, as a reader finds them, checked one by one."""

    source: str
    text: str
    scheme: Scheme
    spans: list[Span] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    repeats: int = 0
    _span_keys: dict[tuple, Any] = field(default_factory=dict)
    _alias: dict[Any, Any] = field(default_factory=dict)  # a repeated span's id -> the first one's
    _by_id: dict[Any, Span] = field(default_factory=dict)
    _claims: dict[Any, Claim] = field(default_factory=dict)  # claims written as spans (claim_spans.py)
    _cues: dict[Any, tuple[int, int]] = field(default_factory=dict)  # CUE spans, until a CUE relation takes them
    _cues_taken: set = field(default_factory=set)
    entities: dict[str, Entity] = field(default_factory=dict)  # references the file describes

    def describe(self, reference: str, name: str | None, external: bool = True) -> None:
        """What the file says of an entity reference (brat's N line names it): kept with the set,
        so that the import finds or makes the entity by it."""
        if reference in self.entities or not name or name_problem(name, "name", 200) is not None:
            return
        self.entities[reference] = Entity(reference, "", name, None, (), reference if external else None)

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.source, line, message))

    def span(self, line: int, span_id: Any, start: int, end: int, label: str,
             attributes: dict[str, Any] | None = None, entity: str | None = None,
             fragments: Fragments = ()) -> None:
        """``fragments``: a discontinuous span's pieces as the file gives them (any order; pieces
        that touch are joined); ``start``/``end`` are then their outer bounds."""
        if fragments:
            fragments = normal_fragments(fragments)
        if label == claim_spans.CUE and not self.scheme.has_entity(label):
            self._cue(line, span_id, start, end)
            return
        if claim_spans.is_claim_label(label, self.scheme):
            self._claim(line, span_id, start, end, label, attributes or {}, fragments)
            return
        span = Span(span_id, start, end, label, attributes or {}, entity, fragments)
        messages = check_span(span, len(self.text), self.scheme)
        if entity is not None and (problem := name_problem(entity, _("entity link"), 200)) is not None:
            messages.append(f"{span_name(span_id)}: {problem}")
        for message in messages:
            self.problem(line, message)
        if messages:
            return
        key = (start, end, label, span.fragments)  # spans of one label and bounds may differ in fragments
        if key in self._span_keys:  # the same span twice (tools allow it; our sets do not)
            self._alias[span_id] = self._span_keys[key]
            self.repeats += 1
            return
        self._span_keys[key] = span_id
        self._by_id[span_id] = span
        self.spans.append(span)

    def _claim(self, line: int, claim_id: Any, start: int, end: int, claim_type: str,
               attributes: dict[str, Any], fragments: Fragments) -> None:
        claim = claim_spans.claim_from_attributes(claim_id, start, end, claim_type, attributes, fragments)
        if isinstance(claim, str):
            self.problem(line, f"{claim_name(claim_id)}: {claim}")
            return
        messages = check_claim(claim, len(self.text), self.scheme, {})
        for message in messages:
            self.problem(line, message)
        if messages:
            return
        key = ("claim", start, end, claim_type, claim.fragments)
        if key in self._span_keys:
            self._alias[claim_id] = self._span_keys[key]
            self.repeats += 1
            return
        self._span_keys[key] = claim_id
        self._claims[claim_id] = claim

    def _cue(self, line: int, span_id: Any, start: int, end: int) -> None:
        messages = check_offsets(start, end, len(self.text), cue_name(span_id))
        for message in messages:
            self.problem(line, message)
        if not messages:
            self._cues[span_id] = (start, end)

    def alias(self, other_id: Any, span_id: Any) -> None:
        """Let relations name a span by another id too (a brat event by its trigger)."""
        self._alias.setdefault(other_id, span_id)

    def resolve(self, span_id: Any) -> Any:
        """The id a span is kept under (a repeated span's, the first one's)."""
        return self._alias.get(span_id, span_id)

    def known(self, span_id: Any) -> bool:
        return span_id in self._by_id or span_id in self._alias or span_id in self._claims or span_id in self._cues

    def relation(self, line: int, rel_id: Any, label: str, head: Any, tail: Any,
                 attributes: dict[str, Any] | None = None) -> None:
        """``attributes``: the relation's (brat's ``A``/``M`` on an ``R``), checked against the scheme."""
        head, tail = self._alias.get(head, head), self._alias.get(tail, tail)
        if label == claim_spans.CUE and head in self._claims and tail in self._cues:
            self._claims[head] = claim_spans.with_cue(self._claims[head], *self._cues[tail])
            self._cues_taken.add(tail)
            return
        messages = check_relation_ends(rel_id, label, head, tail, self._by_id, self._claims, self.scheme)
        if attributes and not messages:
            messages = check_attributes(attributes, label, self.scheme, relation_name(rel_id), relation=True)
        for message in messages:
            self.problem(line, message)
        if messages:
            return
        if any(r.label == label and r.head == head and r.tail == tail for r in self.relations):
            self.repeats += 1
            return
        self.relations.append(Relation(rel_id, label, head, tail, attributes or {}))

    def finish(self, document_id: str, owner: str, status: SetStatus = SetStatus.NEW) -> AnnotationSet:
        entities = tuple(dataclasses.replace(e, owner=owner) for e in self.entities.values())
        return AnnotationSet(document_id, owner, status, tuple(self.spans), tuple(self._claims.values()),
                             tuple(self.relations), entities=entities)

    def notices(self, line: int) -> Iterator[Notice]:
        if stray := len(self._cues) - len(self._cues_taken):
            yield Notice(self.source, line, ngettext(
                "{count} CUE span not kept (no CUE relation from a claim to it)",
                "{count} CUE spans not kept (no CUE relation from a claim to them)", stray).format(count=stray))
        if self.repeats:
            yield Notice(self.source, line, ngettext(
                "{count} repeated annotation read once", "{count} repeated annotations read once",
                self.repeats).format(count=self.repeats))


def read_text_file(path: Path) -> str | Problem:
    """A file's text as UTF-8 (a BOM dropped), or why not: unreadable, or invalid UTF-8 at its line and byte."""
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Problem(source, 1, _("cannot read: {error}").format(error=exc.strerror or exc))
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        at = bom + exc.start
        line_start = data.rfind(b"\n", 0, at) + 1
        return Problem(source, data.count(b"\n", 0, at) + 1, _(
            "invalid UTF-8 at byte {offset} of the line: {reason}").format(offset=at - line_start, reason=exc.reason))


def owner_problem(source: str, line: int, owner: str | None) -> Problem | None:
    """A format that names no annotator needs ``--annotator`` before it can make sets."""
    if owner is None:
        return Problem(source, line, _("this format names no annotator: pass --annotator NAME"))
    messages = check_owner_name(owner)
    return Problem(source, line, messages[0]) if messages else None


def file_name(document_id: str) -> str:
    """A document id as a file name (ids may hold '/' or start with '.'); :func:`document_id` undoes it."""
    name = quote(document_id, safe=" -_,+=@()[]{}!~'")
    return "%2E" + name[1:] if name.startswith(".") else name


def document_id(path: Path, suffix: str) -> str:
    return unquote(path.name[: -len(suffix)] if path.name.endswith(suffix) else path.stem)


@dataclass
class Losses:
    """What an export could not write, counted, to be said once at the end."""

    claims: int = 0
    relations: int = 0
    attributes: int = 0
    entities: int = 0
    nested: int = 0
    unaligned: int = 0
    widened: int = 0
    claims_as_spans: int = 0
    unset_documents: int = 0
    notes: int = 0  # notes a writer that carries notes could not (on the document, or without text)
    claims_as_labels: int = 0  # claims written as bare spans of their type (no attributes in the format)
    claim_fields: int = 0  # claims written as bare spans of their type, whose other fields were left
    relation_attributes: int = 0  # relations written without the attributes they carry
    owners: Counter = field(default_factory=Counter)

    def count_set(self, aset: AnnotationSet | None, *, relations: bool = True, attributes: bool = True,
                  entities: bool = True, fragments: bool = False, claims: bool = False,
                  relation_attributes: bool = False) -> None:
        """``fragments``: whether the format carries a discontinuous span's pieces; if not, the span
        is written over its outer bounds and counted as widened. ``claims``: whether the writer
        writes claims as spans (``claim_spans.as_spans``; count before converting): with their
        fields as attributes when the format has ``attributes``, else as bare spans of their type
        (a claim whose fields differ from the defaults is counted as having lost them).
        ``relation_attributes``: whether the format carries a relation's attributes; if not, each
        relation it writes that has some is counted."""
        if aset is None:
            return
        if not fragments:
            self.widened += sum(1 for s in (*aset.spans, *aset.claims) if s.fragments) if claims else \
                sum(1 for s in aset.spans if s.fragments)
        if claims:
            if attributes:
                self.claims_as_spans += len(aset.claims)
            else:
                self.claims_as_labels += len(aset.claims)
                self.claim_fields += sum(1 for c in aset.claims if claim_spans.claim_attributes(c) or (
                    not relations and (c.speaker is not None or c.cue is not None)))
            if not relations:
                self.relations += len(aset.relations)
        else:
            self.claims += len(aset.claims)
            if not relations:
                self.relations += len(aset.relations)
            else:  # relations that touch a claim go with the claims
                claim_ids = {c.id for c in aset.claims}
                self.relations += sum(1 for r in aset.relations if r.head in claim_ids or r.tail in claim_ids)
        if not attributes:
            self.attributes += sum(1 for s in aset.spans if s.attributes)
        if relations and not relation_attributes:
            claim_ids = set() if claims else {c.id for c in aset.claims}  # without claims: not written at all
            self.relation_attributes += sum(1 for r in aset.relations if r.attributes
                                            and r.head not in claim_ids and r.tail not in claim_ids)
        if not entities:
            self.entities += sum(1 for s in aset.spans if s.entity)

    def sentences(self) -> list[str]:
        said = []
        if self.claims:
            said.append(ngettext("{count} claim not written (the format has no claims)",
                                 "{count} claims not written (the format has no claims)",
                                 self.claims).format(count=self.claims))
        if self.claims_as_spans:
            said.append(ngettext("{count} claim written as a span with attributes (its type as the label)",
                                 "{count} claims written as spans with attributes (their types as the labels)",
                                 self.claims_as_spans).format(count=self.claims_as_spans))
        if self.claims_as_labels:
            said.append(ngettext("{count} claim written as a span of its type",
                                 "{count} claims written as spans of their types",
                                 self.claims_as_labels).format(count=self.claims_as_labels))
        if self.relations:
            said.append(ngettext("{count} relation not written", "{count} relations not written",
                                 self.relations).format(count=self.relations))
        if self.attributes:
            said.append(ngettext("attributes of {count} span not written", "attributes of {count} spans not written",
                                 self.attributes).format(count=self.attributes))
        if self.relation_attributes:
            said.append(ngettext("attributes of {count} relation not written (the format has none for relations)",
                                 "attributes of {count} relations not written (the format has none for relations)",
                                 self.relation_attributes).format(count=self.relation_attributes))
        if self.entities:
            said.append(ngettext("entity links of {count} span not written",
                                 "entity links of {count} spans not written",
                                 self.entities).format(count=self.entities))
        if self.nested:
            said.append(ngettext("{count} nested span not written (only the outermost are)",
                                 "{count} nested spans not written (only the outermost are)",
                                 self.nested).format(count=self.nested))
        if self.unaligned:
            said.append(ngettext("{count} span widened to whole tokens", "{count} spans widened to whole tokens",
                                 self.unaligned).format(count=self.unaligned))
        if self.widened:
            said.append(ngettext("{count} discontinuous span written as its outer bounds (the format has no "
                                 "fragments)",
                                 "{count} discontinuous spans written as their outer bounds (the format has no "
                                 "fragments)", self.widened).format(count=self.widened))
        if self.notes:
            said.append(ngettext("{count} note not written (on the document, or without text)",
                                 "{count} notes not written (on the document, or without text)",
                                 self.notes).format(count=self.notes))
        if self.claim_fields:
            said.append(ngettext(
                "{count} claim lost fields the format cannot carry (speaker, cue, certainty, check-worthiness, "
                "quantity or attributes)",
                "{count} claims lost fields the format cannot carry (speaker, cue, certainty, check-worthiness, "
                "quantity or attributes)",
                self.claim_fields).format(count=self.claim_fields))
        if self.unset_documents:
            said.append(ngettext("{count} document without a set not written",
                                 "{count} documents without a set not written",
                                 self.unset_documents).format(count=self.unset_documents))
        return said


def sets_of(items: Iterable[ExportItem], losses: Losses) -> Iterator[tuple[ExportItem, AnnotationSet]]:
    """The items that carry a set; the others are counted as not written."""
    for item in items:
        if item.annotations is None:
            losses.unset_documents += 1
            continue
        yield item, item.annotations


LOCAL_NAMESPACE = "annotator"  # brat's DB:ID for an entity with no external id: annotator:E12


def link_of(aset: AnnotationSet, span: Span) -> tuple[str, str] | None:
    """(reference, name) of the entity a span links to, for a writer: the external id when the
    entity has one, else ``annotator:E`` and its id (the same in every file of one export)."""
    if span.entity is None:
        return None
    entity = next((e for e in aset.entities if e.id == span.entity), None)
    if entity is None:
        return (str(span.entity), str(span.entity))
    return (entity.external_id or f"{LOCAL_NAMESPACE}:E{entity.id}", entity.name)


def sorted_spans(aset: AnnotationSet) -> list[Span]:
    return sorted(aset.spans, key=lambda s: (s.start, -s.end, s.label))


def writable_relations(aset: AnnotationSet) -> list[Relation]:
    """Relations between two spans (a relation touching a claim leaves with the claim)."""
    span_ids = {s.id for s in aset.spans}
    return [r for r in aset.relations if r.head in span_ids and r.tail in span_ids]
