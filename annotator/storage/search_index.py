"""The full-text index behind search and the document list's filter, one implementation per database.

A :class:`SearchIndex` is kept at import (texts never change afterwards, so a
document is indexed once) and answers "which documents may hold this query"
as a subquery of document ordinals; the hits themselves, with their offsets,
are found in those documents' texts by :func:`annotator.domain.search.locate`,
so both databases give the same hits. Each database has one table,
``search_index``, keyed by the document's ordinal (so results come in corpus
order and page by ``ordinal > last``).

Lemmas are stored by neither: an unquoted word is asked as all the forms of
its lemmas and, as prefixes, its stems (:func:`~annotator.domain.search.word_forms`),
one pymorphy3 call per query word instead of one per word of the corpus at
import (measured: lemmatising every text at import tripled its time).

**SQLite** (:class:`Fts5Index`): a contentless FTS5 table (the text is already
stored once in ``document_texts``) whose rowid is the ordinal, with one
column, ``words``: the text with ё written е. Why the tokenizer ``unicode61``
(``remove_diacritics 0``): it splits on exactly what the domain's ``WORD``
splits on and folds Cyrillic case itself, in C, at the speed of the insert; it
keeps ё apart from е, hence the one replacement we make first; with
diacritics removed it would also fold й into и, which Russian must not. The
others do not fit: ``porter`` stems English only, ``trigram`` matches
substrings (no word boundaries, no lemmas, an index several times larger), and
a tokenizer of our own (pymorphy3 inside FTS5) cannot be registered through
Python's ``sqlite3`` module, which gives no access to the ``fts5_api``.
Phrases and prefixes are the index's own (``detail=full``).

**PostgreSQL** (:class:`TsvectorIndex`): a table (ordinal, ``tsvector``) with
a GIN index, made by migration 0010, its vectors kept in TOAST since 0020 and the
statements that ask it planned through the index (see ``plans_through_index``). The vector holds the document's distinct
words as the domain folds them (lower case, ё as е), split by the domain's
``WORD`` in Python and handed over as an array (``array_to_tsvector``); the
query is a ``tsquery`` written out from the same expansion as FTS5's. Why not
a text search configuration: ``russian`` (Snowball) stems by rule, so its
stems disagree with pymorphy3's lemmas ("люди"/"человек", names it does not
know) and would find what :func:`~annotator.domain.search.locate` then throws
away, or miss what it would find; and every configuration, ``simple``
included, first runs PostgreSQL's own parser, which splits text its own way
("4.5" is one token, a URL or a hyphenated word are kept whole as well as in
parts) and lower-cases by the database's locale (under the ``C`` locale it
does not fold Cyrillic at all). Words made by the domain's rules are the
same words whatever the server's locale. No positions are stored: a
phrase is asked as all of its words and its adjacency is checked on the text,
as for a phrase of lemmas on SQLite; positions would make the vector larger,
and PostgreSQL caps them at 16,383, past which adjacency could not be asked
correctly anyway. PostgreSQL's limits are kept by the rules below: a lexeme
longer than ``LEXEME_CHARS`` is stored (and asked) cut to that length, as a
prefix; a document whose words exceed the vector's size is stored as the
one lexeme ``_`` (no word of the domain's holds an underscore), which every
query also asks, so it is always a candidate, read and searched as a text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import Connection, Select, column, select, table, text

from annotator.domain.search import WORD, SearchQuery, TermKind, fold, fold_yo, word_forms
from annotator.storage import bulk

INDEX_TABLE = "search_index"
FTS_TABLE = INDEX_TABLE  # the name on SQLite, kept for the migration that made it

CREATE_FTS = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "words, content='', columnsize=0, tokenize='unicode61 remove_diacritics 0')"
)
_INSERT = f"INSERT INTO {FTS_TABLE}(rowid, words) VALUES (?, ?)"
_fts = table(FTS_TABLE, column("rowid"))


SPAN_INDEX_TABLE = "span_search"  # the spans' index (``annotator.storage.span_search``)


def is_index_table(name: str | None) -> bool:
    """Tables the indexes own (FTS5's shadow tables included), which the models do not describe."""
    return bool(name) and any(name == t or name.startswith(t + "_") for t in (INDEX_TABLE, SPAN_INDEX_TABLE))


# ---------------------------------------------------------------- what is asked, for either syntax
# A query for the index: every group must match; a group is alternatives (word, as a prefix?).
Alternatives = list[tuple[str, bool]]


def _lemma_alternatives(word: str) -> Alternatives:
    forms, stems = word_forms(word)
    return [(f, False) for f in sorted(forms)] + [(s, True) for s in sorted(stems)]


def _filter_alternatives(word: str) -> Alternatives:
    forms, stems = word_forms(word)
    # what the word as a prefix already finds is not asked again
    return ([(word, True)] + [(f, False) for f in sorted(forms) if not f.startswith(word)]
            + [(s, True) for s in sorted(stems) if not s.startswith(word)])


def _word_groups(query: SearchQuery) -> list[Alternatives]:
    """Every word of the query, each a group: a superset of the documents holding the query
    (adjacency within phrases is not asked)."""
    groups = []
    for phrase in query.phrases:
        for term in phrase.terms:
            if term.kind is TermKind.LEMMA:
                groups.append(_lemma_alternatives(term.word))
            else:
                groups.append([(term.word, term.kind is TermKind.PREFIX)])
    return groups


# ----------------------------------------------------------------------------------- SQLite FTS5
def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _fts5_group(alternatives: Alternatives) -> str:
    return "(" + " OR ".join(_quoted(w) + (" *" if prefix else "") for w, prefix in alternatives) + ")"


def fts5_expression(query: SearchQuery) -> str:
    """The FTS5 MATCH expression for a query: a superset of the documents that hold it.

    Exact and prefix phrases are phrases of the index; a word by lemma is any of
    its forms or stems (:func:`~annotator.domain.search.word_forms`); a phrase
    with such words asks for each (adjacency is checked on the text).
    """
    parts = []
    for phrase in query.phrases:
        if all(t.kind is not TermKind.LEMMA for t in phrase.terms):
            body = " ".join(t.word for t in phrase.terms)
            star = " *" if phrase.terms[-1].kind is TermKind.PREFIX else ""
            parts.append(f"({_quoted(body)}{star})")
            continue
        for term in phrase.terms:
            if term.kind is TermKind.LEMMA:
                parts.append(_fts5_group(_lemma_alternatives(term.word)))
            else:
                parts.append(_fts5_group([(term.word, term.kind is TermKind.PREFIX)]))
    return " AND ".join(parts)


def filter_expression(words: Sequence[str]) -> str:
    """For the document list's filter, typed a letter at a time: every word as the start of a
    word of the text, or by lemma ("токае" finds "Токаева", "переговоры" "переговорах")."""
    return " AND ".join(_fts5_group(_filter_alternatives(word)) for word in words)


# ------------------------------------------------------------------------------ PostgreSQL tsquery
# PostgreSQL's limits: a lexeme of at most 2,047 bytes, and at most 1 MiB of lexemes per vector.
LEXEME_CHARS = 250  # at most 4 bytes a character in UTF-8: always under the lexeme limit
VECTOR_BYTES = (1 << 20) - (1 << 16)  # with room for the vector's own bookkeeping
ANY_DOCUMENT = "_"  # the lexeme of a document too large for a vector: every query asks for it


def lexemes(body: str) -> list[str]:
    """The words of a text as the PostgreSQL index stores them: distinct, folded, cut to
    ``LEXEME_CHARS``; or ``[ANY_DOCUMENT]`` when they would not fit in one vector."""
    words = {w[:LEXEME_CHARS] for w in WORD.findall(fold(body))}
    # (the bytes are counted only when the characters, at 4 bytes each, could be too many)
    if sum(map(len, words)) * 4 > VECTOR_BYTES and sum(len(w.encode("utf-8")) for w in words) > VECTOR_BYTES:
        return [ANY_DOCUMENT]
    return list(words)


def _tsquery_word(word: str, prefix: bool) -> str:
    if len(word) > LEXEME_CHARS:  # stored cut: asked cut, as a prefix (the hits are checked on the text)
        word, prefix = word[:LEXEME_CHARS], True
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'" + (":*" if prefix else "")


def tsquery_expression(groups: list[Alternatives]) -> str:
    """The ``tsquery`` (in its text form) asking every group, or a document too large to index."""
    asked = " & ".join("(" + " | ".join(_tsquery_word(w, p) for w, p in alternatives) + ")"
                       for alternatives in groups)
    return f"({asked}) | '{ANY_DOCUMENT}'"


# -------------------------------------------------------------------------------- the interface
class SearchIndex:
    """What the store needs of a full-text index."""

    def add(self, connection: Connection, documents: Iterable[tuple[int, str]]) -> None:
        """Index texts, given as (ordinal, text)."""
        raise NotImplementedError

    def query_expression(self, query: SearchQuery) -> str:
        """The index's expression for a search query: a superset of the documents that hold it."""
        raise NotImplementedError

    def filter_expression(self, words: Sequence[str]) -> str:
        """The index's expression for the document list's filter (see :func:`filter_expression`)."""
        raise NotImplementedError

    def ordinals(self, expression: str) -> Select:
        """A subquery of the ordinals of the documents matching an expression of this index."""
        raise NotImplementedError

    def page(self, statement: Select, ordinal, expression: str, after: int) -> Select:
        """``statement`` (a select over documents, ``ordinal`` its ordinal column) driven by the
        index: only the matching documents after ``after``, in ordinal order, so that a page
        reads no further than its last row."""
        raise NotImplementedError

    def few_ordinals(self, connection: Connection, expression: str, after: int, cap: int) -> list[int] | None:
        """Every matching ordinal after ``after``, sorted, when there are fewer than ``cap``; None
        when there are more (then :meth:`page` walks them in order) or the index needs no help."""
        return None


class Fts5Index(SearchIndex):
    def add(self, connection: Connection, documents: Iterable[tuple[int, str]]) -> None:
        rows = [(ordinal, fold_yo(body)) for ordinal, body in documents]
        if rows:
            connection.exec_driver_sql(_INSERT, rows)

    def query_expression(self, query: SearchQuery) -> str:
        return fts5_expression(query)

    def filter_expression(self, words: Sequence[str]) -> str:
        return filter_expression(words)

    def ordinals(self, expression: str) -> Select:
        return select(_fts.c.rowid).where(_match(expression))

    def page(self, statement: Select, ordinal, expression: str, after: int) -> Select:
        # FTS5 answers MATCH with "rowid > ?" and rowid order itself, and stops at the LIMIT.
        return (statement.join(_fts, _fts.c.rowid == ordinal)
                .where(_match(expression), _fts.c.rowid > after).order_by(_fts.c.rowid))


def _match(expression: str):
    return text(f"{FTS_TABLE} MATCH :fts_expression").bindparams(fts_expression=expression)


# The table (migration 0010) keeps its vectors out of its own pages, in TOAST (migration 0020): each
# document's row is then ~50 bytes, and a count of 90,000 matches reads those rows from a few hundred
# pages instead of 90,000 pages of 780 MB (nothing counts from the GIN index alone: the ordinal is in
# the row, and PostgreSQL 15.18 read every page of a vacuumed table even for a bare count). The cost:
# the planner, seeing a small table and not pricing the vectors' detoasting, would read every row and
# detoast its vector rather than ask the GIN index; so the statements that ask the index are planned
# without sequential scans (``plans_through_index``).
_INSERT_TSVECTOR = f"INSERT INTO {INDEX_TABLE} (ordinal, words) VALUES (%s, array_to_tsvector(%s::text[]))"
_tsv = table(INDEX_TABLE, column("ordinal"), column("words"))


class TsvectorIndex(SearchIndex):
    def add(self, connection: Connection, documents: Iterable[tuple[int, str]]) -> None:
        rows = [(ordinal, lexemes(body)) for ordinal, body in documents]
        if rows:
            bulk.executemany(connection, _INSERT_TSVECTOR, rows)

    def query_expression(self, query: SearchQuery) -> str:
        return tsquery_expression(_word_groups(query))

    def filter_expression(self, words: Sequence[str]) -> str:
        return tsquery_expression([_filter_alternatives(word) for word in words])

    def ordinals(self, expression: str) -> Select:
        return select(_tsv.c.ordinal).where(_matches(expression))

    def page(self, statement: Select, ordinal, expression: str, after: int) -> Select:
        return (statement.join(_tsv, _tsv.c.ordinal == ordinal)
                .where(_matches(expression), _tsv.c.ordinal > after).order_by(_tsv.c.ordinal))

    def few_ordinals(self, connection: Connection, expression: str, after: int, cap: int) -> list[int] | None:
        return few_matches(connection, f"SELECT ordinal FROM {INDEX_TABLE} WHERE words @@ CAST(%s AS tsquery) "
                           "AND ordinal > %s", (expression, after), cap)


def few_matches(connection: Connection, sql: str, parameters: tuple, cap: int) -> list[int] | None:
    """PostgreSQL: the ordinals ``sql`` selects, sorted, when they are fewer than ``cap``; else None.

    Why first ask without an order: a page in ordinal order (``ORDER BY ordinal LIMIT n``) can be
    had two ways, and the planner picks by its guess of how many rows match. Asking the GIN index
    reads every match (fast when they are few, slow when most rows match); walking the ordinal
    index until the page is full is the other way round. For a word it has no statistics of (most
    words of a large corpus: only the thousand most common are kept) it guesses 0.5 % of the rows,
    and at 100,000 documents it walked every text for a word one document holds (390 ms; 0.3 ms
    through the index) and every span for GPE spans holding «Ташкент» (230 ms; 15 ms). Without an
    order and with a cap, no plan reads more than ``cap`` matches (or, for a word in every row,
    the first rows of a walk); only a query with more matches than that is asked again in order,
    the walk then being the right plan.
    """
    found = [row[0] for row in connection.exec_driver_sql(f"{sql} LIMIT %s", parameters + (cap,))]
    return sorted(found) if len(found) < cap else None


def _matches(expression: str):
    return text(f"{INDEX_TABLE}.words @@ CAST(:ts_expression AS tsquery)").bindparams(ts_expression=expression)


# What ``plans_through_index`` turns off. ``jit`` too: a plan priced with a sequential scan it had to
# take anyway (the documents' own, for the id's ILIKE) costs over ``jit_above_cost``, and compiling
# it took 530 ms at 10,000 documents.
_PLANNED_OFF = ("enable_seqscan", "jit")


@contextmanager
def plans_through_index(connection: Connection) -> Iterator[None]:
    """PostgreSQL: the statements run inside are planned without sequential scans where another way
    exists (and without JIT), so that a query of ``search_index`` reads the GIN index (measured at
    10,000 documents, the vectors in TOAST: a count of 10,000 matches in 2 ms through the index,
    150-225 ms read whole; at 100,000, 1.1-1.3 s for a word no text holds). Only for the transaction
    and only while inside: the settings in force before are put back. SQLite: nothing."""
    if connection.dialect.name != "postgresql":
        yield
        return
    before = connection.exec_driver_sql(
        "SELECT " + ", ".join(f"current_setting('{name}')" for name in _PLANNED_OFF) + ", "
        + ", ".join(f"set_config('{name}', 'off', true)" for name in _PLANNED_OFF)).one()
    yield  # an error inside leaves them off until the transaction ends (which may no longer run a statement)
    connection.exec_driver_sql(
        "SELECT " + ", ".join(f"set_config('{name}', %s, true)" for name in _PLANNED_OFF),
        tuple(before[:len(_PLANNED_OFF)]))


def index_for(connection: Connection) -> SearchIndex:
    return Fts5Index() if connection.dialect.name == "sqlite" else TsvectorIndex()


_TEXTS_AFTER = text(
    "SELECT d.ordinal, t.text FROM documents d JOIN document_texts t ON t.document_id = d.id "
    "WHERE d.ordinal > :last ORDER BY d.ordinal LIMIT :batch")


def rebuild(connection: Connection, batch: int = 500) -> None:
    """Index every stored document (a migration fills a new, empty index of a database that had none)."""
    index = index_for(connection)
    last = 0
    while True:
        rows = connection.execute(_TEXTS_AFTER, {"last": last, "batch": batch}).fetchall()
        if not rows:
            return
        index.add(connection, [tuple(row) for row in rows])
        last = rows[-1][0]
