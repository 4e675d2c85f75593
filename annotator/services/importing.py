"""Import: files in any registered format into the store, all or nothing.

One transaction for the whole import. Records are written in batches as they
are read (bulk Core inserts, so memory stays bounded); if any record is bad the
transaction is rolled back at the end and nothing is kept, unless the caller
asked to skip bad records. Each owner whose sets the import adds or replaces
gets one undoable action in the log.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from annotator import paths
from annotator.domain.changes import Changes
from annotator.domain.model import AUTHOR, AnnotationSet, Document, text_sha256
from annotator.domain.problems import Problem
from annotator.domain.scheme import Scheme
from annotator.domain.speakers import speakers_in_step
from annotator.domain.validation import check_owner_name
from annotator.formats import registry
from annotator.formats.base import Format, Notice, Record
from annotator.i18n import _, ngettext
from annotator.services.errors import Cancelled
from annotator.services.permissions import refusal
from annotator.services.progress import CancelToken, Progress, no_progress
from annotator.services.workspace import Workspace
from annotator.services.entities import LinkResolver
from annotator.storage.actions import ENTITIES, NOTES, RELATIONS, SETS, SPANS, delete_op
from annotator.storage.repository import Repository, claim_rows, now, relation_values, set_row, span_row

BATCH = 500


@dataclass
class ImportReport:
    documents_added: int = 0
    documents_existing: int = 0
    sets_added: int = 0
    sets_replaced: int = 0
    spans: int = 0
    claims: int = 0
    relations: int = 0
    notes: int = 0
    problems: list[Problem] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)
    records_skipped: int = 0
    committed: bool = False
    dry_run: bool = False
    changes: Changes = Changes()

    @property
    def failed(self) -> bool:
        return bool(self.problems) and not self.committed


class _Rollback(Exception):
    """Leaves the transaction without keeping anything."""


@dataclass
class _OwnerLog:
    new_sets: list[int] = field(default_factory=list)
    restore: list[dict] = field(default_factory=list)  # inverse ops of the sets replaced
    documents: set[str] = field(default_factory=set)


class _Importer:
    def __init__(self, repo: Repository, scheme: Scheme, report: ImportReport, *, user: str | None):
        self.repo = repo
        self.scheme = scheme
        self.report = report
        self.user = user
        self.next_ordinal = repo.next_ordinal()
        self.added: dict[str, str] = {}  # sha256 -> id, documents added by this import
        self.added_ids: dict[str, str] = {}  # id -> sha256
        self.sets_seen: dict[tuple[str, str], Problem] = {}
        self.owners: dict[str, _OwnerLog] = defaultdict(_OwnerLog)
        self.links = LinkResolver(repo)  # the files' entity references, as the owners' entities

    def problem(self, record: Record, message: str) -> None:
        self.report.problems.append(Problem(record.source, record.line, message))

    def notice(self, record: Record, message: str) -> None:
        self.report.notices.append(Problem(record.source, record.line, message))

    # --------------------------------------------------------------- batches
    def flush(self, batch: list[Record]) -> None:
        if not batch:
            return
        shas = [text_sha256(r.document.text) for r in batch]
        stored_by_sha = self.repo.documents_by_sha(shas)
        stored_ids = self.repo.documents_by_id([r.document.id for r in batch])
        new_documents: list[tuple[Document, str]] = []
        sets: list[tuple[Record, str, AnnotationSet]] = []
        for record, sha in zip(batch, shas):
            owner = record.annotations.owner if record.annotations else None  # the reader applied --annotator
            owner_problems = check_owner_name(owner) if owner is not None else []
            if owner is not None and not owner_problems:
                reason = refusal(self.repo, owner, self.user or owner)
                owner_problems = [reason] if reason else []
            for message in owner_problems:
                self.problem(record, message)
            if owner_problems:
                continue  # a bad record adds nothing, not even its document
            doc_id = self._place_document(record, sha, stored_by_sha, stored_ids, new_documents)
            if doc_id is None or record.annotations is None or owner is None:
                continue
            key = (doc_id, owner)
            if key in self.sets_seen:
                first = self.sets_seen[key]
                self.problem(record, _("a second set of {owner!r} for document {document!r} "
                                       "(first at {file}:{line})").format(
                    owner=owner, document=doc_id, file=first.file, line=first.line))
                continue
            self.sets_seen[key] = Problem(record.source, record.line, "")
            sets.append((record, doc_id, speakers_in_step(record.annotations)))
        self.repo.insert_documents(new_documents, self.next_ordinal)
        self.next_ordinal += len(new_documents)
        self.report.documents_added += len(new_documents)
        self._write_sets(sets)

    def _place_document(self, record: Record, sha: str, stored_by_sha: dict[str, str],
                        stored_ids: dict[str, str], new_documents: list[tuple[Document, str]]) -> str | None:
        """The id the record's text is stored under, adding the document if it is new."""
        document = record.document
        existing = self.added.get(sha) or stored_by_sha.get(sha)
        if existing is not None:
            if existing in self.added_ids and self.added[sha] == existing and existing == document.id:
                return existing  # another set of a document this import added
            self.report.documents_existing += 1
            if existing == document.id:
                self.notice(record, _("document {document!r} is already stored with this text; not added again")
                            .format(document=existing))
            elif record.annotations:
                self.notice(record, _("this text is already stored as {document!r}; not added again; "
                                      "its annotations go to that document").format(document=existing))
            else:
                self.notice(record, _("this text is already stored as {document!r}; not added again")
                            .format(document=existing))
            return existing
        doc_id = document.id
        taken = stored_ids.get(doc_id) or self.added_ids.get(doc_id)
        if taken is not None:
            if not record.rename_on_conflict:
                self.problem(record, _("document id {document!r} is already used by a different text")
                             .format(document=doc_id))
                return None
            doc_id = self._free_id(doc_id)
            self.notice(record, _("document id {document!r} is taken by a different text; stored as {new_id!r}")
                        .format(document=document.id, new_id=doc_id))
            document = Document(doc_id, document.text, document.meta)
        self.added[sha] = doc_id
        self.added_ids[doc_id] = sha
        new_documents.append((document, sha))
        return doc_id

    def _free_id(self, base: str) -> str:
        taken = self.repo.ids_with_prefix(f"{base}-") | set(self.added_ids)
        n = 2
        while f"{base}-{n}" in taken:
            n += 1
        return f"{base}-{n}"

    def _write_sets(self, sets: list[tuple[Record, str, AnnotationSet]]) -> None:
        if not sets:
            return
        owners_of = {doc_id: [] for _, doc_id, _ in sets}
        for _, doc_id, aset in sets:
            owners_of[doc_id].append(aset.owner)
        replaced = [ref for ref in self.repo.set_refs(list(owners_of))
                    if ref.owner in owners_of[ref.document_id]]
        for ref in replaced:
            log = self.owners[ref.owner]
            log.restore.extend(self.repo.apply([delete_op(SETS, [ref.id])]))
        self.report.sets_replaced += len(replaced)

        set_ids = iter(self.repo.allocate_ids(SETS, len(sets)))
        span_ids = iter(self.repo.allocate_ids(SPANS, sum(len(a.spans) + len(a.claims) for _, _, a in sets)))
        relation_ids = iter(self.repo.allocate_ids(RELATIONS, sum(len(a.relations) for _, _, a in sets)))
        note_ids = iter(self.repo.allocate_ids(NOTES, sum(len(r.notes) for r, _, _ in sets)))
        set_rows, span_rows, claim_details, relation_rows, note_rows = [], [], [], [], []
        created = now()
        for record, doc_id, aset in sets:
            aset = self.links.resolve(aset, record.document.text)
            owner = aset.owner
            set_id = next(set_ids)
            set_rows.append(set_row(set_id, doc_id, owner, aset.status))
            local: dict[object, int] = {}
            for span in aset.spans:
                local[span.id] = next(span_ids)
                span_rows.append(span_row(set_id, local[span.id], span, origin=span.origin))
            for claim in aset.claims:
                local[claim.id] = next(span_ids)
            for claim in aset.claims:
                speaker = None if claim.speaker in (None, AUTHOR) else local[claim.speaker]
                span, details = claim_rows(set_id, local[claim.id], claim, speaker, origin=claim.origin)
                span_rows.append(span)
                claim_details.append(details)
            for rel in aset.relations:
                relation_rows.append(relation_values(next(relation_ids), set_id, rel, local[rel.head], local[rel.tail]))
            for target, text in record.notes:  # a file's notes (brat's #): the set's, in this transaction
                note_rows.append({"id": next(note_ids), "set_id": set_id,
                                  "target_id": None if target is None else local[target], "unsure": False,
                                  "text": text, "author": self.user or owner, "created_at": created})
            log = self.owners[owner]
            log.new_sets.append(set_id)
            log.documents.add(doc_id)
            self.report.spans += len(aset.spans)
            self.report.claims += len(aset.claims)
            self.report.relations += len(aset.relations)
            self.report.notes += len(record.notes)
        self.repo.insert_annotations(set_rows, span_rows, claim_details, relation_rows, note_rows,
                                     texts={doc_id: record.document.text for record, doc_id, _ in sets})
        self.report.sets_added += len(sets) - len(replaced)

    def log_actions(self, sources: list[str]) -> list[int]:
        action_ids = []
        for owner, log in sorted(self.owners.items()):
            inverse = [delete_op(SETS, log.new_sets)] + log.restore
            if self.links.created.get(owner):
                inverse.append(delete_op(ENTITIES, self.links.created[owner]))
            documents = sorted(log.documents)
            count = len(log.new_sets)
            label = ngettext("Import {count} set(s) of {owner}", "Import {count} set(s) of {owner}",
                             count).format(count=count, owner=owner)
            action_ids.append(self.repo.log_action(
                owner=owner, user=self.user or owner, kind="import", label=label,
                document_id=documents[0] if len(documents) == 1 else None,
                forward=[{"op": "import", "files": sources, "sets": log.new_sets}], inverse=inverse,
            ))
        return action_ids


