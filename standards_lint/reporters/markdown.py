"""A Markdown summary for a pull-request comment or ``$GITHUB_STEP_SUMMARY``.

In this order: the verdict; counts by area and severity; what the baseline
and the new-code gate held back; the project's figures against their
limits; the rules that reported most, each linked to its explanation; and
the violations, at most :data:`MAX_VIOLATIONS` of them, then "and N more".

Everything that comes from the checked code or its paths is escaped: HTML
characters become entities, Markdown punctuation is backslash-escaped, and
``@`` cannot mention anyone, so a message cannot inject markup, links or
notifications into the comment.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Final

from standards_lint.model import HeldBy, Report, Severity
from standards_lint.reporters.context import RenderContext

MAX_VIOLATIONS: Final = 50
MAX_TOP_RULES: Final = 10
_ENTITIES: Final = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "@": "&#64;"}
#: What starts or ends inline markup, a table cell or (on GitHub) inline maths.
#: Block syntax (``#``, ``-``, ``1.``) cannot start inside a line, so it is left alone.
_MARKDOWN_PUNCTUATION: Final = re.compile(r"([\\`*_\[\]|~$])")
_LINE_BREAKS: Final = re.compile(r"[\r\n\u2028\u2029]+")


def escape_markdown(text: str) -> str:
    """``text`` as literal inline Markdown: one line, no markup, no HTML, no mentions."""
    flat = _LINE_BREAKS.sub(" ", text)
    punctuated = _MARKDOWN_PUNCTUATION.sub(r"\\\1", flat)
    return "".join(_ENTITIES.get(char, char) for char in punctuated)


def render_markdown(report: Report, context: RenderContext) -> str:
    """The report as a Markdown summary."""
    sections = [
        _verdict(report),
        _counts(report, context),
        _held_back(report),
        _figures(report, context),
        _top_rules(report, context),
        _violations(report, context),
    ]
    return "\n\n".join(section for section in sections if section) + "\n"


def _verdict(report: Report) -> str:
    files = f"{report.files_checked} file{'' if report.files_checked == 1 else 's'}"
    errors = report.count(Severity.ERROR)
    if report.exit_code == 2:
        verdict = "could not finish the check (a rule failed; see the log)"
    elif errors:
        verdict = f"failed: {errors} error{'' if errors == 1 else 's'}"
    else:
        verdict = "passed"
    total = len(report.violations)
    against = (
        escape_markdown(report.standards_path) if report.standards_path else "the default standards"
    )
    found = f"{total} violation{'' if total == 1 else 's'} in {files}, against {against}."
    return f"## standards-lint {verdict}\n\n{found}"


def _counts(report: Report, context: RenderContext) -> str:
    if not report.violations:
        return ""
    by_area: Counter[tuple[str, Severity]] = Counter()
    for violation in report.violations:
        rule = context.rule(violation.rule, violation.name)
        # A rule the context does not know is counted under its code's prefix.
        area = rule.area_title or rule.area or violation.rule.rstrip("0123456789")
        by_area[(area, violation.severity)] += 1
    areas = sorted({area for area, _ in by_area})
    rows = ["| area | error | warning | info | total |", "| --- | ---: | ---: | ---: | ---: |"]
    for area in areas:
        counts = [by_area[(area, severity)] for severity in Severity]
        cells = " | ".join(str(count) for count in counts)
        rows.append(f"| {escape_markdown(area)} | {cells} | {sum(counts)} |")
    totals = [report.count(severity) for severity in Severity]
    rows.append(
        f"| **total** | {' | '.join(f'**{count}**' for count in totals)} | **{sum(totals)}** |"
    )
    return "\n".join(rows)


def _held_back(report: Report) -> str:
    lines = []
    if report.baselined is not None:
        line = (
            f"- Baseline: **{len(report.violations)} new**, {report.baselined} baselined"
            f" (hidden), {report.fixed_in_baseline} fixed"
        )
        if report.fixed_in_baseline:
            line += " — run `standards-lint baseline --prune` to lock that in"
        lines.append(line)
    if report.new_code_hidden is not None:
        lines.append(
            f"- New code only: {report.new_code_hidden} violation"
            f"{'' if report.new_code_hidden == 1 else 's'} outside the changed lines (hidden)"
        )
    suppressed = sum(1 for held in report.suppressed if held.held_by is HeldBy.COMMENT)
    if suppressed:
        lines.append(f"- Suppression comments: {suppressed} suppressed")
    return "\n".join(lines)


def _figures(report: Report, context: RenderContext) -> str:
    if not report.metrics:
        return ""
    rows = ["### Project figures", "", "| figure | value | limit | |", "| --- | ---: | --- | --- |"]
    for name, value in report.metrics.items():
        limit = context.figure_limits.get(name)
        shown = "n/a" if not math.isfinite(value) else _number(name, value)
        if limit is None:
            rows.append(f"| {escape_markdown(name)} | {shown} | | |")
            continue
        met = limit.met_by(value)
        mark = "" if met is None else ("met" if met else "**not met**")
        rows.append(
            f"| {escape_markdown(name)} | {shown} | {escape_markdown(limit.written)} | {mark} |"
        )
    return "\n".join(rows)


def _number(name: str, value: float) -> str:
    if name.endswith("coverage"):
        return f"{value:.1f}%"
    return str(int(value)) if value == int(value) else f"{value:.2f}"


def _top_rules(report: Report, context: RenderContext) -> str:
    counts = report.rule_counts()
    if not counts:
        return ""
    rows = ["### Top rules", "", "| rule | count | why it matters |", "| --- | ---: | --- |"]
    for code, name, count in counts[:MAX_TOP_RULES]:
        rule = context.rule(code, name)
        link = f"[{escape_markdown(f'{code} {name}')}]({rule.help_uri})"
        rows.append(f"| {link} | {count} | {escape_markdown(rule.summary)} |")
    if len(counts) > MAX_TOP_RULES:
        rows.append(f"| and {len(counts) - MAX_TOP_RULES} more rules | | |")
    return "\n".join(rows)


def _violations(report: Report, context: RenderContext) -> str:
    if not report.violations:
        return ""
    rows = [
        "### Violations",
        "",
        "| where | rule | severity | message |",
        "| --- | --- | --- | --- |",
    ]
    for violation in report.violations[:MAX_VIOLATIONS]:
        where = f"{context.source_path(violation.path)}:{violation.span.line}"
        rule = context.rule(violation.rule, violation.name)
        link = f"[{escape_markdown(violation.rule)}]({rule.help_uri})"
        rows.append(
            f"| {escape_markdown(where)} | {link} | {violation.severity.value}"
            f" | {escape_markdown(violation.message)} |"
        )
    more = len(report.violations) - MAX_VIOLATIONS
    if more > 0:
        rows += ["", f"… and {more} more."]
    return "\n".join(rows)
