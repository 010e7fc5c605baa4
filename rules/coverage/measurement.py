"""What coverage data says, whatever format it came in: plain, frozen data.

The figures are coverage.py's: a file's coverage is its covered lines plus
covered branches over its statements plus branches, and the total adds the
files' counts up before dividing (coverage.py's ``Numbers``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Tally:
    """Counts of statements and branches, and how many of each were covered."""

    statements: int = 0
    covered_lines: int = 0
    branches: int = 0
    covered_branches: int = 0

    def __add__(self, other: Tally) -> Tally:
        """Both tallies together."""
        return Tally(
            self.statements + other.statements,
            self.covered_lines + other.covered_lines,
            self.branches + other.branches,
            self.covered_branches + other.covered_branches,
        )

    @property
    def percent(self) -> float:
        """coverage.py's figure: covered lines and branches over lines and branches; 100 if none."""
        measured = self.statements + self.branches
        if measured == 0:
            return 100.0
        return (self.covered_lines + self.covered_branches) / measured * 100

    @property
    def line_percent(self) -> float:
        """Covered statements over statements, in percent; 100 if none."""
        return 100.0 if self.statements == 0 else self.covered_lines / self.statements * 100

    @property
    def branch_percent(self) -> float:
        """Covered branches over branches, in percent; 100 if none."""
        return 100.0 if self.branches == 0 else self.covered_branches / self.branches * 100

    def describe(self, has_branches: bool) -> str:
        """The counts behind the figure: ``905 of 938 lines and 281 of 314 branches covered``."""
        lines = f"{self.covered_lines} of {self.statements} lines"
        if not has_branches:
            return f"{lines} covered"
        return f"{lines} and {self.covered_branches} of {self.branches} branches covered"


def total(tallies: Iterable[Tally]) -> Tally:
    """Add tallies up."""
    return sum(tallies, Tally())


@dataclass(frozen=True, slots=True)
class MeasuredFile:
    """One measured file.

    ``path`` is relative to the standards' root, with ``/``, when the file is
    below it, else absolute. ``executed`` holds the lines the data recorded as
    run, which may include lines that are not statements now if the file
    changed since it was measured.
    """

    path: str
    statements: frozenset[int]
    missing: frozenset[int]
    executed: frozenset[int]
    tally: Tally
    #: Whether the file is still where it was measured.
    exists: bool = True


@dataclass(frozen=True, slots=True)
class Measurement:
    """Every measured file of one data file, in path order."""

    #: The data file, relative to the standards' root when below it.
    source: str
    files: tuple[MeasuredFile, ...]
    has_branches: bool
    #: The format it was read from: "coverage.py data", "JSON report", "Cobertura XML".
    data_format: str = ""
    by_path: dict[str, MeasuredFile] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        """Index the files by path."""
        object.__setattr__(self, "by_path", {file.path: file for file in self.files})

    @property
    def tally(self) -> Tally:
        """The counts of every measured file together: coverage.py's TOTAL."""
        return total(file.tally for file in self.files)
