"""A CSV output format for standards-lint: one row per violation.

The columns are ``path, line, column, rule, name, severity, message,
help``: paths relative to the Git work tree, and ``help`` the link to the
rule's explanation, both taken from the context standards-lint hands every
format, so this module never reads the rule registry itself.
"""

from __future__ import annotations

import csv
import io

from standards_lint.model import Report
from standards_lint.reporters import RenderContext

__all__ = ["COLUMNS", "render_csv"]

COLUMNS = ("path", "line", "column", "rule", "name", "severity", "message", "help")
#: Spreadsheets run a cell that starts with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def render_csv(report: Report, context: RenderContext) -> str:
    """The report's violations as CSV, with a header row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for violation in report.violations:
        rule = context.rule(violation.rule, violation.name)
        writer.writerow(
            (
                _cell(context.source_path(violation.path)),
                violation.span.line,
                violation.span.column,
                violation.rule,
                violation.name,
                violation.severity.value,
                _cell(violation.message),
                rule.help_uri,
            )
        )
    return buffer.getvalue()


def _cell(text: str) -> str:
    """``text`` that a spreadsheet shows as text, never evaluates."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text
