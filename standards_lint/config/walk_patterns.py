"""Exclude patterns answered by name, for a walk that prunes what they exclude.

Most exclude patterns name a file or directory at any depth (``build/``,
``__pycache__/``, ``*.egg-info/``): they contain no ``/`` but a trailing one.
While walking a tree, whose excluded directories are never entered, such a
pattern can only match the entry itself, so one regular expression over the
entry's name answers for all of them at once instead of one match per
pattern and path. The other patterns (with a ``/``, ``**``, a character
class or an escape) are matched on the relative path as gitignore matches
them. Negated patterns (``!keep/``) make the order of patterns matter; with
one of them, every question goes to the gitignore matcher.

The answers are those of :class:`pathspec.GitIgnoreSpec` for paths whose
parent directories are not excluded, as the tests check on generated
patterns and paths.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    import pathspec
else:
    from standards_lint.lazy_pathspec import pathspec


#: Characters that make a pattern more than a name glob.
_NOT_A_NAME: Final = frozenset("/[\\")


def _name_regex(pattern: str) -> str:
    """The regular expression of a name glob (``*`` and ``?`` within one name)."""
    parts = []
    for character in pattern:
        if character == "*":
            parts.append("[^/]*")
        elif character == "?":
            parts.append("[^/]")
        else:
            parts.append(re.escape(character))
    return "".join(parts)


def _either(regexes: Sequence[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{regex})" for regex in regexes)) if regexes else None


class WalkExcludes:
    """Whether a walked directory or file is excluded, its parents being walked."""

    def __init__(self, lines: Sequence[str]) -> None:
        self._lines = tuple(lines)
        directory_names: list[str] = []
        any_names: list[str] = []
        others: list[str] = []
        self._in_order = False
        for line in lines:
            pattern = line.rstrip(" ")
            if not pattern or pattern.startswith("#"):
                continue
            if pattern.startswith("!"):
                self._in_order = True
                break
            only_directories = pattern.endswith("/")
            name = pattern[:-1] if only_directories else pattern
            if not name or "**" in name or _NOT_A_NAME.intersection(name):
                others.append(line)
            elif only_directories:
                directory_names.append(_name_regex(name))
            else:
                any_names.append(_name_regex(name))
        self._directory_names = _either([*directory_names, *any_names])
        self._file_names = _either(any_names)
        self._others = pathspec.GitIgnoreSpec.from_lines(others) if others else None

    @functools.cached_property
    def spec(self) -> pathspec.GitIgnoreSpec:
        """The patterns as gitignore matches them, for any path (built when first needed)."""
        return pathspec.GitIgnoreSpec.from_lines(self._lines)

    def excludes_directory(self, relative: str, name: str) -> bool:
        """Whether the directory ``name``, at ``relative`` (no trailing ``/``), is excluded."""
        if self._in_order:
            return self.spec.match_file(relative + "/")
        names = self._directory_names
        if names is not None and names.fullmatch(name):
            return True
        return self._others is not None and self._others.match_file(relative + "/")

    def excludes_file(self, relative: str, name: str) -> bool:
        """Whether the file ``name``, at ``relative``, is excluded."""
        if self._in_order:
            return self.spec.match_file(relative)
        names = self._file_names
        if names is not None and names.fullmatch(name):
            return True
        return self._others is not None and self._others.match_file(relative)
