"""The gate: what of all the findings is reported, and at which severity.

Its stages run in this order, each plain data in and out, each counting what
it held back: selection and severity per path (:mod:`.selection`),
suppression comments (:mod:`.suppressions`), the baseline
(:mod:`.baseline`) and new code (:mod:`.new_code`). The first two run here,
per file; the last two judge the whole report and are called by the API.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Container, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from standards_lint.config import StandardsResolver
from standards_lint.gate.selection import select_for_path
from standards_lint.gate.suppressions import apply_suppressions
from standards_lint.model import FileResult, SuppressedViolation, Violation

__all__ = ["GateOutcome", "apply_gate", "run_gate"]


@dataclass(slots=True)
class GateOutcome:
    """The violations that passed the per-file stages, and what each held back."""

    violations: list[Violation]
    held_back: dict[str, int] = field(default_factory=dict)
    #: What suppression comments held back, sorted like the violations.
    suppressed: list[SuppressedViolation] = field(default_factory=list)


def run_gate(
    files: Sequence[tuple[Path, FileResult]],
    project_violations: Sequence[Violation],
    resolver: StandardsResolver,
    *,
    judged: Container[str] | None = None,
) -> GateOutcome:
    """Apply selection, per-path severity and suppressions to every file's findings.

    ``judged`` names the display paths whose suppression comments are
    themselves judged (SL003, SL004, SL007); other files given here only
    host project violations, and their comments only suppress. ``None``
    judges every file.
    """
    standards = resolver.standards
    by_display: dict[str, tuple[Path | None, FileResult | None]] = {
        result.path: (path, result) for path, result in files
    }
    extra: dict[str, list[Violation]] = defaultdict(list)
    for violation in project_violations:
        extra[violation.path].append(violation)
    reported: list[Violation] = []
    suppressed_by_comments: list[SuppressedViolation] = []
    held_back = {"selection": 0, "suppressions": 0}
    for display in sorted({*by_display, *extra}):
        path, result = by_display.get(display, (None, None))
        effective = resolver.for_path(path) if path is not None else resolver.top_level
        found = [*(result.violations if result else ()), *extra.get(display, ())]
        selected = select_for_path(found, effective)
        held_back["selection"] += selected.held_back
        suppressed = apply_suppressions(
            display,
            selected.violations,
            result.suppressions if result else (),
            standards.registry,
            enabled=effective.codes.__contains__,
            require_reason=standards.require_suppression_reason,
            judge_comments=judged is None or display in judged,
        )
        held_back["suppressions"] += suppressed.held_back
        suppressed_by_comments.extend(suppressed.suppressed)
        # The comments' own findings are tool rules, selected like any other.
        reported.extend(select_for_path(suppressed.violations, effective).violations)
    reported.sort(key=lambda violation: violation.sort_key)
    suppressed_by_comments.sort(key=lambda held: held.violation.sort_key)
    return GateOutcome(reported, held_back, suppressed_by_comments)


def apply_gate(
    files: Sequence[tuple[Path, FileResult]],
    project_violations: Sequence[Violation],
    resolver: StandardsResolver,
    *,
    judged: Container[str] | None = None,
) -> list[Violation]:
    """The violations :func:`run_gate` lets through, sorted."""
    return run_gate(files, project_violations, resolver, judged=judged).violations
