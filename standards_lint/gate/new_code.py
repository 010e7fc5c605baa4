"""The new-code stage: report only what a change touched.

A violation is kept when its place changed. Its place is the function or class
whose header it is reported at (a complexity, length or docstring finding is
about the whole definition, so any changed line of the definition keeps it),
or otherwise the lines of its own span. Findings against the standards file
(project figures) and the tool's own problems are always kept.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from standards_lint.engine_rules import (
    FileTooLargeRule,
    InternalErrorRule,
    SyntaxErrorRule,
    UndecodableFileRule,
    UnsupportedSyntaxRule,
)
from standards_lint.gate.diff import RepositoryChanges
from standards_lint.model import Definition, FileResult, Violation

__all__ = ["NewCodeOutcome", "changed_lines_by_display", "keep_new_code"]

#: The tool's problems with a file are news wherever they are: nothing else was checked there.
ALWAYS_KEPT = frozenset(
    rule.code
    for rule in (
        SyntaxErrorRule,
        InternalErrorRule,
        UndecodableFileRule,
        UnsupportedSyntaxRule,
        FileTooLargeRule,
    )
)


@dataclass(frozen=True, slots=True)
class NewCodeOutcome:
    """The violations on changed code, and how many others the stage held back."""

    violations: tuple[Violation, ...]
    hidden: int


def changed_lines_by_display(
    files: Iterable[tuple[Path, FileResult]], changes: RepositoryChanges
) -> dict[str, frozenset[int]]:
    """The changed lines of each checked file that has some, by the file's display path."""
    by_display = {}
    for path, result in files:
        lines = changes.lines_of(path)
        if lines:
            by_display[result.path] = lines
    return by_display


def keep_new_code(
    violations: Sequence[Violation],
    definitions: Mapping[str, Sequence[Definition]],
    changed_lines: Mapping[str, frozenset[int]],
    standards_display_path: str,
) -> NewCodeOutcome:
    """Keep the violations on changed code, in their order.

    ``definitions`` and ``changed_lines`` are by display path; a file missing
    from ``changed_lines`` did not change.
    """
    places = {path: _DefinitionIndex(found) for path, found in definitions.items()}
    sorted_lines = {path: sorted(lines) for path, lines in changed_lines.items()}
    kept = []
    for violation in violations:
        if violation.rule in ALWAYS_KEPT or violation.path == standards_display_path:
            kept.append(violation)
            continue
        lines = sorted_lines.get(violation.path)
        if not lines:
            continue
        first, last = violation.span.line, violation.span.end_line
        index = places.get(violation.path)
        definition = index.header_at(first) if index is not None else None
        if definition is not None:
            first, last = definition.start_line, definition.end_line
        if _any_between(lines, first, last):
            kept.append(violation)
    return NewCodeOutcome(tuple(kept), len(violations) - len(kept))


class _DefinitionIndex:
    """A file's definitions, to find the one whose header holds a line."""

    def __init__(self, definitions: Sequence[Definition]) -> None:
        self._definitions = sorted(definitions, key=lambda definition: definition.start_line)
        self._starts = [definition.start_line for definition in self._definitions]

    def header_at(self, line: int) -> Definition | None:
        """The definition whose decorators or signature span ``line``, if any."""
        # Headers never overlap, and a definition starts after the one that
        # encloses it, so only the last definition starting at or before the
        # line can have it in its header.
        position = bisect.bisect_right(self._starts, line) - 1
        if position < 0:
            return None
        definition = self._definitions[position]
        # A one-line definition (``def f(): pass``) has its body on its header line.
        header_end = max(definition.line, definition.body_line - 1)
        return definition if line <= header_end else None


def _any_between(sorted_lines: Sequence[int], first: int, last: int) -> bool:
    """Whether some line of ``sorted_lines`` lies in ``first..last``."""
    position = bisect.bisect_left(sorted_lines, first)
    return position < len(sorted_lines) and sorted_lines[position] <= max(first, last)
