"""The per-file fact that tells whether coverage data still fit a file.

Coverage data name lines, not text, so data measured on another version of a
file do not say so. What they can contradict is the file's shape: a recorded
line beyond its last line, or on a line where no statement can start (blank,
or only a comment), was measured on something else. This fact records that
shape, cached with the file like any other fact.

A change that keeps every recorded line on code (an edited expression, a line
added at the end) is not detected: the data hold nothing more to compare.
"""

from __future__ import annotations

from dataclasses import dataclass

from standards_lint.source import SourceFile

from .options import CoverageOptions

SHAPE_FACT = "coverage.file-shape"


@dataclass(frozen=True, slots=True)
class FileShape:
    """A file's number of lines and the lines on which no statement can start."""

    line_count: int
    #: Blank and comment-only lines, as ``(first, last)`` runs.
    blank_runs: tuple[tuple[int, int], ...]

    def cannot_hold_statement(self, line: int) -> bool:
        """Whether ``line`` is beyond the end, or blank or only a comment."""
        if line > self.line_count:
            return True
        return any(first <= line <= last for first, last in self.blank_runs)


def collect_shape(source: SourceFile, options: CoverageOptions) -> FileShape:
    """The file's shape (its line breaks counted as Python counts them)."""
    del options  # the shape does not depend on the thresholds
    runs: list[tuple[int, int]] = []
    for number, text in enumerate(source.lines, start=1):
        stripped = text.strip(" \t\f")
        if stripped and not stripped.startswith("#"):
            continue
        if runs and runs[-1][1] == number - 1:
            runs[-1] = (runs[-1][0], number)
        else:
            runs.append((number, number))
    return FileShape(len(source.lines), tuple(runs))
