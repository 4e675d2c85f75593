"""Our JSONL: one object per (document, annotation set); see ``docs/jsonl.md``.

Its JSON Schema is ``resources/schemas/annotator-jsonl.schema.json``. The
reader checks more than the schema can: every span's ``text`` against the
document, ids that relations and speakers refer to, labels against the scheme.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from annotator.domain.entities import Entity
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
from annotator.domain.limits import (
    IDENTIFIER_LENGTH,
    UNIT_LENGTH,
    date_problem,
    free_value_problem,
    name_problem,
    text_problem,
)
from annotator.domain.problems import Problem
from annotator.domain.scheme import Scheme
from annotator.domain.validation import check_set, claim_name, cue_name, relation_name, span_name
from annotator.formats.base import ExportItem, Record
from annotator.i18n import _

FORMAT_VERSION = 1


class LineError(ValueError):
    pass


# The fields a line and its items may have (the JSON Schema's "additionalProperties": false):
# a misspelt field ("lable") is refused rather than silently dropped.
LINE_FIELDS = frozenset({"id", "text", "meta", "annotator", "status", "scheme_version",
                         "entities", "claims", "relations", "linked_entities"})
LINKED_FIELDS = frozenset({"id", "name", "type", "aliases", "external_id", "notes"})
ENTITY_FIELDS = frozenset({"id", "start", "end", "label", "text", "attributes", "entity", "fragments", "origin"})
CLAIM_FIELDS = frozenset({"id", "start", "end", "text", "type", "speaker", "cue", "certainty", "checkworthy",
                          "quantity", "attributes", "fragments", "origin"})
CUE_FIELDS = frozenset({"start", "end", "text"})
FRAGMENT_FIELDS = CUE_FIELDS
QUANTITY_FIELDS = frozenset({"value", "unit", "period"})
RELATION_FIELDS = frozenset({"id", "label", "head", "tail", "attributes"})
SHA256 = re.compile(r"[0-9a-f]{64}")


def _expect(condition: bool, message: str) -> None:
    if not condition:
        raise LineError(message)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _object(obj: Any, fields: frozenset[str], what: str) -> dict[str, Any]:
    _expect(isinstance(obj, dict), _("{what}: must be an object").format(what=what))
    unknown = sorted(set(obj) - fields)
    _expect(not unknown, _("{what}: unknown field {name!r}").format(what=what, name=unknown[0] if unknown else ""))
    return obj


def _field(obj: dict[str, Any], name: str, kind: type | tuple[type, ...], what: str, *, optional: bool = False):
    """A field's value, checked for its type. An optional field that is absent or null is None:
    the one rule for empty optional fields (docs/jsonl.md), applied by every caller through here."""
    if name not in obj or obj[name] is None:
        _expect(optional, _("{what}: missing {name!r}").format(what=what, name=name))
        return None
    value = obj[name]
    if kind is int:
        _expect(_is_int(value), _("{what}: {name!r} must be an integer, not {value!r}").format(
            what=what, name=name, value=value))
    else:
        _expect(isinstance(value, kind) and not (kind is not bool and isinstance(value, bool)),
                _("{what}: {name!r} has the wrong type ({type})").format(
                    what=what, name=name, type=type(value).__name__))
    return value


def _name(obj: dict[str, Any], name: str, what: str, limit: int, *, optional: bool = False) -> str | None:
    value = _field(obj, name, str, what, optional=optional)
    if value is not None:
        problem = name_problem(value, f"{what}: {name!r}", limit)
        _expect(problem is None, problem or "")
    return value


def _free(value: Any, what: str) -> Any:
    problem = free_value_problem(value)
    _expect(problem is None, _("{what}: {problem}").format(what=what, problem=problem))
    return value


def _attributes(obj: dict[str, Any], what: str) -> dict[str, Any]:
    """A span's, claim's or relation's attributes; an attribute whose value is null is absent, like any optional field."""
    attributes = _field(obj, "attributes", dict, what, optional=True) or {}
    attributes = {name: value for name, value in attributes.items() if value is not None}
    return _free(attributes, _("{what} attributes").format(what=what)) if attributes else attributes


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


