"""What today's code meets: the worst figure of each limit, from one run at the minimums."""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from standards_lint.model import Report, Severity, Violation
from standards_lint.starter.naming import probe_options, reported_name
from standards_lint.starter.probe import check_with


@dataclass(frozen=True, slots=True)
class Threshold:
    """A limit in the standards file, the rule that enforces it, and the least value it accepts."""

    table: str
    key: str
    rule: str
    minimum: int
    #: The comment's sentence on today's figure, with ``{}`` for the figure.
    today: str


#: The limits calibrated to today's code, in the order the file lists them.
THRESHOLDS: Final = (
    Threshold("style", "max-line-length", "STY001", 1, "The longest line today is {} characters"),
    Threshold("style", "max-module-lines", "STY015", 1, "The longest module today has {} lines"),
    Threshold("style", "max-arguments", "STY016", 1, "The most parameters a function takes is {}"),
    Threshold(
        "complexity", "max-cyclomatic", "CPX001", 0, "The highest cyclomatic complexity is {}"
    ),
    Threshold("complexity", "max-cognitive", "CPX002", 0, "The highest cognitive complexity is {}"),
    Threshold(
        "complexity", "max-function-lines", "CPX003", 0, "The longest function has {} logical lines"
    ),
    Threshold("complexity", "max-nesting", "CPX004", 0, "The deepest nesting is {} blocks"),
)
#: Line and module lengths are not carried as a violation's value; their
#: messages end with "(LENGTH > LIMIT)".
_MEASURED: Final = re.compile(r"\((\d+) > \d+\)")
COVERAGE_METRIC: Final = "docstring_coverage"


@dataclass(frozen=True, slots=True)
class Measurements:
    """The worst figure today for each threshold key (absent: nothing measured), and more."""

    worst: Mapping[str, int] = field(default_factory=dict)
    #: Where the worst figure is, as ``path:line`` and the function's message.
    where: Mapping[str, str] = field(default_factory=dict)
    #: Docstring coverage in percent, when any item counts.
    docstring_coverage: float | None = None
    #: Today's names of each kind, by naming option (``naming-functions``).
    names: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def probe_text() -> str:
    """Standards with every calibrated limit at its minimum, so every figure is reported.

    The naming options accept no name, so that every name is reported too.
    """
    lines = []
    for table in ("style", "complexity"):
        lines.append(f"[{table}]")
        lines.extend(
            f"{threshold.key} = {threshold.minimum}"
            for threshold in THRESHOLDS
            if threshold.table == table
        )
        if table == "style":
            lines.extend(f"{key} = {json.dumps(spec)}" for key, spec in probe_options().items())
    return "\n".join(lines) + "\n"


def figure_of(violation: Violation) -> int | None:
    """The measured figure a metric violation reports."""
    if violation.value is not None:
        return math.ceil(violation.value)
    found = _MEASURED.search(violation.message)
    return int(found.group(1)) if found else None


def measurements_of(report: Report) -> Measurements:
    """The worst figure of each threshold in ``report``, a run at the minimum limits."""
    worst: dict[str, int] = {}
    where: dict[str, str] = {}
    by_rule = {threshold.rule: threshold for threshold in THRESHOLDS}
    names: dict[str, list[str]] = {}
    for violation in report.violations:
        named = reported_name(violation.rule, violation.message)
        if named is not None:
            names.setdefault(named[0], []).append(named[1])
        threshold = by_rule.get(violation.rule)
        figure = figure_of(violation) if threshold is not None else None
        if threshold is None or figure is None:
            continue
        if figure > worst.get(threshold.key, -1):
            worst[threshold.key] = figure
            where[threshold.key] = f"{violation.path}:{violation.line}"
    coverage = report.metrics.get(COVERAGE_METRIC)
    return Measurements(
        worst,
        where,
        None if coverage is None else float(coverage),
        {key: tuple(found) for key, found in names.items()},
    )


def measure(target: Path) -> Measurements:
    """Run every rule over ``target`` at the minimum limits and keep the worst figures."""
    return measurements_of(check_with(target, probe_text()))


def failing_counts(report: Report) -> Counter[str]:
    """How many violations of each rule (by name) fail the run: those of error severity."""
    return Counter(
        violation.name for violation in report.violations if violation.severity is Severity.ERROR
    )
