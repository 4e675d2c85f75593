"""The scheme editor's offer of a brat ``annotation.conf``: what it would add, and putting it in force.

An import of a brat collection whose labels the scheme lacks says so and names the configuration;
the import dialog then offers the scheme editor, which reads the proposal
(``services/schemes.brat_proposal``: the scheme in force plus the file's labels, relation types and
attributes), lists what it adds and, if the user agrees, saves it as one undoable scheme version
(``services/schemes.adopt_brat_proposal``). Nothing changes unless the user says yes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication

from annotator.formats.brat_conf import Proposal
from annotator.gui.common.tasks import TaskRunner
from annotator.services import schemes
from annotator.services.workspace import Workspace


class SchemeEditor(Protocol):
    """What the offer uses of the scheme editor (named here, so the two modules do not import each other)."""

    workspace: Workspace
    runner: TaskRunner
    user: str
    read_only_reason: str | None
    last_brat_proposal: Proposal | None

    def show_status(self, text: str, *, error: bool = False) -> None: ...

    def show_failure(self, exc: BaseException) -> None: ...

    def confirm(self, title: str, text: str) -> bool: ...

    def save(self, change: Callable[[], Any]) -> None: ...

def describe(proposal: Proposal) -> str:
    """What the proposal adds, one line a kind (names cut after twelve)."""
    def names(items: tuple[str, ...]) -> str:
        return ", ".join(items[:12]) + (", …" if len(items) > 12 else "")

    lines = []
    for items, text in ((proposal.labels, QCoreApplication.translate("BratOffer", "Labels (%1): %2")),
                        (proposal.relations, QCoreApplication.translate("BratOffer", "Relation types (%1): %2")),
                        (proposal.widened, QCoreApplication.translate("BratOffer", "Relation types allowing more (%1): %2")),
                        (proposal.attributes, QCoreApplication.translate("BratOffer", "Attributes (%1): %2"))):
        if items:
            lines.append(text.replace("%1", str(len(items))).replace("%2", names(items)))
    if proposal.left:
        lines.append(QCoreApplication.translate("BratOffer", "Not taken (a scheme of ours cannot hold them): %1")
                     .replace("%1", names(proposal.left)))
    return "\n".join(lines)


def offer(editor: SchemeEditor, path: Path) -> None:
    """Read the proposal of ``path`` on the runner, show it, and save it if the user agrees."""
    workspace, user = editor.workspace, editor.user
    if editor.read_only_reason:
        editor.show_status(editor.read_only_reason, error=True)
        return

    def shown(proposal: Proposal) -> None:
        editor.last_brat_proposal = proposal
        if proposal.empty:
            editor.show_status(QCoreApplication.translate("BratOffer", "%1 names nothing the scheme lacks")
                               .replace("%1", path.name))
            return
        title = QCoreApplication.translate("BratOffer", "Labels from brat %1").replace("%1", path.name)
        question = QCoreApplication.translate("BratOffer", "The brat configuration %1 names what the scheme "
                                              "lacks:\n\n%2\n\nAdd them to the scheme (one change, undoable)?")
        question = question.replace("%1", str(path))
        if editor.confirm(title, question.replace("%2", describe(proposal))):
            editor.save(lambda: schemes.adopt_brat_proposal(workspace, path, user=user))

    editor.runner.run(lambda: schemes.brat_proposal(workspace, path), on_done=shown, on_error=editor.show_failure)
