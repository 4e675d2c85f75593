"""Repeated passages: the same sentences, exactly or nearly, in several documents.

Finding them has two steps. Each sentence gets a MinHash signature of its word
pairs (``datasketch``), cut into LSH bands: two sentences that share a band are
candidates, checked by ``difflib`` on their normalised text. Copies of a passage
then are aligned character by character (``difflib`` again, over the normalised
text with a map back to the stored one), so that a span maps onto the copy's own
characters even where the copy has another dash, capital or an added word.

Normalised: case folded, ``ё`` as ``е``, every dash as ``-``, every quote mark as
``"``, every run of white space (NBSP, tabs, line ends) as one space.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from annotator.domain.tokens import sentences

NUM_PERM = 64  # signature length: enough for sentences of a few dozen word pairs
THRESHOLD = 0.5  # LSH's Jaccard threshold on word pairs (an added word in 20 keeps ~0.85)
SIMILAR = 0.85  # difflib ratio of the normalised sentences that makes a candidate a copy
# datasketch's hashing, named so that a later default cannot change the bands already stored
SCHEME = "affine32"
SIGNATURES_AT_ONCE = 2000  # sentences signed in one array (about 40,000 word pairs x 64 values)
MIN_WORDS = 5  # shorter sentences ("Фото: Акорда.") repeat by chance, not by copying

_HAS_ALNUM = re.compile(r"[^\W_]").search  # a word: it holds a letter or digit (str.isalnum's, faster)
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d"
_QUOTES = "«»„“”‟‘’‚‛‹›\"'`´"
_FOLD = {ord(c): "-" for c in _DASHES} | {ord(c): '"' for c in _QUOTES} | {ord("ё"): "е"}


@dataclass(frozen=True, slots=True)
class Normalised:
    """A text's normalised form and, for each of its characters, where it comes from."""

    text: str
    origin: tuple[int, ...]  # stored-text offset of each normalised character


def normalise(text: str, start: int = 0, end: int | None = None) -> Normalised:
    """``text[start:end]`` normalised; a run of white space becomes one space at the run's first
    character (and none at the region's edges)."""
    end = len(text) if end is None else end
    out: list[str] = []
    origin: list[int] = []
    space = False
    for i in range(start, end):
        char = text[i]
        if char.isspace():
            space = True
            continue
        if space and out:
            out.append(" ")
            origin.append(i - 1)
        space = False
        lower = char.lower()
        if len(lower) != 1:  # a character whose lower case is longer keeps the one-to-one map
            lower = char
        out.append(lower.translate(_FOLD))
        origin.append(i)
    return Normalised("".join(out), tuple(origin))


_SPACES = re.compile(r"\s+")


def normalised_text(text: str) -> str:
    """:func:`normalise`'s text alone, without the map back (five times faster: for indexing)."""
    return _SPACES.sub(" ", text.lower().translate(_FOLD)).strip()


# ------------------------------------------------------------------ sentences and signatures
@dataclass(frozen=True, slots=True)
class Unit:
    """A sentence long enough to count as a passage: its place, normalised text and LSH bands."""

    ordinal: int  # the sentence's number among the document's units
    start: int
    end: int
    text: str  # normalised
    bands: tuple[int, ...]


@lru_cache(maxsize=1)
def _bands_shape() -> tuple[int, int]:
    """(bands, rows per band) that datasketch picks for the threshold (minimising false results)."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


@lru_cache(maxsize=1)
def _permutations():
    """datasketch's permutations for seed 1, made once (making them costs more than hashing a sentence)."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME).permutations


def prepare() -> None:
    """Import what the signatures need and make their permutations. datasketch imports scipy:
    about half a second of imports that hold the interpreter and cannot pause, which a background
    indexer does at a quiet moment before its first batch rather than in the middle of one."""
    _permutations()


def _shingles(words: Sequence[str]) -> list[bytes]:
    return [f"{a} {b}".encode() for a, b in zip(words, words[1:])]


_MIX = None  # odd 64-bit multipliers, one per row of a band (fixed: stored keys must stay valid)


def _band_keys(hashvalues, bands: int, rows: int) -> tuple[int, ...]:
    """One 64-bit key per LSH band: a multiply-add hash of the band's rows (wrapping in uint64),
    salted by the band's number. Collisions only cost a difflib check."""
    import numpy as np

    global _MIX
    if _MIX is None or len(_MIX) != rows:
        generator = np.random.default_rng(20251115)
        _MIX = generator.integers(1, 2**63, size=rows, dtype=np.uint64) | np.uint64(1)
    with np.errstate(over="ignore"):
        block = hashvalues[:bands * rows].astype(np.uint64).reshape(bands, rows)
        keys = (block * _MIX).sum(axis=1, dtype=np.uint64) + np.arange(bands, dtype=np.uint64) * np.uint64(
            0x9E3779B97F4A7C15)
    return tuple(keys.view(np.int64).tolist())


