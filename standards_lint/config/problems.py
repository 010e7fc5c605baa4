"""Problems of a standards file, each at the line and column of the key it is about.

Validation describes a problem as text that starts with the file and the way
to the key, segment by segment: ``standards.toml: [[overrides]] #2: [style]:
max-line-length: expected an integer``. :func:`locate_problems` reads that
way back as a key path, finds the key in the file's text and renders the
problem as ``standards.toml:14:1: [[overrides]] #2: [style]: max-line-length:
expected an integer`` (compilers' and editors' form), keeping the wording.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from standards_lint.config.discovery import PYPROJECT, PYPROJECT_TABLE
from standards_lint.config.locate import KeyPath, KeyPositions, Position

_HEADER: Final = re.compile(r"^\[\[?([A-Za-z0-9_.-]+)\]\]?(?: #(\d+))?$")
_KEY: Final = re.compile(r"^([A-Za-z0-9_-]+)((?:\[\d+\])*)(?:\.(.+))?$")
_INDEX: Final = re.compile(r"\[(\d+)\]")
_LEADING_HEADER: Final = re.compile(r"^\[([A-Za-z0-9_.-]+)\] ")
_LEADING_WORD: Final = re.compile(r"^([A-Za-z0-9_-]+) ")
_UNKNOWN_KEY: Final = re.compile(r"^unknown key (['\"])(.*?)\1")
_QUOTED_KEY: Final = re.compile(r"^`([A-Za-z0-9_-]+)`")
_UNKNOWN_TABLE: Final = re.compile(r"^unknown table \[([^\]]+)\]")
_QUOTED_VALUE: Final = re.compile(r"'([^']*)'")
_TOML_FILE: Final = re.compile(r"^(\S[^:]*?\.toml): ")
_TOML_ERROR_AT: Final = re.compile(r"\(at line (\d+), column (\d+)\)")


@dataclass(frozen=True, slots=True)
class Problem:
    """One mistake: the file, the key path in the standards table, the message.

    ``message`` keeps validation's wording, the way to the key included;
    ``position`` is where the key (or its nearest enclosing table) is written.
    """

    file: str | None
    key_path: KeyPath
    message: str
    position: Position | None = None

    def render(self) -> str:
        """``file:LINE:COL: message``, or less where the file or position is unknown."""
        if self.file is None:
            return self.message
        if self.position is None:
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.position.line}:{self.position.column}: {self.message}"


def parse_problem(text: str, files: Iterable[Path]) -> Problem:
    """Read ``text`` back as a :class:`Problem` about one of ``files`` (or about none)."""
    for file in sorted((str(path) for path in files), key=len, reverse=True):
        if text.startswith(f"{file}: "):
            message = text[len(file) + 2 :]
            return Problem(file, _key_path(message), message)
    # A file that could not be read (broken TOML in a base) is not among ``files``.
    named = _TOML_FILE.match(text)
    if named is not None:
        return Problem(named.group(1), (), text[named.end() :])
    return Problem(None, (), text)


def locate_problems(texts: Iterable[str], files: Iterable[Path]) -> tuple[Problem, ...]:
    """Each problem of ``texts`` about one of ``files``, at the position of its key."""
    known = list(files)
    documents: dict[str, KeyPositions | None] = {}
    located = []
    for text in texts:
        problem = parse_problem(text, known)
        if problem.file is not None:
            if problem.file not in documents:
                documents[problem.file] = _read_positions(Path(problem.file))
            problem = _at_position(problem, documents[problem.file])
        located.append(problem)
    return tuple(located)


def _read_positions(path: Path) -> KeyPositions | None:
    try:
        return KeyPositions(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, IndexError):
        return None


def _at_position(problem: Problem, positions: KeyPositions | None) -> Problem:
    toml_error = _TOML_ERROR_AT.search(problem.message)
    if toml_error is not None:
        position = Position(int(toml_error.group(1)), int(toml_error.group(2)))
        return Problem(problem.file, (), problem.message, position)
    if problem.file is not None and "(at end of document)" in problem.message:
        return Problem(problem.file, (), problem.message, _end_of(Path(problem.file)))
    if positions is None:
        return problem
    table: KeyPath = ()
    if Path(str(problem.file)).name == PYPROJECT and not problem.message.startswith(
        "unknown table"
    ):
        table = PYPROJECT_TABLE
    path = _refine((*table, *problem.key_path), problem.message, positions)
    return Problem(problem.file, problem.key_path, problem.message, positions.locate(path))


def _refine(path: KeyPath, message: str, positions: KeyPositions) -> KeyPath:
    """``path`` made more precise by what the message names: a key or an array item."""
    rest = message.rsplit(": ", 1)[-1]
    leading = _LEADING_WORD.match(rest)
    if leading is not None and positions.has((*path, leading.group(1))):
        return (*path, leading.group(1))
    for quoted in _QUOTED_VALUE.findall(rest):
        index = positions.item_with_value(path, quoted)
        if index is not None:
            return (*path, index)
    return path


def _key_path(message: str) -> KeyPath:
    """The key path that the leading segments of ``message`` spell out."""
    path: KeyPath = ()
    for segment in message.split(": "):
        steps = _segment_steps(segment)
        if steps is None:
            return (*path, *_steps_in_words(segment))
        path = (*path, *steps)
    return path


def _segment_steps(segment: str) -> KeyPath | None:
    """The steps of one segment that is only a way to a key, or None."""
    header = _HEADER.match(segment)
    if header is not None:
        steps: KeyPath = tuple(header.group(1).split("."))
        number = header.group(2)
        return steps if number is None else (*steps, int(number) - 1)
    key = _KEY.match(segment)
    if key is None:
        return None
    indices = tuple(int(index) for index in _INDEX.findall(key.group(2)))
    inner = () if key.group(3) is None else (key.group(3),)
    return (key.group(1), *indices, *inner)


def _steps_in_words(words: str) -> KeyPath:
    """The key that the words of a message name first: ``unknown key 'x'``, ``[style] must``."""
    unknown = _UNKNOWN_KEY.match(words)
    if unknown is not None:
        return (unknown.group(2),)
    table = _UNKNOWN_TABLE.match(words)
    if table is not None:
        return tuple(table.group(1).split("."))
    for pattern in (_QUOTED_KEY, _LEADING_HEADER):
        found = pattern.match(words)
        if found is not None:
            return tuple(found.group(1).split("."))
    return ()


def _end_of(path: Path) -> Position | None:
    """Where a file's text ends: the TOML parser's "end of document"."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines() or [""]
    except OSError:
        return None
    return Position(len(lines), len(lines[-1]) + 1)
