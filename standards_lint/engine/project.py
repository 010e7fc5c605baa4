"""Run the project rules once over the facts of every file."""

from __future__ import annotations

import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from standards_lint.config import StandardsResolver
from standards_lint.engine.analyze import tool_violation
from standards_lint.model import FileResult, Span, Violation
from standards_lint.rule import ProjectFacts
from standards_lint.tool_rules import InternalErrorRule


@dataclass(slots=True)
class ProjectOutcome:
    """What the project rules reported and the figures they published."""

    violations: list[Violation] = field(default_factory=list)
    metrics: dict[str, float] = field(default_factory=dict)


def run_project_rules(
    files: Sequence[tuple[Path, FileResult]],
    resolver: StandardsResolver,
    standards_display_path: str,
) -> ProjectOutcome:
    """Run every enabled project rule; a failing rule becomes an SL002 violation."""
    standards = resolver.standards
    top_level = resolver.top_level
    by_display = {result.path: path for path, result in files}
    project = ProjectFacts(
        files={result.path: result.facts for _, result in files},
        standards_path=standards_display_path,
        root_paths={result.path: resolver.relative(path) for path, result in files},
    )
    outcome = ProjectOutcome()
    for rule_class in standards.registry.project_rules(top_level.codes):
        area = rule_class.area

        def options_for_path(display: str, area: str = area) -> object:
            path = by_display.get(display)
            effective = resolver.for_path(path) if path is not None else top_level
            return effective.areas[area]

        rule = rule_class(top_level.areas[area], options_for_path)
        try:
            rule.check(project)
        except Exception as error:  # noqa: BLE001 - isolate the failing rule
            origin = traceback.extract_tb(error.__traceback__)[-1:]
            where = f" at {origin[0].filename}:{origin[0].lineno}" if origin else ""
            message = (
                f"rule {rule.code} ({rule.name}) failed: {type(error).__name__}: {error}{where}"
            )
            outcome.violations.append(
                tool_violation(InternalErrorRule, standards_display_path, Span(1, 1, 1, 1), message)
            )
            continue
        outcome.metrics.update(rule.metrics)
        for report in rule.reports:
            path = report.path if report.path is not None else standards_display_path
            span = Span(report.line, 1, report.line, 1)
            outcome.violations.append(
                Violation(rule.code, rule.name, rule.severity, path, span, report.message)
            )
    return outcome
