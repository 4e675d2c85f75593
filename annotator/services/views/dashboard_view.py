"""The team's agreement dashboard: the report, progress against assignments, sets and hot documents."""

from __future__ import annotations

import time
from dataclasses import dataclass

from annotator.domain.agreement.reporting import AgreementReport
from annotator.services import agreement as agreement_service
from annotator.services import assignments, review
from annotator.services.assignments import Progress
from annotator.services.review import DocumentDisagreement, SetCounts
from annotator.services.workspace import Workspace


@dataclass(frozen=True)
class DashboardView:
    report: AgreementReport
    progress: list[Progress]  # against the assignments (empty: nothing assigned)
    sets: list[SetCounts]  # each annotator's sets by status
    documents: list[DocumentDisagreement]  # every document with 2+ annotator sets, most disagreement first
    seconds: float


def read_dashboard(workspace: Workspace, done_only: bool) -> DashboardView:
    """Everything the dashboard shows, from the services (runs on the worker thread)."""
    started = time.perf_counter()
    report = agreement_service.agreement(workspace, done_only=done_only)
    progress = assignments.progress(workspace)
    sets = review.set_counts(workspace)
    documents = review.disagreement_counts(workspace, done_only=done_only)
    return DashboardView(report, progress, sets, documents, time.perf_counter() - started)
