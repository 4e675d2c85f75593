"""The claims report: every claim with its document, text, speaker, cue and quantity.

What ``annotator claims`` prints, and what the window's claim browser will page
through. Streams a page of documents at a time.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from annotator.domain.lemmas import matches
from annotator.domain.model import AUTHOR, Certainty, ClaimRecord, Quantity
from annotator.services.workspace import Workspace

PAGE = 200


@dataclass(frozen=True)
class ClaimFilter:
    speaker: str | None = None  # any part of the mention's text, its lemma, or its linked entity
    types: tuple[str, ...] = ()
    document_ids: tuple[str, ...] | None = None
    owner: str | None = None

    def wants_speaker(self, record: ClaimRecord) -> bool:
        if self.speaker is None:
            return True
        if record.speaker is None:
            return False
        if record.speaker == AUTHOR and record.speaker_id is None:
            return self.speaker.casefold() == AUTHOR.casefold()
        if record.speaker_entity and matches(self.speaker, record.speaker_entity):
            return True
        return matches(self.speaker, record.speaker)


def claim_record(row: Sequence, text: str) -> ClaimRecord:
    """A row of :meth:`Repository.claim_tuples` as a report record, its texts cut from ``text``."""
    (document_id, owner, claim_id, start, end, claim_type, speaker_id, by_author, sp_start, sp_end, sp_label,
     sp_entity, cue_start, cue_end, certainty, checkworthy, q_value, q_unit, q_period, sp_entity_id,
     date) = row[:21]
    if by_author:
        speaker = AUTHOR
    elif speaker_id is not None:
        speaker = text[sp_start:sp_end]
    else:
        speaker = None
    quantity = Quantity(q_value, q_unit, q_period) if (q_value is not None or q_unit is not None) else None
    return ClaimRecord(document_id, owner, claim_id, start, end, text[start:end], claim_type, speaker_id, speaker,
                       sp_label, sp_entity, text[cue_start:cue_end] if cue_start is not None else None,
                       Certainty(certainty), bool(checkworthy), quantity, sp_entity_id, date)


def iter_claims(workspace: Workspace, claim_filter: ClaimFilter = ClaimFilter()) -> Iterator[ClaimRecord]:
    with workspace.store.read() as repo:
        document_ids = repo.documents_with_claims(claim_filter.owner, claim_filter.document_ids)
        for i in range(0, len(document_ids), PAGE):
            page = document_ids[i:i + PAGE]
            texts = repo.texts(page)
            position = {document_id: n for n, document_id in enumerate(page)}
            rows = sorted(repo.claim_tuples(page, claim_filter.owner, claim_filter.types),
                          key=lambda row: position[row[0]])  # stable: keeps owner and offset order
            for row in rows:
                record = claim_record(row, texts[row[0]])
                if claim_filter.wants_speaker(record):
                    yield record
