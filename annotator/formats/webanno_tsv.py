"""WebAnno TSV 3 (INCEpTION's exchange format): one document per file.

Read: the span layers (``#T_SP``) as spans, labelled with the layer's ``value`` feature (else its
first feature; a NamedEntity's ``identifier`` is the entity link), and relation layers (``#T_RL``)
as relations from the span at the ``BT_`` column's address to the span of the row. Stacked values
(``|``), multi-token and stacked ids (``PER[2]``), sub-token rows (``1-2.1``) and escaping are
understood. Chain layers (``#T_CH``, coreference) come in as their links' spans (labelled with
``referenceType``) and one relation from each link to the next (labelled with ``referenceRelation``,
``SAME_AS`` where it has none). Linguistic layers (POS, lemma, morphology) are not annotations of
ours and are left, with a notice; an annotation with no value (``*``) has no label and is left too.
Offsets are UTF-16 units over the whole document, converted with the domain's OffsetMap; the
document's text is rebuilt from the ``#Text=`` lines placed at their tokens' offsets (a gap between
sentences is padded with spaces and a line break), and every token is checked against it.
Span attributes: the scheme's attributes are features of their layer (``#T_SP=…NamedEntity|
identifier|value|uncertain``, a cell ``true[3]``, ``*[3]`` for none), read back where the scheme
defines them (booleans from ``true``/``false``); features the scheme has no attribute for are left.
Relation attributes likewise: features of the relation layer between ``label`` and the ``BT_``
column (``#T_RL=…Relation|label|former|BT_…``), one stacked value per relation of the cell.
Written: one ``DOC.tsv`` per set, in a directory per owner, with one NamedEntity layer (its
attributes as features) and one relation layer (its relations' attributes as features); each sentence's ``#Text`` runs to the next sentence, so the text comes back whole.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from annotator.domain.limits import IDENTIFIER_LENGTH, name_problem, text_problem
from annotator.domain.model import SAYS, Document
from annotator.domain.offsets import OffsetError, OffsetMap, utf16_length
from annotator.domain.problems import Problem
from annotator.domain.scheme import Scheme
from annotator.domain.tokens import sentences, tokenize
from annotator.formats import claim_spans
from annotator.formats.base import ExportItem, Notice, Record
from annotator.formats.claim_spans import CUE, as_spans
from annotator.formats.interchange import (
    Losses,
    SetDraft,
    document_id,
    file_name,
    owner_problem,
    read_text_file,
    sets_of,
    sorted_spans,
    writable_relations,
)
from annotator.i18n import _

HEADER = "#FORMAT=WebAnno TSV 3"
NE_LAYER = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
RELATION_LAYER = "webanno.custom.Relation"
CLAIM_LAYER = "webanno.custom.Claim"  # claims as spans with their fields as features (claim_spans.py)
CLAIM_RELATION_LAYER = "webanno.custom.ClaimRelation"  # a claim's CUE
LINGUISTIC = re.compile(r"\.(POS|Lemma|Stem|MorphologicalFeatures|Token|Sentence|Chunk)$")
ROW = re.compile(r"(\d+)-(\d+(?:\.\d+)?)")
OFFSETS = re.compile(r"(\d+)-(\d+)")
CELL_ID = re.compile(r"^(.*?)(?:\[(\d+)(?:_(\d+))?\])?$", re.S)
ESCAPED = re.compile(r"\\(.)", re.S)
UNESCAPE = {"t": "\t", "n": "\n", "r": "\r"}
RESERVED = "\\[]|_;*"
CHAIN_LINK = re.compile(r"(.*)->(\d+)-(\d+)", re.S)
FEATURE_NAME = re.compile(r"[^\s|=\\\[\]*]+")  # what a #T_SP header can name as a feature, unescaped
CHAIN_RELATION = "SAME_AS"  # a link to the next one with no relation value: the two corefer


def unescape(value: str) -> str:
    return ESCAPED.sub(lambda m: UNESCAPE.get(m.group(1), m.group(1)), value)


def escape(value: str) -> str:
    out = "".join("\\" + c if c in RESERVED else c for c in value).replace("->", "\\->")
    return out.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _split_cell(cell: str) -> list[str]:
    """Stacked values: split on ``|`` that is not escaped."""
    parts, current, i = [], [], 0
    while i < len(cell):
        if cell[i] == "\\" and i + 1 < len(cell):
            current.append(cell[i:i + 2])
            i += 2
            continue
        if cell[i] == "|":
            parts.append("".join(current))
            current = []
        else:
            current.append(cell[i])
        i += 1
    parts.append("".join(current))
    return parts


class _Layer:
    def __init__(self, kind: str, name: str, features: list[str], scheme: Scheme | None = None):
        self.kind, self.name = kind, name
        self.attach = ""
        if kind == "RL" and features and features[-1].startswith("BT_"):
            self.attach = features[-1][3:]
            features = features[:-1]
        self.features = features
        self.columns = len(features) + (1 if kind == "RL" else 0)
        self.value = features.index("value") if "value" in features else 0
        self.identifier = features.index("identifier") if "identifier" in features else None
        # features read as the span's attributes: those the scheme defines (on any span layer), and on
        # the claim layer the claim's fields (claim_spans.FIELDS); other features are not ours
        own = {a.name: a.type for a in scheme.attributes} if scheme is not None else {}
        self.extra = [(n, f, own.get(f, "text")) for n, f in enumerate(features)
                      if n != self.value and n != self.identifier
                      and (f in own or (name == CLAIM_LAYER and f in claim_spans.FIELDS))]
        self.kept = (kind == "SP" and not LINGUISTIC.search(name)) or kind == "CH"
        if kind == "CH":  # a chain's links: their type (the span's label) and the relation to the next link
            self.value = features.index("referenceType") if "referenceType" in features else 0
            self.relation = features.index("referenceRelation") if "referenceRelation" in features else 1


class WebannoTsvFormat:
    id = "webanno-tsv"
    label = "WebAnno TSV 3"
    extensions = (".tsv",)
    writes_directory = True

    def sniff(self, path: Path, head: bytes) -> bool:
        return head.lstrip(b"\xef\xbb\xbf").startswith(HEADER.encode())

    def write_directory(self, root: Path, items: Iterable[ExportItem], scheme: Scheme, notices: list[str]) -> int:
        losses = Losses()
        count = 0
        for item, aset in sets_of(items, losses):
            losses.count_set(aset, claims=True, relation_attributes=True)
            folder = root / file_name(aset.owner)
            folder.mkdir(exist_ok=True)
            (folder / f"{file_name(item.document.id)}.tsv").write_bytes(
                write_tsv(item.document.text, aset, losses).encode("utf-8"))
            count += 1
        notices.extend(losses.sentences())
        return count

    def read(self, path: Path, scheme: Scheme, annotator: str | None = None
             ) -> Iterator[Record | Problem | Notice]:
        source = str(path)
        content = read_text_file(path)
        if isinstance(content, Problem):
            yield content
            return
        lines = content.split("\n")
        if not lines[0].startswith(HEADER):
            yield Problem(source, 1, _("not WebAnno TSV 3: the first line must be {header}").format(header=HEADER))
            return
        layers: list[_Layer] = []
        left: list[str] = []
        sentences_read: list[tuple[int, str, list[tuple[int, list[str]]]]] = []  # line, text, rows
        for number, line in enumerate(lines, start=1):
            line = line.rstrip("\r")
            if line.startswith("#T_"):
                kind, _eq, spec = line[3:].partition("=")
                name, *features = spec.split("|")
                layers.append(_Layer(kind, name, features, scheme))
                if kind == "SP" and not layers[-1].kept:
                    left.append(name.rsplit(".", 1)[-1])
            elif line.startswith("#Text="):
                if sentences_read and not sentences_read[-1][2]:
                    number0, text0, rows = sentences_read[-1]
                    sentences_read[-1] = (number0, text0 + "\n" + unescape(line[6:]), rows)
                else:
                    sentences_read.append((number, unescape(line[6:]), []))
            elif line and not line.startswith("#"):
                if not sentences_read:
                    yield Problem(source, number, _("a token row before any #Text= line"))
                    return
                sentences_read[-1][2].append((number, line.split("\t")))
        text, problems = self._text(sentences_read, source)
        if problems:
            yield from problems
            return
        if not text.strip() or (found := text_problem(text)) is not None:
            yield Problem(source, 1, found[1] if text.strip() and found else _("only whitespace, no text"))
            return
        doc_id = document_id(path, ".tsv")
        if (problem := name_problem(doc_id, _("document id"), IDENTIFIER_LENGTH)) is not None:
            yield Problem(source, 1, problem)
            return
        document = Document(doc_id, text, {"source": path.name})
        offsets = OffsetMap(text)
        rows: list[tuple[int, str, int, int, list[str]]] = []  # line, address, start, end, cells
        bad: list[Problem] = []
        for _n, _t, sentence_rows in sentences_read:
            for number, cells in sentence_rows:
                address, span, token = cells[0], OFFSETS.fullmatch(cells[1] if len(cells) > 1 else ""), \
                    unescape(cells[2]) if len(cells) > 2 else ""
                if ROW.fullmatch(address) is None or span is None:
                    bad.append(Problem(source, number, _("expected SENTENCE-TOKEN, START-END and the token")))
                    continue
                try:
                    start, end = offsets.span_to_codepoint(int(span.group(1)), int(span.group(2)))
                except OffsetError as exc:
                    bad.append(Problem(source, number, str(exc)))
                    continue
                if text[start:end] != token:
                    bad.append(Problem(source, number, _("token {token!r} does not match the text's {covered!r} at "
                                                         "{start}-{end}").format(token=token, covered=text[start:end],
                                                                                 start=start, end=end)))
                    continue
                rows.append((number, address, start, end, cells[3:]))
        if bad:
            yield from bad
            return
        spans, relations, unvalued = self._annotations(rows, layers)
        zero_width = 0
        kept = {layer.name for layer in layers if layer.kept}
        for layer in layers:
            if layer.kind == "RL" and layer.attach not in kept:
                left.append(layer.name.rsplit(".", 1)[-1])
        relations = [(*r[:5], r[6]) for r in relations if r[5] in kept]
        if not spans and not relations:
            yield Record(source, 1, document, None, rename_on_conflict=True)
        else:
            if (problem := owner_problem(source, 1, annotator)) is not None:
                yield problem
                return
            draft = SetDraft(source, text, scheme)
            said: list[tuple[int, str, str]] = []  # a claim's speaker feature: (line, mention, claim)
            for key, (number, start, end, label, entity, attributes) in spans.items():
                if start >= end:
                    zero_width += 1
                    continue
                speaker = attributes.get(claim_spans.SPEAKER)
                if isinstance(speaker, str) and speaker.startswith("T") and speaker[1:].isdigit():
                    attributes = {k: v for k, v in attributes.items() if k != claim_spans.SPEAKER}
                    said.append((number, f"{NE_LAYER.rsplit('.', 1)[-1]}[{speaker[1:]}]", key))
                draft.span(number, key, start, end, label, attributes or None, entity)
            for number, mention, claim in said:
                draft.relation(number, f"SAYS-{claim}", SAYS, mention, claim)
            for number, n, label, head, tail, relation_attributes in relations:
                if head is None or tail is None or not draft.known(head) or not draft.known(tail):
                    draft.problem(number, _("relation {label!r}: one of its ends is not an annotation of the "
                                            "layer it attaches to").format(label=label))
                    continue
                draft.relation(number, f"R{n}", label, head, tail, relation_attributes or None)
            if draft.problems:
                yield from draft.problems
                return
            yield from draft.notices(1)
            yield Record(source, 1, document, draft.finish(doc_id, annotator), rename_on_conflict=True)
        if left:
            yield Notice(source, 1, _("layers not read (not annotations of ours): {layers}").format(
                layers=", ".join(left)))
        if zero_width:
            yield Notice(source, 1, _("{count} zero-width annotation(s) not kept: they cover no text").format(
                count=zero_width))
        if unvalued:
            yield Notice(source, 1, _("{count} annotation(s) without a value (*) not kept: no label").format(
                count=unvalued))

    @staticmethod
    def _text(sentences_read: list, source: str) -> tuple[str, list[Problem]]:
        pieces: list[str] = []
        length = 0  # in UTF-16 units
        for number, sentence, rows in sentences_read:
            first = next((cells for _n, cells in rows if len(cells) > 2 and cells[2]), None)
            if first is None:
                continue
            found = OFFSETS.fullmatch(first[1])
            token = unescape(first[2])
            at = sentence.find(token)
            if found is None or at < 0:
                return "", [Problem(source, number, _("the sentence's first token {token!r} is not in its text")
                                    .format(token=token))]
            start = int(found.group(1)) - utf16_length(sentence[:at])
            if start < length:
                return "", [Problem(source, number, _("this sentence overlaps the one before it"))]
            gap = start - length
            if gap:
                pieces.append(" " * (gap - 1) + ("\n" if pieces else " "))
            pieces.append(sentence)
            length = start + utf16_length(sentence)
        return "".join(pieces), []

    @staticmethod
    def _annotations(rows: list, layers: list[_Layer]):
        spans: dict[str, list] = {}  # key -> [line, start, end, label, entity, attributes]
        at_row: dict[tuple[str, str], list[str]] = {}  # (layer, address) -> span keys there
        by_id: dict[tuple[str, str], str] = {}
        relations: list[tuple[int, int, str, str | None, str | None, str, dict]] = []
        pending: list[tuple[int, _Layer, str, str, str, dict]] = []  # line, layer, label, cell of BT, address, attributes
        links: dict[tuple[str, int], dict[int, tuple[str, str, int]]] = {}  # (layer, chain) -> link -> key etc.
        unvalued = 0
        for number, address, start, end, cells in rows:
            column = 0
            for layer in layers:
                mine = cells[column:column + layer.columns]
                column += layer.columns
                if layer.kind == "CH":
                    if len(mine) == layer.columns:
                        unvalued += _chain_cells(layer, mine, number, start, end, spans, links)
                    continue
                if layer.kind == "RL" and len(mine) == layer.columns:
                    labels, sources = _split_cell(mine[0]), _split_cell(mine[-1])
                    features = [(name, kind, _split_cell(mine[n])) for n, name, kind in layer.extra]
                    for index, (label, bt) in enumerate(zip(labels, sources)):
                        if bt not in ("_", ""):
                            pending.append((number, layer, unescape(label), bt, address,
                                            _feature_values(features, index)))
                if not layer.kept or len(mine) < len(layer.features):
                    continue
                values = _split_cell(mine[layer.value])
                identifiers = _split_cell(mine[layer.identifier]) if layer.identifier is not None else []
                extras = [(name, kind, _split_cell(mine[n])) for n, name, kind in layer.extra]
                for index, value in enumerate(values):
                    if value in ("_", ""):
                        continue
                    label, ident, _t = CELL_ID.match(value).groups()
                    entity = None
                    if index < len(identifiers):
                        found = CELL_ID.match(identifiers[index]).group(1)
                        entity = unescape(found) if found not in ("*", "_", "") else None
                    if label == "*" or label == "":
                        if ident is None or (layer.name, ident) not in by_id:
                            unvalued += 1
                        continue
                    short = layer.name.rsplit(".", 1)[-1]
                    key = f"{short}[{ident}]" if ident else f"{short}@{address}#{index}"
                    if key in spans:
                        spans[key][1] = min(spans[key][1], start)
                        spans[key][2] = max(spans[key][2], end)
                    else:
                        attributes = _feature_values(extras, index)
                        spans[key] = [number, start, end, unescape(label), entity, attributes]
                        if ident:
                            by_id[(layer.name, ident)] = key
                    at_row.setdefault((layer.name, address), []).append(key)
        for n, (number, layer, label, bt, address, attributes) in enumerate(pending, start=1):
            source, source_id, target_id = CELL_ID.match(bt).groups()
            head = _end_at(layer.attach, source, source_id, at_row, by_id)
            tail = _end_at(layer.attach, address, target_id, at_row, by_id)
            relations.append((number, n, label, head, tail, layer.attach, attributes))
        n = len(pending)
        for (layer_name, _chain), chain in links.items():  # link k -> link k+1, labelled by link k's relation
            ordered = [chain[k] for k in sorted(chain)]
            for (head, label, number), (tail, _next, _line) in zip(ordered, ordered[1:]):
                n += 1
                relations.append((number, n, label if label not in ("*", "_", "") else CHAIN_RELATION,
                                  head, tail, layer_name, {}))
        return {k: tuple(v) for k, v in spans.items()}, relations, unvalued


def _feature_values(features: list[tuple[str, str, list[str]]], index: int) -> dict[str, Any]:
    """The attributes of the ``index``-th stacked annotation from its layer's feature cells (a value is
    ``value`` or, on a span layer, ``value[id]``; ``*`` or ``_`` is none)."""
    attributes: dict[str, Any] = {}
    for name, kind, cells in features:
        found = CELL_ID.match(cells[index]).group(1) if index < len(cells) else "*"
        if found in ("*", "_", ""):
            continue
        attributes[name] = (found == "true") if kind == "boolean" else \
            True if found == "true" and name in claim_spans.FIELDS else unescape(found)
    return attributes


def _chain_cells(layer: _Layer, mine: list[str], number: int, start: int, end: int, spans: dict,
                 links: dict) -> int:
    """One row's cells of a chain layer (``pr[1]`` and ``coref->1-2``: chain 1, its second link) into
    the link's span and its place in the chain; returns how many links had no type (``*``)."""
    types, relations = _split_cell(mine[layer.value]), _split_cell(mine[layer.relation])
    unvalued = 0
    for index, relation in enumerate(relations):
        found = CHAIN_LINK.fullmatch(relation)
        if found is None:
            continue
        value, chain, link = unescape(found.group(1)), int(found.group(2)), int(found.group(3))
        label = CELL_ID.match(types[index]).group(1) if index < len(types) else "*"
        short = layer.name.rsplit(".", 1)[-1]
        key = f"{short}#{chain}-{link}"
        if label in ("*", "_", ""):
            unvalued += key not in spans
            continue
        if key in spans:
            spans[key][1], spans[key][2] = min(spans[key][1], start), max(spans[key][2], end)
        else:
            spans[key] = [number, start, end, unescape(label), None, {}]
        links.setdefault((layer.name, chain), {}).setdefault(link, (key, value, number))
    return unvalued


