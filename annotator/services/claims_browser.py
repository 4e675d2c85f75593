"""Who said what, across the corpus: claims by speaker entity, grouped, and figures compared.

The read model of the claims browser (and of ``annotator claims --entity``,
``--group-by`` and ``annotator who-said``). Qt-free: a window runs these on its
task runner. The store applies every filter it can (``ClaimQuery``: speaker
entities, type, dates, check-worthy, certainty, unit and value range); the
claim's text is matched here, by lemma (``lemmas.matches``). Rows come a page
at a time in corpus order; each carries its document id and claim id, so that
a window can jump to the claim.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from annotator.domain.lemmas import matches
from annotator.domain.model import AUTHOR, ClaimRecord
from annotator.i18n import _
from annotator.services.claim_report import claim_record
from annotator.services.workspace import Workspace
from annotator.storage.repository import ClaimQuery

PAGE = 500
WINDOW = 1000  # documents (by ordinal) read per query while filling a page
ABOUT = "ABOUT"


@dataclass(frozen=True, slots=True)
class BrowseFilter:
    """The browser's filters; each None or empty is "any"."""

    owner: str | None = None  # whose claims (an annotator, gold); None: every set's
    speakers: tuple[int, ...] | None = None  # speaker entity ids
    author: bool = False  # the outlet's own voice (with ``speakers``: either)
    types: tuple[str, ...] = ()
    date_from: str | None = None  # the document's date, ISO, inclusive
    date_to: str | None = None
    checkworthy: bool | None = None
    certainty: str | None = None  # ASSERTED or HEDGED
    unit: str | None = None  # a figure's unit ("USD", "%")
    value_min: float | None = None
    value_max: float | None = None
    with_figure: bool = False
    text: str | None = None  # words of the claim's text, any case form
    document_ids: tuple[str, ...] | None = None

    def query(self) -> ClaimQuery:
        return ClaimQuery(self.owner, self.document_ids, self.speakers, self.author, self.types, self.date_from,
                          self.date_to, self.checkworthy, self.certainty, self.unit, self.value_min, self.value_max,
                          self.with_figure or self.value_min is not None or self.value_max is not None)


@dataclass(frozen=True, slots=True)
class About:
    """A mention a claim is ABOUT, with the entity it is linked to."""

    span_id: int
    text: str
    label: str
    entity_id: int | None
    entity: str | None


@dataclass(frozen=True, slots=True)
class BrowsedClaim:
    """One row of the browser: the claim (document id and claim id to jump to) and what it is about."""

    claim: ClaimRecord
    about: tuple[About, ...] = ()

    @property
    def speaker_name(self) -> str:
        """Who said it, as a person reads it: the linked entity's name, else the mention's text."""
        return self.claim.speaker_entity or self.claim.speaker or ""


@dataclass(frozen=True, slots=True)
class ClaimPage:
    rows: tuple[BrowsedClaim, ...]
    after: tuple[int, int, int] | None  # pass back for the next page; None: no more rows


class GroupBy(StrEnum):
    SPEAKER = "speaker"
    ABOUT = "about"


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    """Claims under one speaker (or one entity they are about).

    ``entity_id`` is the linked entity; without one, ``key`` is the mention's text
    (or AUTHOR, or "" for no speaker / about nothing).
    """

    key: str
    title: str
    entity_id: int | None
    rows: tuple[BrowsedClaim, ...]


@dataclass(frozen=True, slots=True)
class FigureStatement:
    claim: BrowsedClaim
    value: float


@dataclass(frozen=True, slots=True)
class FigureComparison:
    """The same quantity (unit and period) stated in several claims, side by side.

    ``speakers`` and ``documents`` count who stated it and where; ``differs`` is whether
    the values are not all the same (a changed or contradicted figure).
    """

    unit: str | None
    period: str | None
    statements: tuple[FigureStatement, ...]
    speakers: int
    documents: int
    differs: bool = field(default=False)


def _walk(repo, browse_filter: BrowseFilter, after: tuple[int, int, int] | None
          ) -> Iterator[tuple[tuple[int, int, int], BrowsedClaim | None]]:
    """(position, row) in corpus order after ``after``, a window of documents per query; a row the
    text filter leaves out comes as (position, None), so that a page can say where it stopped."""
    query = browse_filter.query()
    low, high = repo.ordinal_bounds()
    first = max(low, after[0]) if after is not None else low
    by_speaker = query.speaker_entities is not None and not query.author  # one query, through their index
    while first <= high:
        window = None if by_speaker else (first, first + WINDOW)
        first = high + 1 if window is None else window[1]
        tuples = sorted(repo.browse_claim_tuples(query, window), key=lambda t: (t[21], t[3], t[2]))
        if after is not None:
            tuples = [t for t in tuples if (t[21], t[3], t[2]) > after]
        if not tuples:
            continue
        texts = repo.texts(sorted({t[0] for t in tuples}))
        abouts = repo.about_targets([t[2] for t in tuples], ABOUT)
        for row in tuples:
            position = (row[21], row[3], row[2])
            text = texts[row[0]]
            record = claim_record(row, text)
            if browse_filter.text and not matches(browse_filter.text, record.text):
                yield position, None
                continue
            about = tuple(About(span_id, text[start:end], label, entity_id, entity)
                          for span_id, start, end, label, entity_id, entity in abouts.get(record.id, ()))
            yield position, BrowsedClaim(record, about)


