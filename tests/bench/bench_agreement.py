"""Agreement over 10,000 documents x 3 annotators: the token matrix, Krippendorff's alpha, the report.

    .venv/bin/python -m tests.bench.bench_agreement               # 10,000 documents (~4.8M tokens)
    .venv/bin/python -m tests.bench.bench_agreement --docs 300    # a quick run

The corpus: the five sample articles (``resources/sample``, the `` date YYYY-MM-DD ``
header split off, not cut), each copy with its own numbered first line. Each
document gets a random "truth" of ~20 entity spans on razdel word-token
boundaries (1-3 tokens; some ROLE spans hold a nested GPE) and 4 claims (5-15
tokens, a type, a speaker: a PER span of the truth or AUTHOR, a certainty).
The truth is the gold set; each of 3 annotators' sets is the truth perturbed
span by span (dropped 8%, relabelled 8%, a boundary moved by one token 10%,
plus a spurious span now and then; claims: dropped, moved, retyped, another
speaker or certainty), and ~5% of the annotators' sets are missing.

Timed, each alone:
  (a) tokenizing the documents and building the tokens x annotators label matrix;
  (b) our Krippendorff alpha (nominal) on that matrix: on the float matrix with
      NaN for missing that the reference gets (values encoded with np.unique),
      and on the integer code matrix the report uses;
  (c) ``krippendorff.alpha(reliability_data=..., level_of_measurement="nominal")``
      on the same float matrix (its coders x units layout: the transpose);
      target: ours / theirs <= 1.5;
  (d) the whole report (every registered measure, gold included) from the texts.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a file
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import numpy as np  # noqa: E402

from annotator import paths  # noqa: E402
from annotator.domain.agreement import DocumentSets, krippendorff_alpha, prepare, report  # noqa: E402
from annotator.domain.model import AUTHOR, GOLD, AnnotationSet, Certainty, Claim, SetStatus, Span  # noqa: E402
from annotator.domain.tokens import tokenize  # noqa: E402
from annotator.formats.text import decode, parse  # noqa: E402
from tests.bench._corpus import prefix_line, table, verdict  # noqa: E402

LABELS = ("PER", "ORG", "GPE", "LOC", "ROLE", "DATE")
TYPES = ("STAT", "FACT", "PLAN", "PROPOSAL", "OPINION")
ANNOTATORS = ("anna", "boris", "vera")
SPANS_PER_DOC = 20
CLAIMS_PER_DOC = 4
MISSING_SHARE = 0.05
TARGET_RATIO = 1.5


def sample_articles() -> list[tuple[str, list[tuple[int, int]]]]:
    """(body, word-token bounds) of each sample article, header split off."""
    out = []
    for path in sorted(paths.sample_corpus_dir().glob("*.txt")):
        body, _ = parse(decode(path.read_bytes())[0])
        words = [(t.start, t.end) for t in tokenize(body) if any(c.isalnum() for c in t.text)]
        out.append((body, words))
    return out


def _truth(rng: random.Random, words: list[tuple[int, int]], shift: int):
    """~20 spans as word-token index ranges [first, last] with labels, and claims over token ranges."""
    spans: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    tries = 0
    while len(spans) < SPANS_PER_DOC and tries < 500:
        tries += 1
        first = rng.randrange(len(words))
        last = min(len(words) - 1, first + rng.choice((0, 0, 0, 1, 2)))
        if taken.intersection(range(first, last + 1)):
            continue
        taken.update(range(first, last + 1))
        if last > first and rng.random() < 0.15:  # ROLE holding a GPE: "Президент Казахстана"
            spans.append((first, last, "ROLE"))
            spans.append((last, last, "GPE"))
        else:
            spans.append((first, last, rng.choice(LABELS)))
    claims = []
    for _ in range(CLAIMS_PER_DOC):
        first = rng.randrange(len(words) - 16)
        claims.append((first, first + rng.randrange(4, 15), rng.choice(TYPES),
                       rng.choice([None, AUTHOR]), rng.choice(tuple(Certainty))))
    return spans, claims


def _move(rng: random.Random, first: int, last: int, size: int) -> tuple[int, int]:
    """One boundary moved by one token, the range kept non-empty and inside the text."""
    if rng.random() < 0.5:
        first = min(last, max(0, first + rng.choice((-1, 1))))
    else:
        last = max(first, min(size - 1, last + rng.choice((-1, 1))))
    return first, last


def _annotator_set(rng, doc_id, owner, words, shift, spans, claims, *, perturb: bool) -> AnnotationSet:
    out_spans, index_of = [], {}
    for n, (first, last, label) in enumerate(spans):
        if perturb:
            r = rng.random()
            if r < 0.08:
                continue
            if r < 0.16:
                label = rng.choice([x for x in LABELS if x != label])
            elif r < 0.26:
                first, last = _move(rng, first, last, len(words))
        index_of[n] = f"T{len(out_spans) + 1}"
        out_spans.append(Span(index_of[n], words[first][0] + shift, words[last][1] + shift, label))
    if perturb and rng.random() < 0.3:
        first = rng.randrange(len(words))
        out_spans.append(Span(f"T{len(out_spans) + 1}", words[first][0] + shift, words[first][1] + shift,
                              rng.choice(LABELS)))
    people = [n for n, s in enumerate(spans) if s[2] == "PER" and n in index_of]
    out_claims = []
    for n, (first, last, ctype, speaker, certainty) in enumerate(claims):
        speaker = index_of[people[n % len(people)]] if speaker is None and people else AUTHOR
        if perturb:
            if rng.random() < 0.1:
                continue
            if rng.random() < 0.2:
                first, last = _move(rng, first, last, len(words))
            if rng.random() < 0.15:
                ctype = rng.choice(TYPES)
            if rng.random() < 0.1:
                speaker = AUTHOR if speaker != AUTHOR else None
            if rng.random() < 0.1:
                certainty = Certainty.HEDGED if certainty == Certainty.ASSERTED else Certainty.ASSERTED
        out_claims.append(Claim(f"C{n + 1}", words[first][0] + shift, words[last][1] + shift, ctype, speaker,
                                certainty=certainty))
    status = SetStatus.CURATED if owner == GOLD else SetStatus.DONE
    return AnnotationSet(doc_id, owner, status, tuple(out_spans), tuple(out_claims))


def build(n_docs: int, seed: int) -> list[DocumentSets]:
    rng = random.Random(seed)
    articles = sample_articles()
    docs = []
    for i in range(n_docs):
        body, words = articles[i % len(articles)]
        prefix = prefix_line(i, n_docs)
        doc_id = f"{i:06d}"
        spans, claims = _truth(rng, words, len(prefix))
        sets = {GOLD: _annotator_set(rng, doc_id, GOLD, words, len(prefix), spans, claims, perturb=False)}
        for owner in ANNOTATORS:
            if rng.random() >= MISSING_SHARE:
                sets[owner] = _annotator_set(rng, doc_id, owner, words, len(prefix), spans, claims, perturb=True)
        docs.append(DocumentSets(doc_id, prefix + body, sets))
    return docs


def _clock(fn, *args, **kwargs):
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - start, result


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=20251115)
    parser.add_argument("--repeat", type=int, default=1, help="runs of (b) and (c); the best counts")
    args = parser.parse_args(argv)

    build_s, docs = _clock(build, args.docs, args.seed)
    spans = sum(len(s.spans) for d in docs for s in d.sets.values() if s.owner != GOLD)
    sets = sum(1 for d in docs for o in d.sets if o != GOLD)

    # (a) tokens and the matrix
    data = prepare(docs)
    matrix_s, matrix = _clock(lambda: data.token_matrix)
    codes = matrix.codes
    as_float = np.where(codes < 0, np.nan, codes.astype(np.float64))  # the reference's input, prepared off the clock

    # (b) ours, (c) theirs: alone, best of --repeat
    import krippendorff

    ours_s = ours_codes_s = theirs_s = math.inf
    for _ in range(max(1, args.repeat)):
        t, ours = _clock(krippendorff_alpha, as_float)
        ours_s = min(ours_s, t)
        t, ours_codes = _clock(krippendorff_alpha, codes)
        ours_codes_s = min(ours_codes_s, t)
        t, theirs = _clock(krippendorff.alpha, reliability_data=as_float.T, level_of_measurement="nominal")
        theirs_s = min(theirs_s, t)
    assert abs(ours.value - theirs) < 1e-9 and abs(ours_codes.value - theirs) < 1e-9, (ours, ours_codes, theirs)
    del as_float

    # (d) the whole report, from the texts (tokenized again)
    report_s, result = _clock(report, docs)
    assert abs(result.tokens.krippendorff.value - theirs) < 1e-9

    ratio = ours_s / theirs_s
    units = matrix.units
    print(f"{args.docs:,} documents, {units:,} tokens x {len(ANNOTATORS)} annotators "
          f"({int((codes < 0).sum()):,} missing cells, {len(matrix.labels)} labels with O); "
          f"{sets:,} annotator sets, {spans:,} spans; corpus built in {build_s:.1f} s\n")
    print(table([
        ("(a) tokenize + tokens x annotators matrix", f"{matrix_s:.2f}", f"{units / matrix_s:,.0f} tokens/s"),
        ("(b) ours: krippendorff_alpha(float matrix, NaN)", f"{ours_s:.3f}", f"alpha {ours.value:.6f}"),
        ("(b) ours: krippendorff_alpha(int codes, -1)", f"{ours_codes_s:.3f}", f"alpha {ours_codes.value:.6f}"),
        ("(c) krippendorff.alpha(float matrix .T)", f"{theirs_s:.3f}", f"alpha {theirs:.6f}"),
        ("(d) report(): every measure, gold included", f"{report_s:.2f}", f"{args.docs / report_s:,.0f} docs/s"),
    ], ("run", "seconds", "")))
    pairs = ", ".join(f"{p.reference}/{p.candidate} {p.relaxed.f1:.3f}" for p in result.pairwise)
    print(f"\nrelaxed span F1: {pairs}; Fleiss {result.tokens.fleiss.value:.4f} "
          f"({result.tokens.fleiss.note}); claims type share "
          f"{result.claims[0].agreement.type.share:.3f}")
    print(f"ratio ours / krippendorff.alpha (same float matrix): {ratio:.3f} "
          f"(target <= {TARGET_RATIO}: {verdict(ratio <= TARGET_RATIO)}); "
          f"int codes: {ours_codes_s / theirs_s:.3f}")
    return {"docs": args.docs, "tokens": units, "spans": spans, "matrix_s": matrix_s, "ours_alpha_s": ours_s,
            "ours_codes_alpha_s": ours_codes_s, "theirs_alpha_s": theirs_s, "ratio": ratio, "report_s": report_s,
            "alpha": ours.value}


if __name__ == "__main__":
    main()
