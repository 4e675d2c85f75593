"""Shared pieces of the benchmarks: the synthetic corpus, baseline rows, timing, tables.

The corpus is made from the five sample articles in ``resources/sample``: the
`` date YYYY-MM-DD `` header is split off exactly as ``annotator.formats.text``
does, each article is cut at a sentence end to about 5 KB of UTF-8, and every
copy gets its own numbered first line (so every text, and its SHA-256, differs).
Spans sit on real razdel token boundaries (1-3 tokens), with random labels.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import orjson

from annotator import paths
from annotator.domain.model import text_sha256
from annotator.domain.tokens import Token, sentences, tokenize
from annotator.formats.text import decode, parse

LABELS = ("PER", "ORG", "GPE", "LOC", "MONEY", "DATE")
TARGET_BYTES = 5_000
OWNER = "anna"
STATUS = "in_progress"
SCHEME_VERSION = 1  # the first scheme version a fresh workspace writes


# ------------------------------------------------------------------ articles
@dataclass(frozen=True)
class Article:
    stem: str
    date: str
    body: str  # cut to about TARGET_BYTES of UTF-8 at a sentence end
    tokens: tuple[Token, ...]  # word tokens of ``body`` (razdel), for span offsets


def _cut(body: str, limit: int) -> str:
    if len(body.encode("utf-8")) <= limit:
        return body
    best = None
    for sentence in sentences(body):
        if len(body[: sentence.end].encode("utf-8")) > limit:
            break
        best = sentence.end
    return body[:best] if best else body[: limit // 2]


_ARTICLES: list[Article] | None = None


def articles() -> list[Article]:
    """The five sample articles, header split off, cut, tokenized once."""
    global _ARTICLES
    if _ARTICLES is None:
        out = []
        for path in sorted(paths.sample_corpus_dir().glob("*.txt")):
            text, _ = decode(path.read_bytes())
            body, meta = parse(text)
            body = _cut(body, TARGET_BYTES)
            words = tuple(t for t in tokenize(body) if any(c.isalnum() for c in t.text))
            out.append(Article(path.stem, meta.get("date", "2025-11-15"), body, words))
        _ARTICLES = out
    return _ARTICLES


# ------------------------------------------------------------------ corpus
@dataclass
class BenchDoc:
    id: str
    date: str
    text: str
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # sorted (start, -end, label)

    @property
    def sha256(self) -> str:
        return text_sha256(self.text)

    @property
    def meta(self) -> dict[str, str]:
        return {"date": self.date, "source": f"{self.id}.txt"}


def prefix_line(i: int, n: int) -> str:
    return f"Материал {i + 1:06d} из {n} (копия для замеров).\n"


def build_corpus(n: int, *, spans_per_doc: int = 20, seed: int = 20251115) -> list[BenchDoc]:
    rng = random.Random(seed)
    arts = articles()
    docs = []
    for i in range(n):
        art = arts[i % len(arts)]
        prefix = prefix_line(i, n)
        text = prefix + art.body
        shift = len(prefix)
        spans: set[tuple[int, int, str]] = set()
        while len(spans) < spans_per_doc:
            first = rng.randrange(len(art.tokens))
            last = min(len(art.tokens) - 1, first + rng.choice((0, 0, 0, 1, 2)))
            spans.add((art.tokens[first].start + shift, art.tokens[last].end + shift, rng.choice(LABELS)))
        docs.append(BenchDoc(f"{i:06d}_{art.stem[4:]}", art.date, text,
                             sorted(spans, key=lambda s: (s[0], -s[1], s[2]))))
    return docs


def corpus_bytes(docs: Sequence[BenchDoc]) -> int:
    return sum(len(d.text.encode("utf-8")) for d in docs)


def jsonl_line(doc: BenchDoc, *, annotated: bool = True, owner: str = OWNER) -> dict:
    """A line of our JSONL, shaped as ``annotator.formats.jsonl.to_json`` writes it."""
    text = doc.text
    line = {"id": doc.id, "text": text, "meta": {**doc.meta, "sha256": doc.sha256},
            "annotator": owner if annotated else None, "status": STATUS if annotated else None,
            "scheme_version": SCHEME_VERSION, "entities": [], "claims": [], "relations": []}
    if annotated:
        line["entities"] = [{"id": f"T{n}", "start": s, "end": e, "label": label, "text": text[s:e],
                             "attributes": {}, "entity": None}
                            for n, (s, e, label) in enumerate(doc.spans, start=1)]
    return line


def write_jsonl(docs: Iterable[BenchDoc], path: Path, *, annotated: bool = True,
                owners: Sequence[str] = (OWNER,)) -> int:
    """``owners``: the documents' annotators in turn (one set per document)."""
    with open(path, "wb") as out:
        for n, doc in enumerate(docs):
            out.write(orjson.dumps(jsonl_line(doc, annotated=annotated, owner=owners[n % len(owners)])) + b"\n")
    return path.stat().st_size


def write_texts(docs: Iterable[BenchDoc], directory: Path) -> int:
    """One ``.txt`` per document, with the sample corpus's `` date YYYY-MM-DD `` header."""
    directory.mkdir(parents=True, exist_ok=True)
    total = 0
    for doc in docs:
        data = f" date {doc.date} {doc.text}".encode("utf-8")
        (directory / f"{doc.id}.txt").write_bytes(data)
        total += len(data)
    return total


