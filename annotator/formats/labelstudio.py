"""Label Studio's JSON export of tasks (a list of tasks, or one task object).

Each task's ``annotations`` (``completions`` in Label Studio 0.x) become annotators' sets, its
``predictions`` a set owned by ``model:NAME`` (NAME: the prediction's ``model_version``), which is
a suggestion, never an annotator's set. A span is a result of ``type: labels`` (one span per
label); a relation is a result with ``from_id``/``to_id`` (region ids of the same annotation) and
``labels``. Its JSON-MIN export (one flat object per task and annotator, regions by control name,
no region ids and so no relations) is read too. Offsets are code points (Label Studio since 2022); an older export counted UTF-16
units, which shows as covered text that matches only after conversion: such spans are converted
and counted in one notice.

Entity links ride on a per-region text area (``<TextArea name="entity" toName="text"
perRegion="true"/>`` in the labelling config): a ``type: textarea`` result named ``entity`` with
the region's id, its text the entity's external id (a Wikidata QID) or else its name. Read
back, an identifier becomes the entity's external id and words its name.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from annotator.domain.limits import IDENTIFIER_LENGTH, NAME_LENGTH, free_value_problem, name_problem, text_problem
from annotator.domain.model import Document
from annotator.domain.offsets import OffsetError, OffsetMap
from annotator.domain.problems import Problem
from annotator.domain.scheme import Scheme
from annotator.formats.base import ExportItem, Notice, Record
from annotator.formats.claim_spans import as_spans
from annotator.formats.interchange import (
    Losses,
    SetDraft,
    owner_problem,
    read_text_file,
    link_of,
    same_text,
    sorted_spans,
    writable_relations,
)
from annotator.i18n import _, ngettext

MODEL_PREFIX = "model:"
# A region's attributes are results with the region's id (Label Studio's per-region controls):
# a boolean as a ``choices`` result holding the attribute's name under ``from_name``
# ``attr:NAME``, a value as a ``textarea`` result.
ATTRIBUTE_PREFIX = "attr:"
FROM_NAME, TO_NAME = "label", "text"
ENTITY_FROM_NAME = "entity"  # the per-region text area that carries a region's entity link


def _tasks(data: str) -> Iterator[tuple[int, Any] | tuple[int, str]]:
    """Each task with the line it starts on; a task that is not JSON gives its error message instead.

    The standard parser reads the list one element at a time (``raw_decode``) only so that a
    problem can name the task's line: the file is one JSON value, not a file of lines.
    """
    decoder = json.JSONDecoder()
    index = len(data) - len(data.lstrip())
    if data.startswith("{", index):
        try:
            yield data.count("\n", 0, index) + 1, decoder.raw_decode(data, index)[0]
        except json.JSONDecodeError as exc:
            yield exc.lineno, f"!{exc.msg}"
        return
    if not data.startswith("[", index):
        yield 1, "!" + _("expected a list of tasks or one task object")
        return
    index += 1
    line, counted = 1, 0  # lines counted up to ``counted``: each stretch once, not from the start each time
    while True:
        while index < len(data) and data[index] in " \t\r\n,":
            index += 1
        if index >= len(data):
            yield data.count("\n") + 1, "!" + _("the list of tasks is not closed")
            return
        if data[index] == "]":
            return
        line += data.count("\n", counted, index)
        counted = index
        try:
            task, index = decoder.raw_decode(data, index)
        except json.JSONDecodeError as exc:
            yield exc.lineno, f"!{exc.msg}"
            return
        yield line, task


def _owner_of(annotation: dict[str, Any]) -> str | None:
    who = annotation.get("completed_by")
    if isinstance(who, dict):
        who = who.get("email") or who.get("username") or who.get("id")
    if isinstance(who, str) and who:
        return who[:NAME_LENGTH]
    if isinstance(who, int) and not isinstance(who, bool):
        return f"labelstudio-{who}"
    return None


def _text_of(task: dict[str, Any]) -> tuple[str | None, str]:
    data = task.get("data")
    if not isinstance(data, dict):
        return None, ""
    if isinstance(data.get("text"), str):
        return data["text"], "text"
    for key, value in data.items():  # a config whose Text tag reads another field: its first string
        if isinstance(value, str):
            return value, key
    return None, ""


def _regions(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(
        isinstance(r, dict) and "start" in r and "end" in r and "labels" in r for r in value)


def _is_min(task: dict[str, Any]) -> bool:
    """A JSON-MIN item: the task's data, the annotator and each control's regions on one level
    (``{"text": ..., "label": [{"start", "end", "text", "labels"}], "annotator": ...}``)."""
    return "annotation_id" in task or any(_regions(v) for v in task.values())


def _from_min(task: dict[str, Any]) -> dict[str, Any]:
    """A JSON-MIN item as a full task: one annotation by its ``annotator``, one labels result per region
    (JSON-MIN has no region ids, so it carries no relations)."""
    skip = {"annotator", "annotation_id", "created_at", "updated_at", "lead_time", "id"}
    data = {k: v for k, v in task.items() if k not in skip and not _regions(v) and not isinstance(v, list)}
    result = []
    for key, regions in task.items():
        if _regions(regions):
            for n, region in enumerate(regions):
                result.append({"id": f"{key}{n + 1}", "from_name": key, "to_name": TO_NAME, "type": "labels",
                               "value": region})
    who = task.get("annotator")
    annotation = {"completed_by": who if isinstance(who, (str, int)) else None, "result": result}
    return {"id": task.get("id"), "data": data, "annotations": [annotation] if result else []}


class LabelStudioFormat:
    id = "labelstudio"
    label = "Label Studio JSON"
    extensions = (".json",)

    def sniff(self, path: Path, head: bytes) -> bool:
        start = head.lstrip()[:1]
        return start in (b"[", b"{") and any(k in head for k in (b'"data"', b'"annotations"', b'"completions"',
                                                                 b'"predictions"', b'"annotation_id"'))

    def read(self, path: Path, scheme: Scheme, annotator: str | None = None
             ) -> Iterator[Record | Problem | Notice]:
        source = str(path)
        data = read_text_file(path)
        if isinstance(data, Problem):
            yield data
            return
        utf16_spans = 0
        for number, (line, task) in enumerate(_tasks(data), start=1):
            if isinstance(task, str):
                yield Problem(source, line, _("malformed JSON: {error}").format(error=task[1:]))
                return
            items, converted = self._task(task, number, line, source, path, scheme, annotator)
            utf16_spans += converted
            yield from items
        if utf16_spans:
            yield Notice(source, 1, _("{count} span(s) counted in UTF-16 units (a Label Studio export from "
                                      "before 2022): converted, their covered text checked").format(count=utf16_spans))

    def _task(self, task: Any, number: int, line: int, source: str, path: Path, scheme: Scheme,
              annotator: str | None) -> tuple[list[Record | Problem | Notice], int]:
        out: list[Record | Problem | Notice] = []
        if not isinstance(task, dict):
            return [Problem(source, line, _("task #{number}: must be an object").format(number=number))], 0
        if "data" not in task and _is_min(task):
            task = _from_min(task)
        if not isinstance(task.get("data"), dict):
            return [Problem(source, line, _("task #{number}: no 'data' object: not a Label Studio task").format(
                number=number))], 0
        text, field = _text_of(task)
        if text is None or not text.strip():
            return [Problem(source, line, _("task #{number}: no text in 'data'").format(number=number))], 0
        if (found := text_problem(text)) is not None:
            return [Problem(source, line, _("document: 'text' at character {index}: {problem}").format(
                index=found[0], problem=found[1]))], 0
        data = task["data"]
        stated = data.get("doc_id")
        doc_id = stated if isinstance(stated, str) else f"{path.stem}-{task.get('id', number)}"
        if (problem := name_problem(doc_id, _("document id"), IDENTIFIER_LENGTH)) is not None:
            return [Problem(source, line, problem)], 0
        meta = {k: v for k, v in data.items() if k not in (field, "doc_id") and v is not None}
        meta["source"] = path.name
        if (problem := free_value_problem(meta)) is not None:
            return [Problem(source, line, _("document meta: {problem}").format(problem=problem))], 0
        document = Document(doc_id, text, meta)
        rename = not isinstance(stated, str)
        groups: list[tuple[str | None, dict[str, Any], str]] = []
        for key in ("annotations", "completions"):
            for annotation in task.get(key) or []:
                if isinstance(annotation, dict) and annotation.get("was_cancelled"):
                    out.append(Notice(source, line, _("task #{number}: a cancelled annotation skipped").format(
                        number=number)))
                    continue
                if isinstance(annotation, dict):
                    groups.append((annotator or _owner_of(annotation), annotation, key))
        for prediction in task.get("predictions") or []:
            if isinstance(prediction, dict):
                version = prediction.get("model_version")
                name = str(version) if version not in (None, "") else "labelstudio"
                groups.append((f"{MODEL_PREFIX}{name}"[:NAME_LENGTH], prediction, "predictions"))
        if not groups:
            return [*out, Record(source, line, document, None, rename_on_conflict=rename)], 0
        offsets = OffsetMap(text)
        converted = 0
        problems_before = len([o for o in out if isinstance(o, Problem)])
        for owner, annotation, key in groups:
            if (problem := owner_problem(source, line, owner)) is not None:
                out.append(problem)
                continue
            draft = SetDraft(source, text, scheme)
            relations = []
            attributes = _region_attributes(annotation.get("result") or [])
            links = {r.get("id"): r["value"]["text"][0] for r in annotation.get("result") or []
                     if isinstance(r, dict) and r.get("type") == "textarea" and r.get("from_name") == ENTITY_FROM_NAME
                     and isinstance(r.get("value"), dict) and isinstance(r["value"].get("text"), list)
                     and r["value"]["text"] and isinstance(r["value"]["text"][0], str)}
            for n, result in enumerate(annotation.get("result") or []):
                if not isinstance(result, dict):
                    draft.problem(line, _("task #{number}: result #{index} must be an object").format(
                        number=number, index=n + 1))
                elif result.get("type") == "relation":
                    relations.append(result)
                elif result.get("type") == "labels" or "labels" in (result.get("value") or {}):
                    converted += self._span(draft, result, n, number, line, offsets, attributes, links)
            both_ways = 0
            for n, rel in enumerate(relations):
                head, tail = rel.get("from_id"), rel.get("to_id")
                if rel.get("direction") == "left":
                    head, tail = tail, head
                if not draft.known(head) or not draft.known(tail):
                    draft.problem(line, _("task #{number}: relation {head} -> {tail} refers to a region that is "
                                          "not in this annotation").format(number=number, head=head, tail=tail))
                    continue
                labels = rel.get("labels") or []
                if not labels:
                    draft.problem(line, _("task #{number}: relation {head} -> {tail} has no label").format(
                        number=number, head=head, tail=tail))
                for label in labels:
                    draft.relation(line, f"r{n}-{label}", str(label), head, tail)
                    if rel.get("direction") == "bi":  # both ways: ours are directed, so one relation each way
                        draft.relation(line, f"r{n}-{label}-back", str(label), tail, head)
                        both_ways += 1
            if draft.problems:
                out.extend(draft.problems)
                continue
            out.extend(draft.notices(line))
            if both_ways:
                out.append(Notice(source, line, ngettext(
                    "task #{number}: {count} relation in both directions read as two relations, one each way",
                    "task #{number}: {count} relations in both directions read as two relations, one each way",
                    both_ways).format(number=number, count=both_ways)))
            out.append(Record(source, line, document, draft.finish(doc_id, owner), rename_on_conflict=rename))
        if len([o for o in out if isinstance(o, Problem)]) > problems_before:
            out = [o for o in out if not isinstance(o, Record)]  # a task is read whole or not at all
        return out, converted

    def _span(self, draft: SetDraft, result: dict[str, Any], index: int, number: int, line: int,
              offsets: OffsetMap, attributes: dict[str, dict[str, Any]], links: dict[Any, str]) -> int:
        value = result.get("value") or {}
        region = result.get("id", f"region{index}")
        start, end, labels = value.get("start"), value.get("end"), value.get("labels") or []
        what = _("task #{number}: region {region}").format(number=number, region=region)
        if not (type(start) is int and type(end) is int):
            draft.problem(line, _("{what}: start and end must be integers").format(what=what))
            return 0
        converted = 0
        stated = value.get("text")
        text = draft.text
        if isinstance(stated, str) and not same_text(text[start:end], stated):
            try:
                u_start, u_end = offsets.span_to_codepoint(start, end)
            except OffsetError:
                u_start = u_end = -1
            if u_start >= 0 and same_text(text[u_start:u_end], stated):
                start, end, converted = u_start, u_end, 1
            else:
                draft.problem(line, _("{what}: text {text!r} does not match the document's {covered!r} at "
                                      "{start}-{end}").format(what=what, text=stated, covered=text[start:end],
                                                              start=start, end=end))
                return 0
        for label in labels:
            draft.span(line, region if len(labels) == 1 else f"{region}/{label}", start, end, str(label),
                       attributes.get(str(region)), entity=links.get(region) or None)
        if len(labels) > 1:  # a relation to the region goes to its first label's span
            draft.alias(region, f"{region}/{labels[0]}")
        if not labels:
            draft.problem(line, _("{what}: no label").format(what=what))
        return converted

    # ----------------------------------------------------------------- writing
    def write(self, out: BinaryIO, items: Iterable[ExportItem], scheme: Scheme,
              notices: list[str] | None = None) -> int:
        """One task per document; each annotator's set an annotation (``completed_by.email`` names the
        owner), a ``model:NAME`` set a prediction."""
        # The items come document by document (each document's sets together), so a task is written
        # as soon as the next document starts: memory holds one task, not the corpus.
        losses = Losses()
        task: dict[str, Any] | None = None
        written = records = 0

        def flush() -> None:
            nonlocal written, records
            if task is not None:
                out.write((b"[\n" if not written else b",\n") + orjson.dumps(task))
                written += 1
                records += len(task["annotations"]) + len(task["predictions"]) or 1

        for item in items:
            document, aset = item.document, item.annotations
            if task is None or task["data"]["doc_id"] != document.id:
                flush()
                data = {"text": document.text, "doc_id": document.id,
                        **{k: v for k, v in document.meta.items() if k not in ("text", "doc_id")}}
                task = {"id": written + 1, "data": data, "annotations": [], "predictions": []}
            if aset is None:
                continue
            losses.count_set(aset, claims=True)
            aset = as_spans(aset)  # claims as regions with per-region attributes; a cue as a CUE region
            result: list[dict[str, Any]] = []
            region: dict[Any, str] = {}
            for n, span in enumerate(sorted_spans(aset), start=1):
                region[span.id] = f"T{n}"
                value = {"start": span.start, "end": span.end, "text": document.text[span.start:span.end]}
                result.append({"id": f"T{n}", "from_name": FROM_NAME, "to_name": TO_NAME, "type": "labels",
                               "value": {**value, "labels": [span.label]}})
                result.extend(_attribute_results(f"T{n}", value, span.attributes))
                link = link_of(aset, span)
                if link:
                    result.append({"id": f"T{n}", "from_name": ENTITY_FROM_NAME, "to_name": TO_NAME,
                                   "type": "textarea", "value": {"start": span.start, "end": span.end,
                                                                 "text": [_readable(link)]}})
            for rel in writable_relations(aset):
                result.append({"from_id": region[rel.head], "to_id": region[rel.tail], "type": "relation",
                               "direction": "right", "labels": [rel.label]})
            if aset.owner.startswith(MODEL_PREFIX):
                task["predictions"].append({"id": len(task["predictions"]) + 1,
                                            "model_version": aset.owner[len(MODEL_PREFIX):], "result": result})
            else:
                task["annotations"].append({"id": len(task["annotations"]) + 1,
                                            "completed_by": {"email": aset.owner}, "was_cancelled": False,
                                            "result": result})
        flush()
        out.write(b"\n]\n" if written else b"[]\n")
        if notices is not None:
            notices.extend(losses.sentences())
        return records


def _attribute_results(region: str, value: dict[str, Any], attributes: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for name, attribute in sorted(attributes.items()):
        base = {"id": region, "from_name": f"{ATTRIBUTE_PREFIX}{name}", "to_name": TO_NAME}
        if attribute is True:
            out.append({**base, "type": "choices", "value": {**value, "choices": [name]}})
        elif attribute is not False:
            out.append({**base, "type": "textarea", "value": {**value, "text": [str(attribute)]}})
    return out


def _region_attributes(results: list[Any]) -> dict[str, dict[str, Any]]:
    """Per-region attributes written by :func:`_attribute_results`, by region id."""
    found: dict[str, dict[str, Any]] = {}
    for result in results:
        if not isinstance(result, dict) or not str(result.get("from_name", "")).startswith(ATTRIBUTE_PREFIX):
            continue
        name = result["from_name"][len(ATTRIBUTE_PREFIX):]
        value = result.get("value") or {}
        if result.get("type") == "choices":
            found.setdefault(str(result.get("id")), {})[name] = True
        elif result.get("type") == "textarea" and value.get("text"):
            text = value["text"]
            found.setdefault(str(result.get("id")), {})[name] = text[0] if isinstance(text, list) else text
    return found


def _readable(link: tuple[str, str]) -> str:
    """A link as the text area holds it: the external id, else the entity's name (not our local id)."""
    reference, name = link
    return name if reference.startswith("annotator:") else reference
