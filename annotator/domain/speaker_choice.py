"""Which mention a claim's speaker key picks next: the one the syntax names, then the nearest.

Given the document's text, the mentions that the reporting construction names
come first (:mod:`annotator.domain.speaker_ranking`: the subject of the cue or
of a reporting verb, "по словам X", a resolved pronoun, the previous claim's
speaker for a continuation); the rest follow in the distance order below.

Without the text, the distance order alone. Russian news reports speech on
either side of the quote ("Токаев отметил, что …" and "…, — отметил он"), so
the candidates are ordered by their distance from
the claim, counted in characters between the two, and a mention before the
claim wins a tie (the usual order in the corpus). Mentions inside the claim
come last: a claim rarely names its own speaker.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from annotator.domain.model import AUTHOR, Claim, Cue, Span
from annotator.domain.speaker_ranking import rank_speakers  # pymorphy3 loads on the first proposal, not here


def speaker_candidates(start: int, end: int, spans: Iterable[Span], speaker_labels: Iterable[str], *,
                       text: str | None = None, cue: Cue | None = None, claims: Iterable[Claim] = ()) -> list[Span]:
    """Speaker mentions (by label) for the claim [start, end): with ``text``, the syntax's first, then nearest first.

    ``cue`` is the claim's cue, if marked; ``claims`` the set's other claims (the
    previous one's speaker is proposed for a continuation).
    """
    by_distance = distance_candidates(start, end, spans, speaker_labels)
    if text is None:
        return by_distance
    first = rank_speakers(text, start, end, by_distance, cue=cue, claims=claims)
    return first + [s for s in by_distance if s not in first]


def distance_candidates(start: int, end: int, spans: Iterable[Span], speaker_labels: Iterable[str]) -> list[Span]:
    """Speaker mentions (by label) around the claim [start, end), nearest first."""
    labels = frozenset(speaker_labels)

    def distance(span: Span) -> tuple[int, int, int]:
        if span.end <= start:
            return (0, start - span.end, 0)  # before the claim
        if span.start >= end:
            return (0, span.start - end, 1)  # after it
        return (1, span.start, 2)  # inside or overlapping: last

    return sorted((s for s in spans if s.label in labels), key=lambda s: (*distance(s), s.start, s.id or 0))


def next_speaker(current: int | str | None, candidates: Sequence[Span], step: int = 1) -> int | str | None:
    """The candidate after (``step`` 1) or before (-1) the current speaker, wrapping round.

    From no speaker, or from AUTHOR, the nearest candidate (or, going back, the
    farthest); None when there is no candidate at all.
    """
    if not candidates:
        return None
    ids = [c.id for c in candidates]
    if current is None or current == AUTHOR or current not in ids:
        return ids[0] if step > 0 else ids[-1]
    return ids[(ids.index(current) + step) % len(ids)]
