"""``annotator schema``: show the scheme, or change it (files, rename, merge, delete, undo)."""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path

from annotator.cli import commands
from annotator.services import schemes


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
            changes = schemes.rename_label(workspace, *args.rename, user=user)
        elif args.merge:
            found = schemes.impact(workspace, args.merge[0], merge_into=args.merge[1])
            changes = schemes.merge_label(workspace, *args.merge, user=user)
            print(f"moved {found.spans - found.twins} spans, dropped {found.twins} already there")
        elif args.delete:
            found = schemes.impact(workspace, args.delete)
            changes = schemes.delete_label(workspace, args.delete, user=user)
            print(f"removed {found.spans} spans, {found.relations} relations; "
                  f"{found.speakers} claims lost their speaker")
        elif args.undo:
            changes = schemes.undo(workspace, user=user)
            if changes is None:
                print("nothing to undo")
                return 1
        else:
            return commands.schema(args)
        print(f"{changes.label}: scheme version {workspace.current_scheme().version}")
    return 0
