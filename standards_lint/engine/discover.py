"""Find the files to check: the given paths, filtered by include, exclude and .gitignore.

What a path named on the command line means:

- A directory is checked even when the standards exclude it or it lies
  outside the standards' root (a vendored tree, a sibling project); what is
  below it is filtered by ``include``, ``exclude`` and ``.gitignore`` as seen
  from that directory.
- A file inside the root is checked only if the standards would check it in a
  whole-project run, so that a pre-commit hook, which names staged files, and
  CI, which checks the project, agree. A file filtered away this way is not
  silent: it is returned as a :class:`SkippedPath` with the reason.
- A file outside the root is filtered as seen from its own directory, the way
  a directory outside the root is.
- Only regular files are read (a FIFO or a device would block or never end);
  anything else named explicitly is skipped with that reason.
"""

from __future__ import annotations

import errno
import functools
import os
import re
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Final

from standards_lint.config.defaults import DEFAULT_EXCLUDE
from standards_lint.config.standards import Standards
from standards_lint.config.walk_patterns import WalkExcludes

if TYPE_CHECKING:
    import pathspec
else:
    from standards_lint.lazy_pathspec import pathspec


class PathProblemError(OSError):
    """A path given to check cannot be used: missing, unreadable, or a symlink loop."""


class MissingPathError(PathProblemError, FileNotFoundError):
    """A path given to check does not exist."""


@dataclass(frozen=True, slots=True)
class SkippedPath:
    """A path that was named, or met while walking, and is not checked: why not."""

    path: Path
    reason: str


@dataclass(frozen=True, slots=True)
class Discovery:
    """The files to check (absolute, sorted) and the paths skipped on the way."""

    files: list[Path]
    skipped: list[SkippedPath] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _IgnoreFile:
    """A ``.gitignore`` file: its directory and its patterns."""

    directory: Path
    spec: pathspec.GitIgnoreSpec


def _prefix(directory: Path, top: Path) -> str:
    """``directory`` relative to ``top`` (at or above it), as a prefix of names: ``a/b/``."""
    relative = directory.relative_to(top).as_posix()
    return "" if relative == "." else f"{relative}/"


#: The names in a directory that decide which ``.gitignore`` files apply.
_GIT_NAMES: Final = frozenset((".git", ".gitignore"))
_SUFFIX_PATTERN: Final = re.compile(r"\*\.[A-Za-z0-9_]+")


