"""brat standoff: a directory of ``X.txt`` (the text) and ``X.ann`` (its annotations) pairs.

Read: ``T`` spans (with several fragments: a discontinuous span), ``R`` relations, ``A``/``M`` attributes on spans
and relations (binary: true; valued: the value), ``N`` normalisations into the span's entity link (``Wikidata:Q…``), ``*`` equivalences as
relations of that type between neighbours, ``E`` events as their trigger span plus one relation
per argument (labelled with the role, numbered roles such as ``Org-Arg2`` without their number).
``#`` notes on a span (or an event: its trigger) become notes of the set, on that span (and a
span's or claim's notes are written as ``#`` lines, on one line each);
attributes of events go on the trigger span. Notes on relations and unknown line types are not
kept, and each file says how many it left.

Offsets are code points; brat itself reads text with universal newlines, so a CRLF counts as one,
while some corpora count it as two: both are tried, the rule under which the ``T`` texts match
is taken and named in a notice. The stored text is the .txt exactly (CRLF kept).
Written: claims as spans with attributes (``claim_spans.py``), read back as claims; a span's and a
relation's attributes as ``A`` lines (true) and ``A`` lines with a value (one word);
one ``DOC.txt``/``DOC.ann`` pair per set, in a directory per owner, offsets over the
stored text (a CRLF counts two).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from annotator.domain.limits import IDENTIFIER_LENGTH, name_problem, text_problem
from annotator.domain.model import Document
from annotator.domain.offsets import CrlfMap, OffsetError
from annotator.domain.problems import Problem
from annotator.domain.scheme import Scheme
from annotator.domain.validation import span_name
from annotator.formats.base import ExportItem, Notice, Record
from annotator.formats.brat_conf import propose, read_conf
from annotator.formats.claim_spans import as_spans
from annotator.formats.interchange import (
    LOCAL_NAMESPACE,
    Losses,
    link_of,
    SetDraft,
    document_id,
    file_name,
    owner_problem,
    same_text,
    sets_of,
    sorted_spans,
    writable_relations,
)
from annotator.i18n import _, ngettext

FRAGMENT = re.compile(r"(\d+) (\d+)")
ROLE_NUMBER = re.compile(r"\d+$")


def is_brat_directory(path: Path) -> bool:
    """A directory is brat's when some ``X.ann`` under it has its ``X.txt`` beside it."""
    return any(ann.with_suffix(".txt").is_file() for ann in path.rglob("*.ann"))


def _decode(data: bytes) -> str:
    return data.decode("utf-8-sig")


