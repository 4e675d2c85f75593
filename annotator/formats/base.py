"""What every file format provides: a reader of records and, optionally, a writer."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from annotator.domain.model import AnnotationSet, Document
from annotator.domain.problems import Problem
from annotator.domain.scheme import Scheme


@dataclass(frozen=True, slots=True)
class Record:
    """One document read from a file, and the annotation set the line carries, if any.

    Ids inside ``annotations`` are the file's own (``T1``, ``C1``); the import
    service maps them to store ids.
    """

    source: str
    line: int
    document: Document
    annotations: AnnotationSet | None = None
    # A file name is a weak id: a text file whose stem is taken gets a suffix ("-2");
    # an id a file states (JSONL) is meant, and a clash with another text is an error.
    rename_on_conflict: bool = False
    # Notes the file carries (brat's ``#`` lines): (the local id of the span or claim they are on,
    # or None for the document; the text). They go into the set's notes in the import's transaction.
    notes: tuple[tuple[Any, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Notice:
    """Something a reader did that the user should know (a text rebuilt from tokens, spans widened),
    reported beside the records; unlike a :class:`Problem` it refuses nothing."""

    file: str
    line: int
    message: str


@dataclass(frozen=True, slots=True)
class ExportItem:
    document: Document
    annotations: AnnotationSet | None  # None: a document with no set, written once
    sha256: str | None = None  # the stored hash of the text, when the caller has it (no re-hashing)
    # The set's notes, for a writer that carries them (``writes_notes``: brat's ``#`` lines):
    # (the id of the span or claim they are on, or None for the document; the text), as written.
    notes: tuple[tuple[Any, str], ...] = ()


class Format(Protocol):
    id: str
    label: str
    extensions: tuple[str, ...]

    def sniff(self, path: Path, head: bytes) -> bool:
        """Whether a file with this start is in this format (used when the extension is unknown)."""

    def read(self, path: Path, scheme: Scheme, annotator: str | None = None
             ) -> Iterator[Record | Problem | Notice]:
        """Records, problems and notices in file order; a problem never stops the reading.

        ``annotator`` (``--annotator``) owns every set read, whatever the file says;
        formats that name no annotator at all need it to produce sets.
        """


class Writer(Protocol):
    def write(self, out: BinaryIO, items: Iterable[ExportItem], scheme: Scheme) -> int:
        """Write items; return how many records were written."""


class LossyWriter(Protocol):
    """A writer of a format that cannot carry everything we have (claims, fragments, attributes):
    it appends to ``notices`` one sentence per kind of loss, said once for the whole export."""

    def write(self, out: BinaryIO, items: Iterable[ExportItem], scheme: Scheme, notices: list[str]) -> int:
        ...


class DirectoryWriter(Protocol):
    """A format whose export is a directory of files (brat's .txt/.ann pairs, one TSV per document)."""

    writes_directory: bool

    def write_directory(self, root: Path, items: Iterable[ExportItem], scheme: Scheme, notices: list[str]) -> int:
        ...
