"""Export: a page of documents at a time, so memory stays flat as the corpus grows."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

import orjson

from annotator.domain.model import ALL, AnnotationSet, Document
from annotator.domain.query import DocumentQuery
from annotator.formats import jsonl, registry
from annotator.formats.base import ExportItem
from annotator.i18n import _, ngettext
from annotator.services import output_files
from annotator.services.errors import ServiceError
from annotator.services.progress import CancelToken, Progress, no_progress
from annotator.services.workspace import Workspace

PAGE = 200


@dataclass(frozen=True)
class ExportReport:
    records: int
    documents: int
    # What the format could not carry, one sentence per kind ("3 claims not written").
    notices: list[str] = field(default_factory=list)


def writes_directory(format_id: str) -> bool:
    """Whether the format's export is a directory of files (brat, WebAnno TSV) rather than one file."""
    return bool(getattr(registry.get(format_id), "writes_directory", False))


def with_entities(repo, sets: list[AnnotationSet]) -> list[AnnotationSet]:
    """The sets, each with the entities its mentions link to (what a writer says of a link)."""
    table = {e.id: e for e in repo.entities_by_ids(
        {s.entity for aset in sets for s in aset.spans if isinstance(s.entity, int)})}
    return [replace(aset, entities=tuple(table[i] for i in sorted({s.entity for s in aset.spans
                                                                  if s.entity in table})))
            for aset in sets]


def items_to_export(workspace: Workspace, query: DocumentQuery, owner: str, progress: Progress,
           cancel: CancelToken | None, counter: list[int], notes: bool = False) -> Iterator[ExportItem]:
    """``notes``: give each item its set's notes (for a writer that carries them)."""
    with workspace.store.read() as repo:
        total = repo.count_documents(query)
        done = 0
        after = None
        while True:
            ids, after = repo.document_page(query, PAGE, after)  # keyset: the walk stays linear
            if not ids:
                return
            documents = repo.documents(ids)
            stored_sha = repo.documents_by_id(ids)  # id -> the sha256 stored at import: not computed again
            sets = with_entities(repo, repo.load_sets(repo.set_refs(ids, None if owner == ALL else owner)))
            by_document: dict[str, list] = {}
            for aset in sorted(sets, key=lambda s: s.owner):
                by_document.setdefault(aset.document_id, []).append(aset)
            set_notes: dict[tuple[str, str], list] = {}
            if notes:
                for note in repo.notes(ids, None if owner == ALL else owner):
                    set_notes.setdefault((note.document_id, note.owner), []).append((note.target_id, note.text))
            for document in documents:
                if cancel is not None:
                    cancel.check()
                owned = by_document.get(document.id, [])
                if not owned and owner == ALL:
                    yield ExportItem(document, None, stored_sha.get(document.id))
                for aset in owned:
                    yield ExportItem(document, aset, stored_sha.get(document.id),
                                     tuple(set_notes.get((document.id, aset.owner), ())))
                counter[0] += 1
            done += len(ids)
            progress(done, total, _("documents"))


def jsonl_pages(workspace: Workspace, query: DocumentQuery, owner: str, scheme, progress: Progress,
                cancel: CancelToken | None, counter: list[int]) -> Iterator[list[bytes]]:
    """Our JSONL's lines, a page of documents at a time, built from the store's rows
    (``Repository.export_page``: the documents with their sets, then each set's spans as one JSON
    array made by the database; see :func:`annotator.formats.jsonl.entities_json`): what
    :func:`items_to_export` and ``to_json`` give, without a domain object per span or hashing the
    stored text again. Sets with claims, relations, discontinuous spans or entity links are loaded whole."""
    version = scheme.version
    with workspace.store.read() as repo:
        total = repo.count_documents(query)
        done = 0
        after = None
        while True:
            ids, after = repo.document_page(query, PAGE, after)  # keyset: the walk stays linear
            if not ids:
                return
            rows = repo.export_page(ids, None if owner == ALL else owner)
            whole_refs = [row.set for row in rows if row.whole and row.set is not None]
            whole = {s.id: s for s in with_entities(repo, repo.load_sets(whole_refs))} if whole_refs else {}
            lines = []
            last = None
            for row in rows:
                if cancel is not None:
                    cancel.check()
                ref = row.set
                if ref is None:
                    if owner == ALL:
                        lines.append(jsonl.line_json(row.document_id, row.text, row.meta, row.sha256, None, None,
                                                     version, None))
                elif ref.id in whole:
                    item = ExportItem(Document(row.document_id, row.text, row.meta), whole[ref.id], row.sha256)
                    lines.append(orjson.dumps(jsonl.to_json(item, scheme)))
                else:
                    lines.append(jsonl.line_json(row.document_id, row.text, row.meta, row.sha256, ref.owner,
                                                 ref.status.value, version,
                                                 jsonl.entities_json(row.text, row.spans or "[]")))
                if row.document_id != last:
                    counter[0] += 1
                    last = row.document_id
            yield lines
            done += len(ids)
            progress(done, total, _("documents"))


