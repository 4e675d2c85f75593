"""Assigning documents to annotators, balanced, and progress against the assignments."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.domain.query import DocumentQuery
from annotator.domain.validation import check_owner_name
from annotator.i18n import _, ngettext
from annotator.services.errors import ServiceError
from annotator.services.retrying import retried
from annotator.services.workspace import Workspace


@dataclass(frozen=True)
class Progress:
    annotator: str
    assigned: int
    done: int
    in_progress: int
    skipped: int

    @property
    def remaining(self) -> int:
        return self.assigned - self.done - self.skipped


@retried
def assign(workspace: Workspace, annotators: list[str], per_document: int,
           document_ids: list[str] | None = None) -> int:
    """Give each document ``per_document`` of the annotators, keeping their loads even.

    Documents already holding that many assignments are left as they are, so
    running it again after adding documents assigns only the new ones. Returns
    the number of assignments made.
    """
    annotators = list(dict.fromkeys(annotators))
    for name in annotators:
        problems = check_owner_name(name, allow_gold=False)
        if problems:
            raise ServiceError("; ".join(problems))
    if not 1 <= per_document <= len(annotators):
        raise ServiceError(_("--per-doc must be between 1 and the number of annotators ({count})").format(
            count=len(annotators)))
    with workspace.store.write() as repo:
        query = DocumentQuery(ids=tuple(document_ids)) if document_ids is not None else DocumentQuery()
        ids = repo.document_ids(query)
        if document_ids is not None and len(ids) != len(set(document_ids)):
            missing = sorted(set(document_ids) - set(ids))
            raise ServiceError(ngettext("no such document(s): {ids}", "no such document(s): {ids}", len(missing))
                               .format(ids=", ".join(missing)))
        load = {name: 0 for name in annotators}
        load.update({k: v for k, v in repo.assignment_load().items() if k in load})
        existing: dict[str, set[str]] = {}
        for doc, annotator in repo.assignments(ids):
            existing.setdefault(doc, set()).add(annotator)
        new: list[tuple[str, str]] = []
        for doc in ids:
            have = existing.get(doc, set())
            need = per_document - len(have & set(annotators))
            # least loaded first; the list order breaks ties, so equal loads rotate
            for name in sorted((a for a in annotators if a not in have), key=lambda a: load[a])[:max(need, 0)]:
                new.append((doc, name))
                load[name] += 1
        repo.add_assignments(new)
        return len(new)


def progress(workspace: Workspace) -> list[Progress]:
    with workspace.store.read() as repo:
        return [Progress(*row) for row in repo.progress()]
