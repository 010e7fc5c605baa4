"""Changed lines from unified diffs, from git (through a fake and for real) and from patches."""

from __future__ import annotations

import shutil
import subprocess
import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from standards_lint.gate.diff import (
    DiffError,
    GitOutput,
    RepositoryChanges,
    changes_from_patch,
    changes_since,
    parse_unified_diff,
    run_git,
)

MODIFIED = """\
diff --git a/src/shop.py b/src/shop.py
index 1111111..2222222 100644
--- a/src/shop.py
+++ b/src/shop.py
@@ -1,3 +1,4 @@
 def price():
-    return 1
+    return 2
+    # rounded
 def total():
@@ -10,0 +12,2 @@ def total():
+def tax():
+    pass
"""


def changed(text: str) -> dict[str, set[int]]:
    return {change.path: set(change.added) for change in parse_unified_diff(text)}


def test_added_lines_are_numbered_in_the_new_file() -> None:
    (change,) = parse_unified_diff(MODIFIED)

    assert change.path == "src/shop.py"
    assert change.added == {2: "    return 2", 3: "    # rounded", 12: "def tax():", 13: "    pass"}


def test_a_new_file_is_added_in_full() -> None:
    diff = """\
diff --git a/new.py b/new.py
new file mode 100644
index 0000000..3333333
--- /dev/null
+++ b/new.py
@@ -0,0 +1,2 @@
+x = 1
+y = 2
"""
    assert changed(diff) == {"new.py": {1, 2}}


def test_deleted_and_binary_files_change_nothing() -> None:
    diff = """\
diff --git a/gone.py b/gone.py
deleted file mode 100644
index 7d4290a..0000000
--- a/gone.py
+++ /dev/null
@@ -1 +0,0 @@
-x = 1
diff --git a/logo.png b/logo.png
index bdc955b..8835708 100644
Binary files a/logo.png and b/logo.png differ
"""
    assert changed(diff) == {}


def test_a_renamed_file_counts_under_its_new_path() -> None:
    diff = """\
diff --git a/old.py b/new.py
similarity index 90%
rename from old.py
rename to new.py
index 1111111..2222222 100644
--- a/old.py
+++ b/new.py
@@ -3 +3 @@
-x = 1
+x = 2
diff --git a/moved.py b/kept.py
similarity index 100%
rename from moved.py
rename to kept.py
"""
    assert changed(diff) == {"new.py": {3}, "kept.py": set()}


def test_a_diff_without_git_headers_is_read_too() -> None:
    diff = "--- shop.py\t2024-01-01\n+++ shop.py\t2024-01-02\n@@ -1 +1 @@\n-a\n+b\n"

    assert changed(diff) == {"shop.py": {1}}


def test_quoted_paths_are_unquoted() -> None:
    diff = (
        'diff --git "a/caf\\303\\251.py" "b/caf\\303\\251.py"\n'
        'index 1111111..2222222 100644\n--- "a/caf\\303\\251.py"\n+++ "b/caf\\303\\251.py"\n'
        "@@ -1 +1 @@\n-a\n+b\n"
    )
    assert changed(diff) == {"café.py": {1}}


def test_an_empty_diff_changes_nothing() -> None:
    assert parse_unified_diff("") == ()


@pytest.mark.parametrize(
    ("text", "culprit"),
    [
        pytest.param("this is not a diff\n", "has no file headers", id="prose"),
        pytest.param(
            "--- a/x.py\n+++ b/x.py\n@@ -1,3 +1,3 @@\n-a\n+b\n",
            "the diff does not parse: Hunk is shorter than expected",
            id="truncated-hunk",
        ),
        pytest.param(
            "--- a/x.py\n+++ b/x.py\n@@ -1,2 +1,2 @@\n-a\n?what\n+b\n",
            "Hunk diff line expected: ?what",
            id="garbage-in-hunk",
        ),
        pytest.param(
            "@@ -1 +1 @@\n-a\n+b\n", "Unexpected hunk found", id="hunk-without-file-header"
        ),
    ],
)
def test_text_that_is_not_a_unified_diff_is_refused(text: str, culprit: str) -> None:
    with pytest.raises(DiffError, match="the diff does not parse") as raised:
        parse_unified_diff(text)

    assert culprit in str(raised.value)


@pytest.mark.parametrize("path", ["../elsewhere/x.py", "/etc/x.py", "src/../../x.py"])
def test_a_path_outside_the_repository_is_refused(path: str) -> None:
    diff = f"--- {path}\n+++ {path}\n@@ -1 +1 @@\n-a\n+b\n"

    with pytest.raises(DiffError, match="outside the repository") as raised:
        parse_unified_diff(diff)

    assert repr(path) in str(raised.value)