def units(text: str) -> list[Unit]:
    """The document's sentences of at least ``MIN_WORDS`` words, with their signatures."""
    return units_of([text])[0]


def units_of(texts: Sequence[str], pause: Callable[[], None] | None = None) -> list[list[Unit]]:
    """:func:`units` of many documents at once: one vectorised MinHash over every sentence of them.

    The signatures are exactly datasketch's (``MinHash(scheme="affine32")`` over the SHA-1 of each
    word pair; ``tests/domain/test_repeats.py`` compares them): only the per-sentence objects and
    the per-sentence numpy calls are gone (they were half an import's indexing time). ``pause`` is
    called before each sentence and each batch of signatures: a background indexer waits there
    while the annotator works (a news article's units take 5-12 ms, a keystroke's paint as long)."""
    import numpy as np

    found: list[list[tuple[int, int, str, list[str]]]] = []
    for text in texts:
        mine = []
        for sentence in sentences(text):
            if pause is not None:
                pause()
            norm = normalised_text(sentence.text)
            words = [w for w in norm.split(" ") if _HAS_ALNUM(w)]
            if len(words) >= MIN_WORDS:
                mine.append((sentence.start, sentence.end, norm, words))
        found.append(mine)
    flat = [f for mine in found for f in mine]
    if not flat:
        return [[] for _ in texts]
    bands, rows = _bands_shape()
    keys: list[tuple[int, ...]] = []
    for i in range(0, len(flat), SIGNATURES_AT_ONCE):  # bounded memory: a few MB of hash values at a time
        if pause is not None:
            pause()
        hashvalues = _signatures([_shingles(words) for *_, words in flat[i:i + SIGNATURES_AT_ONCE]])
        keys += _band_keys_of(hashvalues, bands, rows)
    result: list[list[Unit]] = []
    n = 0
    for mine in found:
        result.append([Unit(i, start, end, norm, keys[n + i]) for i, (start, end, norm, _) in enumerate(mine)])
        n += len(mine)
    return result


def _signatures(shingled: Sequence[Sequence[bytes]]):
    """Each sentence's MinHash values (one row per sentence), as datasketch's ``update_batch``
    computes them for scheme affine32, over all sentences in one array."""
    import hashlib

    import numpy as np
    from datasketch.minhash import _fmix  # the scheme's pre-mix: datasketch's own, so the values match

    a, b = _permutations()
    sha1 = hashlib.sha1
    digests = b"".join(sha1(shingle).digest()[:4] for shingles in shingled for shingle in shingles)
    hv = np.frombuffer(digests, dtype="<u4").astype(np.uint32)  # datasketch's sha1_hash32, in bulk
    hv = _fmix(hv.reshape(-1, 1), 32)
    with np.errstate(over="ignore"):
        phv = hv * a + b  # wraps modulo 2**32, as datasketch's does
    starts = np.cumsum([0] + [len(s) for s in shingled[:-1]])
    return np.minimum.reduceat(phv, starts, axis=0)


def _band_keys_of(hashvalues, bands: int, rows: int) -> list[tuple[int, ...]]:
    """:func:`_band_keys` of many signatures (one per row) at once."""
    import numpy as np

    _band_keys(hashvalues[0], bands, rows)  # makes the multipliers
    with np.errstate(over="ignore"):
        block = hashvalues[:, :bands * rows].astype(np.uint64).reshape(len(hashvalues), bands, rows)
        keys = (block * _MIX).sum(axis=2, dtype=np.uint64) + np.arange(bands, dtype=np.uint64) * np.uint64(
            0x9E3779B97F4A7C15)
    return [tuple(row) for row in keys.view(np.int64).tolist()]


def similar(a: str, b: str) -> bool:
    """Whether two normalised sentences are copies of each other (small edits allowed)."""
    if a == b:
        return True
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return matcher.real_quick_ratio() >= SIMILAR and matcher.quick_ratio() >= SIMILAR \
        and matcher.ratio() >= SIMILAR


# ------------------------------------------------------------------ passages
@dataclass(frozen=True, slots=True)
class Place:
    """One repeated sentence in one document: the group of its copies, its number and extent."""

    document_id: str
    ordinal: int
    group: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Passage:
    """Consecutive repeated sentences that appear together: where each copy is."""

    groups: tuple[int, ...]
    places: tuple[tuple[str, int, int], ...]  # (document, start, end), in the order given


def _runs(places: Sequence[Place], holders: dict[int, int], sizes: dict[int, int]) -> list[list[Place]]:
    """A document's repeated sentences cut into runs of consecutive ones copied into the same
    documents (a change of the documents that hold them ends a passage). ``holders``: group -> the
    number of its set of documents (sets compared by number: at 100,000 documents a set is large);
    ``sizes``: group -> how many documents hold it."""
    runs: list[list[Place]] = []
    for place in places:
        if sizes[place.group] < 2:
            continue
        last = runs[-1][-1] if runs else None
        if last is not None and last.ordinal + 1 == place.ordinal and holders[last.group] == holders[place.group]:
            runs[-1].append(place)
        else:
            runs.append([place])
    return runs