def page(workspace: Workspace, browse_filter: BrowseFilter = BrowseFilter(),
         after: tuple[int, int, int] | None = None, limit: int = PAGE) -> ClaimPage:
    """One page of rows in corpus order (document, position), from ``after`` (the previous page's
    ``after``: the last row's document ordinal, start and claim id); ``after`` None: no more."""
    rows: list[BrowsedClaim] = []
    with workspace.store.read() as repo:
        for position, row in _walk(repo, browse_filter, after):
            if row is not None:
                rows.append(row)
                if len(rows) == limit:
                    return ClaimPage(tuple(rows), position)
    return ClaimPage(tuple(rows), None)


def iter_browse(workspace: Workspace, browse_filter: BrowseFilter = BrowseFilter()) -> Iterator[BrowsedClaim]:
    """Every row in corpus order, in one read (a window of documents in memory at a time)."""
    with workspace.store.read() as repo:
        for _position, row in _walk(repo, browse_filter, None):
            if row is not None:
                yield row


def _speaker_key(row: BrowsedClaim) -> tuple[str, str, int | None]:
    claim = row.claim
    if claim.speaker_entity_id is not None:
        return f"entity:{claim.speaker_entity_id}", claim.speaker_entity or "", claim.speaker_entity_id
    if claim.speaker == AUTHOR:
        return AUTHOR, _("the outlet (AUTHOR)"), None
    if claim.speaker:
        return f"mention:{claim.speaker.casefold()}", claim.speaker, None
    return "", _("(no speaker)"), None


def grouped(workspace: Workspace, browse_filter: BrowseFilter = BrowseFilter(),
            by: GroupBy = GroupBy.SPEAKER) -> list[ClaimGroup]:
    """The rows grouped by speaker (their entity, else the mention's text) or by what they are
    ABOUT (a claim about two entities is in both groups); groups with the most claims first."""
    groups: dict[str, list[BrowsedClaim]] = defaultdict(list)
    titles: dict[str, tuple[str, int | None]] = {}
    for row in iter_browse(workspace, browse_filter):
        if by == GroupBy.SPEAKER:
            keys = [_speaker_key(row)]
        else:
            keys = [(f"entity:{a.entity_id}", a.entity or a.text, a.entity_id) if a.entity_id is not None
                    else (f"mention:{a.text.casefold()}", a.text, None) for a in row.about]
            keys = list(dict.fromkeys(keys)) or [("", _("(about nothing marked)"), None)]
        for key, title, entity_id in keys:
            groups[key].append(row)
            titles.setdefault(key, (title, entity_id))
    return sorted((ClaimGroup(key, titles[key][0], titles[key][1], tuple(rows)) for key, rows in groups.items()),
                  key=lambda g: (-len(g.rows), g.title.casefold(), g.key))


def compare_figures(workspace: Workspace, browse_filter: BrowseFilter = BrowseFilter(),
                    *, at_least: int = 2) -> list[FigureComparison]:
    """Claims with a figure, grouped by the quantity they state (unit and period), where at least
    ``at_least`` claims state it; those whose values differ first, then by how many state it."""
    statements: dict[tuple[str | None, str | None], list[FigureStatement]] = defaultdict(list)
    for row in iter_browse(workspace, BrowseFilter(**{**_fields(browse_filter), "with_figure": True})):
        quantity = row.claim.quantity
        if quantity is None or quantity.value is None:
            continue
        statements[(quantity.unit, quantity.period)].append(FigureStatement(row, quantity.value))
    out = []
    for (unit, period), found in statements.items():
        if len(found) < at_least:
            continue
        out.append(FigureComparison(
            unit, period, tuple(found), len({_speaker_key(s.claim)[0] for s in found}),
            len({s.claim.claim.document_id for s in found}), len({s.value for s in found}) > 1))
    return sorted(out, key=lambda c: (not c.differs, -len(c.statements), c.unit or "", c.period or ""))


def _fields(browse_filter: BrowseFilter) -> dict:
    return {name: getattr(browse_filter, name) for name in BrowseFilter.__slots__}  # type: ignore[attr-defined]
