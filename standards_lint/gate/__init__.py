"""The gate: what of all the findings is reported, and at which severity."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from standards_lint.config import StandardsResolver
from standards_lint.gate.suppressions import apply_suppressions
from standards_lint.model import FileResult, Violation
from standards_lint.tool_rules import InternalErrorRule

__all__ = ["apply_gate"]

#: Problems of the tool itself are always reported, whatever the selection.
_ALWAYS_REPORTED = frozenset({InternalErrorRule.code})


def apply_gate(
    files: Sequence[tuple[Path, FileResult]],
    project_violations: Sequence[Violation],
    resolver: StandardsResolver,
) -> list[Violation]:
    """Apply selection, per-path severity and suppressions; return the sorted violations."""
    standards = resolver.standards
    by_display: dict[str, tuple[Path | None, FileResult | None]] = {
        result.path: (path, result) for path, result in files
    }
    extra: dict[str, list[Violation]] = defaultdict(list)
    for violation in project_violations:
        extra[violation.path].append(violation)
    reported: list[Violation] = []
    for display in sorted({*by_display, *extra}):
        path, result = by_display.get(display, (None, None))
        effective = resolver.for_path(path) if path is not None else resolver.top_level
        found = [*(result.violations if result else ()), *extra.get(display, ())]
        kept = [
            violation
            for violation in found
            if violation.rule in effective.codes or violation.rule in _ALWAYS_REPORTED
        ]
        kept = apply_suppressions(
            display,
            kept,
            result.suppressions if result else (),
            standards.registry,
            enabled=effective.codes.__contains__,
            require_reason=standards.require_suppression_reason,
        )
        for violation in kept:
            severity = effective.severity.get(violation.rule, violation.severity)
            if severity is not violation.severity:
                violation = dataclasses.replace(violation, severity=severity)
            reported.append(violation)
    reported.sort(key=lambda violation: violation.sort_key)
    return reported
