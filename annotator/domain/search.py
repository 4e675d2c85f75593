"""Full-text search that reads Russian: the query language, what the index holds, where hits are.

One set of rules, used both when a document is indexed and when a query is
run, so that the index and the hits found in a text can never disagree:

- a **word** is a run of letters and digits (Unicode categories L* and N*);
  everything else, hyphens, punctuation, emoji, line ends, separates words.
  This is exactly how SQLite FTS5's ``unicode61`` tokenizer splits text
  (``remove_diacritics 0``, default categories "L* N* Co"), which is why the
  store can hand the text to it unchanged, but for ё (see :func:`fold`);
- words compare **folded**: lower-cased, and ё is е ("Мирзиёев" = "мирзиеев");
- an unquoted query word matches a text word when the two **share a lemma**
  (pymorphy3's normal forms, every parse, plus the word itself, as
  :func:`annotator.domain.lemmas.word_lemmas` gives them): "Токаев" finds
  "Токаева", "переговоры" finds "переговорах";
- ``"a quoted phrase"`` matches those words, in that order, adjacent, as
  written (folded, not by lemma): quotes ask for the exact wording;
- ``word*`` matches every word that starts with ``word`` (folded);
- a hyphenated query word ("Касым-Жомарт") is a phrase of its parts, each
  by lemma, since the text's hyphen separates words too;
- several terms must all be in the document; each term's occurrences are hits.

Offsets are code points into the stored text, end-exclusive, like every
offset of the core. Folding keeps every character's position (ё and е are one
code point each), so an offset in the folded text is an offset in the text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from enum import Enum

from annotator.domain.lemmas import analyzer, word_lemmas
from annotator.i18n import _

# Letters and digits of any script, no underscore: unicode61's token characters.
WORD = re.compile(r"[^\W_]+")
_PHRASE_OR_TERM = re.compile(r'"([^"]*)"(\*?)|([^\s"]+)')


class QueryError(ValueError):
    """A query that cannot be searched (empty, or an unclosed quote)."""


class TermKind(str, Enum):
    LEMMA = "lemma"  # an unquoted word: any word sharing a lemma
    EXACT = "exact"  # a word of a quoted phrase: the same folded word
    PREFIX = "prefix"  # word*: any word starting with it


@dataclass(frozen=True, slots=True)
class Term:
    kind: TermKind
    word: str  # folded
    lemmas: frozenset[str] = frozenset()  # folded; LEMMA terms only, the word included
    forms: frozenset[str] = frozenset()  # folded; LEMMA terms only: every form of its lemmas (see word_forms)

    def matches(self, folded_word: str) -> bool:
        if self.kind is TermKind.EXACT:
            return folded_word == self.word
        if self.kind is TermKind.PREFIX:
            return folded_word.startswith(self.word)
        return (folded_word in self.forms
                or not self.lemmas.isdisjoint(folded_lemmas(folded_word)))


@dataclass(frozen=True, slots=True)
class Phrase:
    """Words that must follow one another (one word is a phrase of one)."""

    terms: tuple[Term, ...]


@dataclass(frozen=True, slots=True)
class SearchQuery:
    phrases: tuple[Phrase, ...]
    source: str = ""


def fold(text: str) -> str:
    """Lower case, ё as е; same length, same positions."""
    return text.lower().replace("ё", "е")


def fold_yo(text: str) -> str:
    """ё as е, case kept: what the store gives ``unicode61`` (which folds case itself but keeps ё).
    (``str.replace`` twice: ten times faster than ``str.translate`` on Cyrillic text.)"""
    return text.replace("ё", "е").replace("Ё", "Е")


@functools.lru_cache(maxsize=262144)
def folded_lemmas(folded_word: str) -> frozenset[str]:
    """The folded lemmas of a folded word, the word itself included."""
    return frozenset(fold(lemma) for lemma in word_lemmas(folded_word)) | {folded_word}


# Lemmas this short are not used as prefixes of the index (too many words start so).
MIN_STEM = 4


@functools.lru_cache(maxsize=65536)
def word_forms(folded_word: str) -> tuple[frozenset[str], frozenset[str]]:
    """What to ask an index of words for a word to be found by lemma: (forms, stems).

    The forms are every form of every lexeme pymorphy3 proposes for the word
    ("переговоры": переговоров, переговорах, ...; "люди": человек, людей, ...),
    the word included; the stems are the word and its lemmas of ``MIN_STEM``
    letters or more, to be matched as prefixes, which catches the forms of a
    name pymorphy3 only guesses ("Токаев" parses as "токай", but "токаев*"
    finds "Токаева", "Токаеву"). The index holds words, not lemmas, so the
    expansion happens once per query word instead of once per word of the corpus;
    the hits are then checked word by word by lemma (:meth:`Term.matches`).
    """
    forms = {folded_word}
    for parse_ in analyzer().parse(folded_word):
        for form in parse_.lexeme:
            folded = fold(form.word)
            if WORD.fullmatch(folded):
                forms.add(folded)
    stems = {w for w in folded_lemmas(folded_word) if len(w) >= MIN_STEM and WORD.fullmatch(w)}
    return frozenset(forms), frozenset(stems)


def _lemma_term(word: str) -> Term:
    return Term(TermKind.LEMMA, word, folded_lemmas(word), word_forms(word)[0])


def parse(query: str) -> SearchQuery:
    """The query's phrases; QueryError when it holds no word or a quote is left open."""
    if query.count('"') % 2:
        raise QueryError(_("unclosed quote in the search {query!r}").format(query=query))
    phrases: list[Phrase] = []
    for match in _PHRASE_OR_TERM.finditer(query):
        quoted, star, bare = match.groups()
        words = WORD.findall(fold(bare if bare is not None else quoted))
        if not words:
            continue
        if bare is None and not star:
            phrases.append(Phrase(tuple(Term(TermKind.EXACT, w) for w in words)))
        elif star or bare.endswith("*"):
            *whole, last = words
            phrases.append(Phrase(tuple(Term(TermKind.EXACT, w) for w in whole)
                                  + (Term(TermKind.PREFIX, last),)))
        else:
            phrases.append(Phrase(tuple(_lemma_term(w) for w in words)))
    if not phrases:
        raise QueryError(_("the search {query!r} holds no word to look for").format(query=query))
    return SearchQuery(tuple(phrases), query)


