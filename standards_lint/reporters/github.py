"""GitHub Actions workflow commands: each violation an annotation on the pull request.

``::error file=shop/cart.py,line=3,col=5,endLine=3,endColumn=9,title=STY001
line-too-long::message`` for an error, ``::warning`` and ``::notice`` for the
other severities. GitHub reads a command from one line of the log, so the
message escapes ``%``, CR and LF, and each property escapes ``:`` and ``,``
too; a message cannot end its command early or start another. Paths are
relative to the Git work tree, where GitHub places annotations.
"""

from __future__ import annotations

from typing import Final

from standards_lint.model import Report, Severity, Violation
from standards_lint.reporters.context import RenderContext

COMMANDS: Final = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_DATA_ESCAPES: Final = {"%": "%25", "\r": "%0D", "\n": "%0A"}
_PROPERTY_ESCAPES: Final = {**_DATA_ESCAPES, ":": "%3A", ",": "%2C"}


def escape_data(text: str) -> str:
    """``text`` as the message of a workflow command."""
    return "".join(_DATA_ESCAPES.get(char, char) for char in text)


def escape_property(text: str) -> str:
    """``text`` as the value of a workflow command's property (``file=``, ``title=``)."""
    return "".join(_PROPERTY_ESCAPES.get(char, char) for char in text)


def render_github(report: Report, context: RenderContext) -> str:
    """One workflow command per violation, then a plain summary line for the log."""
    lines = [_annotation(violation, context) for violation in report.violations]
    lines.append(_summary(report))
    return "\n".join(lines) + "\n"


def _annotation(violation: Violation, context: RenderContext) -> str:
    span = violation.span
    properties = {
        "file": context.source_path(violation.path),
        "line": str(span.line),
        "col": str(span.column),
        "endLine": str(span.end_line),
        "endColumn": str(span.end_column),
        "title": f"{violation.rule} {violation.name}",
    }
    if span.end_line != span.line:
        # GitHub ignores columns on an annotation that covers several lines.
        del properties["col"], properties["endColumn"]
    shown = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{COMMANDS[violation.severity]} {shown}::{escape_data(violation.message)}"


def _summary(report: Report) -> str:
    total = len(report.violations)
    counts = ", ".join(f"{report.count(severity)} {severity.value}" for severity in Severity)
    files = f"{report.files_checked} file{'' if report.files_checked == 1 else 's'}"
    noun = "violation" if total == 1 else "violations"
    line = f"standards-lint: {total} {noun} ({counts}) in {files}."
    if report.baselined is not None:
        line += f" Baseline: {report.baselined} hidden, {report.fixed_in_baseline} fixed."
    if report.new_code_hidden is not None:
        line += f" Outside the changed lines: {report.new_code_hidden} hidden."
    return line
