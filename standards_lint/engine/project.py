"""Run the project rules once over the facts of every file."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from standards_lint.config import StandardsResolver
from standards_lint.engine.analyze import internal_error, rule_label
from standards_lint.engine.fingerprints import message_fingerprints
from standards_lint.interruption import UserInterrupt
from standards_lint.model import FileResult, Span, Violation
from standards_lint.rule import ProjectFacts


@dataclass(slots=True)
class ProjectOutcome:
    """What the project rules reported and the figures they published."""

    violations: list[Violation] = field(default_factory=list)
    metrics: dict[str, float] = field(default_factory=dict)
    #: The other files each violation concerns (by display path), keyed by
    #: the violation's position in ``violations``; see ProjectReport.related.
    related: dict[int, tuple[str, ...]] = field(default_factory=dict)

    def concerns(self, index: int) -> tuple[str, ...]:
        """Every file violation ``index`` concerns: its own, then the related ones."""
        return (self.violations[index].path, *self.related.get(index, ()))


def run_project_rules(
    files: Sequence[tuple[Path, FileResult]],
    resolver: StandardsResolver,
    standards_display_path: str,
    changed_lines: Mapping[str, frozenset[int]] | None = None,
) -> ProjectOutcome:
    """Run every enabled project rule; a failing rule becomes an SL002 violation.

    ``changed_lines`` (by display path) is handed on when the run is gated on a diff.
    """
    standards = resolver.standards
    top_level = resolver.top_level
    by_display = {result.path: path for path, result in files}
    project = ProjectFacts(
        files={result.path: result.facts for _, result in files},
        standards_path=standards_display_path,
        root_paths={result.path: resolver.relative(path) for path, result in files},
        changed_lines=changed_lines,
        root=str(standards.root),
    )
    outcome = ProjectOutcome()
    for rule_class in standards.registry.project_rules(top_level.codes):
        area = rule_class.area

        def options_for_path(display: str, area: str = area) -> object:
            path = by_display.get(display)
            effective = resolver.for_path(path) if path is not None else top_level
            return effective.areas[area]

        try:
            rule = rule_class(top_level.areas[area], options_for_path)
            rule.check(project)
        except (KeyboardInterrupt, UserInterrupt):
            raise
        except BaseException as error:  # noqa: BLE001 - isolate the failing rule
            outcome.violations.append(
                internal_error(
                    standards_display_path, rule_label(rule_class), error, Span(1, 1, 1, 1)
                )
            )
            continue
        outcome.metrics.update(rule.metrics)
        for report in rule.reports:
            path = report.path if report.path is not None else standards_display_path
            span = Span(report.line, 1, report.line, 1)
            if report.related:
                outcome.related[len(outcome.violations)] = report.related
            outcome.violations.append(
                Violation(
                    rule.code,
                    rule.name,
                    rule.severity,
                    path,
                    span,
                    report.message,
                    value=report.value,
                )
            )
    # No source text to identify them by: their fingerprints come from their messages.
    outcome.violations = message_fingerprints(outcome.violations)
    return outcome
