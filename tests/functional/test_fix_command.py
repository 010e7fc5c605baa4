"""`check --fix`, `--diff` and `--unsafe-fixes` through the command line.

The project's own rule STY011 (unsafe) and the fixprobe pack of the fixing
unit tests (loaded as a local plugin) give fixes whose results are known;
the runs with every rule selected pick up whatever fixes the rules have.
"""

from __future__ import annotations

import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from standards_lint.cli import main

from .harness import Invoke

FIX_RULES = Path(__file__).resolve().parents[1] / "unit" / "fixing" / "fix_rules.py"

BARE = b"try:\n    run()\nexcept:\n    pass\n"
FIXED_BARE = b"try:\n    run()\nexcept Exception:\n    pass\n"

#: Files of every kind of ending and encoding, each with something to fix.
TREE = {
    "pkg/__init__.py": b"",
    "pkg/lf.py": b"colour = 1\n" + BARE,
    "pkg/crlf.py": b"x = 1\r\ncolour = 2\r\ntry:\r\n    run()\r\nexcept:\r\n    pass\r\n",
    "pkg/no_newline.py": b"x = 1\ncolour = 2",
    "pkg/bom.py": b"\xef\xbb\xbfcolour = 'caf\xc3\xa9'\n",
    "pkg/latin.py": b"# -*- coding: latin-1 -*-\nname = '\xe9'; colour = 1\n" + BARE,
    "pkg/clean.py": b"color = 1\n",
}


def make_project(root: Path, select: str, files: dict[str, bytes] = TREE) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "lint").mkdir(exist_ok=True)
    shutil.copy(FIX_RULES, root / "lint" / "fix_rules.py")
    (root / "standards.toml").write_text(
        f'plugins = ["lint/fix_rules.py"]\nselect = [{select}]\ninclude = ["pkg/"]\n',
        encoding="utf-8",
    )
    for relative, content in files.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return root


def contents(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*.py"))
        if path.relative_to(root).parts[0] == "pkg"
    }


def raw_run(root: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, bytes, str]:
    """The command in process, with standard output as bytes (a patch is bytes)."""
    monkeypatch.chdir(root)
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stdout_bytes, result.stderr


