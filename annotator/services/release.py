"""A release: one owner's sets (gold by default) split into train/dev/test in a chosen format,
with a manifest saying what went where and how it was made: what a team hands to a model trainer.

The split is a seeded shuffle of the ids of the documents that have a set of the owner, so the
same seed over the same store gives the same split. Like every directory we write, the release is
made in a hidden directory beside the target and renamed into place; an existing target is refused.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from annotator.domain.model import GOLD
from annotator.domain.query import DocumentQuery
from annotator.formats import registry
from annotator.formats.base import ExportItem
from annotator.i18n import _
from annotator.services import output_files
from annotator.services.errors import ServiceError
from annotator.services.exporting import items_to_export
from annotator.services.progress import no_progress
from annotator.services.workspace import Workspace

SPLITS = ("train", "dev", "test")
EXTENSIONS = {"jsonl": ".jsonl", "doccano": ".jsonl", "labelstudio": ".json", "conll": ".conll", "conll-levels": ".conll"}


@dataclass
class ReleaseReport:
    documents: dict[str, list[str]] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)


def parse_split(value: str) -> tuple[int, int, int]:
    parts = value.split("/")
    if len(parts) != 3 or not all(p.strip().isdigit() for p in parts) or sum(int(p) for p in parts) == 0:
        raise ServiceError(_("a split is three whole numbers like 80/10/10, not {value!r}").format(value=value))
    return int(parts[0]), int(parts[1]), int(parts[2])


def split_ids(ids: list[str], ratios: tuple[int, int, int], seed: int) -> dict[str, list[str]]:
    shuffled = sorted(ids)
    random.Random(seed).shuffle(shuffled)
    total = sum(ratios)
    train = round(len(shuffled) * ratios[0] / total)
    dev = round(len(shuffled) * ratios[1] / total)
    return {"train": shuffled[:train], "dev": shuffled[train:train + dev], "test": shuffled[train + dev:]}


def _counted(items: Iterable[ExportItem], counts: Counter) -> Iterator[ExportItem]:
    for item in items:
        if item.annotations is not None:
            counts.update(span.label for span in item.annotations.spans)
            counts["(claims)"] += len(item.annotations.claims)
            counts["(relations)"] += len(item.annotations.relations)
        yield item


def release(workspace: Workspace, target: Path, *, format_id: str = "jsonl", owner: str = GOLD,
            ratios: tuple[int, int, int] = (80, 10, 10), seed: int = 0, command: str = "") -> ReleaseReport:
    writer = registry.get(format_id)
    target = output_files.check_new_directory(Path(target))  # before any query
    with workspace.store.read() as repo:
        ids = repo.document_ids(DocumentQuery())
        with_set = sorted({ref.document_id for ref in repo.set_refs(ids, owner)})
    if not with_set:
        raise ServiceError(_("no document has a set of {owner!r} to release").format(owner=owner))
    splits = split_ids(with_set, ratios, seed)
    scheme = workspace.current_scheme()
    report = ReleaseReport(documents=splits)
    manifest: dict = {"format": format_id, "owner": owner, "seed": seed, "split": "/".join(map(str, ratios)),
                      "scheme_version": scheme.version, "command": command, "splits": {}}

    def fill(partial: Path) -> None:
        for name in SPLITS:
            counts: Counter = Counter()
            notices: list[str] = []
            query = DocumentQuery(ids=tuple(splits[name])) if splits[name] else None
            items = (_counted(items_to_export(workspace, query, owner, no_progress, None, [0],
                                                      notes=getattr(writer, "writes_notes", False)), counts)
                     if query else iter(()))
            if getattr(writer, "writes_directory", False):
                (partial / name).mkdir()
                writer.write_directory(partial / name, items, scheme, notices)  # type: ignore[attr-defined]
            else:
                with open(partial / f"{name}{EXTENSIONS.get(format_id, '.' + format_id)}", "wb") as out:
                    if format_id == "jsonl":
                        writer.write(out, items, scheme)  # type: ignore[attr-defined]
                    else:
                        writer.write(out, items, scheme, notices)  # type: ignore[attr-defined]
            report.notices.extend(f"{name}: {n}" for n in notices)
            special = {k: counts.pop(k) for k in ("(claims)", "(relations)") if k in counts}
            manifest["splits"][name] = {"documents": splits[name], "labels": dict(sorted(counts.items())),
                                        "claims": special.get("(claims)", 0),
                                        "relations": special.get("(relations)", 0)}
        manifest["notices"] = report.notices
        (partial / "manifest.json").write_bytes(orjson.dumps(manifest, option=orjson.OPT_INDENT_2) + b"\n")

    output_files.write_directory(target, fill)
    return report