def _fragments(obj: dict[str, Any], what: str) -> tuple[tuple[int, int], ...]:
    """A discontinuous span's pieces, each ``{"start", "end", "text"}`` (checked against the
    text and the outer bounds later, with the rest of the set)."""
    raw = _field(obj, "fragments", list, what, optional=True)
    if not raw:
        return ()
    pieces = []
    for number, fragment in enumerate(raw, start=1):
        piece = _("{what} fragment {number}").format(what=what, number=number)
        fragment = _object(fragment, FRAGMENT_FIELDS, piece)
        pieces.append((_field(fragment, "start", int, piece), _field(fragment, "end", int, piece)))
    return tuple(pieces)


def _check_fragments_covered(text: str, obj: dict[str, Any], what: str) -> list[str]:
    problems: list[str] = []
    for number, fragment in enumerate(obj.get("fragments") or (), start=1):
        problems += _check_covered(text, fragment, _("{what} fragment {number}").format(what=what, number=number))
    return problems


def _span(obj: Any, index: int) -> Span:
    # Fast path for a well-formed span (most of an import's time); anything else takes the
    # careful path below, which names what is wrong.
    if type(obj) is dict and obj.keys() <= ENTITY_FIELDS:
        span_id, start, end, label = obj.get("id"), obj.get("start"), obj.get("end"), obj.get("label")
        attributes, entity = obj.get("attributes"), obj.get("entity")
        if (type(span_id) is str and 0 < len(span_id) <= IDENTIFIER_LENGTH and span_id.isprintable()
                and type(start) is int and type(end) is int and type(label) is str
                and (attributes is None or attributes == {}) and not obj.get("fragments") and obj.get("origin") is None
                and (entity is None or (type(entity) is str and 0 < len(entity) <= IDENTIFIER_LENGTH
                                        and entity.isprintable() and entity == entity.strip()))):
            return Span(span_id, start, end, label, {}, entity)
    what = _("entity #{number}").format(number=index + 1)
    obj = _object(obj, ENTITY_FIELDS, what)
    span_id = _name(obj, "id", what, IDENTIFIER_LENGTH)
    what = span_name(span_id)
    return Span(span_id, _field(obj, "start", int, what), _field(obj, "end", int, what),
                _field(obj, "label", str, what), _attributes(obj, what),
                _name(obj, "entity", what, IDENTIFIER_LENGTH, optional=True), _fragments(obj, what),
                _name(obj, "origin", what, IDENTIFIER_LENGTH, optional=True))


def _quantity(obj: dict[str, Any], claim_id: str, what: str) -> Quantity | None:
    quantity = _field(obj, "quantity", dict, what, optional=True)
    if quantity is None:
        return None
    quantity_name = _("claim {claim} quantity").format(claim=claim_id)
    _object(quantity, QUANTITY_FIELDS, quantity_name)
    value = _field(quantity, "value", (int, float), quantity_name, optional=True)
    _expect(value is None or abs(value) <= 1e300,
            _("{what}: 'value' {value} is out of range").format(what=quantity_name, value=value))
    return Quantity(None if value is None else float(value),
                    _name(quantity, "unit", quantity_name, UNIT_LENGTH, optional=True),
                    _name(quantity, "period", quantity_name, UNIT_LENGTH, optional=True))


def _claim(obj: Any, index: int) -> Claim:
    what = _("claim #{number}").format(number=index + 1)
    obj = _object(obj, CLAIM_FIELDS, what)
    claim_id = _name(obj, "id", what, IDENTIFIER_LENGTH)
    what = claim_name(claim_id)
    cue = _field(obj, "cue", dict, what, optional=True)
    if cue is not None:
        cue = _object(cue, CUE_FIELDS, cue_name(claim_id))
        cue = Cue(_field(cue, "start", int, cue_name(claim_id)), _field(cue, "end", int, cue_name(claim_id)))
    certainty = _field(obj, "certainty", str, what, optional=True) or Certainty.ASSERTED.value
    _expect(certainty in Certainty.__members__,
            _("{what}: certainty must be ASSERTED or HEDGED, not {certainty!r}").format(
                what=what, certainty=certainty))
    checkworthy = _field(obj, "checkworthy", bool, what, optional=True) or False
    return Claim(claim_id, _field(obj, "start", int, what), _field(obj, "end", int, what),
                 _field(obj, "type", str, what), _name(obj, "speaker", what, IDENTIFIER_LENGTH, optional=True),
                 cue, Certainty(certainty), checkworthy, _quantity(obj, claim_id, what), _attributes(obj, what),
                 _fragments(obj, what), _name(obj, "origin", what, IDENTIFIER_LENGTH, optional=True))


