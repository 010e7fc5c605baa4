"""Cascading standards files: a monorepo's subdirectories refine their parents' standards.

A standards file applies to the files under its directory, on top of the
files above it, up to the first that says ``root = true`` (or the topmost
one). The topmost file of that cascade is the run's standards file: its
directory is the root that paths are relative to, whichever subdirectory the
run starts in, so every start gives the same verdict.

Each file below the top becomes path-scoped settings, just as an
``[[overrides]]`` entry for its directory: this module finds the files and
moves their patterns to the top's directory; :mod:`standards_lint.config.standards`
validates them.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pathspec

from standards_lint.config.defaults import DEFAULT_EXCLUDE
from standards_lint.config.discovery import (
    find_standards_file,
    read_standards_table,
    standards_file_in,
)
from standards_lint.config.errors import ConfigError


@dataclass(frozen=True, slots=True)
class CascadeFiles:
    """The standards files below the top one, parents before children.

    ``separate_roots`` are directories whose file says ``root = true``: each
    is a project of its own, left out of a run that starts above it.
    """

    files: tuple[Path, ...]
    separate_roots: tuple[Path, ...]


def says_root(path: Path) -> bool:
    """Whether the standards file ``path`` sets ``root = true`` (unreadable files do not)."""
    try:
        return read_standards_table(path).get("root") is True
    except ConfigError:
        return False


def top_of_cascade(nearest: Path) -> Path:
    """The file at the top of the cascade that ``nearest`` belongs to."""
    current = nearest
    while not says_root(current):
        parent = current.parent.parent
        if parent == current.parent:
            return current
        above = find_standards_file(parent)
        if above is None:
            return current
        current = above
    return current


def files_below(top: Path, exclude: Sequence[str]) -> CascadeFiles:
    """The cascading standards files under ``top``'s directory, outside ``exclude``."""
    root = top.parent
    skipped = pathspec.GitIgnoreSpec.from_lines([*DEFAULT_EXCLUDE, ".*_cache/", *exclude])
    files: list[Path] = []
    separate: list[Path] = []
    for directory, subdirectories, _ in os.walk(root):
        here = Path(directory)
        relative = here.relative_to(root).as_posix()
        kept = []
        for name in sorted(subdirectories):
            below = f"{name}/" if relative == "." else f"{relative}/{name}/"
            if not skipped.match_file(below):
                kept.append(name)
        subdirectories[:] = kept
        if here == root:
            continue
        found = standards_file_in(here)
        if found is None:
            continue
        if says_root(found):
            separate.append(here)
            subdirectories.clear()
            continue
        files.append(found)
    files.sort(key=lambda path: (len(path.parent.parts), path.as_posix()))
    return CascadeFiles(tuple(files), tuple(sorted(separate)))


def reroot(pattern: str, directory: str) -> str:
    """A gitignore-style ``pattern`` written in ``directory`` (relative to the top), from the top.

    As for a nested ``.gitignore``: a pattern with a ``/`` other than at its
    end is anchored to the directory it is written in; one without matches at
    any depth below it.
    """
    negated = pattern.startswith("!")
    body = pattern[1:] if negated else pattern
    if body.startswith("/"):
        body = body[1:]
    elif "/" not in body.rstrip("/"):
        body = f"**/{body}"
    return ("!" if negated else "") + f"/{directory}/{body}"
