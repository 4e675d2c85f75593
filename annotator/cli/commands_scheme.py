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
        elif args.undo:
            changes = schemes.undo(workspace, user=user)
            if changes is None:
                print("nothing to undo")
                return 1
        else:
            return commands.schema(args)
        print(f"{changes.label}: scheme version {workspace.current_scheme().version}")
    return 0