class FakeGit:
    """A git that answers from a table of argument lists, and records what it was asked."""

    def __init__(self, answers: dict[tuple[str, ...], GitOutput]) -> None:
        self.answers = answers
        self.calls: list[tuple[str, ...]] = []

    def __call__(self, arguments: Sequence[str], cwd: Path) -> GitOutput:
        self.calls.append(tuple(arguments))
        command = list(arguments)
        while command[:1] == ["-c"]:  # configuration given on the command line
            command = command[2:]
        for prefix, answer in self.answers.items():
            if tuple(command[: len(prefix)]) == prefix:
                return answer
        raise AssertionError(f"unexpected git call {arguments}")


def ok(stdout: str | bytes = b"") -> GitOutput:
    return GitOutput(0, stdout.encode() if isinstance(stdout, str) else stdout, b"")


def failed(stderr: str) -> GitOutput:
    return GitOutput(128, b"", stderr.encode())


def fake_repository(tmp_path: Path) -> FakeGit:
    """A fake git for a repository at ``tmp_path`` where ``main`` exists."""
    answers = {
        ("rev-parse", "--show-toplevel"): ok(f"{tmp_path}\n"),
        ("rev-parse", "--verify", "--quiet", "main^{commit}"): ok("a" * 40 + "\n"),
        ("rev-parse", "--verify", "--quiet", "HEAD^{commit}"): ok("b" * 40 + "\n"),
        ("merge-base",): ok("c" * 40 + "\n"),
        ("diff",): ok(MODIFIED),
        ("ls-files",): ok(b""),
    }
    return FakeGit(answers)


def test_changes_since_diffs_the_working_tree_against_the_merge_base(tmp_path: Path) -> None:
    git = fake_repository(tmp_path)

    changes = changes_since("main", tmp_path, run=git)

    assert changes.root == tmp_path.resolve()
    assert changes.lines == {"src/shop.py": frozenset({2, 3, 12, 13})}
    (diff_call,) = [call for call in git.calls if "diff" in call]
    assert diff_call[-2:] == ("c" * 40, "--")  # the merge base, not main itself
    assert "--find-renames" in diff_call


def test_untracked_files_count_as_wholly_added(tmp_path: Path) -> None:
    (tmp_path / "new.py").write_text("a = 1\nb = 2\nc = 3", encoding="utf-8")
    (tmp_path / "blob.bin").write_bytes(b"\0\1\2")
    git = fake_repository(tmp_path)
    git.answers[("ls-files",)] = ok(b"new.py\0blob.bin\0vendored/\0")

    changes = changes_since("main", tmp_path, run=git)

    assert changes.lines["new.py"] == frozenset({1, 2, 3})
    assert "blob.bin" not in changes.lines
    assert "vendored/" not in changes.lines


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        pytest.param(
            {("rev-parse", "--show-toplevel"): failed("fatal: not a git repository")},
            "--diff-from needs a git repository",
            id="not-a-repository",
        ),
        pytest.param(
            {("rev-parse", "--verify", "--quiet", "main^{commit}"): GitOutput(1, b"", b"")},
            "--diff-from: unknown revision 'main'",
            id="unknown-ref",
        ),
        pytest.param(
            {("rev-parse", "--verify", "--quiet", "HEAD^{commit}"): GitOutput(1, b"", b"")},
            "the repository has no commit yet",
            id="no-commit",
        ),
        pytest.param(
            {("merge-base",): GitOutput(1, b"", b"")},
            "'main' and HEAD have no common ancestor",
            id="unrelated-histories",
        ),
    ],
)
def test_git_failures_are_explained(
    tmp_path: Path, answers: Mapping[tuple[str, ...], GitOutput], message: str
) -> None:
    git = fake_repository(tmp_path)
    git.answers.update(answers)

    with pytest.raises(DiffError) as raised:
        changes_since("main", tmp_path, run=git)

    assert message in str(raised.value)


def test_a_ref_that_looks_like_an_option_is_refused_before_git_sees_it(tmp_path: Path) -> None:
    git = fake_repository(tmp_path)

    with pytest.raises(DiffError, match="is not a branch, tag or commit"):
        changes_since("--output=/tmp/x", tmp_path, run=git)

    assert not any(call[0] in ("merge-base", "diff") for call in git.calls)


def test_git_missing_is_explained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no git there

    with pytest.raises(DiffError, match="git is not installed"):
        run_git(["--version"], tmp_path)


def write(root: Path, relative: str, text: str) -> None:
    target = root / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(textwrap.dedent(text), encoding="utf-8")


def no_repository(arguments: Sequence[str], cwd: Path) -> GitOutput:
    return failed("fatal: not a git repository")


SHOP = """\
def price():
    return 2


def total():
    pass
"""
SHOP_DIFF = "--- a/src/shop.py\n+++ b/src/shop.py\n@@ -2 +2 @@\n-    return 1\n+    return 2\n"


