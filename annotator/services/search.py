"""Search the corpus: words in the texts, spans of a label, claims by speaker, type and figure.

What ``annotator search`` prints and the window's search pane pages through.
The store's full-text index names the documents that may hold the query (see
``annotator.storage.search_index``); the hits and their offsets (code points)
are found in those texts by the domain's rules (``annotator.domain.search``),
a page of documents at a time, in corpus order. A page of hits ends with a
cursor; the next page starts after it (keyset: no re-reading what was shown).

Three kinds of hit:
- ``text``: every occurrence of the query in a text (the query is required);
- ``span``: every entity span of the label(s) asked for whose covered text
  holds the query (or every such span, without a query);
- ``claim``: every claim of the type(s) asked for, by the speaker asked for
  (any mention of the name, by lemma, or its linked entity), with a figure in
  the range asked for, whose text holds the query (if one is given).
The document filters (dates, an annotator's status, ids) apply to all three.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice

from annotator.domain.query import DocumentQuery
from annotator.domain.search import SearchQuery, Snippet, locate, parse, snippet
from annotator.i18n import _
from annotator.services.claim_report import ClaimFilter, claim_record
from annotator.services.errors import ServiceError
from annotator.services.workspace import Workspace
from annotator.storage.repository import CLAIM, ENTITY, SearchMemo

PAGE = 50  # documents read per step: a page of hits for the window comes after one or two steps
SPAN_PAGE = 500  # spans are read with their covered text only, and hits among them are sparser
# The first step over spans: a page of 100 hits needs about this many spans when the index names
# the label's (and, on PostgreSQL, the owner's) spans holding the words; every document the step
# names is read, with its text (measured at 100,000 documents: 500 spans, 476 documents, 95 ms).
SPAN_FIRST = 150

Cursor = tuple[int, int, int, int]  # (document ordinal, start, end, annotation id or 0)


@dataclass(frozen=True)
class SearchFilter:
    labels: tuple[str, ...] = ()  # entity spans of these labels
    speaker: str | None = None  # claims by this speaker
    types: tuple[str, ...] = ()  # claims of these types
    figure_min: float | None = None  # claims whose quantity's value is in [min, max]
    figure_max: float | None = None
    owner: str | None = None  # whose spans and claims (None: every set's)
    documents: DocumentQuery = field(default_factory=DocumentQuery)

    @property
    def kind(self) -> str:
        if self.speaker is not None or self.types or self.figure_min is not None or self.figure_max is not None:
            return "claim"
        return "span" if self.labels else "text"


@dataclass(frozen=True)
class Hit:
    document_id: str
    ordinal: int
    start: int
    end: int
    text: str  # what was found (a span's or claim's whole covered text)
    snippet: Snippet
    kind: str = "text"
    annotation_id: int | None = None
    label: str | None = None  # the span's label or the claim's type
    owner: str | None = None
    speaker: str | None = None

    @property
    def cursor(self) -> Cursor:
        return (self.ordinal, self.start, self.end, self.annotation_id or 0)


def _parsed(query: str | None, search_filter: SearchFilter) -> SearchQuery | None:
    if query is None or not query.strip():
        if search_filter.kind == "text":
            raise ServiceError(_("say what to search for, or a label, speaker or claim type"))
        return None
    try:
        return parse(query)
    except ValueError as exc:
        raise ServiceError(str(exc)) from None


def _text_hits(parsed: SearchQuery, page: list[tuple[int, str]], texts: dict[str, str]) -> Iterator[Hit]:
    for ordinal, document_id in page:
        body = texts[document_id]
        for start, end in locate(parsed, body):
            yield Hit(document_id, ordinal, start, end, body[start:end], snippet(body, start, end))


def _span_hits(repo, parsed: SearchQuery | None, search_filter: SearchFilter, page: list[tuple[int, str]],
               seen: dict[str, bool]) -> list[Hit]:
    """``seen``: covered text -> whether it holds the query, over the whole search (names repeat).
    Spans come with their covered text; a text is read only for the documents with a hit (its
    snippets) or too long for the store to cut (see ``Repository.span_tuples``)."""
    ordinals = dict((document_id, ordinal) for ordinal, document_id in page)
    rows = repo.span_tuples(list(ordinals), search_filter.labels, search_filter.owner)
    uncut = {row[0] for row in rows if row[6] is None}  # long texts, and discontinuous spans
    texts = repo.texts(sorted(uncut)) if uncut else {}
    found = []
    for document_id, owner, span_id, start, end, label, covered, fragments in rows:
        if fragments:  # a discontinuous span is the words of its fragments, not of the gaps between them
            covered = " ".join(texts[document_id][a:b] for a, b in fragments)
        elif covered is None:
            covered = texts[document_id][start:end]
        if parsed is not None:
            holds = seen.get(covered)
            if holds is None:
                holds = seen[covered] = bool(locate(parsed, covered))
            if not holds:
                continue
        found.append((document_id, owner, span_id, start, end, label, covered))
    missing = sorted({row[0] for row in found} - texts.keys())
    if missing:
        texts.update(repo.texts(missing))
    return [Hit(document_id, ordinals[document_id], start, end, covered,
                snippet(texts[document_id], start, end), "span", span_id, label, owner)
            for document_id, owner, span_id, start, end, label, covered in found]


def _claim_hits(repo, parsed: SearchQuery | None, search_filter: SearchFilter, page: list[tuple[int, str]],
                texts: dict[str, str]) -> Iterator[Hit]:
    ordinals = dict((document_id, ordinal) for ordinal, document_id in page)
    speakers = ClaimFilter(speaker=search_filter.speaker)
    low, high = search_filter.figure_min, search_filter.figure_max
    rows = sorted(repo.claim_tuples(list(ordinals), search_filter.owner, search_filter.types),
                  key=lambda row: (ordinals[row[0]], row[3], row[4], row[2]))
    for row in rows:
        body = texts[row[0]]
        record = claim_record(row, body)
        if not speakers.wants_speaker(record):
            continue
        if low is not None or high is not None:
            value = record.quantity.value if record.quantity else None
            if value is None or (low is not None and value < low) or (high is not None and value > high):
                continue
        if parsed is not None and not locate(parsed, record.text):
            continue
        yield Hit(record.document_id, ordinals[record.document_id], record.start, record.end, record.text,
                  snippet(body, record.start, record.end), "claim", record.id, record.type, record.owner,
                  record.speaker)


def iter_hits(workspace: Workspace, query: str | None, search_filter: SearchFilter = SearchFilter(), *,
              after: Cursor | None = None) -> Iterator[Hit]:
    """Every hit, in corpus order then position, from just after ``after``."""
    parsed = _parsed(query, search_filter)
    kind = search_filter.kind
    last = after[0] - 1 if after is not None else 0
    seen: dict[str, bool] = {}
    memo = SearchMemo()  # what the first page learnt of the index, for the next
    span_step = min(SPAN_FIRST, SPAN_PAGE)
    while True:
        with workspace.store.read() as repo:
            if kind == "text":
                page = repo.search_candidates(parsed, search_filter.documents, last, PAGE, memo)
            else:
                page = repo.annotation_candidates(
                    ENTITY if kind == "span" else CLAIM, search_filter.labels if kind == "span" else search_filter.types,
                    search_filter.owner, search_filter.documents, last, span_step if kind == "span" else PAGE, parsed,
                    memo)
                span_step = SPAN_PAGE
            if not page:
                return
            if kind == "span":
                hits = _span_hits(repo, parsed, search_filter, page, seen)
            else:
                texts = repo.texts([document_id for _, document_id in page])
                if kind == "text":
                    hits = list(_text_hits(parsed, page, texts))  # type: ignore[arg-type]
                else:
                    hits = list(_claim_hits(repo, parsed, search_filter, page, texts))
        for hit in hits:
            if after is None or hit.cursor > after:
                yield hit
        last = page[-1][0]


@dataclass(frozen=True)
class HitPage:
    hits: list[Hit]
    next: Cursor | None  # None: no more hits


def search_page(workspace: Workspace, query: str | None, search_filter: SearchFilter = SearchFilter(), *,
                after: Cursor | None = None, limit: int = 100) -> HitPage:
    """Up to ``limit`` hits after ``after``; ``next`` is the cursor of the page that follows."""
    hits = list(islice(iter_hits(workspace, query, search_filter, after=after), limit + 1))
    more = len(hits) > limit
    hits = hits[:limit]
    return HitPage(hits, hits[-1].cursor if more and hits else None)


def matching_documents(workspace: Workspace, query: str | None,
                       search_filter: SearchFilter = SearchFilter()) -> Iterator[tuple[str, int]]:
    """(document id, number of hits) of every document with a hit, in corpus order."""
    current: str | None = None
    count = 0
    for hit in iter_hits(workspace, query, search_filter):
        if hit.document_id != current:
            if current is not None:
                yield current, count
            current, count = hit.document_id, 0
        count += 1
    if current is not None:
        yield current, count
