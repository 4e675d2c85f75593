"""doccano's JSONL: sequence labelling (``label: [[start, end, "LABEL"], ...]``) and relation
projects (``entities`` + ``relations`` on one line), and the old v1 shape (``annotations`` with
numeric label ids, which name no label and are refused as such).

Offsets: doccano's browser counts UTF-16 code units, so an emoji takes two; they are converted
with :class:`~annotator.domain.offsets.OffsetMap`. doccano writes no covered text, so a shift
cannot be seen span by span; offsets are read as UTF-16 units (doccano's default) unless counting
a CRLF as one, or every extended grapheme cluster as one (an emoji with its skin tone or a ZWJ
family: doccano's "grapheme" mode), puts fewer span edges on whitespace or inside words, and the
reader then says which rule it took.
Keys other than ``id``/``text``/the annotations become the document's metadata, as doccano does.
Written: relation-project lines; a claim as a span labelled with its type, its speaker as the SAYS
relation and its cue as a ``CUE`` span and relation (``claim_spans.py``), read back as a claim; its
other fields (certainty, quantity…) have no place in doccano and the export counts the claims that lost them.

Entity links: doccano has no linking, but an entity object may carry keys of ours beside its own:
``"entity"`` (the external id, such as a Wikidata QID, else ``annotator:E12``) and ``"entity_name"``.
We write and read them; doccano itself ignores them on import and does not write them back, so a
round trip through doccano loses links (the writer's notice says nothing is lost only for our files).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from annotator.domain.limits import IDENTIFIER_LENGTH, free_value_problem, name_problem, text_problem
from annotator.domain.model import Document
from annotator.domain.offsets import CrlfMap, GraphemeMap, OffsetError, OffsetMap
from annotator.domain.problems import Problem
from annotator.domain.scheme import Scheme
from annotator.domain.validation import span_name
from annotator.formats.base import ExportItem, Notice, Record
from annotator.formats.claim_spans import as_spans
from annotator.formats.interchange import (
    LOCAL_NAMESPACE, Losses, SetDraft, link_of, owner_problem, sorted_spans, writable_relations,
)
from annotator.formats.jsonl import decode_problem
from annotator.i18n import _

ANNOTATION_KEYS = ("label", "labels", "entities", "relations", "annotations")
OURS = frozenset({"claims", "scheme_version", "status", "meta"})  # keys only our JSONL has: not doccano's
SKIPPED_KEYS = frozenset({"id", "text", "annotator", "Comments", "comments", *ANNOTATION_KEYS})


def _raw_spans(obj: dict[str, Any]) -> tuple[list[tuple[Any, Any, Any, Any]], str | None]:
    """(id, start, end, label) of every span on the line, and the shape's problem, if any."""
    spans: list[tuple[Any, Any, Any, Any]] = []
    if isinstance(obj.get("entities"), list):
        for n, e in enumerate(obj["entities"]):
            if not isinstance(e, dict):
                return [], _("entity #{number}: must be an object").format(number=n + 1)
            span_id = e.get("id", f"e{n}")
            spans.append((span_id if isinstance(span_id, (str, int)) else f"e{n}", e.get("start_offset"), e.get("end_offset"), e.get("label")))
        return spans, None
    labels = obj.get("label", obj.get("labels"))
    if isinstance(labels, list):
        for n, item in enumerate(labels):
            if isinstance(item, list) and len(item) == 3:
                spans.append((f"s{n}", *item))
            elif isinstance(item, dict):
                spans.append((item.get("id", f"s{n}"), item.get("start_offset"), item.get("end_offset"),
                              item.get("label")))
            else:
                return [], _("label #{number}: expected [start, end, label]").format(number=n + 1)
        return spans, None
    if isinstance(obj.get("annotations"), list):
        for n, a in enumerate(obj["annotations"]):
            if not isinstance(a, dict):
                return [], _("annotation #{number}: must be an object").format(number=n + 1)
            spans.append((f"a{n}", a.get("start_offset"), a.get("end_offset"), a.get("label")))
        return spans, None
    return spans, None


