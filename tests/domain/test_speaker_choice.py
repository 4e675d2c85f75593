"""The speaker key's order: nearest speaker mentions first, before the claim winning ties."""

from __future__ import annotations

from annotator.domain.model import AUTHOR, Span
from annotator.domain.speaker_choice import next_speaker, speaker_candidates

TEXT = "Токаев отметил, что товарооборот вырос, — сказал Мирзиёев. Казахстан и ООН согласны."
#       0     6                                  42     49


def at(word: str, label: str, span_id: int) -> Span:
    start = TEXT.index(word)
    return Span(span_id, start, start + len(word), label)


def test_nearest_mentions_first_and_only_speaker_labels():
    tokayev, mirziyoyev = at("Токаев", "PER", 1), at("Мирзиёев", "PER", 2)
    kazakhstan, un = at("Казахстан", "GPE", 3), at("ООН", "ORG", 4)
    claim = (TEXT.index("товарооборот"), TEXT.index(", — сказал"))
    ordered = speaker_candidates(*claim, [un, kazakhstan, mirziyoyev, tokayev], ["PER", "ORG", "ROLE"])
    # Токаев ends 13 before the claim, Мирзиёев starts 10 after it, ООН much further; GPE never
    assert [s.id for s in ordered] == [2, 1, 4]


def test_a_tie_goes_to_the_mention_before_and_inside_comes_last():
    text_claim = (10, 20)
    before, after, inside = Span(1, 0, 5, "PER"), Span(2, 25, 30, "PER"), Span(3, 12, 14, "ROLE")
    assert [s.id for s in speaker_candidates(*text_claim, [inside, after, before], ["PER", "ROLE"])] == [1, 2, 3]


def test_cycling_wraps_and_starts_from_the_nearest():
    candidates = [Span(5, 0, 1, "PER"), Span(7, 2, 3, "PER"), Span(9, 4, 5, "ORG")]
    assert next_speaker(None, candidates) == 5
    assert next_speaker(AUTHOR, candidates) == 5
    assert next_speaker(5, candidates) == 7
    assert next_speaker(9, candidates) == 5
    assert next_speaker(5, candidates, -1) == 9
    assert next_speaker(None, candidates, -1) == 9
    assert next_speaker(None, []) is None
