"""Writing a fixed file: atomic, permissions and links kept, never over a file changed meanwhile."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from standards_lint.fixing.writing import FileChangedError, replace_contents


def leftovers(directory: Path) -> list[str]:
    return sorted(path.name for path in directory.iterdir() if "standards-lint-fix" in path.name)


def test_replaces_the_content(tmp_path: Path) -> None:
    target = tmp_path / "mod.py"
    target.write_bytes(b"old\n")
    replace_contents(target, b"old\n", b"new\r\n")
    assert target.read_bytes() == b"new\r\n"
    assert leftovers(tmp_path) == []


def test_keeps_the_permission_bits(tmp_path: Path) -> None:
    target = tmp_path / "mod.py"
    target.write_bytes(b"old\n")
    target.chmod(0o640)
    replace_contents(target, b"old\n", b"new\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    target.chmod(0o755)
    replace_contents(target, b"new\n", b"newer\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o755


def test_a_symbolic_link_stays_a_link_and_its_target_is_replaced(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / "mod.py"
    real.write_bytes(b"old\n")
    link = tmp_path / "link.py"
    link.symlink_to(os.path.relpath(real, tmp_path))
    replace_contents(link, b"old\n", b"new\n")
    assert link.is_symlink()
    assert real.read_bytes() == b"new\n"
    assert leftovers(tmp_path) == [] and leftovers(tmp_path / "real") == []


def test_a_file_changed_on_disk_is_not_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "mod.py"
    target.write_bytes(b"saved by an editor\n")
    with pytest.raises(FileChangedError, match="changed on disk"):
        replace_contents(target, b"what the fixes were made for\n", b"fixed\n")
    assert target.read_bytes() == b"saved by an editor\n"
    assert leftovers(tmp_path) == []


def test_a_path_that_is_no_longer_a_regular_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "mod.py"
    target.mkdir()
    with pytest.raises(FileChangedError, match="no longer a regular file"):
        replace_contents(target, b"old\n", b"new\n")
    assert leftovers(tmp_path) == []


def test_a_deleted_file_is_an_os_error_and_nothing_is_left(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        replace_contents(tmp_path / "gone.py", b"old\n", b"new\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only directories")
def test_a_read_only_directory_is_an_os_error(tmp_path: Path) -> None:
    directory = tmp_path / "locked"
    directory.mkdir()
    target = directory / "mod.py"
    target.write_bytes(b"old\n")
    directory.chmod(0o555)
    try:
        with pytest.raises(OSError):
            replace_contents(target, b"old\n", b"new\n")
    finally:
        directory.chmod(0o755)
    assert target.read_bytes() == b"old\n"
    assert leftovers(directory) == []


def test_an_interrupted_write_leaves_the_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "mod.py"
    target.write_bytes(b"old\n")

    def interrupted(source: object, destination: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        replace_contents(target, b"old\n", b"new\n")
    assert target.read_bytes() == b"old\n"
    assert leftovers(tmp_path) == []
