"""Exclude patterns answered by name agree with gitignore's matching during a walk."""

from __future__ import annotations

import pathspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from standards_lint.config.defaults import DEFAULT_EXCLUDE
from standards_lint.config.walk_patterns import WalkExcludes

_NAMES = st.sampled_from(["a", "b", "build", "x.py", ".git", "a.egg-info", "ab", "b.py", "?"])
_PIECES = st.sampled_from(
    ["a", "b", "build", "*", "?", ".py", "*.py", "**", "/", "[ab]", "\\*", "#", "!", " ", ".git"]
)
_PATTERNS = st.lists(st.lists(_PIECES, min_size=1, max_size=4).map("".join), max_size=5)
_PATHS = st.lists(_NAMES, min_size=1, max_size=4)


@pytest.mark.parametrize(
    ("relative", "is_dir", "excluded"),
    [
        ("build", True, True),
        ("src/build", True, True),
        ("build", False, False),
        ("pkg/x.egg-info", True, True),
        ("pkg/egg-info", True, False),
        ("src/app.py", False, False),
        (".git", True, True),
        (".standards-lint-cache", True, True),
    ],
)
def test_the_default_excludes_by_name(relative: str, is_dir: bool, excluded: bool) -> None:
    excludes = WalkExcludes(DEFAULT_EXCLUDE)
    name = relative.rsplit("/", 1)[-1]
    ask = excludes.excludes_directory if is_dir else excludes.excludes_file
    assert ask(relative, name) is excluded


def test_a_pattern_with_a_slash_is_matched_on_the_path() -> None:
    excludes = WalkExcludes(["docs/*.py", "/top/"])
    assert excludes.excludes_file("docs/conf.py", "conf.py")
    assert not excludes.excludes_file("src/docs/conf.py", "conf.py")
    assert excludes.excludes_directory("top", "top")
    assert not excludes.excludes_directory("src/top", "top")


def test_a_negation_keeps_the_order_of_patterns() -> None:
    excludes = WalkExcludes(["*.py", "!keep.py"])
    assert excludes.excludes_file("src/drop.py", "drop.py")
    assert not excludes.excludes_file("src/keep.py", "keep.py")


@settings(max_examples=400, deadline=None)
@given(patterns=_PATTERNS, parts=_PATHS, is_dir=st.booleans())
def test_agrees_with_gitignore_below_walked_directories(
    patterns: list[str], parts: list[str], is_dir: bool
) -> None:
    try:
        spec = pathspec.GitIgnoreSpec.from_lines(patterns)
    except ValueError:
        return  # patterns gitignore itself refuses are refused before any walk
    # A walk reaches a path only through directories it did not exclude.
    if any(spec.match_file("/".join(parts[:depth]) + "/") for depth in range(1, len(parts))):
        return
    relative = "/".join(parts)
    excludes = WalkExcludes(patterns)
    if is_dir:
        assert excludes.excludes_directory(relative, parts[-1]) == spec.match_file(relative + "/")
    else:
        assert excludes.excludes_file(relative, parts[-1]) == spec.match_file(relative)