def words_with_offsets(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded word) for every word of ``text``, in code points."""
    folded = fold(text)
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(folded)]


def _phrase_hits(phrase: Phrase, words: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    # Each term is tried once per distinct word (a text repeats its words), then the text is scanned.
    distinct = {w for _, _, w in words}
    matching = [{w for w in distinct if term.matches(w)} for term in phrase.terms]
    first, rest = matching[0], matching[1:]
    if not rest:
        return [(start, end) for start, end, w in words if w in first]
    n = len(matching)
    hits = []
    for i in range(len(words) - n + 1):
        if words[i][2] in first and all(words[i + k][2] in rest[k - 1] for k in range(1, n)):
            hits.append((words[i][0], words[i + n - 1][1]))
    return hits


def locate(query: SearchQuery, text: str, *, words: list[tuple[int, int, str]] | None = None,
           offset: int = 0) -> list[tuple[int, int]]:
    """Every hit of ``query`` in ``text`` as (start, end), sorted; empty unless every phrase occurs.

    ``offset`` is added to the positions (a span's text searched within its document).
    """
    if words is None:
        words = words_with_offsets(text)
    found: set[tuple[int, int]] = set()
    for phrase in query.phrases:
        hits = _phrase_hits(phrase, words)
        if not hits:
            return []
        found.update(hits)
    return [(s + offset, e + offset) for s, e in sorted(found)]


@dataclass(frozen=True, slots=True)
class Snippet:
    """A hit in its context, for one line of a list: ``before + match + after``."""

    before: str
    match: str
    after: str


def _one_line(s: str) -> str:
    return " ".join(s.split()) if s else s


def snippet(text: str, start: int, end: int, width: int = 40) -> Snippet:
    """The hit and up to ``width`` characters each side, line breaks as spaces, cut at a word."""
    left = max(0, start - width)
    right = min(len(text), end + width)
    before = text[left:start]
    after = text[end:right]
    if left > 0 and " " in before:
        before = "…" + before[before.index(" ") + 1:]
    if right < len(text) and " " in after:
        after = after[:after.rindex(" ")] + "…"
    lead = " " if before[-1:].isspace() else ""
    trail = " " if after[:1].isspace() else ""
    return Snippet(_one_line(before) + lead, _one_line(text[start:end]), trail + _one_line(after))


def search_words(typed: str) -> list[str]:
    """The folded words of what was typed (the document list's filter)."""
    return WORD.findall(fold(typed))
