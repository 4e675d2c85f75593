"""Text for a terminal: a document with its spans marked, and tables."""

from __future__ import annotations

from annotator.cli.terminal import escape
from annotator.domain.model import AUTHOR, AnnotationSet, Document

ANSI = {"open": "\x1b[1;36m", "label": "\x1b[33m", "reset": "\x1b[0m"}


def marked_text(document: Document, aset: AnnotationSet, colour: bool = False) -> str:
    """The text with each span as ``[covered text]LABEL#id``; nested spans nest brackets."""
    text = document.text
    opens: dict[int, list[tuple[int, str]]] = {}
    closes: dict[int, list[tuple[int, str]]] = {}
    marks = [(s.start, s.end, f"{s.label}#{s.id}") for s in aset.spans]
    marks += [(c.start, c.end, f"{c.type}-claim#{c.id}") for c in aset.claims]
    for start, end, tag in marks:
        opens.setdefault(start, []).append((end, tag))
        closes.setdefault(end, []).append((start, tag))
    open_mark = f"{ANSI['open']}[{ANSI['reset']}" if colour else "["
    out: list[str] = []
    for i in range(len(text) + 1):
        # close inner spans (those that opened last) first
        for _start, tag in sorted(closes.get(i, ()), key=lambda x: -x[0]):
            out.append(f"]{ANSI['label']}{tag}{ANSI['reset']}" if colour else f"]{tag}")
        for _end in sorted(opens.get(i, ()), key=lambda x: -x[0]):
            out.append(open_mark)
        if i < len(text):
            out.append(escape(text[i]) if colour else text[i])  # printed raw past the escaping stream
    return "".join(out)


def span_table(document: Document, aset: AnnotationSet) -> list[str]:
    rows = [f"{'id':>8}  {'label':<8} {'start':>6} {'end':>6}  text"]
    for span in aset.spans:
        rows.append(f"{span.id:>8}  {span.label:<8} {span.start:>6} {span.end:>6}  "
                     f"{document.text[span.start:span.end]!r}")
    for claim in aset.claims:
        speaker = claim.speaker if claim.speaker in (None, AUTHOR) else f"#{claim.speaker}"
        rows.append(f"{claim.id:>8}  {claim.type:<8} {claim.start:>6} {claim.end:>6}  "
                    f"{document.text[claim.start:claim.end]!r} speaker={speaker} {claim.certainty.value}")
    for rel in aset.relations:
        rows.append(f"{rel.id:>8}  {rel.label:<8} #{rel.head} -> #{rel.tail}")
    return rows