class FileFilter:
    """Decides whether a file or directory is checked, relative to the standards' root."""

    def __init__(self, standards: Standards, base: Path | None = None) -> None:
        #: Patterns are matched against paths relative to this directory.
        self.root = base or standards.root
        self._include_lines = standards.include
        #: When every include pattern is ``*.ext`` (as by default), a file is
        #: included exactly when its name ends with one of the suffixes: a
        #: string test instead of a pattern match for every file of the tree.
        self._include_suffixes: tuple[str, ...] | None = None
        if standards.include and all(_SUFFIX_PATTERN.fullmatch(p) for p in standards.include):
            self._include_suffixes = tuple(pattern[1:] for pattern in standards.include)
        self._walk_excludes = WalkExcludes([*DEFAULT_EXCLUDE, *standards.exclude])
        self.respect_gitignore = standards.respect_gitignore
        self._ignore_files: dict[Path, _IgnoreFile | None] = {}
        self._chains: dict[Path, tuple[_IgnoreFile, ...]] = {}
        self._marks: dict[str, frozenset[str]] = {}
        self._walked_rules: dict[str, tuple[tuple[pathspec.GitIgnoreSpec, str], ...]] = {}
        # .gitignore files count from the repository's root down, even above
        # the standards file (a service's standards in a monorepo); outside a
        # repository, from the standards file's directory down.
        self._top = base or next(
            (d for d in (self.root, *self.root.parents) if (d / ".git").exists()),
            self.root,
        )
        self._top_key = str(self._top)

    @functools.cached_property
    def include(self) -> pathspec.GitIgnoreSpec:
        """The include patterns as gitignore matches them (built when first needed)."""
        return pathspec.GitIgnoreSpec.from_lines(self._include_lines)

    @property
    def exclude(self) -> pathspec.GitIgnoreSpec:
        """The exclude patterns (the defaults' too) as gitignore matches them."""
        return self._walk_excludes.spec

    def relative(self, path: Path) -> str:
        """``path`` relative to the directory patterns are relative to, with ``/`` ('' for it)."""
        try:
            relative = path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix().lstrip("/")
        return "" if relative == "." else relative

    def saw_directory(self, directory: str, names: Iterable[str]) -> None:
        """Note which of the names that matter to ``.gitignore`` a walk found in ``directory``.

        A directory known to hold no ``.gitignore`` or ``.git`` is not asked
        again with a ``stat`` call.
        """
        self._marks[directory] = _GIT_NAMES.intersection(names)

    def _may_hold(self, directory: Path, name: str) -> bool:
        marks = self._marks.get(str(directory))
        return marks is None or name in marks

    def _ignore_file(self, directory: Path) -> _IgnoreFile | None:
        if directory not in self._ignore_files:
            gitignore = directory / ".gitignore"
            found = None
            if self._may_hold(directory, ".gitignore") and gitignore.is_file():
                try:
                    lines = gitignore.read_text(encoding="utf-8", errors="replace").splitlines()
                except OSError:
                    lines = []
                found = _IgnoreFile(directory, pathspec.GitIgnoreSpec.from_lines(lines))
            self._ignore_files[directory] = found
        return self._ignore_files[directory]

    def _chain(self, directory: Path) -> tuple[_IgnoreFile, ...]:
        """The ``.gitignore`` files that speak for what is in ``directory``, nearest first.

        Remembered per directory: every file of a directory shares its chain,
        so the walk up to the repository's root is made once per directory.
        """
        chain = self._chains.get(directory)
        if chain is None:
            own = self._ignore_file(directory)
            here = (own,) if own is not None else ()
            at_top = directory == self._top or (
                self._may_hold(directory, ".git") and (directory / ".git").exists()
            )
            if at_top or directory.parent == directory:
                chain = here
            else:
                chain = here + self._chain(directory.parent)
            self._chains[directory] = chain
        return chain

    def _gitignored(self, path: Path, is_dir: bool) -> bool:
        return self._gitignored_in(path.parent, path.name, is_dir)

    def skips_directory(self, directory: Path) -> bool:
        """Whether ``directory`` itself is excluded or ignored (see :meth:`skips_walked_entry`)."""
        return self.skips_walked_entry(directory.parent, directory.name, self.relative(directory))

    def skips_walked_entry(self, parent: Path | str, name: str, relative: str) -> bool:
        """Whether the directory ``name`` in ``parent``, at ``relative``, is skipped.

        Only the directory itself is asked about, as in a walk, which never
        enters a skipped directory: whether one above it is skipped is the
        caller's question (:meth:`excludes_directory_or_parent` asks it of
        each). ``parent`` may be given as a string.
        """
        return self._walk_excludes.excludes_directory(relative, name) or (
            self.respect_gitignore and self._gitignored_in(parent, name, True)
        )

    def takes_walked_file(self, directory: Path | str, name: str, relative: str) -> bool:
        """Whether file ``name`` in ``directory``, at ``relative``, is checked, met in a walk.

        As for :meth:`skips_walked_entry`, the directories above it are taken
        not to be skipped; ``directory`` may be given as a string.
        """
        suffixes = self._include_suffixes
        included = name.endswith(suffixes) if suffixes else self.include.match_file(relative)
        if not included or self._walk_excludes.excludes_file(relative, name):
            return False
        return not (self.respect_gitignore and self._gitignored_in(directory, name, False))

    def _gitignored_in(self, directory: Path | str, name: str, is_dir: bool) -> bool:
        """Whether ``name`` in ``directory`` is ignored by the ``.gitignore`` files."""
        if not self.respect_gitignore:
            return False
        key = str(directory)
        rules = self._walked_rules.get(key)
        if rules is None:
            rules = self._rules_from_parent(key)
            if rules is None:
                # Each .gitignore of the chain, with where ``directory`` is from it.
                here = Path(directory)
                rules = tuple(
                    (ignore.spec, _prefix(here, ignore.directory)) for ignore in self._chain(here)
                )
            self._walked_rules[key] = rules
        suffix = "/" if is_dir else ""
        # As in git, the .gitignore nearest to the file that mentions it decides.
        for spec, prefix in rules:
            include: bool | None = spec.check_file(f"{prefix}{name}{suffix}").include
            if include is not None:
                return include
        return False

    def _rules_from_parent(self, key: str) -> tuple[tuple[pathspec.GitIgnoreSpec, str], ...] | None:
        """The ``.gitignore`` rules of walked directory ``key``, from its walked parent's.

        A walk asks about a directory's entries only after those of its
        parent, so the parent's rules are known: each is the child's with the
        child's name added to where it is from, and the child's own file (if
        the walk saw one) comes first. ``None`` when the walk did not see
        the directory or its parent (the walk's top), or the directory is
        the top of the ``.gitignore`` files: then the chain is looked up.
        """
        marks = self._marks.get(key)
        parent, name = os.path.split(key)
        inherited = self._walked_rules.get(parent)
        if marks is None or inherited is None or key == self._top_key:
            return None
        own: tuple[tuple[pathspec.GitIgnoreSpec, str], ...] = ()
        if ".gitignore" in marks:
            ignore = self._ignore_file(Path(key))
            if ignore is not None:
                own = ((ignore.spec, ""),)
        if ".git" in marks:
            return own  # a repository's root: no file above it speaks for what is here
        return own + tuple((spec, f"{prefix}{name}/") for spec, prefix in inherited)

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
        return self.why_not_checked(path) is None

    def why_not_checked(self, path: Path) -> str | None:
        """Why ``path`` is not a file to check, or ``None`` if it is."""
        relative = self.relative(path)
        if not self.include.match_file(relative):
            return f"not matched by include ({', '.join(self.include_patterns)})"
        if self.exclude.match_file(relative):
            return "excluded by the standards' exclude (or a default exclude)"
        if self._gitignored(path, False):
            return "ignored by .gitignore"
        return None

    @property
    def include_patterns(self) -> list[str]:
        """The include patterns, as written."""
        return [str(pattern.pattern) for pattern in self.include.patterns if pattern.pattern]

    def contains(self, path: Path) -> bool:
        """Whether ``path`` is at or below the directory patterns are relative to."""
        return path == self.root or self.root in path.parents


