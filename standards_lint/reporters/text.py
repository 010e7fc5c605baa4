"""Human-readable output: one line per violation, then a summary."""

from __future__ import annotations

import math
from collections import Counter

import click

from standards_lint.model import Report, Severity

_SEVERITY_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def render_text(report: Report, *, color: bool = False, statistics: bool = False) -> str:
    """``path:line:col: CODE [name] message`` lines, optional statistics, a summary."""

    def paint(text: str, **style: object) -> str:
        return click.style(text, **style) if color else text  # type: ignore[arg-type]

    lines = []
    for violation in report.violations:
        where = paint(f"{violation.path}:{violation.span.line}:{violation.span.column}:", bold=True)
        code = paint(violation.rule, fg=_SEVERITY_COLOURS[violation.severity], bold=True)
        lines.append(f"{where} {code} [{violation.name}] {violation.message}")
    if statistics and report.violations:
        if lines:
            lines.append("")
        counts = Counter((violation.rule, violation.name) for violation in report.violations)
        width = len(str(max(counts.values())))
        code_width = max(len(code) for code, _ in counts)
        for (code, name), count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            lines.append(f"{count:>{width}}  {code:<{code_width}}  {name}")
    if lines:
        lines.append("")
    lines.append(_summary(report, paint))
    for metric, value in report.metrics.items():
        lines.append(f"{metric.replace('_', ' ')}: {_format_metric(metric, value)}")
    return "\n".join(lines) + "\n"


def _summary(report: Report, paint: object) -> str:
    counts = {severity: report.count(severity) for severity in Severity}
    files = f"{report.files_checked} file{'s' if report.files_checked != 1 else ''}"
    total = len(report.violations)
    if not total:
        return f"All standards met in {files}."
    parts = ", ".join(
        f"{count} {severity.value}{'s' if count != 1 and severity is not Severity.INFO else ''}"
        for severity, count in counts.items()
        if count
    )
    noun = "violation" if total == 1 else "violations"
    return f"Found {total} {noun} ({parts}) in {files}."


def _format_metric(metric: str, value: float) -> str:
    if not math.isfinite(value):
        return "n/a"
    if metric.endswith("coverage"):
        return f"{value:.1f}%"
    return f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
