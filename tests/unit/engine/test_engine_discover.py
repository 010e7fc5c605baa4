"""Which files are checked: include, exclude, default excludes and .gitignore files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pathspec
import pytest

from standards_lint.config import Standards
from standards_lint.engine.discover import MissingPathError, discover_files
from standards_lint.registry import Registry, load_registry


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


@pytest.fixture
def found(
    tmp_path: Path, registry: Registry, make_standards: Callable[..., Standards]
) -> Callable[..., list[str]]:
    def run(*paths: str, **settings: Any) -> list[str]:
        standards = make_standards(registry, tmp_path, **settings)
        given = [tmp_path / p for p in paths] or [tmp_path]
        return [
            p.relative_to(tmp_path.resolve()).as_posix() for p in discover_files(given, standards)
        ]

    return run


def write(root: Path, relative: str, text: str = "x = 1\n") -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_python_files_sorted_without_repeats(
    tmp_path: Path, found: Callable[..., list[str]]
) -> None:
    for name in ("b.py", "a.py", "pkg/c.py", "pkg/stubs.pyi", "notes.txt", "pkg/data.json"):
        write(tmp_path, name)
    assert found() == ["a.py", "b.py", "pkg/c.py", "pkg/stubs.pyi"]
    assert found(".", "pkg", "pkg/c.py", "a.py") == ["a.py", "b.py", "pkg/c.py", "pkg/stubs.pyi"]


@pytest.mark.parametrize(
    "directory",
    [
        ".git",
        ".venv",
        "venv",
        ".tox",
        "__pycache__",
        "build",
        "dist",
        "node_modules",
        "pkg.egg-info",
        ".mypy_cache",
        ".import_linter_cache",
        "src/.ruff_cache",
        ".standards-lint-cache",
        "src/build",
    ],
)
def test_default_excludes(tmp_path: Path, found: Callable[..., list[str]], directory: str) -> None:
    write(tmp_path, "keep.py")
    write(tmp_path, f"{directory}/skipped.py")
    assert found() == ["keep.py"]


def test_a_file_named_like_an_excluded_directory_is_kept(
    tmp_path: Path, found: Callable[..., list[str]]
) -> None:
    write(tmp_path, "build.py")
    write(tmp_path, "dist/x.py")
    assert found() == ["build.py"]


def test_a_directory_that_only_ends_like_a_cache_is_checked(
    tmp_path: Path, found: Callable[..., list[str]]
) -> None:
    write(tmp_path, "lru_cache/a.py")  # no leading dot: a package, not a tool's cache
    assert found() == ["lru_cache/a.py"]


def test_include_and_exclude_patterns(tmp_path: Path, found: Callable[..., list[str]]) -> None:
    for name in (
        "a.py",
        "scripts/run",
        "gen/x.py",
        "src/gen/y.py",
        "src/keep.py",
        "src/skip_me.py",
    ):
        write(tmp_path, name)
    result = found(include=("*.py", "scripts/*"), exclude=("/gen/", "skip_*.py"))
    assert result == ["a.py", "scripts/run", "src/gen/y.py", "src/keep.py"]


def test_a_missing_path_is_an_error(tmp_path: Path, found: Callable[..., list[str]]) -> None:
    write(tmp_path, "a.py")
    with pytest.raises(MissingPathError, match=r"no such file or directory: .*missing\.py"):
        found("a.py", "missing.py")


def test_gitignore_is_respected_unless_turned_off(
    tmp_path: Path, found: Callable[..., list[str]]
) -> None:
    write(tmp_path, ".gitignore", "generated/\nsecret_*.py\n")
    for name in ("a.py", "generated/g.py", "secret_key.py", "sub/secret_x.py"):
        write(tmp_path, name)
    assert found() == ["a.py"]
    assert found(respect_gitignore=False) == [
        "a.py",
        "generated/g.py",
        "secret_key.py",
        "sub/secret_x.py",
    ]


def test_nested_gitignore_applies_below_its_directory(
    tmp_path: Path, found: Callable[..., list[str]]
) -> None:
    write(tmp_path, "sub/.gitignore", "/local.py\ndeep/\n")
    for name in ("local.py", "sub/local.py", "sub/x/local.py", "sub/deep/a.py", "deep/b.py"):
        write(tmp_path, name)
    assert found() == ["deep/b.py", "local.py", "sub/x/local.py"]


def test_negation_in_the_same_gitignore(tmp_path: Path, found: Callable[..., list[str]]) -> None:
    write(tmp_path, ".gitignore", "gen_*.py\n!gen_keep.py\n")
    for name in ("gen_a.py", "gen_keep.py", "sub/gen_b.py", "sub/gen_keep.py"):
        write(tmp_path, name)
    assert found() == ["gen_keep.py", "sub/gen_keep.py"]


def test_a_deeper_gitignore_negation_wins_over_a_parent(
    tmp_path: Path, found: Callable[..., list[str]]
) -> None:
    write(tmp_path, ".gitignore", "gen_*.py\n")
    write(tmp_path, "sub/.gitignore", "!gen_ok.py\n")
    for name in ("gen_x.py", "sub/gen_ok.py", "sub/gen_bad.py"):
        write(tmp_path, name)
    assert found() == ["sub/gen_ok.py"]


def test_a_gitignored_directory_is_not_entered(
    tmp_path: Path, found: Callable[..., list[str]]
) -> None:
    write(tmp_path, ".gitignore", "big/\n")
    write(tmp_path, "big/a.py")
    write(tmp_path, "a.py")
    assert found() == ["a.py"]


def test_gitignore_files_above_a_repository_root_are_not_read(
    tmp_path: Path, registry: Registry, make_standards: Callable[..., Standards]
) -> None:
    write(tmp_path, ".gitignore", "*.py\n")
    repository = tmp_path / "outer" / "repo"
    (repository / ".git").mkdir(parents=True)
    write(repository, "pkg/a.py")
    standards = make_standards(registry, tmp_path)
    assert discover_files([tmp_path], standards) == [(repository / "pkg" / "a.py").resolve()]


#: A tree of several .gitignore levels: directory patterns, anchored ones,
#: negations at a deeper level, and a nested repository that stops the parents'.
LAYERED_GITIGNORES = {
    ".gitignore": "build/\n*_gen.py\n/top_only.py\n",
    "pkg/.gitignore": "!keep_gen.py\nscratch/\n/local.py\n",
    "pkg/sub/.gitignore": "!scratch/\ndeep/*.py\n!deep/wanted.py\n",
    "pkg/sub/inner/.gitignore": "*.py\n!inner_ok.py\n",
}
LAYERED_FILES = (
    "a.py",
    "top_only.py",
    "x_gen.py",
    "build/b.py",
    "docs/top_only.py",
    "pkg/a.py",
    "pkg/keep_gen.py",
    "pkg/other_gen.py",
    "pkg/local.py",
    "pkg/scratch/s.py",
    "pkg/sub/local.py",
    "pkg/sub/keep_gen.py",
    "pkg/sub/scratch/s.py",
    "pkg/sub/deep/d.py",
    "pkg/sub/deep/wanted.py",
    "pkg/sub/deep/more/m.py",
    "pkg/sub/build/b.py",
    "pkg/sub/inner/i.py",
    "pkg/sub/inner/inner_ok.py",
    "pkg/sub/inner/z/z.py",
    "vendored/x_gen.py",
    "vendored/gen/v.py",
)


@pytest.mark.skipif(shutil.which("git") is None, reason="git decides what git ignores")
def test_layered_gitignores_leave_the_files_git_leaves(
    tmp_path: Path, found: Callable[..., list[str]]
) -> None:
    for relative, text in LAYERED_GITIGNORES.items():
        write(tmp_path, relative, text)
    for relative in LAYERED_FILES:
        write(tmp_path, relative)
    # A repository inside: git does not look into it from outside, and inside
    # it the .gitignore files above it do not apply.
    write(tmp_path, "vendored/.gitignore", "")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    subprocess.run(["git", "init", "-q", str(tmp_path / "vendored")], check=True)
    listed = subprocess.run(
        ["git", "ls-files", "--others", "--exclude-standard", "--", "*.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    inner = subprocess.run(
        ["git", "ls-files", "--others", "--exclude-standard", "--", "*.py"],
        cwd=tmp_path / "vendored",
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    expected = sorted([*listed, *(f"vendored/{name}" for name in inner)])
    assert "vendored/x_gen.py" in expected  # the outer *_gen.py does not reach inside
    assert sorted(found()) == expected
    # A file named on its own gets the same answer as in the walk.
    for relative in LAYERED_FILES:
        assert (found(relative) == [relative]) == (relative in expected), relative


def test_the_root_gitignore_is_read_even_without_git(
    tmp_path: Path, registry: Registry, make_standards: Callable[..., Standards]
) -> None:
    write(tmp_path, ".gitignore", "ignored.py\n")
    write(tmp_path, "ignored.py")
    write(tmp_path, "kept.py")
    standards = make_standards(registry, tmp_path)
    assert discover_files([tmp_path], standards) == [(tmp_path / "kept.py").resolve()]


@pytest.mark.parametrize(
    "include",
    [("*.py", "*.pyi"), ("*.py", "tools/*.txt"), ("*.txt",), ("**/*.py",)],
    ids=["suffixes", "mixed", "other-suffix", "glob"],
)
def test_include_patterns_of_suffixes_and_others_take_the_same_files(
    tmp_path: Path, found: Callable[..., list[str]], include: tuple[str, ...]
) -> None:
    names = ["a.py", "b.pyi", "c.pyc", "d.py.txt", "tools/e.txt", "tools/f.py", "g.PY", "hpy"]
    for name in names:
        write(tmp_path, name)
    spec = pathspec.GitIgnoreSpec.from_lines(include)
    expected = sorted(name for name in names if spec.match_file(name))
    assert found(include=include) == expected


@pytest.mark.skipif(not hasattr(os, "symlink") or sys.platform == "win32", reason="POSIX links")
def test_the_walk_reads_files_through_links_but_never_enters_linked_directories(
    tmp_path: Path, found: Callable[..., list[str]]
) -> None:
    write(tmp_path, "real/a.py")
    write(tmp_path, "outside/b.py")
    (tmp_path / "real" / "linked_dir").symlink_to(tmp_path / "outside", target_is_directory=True)
    (tmp_path / "real" / "linked.py").symlink_to(tmp_path / "outside" / "b.py")
    (tmp_path / "real" / "broken.py").symlink_to(tmp_path / "missing.py")
    assert found("real") == ["real/a.py", "real/linked.py"]


def test_files_are_sorted_as_paths_sort_not_as_strings(
    tmp_path: Path, found: Callable[..., list[str]]
) -> None:
    for name in ("a/z.py", "a-b/y.py", "a.py", "ab.py"):
        write(tmp_path, name)
    # As strings "a-b/" < "a.py" < "a/": paths compare part by part instead.
    assert found() == ["a/z.py", "a-b/y.py", "a.py", "ab.py"]
