"""The diff of what fixing would change: the files' own bytes, as patch -p1 and git apply take."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from standards_lint.fixing.diff import split_lines, unified_diff, unified_diff_bytes

#: Before and after, by path: endings, encodings and last lines of every kind.
CHANGES = {
    "lf.py": (b"a = 1\nb = 2\nc = 3\n", b"a = 1\nb = 22\nc = 3\n"),
    "crlf.py": (b"a = 1\r\nb = 2\r\nc = 3\r\n", b"a = 1\r\nb = 22\r\nc = 3\r\n"),
    "no_final_newline.py": (b"a = 1\nb = 2", b"a = 1\nb = 22"),
    "gains_final_newline.py": (b"a = 1\nb = 2", b"a = 1\nb = 2\n"),
    "pkg/bom.py": (b"\xef\xbb\xbfa = 1\nb = 2\n", b"\xef\xbb\xbfa = 11\nb = 2\n"),
    "pkg/latin.py": (
        b"# -*- coding: latin-1 -*-\nname = 'caf\xe9'\nx = 1\n",
        b"# -*- coding: latin-1 -*-\nname = 'caf\xe9'\nx = 2\n",
    ),
    "lone_cr.py": (b"a = 1\rb = 2\nc = 3\n", b"a = 1\rb = 2\nc = 33\n"),
}


def test_split_lines_keeps_endings_and_ends_lines_only_at_newlines() -> None:
    assert split_lines("a\r\nb\rc\nd") == ["a\r\n", "b\rc\n", "d"]
    assert split_lines("") == []
    assert split_lines("a\n\n") == ["a\n", "\n"]


def test_text_diff_marks_a_last_line_without_newline() -> None:
    diff = unified_diff("x = 1\ny = 2", "x = 1\ny = 3", "mod.py")
    assert diff.splitlines() == [
        "--- a/mod.py",
        "+++ b/mod.py",
        "@@ -1,2 +1,2 @@",
        " x = 1",
        "-y = 2",
        "\\ No newline at end of file",
        "+y = 3",
        "\\ No newline at end of file",
    ]


def test_no_change_gives_an_empty_diff() -> None:
    assert unified_diff_bytes(b"x = 1\n", b"x = 1\n", "mod.py") == b""


def write_tree(root: Path, which: int) -> None:
    for relative, contents in CHANGES.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(contents[which])


def tree_patch() -> bytes:
    return b"".join(
        unified_diff_bytes(before, after, relative)
        for relative, (before, after) in sorted(CHANGES.items())
    )


def apply(command: list[str], root: Path, patch: bytes) -> None:
    done = subprocess.run(command, cwd=root, input=patch, capture_output=True, check=False)
    assert done.returncode == 0, done.stdout.decode() + done.stderr.decode()


@pytest.mark.skipif(shutil.which("patch") is None, reason="GNU patch is not installed")
def test_the_diff_applies_with_patch_p1(tmp_path: Path) -> None:
    write_tree(tmp_path, 0)
    # No fuzz: every context line must match the file's bytes exactly.
    apply(
        ["patch", "-p1", "--fuzz=0", "--batch", "--no-backup-if-mismatch"], tmp_path, tree_patch()
    )
    for relative, (_, after) in CHANGES.items():
        assert (tmp_path / relative).read_bytes() == after, relative


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_diff_applies_with_git_apply(tmp_path: Path) -> None:
    write_tree(tmp_path, 0)
    apply(["git", "apply", "--whitespace=nowarn", "-"], tmp_path, tree_patch())
    for relative, (_, after) in CHANGES.items():
        assert (tmp_path / relative).read_bytes() == after, relative