def _end_at(layer: str, address: str, ident: str | None, at_row: dict, by_id: dict) -> str | None:
    if ident and ident != "0":
        return by_id.get((layer, ident))
    keys = at_row.get((layer, address)) or []
    return keys[0] if keys else None


def write_tsv(text: str, aset, losses: Losses) -> str:
    """One set as a TSV document: razdel sentences and tokens, UTF-16 offsets, every span with an id.

    Entities go in the NamedEntity layer with their relations; claims, when the set has any, in a
    ``webanno.custom.Claim`` layer (the type as ``value``, the claim's fields as features, the
    speaker a mention's NamedEntity id) with its cues (``CUE``) and a ``CUE`` relation layer. A
    relation layer joins annotations of one layer, so a relation between a claim and an entity
    other than the speaker's SAYS is not written (counted)."""
    offsets = OffsetMap(text)
    tokens = tokenize(text)
    entities = sorted_spans(aset)
    claim_set = as_spans(dataclasses.replace(aset, spans=())) if aset.claims else None
    claims = sorted_spans(claim_set) if claim_set is not None else []
    ids = {span.id: n for n, span in enumerate([*entities, *claims], start=1)}
    first_token: dict[Any, int] = {}
    covers: list[dict[int, list]] = []  # per span layer: token index -> spans over it
    for spans in (entities, claims):
        cover: dict[int, list] = {}
        for span in spans:
            covered = _overlapping(tokens, span.start, span.end)
            if not covered:
                losses.unaligned += 1
                continue
            if tokens[covered[0]].start != span.start or tokens[covered[-1]].end != span.end:
                losses.unaligned += 1
            first_token[span.id] = covered[0]
            for i in covered:
                cover.setdefault(i, []).append(span)
        covers.append(cover)
    entity_ids = {s.id for s in entities}
    rel_layers: list[dict[int, list]] = [{}, {}]
    claim_ids = {s.id for s in claims}
    for layer, relations in enumerate((writable_relations(aset),
                                       claim_set.relations if claim_set is not None else ())):
        for rel in relations:
            if layer == 1 and not (rel.head in claim_ids and rel.tail in claim_ids):
                # a claim's SAYS is its speaker feature; other relations of a claim cross layers
                if rel.label != SAYS and (rel.head in claim_ids or rel.tail in claim_ids):
                    losses.relations += 1
                continue
            if rel.head in first_token and rel.tail in first_token:
                rel_layers[layer].setdefault(first_token[rel.tail], []).append(rel)
    # Each sentence's #Text runs from its start to the next sentence's, so the gaps come back exactly.
    bounds = [s.start for s in sentences(text)] or [0]
    bounds[0] = 0
    sentence_of: list[tuple[int, int]] = []  # per sentence: (first token index, token count)
    index = 0
    for number, start in enumerate(bounds, start=1):
        end = bounds[number] if number < len(bounds) else len(text)
        first = index
        while index < len(tokens) and tokens[index].start < end:
            index += 1
        sentence_of.append((first, index - first))
    address = {first + j: f"{number}-{j + 1}" for number, (first, count) in enumerate(sentence_of, start=1)
               for j in range(count)}
    # Attributes as features of their layer (INCEpTION's custom features), one column a name.
    entity_features = _features(entities, (), losses)
    claim_features = _features(claims, claim_spans.FIELDS, losses)
    header = [f"{HEADER}.3", f"#T_SP={NE_LAYER}|identifier|value" + "".join(f"|{f}" for f in entity_features)]
    if claims:
        header.append(f"#T_SP={CLAIM_LAYER}|value|" + "|".join(claim_features))
    relation_features = [_relation_features(layer, losses) for layer in rel_layers]
    header.append(f"#T_RL={RELATION_LAYER}|label" + "".join(f"|{f}" for f in relation_features[0])
                  + f"|BT_{NE_LAYER}")
    if claims:
        header.append(f"#T_RL={CLAIM_RELATION_LAYER}|label" + "".join(f"|{f}" for f in relation_features[1])
                      + f"|BT_{CLAIM_LAYER}")
    lines = [*header, "", ""]

    def relation_cells(rels: list, features: list[str]) -> str:
        labels = "|".join(escape(r.label) for r in rels) or "_"
        columns = ["|".join(_feature_cell(r.attributes.get(name)) for r in rels) or "_" for name in features]
        sources = "|".join(f"{address[first_token[r.head]]}[{ids[r.head]}_{ids[r.tail]}]" for r in rels) or "_"
        return "\t".join([labels, *columns, sources])

    def feature_cells(here: list, features: list[str]) -> list[str]:
        columns = []
        for name in features:
            cells = []
            for s in here:
                value = s.attributes.get(name)
                if name == claim_spans.SPEAKER and s.id in speakers:
                    value = f"T{ids[speakers[s.id]]}"
                cell = _feature_cell(value)
                cells.append(f"{cell}[{ids[s.id]}]")
            columns.append("|".join(cells) if here else "_")
        return columns

    def claim_cells(here: list) -> str:
        values = "|".join(f"{escape(s.label)}[{ids[s.id]}]" for s in here) or "_"
        return "\t".join([values, *feature_cells(here, claim_features)])

    speakers = {c.id: c.speaker for c in aset.claims if c.speaker in entity_ids}
    for number, start in enumerate(bounds, start=1):
        end = bounds[number] if number < len(bounds) else len(text)
        lines.extend("#Text=" + escape(piece) for piece in text[start:end].split("\n"))
        first, count = sentence_of[number - 1]
        for index in range(first, first + count):
            token = tokens[index]
            here = covers[0].get(index, [])
            identifiers = "|".join(f"{escape(_identifier(aset, s)) if s.entity else '*'}[{ids[s.id]}]"
                                   for s in here) or "_"
            values = "|".join(f"{escape(s.label)}[{ids[s.id]}]" for s in here) or "_"
            row = [address[index], "{}-{}".format(*offsets.span_to_utf16(token.start, token.end)),
                   escape(token.text), identifiers, values, *feature_cells(here, entity_features)]
            if claims:
                row.append(claim_cells(covers[1].get(index, [])))
            row.append(relation_cells(rel_layers[0].get(index, []), relation_features[0]))
            if claims:
                row.append(relation_cells(rel_layers[1].get(index, []), relation_features[1]))
            lines.append("\t".join(row) + "\t")
        lines.append("")
    return "\n".join(lines) + "\n"


