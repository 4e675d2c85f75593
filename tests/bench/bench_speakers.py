"""Top-1 and top-3 accuracy of the speaker key's proposal (W), old and new, on tests/fixtures/speaker_eval.jsonl.

    .venv/bin/python -m tests.bench.bench_speakers             # every claim of the set, 5 timing rounds
    .venv/bin/python -m tests.bench.bench_speakers --repeat 1  # quick

The set: 58 claims of the sample corpus, each with the document's candidate
speaker mentions and its true speaker, read by hand (tests/fixtures/
make_speaker_eval.py). Old: the distance order. New: the syntax's proposal
(annotator.domain.speaker_ranking) as W steps through it, given the claim's cue
where the set marks one and the document's earlier claims with their speakers
(an annotator going down the text has set them); also without the cues, and
without the earlier claims. If natasha is installed, its dependency parse
(the subject of a reporting verb, pronouns resolved the same way) is measured
too; it is not a dependency of the project. The rules were written from that
set, so it also runs the held-out texts of tests/fixtures/speaker_heldout.py,
written after them. Times are per claim, the models
already loaded (their load is printed apart).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):  # run as a file
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from annotator.domain.model import Claim, Cue, Span  # noqa: E402
from annotator.domain.speaker_choice import distance_candidates, speaker_candidates  # noqa: E402
from tests.fixtures.make_speaker_eval import OUT as FIXTURE  # noqa: E402
from tests.fixtures.make_speaker_eval import document_text  # noqa: E402
from tests.fixtures import speaker_heldout  # noqa: E402

LABELS = ("PER", "ORG", "ROLE")


def load(path: Path = FIXTURE) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts: dict[str, str] = {}
    for row in rows:
        row["text"] = texts.setdefault(row["document"], document_text(row["document"]))
        row["spans"] = [Span(m["id"], m["start"], m["end"], m["label"]) for m in row["mentions"]]
    for row in rows:  # the document's claims before this one, with their true speakers
        c = row["claim"]
        row["earlier"] = [Claim(f"C{i}", o["claim"]["start"], o["claim"]["end"], "FACT", speaker=o["speaker"])
                          for i, o in enumerate(rows)
                          if o["document"] == row["document"] and o["claim"]["end"] <= c["start"]]
    return rows


Proposer = Callable[[dict], list]


def old(row: dict) -> list:
    c = row["claim"]
    return [s.id for s in distance_candidates(c["start"], c["end"], row["spans"], LABELS)]


def new(row: dict, *, cue: bool = True, earlier: bool = True) -> list:
    c = row["claim"]
    given = Cue(row["cue"]["start"], row["cue"]["end"]) if cue and row["cue"] else None
    return [s.id for s in speaker_candidates(c["start"], c["end"], row["spans"], LABELS, text=row["text"],
                                             cue=given, claims=row["earlier"] if earlier else ())]


def accuracy(rows: list[dict], propose: Proposer) -> tuple[float, float, list[dict]]:
    """Top-1 and top-3 accuracy of ``propose`` over ``rows``, and the rows whose top-1 is wrong."""
    top1 = top3 = 0
    missed = []
    for row in rows:
        order = propose(row)
        top1 += bool(order) and order[0] == row["speaker"]
        top3 += row["speaker"] in order[:3]
        if not order or order[0] != row["speaker"]:
            missed.append(row)
    return top1 / len(rows), top3 / len(rows), missed


def per_claim_ms(rows: list[dict], propose: Proposer, repeat: int) -> float:
    rounds = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for row in rows:
            propose(row)
        rounds.append((time.perf_counter() - t0) / len(rows) * 1000)
    return statistics.median(rounds)


def natasha_proposer() -> tuple[Proposer, float, list[float]] | None:
    """The subject of a reporting verb by natasha's dependency parse, then the distance order; None without natasha.

    Also the models' load time and (filled as documents come) the time spent parsing whole documents: each is
    parsed once and cached, so the per-claim time excludes it.
    """
    try:
        import natasha
    except ImportError:
        return None
    from annotator.domain.speaker_ranking import PERSON_PRONOUNS, REPORTING_LEMMAS, _Ranker

    t0 = time.perf_counter()
    emb = natasha.NewsEmbedding()
    morph, syntax, segmenter = natasha.NewsMorphTagger(emb), natasha.NewsSyntaxParser(emb), natasha.Segmenter()
    vocab = natasha.MorphVocab()
    parsed: dict[str, natasha.Doc] = {}
    load_s = time.perf_counter() - t0
    parse_s = [0.0]

    def doc_of(text: str) -> natasha.Doc:
        if text not in parsed:
            started = time.perf_counter()
            doc = natasha.Doc(text)
            doc.segment(segmenter)
            doc.tag_morph(morph)
            doc.parse_syntax(syntax)
            for token in doc.tokens:
                token.lemmatize(vocab)
            parsed[text] = doc
            parse_s[0] += time.perf_counter() - started
        return parsed[text]

    def propose(row: dict) -> list:
        c, text = row["claim"], row["text"]
        doc = doc_of(text)
        base = distance_candidates(c["start"], c["end"], row["spans"], LABELS)
        ranker = _Ranker(text, c["start"], c["end"], base)  # for its pronoun resolution only
        outside = [s for s in doc.sents if s.stop > c["start"] - 1 and s.start < c["end"] + 1]
        para_end = text.find("\n", c["end"])
        tail = [s for s in doc.sents if c["end"] <= s.start < (len(text) if para_end < 0 else para_end)]
        before = [s for s in doc.sents if s.stop <= c["start"]][-3:][::-1]
        found: list = []
        for sent in outside + tail + before:
            ids = {t.id: t for t in sent.tokens}
            for t in sent.tokens:
                head = ids.get(t.head_id)
                if t.rel != "nsubj" or head is None or (head.lemma or "") not in REPORTING_LEMMAS:
                    continue
                if c["start"] <= head.start < c["end"]:
                    continue
                if t.text.lower() in PERSON_PRONOUNS:
                    found += ranker.antecedent(t.start, PERSON_PRONOUNS[t.text.lower()])
                else:
                    found += [s for s in base if s.start <= t.start < s.end]
            if found:
                break
        first = list(dict.fromkeys(s.id for s in found))
        return first + [s.id for s in base if s.id not in first]

    return propose, load_s, parse_s


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timing rounds (the median is reported)")
    args = parser.parse_args(argv)
    rows = load()
    t0 = time.perf_counter()
    new(rows[0])  # loads pymorphy3's dictionaries
    load_s = time.perf_counter() - t0
    proposers: dict[str, Proposer] = {
        "old (distance)": old,
        "new (syntax)": new,
        "new, no cues": lambda r: new(r, cue=False),
        "new, no earlier claims": lambda r: new(r, earlier=False),
        "new, neither": lambda r: new(r, cue=False, earlier=False),
    }
    loads = {"new (syntax)": load_s}
    nat = natasha_proposer()
    if nat is not None:
        proposers["natasha parse"], loads["natasha parse"], parse_s = nat
        nat[0](rows[0])  # the first parse warms the models
    figures: dict = {"claims": len(rows), "documents": len({r["document"] for r in rows})}
    print(f"{figures['claims']} claims in {figures['documents']} documents")
    print(f"{'proposal':<24} {'top-1':>6} {'top-3':>6} {'ms/claim':>9}")
    for name, propose in proposers.items():
        top1, top3, missed = accuracy(rows, propose)
        ms = per_claim_ms(rows, propose, args.repeat)
        key = name.split(" (")[0].replace(",", "").replace(" ", "_")
        figures.update({f"{key}_top1": top1, f"{key}_top3": top3, f"{key}_ms": ms})
        print(f"{name:<24} {top1:6.1%} {top3:6.1%} {ms:9.2f}")
        for row in missed if name == "new (syntax)" else ():
            print(f"    missed: {row['document']} {row['claim']['text'][:60]!r}")
    held = speaker_heldout.rows()
    print(f"held-out: {len(held)} claims in {len({r['document'] for r in held})} texts written after the rules "
          "(tests/fixtures/speaker_heldout.py)")
    for name, propose in (("old (distance)", old), ("new (syntax)", new)):
        top1, top3, _ = accuracy(held, propose)
        key = name.split(" (")[0]
        figures.update({f"heldout_{key}_top1": top1, f"heldout_{key}_top3": top3})
        print(f"{name:<24} {top1:6.1%} {top3:6.1%}")
    for name, seconds in loads.items():
        print(f"load before the first claim, {name}: {seconds:.2f} s")
    if nat is not None:
        figures["natasha_parse_s"] = parse_s[0]
        print(f"natasha's parse of the {figures['documents']} documents (once each, not in ms/claim): "
              f"{parse_s[0]:.2f} s, {parse_s[0] / figures['claims'] * 1000:.1f} ms a claim")
    else:
        print("natasha is not installed: its parse is not measured (pip install natasha)")
    return figures


if __name__ == "__main__":
    main()
