"""Where the annotators of one document disagree: what the curation view steps through.

An annotation that every annotator's set holds (the same key as in
:mod:`annotator.domain.consensus`) is agreed. The rest are grouped, per layer
(entity spans, claims), into *regions* of annotations whose extents overlap,
across annotators; each region is one disagreement, with each annotator's
version of it (possibly nothing). Its kind says what differs:

- ``missing``: only some annotators marked something there;
- ``label``: the same extent, different labels (claims: ``type``);
- ``boundary``: the same label (or type), different extents;
- ``speaker``: a claim with the same extent and type, said by someone else;
- ``other``: anything else (label and extent both differ; certainty).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from annotator.domain.consensus import keys_by_id
from annotator.domain.model import AnnotationSet

ENTITY = "entity"
CLAIM = "claim"


@dataclass(frozen=True, slots=True)
class Version:
    owner: str
    items: tuple[Any, ...]  # the owner's spans (or claims) in the region; empty: nothing there


@dataclass(frozen=True, slots=True)
class Disagreement:
    layer: str  # ENTITY or CLAIM
    kind: str  # missing, label, boundary, speaker, other
    start: int
    end: int
    versions: tuple[Version, ...]  # one per annotator, in the order of the sets given

    def version(self, owner: str) -> Version | None:
        return next((v for v in self.versions if v.owner == owner), None)


ACCEPT = "accept"
REJECT = "reject"


@dataclass(frozen=True, slots=True)
class Decision:
    """A curator's explicit answer to a region: accept one annotator's version, or reject them all."""

    id: int
    layer: str
    start: int
    end: int
    decision: str  # ACCEPT or REJECT
    annotator: str | None  # whose version was accepted (None: rejected)
    curator: str

    @property
    def region(self) -> tuple[str, int, int]:
        return (self.layer, self.start, self.end)


def _items(aset: AnnotationSet, layer: str) -> tuple[Any, ...]:
    return aset.spans if layer == ENTITY else aset.claims


def region_items(aset: AnnotationSet, layer: str, start: int, end: int) -> tuple[Any, ...]:
    """The set's annotations of a layer that overlap [start, end)."""
    return tuple(x for x in _items(aset, layer) if x.start < end and x.end > start)


def _kind(layer: str, versions: list[Version], keys: list[dict]) -> str:
    if any(not v.items for v in versions):
        return "missing"
    extents = {tuple(sorted((x.start, x.end) for x in v.items)) for v in versions}
    if layer == ENTITY:
        labels = {tuple(sorted(x.label for x in v.items)) for v in versions}
        if len(extents) == 1:
            return "label"
        return "boundary" if len(labels) == 1 else "other"
    types = {tuple(sorted(x.type for x in v.items)) for v in versions}
    if len(extents) > 1:
        return "boundary" if len(types) == 1 else "other"
    if len(types) > 1:
        return "label"
    speakers = {tuple(sorted(repr(k[x.id][-1]) for x in v.items)) for v, k in zip(versions, keys)}
    return "speaker" if len(speakers) > 1 else "other"


def disagreements(sets: Sequence[AnnotationSet]) -> list[Disagreement]:
    """Every disagreement among ``sets`` (the annotators' sets of one document), in text order."""
    if len(sets) < 2:
        return []
    keys = [keys_by_id(s) for s in sets]
    found: list[Disagreement] = []
    for layer in (ENTITY, CLAIM):
        common = set.intersection(*({k[x.id] for x in _items(s, layer)} for s, k in zip(sets, keys)))
        loose = sorted(((x.start, x.end, n, x) for n, (s, k) in enumerate(zip(sets, keys))
                        for x in _items(s, layer) if k[x.id] not in common), key=lambda t: (t[0], -t[1], t[2]))
        regions: list[list[tuple[int, int, int, Any]]] = []
        region_end = -1
        for item in loose:  # overlapping extents, across annotators, make one region
            if regions and item[0] < region_end:
                regions[-1].append(item)
                region_end = max(region_end, item[1])
            else:
                regions.append([item])
                region_end = item[1]
        for region in regions:
            start, end = region[0][0], max(i[1] for i in region)
            versions = [Version(s.owner, tuple(i[3] for i in region if i[2] == n)) for n, s in enumerate(sets)]
            found.append(Disagreement(layer, _kind(layer, versions, keys), start, end, tuple(versions)))
    return sorted(found, key=lambda d: (d.start, d.end, d.layer))


def agreed_count(sets: Sequence[AnnotationSet]) -> int:
    """How many spans and claims every set holds (for a document's summary)."""
    if len(sets) < 2:
        return 0
    keys = [keys_by_id(s) for s in sets]
    return len(set.intersection(*(set(k.values()) for k in keys)))