def passages(places: Iterable[Place], order: Sequence[str] | None = None) -> list[Passage]:
    """The repeated passages among the places: each run of consecutive repeated sentences, merged
    with the runs of the same sentences in other documents. ``order``: the documents' order."""
    by_document: dict[str, list[Place]] = defaultdict(list)
    documents_of: dict[int, set[str]] = defaultdict(set)
    for place in places:
        by_document[place.document_id].append(place)
        documents_of[place.group].add(place.document_id)
    numbers: dict[frozenset[str], int] = {}
    holders = {g: numbers.setdefault(frozenset(d), len(numbers)) for g, d in documents_of.items()}
    sizes = {g: len(d) for g, d in documents_of.items()}
    rank = {d: i for i, d in enumerate(order)} if order is not None else {}
    found: dict[tuple[int, ...], list[tuple[str, int, int]]] = {}
    for document_id in sorted(by_document, key=lambda d: (rank.get(d, len(rank)), d)):
        for run in _runs(sorted(by_document[document_id], key=lambda p: p.ordinal), holders, sizes):
            key = tuple(p.group for p in run)
            found.setdefault(key, []).append((document_id, run[0].start, run[-1].end))
    return [Passage(key, tuple(where)) for key, where in found.items() if len({d for d, *_ in where}) > 1]


def chains(source: Sequence[Place], copy: Sequence[Place]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Regions of ``source`` copied in ``copy`` (two documents' places): runs of consecutive sentences
    whose copies are consecutive too, as ((source start, end), (copy start, end))."""
    in_copy: dict[int, list[Place]] = defaultdict(list)
    for place in copy:
        in_copy[place.group].append(place)
    pairs = [(a, b) for a in source for b in in_copy.get(a.group, ())]
    pairs.sort(key=lambda ab: (ab[0].ordinal, ab[1].ordinal))
    found: list[list[tuple[Place, Place]]] = []
    used: set[tuple[int, int]] = set()
    by_key = {(a.ordinal, b.ordinal): (a, b) for a, b in pairs}
    for a, b in pairs:
        if (a.ordinal, b.ordinal) in used:
            continue
        run = [(a, b)]
        used.add((a.ordinal, b.ordinal))
        while (nxt := by_key.get((run[-1][0].ordinal + 1, run[-1][1].ordinal + 1))) is not None:
            run.append(nxt)
            used.add((nxt[0].ordinal, nxt[1].ordinal))
        found.append(run)
    return [((run[0][0].start, run[-1][0].end), (run[0][1].start, run[-1][1].end)) for run in found]


# ------------------------------------------------------------------ alignment
def _word_char(char: str) -> bool:
    return char.isalnum()


class Alignment:
    """A region of one text aligned with its copy in another, to map offsets across exactly."""

    def __init__(self, source_text: str, source: tuple[int, int], copy_text: str, copy: tuple[int, int]):
        self.source_text, self.copy_text = source_text, copy_text
        self.source, self.copy = source, copy
        self._a = normalise(source_text, *source)
        self._b = normalise(copy_text, *copy)
        self._to_b: list[int | None] = [None] * len(self._a.text)
        matcher = SequenceMatcher(None, self._a.text, self._b.text, autojunk=False)
        for tag, i1, i2, j1, _j2 in matcher.get_opcodes():
            if tag == "equal":
                for k in range(i2 - i1):
                    self._to_b[i1 + k] = j1 + k
        self._index = {offset: i for i, offset in enumerate(self._a.origin)}

    def covers(self, start: int, end: int) -> bool:
        return self.source[0] <= start and end <= self.source[1]

    def map(self, start: int, end: int) -> tuple[int, int] | None:
        """The copy's (start, end) for the source's, or None when the copy differs inside the span
        or at its edges (the span would not cover the same words there)."""
        if not self.covers(start, end) or start >= end:
            return None
        first = self._index.get(start)
        last = self._index.get(end - 1)
        if first is None or last is None:  # a span that starts or ends in white space
            return None
        mapped = self._to_b[first:last + 1]
        if any(m is None for m in mapped):
            return None
        if any(b - a != 1 for a, b in zip(mapped, mapped[1:])):  # something inserted inside the span
            return None
        new_start = self._b.origin[mapped[0]]  # type: ignore[index]
        new_end = self._b.origin[mapped[-1]] + 1  # type: ignore[index]
        if not self._same_edges(start, end, new_start, new_end):
            return None
        return new_start, new_end

    def _same_edges(self, start: int, end: int, new_start: int, new_end: int) -> bool:
        """A word goes on past the span in one text but not in the other: the span would cut it."""
        def before(text: str, i: int) -> bool:
            return i > 0 and _word_char(text[i - 1])

        def after(text: str, i: int) -> bool:
            return i < len(text) and _word_char(text[i])

        return before(self.source_text, start) == before(self.copy_text, new_start) \
            and after(self.source_text, end) == after(self.copy_text, new_end)
