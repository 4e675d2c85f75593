"""Our JSONL: one object per (document, annotation set); see ``docs/jsonl.md``.

Its JSON Schema is ``resources/schemas/annotator-jsonl.schema.json``. The
reader checks more than the schema can: every span's ``text`` against the
document, ids that relations and speakers refer to, labels against the scheme.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from annotator.domain.model import (
    AUTHOR,
    AnnotationSet,
    Certainty,
    Claim,
    Cue,
    Document,
    Quantity,
    Relation,
    SetStatus,
    Span,
    text_sha256,
)
from annotator.domain.problems import Problem
from annotator.domain.scheme import Scheme
from annotator.domain.validation import check_set, claim_name, cue_name, relation_name, span_name
from annotator.formats.base import ExportItem, Record
from annotator.i18n import _

FORMAT_VERSION = 1


class LineError(ValueError):
    pass


def _expect(condition: bool, message: str) -> None:
    if not condition:
        raise LineError(message)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _field(obj: dict[str, Any], name: str, kind: type | tuple[type, ...], what: str, *, optional: bool = False):
    if name not in obj or obj[name] is None:
        _expect(optional, _("{what}: missing {name!r}").format(what=what, name=name))
        return None
    value = obj[name]
    if kind is int:
        _expect(_is_int(value), _("{what}: {name!r} must be an integer, not {value!r}").format(
            what=what, name=name, value=value))
    else:
        _expect(isinstance(value, kind), _("{what}: {name!r} has the wrong type ({type})").format(
            what=what, name=name, type=type(value).__name__))
    return value


def _check_covered(text: str, obj: dict[str, Any], what: str) -> list[str]:
    start, end = obj.get("start"), obj.get("end")
    if not (_is_int(start) and _is_int(end) and 0 <= start < end <= len(text)):
        return []  # the offset checks report it
    if "text" not in obj:
        return [_("{what}: missing 'text' (every span carries its covered text)").format(what=what)]
    if obj["text"] != text[start:end]:
        return [_("{what}: text {text!r} does not match the document's {covered!r} at {start}-{end}").format(
            what=what, text=obj["text"], covered=text[start:end], start=start, end=end)]
    return []


def _span(obj: Any, index: int) -> Span:
    # Fast path for a well-formed span (most of an import's time); anything else takes the
    # careful path below, which names what is wrong.
    if type(obj) is dict:
        span_id, start, end, label = obj.get("id"), obj.get("start"), obj.get("end"), obj.get("label")
        attributes, entity = obj.get("attributes") or {}, obj.get("entity")
        if (type(span_id) is str and type(start) is int and type(end) is int and type(label) is str
                and type(attributes) is dict and (entity is None or type(entity) is str)):
            return Span(span_id, start, end, label, attributes, entity)
    what = _("entity #{number}").format(number=index + 1)
    _expect(isinstance(obj, dict), _("{what}: must be an object").format(what=what))
    span_id = _field(obj, "id", str, what)
    what = span_name(span_id)
    attributes = _field(obj, "attributes", dict, what, optional=True) or {}
    return Span(span_id, _field(obj, "start", int, what), _field(obj, "end", int, what),
                _field(obj, "label", str, what), attributes, _field(obj, "entity", str, what, optional=True))


def _claim(obj: Any, index: int) -> Claim:
    what = _("claim #{number}").format(number=index + 1)
    _expect(isinstance(obj, dict), _("{what}: must be an object").format(what=what))
    claim_id = _field(obj, "id", str, what)
    what = claim_name(claim_id)
    cue = _field(obj, "cue", dict, what, optional=True)
    if cue is not None:
        cue = Cue(_field(cue, "start", int, cue_name(claim_id)), _field(cue, "end", int, cue_name(claim_id)))
    certainty = _field(obj, "certainty", str, what, optional=True) or Certainty.ASSERTED.value
    _expect(certainty in Certainty.__members__,
            _("{what}: certainty must be ASSERTED or HEDGED, not {certainty!r}").format(
                what=what, certainty=certainty))
    quantity = _field(obj, "quantity", dict, what, optional=True)
    if quantity is not None:
        value = quantity.get("value")
        _expect(value is None or (isinstance(value, (int, float)) and not isinstance(value, bool)),
                _("{what}: quantity value must be a number").format(what=what))
        quantity_name = _("claim {claim} quantity").format(claim=claim_id)
        quantity = Quantity(None if value is None else float(value),
                            _field(quantity, "unit", str, quantity_name, optional=True),
                            _field(quantity, "period", str, quantity_name, optional=True))
    checkworthy = _field(obj, "checkworthy", bool, what, optional=True) or False
    return Claim(claim_id, _field(obj, "start", int, what), _field(obj, "end", int, what),
                 _field(obj, "type", str, what), _field(obj, "speaker", str, what, optional=True), cue,
                 Certainty(certainty), checkworthy, quantity,
                 _field(obj, "attributes", dict, what, optional=True) or {})


def _relation(obj: Any, index: int) -> Relation:
    what = _("relation #{number}").format(number=index + 1)
    _expect(isinstance(obj, dict), _("{what}: must be an object").format(what=what))
    rel_id = _field(obj, "id", str, what)
    what = relation_name(rel_id)
    return Relation(rel_id, _field(obj, "label", str, what), _field(obj, "head", str, what),
                    _field(obj, "tail", str, what))


def _list(obj: dict[str, Any], name: str) -> list[Any]:
    value = obj.get(name)
    if value is None:
        return []
    _expect(isinstance(value, list), _("{name!r} must be a list").format(name=name))
    return value


def parse_line(obj: Any, scheme: Scheme, annotator: str | None = None
               ) -> tuple[Document, AnnotationSet | None, list[str]]:
    """A document and its set from one decoded line, and every problem found in it.

    ``annotator`` (from ``--annotator``) owns the line's set whatever the line says.
    """
    _expect(isinstance(obj, dict), _("a line must be a JSON object"))
    document_name = _("document")
    doc_id = _field(obj, "id", str, document_name)
    _expect(bool(doc_id.strip()), _("document: 'id' is empty"))
    text = _field(obj, "text", str, document_name)
    _expect(bool(text.strip()), _("document: 'text' is empty"))
    meta = dict(_field(obj, "meta", dict, document_name, optional=True) or {})
    problems: list[str] = []
    stated_sha = meta.pop("sha256", None)
    if stated_sha is not None and stated_sha != text_sha256(text):
        problems.append(_("document: text does not match meta.sha256 (was the text changed?)"))
    document = Document(doc_id, text, meta)

    entities_raw, claims_raw, relations_raw = _list(obj, "entities"), _list(obj, "claims"), _list(obj, "relations")
    stated_owner = _field(obj, "annotator", str, document_name, optional=True)
    owner = annotator or stated_owner
    if stated_owner is None and (annotator is None or not (entities_raw or claims_raw or relations_raw)):
        _expect(not (entities_raw or claims_raw or relations_raw),
                _("annotations without an annotator: set 'annotator' or pass --annotator"))
        return document, None, problems
    status = _field(obj, "status", str, document_name, optional=True) or SetStatus.NEW.value
    _expect(status in {s.value for s in SetStatus}, _("unknown status {status!r}").format(status=status))
    spans = [_span(o, i) for i, o in enumerate(entities_raw)]
    claims = [_claim(o, i) for i, o in enumerate(claims_raw)]
    relations = [_relation(o, i) for i, o in enumerate(relations_raw)]
    aset = AnnotationSet(doc_id, owner, SetStatus(status), tuple(spans), tuple(claims), tuple(relations))
    problems += check_set(aset, len(text), scheme)
    for raw, span in zip(entities_raw, spans):
        problems += _check_covered(text, raw, span_name(span.id))
    for raw, claim in zip(claims_raw, claims):
        problems += _check_covered(text, raw, claim_name(claim.id))
        if isinstance(raw.get("cue"), dict):
            problems += _check_covered(text, raw["cue"], cue_name(claim.id))
    return document, aset, problems


class JsonlFormat:
    id = "jsonl"
    label = "annotator JSONL"
    extensions = (".jsonl", ".ndjson")

    def sniff(self, path: Path, head: bytes) -> bool:
        return head.lstrip().startswith(b"{")

    def read(self, path: Path, scheme: Scheme, annotator: str | None = None) -> Iterator[Record | Problem]:
        source = str(path)
        try:
            handle = open(path, "rb")
        except OSError as exc:
            yield Problem(source, 1, _("cannot read: {error}").format(error=exc.strerror or exc))
            return
        with handle:
            for number, raw in enumerate(handle, start=1):
                if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                if not raw.strip():
                    continue
                try:
                    obj = orjson.loads(raw)
                except orjson.JSONDecodeError as exc:
                    yield Problem(source, number, _("malformed JSON: {error}").format(error=exc))
                    continue
                try:
                    document, aset, problems = parse_line(obj, scheme, annotator)
                except LineError as exc:
                    yield Problem(source, number, str(exc))
                    continue
                if problems:
                    for message in problems:
                        yield Problem(source, number, message)
                    continue
                yield Record(source, number, document, aset)

    # ----------------------------------------------------------------- writing
    def write(self, out: BinaryIO, items: Iterable[ExportItem], scheme: Scheme) -> int:
        count = 0
        for item in items:
            out.write(orjson.dumps(to_json(item, scheme)) + b"\n")
            count += 1
        return count


def to_json(item: ExportItem, scheme: Scheme) -> dict[str, Any]:
    document, aset = item.document, item.annotations
    text = document.text
    meta = {**document.meta, "sha256": item.sha256 or text_sha256(text)}
    line: dict[str, Any] = {"id": document.id, "text": text, "meta": meta,
                            "annotator": aset.owner if aset else None,
                            "status": aset.status.value if aset else None,
                            "scheme_version": scheme.version,
                            "entities": [], "claims": [], "relations": []}
    if aset is None:
        return line
    local: dict[Any, str] = {}
    for n, span in enumerate(sorted(aset.spans, key=lambda s: (s.start, -s.end, s.label)), start=1):
        local[span.id] = f"T{n}"
        line["entities"].append({"id": f"T{n}", "start": span.start, "end": span.end, "label": span.label,
                                 "text": text[span.start:span.end], "attributes": span.attributes or {},
                                 "entity": span.entity})
    for n, claim in enumerate(sorted(aset.claims, key=lambda c: (c.start, -c.end, c.type)), start=1):
        local[claim.id] = f"C{n}"
        speaker = claim.speaker if claim.speaker in (None, AUTHOR) else local.get(claim.speaker)
        line["claims"].append({
            "id": f"C{n}", "start": claim.start, "end": claim.end, "text": text[claim.start:claim.end],
            "type": claim.type, "speaker": speaker,
            "cue": {"start": claim.cue.start, "end": claim.cue.end, "text": text[claim.cue.start:claim.cue.end]}
            if claim.cue else None,
            "certainty": claim.certainty.value, "checkworthy": claim.checkworthy,
            "quantity": {"value": claim.quantity.value, "unit": claim.quantity.unit,
                         "period": claim.quantity.period} if claim.quantity else None,
            "attributes": claim.attributes or {},
        })
    relations = sorted(aset.relations, key=lambda r: (local[r.head], local[r.tail], r.label))
    for n, rel in enumerate(relations, start=1):
        line["relations"].append({"id": f"R{n}", "label": rel.label, "head": local[rel.head], "tail": local[rel.tail]})
    return line