def _features(spans: list, first: tuple[str, ...], losses: Losses) -> list[str]:
    """A span layer's feature columns after ``value``: ``first``, then every attribute name its spans
    have, sorted. A name a TSV header cannot hold (a separator or space in it) is left out, counted."""
    names = sorted({name for s in spans for name, value in s.attributes.items()
                    if value is not False and name not in first})
    bad = {n for n in names if not FEATURE_NAME.fullmatch(n)}
    losses.attributes += sum(1 for s in spans if bad & set(s.attributes))
    return [*first, *(n for n in names if n not in bad)]


def _feature_cell(value: Any) -> str:
    return "*" if value is None or value is False else "true" if value is True else escape(str(value))


def _relation_features(layer: dict[int, list], losses: Losses) -> list[str]:
    """A relation layer's feature columns after ``label``: every attribute name its relations have,
    sorted; a name a header cannot hold is left out, its relations counted."""
    relations = [r for rels in layer.values() for r in rels]
    names = sorted({name for r in relations for name, value in r.attributes.items() if value is not False})
    bad = {n for n in names if not FEATURE_NAME.fullmatch(n)}
    losses.relation_attributes += sum(1 for r in relations if bad & set(r.attributes))
    return [n for n in names if n not in bad]


def _identifier(aset, span) -> str:
    """A linked entity as the NamedEntity layer's identifier: its external id, else its name
    (read back as a name: words, not an identifier)."""
    entity = next((e for e in aset.entities if e.id == span.entity), None)
    if entity is None:
        return str(span.entity)
    return entity.external_id or entity.name


def _overlapping(tokens, start: int, end: int) -> list[int]:
    first = bisect_right(tokens, start, key=lambda t: t.end)
    last = bisect_left(tokens, end, key=lambda t: t.start)
    return list(range(first, last))
