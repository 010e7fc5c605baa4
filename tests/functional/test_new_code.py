"""New-code gating in a real git repository: ``check --diff-from REF``, ``--diff-file PATCH|-``."""

from __future__ import annotations

import json
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from standards_lint.cli import main

from .harness import Invoke, assert_lines, assert_no_traceback

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

STANDARDS = """\
select = ["STY001", "CPX001", "DOC201"]
[style]
max-line-length = 60
[complexity]
max-cyclomatic = 3
[docstrings]
new-code-fail-under = 100
"""

SHOP = '''\
"""Prices."""


def legacy(x):
    """Old and tangled."""
    if x == 1:
        return "one"
    if x == 2:
        return "two"
    if x == 3:
        return "three"
    return "many"


def tangled(x):
    """Also tangled."""
    if x == 10:
        return "ten"
    if x == 20:
        return "twenty"
    if x == 30:
        return "thirty"
    return "lots"


OLD_NOTE = "this line was already too long before the branch started"
'''

OTHER = '''\
"""Untouched by the branch."""

OLD = "another line that has been far too long for a long time now"
'''

FRESH = '''\


def fresh():
    return "a new line that is far too long for the standards of the team"
'''

EXPECTED = [
    "shop.py:15:1: CPX001 [cyclomatic-complexity] function 'tangled' has cyclomatic"
    " complexity 4 (rank A), above the limit 3",
    "shop.py:30:61: STY001 [line-too-long] line is 74 characters long (74 > 60)",
    "standards.toml:1:1: DOC201 [docstring-coverage] docstring coverage of the changed code"
    " is 66.7% (2 of 3 counted items documented), below new-code-fail-under 100%",
    "",
    "Found 3 violations (3 errors) in 2 files.",
    "New code only: 3 violations outside the changed lines (hidden).",
    "docstring coverage: 80.0%",
    "new code docstring coverage: 66.7%",
]


def git(root: Path, *arguments: str) -> str:
    """Run git in ``root`` as a test user; return its output."""
    completed = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", *arguments],
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
    )
    return completed.stdout


