"""Cascading standards files: a monorepo's subdirectories refine their parents' standards.

A standards file applies to the files under its directory, on top of the
files above it, up to the first that says ``root = true`` (or the topmost
one). The topmost file of that cascade is the run's standards file: its
directory is the root that paths are relative to, whichever subdirectory the
run starts in, so every start gives the same verdict.

Each file below the top becomes path-scoped settings, just as an
``[[overrides]]`` entry for its directory: this module finds the files and
moves their patterns to the top's directory; :mod:`standards_lint.config.standards`
validates them. A file below the top that says ``root = true`` is a nested
project: for its subtree the standards start again from the defaults and its
own file, as they do when a run starts inside it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import pathspec

from standards_lint.config.defaults import DEFAULT_EXCLUDE
from standards_lint.config.discovery import (
    PYPROJECT,
    STANDARDS_FILES,
    find_standards_file,
    read_standards_table,
    standards_file_in,
)
from standards_lint.config.errors import ConfigError


@dataclass(frozen=True, slots=True)
class CascadeFiles:
    """The standards files below the top one, parents before children.

    ``nested_roots`` are those of ``files`` that say ``root = true``: each is
    a project of its own, whose subtree the parents' standards do not reach.
    """

    files: tuple[Path, ...]
    nested_roots: frozenset[Path] = frozenset()


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
    root = str(top.parent)
    # Where a walked directory's path below the root starts (the root may be "/").
    start = len(root.rstrip(os.sep)) + 1
    skipped = pathspec.GitIgnoreSpec.from_lines([*DEFAULT_EXCLUDE, ".*_cache/", *exclude])
    files: list[Path] = []
    nested: set[Path] = set()
    # Plain strings, and the walk's own file names: a large tree has thousands
    # of directories and this runs on every check, warm or not.
    for directory, subdirectories, filenames in os.walk(root):
        relative = directory[start:].replace(os.sep, "/")
        prefix = f"{relative}/" if relative else ""
        subdirectories[:] = [
            name for name in sorted(subdirectories) if not skipped.match_file(f"{prefix}{name}/")
        ]
        if not relative or _CANDIDATES.isdisjoint(filenames):
            continue
        found = standards_file_in(Path(directory))
        if found is None:
            continue
        if says_root(found):
            nested.add(found)
        files.append(found)
    files.sort(key=lambda path: (len(path.parent.parts), path.as_posix()))
    return CascadeFiles(tuple(files), frozenset(nested))


#: The names a directory's standards file may have.
_CANDIDATES: Final = frozenset((*STANDARDS_FILES, PYPROJECT))


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