def test_a_patch_that_matches_the_files_on_disk_is_used(tmp_path: Path) -> None:
    write(tmp_path, "src/shop.py", SHOP)

    changes = changes_from_patch(SHOP_DIFF, tmp_path, run=no_repository)

    assert changes == RepositoryChanges(tmp_path.resolve(), {"src/shop.py": frozenset({2})})


def test_a_patch_is_relative_to_the_repository_root(tmp_path: Path) -> None:
    write(tmp_path, "src/shop.py", SHOP)
    git = FakeGit({("rev-parse", "--show-toplevel"): ok(f"{tmp_path}\n")})

    changes = changes_from_patch(SHOP_DIFF, tmp_path / "src", run=git)

    assert changes.root == tmp_path.resolve()
    assert changes.lines_of(tmp_path / "src" / "shop.py") == frozenset({2})
    assert changes.lines_of(tmp_path.parent / "elsewhere.py") == frozenset()


def test_a_patch_whose_lines_differ_from_the_file_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "src/shop.py", SHOP.replace("return 2", "return 3"))

    with pytest.raises(DiffError) as raised:
        changes_from_patch(SHOP_DIFF, tmp_path, run=no_repository)

    assert str(raised.value).startswith(
        "the diff does not apply to the files on disk: src/shop.py line 2 is '    return 3',"
        " but the diff adds '    return 2' there"
    )


def test_a_patch_adding_lines_past_the_end_of_the_file_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "src/shop.py", "x = 1\n")
    diff = "--- a/src/shop.py\n+++ b/src/shop.py\n@@ -1,0 +2 @@\n+\n"

    with pytest.raises(DiffError, match="line 2 past the end of the file"):
        changes_from_patch(diff, tmp_path, run=no_repository)


def test_a_patch_for_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DiffError, match=r"adds lines to src/shop\.py, which does not exist"):
        changes_from_patch(SHOP_DIFF, tmp_path, run=no_repository)


# The real thing: git itself, in a repository made here.

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(root: Path, *arguments: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", *arguments],
        cwd=root,
        check=True,
        capture_output=True,
    )


@needs_git
def test_real_git_reports_committed_staged_unstaged_and_untracked_changes(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    write(tmp_path, "a.py", "a = 1\n")
    write(tmp_path, "b.py", "b = 1\n")
    write(tmp_path, "c.py", "c = 1\n")
    write(tmp_path, "moved.py", "".join(f"line_{n} = {n}\n" for n in range(20)))
    write(tmp_path, ".gitignore", "ignored.py\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "start")
    git(tmp_path, "checkout", "-q", "-b", "feature")
    write(tmp_path, "a.py", "a = 1\na2 = 2\n")  # committed on the branch
    git(tmp_path, "mv", "moved.py", "renamed.py")  # a pure rename
    git(tmp_path, "commit", "-q", "-am", "work")
    write(tmp_path, "b.py", "b = 2\n")  # staged
    git(tmp_path, "add", "b.py")
    write(tmp_path, "c.py", "c = 1\n\nc3 = 3\n")  # unstaged
    write(tmp_path, "new.py", "n = 1\nm = 2\n")  # untracked
    write(tmp_path, "ignored.py", "i = 1\n")  # ignored

    changes = changes_since("main", tmp_path)

    assert changes.lines == {
        "a.py": frozenset({2}),
        "b.py": frozenset({1}),
        "c.py": frozenset({2, 3}),
        "renamed.py": frozenset(),
        "new.py": frozenset({1, 2}),
    }


@needs_git
def test_real_git_diffs_against_the_merge_base_not_the_tip_of_ref(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    write(tmp_path, "a.py", "a = 1\n")
    write(tmp_path, "b.py", "b = 1\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "start")
    git(tmp_path, "checkout", "-q", "-b", "feature")
    write(tmp_path, "a.py", "a = 2\n")
    git(tmp_path, "commit", "-q", "-am", "feature work")
    git(tmp_path, "checkout", "-q", "main")
    # main moves on after the branch left it: against main's tip, b.py's old
    # line would look like a change of the branch.
    write(tmp_path, "b.py", "b = 2\n")
    git(tmp_path, "commit", "-q", "-am", "main work")
    git(tmp_path, "checkout", "-q", "feature")

    assert changes_since("main", tmp_path).lines == {"a.py": frozenset({1})}


@needs_git
def test_real_git_outside_a_repository_and_with_an_unknown_ref(tmp_path: Path) -> None:
    with pytest.raises(DiffError, match="needs a git repository"):
        changes_since("main", tmp_path)
    git(tmp_path, "init", "-q", "-b", "main")
    write(tmp_path, "a.py", "a = 1\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "start")
    with pytest.raises(DiffError, match="unknown revision 'no-such-branch'"):
        changes_since("no-such-branch", tmp_path)