def write(root: Path, relative: str, text: str) -> None:
    target = root / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A repository whose ``feature`` branch (checked out) changes ``tangled`` and adds code.

    On ``main``: two complex functions, two long lines. The branch edits a body
    line of ``tangled`` (not its ``def`` line) and adds an undocumented function
    with a long line.
    """
    root = tmp_path / "shop"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    write(root, "standards.toml", STANDARDS)
    write(root, "shop.py", SHOP)
    write(root, "other.py", OTHER)
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "legacy")
    git(root, "checkout", "-q", "-b", "feature")
    edited = SHOP.replace('return "twenty"', 'return "Twenty"')
    write(root, "shop.py", edited + FRESH)
    git(root, "commit", "-q", "-am", "feature")
    return root


def test_only_the_branchs_changes_are_reported(cli: Invoke, repository: Path) -> None:
    run = cli("check", "--no-cache", "--diff-from", "main", cwd=repository)

    assert_no_traceback(run)
    assert_lines(run.lines, EXPECTED)
    assert run.exit_code == 1


def test_without_gating_the_legacy_violations_are_there(cli: Invoke, repository: Path) -> None:
    run = cli("check", "--no-cache", cwd=repository)

    assert "Found 5 violations (5 errors) in 2 files." in run.lines
    assert not any(line.startswith("New code only") for line in run.lines)


def test_a_diff_file_from_git_diff_gives_the_same_report(
    cli: Invoke, repository: Path, tmp_path: Path
) -> None:
    patch = tmp_path / "change.diff"
    patch.write_text(git(repository, "diff", "main...HEAD"), encoding="utf-8")

    run = cli("check", "--no-cache", "--diff-file", str(patch), cwd=repository)

    assert_lines(run.lines, EXPECTED)
    assert run.exit_code == 1


def test_a_diff_on_standard_input_gives_the_same_report(
    repository: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repository)
    patch = git(repository, "diff", "main...HEAD")

    result = CliRunner().invoke(main, ["check", "--no-cache", "--diff-file", "-"], input=patch)

    assert result.stdout.splitlines() == EXPECTED
    assert result.exit_code == 1


def test_uncommitted_and_untracked_changes_count(cli: Invoke, repository: Path) -> None:
    git(repository, "checkout", "-q", "main")
    unstaged = 'NEW = "an unstaged line that is far too long for the team to accept"\n'
    untracked = 'NOTE = "an untracked line that is far too long to pass the gate"\n'
    write(repository, "other.py", OTHER + unstaged)
    write(repository, "notes.py", '"""Notes."""\n' + untracked)

    run = cli("check", "--no-cache", "--diff-from", "main", "--format", "json", cwd=repository)

    report = json.loads(run.stdout)
    assert [(v["path"], v["line"]) for v in report["violations"]] == [
        ("notes.py", 2),
        ("other.py", 4),
    ]
    assert report["new_code"] == {"hidden": 4}
    # Nothing counted changed but the two modules, both documented.
    assert report["metrics"]["new_code_docstring_coverage"] == 100.0


def test_the_json_report_says_what_the_stage_held_back(cli: Invoke, repository: Path) -> None:
    plain = json.loads(cli("check", "--no-cache", "--format", "json", cwd=repository).stdout)
    gated = json.loads(
        cli(
            "check", "--no-cache", "--format", "json", "--diff-from", "main", cwd=repository
        ).stdout
    )

    assert "new_code" not in plain
    assert gated["new_code"] == {"hidden": 3}
    assert len(plain["violations"]) == 5
    assert len(gated["violations"]) == 3  # two on new code, and the new code's figure


def test_a_pure_rename_and_a_deletion_report_nothing(cli: Invoke, repository: Path) -> None:
    git(repository, "checkout", "-q", "main")
    git(repository, "checkout", "-q", "-b", "tidy")
    git(repository, "mv", "shop.py", "prices.py")
    git(repository, "rm", "-q", "other.py")
    git(repository, "commit", "-q", "-m", "tidy")

    run = cli("check", "--no-cache", "--diff-from", "main", cwd=repository)

    assert run.exit_code == 0
    assert "All standards met in 1 file." in run.lines
    assert "New code only: 3 violations outside the changed lines (hidden)." in run.lines


def bad(cli: Invoke, cwd: Path, *arguments: str) -> str:
    """Run ``check`` with ``arguments``; it must exit 2 without a traceback; return stderr."""
    run = cli("check", "--no-cache", *arguments, cwd=cwd)
    assert_no_traceback(run)
    assert run.exit_code == 2, run.stdout + run.stderr
    assert run.stdout == ""
    return run.stderr


def test_an_unknown_ref_is_refused(cli: Invoke, repository: Path) -> None:
    assert bad(cli, repository, "--diff-from", "no-such-branch") == (
        "standards-lint: error: --diff-from: unknown revision 'no-such-branch': no branch,"
        " tag or commit of that name (in CI, fetch it first: git fetch origin <branch>)\n"
    )


def test_a_folder_outside_any_repository_is_refused(cli: Invoke, tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    folder.mkdir()
    write(folder, "a.py", "a = 1\n")
    write(folder, "standards.toml", "")

    message = bad(cli, folder, "--diff-from", "main")

    assert message.startswith(
        f"standards-lint: error: --diff-from needs a git repository, and {folder} is not in one"
    )


def test_git_missing_is_explained(
    cli: Invoke, repository: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))

    message = bad(cli, repository, "--diff-from", "main")

    assert message.startswith("standards-lint: error: git is not installed (or not on PATH)")


@pytest.mark.parametrize(
    ("patch", "message"),
    [
        pytest.param(
            "hello, this is not a diff\n",
            "the diff does not parse: it has no file headers ('--- a/path' and '+++ b/path')",
            id="not-a-diff",
        ),
        pytest.param(
            "--- a/shop.py\n+++ b/shop.py\n@@ -1,3 +1,3 @@\n-x\n+y\n",
            "the diff does not parse: Hunk is shorter than expected",
            id="truncated",
        ),
        pytest.param(
            "--- a/shop.py\n+++ b/shop.py\n@@ -2 +2 @@\n-\n+x = 1\n",
            "the diff does not apply to the files on disk: shop.py line 2 is '', but the diff"
            " adds 'x = 1' there",
            id="stale",
        ),
        pytest.param(
            "--- a/gone.py\n+++ b/gone.py\n@@ -1 +1 @@\n-x\n+y\n",
            "the diff does not apply to the files on disk: it adds lines to gone.py, which"
            " does not exist in",
            id="missing-file",
        ),
        pytest.param(
            "--- a/../elsewhere.py\n+++ b/../elsewhere.py\n@@ -1 +1 @@\n-x\n+y\n",
            "the diff names '../elsewhere.py', which is outside the repository",
            id="outside-the-repository",
        ),
    ],
)
def test_a_bad_diff_file_is_refused(
    cli: Invoke, repository: Path, tmp_path: Path, patch: str, message: str
) -> None:
    path = tmp_path / "bad.diff"
    path.write_text(patch, encoding="utf-8")

    assert bad(cli, repository, "--diff-file", str(path)).startswith(
        "standards-lint: error: " + message
    )


def test_a_missing_diff_file_is_refused(cli: Invoke, repository: Path, tmp_path: Path) -> None:
    message = bad(cli, repository, "--diff-file", str(tmp_path / "none.diff"))

    assert "cannot read the diff" in message
    assert "No such file or directory" in message


def test_both_options_at_once_are_refused(cli: Invoke, repository: Path, tmp_path: Path) -> None:
    patch = tmp_path / "change.diff"
    patch.write_text("", encoding="utf-8")

    message = bad(cli, repository, "--diff-from", "main", "--diff-file", str(patch))

    assert message == (
        "standards-lint: error: --diff-from and --diff-file cannot be used together;"
        " give one of them\n"
    )


def test_binary_files_in_a_diff_are_skipped(cli: Invoke, repository: Path, tmp_path: Path) -> None:
    patch = tmp_path / "binary.diff"
    patch.write_text(
        textwrap.dedent(
            """\
            diff --git a/logo.png b/logo.png
            index bdc955b..8835708 100644
            Binary files a/logo.png and b/logo.png differ
            """
        ),
        encoding="utf-8",
    )

    run = cli("check", "--no-cache", "--diff-file", str(patch), cwd=repository)

    assert run.exit_code == 0
    assert "New code only: 5 violations outside the changed lines (hidden)." in run.lines


def test_new_code_coverage_counts_a_definition_changed_only_at_its_decorator(
    cli: Invoke, tmp_path: Path
) -> None:
    root = tmp_path / "decorated"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    write(root, "standards.toml", 'select = ["DOC201"]\n[docstrings]\nnew-code-fail-under = 50\n')
    module = (
        '"""Tasks."""\n\n\n@register("{}")\ndef nightly():\n    pass\n\n\n'
        "def weekly():\n    pass\n"
    )
    write(root, "tasks.py", module.format("old"))
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "tasks")
    write(root, "tasks.py", module.format("new"))  # only line 4, the decorator, changes

    run = cli("check", "--no-cache", "--diff-from", "main", "--format", "json", cwd=root)

    report = json.loads(run.stdout)
    # The module (documented) and nightly (not); weekly did not change.
    assert report["metrics"]["new_code_docstring_coverage"] == 50.0
    assert report["metrics"]["docstring_coverage"] == pytest.approx(100 / 3)
    assert report["violations"] == []
    assert run.exit_code == 0


def test_new_code_fail_under_must_be_a_percentage(cli: Invoke, repository: Path) -> None:
    write(repository, "standards.toml", STANDARDS.replace("= 100", "= 120"))

    run = cli("check", "--no-cache", "--diff-from", "main", cwd=repository)

    assert run.exit_code == 2
    assert "new-code-fail-under must be between 0 and 100, not 120" in run.stderr