def export(workspace: Workspace, out: BinaryIO, *, format_id: str = "jsonl", owner: str = ALL,
           document_ids: list[str] | None = None, query: DocumentQuery | None = None,
           progress: Progress = no_progress, cancel: CancelToken | None = None) -> ExportReport:
    """Write the chosen sets: one owner's, ``gold``, or ``all`` (a document with no set once)."""
    writer = registry.get(format_id)
    if not hasattr(writer, "write"):
        if hasattr(writer, "write_directory"):
            raise ServiceError(_("format {format!r} is written as a directory: give a directory to create")
                               .format(format=format_id))
        raise ServiceError(_("format {format!r} cannot be written").format(format=format_id))
    query, scheme, counter = _prepare(workspace, query, document_ids)
    notices: list[str] = []
    if format_id == "jsonl":
        pages = jsonl_pages(workspace, query, owner, scheme, progress, cancel, counter)
        records = writer.write_lines(out, pages)  # type: ignore[attr-defined]
    else:
        items = items_to_export(workspace, query, owner, progress, cancel, counter,
                                notes=getattr(writer, "writes_notes", False))
        records = writer.write(out, items, scheme, notices)  # type: ignore[attr-defined]
    return ExportReport(records, counter[0], notices)


def _prepare(workspace: Workspace, query: DocumentQuery | None, document_ids: list[str] | None
             ) -> tuple[DocumentQuery, object, list[int]]:
    query = query or DocumentQuery()
    if document_ids is not None:
        with workspace.store.read() as repo:
            missing = sorted(set(document_ids) - set(repo.documents_by_id(document_ids)))
        if missing:
            raise ServiceError(ngettext("no such document(s): {ids}", "no such document(s): {ids}", len(missing))
                               .format(ids=", ".join(missing)))
        query = replace(query, ids=tuple(document_ids))
    return query, workspace.current_scheme(), [0]


def export_to_directory(workspace: Workspace, path: Path, *, format_id: str, owner: str = ALL,
                        document_ids: list[str] | None = None, query: DocumentQuery | None = None,
                        progress: Progress = no_progress, cancel: CancelToken | None = None) -> ExportReport:
    """A directory format's export (one folder per owner inside ``path``).

    ``path`` must not exist: nothing we write replaces a directory. The files are written into
    a hidden directory beside it, renamed into place at the end; a failed or cancelled export
    leaves nothing behind.
    """
    writer = registry.get(format_id)
    if not hasattr(writer, "write_directory"):
        raise ServiceError(_("format {format!r} is written as one file, not a directory").format(format=format_id))
    output_files.check_new_directory(Path(path))  # before any query: a refusal costs nothing
    query, scheme, counter = _prepare(workspace, query, document_ids)
    notices: list[str] = []
    def fill(folder: Path) -> int:
        items = items_to_export(workspace, query, owner, progress, cancel, counter,
                                notes=getattr(writer, "writes_notes", False))
        return writer.write_directory(folder, items, scheme, notices)  # type: ignore[attr-defined]

    records = output_files.write_directory(Path(path), fill)
    return ExportReport(records, counter[0], notices)


def export_to_path(workspace: Workspace, path: Path, *, force: bool = False, **options) -> ExportReport:
    """:func:`export` into a file, through :func:`output_files.write_file`.

    A failed or cancelled export never leaves a half-written file behind, never
    touches a file already at ``path``, and never replaces the open database, a
    SQLite file or a file annotator did not write, unless ``force``.
    """
    return output_files.write_file(Path(path), lambda out: export(workspace, out, **options),
                                   database=workspace.store.file, force=force)
