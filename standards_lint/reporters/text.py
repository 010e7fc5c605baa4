"""Human-readable output: one line per violation, then a summary.

A violation that ``check --fix`` can repair is marked ``[*]`` after its code,
and the summary says how many ``--fix`` repairs and how many more
``--unsafe-fixes`` would.
"""

from __future__ import annotations

import math

import click

from standards_lint.model import FixSafety, HeldBy, Report, Severity, Violation

_SEVERITY_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}
#: After the code of a violation that ``check --fix`` repairs.
FIXABLE_MARK = "[*]"
_FIX_COMMAND = "standards-lint check --fix"


def render_text(report: Report, *, color: bool = False, statistics: bool = False) -> str:
    """``path:line:col: CODE [name] message`` lines, optional statistics, a summary.

    A violation with a safe fix reads ``CODE [*] [name]``.
    """

    def paint(text: str, **style: object) -> str:
        return click.style(text, **style) if color else text  # type: ignore[arg-type]

    lines = []
    for violation in report.violations:
        where = paint(f"{violation.path}:{violation.span.line}:{violation.span.column}:", bold=True)
        code = paint(violation.rule, fg=_SEVERITY_COLOURS[violation.severity], bold=True)
        mark = f" {FIXABLE_MARK}" if _fix_safety(violation) is FixSafety.SAFE else ""
        lines.append(f"{where} {code}{mark} [{violation.name}] {violation.message}")
    if statistics and report.violations:
        if lines:
            lines.append("")
        counts = report.rule_counts()
        width = len(str(max(count for _, _, count in counts)))
        code_width = max(len(code) for code, _, _ in counts)
        for code, name, count in counts:
            lines.append(f"{count:>{width}}  {code:<{code_width}}  {name}")
    if report.skipped:
        if lines:
            lines.append("")
        lines.extend(f"Skipped {item.path}: {item.reason}." for item in report.skipped)
    if lines:
        lines.append("")
    lines.append(_summary(report, paint))
    lines.extend(_fixable_summary(report))
    by_comments = sum(1 for held in report.suppressed if held.held_by is HeldBy.COMMENT)
    if by_comments:
        noun = "violation" if by_comments == 1 else "violations"
        lines.append(f"Suppressed: {by_comments} {noun} by comments in the code (hidden).")
    lines.extend(_baseline_summary(report))
    if report.new_code_hidden is not None:
        hidden = report.new_code_hidden
        noun = "violation" if hidden == 1 else "violations"
        lines.append(f"New code only: {hidden} {noun} outside the changed lines (hidden).")
    for metric, value in report.metrics.items():
        lines.append(f"{metric.replace('_', ' ')}: {_format_metric(metric, value)}")
    return "\n".join(lines) + "\n"


def _summary(report: Report, paint: object) -> str:
    counts = {severity: report.count(severity) for severity in Severity}
    files = f"{report.files_checked} file{'s' if report.files_checked != 1 else ''}"
    total = len(report.violations)
    if not report.files_checked and not total:
        if report.skipped:
            return "No files were checked: every path named was skipped (see above)."
        return "No files were checked: no file matches the standards' include."
    if not total:
        return f"All standards met in {files}."
    parts = ", ".join(
        f"{count} {severity.value}{'s' if count != 1 and severity is not Severity.INFO else ''}"
        for severity, count in counts.items()
        if count
    )
    noun = "violation" if total == 1 else "violations"
    return f"Found {total} {noun} ({parts}) in {files}."


def _fix_safety(violation: Violation) -> FixSafety | None:
    return None if violation.fix is None else violation.fix.safety


def _fixable_summary(report: Report) -> list[str]:
    """How many violations ``--fix`` would repair, and how many more ``--unsafe-fixes``."""
    safeties = [_fix_safety(violation) for violation in report.violations]
    safe, unsafe = safeties.count(FixSafety.SAFE), safeties.count(FixSafety.UNSAFE)
    if not safe:
        return [f"Fixable: {unsafe} with `{_FIX_COMMAND} --unsafe-fixes`."] if unsafe else []
    line = f"Fixable: {safe} with `{_FIX_COMMAND}` (marked {FIXABLE_MARK})"
    return [f"{line}, {unsafe} more with `--unsafe-fixes`." if unsafe else f"{line}."]


def _baseline_summary(report: Report) -> list[str]:
    """What the baseline held back, and a reminder to prune what was fixed."""
    if report.baselined is None:
        return []
    fixed = report.fixed_in_baseline
    lines = [
        f"Baseline: {len(report.violations):,} new, {report.baselined:,} in the baseline"
        f" (hidden), {fixed:,} fixed."
    ]
    if fixed:
        are = "violation is" if fixed == 1 else "violations are"
        lines.append(
            f"{fixed:,} baselined {are} fixed: run `standards-lint baseline --prune`"
            " to lock that in."
        )
    return lines


def _format_metric(metric: str, value: float) -> str:
    if not math.isfinite(value):
        return "n/a"
    if metric.endswith("coverage"):
        return f"{value:.1f}%"
    return f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
