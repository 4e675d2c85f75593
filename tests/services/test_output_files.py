"""Every file we write: never over the open database, a folder, a SQLite file or a file we did not write."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import pytest

from annotator.services import exporting, output_files, schemes
from annotator.services.errors import Cancelled, ServiceError
from annotator.services.output_files import OutputRefused


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".partial"))


@pytest.mark.sqlite_only  # a file to protect: a server's database has none
def test_the_open_database_is_never_replaced_even_when_forced(sample_workspace, db_path: Path) -> None:
    before = db_path.read_bytes()
    for force in (False, True):
        with pytest.raises(OutputRefused, match="is the open database") as refused:
            exporting.export_to_path(sample_workspace, db_path, force=force)
        assert not refused.value.forceable
        with pytest.raises(OutputRefused, match="is the open database"):
            schemes.export_scheme(sample_workspace, db_path, force=force)
    link = db_path.with_name("link.jsonl")
    link.symlink_to(db_path)  # the same file under another name
    with pytest.raises(OutputRefused, match="is the open database"):
        exporting.export_to_path(sample_workspace, link, force=True)
    assert db_path.read_bytes() == before
    assert _leftovers(db_path.parent) == []


def test_a_folder_or_a_device_is_refused(sample_workspace, tmp_path: Path) -> None:
    folder = tmp_path / "adir"
    folder.mkdir()
    with pytest.raises(OutputRefused, match="is a folder"):
        exporting.export_to_path(sample_workspace, folder, force=True)
    with pytest.raises(OutputRefused, match="not a regular file"):
        exporting.export_to_path(sample_workspace, Path(os.devnull), force=True)
    assert folder.is_dir() and list(folder.iterdir()) == []


def test_another_sqlite_database_is_replaced_only_when_forced(sample_workspace, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    before = other.read_bytes()
    with pytest.raises(OutputRefused, match="is a SQLite database") as refused:
        exporting.export_to_path(sample_workspace, other)
    assert refused.value.forceable and other.read_bytes() == before
    report = exporting.export_to_path(sample_workspace, other, force=True)
    assert report.documents == 5 and other.read_bytes().startswith(b'{"id":')


def test_a_file_we_did_not_write_needs_force_and_ours_does_not(sample_workspace, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"someone's notes\n")
    with pytest.raises(OutputRefused, match="was not written by annotator"):
        exporting.export_to_path(sample_workspace, out)
    assert out.read_bytes() == b"someone's notes\n"
    exporting.export_to_path(sample_workspace, out, force=True)
    first = out.read_bytes()
    assert first.count(b"\n") == 5
    exporting.export_to_path(sample_workspace, out)  # ours, unchanged since: no question
    assert out.read_bytes() == first
    with open(out, "ab") as handle:  # the user edits it: no longer ours alone
        handle.write(b"an edit\n")
    with pytest.raises(OutputRefused, match="or was changed since"):
        exporting.export_to_path(sample_workspace, out)
    assert out.read_bytes().endswith(b"an edit\n")
    assert _leftovers(tmp_path) == []


def test_a_new_file_has_the_usual_permissions(sample_workspace, tmp_path: Path) -> None:
    out = tmp_path / "new.jsonl"
    exporting.export_to_path(sample_workspace, out)
    assert out.stat().st_mode & 0o777 == 0o666 & ~output_files.UMASK


def test_a_missing_folder_is_one_line_naming_the_path(sample_workspace, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "out.jsonl"
    with pytest.raises(ServiceError, match=f"cannot write {target}: the folder {target.parent} does not exist"):
        exporting.export_to_path(sample_workspace, target)


def test_a_full_disk_leaves_the_old_file_and_no_partial(sample_workspace, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    exporting.export_to_path(sample_workspace, out)
    before = out.read_bytes()

    def fills_the_disk(handle):
        handle.write(b"half a line")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with pytest.raises(ServiceError, match=f"cannot write {out}: No space left on device"):
        output_files.write_file(out, fills_the_disk)
    assert out.read_bytes() == before and _leftovers(tmp_path) == []


def test_a_read_only_place_is_one_line_naming_the_path(sample_workspace, tmp_path: Path, monkeypatch) -> None:
    def refused(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(output_files.tempfile, "mkstemp", refused)  # root ignores chmod; the OS's answer
    target = tmp_path / "out.jsonl"
    with pytest.raises(ServiceError, match=f"cannot write {target}: Permission denied"):
        exporting.export_to_path(sample_workspace, target)


def test_a_cancelled_write_keeps_the_previous_file(sample_workspace, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    output_files.write_file(out, lambda handle: handle.write(b"previous\n"))

    def cancelled(handle):
        handle.write(b"partial")
        raise Cancelled()

    with pytest.raises(Cancelled):
        output_files.write_file(out, cancelled)
    assert out.read_bytes() == b"previous\n" and _leftovers(tmp_path) == []


def test_a_file_named_like_our_old_partial_file_is_left_alone(sample_workspace, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    theirs = tmp_path / "out.jsonl.partial"
    theirs.write_bytes(b"not ours\n")
    exporting.export_to_path(sample_workspace, out)
    assert theirs.read_bytes() == b"not ours\n"


def test_the_record_of_written_files_lives_in_the_user_data_dir(sample_workspace, tmp_path: Path,
                                                                user_data_dir: Path) -> None:
    out = tmp_path / "out.jsonl"
    exporting.export_to_path(sample_workspace, out)
    assert output_files.written_by_us(out)
    (user_data_dir / output_files.REGISTRY_NAME).unlink()  # forgotten: it is asked about again
    assert not output_files.written_by_us(out)
    with pytest.raises(OutputRefused):
        exporting.export_to_path(sample_workspace, out)


def test_a_directory_export_makes_a_new_directory_or_nothing(tmp_path: Path) -> None:
    existing = tmp_path / "existing"
    existing.mkdir()
    (existing / "theirs.txt").write_text("keep\n")
    with pytest.raises(OutputRefused, match="already exists"):
        output_files.write_directory(existing, lambda folder: None)
    assert [p.name for p in existing.iterdir()] == ["theirs.txt"]

    def fails_half_way(folder: Path):
        (folder / "a.ann").write_text("T1\tPER 0 4\tАнна\n")
        raise Cancelled()

    target = tmp_path / "brat"
    with pytest.raises(Cancelled):
        output_files.write_directory(target, fails_half_way)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["existing"]  # no target, no hidden partial folder

    assert output_files.write_directory(target, lambda folder: (folder / "a.ann").write_text("x") and 1) == 1
    assert (target / "a.ann").read_text() == "x"
    assert target.stat().st_mode & 0o777 == 0o777 & ~output_files.UMASK
    with pytest.raises(ServiceError, match="does not exist"):
        output_files.write_directory(tmp_path / "missing" / "brat", lambda folder: None)
