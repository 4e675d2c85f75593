"""The "done by this owner" count the window asks on every open comes from the sets' (owner, status)
index, and it always agrees with the general filter's count."""

from __future__ import annotations

from dataclasses import replace

from annotator.domain.model import SetStatus
from annotator.domain.query import DocumentQuery
from annotator.services import annotating, documents


def test_the_owner_status_count_agrees_with_the_filter(sample_workspace):
    ws = sample_workspace
    ids = [s.id for s in documents.page(ws)]
    annotating.set_status(ws, ids[0], SetStatus.DONE, owner="anna")
    annotating.set_status(ws, ids[1], SetStatus.DONE, owner="anna")
    annotating.set_status(ws, ids[2], SetStatus.IN_PROGRESS, owner="anna")
    annotating.set_status(ws, ids[0], SetStatus.DONE, owner="boris")
    with ws.store.read() as repo:
        for owner in ("anna", "boris", "nobody"):
            for status in SetStatus:
                query = DocumentQuery(owner=owner, status=status)
                general = len(repo.document_ids(query))  # the filter itself, not the count's short cut
                assert repo.count_documents(query) == general
                assert repo.count_documents(replace(query, sort="date", descending=True)) == general
        assert repo.count_documents(DocumentQuery(owner="anna", status=SetStatus.DONE)) == 2
        # a filter with more in it is not taken for the short cut
        assert repo.count_documents(DocumentQuery(owner="anna", status=SetStatus.DONE, ids=(ids[1],))) == 1