def _format_for(path: Path, format_id: str) -> Format:
    return registry.detect(path) if format_id == "auto" else registry.get(format_id)


def _planned(sources: list[Path], format_id: str) -> list[tuple[Path, Format | None]]:
    """Each file to read with its format where its directory decides it (with ``auto``, a directory
    of brat pairs is brat's); None: the file's own (ask once it is known to exist)."""
    if format_id != "auto":
        registry.get(format_id)  # an unknown format is refused before anything is read
    return registry.plan(sources, format_id)


def import_files(workspace: Workspace, sources: list[Path], *, format_id: str = "auto",
                 annotator: str | None = None, user: str | None = None, skip_bad: bool = False,
                 dry_run: bool = False, progress: Progress = no_progress,
                 cancel: CancelToken | None = None) -> ImportReport:
    """Import every file (a directory: every file in it). Raises Cancelled if cancelled.

    The new documents are not in the index of repeated passages yet: ``repeats.index_pending``
    reads them after the import has committed (the window does it in the background)."""
    report = ImportReport(dry_run=dry_run)
    if annotator is not None:
        for message in check_owner_name(annotator):
            report.problems.append(Problem("--annotator", 0, message))
            return report
    planned = _planned(sources, format_id)
    files = [path for path, _fmt in planned]
    try:
        with workspace.store.write() as repo:
            importer = _Importer(repo, workspace.scheme(repo), report, user=user)
            batch: list[Record] = []
            records = 0
            for index, (path, fmt) in enumerate(planned):
                progress(index, len(files), str(path))
                if not path.exists():
                    report.problems.append(Problem(str(path), 0, _("no such file")))
                    continue
                for item in (fmt or _format_for(path, format_id)).read(path, importer.scheme, annotator):
                    if cancel is not None:
                        cancel.check()
                    if isinstance(item, Problem):
                        report.problems.append(item)
                        continue
                    if isinstance(item, Notice):
                        report.notices.append(Problem(item.file, item.line, item.message))
                        continue
                    batch.append(item)
                    records += 1
                    if len(batch) >= BATCH:
                        importer.flush(batch)
                        batch = []
                        progress(index, len(files), ngettext("{file} ({count} records)", "{file} ({count} records)",
                                                             records).format(file=path, count=records))
            importer.flush(batch)
            progress(len(files), len(files), _("done"))
            report.records_skipped = len({(p.file, p.line) for p in report.problems})
            if (report.problems and not skip_bad) or dry_run:
                raise _Rollback
            action_ids = importer.log_actions([str(p) for p in files])
            # the planner's statistics of what was just filled, before a search needs them (PostgreSQL),
            # and the span index's segments merged, before a keystroke's commit must (SQLite)
            repo.analyze_grown_tables()
            repo.merge_span_index()
            documents = frozenset(d for log in importer.owners.values() for d in log.documents)
            report.changes = Changes(
                action_id=action_ids[-1] if action_ids else None, label=_("Import"),
                documents=documents, corpus=report.documents_added > 0,
                spans=report.spans > 0, claims=report.claims > 0, relations=report.relations > 0,
                set_status=bool(importer.owners), notes=report.sets_replaced > 0 or report.notes > 0,  # a replaced set's notes go
            )
    except _Rollback:
        return report
    except Cancelled:
        raise
    report.committed = True
    return report