def discover_files(paths: Sequence[Path], standards: Standards) -> list[Path]:
    """Every file to check under ``paths``, absolute, sorted and without repeats.

    Raises :class:`PathProblemError` (:class:`MissingPathError` for a path
    that does not exist) naming the first path that cannot be used.
    """
    return find_files(paths, standards).files


def find_files(paths: Sequence[Path], standards: Standards) -> Discovery:
    """The files to check under ``paths``, and what was skipped and why.

    Raises :class:`PathProblemError` naming the first path that cannot be used.
    """
    file_filter = FileFilter(standards)
    walked: set[str] = set()
    found: set[Path] = set()
    skipped: list[SkippedPath] = []
    for given in paths:
        path = _usable(given)
        if path.is_dir():
            walk_filter = file_filter
            if file_filter.excludes_directory_or_parent(path):
                walk_filter = FileFilter(standards, base=path)
            walked.update(_walk(path, walk_filter, skipped))
            continue
        if not _is_regular_file(path):
            skipped.append(SkippedPath(given, "not a regular file"))
            continue
        own_filter = file_filter
        if not file_filter.contains(path):
            own_filter = FileFilter(standards, base=path.parent)
        reason = own_filter.why_not_checked(path)
        if reason is None:
            found.add(path)
        else:
            skipped.append(SkippedPath(given, reason))
    # Sorted as paths sort (by their parts), without comparing Path objects.
    found.update(map(Path, walked))
    return Discovery(sorted(found, key=_parts), skipped)


def _parts(path: Path) -> list[str]:
    return str(path).split(os.sep)


def _usable(given: Path) -> Path:
    """``given`` resolved, or a :class:`PathProblemError` saying why it cannot be used."""
    try:
        path = given.resolve()
        path.stat()
    except FileNotFoundError:
        raise MissingPathError(f"no such file or directory: {given}") from None
    except RuntimeError:
        # Path.resolve reports a symlink loop this way before Python 3.13.
        raise PathProblemError(f"cannot follow {given}: a loop of symbolic links") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise PathProblemError(f"cannot follow {given}: a loop of symbolic links") from None
        if error.errno == errno.ENOENT:
            raise MissingPathError(f"no such file or directory: {given}") from None
        raise PathProblemError(f"cannot access {given}: {error.strerror}") from None
    return path


def _is_regular_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def _walk(top: Path, file_filter: FileFilter, skipped: list[SkippedPath]) -> Iterator[str]:
    """The paths (as strings) of the files to check below ``top``, in no particular order.

    Directories are read with :func:`os.scandir`, whose entries know their type
    without a ``stat`` call; symbolic links to directories are not followed
    (a link to a file is, as the file is read through it). Relative paths are
    built as strings: a large tree has tens of thousands of files, most of
    which (data, locale files) the include patterns turn away at once.
    """
    relative_top = file_filter.relative(top)
    pending = [(str(top), f"{relative_top}/" if relative_top else "")]
    while pending:
        directory, prefix = pending.pop()
        try:
            with os.scandir(directory) as entries:
                listed = list(entries)
        except OSError as error:
            where = Path(error.filename) if error.filename else top
            skipped.append(SkippedPath(where, f"cannot read the directory: {error.strerror}"))
            continue
        if file_filter.respect_gitignore:
            file_filter.saw_directory(directory, (entry.name for entry in listed))
        for entry in listed:
            name = entry.name
            relative = f"{prefix}{name}"
            if _is_directory(entry):
                if not entry.is_symlink() and not file_filter.skips_walked_entry(
                    directory, name, relative
                ):
                    pending.append((entry.path, f"{relative}/"))
            elif file_filter.takes_walked_file(directory, name, relative) and _is_file(entry):
                yield entry.path


def _is_directory(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _is_file(entry: os.DirEntry[str]) -> bool:
    """Whether ``entry`` is a regular file (through a symbolic link too)."""
    try:
        return entry.is_file()
    except OSError:
        return False