# ------------------------------------------------------------------ baseline rows
def _db_time(moment: datetime) -> str:
    return moment.isoformat(sep=" ", timespec="microseconds")  # SQLAlchemy's SQLite DATETIME text


@dataclass
class Rows:
    documents: list[tuple]
    texts: list[tuple]
    sets: list[tuple]
    spans: list[tuple]
    index: list[tuple] = field(default_factory=list)  # the full-text index: (ordinal, text with ё as е)
    span_index: list[tuple] = field(default_factory=list)  # the spans' index: (rowid, words, label)

    @property
    def count(self) -> int:
        """Table rows (the index's entries are not counted as rows)."""
        return len(self.documents) + len(self.texts) + len(self.sets) + len(self.spans)


def baseline_rows(docs: Sequence[BenchDoc]) -> Rows:
    """The rows an import of these documents writes (ids as a fresh store would give them)."""
    moment = _db_time(datetime.now(timezone.utc).replace(tzinfo=None))
    documents, texts, sets, spans, index, span_index = [], [], [], [], [], []
    span_id = 0
    for n, doc in enumerate(docs, start=1):
        documents.append((doc.id, n, doc.sha256, doc.date, len(doc.text), json.dumps(doc.meta), moment))
        texts.append((doc.id, doc.text))
        index.append((n, doc.text.replace("ё", "е").replace("Ё", "Е")))
        sets.append((n, doc.id, OWNER, STATUS, moment))
        for start, end, label in doc.spans:
            span_id += 1
            spans.append((span_id, n, "entity", start, end, label, None, None))
            span_index.append(((n << 31) | span_id, doc.text[start:end].replace("ё", "е").replace("Ё", "Е"), label))
    return Rows(documents, texts, sets, spans, index, span_index)


SQL_DOCUMENTS = ("INSERT INTO documents (id, ordinal, sha256, date, length, meta, created_at) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?)")
SQL_TEXTS = "INSERT INTO document_texts (document_id, text) VALUES (?, ?)"
SQL_SETS = "INSERT INTO annotation_sets (id, document_id, owner, status, updated_at) VALUES (?, ?, ?, ?, ?)"
# The store indexes every text at import (FTS5 tokenizes it in C on insert); a bare import must too.
SQL_INDEX = "INSERT INTO search_index (rowid, words) VALUES (?, ?)"
SQL_SPAN_INDEX = "INSERT INTO span_search (rowid, words, label) VALUES (?, ?, ?)"  # and every entity span's words
SQL_SPANS = ('INSERT INTO spans (id, set_id, kind, start, "end", label, attributes, entity) '
             "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")


def connect(path: Path) -> sqlite3.Connection:
    """A bare sqlite3 connection with the store's pragmas; transactions are explicit."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA busy_timeout = 10000")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


def create_schema(path: Path) -> None:
    """An empty file with the store's schema (made by ``open_store``, then closed)."""
    from annotator.storage import open_store

    open_store(str(path)).close()


def insert_rows(connection: sqlite3.Connection, rows: Rows) -> None:
    connection.execute("BEGIN IMMEDIATE")
    connection.executemany(SQL_DOCUMENTS, rows.documents)
    connection.executemany(SQL_TEXTS, rows.texts)
    connection.executemany(SQL_SETS, rows.sets)
    connection.executemany(SQL_SPANS, rows.spans)
    connection.executemany(SQL_INDEX, rows.index)
    connection.executemany(SQL_SPAN_INDEX, rows.span_index)
    connection.execute("COMMIT")


# ------------------------------------------------------------------ running and printing
def timed(fn, *args, **kwargs) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - start, result


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), -(-len(ordered) * q // 100)))
    return ordered[int(rank) - 1]


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def table(rows: Sequence[Sequence[object]], header: Sequence[str]) -> str:
    cells = [[str(c) for c in header]] + [[str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = []
    for n, r in enumerate(cells):
        lines.append("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


class WorkDir:
    """A scratch directory (``--dir`` or a fresh temporary one), removed unless ``--keep``."""

    def __init__(self, base: str | None, keep: bool, prefix: str):
        self.keep = keep
        if base:
            Path(base).mkdir(parents=True, exist_ok=True)
        self.path = Path(tempfile.mkdtemp(prefix=prefix, dir=base))

    def __enter__(self) -> Path:
        return self.path

    def __exit__(self, *exc) -> None:
        if self.keep:
            print(f"(kept {self.path})")
        else:
            shutil.rmtree(self.path, ignore_errors=True)


def common_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dir", default=os.environ.get("BENCH_DIR"),
                        help="where scratch files go (default: a new temporary directory; "
                             "put it on the disk you care about, fsync costs differ)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch files")
    parser.add_argument("--seed", type=int, default=20251115)
    parser.add_argument("--profile", action="store_true",
                        help="also run our side under cProfile and print the hotspots")


def profile(fn, *args, top: int = 25, **kwargs):
    """Run ``fn`` under cProfile; print the top functions by own time and by cumulative time."""
    import cProfile
    import io
    import pstats

    profiler = cProfile.Profile()
    result = profiler.runcall(fn, *args, **kwargs)
    for key in ("tottime", "cumulative"):
        stream = io.StringIO()
        pstats.Stats(profiler, stream=stream).strip_dirs().sort_stats(key).print_stats(top)
        text = stream.getvalue()
        print(text[text.find("   ncalls"):].rstrip() if "   ncalls" in text else text)
        print()
    return result
