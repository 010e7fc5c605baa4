"""What a path named on the command line means against include, exclude and .gitignore.

The contract (also in the module docstring of ``standards_lint.engine.discover``
and in the README): a named file inside the standards' root is checked only
when a whole-project run would check it, and anything filtered away is said,
with its reason; a named directory is checked even if excluded; a file or
directory outside the root is filtered as seen from its own directory.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from functional.harness import Invoke


def write(root: Path, relative: str, text: str = "x = 1\n") -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def checked(cli: Invoke, cwd: Path, *paths: str) -> tuple[int, list[dict[str, str]]]:
    result = cli("check", "--format", "json", "--no-cache", *paths, cwd=cwd)
    assert result.exit_code in (0, 1), result.stderr
    document = json.loads(result.stdout)
    return document["files_checked"], document["skipped"]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    write(project, "standards.toml", 'select = ["line-too-long"]\nexclude = ["tests/"]\n')
    write(project, "src/app.py")
    write(project, "tests/test_app.py")
    write(project, "notes.md")
    write(project, ".gitignore", "generated.py\n")
    write(project, "generated.py")
    return project


@pytest.mark.parametrize(
    ("named", "reason"),
    [
        ("notes.md", "not matched by include (*.py, *.pyi)"),
        ("tests/test_app.py", "excluded by the standards' exclude (or a default exclude)"),
        ("generated.py", "ignored by .gitignore"),
    ],
)
def test_a_named_file_filtered_away_is_said_with_its_reason(
    cli: Invoke, root: Path, named: str, reason: str
) -> None:
    assert checked(cli, root, named) == (0, [{"path": named, "reason": reason}])


def test_the_text_output_says_what_was_skipped_instead_of_all_met(
    cli: Invoke, root: Path
) -> None:
    result = cli("check", "notes.md", cwd=root)
    assert result.exit_code == 0
    assert "Skipped notes.md: not matched by include (*.py, *.pyi)." in result.lines
    assert "No files were checked: every path named was skipped (see above)." in result.lines
    assert "All standards met" not in result.stdout


def test_a_named_directory_is_checked_even_when_excluded(cli: Invoke, root: Path) -> None:
    assert checked(cli, root, "tests") == (1, [])


def test_a_file_outside_the_root_is_filtered_from_its_own_directory(
    cli: Invoke, tmp_path: Path, root: Path
) -> None:
    outside = write(tmp_path, "tests/t.py")
    # The root's `exclude = ["tests/"]` speaks of the root's tests/, not of this one.
    assert checked(cli, root, str(outside)) == (1, [])
    assert checked(cli, root, "../tests/t.py") == (1, [])
    assert checked(cli, root, "../tests") == (1, [])


@pytest.mark.parametrize("ancestor", ["build", "venv", ".venv", "dist"])
def test_a_file_below_a_directory_named_like_a_default_exclude_is_checked(
    cli: Invoke, tmp_path: Path, ancestor: str
) -> None:
    project = tmp_path / ancestor / "project"
    write(project, "standards.toml", 'select = ["line-too-long"]\n')
    write(project, "app.py")
    assert checked(cli, project) == (1, [])
    assert checked(cli, project, "app.py") == (1, [])
