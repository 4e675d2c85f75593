"""Commands for a team: users, assign, progress, curate (and agreement)."""

from __future__ import annotations

import argparse
import secrets
import sys

import orjson

from annotator.cli.commands import open_workspace, split_list
from annotator.domain.model import GOLD, Role, SetStatus
from annotator.services import annotating, assignments, curation
from annotator.services import users as user_service
from annotator.services.errors import ServiceError


def users(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        if args.users_command == "add":
            password = args.password
            made_password = workspace.is_server and password is None and not user_service.has_login(
                workspace, args.name)
            if made_password:
                password = secrets.token_urlsafe(12)
            new = user_service.add_user(workspace, args.name, Role(args.role), user=args.user, password=password)
            print(f"{'added' if new else 'updated'} {args.name} ({args.role})")
            if made_password:
                print(f"login {args.name} created on the server; password: {password}")
                print("  give it to them once; they connect with postgresql://"
                      f"{args.name}:PASSWORD@HOST/DATABASE (in the preferences or $ANNOTATOR_DB)")
            return 0
        for name, role in user_service.list_users(workspace):
            print(f"{name:<24} {role.value}")
    return 0


def assign(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        made = assignments.assign(workspace, split_list(args.annotators), args.per_doc,
                                  split_list(args.docs) or None)
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


def _f(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _span_rows(rows) -> list[list[str]]:
    out = []
    for r in rows:
        exact, relaxed = r.exact, r.relaxed
        out.append([getattr(r, "label", None) or "", r.reference or "all", r.candidate or "pairs",
                    _f(exact.precision if exact else None), _f(exact.recall if exact else None),
                    _f(exact.f1 if exact else None), _f(relaxed.f1 if relaxed else None),
                    str(exact.reference if exact else "-"), str(exact.candidate if exact else "-")])
    return out


SPAN_HEADER = ["label", "reference", "candidate", "exact P", "exact R", "exact F1", "relaxed F1", "ref n", "cand n"]


def _print_table(title: str, header: list[str], rows: list[list[str]]) -> None:
    if not rows:
        return
    widths = [max(len(str(x)) for x in column) for column in zip(header, *rows)]
    print(f"\n{title}")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
    for row in rows:
        print("  ".join(str(x).ljust(w) for x, w in zip(row, widths)))


def agreement(args: argparse.Namespace) -> int:
    from annotator.services import agreement as agreement_service

    with open_workspace(args) as workspace:
        result = agreement_service.agreement(
            workspace, annotators=split_list(args.annotators) or None, labels=split_list(args.label) or None,
            document_ids=split_list(args.docs) or None, done_only=args.done_only,
            copies_as_one=args.copies_as_one)
    if args.json:
        sys.stdout.buffer.write(orjson.dumps(result.to_dict(), option=orjson.OPT_INDENT_2) + b"\n")
        return 0
    if args.csv:
        import csv

        writer = csv.writer(sys.stdout)
        writer.writerow(["table", *SPAN_HEADER])
        for name, rows in (("pairs", result.pairwise), ("per_label", result.per_label),
                           ("label_totals", result.label_totals), ("vs_gold", result.vs_gold),
                           ("vs_gold_per_label", result.vs_gold_per_label)):
            for row in _span_rows(rows):
                writer.writerow([name, *row])
        if result.tokens:
            for pair in result.tokens.cohen:
                writer.writerow(["cohen_kappa", "", pair.first, pair.second, "", "", _f(pair.coefficient.value)])
            for name, coefficient in (("fleiss_kappa", result.tokens.fleiss),
                                      ("krippendorff_alpha", result.tokens.krippendorff)):
                writer.writerow([name, "", "all", "", "", "", _f(coefficient.value if coefficient else None)])
        return 0
    print(f"{result.documents} document(s); annotators: {', '.join(result.annotators) or '-'}"
          f"{'; done sets only' if result.done_only else ''}"
          f"{'; labels: ' + ', '.join(result.labels) if result.labels else ''}")
    _print_table("Spans, each pair (the first is the reference)", SPAN_HEADER, _span_rows(result.pairwise))
    _print_table("Spans per label, over all pairs", SPAN_HEADER, _span_rows(result.label_totals))
    if result.tokens:
        t = result.tokens
        rows = [[p.first, p.second, _f(p.coefficient.value), str(p.coefficient.units)] for p in t.cohen]
        _print_table(f"Tokens ({t.units} units, {t.missing} missing values): Cohen's kappa",
                     ["first", "second", "kappa", "units"], rows)
        print(f"Fleiss' kappa: {_f(t.fleiss.value if t.fleiss else None)}"
              f"{'  (' + t.fleiss.note + ')' if t.fleiss and t.fleiss.note else ''}")
        print(f"Krippendorff's alpha (nominal): {_f(t.krippendorff.value if t.krippendorff else None)}"
              f"{'  (' + t.krippendorff.note + ')' if t.krippendorff and t.krippendorff.note else ''}")
    rows = [[c.reference, c.candidate, _f(c.agreement.exact.f1), _f(c.agreement.relaxed.f1),
             _f(c.agreement.type.share), _f(c.agreement.speaker.share), _f(c.agreement.certainty.share)]
            for c in (*result.claims, *result.claims_vs_gold)]
    _print_table("Claims (matched by extent; then type, speaker, certainty on matched pairs)",
                 ["reference", "candidate", "exact F1", "relaxed F1", "type", "speaker", "certainty"], rows)
    rows = [[p.reference, p.candidate, str(p.agreement.mentions), _f(p.agreement.share),
             _f(p.agreement.b_cubed_precision), _f(p.agreement.b_cubed_recall), _f(p.agreement.b_cubed_f1)]
            for p in result.linking if p.agreement.mentions]
    _print_table("Entity linking (mentions both marked): pairs linked the same way, B-cubed",
                 ["reference", "candidate", "mentions", "same way", "B3 P", "B3 R", "B3 F1"], rows)
    if result.gold:
        _print_table("Each annotator against gold", SPAN_HEADER, _span_rows(result.vs_gold))
    return 0
