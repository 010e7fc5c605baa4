"""Sample data every format's tests render: rules, violations, awkward text.

The report holds a message with everything a format must escape (``%``, CR
and LF, ``::``, ``,``, markup, a mention, a control character), a path with
characters URIs and properties reserve, a clean file, and violations held
back by a comment and by the baseline.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from standards_lint.model import Severity, Span, Violation
from standards_lint.reporters import RuleDoc

HOSTILE = '100% <script>alert("x")</script> a::b, c|d\r\n@team & `e` *f* [g](h) \x07 $x$'
ODD_PATH = "src/odd dir/50%,a:b.py"
ROOT = Path("/work/repo")


def rule_doc(code: str, name: str, area: str, severity: Severity = Severity.ERROR) -> RuleDoc:
    """A rule's documentation as the command line would build it."""
    return RuleDoc(
        code=code,
        name=name,
        area=area,
        severity=severity,
        summary=f"The summary of {name}.",
        rationale=f"Why {name} matters.",
        help_uri=f"https://docs.example/rules.md#{code.lower()}-{name}",
        options={"max-line-length": "100"} if code == "STY001" else {},
        area_title=area.title(),
    )


RULES = {
    "STY001": rule_doc("STY001", "line-too-long", "style"),
    "STY014": rule_doc("STY014", "todo-without-ticket", "style", Severity.WARNING),
    "DOC101": rule_doc("DOC101", "missing-module-docstring", "docstrings"),
    "CPX001": rule_doc("CPX001", "cyclomatic-complexity", "complexity"),
}


def violation(
    code: str,
    path: str,
    line: int,
    message: str,
    *,
    severity: Severity = Severity.ERROR,
    span: Span | None = None,
    fingerprint: str = "",
) -> Violation:
    """A violation of one of :data:`RULES`."""
    return Violation(
        code,
        RULES[code].name,
        severity,
        path,
        span or Span(line, 5, line, 9),
        message,
        fingerprint=fingerprint or hashlib.sha256(f"{code}{path}{line}".encode()).hexdigest()[:16],
    )