def _links(obj: dict[str, Any], draft: SetDraft) -> dict[Any, str]:
    """Span id -> entity reference, from the ``entity``/``entity_name`` keys of our doccano files;
    each reference described to the draft (an external id, or our local ``annotator:E12``)."""
    links: dict[Any, str] = {}
    for n, e in enumerate(obj.get("entities") or []):
        reference = e.get("entity") if isinstance(e, dict) else None
        if not isinstance(reference, str) or not reference.strip():
            continue
        span_id = e.get("id", f"e{n}")
        links[span_id if isinstance(span_id, (str, int)) else f"e{n}"] = reference
        name = e.get("entity_name")
        draft.describe(reference, name if isinstance(name, str) else None,
                       external=not reference.startswith(f"{LOCAL_NAMESPACE}:"))
    return links


def _bad_edges(text: str, pairs: list[tuple[int, int]]) -> int:
    """Span edges a person would not have put there: on whitespace, or inside a word."""
    bad = 0
    for s, e in pairs:
        if not s < e <= len(text):
            continue
        if text[s].isspace() or text[e - 1].isspace():
            bad += 1
        elif (s > 0 and text[s - 1].isalnum() and text[s].isalnum()) or \
                (e < len(text) and text[e - 1].isalnum() and text[e].isalnum()):
            bad += 1
    return bad


CRLF, GRAPHEME = "crlf", "grapheme"


def _converted(text: str, raw: list[tuple[Any, Any, Any, Any]]
               ) -> tuple[list[tuple[Any, int, int, Any, str | None]], str | None]:
    """(id, start, end, label, problem) in code points, and the rule that held: None (UTF-16 units,
    doccano's default), ``crlf`` (a CRLF counted as one) or ``grapheme`` (every extended grapheme
    cluster counted as one: an emoji with a skin tone or a ZWJ family, a letter with its accents).
    A rule other than the default is taken only when it puts fewer span edges on whitespace or
    inside a word: doccano writes no covered text to check against."""
    utf16 = OffsetMap(text)

    def convert(start: Any, end: Any, rule: Any) -> tuple[int, int, str | None]:
        if not (type(start) is int and type(end) is int):
            return 0, 0, _("start and end must be integers")
        if start >= end:
            return 0, 0, _("start {start} is not before end {end}").format(start=start, end=end)
        try:
            if isinstance(rule, GraphemeMap):
                return rule.to_codepoint(start), rule.to_codepoint(end), None
            s, e = utf16.span_to_codepoint(start, end)
            if rule is not None:
                s, e = rule.to_codepoint(s), rule.to_codepoint(e)
        except OffsetError as exc:
            return 0, 0, str(exc)
        return s, e, None

    def run(rule: Any) -> list[tuple[Any, int, int, Any, str | None]]:
        out = []
        for i, s, e, label in raw:
            start, end, problem = convert(s, e, rule)
            out.append((i, start, end, label, problem))
        return out

    def score(spans: list[tuple[Any, int, int, Any, str | None]]) -> tuple[int, int]:
        good = [(s, e) for _i, s, e, _label, problem in spans if problem is None]
        return len(good), -_bad_edges(text, good)

    best, rule = run(None), None
    candidates: list[tuple[str, Any]] = []
    if "\r\n" in text:
        candidates.append((CRLF, CrlfMap(text)))
    if not text.isascii():  # (an ASCII text's clusters differ from its characters only at a CRLF)
        clusters = GraphemeMap(text)
        if not clusters.is_identity:
            candidates.append((GRAPHEME, clusters))
    for name, mapping in candidates:
        spans = run(mapping)
        if score(spans) > score(best):
            best, rule = spans, name
    return best, rule