def test_unsafe_fixes_alone_is_an_error(cli: Invoke, tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", '"STY011"')
    result = cli("check", "--no-cache", "--unsafe-fixes", cwd=root)
    assert result.exit_code == 2
    assert "--unsafe-fixes goes with --fix or --diff" in result.stderr


def test_fix_and_diff_together_is_an_error(cli: Invoke, tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", '"STY011"')
    result = cli("check", "--no-cache", "--fix", "--diff", cwd=root)
    assert result.exit_code == 2
    assert "give one of them" in result.stderr
    assert contents(root) == {key: value for key, value in TREE.items()}


def test_diff_writes_nothing_and_exits_1_when_something_would_change(
    cli: Invoke, tmp_path: Path
) -> None:
    root = make_project(tmp_path / "p", '"FXP002"')
    result = cli("check", "--no-cache", "--diff", cwd=root)
    assert result.exit_code == 1
    assert "standards-lint: would fix 5 violations in 5 files (FXP002 5)" in result.stderr
    assert "+++ b/pkg/lf.py" in result.stdout
    assert contents(root) == TREE


def test_diff_exits_0_when_nothing_would_change(cli: Invoke, tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", '"FXP002"', {"pkg/clean.py": b"color = 1\n"})
    result = cli("check", "--no-cache", "--diff", cwd=root)
    assert (result.exit_code, result.stdout) == (0, "")
    assert "standards-lint: nothing to fix" in result.stderr


@pytest.mark.parametrize(
    "apply",
    [
        ["patch", "-p1", "--fuzz=0", "--batch", "--no-backup-if-mismatch"],
        ["git", "apply", "--whitespace=nowarn", "-"],
    ],
    ids=["patch", "git-apply"],
)
def test_the_diff_applied_gives_what_fix_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, apply: list[str]
) -> None:
    if shutil.which(apply[0]) is None:
        pytest.skip(f"{apply[0]} is not installed")
    previewed = make_project(tmp_path / "previewed", '"FXP002", "STY011"')
    fixed = make_project(tmp_path / "fixed", '"FXP002", "STY011"')
    code, patch, _ = raw_run(
        previewed, monkeypatch, "check", "--no-cache", "--diff", "--unsafe-fixes"
    )
    assert code == 1
    assert contents(previewed) == TREE
    done = subprocess.run(apply, cwd=previewed, input=patch, capture_output=True, check=False)
    assert done.returncode == 0, done.stdout.decode() + done.stderr.decode()
    code, _, stderr = raw_run(fixed, monkeypatch, "check", "--no-cache", "--fix", "--unsafe-fixes")
    assert code == 0, stderr
    assert contents(previewed) == contents(fixed)
    assert contents(fixed)["pkg/crlf.py"] == (
        b"x = 1\r\ncolor = 2\r\ntry:\r\n    run()\r\nexcept Exception:\r\n    pass\r\n"
    )
    assert contents(fixed)["pkg/latin.py"].startswith(
        b"# -*- coding: latin-1 -*-\nname = '\xe9'; color = 1\n"
    )
    assert contents(fixed)["pkg/bom.py"] == b"\xef\xbb\xbfcolor = 'caf\xc3\xa9'\n"
    assert contents(fixed)["pkg/no_newline.py"] == b"x = 1\ncolor = 2"


def test_fix_reports_what_was_fixed_and_what_remains(cli: Invoke, tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", '"FXP002", "STY011"')
    result = cli("check", "--no-cache", "--fix", cwd=root)
    # STY011's fix is unsafe: its three violations remain, and the hint says so.
    assert result.exit_code == 1
    assert (
        "standards-lint: fixed 5 violations in 5 files (FXP002 5); 3 violations remain"
        in result.stderr
    )
    assert (
        "standards-lint: 3 more violations could be fixed with --unsafe-fixes"
        " (they may change behaviour: review them)"
    ) in result.stderr
    assert [line.split(": ")[1].split()[0] for line in result.lines if line.startswith("pkg/")] == [
        "STY011"
    ] * 3
    assert contents(root)["pkg/lf.py"] == b"color = 1\n" + BARE

    result = cli("check", "--no-cache", "--fix", "--unsafe-fixes", cwd=root)
    assert result.exit_code == 0
    assert (
        "standards-lint: fixed 3 violations in 3 files (STY011 3); 0 violations remain"
        in result.stderr
    )
    assert "--unsafe-fixes" not in result.stderr.replace("fixed 3", "")

    result = cli("check", "--no-cache", "--fix", "--unsafe-fixes", cwd=root)
    assert result.exit_code == 0
    assert "standards-lint: nothing to fix" in result.stderr


def test_a_fix_that_does_not_parse_leaves_the_file_and_fails_the_run(
    cli: Invoke, tmp_path: Path
) -> None:
    files = {"pkg/broken.py": b"colour = 1\nBREAK_ME = 2\n", "pkg/fine.py": b"colour = 1\n"}
    root = make_project(tmp_path / "p", '"FXP001", "FXP002"', files)
    result = cli("check", "--no-cache", "--fix", cwd=root)
    assert result.exit_code == 2
    assert (
        "standards-lint: warning: not fixed: pkg/broken.py: the fixes of FXP001, FXP002 would"
        " leave code that does not parse"
    ) in result.stderr
    assert (root / "pkg" / "broken.py").read_bytes() == files["pkg/broken.py"]
    assert (root / "pkg" / "fine.py").read_bytes() == b"color = 1\n"
    assert not [path for path in (root / "pkg").iterdir() if "standards-lint-fix" in path.name]

    diff = cli("check", "--no-cache", "--diff", cwd=root)
    assert diff.exit_code == 2
    assert "not fixed: pkg/broken.py" in diff.stderr


def test_fix_keeps_permissions_and_links(cli: Invoke, tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", '"FXP002"', {"pkg/mod.py": b"colour = 1\n"})
    (root / "pkg" / "mod.py").chmod(0o640)
    real = tmp_path / "elsewhere.py"
    real.write_bytes(b"colour = 2\n")
    (root / "pkg" / "linked.py").symlink_to(real)
    result = cli("check", "--no-cache", "--fix", cwd=root)
    assert result.exit_code == 0, result.stderr
    assert stat.S_IMODE((root / "pkg" / "mod.py").stat().st_mode) == 0o640
    assert (root / "pkg" / "mod.py").read_bytes() == b"color = 1\n"
    # The link stays a link, and the file it points to is the one fixed.
    assert (root / "pkg" / "linked.py").is_symlink()
    assert real.read_bytes() == b"color = 2\n"
    assert "fixed 2 violations in 2 files" in result.stderr


def test_baselined_violations_are_not_fixed(cli: Invoke, tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", '"FXP002"', {"pkg/old.py": b"colour = 1\n"})
    assert cli("baseline", "--no-cache", cwd=root).exit_code == 0
    (root / "pkg" / "new.py").write_bytes(b"colour = 2\n")
    result = cli("check", "--no-cache", "--fix", cwd=root)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert (root / "pkg" / "old.py").read_bytes() == b"colour = 1\n"
    assert (root / "pkg" / "new.py").read_bytes() == b"color = 2\n"


FIXABLE = b'''\
"""A module with something for every fixing rule."""

import os  # standards-lint: ignore[STY001] never needed


def gather(item, into=[]):
    """Gather an item.

    Args:
        item: The item.
    """
    myValue = item
    into.append(myValue)
    try:
        os.remove(myValue)
    except:
        pass
    return into
'''


def test_fixing_with_every_rule_settles(cli: Invoke, tmp_path: Path) -> None:
    root = make_project(
        tmp_path / "p",
        '"ALL"',
        {"pkg/mod.py": FIXABLE, "pkg/crlf.py": FIXABLE.replace(b"\n", b"\r\n")},
    )
    (root / "standards.toml").write_text('select = ["ALL"]\ninclude = ["pkg/"]\n', encoding="utf-8")
    first = cli("check", "--no-cache", "--fix", "--unsafe-fixes", cwd=root)
    assert first.exit_code in (0, 1), first.stderr
    assert "not fixed" not in first.stderr
    for path in (root / "pkg").glob("*.py"):
        compile(path.read_bytes(), str(path), "exec")
    assert b"\r\n" in (root / "pkg" / "crlf.py").read_bytes()
    assert b"\n" not in (root / "pkg" / "crlf.py").read_bytes().replace(b"\r\n", b"")
    second = cli("check", "--no-cache", "--fix", "--unsafe-fixes", cwd=root)
    assert "standards-lint: nothing to fix" in second.stderr
    assert second.exit_code == first.exit_code
    assert second.stdout == first.stdout
