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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from standards_lint.config.defaults import DEFAULT_EXCLUDE
from standards_lint.config.discovery import (
    PYPROJECT,
    STANDARDS_FILES,
    find_standards_file,
    read_standards_table,
    standards_file_in,
)
from standards_lint.config.errors import ConfigError
from standards_lint.config.walk_patterns import WalkExcludes


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
    skipped = WalkExcludes([*DEFAULT_EXCLUDE, *exclude])
    files: list[Path] = []
    nested: set[Path] = set()
    for directory in _directories_below(str(top.parent), skipped):
        found = standards_file_in(Path(directory))
        if found is None:
            continue
        if says_root(found):
            nested.add(found)
        files.append(found)
    files.sort(key=lambda path: (len(path.parent.parts), path.as_posix()))
    return CascadeFiles(tuple(files), frozenset(nested))


def _directories_below(root: str, skipped: WalkExcludes) -> Iterator[str]:
    """The directories below ``root`` (not itself) that hold a file a standards file may be.

    Plain strings, each directory read once with :func:`os.scandir` (whose
    entries know their type and whether they are links without a ``stat``
    call), and excludes answered by name where they can be: a large tree has
    thousands of directories and this runs on every check, warm or not.
    Links to directories are not followed.
    """
    pending = [(root, "")]
    while pending:
        directory, prefix = pending.pop()
        try:
            with os.scandir(directory) as entries:
                listed = list(entries)
        except OSError:
            continue
        if prefix and not _CANDIDATES.isdisjoint(entry.name for entry in listed):
            yield directory
        for entry in listed:
            try:
                is_directory = entry.is_dir(follow_symlinks=False)
            except OSError:
                continue
            relative = f"{prefix}{entry.name}"
            if is_directory and not skipped.excludes_directory(relative, entry.name):
                pending.append((entry.path, f"{relative}/"))


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
