"""Fix the files of a report: the step between ``check``'s first run and its final verdict."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from standards_lint.config import Standards
from standards_lint.engine.reading import FileTooLargeError, NotReadableError, read_source_bytes
from standards_lint.fixing.edits import fixable
from standards_lint.fixing.session import (
    FileFixes,
    files_to_fix,
    fix_source,
    fixed_counts,
    write_fixes,
)
from standards_lint.gate.baseline import Baseline
from standards_lint.gate.diff import RepositoryChanges
from standards_lint.model import FixSafety, Report


@dataclass(frozen=True, slots=True)
class FixOutcome:
    """What a fixing pass over a report's files did (or, for a preview, would do)."""

    files: tuple[FileFixes, ...]
    #: Files that could not be read again to be fixed, with the reason.
    unreadable: tuple[tuple[str, str], ...] = ()

    @property
    def changed(self) -> tuple[FileFixes, ...]:
        """The files that fixing changes."""
        return tuple(result for result in self.files if result.changed)

    @property
    def problems(self) -> list[str]:
        """One line per file that could not be fixed, naming it."""
        found = [f"{path}: {reason}" for path, reason in self.unreadable]
        found += [f"{result.display}: {result.problem}" for result in self.files if result.problem]
        return found

    def diff(self) -> bytes:
        """The unified diff of every changed file, in path order, of the files' bytes."""
        return b"".join(result.diff() for result in self.changed)

    def summary(self) -> str:
        """``3 violations in 2 files (SL003 1, STY020 2)``: what the fixes repair."""
        counts = fixed_counts(self.files)
        total = sum(counts.values())
        rules = ", ".join(f"{code} {count}" for code, count in sorted(counts.items()))
        files = len(self.changed)
        return (
            f"{total} violation{'s' if total != 1 else ''} in {files}"
            f" file{'s' if files != 1 else ''} ({rules})"
        )


def fix_report(
    report: Report,
    standards: Standards,
    *,
    cwd: Path,
    safety: FixSafety,
    write: bool,
    changes: RepositoryChanges | None = None,
    baseline: Baseline | None = None,
) -> FixOutcome:
    """Fix the files of ``report`` that have fixable violations; write them when ``write``.

    ``report``'s display paths are relative to ``cwd``. Each file is read
    again and fixed in memory (see :mod:`standards_lint.fixing.session`);
    with ``write``, it is replaced only if it still holds what was read.
    """
    results: list[FileFixes] = []
    unreadable: list[tuple[str, str]] = []
    for display in files_to_fix(report.violations, safety):
        path = cwd / display
        try:
            raw = read_source_bytes(path, standards.max_file_size)
        except (NotReadableError, FileTooLargeError) as error:
            unreadable.append((display, str(error)))
            continue
        fixed = fix_source(
            raw, path, display, standards, safety=safety, changes=changes, baseline=baseline
        )
        results.append(write_fixes(fixed, raw) if write else fixed)
    return FixOutcome(tuple(results), tuple(unreadable))


def unsafe_fixes_left(report: Report) -> int:
    """How many of ``report``'s violations only ``--unsafe-fixes`` would fix."""
    return len(fixable(report.violations, FixSafety.UNSAFE)) - len(
        fixable(report.violations, FixSafety.SAFE)
    )
