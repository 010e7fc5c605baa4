"""Files and paths that are not what a checker expects: none may hang, crash or be lost."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from functional.harness import Invoke, run_process

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and symlinks are POSIX")


def write(root: Path, relative: str, text: str = '"""A module."""\n') -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    write(root, "standards.toml", 'select = ["line-too-long"]\n')
    write(root, "ok.py")
    return root


def violations(stdout: str) -> list[tuple[str, str]]:
    return [(found["path"], found["rule"]) for found in json.loads(stdout)["violations"]]


@pytest.mark.parametrize("named", [False, True], ids=["in-the-tree", "named"])
@pytest.mark.parametrize("cached", [False, True], ids=["no-cache", "cache"])
def test_a_fifo_never_blocks_the_run(tree: Path, named: bool, cached: bool) -> None:
    os.mkfifo(tree / "p.py")
    command = ["standards-lint", "check", "--format", "json"]
    command += ["p.py", "ok.py"] if named else []
    command += [] if cached else ["--no-cache"]
    result = run_process(command, tree, timeout=30)
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["files_checked"] == 1
    if named:
        assert document["skipped"] == [{"path": "p.py", "reason": "not a regular file"}]


def test_a_symlink_to_a_fifo_is_not_read(tree: Path) -> None:
    os.mkfifo(tree / "fifo")
    (tree / "link.py").symlink_to(tree / "fifo")
    result = run_process(["standards-lint", "check", "--format", "json"], tree, timeout=30)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["files_checked"] == 1


def test_a_file_above_max_file_size_is_reported_not_read(cli: Invoke, tree: Path) -> None:
    write(tree, "standards.toml", 'select = ["line-too-long"]\nmax-file-size = 100\n')
    write(tree, "big.py", "x = 1\n" * 40)
    result = cli("check", "--format", "json", "--no-cache", cwd=tree)
    assert result.exit_code == 1
    [found] = json.loads(result.stdout)["violations"]
    assert (found["path"], found["rule"]) == ("big.py", "SL008")
    assert "240 bytes, more than max-file-size (100 bytes)" in found["message"]


def test_max_file_size_must_be_positive(cli: Invoke, tree: Path) -> None:
    write(tree, "standards.toml", "max-file-size = 0\n")
    result = cli("check", cwd=tree)
    assert result.exit_code == 2
    assert "max-file-size: expected a positive number of bytes, got 0" in result.stderr


def test_a_symlink_loop_named_explicitly_is_a_clear_error(cli: Invoke, tree: Path) -> None:
    (tree / "a.py").symlink_to(tree / "b.py")
    (tree / "b.py").symlink_to(tree / "a.py")
    result = cli("check", "a.py", cwd=tree)
    assert result.exit_code == 2
    assert "cannot follow a.py: a loop of symbolic links" in result.stderr
    assert "internal error" not in result.stderr


def test_a_symlink_loop_inside_the_tree_is_passed_over(cli: Invoke, tree: Path) -> None:
    (tree / "a.py").symlink_to(tree / "b.py")
    (tree / "b.py").symlink_to(tree / "a.py")
    result = cli("check", "--format", "json", cwd=tree)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["files_checked"] == 1


def test_a_path_through_a_file_is_a_clear_error(cli: Invoke, tree: Path) -> None:
    result = cli("check", "ok.py/inner.py", cwd=tree)
    assert result.exit_code == 2
    assert "cannot access ok.py/inner.py: Not a directory" in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every directory")
def test_a_file_under_an_unreadable_directory_is_a_clear_error(cli: Invoke, tree: Path) -> None:
    locked = tree / "locked"
    write(tree, "locked/inside.py")
    locked.chmod(0)
    try:
        result = cli("check", "locked/inside.py", cwd=tree)
    finally:
        locked.chmod(0o755)
    assert result.exit_code == 2
    assert "cannot access locked/inside.py: Permission denied" in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every directory")
def test_an_unreadable_directory_in_the_tree_is_reported_as_skipped(
    cli: Invoke, tree: Path
) -> None:
    locked = tree / "locked"
    write(tree, "locked/inside.py")
    locked.chmod(0)
    try:
        result = cli("check", "--format", "json", cwd=tree)
    finally:
        locked.chmod(0o755)
    [skipped] = json.loads(result.stdout)["skipped"]
    assert skipped["reason"].startswith("cannot read the directory")


def test_a_file_that_is_not_utf8_is_reported_at_its_bad_byte(cli: Invoke, tree: Path) -> None:
    (tree / "latin.py").write_bytes(b'"""Doc."""\nname = "caf\xe9"\n')
    result = cli("check", "--format", "json", "--no-cache", "latin.py", cwd=tree)
    [found] = json.loads(result.stdout)["violations"]
    assert (found["rule"], found["line"], found["column"]) == ("SL005", 2, 12)
    assert "byte e9 at line 2, column 12 (byte offset 22)" in found["message"]
