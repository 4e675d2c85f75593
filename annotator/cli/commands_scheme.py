"""``annotator schema``: show the scheme, or change it (files, rename, merge, delete, undo)."""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path

from annotator.cli import commands
from annotator.services import schemes
from annotator.services.schemes import ENTITY


def _user(args: argparse.Namespace) -> str:
    return args.user or getpass.getuser()


def schema(args: argparse.Namespace) -> int:
    if args.export:
        with commands.open_workspace(args) as workspace:
            scheme = schemes.export_scheme(workspace, Path(args.export), force=args.force)
        print(f"wrote scheme version {scheme.version} to {args.export}")
        return 0
    with commands.open_workspace(args) as workspace:
        user = _user(args)
        if args.import_:
            changes = schemes.import_scheme(workspace, Path(args.import_), user=user)
        elif args.rename:
            changes = schemes.rename_item(workspace, ENTITY, *args.rename, user=user)
        elif args.merge:
            found = schemes.item_impact(workspace, ENTITY, args.merge[0], merge_into=args.merge[1])
            changes = schemes.merge_label(workspace, *args.merge, user=user)
            print(f"moved {found.count - found.twins} spans, dropped {found.twins} already there")
        elif args.delete:
            found = schemes.item_impact(workspace, ENTITY, args.delete)
            changes = schemes.delete_item(workspace, ENTITY, args.delete, user=user)
            print(f"removed {found.count} spans, {found.relations} relations; "
                  f"{found.speakers} claims lost their speaker")
        elif args.from_brat:
            proposal = schemes.brat_proposal(workspace, Path(args.from_brat))
            _show_proposal(proposal)
            if not args.apply or proposal.empty:
                if not proposal.empty:
                    print("nothing changed; run again with --apply to put this scheme in force")
                return 0
            changes = schemes.adopt_brat_proposal(workspace, Path(args.from_brat), user=user)
        elif args.undo:
            changes = schemes.undo(workspace, user=user)
            if changes is None:
                print("nothing to undo")
                return 1
        else:
            return commands.schema(args)
        print(f"{changes.label}: scheme version {workspace.current_scheme().version}")
    return 0


def _show_proposal(proposal) -> None:
    rows = (("labels", proposal.labels), ("relation types", proposal.relations),
            ("relation types allowing more ends", proposal.widened), ("attributes", proposal.attributes),
            ("not taken (they apply to nothing a scheme of ours holds)", proposal.left))
    if proposal.empty:
        print("the scheme in force already has everything this configuration names")
    for what, names in rows:
        if names:
            print(f"{what} ({len(names)}): {', '.join(names)}")
