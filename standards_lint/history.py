"""The debt history: one line of JSON figures per recorded run, kept by CI.

``check --record`` appends a :class:`HistoryEntry` (counts by area, total,
baselined, project figures, when, and at which commit) to a small JSON Lines
file; ``report`` reads the file back to draw the trend. Reading never runs
code: each line is parsed as JSON and checked field by field, and a line
that does not fit the schema is skipped with a problem that names it.
"""

from __future__ import annotations

import json
import math
import os
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Final, TypeGuard

from standards_lint.model import Report

SCHEMA_VERSION: Final = 1


class HistoryError(Exception):
    """The history file could not be written; the message names it and why."""


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """The figures of one run."""

    #: When the run was recorded: ISO 8601, in UTC.
    timestamp: str
    total: int
    by_area: Mapping[str, int] = field(default_factory=dict)
    #: How many violations the baseline held back (``None``: no baseline).
    baselined: int | None = None
    metrics: Mapping[str, float] = field(default_factory=dict)
    #: The Git commit checked, when known.
    commit: str | None = None

    def to_json(self) -> str:
        """The entry as one line of JSON (no newline)."""
        document = {
            "schema": SCHEMA_VERSION,
            "timestamp": self.timestamp,
            "commit": self.commit,
            "total": self.total,
            "baselined": self.baselined,
            "by_area": dict(sorted(self.by_area.items())),
            # JSON has no NaN: a figure that is not a number is left out.
            "metrics": {
                name: value for name, value in sorted(self.metrics.items()) if math.isfinite(value)
            },
        }
        return json.dumps(document, separators=(",", ":"), ensure_ascii=True)


def entry_for(
    report: Report,
    area_of: Callable[[str], str],
    *,
    commit: str | None = None,
    now: datetime | None = None,
) -> HistoryEntry:
    """The history entry of ``report``; ``area_of`` names the area of a rule code."""
    by_area = Counter(area_of(violation.rule) for violation in report.violations)
    moment = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    return HistoryEntry(
        timestamp=moment.replace(microsecond=0).isoformat(),
        total=len(report.violations),
        by_area=dict(by_area),
        baselined=report.baselined,
        metrics=dict(report.metrics),
        commit=commit,
    )


def append_entry(path: Path, entry: HistoryEntry) -> None:
    """Append ``entry`` to the history file ``path`` as one line, in one write.

    ``O_APPEND`` with a single ``write`` of a short line means two runs that
    record at once cannot interleave their lines, and a crash leaves at worst
    a partial last line, which :func:`read_history` skips.
    """
    line = (entry.to_json() + "\n").encode("ascii")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(descriptor, line)
        finally:
            os.close(descriptor)
    except OSError as error:
        raise HistoryError(f"cannot record the run in {path}: {error.strerror}") from error


def read_history(path: Path) -> tuple[list[HistoryEntry], list[str]]:
    """The entries of the history file ``path``, oldest first, and the problems found.

    A missing file is an empty history. A line that is not JSON or does not
    fit the schema is skipped, and a problem names its line.
    """
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return [], []
    except OSError as error:
        return [], [f"cannot read the history {path}: {error.strerror}"]
    entries: list[HistoryEntry] = []
    problems: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entries.append(parse_entry(line))
        except ValueError as error:
            problems.append(f"{path}:{number}: skipped: {error}")
    return entries, problems


def parse_entry(line: str) -> HistoryEntry:
    """One history line as an entry; ``ValueError`` says what does not fit the schema."""
    try:
        document = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON ({error.msg})") from None
    if not isinstance(document, dict):
        raise ValueError("not a JSON object")
    if document.get("schema") != SCHEMA_VERSION:
        raise ValueError(f"schema is not {SCHEMA_VERSION}")
    timestamp = document.get("timestamp")
    commit = document.get("commit")
    total = document.get("total")
    baselined = document.get("baselined")
    if not isinstance(timestamp, str):
        raise ValueError("timestamp is not text")
    if commit is not None and not isinstance(commit, str):
        raise ValueError("commit is not text")
    if not _is_count(total):
        raise ValueError("total is not a count")
    if baselined is not None and not _is_count(baselined):
        raise ValueError("baselined is not a count")
    by_area = _mapping(document.get("by_area"), "by_area", _is_count)
    metrics = _mapping(document.get("metrics"), "metrics", _is_number)
    return HistoryEntry(
        timestamp=timestamp,
        total=int(total),
        by_area={key: int(value) for key, value in by_area.items()},
        baselined=None if baselined is None else int(baselined),
        metrics={key: float(value) for key, value in metrics.items()},
        commit=commit,
    )


def _is_count(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_number(value: object) -> bool:
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(float(value))
    )


def _mapping(value: object, name: str, accepts: Callable[[object], bool]) -> dict[str, float]:
    if not isinstance(value, dict):
        raise ValueError(f"{name} is not an object")
    for key, item in value.items():
        if not accepts(item):
            raise ValueError(f"{name}[{key!r}] is not a valid figure")
    return {str(key): item for key, item in value.items()}
