"""Find the files to check: the given paths, filtered by include, exclude and .gitignore."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pathspec

from standards_lint.config.standards import DEFAULT_EXCLUDE, Standards


class MissingPathError(FileNotFoundError):
    """A path given to check does not exist."""


@dataclass(frozen=True, slots=True)
class _IgnoreFile:
    directory: Path
    spec: pathspec.GitIgnoreSpec

    def verdict(self, path: Path, is_dir: bool) -> bool | None:
        """``True`` ignored, ``False`` re-included by a negation, ``None`` not mentioned."""
        try:
            relative = path.relative_to(self.directory).as_posix()
        except ValueError:
            return None
        include: bool | None = self.spec.check_file(relative + ("/" if is_dir else "")).include
        return include


class FileFilter:
    """Decides whether a file or directory is checked, relative to the standards' root."""

    def __init__(self, standards: Standards, base: Path | None = None) -> None:
        #: Patterns are matched against paths relative to this directory.
        self.root = base or standards.root
        self.include = pathspec.GitIgnoreSpec.from_lines(standards.include)
        self.exclude = pathspec.GitIgnoreSpec.from_lines([*DEFAULT_EXCLUDE, *standards.exclude])
        self.respect_gitignore = standards.respect_gitignore
        self._ignore_files: dict[Path, _IgnoreFile | None] = {}
        # .gitignore files count from the repository's root down, even above
        # the standards file (a service's standards in a monorepo); outside a
        # repository, from the standards file's directory down.
        self._top = base or next(
            (d for d in (self.root, *self.root.parents) if (d / ".git").exists()),
            self.root,
        )

    def _relative(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix().lstrip("/")

    def _ignore_file(self, directory: Path) -> _IgnoreFile | None:
        if directory not in self._ignore_files:
            gitignore = directory / ".gitignore"
            found = None
            if gitignore.is_file():
                try:
                    lines = gitignore.read_text(encoding="utf-8", errors="replace").splitlines()
                except OSError:
                    lines = []
                found = _IgnoreFile(directory, pathspec.GitIgnoreSpec.from_lines(lines))
            self._ignore_files[directory] = found
        return self._ignore_files[directory]

    def _gitignored(self, path: Path, is_dir: bool) -> bool:
        if not self.respect_gitignore:
            return False
        # As in git, the .gitignore nearest to the file that mentions it decides.
        for directory in path.parents:
            ignore_file = self._ignore_file(directory)
            if ignore_file is not None:
                verdict = ignore_file.verdict(path, is_dir)
                if verdict is not None:
                    return verdict
            if directory == self._top or (directory / ".git").exists():
                break
        return False

    def skips_directory(self, directory: Path) -> bool:
        """Whether nothing under ``directory`` is checked."""
        relative = self._relative(directory) + "/"
        return self.exclude.match_file(relative) or self._gitignored(directory, True)

    def excludes_directory_or_parent(self, directory: Path) -> bool:
        """Whether ``directory``, or a directory between it and the root, is skipped.

        A directory outside the root counts as skipped: patterns say nothing
        about it, so its contents are filtered relative to itself.
        """
        if directory != self.root and self.root not in directory.parents:
            return True
        return any(
            self.skips_directory(candidate)
            for candidate in (directory, *directory.parents)
            if self.root in candidate.parents
        )

    def checks_file(self, path: Path) -> bool:
        """Whether ``path`` is a file to check."""
        relative = self._relative(path)
        if not self.include.match_file(relative) or self.exclude.match_file(relative):
            return False
        return not self._gitignored(path, False)


def discover_files(paths: Sequence[Path], standards: Standards) -> list[Path]:
    """Every file to check under ``paths``, absolute, sorted and without repeats.

    Raises :class:`MissingPathError` naming the first path that does not exist.
    """
    file_filter = FileFilter(standards)
    found: set[Path] = set()
    for given in paths:
        path = given.resolve()
        if not path.exists():
            raise MissingPathError(f"no such file or directory: {given}")
        if path.is_dir():
            # A directory named explicitly is checked even if it is excluded
            # (a vendored tree, a virtual environment) or outside the root:
            # its own contents are then filtered relative to it.
            walk_filter = file_filter
            if file_filter.excludes_directory_or_parent(path):
                walk_filter = FileFilter(standards, base=path)
            found.update(_walk(path, walk_filter))
        elif file_filter.checks_file(path):
            found.add(path)
    return sorted(found)


def _walk(top: Path, file_filter: FileFilter) -> Iterator[Path]:
    for directory, subdirectories, files in os.walk(top):
        here = Path(directory)
        subdirectories[:] = sorted(
            name for name in subdirectories if not file_filter.skips_directory(here / name)
        )
        for name in files:
            path = here / name
            if file_filter.checks_file(path):
                yield path