def _relation(obj: Any, index: int) -> Relation:
    what = _("relation #{number}").format(number=index + 1)
    obj = _object(obj, RELATION_FIELDS, what)
    rel_id = _name(obj, "id", what, IDENTIFIER_LENGTH)
    what = relation_name(rel_id)
    return Relation(rel_id, _field(obj, "label", str, what), _field(obj, "head", str, what),
                    _field(obj, "tail", str, what), _attributes(obj, what))


def _linked_entity(obj: Any, index: int, owner: str) -> Entity:
    """One record of ``linked_entities``: a corpus-wide entity the line's mentions link to."""
    what = _("linked entity #{number}").format(number=index + 1)
    obj = _object(obj, LINKED_FIELDS, what)
    entity_id = _name(obj, "id", what, IDENTIFIER_LENGTH)
    what = _("linked entity {entity}").format(entity=entity_id)
    aliases = _field(obj, "aliases", list, what, optional=True) or []
    for alias in aliases:
        problem = name_problem(alias, f"{what}: 'aliases'", IDENTIFIER_LENGTH)
        _expect(problem is None, problem or "")
    notes = _field(obj, "notes", str, what, optional=True)
    _expect(notes is None or len(notes) <= 10_000,
            _("{what}: 'notes' is longer than {limit} characters").format(what=what, limit=10_000))
    return Entity(entity_id, owner, _name(obj, "name", what, IDENTIFIER_LENGTH),
                  _name(obj, "type", what, 100, optional=True), tuple(aliases),
                  _name(obj, "external_id", what, IDENTIFIER_LENGTH, optional=True), notes)


def _list(obj: dict[str, Any], name: str) -> list[Any]:
    value = obj.get(name)
    if value is None:
        return []
    _expect(isinstance(value, list), _("{name!r} must be a list").format(name=name))
    return value


def _meta(obj: dict[str, Any]) -> dict[str, Any]:
    """The line's metadata without ``sha256``, checked: a real date, a string source, storable values."""
    meta = dict(_field(obj, "meta", dict, _("document"), optional=True) or {})
    what = _("document meta")
    date = meta.get("date")
    if date is not None:
        problem = date_problem(date)
        _expect(problem is None, _("{what}: {problem}").format(what=what, problem=problem))
    source = meta.get("source")
    _expect(source is None or isinstance(source, str),
            _("{what}: 'source' must be a string, not {value!r}").format(what=what, value=source))
    sha = meta.get("sha256")
    _expect(sha is None or (isinstance(sha, str) and SHA256.fullmatch(sha) is not None),
            _("{what}: 'sha256' must be 64 lowercase hex digits").format(what=what))
    return _free(meta, what)


