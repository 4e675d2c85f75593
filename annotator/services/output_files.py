"""Every file we write goes through here: never over what is not ours, never half-written.

A target is refused when it is the open database (or its journal), a directory or
anything but a regular file; and, unless the user forces it (``--force``; the
window asks), when it is a SQLite database or a file that annotator did not write.
"Written by annotator" means: recorded in ``written-files.json`` in the user's data
directory when we wrote it, and unchanged since (same size and modification time).
The data goes to a temporary file beside the target, is synced, and is renamed over
it, so a failed or cancelled write leaves the old file as it was.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TypeVar

import orjson

from annotator import paths
from annotator.i18n import _
from annotator.services.errors import ServiceError
from annotator.services.workspace import Workspace
from annotator.storage.database import SQLITE_MAGIC

T = TypeVar("T")
REGISTRY_NAME = "written-files.json"
REGISTRY_SIZE = 2000  # the files we remember; the oldest are forgotten first


def _read_umask() -> int:
    mask = os.umask(0)  # the only way to read it is to set it; done once, at import
    os.umask(mask)
    return mask


UMASK = _read_umask()


class OutputRefused(ServiceError):
    """A target we will not replace as asked. ``forceable``: the user may say to replace it anyway."""

    def __init__(self, message: str, *, forceable: bool):
        super().__init__(message)
        self.forceable = forceable


def _registry_file() -> Path:
    return paths.user_data_dir() / REGISTRY_NAME


def _fingerprint(info: os.stat_result) -> list[int]:
    return [info.st_size, info.st_mtime_ns]


def _load_registry() -> dict[str, list[int]]:
    try:
        data = orjson.loads(_registry_file().read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def _remember(path: Path) -> None:
    """Record that we wrote ``path`` as it is now. Losing this record only costs a --force later."""
    registry = _load_registry()
    registry.pop(str(path), None)
    registry[str(path)] = _fingerprint(path.stat())
    kept = dict(list(registry.items())[-REGISTRY_SIZE:])
    target = _registry_file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
        partial.write_bytes(orjson.dumps(kept))
        partial.replace(target)
    except OSError:
        pass


def written_by_us(path: Path) -> bool:
    fingerprint = _load_registry().get(str(path))
    try:
        return fingerprint == _fingerprint(path.stat())
    except OSError:
        return False


def _is_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def _is_database_file(path: Path, database: Path | None) -> bool:
    if database is None:
        return False
    for candidate in (database, *(database.with_name(database.name + s) for s in ("-wal", "-shm", "-journal"))):
        try:
            if candidate.exists() and os.path.samefile(path, candidate):
                return True
        except OSError:
            continue
    return False


def check_target(path: Path, *, database: Path | None = None, force: bool = False) -> Path:
    """The absolute target to write, or OutputRefused / ServiceError saying why not."""
    path = Path(os.path.abspath(path.expanduser()))
    if _is_database_file(path, database):
        raise OutputRefused(_("{path} is the open database; choose another file").format(path=path),
                            forceable=False)
    parent = path.parent
    if not parent.is_dir():
        raise ServiceError(_("cannot write {path}: the folder {folder} does not exist").format(
            path=path, folder=parent))
    try:
        info = path.lstat()
    except FileNotFoundError:
        return path
    except OSError as exc:
        raise ServiceError(_("cannot write {path}: {error}").format(path=path, error=exc.strerror)) from None
    if stat.S_ISDIR(info.st_mode) or (stat.S_ISLNK(info.st_mode) and path.is_dir()):
        raise OutputRefused(_("{path} is a folder; give a file name").format(path=path), forceable=False)
    if not (stat.S_ISREG(info.st_mode) or stat.S_ISLNK(info.st_mode)):
        raise OutputRefused(_("{path} is not a regular file").format(path=path), forceable=False)
    if force:
        return path
    if _is_sqlite(path):
        raise OutputRefused(_("{path} is a SQLite database; replacing it would lose it").format(path=path),
                            forceable=True)
    if not written_by_us(path):
        raise OutputRefused(_("{path} exists and was not written by annotator (or was changed since)")
                            .format(path=path), forceable=True)
    return path


def check_workspace_target(workspace: Workspace, path: Path, *, force: bool = False) -> Path:
    """:func:`check_target` against the workspace's open database: what the window asks before a write."""
    return check_target(path, database=workspace.store.file, force=force)


def write_file(path: Path, write: Callable[[BinaryIO], T], *, database: Path | None = None,
               force: bool = False) -> T:
    """Run ``write`` on a temporary file beside ``path``, then rename it into place.

    ``write``'s exceptions (a cancel, bad data) leave the target untouched; so does a
    missing folder, a read-only place or a full disk, reported as one line naming the path.
    """
    target = check_target(path, database=database, force=force)
    try:
        handle, partial = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".partial")
    except OSError as exc:
        raise ServiceError(_("cannot write {path}: {error}").format(path=target, error=exc.strerror)) from None
    try:
        with os.fdopen(handle, "wb") as out:
            result = write(out)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(partial, 0o666 & ~UMASK)  # mkstemp makes it private; an export is an ordinary file
        os.replace(partial, target)
    except OSError as exc:
        raise ServiceError(_("cannot write {path}: {error}").format(
            path=target, error=exc.strerror or exc)) from None
    finally:
        if os.path.exists(partial):
            os.unlink(partial)
    _remember(target)
    return result


def check_new_directory(path: Path) -> Path:
    """The absolute path of a directory to make, or ServiceError: it must not exist (nothing we write
    replaces a directory, nor anything else), and its parent must."""
    target = Path(os.path.abspath(path.expanduser()))
    if target.exists() or target.is_symlink():
        raise OutputRefused(_("{path} already exists; a directory export makes a new directory").format(
            path=target), forceable=False)
    if not target.parent.is_dir():
        raise ServiceError(_("cannot write {path}: the folder {folder} does not exist").format(
            path=target, folder=target.parent))
    return target


def write_directory(path: Path, fill: Callable[[Path], T]) -> T:
    """Make the new directory ``path`` by running ``fill`` on a hidden directory beside it, then renaming it.

    A failed or cancelled ``fill``, a read-only place or a full disk leaves nothing behind.
    """
    target = check_new_directory(path)
    try:
        partial = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".partial"))
    except OSError as exc:
        raise ServiceError(_("cannot write {path}: {error}").format(path=target, error=exc.strerror)) from None
    try:
        result = fill(partial)
        os.chmod(partial, 0o777 & ~UMASK)  # mkdtemp makes it private; an export is an ordinary folder
        os.rename(partial, target)
    except OSError as exc:
        raise ServiceError(_("cannot write {path}: {error}").format(
            path=target, error=exc.strerror or exc)) from None
    finally:
        if partial.exists():
            shutil.rmtree(partial, ignore_errors=True)
    return result
