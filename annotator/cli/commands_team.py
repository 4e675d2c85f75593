"""Commands for a team: users, assign, progress, curate (and agreement)."""

from __future__ import annotations

import argparse
import sys

import orjson

from annotator.cli.commands import open_workspace
from annotator.domain.model import GOLD, Role, SetStatus
from annotator.services import annotating, assignments, curation
from annotator.services import users as user_service
from annotator.services.errors import ServiceError


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()] if value else []


def users(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        if args.users_command == "add":
            new = user_service.add_user(workspace, args.name, Role(args.role))
            print(f"{'added' if new else 'updated'} {args.name} ({args.role})")
            return 0
        for name, role in user_service.list_users(workspace):
            print(f"{name:<24} {role.value}")
    return 0


def assign(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        made = assignments.assign(workspace, _split(args.annotators), args.per_doc,
                                  _split(args.docs) or None)
        table = assignments.progress(workspace)
    print(f"{made} assignment(s) made")
    for row in table:
        print(f"{row.annotator:<24} {row.assigned:>6} assigned")
    return 0


def progress(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        table = assignments.progress(workspace)
    if args.json:
        sys.stdout.buffer.write(orjson.dumps([
            {"annotator": r.annotator, "assigned": r.assigned, "done": r.done, "in_progress": r.in_progress,
             "skipped": r.skipped, "remaining": r.remaining} for r in table]) + b"\n")
        return 0
    print(f"{'annotator':<24} {'done':>6} / {'assigned':<8} {'in progress':>11} {'skipped':>8}")
    for r in table:
        print(f"{r.annotator:<24} {r.done:>6} / {r.assigned:<8} {r.in_progress:>11} {r.skipped:>8}")
    return 0


def curate(args: argparse.Namespace) -> int:
    if not (args.accept_agreed or args.take or args.mark_curated):
        raise ServiceError("say what to do: --accept-agreed, --take ANNOTATOR and/or --mark-curated")
    with open_workspace(args) as workspace:
        if args.accept_agreed:
            changes = curation.accept_agreed(workspace, args.document_id, user=args.user)
            print(changes.label)
        if args.take:
            changes = curation.take(workspace, args.document_id, args.take, user=args.user)
            print(f"{changes.label}: {changes.result} annotation(s)")
        if args.mark_curated:
            changes = annotating.set_status(workspace, args.document_id, SetStatus.CURATED, owner=GOLD,
                                            user=args.user)
            print(changes.label)
    return 0
