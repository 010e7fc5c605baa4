"""Which standards files below the top one cascade: the walk that finds them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from standards_lint.config.cascade import files_below


def write(root: Path, relative: str, text: str = "") -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_files_below_skip_excluded_directories_and_are_ordered_by_depth(
    tmp_path: Path,
) -> None:
    top = write(tmp_path, "standards.toml")
    kept = [
        write(tmp_path, "services/api/standards.toml"),
        write(tmp_path, "libs/standards.toml", "root = true\n"),
        write(tmp_path, "services/web/pyproject.toml", "[tool.standards-lint]\n"),
    ]
    for skipped in (
        ".venv/lib/standards.toml",
        ".import_linter_cache/standards.toml",
        "build/standards.toml",
        "vendor/standards.toml",
        "services/api/generated/standards.toml",
    ):
        write(tmp_path, skipped)
    write(tmp_path, "services/plain/pyproject.toml", "[project]\nname = 'plain'\n")
    found = files_below(top, ["vendor/", "services/**/generated/"])
    assert list(found.files) == sorted(kept, key=lambda p: (len(p.parent.parts), p.as_posix()))
    assert found.nested_roots == {tmp_path / "libs" / "standards.toml"}


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_link_to_a_directory_is_not_followed(tmp_path: Path) -> None:
    top = write(tmp_path / "project", "standards.toml")
    write(tmp_path, "elsewhere/standards.toml")
    (tmp_path / "project" / "linked").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    assert files_below(top, []).files == ()


def test_the_top_directory_itself_is_not_below(tmp_path: Path) -> None:
    top = write(tmp_path, "standards.toml")
    write(tmp_path, "pyproject.toml", "[tool.standards-lint]\n")
    assert files_below(top, []).files == ()