class _Ann:
    """The lines of one .ann file, parsed but not yet checked against the text."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, str, str, list[tuple[int, int]], str]] = []  # line, id, type, fragments, text
        self.relations: list[tuple[int, str, str, str, str]] = []  # line, id, type, head, tail
        self.attributes: list[tuple[int, str, str, Any]] = []  # line, name, target, value
        self.links: list[tuple[int, str, str, str]] = []  # line, target, reference, name
        self.equivalences: list[list[str]] = []  # the members of each * line
        self.events: list[tuple[int, str, str, str, list[tuple[str, str]]]] = []  # line, id, type, trigger, args
        self.notes: list[tuple[int, str, str]] = []  # line, target, text
        self.left: dict[str, int] = {}  # what was not kept, by kind
        self.problems: list[tuple[int, str]] = []

    def leave(self, kind: str) -> None:
        self.left[kind] = self.left.get(kind, 0) + 1


def _parse(text: str) -> _Ann:
    ann = _Ann()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        ident, _tab, rest = line.partition("\t")
        data, _tab, tail = rest.partition("\t")
        kind = ident[:1]
        try:
            if kind == "T":
                label, _sp, ranges = data.partition(" ")
                fragments = [(int(a), int(b)) for a, b in (FRAGMENT.fullmatch(r).groups() for r in ranges.split(";"))]
                ann.spans.append((number, ident, label, fragments, tail))
            elif kind == "R":
                label, arg1, arg2 = data.split()
                ann.relations.append((number, ident, label, arg1.split(":", 1)[1], arg2.split(":", 1)[1]))
            elif kind in ("A", "M"):
                parts = data.split()
                ann.attributes.append((number, parts[0], parts[1], True if len(parts) == 2 else " ".join(parts[2:])))
            elif kind == "N":
                _type, target, reference = data.split()[:3]
                ann.links.append((number, target, reference, tail.strip()))
            elif kind == "E":
                head, *args = data.split()
                label, trigger = head.split(":", 1)
                ann.events.append((number, ident, label, trigger, [tuple(a.split(":", 1)) for a in args]))
            elif kind == "*":
                label, *members = data.split()
                for head, tail_id in zip(members, members[1:]):
                    ann.relations.append((number, f"*{number}-{head}", label, head, tail_id))
                ann.equivalences.append(members)
            elif kind == "#":
                ann.notes.append((number, data.split()[1], tail.strip()))
            else:
                ann.leave("line")
        except (ValueError, IndexError, AttributeError):
            ann.problems.append((number, _("cannot read this line: {line!r}").format(line=line[:80])))
    return ann


def _rule(text: str, ann: _Ann) -> tuple[CrlfMap | None, list[tuple[int, str]], bool]:
    """The offset rule (None: code points over the text as stored; a map: CRLF counted as one)
    under which the most ``T`` texts match, the spans that do not match under it, and whether the
    spans told the rules apart (spans before the first CRLF fit both)."""
    def mismatches(crlf: CrlfMap | None) -> list[tuple[int, str]]:
        found = []
        for number, ident, _label, fragments, stated in ann.spans:
            try:
                pieces = [text[_cp(crlf, a):_cp(crlf, b)] for a, b in fragments]
            except OffsetError as exc:
                found.append((number, f"{span_name(ident)}: {exc}"))
                continue
            if not same_text(" ".join(pieces), stated):
                found.append((number, _("span {span}: text {text!r} does not match the document's {covered!r}")
                              .format(span=ident, text=stated, covered=" ".join(pieces))))
        return found

    plain = mismatches(None)
    if "\r\n" not in text:
        return None, plain, False
    crlf = CrlfMap(text)
    short = mismatches(crlf)
    if len(short) < len(plain):
        return crlf, short, True
    return None, plain, len(plain) < len(short)  # decided only if the other rule fails somewhere


def _conf_notices(path: Path, scheme: Scheme) -> Iterator[Notice]:
    """An annotation.conf is a scheme proposal, said and never applied by an import."""
    conf = read_conf(path)
    for problem in conf.problems:
        yield Notice(problem.file, problem.line, problem.message)
    proposal = propose(conf, scheme)
    if proposal.empty:
        return
    names = [*proposal.labels, *proposal.relations, *proposal.widened, *proposal.attributes]
    shown = ", ".join(names[:8]) + (", …" if len(names) > 8 else "")
    yield Notice(str(path), 1, _(
        "brat configuration: {labels} labels, {relations} relation types and {attributes} attributes are not in "
        "the scheme in force ({names}); the scheme is not changed (annotator schema --from-brat shows and "
        "applies the scheme it proposes)").format(labels=len(proposal.labels),
                                                  relations=len(proposal.relations) + len(proposal.widened),
                                                  attributes=len(proposal.attributes), names=shown))


def _cp(crlf: CrlfMap | None, offset: int) -> int:
    if crlf is None:
        return offset
    return crlf.to_codepoint(offset)


class BratFormat:
    id = "brat"
    label = "brat standoff"
    extensions = (".ann",)
    writes_directory = True
    writes_notes = True  # a span's or claim's notes as ``#`` lines

    def sniff(self, path: Path, head: bytes) -> bool:
        return path.suffix.lower() == ".ann"

    def read(self, path: Path, scheme: Scheme, annotator: str | None = None
             ) -> Iterator[Record | Problem | Notice]:
        """An .ann file with its .txt; a .txt with an .ann beside it is read with that .ann, and other
        files in a brat directory (annotation.conf, visual.conf) are not documents."""
        source = str(path)
        if path.suffix.lower() == ".txt":
            if path.with_suffix(".ann").is_file():
                return
            yield Notice(source, 1, _("a text without its .ann beside it: not read"))
            return
        if path.suffix.lower() != ".ann":
            if path.name == "annotation.conf":
                yield from _conf_notices(path, scheme)
            elif path.name.endswith(".conf"):
                yield Notice(source, 1, _("brat configuration not read (the scheme in force decides the labels)"))
            return
        txt = path.with_suffix(".txt")
        try:
            text = _decode(txt.read_bytes())
            ann_text = _decode(path.read_bytes())
        except FileNotFoundError:
            yield Problem(source, 1, _("no text file {name} beside it").format(name=txt.name))
            return
        except UnicodeDecodeError as exc:
            yield Problem(source, 1, _("invalid UTF-8 at byte {offset}").format(offset=exc.start))
            return
        except OSError as exc:
            yield Problem(source, 1, _("cannot read: {error}").format(error=exc.strerror or exc))
            return
        if not text.strip() or (found := text_problem(text)) is not None:
            yield Problem(str(txt), 1, found[1] if text.strip() and found else _("only whitespace, no text"))
            return
        doc_id = document_id(txt, ".txt")
        if (problem := name_problem(doc_id, _("document id"), IDENTIFIER_LENGTH)) is not None:
            yield Problem(source, 1, problem)
            return
        document = Document(doc_id, text, {"source": txt.name})
        ann = _parse(ann_text)
        if not (ann.spans or ann.relations or ann.events or ann.problems):
            yield Record(source, 1, document, None, rename_on_conflict=True)
            return
        if (problem := owner_problem(source, 1, annotator)) is not None:
            yield problem
            return
        crlf, mismatches, decided = _rule(text, ann)
        draft = SetDraft(source, text, scheme)
        for number, message in ann.problems + mismatches:
            draft.problem(number, message)
        if draft.problems:
            yield from draft.problems
            return
        triggers = {ident: trigger for _n, ident, _label, trigger, _args in ann.events}
        attributes: dict[str, dict[str, Any]] = {}
        relation_ids = {ident for _n, ident, _l, _h, _t in ann.relations}
        for number, name, target, value in ann.attributes:
            target = triggers.get(target, target)  # an event's attribute goes on its trigger span
            if target.startswith("T") or target in relation_ids:
                attributes.setdefault(target, {})[name] = value
            else:
                ann.leave("attribute")
        links: dict[str, str] = {}
        for number, target, reference, name in ann.links:
            if target in links or not target.startswith("T"):
                ann.leave("link")
            else:
                links[target] = reference
                local = reference.startswith(f"{LOCAL_NAMESPACE}:")
                draft.describe(reference, name or None, external=not local)
        covered = {ident: stated for _n, ident, _l, _f, stated in ann.spans}
        for members in ann.equivalences:  # the same entity: each member takes a member's link
            reference = next((links[m] for m in members if m in links), None)
            if reference is None:
                reference = f"*{members[0]}"
                draft.describe(reference, covered.get(members[0]), external=False)
            for member in members:
                links.setdefault(member, reference)
        for number, ident, label, fragments, _stated in ann.spans:
            start, end = _cp(crlf, min(a for a, _b in fragments)), _cp(crlf, max(b for _a, b in fragments))
            pieces = tuple((_cp(crlf, a), _cp(crlf, b)) for a, b in fragments) if len(fragments) > 1 else ()
            draft.span(number, ident, start, end, label, attributes.get(ident), links.get(ident), fragments=pieces)
        for number, ident, label, trigger, _args in ann.events:
            draft.alias(ident, trigger)
        for number, ident, label, head, tail in ann.relations:
            draft.relation(number, ident, label, head, tail, attributes.get(ident))
        for number, ident, label, trigger, args in ann.events:
            for role, target in args:
                draft.relation(number, f"{ident}-{role}", ROLE_NUMBER.sub("", role), trigger, target)
        if draft.problems:
            yield from draft.problems
            return
        notes = []
        for number, target, note in ann.notes:
            target = draft.resolve(triggers.get(target, target))
            if draft.known(target) and note and text_problem(note) is None:
                notes.append((target, note))
            else:  # on a relation, or empty: our notes are on a span, a claim or the document
                ann.leave("note")
        yield from draft.notices(1)
        if decided and crlf is not None:
            yield Notice(source, 1, _("offsets count a CRLF as one character (as brat does); read that way"))
        elif decided:
            yield Notice(source, 1, _("offsets count a CRLF as two characters; read that way"))
        if ann.events:
            yield Notice(source, 1, ngettext("{count} event read as its trigger span and one relation per argument",
                                             "{count} events read as their trigger spans and one relation per argument",
                                             len(ann.events)).format(count=len(ann.events)))
        names = {"note": _("notes on relations (or empty)"), "line": _("lines of unknown type"), "attribute": _("attributes of nothing "
                 "read (an unknown id or a * line)"), "link": _("second or non-span normalisations")}
        for kind, count in ann.left.items():
            yield Notice(source, 1, _("{count} {what} not kept").format(count=count, what=names[kind]))
        yield Record(source, 1, document, draft.finish(doc_id, annotator), rename_on_conflict=True,
                     notes=tuple(notes))

    # ----------------------------------------------------------------- writing
    def write_directory(self, root: Path, items: Iterable[ExportItem], scheme: Scheme, notices: list[str]) -> int:
        losses = Losses()
        count = 0
        for item, aset in sets_of(items, losses):
            losses.count_set(aset, fragments=True, claims=True, relation_attributes=True)
            aset = as_spans(aset)  # claims as spans with A lines; a cue as a CUE span and relation
            text = item.document.text
            folder = root / file_name(aset.owner)
            folder.mkdir(exist_ok=True)
            stem = file_name(item.document.id)
            (folder / f"{stem}.txt").write_bytes(text.encode("utf-8"))
            lines: list[str] = []
            local: dict[Any, str] = {}
            attribute_count = note_count = 0
            for n, span in enumerate(sorted_spans(aset), start=1):
                local[span.id] = f"T{n}"
                covered = " ".join(text[span.start:span.end].splitlines()) if "\n" in text[span.start:span.end] \
                    or "\r" in text[span.start:span.end] else text[span.start:span.end]
                if span.fragments:  # brat's text of a discontinuous span: its pieces joined by a space
                    covered = " ".join(" ".join(text[a:b].split()) for a, b in span.fragments)
                    ranges = ";".join(f"{a} {b}" for a, b in span.fragments)
                else:
                    ranges = f"{span.start} {span.end}"
                lines.append(f"T{n}\t{span.label} {ranges}\t{covered}")
                attribute_count = _attribute_lines(lines, f"T{n}", span.attributes, attribute_count, losses)
                link = link_of(aset, span)
                if link and len(link[0].split()) != 1:
                    losses.entities += 1  # brat's N line takes one reference without spaces
                elif link:
                    note_count += 1
                    name = " ".join(link[1].split())
                    lines.append(f"N{note_count}\tReference T{n} {link[0]}\t{name}")
            for n, rel in enumerate(writable_relations(aset), start=1):
                lines.append(f"R{n}\t{rel.label} Arg1:{local[rel.head]} Arg2:{local[rel.tail]}\t")
                attribute_count = _attribute_lines(lines, f"R{n}", rel.attributes, attribute_count, losses)
            written = 0
            for target, note in item.notes:
                one_line = " ".join(note.split())  # a brat note is the rest of one line
                if target not in local or not one_line:  # on the document, or a flag without words
                    losses.notes += 1
                    continue
                written += 1
                lines.append(f"#{written}\tAnnotatorNotes {local[target]}\t{one_line}")
            (folder / f"{stem}.ann").write_bytes(("\n".join(lines) + "\n" if lines else "").encode("utf-8"))
            count += 1
        notices.extend(losses.sentences())
        return count


def _attribute_lines(lines: list[str], target: str, attributes: dict[str, Any], count: int, losses: Losses) -> int:
    """A span's or relation's attributes as ``A`` lines: ``true`` as a binary one, a one-word value as a
    valued one (``false`` is no line); any other value is counted as not written. The last number used."""
    for name, value in sorted(attributes.items()):
        if value is True:
            count += 1
            lines.append(f"A{count}\t{name} {target}")
        elif isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).split() == [str(value)]:
            count += 1
            lines.append(f"A{count}\t{name} {target} {value}")
        elif value is not False and target.startswith("R"):
            losses.relation_attributes += 1
        elif value is not False:
            losses.attributes += 1
    return count
