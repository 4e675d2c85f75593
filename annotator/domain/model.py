"""The annotated corpus as frozen values.

Offsets are Unicode code points into the document's stored text, end-exclusive
(see ``annotator.domain.offsets`` for the conversions used at the edges).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

GOLD = "gold"
SCHEME_OWNER = "@scheme"  # whose undo history scheme changes go into (no set has this owner)
ALL = "all"
AUTHOR = "AUTHOR"
RESERVED_OWNERS = frozenset({GOLD, ALL, SCHEME_OWNER})
# A relation's allowed head or tail may name this instead of an entity label: any claim.
CLAIM_NODE = "CLAIM"
SAYS = "SAYS"  # speaker -> claim; must agree with the claim's speaker


class SetStatus(StrEnum):
    NEW = "new"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CURATED = "curated"  # gold only
    SKIPPED = "skipped"


class Role(StrEnum):
    ANNOTATOR = "annotator"
    CURATOR = "curator"


class Certainty(StrEnum):
    ASSERTED = "ASSERTED"
    HEDGED = "HEDGED"


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict, hash=False, compare=True)

    @property
    def sha256(self) -> str:
        return text_sha256(self.text)

    @property
    def date(self) -> str | None:
        return self.meta.get("date")


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """A row of the document list: everything but the text."""

    id: str
    ordinal: int
    date: str | None
    length: int
    sha256: str
    sets: tuple[tuple[str, SetStatus], ...] = ()
    title: str = ""  # meta's title, else the text's first line (see list_title)
    spans: int | None = None  # entity spans in one owner's set (the list's annotator), None: not read


TITLE_CHARS = 160  # of a title the list keeps (it elides what its column cannot show)


def list_title(meta: dict | None, head: str) -> str:
    """What the document list calls a document: ``meta.title``, else the first line of the text's
    beginning (``head``) of two words or more (a lone word, as a dateline "РУ", names nothing), else
    its first non-empty line; cut to TITLE_CHARS."""
    title = (meta or {}).get("title")
    if not isinstance(title, str) or not title.strip():
        lines = [line for line in head.splitlines() if line.strip()]
        title = next((line for line in lines if len(line.split()) > 1), lines[0] if lines else "")
    title = " ".join(title.split())
    return title if len(title) <= TITLE_CHARS else title[:TITLE_CHARS - 1] + "…"


# A discontinuous span's pieces: (start, end) pairs in text order, apart from one another.
Fragments = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Span:
    """An entity mention. ``id`` is the store's id (or a local id like ``T1`` in a file).

    ``fragments``: empty for a contiguous span (the usual case); for a discontinuous one
    ("Председатель … Совета министров"), its pieces, the first starting at ``start`` and the last
    ending at ``end`` (``start``/``end`` stay the outer bounds, so code that only needs a region
    goes on working).
    ``entity`` is the corpus-wide entity it is linked to: the store's entity id (an int, an
    entity of the set's owner), or in a file the file's reference (our JSONL's ``E12``, a brat
    ``N`` line's ``Wikidata:Q42``), resolved to an entity at import.
    """

    id: int | str | None
    start: int
    end: int
    label: str
    attributes: dict[str, Any] = field(default_factory=dict, hash=False)
    entity: int | str | None = None
    fragments: Fragments = ()
    # The suggestion set an accepted span came from ("model:natasha"), else None: provenance, not
    # part of what the span is (two spans of one place and label are equal whatever their origin).
    origin: str | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float | None
    unit: str | None
    period: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """A span holding one checkable assertion.

    ``speaker`` is the id of a mention in the same set, or ``AUTHOR`` for the
    outlet's own voice, or None when not yet known.
    """

    id: int | str | None
    start: int
    end: int
    type: str
    speaker: int | str | None = None
    cue: Cue | None = None
    certainty: Certainty = Certainty.ASSERTED
    checkworthy: bool = False
    quantity: Quantity | None = None
    attributes: dict[str, Any] = field(default_factory=dict, hash=False)
    fragments: Fragments = ()  # as a span's: a quote interrupted by "— отметил он, —"
    origin: str | None = field(default=None, compare=False)  # as a span's: the suggestion set it came from


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed link between two spans or claims, referred to by id.

    ``attributes``: the values the scheme's attributes for relations of this type give it
    (brat's ``A1 Negation R1``), as a span's attributes are.
    """

    id: int | str | None
    label: str
    head: int | str
    tail: int | str
    attributes: dict[str, Any] = field(default_factory=dict, hash=False)


@dataclass(frozen=True, slots=True)
class AnnotationSet:
    """One owner's annotations of one document (an annotator, or ``gold``)."""

    document_id: str
    owner: str
    status: SetStatus = SetStatus.NEW
    spans: tuple[Span, ...] = ()
    claims: tuple[Claim, ...] = ()
    relations: tuple[Relation, ...] = ()
    id: int | None = None
    # The entities its mentions link to (``annotator.domain.entities.Entity``): filled on export,
    # and by readers whose files describe them (our JSONL's ``linked_entities``, brat's N lines).
    entities: tuple[Any, ...] = ()


def covered(text: str, start: int, end: int) -> str:
    return text[start:end]


def pieces(item: Span | Claim) -> Fragments:
    """A span's or claim's pieces: its fragments, or its one extent when it is contiguous."""
    return item.fragments or ((item.start, item.end),)


def normal_fragments(fragments: Any) -> Fragments:
    """Fragments in text order with touching or overlapping ones joined; () when one piece is left
    (a contiguous span has no fragments). Checked by ``validation.check_fragments`` first."""
    merged: list[list[int]] = []
    for start, end in sorted((int(a), int(b)) for a, b in fragments):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((a, b) for a, b in merged) if len(merged) > 1 else ()


def fragmented(item: Span | Claim, fragments: Any) -> Any:
    """The span or claim with these fragments, its outer bounds following them."""
    pieces_ = normal_fragments(fragments)
    if not pieces_:
        start, end = min(a for a, _b in fragments), max(b for _a, b in fragments)
        return replace(item, start=start, end=end, fragments=())
    return replace(item, start=pieces_[0][0], end=pieces_[-1][1], fragments=pieces_)


def fragments_text(text: str, fragments: Fragments, joiner: str = " … ") -> str:
    """What a discontinuous span says, its pieces joined (for lists and reports)."""
    return joiner.join(text[a:b] for a, b in fragments)


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    """One claim as the claims report shows it: with its document, owner and texts resolved."""

    document_id: str
    owner: str
    id: int
    start: int
    end: int
    text: str
    type: str
    speaker_id: int | None  # the mention's span id; None for AUTHOR or no speaker
    speaker: str | None  # the mention's text, AUTHOR, or None
    speaker_label: str | None
    speaker_entity: str | None  # the name of the corpus-wide entity the mention is linked to
    cue: str | None
    certainty: Certainty
    checkworthy: bool
    quantity: Quantity | None
    speaker_entity_id: int | None = None
    date: str | None = None  # the document's
