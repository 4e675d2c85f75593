"""CoNLL-style token-per-line files: IOB1, IOB2 and BILUO (IOBES) tags in, IOB2 out.

A line is ``TOKEN [COLUMNS…] TAG``, separated by tabs or spaces, 2 or 4 columns: the token is the
first column, the tag the last (POS columns hold ``$`` and the like). A blank line ends a
sentence; ``-DOCSTART-`` starts a document. The files keep no offsets and no original text, so
the reader builds each document's text from its tokens, one space between tokens and a line break
between sentences, and says so. The writer tokenises our text with razdel (sentences, then tokens);
a span that does not fall on token edges is widened to whole tokens, and where spans nest only the
outermost is written, unless the ``conll-levels`` variant is chosen: one tag column per nesting level.
Claims: plain CoNLL leaves them out (a claim is a sentence-long span that would hide the mentions in
it) and says how many; ``conll-levels`` writes each as a span of its type (read back as a claim of
that type; its speaker, cue and other fields are lost, and counted).

Entity links are not carried: the columns we read and write are token and tags only (a linking
column, as in AIDA's CoNLL files, is a different layout no other tool here reads), so the writer
counts the links it leaves out in its notice, and the reader brings none.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from annotator.domain.model import Document, Span
from annotator.domain.problems import Problem
from annotator.domain.scheme import Scheme
from annotator.domain.tokens import sentences, tokenize
from annotator.formats.base import ExportItem, Notice, Record
from annotator.formats.interchange import Losses, SetDraft, owner_problem, read_text_file, sets_of, sorted_spans
from annotator.i18n import _

TAG = re.compile(r"O|[BIELSU]-\S+")
DOCSTART = "-DOCSTART-"


class _Document:
    def __init__(self, line: int) -> None:
        self.line = line
        self.sentences: list[list[tuple[int, str, tuple[str, ...]]]] = [[]]  # (line, token, tags: one a level)

    def add(self, number: int, token: str, tags: tuple[str, ...]) -> None:
        self.sentences[-1].append((number, token, tags))

    def end_sentence(self) -> None:
        if self.sentences[-1]:
            self.sentences.append([])

    @property
    def empty(self) -> bool:
        return not any(self.sentences)


def _chunks(tokens: list[tuple[int, int, int, str]]) -> Iterator[tuple[int, int, int, str]]:
    """(line, start, end, label) of each chunk, from (line, start, end, tag) tokens in any of IOB1,
    IOB2, BILUO: ``B``/``U``/``S`` start a chunk, ``I``/``L``/``E`` continue one of the same label
    or start one (IOB1, and a stray ``I`` after ``O``), ``L``/``E``/``U``/``S`` close it."""
    current: list | None = None
    for line, start, end, tag in tokens:
        if tag == "O":
            if current:
                yield tuple(current)
            current = None
            continue
        prefix, label = tag[0], tag[2:]
        if prefix in "BUS" or current is None or current[3] != label:
            if current:
                yield tuple(current)
            current = [line, start, end, label]
        else:
            current[2] = end
        if prefix in "LEUS":
            yield tuple(current)
            current = None
    if current:
        yield tuple(current)


class ConllFormat:
    writes_claims = False  # a claim would hide the mentions inside it: only the levels variant writes them
    id = "conll"
    label = "CoNLL (IOB)"
    extensions = (".conll", ".iob", ".bio", ".iob2", ".bilou")

    def sniff(self, path: Path, head: bytes) -> bool:
        lines = [line for line in head.decode("utf-8", "replace").splitlines()[:-1] if line.strip()][:20]
        if len(lines) < 2:
            return False
        return all(line.startswith(DOCSTART) or (
            2 <= len(line.split()) <= 5 and TAG.fullmatch(line.split()[-1]) is not None) for line in lines)

    @staticmethod
    def _tags(columns: list[str]) -> tuple[str, ...]:
        """The tag columns of a line: the last (the others between token and tag are POS and chunk)."""
        return (columns[-1],)

    def _documents(self, text: str, source: str) -> Iterator[_Document | Problem]:
        document = _Document(1)
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                document.end_sentence()
                continue
            columns = line.split("\t") if "\t" in line else line.split()
            columns = [c.strip() for c in columns]
            if columns[0] == DOCSTART:
                if not document.empty:
                    yield document
                document = _Document(number + 1)
                continue
            if len(columns) < 2 or not columns[0]:
                yield Problem(source, number, _("expected TOKEN … TAG, two or more columns"))
                continue
            tags = self._tags(columns)
            wrong = next((tag for tag in tags if TAG.fullmatch(tag) is None), None)
            if wrong is not None:
                yield Problem(source, number, _("tag {tag!r} is not O, B-X, I-X, L-X, E-X, U-X or S-X").format(
                    tag=wrong))
                continue
            document.add(number, columns[0], tags)
        if not document.empty:
            yield document

    def read(self, path: Path, scheme: Scheme, annotator: str | None = None
             ) -> Iterator[Record | Problem | Notice]:
        source = str(path)
        text = read_text_file(path)
        if isinstance(text, Problem):
            yield text
            return
        documents = list(self._documents(text, source))
        problems = [d for d in documents if isinstance(d, Problem)]
        if problems:
            yield from problems
            return
        if not documents:
            yield Problem(source, 1, _("no tokens"))
            return
        if (problem := owner_problem(source, 1, annotator)) is not None:
            yield problem
            return
        yield Notice(source, 1, _("CoNLL keeps no text: each document's text is built from its tokens "
                                  "(one space between tokens, a line break between sentences)"))
        for n, document in enumerate(documents, start=1):
            pieces: list[str] = []
            tokens: list[tuple[int, int, int, tuple[str, ...]]] = []
            offset = 0
            for sentence in document.sentences:
                if not sentence:
                    continue
                if pieces:
                    pieces.append("\n")
                    offset += 1
                for i, (number, token, tags) in enumerate(sentence):
                    if i:
                        pieces.append(" ")
                        offset += 1
                    pieces.append(token)
                    tokens.append((number, offset, offset + len(token), tags))
                    offset += len(token)
            body = "".join(pieces)
            doc_id = path.stem if len(documents) == 1 else f"{path.stem}-{n}"
            draft = SetDraft(source, body, scheme)
            levels = max((len(t[3]) for t in tokens), default=1)
            for level in range(levels):  # each tag column its own chunks (one column a nesting level)
                column = [(n, a, b, tags[level] if level < len(tags) else "O") for n, a, b, tags in tokens]
                for number, start, end, label in _chunks(column):
                    draft.span(number, f"L{number}" if not level else f"L{number}.{level + 1}", start, end, label)
            if draft.problems:
                yield from draft.problems
                continue
            yield Record(source, document.line, Document(doc_id, body, {"source": path.name}),
                         draft.finish(doc_id, annotator), rename_on_conflict=True)

    # ----------------------------------------------------------------- writing
    def write(self, out: BinaryIO, items: Iterable[ExportItem], scheme: Scheme,
              notices: list[str] | None = None) -> int:
        losses = Losses()
        count = 0
        for item, aset in sets_of(items, losses):
            losses.count_set(aset, relations=False, attributes=False, entities=False, claims=self.writes_claims)
            text = item.document.text
            if self.writes_claims:  # a claim as a span of its type, one more level; its other fields are lost
                aset = dataclasses.replace(aset, spans=aset.spans + tuple(
                    Span(c.id, c.start, c.end, c.type, fragments=c.fragments) for c in aset.claims), claims=())
            levels = self._levels(sorted_spans(aset), losses)
            lines = [f"{DOCSTART}" + "\tO" * len(levels), ""]
            edges: tuple[set[int], set[int]] = (set(), set())
            indexes = [0] * len(levels)
            for sentence in sentences(text):
                for token in tokenize(text[sentence.start:sentence.end]):
                    start, end = sentence.start + token.start, sentence.start + token.end
                    edges[0].add(start)
                    edges[1].add(end)
                    tags: list[str] = []
                    for level, spans in enumerate(levels):
                        index = indexes[level]
                        while index < len(spans) and spans[index].end <= start:
                            index += 1
                        indexes[level] = index
                        span = spans[index] if index < len(spans) and spans[index].start < end else None
                        tags.append("O" if span is None else ("B-" if start <= span.start else "I-") + span.label)
                    lines.append("\t".join((token.text, *tags)))
                lines.append("")
            losses.unaligned += sum(1 for spans in levels for s in spans
                                    if s.start not in edges[0] or s.end not in edges[1])
            out.write("\n".join(lines).encode("utf-8") + b"\n")
            count += 1
        if notices is not None:
            notices.extend(losses.sentences())
        return count

    @staticmethod
    def _levels(spans: list, losses: Losses) -> list[list]:
        """The spans to write, one list a tag column: the outermost only (a nested span is counted)."""
        outer: list = []
        for span in spans:  # outermost first: a span inside the last kept one is nested
            if outer and span.start < outer[-1].end:
                losses.nested += 1
                continue
            outer.append(span)
        return [outer]


class ConllLevelsFormat(ConllFormat):
    """CoNLL with one tag column per nesting level (``TOKEN TAG1 TAG2 …``, the outermost first), so
    nested spans are written too; chosen by name (``--format conll-levels``), never detected, since
    its extra columns look like a POS column to the plain reader."""

    id = "conll-levels"
    writes_claims = True
    label = "CoNLL (IOB), one column per nesting level"
    extensions = ()

    def sniff(self, path: Path, head: bytes) -> bool:
        return False

    @staticmethod
    def _tags(columns: list[str]) -> tuple[str, ...]:
        return tuple(columns[1:])

    @staticmethod
    def _levels(spans: list, losses: Losses) -> list[list]:
        """Each span in the first column where it overlaps no span already there (outermost first),
        so a span nested in another goes one column further; at least one column."""
        levels: list[list] = []
        for span in spans:
            for level in levels:
                if span.start >= level[-1].end:
                    level.append(span)
                    break
            else:
                levels.append([span])
        return levels or [[]]

