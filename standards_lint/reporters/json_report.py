"""Machine-readable output: one JSON object per run."""

from __future__ import annotations

import json
import math
from typing import Any

from standards_lint.model import Fix, Report, Severity, Violation
from standards_lint.version import tool_version


def violation_json(violation: Violation) -> dict[str, Any]:
    """One violation as the JSON output shows it."""
    span = violation.span
    document: dict[str, Any] = {
        "rule": violation.rule,
        "name": violation.name,
        "severity": violation.severity.value,
        "path": violation.path,
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
        "message": violation.message,
        "fingerprint": violation.fingerprint,
    }
    if violation.value is not None:
        document["value"] = violation.value
    if violation.fix is not None:
        document["fix"] = fix_json(violation.fix)
    return document


def fix_json(fix: Fix) -> dict[str, Any]:
    """A violation's fix: its edits are 0-based character offsets into the decoded text."""
    return {
        "description": fix.description,
        "safety": fix.safety.value,
        "edits": [
            {"start": edit.start, "end": edit.end, "replacement": edit.replacement}
            for edit in fix.edits
        ],
    }


def render_json(report: Report, *, color: bool = False, statistics: bool = False) -> str:
    """The report as one JSON object; ``statistics`` adds the count of each rule."""
    document: dict[str, Any] = {
        "version": tool_version(),
        "standards": report.standards_path,
        "files_checked": report.files_checked,
        "skipped": [{"path": item.path, "reason": item.reason} for item in report.skipped],
        "violations": [violation_json(violation) for violation in report.violations],
        # JSON has no NaN or infinity: a figure that is not a number is null.
        "metrics": {
            name: value if math.isfinite(value) else None for name, value in report.metrics.items()
        },
        "summary": {severity.value: report.count(severity) for severity in Severity},
    }
    if report.new_code_hidden is not None:
        document["new_code"] = {"hidden": report.new_code_hidden}
    if report.baselined is not None:
        document["baseline"] = {
            "new": len(report.violations),
            "baselined": report.baselined,
            "fixed": report.fixed_in_baseline,
        }
    if statistics:
        document["statistics"] = [
            {"rule": code, "name": name, "count": count}
            for code, name, count in report.rule_counts()
        ]
    # Compact: with indentation, json falls back to its pure-Python encoder,
    # which costs more than a fully cached run on a large project.
    return json.dumps(document, allow_nan=False, separators=(",", ":")) + "\n"
