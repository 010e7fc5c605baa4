"""Fixtures: a report and a context that every format's tests render (see reporter_samples)."""

from __future__ import annotations

import pytest
from reporter_samples import HOSTILE, ODD_PATH, ROOT, RULES, violation

from standards_lint.model import HeldBy, Report, Severity, Span, SuppressedViolation
from standards_lint.reporters import FigureLimit, RenderContext


@pytest.fixture
def report() -> Report:
    """A run over four files: two with violations, one clean, one with only suppressed ones."""
    violations = (
        violation("STY001", "app/a.py", 3, "line is 120 characters long (120 > 100)"),
        violation("STY014", "app/a.py", 7, HOSTILE, severity=Severity.WARNING),
        violation("CPX001", ODD_PATH, 2, "complexity 12", span=Span(2, 1, 30, 12)),
        violation("DOC101", ODD_PATH, 1, "module has no docstring", severity=Severity.INFO),
    )
    suppressed = (
        SuppressedViolation(
            violation("STY001", "app/held.py", 4, "line is 101 characters long"),
            HeldBy.COMMENT,
            "a URL <cannot> be wrapped",
        ),
        SuppressedViolation(
            violation("DOC101", "app/held.py", 1, "module has no docstring"), HeldBy.BASELINE
        ),
    )
    return Report(
        files_checked=4,
        violations=violations,
        metrics={"docstring_coverage": 75.0, "average_cyclomatic": 7.5, "custom": 3.0},
        standards_path="standards.toml",
        baselined=1,
        fixed_in_baseline=2,
        suppressed=suppressed,
        checked_paths=("app/a.py", "app/clean.py", "app/held.py", ODD_PATH),
    )


@pytest.fixture
def context() -> RenderContext:
    """The context of a run from the root of a work tree."""
    return RenderContext(
        tool_version="1.2.3",
        working_directory=ROOT,
        source_root=ROOT,
        rules=RULES,
        figure_limits={
            "docstring_coverage": FigureLimit(80.0, "higher", "fail-under = 80"),
            "average_cyclomatic": FigureLimit(10.0, "lower", 'max-average = "B"'),
        },
        exit_code=1,
    )
