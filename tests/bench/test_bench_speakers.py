"""The speaker evaluation set is sound, the new proposal beats the old on it, and the benchmark runs."""

from __future__ import annotations

import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # the checkout, so that ``tests.bench`` imports without an editable install
    sys.path.insert(0, str(ROOT))

from tests.bench import bench_speakers  # noqa: E402
from tests.fixtures import make_speaker_eval, speaker_heldout  # noqa: E402


def test_the_set_matches_the_corpus_and_its_builder():
    rows = bench_speakers.load()
    assert len(rows) >= 40 and len({r["document"] for r in rows}) == 5
    for row in rows:
        text, claim = row["text"], row["claim"]
        assert text[claim["start"]:claim["end"]] == claim["text"]
        if row["cue"]:
            assert text[row["cue"]["start"]:row["cue"]["end"]] == row["cue"]["text"]
        assert all(text[m["start"]:m["end"]] == m["text"] for m in row["mentions"])
        assert row["speaker"] in {m["id"] for m in row["mentions"]}
    rebuilt = make_speaker_eval.build()  # the file is what the script makes from the corpus today
    assert [(r["document"], r["claim"], r["cue"], r["speaker"]) for r in rebuilt] == [
        (r["document"], r["claim"], r["cue"], r["speaker"]) for r in rows]


def test_the_new_proposal_beats_the_distance_on_the_set():
    rows = bench_speakers.load()
    old1, old3, _ = bench_speakers.accuracy(rows, bench_speakers.old)
    new1, new3, _ = bench_speakers.accuracy(rows, bench_speakers.new)
    bare1, _, _ = bench_speakers.accuracy(rows, lambda r: bench_speakers.new(r, cue=False, earlier=False))
    assert new1 > old1 and new3 >= old3
    assert bare1 > old1  # from the text alone too: no cue, no earlier speakers
    held = speaker_heldout.rows()  # texts written after the rules
    assert bench_speakers.accuracy(held, bench_speakers.new)[0] > bench_speakers.accuracy(held, bench_speakers.old)[0]


def test_the_benchmark_runs(capsys):
    figures = bench_speakers.main(["--repeat", "1"])
    for name in ("old_top1", "new_top1", "new_top3", "new_ms"):
        assert math.isfinite(figures[name]) and figures[name] > 0, name
    assert "top-1" in capsys.readouterr().out
