"""Turn a coverage.py JSON report or a Cobertura report into a :class:`Measurement`.

Recorded paths are relative to where the report was made, which is taken to
be the standards' root (coverage.py writes paths relative to its working
directory), unless a Cobertura report names source roots that hold the file.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .cobertura import CoberturaReport, CoverageReportError, ReportedFile, parse_cobertura
from .measurement import MeasuredFile, Measurement, Tally


def root_relative(recorded: str, root: Path, base: Path) -> str:
    """``recorded`` (absolute, or relative to ``base``) relative to ``root`` with ``/``.

    A path outside ``root`` stays absolute.
    """
    path = Path(recorded)
    absolute = Path(os.path.normpath(path if path.is_absolute() else base / path))
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        return absolute.as_posix()


def _exists(path: str, root: Path) -> bool:
    """Whether a root-relative (or absolute) path names an existing file."""
    return (root / path).is_file()


def measurement_from_json(text: str, root: Path, source: str) -> Measurement:
    """Read coverage.py's JSON report (``coverage json``); raises CoverageReportError."""
    try:
        document = json.loads(text)
    except ValueError as error:
        raise CoverageReportError(f"not valid JSON: {error}") from error
    files = document.get("files") if isinstance(document, dict) else None
    if not isinstance(files, dict):
        raise CoverageReportError("not a coverage.py JSON report: it has no 'files' object")
    meta = document.get("meta")
    has_branches = isinstance(meta, dict) and meta.get("branch_coverage") is True
    measured = []
    for recorded, entry in files.items():
        path = root_relative(str(recorded), root, root)
        measured.append(_json_file(path, entry, root))
    has_branches = has_branches or any(file.tally.branches for file in measured)
    ordered = tuple(sorted(measured, key=lambda file: file.path))
    return Measurement(source, ordered, has_branches, "JSON report")


def _json_file(path: str, entry: Any, root: Path) -> MeasuredFile:
    """One file of a JSON report."""
    if not isinstance(entry, dict) or not isinstance(entry.get("summary"), dict):
        raise CoverageReportError(f"the entry for {path} has no 'summary' object")
    summary: Mapping[str, Any] = entry["summary"]
    executed = _line_numbers(entry, "executed_lines", path)
    missing = _line_numbers(entry, "missing_lines", path)
    tally = Tally(
        statements=_count(summary, "num_statements", path),
        covered_lines=_count(summary, "covered_lines", path),
        branches=_count(summary, "num_branches", path, required=False),
        covered_branches=_count(summary, "covered_branches", path, required=False),
    )
    return MeasuredFile(path, executed | missing, missing, executed, tally, _exists(path, root))


def _line_numbers(entry: Mapping[str, Any], key: str, path: str) -> frozenset[int]:
    """A list of line numbers from a JSON report entry."""
    numbers = entry.get(key, [])
    if not isinstance(numbers, list) or not all(
        isinstance(number, int) and not isinstance(number, bool) for number in numbers
    ):
        raise CoverageReportError(f"{key} of {path} is not a list of line numbers")
    return frozenset(numbers)


def _count(summary: Mapping[str, Any], key: str, path: str, *, required: bool = True) -> int:
    """A count from a JSON report's summary (0 if absent and not required)."""
    value = summary.get(key, None if required else 0)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise CoverageReportError(f"summary {key} of {path} is not a count")
    return value


def measurement_from_cobertura(content: bytes, root: Path, source: str) -> Measurement:
    """Read a Cobertura XML report; raises CoverageReportError."""
    report = parse_cobertura(content)
    measured = [
        _cobertura_file(_locate(filename, report, root), reported, root)
        for filename, reported in report.files.items()
    ]
    ordered = tuple(sorted(measured, key=lambda file: file.path))
    return Measurement(source, ordered, report.has_branches, "Cobertura XML")


def _locate(filename: str, report: CoberturaReport, root: Path) -> str:
    """The root-relative path of a report's file: below the first source root that has it."""
    bases = [root / source for source in report.sources if source]
    for base in bases:
        candidate = root_relative(filename, root, base)
        if _exists(candidate, root):
            return candidate
    return root_relative(filename, root, bases[0] if bases else root)


def _cobertura_file(path: str, reported: ReportedFile, root: Path) -> MeasuredFile:
    """One file of a Cobertura report."""
    statements = frozenset(reported.hits)
    executed = frozenset(line for line, hits in reported.hits.items() if hits > 0)
    branches = reported.branches.values()
    tally = Tally(
        statements=len(statements),
        covered_lines=len(executed),
        branches=sum(every for _, every in branches),
        covered_branches=sum(covered for covered, _ in branches),
    )
    return MeasuredFile(
        path, statements, statements - executed, executed, tally, _exists(path, root)
    )
