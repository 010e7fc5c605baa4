"""Hotspots: the files where violations meet frequent change, ranked from ``git log``.

A violation in a file nobody touches costs little; the same one in a file
changed every week is paid for again and again. The score is a file's
violations times how many commits changed it recently. Git is asked through
a :data:`GitRunner`, so tests pass a fake one and a machine without Git gets
an explanation instead of a crash.
"""

from __future__ import annotations

import subprocess
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from standards_lint.model import Report

#: ``runner(arguments, directory)``: git's standard output, or ``None`` when
#: git is missing or fails (not a repository, a bad revision).
GitRunner = Callable[[Sequence[str], Path], "str | None"]
RECENT_DAYS: Final = 90
_GIT_TIMEOUT_SECONDS: Final = 60


@dataclass(frozen=True, slots=True)
class Hotspot:
    """One file's violations and recent changes."""

    path: str
    violations: int
    changes: int

    @property
    def score(self) -> int:
        """Violations times recent changes: what the file's debt costs the team."""
        return self.violations * self.changes


def run_git(arguments: Sequence[str], directory: Path) -> str | None:
    """Run ``git`` with ``arguments`` (a list, never a shell line) in ``directory``."""
    try:
        completed = subprocess.run(
            ["git", *arguments],
            cwd=directory,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=_GIT_TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return completed.stdout if completed.returncode == 0 else None


def current_commit(runner: GitRunner, directory: Path) -> str | None:
    """The commit checked out in ``directory``, or ``None`` outside a Git work tree."""
    output = runner(["rev-parse", "--verify", "HEAD"], directory)
    commit = (output or "").strip()
    return commit or None


def recent_changes(
    runner: GitRunner, directory: Path, days: int = RECENT_DAYS
) -> Mapping[str, int] | None:
    """How many commits of the last ``days`` changed each file, by path relative to ``directory``.

    ``None`` when Git cannot tell (not installed, not a repository).
    """
    output = runner(
        ["log", f"--since={days}.days", "--no-renames", "--name-only", "--format=", "--relative"],
        directory,
    )
    if output is None:
        return None
    return Counter(line.strip() for line in output.splitlines() if line.strip())


def rank_hotspots(
    report: Report, changes: Mapping[str, int], limit: int = 15
) -> tuple[Hotspot, ...]:
    """The files with violations, by score, then violations, then path; at most ``limit``."""
    counts = Counter(violation.path for violation in report.violations)
    spots = [
        Hotspot(path=path, violations=count, changes=changes.get(_posix(path), 0))
        for path, count in counts.items()
    ]
    spots.sort(key=lambda spot: (-spot.score, -spot.violations, spot.path))
    return tuple(spots[:limit])


def _posix(path: str) -> str:
    return Path(path).as_posix().removeprefix("./")