def parse_line(obj: Any, scheme: Scheme, annotator: str | None = None
               ) -> tuple[Document, AnnotationSet | None, list[str]]:
    """A document and its set from one decoded line, and every problem found in it.

    ``annotator`` (from ``--annotator``) owns the line's set whatever the line says.
    Everything the JSON Schema says is checked here (by hand, not by a schema validator:
    this runs once per line of a 100,000-document import), and what a schema cannot say:
    real dates, storable values, a status the owner may have, no duplicate spans.
    """
    _expect(isinstance(obj, dict), _("a line must be a JSON object"))
    document_name = _("document")
    _object(obj, LINE_FIELDS, document_name)
    doc_id = _field(obj, "id", str, document_name)
    _expect(bool(doc_id.strip()), _("document: 'id' is empty"))
    _name(obj, "id", document_name, IDENTIFIER_LENGTH)
    text = _field(obj, "text", str, document_name)
    _expect(bool(text.strip()), _("document: 'text' is empty"))
    forbidden = text_problem(text)
    _expect(forbidden is None, _("document: 'text' at character {index}: {problem}").format(
        index=forbidden[0] if forbidden else 0, problem=forbidden[1] if forbidden else ""))
    meta = _meta(obj)
    version = _field(obj, "scheme_version", int, document_name, optional=True)
    _expect(version is None or 0 < version < 2**31,
            _("document: 'scheme_version' {version} is out of range").format(version=version))
    problems: list[str] = []
    stated_sha = meta.pop("sha256", None)
    if stated_sha is not None and stated_sha != text_sha256(text):
        problems.append(_("document: text does not match meta.sha256 (was the text changed?)"))
    document = Document(doc_id, text, meta)

    entities_raw, claims_raw, relations_raw = _list(obj, "entities"), _list(obj, "claims"), _list(obj, "relations")
    linked_raw = _list(obj, "linked_entities")
    stated_owner = _field(obj, "annotator", str, document_name, optional=True)
    owner = annotator or stated_owner
    status = _field(obj, "status", str, document_name, optional=True)
    _expect(status is None or status in {s.value for s in SetStatus},
            _("unknown status {status!r}").format(status=status))
    if stated_owner is None and (annotator is None or not (entities_raw or claims_raw or relations_raw)):
        _expect(not (entities_raw or claims_raw or relations_raw or linked_raw),
                _("annotations without an annotator: set 'annotator' or pass --annotator"))
        _expect(status is None, _("a status without an annotator: set 'annotator' or leave 'status' out"))
        return document, None, problems
    status = SetStatus(status or SetStatus.NEW.value)
    spans = [_span(o, i) for i, o in enumerate(entities_raw)]
    claims = [_claim(o, i) for i, o in enumerate(claims_raw)]
    relations = [_relation(o, i) for i, o in enumerate(relations_raw)]
    linked = [_linked_entity(o, i, owner) for i, o in enumerate(linked_raw)]
    seen: set[Any] = set()
    for entity in linked:
        _expect(entity.id not in seen, _("linked entity {entity}: a second record with this id").format(
            entity=entity.id))
        seen.add(entity.id)
    aset = AnnotationSet(doc_id, owner, status, tuple(spans), tuple(claims), tuple(relations),
                         entities=tuple(linked))
    problems += check_set(aset, len(text), scheme)
    for raw, span in zip(entities_raw, spans):
        problems += _check_covered(text, raw, span_name(span.id))
        problems += _check_fragments_covered(text, raw, span_name(span.id))
    for raw, claim in zip(claims_raw, claims):
        problems += _check_covered(text, raw, claim_name(claim.id))
        problems += _check_fragments_covered(text, raw, claim_name(claim.id))
        if isinstance(raw.get("cue"), dict):
            problems += _check_covered(text, raw["cue"], cue_name(claim.id))
    return document, aset, problems