class DoccanoFormat:
    id = "doccano"
    label = "doccano JSONL"
    extensions = ()  # doccano writes .jsonl, which is ours by name: it is told apart by content

    def sniff(self, path: Path, head: bytes) -> bool:
        first = head.lstrip().split(b"\n", 1)[0]
        if not first.startswith(b"{"):
            return False
        try:
            obj = orjson.loads(first)
        except orjson.JSONDecodeError:
            return b'"start_offset"' in first or b'"label": [[' in first or b'"label":[[' in first
        if not isinstance(obj, dict) or "text" not in obj or OURS & obj.keys():
            return False
        entities = obj.get("entities")
        if isinstance(entities, list):
            return bool(entities) and isinstance(entities[0], dict) and "start_offset" in entities[0]
        label = obj.get("label", obj.get("labels"))
        if isinstance(label, list):
            return True
        annotations = obj.get("annotations")
        return isinstance(annotations, list) and bool(annotations) and isinstance(annotations[0], dict) \
            and "start_offset" in annotations[0]

    def read(self, path: Path, scheme: Scheme, annotator: str | None = None
             ) -> Iterator[Record | Problem | Notice]:
        source = str(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield Problem(source, 1, _("cannot read: {error}").format(error=exc.strerror or exc))
            return
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        lines = data.split(b"\n")
        if lines and lines[0].strip() in (b"{", b"["):
            yield Problem(source, 1, _("a JSON document spread over lines, not JSONL (one object per line)"))
            return
        rule_lines: dict[str, list[int]] = {CRLF: [], GRAPHEME: []}
        for number, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            try:
                obj = orjson.loads(raw)
            except orjson.JSONDecodeError as exc:
                yield Problem(source, number, decode_problem(raw, exc))
                continue
            yield from self._line(obj, source, number, path, scheme, annotator, rule_lines)
        if crlf_lines := rule_lines[CRLF]:
            yield Notice(source, crlf_lines[0], _("{count} line(s): offsets count a CRLF as one character "
                                                  "(doccano's grapheme mode); read that way").format(
                count=len(crlf_lines)))
        if cluster_lines := rule_lines[GRAPHEME]:
            yield Notice(source, cluster_lines[0], _(
                "{count} line(s): offsets count grapheme clusters (an emoji with its modifiers as one "
                "character: doccano's grapheme mode); read that way").format(count=len(cluster_lines)))

    def _line(self, obj: Any, source: str, number: int, path: Path, scheme: Scheme, annotator: str | None,
              rule_lines: dict[str, list[int]]) -> Iterator[Record | Problem | Notice]:
        if not isinstance(obj, dict):
            yield Problem(source, number, _("a line must be a JSON object"))
            return
        text = obj.get("text")
        if not isinstance(text, str) or not text.strip():
            yield Problem(source, number, _("document: missing or empty 'text'"))
            return
        if (found := text_problem(text)) is not None:
            yield Problem(source, number, _("document: 'text' at character {index}: {problem}").format(
                index=found[0], problem=found[1]))
            return
        stated_id = obj.get("id")
        doc_id = str(stated_id) if isinstance(stated_id, (str, int)) and not isinstance(stated_id, bool) \
            else f"{path.stem}-{number}"
        if (problem := name_problem(doc_id, _("document id"), IDENTIFIER_LENGTH)) is not None:
            yield Problem(source, number, problem)
            return
        meta = {k: v for k, v in obj.items() if k not in SKIPPED_KEYS and v is not None}
        meta["source"] = path.name
        if (problem := free_value_problem(meta)) is not None:
            yield Problem(source, number, _("document meta: {problem}").format(problem=problem))
            return
        document = Document(doc_id, text, meta)
        raw_spans, shape_problem = _raw_spans(obj)
        relations = obj.get("relations") if isinstance(obj.get("relations"), list) else []
        if shape_problem:
            yield Problem(source, number, shape_problem)
            return
        if not raw_spans and not relations:
            yield Record(source, number, document, None, rename_on_conflict=not isinstance(stated_id, str))
            return
        stated_owner = obj.get("annotator")  # our own export names the set's owner
        owner = annotator or (stated_owner if isinstance(stated_owner, str) else None)
        if (problem := owner_problem(source, number, owner)) is not None:
            yield problem
            return
        spans, rule = _converted(text, raw_spans)
        draft = SetDraft(source, text, scheme)
        links = _links(obj, draft)
        for span_id, start, end, label, problem in spans:
            if problem is not None:
                draft.problem(number, f"{span_name(span_id)}: {problem}")
            elif not isinstance(label, str):
                draft.problem(number, _("span {span}: label {label!r} is not a label name (doccano v1 exports "
                                        "label ids; export the project again from doccano 1.3 or later)").format(
                    span=span_id, label=label))
            else:
                draft.span(number, span_id, start, end, label, entity=links.get(span_id))
        for n, rel in enumerate(relations):
            if not isinstance(rel, dict):
                draft.problem(number, _("relation #{number}: must be an object").format(number=n + 1))
                continue
            head, tail = rel.get("from_id"), rel.get("to_id")
            label = rel.get("type", rel.get("label"))
            if not all(isinstance(x, (str, int)) and not isinstance(x, bool) for x in (head, tail)):
                draft.problem(number, _("relation #{number}: from_id and to_id must be span ids").format(number=n + 1))
                continue
            raw_ids = {span[0] for span in raw_spans if isinstance(span[0], (str, int))}
            if (head in raw_ids and tail in raw_ids) and not (draft.known(head) and draft.known(tail)):
                continue  # an end that was refused: its own problem says why
            if not draft.known(head) or not draft.known(tail):
                draft.problem(number, _("relation {relation}: refers to a span that is not on this line "
                                        "({head} -> {tail})").format(relation=rel.get("id", n), head=head, tail=tail))
                continue
            draft.relation(number, rel.get("id", f"r{n}"), str(label), head, tail)
        if draft.problems:
            yield from draft.problems
            return
        if rule is not None:
            rule_lines[rule].append(number)
        yield from draft.notices(number)
        yield Record(source, number, document, draft.finish(doc_id, owner),
                     rename_on_conflict=not isinstance(stated_id, str))

    # ----------------------------------------------------------------- writing
    def write(self, out: BinaryIO, items: Iterable[ExportItem], scheme: Scheme,
              notices: list[str] | None = None) -> int:
        """Relation-project lines (``entities``/``relations``) with UTF-16 offsets; the owner goes
        into ``annotator`` (doccano keeps unknown keys as metadata)."""
        losses = Losses()
        count = 0
        for item in items:
            document, aset = item.document, item.annotations
            offsets = OffsetMap(document.text)
            line: dict[str, Any] = {"id": document.id, "text": document.text}
            line.update({k: v for k, v in document.meta.items() if k not in SKIPPED_KEYS and k != "annotator"})
            line["entities"], line["relations"] = [], []
            if aset is not None:
                losses.count_set(aset, attributes=False, claims=True)
                aset = as_spans(aset)  # a claim as a span of its type, its speaker (SAYS) and cue as relations
                line["annotator"] = aset.owner
                local: dict[Any, int] = {}
                for n, span in enumerate(sorted_spans(aset), start=1):
                    local[span.id] = n
                    start, end = offsets.span_to_utf16(span.start, span.end)
                    entity: dict[str, Any] = {"id": n, "label": span.label, "start_offset": start, "end_offset": end}
                    link = link_of(aset, span)
                    if link is not None:
                        entity["entity"], entity["entity_name"] = link
                    line["entities"].append(entity)
                for n, rel in enumerate(writable_relations(aset), start=1):
                    line["relations"].append({"id": n, "from_id": local[rel.head], "to_id": local[rel.tail],
                                              "type": rel.label})
            out.write(orjson.dumps(line) + b"\n")
            count += 1
        if notices is not None:
            notices.extend(losses.sentences())
        return count
