"""The full-text index behind search and the document list's filter, one implementation per database.

A :class:`SearchIndex` is kept at import (texts never change afterwards, so a
document is indexed once) and answers "which documents may hold this query"
as a subquery of document ordinals; the hits themselves, with their offsets,
are found in those documents' texts by :func:`annotator.domain.search.locate`,
so every database gives the same hits. PostgreSQL's full-text half slots in
here as another implementation (a ``tsvector`` of the ё-folded text with the
``simple`` configuration, asked with the same expansion of the query); until
then PostgreSQL uses :class:`NoIndex`, which names every document a
candidate: the same hits, found by reading every text.

SQLite: one contentless FTS5 table, ``search_index``, whose rowid is the
document's ordinal (so results come in corpus order and page by
``rowid > last``), with one column, ``words``: the text with ё written е.

Why the tokenizer ``unicode61`` (``remove_diacritics 0``): it splits on exactly
what the domain's ``WORD`` splits on and folds Cyrillic case itself, in C, at
the speed of the insert; it keeps ё apart from е, hence the one replacement
we make first; with diacritics removed it would also fold й into и, which
Russian must not. The others do not fit: ``porter`` stems English only,
``trigram`` matches substrings (no word boundaries, no lemmas, an index
several times larger), and a tokenizer of our own (pymorphy3 inside FTS5)
cannot be registered through Python's ``sqlite3`` module, which gives no
access to the ``fts5_api``. Phrases and prefixes are the index's own
(``detail=full``).

Lemmas are not stored: an unquoted word is asked as all the forms of its
lemmas and, as prefixes, its stems (:func:`~annotator.domain.search.word_forms`),
one pymorphy3 call per query word instead of one per word of the corpus at
import (measured: lemmatising every text at import tripled its time).

Contentless (``content=''``): the text is already stored once in
``document_texts``; the index keeps only what it needs to answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, Select, column, select, table, text

from annotator.domain.search import SearchQuery, TermKind, fold_yo, word_forms

FTS_TABLE = "search_index"

CREATE_FTS = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "words, content='', columnsize=0, tokenize='unicode61 remove_diacritics 0')"
)
_INSERT = f"INSERT INTO {FTS_TABLE}(rowid, words) VALUES (?, ?)"
_fts = table(FTS_TABLE, column("rowid"))


def is_index_table(name: str | None) -> bool:
    """Tables the index owns (FTS5's shadow tables included), which the models do not describe."""
    return bool(name) and (name == FTS_TABLE or name.startswith(FTS_TABLE + "_"))


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _lemma_alternatives(word: str) -> str:
    forms, stems = word_forms(word)
    return " OR ".join([_quoted(f) for f in sorted(forms)] + [f"{_quoted(s)} *" for s in sorted(stems)])


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
                parts.append(f"({_lemma_alternatives(term.word)})")
            else:
                star = " *" if term.kind is TermKind.PREFIX else ""
                parts.append(f"({_quoted(term.word)}{star})")
    return " AND ".join(parts)


def filter_expression(words: Sequence[str]) -> str:
    """For the document list's filter, typed a letter at a time: every word as the start of a
    word of the text, or by lemma ("токае" finds "Токаева", "переговоры" "переговорах")."""
    parts = []
    for word in words:
        forms, stems = word_forms(word)
        # what the word as a prefix already finds is not asked again
        alternatives = [f"{_quoted(word)} *"] + [_quoted(f) for f in sorted(forms) if not f.startswith(word)]
        alternatives += [f"{_quoted(s)} *" for s in sorted(stems) if not s.startswith(word)]
        parts.append("(" + " OR ".join(alternatives) + ")")
    return " AND ".join(parts)


class SearchIndex:
    """What the store needs of a full-text index."""

    indexed = True

    def add(self, connection: Connection, documents: Iterable[tuple[int, str]]) -> None:
        """Index texts, given as (ordinal, text)."""
        raise NotImplementedError

    def ordinals(self, expression: str) -> Select:
        """A subquery of the ordinals of the documents matching an expression of this index."""
        raise NotImplementedError

    def page(self, statement: Select, ordinal, expression: str, after: int) -> Select:
        """``statement`` (a select over documents, ``ordinal`` its ordinal column) driven by the
        index: only the matching documents after ``after``, in ordinal order, so that a page
        reads no further than its last row."""
        raise NotImplementedError


class Fts5Index(SearchIndex):
    def add(self, connection: Connection, documents: Iterable[tuple[int, str]]) -> None:
        rows = [(ordinal, fold_yo(body)) for ordinal, body in documents]
        if rows:
            connection.exec_driver_sql(_INSERT, rows)

    def ordinals(self, expression: str) -> Select:
        return select(_fts.c.rowid).where(_match(expression))

    def page(self, statement: Select, ordinal, expression: str, after: int) -> Select:
        # FTS5 answers MATCH with "rowid > ?" and rowid order itself, and stops at the LIMIT.
        return (statement.join(_fts, _fts.c.rowid == ordinal)
                .where(_match(expression), _fts.c.rowid > after).order_by(_fts.c.rowid))


def _match(expression: str):
    return text(f"{FTS_TABLE} MATCH :fts_expression").bindparams(fts_expression=expression)


class NoIndex(SearchIndex):
    """No index (PostgreSQL until its full-text half lands): every document is a candidate."""

    indexed = False

    def add(self, connection: Connection, documents: Iterable[tuple[int, str]]) -> None:
        return None

    def ordinals(self, expression: str) -> Select:
        raise NotImplementedError("this database has no full-text index yet")


def index_for(connection: Connection) -> SearchIndex:
    return Fts5Index() if connection.dialect.name == "sqlite" else NoIndex()


def rebuild(connection: Connection, batch: int = 500) -> None:
    """Index every stored document (a migration fills a new, empty index of a database that had none)."""
    index = index_for(connection)
    if not index.indexed:
        return
    last = 0
    while True:
        rows = connection.exec_driver_sql(
            "SELECT d.ordinal, t.text FROM documents d JOIN document_texts t ON t.document_id = d.id "
            "WHERE d.ordinal > ? ORDER BY d.ordinal LIMIT ?", (last, batch)).fetchall()
        if not rows:
            return
        index.add(connection, rows)
        last = rows[-1][0]
