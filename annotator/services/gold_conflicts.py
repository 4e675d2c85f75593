"""Two curators on one document's gold: a write to what someone else changed since you read it is refused.

A curator's window remembers the newest gold action of the document when it
read gold (:func:`gold_version`) and hands it back with each change (``seen``).
If since then another curator's action touched the region the change is about
(overlapping extents; a change of the set's status, or one whose extents are
unknown, touches the whole document), or one of the rows it changes (a note,
a relation: what has no extent of its own), the change is refused with who did
what, and the window reads the document again. Without ``seen`` (the command
line, which always acts on what is stored now) nothing is checked.

Every change to gold takes ``seen``: spans (add, relabel, remove, attributes),
claims (add, edit, speaker), relations (add, remove), notes (add, edit,
remove), and the curation window's accepting a version or a whole set.
"""

from __future__ import annotations

from collections.abc import Iterable

from annotator.domain.model import GOLD
from annotator.i18n import _
from annotator.services.errors import ServiceError
from annotator.services.workspace import Workspace
from annotator.storage.actions import Op
from annotator.storage.repository import Repository

Extent = tuple[int, int]
Region = Extent | list[Extent] | None  # None: the whole document; a list: any of these extents
RowKey = tuple[str, int]  # (table, id); a claim is keyed as its span


def _key(table: str, row_id: int) -> RowKey:
    return ("spans" if table == "claims" else table, row_id)


class GoldConflict(ServiceError):
    """Another curator changed this part of gold since you read it; read it again."""


def gold_version(workspace: Workspace, document_id: str) -> int:
    with workspace.store.read() as repo:
        return repo.last_action_id(GOLD, document_id)


def _extents(repo: Repository, ops: Iterable[Op]) -> list[tuple[int, int]] | None:
    """What the operations touched, as extents; None when they touched the document as a whole."""
    extents: list[tuple[int, int]] = []
    ids: set[int] = set()
    for op in ops:
        table = op.get("table")
        if table == "annotation_sets" and op["op"] in ("insert", "delete"):
            continue  # the set made (or taken back) with its first span: the spans say where
        if table in (None, "annotation_sets"):  # the scheme, or the set's status
            return None
        if op["op"] == "insert":
            for row in op["rows"]:
                if table == "spans":  # a discontinuous span touches its fragments, not their gaps
                    extents.extend(tuple(f) for f in row.get("fragments") or [(row["start"], row["end"])])
                elif table == "curation_decisions":
                    extents.append((row["start"], row["end"]))
                else:
                    ids.update(row[k] for k in ("span_id", "head_id", "tail_id", "target_id") if row.get(k))
        elif op["op"] == "update" and table == "curation_decisions":
            extents.append((op["values"]["start"], op["values"]["end"]))
        elif op["op"] == "update" and table in ("spans", "claims"):
            ids.add(op["id"])
            values = op.get("values") or {}
            if values.get("fragments"):  # pieces given or taken back (the inverse holds the old ones)
                extents.extend(tuple(f) for f in values["fragments"])
            elif "start" in values and "end" in values:
                extents.append((values["start"], values["end"]))
        elif op["op"] == "update_many" and table in ("spans", "claims"):
            ids.update(op["ids"])
    extents.extend(repo.span_extents(ids))
    return extents


def _rows(ops: Iterable[Op]) -> set[RowKey]:
    """Every row the operations inserted, deleted or changed."""
    touched: set[RowKey] = set()
    for op in ops:
        table = op.get("table")
        if table is None:
            continue
        if op["op"] == "insert":
            touched.update(_key(table, row.get("id", row.get("span_id"))) for row in op["rows"])
        elif op["op"] == "update":
            touched.add(_key(table, op["id"]))
        else:  # delete, update_many
            touched.update(_key(table, row_id) for row_id in op["ids"])
    return touched


def _overlaps(extents: list[Extent] | None, region: Region) -> bool:
    if extents is None or region is None:
        return True
    regions = [region] if isinstance(region, tuple) else region
    return any(a < end and start < b for a, b in extents for start, end in regions)


def check_unchanged(repo: Repository, document_id: str, seen: int | None, user: str | None, region: Region,
                    rows: Iterable[RowKey] = ()) -> None:
    """Refuse (GoldConflict) when someone else's gold action after ``seen`` touched ``region`` or
    one of ``rows`` ((table, id) of what the change writes, e.g. ``("notes", 7)``)."""
    if seen is None:
        return
    mine = {_key(table, row_id) for table, row_id in rows}
    for _id, who, label, forward, inverse in repo.actions_since(GOLD, document_id, seen):
        if who == user:
            continue
        ops = [*forward, *inverse]
        if (mine and not mine.isdisjoint(_rows(ops))) or _overlaps(_extents(repo, ops), region):
            raise GoldConflict(_("{user} changed this since you opened it ({action}); "
                                 "the document is read again, look and try again").format(user=who, action=label))