def import_sample(workspace: Workspace, **options) -> ImportReport:
    """The five sample articles shipped in ``resources/sample``."""
    return import_files(workspace, [paths.sample_corpus_dir()], format_id="text", **options)


def validate_files(sources: list[Path], scheme: Scheme, *, format_id: str = "auto",
                   annotator: str | None = None) -> list[Problem]:
    """The problems an import would report about the files themselves, writing nothing.

    Problems that depend on the database (an id already used by another text)
    are found by ``import --dry-run``.
    """
    problems: list[Problem] = []
    for path, fmt in _planned(sources, format_id):
        if not path.exists():
            problems.append(Problem(str(path), 0, _("no such file")))
            continue
        sets: dict[tuple[str, str], int] = {}
        texts: dict[str, tuple[str, int]] = {}
        for item in (fmt or _format_for(path, format_id)).read(path, scheme, annotator):
            if isinstance(item, Problem):
                problems.append(item)
                continue
            if isinstance(item, Notice):
                continue
            sha = text_sha256(item.document.text)
            first = texts.setdefault(item.document.id, (sha, item.line))
            if first[0] != sha:
                problems.append(Problem(item.source, item.line,
                                        _("document id {document!r} is already used by a different text "
                                          "(line {line})").format(document=item.document.id, line=first[1])))
            if item.annotations is not None:
                key = (item.document.id, item.annotations.owner)
                if key in sets:
                    problems.append(Problem(item.source, item.line,
                                            _("a second set of {owner!r} for document {document!r} "
                                              "(first at line {line})").format(
                                                owner=key[1], document=key[0], line=sets[key])))
                sets.setdefault(key, item.line)
    return problems