def decode_problem(raw: bytes, error: orjson.JSONDecodeError) -> str:
    """What is wrong with a line orjson could not read, placed in the line (not "line 1 column 1")."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _("invalid UTF-8 at byte {offset} of the line: {reason}").format(offset=exc.start, reason=exc.reason)
    return _("malformed JSON at character {offset} of the line: {error}").format(offset=error.pos, error=error.msg)


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
                    yield Problem(source, number, decode_problem(raw, exc))
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

    def write_lines(self, out: BinaryIO, pages: Iterable[list[bytes]]) -> int:
        """Write lines already made (:func:`line_json`, or ``orjson.dumps(to_json(...))``), a page at a time."""
        count = 0
        for lines in pages:
            if lines:
                out.write(b"\n".join(lines))  # two writes: no copy of the page's bytes to add the newline
                out.write(b"\n")
                count += len(lines)
        return count


# ------------------------------------------------------------------ the export's fast lines
# A line whose set holds only entity spans (most of a corpus) is written from the store's rows
# as they come: the set's spans arrive as one JSON array made by the database (one string a set,
# not a driver row per span), sorted in C, and each entity becomes the small dict the line needs,
# dumped with the line in one ``orjson.dumps``. No Span and no AnnotationSet: building those cost
# more than reading the rows and four times what orjson takes to write the same lines from memory.
# (Formatting each entity to bytes with ``%`` and one ``dumps`` of its text took a third longer
# than these dicts.) The bytes are exactly what ``to_json`` + ``orjson.dumps`` write (the tests
# compare them); sets with claims or relations go through ``to_json``.
_NO_SET = orjson.Fragment(b"[]")
_EMPTY: dict[str, Any] = {}  # only ever dumped, never changed
_LOCAL_IDS = [f"T{n}" for n in range(1, 4097)]  # "T1", "T2", ...: made once, not once per span


def entities_json(text: str, spans: str) -> list[dict[str, Any]]:
    """The ``entities`` of a line from its spans as one JSON array of ``[start, -end, label, end,
    attributes or null]`` (``Repository.export_page``), in the order ``to_json`` writes them:
    sorting those lists is sorting by (start, longer first, label), in C."""
    rows = orjson.loads(spans)
    rows.sort()  # (start, -end, label) is unique in a set of contiguous entity spans: never compares further
    ids = _LOCAL_IDS if len(rows) <= len(_LOCAL_IDS) else [f"T{n}" for n in range(1, len(rows) + 1)]
    return [{"id": local_id, "start": start, "end": end, "label": label, "text": text[start:end],
             "attributes": attributes or _EMPTY, "entity": None}  # null or {} as {}
            for local_id, (start, _, label, end, attributes) in zip(ids, rows)]


def line_json(document_id: str, text: str, meta: dict[str, Any], sha256: str, owner: str | None,
              status: str | None, scheme_version: int | None, entities: list[dict[str, Any]] | None) -> bytes:
    """One line (no newline) of a set with only entity spans (``entities`` from :func:`entities_json`),
    or of a document with no set (``owner`` None)."""
    return orjson.dumps({"id": document_id, "text": text, "meta": {**meta, "sha256": sha256},
                         "annotator": owner, "status": status, "scheme_version": scheme_version,
                         "entities": entities if entities is not None else _NO_SET,
                         "claims": _NO_SET, "relations": _NO_SET})


def entity_reference(entity: Entity) -> str:
    """How a line refers to an entity: its external id ("Q353") when it has one, else "E" and the
    store's id ("E12"); the same in every line of one export, so that an import makes one entity."""
    return entity.external_id or f"E{entity.id}"


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
    references = {e.id: entity_reference(e) for e in aset.entities}
    if aset.entities:  # written only when a mention is linked: lines without links stay as they were
        line["linked_entities"] = [{"id": references[e.id], "name": e.name, "type": e.type,
                                    "aliases": list(e.aliases), "external_id": e.external_id, "notes": e.notes}
                                   for e in aset.entities]
    local: dict[Any, str] = {}
    for n, span in enumerate(sorted(aset.spans, key=lambda s: (s.start, -s.end, s.label)), start=1):
        local[span.id] = f"T{n}"
        entity = {"id": f"T{n}", "start": span.start, "end": span.end, "label": span.label,
                  "text": text[span.start:span.end], "attributes": span.attributes or {},
                  "entity": references.get(span.entity, span.entity)}
        if span.fragments:
            entity["fragments"] = _fragment_objects(text, span.fragments)
        if span.origin is not None:  # accepted from a suggestion: which set proposed it
            entity["origin"] = span.origin
        line["entities"].append(entity)
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
        if claim.fragments:
            line["claims"][-1]["fragments"] = _fragment_objects(text, claim.fragments)
        if claim.origin is not None:
            line["claims"][-1]["origin"] = claim.origin
    relations = sorted(aset.relations, key=lambda r: (local[r.head], local[r.tail], r.label))
    for n, rel in enumerate(relations, start=1):
        line["relations"].append({"id": f"R{n}", "label": rel.label, "head": local[rel.head], "tail": local[rel.tail]})
        if rel.attributes:  # written only when there are some (older readers know no relation attributes)
            line["relations"][-1]["attributes"] = rel.attributes
    return line


def _fragment_objects(text: str, fragments: tuple[tuple[int, int], ...]) -> list[dict[str, Any]]:
    return [{"start": a, "end": b, "text": text[a:b]} for a, b in fragments]
